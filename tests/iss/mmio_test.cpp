// Accesses that reach the bus carry the exact number of instructions retired
// before the accessing instruction, wherever it sits in a decoded block.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::HartConfig;
using iss::StopReason;

TEST(Mmio, MmioCarriesExactInstructionCount) {
  for (const int k : {0, 1, 5, 50, 300}) {
    SCOPED_TRACE(k);
    Program p = {lui(t1, 0x10000)};
    for (int i = 0; i < k; ++i) p.push_back(nop());
    p.push_back(sw(a0, t1, 8));
    p.push_back(wfi());
    HartConfig c;
    c.hart_id = 5;
    Machine m(p, c);
    m.hart.set_reg(a0, 0xcafe);
    ASSERT_EQ(m.hart.run(1000).reason, StopReason::Wfi);
    const BusRecord expected{kMmioBase + 8, 4, AccessType::Write, 1u + static_cast<uint64_t>(k),
                             0xcafe,        5};
    EXPECT_EQ(m.bus.mmio_accesses(), std::vector<BusRecord>{expected});
  }
}

// A straight-line block of `length` instructions with MMIO and RAM accesses
// at fixed places, run `passes` times by an outer loop. Returns the accesses
// expected on the bus (RAM ones only when `ram_on_bus`).
struct LongBlock {
  Program program;
  std::vector<BusRecord> mmio;
  std::vector<BusRecord> ram;
};

LongBlock long_block(unsigned length, unsigned passes) {
  // Registers: t1 = MMIO, s0 = RAM data, t0 = passes left, a3 counts.
  LongBlock b;
  b.program = {addi(t0, zero, static_cast<int32_t>(passes))};  // index 0
  const unsigned first = 1;
  const std::vector<unsigned> mmio_at = {1, 2, 3, 40, 41, 77, length - 1};
  for (unsigned pass = 0; pass < passes; ++pass) {
    // Instruction index i of the body retires after 1 + pass * (length + 2) + i others.
    const uint64_t base = first + pass * (length + 2);
    unsigned n_mmio = 0;
    for (unsigned i = 0; i < length; ++i) {
      const bool is_mmio = std::find(mmio_at.begin(), mmio_at.end(), i) != mmio_at.end();
      const int32_t off = static_cast<int32_t>(8 * (i % 16));
      if (is_mmio) {
        const bool write = (n_mmio++ % 2) == 0;
        if (pass == 0) b.program.push_back(write ? sd(a3, t1, off) : ld(a4, t1, off));
        b.mmio.push_back({kMmioBase + static_cast<uint64_t>(off), 8,
                          write ? AccessType::Write : AccessType::Read, base + i, 0, 0});
      } else if (i % 5 == 4) {
        const bool write = (i / 5) % 2 == 0;
        if (pass == 0) b.program.push_back(write ? sw(a3, s0, off) : lw(a5, s0, off));
        b.ram.push_back({kRamBase + 0x4000 + static_cast<uint64_t>(off), 4,
                         write ? AccessType::Write : AccessType::Read, base + i, 0, 0});
      } else if (pass == 0) {
        b.program.push_back(addi(a3, a3, 1));
      }
    }
  }
  const auto body_bytes = static_cast<int32_t>(4 * length);
  b.program.push_back(addi(t0, t0, -1));
  b.program.push_back(bne(t0, zero, -body_bytes - 4));
  b.program.push_back(wfi());
  return b;
}

// Compares what reached the bus with the expectation, ignoring data.
void expect_same_accesses(std::vector<BusRecord> got, const std::vector<BusRecord>& want) {
  for (BusRecord& r : got) r.data = 0;
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].addr, want[i].addr) << i;
    EXPECT_EQ(got[i].type, want[i].type) << i;
    EXPECT_EQ(got[i].size, want[i].size) << i;
    EXPECT_EQ(got[i].retired, want[i].retired) << i;
  }
}

TEST(Mmio, ExactCountInTheMiddleOfALongBlockAfterEarlierMmio) {
  const LongBlock b = long_block(200, 3);
  Machine m(b.program);
  m.hart.set_reg(t1, kMmioBase);
  m.hart.set_reg(s0, kRamBase + 0x4000);
  ASSERT_EQ(m.hart.run(10000).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.retired(), 1 + 3 * 202 + 1u);
  expect_same_accesses(m.bus.mmio_accesses(), b.mmio);
  EXPECT_TRUE(m.bus.ram_accesses().empty());  // RAM went through DMI
}

TEST(Mmio, ExactCountForEveryRamAccessWhenDmiIsOff) {
  const LongBlock b = long_block(200, 3);
  Machine m(b.program);
  m.bus.dmi = false;
  m.hart.set_reg(t1, kMmioBase);
  m.hart.set_reg(s0, kRamBase + 0x4000);
  ASSERT_EQ(m.hart.run(10000).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.retired(), 1 + 3 * 202 + 1u);
  expect_same_accesses(m.bus.mmio_accesses(), b.mmio);
  expect_same_accesses(m.bus.ram_accesses(), b.ram);
  EXPECT_GT(b.ram.size(), 3 * 30u);
}

TEST(Mmio, ExactCountWhenTheBudgetEndsInsideTheBlock) {
  const LongBlock b = long_block(200, 3);
  Machine m(b.program);
  m.bus.dmi = false;
  m.hart.set_reg(t1, kMmioBase);
  m.hart.set_reg(s0, kRamBase + 0x4000);
  for (uint64_t budget : {3, 37, 1, 150, 2, 99, 1000}) m.hart.run(budget);
  EXPECT_TRUE(m.hart.waiting_for_interrupt());
  expect_same_accesses(m.bus.mmio_accesses(), b.mmio);
  expect_same_accesses(m.bus.ram_accesses(), b.ram);
}

TEST(Mmio, AccessSizesAndDataAreLittleEndian) {
  Machine m({sb(a0, t1, 0), sh(a0, t1, 2), sw(a0, t1, 4), sd(a0, t1, 8), lb(a1, t1, 8),
             lbu(a2, t1, 8), lh(a3, t1, 14), lw(a4, t1, 12), ld(a5, t1, 8), wfi()});
  m.hart.set_reg(t1, kMmioBase);
  m.hart.set_reg(a0, 0x8899aabbccddeeff);
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  const std::vector<BusRecord> want = {
      {kMmioBase + 0, 1, AccessType::Write, 0, 0xff, 0},
      {kMmioBase + 2, 2, AccessType::Write, 1, 0xeeff, 0},
      {kMmioBase + 4, 4, AccessType::Write, 2, 0xccddeeff, 0},
      {kMmioBase + 8, 8, AccessType::Write, 3, 0x8899aabbccddeeff, 0},
      {kMmioBase + 8, 1, AccessType::Read, 4, 0xff, 0},
      {kMmioBase + 8, 1, AccessType::Read, 5, 0xff, 0},
      {kMmioBase + 14, 2, AccessType::Read, 6, 0x8899, 0},
      {kMmioBase + 12, 4, AccessType::Read, 7, 0x8899aabb, 0},
      {kMmioBase + 8, 8, AccessType::Read, 8, 0x8899aabbccddeeff, 0},
  };
  EXPECT_EQ(m.bus.mmio_accesses(), want);
  EXPECT_EQ(m.hart.reg(a1), 0xffffffffffffffffu);
  EXPECT_EQ(m.hart.reg(a2), 0xffu);
  EXPECT_EQ(m.hart.reg(a3), 0xffffffffffff8899u);
  EXPECT_EQ(m.hart.reg(a4), 0xffffffff8899aabbu);
  EXPECT_EQ(m.hart.reg(a5), 0x8899aabbccddeeffu);
}

}  // namespace
}  // namespace rvtlm::test
