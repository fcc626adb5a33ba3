// Charges become time in the TLM bridge exactly like instructions: an MMIO
// access carries every cost charged before its instruction, a timer
// interrupt is taken at the instruction the charges predict, whatever the
// quantum. Each test elaborates its own platform (one process each).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "platform.h"
#include "rvtlm/iss/instrumentation.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;
using rvtlm::tlm::HartModuleConfig;

// Charges `static_units` for every instruction, and `store_units` after
// every store and `jump_units` after every jump, from callbacks.
class Charger : public iss::Instrumenter {
 public:
  uint64_t static_units = 0;
  uint64_t store_units = 0;
  uint64_t jump_units = 0;

  void instrument(iss::BlockInstrumentation& b) override {
    for (std::size_t i = 0; i < b.size(); ++i) {
      if (static_units) b.charge(i, static_units);
      const iss::InsnClass c = b.instruction(i).insn_class;
      if (store_units && c == iss::InsnClass::Store) b.on_memory(i, &on_store, this);
      if (jump_units && c == iss::InsnClass::Jump) b.after_execute(i, &on_jump, this);
    }
  }

 private:
  static void on_store(iss::Hart& h, uint64_t, const iss::MemoryAccess&, void* self) {
    h.charge(static_cast<Charger*>(self)->store_units);
  }
  static void on_jump(iss::Hart& h, uint64_t, uint64_t, void* self) {
    h.charge(static_cast<Charger*>(self)->jump_units);
  }
};

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

std::string quantum_name(const sc_core::sc_time& q) {
  if (q >= ms(1)) return std::to_string(static_cast<int>(q / ms(1))) + "ms";
  if (q >= us(1)) return std::to_string(static_cast<int>(q / us(1))) + "us";
  return std::to_string(static_cast<int>(q / ns(1))) + "ns";
}

class ChargedMmio : public ::testing::TestWithParam<sc_core::sc_time> {};

// 1 ns per instruction, 2 units (2 ns) charged per instruction, and 1000
// units after the first store.
TEST_P(ChargedMmio, CarriesEveryCostChargedBeforeIt) {
  TestPlatform platform(GetParam());
  HartModuleConfig config = TestPlatform::config();
  config.charge_model = std::make_shared<rvtlm::tlm::FixedTimeModel>(ns(1));
  HartModule& hart = platform.add_hart(config);
  Charger charger;
  charger.static_units = 2;
  charger.store_units = 1000;
  hart.hart().add_instrumenter(charger);
  platform.load(0, two_stores(100, 50));

  sc_core::sc_start();

  const auto first = platform.recorder.writes_to(0);
  const auto second = platform.recorder.writes_to(4);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].time, ns(101 + 202));
  EXPECT_EQ(second[0].time, ns(152 + 304 + 1000));
  EXPECT_EQ(hart.statistics().instructions, 154u);
  EXPECT_EQ(hart.hart().charged(), 2 * 154u + 2000);
  EXPECT_EQ(sc_core::sc_time_stamp(), ns(154 + 308 + 2000));
}

INSTANTIATE_TEST_SUITE_P(Quanta, ChargedMmio, ::testing::Values(ns(1), us(1), ms(1)),
                         [](const ::testing::TestParamInfo<sc_core::sc_time>& info) {
                           return "Quantum" + quantum_name(info.param);
                         });

// Instructions take no time: the charges alone (3 units of 1 ns each).
TEST(ChargedTime, ChargesAloneMakeTheTime) {
  TestPlatform platform(us(1));
  HartModuleConfig config = TestPlatform::config();
  config.time_model = std::make_shared<rvtlm::tlm::NoInstructionTimeModel>();
  config.charge_model = std::make_shared<rvtlm::tlm::FrequencyTimeModel>(1e9);
  HartModule& hart = platform.add_hart(config);
  Charger charger;
  charger.static_units = 3;
  hart.hart().add_instrumenter(charger);
  platform.load(0, two_stores(100, 50));

  sc_core::sc_start();

  const auto first = platform.recorder.writes_to(0);
  const auto second = platform.recorder.writes_to(4);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].time, ns(303));
  EXPECT_EQ(second[0].time, ns(456));
  EXPECT_EQ(sc_core::sc_time_stamp(), ns(462));
}

TEST(ChargedTime, ModelsMayBeReplacedBeforeTheHartStarts) {
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  hart.set_time_model(std::make_shared<rvtlm::tlm::FixedTimeModel>(ns(2)));
  hart.set_charge_model(std::make_shared<rvtlm::tlm::FixedTimeModel>(ns(5)));
  Charger charger;
  charger.static_units = 1;
  hart.hart().add_instrumenter(charger);
  platform.load(0, two_stores(10, 0));
  sc_core::sc_start(ns(1));
  EXPECT_THROW(hart.set_time_model(nullptr), std::logic_error);
  sc_core::sc_start();
  const auto first = platform.recorder.writes_to(0);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].time, ns(11 * 7));
}

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

class ChargedTimer : public ::testing::TestWithParam<sc_core::sc_time> {};

// 1 ns per instruction plus 1 ns charged per instruction, plus 2 ns after
// each jump: 7 set-up instructions (14 ns), then 6 ns per round of the spin
// loop, whose instruction boundaries fall at 14 + 6k and 16 + 6k ns. The
// line rises at 1500 ns; the first boundary at or after it is 1502 ns, after
// 7 + 2 * 248 = 503 instructions, for every quantum.
TEST_P(ChargedTimer, InterruptTakenAtThePredictedInstruction) {
  TestPlatform platform(GetParam());
  HartModuleConfig config = TestPlatform::config();
  config.charge_model = std::make_shared<rvtlm::tlm::FixedTimeModel>(ns(1));
  HartModule& hart = platform.add_hart(config);
  Charger charger;
  charger.static_units = 1;
  charger.jump_units = 2;
  hart.hart().add_instrumenter(charger);
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", ns(1500));
  timer.irq.bind(line);
  hart.mtip.bind(line);
  platform.load(0, spin_until_timer_interrupt());

  sc_core::sc_start(ms(3));

  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, 503u);
  EXPECT_EQ(records[0].time, ns(1504));  // the csrr took 2 ns
}

INSTANTIATE_TEST_SUITE_P(Quanta, ChargedTimer,
                         ::testing::Values(ns(1), ns(7), us(1), us(10), ms(1)),
                         [](const ::testing::TestParamInfo<sc_core::sc_time>& info) {
                           return "Quantum" + quantum_name(info.param);
                         });

}  // namespace
}  // namespace rvtlm::tlm_test
