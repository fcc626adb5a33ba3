#include "rvtlm/tlm/debug_hooks.h"

#include <algorithm>

namespace rvtlm::tlm {

uint64_t Watchpoints::hole_end(uint64_t addr, uint64_t length) {
  const uint64_t last = addr + (length ? length - 1 : 0);
  return last < addr ? ~uint64_t{0} : last | 7;
}

void Watchpoints::add(uint64_t addr, uint64_t length, WatchKind kind) {
  ranges_.push_back({addr, length ? length : 1, kind});
}

bool Watchpoints::remove(uint64_t addr, uint64_t length, WatchKind kind) {
  const uint64_t len = length ? length : 1;
  for (auto it = ranges_.begin(); it != ranges_.end(); ++it) {
    if (it->addr == addr && it->length == len && it->kind == kind) {
      ranges_.erase(it);
      return true;
    }
  }
  return false;
}

bool Watchpoints::check(uint64_t addr, unsigned size, bool write) {
  const uint64_t last = addr + (size ? size - 1 : 0);
  for (const Range& r : ranges_) {
    const uint64_t r_last = r.addr + r.length - 1;
    if (last < r.addr || r_last < addr) continue;
    const bool wanted = write ? r.kind != WatchKind::Read : r.kind != WatchKind::Write;
    if (!wanted) continue;
    if (!hit_) {
      hit_ = true;
      last_hit_ = {std::max(addr, r.addr), r.length, r.addr, r.kind, write};
    }
    return true;
  }
  return false;
}

bool Watchpoints::take_hit(WatchHit& hit) {
  if (!hit_) return false;
  hit = last_hit_;
  hit_ = false;
  return true;
}

bool Watchpoints::clip(uint64_t addr, iss::DmiGrant& grant) const {
  uint64_t start = grant.start;
  uint64_t end = grant.end;
  for (const Range& r : ranges_) {
    const uint64_t hs = hole_start(r.addr);
    const uint64_t he = hole_end(r.addr, r.length);
    if (he < start || end < hs) continue;
    if (addr >= hs && addr <= he) {
      grant = {};
      grant.start = hs;
      grant.end = he;
      return false;
    }
    if (he < addr) {
      start = he + 1;
    } else {
      end = hs - 1;
    }
  }
  if (grant.host) grant.host += start - grant.start;
  grant.start = start;
  grant.end = end;
  return true;
}

}  // namespace rvtlm::tlm
