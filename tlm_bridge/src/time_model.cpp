#include "rvtlm/tlm/time_model.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace rvtlm::tlm {

namespace {

constexpr uint64_t kMaxUnits = std::numeric_limits<uint64_t>::max();

// Time-resolution units in one second (1e12 with SystemC's default 1 ps).
long double units_per_second() {
  return 1.0L / static_cast<long double>(sc_core::sc_get_time_resolution().to_seconds());
}

}  // namespace

FixedTimeModel::FixedTimeModel(const sc_core::sc_time& per_instruction)
    : per_instruction_(per_instruction), units_(per_instruction.value()) {
  if (units_ == 0) {
    throw std::invalid_argument(
        "rvtlm::tlm::FixedTimeModel: the time per instruction must be "
        "at least the time resolution (" +
        sc_core::sc_get_time_resolution().to_string() + "), not " + per_instruction.to_string());
  }
}

sc_core::sc_time FixedTimeModel::time(uint64_t instructions) const {
  if (instructions > kMaxUnits / units_) return sc_core::sc_time::from_value(kMaxUnits);
  return sc_core::sc_time::from_value(instructions * units_);
}

uint64_t FixedTimeModel::instructions_within(const sc_core::sc_time& span) const {
  return span.value() / units_;
}

IcountTimeModel::IcountTimeModel(unsigned shift)
    : FixedTimeModel(sc_core::sc_time(static_cast<double>(uint64_t{1} << (shift > 30 ? 0 : shift)),
                                      sc_core::SC_NS)),
      shift_(shift) {
  if (shift > 30) {
    throw std::invalid_argument(
        "rvtlm::tlm::IcountTimeModel: shift must be at most 30 (2^30 ns "
        "per instruction), not " +
        std::to_string(shift));
  }
}

FrequencyTimeModel::FrequencyTimeModel(double frequency_hz, double ipc)
    : frequency_hz_(frequency_hz), ipc_(ipc) {
  if (!(frequency_hz > 0) || !(ipc > 0) || !std::isfinite(frequency_hz) || !std::isfinite(ipc)) {
    throw std::invalid_argument(
        "rvtlm::tlm::FrequencyTimeModel: frequency and IPC must be positive, not " +
        std::to_string(frequency_hz) + " Hz and " + std::to_string(ipc));
  }
  units_per_instruction_ =
      units_per_second() / (static_cast<long double>(frequency_hz) * static_cast<long double>(ipc));
  // time(n) must grow with n: at least one resolution unit per instruction;
  // and one instruction's time must fit SystemC's time range with room.
  if (units_per_instruction_ < 1.0L ||
      units_per_instruction_ > static_cast<long double>(kMaxUnits / 2)) {
    throw std::invalid_argument(
        "rvtlm::tlm::FrequencyTimeModel: " + std::to_string(frequency_hz) + " Hz at IPC " +
        std::to_string(ipc) + " is outside one instruction per time resolution unit (" +
        sc_core::sc_get_time_resolution().to_string() + ") to one per 2^63 units");
  }
}

uint64_t FrequencyTimeModel::units(uint64_t instructions) const {
  const long double u =
      std::floor(static_cast<long double>(instructions) * units_per_instruction_ + 0.5L);
  if (u >= static_cast<long double>(kMaxUnits)) return kMaxUnits;
  return static_cast<uint64_t>(u);
}

sc_core::sc_time FrequencyTimeModel::time(uint64_t instructions) const {
  return sc_core::sc_time::from_value(units(instructions));
}

uint64_t FrequencyTimeModel::instructions_within(const sc_core::sc_time& span) const {
  const uint64_t limit = span.value();
  const long double estimate =
      std::floor((static_cast<long double>(limit) + 0.5L) / units_per_instruction_);
  if (estimate >= static_cast<long double>(kMaxUnits) / 2) return kMaxUnits / 2;
  // The estimate is off by at most one either way; settle it on the rounded
  // times themselves so that time(n) <= span < time(n + 1).
  auto n = static_cast<uint64_t>(estimate);
  while (n > 0 && units(n) > limit) --n;
  while (units(n + 1) <= limit) ++n;
  return n;
}

}  // namespace rvtlm::tlm
