// Decoded blocks never outlive the code they were decoded from: stores by the
// hart itself or by another hart of its domain, fence.i after memory changed
// behind the hart's back, and Hart::invalidate_code.
#include <gtest/gtest.h>

#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::StopReason;

class SelfModifyingCode : public ::testing::TestWithParam<bool> {
 protected:
  void configure(Machine& m) const { m.bus.dmi = GetParam(); }
};

TEST_P(SelfModifyingCode, StoreToALaterInstructionOfTheSameBlockTakesEffect) {
  Machine m({sw(t0, s0, 16), nop(), nop(), nop(), addi(a0, zero, 1), addi(a1, zero, 2), wfi()});
  configure(m);
  m.hart.set_reg(s0, kRamBase);
  m.hart.set_reg(t0, addi(a0, zero, 42));
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 42u);
  EXPECT_EQ(m.hart.reg(a1), 2u);
  EXPECT_EQ(m.hart.retired(), 7u);
}

TEST_P(SelfModifyingCode, StoreOverAnAlreadyExecutedInstructionInALoopTakesEffect) {
  Machine m({addi(t1, zero, 3), addi(a0, a0, 1), sw(t0, s0, 4), addi(t1, t1, -1),
             bne(t1, zero, -12), wfi()});
  configure(m);
  m.hart.set_reg(s0, kRamBase);
  m.hart.set_reg(t0, addi(a0, a0, 100));
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 201u);
}

TEST_P(SelfModifyingCode, CompressedInstructionOverwrittenByHalfwordStore) {
  Machine m({addi(t1, zero, 2), c_li(a0, 1), c_nop(), sh(t0, s0, 4), addi(t1, t1, -1),
             bne(t1, zero, -12), wfi()});
  configure(m);
  m.hart.set_reg(s0, kRamBase);
  m.hart.set_reg(t0, c_li(a0, 9));
  m.hart.set_reg(a0, 0);
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 9u);
}

INSTANTIATE_TEST_SUITE_P(DmiOnAndOff, SelfModifyingCode, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& i) {
                           return i.param ? "Dmi" : "NoDmi";
                         });

TEST(SelfModifyingCodeFenceI, FenceIMakesCodeWrittenBehindTheHartsBackVisible) {
  // The routine at index 5 runs once, then an MMIO write (a DMA-like device)
  // rewrites it directly in RAM, fence.i, and it runs again.
  const Program p = {jal(ra, 20), sw(zero, t1, 0), fence_i(),        jal(ra, 8),
                     wfi(),       addi(a0, a0, 1), jalr(zero, ra, 0)};
  Machine m(p);
  m.hart.set_reg(t1, kMmioBase);
  m.bus.on_mmio = [&](const BusRecord&) { m.bus.poke(kRamBase + 20, 4, addi(a0, a0, 100)); };
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 101u);
  EXPECT_EQ(m.hart.retired(), 9u);
}

TEST(SelfModifyingCodeInvalidate, InvalidateCodeAfterWritingRamBehindTheHartsBack) {
  Machine m({addi(a0, a0, 1), wfi()});
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 1u);
  m.bus.poke(kRamBase, 4, addi(a0, a0, 100));
  m.hart.invalidate_code(kRamBase, kRamBase + 4);
  m.hart.set_pc(kRamBase);
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 101u);
}

TEST(SelfModifyingCodeDomain, StoreByAnotherHartInvalidatesDecodedCode) {
  TestBus bus;
  iss::CoherenceDomain domain;
  iss::HartConfig ca, cb;
  cb.hart_id = 1;
  cb.reset_pc = kRamBase + 0x100;
  iss::Hart a(ca, bus, &domain), b(cb, bus, &domain);
  bus.load(kRamBase, {addi(a0, a0, 1), wfi()});
  bus.load(kRamBase + 0x100, {sw(t0, s0, 0), wfi()});
  b.set_reg(s0, kRamBase);
  b.set_reg(t0, addi(a0, a0, 100));
  ASSERT_EQ(a.run(100).reason, StopReason::Wfi);
  ASSERT_EQ(b.run(100).reason, StopReason::Wfi);
  a.set_pc(kRamBase);
  ASSERT_EQ(a.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(a.reg(a0), 101u);
}

}  // namespace
}  // namespace rvtlm::test
