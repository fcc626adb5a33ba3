#include "mmu.h"

#include <algorithm>

#include "rvtlm/iss/csr.h"

namespace rvtlm::iss {
namespace {

bool satp_translates(uint64_t satp, unsigned xlen) {
  return xlen == 32 ? (satp >> 31) != 0 : (satp >> 60) != 0;
}

// The walk a debugger asks for: A/D bits are not written.
class ReadOnlyWalk final : public PageTableMemory {
 public:
  explicit ReadOnlyWalk(PageTableMemory& memory) : memory_(memory) {}
  bool read_pte(uint64_t paddr, unsigned size, uint64_t& value) override {
    return memory_.read_pte(paddr, size, value);
  }
  bool write_pte(uint64_t, unsigned, uint64_t) override { return true; }

 private:
  PageTableMemory& memory_;
};

}  // namespace

Mmu::Mmu(Bus& bus, CoherenceDomain& domain, DomainMember* self, uint64_t hart_id,
         MisalignedPolicy misaligned, Pmp& pmp, unsigned xlen, AdPolicy ad)
    : bus_(bus),
      domain_(domain),
      self_(self),
      hart_id_(hart_id),
      misaligned_(misaligned),
      pmp_(pmp),
      xlen_(xlen),
      ad_(ad) {
  flush();
  data_ = sets_[set_index(data_priv_)].data();
  data_set_ = set_index(data_priv_);
}

void Mmu::set_context(unsigned data_priv, unsigned fetch_priv, uint64_t satp, bool sum, bool mxr) {
  if (satp != satp_ || sum != sum_ || mxr != mxr_) {
    satp_ = satp;
    sum_ = sum;
    mxr_ = mxr;
    flush_virtual();
  }
  data_priv_ = data_priv;
  fetch_priv_ = fetch_priv;
  const bool translates = satp_translates(satp, xlen_);
  data_translated_ = data_priv < 3 && translates;
  fetch_translated_ = fetch_priv < 3 && translates;
  data_ = sets_[set_index(data_priv)].data();
  data_set_ = set_index(data_priv);
}

void Mmu::note_superpage(uint64_t vaddr, unsigned shift) {
  if (shift <= kPageShift) return;
  const uint64_t base = vaddr >> shift;
  for (const Superpage& p : superpages_) {
    if (p.base == base && p.shift == shift) return;
  }
  if (superpages_.size() >= kMaxSuperpages) {
    superpages_overflow_ = true;
    return;
  }
  superpages_.push_back({base, shift});
}

void Mmu::flush_virtual() {
  superpages_.clear();
  superpages_overflow_ = false;
  for (unsigned s = 0; s < 2; ++s) {
    if (filled_[s].size() < kEntries) {
      for (const uint16_t i : filled_[s]) sets_[s][i] = {kInvalidTag, kInvalidTag, 0, kInvalidTag};
    } else {
      for (Entry& e : sets_[s]) e = {kInvalidTag, kInvalidTag, 0, kInvalidTag};
    }
    filled_[s].clear();
    for (FetchEntry& e : fetch_sets_[s]) e = {kInvalidTag, 0};
  }
}

void Mmu::flush_virtual_page(uint64_t vaddr) {
  bool in_superpage = superpages_overflow_;
  for (const Superpage& p : superpages_) in_superpage |= (vaddr >> p.shift) == p.base;
  if (in_superpage) {
    flush_virtual();
    return;
  }
  for (unsigned s = 0; s < 2; ++s) {
    sets_[s][(vaddr >> kPageShift) & (kEntries - 1)] = {kInvalidTag, kInvalidTag, 0, kInvalidTag};
    fetch_sets_[s][(vaddr >> kPageShift) & (kFetchEntries - 1)] = {kInvalidTag, 0};
  }
}

void Mmu::flush() {
  superpages_.clear();
  superpages_overflow_ = false;
  for (auto& set : sets_)
    for (Entry& e : set) e = {kInvalidTag, kInvalidTag, 0, kInvalidTag};
  for (auto& set : fetch_sets_)
    for (FetchEntry& e : set) e = {kInvalidTag, 0};
  for (auto& list : filled_) list.clear();
}

void Mmu::drop_write_pointers(uint64_t page) {
  const uint64_t ppage = page << kPageShift;
  for (auto& set : sets_)
    for (Entry& e : set)
      if (e.ppage == ppage) e.write_tag = kInvalidTag;
}

void Mmu::invalidate_dmi(uint64_t start, uint64_t end) {
  const auto overlaps = [&](const DmiGrant& g) { return g.start <= end && start <= g.end; };
  grants_.erase(std::remove_if(grants_.begin(), grants_.end(), overlaps), grants_.end());
  refused_.erase(std::remove_if(refused_.begin(), refused_.end(), overlaps), refused_.end());
  bus_start_ = 1;
  bus_end_ = 0;
  flush();
}

uint64_t Mmu::fault_cause(AccessType type, bool page_fault) {
  switch (type) {
    case AccessType::Fetch:
      return page_fault ? kCauseInsnPageFault : kCauseInsnAccessFault;
    case AccessType::Read:
      return page_fault ? kCauseLoadPageFault : kCauseLoadAccessFault;
    case AccessType::Write:
      break;
  }
  return page_fault ? kCauseStorePageFault : kCauseStoreAccessFault;
}

const DmiGrant* Mmu::grant_for(uint64_t addr, unsigned size, AccessType type) {
  const uint64_t last = addr + size - 1;
  // The device range the last MMIO access went to: no grant overlaps it, so
  // the answer is known without looking through the grants.
  if (addr >= bus_start_ && last <= bus_end_) return nullptr;
  const bool write = type == AccessType::Write;
  for (auto it = grants_.rbegin(); it != grants_.rend(); ++it) {
    if (addr >= it->start && last <= it->end && (write ? it->writable : it->readable)) return &*it;
  }
  for (const DmiGrant& r : refused_) {
    if (addr >= r.start && addr <= r.end) {
      const bool overlaps_grant =
          std::any_of(grants_.begin(), grants_.end(),
                      [&](const DmiGrant& g) { return g.start <= r.end && r.start <= g.end; });
      if (!overlaps_grant) {
        bus_start_ = r.start;
        bus_end_ = r.end;
      }
      return nullptr;
    }
  }
  DmiGrant g;
  if (bus_.request_dmi(addr, type, g)) {
    if (g.host && addr >= g.start && last <= g.end && (write ? g.writable : g.readable)) {
      if (g.start <= bus_end_ && bus_start_ <= g.end) {
        bus_start_ = 1;
        bus_end_ = 0;
      }
      grants_.push_back(g);
      return &grants_.back();
    }
    return nullptr;
  }
  // A refusal that names its range spares asking again for every access.
  if (g.start <= addr && addr <= g.end && !(g.start == 0 && g.end == 0)) refused_.push_back(g);
  return nullptr;
}

void Mmu::fill(uint64_t vaddr, uint64_t paddr, const DmiGrant& g, bool read, bool write) {
  const uint64_t ppage = paddr & ~kPageMask;
  const uint64_t vpage = vaddr & ~kPageMask;
  if (!fill_enabled_) return;
  if (ppage < g.start || ppage + kPageMask > g.end) return;  // page not wholly granted
  // A cached pointer skips the PMP check: only pages with one verdict qualify.
  if (!pmp_.page_uniform(ppage)) return;
  const unsigned index = (vaddr >> kPageShift) & (kEntries - 1);
  Entry& e = data_[index];
  if (data_set_ < 2 && filled_[data_set_].size() < kEntries)
    filled_[data_set_].push_back(static_cast<uint16_t>(index));
  const uintptr_t addend = reinterpret_cast<uintptr_t>(g.host) +
                           static_cast<uintptr_t>(ppage - g.start) - static_cast<uintptr_t>(vpage);
  if (e.addend != addend || e.ppage != ppage || (e.read_tag != vpage && e.write_tag != vpage)) {
    e = {kInvalidTag, kInvalidTag, addend, ppage};
  }
  if (read && g.readable && pmp_.check(ppage, 1, AccessType::Read, data_priv_)) e.read_tag = vpage;
  if (write && g.writable && pmp_.check(ppage, 1, AccessType::Write, data_priv_) &&
      !domain_.watched(ppage >> kPageShift))
    e.write_tag = vpage;
}

bool Mmu::bus_access(uint64_t addr, unsigned size, AccessType type, void* data, uint64_t retired,
                     bool debug, bool page_table) {
  BusAccess access;
  access.page_table = page_table;
  access.addr = addr;
  access.size = size;
  access.type = type;
  access.retired = retired;
  access.hart_id = hart_id_;
  access.debug = debug;
  if (!debug && type != AccessType::Fetch) ++bus_data_accesses_;
  const BusStatus status =
      type == AccessType::Write ? bus_.write(access, data) : bus_.read(access, data);
  return status == BusStatus::Ok;
}

bool Mmu::walk_data(uint64_t addr, AccessType type, uint64_t& paddr, MemFault& fault,
                    bool& cacheable_read, bool& cacheable_write) {
  WalkRequest request;
  request.vaddr = addr;
  request.type = type;
  request.priv = data_priv_;
  request.sum = sum_;
  request.mxr = mxr_;
  request.satp = satp_;
  request.xlen = xlen_;
  request.ad = ad_;
  const WalkResult r = walk(request, *this);
  if (!r.ok) {
    fault = {r.cause, addr};
    return false;
  }
  note_superpage(addr, r.page_shift);
  paddr = r.paddr;
  cacheable_read = r.readable;
  cacheable_write = r.writable;
  return true;
}

bool Mmu::translate(uint64_t addr, unsigned size, AccessType type, uint64_t& paddr,
                    MemFault& fault) {
  bool cr = false, cw = false;
  if (!translate_data(addr, type, paddr, fault, cr, cw)) return false;
  if (!pmp_.check(paddr, size, type, data_priv_)) {
    fault = {fault_cause(type, false), addr};
    return false;
  }
  return true;
}

bool Mmu::phys_read(uint64_t paddr, unsigned size, uint64_t& value, uint64_t retired,
                    AccessType type) {
  value = 0;
  if (const DmiGrant* g = grant_for(paddr, size, AccessType::Read)) {
    std::memcpy(&value, g->host + (paddr - g->start), size);
    return true;
  }
  return bus_access(paddr, size, type == AccessType::Fetch ? type : AccessType::Read, &value,
                    retired, false);
}

bool Mmu::phys_write(uint64_t paddr, unsigned size, uint64_t value, uint64_t retired) {
  if (const DmiGrant* g = grant_for(paddr, size, AccessType::Write)) {
    std::memcpy(g->host + (paddr - g->start), &value, size);
  } else if (!bus_access(paddr, size, AccessType::Write, &value, retired, false)) {
    return false;
  }
  if (domain_.watched(paddr >> kPageShift)) domain_.store(self_, paddr, size);
  return true;
}

bool Mmu::load(uint64_t addr, unsigned size, uint64_t& value, uint64_t retired, MemFault& fault,
               LoadKind kind, uint64_t* paddr_out) {
  walk_retired_ = retired;
  const bool atomic = kind != LoadKind::Plain;
  const AccessType type = kind == LoadKind::Amo ? AccessType::Write : AccessType::Read;
  if (addr & (size - 1)) {
    if (atomic || misaligned_ == MisalignedPolicy::Trap) {
      fault = {type == AccessType::Write ? kCauseStoreMisaligned : kCauseLoadMisaligned, addr};
      return false;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < size; ++i) {
      uint64_t byte;
      if (!load(addr + i, 1, byte, retired, fault)) return false;
      v |= byte << (8 * i);
    }
    value = v;
    return true;
  }
  uint64_t pa;
  bool cr = false, cw = false;
  if (!translate_data(addr, type, pa, fault, cr, cw)) return false;
  if (!pmp_.check(pa, size, AccessType::Read, data_priv_) ||
      (type == AccessType::Write && !pmp_.check(pa, size, AccessType::Write, data_priv_))) {
    fault = {fault_cause(type, false), addr};
    return false;
  }
  if (paddr_out) *paddr_out = pa;
  value = 0;
  if (const DmiGrant* g = grant_for(pa, size, AccessType::Read)) {
    if (!atomic) fill(addr, pa, *g, cr, cw);
    std::memcpy(&value, g->host + (pa - g->start), size);
    return true;
  }
  if (!bus_access(pa, size, AccessType::Read, &value, retired, false)) {
    fault = {fault_cause(type, false), addr};
    return false;
  }
  return true;
}

bool Mmu::store(uint64_t addr, unsigned size, uint64_t value, uint64_t retired, MemFault& fault,
                bool atomic, uint64_t* paddr_out) {
  walk_retired_ = retired;
  if (addr & (size - 1)) {
    if (atomic || misaligned_ == MisalignedPolicy::Trap) {
      fault = {kCauseStoreMisaligned, addr};
      return false;
    }
    // Every byte's translation is checked before any byte is written.
    for (unsigned i = 0; i < size; i += 1) {
      uint64_t pa;
      if (!translate(addr + i, 1, AccessType::Write, pa, fault)) return false;
    }
    for (unsigned i = 0; i < size; ++i) {
      if (!store(addr + i, 1, value >> (8 * i), retired, fault)) return false;
    }
    return true;
  }
  uint64_t pa;
  bool cr = false, cw = false;
  if (!translate_data(addr, AccessType::Write, pa, fault, cr, cw)) return false;
  if (!pmp_.check(pa, size, AccessType::Write, data_priv_)) {
    fault = {kCauseStoreAccessFault, addr};
    return false;
  }
  if (paddr_out) *paddr_out = pa;
  if (const DmiGrant* g = grant_for(pa, size, AccessType::Write)) {
    if (!atomic) fill(addr, pa, *g, cr, cw);
    std::memcpy(g->host + (pa - g->start), &value, size);
  } else if (!bus_access(pa, size, AccessType::Write, &value, retired, false)) {
    fault = {kCauseStoreAccessFault, addr};
    return false;
  }
  if (domain_.watched(pa >> kPageShift)) domain_.store(self_, pa, size);
  return true;
}

bool Mmu::translate_fetch(uint64_t vaddr, uint64_t& paddr, MemFault& fault, uint64_t retired) {
  walk_retired_ = retired;
  if (!fetch_translated_) {
    paddr = vaddr;
  } else {
    FetchEntry& e =
        fetch_sets_[set_index(fetch_priv_)][(vaddr >> kPageShift) & (kFetchEntries - 1)];
    const uint64_t vpage = vaddr & ~kPageMask;
    if (e.tag == vpage) {
      paddr = e.ppage | (vaddr & kPageMask);
    } else {
      WalkRequest request;
      request.vaddr = vaddr;
      request.type = AccessType::Fetch;
      request.priv = fetch_priv_;
      request.sum = sum_;
      request.mxr = mxr_;
      request.satp = satp_;
      request.xlen = xlen_;
      request.ad = ad_;
      const WalkResult r = walk(request, *this);
      if (!r.ok) {
        fault = {r.cause, vaddr};
        return false;
      }
      note_superpage(vaddr, r.page_shift);
      paddr = r.paddr;
      e = {vpage, paddr & ~kPageMask};
    }
  }
  if (!pmp_.check(paddr, 2, AccessType::Fetch, fetch_priv_)) {
    fault = {kCauseInsnAccessFault, vaddr};
    return false;
  }
  return true;
}

bool Mmu::fetch16(uint64_t paddr, uint64_t vaddr, uint16_t& value, uint64_t retired,
                  MemFault& fault) {
  if (!pmp_.check(paddr, 2, AccessType::Fetch, fetch_priv_)) {
    fault = {kCauseInsnAccessFault, vaddr};
    return false;
  }
  if (const DmiGrant* g = grant_for(paddr, 2, AccessType::Fetch)) {
    std::memcpy(&value, g->host + (paddr - g->start), 2);
    return true;
  }
  if (!bus_access(paddr, 2, AccessType::Fetch, &value, retired, false)) {
    fault = {kCauseInsnAccessFault, vaddr};
    return false;
  }
  return true;
}

bool Mmu::read_pte(uint64_t paddr, unsigned size, uint64_t& value) {
  // Privileged spec 3.7.1: page-table accesses are checked as S-mode ones;
  // a walk reaches RAM only (a PTE in a device is an access fault).
  if (!pmp_.check(paddr, size, AccessType::Read, 1)) return false;
  value = 0;
  if (const DmiGrant* g = grant_for(paddr, size, AccessType::Read)) {
    std::memcpy(&value, g->host + (paddr - g->start), size);
    return true;
  }
  return bus_access(paddr, size, AccessType::Read, &value, walk_retired_, false, true);
}

bool Mmu::write_pte(uint64_t paddr, unsigned size, uint64_t value) {
  if (!pmp_.check(paddr, size, AccessType::Write, 1)) return false;
  if (const DmiGrant* g = grant_for(paddr, size, AccessType::Write)) {
    std::memcpy(g->host + (paddr - g->start), &value, size);
  } else if (!bus_access(paddr, size, AccessType::Write, &value, walk_retired_, false, true)) {
    return false;
  }
  if (domain_.watched(paddr >> kPageShift)) domain_.store(self_, paddr, size);
  return true;
}

bool Mmu::debug_translate(uint64_t vaddr, uint64_t& paddr) {
  if (!data_translated_) {
    paddr = vaddr;
    return true;
  }
  WalkRequest request;
  request.vaddr = vaddr;
  request.type = AccessType::Read;
  request.priv = 1;
  request.sum = true;
  request.mxr = true;
  request.satp = satp_;
  request.xlen = xlen_;
  request.ad = AdPolicy::Hardware;
  ReadOnlyWalk memory(*this);
  const WalkResult r = walk(request, memory);
  if (!r.ok) return false;
  paddr = r.paddr;
  return true;
}

uint64_t Mmu::physical_of(uint64_t vaddr) {
  if (!data_translated_) return vaddr;
  const Entry& e = data_[(vaddr >> kPageShift) & (kEntries - 1)];
  const uint64_t vpage = vaddr & ~kPageMask;
  if (e.read_tag == vpage || e.write_tag == vpage) return e.ppage | (vaddr & kPageMask);
  uint64_t paddr = vaddr;
  return debug_translate(vaddr, paddr) ? paddr : vaddr;
}

bool Mmu::debug_access(uint64_t addr, void* data, unsigned size, bool write) {
  auto* bytes = static_cast<uint8_t*>(data);
  for (unsigned i = 0; i < size; ++i) {
    const uint64_t a = addr + i;
    if (const DmiGrant* g = grant_for(a, 1, write ? AccessType::Write : AccessType::Read)) {
      if (write)
        g->host[a - g->start] = bytes[i];
      else
        bytes[i] = g->host[a - g->start];
    } else if (!bus_access(a, 1, write ? AccessType::Write : AccessType::Read, bytes + i, 0,
                           true)) {
      return false;
    }
    if (write && domain_.watched(a >> kPageShift)) domain_.store(self_, a, 1);
  }
  return true;
}

}  // namespace rvtlm::iss
