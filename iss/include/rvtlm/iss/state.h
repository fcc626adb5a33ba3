// Architectural state of a hart as plain data: the live state of the hart
// itself, so that save_state/restore_state (snapshots, reverse execution) are
// copies.
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

// One Sdtrig trigger (Debug spec 5.7): tdata1 holds the type and its fields.
struct TriggerState {
  uint64_t tdata1 = 0;
  uint64_t tdata2 = 0;
  uint64_t tdata3 = 0;
};

struct HartState {
  std::array<uint64_t, 32> x{};
  std::array<uint64_t, 32> f{};  // FLEN = 64; single values are NaN-boxed
  uint64_t pc = 0;
  uint8_t priv = 3;  // privilege mode: 0 user, 1 supervisor, 3 machine
  bool wfi = false;  // waiting for an interrupt

  // Machine-level CSRs (Privileged spec 3.1).
  uint64_t mstatus = 0;  // sstatus is a view of it
  uint64_t medeleg = 0;
  uint64_t mideleg = 0;
  uint64_t mie = 0;        // sie is a view of it
  uint64_t mip = 0;        // the software-writable bits; the lines are in irq_lines
  uint64_t irq_lines = 0;  // interrupt levels driven by the platform
  uint64_t mtvec = 0;
  uint64_t mscratch = 0;
  uint64_t mepc = 0;
  uint64_t mcause = 0;
  uint64_t mtval = 0;
  uint64_t mcounteren = 0;
  uint64_t mcountinhibit = 0;
  uint64_t menvcfg = 0;

  // Supervisor-level CSRs (Privileged spec 4.1).
  uint64_t stvec = 0;
  uint64_t sscratch = 0;
  uint64_t sepc = 0;
  uint64_t scause = 0;
  uint64_t stval = 0;
  uint64_t scounteren = 0;
  uint64_t senvcfg = 0;
  uint64_t satp = 0;
  uint64_t stimecmp = ~uint64_t{0};  // Sstc

  // F/D (Unprivileged spec 11.2).
  uint8_t fflags = 0;
  uint8_t frm = 0;

  // Sdtrig.
  uint64_t tselect = 0;
  std::array<TriggerState, 8> triggers{};

  PmpState pmp;

  uint64_t retired = 0;  // instructions retired since reset
  // minstret = retired - instret_base (mcycle likewise) unless inhibited,
  // then the frozen value.
  uint64_t instret_base = 0;
  uint64_t cycle_base = 0;
  uint64_t instret_frozen = 0;
  uint64_t cycle_frozen = 0;

  bool reservation_valid = false;
  uint64_t reservation_addr = 0;  // physical
};

}  // namespace rvtlm::iss

#endif
