#include "translation_cache.h"

#include <algorithm>

#include "rvtlm/iss/csr.h"

namespace rvtlm::iss {

TranslationCache::TranslationCache(Bus& bus, CoherenceDomain& domain, DomainMember* self,
                                   uint64_t hart_id, MisalignedPolicy misaligned)
    : bus_(bus), domain_(domain), self_(self), hart_id_(hart_id), misaligned_(misaligned) {
  flush();
}

void TranslationCache::flush() {
  for (Entry& e : entries_) e = {kInvalidTag, kInvalidTag, 0};
}

void TranslationCache::drop_write_pointers(uint64_t page) {
  Entry& e = entries_[page & (kEntries - 1)];
  if (e.write_tag == (page << kPageShift)) e.write_tag = kInvalidTag;
}

void TranslationCache::invalidate_dmi(uint64_t start, uint64_t end) {
  const auto overlaps = [&](const DmiGrant& g) { return g.start <= end && start <= g.end; };
  grants_.erase(std::remove_if(grants_.begin(), grants_.end(), overlaps), grants_.end());
  refused_.erase(std::remove_if(refused_.begin(), refused_.end(), overlaps), refused_.end());
  bus_start_ = 1;
  bus_end_ = 0;
  flush();
}

const DmiGrant* TranslationCache::grant_for(uint64_t addr, unsigned size, AccessType type) {
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

void TranslationCache::fill(uint64_t addr, const DmiGrant& g) {
  const uint64_t page = addr & ~kPageMask;
  if (page < g.start || page + kPageMask > g.end) return;  // page not wholly granted
  Entry& e = entries_[(addr >> kPageShift) & (kEntries - 1)];
  const uintptr_t addend = reinterpret_cast<uintptr_t>(g.host) - static_cast<uintptr_t>(g.start);
  if (e.addend != addend || (e.read_tag != page && e.write_tag != page)) {
    e = {kInvalidTag, kInvalidTag, addend};
  }
  if (g.readable) e.read_tag = page;
  if (g.writable && !domain_.watched(addr >> kPageShift)) e.write_tag = page;
}

bool TranslationCache::bus_access(uint64_t addr, unsigned size, AccessType type, void* data,
                                  uint64_t retired, bool debug) {
  BusAccess access;
  access.addr = addr;
  access.size = size;
  access.type = type;
  access.retired = retired;
  access.hart_id = hart_id_;
  access.debug = debug;
  const BusStatus status =
      type == AccessType::Write ? bus_.write(access, data) : bus_.read(access, data);
  return status == BusStatus::Ok;
}

bool TranslationCache::load(uint64_t addr, unsigned size, uint64_t& value, uint64_t retired,
                            MemFault& fault, bool atomic) {
  if (addr & (size - 1)) {
    if (atomic || misaligned_ == MisalignedPolicy::Trap) {
      fault = {kCauseLoadMisaligned, addr};
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
  value = 0;
  if (const DmiGrant* g = grant_for(addr, size, AccessType::Read)) {
    fill(addr, *g);
    std::memcpy(&value, g->host + (addr - g->start), size);
    return true;
  }
  if (!bus_access(addr, size, AccessType::Read, &value, retired, false)) {
    fault = {kCauseLoadAccessFault, addr};
    return false;
  }
  return true;
}

bool TranslationCache::store(uint64_t addr, unsigned size, uint64_t value, uint64_t retired,
                             MemFault& fault, bool atomic) {
  if (addr & (size - 1)) {
    if (atomic || misaligned_ == MisalignedPolicy::Trap) {
      fault = {kCauseStoreMisaligned, addr};
      return false;
    }
    for (unsigned i = 0; i < size; ++i) {
      if (!store(addr + i, 1, value >> (8 * i), retired, fault)) return false;
    }
    return true;
  }
  if (const DmiGrant* g = grant_for(addr, size, AccessType::Write)) {
    fill(addr, *g);
    std::memcpy(g->host + (addr - g->start), &value, size);
  } else if (!bus_access(addr, size, AccessType::Write, &value, retired, false)) {
    fault = {kCauseStoreAccessFault, addr};
    return false;
  }
  if (domain_.watched(addr >> kPageShift)) domain_.store(self_, addr, size);
  return true;
}

bool TranslationCache::fetch16(uint64_t addr, uint16_t& value, uint64_t retired, MemFault& fault) {
  if (const DmiGrant* g = grant_for(addr, 2, AccessType::Fetch)) {
    std::memcpy(&value, g->host + (addr - g->start), 2);
    return true;
  }
  if (!bus_access(addr, 2, AccessType::Fetch, &value, retired, false)) {
    fault = {kCauseInsnAccessFault, addr};
    return false;
  }
  return true;
}

bool TranslationCache::debug_access(uint64_t addr, void* data, unsigned size, bool write) {
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
