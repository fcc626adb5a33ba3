// DMI in the translation cache: grants are used, revoked at once, and
// refusals are remembered.
#include <gtest/gtest.h>

#include <vector>

#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::StopReason;

constexpr uint64_t kData = kRamBase + 0x4000;

// 50 iterations of: load, add, store to RAM, and an MMIO write.
Program ram_loop() {
  return {addi(t0, zero, 50), ld(a0, s0, 0),    addi(a0, a0, 3),    sd(a0, s0, 0),
          sw(a0, t1, 0),      addi(t0, t0, -1), bne(t0, zero, -20), wfi()};
}

TEST(Dmi, GrantedRamIsAccessedWithoutTheBus) {
  Machine m(ram_loop());
  m.hart.set_reg(s0, kData);
  m.hart.set_reg(t1, kMmioBase);
  ASSERT_EQ(m.hart.run(1000).reason, StopReason::Wfi);
  EXPECT_EQ(m.bus.peek(kData, 8), 150u);
  EXPECT_EQ(m.bus.mmio_accesses().size(), 50u);
  EXPECT_EQ(m.bus.log.size(), 50u);  // no fetch and no RAM access on the bus
  EXPECT_LE(m.bus.dmi_requests, 3u);
}

TEST(Dmi, RefusedRangeIsNotAskedAgainForEveryAccess) {
  Machine m(ram_loop());
  m.bus.dmi = false;
  m.hart.set_reg(s0, kData);
  m.hart.set_reg(t1, kMmioBase);
  ASSERT_EQ(m.hart.run(1000).reason, StopReason::Wfi);
  EXPECT_EQ(m.bus.peek(kData, 8), 150u);
  EXPECT_EQ(m.bus.ram_accesses().size(), 100u);
  EXPECT_EQ(m.bus.mmio_accesses().size(), 50u);
  EXPECT_LE(m.bus.dmi_requests, 4u);  // about once per region, not 150 times
}

TEST(Dmi, InvalidationFromMmioCallbackAppliesToTheNextAccessOfTheBlock) {
  Machine m({ld(a0, s0, 0), sd(a0, s0, 8), sw(zero, t1, 0), ld(a1, s0, 16), sd(a1, s0, 24), wfi()});
  m.hart.set_reg(s0, kData);
  m.hart.set_reg(t1, kMmioBase);
  m.bus.poke(kData, 8, 0x1111);
  m.bus.poke(kData + 16, 8, 0x2222);
  m.bus.on_mmio = [&](const BusRecord&) {
    m.bus.dmi = false;
    m.hart.invalidate_dmi(kRamBase, kRamBase + m.bus.ram.size() - 1);
  };
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  const std::vector<BusRecord> want = {
      {kData + 16, 8, AccessType::Read, 3, 0x2222, 0},
      {kData + 24, 8, AccessType::Write, 4, 0x2222, 0},
  };
  EXPECT_EQ(m.bus.ram_accesses(), want);
  EXPECT_EQ(m.bus.peek(kData + 8, 8), 0x1111u);
}

TEST(Dmi, RevokedHostPointerIsNeverWrittenAgain) {
  // The bus moves its RAM to a new buffer and revokes the old pointer in the
  // middle of a block; later stores must land in the new buffer.
  Machine m(
      {sd(a0, s0, 0), sw(zero, t1, 0), sd(a0, s0, 8), addi(a0, a0, 1), sd(a0, s0, 16), wfi()});
  m.hart.set_reg(s0, kData);
  m.hart.set_reg(t1, kMmioBase);
  m.hart.set_reg(a0, 0x77);
  std::vector<uint8_t> old;
  m.bus.on_mmio = [&](const BusRecord&) {
    old = std::move(m.bus.ram);
    m.bus.ram = old;  // a copy at another host address
    m.hart.invalidate_dmi(kRamBase, kRamBase + m.bus.ram.size() - 1);
  };
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  ASSERT_FALSE(old.empty());
  EXPECT_EQ(m.bus.peek(kData, 8), 0x77u);
  EXPECT_EQ(m.bus.peek(kData + 8, 8), 0x77u);
  EXPECT_EQ(m.bus.peek(kData + 16, 8), 0x78u);
  uint64_t stale = 0;
  std::memcpy(&stale, old.data() + (kData + 8 - kRamBase), 8);
  EXPECT_EQ(stale, 0u);
  EXPECT_TRUE(m.bus.ram_accesses().empty());  // the new buffer is granted again
}

TEST(Dmi, InvalidationBetweenRunsSendsAccessesToTheBus) {
  Machine m({ld(a0, s0, 0), wfi(), ld(a1, s0, 0), wfi()});
  m.hart.set_reg(s0, kData);
  m.bus.poke(kData, 8, 5);
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_TRUE(m.bus.ram_accesses().empty());
  m.bus.dmi = false;
  m.hart.invalidate_dmi(kData, kData + 7);
  m.hart.set_pc(kRamBase + 8);
  ASSERT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a1), 5u);
  const std::vector<BusRecord> want = {{kData, 8, AccessType::Read, 2, 5, 0}};
  EXPECT_EQ(m.bus.ram_accesses(), want);
}

}  // namespace
}  // namespace rvtlm::test
