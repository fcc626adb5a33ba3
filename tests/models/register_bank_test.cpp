// The register helper: decoding, size and alignment checks, access rules,
// arrays, callbacks, debug accesses, and registers that share an offset
// (read and write views, banks).
#include "rvtlm/models/register_bank.h"

#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <string>
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

unsigned debug_read(RegisterBank& bank, uint64_t addr, unsigned char* data, unsigned len) {
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  return bank.transport_dbg(p);
}

unsigned debug_write(RegisterBank& bank, uint64_t addr, unsigned char* data, unsigned len) {
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  return bank.transport_dbg(p);
}

std::string name_at(const RegisterBank& bank, uint64_t offset, bool write) {
  const Register* r = bank.register_at(offset, write);
  return r ? r->name : "(none)";
}

// A receive register and a transmit register at one offset: reads reach
// one, writes the other, each with its own value and callbacks.
TEST(RegisterBank, ReadAndWriteViewsShareAnOffset) {
  RegisterBank bank("dev");
  std::vector<uint64_t> sent;
  int pops = 0;
  bank.add(Register("rx", 4, 4).read_only().on_read([&](const AccessInfo& a) -> uint64_t {
    if (!a.debug) ++pops;
    return 0xabcd;
  }));
  const unsigned tx = bank.add(Register("tx", 4, 4).write_only().on_write([&](const WriteInfo& w) {
    sent.push_back(w.value);
  }));
  bank.add(Register("other", 0, 4).reset(0x11));
  Bus bus{bank};
  EXPECT_EQ(bus.read(4, 4), 0xabcdu);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  bus.write(4, 0x55, 4);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(sent, (std::vector<uint64_t>{0x55}));
  EXPECT_EQ(bank.get(tx), 0x55u);
  EXPECT_EQ(pops, 1);
  EXPECT_EQ(name_at(bank, 4, false), "rx");
  EXPECT_EQ(name_at(bank, 7, true), "tx");
  EXPECT_EQ(name_at(bank, 0, true), "other");
  EXPECT_EQ(name_at(bank, 8, false), "(none)");

  unsigned char buf[8] = {};
  EXPECT_EQ(debug_read(bank, 0, buf, 8), 8u);  // the read view, no side effect
  EXPECT_EQ(buf[0], 0x11);
  EXPECT_EQ(buf[4], 0xcd);
  EXPECT_EQ(buf[5], 0xab);
  EXPECT_EQ(pops, 1);
  unsigned char byte = 0x77;
  EXPECT_EQ(debug_write(bank, 4, &byte, 1), 1u);  // the write view
  EXPECT_EQ(bank.get(tx), 0x77u);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1], 0x77u);
}

// Two banks behind a selector (a 16550's divisor latch behind LCR.DLAB):
// the selector decides, access by access, which register an offset reaches.
TEST(RegisterBank, BanksFollowTheirSelector) {
  RegisterBank bank("dev");
  bool latch = false;
  std::vector<std::string> writes;
  const unsigned data =
      bank.add(Register("data", 0, 1)
                   .reset(0x10)
                   .when([&] { return !latch; })
                   .on_write([&](const WriteInfo&) { writes.push_back("data"); }));
  const unsigned divisor =
      bank.add(Register("divisor", 0, 1).reset(0x20).when([&] { return latch; }));
  // Only while the latch is open: nothing there otherwise.
  bank.add(Register("mode", 1, 1).reset(0x30).when([&] { return latch; }));
  Bus bus{bank};
  EXPECT_EQ(bus.read(0, 1), 0x10u);
  EXPECT_EQ(name_at(bank, 0, false), "data");
  bus.read(1, 1);
  EXPECT_EQ(bus.last, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(name_at(bank, 1, false), "(none)");

  latch = true;
  EXPECT_EQ(bus.read(0, 1), 0x20u);
  EXPECT_EQ(bus.read(1, 1), 0x30u);
  EXPECT_EQ(name_at(bank, 0, true), "divisor");
  EXPECT_EQ(name_at(bank, 1, true), "mode");
  bus.write(0, 0x0c, 1);
  EXPECT_EQ(bank.get(divisor), 0x0cu);
  EXPECT_EQ(bank.get(data), 0x10u);
  EXPECT_TRUE(writes.empty());
  unsigned char buf[2] = {};
  EXPECT_EQ(debug_read(bank, 0, buf, 2), 2u);
  EXPECT_EQ(buf[0], 0x0c);
  EXPECT_EQ(buf[1], 0x30);

  latch = false;
  bus.write(0, 0x99, 1);
  EXPECT_EQ(writes, (std::vector<std::string>{"data"}));
  EXPECT_EQ(bank.get(data), 0x99u);
  EXPECT_EQ(bank.get(divisor), 0x0cu);
  EXPECT_EQ(debug_read(bank, 0, buf, 2), 1u);  // offset 1 has no register now
  EXPECT_EQ(buf[0], 0x99);

  bank.reset();
  EXPECT_EQ(bank.get(data), 0x10u);
  EXPECT_EQ(bank.get(divisor), 0x20u);
}

// A selected bank whose register does not allow the direction refuses the
// access as a read-only or write-only register does.
TEST(RegisterBank, SelectedBankWithoutTheDirectionIsACommandError) {
  RegisterBank bank("dev");
  bool second = false;
  bank.add(Register("status", 0, 4).read_only().reset(5).when([&] { return !second; }));
  bank.add(Register("control", 0, 4).reset(6).when([&] { return second; }));
  Bus bus{bank};
  bus.write(0, 1, 4);
  EXPECT_EQ(bus.last, tlm::TLM_COMMAND_ERROR_RESPONSE);
  EXPECT_EQ(name_at(bank, 0, true), "(none)");
  bus.write(0, 1, 2);  // the size is checked first, as for any register
  EXPECT_EQ(bus.last, tlm::TLM_GENERIC_ERROR_RESPONSE);
  second = true;
  bus.write(0, 1, 4);
  EXPECT_EQ(bus.last, tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(bus.read(0, 4), 1u);
}

TEST(RegisterBank, SharedOffsetsMustBeToldApart) {
  RegisterBank bank("dev");
  bank.add(Register("a", 0, 4));
  bank.add(Register("ro", 8, 4).read_only());
  bank.add(Register("wo", 8, 4).write_only());
  bank.add(Register("banked", 16, 4).when([] { return true; }));
  bank.add(Register("plain", 16, 4));  // apart: the other has a bank
  // Neither a direction nor a bank tells these from what lies there.
  EXPECT_THROW(bank.add(Register("b", 0, 4)), std::invalid_argument);
  EXPECT_THROW(bank.add(Register("ro2", 8, 4).read_only()), std::invalid_argument);
  EXPECT_THROW(bank.add(Register("c", 8, 4)), std::invalid_argument);
  // Sharing means the same place: not a part of another register.
  EXPECT_THROW(bank.add(Register("half", 16, 2).when([] { return false; })), std::invalid_argument);
  EXPECT_THROW(bank.add(Register("wide", 16, 8).when([] { return false; })), std::invalid_argument);
}

}  // namespace
}  // namespace rvtlm::models
