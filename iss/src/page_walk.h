// Page-based virtual memory (Privileged spec 20211203, sections 4.3-4.5):
// satp's MODE field and the Sv32/Sv39/Sv48 page-table walk of 4.3.2.
#ifndef RVTLM_ISS_PAGE_WALK_H
#define RVTLM_ISS_PAGE_WALK_H

#include <cstdint>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

namespace pte {
// Bits of a page-table entry (Privileged spec 4.3.1, 4.4.1, 4.5.1).
inline constexpr uint64_t kV = 1u << 0;
inline constexpr uint64_t kR = 1u << 1;
inline constexpr uint64_t kW = 1u << 2;
inline constexpr uint64_t kX = 1u << 3;
inline constexpr uint64_t kU = 1u << 4;
inline constexpr uint64_t kG = 1u << 5;
inline constexpr uint64_t kA = 1u << 6;
inline constexpr uint64_t kD = 1u << 7;
inline constexpr unsigned kPpnShift = 10;
}  // namespace pte

// Physical reads and writes of page-table entries, implemented by the hart
// through the bus or DMI. The implementer applies PMP (with the effective
// privilege S, Privileged spec 3.7.1) and PMA checks; a false return is an
// access fault.
class PageTableMemory {
 public:
  virtual ~PageTableMemory() = default;
  virtual bool read_pte(uint64_t paddr, unsigned size, uint64_t& value) = 0;
  virtual bool write_pte(uint64_t paddr, unsigned size, uint64_t value) = 0;
};

// What happens when a leaf's A bit (or D bit for a store) is clear
// (Privileged spec 4.3.1 allows either).
enum class AdPolicy : uint8_t {
  Hardware,  // the walk sets A, and D for a store (as Svadu does)
  Fault,     // page fault (as Svade does)
};

enum class SatpMode : uint8_t { Bare, Sv32, Sv39, Sv48 };

// satp.MODE for this XLEN (Privileged spec 4.1.11). A value satp cannot
// hold (a MODE this hart does not support) reads as Bare, since
// satp_write_allowed() keeps such values out.
SatpMode satp_mode(uint64_t satp, unsigned xlen);
// False when `value` written to satp carries a MODE this hart does not
// support (RV64: anything but Bare, Sv39, Sv48); such a write leaves satp
// unchanged entirely (4.1.11).
bool satp_write_allowed(uint64_t value, unsigned xlen);
uint64_t satp_ppn(uint64_t satp, unsigned xlen);
uint64_t satp_asid(uint64_t satp, unsigned xlen);

struct WalkRequest {
  uint64_t vaddr = 0;  // RV32: only bits 31:0 count
  AccessType type = AccessType::Read;
  unsigned priv = 1;  // effective privilege, 0 (U) or 1 (S); 3 means no translation
  bool sum = false;   // mstatus.SUM
  bool mxr = false;   // mstatus.MXR
  uint64_t satp = 0;
  unsigned xlen = 64;
  AdPolicy ad = AdPolicy::Hardware;
};

struct WalkResult {
  // 0 when ok; otherwise the exception code: 12/13/15 page fault or 1/5/7
  // access fault for the access type. The trap value is request.vaddr.
  uint64_t cause = 0;
  bool ok = false;
  uint64_t paddr = 0;        // translated address of vaddr
  unsigned page_shift = 12;  // size of the (super)page that maps vaddr
  uint8_t pte_flags = 0;     // V R W X U G A D of the leaf after the walk's A/D update
  // What this privilege with these SUM/MXR may do on this page (for a TLB
  // fill). writable only when D is set, so that the first store re-walks.
  bool readable = false;
  bool writable = false;
  bool executable = false;
};

// The algorithm of Privileged spec 4.3.2 for Sv32, Sv39 and Sv48. With
// satp.MODE Bare (or priv 3) the address passes through unchanged with all
// permissions. PTE accesses are single-threaded: the A/D update writes
// without re-reading the PTE.
WalkResult walk(const WalkRequest& request, PageTableMemory& memory);

}  // namespace rvtlm::iss

#endif
