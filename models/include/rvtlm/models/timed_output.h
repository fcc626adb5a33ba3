// Changes to a model's outputs that accesses schedule for their own time.
//
// An initiator running ahead of SystemC time (temporal decoupling) makes an
// access at sc_time_stamp() + its annotated delay, and several harts call
// b_transport from their own threads, so a model never writes an sc_out
// from b_transport: it queues the change with the access's time, and its own
// SC_METHOD, sensitive to event(), applies the change when SystemC time gets
// there. Changes with equal times keep the order of the accesses.
#ifndef RVTLM_MODELS_TIMED_OUTPUT_H
#define RVTLM_MODELS_TIMED_OUTPUT_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <systemc>
#include <utility>
#include <vector>

namespace rvtlm::models {

// Where a change goes that is due before the last one queued (two
// initiators at different local times within one quantum).
enum class LateChange : uint8_t {
  // Into time order: it takes effect at its own time. For changes that each
  // set one part of the state the outputs follow (one register's value).
  InTimeOrder,
  // After the last one, at that one's time: the accesses' order is kept.
  // For changes that each carry the whole state as of their access, where
  // the newest must be the last applied.
  AfterTheLast,
};

template <typename T>
class TimedOutput {
 public:
  explicit TimedOutput(LateChange late) : late_(late) {}

  // What the model's process is sensitive to.
  const sc_core::sc_event& event() const { return event_; }

  bool empty() const { return head_ == items_.size(); }
  // The newest change queued (not empty()).
  const T& back() const { return items_.back().value; }

  // `value` takes effect at `at`: the access's sc_time_stamp() + annotated
  // delay, never before sc_time_stamp().
  void push(const sc_core::sc_time& at, T value) {
    if (empty()) {
      items_.clear();
      head_ = 0;
    }
    auto place = items_.end();
    sc_core::sc_time when = at;
    if (!empty() && at < items_.back().time) {
      if (late_ == LateChange::AfterTheLast) {
        when = items_.back().time;
      } else {
        place =
            std::upper_bound(items_.begin() + static_cast<std::ptrdiff_t>(head_), items_.end(), at,
                             [](const sc_core::sc_time& t, const Item& i) { return t < i.time; });
      }
    }
    items_.insert(place, Item{when, std::move(value)});
    wake_at(when);
  }

  // Drops every change still queued (a reset).
  void clear() { head_ = items_.size(); }

  // Every change still queued, oldest first, for a model that must fold
  // something it saw now into the state those changes carry.
  template <typename F>
  void for_each(F&& f) {
    for (size_t i = head_; i < items_.size(); ++i) f(items_[i].value);
  }

  // Calls apply(value) for every change due by now, oldest first, and has
  // the process run again when the next one is due.
  template <typename F>
  void apply_due(F&& apply) {
    const sc_core::sc_time& now = sc_core::sc_time_stamp();
    while (!empty() && items_[head_].time <= now) {
      apply(items_[head_].value);
      ++head_;
    }
    if (!empty()) wake_at(items_[head_].time);
  }

  // Calls apply(value) for the oldest change due by now, if any, so that
  // changes due at the same time each become a signal's value in their own
  // delta cycle; the process runs again for the next one.
  template <typename F>
  void apply_one(F&& apply) {
    if (!empty() && items_[head_].time <= sc_core::sc_time_stamp()) {
      apply(items_[head_].value);
      ++head_;
    }
    if (!empty()) wake_at(items_[head_].time);
  }

  // The process also runs at `at` (a deadline of the model's own, such as
  // mtime reaching mtimecmp); of several such times the earliest counts.
  void wake_at(const sc_core::sc_time& at) {
    const sc_core::sc_time& now = sc_core::sc_time_stamp();
    event_.notify(at > now ? at - now : sc_core::SC_ZERO_TIME);
  }

 private:
  struct Item {
    sc_core::sc_time time;
    T value;
  };
  // items_[head_..] are queued; the vector is reused once drained, so that
  // a steady stream of changes allocates nothing.
  std::vector<Item> items_;
  size_t head_ = 0;
  LateChange late_;
  sc_core::sc_event event_;
};

}  // namespace rvtlm::models

#endif
