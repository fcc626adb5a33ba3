// ACLINT in its SiFive CLINT-compatible layout (MSWI + MTIMER, as on QEMU's
// virt machine): one machine software interrupt line and one machine timer
// interrupt line per hart, mtime derived from SystemC time.
//
// Register map (offsets into the target):
//   0x0000 + 4*h  msip[h]      32-bit, bit 0 drives msip[h], other bits read 0
//   0x4000 + 8*h  mtimecmp[h]  64-bit, 4- and 8-byte accesses, reset all ones
//   0xbff8        mtime        64-bit, 4- and 8-byte accesses, read/write
#ifndef RVTLM_MODELS_ACLINT_H
#define RVTLM_MODELS_ACLINT_H

#include <cstdint>
#include <optional>
#include <systemc>
#include <vector>

#include "rvtlm/models/optional_ports.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/models/timed_output.h"

namespace rvtlm::models {

struct AclintConfig {
  unsigned harts = 1;                  // 1..4095
  uint64_t frequency_hz = 10'000'000;  // mtime ticks per second of SystemC time
};

class Aclint : public RegisterTarget {
 public:
  static constexpr uint64_t kMsipBase = 0x0000;
  static constexpr uint64_t kMtimecmpBase = 0x4000;
  static constexpr uint64_t kMtime = 0xbff8;
  static constexpr uint64_t kSize = 0xc000;

  sc_core::sc_vector<sc_core::sc_out<bool>> msip;  // one per hart
  sc_core::sc_vector<sc_core::sc_out<bool>> mtip;  // one per hart

  // Throws std::invalid_argument for a hart count outside 1..4095, a zero
  // frequency or one faster than SystemC's time resolution.
  Aclint(const sc_core::sc_module_name& name, const AclintConfig& config = {});

  // The value mtime has at SystemC time `t` (exact: floor(t * frequency),
  // even where the period is not a whole number of time resolution units).
  uint64_t mtime_at(const sc_core::sc_time& t) const;
  // The earliest SystemC time at which mtime reaches `value` (counting from
  // its value now, so a guest's write of mtime is taken into account);
  // zero when it already has, empty when SystemC's time range ends first.
  // A hart's compare register (stimecmp) becomes a deadline with it.
  std::optional<sc_core::sc_time> time_of(uint64_t value) const;
  // One mtime tick, rounded to the time resolution.
  sc_core::sc_time period() const;
  unsigned harts() const { return harts_; }

 private:
  SC_HAS_PROCESS(Aclint);
  // A register write as the interrupt lines see it: the bus sees the new
  // value at once, the lines only from the time of the access, so that
  // writes an initiator makes ahead of SystemC time take effect in order and
  // each at its own time.
  struct LineChange {
    enum Kind : uint8_t { Msip, Mtimecmp, MtimeOffset } kind;
    unsigned hart;
    uint64_t value;
  };
  void schedule(const sc_core::sc_time& at, LineChange change);
  void update();
  void reset_state() override;

  unsigned harts_;
  uint64_t frequency_;
  uint64_t resolution_per_second_;
  // mtime(t) = offset_ + floor(t * frequency), modulo 2^64.
  uint64_t offset_ = 0;
  unsigned msip_handle_ = 0;
  unsigned mtimecmp_handle_ = 0;
  // The state the lines follow, and the changes still to reach it.
  std::vector<bool> line_msip_;
  std::vector<uint64_t> line_mtimecmp_;
  uint64_t line_offset_ = 0;
  TimedOutput<LineChange> line_changes_{LateChange::InTimeOrder};
  OptionalPorts optional_ports_;
};

}  // namespace rvtlm::models

#endif
