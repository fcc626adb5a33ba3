// Interrupt inputs: where in the instruction stream a timer interrupt is
// taken with and without deadline bounding, and WFI idling.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;
using rvtlm::tlm::HartModuleConfig;

// Enables MTI and spins; the handler writes minstret at entry to recorder+0
// and sleeps.
Program spin_until_timer_interrupt() {
  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);  // MTIE
  p << csrrsi(reg::zero, csr::mstatus, 8);         // MIE
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.label("loop") << addi(reg::a0, reg::a0, 1);
  p.j("loop");
  p.label("handler") << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << csrw(csr::mie, reg::zero);
  p.label("end") << wfi();
  p.j("end");
  return p;
}

struct TimerCase {
  sc_core::sc_time quantum;
  bool bounding;
  uint64_t expected_minstret;
};

class TimerInterrupt : public ::testing::TestWithParam<TimerCase> {};

TEST_P(TimerInterrupt, TakenAtExpectedInstruction) {
  const TimerCase c = GetParam();
  TestPlatform platform(c.quantum);
  HartModuleConfig config = TestPlatform::config();
  config.bound_to_next_activity = c.bounding;
  HartModule& hart = platform.add_hart(config);
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", ns(1500));
  timer.irq.bind(line);
  hart.mtip.bind(line);
  platform.load(0, spin_until_timer_interrupt());

  sc_core::sc_start(ms(3));

  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, c.expected_minstret);
  // The csrr took 1 ns; no time passes at trap entry.
  EXPECT_EQ(records[0].time, ns(static_cast<double>(c.expected_minstret) + 1));
}

// With bounding, the interrupt raised at 1500 ns is taken after exactly 1500
// instructions whatever the quantum; without, at the first quantum boundary
// at or after 1500 ns.
INSTANTIATE_TEST_SUITE_P(
    Quanta, TimerInterrupt,
    ::testing::Values(TimerCase{ns(1), true, 1500}, TimerCase{us(1), true, 1500},
                      TimerCase{us(10), true, 1500}, TimerCase{ms(1), true, 1500},
                      TimerCase{us(1), false, 2000}, TimerCase{us(10), false, 10000},
                      TimerCase{ms(1), false, 1000000}),
    [](const ::testing::TestParamInfo<TimerCase>& info) {
      const auto q = static_cast<long>(info.param.quantum.value() / 1000);  // ns
      return std::string(info.param.bounding ? "Bounded" : "PlainLt") + "Quantum" +
             std::to_string(q) + "ns";
    });

// The handler lowers the line with a store to the timer and returns: the
// hart must see the line fall before its next instruction, in every mode,
// and take the interrupt once (not again until its next sync).
class OwnAccessLowersLine : public ::testing::TestWithParam<bool> {};

TEST_P(OwnAccessLowersLine, InterruptTakenOnce) {
  constexpr uint64_t kAckBase = 0x10001000;
  TestPlatform platform(us(10));
  HartModuleConfig config = TestPlatform::config();
  config.bound_to_next_activity = GetParam();
  HartModule& hart = platform.add_hart(config);
  sc_core::sc_signal<bool> line("mtip_line");
  AckTimer timer("timer", ns(1500));
  platform.router.map(kAckBase, 0x100, timer.socket);
  timer.irq.bind(line);
  hart.mtip.bind(line);
  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);  // MTIE
  p << csrrsi(reg::zero, csr::mstatus, 8);         // MIE
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.li(reg::s1, static_cast<int32_t>(kAckBase));
  p.label("loop") << addi(reg::a0, reg::a0, 1);
  p.j("loop");
  p.label("handler") << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << sw(reg::zero, reg::s1, 0) << mret();
  platform.load(0, p);

  sc_core::sc_start(us(35));

  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  // Bounded: at 1500 ns; plain LT: at the first quantum boundary after it.
  EXPECT_EQ(records[0].value, GetParam() ? 1500u : 10000u);
}

INSTANTIATE_TEST_SUITE_P(Modes, OwnAccessLowersLine, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Bounded" : "PlainLt");
                         });

TEST(Wfi, IdleSecondCostsNoInstructionsAndLittleHostTime) {
  TestPlatform platform(us(10));
  HartModule& hart = platform.add_hart();
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", sc_core::sc_time(1, sc_core::SC_SEC));
  timer.irq.bind(line);
  hart.mtip.bind(line);
  Program p;
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);  // MTIE, but mstatus.MIE off
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << wfi();
  p << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << csrw(csr::mie, reg::zero);
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);

  const auto start = std::chrono::steady_clock::now();
  sc_core::sc_start();
  const double host =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].value, 3u);
  EXPECT_EQ(records[0].time, ns(4));
  // Only the sw and the wfi retire across the idle second.
  EXPECT_EQ(records[1].value, 6u);
  EXPECT_EQ(records[1].time, sc_core::sc_time(1, sc_core::SC_SEC) + ns(1));
  EXPECT_EQ(hart.statistics().instructions, 10u);
  EXPECT_GE(hart.statistics().idle_time, sc_core::sc_time(1, sc_core::SC_SEC) - ns(10));
  EXPECT_LT(host, 0.5);
}

TEST(Wfi, WakesOnInterruptRaisedWhileSyncing) {
  // The line rises while the hart still runs ahead of SystemC time (plain LT):
  // the interrupt is pending when the hart reaches its wfi and syncs.
  TestPlatform platform(us(1));
  HartModuleConfig config = TestPlatform::config();
  config.bound_to_next_activity = false;
  HartModule& hart = platform.add_hart(config);
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", ns(50));
  timer.irq.bind(line);
  hart.mtip.bind(line);
  Program p;
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.repeat(100, nop());
  p << wfi();  // the line is already high at the hart's time (103 ns)
  p << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << csrw(csr::mie, reg::zero);
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();
  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, 104u);
  EXPECT_EQ(records[0].time, ns(105));
}

}  // namespace
}  // namespace rvtlm::tlm_test
