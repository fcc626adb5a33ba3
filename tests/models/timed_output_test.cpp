// The queue of output changes that accesses schedule for their own time:
// the time each change takes effect, the order of changes due at one time,
// and where a change goes that is due before the last one queued.
#include "rvtlm/models/timed_output.h"

#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

using Applied = std::vector<std::pair<sc_time, int>>;

// A thread that pushes changes (as accesses made ahead of SystemC time
// would) and a method that applies them, recording when each took effect.
struct Model : sc_core::sc_module {
  TimedOutput<int> changes;
  std::function<void(Model&)> script;
  bool one_at_a_time = false;
  Applied applied;
  std::vector<sc_dt::uint64> deltas;  // sc_delta_count() of each change

  SC_HAS_PROCESS(Model);
  Model(const sc_core::sc_module_name& name, LateChange late, std::function<void(Model&)> s)
      : sc_core::sc_module(name), changes(late), script(std::move(s)) {
    SC_THREAD(run);
    SC_METHOD(apply);
    sensitive << changes.event();
    dont_initialize();
  }
  void run() { script(*this); }
  void apply() {
    const auto record = [this](int v) {
      applied.emplace_back(sc_core::sc_time_stamp(), v);
      deltas.push_back(sc_core::sc_delta_count());
    };
    if (one_at_a_time)
      changes.apply_one(record);
    else
      changes.apply_due(record);
  }
  void push(double delay_ns, int value) {
    changes.push(sc_core::sc_time_stamp() + sc_time(delay_ns, SC_NS), value);
  }
};

// Two initiators within one quantum: the second one's local time is behind
// the first one's.
void two_initiators(Model& m) {
  sc_core::wait(100, SC_NS);
  m.push(30, 1);
  m.push(50, 2);
  m.push(10, 3);  // another initiator, behind
  m.push(50, 4);
  m.push(20, 5);
}

TEST(TimedOutput, InTimeOrderAppliesEachChangeAtItsOwnTime) {
  Model m("m", LateChange::InTimeOrder, two_initiators);
  sc_core::sc_start(1, sc_core::SC_US);
  const auto at = [](double ns) { return sc_time(ns, SC_NS); };
  EXPECT_EQ(m.applied,
            (Applied{{at(110), 3}, {at(120), 5}, {at(130), 1}, {at(150), 2}, {at(150), 4}}));
}

TEST(TimedOutput, AfterTheLastKeepsTheOrderOfTheAccesses) {
  Model m("m", LateChange::AfterTheLast, two_initiators);
  sc_core::sc_start(1, sc_core::SC_US);
  const auto at = [](double ns) { return sc_time(ns, SC_NS); };
  EXPECT_EQ(m.applied,
            (Applied{{at(130), 1}, {at(150), 2}, {at(150), 3}, {at(150), 4}, {at(150), 5}}));
}

TEST(TimedOutput, ApplyOneGivesEachChangeDueAtOneTimeItsOwnDeltaCycle) {
  Model m("m", LateChange::AfterTheLast, [](Model& model) {
    model.push(5, 1);
    model.push(5, 2);
    model.push(5, 3);
    model.push(8, 4);
  });
  m.one_at_a_time = true;
  sc_core::sc_start(1, sc_core::SC_US);
  const auto at = [](double ns) { return sc_time(ns, SC_NS); };
  EXPECT_EQ(m.applied, (Applied{{at(5), 1}, {at(5), 2}, {at(5), 3}, {at(8), 4}}));
  ASSERT_EQ(m.deltas.size(), 4u);
  EXPECT_LT(m.deltas[0], m.deltas[1]);
  EXPECT_LT(m.deltas[1], m.deltas[2]);
}

TEST(TimedOutput, WakeAtRunsTheProcessAtTheEarliestTimeAsked) {
  std::vector<sc_time> runs;
  struct Waker : sc_core::sc_module {
    TimedOutput<int> changes{LateChange::InTimeOrder};
    std::vector<sc_time>& runs;
    SC_HAS_PROCESS(Waker);
    Waker(const sc_core::sc_module_name& name, std::vector<sc_time>& r)
        : sc_core::sc_module(name), runs(r) {
      SC_THREAD(run);
      SC_METHOD(apply);
      sensitive << changes.event();
      dont_initialize();
    }
    void run() {
      changes.push(sc_time(40, SC_NS), 1);
      changes.wake_at(sc_time(70, SC_NS));  // later than a change queued: no run of its own
      changes.wake_at(sc_time(25, SC_NS));
    }
    void apply() {
      runs.push_back(sc_core::sc_time_stamp());
      changes.apply_due([](int) {});
    }
  } waker("waker", runs);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(runs, (std::vector<sc_time>{sc_time(25, SC_NS), sc_time(40, SC_NS)}));
}

}  // namespace
}  // namespace rvtlm::models
