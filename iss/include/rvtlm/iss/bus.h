// The hart's view of the outside world. The embedder (the TLM bridge, the
// standalone runner, a test) implements it.
#ifndef RVTLM_ISS_BUS_H
#define RVTLM_ISS_BUS_H

#include <cstdint>

#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// A direct host pointer for guest physical addresses [start, end] (inclusive,
// as in TLM-2.0). A refusal is returned with readable == writable == false and
// [start, end] naming the range for which the hart need not ask again.
struct DmiGrant {
  uint8_t* host = nullptr;  // host address of guest address `start`
  uint64_t start = 0;
  uint64_t end = 0;
  bool readable = false;
  bool writable = false;
};

class Bus {
 public:
  virtual ~Bus() = default;

  // Accesses that do not go through a DMI pointer (MMIO). `data` holds
  // access.size bytes in little-endian order.
  virtual BusStatus read(const BusAccess& access, void* data) = 0;
  virtual BusStatus write(const BusAccess& access, const void* data) = 0;

  // Asks for a DMI host pointer covering `addr`. Returns false (and may fill
  // `grant` with the refused range) when the memory is not directly
  // accessible. A grant stays valid until the embedder calls
  // Hart::invalidate_dmi for an overlapping range.
  virtual bool request_dmi(uint64_t addr, AccessType type, DmiGrant& grant) {
    (void)addr;
    (void)type;
    (void)grant;
    return false;
  }

  // Value of the `time` CSR (Zicntr) at the given point of the hart's
  // execution. Returns false when the platform has no time source, which
  // makes reading `time` an illegal instruction.
  virtual bool read_time(uint64_t retired, uint64_t& value) {
    (void)retired;
    (void)value;
    return false;
  }
};

}  // namespace rvtlm::iss

#endif
