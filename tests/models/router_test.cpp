// The router: address translation for b_transport, DMI and transport_dbg,
// overlays, address errors, DMI invalidation and tracing.
#include "rvtlm/models/router.h"

#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "direct_initiator.h"
#include "rvtlm/models/memory.h"

namespace rvtlm::models {
namespace {

using test::DirectInitiator;
using Initiator = DirectInitiator;

struct Bench {
  Initiator cpu{"cpu"};
  Initiator dma{"dma"};
  Router router{"router"};
  Memory ram{"ram", MemoryConfig{0x10000}};
  Memory rom{"rom", MemoryConfig{0x1000, /*read_only=*/true}};
  Memory page{"page", MemoryConfig{0x100}};
  Bench() {
    cpu.socket.bind(router.target_socket);
    dma.socket.bind(router.target_socket);
    router.map(ram.socket, {"ram", 0x80000000, 0x10000});
    router.map(rom.socket, {"rom", 0x1000, 0x1000});
    router.map(page.socket, {"page", 0x80001000, 0x100, /*overlay=*/true});
    // Multi-sockets complete their bindings at the end of elaboration.
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
};

TEST(Router, TranslatesAddressesToTargetOffsets) {
  Bench b;
  uint32_t v = 0xdeadbeef;
  EXPECT_EQ(b.cpu.access(tlm::TLM_WRITE_COMMAND, 0x80000010, &v, 4), tlm::TLM_OK_RESPONSE);
  uint32_t got;
  std::memcpy(&got, b.ram.data() + 0x10, 4);
  EXPECT_EQ(got, 0xdeadbeefu);
  v = 0x1234;
  EXPECT_EQ(b.cpu.access(tlm::TLM_WRITE_COMMAND, 0x80001008, &v, 4), tlm::TLM_OK_RESPONSE);
  std::memcpy(&got, b.page.data() + 8, 4);
  EXPECT_EQ(got, 0x1234u);  // the overlay won over RAM
  std::memcpy(&got, b.ram.data() + 0x1008, 4);
  EXPECT_EQ(got, 0u);
}

TEST(Router, UnmappedAndStraddlingAccessesAreAddressErrors) {
  Bench b;
  uint64_t v = 0;
  EXPECT_EQ(b.cpu.access(tlm::TLM_READ_COMMAND, 0x0, &v, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.access(tlm::TLM_READ_COMMAND, 0x8000fffc, &v, 8),
            tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.access(tlm::TLM_READ_COMMAND, 0x90000000, &v, 4),
            tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(Router, RejectsOverlappingRanges) {
  Initiator cpu("cpu");
  Router router("router");
  Memory a("a", MemoryConfig{0x1000});
  Memory b("b", MemoryConfig{0x1000});
  cpu.socket.bind(router.target_socket);
  router.map(a.socket, {"a", 0x1000, 0x1000});
  EXPECT_THROW(router.map(b.socket, {"b", 0x1800, 0x1000}), std::invalid_argument);
}

TEST(Router, DmiRegionsAreGlobalAndStopAtOverlays) {
  Bench b;
  tlm::tlm_dmi d;
  ASSERT_TRUE(b.cpu.dmi(0x80000100, d));
  EXPECT_EQ(d.get_start_address(), 0x80000000u);
  EXPECT_EQ(d.get_end_address(), 0x80000fffu);  // stops below the overlay page
  EXPECT_EQ(d.get_dmi_ptr(), b.ram.data());
  ASSERT_TRUE(b.cpu.dmi(0x80002000, d));
  EXPECT_EQ(d.get_start_address(), 0x80001100u);  // starts above it
  EXPECT_EQ(d.get_end_address(), 0x8000ffffu);
  EXPECT_EQ(d.get_dmi_ptr(), b.ram.data() + 0x1100);
  ASSERT_TRUE(b.cpu.dmi(0x1000, d));
  EXPECT_TRUE(d.is_read_allowed());
  EXPECT_FALSE(d.is_write_allowed());  // ROM grants read-only DMI
}

TEST(Router, InvalidationReachesInitiatorsInGlobalAddresses) {
  Bench b;
  b.rom.set_dmi(false);
  ASSERT_EQ(b.cpu.invalidations.size(), 1u);
  EXPECT_EQ(b.cpu.invalidations[0].first, 0x1000u);
  EXPECT_EQ(b.cpu.invalidations[0].second, 0x1fffu);
  tlm::tlm_dmi d;
  EXPECT_FALSE(b.cpu.dmi(0x1000, d));
}

TEST(Router, DebugAccessesAreTranslatedAndClipped) {
  Bench b;
  const char text[] = "loader";
  EXPECT_EQ(b.cpu.debug(tlm::TLM_WRITE_COMMAND, 0x1ffc, const_cast<char*>(text), 7), 4u);
  EXPECT_EQ(std::memcmp(b.rom.data() + 0xffc, "load", 4), 0);  // ROM is writable by loaders
  char buf[4] = {};
  EXPECT_EQ(b.cpu.debug(tlm::TLM_READ_COMMAND, 0x1ffc, buf, 4), 4u);
  EXPECT_EQ(std::memcmp(buf, "load", 4), 0);
  EXPECT_EQ(b.cpu.debug(tlm::TLM_READ_COMMAND, 0x5000, buf, 4), 0u);
}

// Which initiator made each transaction: the order of binding.
TEST(Router, TraceNamesTheInitiator) {
  Bench b;
  std::vector<int> initiators;
  b.router.trace = [&](const RouterTraceRecord& r) { initiators.push_back(r.initiator); };
  uint32_t v = 1;
  b.cpu.access(tlm::TLM_WRITE_COMMAND, 0x80000000, &v, 4);
  b.dma.access(tlm::TLM_WRITE_COMMAND, 0x80000000, &v, 4);
  b.dma.access(tlm::TLM_READ_COMMAND, 0x4, &v, 4);
  EXPECT_EQ(initiators, (std::vector<int>{0, 1, 1}));
}

TEST(Router, TraceSeesGlobalAddressTimeAndTarget) {
  Bench b;
  std::vector<std::tuple<uint64_t, std::string, tlm::tlm_response_status>> seen;
  b.router.trace = [&](const RouterTraceRecord& r) {
    seen.emplace_back(r.payload->get_address(), r.range ? r.range->name : "-",
                      r.payload->get_response_status());
  };
  uint32_t v = 1;
  b.cpu.access(tlm::TLM_WRITE_COMMAND, 0x1000, &v, 4);
  b.cpu.access(tlm::TLM_READ_COMMAND, 0x80001000, &v, 4);
  b.cpu.access(tlm::TLM_READ_COMMAND, 0x4, &v, 4);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0],
            std::make_tuple(uint64_t{0x1000}, std::string("rom"), tlm::TLM_COMMAND_ERROR_RESPONSE));
  EXPECT_EQ(seen[1],
            std::make_tuple(uint64_t{0x80001000}, std::string("page"), tlm::TLM_OK_RESPONSE));
  EXPECT_EQ(seen[2],
            std::make_tuple(uint64_t{0x4}, std::string("-"), tlm::TLM_ADDRESS_ERROR_RESPONSE));
}

}  // namespace
}  // namespace rvtlm::models
