// Hart::save_state / restore_state: the state is plain data, and a hart
// restored from it (with the same memory) continues identically.
#include <gtest/gtest.h>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"
#include "test_programs.h"

namespace rvtlm::test {
namespace {

using iss::HartState;

void expect_same_state(const HartState& a, const HartState& b) {
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.pc, b.pc);
  EXPECT_EQ(a.priv, b.priv);
  EXPECT_EQ(a.wfi, b.wfi);
  EXPECT_EQ(a.mstatus, b.mstatus);
  EXPECT_EQ(a.mtvec, b.mtvec);
  EXPECT_EQ(a.mie, b.mie);
  EXPECT_EQ(a.mip, b.mip);
  EXPECT_EQ(a.mscratch, b.mscratch);
  EXPECT_EQ(a.mepc, b.mepc);
  EXPECT_EQ(a.mcause, b.mcause);
  EXPECT_EQ(a.mtval, b.mtval);
  EXPECT_EQ(a.mcountinhibit, b.mcountinhibit);
  EXPECT_EQ(a.retired, b.retired);
  EXPECT_EQ(a.instret_base, b.instret_base);
  EXPECT_EQ(a.cycle_base, b.cycle_base);
  EXPECT_EQ(a.reservation_valid, b.reservation_valid);
  EXPECT_EQ(a.reservation_addr, b.reservation_addr);
}

struct Checksum {
  Checksum() : hart({}, bus) {
    setup_checksum(bus, hart, 5000);
    hart.write_csr(iss::csr::k_mscratch, 0x1234);
  }
  TestBus bus;
  iss::Hart hart;
};

TEST(Snapshot, SavedStateHoldsTheArchitecturalState) {
  Checksum c;
  ASSERT_EQ(c.hart.run(777).retired, 777u);
  const HartState s = c.hart.save_state();
  EXPECT_EQ(s.retired, 777u);
  EXPECT_EQ(s.pc, c.hart.pc());
  for (unsigned i = 0; i < 32; ++i) EXPECT_EQ(s.x[i], c.hart.reg(i)) << i;
  EXPECT_EQ(s.mscratch, 0x1234u);
  EXPECT_EQ(s.mtvec, 0u);
  EXPECT_EQ(s.priv, 3u);
}

TEST(Snapshot, RestoredHartContinuesIdentically) {
  Checksum original;
  ASSERT_EQ(original.hart.run(1234).retired, 1234u);
  const HartState snapshot = original.hart.save_state();
  const std::vector<uint8_t> ram = original.bus.ram;
  const std::size_t mmio_before = original.bus.mmio_accesses().size();

  ASSERT_EQ(original.hart.run(20000).retired, 20000u);
  const RegisterFile expected = registers(original.hart);
  std::vector<BusRecord> expected_mmio = original.bus.mmio_accesses();
  expected_mmio.erase(expected_mmio.begin(),
                      expected_mmio.begin() + static_cast<long>(mmio_before));
  ASSERT_FALSE(expected_mmio.empty());

  // Into a fresh hart on a fresh bus.
  TestBus bus;
  iss::Hart copy({}, bus);
  bus.ram = ram;
  copy.restore_state(snapshot);
  ASSERT_EQ(copy.run(20000).retired, 20000u);
  EXPECT_EQ(registers(copy), expected);
  EXPECT_EQ(bus.mmio_accesses(), expected_mmio);
  EXPECT_EQ(bus.ram, original.bus.ram);
  expect_same_state(copy.save_state(), original.hart.save_state());

  // Back into the original hart (rewinding it).
  original.bus.ram = ram;
  original.bus.log.clear();
  original.hart.restore_state(snapshot);
  ASSERT_EQ(original.hart.run(20000).retired, 20000u);
  EXPECT_EQ(registers(original.hart), expected);
  EXPECT_EQ(original.bus.mmio_accesses(), expected_mmio);
}

TEST(Snapshot, WaitingAndReservationStateRoundTrip) {
  Machine m({lr_d(a0, s0), csrw(iss::csr::k_mie, t2), wfi(), sc_d(a1, a2, s0), wfi()});
  m.hart.set_reg(s0, kRamBase + 0x4000);
  m.hart.set_reg(t2, 0x80);
  m.hart.set_reg(a2, 9);
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  const HartState s = m.hart.save_state();
  EXPECT_TRUE(s.wfi);
  EXPECT_TRUE(s.reservation_valid);
  EXPECT_EQ(s.reservation_addr, kRamBase + 0x4000);

  TestBus bus;
  bus.ram = m.bus.ram;
  iss::Hart copy({}, bus);
  copy.restore_state(s);
  EXPECT_TRUE(copy.waiting_for_interrupt());
  EXPECT_EQ(copy.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(copy.retired(), 3u);
  copy.set_interrupt(iss::Interrupt::MachineTimer, true);  // wakes; MIE is 0: no trap
  EXPECT_EQ(copy.run(100).reason, iss::StopReason::BudgetSpent);
  EXPECT_EQ(copy.reg(a1), 0u);  // the restored reservation let sc succeed
  EXPECT_EQ(bus.peek(kRamBase + 0x4000, 8), 9u);
}

}  // namespace
}  // namespace rvtlm::test
