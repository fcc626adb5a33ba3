// How instruction counts become simulated time. The bridge asks a hart's time
// model for the time of a number of instructions counted from the hart's last
// synchronisation point, so a model's rounding never accumulates over a run.
#ifndef RVTLM_TLM_TIME_MODEL_H
#define RVTLM_TLM_TIME_MODEL_H

#include <cstdint>
#include <systemc>

namespace rvtlm::tlm {

// A plugin supplies its own model by deriving from this class. Both functions
// must be consistent: instructions_within(time(n)) >= n, and time(n) must
// grow with n and be non-zero for n > 0 — except for a hart whose time comes
// from charges (HartModuleConfig::charge_model): there instructions may take
// no time (NoInstructionTimeModel), and the charge model, which counts
// charged units instead of instructions, need only not decrease.
class TimeModel {
 public:
  virtual ~TimeModel() = default;

  // Simulated time that `instructions` consecutive instructions take.
  virtual sc_core::sc_time time(uint64_t instructions) const = 0;

  // The largest n with time(n) <= span (rounded down).
  virtual uint64_t instructions_within(const sc_core::sc_time& span) const = 0;
};

// Every instruction takes the same time (any multiple of the time resolution).
class FixedTimeModel : public TimeModel {
 public:
  // Throws std::invalid_argument for a zero time.
  explicit FixedTimeModel(const sc_core::sc_time& per_instruction);

  sc_core::sc_time time(uint64_t instructions) const override;
  uint64_t instructions_within(const sc_core::sc_time& span) const override;

  const sc_core::sc_time& per_instruction() const { return per_instruction_; }

 private:
  sc_core::sc_time per_instruction_;
  uint64_t units_;  // per_instruction_ in time-resolution units
};

// 2^shift ns per instruction, as QEMU's -icount shift=N.
class IcountTimeModel final : public FixedTimeModel {
 public:
  // Throws std::invalid_argument for shift > 30.
  explicit IcountTimeModel(unsigned shift);
  unsigned shift() const { return shift_; }

 private:
  unsigned shift_;
};

// A core clocked at `frequency_hz` that retires `ipc` instructions per cycle
// on average: time(n) = n / (frequency_hz * ipc), rounded to the nearest
// multiple of the time resolution.
class FrequencyTimeModel final : public TimeModel {
 public:
  // Throws std::invalid_argument unless both are positive and finite and an
  // instruction takes from one time-resolution unit to 2^63 of them.
  explicit FrequencyTimeModel(double frequency_hz, double ipc = 1.0);

  sc_core::sc_time time(uint64_t instructions) const override;
  uint64_t instructions_within(const sc_core::sc_time& span) const override;

  double frequency_hz() const { return frequency_hz_; }
  double ipc() const { return ipc_; }

 private:
  uint64_t units(uint64_t instructions) const;

  double frequency_hz_;
  double ipc_;
  long double units_per_instruction_;
};

// Instructions take no time of their own: the hart's time is what is
// charged to it (HartModuleConfig::charge_model, which it requires).
class NoInstructionTimeModel final : public TimeModel {
 public:
  sc_core::sc_time time(uint64_t) const override { return sc_core::SC_ZERO_TIME; }
  uint64_t instructions_within(const sc_core::sc_time&) const override { return ~uint64_t{0}; }
};

}  // namespace rvtlm::tlm

#endif
