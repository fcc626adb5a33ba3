// Harts that share memory belong to one coherence domain. The domain tracks
// which memory holds decoded code (so that a store by any hart invalidates
// every hart's decoded blocks) and which holds LR reservations (so that a
// store by one hart breaks another hart's reservation, Unprivileged spec
// 14.2). Harts of one domain must run on one host thread at a time.
#ifndef RVTLM_ISS_COHERENCE_H
#define RVTLM_ISS_COHERENCE_H

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace rvtlm::iss {

// Implemented by each hart; called by the domain.
class DomainMember {
 public:
  virtual ~DomainMember() = default;
  // Stop writing page `page` (a 4 KiB page number) through direct pointers.
  virtual void drop_write_pointers(uint64_t page) = 0;
  // Decoded code was modified: discard all decoded blocks before the next one.
  virtual void discard_decoded_code() = 0;
  // Break the LR reservation if it overlaps [addr, addr + size).
  virtual void break_reservation(uint64_t addr, unsigned size) = 0;
};

class CoherenceDomain {
 public:
  static constexpr unsigned kPageShift = 12;
  static constexpr unsigned kLineShift = 6;  // code is tracked in 64-byte lines

  void attach(DomainMember* member);
  void detach(DomainMember* member);

  // A hart decoded instructions from [start, end).
  void add_code(uint64_t start, uint64_t end);
  // A hart holds (or released) a reservation on `addr`'s page.
  void add_reservation(uint64_t addr);
  void remove_reservation(uint64_t addr);

  // True if stores to `page` must be reported through store().
  bool watched(uint64_t page) const {
    return filter_[page & kFilterMask] != 0 && pages_.count(page) != 0;
  }

  // A store by `writer` to a watched page. Returns true if it modified code.
  bool store(DomainMember* writer, uint64_t addr, unsigned size);

  // Forget all code (every member discards its blocks).
  void discard_all_code();

 private:
  struct PageWatch {
    uint64_t code_lines = 0;  // bit i: line i of the page holds decoded code
    unsigned reservations = 0;
  };
  void watch(uint64_t page);

  std::vector<DomainMember*> members_;
  std::unordered_map<uint64_t, PageWatch> pages_;
  // Watched pages per bucket of page numbers: every store asks watched(),
  // and most stores go to pages nobody watches, which the filter answers
  // without hashing.
  static constexpr uint64_t kFilterMask = 4095;
  std::array<uint32_t, kFilterMask + 1> filter_{};
};

}  // namespace rvtlm::iss

#endif
