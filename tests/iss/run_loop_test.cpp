// Hart::run: exact budgets, and every stop reason.
#include <gtest/gtest.h>

#include <vector>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"
#include "test_programs.h"

namespace rvtlm::test {
namespace {

using iss::HartConfig;
using iss::RunResult;
using iss::StopReason;

struct Checksum {
  explicit Checksum(uint64_t iterations, const HartConfig& config = {}) : hart(config, bus) {
    setup_checksum(bus, hart, iterations);
  }
  TestBus bus;
  iss::Hart hart;
};

TEST(RunLoop, RunRetiresExactlyTheBudget) {
  for (const uint64_t budget : {1, 2, 3, 7, 1000}) {
    SCOPED_TRACE(budget);
    Checksum c(1000000);
    const RunResult r = c.hart.run(budget);
    EXPECT_EQ(r.reason, StopReason::BudgetSpent);
    EXPECT_EQ(r.retired, budget);
    EXPECT_EQ(c.hart.retired(), budget);
    const RunResult again = c.hart.run(budget);
    EXPECT_EQ(again.retired, budget);
    EXPECT_EQ(c.hart.retired(), 2 * budget);
  }
}

TEST(RunLoop, ResetStartsOverFromTheResetPcWithClearedRegisters) {
  Machine m({addi(a0, a0, 1), jal(zero, -4)});
  for (const uint64_t budget : {1, 2, 3, 7, 1000}) {
    SCOPED_TRACE(budget);
    m.hart.reset();
    const RunResult r = m.hart.run(budget);
    EXPECT_EQ(r.retired, budget);
    EXPECT_EQ(m.hart.retired(), budget);
    EXPECT_EQ(m.hart.reg(a0), (budget + 1) / 2);
  }
}

TEST(RunLoop, ZeroBudgetRetiresNothing) {
  Checksum c(10);
  const RunResult r = c.hart.run(0);
  EXPECT_EQ(r.reason, StopReason::BudgetSpent);
  EXPECT_EQ(r.retired, 0u);
  EXPECT_EQ(c.hart.pc(), kRamBase);
}

TEST(RunLoop, SlicedRunsEndInTheSameStateAsOneRun) {
  constexpr uint64_t kTotal = 3000;
  Checksum whole(1000000);
  ASSERT_EQ(whole.hart.run(kTotal).retired, kTotal);

  Checksum singles(1000000);
  for (uint64_t i = 0; i < kTotal; ++i) ASSERT_EQ(singles.hart.run(1).retired, 1u);

  Checksum mixed(1000000);
  const uint64_t slices[] = {1, 2, 3, 7, 1000, 13, 64};
  uint64_t done = 0;
  for (std::size_t i = 0; done < kTotal; ++i) {
    const uint64_t n = std::min(slices[i % 7], kTotal - done);
    ASSERT_EQ(mixed.hart.run(n).retired, n);
    done += n;
  }

  HartConfig small_blocks;
  small_blocks.max_block_insns = 3;
  Checksum small(1000000, small_blocks);
  ASSERT_EQ(small.hart.run(kTotal).retired, kTotal);

  EXPECT_NE(registers(whole.hart).x[a0], 0u);
  for (Checksum* c : {&singles, &mixed, &small}) {
    EXPECT_EQ(registers(c->hart), registers(whole.hart));
    EXPECT_EQ(c->bus.ram, whole.bus.ram);
    EXPECT_EQ(c->bus.mmio_accesses(), whole.bus.mmio_accesses());
  }
  EXPECT_EQ(whole.bus.mmio_accesses().size(), 4u);  // t0 = 1000000 - 64k, k = 0..3
}

TEST(RunLoop, ProgramEndingInWfiStopsWithExactCount) {
  Checksum c(10);
  const RunResult r = c.hart.run(100000);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 10 * 13 + 1u);  // no MMIO write: t0 & 63 is never 0
  EXPECT_TRUE(c.hart.waiting_for_interrupt());
  EXPECT_EQ(c.hart.pc(), kRamBase + 15 * 4);
  const RunResult again = c.hart.run(100);
  EXPECT_EQ(again.reason, StopReason::Wfi);
  EXPECT_EQ(again.retired, 0u);
}

TEST(RunLoop, InterruptWakesWfiAndIsTakenAfterIt) {
  const Program p = {csrw(iss::csr::k_mie, t1),
                     csrrsi(zero, iss::csr::k_mstatus, 8),
                     nop(),
                     wfi(),
                     addi(a0, a0, 1),
                     wfi()};
  Machine m(p);
  m.hart.set_reg(t1, 0x80);
  RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 4u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 16);
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);

  m.hart.set_interrupt(iss::Interrupt::MachineTimer, true);
  r = m.hart.run(1);
  EXPECT_EQ(r.reason, StopReason::BudgetSpent);
  EXPECT_EQ(r.retired, 1u);  // the first instruction of the handler
  EXPECT_FALSE(m.hart.waiting_for_interrupt());
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.csr(iss::csr::k_mepc), kRamBase + 16);
  EXPECT_EQ(m.csr(iss::csr::k_mcause), (uint64_t{1} << 63) | 7);
  EXPECT_EQ(m.hart.reg(a0), 0u);
  EXPECT_EQ(m.hart.retired(), 5u);
}

TEST(RunLoop, WfiWakesWithoutTrapWhenInterruptsAreDisabled) {
  const Program p = {csrw(iss::csr::k_mie, t1), wfi(),       addi(a0, a0, 1), wfi(),
                     addi(a0, a0, 1),           jal(zero, 0)};
  Machine m(p);
  m.hart.set_reg(t1, 0x800);
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  m.hart.set_interrupt(iss::Interrupt::MachineExternal, true);
  const RunResult r = m.hart.run(10);
  EXPECT_EQ(r.reason, StopReason::BudgetSpent);
  // wfi at 3 does not stop either, since the interrupt is still pending.
  EXPECT_EQ(m.hart.reg(a0), 2u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 20);
  EXPECT_EQ(m.csr(iss::csr::k_mcause), 0u);
}

TEST(RunLoop, HaltRequestedByMmioStopsAfterThatInstruction) {
  Machine m({lui(t1, 0x10000), nop(), sw(a0, t1, 0), addi(a1, a1, 1), wfi()});
  m.bus.on_mmio = [&](const BusRecord&) { m.hart.request_halt(); };
  RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::HaltRequest);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 12);
  EXPECT_EQ(m.hart.reg(a1), 0u);
  ASSERT_EQ(m.bus.mmio_accesses().size(), 1u);
  m.bus.on_mmio = nullptr;
  r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 2u);
  EXPECT_EQ(m.hart.reg(a1), 1u);
}

TEST(RunLoop, ExitRequestedByMmioReadStopsWithCode) {
  Machine m({lui(t1, 0x10000), lw(a0, t1, 4), addi(a1, a1, 1), wfi()});
  m.bus.mmio[4] = 0x2a;
  m.bus.on_mmio = [&](const BusRecord&) { m.hart.request_exit(42); };
  const RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::ExitRequest);
  EXPECT_EQ(r.retired, 2u);
  EXPECT_EQ(m.hart.exit_code(), 42);
  EXPECT_EQ(m.hart.reg(a0), 0x2au);  // the load completed
  EXPECT_EQ(m.hart.reg(a1), 0u);
}

TEST(RunLoop, HaltRequestedBetweenRunsStopsBeforeAnyInstruction) {
  Machine m({nop(), wfi()});
  m.hart.request_halt();
  const RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::HaltRequest);
  EXPECT_EQ(r.retired, 0u);
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);
}

TEST(RunLoop, BreakpointStopsBeforeTheInstructionAndResumeExecutesIt) {
  Machine m({nop(), nop(), nop(), addi(a0, a0, 1), nop(), wfi()});
  m.hart.add_breakpoint(kRamBase + 12);
  RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Breakpoint);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(m.hart.pc(), kRamBase + 12);
  EXPECT_EQ(m.hart.reg(a0), 0u);
  r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(m.hart.reg(a0), 1u);
}

TEST(RunLoop, BreakpointInALoopStopsOnEveryIterationUntilRemoved) {
  // The loop body is one block once translated; the breakpoint must still hit.
  Machine m({addi(t0, zero, 4), addi(a0, a0, 1), addi(a1, a1, 2), addi(t0, t0, -1),
             bne(t0, zero, -12), wfi()});
  ASSERT_EQ(m.hart.run(5).retired, 5u);  // translate and run the loop once
  m.hart.add_breakpoint(kRamBase + 8);
  for (int i = 0; i < 3; ++i) {
    const RunResult r = m.hart.run(100);
    EXPECT_EQ(r.reason, StopReason::Breakpoint);
    EXPECT_EQ(m.hart.pc(), kRamBase + 8);
    EXPECT_EQ(m.hart.reg(a1), 2u * static_cast<uint64_t>(i + 1));
  }
  m.hart.remove_breakpoint(kRamBase + 8);
  const RunResult r = m.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 4u);
  EXPECT_EQ(m.hart.reg(a1), 8u);
  EXPECT_EQ(m.hart.retired(), 1u + 4 * 4 + 1);
}

TEST(RunLoop, TraceSeesEveryInstructionWithItsCount) {
  Machine m({nop(), addi(a0, a0, 1), c_nop(), wfi()});
  std::vector<std::pair<uint64_t, uint64_t>> seen;  // pc, retired
  std::vector<uint32_t> bits;
  m.hart.set_trace([&](uint64_t pc, uint32_t b, uint64_t retired) {
    seen.emplace_back(pc, retired);
    bits.push_back(b);
  });
  EXPECT_EQ(m.hart.run(100).reason, StopReason::Wfi);
  const std::vector<std::pair<uint64_t, uint64_t>> expected = {
      {kRamBase, 0}, {kRamBase + 4, 1}, {kRamBase + 8, 2}, {kRamBase + 10, 3}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(bits, (std::vector<uint32_t>{nop(), addi(a0, a0, 1), c_nop(), wfi()}));
}

}  // namespace
}  // namespace rvtlm::test
