// The time a hart's transactions carry: instruction counts through the time
// model, target delays, reset, debug accesses. Each test elaborates its own
// platform, so each must run in its own process (ctest does that).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;
using rvtlm::tlm::HartModuleConfig;

// li t0, recorder; k addi; sw; m addi; sw; then sleep.
Program two_stores(unsigned k, unsigned m) {
  Program p;
  p.li(reg::t0, static_cast<int32_t>(kRecorderBase));  // 1 instruction (lui)
  p.repeat(k, addi(reg::t1, reg::t1, 1));
  p << sw(reg::t1, reg::t0, 0);
  p.repeat(m, addi(reg::t1, reg::t1, 1));
  p << sw(reg::t1, reg::t0, 4);
  p.label("end") << wfi();
  p.j("end");
  return p;
}

class MmioTime : public ::testing::TestWithParam<std::tuple<sc_core::sc_time, bool>> {};

TEST_P(MmioTime, CarriesExactInstructionTime) {
  const auto [quantum, dmi] = GetParam();
  TestPlatform platform(quantum);
  HartModuleConfig config = TestPlatform::config();
  config.dmi = dmi;
  HartModule& hart = platform.add_hart(config);
  platform.load(0, two_stores(100, 50));

  sc_core::sc_start();

  // 1 + 100 instructions before the first store, 1 + 50 more before the second.
  const auto first = platform.recorder.writes_to(0);
  const auto second = platform.recorder.writes_to(4);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].time, ns(101));
  EXPECT_EQ(first[0].value, 100u);
  EXPECT_EQ(second[0].time, ns(152));
  EXPECT_EQ(second[0].value, 150u);
  // The wfi retires too; the hart then sleeps until the end of simulation.
  EXPECT_EQ(hart.statistics().instructions, 154u);
  EXPECT_EQ(sc_core::sc_time_stamp(), ns(154));
  EXPECT_EQ(hart.statistics().mmio_writes, 2u);
  if (dmi) {
    EXPECT_TRUE(platform.memory.accesses.empty());
    EXPECT_GE(hart.statistics().dmi_grants, 1u);
  } else {
    // Instruction fetches go through b_transport, at the exact time too.
    EXPECT_FALSE(platform.memory.accesses.empty());
    EXPECT_EQ(platform.memory.dmi_requests, 0u);
    EXPECT_EQ(platform.memory.accesses.front().time, ns(0));
    EXPECT_EQ(platform.memory.accesses.front().addr, 0u);
  }
}

std::string quantum_name(const sc_core::sc_time& q) {
  if (q >= ms(1)) return std::to_string(static_cast<int>(q / ms(1))) + "ms";
  if (q >= us(1)) return std::to_string(static_cast<int>(q / us(1))) + "us";
  return std::to_string(static_cast<int>(q / ns(1))) + "ns";
}

INSTANTIATE_TEST_SUITE_P(Quanta, MmioTime,
                         ::testing::Combine(::testing::Values(ns(1), us(1), ms(1)),
                                            ::testing::Bool()),
                         [](const ::testing::TestParamInfo<MmioTime::ParamType>& info) {
                           return "Quantum" + quantum_name(std::get<0>(info.param)) +
                                  (std::get<1>(info.param) ? "Dmi" : "NoDmi");
                         });

TEST(MmioTime, FollowsIcountShiftModel) {
  TestPlatform platform;
  HartModuleConfig config = TestPlatform::config();
  config.time_model = std::make_shared<rvtlm::tlm::IcountTimeModel>(2);  // 4 ns
  platform.add_hart(config);
  platform.load(0, two_stores(100, 50));
  sc_core::sc_start();
  ASSERT_EQ(platform.recorder.writes_to(0).size(), 1u);
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, ns(4 * 101));
  EXPECT_EQ(platform.recorder.writes_to(4)[0].time, ns(4 * 152));
}

TEST(MmioTime, FollowsFrequencyModelWithoutAccumulatedRounding) {
  // 3 GHz, IPC 1: 333.33 ps per instruction, rounded per count, not per step.
  TestPlatform platform(ns(10));
  HartModuleConfig config = TestPlatform::config();
  config.time_model = std::make_shared<rvtlm::tlm::FrequencyTimeModel>(3e9, 1.0);
  platform.add_hart(config);
  platform.load(0, two_stores(100, 50));
  sc_core::sc_start();
  ASSERT_EQ(platform.recorder.writes_to(0).size(), 1u);
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, sc_core::sc_time(33667, sc_core::SC_PS));
  EXPECT_EQ(platform.recorder.writes_to(4)[0].time, sc_core::sc_time(50667, sc_core::SC_PS));
}

TEST(MmioTime, TargetDelayStallsTheHart) {
  TestPlatform platform(us(1));
  platform.recorder.write_delay = ns(100);
  HartModule& hart = platform.add_hart();
  platform.load(0, two_stores(10, 20));
  sc_core::sc_start();
  // The first store stalls the hart by 100 ns: the second comes 21 ns later.
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, ns(11));
  EXPECT_EQ(platform.recorder.writes_to(4)[0].time, ns(11 + 100 + 21));
  EXPECT_EQ(hart.local_time(), ns(34 + 200));  // 34 instructions, two stalls
}

TEST(MmioTime, OwnQuantumWithoutGlobalQuantum) {
  TestPlatform platform(sc_core::SC_ZERO_TIME);
  HartModuleConfig config = TestPlatform::config();
  config.quantum = ns(40);
  HartModule& hart = platform.add_hart(config);
  platform.load(0, two_stores(100, 50));
  sc_core::sc_start();
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, ns(101));
  EXPECT_EQ(platform.recorder.writes_to(4)[0].time, ns(152));
  // Syncs at 40, 80, 120 ns and at the wfi.
  EXPECT_GE(hart.statistics().syncs, 4u);
}

TEST(MmioTime, ZeroQuantumRunsOneInstructionAtATime) {
  TestPlatform platform(sc_core::SC_ZERO_TIME);
  HartModule& hart = platform.add_hart();
  platform.load(0, two_stores(10, 5));
  sc_core::sc_start();
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, ns(11));
  EXPECT_EQ(platform.recorder.writes_to(4)[0].time, ns(17));
  EXPECT_GE(hart.statistics().runs, hart.statistics().instructions);
}

TEST(MmioTime, TimeCsrCountsHartTime) {
  TestPlatform platform;
  HartModuleConfig config = TestPlatform::config();
  config.time_csr_period = ns(10);
  platform.add_hart(config);
  Program p;
  p.li(reg::t0, static_cast<int32_t>(kRecorderBase));
  p.repeat(98, nop());
  p << csrr(reg::t1, csr::time) << sw(reg::t1, reg::t0, 0);  // time read at 99 ns
  p.repeat(10, nop());
  p << csrr(reg::t1, csr::time) << sw(reg::t1, reg::t0, 0);  // at 111 ns
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();
  EXPECT_EQ(values(platform.recorder.writes_to(0)), (std::vector<uint64_t>{9, 11}));
}

TEST(HartModuleReset, HoldsTheHartAndRestartsAtResetPc) {
  TestPlatform platform;
  sc_core::sc_signal<bool> reset("reset_line", true);
  HartModule& hart = platform.add_hart();
  hart.reset.bind(reset);
  Program p;
  p.li(reg::t0, static_cast<int32_t>(kRecorderBase));
  p.repeat(9, addi(reg::t1, reg::t1, 1));
  p << sw(reg::t1, reg::t0, 0);  // 10 instructions after (re)start
  p.label("loop") << addi(reg::t1, reg::t1, 1);
  p.j("loop");
  platform.load(0, p);
  Script script("script", [&] {
    sc_core::wait(ns(50));
    reset.write(false);
    sc_core::wait(ns(450));  // 500 ns
    reset.write(true);
    sc_core::wait(ns(100));  // 600 ns
    reset.write(false);
  });
  // The hart's last run (from 600 ns) reaches its quantum end, 1 us.
  sc_core::sc_start(ns(900));
  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].time, ns(60));
  EXPECT_EQ(records[1].time, ns(610));
  EXPECT_EQ(records[1].value, 9u);  // registers were reset
  // Released at 50 ns, held from 500 to 600 ns: 850 ns of execution.
  EXPECT_EQ(hart.statistics().instructions, 850u);
}

TEST(HartModuleDebug, DebugAccessDoesNotAdvanceTime) {
  TestPlatform platform;
  sc_core::sc_signal<bool> reset("reset_line", true);
  HartModule& hart = platform.add_hart();
  hart.reset.bind(reset);
  const std::vector<uint32_t> words = two_stores(7, 3).words();
  Script script("loader", [&] {
    sc_core::wait(ns(20));
    const unsigned bytes = static_cast<unsigned>(words.size() * 4);
    EXPECT_EQ(hart.debug_write(kRamBase, words.data(), bytes), bytes);
    std::vector<uint32_t> back(words.size());
    EXPECT_EQ(hart.debug_read(kRamBase, back.data(), bytes), bytes);
    EXPECT_EQ(back, words);
    uint32_t none = 0;
    EXPECT_EQ(hart.debug_read(0x40000000, &none, 4), 0u);  // unmapped
    EXPECT_EQ(sc_core::sc_time_stamp(), ns(20));
    reset.write(false);
  });
  sc_core::sc_start();
  ASSERT_EQ(platform.recorder.writes_to(0).size(), 1u);
  EXPECT_EQ(platform.recorder.writes_to(0)[0].time, ns(20 + 8));
  EXPECT_EQ(hart.statistics().debug_transactions, 3u);
}

}  // namespace
}  // namespace rvtlm::tlm_test
