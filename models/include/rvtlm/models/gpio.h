// A general-purpose I/O block of up to 32 pins: input levels, outputs with
// output enables, set/clear/toggle aliases, and edge- and level-triggered
// interrupts ORed onto one line. The register layout is rvtlm's own, in the
// spirit of the SiFive GPIO (rise/fall/high/low interrupt pairs, W1C pending
// bits).
#ifndef RVTLM_MODELS_GPIO_H
#define RVTLM_MODELS_GPIO_H

#include <cstdint>
#include <systemc>

#include "rvtlm/models/optional_ports.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/models/timed_output.h"

namespace rvtlm::models {

struct GpioConfig {
  unsigned width = 32;  // pins, 1..32
};

// Register map (32-bit registers, 4-byte accesses; bit i is pin i, only the
// low `width` bits exist, the others read 0 and ignore writes):
//   0x00 input          RO  levels of `in`
//   0x04 output         RW
//   0x08 output_enable  RW  out[i] = output[i] & output_enable[i]
//   0x0c rise_ie        RW
//   0x10 rise_ip        W1C latched on a rising edge of in[i], whatever rise_ie
//   0x14 fall_ie        RW
//   0x18 fall_ip        W1C latched on a falling edge
//   0x1c high_ie        RW  interrupt while in[i] is high
//   0x20 low_ie         RW  interrupt while in[i] is low
//   0x24 output_set     WO  output |= value
//   0x28 output_clear   WO  output &= ~value
//   0x2c output_toggle  WO  output ^= value
// irq = OR over pins of (rise_ip & rise_ie) | (fall_ip & fall_ie) |
//       (input & high_ie) | (~input & low_ie).
//
// A write takes effect on `out` and `irq` at its own time (kernel time +
// annotated delay), also when one initiator makes several writes within one
// quantum: each write's state is queued with its time and applied then.
// Inputs are sampled in kernel time.
class Gpio : public RegisterTarget {
 public:
  explicit Gpio(const sc_core::sc_module_name& name, const GpioConfig& config = {});

  sc_core::sc_vector<sc_core::sc_in<bool>> in;
  sc_core::sc_vector<sc_core::sc_out<bool>> out;
  sc_core::sc_out<bool> irq;

 private:
  // The register state that drives `out` and `irq`, as of one write.
  struct Drive {
    uint32_t output = 0;
    uint32_t output_enable = 0;
    uint32_t rise_ie = 0;
    uint32_t rise_ip = 0;
    uint32_t fall_ie = 0;
    uint32_t fall_ip = 0;
    uint32_t high_ie = 0;
    uint32_t low_ie = 0;
  };

  unsigned checked_width(unsigned width) const;
  void start_of_simulation() override;
  uint32_t levels() const;
  Drive state() const;
  void schedule(const sc_core::sc_time& time);
  void clear_pending(unsigned handle, const WriteInfo& w);
  void change_output(const WriteInfo& w, uint32_t value);
  void update();
  void reset_state() override;

  uint32_t mask_;
  unsigned output_ = 0, output_enable_ = 0, rise_ie_ = 0, rise_ip_ = 0, fall_ie_ = 0, fall_ip_ = 0,
           high_ie_ = 0, low_ie_ = 0;
  uint32_t last_levels_ = 0;
  Drive applied_;
  // Writes not yet reached in kernel time, each with the state as of it.
  TimedOutput<Drive> pending_{LateChange::InTimeOrder};
  OptionalPorts optional_ports_;
};

}  // namespace rvtlm::models

#endif
