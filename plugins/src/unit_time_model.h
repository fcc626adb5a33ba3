// What units charged by a plugin are worth (control_time): a fixed time per
// unit that may be below SystemC's time resolution (a thousandth of a cycle
// of a GHz core), rounded from whole counts so that rounding never
// accumulates.
#ifndef RVTLM_PLUGINS_UNIT_TIME_MODEL_H
#define RVTLM_PLUGINS_UNIT_TIME_MODEL_H

#include <cmath>
#include <stdexcept>
#include <string>
#include <systemc>

#include "rvtlm/tlm/time_model.h"

namespace rvtlm::plugins {

class UnitTimeModel final : public tlm::TimeModel {
 public:
  // Throws std::invalid_argument unless seconds_per_unit is positive, finite
  // and at most one second.
  explicit UnitTimeModel(double seconds_per_unit) {
    if (!(seconds_per_unit > 0) || !(seconds_per_unit <= 1.0))
      throw std::invalid_argument("a charged unit must be worth more than 0 and at most 1 s, not " +
                                  std::to_string(seconds_per_unit) + " s");
    resolution_units_ = static_cast<long double>(seconds_per_unit) /
                        static_cast<long double>(sc_core::sc_get_time_resolution().to_seconds());
  }

  sc_core::sc_time time(uint64_t units) const override {
    return sc_core::sc_time::from_value(resolution(units));
  }

  uint64_t instructions_within(const sc_core::sc_time& span) const override {
    const uint64_t limit = span.value();
    const long double estimate =
        std::floor((static_cast<long double>(limit) + 0.5L) / resolution_units_);
    if (estimate >= static_cast<long double>(kMax) / 2) return kMax / 2;
    // Settle the estimate on the rounded times: time(n) <= span < time(n + 1).
    auto n = static_cast<uint64_t>(estimate);
    while (n > 0 && resolution(n) > limit) --n;
    while (resolution(n + 1) <= limit) ++n;
    return n;
  }

 private:
  static constexpr uint64_t kMax = ~uint64_t{0};
  uint64_t resolution(uint64_t units) const {
    const long double v = std::floor(static_cast<long double>(units) * resolution_units_ + 0.5L);
    return v >= static_cast<long double>(kMax) ? kMax : static_cast<uint64_t>(v);
  }
  long double resolution_units_;  // per charged unit
};

}  // namespace rvtlm::plugins

#endif
