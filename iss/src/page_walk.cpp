// Page-based virtual memory (Privileged spec 20211203, sections 4.1.11 and
// 4.3-4.5).
#include "page_walk.h"

namespace rvtlm::iss {

namespace {

constexpr unsigned kPageShift = 12;

// The parameters of one translation scheme (4.3, 4.4, 4.5).
struct Scheme {
  unsigned levels;
  unsigned pte_size;  // bytes
  unsigned vpn_bits;  // per level
  unsigned va_bits;
};

constexpr Scheme kSv32{2, 4, 10, 32};
constexpr Scheme kSv39{3, 8, 9, 39};
constexpr Scheme kSv48{4, 8, 9, 48};

// RV64 PTE bits 63:54: N (Svnapot), PBMT (Svpbmt) and reserved bits. This
// hart implements neither extension, so all of them are reserved (4.4.1).
constexpr uint64_t kPte64Reserved = ~uint64_t{0} << 54;
// Bits that are reserved in a non-leaf PTE (4.3.1).
constexpr uint64_t kNonLeafReserved = pte::kA | pte::kD | pte::kU;

uint64_t low_ones(unsigned n) { return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

uint64_t page_fault(AccessType type) {
  switch (type) {
    case AccessType::Fetch:
      return kCauseInsnPageFault;
    case AccessType::Write:
      return kCauseStorePageFault;
    case AccessType::Read:
      break;
  }
  return kCauseLoadPageFault;
}

// Access-fault codes of Privileged spec table 3.6 (1, 5, 7).
uint64_t access_fault(AccessType type) {
  switch (type) {
    case AccessType::Fetch:
      return 1;
    case AccessType::Write:
      return 7;
    case AccessType::Read:
      break;
  }
  return 5;
}

WalkResult fault(uint64_t cause) {
  WalkResult r;
  r.cause = cause;
  return r;
}

}  // namespace

SatpMode satp_mode(uint64_t satp, unsigned xlen) {
  if (xlen == 32) return ((satp >> 31) & 1) != 0 ? SatpMode::Sv32 : SatpMode::Bare;
  switch (satp >> 60) {
    case 8:
      return SatpMode::Sv39;
    case 9:
      return SatpMode::Sv48;
    default:
      return SatpMode::Bare;
  }
}

bool satp_write_allowed(uint64_t value, unsigned xlen) {
  if (xlen == 32) return true;  // MODE is one bit: Bare or Sv32
  const uint64_t mode = value >> 60;
  return mode == 0 || mode == 8 || mode == 9;
}

uint64_t satp_ppn(uint64_t satp, unsigned xlen) {
  return xlen == 32 ? satp & low_ones(22) : satp & low_ones(44);
}

uint64_t satp_asid(uint64_t satp, unsigned xlen) {
  return xlen == 32 ? (satp >> 22) & low_ones(9) : (satp >> 44) & low_ones(16);
}

WalkResult walk(const WalkRequest& request, PageTableMemory& memory) {
  const AccessType type = request.type;
  const uint64_t va = request.xlen == 32 ? request.vaddr & low_ones(32) : request.vaddr;
  const SatpMode mode = satp_mode(request.satp, request.xlen);

  WalkResult result;
  if (mode == SatpMode::Bare || request.priv > 1) {
    result.ok = true;
    result.paddr = va;
    result.readable = result.writable = result.executable = true;
    return result;
  }

  const Scheme& s = mode == SatpMode::Sv32 ? kSv32 : mode == SatpMode::Sv39 ? kSv39 : kSv48;

  // 4.4.1 / 4.5.1: bits above the virtual address width must equal its top
  // bit, otherwise a page fault. Sv32 uses all 32 bits of an RV32 address.
  if (mode != SatpMode::Sv32) {
    const uint64_t top = va >> (s.va_bits - 1);
    if (top != 0 && top != low_ones(64 - s.va_bits + 1)) return fault(page_fault(type));
  }

  // 4.3.2 step 1.
  uint64_t table = satp_ppn(request.satp, request.xlen) << kPageShift;
  int level = static_cast<int>(s.levels) - 1;
  uint64_t pte = 0;
  uint64_t pte_addr = 0;
  for (;;) {
    // Step 2.
    const uint64_t vpn =
        (va >> (kPageShift + static_cast<unsigned>(level) * s.vpn_bits)) & low_ones(s.vpn_bits);
    pte_addr = table + vpn * s.pte_size;
    if (!memory.read_pte(pte_addr, s.pte_size, pte)) return fault(access_fault(type));
    if (s.pte_size == 4) pte &= low_ones(32);

    // Step 3.
    if ((pte & pte::kV) == 0 || (pte & (pte::kR | pte::kW)) == pte::kW) {
      return fault(page_fault(type));
    }
    if (s.pte_size == 8 && (pte & kPte64Reserved) != 0) return fault(page_fault(type));

    // Step 4.
    if ((pte & (pte::kR | pte::kX)) != 0) break;
    if ((pte & kNonLeafReserved) != 0) return fault(page_fault(type));
    if (--level < 0) return fault(page_fault(type));
    table = (pte >> pte::kPpnShift) << kPageShift;
  }

  const uint64_t ppn =
      s.pte_size == 8 ? (pte & ~kPte64Reserved) >> pte::kPpnShift : pte >> pte::kPpnShift;

  // Step 5 (3.1.6.3: SUM, MXR; 4.3.1: the U bit, S-mode never executes user
  // pages whatever SUM says).
  const bool user_page = (pte & pte::kU) != 0;
  const bool data_privilege_ok = user_page ? request.priv == 0 || request.sum : request.priv == 1;
  const bool fetch_privilege_ok = user_page ? request.priv == 0 : request.priv == 1;
  const bool readable =
      data_privilege_ok && ((pte & pte::kR) != 0 || (request.mxr && (pte & pte::kX) != 0));
  const bool may_write = data_privilege_ok && (pte & pte::kW) != 0;
  const bool executable = fetch_privilege_ok && (pte & pte::kX) != 0;
  const bool allowed = type == AccessType::Read    ? readable
                       : type == AccessType::Write ? may_write
                                                   : executable;
  if (!allowed) return fault(page_fault(type));

  // Step 6.
  const unsigned offset_bits = kPageShift + static_cast<unsigned>(level) * s.vpn_bits;
  if ((ppn & low_ones(offset_bits - kPageShift)) != 0) return fault(page_fault(type));

  // Step 7.
  const uint64_t wanted = pte::kA | (type == AccessType::Write ? pte::kD : 0);
  if ((pte & wanted) != wanted) {
    if (request.ad == AdPolicy::Fault) return fault(page_fault(type));
    const uint64_t updated = pte | wanted;
    if (!memory.write_pte(pte_addr, s.pte_size, updated)) return fault(access_fault(type));
    pte = updated;
  }

  // Step 8.
  result.ok = true;
  result.paddr = (ppn << kPageShift) | (va & low_ones(offset_bits));
  result.page_shift = offset_bits;
  result.pte_flags = static_cast<uint8_t>(pte & 0xff);
  result.readable = readable;
  result.writable = may_write && (pte & pte::kD) != 0;
  result.executable = executable;
  return result;
}

}  // namespace rvtlm::iss
