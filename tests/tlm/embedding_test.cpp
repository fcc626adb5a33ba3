// What an embedder's own top level relies on: a hart's local time while it
// waits, a warning when no quantum was set, and a loader that writes the
// program after sc_start(SC_ZERO_TIME).
#include <gtest/gtest.h>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;
using rvtlm::tlm::HartModuleConfig;

constexpr const char* kQuantumWarning = "rvtlm/tlm/quantum";

Program wait_forever() {
  Program p;
  p.label("end") << wfi();
  p.j("end");
  return p;
}

TEST(LocalTime, FollowsSystemCTimeWhileWaitingForAnInterrupt) {
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  platform.load(0, wait_forever());
  sc_core::sc_start(us(5));
  EXPECT_EQ(hart.local_time(), us(5));
  EXPECT_EQ(hart.statistics().simulated_time, us(5));
}

TEST(Quantum, NoQuantumAnywhereWarnsOnce) {
  TestPlatform platform(sc_core::SC_ZERO_TIME);
  platform.add_hart();
  platform.add_hart();
  platform.load(0, wait_forever());
  sc_core::sc_start(ns(10));
  EXPECT_EQ(sc_core::sc_report_handler::get_count(kQuantumWarning), 1);
}

TEST(Quantum, NoWarningWithAGlobalQuantum) {
  TestPlatform platform(us(1));
  platform.add_hart();
  platform.load(0, wait_forever());
  sc_core::sc_start(ns(10));
  EXPECT_EQ(sc_core::sc_report_handler::get_count(kQuantumWarning), 0);
}

TEST(Quantum, NoWarningWithTheHartsOwnQuantumOrLockstep) {
  TestPlatform platform(sc_core::SC_ZERO_TIME);
  HartModuleConfig own = TestPlatform::config();
  own.quantum = us(1);
  platform.add_hart(own);
  HartModuleConfig lockstep = TestPlatform::config();
  lockstep.sync = rvtlm::tlm::SyncPolicy::Lockstep;
  platform.add_hart(lockstep);
  platform.load(0, wait_forever());
  sc_core::sc_start(ns(10));
  EXPECT_EQ(sc_core::sc_report_handler::get_count(kQuantumWarning), 0);
}

// The obvious loader: finish elaboration with sc_start(SC_ZERO_TIME), write
// the program through transport_dbg, run. The hart must not have executed
// the empty memory meanwhile.
TEST(Loader, DebugWriteAfterZeroTimeStartRunsTheProgram) {
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  sc_core::sc_start(sc_core::SC_ZERO_TIME);
  EXPECT_EQ(hart.hart().retired(), 0u);
  Program p;
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.li(reg::t0, 42) << sw(reg::t0, reg::s0, 0);
  p.label("end") << wfi();
  p.j("end");
  const std::vector<uint32_t> words = p.words();
  ASSERT_EQ(hart.debug_write(kRamBase, words.data(), static_cast<unsigned>(words.size() * 4)),
            words.size() * 4);
  sc_core::sc_start(us(1));
  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, 42u);
}

}  // namespace
}  // namespace rvtlm::tlm_test
