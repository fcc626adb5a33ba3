// Lockstep and quantum give the same architectural results and the same
// transaction times; only the number of synchronisations differs.
#include <gtest/gtest.h>

#include <string>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;
using rvtlm::tlm::HartModuleConfig;
using rvtlm::tlm::SyncPolicy;

constexpr uint32_t kData = 0x8000;

class SyncPolicies : public ::testing::TestWithParam<SyncPolicy> {};

TEST_P(SyncPolicies, GiveTheSameResults) {
  TestPlatform platform(us(1));
  HartModuleConfig config = TestPlatform::config();
  config.sync = GetParam();
  HartModule& hart = platform.add_hart(config);
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", ns(700));
  timer.irq.bind(line);
  hart.mtip.bind(line);

  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);
  p << csrrsi(reg::zero, csr::mstatus, 8);
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.la(reg::s1, kRamBase + kData);  // 9 instructions so far
  p.label("loop") << addi(reg::a0, reg::a0, 1) << sw(reg::a0, reg::s1, 0);
  p << lw(reg::a1, reg::s1, 0) << sw(reg::a1, reg::s0, 16);
  p.j("loop");
  p.label("handler") << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 8);
  p << csrw(csr::mie, reg::zero) << sw(reg::a0, reg::s0, 24);
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();

  // Iteration i stores i at 5i + 7 ns; the interrupt at 700 ns comes after
  // the first instruction of iteration 139.
  const auto loop = platform.recorder.writes_to(16);
  ASSERT_EQ(loop.size(), 138u);
  for (unsigned i = 1; i <= loop.size(); ++i) {
    EXPECT_EQ(loop[i - 1].value, i);
    EXPECT_EQ(loop[i - 1].time, ns(5 * i + 7));
  }
  ASSERT_EQ(platform.recorder.writes_to(8).size(), 1u);
  EXPECT_EQ(platform.recorder.writes_to(8)[0].value, 700u);
  EXPECT_EQ(platform.recorder.writes_to(8)[0].time, ns(701));
  ASSERT_EQ(platform.recorder.writes_to(24).size(), 1u);
  EXPECT_EQ(platform.recorder.writes_to(24)[0].value, 139u);
  EXPECT_EQ(platform.recorder.writes_to(24)[0].time, ns(703));
  EXPECT_EQ(hart.hart().reg(reg::a0), 139u);
  EXPECT_EQ(hart.hart().reg(reg::a1), 138u);
  EXPECT_EQ(platform.memory.word(kData), 138u);
  EXPECT_EQ(hart.statistics().instructions, 705u);
  if (GetParam() == SyncPolicy::Lockstep) {
    EXPECT_GE(hart.statistics().syncs, 705u);
  } else {
    EXPECT_LT(hart.statistics().syncs, 10u);
  }
}

INSTANTIATE_TEST_SUITE_P(Policies, SyncPolicies,
                         ::testing::Values(SyncPolicy::Quantum, SyncPolicy::Lockstep),
                         [](const ::testing::TestParamInfo<SyncPolicy>& info) {
                           return std::string(rvtlm::tlm::to_string(info.param));
                         });

TEST(Exit, ExitRequestSyncsAndCallsOnExit) {
  TestPlatform platform(us(1));
  HartModuleConfig config = TestPlatform::config();
  int code = -1;
  sc_core::sc_time when;
  config.on_exit = [&](int c) {
    code = c;
    when = sc_core::sc_time_stamp();
  };
  HartModule& hart = platform.add_hart(config);
  platform.recorder.on_write = [&](const RecordingTarget::Record& r) {
    hart.hart().request_exit(static_cast<int>(r.value));  // a finisher
  };
  Program p;
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.li(reg::t1, 3);
  p.repeat(20, nop());
  p << sw(reg::t1, reg::s0, 0);  // at 22 ns
  p.label("loop") << nop();
  p.j("loop");
  platform.load(0, p);
  sc_core::sc_start(us(5));
  EXPECT_EQ(code, 3);
  EXPECT_TRUE(hart.exited());
  EXPECT_EQ(hart.exit_code(), 3);
  // The storing instruction completes: the hart stops at 23 ns.
  EXPECT_EQ(when, ns(23));
  EXPECT_EQ(hart.statistics().instructions, 23u);
}

TEST(Exit, ExitRequestStopsSimulationByDefault) {
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  Timer timer("keeps_simulation_busy", ms(1));
  sc_core::sc_signal<bool> line("line");
  timer.irq.bind(line);
  platform.recorder.on_write = [&](const RecordingTarget::Record&) { hart.hart().request_exit(0); };
  Program p;
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p << sw(reg::zero, reg::s0, 0);
  p.label("loop") << nop();
  p.j("loop");
  platform.load(0, p);
  sc_core::sc_start();
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
  EXPECT_EQ(sc_core::sc_time_stamp(), ns(2));
  EXPECT_TRUE(hart.exited());
}

}  // namespace
}  // namespace rvtlm::tlm_test
