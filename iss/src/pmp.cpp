// Physical memory protection (Privileged spec 20211203, section 3.7).
#include "pmp.h"

#include <stdexcept>
#include <string>

namespace rvtlm::iss {

namespace {

constexpr uint8_t kCfgWritable = pmp::kL | pmp::kA | pmp::kX | pmp::kW | pmp::kR;
constexpr uint64_t kPageSize = 4096;

uint64_t low_ones(unsigned n) { return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

unsigned trailing_ones(uint64_t value) {
  unsigned n = 0;
  while (n < 64 && ((value >> n) & 1) != 0) ++n;
  return n;
}

}  // namespace

Pmp::Pmp(PmpState& state, unsigned entries, unsigned xlen, unsigned granularity_shift)
    : state_(state), entries_(entries), xlen_(xlen), g_(granularity_shift) {
  if (entries != 0 && entries != 16 && entries != pmp::kMaxEntries) {
    throw std::invalid_argument("PMP entry count " + std::to_string(entries) +
                                " is not one the spec allows (0, 16 or 64)");
  }
  if (xlen != 32 && xlen != 64) {
    throw std::invalid_argument("PMP XLEN " + std::to_string(xlen) + " is not 32 or 64");
  }
  // pmpaddr holds addr[33:2] on RV32 and addr[55:2] on RV64 (3.7.1).
  const unsigned addr_bits = xlen == 32 ? 32 : 54;
  if (granularity_shift > addr_bits) {
    throw std::invalid_argument("PMP granularity G=" + std::to_string(granularity_shift) +
                                " exceeds the " + std::to_string(addr_bits + 2) +
                                "-bit physical address space");
  }
  addr_mask_ = low_ones(addr_bits);
  rebuild();
}

bool Pmp::read_cfg(unsigned index, uint64_t& value) const {
  // RV64 packs eight entries into each even-numbered pmpcfg; the odd ones do
  // not exist (3.7.1).
  if (index >= 16 || (xlen_ == 64 && (index & 1) != 0)) return false;
  value = 0;
  const unsigned bytes = xlen_ / 8;
  for (unsigned j = 0; j < bytes; ++j) {
    const unsigned entry = index * 4 + j;
    if (entry < entries_) value |= uint64_t{state_.cfg[entry]} << (8 * j);
  }
  return true;
}

uint8_t Pmp::legalize_cfg(uint8_t value) const {
  value &= kCfgWritable;
  // R=0, W=1 is reserved (3.7.1): such a write grants nothing (R, W and X
  // clear), as the ISA's formal model legalizes it, so that conformance
  // signatures agree.
  if ((value & (pmp::kR | pmp::kW)) == pmp::kW)
    value &= static_cast<uint8_t>(~(pmp::kR | pmp::kW | pmp::kX));
  // NA4 is not selectable when G >= 1 (3.7.1).
  if (g_ >= 1 && ((value & pmp::kA) >> pmp::kAShift) == pmp::kNa4) {
    value |= static_cast<uint8_t>(pmp::kNapot << pmp::kAShift);
  }
  return value;
}

bool Pmp::write_cfg(unsigned index, uint64_t value) {
  if (index >= 16 || (xlen_ == 64 && (index & 1) != 0)) return false;
  const unsigned bytes = xlen_ / 8;
  for (unsigned j = 0; j < bytes; ++j) {
    const unsigned entry = index * 4 + j;
    // A locked entry ignores writes to its configuration until reset (3.7.1).
    if (entry >= entries_ || locked(entry)) continue;
    state_.cfg[entry] = legalize_cfg(static_cast<uint8_t>(value >> (8 * j)));
  }
  rebuild();
  return true;
}

uint64_t Pmp::effective_addr(unsigned entry) const {
  uint64_t value = state_.addr[entry] & addr_mask_;
  const bool napot_bit = (mode(entry) & 2) != 0;  // A[1]: NA4 or NAPOT
  // 3.7.1: with G >= 2 a NAPOT entry reads pmpaddr[G-2:0] as ones; with
  // G >= 1 an OFF or TOR entry reads pmpaddr[G-1:0] as zeros.
  if (napot_bit) {
    if (g_ >= 2) value |= low_ones(g_ - 1);
  } else {
    value &= ~low_ones(g_);
  }
  return value & addr_mask_;
}

bool Pmp::read_addr(unsigned index, uint64_t& value) const {
  if (index >= pmp::kMaxEntries) return false;
  value = index < entries_ ? effective_addr(index) : 0;
  return true;
}

bool Pmp::write_addr(unsigned index, uint64_t value) {
  if (index >= pmp::kMaxEntries) return false;
  if (index >= entries_ || locked(index)) return true;
  // A locked TOR entry also freezes its lower bound (3.7.1, locking).
  if (index + 1 < entries_ && locked(index + 1) && mode(index + 1) == pmp::kTor) return true;
  state_.addr[index] = value & addr_mask_;
  rebuild();
  return true;
}

void Pmp::reset() {
  state_.cfg.fill(0);
  state_.addr.fill(0);
  rebuild();
}

void Pmp::rebuild() {
  std::array<Range, pmp::kMaxEntries> ranges{};
  unsigned count = 0;
  for (unsigned i = 0; i < entries_; ++i) {
    Range r;
    switch (mode(i)) {
      case pmp::kOff:
        continue;
      case pmp::kTor: {
        // Entry 0's lower bound is address 0 (3.7.1).
        const uint64_t below = i == 0 ? 0 : (state_.addr[i - 1] & addr_mask_ & ~low_ones(g_));
        r.lo = below << 2;
        r.hi = effective_addr(i) << 2;
        if (r.lo >= r.hi) continue;  // matches no address
        break;
      }
      case pmp::kNa4:
        r.lo = effective_addr(i) << 2;
        r.hi = r.lo + 4;
        break;
      default: {
        // NAPOT: n trailing ones encode a naturally aligned region of
        // 2^(n+3) bytes (3.7.1, table of NAPOT encodings).
        const uint64_t a = effective_addr(i);
        const unsigned n = trailing_ones(a);
        r.lo = (a & ~low_ones(n + 1)) << 2;
        r.hi = r.lo + (uint64_t{1} << (n + 3));
        break;
      }
    }
    r.perms = state_.cfg[i] & (pmp::kR | pmp::kW | pmp::kX);
    r.locked = locked(i);
    ranges[count++] = r;
  }

  bool changed = count != active_count_;
  for (unsigned i = 0; !changed && i < count; ++i) {
    const Range& a = ranges[i];
    const Range& b = active_[i];
    changed = a.lo != b.lo || a.hi != b.hi || a.perms != b.perms || a.locked != b.locked;
  }
  if (!changed) return;
  active_ = ranges;
  active_count_ = count;
  ++generation_;
}

bool Pmp::check_entries(uint64_t addr, unsigned size, AccessType type, unsigned priv) const {
  const uint64_t span = size == 0 ? 0 : size - 1;
  const uint64_t last = addr > ~uint64_t{0} - span ? ~uint64_t{0} : addr + span;
  const uint8_t needed = type == AccessType::Read    ? pmp::kR
                         : type == AccessType::Write ? pmp::kW
                                                     : pmp::kX;
  for (unsigned i = 0; i < active_count_; ++i) {
    const Range& r = active_[i];
    if (last < r.lo || addr >= r.hi) continue;
    // The lowest-numbered entry that matches any byte decides, and it must
    // match all bytes (3.7.1, priority and matching logic).
    if (addr < r.lo || last >= r.hi) return false;
    if (priv == 3 && !r.locked) return true;
    return (r.perms & needed) != 0;
  }
  return priv == 3;
}

bool Pmp::page_uniform_slow(uint64_t page_addr) const {
  const uint64_t first = page_addr & ~(kPageSize - 1);
  const uint64_t last = first + (kPageSize - 1);
  for (unsigned i = 0; i < active_count_; ++i) {
    const Range& r = active_[i];
    if (last < r.lo || first >= r.hi) continue;
    // Covering the whole page, this entry decides every byte of it before
    // any later entry is consulted.
    return first >= r.lo && last < r.hi;
  }
  return true;
}

}  // namespace rvtlm::iss
