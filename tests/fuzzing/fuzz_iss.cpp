// libFuzzer entry point for the ISS: arbitrary memory, instruction words and
// architectural state.
//
// Byte 0 chooses the basic configuration. An input of 32 bytes or more ends
// with a setup record (its back half, at most 128 bytes; missing fields read
// as zero) that chooses the rest: ISA variant, PMP entries and grain,
// page-table walk policy, DMI behaviour of the bus, page tables written into
// RAM (satp Bare/Sv32/Sv39/Sv48 with its root in RAM), PMP entries and
// triggers, and a whole initial HartState (x and f registers, fcsr, mstatus
// with FS, MPRV/SUM/MXR, delegation, trap vectors, privilege) that
// restore_state installs, the privilege either set directly or entered
// through mret. A setup record of zeros gives a working system
// (identity-mapped RAM, PMP letting S and U everywhere, FS on, traps return
// past the trapping instruction). Shorter inputs keep the machine-mode
// start of earlier versions. What is left between byte 0 and the setup
// record is the RAM image at 0x80000000 (64 KiB, zero-filled beyond the
// input).
//
// The hart runs up to 2000 instructions in four slices with interrupt
// lines toggled, satp/mstatus rewritten, DMI revoked (the RAM may move to a
// new host buffer, freeing the old one, also from inside an MMIO access),
// and the state saved and restored on the way; it must never crash, hang or
// trip a sanitizer.
//
// An input is cheap: the hart of its configuration (with its bus and RAM)
// is kept from earlier inputs and was reset to what a new hart is, so that
// an input costs its instructions, not the building of a hart with its
// translation caches. The same input behaves the same on a kept hart as
// on a new one (smoke_main.cpp checks it).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <vector>

#include "fuzz_targets.h"
#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_asm.h"

namespace {

using namespace rvtlm::iss;

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 64 * 1024;
constexpr uint64_t kRamPages = kRamSize >> 12;
constexpr uint64_t kMmioBase = 0x10000000;
constexpr uint64_t kMmioSize = 0x10000;
constexpr uint64_t kTrampoline = kRamBase + kRamSize - 8;  // an mret
// Trap handlers that return past the trapping instruction, so that random
// code keeps running instead of trapping again and again.
constexpr uint64_t kSkipHandlerM = kRamBase + kRamSize - 0x40;
constexpr uint64_t kSkipHandlerS = kRamBase + kRamSize - 0x20;

// The trap handlers' instructions, from the tests' assembler.
namespace assembler = rvtlm::test;
constexpr uint32_t kMret = assembler::mret();
constexpr uint32_t kSret = assembler::sret();
constexpr uint32_t kSkipM[] = {assembler::csrr(assembler::t6, csr::k_mepc),
                               assembler::addi(assembler::t6, assembler::t6, 4),
                               assembler::csrw(csr::k_mepc, assembler::t6), kMret};
constexpr uint32_t kSkipS[] = {assembler::csrr(assembler::t6, csr::k_sepc),
                               assembler::addi(assembler::t6, assembler::t6, 4),
                               assembler::csrw(csr::k_sepc, assembler::t6), kSret};
// Inputs of at least kSetupFrom bytes end with a setup record: their back
// half, up to kSetupSize bytes. The threshold lets libFuzzer's first,
// short inputs reach it (most seeds stay below it).
constexpr size_t kSetupFrom = 32;
constexpr size_t kSetupSize = 128;
// Instructions per slice of the run (four slices). Beyond the input's own
// code most of a longer run is spent trapping through zero-filled RAM: at
// 5000 a slice an input cost about six times as much, and a minute of
// fuzzing reached less coverage (docs/PERFORMANCE.md, "Fuzzing").
constexpr uint64_t kSliceBudget = 500;

// How the bus grants host pointers for RAM.
enum class GrantMode : uint8_t {
  Whole,         // one grant for all of RAM
  PerPage,       // one 4 KiB page per grant
  OddPagesRead,  // per page; odd pages readable only (stores go to the bus)
  RefuseNamed,   // never, naming RAM as the refused range
};

class FuzzBus final : public Bus {
 public:
  FuzzBus() : ram(kRamSize, 0) {}

  // Power-on state for the next input: its bytes, `image` of them copied
  // to RAM at kRamBase (the rest zero), every setting back to its default.
  void load(const uint8_t* data, size_t size, size_t image) {
    ram.assign(kRamSize, 0);
    std::memcpy(ram.data(), data, std::min<size_t>(image, kRamSize));
    data_ = data;
    size_ = size;
    dmi = true;
    grants = GrantMode::Whole;
    relocate_on_mmio = nullptr;
    ram_accesses = 0;
    time_ = 0;
    mmio_writes_ = 0;
  }

  std::vector<uint8_t> ram;
  bool dmi = true;
  GrantMode grants = GrantMode::Whole;
  // RAM reads and writes that came through the bus rather than a host
  // pointer (a kept hart that still used an old grant would make fewer).
  uint64_t ram_accesses = 0;
  // Set: every 7th MMIO write moves RAM to a new host buffer (freeing the
  // old one) and revokes the hart's pointers, in the middle of its run.
  Hart* relocate_on_mmio = nullptr;

  // Moves RAM to a new buffer; the old one is freed, so that a stale host
  // pointer the hart kept is a use after free.
  void relocate() {
    std::vector<uint8_t> fresh(ram);
    ram.swap(fresh);
  }

  BusStatus read(const BusAccess& access, void* out) override {
    auto* bytes = static_cast<uint8_t*>(out);
    if (in_range(access, kRamBase, kRamSize)) {
      std::memcpy(bytes, ram.data() + (access.addr - kRamBase), access.size);
      ++ram_accesses;
      return BusStatus::Ok;
    }
    if (in_range(access, kMmioBase, kMmioSize) && (access.addr & 0x10) == 0) {
      for (unsigned i = 0; i < access.size; ++i) {
        const uint64_t a = access.addr + i;
        const uint8_t in = size_ ? data_[a % size_] : 0;
        bytes[i] = static_cast<uint8_t>(in ^ (a * 0x9d) ^ (a >> 8));
      }
      return BusStatus::Ok;
    }
    return BusStatus::Error;
  }

  BusStatus write(const BusAccess& access, const void* in) override {
    if (in_range(access, kRamBase, kRamSize)) {
      std::memcpy(ram.data() + (access.addr - kRamBase), in, access.size);
      ++ram_accesses;
      return BusStatus::Ok;
    }
    if (in_range(access, kMmioBase, kMmioSize) && (access.addr & 0x10) == 0) {
      if (relocate_on_mmio && ++mmio_writes_ % 7 == 0) {
        relocate();
        relocate_on_mmio->invalidate_dmi(kRamBase, kRamBase + kRamSize - 1);
      }
      return BusStatus::Ok;
    }
    return BusStatus::Error;
  }

  bool request_dmi(uint64_t addr, AccessType type, DmiGrant& grant) override {
    (void)type;
    if (addr < kRamBase || addr - kRamBase >= kRamSize) return false;
    const uint64_t page = (addr - kRamBase) >> 12;
    const bool whole = grants == GrantMode::Whole || grants == GrantMode::RefuseNamed;
    grant.start = whole ? kRamBase : kRamBase + (page << 12);
    grant.end = whole ? kRamBase + kRamSize - 1 : grant.start + 0xfff;
    if (!dmi || grants == GrantMode::RefuseNamed) return false;
    grant.host = ram.data() + (grant.start - kRamBase);
    grant.readable = true;
    grant.writable = grants != GrantMode::OddPagesRead || (page & 1) == 0;
    return true;
  }

  bool read_time(uint64_t retired, uint64_t& value) override {
    value = ++time_ + retired;
    return true;
  }

 private:
  // True when [addr, addr + size) lies inside [base, base + len), without
  // wrap-around for addresses near 2^64.
  static bool in_range(const BusAccess& access, uint64_t base, uint64_t len) {
    if (access.size == 0 || access.size > len || access.addr < base) return false;
    return access.addr - base <= len - access.size;
  }

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  uint64_t time_ = 0;
  unsigned mmio_writes_ = 0;
};

// The setup record, read front to back; zeros once it is exhausted (or
// absent).
class Setup {
 public:
  Setup(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  uint16_t u16() { return static_cast<uint16_t>(byte() | byte() << 8); }
  uint32_t u32() { return u16() | static_cast<uint32_t>(u16()) << 16; }
  uint64_t u64() { return u32() | static_cast<uint64_t>(u32()) << 32; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Deterministic pseudo-random numbers from a seed of the setup record.
class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

uint64_t read_ram(const FuzzBus& bus, uint64_t addr, unsigned size) {
  uint64_t v = 0;
  std::memcpy(&v, bus.ram.data() + (addr - kRamBase), size);
  return v;
}
void write_ram(FuzzBus& bus, uint64_t addr, unsigned size, uint64_t value) {
  std::memcpy(bus.ram.data() + (addr - kRamBase), &value, size);
}

// The configuration choices of the setup record (all zero: the full ISA,
// 16 PMP entries of 4 bytes, A/D set by the walk, 4 triggers).
void configure(HartConfig& config, Setup& setup) {
  const uint8_t b = setup.byte();
  switch (b & 3) {
    case 1:  // F without D
      config.isa.set(Extension::D, false);
      break;
    case 2:  // no floating point
      config.isa.set(Extension::D, false).set(Extension::F, false);
      break;
    default:
      break;
  }
  switch ((b >> 2) & 3) {
    case 1:  // machine and user modes (Privileged spec 1.2)
      config.isa.set(Extension::Sstc, false).set(Extension::S, false);
      break;
    case 2:  // machine mode only
      config.isa.set(Extension::Sstc, false).set(Extension::S, false).set(Extension::U, false);
      break;
    default:
      break;
  }
  config.pte_update = (b & 0x10) ? PteUpdate::Fault : PteUpdate::Hardware;
  static constexpr unsigned kEntries[] = {16, 0, 64, 16};
  config.pmp_entries = kEntries[(b >> 5) & 3];
  static constexpr unsigned kGrain[] = {0, 0, 1, 10};
  const uint8_t c = setup.byte();
  config.pmp_granularity = kGrain[c & 3];
  config.triggers = ((c >> 2) & 7) == 0 ? 4 : ((c >> 2) & 7) + 1;
}

// Legal pmpcfg byte as the CSR would store it (Privileged spec 3.7.1 and
// the WARL choices in iss/src/pmp.h).
uint8_t legal_pmp_cfg(uint8_t v, unsigned grain) {
  v &= 0x9f;
  if ((v & 3) == 2) v &= static_cast<uint8_t>(~2u);
  if (grain >= 1 && ((v >> 3) & 3) == 2) v |= 0x18;
  return v;
}

struct PageTableLayout {
  unsigned levels;
  unsigned pte_size;
  unsigned vpn_bits;
};

// Page tables for `mode` (1 Sv32, 2 Sv39, 3 Sv48) rooted at RAM page
// `root`, further tables on the pages after it: RAM identity-mapped by 4 KiB
// pages or one superpage, the device region by a superpage, leaf flags
// sane unless the setup flips them; then a few PTEs written anywhere in RAM.
// Returns satp's PPN.
uint64_t build_page_tables(FuzzBus& bus, Setup& setup, unsigned mode, unsigned root,
                           unsigned priv) {
  static constexpr PageTableLayout kLayouts[] = {{2, 4, 10}, {3, 8, 9}, {4, 8, 9}};
  const PageTableLayout& l = kLayouts[mode - 1];
  const auto table_page = [&](unsigned k) { return kRamBase + (((root + k) % kRamPages) << 12); };
  const auto vpn = [&](uint64_t va, unsigned level) {
    return (va >> (12 + l.vpn_bits * level)) & ((uint64_t{1} << l.vpn_bits) - 1);
  };
  const auto pte = [](uint64_t pa, uint64_t flags) { return (pa >> 12) << 10 | flags; };
  const uint64_t user = priv == 0 ? 0x10 : 0;
  const uint64_t leaf_flags = (0xcf | user) ^ setup.byte();  // V R W X A D (U)
  const uint8_t shape = setup.byte();
  const uint16_t page_flips = setup.u16();

  // The chain from the root down to the level of the RAM leaves.
  const unsigned leaf_level = (shape & 3) == 0 || (shape & 3) == 3 ? 0 : (shape & 3);
  const unsigned ram_leaf_level = std::min(leaf_level, l.levels - 1);
  uint64_t table = table_page(0);
  unsigned used = 1;
  for (unsigned level = l.levels - 1; level > ram_leaf_level; --level) {
    const uint64_t next = table_page(used++);
    write_ram(bus, table + vpn(kRamBase, level) * l.pte_size, l.pte_size, pte(next, 1));
    table = next;
  }
  if (ram_leaf_level == 0) {
    for (unsigned i = 0; i < kRamPages; ++i) {
      const uint64_t flips = ((page_flips >> i) & 1) ? (shape >> 2) : 0;
      const uint64_t pa = kRamBase + (uint64_t{i} << 12);
      write_ram(bus, table + vpn(pa, 0) * l.pte_size, l.pte_size, pte(pa, leaf_flags ^ flips));
    }
  } else {
    // A superpage over RAM (its base is aligned for every level used here).
    write_ram(bus, table + vpn(kRamBase, ram_leaf_level) * l.pte_size, l.pte_size,
              pte(kRamBase, leaf_flags));
  }
  // The device region: Sv32 a 4 MiB page from the root, Sv39/Sv48 a 1 GiB
  // page at the root (Sv39) or one level below it (Sv48).
  const uint64_t device_flags = 0xc7 | user;  // V R W A D (U)
  if (mode == 3) {
    const uint64_t root_entry = table_page(0) + vpn(kMmioBase, 3) * l.pte_size;
    const uint64_t existing = read_ram(bus, root_entry, 8);
    const uint64_t below =
        (existing & 1) && (existing & 0xe) == 0 ? (existing >> 10) << 12 : table_page(used++);
    write_ram(bus, root_entry, 8, pte(below, 1));
    if (below >= kRamBase && below < kRamBase + kRamSize)
      write_ram(bus, below + vpn(kMmioBase, 2) * 8, 8, pte(0, device_flags));
  } else {
    const unsigned level = l.levels - 1;
    const uint64_t base = kMmioBase & ~((uint64_t{1} << (12 + l.vpn_bits * level)) - 1);
    write_ram(bus, table_page(0) + vpn(kMmioBase, level) * l.pte_size, l.pte_size,
              pte(base, device_flags));
  }
  // Arbitrary entries anywhere in RAM (often inside the tables above).
  for (unsigned k = 0; k < 6; ++k) {
    const uint32_t rec = setup.u32();
    if (rec == 0) continue;
    const uint64_t slot =
        kRamBase + (((rec >> 12) & 15) << 12) + ((rec & 0x3ff) * l.pte_size & 0xfff);
    const uint64_t target = (rec >> 31) ? kMmioBase : kRamBase + (((rec >> 16) & 15) << 12);
    write_ram(bus, slot, l.pte_size, pte(target, (rec >> 20) & 0xff));
  }
  return (table_page(0) >> 12);
}

uint64_t fp_pattern(SplitMix& rng) {
  static constexpr uint64_t kSpecial[] = {
      0,
      0x8000000000000000,
      0x7ff0000000000000,
      0xfff0000000000000,
      0x7ff8000000000000,
      0x7ff4000000000000,
      0x0000000000000001,
      0x000fffffffffffff,
      0x3ff0000000000000,
      0x43e0000000000000,
      0xffffffff7fc00000,
      0xffffffff7fa00000,
      0xffffffff00000001,
      0xffffffff7f800000,
      0xffffffff3f800000,
      0xfffffffe3f800000,
      0xffffffff80000000,
      0xffffffff4f000000,
  };
  const uint64_t r = rng.next();
  switch (r & 3) {
    case 0:
      return kSpecial[(r >> 8) % (sizeof(kSpecial) / sizeof(kSpecial[0]))];
    case 1:
      return 0xffffffff00000000 | (rng.next() & 0xffffffff);  // a NaN-boxed single
    default:
      return rng.next();
  }
}

// Writes PMP entry `index` (cfg byte and pmpaddr) through the CSRs.
void write_pmp_csrs(Hart& hart, unsigned xlen, unsigned index, uint8_t cfg, uint64_t addr) {
  hart.write_csr(static_cast<uint16_t>(csr::k_pmpaddr + index), addr);
  const unsigned per_reg = xlen / 8;
  const unsigned reg = xlen == 64 ? index / 8 * 2 : index / 4;
  const unsigned shift = 8 * (index % per_reg);
  uint64_t v = 0;
  if (!hart.read_csr(static_cast<uint16_t>(csr::k_pmpcfg + reg), v)) return;
  v = (v & ~(uint64_t{0xff} << shift)) | uint64_t{cfg} << shift;
  hart.write_csr(static_cast<uint16_t>(csr::k_pmpcfg + reg), v);
}

// Installs the random initial state chosen by the setup record.
void prepare(Hart& hart, FuzzBus& bus, Setup& setup) {
  const HartConfig& config = hart.config();
  const Isa& isa = config.isa;
  const unsigned xlen = isa.bits();
  const bool rv32 = xlen == 32;
  const uint64_t xmask = rv32 ? 0xffffffffu : ~uint64_t{0};
  const bool has_s = isa.has(Extension::S);
  const bool has_u = isa.has(Extension::U);
  const bool has_f = isa.has(Extension::F);
  const uint64_t align = isa.has(Extension::C) ? ~uint64_t{1} : ~uint64_t{3};

  const uint8_t bus_bits = setup.byte();
  bus.grants = static_cast<GrantMode>(bus_bits & 3);
  if (bus_bits & 4) bus.relocate_on_mmio = &hart;

  // Privilege and translation.
  const uint8_t m = setup.byte();
  // m[7:6]: machine, supervisor, user, user (falling back to the modes
  // the ISA has); m[1:0]: Bare or Sv32 (RV32), Bare, Sv39, Sv48, Sv39 (RV64).
  unsigned priv = 3;
  if ((m >> 6) != 0 && has_u) priv = (m >> 6) == 1 && has_s ? 1 : 0;
  static constexpr unsigned kRv64Modes[] = {0, 2, 3, 2};
  unsigned mode = 0;  // 0 Bare, 1 Sv32, 2 Sv39, 3 Sv48
  if (has_s) mode = rv32 ? ((m & 3) != 0 ? 1 : 0) : kRv64Modes[m & 3];

  // Triggers, through the CSRs (their WARL rules are the hart's).
  const uint8_t trig = setup.byte();
  for (unsigned k = 0; k < (trig & 3) && config.triggers > 0; ++k) {
    const uint8_t sel = setup.byte();
    const uint8_t bits = setup.byte();
    const uint16_t where = setup.u16();
    const uint64_t type = (sel & 0x80) ? 6 : 2;
    hart.write_csr(csr::k_tselect, sel % config.triggers);
    hart.write_csr(csr::k_tdata1,
                   type << (xlen - 4) | (bits & 0x5f) | static_cast<uint64_t>(bits >> 6) << 7);
    hart.write_csr(csr::k_tdata2, (where & 1) ? where : kRamBase + (where & 0xfffe));
  }

  // PMP: a few random entries, then (lowest priority) everything RWX so
  // that S and U run at all unless a random entry says otherwise.
  const uint8_t p = setup.byte();
  const bool pmp_direct = (p & 1) != 0;
  const unsigned n_entries = config.pmp_entries;
  const uint64_t addr_mask = rv32 ? 0xffffffffu : (uint64_t{1} << 54) - 1;
  struct Entry {
    unsigned index;
    uint8_t cfg;
    uint64_t addr;
  };
  std::vector<Entry> entries;
  for (unsigned k = 0; k < ((p >> 1) & 7) && n_entries > 0; ++k) {
    const unsigned index = setup.byte() % n_entries;
    const uint8_t cfg = setup.byte();
    const uint16_t where = setup.u16();
    const uint64_t base = (where & 0x8000) ? ((where & 0x4000) ? kMmioBase : 0)
                                           : kRamBase + static_cast<uint64_t>(where & 0xff) * 256;
    uint64_t addr = base >> 2;
    if (((cfg >> 3) & 3) == 3) {
      const unsigned ones = (where >> 8) & 31;
      addr |= ones >= 31 ? addr_mask : (uint64_t{1} << ones) - 1;
    }
    entries.push_back({index, cfg, addr & addr_mask});
  }
  if (n_entries > 0 && (p & 0x10) == 0) entries.push_back({n_entries - 1, 0x1f, addr_mask});
  if (!pmp_direct) {
    for (const Entry& e : entries) write_pmp_csrs(hart, xlen, e.index, e.cfg, e.addr);
  }

  HartState st = hart.save_state();
  if (pmp_direct) {
    for (const Entry& e : entries) {
      st.pmp.cfg[e.index] = legal_pmp_cfg(e.cfg, config.pmp_granularity);
      st.pmp.addr[e.index] = e.addr;
    }
  }

  SplitMix rng(setup.u64());
  for (unsigned i = 1; i < 32; ++i) {
    const uint64_t r = rng.next();
    st.x[i] = ((r & 3) == 0 ? kRamBase + (r >> 16 & 0xfff8) : (r & 3) == 1 ? r >> 60 : r) & xmask;
  }
  for (uint64_t& f : st.f) f = fp_pattern(rng);
  const uint8_t fcsr = setup.byte();
  st.fflags = fcsr & 0x1f;
  st.frm = fcsr >> 5;

  // mstatus: only the fields this ISA has (Privileged spec 3.1.6).
  const uint16_t ms = setup.u16();
  uint64_t mstatus = 0;
  if (ms & 1) mstatus |= kMstatusMie;
  if (ms & 2) mstatus |= kMstatusMpie;
  if (has_s) {
    if (ms & 4) mstatus |= kMstatusSie;
    if (ms & 8) mstatus |= kMstatusSpie;
    if (ms & 16) mstatus |= kMstatusSpp;
    if (ms & 32) mstatus |= kMstatusSum;
    if (ms & 64) mstatus |= kMstatusMxr;
    if (ms & 128) mstatus |= kMstatusTvm;
    if (ms & 256) mstatus |= kMstatusTsr;
  }
  if (has_u) {
    if (ms & 512) mstatus |= kMstatusMprv;
    if (ms & 1024) mstatus |= kMstatusTw;
  }
  if (has_f) mstatus |= uint64_t{((ms >> 11) & 3) ^ 1u} << kMstatusFsShift;  // zero: Initial
  unsigned mpp = (ms >> 13) & 3;
  if (mpp == 2 || (mpp == 1 && !has_s) || (mpp == 0 && !has_u)) mpp = 3;
  mstatus |= uint64_t{mpp} << 11;
  st.mstatus = mstatus;

  const uint32_t traps = setup.u32();
  if (has_s) {
    st.medeleg = traps & 0xb3ff;
    st.mideleg = (traps >> 16) & kIrqSupervisor;
  }
  const uint8_t ie = setup.byte();
  st.mie = ie & (kIrqMsi | kIrqMti | kIrqMei | (has_s ? kIrqSupervisor : 0));
  st.mip = has_s ? (uint64_t{ie} << 1) & (kIrqSsi | kIrqSei) : 0;
  // Trap vectors: the skipping handlers (zero), or anywhere in the code.
  const uint16_t vectors = setup.u16();
  const auto put = [&](uint64_t at, const uint32_t(&words)[4]) {
    for (uint32_t w : words) {
      write_ram(bus, at, 4, w);
      at += 4;
    }
  };
  put(kSkipHandlerM, kSkipM);
  put(kSkipHandlerS, kSkipS);
  st.mtvec = (vectors & 1) ? (kRamBase + (vectors & 0xfc)) | ((vectors >> 8) & 1) : kSkipHandlerM;
  if (has_s) {
    st.stvec = (vectors & 2) ? (kRamBase + ((vectors >> 9) & 0x7f) * 8) | ((vectors >> 15) & 1)
                             : kSkipHandlerS;
  }
  st.mepc = (kRamBase + (rng.next() & 0x3fe)) & align;
  if (has_s) st.sepc = (kRamBase + (rng.next() & 0x3fe)) & align;
  if (isa.has(Extension::Sstc)) {
    st.menvcfg = (ie & 0x80) ? kMenvcfgStce : 0;
    st.stimecmp = rng.next() & 0xffff;
  }
  if (has_u) st.mcounteren = rng.next() & 0xffffffffu;
  if (has_s) st.scounteren = rng.next() & 0xffffffffu;

  // Page tables last: the fields above are more often present in a
  // short setup record.
  if (mode != 0) {
    // The root on pages 9..15 (12 by default), above most fuzzed code.
    const unsigned root = ((m >> 2) & 7) != 0 ? 8 + ((m >> 2) & 7) : 12;
    const uint64_t ppn = build_page_tables(bus, setup, mode, root, priv);
    const uint64_t asid = setup.u16();
    st.satp = rv32 ? uint64_t{1} << 31 | (asid & 0x1ff) << 22 | ppn
                   : uint64_t{mode == 2 ? 8u : 9u} << 60 | (asid & 0xffff) << 44 | ppn;
  }

  // Where and at which privilege execution starts.
  const uint8_t entry = setup.byte();
  const uint64_t pc = (kRamBase + static_cast<uint64_t>(entry & 0x3f) * 4) & xmask;
  if ((entry & 0x40) && priv != 3) {
    // Privileged spec 3.3.2: mret to MPP at mepc.
    write_ram(bus, kTrampoline, 4, kMret);
    st.priv = 3;
    st.mstatus = (st.mstatus & ~kMstatusMpp) | uint64_t{priv} << 11;
    st.mepc = pc;
    st.pc = kTrampoline;
  } else {
    st.priv = static_cast<uint8_t>(priv);
    st.pc = pc;
  }
  st.wfi = (entry & 0x80) != 0 && (ie & 0x40) != 0;
  hart.restore_state(st);
}

// One hart, with its bus and RAM, for one configuration.
struct Machine {
  explicit Machine(const HartConfig& config) : hart(config, bus) {}
  FuzzBus bus;
  Hart hart;
  uint64_t last_use = 0;
};

bool same_config(const HartConfig& a, const HartConfig& b) {
  return a.isa == b.isa && a.hart_id == b.hart_id && a.reset_pc == b.reset_pc &&
         a.reset_registers == b.reset_registers && a.misaligned == b.misaligned &&
         a.pmp_entries == b.pmp_entries && a.pmp_granularity == b.pmp_granularity &&
         a.triggers == b.triggers && a.pte_update == b.pte_update &&
         a.max_block_insns == b.max_block_insns;
}

// A 64-bit digest (FNV-1a over 64-bit words, then a final mix).
class Digest {
 public:
  void add(uint64_t v) {
    h_ ^= v;
    h_ *= 0x100000001b3u;
  }
  void add(std::initializer_list<uint64_t> values) {
    for (uint64_t v : values) add(v);
  }
  template <typename T, size_t N>
  void add(const std::array<T, N>& values) {
    for (const T& v : values) add(static_cast<uint64_t>(v));
  }
  uint64_t value() const { return SplitMix(h_).next(); }

 private:
  uint64_t h_ = 0xcbf29ce484222325u;
};

void add_state(Digest& d, const HartState& st) {
  d.add(st.x);
  d.add(st.f);
  d.add({st.pc, st.priv, st.wfi, st.mstatus, st.medeleg, st.mideleg, st.mie, st.mip, st.irq_lines});
  d.add({st.mtvec, st.mscratch, st.mepc, st.mcause, st.mtval, st.mcounteren, st.mcountinhibit});
  d.add({st.menvcfg, st.stvec, st.sscratch, st.sepc, st.scause, st.stval, st.scounteren});
  d.add({st.senvcfg, st.satp, st.stimecmp, st.fflags, st.frm, st.tselect, st.retired});
  d.add({st.instret_base, st.cycle_base, st.instret_frozen, st.cycle_frozen});
  d.add({st.reservation_valid, st.reservation_addr});
  for (const TriggerState& t : st.triggers) d.add({t.tdata1, t.tdata2, t.tdata3});
  d.add(st.pmp.cfg);
  d.add(st.pmp.addr);
}

}  // namespace

namespace rvtlm::fuzzing {

// Machines by configuration, the least recently used dropped past kMax.
struct IssMachines::Pool {
  static constexpr size_t kMax = 16;
  std::vector<std::unique_ptr<Machine>> machines;
  uint64_t uses = 0;

  Machine& get(const HartConfig& config) {
    ++uses;
    for (auto& m : machines) {
      if (same_config(m->hart.config(), config)) {
        m->last_use = uses;
        return *m;
      }
    }
    if (machines.size() >= kMax) {
      const auto oldest =
          std::min_element(machines.begin(), machines.end(),
                           [](const auto& a, const auto& b) { return a->last_use < b->last_use; });
      machines.erase(oldest);
    }
    machines.push_back(std::make_unique<Machine>(config));
    machines.back()->last_use = uses;
    return *machines.back();
  }
};

IssMachines::IssMachines() : pool(std::make_unique<Pool>()) {}
IssMachines::~IssMachines() = default;

uint64_t run_iss_input(const uint8_t* data, size_t size, IssMachines* machines) {
  if (size == 0) return 0;
  const uint8_t cfg = data[0];
  const bool has_setup = size >= kSetupFrom;
  const size_t setup_size = has_setup ? std::min(kSetupSize, (size - 1) / 2) : 0;
  const size_t image = size - 1 - setup_size;
  Setup setup(data + size - setup_size, setup_size);

  HartConfig config;
  config.isa = rvtlm::iss::Isa((cfg & 1) ? Xlen::Rv32 : Xlen::Rv64);
  config.misaligned = (cfg & 2) ? MisalignedPolicy::Emulate : MisalignedPolicy::Trap;
  config.isa.set(Extension::C, (cfg & 8) == 0);
  config.reset_pc = kRamBase;
  config.max_block_insns = (cfg & 16) ? 3 : 256;
  if (has_setup) configure(config, setup);
  // A kept hart was returned to what a new one is at the end of its last
  // input (below).
  std::unique_ptr<Machine> own;
  Machine& m = machines ? machines->pool->get(config) : *(own = std::make_unique<Machine>(config));
  FuzzBus& bus = m.bus;
  Hart& hart = m.hart;
  bus.load(data + 1, size - 1, image);
  bus.dmi = (cfg & 4) == 0;

  // Let traps re-enter the fuzzed code instead of stopping at address 0.
  if (cfg & 32) hart.write_csr(0x305, kRamBase + ((cfg & 64) ? 0x100 : 0) + (cfg >> 7));
  if (has_setup) prepare(hart, bus, setup);
  const uint8_t events = setup.byte();
  const uint64_t later_satp = setup.u64();
  const uint64_t later_mstatus = setup.u64();

  Digest digest;
  const Interrupt lines[] = {Interrupt::MachineTimer,       Interrupt::MachineSoftware,
                             Interrupt::MachineExternal,    Interrupt::SupervisorTimer,
                             Interrupt::SupervisorSoftware, Interrupt::SupervisorExternal};
  const unsigned line_count = has_setup ? 6 : 3;
  for (unsigned slice = 0; slice < 4; ++slice) {
    const RunResult r = hart.run(kSliceBudget);
    digest.add(static_cast<uint64_t>(r.reason));
    digest.add(r.retired);
    const uint8_t bits = data[(slice * 7 + 1) % size];
    for (unsigned i = 0; i < line_count; ++i)
      hart.set_interrupt(lines[i], ((bits >> ((slice + i) & 7)) & 1) != 0);
    if (slice == 0 && (events & 1)) {
      // What a kernel does between runs: another address space, other
      // MPRV/SUM/MXR (the CSR rules keep only legal values).
      hart.write_csr(csr::k_satp, later_satp);
      uint64_t mstatus = 0;
      hart.read_csr(csr::k_mstatus, mstatus);
      hart.write_csr(csr::k_mstatus, mstatus ^ (later_mstatus & 0xe0000));
    }
    if (slice == 1) {
      // Page-table walks need DMI (iss/src/mmu.cpp): with a setup record
      // the switch is the record's choice.
      if (!has_setup || (events & 4)) bus.dmi = !bus.dmi;
      if (events & 2) bus.relocate();
      hart.invalidate_dmi(kRamBase, kRamBase + kRamSize - 1);
    }
    if (slice == 2) {
      HartState state = hart.save_state();
      hart.reset();
      hart.restore_state(state);
    }
  }
  add_state(digest, hart.save_state());
  digest.add(bus.ram_accesses);
  for (size_t k = 0; k < kRamSize; k += 8) digest.add(read_ram(bus, kRamBase + k, 8));

  // Back to what a new hart is: reset, no host pointers, no decoded code
  // nor the record of where code was. run(0) retires nothing but frees the
  // decoded blocks now (reset only marks them for discarding; with no
  // instrumenter attached the run leaves nothing else behind), so that
  // what this input allocated is freed before it ends: libFuzzer takes an
  // input that leaves more allocations than it frees as a possible leak,
  // and runs it again under the leak checker.
  hart.reset();
  hart.invalidate_dmi(0, ~uint64_t{0});
  hart.invalidate_code(0, ~uint64_t{0});
  hart.run(0);
  return digest.value();
}

}  // namespace rvtlm::fuzzing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // libFuzzer calls this function once per input: the harts kept between
  // inputs can live nowhere else.
  static rvtlm::fuzzing::IssMachines machines;
  rvtlm::fuzzing::run_iss_input(data, size, &machines);
  return 0;
}
