// Machine-mode interrupts (Privileged spec 3.1.6.1, 3.1.7, 3.1.9).
#include <gtest/gtest.h>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::Interrupt;
using iss::RunResult;
using iss::StopReason;
namespace csr = iss::csr;

constexpr uint64_t kInterruptBit = uint64_t{1} << 63;

// mie = t2, then mstatus.MIE = 1, then `body`.
Program enabled_then(std::initializer_list<Insn> body) {
  Program p = {csrw(csr::k_mie, t2), csrrsi(zero, csr::k_mstatus, 8)};
  p.insert(p.end(), body);
  return p;
}

TEST(Interrupt, LevelSetBetweenRunsIsTakenBeforeTheNextInstruction) {
  Machine m(enabled_then({nop(), nop(), nop(), nop(), nop(), nop(), nop(), nop(), wfi()}));
  m.hart.set_reg(t2, 0x888);
  ASSERT_EQ(m.hart.run(5).retired, 5u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 20);
  m.hart.set_interrupt(Interrupt::MachineExternal, true);
  const RunResult r = m.hart.run(1);
  EXPECT_EQ(r.retired, 1u);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + 20);
  EXPECT_EQ(m.csr(csr::k_mcause), kInterruptBit | 11);
  EXPECT_EQ(m.csr(csr::k_mtval), 0u);
  EXPECT_EQ(m.csr(csr::k_mstatus) & 0xffffffffu, 0x1880u);  // MIE cleared, MPIE set
  EXPECT_EQ(m.csr(csr::k_mip), 0x800u);
}

TEST(Interrupt, LevelRaisedAndLoweredBetweenRunsIsNotTaken) {
  Machine m(enabled_then({nop(), nop(), nop(), wfi()}));
  m.hart.set_reg(t2, 0x888);
  ASSERT_EQ(m.hart.run(2).retired, 2u);
  m.hart.set_interrupt(Interrupt::MachineSoftware, true);
  m.hart.set_interrupt(Interrupt::MachineSoftware, false);
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.csr(csr::k_mcause), 0u);
}

TEST(Interrupt, PendingInterruptsAreTakenInPriorityOrderMeiMsiMti) {
  // The handler logs mcause at s1, masks the cause in mie and returns.
  Machine m(enabled_then({addi(a0, a0, 1), jal(zero, -4)}));
  m.bus.load(kTrapVector,
             {csrr(t0, csr::k_mcause), sd(t0, s1, 0), addi(s1, s1, 8), andi(t0, t0, 63),
              addi(t1, zero, 1), sll(t1, t1, t0), csrrc(zero, csr::k_mie, t1), mret()});
  m.hart.set_reg(t2, 0x888);
  m.hart.set_reg(s1, kRamBase + 0x4000);
  m.hart.set_interrupt(Interrupt::MachineTimer, true);
  m.hart.set_interrupt(Interrupt::MachineSoftware, true);
  m.hart.set_interrupt(Interrupt::MachineExternal, true);
  m.hart.run(100);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x4000, 8), kInterruptBit | 11);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x4008, 8), kInterruptBit | 3);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x4010, 8), kInterruptBit | 7);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x4018, 8), 0u);
  EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + 8);  // all taken before the first addi
  EXPECT_EQ(m.csr(csr::k_mie), 0u);
  EXPECT_EQ(m.csr(csr::k_mstatus) & 0x88, 0x88u);  // mret restored MIE
  EXPECT_GT(m.hart.reg(a0), 0u);
}

TEST(Interrupt, VectoredModeJumpsToBasePlusFourTimesCause) {
  constexpr uint64_t kBase = kRamBase + 0x2000;
  for (const auto& [line, cause] :
       {std::pair{Interrupt::MachineSoftware, 3}, std::pair{Interrupt::MachineTimer, 7},
        std::pair{Interrupt::MachineExternal, 11}}) {
    SCOPED_TRACE(cause);
    Machine m(enabled_then({nop(), nop(), wfi()}));
    for (unsigned i = 0; i < 16; ++i) m.bus.load(kBase + 4 * i, {jal(zero, 0)});
    m.hart.write_csr(csr::k_mtvec, kBase | 1);
    m.hart.set_reg(t2, 0x888);
    m.hart.set_interrupt(line, true);
    m.hart.run(10);
    EXPECT_EQ(m.hart.pc(), kBase + 4 * static_cast<uint64_t>(cause));
    EXPECT_EQ(m.csr(csr::k_mcause), kInterruptBit | static_cast<uint64_t>(cause));
    EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + 8);
  }
}

TEST(Interrupt, Rv32InterruptCauseHasBit31Set) {
  Machine m(enabled_then({nop(), wfi()}), rv32_config());
  m.hart.set_reg(t2, 0x888);
  m.hart.set_interrupt(Interrupt::MachineSoftware, true);
  m.hart.run(10);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.csr(csr::k_mcause), 0x80000003u);
}

TEST(Interrupt, ExceptionsGoToTheBaseInVectoredMode) {
  constexpr uint64_t kBase = kRamBase + 0x2000;
  Machine m({nop(), ecall(), wfi()});
  for (unsigned i = 0; i < 16; ++i) m.bus.load(kBase + 4 * i, {jal(zero, 0)});
  m.hart.write_csr(csr::k_mtvec, kBase | 1);
  m.hart.run(10);
  EXPECT_EQ(m.hart.pc(), kBase);
  EXPECT_EQ(m.csr(csr::k_mcause), iss::kCauseMachineEcall);
}

TEST(Interrupt, NotTakenWhileMstatusMieIsClearAndTakenRightAfterSettingIt) {
  Machine m({csrw(csr::k_mie, t2), nop(), nop(), nop(), csrrsi(zero, csr::k_mstatus, 8),
             addi(a0, a0, 1), wfi()});
  m.hart.set_reg(t2, 0x888);
  m.hart.set_interrupt(Interrupt::MachineTimer, true);
  ASSERT_EQ(m.hart.run(4).retired, 4u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 16);
  EXPECT_EQ(m.csr(csr::k_mcause), 0u);
  // Taken at the boundary right after the csrrsi (whether run(1) returns
  // before or after entering the handler).
  EXPECT_EQ(m.hart.run(1).retired, 1u);
  m.hart.run(1);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + 20);
  EXPECT_EQ(m.csr(csr::k_mcause), kInterruptBit | 7);
  EXPECT_EQ(m.hart.reg(a0), 0u);
}

TEST(Interrupt, NotTakenWhenMaskedInMie) {
  Machine m(enabled_then({nop(), nop(), wfi()}));
  m.hart.set_reg(t2, 0x080);  // only the timer
  m.hart.set_interrupt(Interrupt::MachineExternal, true);
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(m.csr(csr::k_mcause), 0u);
}

TEST(Interrupt, RaisedByMmioIsTakenAtTheNextInstructionOfTheBlock) {
  Machine m(
      enabled_then({lui(t1, 0x10000), sw(a0, t1, 0), addi(a1, a1, 1), addi(a1, a1, 1), wfi()}));
  m.hart.set_reg(t2, 0x888);
  m.bus.on_mmio = [&](const BusRecord&) { m.hart.set_interrupt(Interrupt::MachineExternal, true); };
  const RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::BudgetSpent);
  EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + 16);
  EXPECT_EQ(m.csr(csr::k_mcause), kInterruptBit | 11);
  EXPECT_EQ(m.hart.reg(a1), 0u);
  EXPECT_EQ(m.hart.retired(), 100u);  // 4 instructions, then the handler loop
}

}  // namespace
}  // namespace rvtlm::test
