// The hart's software TLB (iss/src/mmu.h) on a fake bus: host pointers are
// cached only where every later access may skip the checks (RAM granted by
// DMI, one PMP verdict for the page, no decoded code), and dropped whenever
// what they were derived from changes (sfence.vma, satp/SUM/MXR, DMI
// invalidation). Translation follows Privileged spec 20211203, 4.3.2.
#include "mmu.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/csr.h"

namespace rvtlm::test {
namespace {

using iss::AccessType;
using iss::AdPolicy;
using iss::BusAccess;
using iss::BusStatus;
using iss::MemFault;
namespace pte = iss::pte;

constexpr uint64_t kRam = 0x80000000;
constexpr uint64_t kRamSize = 0x100000;  // 1 MiB
constexpr uint64_t kMmio = 0x10000000;
constexpr uint64_t kMmioSize = 0x10000;
constexpr uint64_t kPage = 0x1000;

constexpr unsigned kU = 0;
constexpr unsigned kS = 1;
constexpr unsigned kM = 3;

// RAM at kRam (DMI for the whole of it unless switched off), a device at
// kMmio (never DMI; reads return 0x5a bytes). Every call of read()/write()
// is recorded. move_ram() gives the RAM a new host buffer, keeping the old
// one alive so that a write through a stale pointer shows up in it.
class FakeBus final : public iss::Bus {
 public:
  std::vector<uint8_t> ram = std::vector<uint8_t>(kRamSize);
  std::vector<std::vector<uint8_t>> old_buffers;
  bool dmi = true;
  unsigned dmi_requests = 0;
  std::vector<BusAccess> accesses;

  void move_ram() {
    old_buffers.push_back(std::move(ram));
    ram = old_buffers.back();
  }
  uint64_t peek(uint64_t addr, unsigned size) const {
    uint64_t v = 0;
    std::memcpy(&v, ram.data() + (addr - kRam), size);
    return v;
  }
  void poke(uint64_t addr, unsigned size, uint64_t value) {
    std::memcpy(ram.data() + (addr - kRam), &value, size);
  }

  BusStatus read(const BusAccess& a, void* data) override {
    accesses.push_back(a);
    // A walk may only reach memory (BusAccess::page_table).
    if (a.page_table && !in_ram(a)) return BusStatus::Error;
    if (in_ram(a)) {
      std::memcpy(data, ram.data() + (a.addr - kRam), a.size);
      return BusStatus::Ok;
    }
    if (in_mmio(a)) {
      std::memset(data, 0x5a, a.size);
      return BusStatus::Ok;
    }
    return BusStatus::Error;
  }
  BusStatus write(const BusAccess& a, const void* data) override {
    accesses.push_back(a);
    if (in_ram(a)) {
      std::memcpy(ram.data() + (a.addr - kRam), data, a.size);
      return BusStatus::Ok;
    }
    return in_mmio(a) ? BusStatus::Ok : BusStatus::Error;
  }
  bool request_dmi(uint64_t addr, AccessType, iss::DmiGrant& grant) override {
    ++dmi_requests;
    if (addr >= kRam && addr - kRam < kRamSize) {
      grant.start = kRam;
      grant.end = kRam + kRamSize - 1;
      if (!dmi) return false;
      grant.host = ram.data();
      grant.readable = grant.writable = true;
      return true;
    }
    if (addr >= kMmio && addr - kMmio < kMmioSize) {
      grant.start = kMmio;
      grant.end = kMmio + kMmioSize - 1;
    }
    return false;
  }

 private:
  static bool in_ram(const BusAccess& a) {
    return a.addr >= kRam && a.addr - kRam + a.size <= kRamSize;
  }
  static bool in_mmio(const BusAccess& a) {
    return a.addr >= kMmio && a.addr - kMmio + a.size <= kMmioSize;
  }
};

// The hart side of the coherence domain: forwards write-pointer drops to
// the MMU and records the rest.
class Member final : public iss::DomainMember {
 public:
  iss::Mmu* mmu = nullptr;
  unsigned discards = 0;
  std::vector<std::pair<uint64_t, unsigned>> broken;

  void drop_write_pointers(uint64_t page) override {
    if (mmu) mmu->drop_write_pointers(page);
  }
  void discard_decoded_code() override { ++discards; }
  void break_reservation(uint64_t addr, unsigned size) override { broken.emplace_back(addr, size); }
};

// Page tables in the fake RAM: a root page and table pages allocated after
// it as mappings need them (Privileged spec 4.3.1, 4.4.1, 4.5.1).
class PageTables {
 public:
  PageTables(FakeBus& bus, unsigned levels, unsigned pte_size, unsigned vpn_bits, uint64_t root)
      : bus_(bus),
        levels_(levels),
        pte_size_(pte_size),
        vpn_bits_(vpn_bits),
        root_(root),
        next_(root + kPage) {}

  static uint64_t entry(uint64_t pa, uint64_t flags) { return ((pa >> 12) << 10) | flags; }

  // Address of the PTE the walk for `va` reads at `level`, creating the
  // pointers to it from the root.
  uint64_t pte_addr(uint64_t va, unsigned level) {
    uint64_t table = root_;
    for (unsigned l = levels_ - 1; l > level; --l) {
      const uint64_t addr = table + vpn(va, l) * pte_size_;
      uint64_t e = bus_.peek(addr, pte_size_);
      if ((e & pte::kV) == 0) {
        e = entry(next_, pte::kV);
        next_ += kPage;
        bus_.poke(addr, pte_size_, e);
      }
      table = (e >> 10) << 12;
    }
    return table + vpn(va, level) * pte_size_;
  }
  uint64_t map(uint64_t va, uint64_t pa, uint64_t flags, unsigned level = 0) {
    const uint64_t addr = pte_addr(va, level);
    bus_.poke(addr, pte_size_, entry(pa, flags));
    return addr;
  }
  uint64_t read(uint64_t va, unsigned level = 0) {
    return bus_.peek(pte_addr(va, level), pte_size_);
  }

  uint64_t root() const { return root_; }

 private:
  uint64_t vpn(uint64_t va, unsigned level) const {
    return (va >> (12 + level * vpn_bits_)) & ((uint64_t{1} << vpn_bits_) - 1);
  }

  FakeBus& bus_;
  unsigned levels_;
  unsigned pte_size_;
  unsigned vpn_bits_;
  uint64_t root_;
  uint64_t next_;
};

uint64_t sv39(uint64_t root, uint64_t asid = 0) {
  return (uint64_t{8} << 60) | (asid << 44) | (root >> 12);
}
uint64_t sv32(uint64_t root) { return (uint64_t{1} << 31) | (root >> 12); }

constexpr uint64_t kRwAd = pte::kV | pte::kR | pte::kW | pte::kA | pte::kD;
constexpr uint64_t kRwxAd = kRwAd | pte::kX;

// Physical pages of the tests' data, apart from the page tables.
constexpr uint64_t kTables = kRam + 0x40000;
constexpr uint64_t kFrameA = kRam + 0x20000;
constexpr uint64_t kFrameB = kRam + 0x21000;
constexpr uint64_t kFrameC = kRam + 0x22000;
constexpr uint64_t kFrameD = kRam + 0x23000;

class MmuTest : public ::testing::Test {
 protected:
  // (Re)builds the MMU under test. `pmp_entries` 0 lets every privilege
  // access everything (Privileged spec 3.7.1: the no-match rule applies
  // only when some entry is implemented).
  void make(unsigned xlen = 64, AdPolicy ad = AdPolicy::Hardware, unsigned pmp_entries = 0) {
    mmu.reset();
    pmp_state = iss::PmpState{};
    pmp = std::make_unique<iss::Pmp>(pmp_state, pmp_entries, xlen);
    mmu = std::make_unique<iss::Mmu>(bus, domain, &self, 0, iss::MisalignedPolicy::Trap, *pmp, xlen,
                                     ad);
    self.mmu = mmu.get();
  }
  void SetUp() override {
    domain.attach(&self);
    make();
  }
  void TearDown() override {
    domain.detach(&self);
    self.mmu = nullptr;
  }

  // One context for loads, stores and fetches.
  void context(unsigned priv, uint64_t satp = 0, bool sum = false, bool mxr = false) {
    mmu->set_context(priv, priv, satp, sum, mxr);
  }

  bool load(uint64_t va, uint64_t& value, unsigned size = 8) {
    return mmu->load(va, size, value, 0, fault);
  }
  bool store(uint64_t va, uint64_t value, unsigned size = 8) {
    return mmu->store(va, size, value, 0, fault);
  }
  bool fast_load(uint64_t va, uint64_t& value) { return mmu->load_fast<uint64_t>(va, value); }
  bool fast_load(uint64_t va) {
    uint64_t v;
    return fast_load(va, v);
  }
  bool fast_store(uint64_t va, uint64_t value) { return mmu->store_fast<uint64_t>(va, value); }
  // Loads `va` through the slow path (a TLB miss fills the entry).
  void touch(uint64_t va) {
    uint64_t v;
    ASSERT_TRUE(load(va, v)) << std::hex << va << " cause " << fault.cause;
  }
  // Loads expected to fault: the cause (0 if the load succeeded).
  uint64_t load_fault(uint64_t va) {
    uint64_t v;
    fault = {};
    if (load(va, v)) return 0;
    EXPECT_EQ(fault.tval, va);
    return fault.cause;
  }
  uint64_t store_fault(uint64_t va) {
    fault = {};
    if (store(va, 0x5555)) return 0;
    EXPECT_EQ(fault.tval, va);
    return fault.cause;
  }
  uint64_t fetch_fault(uint64_t va) {
    uint64_t pa;
    fault = {};
    if (mmu->translate_fetch(va, pa, fault, 0)) return 0;
    EXPECT_EQ(fault.tval, va);
    return fault.cause;
  }

  // PMP entry `i` as NAPOT over [base, base + size) with permissions `perms`.
  void pmp_napot(unsigned i, uint64_t base, uint64_t size, uint8_t perms) {
    uint64_t cfg = 0;
    ASSERT_TRUE(pmp->read_cfg(0, cfg));
    cfg &= ~(uint64_t{0xff} << (8 * i));
    cfg |= uint64_t{static_cast<uint8_t>((iss::pmp::kNapot << iss::pmp::kAShift) | perms)}
           << (8 * i);
    ASSERT_TRUE(pmp->write_addr(i, (base >> 2) | ((size >> 3) - 1)));
    ASSERT_TRUE(pmp->write_cfg(0, cfg));
    mmu->flush();  // as the hart does after a PMP change
  }

  PageTables sv39_tables() { return PageTables(bus, 3, 8, 9, kTables); }

  FakeBus bus;
  iss::CoherenceDomain domain;
  Member self;
  iss::PmpState pmp_state;
  std::unique_ptr<iss::Pmp> pmp;
  std::unique_ptr<iss::Mmu> mmu;
  MemFault fault;
};

// ---- host pointers for RAM ------------------------------------------------------

TEST_F(MmuTest, SecondAccessToARamPageIsServedByTheFastPath) {
  const uint64_t a = kRam + 0x3008;
  bus.poke(a, 8, 0x1122334455667788);
  bus.poke(a + 8, 8, 0x0102030405060708);
  uint64_t v = 0;
  EXPECT_FALSE(fast_load(a, v));
  ASSERT_TRUE(load(a, v));
  EXPECT_EQ(v, 0x1122334455667788u);

  EXPECT_TRUE(fast_load(a + 8, v));
  EXPECT_EQ(v, 0x0102030405060708u);
  uint32_t w = 0;
  EXPECT_TRUE(mmu->load_fast<uint32_t>(a + 4, w));
  EXPECT_EQ(w, 0x11223344u);
  // A misaligned address never matches a tag; another page is another entry.
  EXPECT_FALSE(mmu->load_fast<uint32_t>(a + 2, w));
  EXPECT_FALSE(fast_load(a + kPage));

  // The load filled the write permission as well.
  EXPECT_TRUE(mmu->store_fast<uint16_t>(kRam + 0x3ffe, 0xbeef));
  EXPECT_EQ(bus.peek(kRam + 0x3ffe, 2), 0xbeefu);
  uint8_t* rmw = mmu->rmw_fast<uint8_t>(kRam + 0x3000);
  ASSERT_NE(rmw, nullptr);
  EXPECT_EQ(rmw, bus.ram.data() + 0x3000);
  EXPECT_TRUE(bus.accesses.empty());
}

TEST_F(MmuTest, StoreMissFillsTheEntryForLoadsToo) {
  const uint64_t a = kRam + 0x5010;
  EXPECT_FALSE(fast_store(a, 1));
  ASSERT_TRUE(store(a, 0xabcdef));
  EXPECT_EQ(bus.peek(a, 8), 0xabcdefu);
  uint64_t v = 0;
  EXPECT_TRUE(fast_load(a, v));
  EXPECT_EQ(v, 0xabcdefu);
  EXPECT_TRUE(fast_store(a + 8, 42));
  EXPECT_EQ(bus.peek(a + 8, 8), 42u);
  EXPECT_TRUE(bus.accesses.empty());
}

TEST_F(MmuTest, MemoryWithoutDmiIsNeverCached) {
  bus.dmi = false;
  const uint64_t a = kRam + 0x2000;
  bus.poke(a, 8, 77);
  for (int i = 0; i < 3; ++i) {
    uint64_t v = 0;
    EXPECT_FALSE(fast_load(a, v));
    ASSERT_TRUE(load(a, v));
    EXPECT_EQ(v, 77u);
    EXPECT_FALSE(fast_store(a, 1));
    ASSERT_TRUE(store(a, 77));
  }
  EXPECT_EQ(bus.accesses.size(), 6u);
  EXPECT_LE(bus.dmi_requests, 2u);  // the refusal named its range
}

TEST_F(MmuTest, PageWithoutOnePmpVerdictIsCheckedOnEveryAccess) {
  make(64, AdPolicy::Hardware, 16);
  // Entry 0: the upper half of one page is read-only; entry 1: the rest RWX.
  const uint64_t page = kRam + 0x6000;
  pmp_napot(0, page + 0x800, 0x800, iss::pmp::kR);
  pmp_napot(1, 0, uint64_t{1} << 56, iss::pmp::kR | iss::pmp::kW | iss::pmp::kX);
  context(kS);
  ASSERT_TRUE(pmp->check(page, 8, AccessType::Write, kS));
  ASSERT_FALSE(pmp->check(page + 0x800, 8, AccessType::Write, kS));

  for (int i = 0; i < 3; ++i) {
    touch(page);
    EXPECT_FALSE(fast_load(page));
    ASSERT_TRUE(store(page + 8, 9));
    EXPECT_FALSE(fast_store(page + 8, 9));
    EXPECT_FALSE(fast_store(page + 0x800, 9));
    EXPECT_EQ(store_fault(page + 0x800), iss::kCauseStoreAccessFault);
    touch(page + 0x800);
  }
  EXPECT_EQ(bus.peek(page + 0x800, 8), 0u);
  EXPECT_EQ(bus.peek(page + 8, 8), 9u);

  // The next page has one verdict and is cached.
  touch(page + kPage);
  EXPECT_TRUE(fast_load(page + kPage));
}

TEST_F(MmuTest, PageHoldingDecodedCodeGetsNoWritePointer) {
  const uint64_t page = kRam + 0x7000;
  touch(page);
  ASSERT_TRUE(fast_store(page + 8, 1));

  // A hart decodes an instruction in this page: stores must be reported.
  domain.add_code(page + 0x40, page + 0x44);
  EXPECT_FALSE(fast_store(page + 8, 2));
  EXPECT_TRUE(fast_load(page + 8));  // reading stays fast
  ASSERT_TRUE(store(page + 8, 3));   // another line of the page: no code hit
  EXPECT_EQ(self.discards, 0u);
  EXPECT_FALSE(fast_store(page + 8, 4));
  ASSERT_TRUE(store(page + 0x40, 5));  // the decoded line
  EXPECT_EQ(self.discards, 1u);
  EXPECT_EQ(bus.peek(page + 0x40, 8), 5u);

  // Code decoded before the first access: the fill leaves the pointer out.
  const uint64_t code = kRam + 0x9000;
  domain.add_code(code + 0x100, code + 0x102);
  touch(code);
  EXPECT_TRUE(fast_load(code));
  EXPECT_FALSE(fast_store(code, 1));
  ASSERT_TRUE(store(code + 0x100, 0x13));
  EXPECT_EQ(self.discards, 2u);
}

TEST_F(MmuTest, StoresToAReservedPageReachTheOtherHarts) {
  Member other;
  domain.attach(&other);
  const uint64_t page = kRam + 0xa000;
  touch(page);
  ASSERT_TRUE(fast_store(page, 1));
  domain.add_reservation(page + 0x20);
  EXPECT_FALSE(fast_store(page + 0x20, 2));
  ASSERT_TRUE(store(page + 0x20, 2, 4));
  ASSERT_EQ(other.broken.size(), 1u);
  EXPECT_EQ(other.broken[0], std::make_pair(page + 0x20, 4u));
  EXPECT_TRUE(self.broken.empty());  // the writer's own reservation is its business
  domain.remove_reservation(page + 0x20);
  domain.detach(&other);
}

// ---- flushes ----------------------------------------------------------------------

TEST_F(MmuTest, FlushVirtualDropsSupervisorAndUserEntriesButKeepsMachine) {
  context(kM);
  touch(kRam + 0x1000);
  context(kS);
  touch(kRam + 0x2000);
  context(kU);
  touch(kRam + 0x3000);
  // Each privilege has its own set.
  EXPECT_FALSE(fast_load(kRam + 0x1000));
  EXPECT_TRUE(fast_load(kRam + 0x3000));
  context(kS);
  EXPECT_TRUE(fast_load(kRam + 0x2000));
  context(kM);
  EXPECT_TRUE(fast_load(kRam + 0x1000));

  mmu->flush_virtual();
  EXPECT_TRUE(fast_load(kRam + 0x1000));
  context(kS);
  EXPECT_FALSE(fast_load(kRam + 0x2000));
  context(kU);
  EXPECT_FALSE(fast_load(kRam + 0x3000));

  // flush() (PMP change, DMI invalidation) drops machine entries too.
  context(kM);
  mmu->flush();
  EXPECT_FALSE(fast_load(kRam + 0x1000));
}

TEST_F(MmuTest, SatpSumAndMxrChangesFlushButPrivilegeChangesDoNot) {
  context(kS);
  touch(kRam + 0x2000);
  context(kU);
  context(kS);
  EXPECT_TRUE(fast_load(kRam + 0x2000));
  context(kS, 0, true);
  EXPECT_FALSE(fast_load(kRam + 0x2000));
  touch(kRam + 0x2000);
  context(kS, 0, true, true);
  EXPECT_FALSE(fast_load(kRam + 0x2000));
}

TEST_F(MmuTest, FlushVirtualPageDropsThatPageOnly) {
  PageTables pt = sv39_tables();
  const uint64_t va_a = 0x40001000;
  const uint64_t va_b = 0x40002000;
  const uint64_t pte_a = pt.map(va_a, kFrameA, kRwxAd);
  const uint64_t pte_b = pt.map(va_b, kFrameB, kRwxAd);
  bus.poke(kFrameA, 8, 0xa);
  bus.poke(kFrameB, 8, 0xb);
  bus.poke(kFrameC, 8, 0xc);
  bus.poke(kFrameD, 8, 0xd);
  context(kS, sv39(pt.root()));
  touch(va_a);
  touch(va_b);
  uint64_t pa = 0;
  ASSERT_TRUE(mmu->translate_fetch(va_a + 4, pa, fault, 0));
  EXPECT_EQ(pa, kFrameA + 4);
  ASSERT_TRUE(mmu->translate_fetch(va_b + 4, pa, fault, 0));
  EXPECT_EQ(pa, kFrameB + 4);

  // Remap both pages; only the one named by the flush sees it.
  bus.poke(pte_a, 8, PageTables::entry(kFrameC, kRwxAd));
  bus.poke(pte_b, 8, PageTables::entry(kFrameD, kRwxAd));
  mmu->flush_virtual_page(va_a + 0x123);
  uint64_t v = 0;
  EXPECT_FALSE(fast_load(va_a, v));
  ASSERT_TRUE(load(va_a, v));
  EXPECT_EQ(v, 0xcu);
  ASSERT_TRUE(fast_load(va_b, v));
  EXPECT_EQ(v, 0xbu);  // the stale translation is still cached
  ASSERT_TRUE(mmu->translate_fetch(va_a, pa, fault, 0));
  EXPECT_EQ(pa, kFrameC);
  ASSERT_TRUE(mmu->translate_fetch(va_b, pa, fault, 0));
  EXPECT_EQ(pa, kFrameB);

  mmu->flush_virtual();
  ASSERT_TRUE(load(va_b, v));
  EXPECT_EQ(v, 0xdu);
  ASSERT_TRUE(mmu->translate_fetch(va_b, pa, fault, 0));
  EXPECT_EQ(pa, kFrameD);
}

TEST_F(MmuTest, FlushVirtualPageInsideACachedSuperpageDropsEverything) {
  PageTables pt = sv39_tables();
  const uint64_t mega = 0x40200000;  // a 2 MiB page onto the start of RAM
  pt.map(mega, kRam, kRwxAd, 1);
  const uint64_t va_a = 0x40001000;
  pt.map(va_a, kFrameA, kRwxAd);
  context(kS, sv39(pt.root()));

  touch(mega + 0x3000);
  touch(va_a);
  uint64_t v = 0;
  bus.poke(kRam + 0x3000, 8, 0x33);
  ASSERT_TRUE(fast_load(mega + 0x3000, v));
  EXPECT_EQ(v, 0x33u);

  // An address outside the superpage: the superpage's pieces stay.
  mmu->flush_virtual_page(va_a);
  EXPECT_FALSE(fast_load(va_a));
  EXPECT_TRUE(fast_load(mega + 0x3000));
  touch(va_a);

  // A piece of the superpage that was never cached sits at another index
  // than the cached piece: only a full flush is safe.
  mmu->flush_virtual_page(mega + 0x5000);
  EXPECT_FALSE(fast_load(mega + 0x3000));
  EXPECT_FALSE(fast_load(va_a));
}

// ---- translation --------------------------------------------------------------------

TEST_F(MmuTest, Sv39LoadSetsAccessedAndTheFirstStoreWalksAgainToSetDirty) {
  PageTables pt = sv39_tables();
  const uint64_t va = 0x0000002000123000;
  const uint64_t pte_addr = pt.map(va, kFrameA, pte::kV | pte::kR | pte::kW);
  bus.poke(kFrameA + 0x18, 8, 0x600d);
  context(kS, sv39(pt.root(), 7));

  uint64_t v = 0;
  ASSERT_TRUE(load(va + 0x18, v));
  EXPECT_EQ(v, 0x600du);
  EXPECT_EQ(bus.peek(pte_addr, 8),
            PageTables::entry(kFrameA, pte::kV | pte::kR | pte::kW | pte::kA));
  EXPECT_TRUE(fast_load(va + 0x18));
  // D is clear: a store through a cached pointer would leave it clear.
  EXPECT_FALSE(fast_store(va + 0x18, 1));
  ASSERT_TRUE(store(va + 0x18, 0xd1d));
  EXPECT_EQ(bus.peek(pte_addr, 8), PageTables::entry(kFrameA, kRwAd));
  EXPECT_EQ(bus.peek(kFrameA + 0x18, 8), 0xd1du);
  EXPECT_TRUE(fast_store(va + 0x20, 0xe));
  EXPECT_EQ(bus.peek(kFrameA + 0x20, 8), 0xeu);
  EXPECT_TRUE(bus.accesses.empty());  // tables and data both through DMI

  // Unmapped, and not canonical (4.4.1: bits 63:39 equal bit 38).
  EXPECT_EQ(load_fault(va + 0x10000000), iss::kCauseLoadPageFault);
  EXPECT_EQ(store_fault(va + 0x10000000), iss::kCauseStorePageFault);
  EXPECT_EQ(fetch_fault(va + 0x10000000), iss::kCauseInsnPageFault);
  EXPECT_EQ(load_fault(va | (uint64_t{1} << 40)), iss::kCauseLoadPageFault);
  // Not executable.
  EXPECT_EQ(fetch_fault(va), iss::kCauseInsnPageFault);
}

TEST_F(MmuTest, WithAdFaultsAClearBitIsAPageFaultAndThePteStaysUnchanged) {
  make(64, AdPolicy::Fault);
  PageTables pt = sv39_tables();
  const uint64_t va_a = 0x40001000;
  const uint64_t va_b = 0x40002000;
  const uint64_t pte_a = pt.map(va_a, kFrameA, pte::kV | pte::kR | pte::kW);
  const uint64_t pte_b = pt.map(va_b, kFrameB, pte::kV | pte::kR | pte::kW | pte::kA);
  context(kS, sv39(pt.root()));
  EXPECT_EQ(load_fault(va_a), iss::kCauseLoadPageFault);
  EXPECT_EQ(bus.peek(pte_a, 8), PageTables::entry(kFrameA, pte::kV | pte::kR | pte::kW));
  touch(va_b);
  EXPECT_FALSE(fast_store(va_b, 1));
  EXPECT_EQ(store_fault(va_b), iss::kCauseStorePageFault);
  EXPECT_EQ(bus.peek(pte_b, 8), PageTables::entry(kFrameB, pte::kV | pte::kR | pte::kW | pte::kA));
  EXPECT_EQ(bus.peek(kFrameB, 8), 0u);
}

TEST_F(MmuTest, MprvTranslatesDataButNotFetches) {
  PageTables pt = sv39_tables();
  const uint64_t va = 0x40005000;
  pt.map(va, kFrameA, kRwAd);
  bus.poke(kFrameA, 8, 0x5a5a);
  // Privileged spec 3.1.6.3: M-mode with MPRV = 1 and MPP = S.
  mmu->set_context(kS, kM, sv39(pt.root()), false, false);
  uint64_t v = 0;
  ASSERT_TRUE(load(va, v));
  EXPECT_EQ(v, 0x5a5au);
  uint64_t pa = 0;
  ASSERT_TRUE(mmu->translate_fetch(kRam + 0x100, pa, fault, 0));
  EXPECT_EQ(pa, kRam + 0x100);
  EXPECT_FALSE(mmu->translating_fetch());

  // MPRV cleared: the same address is physical, where nothing answers.
  mmu->set_context(kM, kM, sv39(pt.root()), false, false);
  EXPECT_FALSE(fast_load(va));
  EXPECT_EQ(load_fault(va), iss::kCauseLoadAccessFault);
}

TEST_F(MmuTest, SumDecidesSupervisorAccessToUserPagesAndIsNeverCachedAcross) {
  PageTables pt = sv39_tables();
  const uint64_t user = 0x40007000;
  const uint64_t super = 0x40008000;
  pt.map(user, kFrameA, kRwxAd | pte::kU);
  pt.map(super, kFrameB, kRwxAd);
  const uint64_t satp = sv39(pt.root());

  context(kS, satp, false);
  EXPECT_EQ(load_fault(user), iss::kCauseLoadPageFault);
  EXPECT_EQ(store_fault(user), iss::kCauseStorePageFault);
  context(kS, satp, true);
  touch(user);
  ASSERT_TRUE(store(user, 3));
  EXPECT_TRUE(fast_load(user));
  // S-mode never executes user pages, SUM or not (4.3.1).
  EXPECT_EQ(fetch_fault(user), iss::kCauseInsnPageFault);

  context(kS, satp, false);
  EXPECT_FALSE(fast_load(user));
  EXPECT_FALSE(fast_store(user, 4));
  EXPECT_EQ(load_fault(user), iss::kCauseLoadPageFault);

  // User mode: its own pages only.
  context(kU, satp, true);
  touch(user);
  EXPECT_EQ(fetch_fault(user), 0u);
  EXPECT_EQ(load_fault(super), iss::kCauseLoadPageFault);
  EXPECT_EQ(fetch_fault(super), iss::kCauseInsnPageFault);
}

TEST_F(MmuTest, MxrMakesExecuteOnlyPagesReadableAndIsNeverCachedAcross) {
  PageTables pt = sv39_tables();
  const uint64_t va = 0x40009000;
  pt.map(va, kFrameA, pte::kV | pte::kX | pte::kA);
  bus.poke(kFrameA + 8, 8, 0x3c3c);
  const uint64_t satp = sv39(pt.root());

  context(kS, satp, false, false);
  EXPECT_EQ(load_fault(va + 8), iss::kCauseLoadPageFault);
  EXPECT_EQ(fetch_fault(va), 0u);
  context(kS, satp, false, true);
  uint64_t v = 0;
  ASSERT_TRUE(load(va + 8, v));
  EXPECT_EQ(v, 0x3c3cu);
  EXPECT_TRUE(fast_load(va + 8));
  EXPECT_EQ(store_fault(va + 8), iss::kCauseStorePageFault);
  context(kS, satp, false, false);
  EXPECT_FALSE(fast_load(va + 8));
  EXPECT_EQ(load_fault(va + 8), iss::kCauseLoadPageFault);
}

TEST_F(MmuTest, WalkThatReadsAPteOutsideRamIsAnAccessFault) {
  // Root table in the device: the walk's first read has no RAM behind it.
  context(kS, sv39(kMmio));
  EXPECT_EQ(load_fault(0x40001000), iss::kCauseLoadAccessFault);
  EXPECT_EQ(store_fault(0x40001000), iss::kCauseStoreAccessFault);
  EXPECT_EQ(fetch_fault(0x40001000), iss::kCauseInsnAccessFault);

  // A pointer PTE into the device, one level down.
  PageTables pt = sv39_tables();
  pt.pte_addr(0x40001000, 1);  // creates the level-2 pointer
  bus.poke(pt.pte_addr(0x40001000, 1), 8, PageTables::entry(kMmio, pte::kV));
  context(kS, sv39(pt.root()));
  EXPECT_EQ(load_fault(0x40001000), iss::kCauseLoadAccessFault);
  EXPECT_EQ(store_fault(0x40001000), iss::kCauseStoreAccessFault);
  EXPECT_EQ(fetch_fault(0x40001000), iss::kCauseInsnAccessFault);
  // The walk's accesses to the device were page-table accesses (which the
  // bus refuses), never plain reads the device would answer.
  for (const BusAccess& a : bus.accesses)
    if (a.addr >= kMmio && a.addr < kMmio + kMmioSize) {
      EXPECT_TRUE(a.page_table);
    }
}

TEST_F(MmuTest, WalkThatPmpForbidsIsAnAccessFaultAlsoUnderMprv) {
  make(64, AdPolicy::Hardware, 16);
  PageTables pt = sv39_tables();
  const uint64_t va = 0x40003000;
  pt.map(va, kFrameA, kRwAd);
  // Entry 0: the root table readable by M only; entry 1: everything RWX.
  pmp_napot(0, kTables, kPage, 0);
  pmp_napot(1, 0, uint64_t{1} << 56, iss::pmp::kR | iss::pmp::kW | iss::pmp::kX);
  context(kS, sv39(pt.root()));
  EXPECT_EQ(load_fault(va), iss::kCauseLoadAccessFault);
  EXPECT_EQ(store_fault(va), iss::kCauseStoreAccessFault);
  EXPECT_EQ(fetch_fault(va), iss::kCauseInsnAccessFault);
  // Privileged spec 3.7.1: implicit page-table accesses are S-mode accesses,
  // whatever privilege made the explicit one.
  mmu->set_context(kS, kM, sv39(pt.root()), false, false);
  EXPECT_EQ(load_fault(va), iss::kCauseLoadAccessFault);
}

TEST_F(MmuTest, Sv32MegapageAndPageTranslate) {
  make(32);
  PageTables pt(bus, 2, 4, 10, kTables);
  const uint64_t mega = 0x00400000;  // 4 MiB onto the start of RAM
  pt.map(mega, kRam, kRwAd, 1);
  const uint64_t va = 0x00801000;
  const uint64_t pte_addr = pt.map(va, kFrameB, pte::kV | pte::kR | pte::kW | pte::kU);
  bus.poke(kRam + 0x2340, 4, 0x12345678);
  bus.poke(kFrameB + 4, 4, 0x9abc);
  context(kS, sv32(pt.root()), true);
  uint64_t v = 0;
  ASSERT_TRUE(load(mega + 0x2340, v, 4));
  EXPECT_EQ(v, 0x12345678u);
  ASSERT_TRUE(load(va + 4, v, 4));
  EXPECT_EQ(v, 0x9abcu);
  EXPECT_EQ(bus.peek(pte_addr, 4),
            PageTables::entry(kFrameB, pte::kV | pte::kR | pte::kW | pte::kU | pte::kA));
  uint32_t w = 0;
  EXPECT_TRUE(mmu->load_fast<uint32_t>(mega + 0x2340, w));
  EXPECT_EQ(w, 0x12345678u);
  mmu->flush_virtual_page(mega + 0x100000);
  EXPECT_FALSE(fast_load(mega + 0x2340));
  // A megapage whose PPN is not aligned is misaligned (4.3.2 step 6).
  pt.map(0x00c00000, kRam + 0x1000, kRwAd, 1);
  EXPECT_EQ(load_fault(0x00c00000), iss::kCauseLoadPageFault);
}

// ---- DMI invalidation -------------------------------------------------------------------

TEST_F(MmuTest, InvalidatedHostPointerIsNeverUsedAgain) {
  const uint64_t a = kRam + 0x4000;
  bus.poke(a, 8, 1);
  touch(a);
  ASSERT_TRUE(fast_store(a, 2));
  ASSERT_EQ(bus.peek(a, 8), 2u);

  bus.move_ram();
  bus.poke(a, 8, 3);  // only the new buffer holds 3
  mmu->invalidate_dmi(kRam, kRam + kRamSize - 1);
  EXPECT_FALSE(fast_store(a, 4));
  uint64_t v = 0;
  EXPECT_FALSE(fast_load(a, v));
  ASSERT_TRUE(load(a, v));
  EXPECT_EQ(v, 3u);
  ASSERT_TRUE(store(a + 8, 5));
  EXPECT_TRUE(fast_store(a + 16, 6));
  EXPECT_EQ(bus.peek(a + 8, 8), 5u);
  EXPECT_EQ(bus.peek(a + 16, 8), 6u);
  const std::vector<uint8_t>& old = bus.old_buffers.at(0);
  uint64_t stale[3];
  std::memcpy(stale, old.data() + (a - kRam), sizeof stale);
  EXPECT_EQ(stale[0], 2u);
  EXPECT_EQ(stale[1], 0u);
  EXPECT_EQ(stale[2], 0u);
}

TEST_F(MmuTest, RevocationWithoutANewGrantSendsEverythingToTheBus) {
  const uint64_t a = kRam + 0x4000;
  touch(a);
  ASSERT_TRUE(fast_store(a, 2));
  bus.move_ram();
  bus.dmi = false;
  mmu->invalidate_dmi(a, a + 7);
  EXPECT_FALSE(fast_store(a, 4));
  ASSERT_TRUE(store(a, 7));
  uint64_t v = 0;
  ASSERT_TRUE(load(a, v));
  EXPECT_EQ(v, 7u);
  EXPECT_EQ(bus.accesses.size(), 2u);
  EXPECT_EQ(bus.old_buffers.at(0)[a - kRam], 2u);
}

TEST_F(MmuTest, WalkAfterInvalidationReadsTheNewBuffer) {
  PageTables pt = sv39_tables();
  const uint64_t va = 0x40001000;
  const uint64_t pte_addr = pt.map(va, kFrameA, kRwAd);
  bus.poke(kFrameA, 8, 0xa);
  bus.poke(kFrameB, 8, 0xb);
  context(kS, sv39(pt.root()));
  uint64_t v = 0;
  ASSERT_TRUE(load(va, v));
  EXPECT_EQ(v, 0xau);

  // The new backing maps the page elsewhere; the old one is unchanged.
  bus.move_ram();
  bus.poke(pte_addr, 8, PageTables::entry(kFrameB, kRwAd));
  mmu->invalidate_dmi(kRam, kRam + kRamSize - 1);
  ASSERT_TRUE(load(va, v));
  EXPECT_EQ(v, 0xbu);
  ASSERT_TRUE(store(va + 8, 0xbb));
  EXPECT_EQ(bus.peek(kFrameB + 8, 8), 0xbbu);
  uint64_t old_value = 0;
  std::memcpy(&old_value, bus.old_buffers.at(0).data() + (kFrameA + 8 - kRam), 8);
  EXPECT_EQ(old_value, 0u);
}

}  // namespace
}  // namespace rvtlm::test
