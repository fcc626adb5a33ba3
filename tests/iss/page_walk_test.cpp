// The Sv32/Sv39/Sv48 page-table walk (Privileged spec 4.3.2) against page
// tables built in a fake physical memory.
#include "page_walk.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

namespace rvtlm::test {
namespace {

using iss::AccessType;
using iss::AdPolicy;
using iss::SatpMode;
using iss::WalkRequest;
using iss::WalkResult;
namespace pte = iss::pte;

constexpr uint64_t kV = pte::kV;
constexpr uint64_t kR = pte::kR;
constexpr uint64_t kW = pte::kW;
constexpr uint64_t kX = pte::kX;
constexpr uint64_t kU = pte::kU;
constexpr uint64_t kG = pte::kG;
constexpr uint64_t kA = pte::kA;
constexpr uint64_t kD = pte::kD;
constexpr uint64_t kRwx = kR | kW | kX;
constexpr uint64_t kAd = kA | kD;

constexpr AccessType kTypes[] = {AccessType::Read, AccessType::Write, AccessType::Fetch};

uint64_t page_fault(AccessType t) {
  return t == AccessType::Fetch ? 12 : t == AccessType::Write ? 15 : 13;
}
uint64_t access_fault(AccessType t) {
  return t == AccessType::Fetch ? 1 : t == AccessType::Write ? 7 : 5;
}

// Physical memory holding page tables; records every PTE access and fails
// the ones at chosen addresses.
class FakeMemory : public iss::PageTableMemory {
 public:
  struct Access {
    uint64_t addr;
    unsigned size;
    uint64_t value;
  };

  bool read_pte(uint64_t paddr, unsigned size, uint64_t& value) override {
    reads.push_back({paddr, size, 0});
    if (fail_read.count(paddr) != 0) return false;
    value = load(paddr, size);
    if (sign_extend_words && size == 4)
      value = static_cast<uint64_t>(int64_t{static_cast<int32_t>(value)});
    reads.back().value = value;
    return true;
  }
  bool write_pte(uint64_t paddr, unsigned size, uint64_t value) override {
    writes.push_back({paddr, size, value});
    if (fail_write.count(paddr) != 0) return false;
    store(paddr, size, value);
    return true;
  }

  uint64_t load(uint64_t addr, unsigned size) const {
    uint64_t v = 0;
    for (unsigned i = 0; i < size; ++i) {
      const auto it = bytes.find(addr + i);
      if (it != bytes.end()) v |= uint64_t{it->second} << (8 * i);
    }
    return v;
  }
  void store(uint64_t addr, unsigned size, uint64_t value) {
    for (unsigned i = 0; i < size; ++i) bytes[addr + i] = static_cast<uint8_t>(value >> (8 * i));
  }
  void clear_log() {
    reads.clear();
    writes.clear();
  }

  std::map<uint64_t, uint8_t> bytes;
  std::set<uint64_t> fail_read;
  std::set<uint64_t> fail_write;
  std::vector<Access> reads;
  std::vector<Access> writes;
  // Return 4-byte PTEs sign-extended, as a hart's 32-bit load might.
  bool sign_extend_words = false;
};

struct Layout {
  unsigned levels;
  unsigned pte_size;
  unsigned vpn_bits;
};
constexpr Layout kSv32{2, 4, 10};
constexpr Layout kSv39{3, 8, 9};
constexpr Layout kSv48{4, 8, 9};

uint64_t leaf(uint64_t pa, uint64_t flags) { return ((pa >> 12) << 10) | flags; }

// Builds page tables in a FakeMemory: a root page and further table pages
// allocated after it as the mappings need them.
class PageTables {
 public:
  PageTables(FakeMemory& memory, Layout layout, uint64_t root)
      : memory_(memory), layout_(layout), root_(root), next_(root + 0x1000) {}

  uint64_t vpn(uint64_t va, unsigned level) const {
    return (va >> (12 + level * layout_.vpn_bits)) & ((uint64_t{1} << layout_.vpn_bits) - 1);
  }

  // Address of the PTE that maps `va` at `level`, creating the pointers to
  // it from the root.
  uint64_t pte_addr(uint64_t va, unsigned level) {
    uint64_t table = root_;
    for (unsigned l = layout_.levels - 1; l > level; --l) {
      const uint64_t addr = table + vpn(va, l) * layout_.pte_size;
      uint64_t entry = memory_.load(addr, layout_.pte_size);
      if ((entry & kV) == 0) {
        entry = leaf(next_, kV);
        next_ += 0x1000;
        memory_.store(addr, layout_.pte_size, entry);
      }
      table = (entry >> 10) << 12;
    }
    return table + vpn(va, level) * layout_.pte_size;
  }

  // Puts `entry` where the walk for `va` looks at `level`; returns its address.
  uint64_t set(uint64_t va, unsigned level, uint64_t entry) {
    const uint64_t addr = pte_addr(va, level);
    memory_.store(addr, layout_.pte_size, entry);
    return addr;
  }

  uint64_t root() const { return root_; }

 private:
  FakeMemory& memory_;
  Layout layout_;
  uint64_t root_;
  uint64_t next_;
};

constexpr uint64_t kRoot = 0x80000000;

uint64_t sv39_satp(uint64_t root, uint64_t asid = 0) {
  return (uint64_t{8} << 60) | (asid << 44) | (root >> 12);
}
uint64_t sv48_satp(uint64_t root) { return (uint64_t{9} << 60) | (root >> 12); }
uint64_t sv32_satp(uint64_t root) { return (uint64_t{1} << 31) | (root >> 12); }

WalkRequest request(uint64_t satp, uint64_t va, AccessType type, unsigned priv = 1,
                    unsigned xlen = 64) {
  WalkRequest r;
  r.satp = satp;
  r.vaddr = va;
  r.type = type;
  r.priv = priv;
  r.xlen = xlen;
  return r;
}

TEST(PageWalk, Sv39FourKilobytePageTranslatesAndReportsWhatItRead) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  const uint64_t va = 0x0000001234567abc;
  const uint64_t leaf_addr = pt.set(va, 0, leaf(0x887654000, kV | kRwx | kG | kAd));
  const WalkResult r = iss::walk(request(sv39_satp(kRoot, 0x55), va, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.cause, 0u);
  EXPECT_EQ(r.paddr, 0x887654abcu);
  EXPECT_EQ(r.page_shift, 12u);
  EXPECT_EQ(r.pte_flags, kV | kRwx | kG | kAd);
  EXPECT_TRUE(r.readable);
  EXPECT_TRUE(r.writable);
  EXPECT_TRUE(r.executable);
  ASSERT_EQ(mem.reads.size(), 3u);
  EXPECT_EQ(mem.reads[0].addr, kRoot + ((va >> 30) & 0x1ff) * 8);
  EXPECT_EQ(mem.reads[0].size, 8u);
  EXPECT_EQ(mem.reads[1].addr & 0xfff, ((va >> 21) & 0x1ff) * 8);
  EXPECT_EQ(mem.reads[2].addr, leaf_addr);
  EXPECT_TRUE(mem.writes.empty());
}

TEST(PageWalk, HardwarePolicySetsAccessedOnReadAndDirtyOnStore) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  const uint64_t va = 0x5000;
  const uint64_t entry = leaf(0x90000000, kV | kR | kW);
  const uint64_t addr = pt.set(va, 0, entry);

  WalkResult r = iss::walk(request(sv39_satp(kRoot), va, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(mem.writes.size(), 1u);
  EXPECT_EQ(mem.writes[0].addr, addr);
  EXPECT_EQ(mem.writes[0].size, 8u);
  EXPECT_EQ(mem.writes[0].value, entry | kA);
  EXPECT_EQ(r.pte_flags, kV | kR | kW | kA);
  EXPECT_TRUE(r.readable);
  EXPECT_FALSE(r.writable);  // D still clear: the first store must walk again
  EXPECT_FALSE(r.executable);

  mem.clear_log();
  r = iss::walk(request(sv39_satp(kRoot), va, AccessType::Write), mem);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(mem.writes.size(), 1u);
  EXPECT_EQ(mem.writes[0].value, entry | kAd);
  EXPECT_EQ(mem.load(addr, 8), entry | kAd);
  EXPECT_EQ(r.pte_flags, kV | kR | kW | kAd);
  EXPECT_TRUE(r.writable);

  mem.clear_log();
  r = iss::walk(request(sv39_satp(kRoot), va, AccessType::Write), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(mem.writes.empty());

  // A store to a fresh page sets A and D in one write.
  const uint64_t fresh = leaf(0x91000000, kV | kR | kW);
  const uint64_t fresh_addr = pt.set(0x6000, 0, fresh);
  mem.clear_log();
  r = iss::walk(request(sv39_satp(kRoot), 0x6008, AccessType::Write), mem);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(mem.writes.size(), 1u);
  EXPECT_EQ(mem.writes[0].addr, fresh_addr);
  EXPECT_EQ(mem.writes[0].value, fresh | kAd);

  // A fetch sets A only.
  const uint64_t code = leaf(0x92000000, kV | kX);
  pt.set(0x7000, 0, code);
  mem.clear_log();
  r = iss::walk(request(sv39_satp(kRoot), 0x7000, AccessType::Fetch), mem);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(mem.writes.size(), 1u);
  EXPECT_EQ(mem.writes[0].value, code | kA);
  EXPECT_TRUE(r.executable);
  EXPECT_FALSE(r.readable);
}

TEST(PageWalk, FaultPolicyFaultsOnClearAccessedOrDirty) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kRwx));
  pt.set(0x2000, 0, leaf(0x90001000, kV | kRwx | kA));
  pt.set(0x3000, 0, leaf(0x90002000, kV | kRwx | kAd));
  for (AccessType t : kTypes) {
    WalkRequest q = request(sv39_satp(kRoot), 0x1000, t);
    q.ad = AdPolicy::Fault;
    const WalkResult r = iss::walk(q, mem);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.cause, page_fault(t));
  }
  WalkRequest q = request(sv39_satp(kRoot), 0x2000, AccessType::Read);
  q.ad = AdPolicy::Fault;
  WalkResult r = iss::walk(q, mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.readable);
  EXPECT_FALSE(r.writable);
  q.type = AccessType::Fetch;
  EXPECT_TRUE(iss::walk(q, mem).ok);
  q.type = AccessType::Write;
  r = iss::walk(q, mem);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.cause, 15u);
  q.vaddr = 0x3000;
  r = iss::walk(q, mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.writable);
  EXPECT_EQ(r.paddr, 0x90002000u);
  EXPECT_TRUE(mem.writes.empty());
}

TEST(PageWalk, Sv39GigapageAndMegapageKeepTheOffsetBitsOfTheAddress) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x3fc1234567, 2, leaf(0x140000000, kV | kR | kAd));
  WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x3fc1234567, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x141234567u);
  EXPECT_EQ(r.page_shift, 30u);
  EXPECT_EQ(mem.reads.size(), 1u);

  mem.clear_log();
  pt.set(0x40601234, 1, leaf(0x80200000, kV | kR | kX | kAd));
  r = iss::walk(request(sv39_satp(kRoot), 0x40601234, AccessType::Fetch), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x80201234u);
  EXPECT_EQ(r.page_shift, 21u);
  EXPECT_EQ(mem.reads.size(), 2u);
}

TEST(PageWalk, Sv48TerapageAndFourLevelWalk) {
  FakeMemory mem;
  PageTables pt(mem, kSv48, kRoot);
  pt.set(0x123456789abc, 3, leaf(0x10000000000, kV | kR | kW | kAd));
  WalkResult r = iss::walk(request(sv48_satp(kRoot), 0x123456789abc, AccessType::Write), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x13456789abcu);
  EXPECT_EQ(r.page_shift, 39u);
  EXPECT_EQ(mem.reads.size(), 1u);

  mem.clear_log();
  const uint64_t va = 0x7f0123456789;
  const uint64_t leaf_addr = pt.set(va, 0, leaf(0xfedcba987000, kV | kR | kAd));
  r = iss::walk(request(sv48_satp(kRoot), va, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0xfedcba987789u);
  EXPECT_EQ(r.page_shift, 12u);
  ASSERT_EQ(mem.reads.size(), 4u);
  EXPECT_EQ(mem.reads[0].addr, kRoot + ((va >> 39) & 0x1ff) * 8);
  EXPECT_EQ(mem.reads[3].addr, leaf_addr);

  // Sv48's gigapages and megapages.
  pt.set(0x7f8040201234, 2, leaf(0x3c0000000, kV | kR | kAd));
  r = iss::walk(request(sv48_satp(kRoot), 0x7f8040201234, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x3c0201234u);
  EXPECT_EQ(r.page_shift, 30u);
}

TEST(PageWalk, Sv32MegapageAndPageReachThirtyFourBitPhysicalAddresses) {
  FakeMemory mem;
  PageTables pt(mem, kSv32, kRoot);
  pt.set(0xc0651234, 1, leaf(0x300400000, kV | kR | kW | kAd));
  WalkResult r = iss::walk(request(sv32_satp(kRoot), 0xc0651234, AccessType::Write, 1, 32), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x300651234u);
  EXPECT_EQ(r.page_shift, 22u);
  ASSERT_EQ(mem.reads.size(), 1u);
  EXPECT_EQ(mem.reads[0].addr, kRoot + (0xc0651234u >> 22) * 4);
  EXPECT_EQ(mem.reads[0].size, 4u);

  mem.clear_log();
  const uint64_t entry = leaf(0x2fffff000, kV | kR | kX | kU);
  const uint64_t leaf_addr = pt.set(0x5abc, 0, entry);
  r = iss::walk(request(sv32_satp(kRoot), 0x5abc, AccessType::Fetch, 0, 32), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x2fffffabcu);
  EXPECT_EQ(r.page_shift, 12u);
  ASSERT_EQ(mem.reads.size(), 2u);
  EXPECT_EQ(mem.reads[1].addr, leaf_addr);
  ASSERT_EQ(mem.writes.size(), 1u);
  EXPECT_EQ(mem.writes[0].size, 4u);
  EXPECT_EQ(mem.writes[0].value, entry | kA);

  // RV32 addresses are 32 bits: bits above are not part of the address.
  r = iss::walk(request(sv32_satp(kRoot), 0xffffffff00005abc, AccessType::Read, 0, 32), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x2fffffabcu);
  r = iss::walk(request(0, 0xffffffff80001234, AccessType::Read, 1, 32), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x80001234u);

  // Only the 32 bits of an Sv32 PTE count, however the memory extends them.
  mem.sign_extend_words = true;
  r = iss::walk(request(sv32_satp(kRoot), 0xc0651234, AccessType::Read, 1, 32), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x300651234u);
  EXPECT_EQ(r.pte_flags, kV | kR | kW | kAd);
}

TEST(PageWalk, MisalignedSuperpagesFaultBeforeAnyAccessedUpdate) {
  struct Case {
    Layout layout;
    uint64_t satp;
    unsigned xlen;
    uint64_t va;
    unsigned level;
    uint64_t pa;
  };
  const Case cases[] = {
      {kSv39, sv39_satp(kRoot), 64, 0x40600000, 1, 0x80201000},
      {kSv39, sv39_satp(kRoot), 64, 0x3fc0000000, 2, 0x80200000},
      {kSv39, sv39_satp(kRoot), 64, 0x3fc0000000, 2, 0x40001000},
      {kSv48, sv48_satp(kRoot), 64, 0x123456789abc, 3, 0x10040000000},
      {kSv32, sv32_satp(kRoot), 32, 0xc0400000, 1, 0x300401000},
  };
  for (const Case& c : cases) {
    for (AccessType t : kTypes) {
      SCOPED_TRACE(testing::Message() << std::hex << "va " << c.va << " pa " << c.pa);
      FakeMemory mem;
      PageTables pt(mem, c.layout, kRoot);
      pt.set(c.va, c.level, leaf(c.pa, kV | kRwx));
      const WalkResult r = iss::walk(request(c.satp, c.va, t, 1, c.xlen), mem);
      EXPECT_FALSE(r.ok);
      EXPECT_EQ(r.cause, page_fault(t));
      EXPECT_TRUE(mem.writes.empty());
    }
  }
}

TEST(PageWalk, InvalidAndWriteWithoutReadEntriesFault) {
  for (uint64_t bad : {kR | kW | kX | kAd, kV | kW | kAd, kV | kW | kX | kAd}) {
    for (AccessType t : kTypes) {
      FakeMemory mem;
      PageTables pt(mem, kSv39, kRoot);
      pt.set(0x1000, 0, leaf(0x90000000, bad));
      const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, t), mem);
      EXPECT_FALSE(r.ok) << bad;
      EXPECT_EQ(r.cause, page_fault(t)) << bad;
    }
  }
  // An invalid pointer at the top level stops the walk there.
  FakeMemory mem;
  const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Read), mem);
  EXPECT_EQ(r.cause, 13u);
  EXPECT_EQ(mem.reads.size(), 1u);
}

TEST(PageWalk, PointerAtTheLastLevelFaults) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV));
  const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Write), mem);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.cause, 15u);
  EXPECT_EQ(mem.reads.size(), 3u);

  FakeMemory mem32;
  PageTables pt32(mem32, kSv32, kRoot);
  pt32.set(0x1000, 0, leaf(0x90000000, kV));
  EXPECT_EQ(iss::walk(request(sv32_satp(kRoot), 0x1000, AccessType::Fetch, 1, 32), mem32).cause,
            12u);
}

TEST(PageWalk, PointerWithAccessedDirtyOrUserBitFaults) {
  for (uint64_t bit : {kA, kD, kU}) {
    FakeMemory mem;
    PageTables pt(mem, kSv39, kRoot);
    pt.set(0x1000, 0, leaf(0x90000000, kV | kRwx | kAd));
    const uint64_t top = pt.pte_addr(0x1000, 2);
    mem.store(top, 8, mem.load(top, 8) | bit);
    const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Read), mem);
    EXPECT_FALSE(r.ok) << bit;
    EXPECT_EQ(r.cause, 13u) << bit;
    EXPECT_EQ(mem.reads.size(), 1u) << bit;
  }
}

TEST(PageWalk, ReservedHighBitsFaultInLeavesAndPointers) {
  for (unsigned bit : {54u, 57u, 60u, 61u, 62u, 63u}) {
    const uint64_t high = uint64_t{1} << bit;
    FakeMemory mem;
    PageTables pt(mem, kSv39, kRoot);
    const uint64_t good = leaf(0x90000000, kV | kRwx | kAd);
    const uint64_t leaf_addr = pt.set(0x1000, 0, good | high);
    WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Write), mem);
    EXPECT_EQ(r.cause, 15u) << bit;

    mem.store(leaf_addr, 8, good);
    ASSERT_TRUE(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Write), mem).ok);
    const uint64_t mid = pt.pte_addr(0x1000, 1);
    mem.store(mid, 8, mem.load(mid, 8) | high);
    r = iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Fetch), mem);
    EXPECT_EQ(r.cause, 12u) << bit;
  }
  // The RSW bits 9:8 are free for software.
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kR | kAd | 0x300));
  EXPECT_TRUE(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Read), mem).ok);
}

TEST(PageWalk, SupervisorNeedsSumForUserDataAndNeverExecutesUserPages) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kRwx | kU | kAd));
  for (AccessType t : kTypes) {
    const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, t, 1), mem);
    EXPECT_EQ(r.cause, page_fault(t));
  }
  WalkRequest q = request(sv39_satp(kRoot), 0x1000, AccessType::Read, 1);
  q.sum = true;
  WalkResult r = iss::walk(q, mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.readable);
  EXPECT_TRUE(r.writable);
  EXPECT_FALSE(r.executable);
  q.type = AccessType::Write;
  EXPECT_TRUE(iss::walk(q, mem).ok);
  q.type = AccessType::Fetch;
  r = iss::walk(q, mem);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.cause, 12u);

  // User mode on its own page, SUM or not.
  for (AccessType t : kTypes) {
    r = iss::walk(request(sv39_satp(kRoot), 0x1000, t, 0), mem);
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.readable && r.writable && r.executable);
  }
}

TEST(PageWalk, UserModeCannotTouchSupervisorPages) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kRwx | kAd));
  for (AccessType t : kTypes) {
    WalkRequest q = request(sv39_satp(kRoot), 0x1000, t, 0);
    q.sum = true;
    q.mxr = true;
    const WalkResult r = iss::walk(q, mem);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.cause, page_fault(t));
  }
}

TEST(PageWalk, MxrMakesExecutablePagesReadable) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kX | kAd));
  WalkRequest q = request(sv39_satp(kRoot), 0x1000, AccessType::Read, 1);
  WalkResult r = iss::walk(q, mem);
  EXPECT_EQ(r.cause, 13u);
  q.mxr = true;
  r = iss::walk(q, mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.readable);
  EXPECT_FALSE(r.writable);
  EXPECT_TRUE(r.executable);
  q.type = AccessType::Write;
  EXPECT_EQ(iss::walk(q, mem).cause, 15u);

  // The same for a user page read by user mode.
  pt.set(0x2000, 0, leaf(0x90001000, kV | kX | kU | kA));
  q = request(sv39_satp(kRoot), 0x2000, AccessType::Read, 0);
  EXPECT_EQ(iss::walk(q, mem).cause, 13u);
  q.mxr = true;
  EXPECT_TRUE(iss::walk(q, mem).ok);
}

TEST(PageWalk, EachAccessTypeNeedsItsPermissionBit) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  pt.set(0x1000, 0, leaf(0x90000000, kV | kR | kAd));
  pt.set(0x2000, 0, leaf(0x90001000, kV | kR | kW | kAd));
  EXPECT_EQ(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Write), mem).cause, 15u);
  EXPECT_EQ(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Fetch), mem).cause, 12u);
  const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x2000, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.readable && r.writable);
  EXPECT_FALSE(r.executable);
  EXPECT_EQ(iss::walk(request(sv39_satp(kRoot), 0x2000, AccessType::Fetch), mem).cause, 12u);

  // A permission fault leaves A and D alone.
  pt.set(0x3000, 0, leaf(0x90002000, kV | kR));
  mem.clear_log();
  EXPECT_EQ(iss::walk(request(sv39_satp(kRoot), 0x3000, AccessType::Write), mem).cause, 15u);
  EXPECT_TRUE(mem.writes.empty());
}

TEST(PageWalk, NonCanonicalAddressesFaultWithoutReadingTables) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  for (uint64_t va : {uint64_t{0x4000000000}, uint64_t{0xffffff8000000000},
                      uint64_t{0x8000000000001000}, uint64_t{0x0001000000001000}}) {
    for (AccessType t : kTypes) {
      mem.clear_log();
      const WalkResult r = iss::walk(request(sv39_satp(kRoot), va, t), mem);
      EXPECT_FALSE(r.ok) << std::hex << va;
      EXPECT_EQ(r.cause, page_fault(t)) << std::hex << va;
      EXPECT_TRUE(mem.reads.empty());
    }
  }
  // The upper half is reachable through properly sign-extended addresses.
  pt.set(0xffffffc012345000, 0, leaf(0x90000000, kV | kR | kAd));
  WalkResult r = iss::walk(request(sv39_satp(kRoot), 0xffffffc012345678, AccessType::Read), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x90000678u);

  FakeMemory mem48;
  PageTables pt48(mem48, kSv48, kRoot);
  r = iss::walk(request(sv48_satp(kRoot), 0x0000800000000000, AccessType::Read), mem48);
  EXPECT_EQ(r.cause, 13u);
  EXPECT_TRUE(mem48.reads.empty());
  // Canonical for Sv39 would not be enough: bit 47 decides.
  r = iss::walk(request(sv48_satp(kRoot), 0xffff7fc000000000, AccessType::Fetch), mem48);
  EXPECT_EQ(r.cause, 12u);
  pt48.set(0xffff800000001000, 0, leaf(0x90000000, kV | kR | kAd));
  r = iss::walk(request(sv48_satp(kRoot), 0xffff800000001008, AccessType::Read), mem48);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x90000008u);
  // Sv39 canonical but above Sv39's range is fine for Sv48.
  pt48.set(0x4000000000, 0, leaf(0x91000000, kV | kR | kAd));
  EXPECT_TRUE(iss::walk(request(sv48_satp(kRoot), 0x4000000000, AccessType::Read), mem48).ok);
}

TEST(PageWalk, FailedPteReadIsAnAccessFaultOfTheOriginalType) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  const uint64_t leaf_addr = pt.set(0x1000, 0, leaf(0x90000000, kV | kRwx | kAd));
  for (uint64_t failing : {pt.pte_addr(0x1000, 2), pt.pte_addr(0x1000, 1), leaf_addr}) {
    mem.fail_read = {failing};
    for (AccessType t : kTypes) {
      const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, t), mem);
      EXPECT_FALSE(r.ok);
      EXPECT_EQ(r.cause, access_fault(t)) << std::hex << failing;
    }
  }
  FakeMemory mem32;
  PageTables pt32(mem32, kSv32, kRoot);
  mem32.fail_read = {pt32.set(0x1000, 0, leaf(0x90000000, kV | kRwx | kAd))};
  EXPECT_EQ(iss::walk(request(sv32_satp(kRoot), 0x1000, AccessType::Write, 1, 32), mem32).cause,
            7u);
}

TEST(PageWalk, FailedAccessedDirtyWriteIsAnAccessFaultOfTheOriginalType) {
  FakeMemory mem;
  PageTables pt(mem, kSv39, kRoot);
  const uint64_t entry = leaf(0x90000000, kV | kRwx);
  const uint64_t leaf_addr = pt.set(0x1000, 0, entry);
  mem.fail_write = {leaf_addr};
  for (AccessType t : kTypes) {
    const WalkResult r = iss::walk(request(sv39_satp(kRoot), 0x1000, t), mem);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.cause, access_fault(t));
  }
  EXPECT_EQ(mem.load(leaf_addr, 8), entry);
  // Only the dirty update is needed for a store when A is already set.
  mem.store(leaf_addr, 8, entry | kA);
  EXPECT_TRUE(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Read), mem).ok);
  EXPECT_EQ(iss::walk(request(sv39_satp(kRoot), 0x1000, AccessType::Write), mem).cause, 7u);
}

TEST(PageWalk, SatpModeAndWriteLegality) {
  EXPECT_EQ(iss::satp_mode(0, 64), SatpMode::Bare);
  EXPECT_EQ(iss::satp_mode(sv39_satp(kRoot), 64), SatpMode::Sv39);
  EXPECT_EQ(iss::satp_mode(sv48_satp(kRoot), 64), SatpMode::Sv48);
  EXPECT_EQ(iss::satp_mode(sv32_satp(kRoot), 32), SatpMode::Sv32);
  EXPECT_EQ(iss::satp_mode(0x7fffffff, 32), SatpMode::Bare);
  EXPECT_TRUE(iss::satp_write_allowed(0, 64));
  EXPECT_TRUE(iss::satp_write_allowed(sv39_satp(kRoot), 64));
  EXPECT_TRUE(iss::satp_write_allowed(sv48_satp(kRoot), 64));
  EXPECT_FALSE(iss::satp_write_allowed(uint64_t{10} << 60, 64));  // Sv57
  EXPECT_FALSE(iss::satp_write_allowed(uint64_t{1} << 60, 64));
  EXPECT_FALSE(iss::satp_write_allowed(uint64_t{15} << 60, 64));
  EXPECT_TRUE(iss::satp_write_allowed(sv32_satp(kRoot), 32));
  EXPECT_EQ(iss::satp_ppn(sv39_satp(0xdcba9876543000, 0xabcd), 64), 0xdcba9876543u);
  EXPECT_EQ(iss::satp_asid(sv39_satp(kRoot, 0xabcd), 64), 0xabcdu);
  EXPECT_EQ(iss::satp_ppn(0xffffffff, 32), 0x3fffffu);
  EXPECT_EQ(iss::satp_asid(0xffffffff, 32), 0x1ffu);
}

TEST(PageWalk, BareModeAndMachineModeDoNotTranslate) {
  FakeMemory mem;
  WalkResult r = iss::walk(request(0, 0x123456789, AccessType::Write), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0x123456789u);
  EXPECT_TRUE(r.readable && r.writable && r.executable);
  r = iss::walk(request(sv39_satp(kRoot), 0xffffffff80000000, AccessType::Fetch, 3), mem);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.paddr, 0xffffffff80000000u);
  EXPECT_TRUE(mem.reads.empty());
}

}  // namespace
}  // namespace rvtlm::test
