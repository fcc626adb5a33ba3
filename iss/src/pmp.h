// Physical memory protection (Privileged spec 20211203, section 3.7): the
// pmpcfg/pmpaddr CSRs as WARL registers over PmpState, and the access check
// the hart applies to every physical access.
#ifndef RVTLM_ISS_PMP_H
#define RVTLM_ISS_PMP_H

#include <array>
#include <cstdint>

#include "rvtlm/iss/state.h"
#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

namespace pmp {
// CSR numbers of pmpcfg0 and pmpaddr0 (Privileged spec 2.2); the others
// follow consecutively.
inline constexpr uint16_t kCfg0Csr = 0x3a0;
inline constexpr uint16_t kAddr0Csr = 0x3b0;

// Fields of one pmpcfg byte (Privileged spec 3.7.1).
inline constexpr uint8_t kR = 0x01;
inline constexpr uint8_t kW = 0x02;
inline constexpr uint8_t kX = 0x04;
inline constexpr uint8_t kA = 0x18;
inline constexpr unsigned kAShift = 3;
inline constexpr uint8_t kL = 0x80;

// Values of the A field (Privileged spec 3.7.1, address matching).
inline constexpr uint8_t kOff = 0;
inline constexpr uint8_t kTor = 1;
inline constexpr uint8_t kNa4 = 2;
inline constexpr uint8_t kNapot = 3;

inline constexpr unsigned kMaxEntries = 64;
}  // namespace pmp

// WARL choices of this implementation (the spec leaves them open):
// - Bits 6:5 of each pmpcfg byte are read-only zero.
// - The reserved combination R=0, W=1 is written as R=0, W=0 (W is cleared,
//   the other fields are kept), so an entry never grants more than was
//   written.
// - With G >= 1 NA4 is not selectable: a write of A=NA4 stores A=NAPOT, the
//   smallest region NAPOT can express being one grain.
// - pmpaddr stores every implemented bit as written (RV32 addr[33:2], RV64
//   addr[55:2]); with G >= 1 the low bits only read (and match) as the spec
//   says for the entry's current A field (3.7.1), so pmpaddr[G-1] keeps its
//   value across NAPOT -> TOR -> NAPOT.
// - The lower bound of a TOR entry is pmpaddr(i-1) with its low G bits
//   cleared (the grain), whatever entry i-1's own A field is.
// Not implemented: Smepmp (mseccfg), which 20211203 does not include.
class Pmp {
 public:
  // `entries` must be 0, 16 or 64, `xlen` 32 or 64, and the grain
  // 2^(granularity_shift+2) must fit the physical address space (G <= 32 on
  // RV32, G <= 54 on RV64); otherwise std::invalid_argument. The decoded
  // ranges are computed from the current contents of `state`.
  Pmp(PmpState& state, unsigned entries, unsigned xlen, unsigned granularity_shift = 0);

  // CSR access by register index (pmpcfg<index>, pmpaddr<index>). False when
  // that CSR does not exist for this XLEN (odd pmpcfg on RV64, index out of
  // range). Entries beyond the implemented count read zero and ignore writes.
  bool read_cfg(unsigned index, uint64_t& value) const;
  bool write_cfg(unsigned index, uint64_t value);
  bool read_addr(unsigned index, uint64_t& value) const;
  bool write_addr(unsigned index, uint64_t value);

  // Privileged spec 3.7.1 "Priority and Matching Logic": is the access
  // [addr, addr+size) of `type` at effective privilege `priv` (0 U, 1 S,
  // 3 M) allowed? Implicit page-table accesses are checked with priv = 1.
  bool check(uint64_t addr, unsigned size, AccessType type, unsigned priv) const {
    if (active_count_ == 0) return entries_ == 0 || priv == 3;
    return check_entries(addr, size, type, priv);
  }

  // True when every byte of the 4 KiB page containing `page_addr` gets the
  // verdict of its first byte for every access type and privilege, so that a
  // translation cache may keep a host pointer for the page after one check.
  // Conservative: an entry boundary inside the page that happens to separate
  // identical permissions still gives false.
  bool page_uniform(uint64_t page_addr) const {
    return active_count_ == 0 || page_uniform_slow(page_addr);
  }
  // True when some entry is active (otherwise every check has one answer
  // per privilege).
  bool any_active() const { return active_count_ != 0; }

  // Incremented whenever the decoded protection changes (a CSR write or
  // reset that alters what check() answers), so caches know to flush.
  uint64_t generation() const { return generation_; }

  // All entries OFF, unlocked, addresses zero.
  void reset();

  // Recomputes the decoded ranges after PmpState was changed behind this
  // object's back (snapshot restore).
  void reload() { rebuild(); }

  unsigned entries() const { return entries_; }
  unsigned granularity_shift() const { return g_; }

 private:
  // One active entry, decoded: it matches [lo, hi).
  struct Range {
    uint64_t lo = 0;
    uint64_t hi = 0;
    uint8_t perms = 0;  // R W X bits of pmpcfg
    bool locked = false;
  };

  bool check_entries(uint64_t addr, unsigned size, AccessType type, unsigned priv) const;
  bool page_uniform_slow(uint64_t page_addr) const;
  bool locked(unsigned entry) const { return (state_.cfg[entry] & pmp::kL) != 0; }
  uint8_t mode(unsigned entry) const { return (state_.cfg[entry] & pmp::kA) >> pmp::kAShift; }
  // pmpaddr as read, given the entry's A field and G (3.7.1).
  uint64_t effective_addr(unsigned entry) const;
  uint8_t legalize_cfg(uint8_t value) const;
  void rebuild();

  PmpState& state_;
  unsigned entries_;
  unsigned xlen_;
  unsigned g_;
  uint64_t addr_mask_;                            // implemented pmpaddr bits
  std::array<Range, pmp::kMaxEntries> active_{};  // in priority order
  unsigned active_count_ = 0;
  uint64_t generation_ = 0;
};

}  // namespace rvtlm::iss

#endif
