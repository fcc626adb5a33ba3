// Per-hart translation cache: guest pages to host pointers granted by the bus
// (DMI), and the slow paths for everything else (MMIO, misaligned accesses,
// stores to watched pages).
#ifndef RVTLM_ISS_TRANSLATION_CACHE_H
#define RVTLM_ISS_TRANSLATION_CACHE_H

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/coherence.h"

namespace rvtlm::iss {

struct MemFault {
  uint64_t cause = 0;
  uint64_t tval = 0;
};

class TranslationCache {
 public:
  static constexpr unsigned kPageShift = 12;
  static constexpr uint64_t kPageMask = (uint64_t{1} << kPageShift) - 1;
  static constexpr unsigned kEntries = 256;

  TranslationCache(Bus& bus, CoherenceDomain& domain, DomainMember* self, uint64_t hart_id,
                   MisalignedPolicy misaligned);

  // Fast paths: true if the access was done through a cached host pointer.
  // A misaligned address never matches a tag, so it takes the slow path.
  template <typename T>
  bool load_fast(uint64_t addr, T& value) const {
    const Entry& e = entries_[(addr >> kPageShift) & (kEntries - 1)];
    if (e.read_tag != (addr & (~kPageMask | (sizeof(T) - 1)))) return false;
    std::memcpy(&value, reinterpret_cast<const void*>(e.addend + addr), sizeof(T));
    return true;
  }
  template <typename T>
  bool store_fast(uint64_t addr, T value) {
    const Entry& e = entries_[(addr >> kPageShift) & (kEntries - 1)];
    if (e.write_tag != (addr & (~kPageMask | (sizeof(T) - 1)))) return false;
    std::memcpy(reinterpret_cast<void*>(e.addend + addr), &value, sizeof(T));
    return true;
  }
  // Host pointer for a read-modify-write of an aligned T, or nullptr.
  template <typename T>
  T* rmw_fast(uint64_t addr) {
    const Entry& e = entries_[(addr >> kPageShift) & (kEntries - 1)];
    const uint64_t tag = addr & (~kPageMask | (sizeof(T) - 1));
    if (e.write_tag != tag || e.read_tag != tag) return nullptr;
    return reinterpret_cast<T*>(e.addend + addr);
  }

  // Slow paths. `retired` is the instruction count the bus sees. `atomic`
  // accesses never split a misaligned access. Return false with `fault`
  // filled on an exception.
  bool load(uint64_t addr, unsigned size, uint64_t& value, uint64_t retired, MemFault& fault,
            bool atomic = false);
  bool store(uint64_t addr, unsigned size, uint64_t value, uint64_t retired, MemFault& fault,
             bool atomic = false);
  // Instruction fetch of one 16-bit parcel.
  bool fetch16(uint64_t addr, uint16_t& value, uint64_t retired, MemFault& fault);

  // Debugger and loader access: DMI or bus with debug = true; no traps, no
  // misalignment rules.
  bool debug_access(uint64_t addr, void* data, unsigned size, bool write);

  void invalidate_dmi(uint64_t start, uint64_t end);
  void drop_write_pointers(uint64_t page);
  void flush();

 private:
  struct Entry {
    uint64_t read_tag;
    uint64_t write_tag;
    uintptr_t addend;  // host address = addend + guest address
  };
  // A refused range with no grant overlapping it (empty: start > end).
  uint64_t bus_start_ = 1;
  uint64_t bus_end_ = 0;
  static constexpr uint64_t kInvalidTag = ~uint64_t{0};

  const DmiGrant* grant_for(uint64_t addr, unsigned size, AccessType type);
  void fill(uint64_t addr, const DmiGrant& grant);
  bool bus_access(uint64_t addr, unsigned size, AccessType type, void* data, uint64_t retired,
                  bool debug);

  Bus& bus_;
  CoherenceDomain& domain_;
  DomainMember* self_;
  uint64_t hart_id_;
  MisalignedPolicy misaligned_;
  std::array<Entry, kEntries> entries_;
  std::vector<DmiGrant> grants_;
  std::vector<DmiGrant> refused_;
};

}  // namespace rvtlm::iss

#endif
