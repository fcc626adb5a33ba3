#include "rvtlm/iss/coherence.h"

#include <algorithm>

namespace rvtlm::iss {

void CoherenceDomain::attach(DomainMember* member) { members_.push_back(member); }

void CoherenceDomain::detach(DomainMember* member) {
  members_.erase(std::remove(members_.begin(), members_.end(), member), members_.end());
}

void CoherenceDomain::watch(uint64_t page) {
  for (DomainMember* m : members_) m->drop_write_pointers(page);
}

void CoherenceDomain::add_code(uint64_t start, uint64_t end) {
  for (uint64_t line = start >> kLineShift; line <= (end - 1) >> kLineShift; ++line) {
    const uint64_t page = line >> (kPageShift - kLineShift);
    auto [it, inserted] = pages_.try_emplace(page);
    if (inserted) {
      ++filter_[page & kFilterMask];
      watch(page);
    }
    it->second.code_lines |= uint64_t{1} << (line & ((1u << (kPageShift - kLineShift)) - 1));
  }
}

void CoherenceDomain::add_reservation(uint64_t addr) {
  const uint64_t page = addr >> kPageShift;
  auto [it, inserted] = pages_.try_emplace(page);
  if (inserted) {
    ++filter_[page & kFilterMask];
    watch(page);
  }
  ++it->second.reservations;
}

void CoherenceDomain::remove_reservation(uint64_t addr) {
  auto it = pages_.find(addr >> kPageShift);
  if (it == pages_.end() || it->second.reservations == 0) return;
  if (--it->second.reservations == 0 && it->second.code_lines == 0) {
    --filter_[it->first & kFilterMask];
    pages_.erase(it);
  }
}

bool CoherenceDomain::store(DomainMember* writer, uint64_t addr, unsigned size) {
  auto it = pages_.find(addr >> kPageShift);
  if (it == pages_.end()) return false;
  if (it->second.reservations != 0) {
    for (DomainMember* m : members_) {
      if (m != writer) m->break_reservation(addr, size);
    }
  }
  const uint64_t first = addr >> kLineShift;
  const uint64_t last = (addr + size - 1) >> kLineShift;
  bool code = false;
  for (uint64_t line = first; line <= last; ++line) {
    auto p = pages_.find(line >> (kPageShift - kLineShift));
    if (p != pages_.end() &&
        (p->second.code_lines >> (line & ((1u << (kPageShift - kLineShift)) - 1)) & 1))
      code = true;
  }
  if (code) discard_all_code();
  return code;
}

void CoherenceDomain::discard_all_code() {
  for (DomainMember* m : members_) m->discard_decoded_code();
  for (auto it = pages_.begin(); it != pages_.end();) {
    it->second.code_lines = 0;
    if (it->second.reservations == 0) {
      --filter_[it->first & kFilterMask];
      it = pages_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace rvtlm::iss
