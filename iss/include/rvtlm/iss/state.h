// Architectural state of a hart as plain data.
#ifndef RVTLM_ISS_STATE_H
#define RVTLM_ISS_STATE_H

#include <array>
#include <cstdint>

namespace rvtlm::iss {

// Physical memory protection (Privileged spec 3.7): one configuration byte
// and one address register per entry; entries beyond the hart's count stay
// zero.
struct PmpState {
  std::array<uint8_t, 64> cfg{};
  std::array<uint64_t, 64> addr{};
};

struct HartState {
  std::array<uint64_t, 32> x{};
  uint64_t pc = 0;
  uint8_t priv = 3;  // privilege mode: 3 = machine
  bool wfi = false;  // waiting for an interrupt

  uint64_t mstatus = 0;
  uint64_t mtvec = 0;
  uint64_t mie = 0;
  uint64_t mip = 0;
  uint64_t mscratch = 0;
  uint64_t mepc = 0;
  uint64_t mcause = 0;
  uint64_t mtval = 0;
  uint64_t mcountinhibit = 0;
  uint64_t menvcfg = 0;

  uint64_t retired = 0;  // instructions retired since reset
  // minstret = retired - instret_base (mcycle likewise) unless inhibited,
  // then the frozen value.
  uint64_t instret_base = 0;
  uint64_t cycle_base = 0;
  uint64_t instret_frozen = 0;
  uint64_t cycle_frozen = 0;

  bool reservation_valid = false;
  uint64_t reservation_addr = 0;
};

}  // namespace rvtlm::iss

#endif
