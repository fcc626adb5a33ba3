// The memory model: latencies, DMI grants (read-only for flash), debug
// accesses that may write read-only memory, loading, and range errors.
#include "rvtlm/models/memory.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "direct_initiator.h"

namespace rvtlm::models {
namespace {

using Initiator = test::DirectInitiator;

TEST(Memory, LatenciesAreAddedToTheDelay) {
  Initiator cpu("cpu");
  MemoryConfig c{0x100};
  c.read_latency = sc_core::sc_time(3, sc_core::SC_NS);
  c.write_latency = sc_core::sc_time(5, sc_core::SC_NS);
  Memory m("m", c);
  cpu.socket.bind(m.socket);
  uint32_t v = 0;
  sc_core::sc_time delay;
  cpu.access(tlm::TLM_READ_COMMAND, 0, &v, 4, &delay);
  EXPECT_EQ(delay, sc_core::sc_time(3, sc_core::SC_NS));
  cpu.access(tlm::TLM_WRITE_COMMAND, 0, &v, 4, &delay);
  EXPECT_EQ(delay, sc_core::sc_time(5, sc_core::SC_NS));
}

TEST(Memory, LoadsBinariesAndRejectsWhatDoesNotFit) {
  Memory m("m", MemoryConfig{0x100});
  const std::string path = ::testing::TempDir() + "rvtlm_memory_test.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "firmware";
  }
  EXPECT_EQ(m.load_binary(path, 0x10), 8u);
  EXPECT_EQ(std::memcmp(m.data() + 0x10, "firmware", 8), 0);
  EXPECT_THROW(m.load_binary(path, 0xfc), std::runtime_error);
  EXPECT_THROW(m.load_binary(path + ".missing", 0), std::runtime_error);
  EXPECT_THROW(m.write(0xff, "ab", 2), std::out_of_range);
  EXPECT_THROW(Memory("zero", MemoryConfig{0}), std::invalid_argument);
}

TEST(Memory, ReadOnlyMemoryRejectsStoresButNotLoaders) {
  Initiator cpu("cpu");
  MemoryConfig c{0x100};
  c.read_only = true;
  Memory flash("flash", c);
  cpu.socket.bind(flash.socket);
  uint32_t v = 0x12345678;
  EXPECT_EQ(cpu.access(tlm::TLM_WRITE_COMMAND, 0x10, &v, 4), tlm::TLM_COMMAND_ERROR_RESPONSE);
  EXPECT_EQ(cpu.debug(tlm::TLM_WRITE_COMMAND, 0x10, &v, 4), 4u);
  uint32_t back = 0;
  EXPECT_EQ(cpu.access(tlm::TLM_READ_COMMAND, 0x10, &back, 4), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(back, 0x12345678u);
  tlm::tlm_dmi d;
  ASSERT_TRUE(cpu.dmi(0x10, d));
  EXPECT_TRUE(d.is_read_allowed());
  EXPECT_FALSE(d.is_write_allowed());
  EXPECT_EQ(d.get_dmi_ptr(), flash.data());
}

TEST(Memory, AccessesPastTheEndAreAddressErrors) {
  Initiator cpu("cpu");
  Memory m("m", MemoryConfig{0x100});
  cpu.socket.bind(m.socket);
  uint64_t v = 0;
  EXPECT_EQ(cpu.access(tlm::TLM_READ_COMMAND, 0xfc, &v, 8), tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(cpu.access(tlm::TLM_READ_COMMAND, 0x100, &v, 1), tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(cpu.debug(tlm::TLM_READ_COMMAND, 0xfc, &v, 8), 4u);  // debug stops at the end
}

}  // namespace
}  // namespace rvtlm::models
