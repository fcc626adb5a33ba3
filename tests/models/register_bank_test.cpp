// The register helper: decoding, size and alignment checks, access rules,
// arrays, callbacks and debug accesses.
#include "rvtlm/models/register_bank.h"

#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace rvtlm::models {
namespace {

struct Bus {
  RegisterBank& bank;
  tlm::tlm_response_status last = tlm::TLM_INCOMPLETE_RESPONSE;

  uint64_t read(uint64_t addr, unsigned len) {
    uint64_t v = 0;
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_READ_COMMAND);
    p.set_address(addr);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
    p.set_data_length(len);
    p.set_streaming_width(len);
    bank.transport(p, sc_core::SC_ZERO_TIME);
    last = p.get_response_status();
    return v;
  }
  void write(uint64_t addr, uint64_t v, unsigned len) {
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_WRITE_COMMAND);
    p.set_address(addr);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
    p.set_data_length(len);
    p.set_streaming_width(len);
    bank.transport(p, sc_core::SC_ZERO_TIME);
    last = p.get_response_status();
  }
};

TEST(RegisterBank, ReadsResetValuesAndStoresWrites) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 4).reset(0x12345678));
  const unsigned b = bank.add(Register("b", 8, 8));
  Bus bus{bank};
  EXPECT_EQ(bus.read(0, 4), 0x12345678u);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  bus.write(8, 0x1122334455667788ull, 8);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(bank.get(b), 0x1122334455667788ull);
  bank.reset();
  EXPECT_EQ(bank.get(b), 0u);
}

TEST(RegisterBank, UnmappedOffsetIsAnAddressError) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 4));
  bank.add(Register("b", 8, 4));
  Bus bus{bank};
  bus.read(4, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  bus.write(0x100, 1, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(RegisterBank, WrongSizeOrAlignmentIsAnError) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 4));
  bank.add(Register("t", 8, 8).allow_sizes(4 | 8));
  Bus bus{bank};
  bus.read(0, 1);
  EXPECT_EQ(bus.last, tlm::TLM_GENERIC_ERROR_RESPONSE);
  bus.read(0, 8);
  EXPECT_EQ(bus.last, tlm::TLM_GENERIC_ERROR_RESPONSE);
  bus.write(8, 0xaaaaaaaa, 4);  // low half
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  bus.write(12, 0xbbbbbbbb, 4);  // high half
  EXPECT_EQ(bus.read(8, 8), 0xbbbbbbbbaaaaaaaaull);
  bus.read(10, 4);  // misaligned half
  EXPECT_EQ(bus.last, tlm::TLM_GENERIC_ERROR_RESPONSE);
}

TEST(RegisterBank, AccessRulesAndWritableBits) {
  RegisterBank bank("dev");
  bank.add(Register("ro", 0, 4).reset(7).read_only());
  bank.add(Register("wo", 4, 4).write_only());
  const unsigned m = bank.add(Register("m", 8, 4).reset(0xf0).writable(0x0f));
  Bus bus{bank};
  bus.write(0, 1, 4);
  EXPECT_EQ(bus.last, tlm::TLM_COMMAND_ERROR_RESPONSE);
  EXPECT_EQ(bus.read(0, 4), 7u);
  bus.read(4, 4);
  EXPECT_EQ(bus.last, tlm::TLM_COMMAND_ERROR_RESPONSE);
  bus.write(8, 0xffffff05, 4);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(bank.get(m), 0xf5u);
}

TEST(RegisterBank, ArraysAndCallbacksSeeTheElementAndTime) {
  RegisterBank bank("dev");
  std::vector<WriteInfo> writes;
  bank.add(Register("prio", 0x100, 4)
               .array(8, 8)
               .on_read([](const AccessInfo& a) { return uint64_t{a.index} * 10; })
               .on_write([&](const WriteInfo& w) { writes.push_back(w); }));
  Bus bus{bank};
  EXPECT_EQ(bus.read(0x100 + 3 * 8, 4), 30u);
  bus.read(0x104, 4);  // the gap between elements
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  bus.write(0x100 + 7 * 8, 0x55, 4);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].index, 7u);
  EXPECT_EQ(writes[0].value, 0x55u);
  EXPECT_EQ(writes[0].byte_mask, 0xffffffffu);
  EXPECT_FALSE(writes[0].debug);
  bus.read(0x100 + 8 * 8, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(RegisterBank, LargeSparseBankUsesTheSameRules) {
  RegisterBank bank("plic-like");
  bank.add(Register("low", 0, 4).reset(1));
  bank.add(Register("high", 0x200000, 4).reset(2).array(4, 0x1000));
  Bus bus{bank};
  EXPECT_EQ(bus.read(0x203000, 4), 2u);
  bus.read(0x204000, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  bus.read(0x100000, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(RegisterBank, InterleavedArraysInALargeBank) {
  // Two arrays with the same stride, one register apart: an element of the
  // first lies between elements of the second.
  RegisterBank bank("plic-contexts");
  bank.add(Register("threshold", 0x200000, 4).reset(1).array(4, 0x1000));
  bank.add(Register("claim", 0x200004, 4).reset(2).array(4, 0x1000));
  Bus bus{bank};
  EXPECT_EQ(bus.read(0x203000, 4), 1u);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(bus.read(0x203004, 4), 2u);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  bus.read(0x203008, 4);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(RegisterBank, RejectsOverlapsAndBadWidths) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 8));
  EXPECT_THROW(bank.add(Register("b", 4, 4)), std::invalid_argument);
  EXPECT_THROW(bank.add(Register("c", 16, 3)), std::invalid_argument);
  EXPECT_THROW(bank.add(Register("d", 18, 4)), std::invalid_argument);
}

TEST(RegisterBank, DebugAccessesAnyBytesWithoutSideEffects) {
  RegisterBank bank("dev");
  bool side_effect = false;
  bank.add(Register("a", 0, 4).reset(0x44332211));
  bank.add(Register("pop", 4, 4).on_read([&](const AccessInfo& a) -> uint64_t {
    if (!a.debug) side_effect = true;
    return 0x88776655;
  }));
  unsigned char buf[12] = {};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(1);
  p.set_data_ptr(buf);
  p.set_data_length(12);
  EXPECT_EQ(bank.transport_dbg(p), 7u);  // stops at the end of the registers
  EXPECT_EQ(buf[0], 0x22);
  EXPECT_EQ(buf[6], 0x88);
  EXPECT_FALSE(side_effect);
}

TEST(RegisterBank, ByteEnablesAndStreamingAreRejected) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 4));
  uint32_t v = 0;
  unsigned char be[4] = {0xff, 0, 0xff, 0};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(4);
  p.set_streaming_width(4);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(4);
  bank.transport(p, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(p.get_response_status(), tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
  p.set_byte_enable_ptr(nullptr);
  p.set_streaming_width(1);
  bank.transport(p, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(p.get_response_status(), tlm::TLM_BURST_ERROR_RESPONSE);
}

}  // namespace
}  // namespace rvtlm::models
