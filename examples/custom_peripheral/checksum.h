// A user's own peripheral: a CRC-32 accelerator (the IEEE 802.3 CRC of
// zlib and Ethernet) fed one 32-bit word at a time, with an interrupt when
// a programmed number of words has been fed. It lives in the user's
// namespace and is built on rvtlm's register helper; rvtlm itself does not
// know it.
#ifndef EXAMPLE_CHECKSUM_H
#define EXAMPLE_CHECKSUM_H

#include <cstdint>
#include <systemc>

#include "rvtlm/models/optional_ports.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/models/timed_output.h"

namespace example {

// Register map (32-bit registers, 4-byte accesses):
//   0x00 DATA       WO  the next word; its bytes enter the CRC little-endian first
//   0x04 RESULT     RO  the CRC-32 of every byte fed since the last reset
//   0x08 CONTROL    WO  bit 0 RESET: CRC, count and DONE to their initial values
//                       bit 1 ACK: clears DONE (and so the interrupt)
//   0x0c STATUS     RO  bits 30:0 words fed since the last reset, bit 31 DONE
//   0x10 THRESHOLD  RW  DONE is set when the count reaches it (0: never)
// irq = DONE.
//
// Register writes change `irq` at their own time (kernel time + annotated
// delay), as every rvtlm model does, so that an initiator running ahead of
// SystemC time sees the interrupt after the right instruction.
class Checksum : public rvtlm::models::RegisterTarget {
 public:
  static constexpr uint32_t kReset = 1u << 0;
  static constexpr uint32_t kAck = 1u << 1;
  static constexpr uint32_t kDone = 1u << 31;

  sc_core::sc_out<bool> irq;

  explicit Checksum(const sc_core::sc_module_name& name);

  uint32_t result() const { return ~crc_; }
  uint32_t words() const { return words_; }

 private:
  void feed(uint32_t word);
  void control(const rvtlm::models::WriteInfo& w);
  void set_done(bool done, const sc_core::sc_time& time);
  void drive_irq();

  uint32_t crc_ = ~0u;  // pre-inverted, as the CRC-32 definition starts
  uint32_t words_ = 0;
  bool done_ = false;
  unsigned threshold_ = 0;  // register handle
  // Levels for `irq` that writes made ahead of kernel time. Of two
  // initiators at different local times, a change never overtakes an
  // earlier one.
  rvtlm::models::TimedOutput<bool> irq_changes_{rvtlm::models::LateChange::AfterTheLast};
  // A platform that does not wire the interrupt still gets a working model.
  rvtlm::models::OptionalPorts optional_ports_{"optional_ports"};
};

}  // namespace example

#endif
