// The hart's memory system: virtual-to-physical translation (page walk),
// physical memory protection, and a software TLB per (privilege, access kind)
// that maps guest virtual pages to host pointers for RAM granted by the bus
// (DMI). Everything else takes the slow paths: MMIO through the bus,
// misaligned accesses, stores to pages that hold decoded code or
// reservations (coherence domain).
#ifndef RVTLM_ISS_MMU_H
#define RVTLM_ISS_MMU_H

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "page_walk.h"
#include "pmp.h"
#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/coherence.h"

namespace rvtlm::iss {

// How a load takes part in an atomic operation: LR faults as a load, the
// read of an AMO faults as a store (Privileged spec 3.6.3.4, table 3.6).
enum class LoadKind : uint8_t { Plain, Reserved, Amo };

struct MemFault {
  uint64_t cause = 0;
  uint64_t tval = 0;
};

class Mmu final : public PageTableMemory {
 public:
  static constexpr unsigned kPageShift = 12;
  static constexpr uint64_t kPageMask = (uint64_t{1} << kPageShift) - 1;
  static constexpr unsigned kEntries = 4096;
  static constexpr unsigned kFetchEntries = 64;

  Mmu(Bus& bus, CoherenceDomain& domain, DomainMember* self, uint64_t hart_id,
      MisalignedPolicy misaligned, Pmp& pmp, unsigned xlen, AdPolicy ad);

  // The translation context; the hart sets it whenever privilege, mstatus
  // (MPRV, MPP, SUM, MXR) or satp change. `data_priv` is the effective
  // privilege of loads and stores (MPRV), `fetch_priv` the current one.
  void set_context(unsigned data_priv, unsigned fetch_priv, uint64_t satp, bool sum, bool mxr);

  // Fast paths: true if the access was done through a cached host pointer.
  // A misaligned address never matches a tag, so it takes the slow path.
  template <typename T>
  bool load_fast(uint64_t addr, T& value) const {
    const Entry& e = data_[(addr >> kPageShift) & (kEntries - 1)];
    if (e.read_tag != (addr & (~kPageMask | (sizeof(T) - 1)))) return false;
    std::memcpy(&value, reinterpret_cast<const void*>(e.addend + addr), sizeof(T));
    return true;
  }
  template <typename T>
  bool store_fast(uint64_t addr, T value) {
    const Entry& e = data_[(addr >> kPageShift) & (kEntries - 1)];
    if (e.write_tag != (addr & (~kPageMask | (sizeof(T) - 1)))) return false;
    std::memcpy(reinterpret_cast<void*>(e.addend + addr), &value, sizeof(T));
    return true;
  }
  // Host pointer for a read-modify-write of an aligned T, or nullptr.
  template <typename T>
  T* rmw_fast(uint64_t addr) {
    const Entry& e = data_[(addr >> kPageShift) & (kEntries - 1)];
    const uint64_t tag = addr & (~kPageMask | (sizeof(T) - 1));
    if (e.write_tag != tag || e.read_tag != tag) return nullptr;
    return reinterpret_cast<T*>(e.addend + addr);
  }

  // Slow paths on virtual addresses. `retired` is the instruction count the
  // bus sees. `atomic` accesses never split a misaligned access and fault as
  // stores (AMOs). Return false with `fault` filled on an exception; the
  // physical address of the access is left in `paddr` when asked for.
  bool load(uint64_t addr, unsigned size, uint64_t& value, uint64_t retired, MemFault& fault,
            LoadKind kind = LoadKind::Plain, uint64_t* paddr = nullptr);
  bool store(uint64_t addr, unsigned size, uint64_t value, uint64_t retired, MemFault& fault,
             bool atomic = false, uint64_t* paddr = nullptr);
  // Translates and checks a data access without performing it.
  bool translate(uint64_t addr, unsigned size, AccessType type, uint64_t& paddr, MemFault& fault);

  // Instruction fetch: the physical address of `vaddr` (fetch TLB, page walk
  // and PMP), then parcels read from physical memory.
  bool translate_fetch(uint64_t vaddr, uint64_t& paddr, MemFault& fault, uint64_t retired);
  bool fetch16(uint64_t paddr, uint64_t vaddr, uint16_t& value, uint64_t retired, MemFault& fault);

  // Debugger and loader access to physical memory: DMI or bus with debug =
  // true; no traps, no misalignment rules, no protection.
  bool debug_access(uint64_t addr, void* data, unsigned size, bool write);
  // The physical address a debugger sees at virtual `vaddr`: translated as
  // the hart's loads would be, with no A/D update and no fault taken.
  bool debug_translate(uint64_t vaddr, uint64_t& paddr);

  // sfence.vma (everything: rvtlm keeps no per-ASID entries, and dropping
  // more than asked is always correct), satp writes, SUM/MXR changes.
  void flush_virtual();
  // sfence.vma with an address: only the entries that may hold that page.
  void flush_virtual_page(uint64_t vaddr);
  // PMP changes, DMI invalidation: every cached pointer.
  void flush();
  void invalidate_dmi(uint64_t start, uint64_t end);
  void drop_write_pointers(uint64_t page);

  // Instrumentation: data accesses that went through the bus (MMIO), and
  // the physical address of a data access just performed at `vaddr` (from
  // the TLB, else a walk without side effects).
  uint64_t bus_data_accesses() const { return bus_data_accesses_; }
  uint64_t physical_of(uint64_t vaddr);

  bool translating_fetch() const { return fetch_translated_; }
  // While data triggers are armed every load and store takes the slow path.
  void set_fill_enabled(bool enabled) {
    fill_enabled_ = enabled;
    flush();
  }

  // PageTableMemory: the walk's own PTE accesses (S-mode PMP, RAM only).
  bool read_pte(uint64_t paddr, unsigned size, uint64_t& value) override;
  bool write_pte(uint64_t paddr, unsigned size, uint64_t value) override;

 private:
  struct Entry {
    uint64_t read_tag;
    uint64_t write_tag;
    uintptr_t addend;  // host address = addend + guest virtual address
    uint64_t ppage;    // physical page address (for drop_write_pointers)
  };
  struct FetchEntry {
    uint64_t tag;
    uint64_t ppage;
  };
  static constexpr uint64_t kInvalidTag = ~uint64_t{0};
  // TLB sets by privilege: 0 user, 1 supervisor, 2 machine.
  static unsigned set_index(unsigned priv) { return priv == 3 ? 2 : priv; }

  bool translate_data(uint64_t addr, AccessType type, uint64_t& paddr, MemFault& fault,
                      bool& cacheable_read, bool& cacheable_write) {
    if (!data_translated_) {
      paddr = addr;
      cacheable_read = cacheable_write = true;
      return true;
    }
    return walk_data(addr, type, paddr, fault, cacheable_read, cacheable_write);
  }
  bool walk_data(uint64_t addr, AccessType type, uint64_t& paddr, MemFault& fault,
                 bool& cacheable_read, bool& cacheable_write);
  const DmiGrant* grant_for(uint64_t addr, unsigned size, AccessType type);
  void fill(uint64_t vaddr, uint64_t paddr, const DmiGrant& grant, bool read, bool write);
  bool bus_access(uint64_t addr, unsigned size, AccessType type, void* data, uint64_t retired,
                  bool debug, bool page_table = false);
  bool phys_read(uint64_t paddr, unsigned size, uint64_t& value, uint64_t retired, AccessType type);
  bool phys_write(uint64_t paddr, unsigned size, uint64_t value, uint64_t retired);
  static uint64_t fault_cause(AccessType type, bool page_fault);

  Bus& bus_;
  CoherenceDomain& domain_;
  DomainMember* self_;
  uint64_t hart_id_;
  MisalignedPolicy misaligned_;
  Pmp& pmp_;
  unsigned xlen_;
  AdPolicy ad_;

  // Context.
  unsigned data_priv_ = 3;
  unsigned fetch_priv_ = 3;
  uint64_t satp_ = 0;
  bool sum_ = false;
  bool mxr_ = false;
  bool data_translated_ = false;
  bool fetch_translated_ = false;
  bool fill_enabled_ = true;
  // The instruction count the bus sees for a walk's own accesses: that of
  // the load, store or fetch that needed the walk.
  uint64_t walk_retired_ = 0;
  uint64_t bus_data_accesses_ = 0;

  std::array<std::array<Entry, kEntries>, 3> sets_;
  Entry* data_;  // the set of data_priv_
  unsigned data_set_ = 2;
  // Indexes of the S/U entries filled since their last flush, so that a
  // flush (every satp write) resets those instead of the whole set; past
  // kEntries of them the whole set is reset.
  std::array<std::vector<uint16_t>, 2> filled_;
  std::array<std::array<FetchEntry, kFetchEntries>, 3> fetch_sets_;
  // Superpages whose 4 KiB pieces the S/U sets may hold: an sfence.vma for
  // an address inside one of them drops everything (the pieces sit at other
  // indexes). Past kMaxSuperpages every addressed sfence.vma does.
  static constexpr std::size_t kMaxSuperpages = 32;
  struct Superpage {
    uint64_t base;
    unsigned shift;
  };
  std::vector<Superpage> superpages_;
  bool superpages_overflow_ = false;
  void note_superpage(uint64_t vaddr, unsigned shift);

  // A refused range with no grant overlapping it (empty: start > end).
  uint64_t bus_start_ = 1;
  uint64_t bus_end_ = 0;
  std::vector<DmiGrant> grants_;
  std::vector<DmiGrant> refused_;
};

}  // namespace rvtlm::iss

#endif
