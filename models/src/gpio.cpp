// The GPIO block: registers, edge detection and the pin and interrupt
// outputs.
#include "rvtlm/models/gpio.h"

#include <stdexcept>
#include <string>

namespace rvtlm::models {

Gpio::Gpio(const sc_core::sc_module_name& name, const GpioConfig& config)
    : RegisterTarget(name),
      in("in", checked_width(config.width)),
      out("out", config.width),
      irq("irq"),
      mask_(config.width >= 32 ? ~uint32_t{0} : (uint32_t{1} << config.width) - 1),
      optional_ports_("optional_ports") {
  const auto rw = [&](const char* reg_name, uint64_t offset) {
    return registers_.add(
        Register(reg_name, offset).writable(mask_).on_write([this](const WriteInfo& w) {
          schedule(w.time);
        }));
  };
  const auto w1c = [&](const char* reg_name, uint64_t offset, unsigned& handle) {
    handle = registers_.add(
        Register(reg_name, offset).writable(0).on_write([this, h = &handle](const WriteInfo& w) {
          clear_pending(*h, w);
        }));
  };
  const auto alias = [&](const char* reg_name, uint64_t offset, auto op) {
    registers_.add(Register(reg_name, offset)
                       .write_only()
                       .writable(0)
                       .on_write([this, op](const WriteInfo& w) {
                         const auto old = static_cast<uint32_t>(registers_.get(output_));
                         change_output(w, op(old, static_cast<uint32_t>(w.data)));
                       }));
  };
  registers_.add(Register("input", 0x00).read_only().on_read([this](const AccessInfo&) -> uint64_t {
    return levels();
  }));
  output_ = rw("output", 0x04);
  output_enable_ = rw("output_enable", 0x08);
  rise_ie_ = rw("rise_ie", 0x0c);
  w1c("rise_ip", 0x10, rise_ip_);
  fall_ie_ = rw("fall_ie", 0x14);
  w1c("fall_ip", 0x18, fall_ip_);
  high_ie_ = rw("high_ie", 0x1c);
  low_ie_ = rw("low_ie", 0x20);
  alias("output_set", 0x24, [](uint32_t o, uint32_t v) { return o | v; });
  alias("output_clear", 0x28, [](uint32_t o, uint32_t v) { return o & ~v; });
  alias("output_toggle", 0x2c, [](uint32_t o, uint32_t v) { return o ^ v; });

  optional_ports_.add(in);
  optional_ports_.add(out);
  optional_ports_.add(irq);

  SC_HAS_PROCESS(Gpio);
  SC_METHOD(update);
  sensitive << pending_.event();
  for (auto& pin : in) sensitive << pin;
}

unsigned Gpio::checked_width(unsigned width) const {
  if (width < 1 || width > 32)
    throw std::invalid_argument(std::string(name()) + ": width " + std::to_string(width) +
                                " out of range: a GPIO block has 1 to 32 pins");
  return width;
}

void Gpio::start_of_simulation() { last_levels_ = levels(); }

uint32_t Gpio::levels() const {
  uint32_t v = 0;
  for (unsigned i = 0; i < in.size(); ++i) v |= uint32_t{in[i].read()} << i;
  return v;
}

Gpio::Drive Gpio::state() const {
  const auto get = [this](unsigned handle) {
    return static_cast<uint32_t>(registers_.get(handle));
  };
  Drive d;
  d.output = get(output_);
  d.output_enable = get(output_enable_);
  d.rise_ie = get(rise_ie_);
  d.rise_ip = get(rise_ip_);
  d.fall_ie = get(fall_ie_);
  d.fall_ip = get(fall_ip_);
  d.high_ie = get(high_ie_);
  d.low_ie = get(low_ie_);
  return d;
}

void Gpio::schedule(const sc_core::sc_time& time) { pending_.push(time, state()); }

// The pins follow the registers' reset values (outputs off, interrupts
// disabled and not pending) from now on.
void Gpio::reset_state() {
  pending_.clear();
  schedule(sc_core::sc_time_stamp());
}

void Gpio::clear_pending(unsigned handle, const WriteInfo& w) {
  // Debug writes must not have side effects; clearing is one.
  if (w.debug) return;
  registers_.set(handle, w.old_value & ~w.data);
  schedule(w.time);
}

void Gpio::change_output(const WriteInfo& w, uint32_t value) {
  if (w.debug) return;
  registers_.set(output_, value & mask_);
  schedule(w.time);
}

void Gpio::update() {
  const uint32_t levels = this->levels();
  const uint32_t rise = levels & ~last_levels_;
  const uint32_t fall = ~levels & last_levels_;
  last_levels_ = levels;
  if (rise | fall) {
    // An edge seen now precedes every queued write in time, so it is part of
    // their state too.
    const auto latch = [&](Drive& d) {
      d.rise_ip |= rise;
      d.fall_ip |= fall;
    };
    latch(applied_);
    pending_.for_each(latch);
    registers_.set(rise_ip_, registers_.get(rise_ip_) | rise);
    registers_.set(fall_ip_, registers_.get(fall_ip_) | fall);
  }
  pending_.apply_due([this](const Drive& d) { applied_ = d; });

  const uint32_t driven = applied_.output & applied_.output_enable;
  for (unsigned i = 0; i < out.size(); ++i) out[i].write(((driven >> i) & 1) != 0);
  const Drive& d = applied_;
  const uint32_t cause = (d.rise_ip & d.rise_ie) | (d.fall_ip & d.fall_ie) | (levels & d.high_ie) |
                         (~levels & d.low_ie);
  irq.write((cause & mask_) != 0);
}

}  // namespace rvtlm::models
