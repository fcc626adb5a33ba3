#include "checksum.h"

namespace example {

using rvtlm::models::AccessInfo;
using rvtlm::models::Register;
using rvtlm::models::WriteInfo;

Checksum::Checksum(const sc_core::sc_module_name& name) : RegisterTarget(name), irq("irq") {
  optional_ports_.add(irq);
  registers_.add(Register("data", 0x00).write_only().on_write([this](const WriteInfo& w) {
    // A debug write (a debugger poking memory) must not change the CRC.
    if (w.debug) return;
    feed(static_cast<uint32_t>(w.data));
    set_done(done_ || (registers_.get(threshold_) != 0 && words_ == registers_.get(threshold_)),
             w.time);
  }));
  registers_.add(Register("result", 0x04).read_only().on_read([this](const AccessInfo&) {
    return uint64_t{result()};
  }));
  registers_.add(
      Register("control", 0x08).write_only().on_write([this](const WriteInfo& w) { control(w); }));
  registers_.add(Register("status", 0x0c).read_only().on_read([this](const AccessInfo&) {
    return uint64_t{(words_ & ~kDone) | (done_ ? kDone : 0)};
  }));
  threshold_ = registers_.add(Register("threshold", 0x10));

  SC_HAS_PROCESS(Checksum);
  SC_METHOD(drive_irq);
  sensitive << irq_changes_.event();
  dont_initialize();
}

void Checksum::feed(uint32_t word) {
  for (unsigned byte = 0; byte < 4; ++byte) {
    crc_ ^= (word >> (8 * byte)) & 0xff;
    // Reflected polynomial 0x04c11db7 (ISO 3309 / IEEE 802.3).
    for (unsigned bit = 0; bit < 8; ++bit) crc_ = (crc_ >> 1) ^ (0xedb88320u & (0u - (crc_ & 1)));
  }
  ++words_;
}

void Checksum::control(const WriteInfo& w) {
  if (w.debug) return;
  bool done = done_;
  if (w.data & kReset) {
    crc_ = ~0u;
    words_ = 0;
    done = false;
  }
  if (w.data & kAck) done = false;
  set_done(done, w.time);
}

void Checksum::set_done(bool done, const sc_core::sc_time& time) {
  if (done == done_) return;
  done_ = done;
  irq_changes_.push(time, done);
}

void Checksum::drive_irq() {
  irq_changes_.apply_due([this](bool level) { irq.write(level); });
}

}  // namespace example
