// Physical memory protection: CSR layout and WARL behaviour, address
// matching, priority, locking and granularity (Privileged spec 3.7).
#include "pmp.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace rvtlm::test {
namespace {

using iss::AccessType;
using iss::Pmp;
using iss::PmpState;
namespace pmp = iss::pmp;

constexpr uint8_t kR = pmp::kR;
constexpr uint8_t kW = pmp::kW;
constexpr uint8_t kX = pmp::kX;
constexpr uint8_t kRw = kR | kW;
constexpr uint8_t kRwx = kR | kW | kX;
constexpr unsigned kU = 0;
constexpr unsigned kS = 1;
constexpr unsigned kM = 3;

uint8_t cfg(uint8_t mode, uint8_t perms, bool lock = false) {
  return static_cast<uint8_t>((mode << pmp::kAShift) | perms | (lock ? pmp::kL : 0));
}

// pmpaddr of a naturally aligned power-of-two region of `size` >= 8 bytes.
uint64_t napot(uint64_t base, uint64_t size) { return (base >> 2) | ((size >> 3) - 1); }

// The pmpcfg CSR holding `entry`'s byte and the byte's position in it.
unsigned cfg_index(unsigned xlen, unsigned entry) { return xlen == 64 ? entry / 8 * 2 : entry / 4; }
unsigned cfg_byte(unsigned xlen, unsigned entry) { return xlen == 64 ? entry % 8 : entry % 4; }

// Writes pmp<entry>cfg through its CSR, keeping the other entries' bytes.
void set_cfg(Pmp& p, unsigned xlen, unsigned entry, uint8_t value) {
  const unsigned index = cfg_index(xlen, entry);
  const unsigned shift = 8 * cfg_byte(xlen, entry);
  uint64_t v = 0;
  ASSERT_TRUE(p.read_cfg(index, v));
  v = (v & ~(uint64_t{0xff} << shift)) | (uint64_t{value} << shift);
  ASSERT_TRUE(p.write_cfg(index, v));
}

uint8_t get_cfg(const Pmp& p, unsigned xlen, unsigned entry) {
  uint64_t v = 0;
  EXPECT_TRUE(p.read_cfg(cfg_index(xlen, entry), v));
  return static_cast<uint8_t>(v >> (8 * cfg_byte(xlen, entry)));
}

uint64_t get_addr(const Pmp& p, unsigned index) {
  uint64_t v = 0;
  EXPECT_TRUE(p.read_addr(index, v));
  return v;
}

TEST(Pmp, WithoutEntriesEveryCsrReadsZeroAndEveryAccessPasses) {
  PmpState st;
  Pmp p(st, 0, 64);
  const uint64_t g = p.generation();
  for (unsigned i = 0; i < 16; i += 2) {
    EXPECT_TRUE(p.write_cfg(i, 0x1f1f1f1f1f1f1f1f));
    uint64_t v = 1;
    EXPECT_TRUE(p.read_cfg(i, v));
    EXPECT_EQ(v, 0u);
  }
  for (unsigned i = 0; i < 64; ++i) {
    EXPECT_TRUE(p.write_addr(i, 0x1234));
    EXPECT_EQ(get_addr(p, i), 0u);
  }
  EXPECT_EQ(st.cfg[0], 0u);
  EXPECT_EQ(st.addr[0], 0u);
  EXPECT_EQ(p.generation(), g);
  for (unsigned priv : {kU, kS, kM}) {
    EXPECT_TRUE(p.check(0x80000000, 8, AccessType::Write, priv));
    EXPECT_TRUE(p.check(0, 4, AccessType::Fetch, priv));
  }
  EXPECT_TRUE(p.page_uniform(0x80000000));
}

TEST(Pmp, ImplementedButInactiveEntriesDenySupervisorAndUserOnly) {
  PmpState st;
  Pmp p(st, 16, 64);
  for (AccessType t : {AccessType::Read, AccessType::Write, AccessType::Fetch}) {
    EXPECT_TRUE(p.check(0x80000000, 4, t, kM));
    EXPECT_FALSE(p.check(0x80000000, 4, t, kS));
    EXPECT_FALSE(p.check(0x80000000, 4, t, kU));
  }
  // An OFF entry grants nothing, whatever its permission bits.
  set_cfg(p, 64, 0, cfg(pmp::kOff, kRwx));
  ASSERT_TRUE(p.write_addr(0, ~uint64_t{0}));
  EXPECT_FALSE(p.check(0x80000000, 4, AccessType::Read, kS));
}

TEST(Pmp, Na4MatchesExactlyFourBytes) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  set_cfg(p, 64, 0, cfg(pmp::kNa4, kR));
  EXPECT_TRUE(p.check(0x1000, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x1003, 1, AccessType::Read, kU));
  EXPECT_FALSE(p.check(0x1000, 4, AccessType::Write, kS));
  EXPECT_FALSE(p.check(0x1000, 2, AccessType::Fetch, kS));
  // Outside the entry: S/U find no match, M passes.
  EXPECT_FALSE(p.check(0x1004, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x0ffc, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x1004, 4, AccessType::Write, kM));
  // A partial match fails for every privilege, M included.
  EXPECT_FALSE(p.check(0x1002, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1002, 4, AccessType::Read, kM));
  EXPECT_FALSE(p.check(0x0ffc, 8, AccessType::Read, kM));
  // An unlocked matching entry does not restrict M.
  EXPECT_TRUE(p.check(0x1000, 4, AccessType::Write, kM));
}

TEST(Pmp, NapotRegionSizeComesFromTrailingOnes) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, napot(0x80000000, 0x1000)));
  EXPECT_EQ(get_addr(p, 0), 0x200001ffu);
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kRw));
  EXPECT_TRUE(p.check(0x80000000, 8, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x80000ff8, 8, AccessType::Write, kU));
  EXPECT_FALSE(p.check(0x80000ff8, 8, AccessType::Fetch, kU));
  EXPECT_FALSE(p.check(0x80001000, 1, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x7ffffffc, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x80000ffc, 8, AccessType::Read, kS));

  // No trailing one: eight bytes.
  ASSERT_TRUE(p.write_addr(1, 0x2000 >> 2));
  set_cfg(p, 64, 1, cfg(pmp::kNapot, kR));
  EXPECT_TRUE(p.check(0x2004, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x2000, 8, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x2008, 1, AccessType::Read, kS));

  // All implemented bits set: the whole 56-bit physical address space.
  ASSERT_TRUE(p.write_addr(2, ~uint64_t{0}));
  EXPECT_EQ(get_addr(p, 2), (uint64_t{1} << 54) - 1);
  set_cfg(p, 64, 2, cfg(pmp::kNapot, kX));
  EXPECT_TRUE(p.check(0, 4, AccessType::Fetch, kS));
  EXPECT_TRUE(p.check((uint64_t{1} << 56) - 4, 4, AccessType::Fetch, kU));
  EXPECT_FALSE(p.check(0x40000000, 4, AccessType::Read, kS));
}

TEST(Pmp, TorTakesItsLowerBoundFromThePreviousAddressRegister) {
  PmpState st;
  Pmp p(st, 16, 64);
  // Entry 0 stays OFF: its address register still bounds entry 1.
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  ASSERT_TRUE(p.write_addr(1, 0x3000 >> 2));
  set_cfg(p, 64, 1, cfg(pmp::kTor, kRwx));
  EXPECT_FALSE(p.check(0x0fff, 1, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x1000, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x2ffc, 4, AccessType::Write, kU));
  EXPECT_FALSE(p.check(0x2ffe, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x3000, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x0ffe, 4, AccessType::Read, kM));
}

TEST(Pmp, TorAtEntryZeroStartsAtAddressZero) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  set_cfg(p, 64, 0, cfg(pmp::kTor, kR));
  EXPECT_TRUE(p.check(0, 8, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x0ff8, 8, AccessType::Read, kU));
  EXPECT_FALSE(p.check(0x1000, 1, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0, 4, AccessType::Write, kS));
}

TEST(Pmp, TorWithBoundsOutOfOrderMatchesNothing) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, 0x3000 >> 2));
  ASSERT_TRUE(p.write_addr(1, 0x1000 >> 2));
  set_cfg(p, 64, 1, cfg(pmp::kTor, kRwx));
  ASSERT_TRUE(p.write_addr(2, napot(0, 0x4000)));
  set_cfg(p, 64, 2, cfg(pmp::kNapot, kR));
  // Entry 2 decides, so writes fail and reads pass everywhere in it.
  EXPECT_FALSE(p.check(0x2000, 4, AccessType::Write, kS));
  EXPECT_TRUE(p.check(0x2000, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x0800, 4, AccessType::Write, kS));
}

TEST(Pmp, LowestNumberedMatchingEntryDecides) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  set_cfg(p, 64, 0, cfg(pmp::kNa4, 0));
  ASSERT_TRUE(p.write_addr(1, napot(0, 0x10000)));
  set_cfg(p, 64, 1, cfg(pmp::kNapot, kRwx));
  EXPECT_FALSE(p.check(0x1000, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x1004, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0x0ffc, 4, AccessType::Read, kS));
  // Entry 0 matches part of this access: it fails although entry 1 would
  // cover every byte.
  EXPECT_FALSE(p.check(0x0ffc, 8, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1000, 8, AccessType::Read, kM));

  // Reversed priority: the broad entry without permissions wins.
  set_cfg(p, 64, 0, cfg(pmp::kOff, 0));
  ASSERT_TRUE(p.write_addr(2, 0x1000 >> 2));
  set_cfg(p, 64, 2, cfg(pmp::kNa4, kRwx));
  set_cfg(p, 64, 1, cfg(pmp::kNapot, 0));
  EXPECT_FALSE(p.check(0x1000, 4, AccessType::Read, kS));
}

TEST(Pmp, PermissionBitsSelectAccessTypesForSupervisorAndUser) {
  struct Case {
    uint8_t perms;
    bool read, write, fetch;
  };
  const Case cases[] = {
      {0, false, false, false}, {kR, true, false, false},     {kRw, true, true, false},
      {kX, false, false, true}, {kR | kX, true, false, true}, {kRwx, true, true, true},
  };
  for (const Case& c : cases) {
    PmpState st;
    Pmp p(st, 16, 64);
    ASSERT_TRUE(p.write_addr(0, napot(0x80000000, 0x10000)));
    set_cfg(p, 64, 0, cfg(pmp::kNapot, c.perms));
    for (unsigned priv : {kU, kS}) {
      SCOPED_TRACE(testing::Message() << "perms " << int{c.perms} << " priv " << priv);
      EXPECT_EQ(p.check(0x80000100, 4, AccessType::Read, priv), c.read);
      EXPECT_EQ(p.check(0x80000100, 4, AccessType::Write, priv), c.write);
      EXPECT_EQ(p.check(0x80000100, 4, AccessType::Fetch, priv), c.fetch);
    }
    EXPECT_TRUE(p.check(0x80000100, 4, AccessType::Write, kM));
    EXPECT_TRUE(p.check(0x80000100, 4, AccessType::Fetch, kM));
  }
}

TEST(Pmp, ReservedFieldsAndEncodingsReadAsLegalValues) {
  PmpState st;
  Pmp p(st, 16, 64);
  // Bits 6:5 are zero.
  set_cfg(p, 64, 0, static_cast<uint8_t>(0x60 | cfg(pmp::kNapot, kR)));
  EXPECT_EQ(get_cfg(p, 64, 0), cfg(pmp::kNapot, kR));
  // R=0, W=1 is reserved: R, W and X read as 0, A and L are kept.
  set_cfg(p, 64, 1, cfg(pmp::kNapot, kW));
  EXPECT_EQ(get_cfg(p, 64, 1), cfg(pmp::kNapot, 0));
  set_cfg(p, 64, 2, cfg(pmp::kTor, kW | kX));
  EXPECT_EQ(get_cfg(p, 64, 2), cfg(pmp::kTor, 0));
  // With G = 0, NA4 is available.
  set_cfg(p, 64, 3, cfg(pmp::kNa4, kR));
  EXPECT_EQ(get_cfg(p, 64, 3), cfg(pmp::kNa4, kR));
}

TEST(Pmp, LockedEntryIgnoresWritesAndBindsMachineMode) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, napot(0x1000, 0x1000)));
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR, true));
  EXPECT_TRUE(p.check(0x1000, 8, AccessType::Read, kM));
  EXPECT_FALSE(p.check(0x1000, 8, AccessType::Write, kM));
  EXPECT_FALSE(p.check(0x1000, 4, AccessType::Fetch, kM));
  EXPECT_TRUE(p.check(0x2000, 8, AccessType::Write, kM));

  // The whole CSR write goes through for the other entries only.
  EXPECT_TRUE(p.write_cfg(0, (uint64_t{cfg(pmp::kNa4, kRw)} << 8) | cfg(pmp::kOff, kRwx)));
  EXPECT_EQ(get_cfg(p, 64, 0), cfg(pmp::kNapot, kR, true));
  EXPECT_EQ(get_cfg(p, 64, 1), cfg(pmp::kNa4, kRw));
  EXPECT_TRUE(p.write_addr(0, 0x5000 >> 2));
  EXPECT_EQ(get_addr(p, 0), napot(0x1000, 0x1000));
  EXPECT_FALSE(p.check(0x1000, 8, AccessType::Write, kM));

  p.reset();
  EXPECT_EQ(get_cfg(p, 64, 0), 0u);
  EXPECT_EQ(get_addr(p, 0), 0u);
  set_cfg(p, 64, 0, cfg(pmp::kNa4, kRw));
  EXPECT_EQ(get_cfg(p, 64, 0), cfg(pmp::kNa4, kRw));
}

TEST(Pmp, LockedOffEntryStillIgnoresWrites) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(3, 0x1234));
  set_cfg(p, 64, 3, cfg(pmp::kOff, 0, true));
  set_cfg(p, 64, 3, cfg(pmp::kNapot, kRwx));
  EXPECT_EQ(get_cfg(p, 64, 3), cfg(pmp::kOff, 0, true));
  EXPECT_TRUE(p.write_addr(3, 0x5678));
  EXPECT_EQ(get_addr(p, 3), 0x1234u);
  // Locked but OFF: M is not restricted.
  EXPECT_TRUE(p.check(0x1234 << 2, 4, AccessType::Write, kM));
}

TEST(Pmp, LockedTorEntryFreezesTheAddressBelowIt) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  ASSERT_TRUE(p.write_addr(1, 0x2000 >> 2));
  set_cfg(p, 64, 1, cfg(pmp::kTor, kR, true));
  EXPECT_TRUE(p.write_addr(0, 0));
  EXPECT_EQ(get_addr(p, 0), 0x1000u >> 2);
  EXPECT_FALSE(p.check(0x0ff0, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1000, 4, AccessType::Write, kM));
  // Entry 0's configuration itself stays writable.
  set_cfg(p, 64, 0, cfg(pmp::kNa4, kRwx));
  EXPECT_EQ(get_cfg(p, 64, 0), cfg(pmp::kNa4, kRwx));

  // A locked NAPOT entry does not freeze the register below it.
  ASSERT_TRUE(p.write_addr(2, 0x40));
  ASSERT_TRUE(p.write_addr(3, napot(0x8000, 0x1000)));
  set_cfg(p, 64, 3, cfg(pmp::kNapot, kR, true));
  EXPECT_TRUE(p.write_addr(2, 0x80));
  EXPECT_EQ(get_addr(p, 2), 0x80u);
}

TEST(Pmp, GranularityOfSixteenBytesChangesAddressReadsAndNa4) {
  PmpState st;
  Pmp p(st, 16, 64, 2);
  // NA4 is not selectable with G >= 1.
  set_cfg(p, 64, 0, cfg(pmp::kNa4, kR));
  EXPECT_EQ(get_cfg(p, 64, 0), cfg(pmp::kNapot, kR));

  // NAPOT reads pmpaddr[G-2:0] = bit 0 as one: a 16-byte region.
  ASSERT_TRUE(p.write_addr(0, 0x1000 >> 2));
  EXPECT_EQ(get_addr(p, 0), 0x401u);
  EXPECT_TRUE(p.check(0x100c, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1010, 4, AccessType::Read, kS));

  // pmpaddr[G-1] is stored: 32 bytes as NAPOT, read as zero under TOR/OFF,
  // and back again under NAPOT.
  ASSERT_TRUE(p.write_addr(0, 0x402));
  EXPECT_EQ(get_addr(p, 0), 0x403u);
  EXPECT_TRUE(p.check(0x101c, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1020, 4, AccessType::Read, kS));
  set_cfg(p, 64, 0, cfg(pmp::kTor, kR));
  EXPECT_EQ(get_addr(p, 0), 0x400u);
  set_cfg(p, 64, 0, cfg(pmp::kOff, kR));
  EXPECT_EQ(get_addr(p, 0), 0x400u);
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR));
  EXPECT_EQ(get_addr(p, 0), 0x403u);
  EXPECT_EQ(st.addr[0], 0x402u);

  // TOR bounds are multiples of the grain.
  ASSERT_TRUE(p.write_addr(0, 0x40b));
  set_cfg(p, 64, 0, cfg(pmp::kTor, kR));
  EXPECT_EQ(get_addr(p, 0), 0x408u);
  EXPECT_TRUE(p.check(0x101c, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1020, 4, AccessType::Read, kS));
  ASSERT_TRUE(p.write_addr(1, 0x413));
  set_cfg(p, 64, 1, cfg(pmp::kTor, kRw));
  EXPECT_FALSE(p.check(0x101c, 4, AccessType::Write, kS));
  EXPECT_TRUE(p.check(0x1020, 4, AccessType::Write, kS));
  EXPECT_TRUE(p.check(0x103c, 4, AccessType::Write, kS));
  EXPECT_FALSE(p.check(0x1040, 4, AccessType::Write, kS));
}

TEST(Pmp, GranularityOfEightBytesKeepsNapotAddressBits) {
  PmpState st;
  Pmp p(st, 16, 32, 1);
  set_cfg(p, 32, 0, cfg(pmp::kNa4, kR));
  EXPECT_EQ(get_cfg(p, 32, 0), cfg(pmp::kNapot, kR));
  ASSERT_TRUE(p.write_addr(0, 0x400));
  EXPECT_EQ(get_addr(p, 0), 0x400u);
  EXPECT_TRUE(p.check(0x1004, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x1008, 4, AccessType::Read, kS));
  ASSERT_TRUE(p.write_addr(0, 0x401));
  set_cfg(p, 32, 0, cfg(pmp::kTor, kR));
  EXPECT_EQ(get_addr(p, 0), 0x400u);
}

TEST(Pmp, Rv64PacksEightEntriesIntoEachEvenConfigRegister) {
  PmpState st;
  Pmp p(st, 64, 64);
  const uint64_t value = 0x1c03050d1f110b19;
  ASSERT_TRUE(p.write_cfg(0, value));
  uint64_t v = 0;
  ASSERT_TRUE(p.read_cfg(0, v));
  EXPECT_EQ(v, value);
  EXPECT_EQ(st.cfg[0], 0x19u);
  EXPECT_EQ(st.cfg[7], 0x1cu);
  for (unsigned odd = 1; odd < 16; odd += 2) {
    EXPECT_FALSE(p.read_cfg(odd, v));
    EXPECT_FALSE(p.write_cfg(odd, 0));
  }
  EXPECT_FALSE(p.read_cfg(16, v));
  ASSERT_TRUE(p.write_cfg(2, 0x19));
  EXPECT_EQ(st.cfg[8], 0x19u);
  ASSERT_TRUE(p.write_cfg(14, uint64_t{0x19} << 56));
  EXPECT_EQ(st.cfg[63], 0x19u);

  ASSERT_TRUE(p.write_addr(5, ~uint64_t{0}));
  EXPECT_EQ(get_addr(p, 5), (uint64_t{1} << 54) - 1);
  EXPECT_FALSE(p.read_addr(64, v));
  EXPECT_FALSE(p.write_addr(64, 0));
}

TEST(Pmp, Rv32PacksFourEntriesPerConfigRegisterAndAddresses34Bits) {
  PmpState st;
  Pmp p(st, 16, 32);
  ASSERT_TRUE(p.write_cfg(1, 0xdeadbeef0b191f11));
  uint64_t v = 0;
  ASSERT_TRUE(p.read_cfg(1, v));
  EXPECT_EQ(v, 0x0b191f11u);
  EXPECT_EQ(st.cfg[4], 0x11u);
  EXPECT_EQ(st.cfg[7], 0x0bu);
  EXPECT_EQ(st.cfg[8], 0u);
  EXPECT_TRUE(p.read_cfg(3, v));
  EXPECT_TRUE(p.read_cfg(15, v));
  EXPECT_FALSE(p.read_cfg(16, v));
  ASSERT_TRUE(p.write_cfg(0, 0));
  ASSERT_TRUE(p.write_cfg(1, 0));

  ASSERT_TRUE(p.write_addr(0, ~uint64_t{0}));
  EXPECT_EQ(get_addr(p, 0), 0xffffffffu);
  set_cfg(p, 32, 0, cfg(pmp::kTor, kR));
  EXPECT_TRUE(p.check(0x3fffffff8, 4, AccessType::Read, kS));
  EXPECT_FALSE(p.check(0x3fffffffc, 4, AccessType::Read, kS));
  set_cfg(p, 32, 0, cfg(pmp::kNapot, kR));
  EXPECT_TRUE(p.check(0x3fffffffc, 4, AccessType::Read, kS));
  EXPECT_TRUE(p.check(0, 4, AccessType::Read, kU));
}

TEST(Pmp, SixteenEntriesLeaveTheOthersReadOnlyZero) {
  PmpState st;
  Pmp p(st, 16, 64);
  uint64_t v = 1;
  EXPECT_TRUE(p.write_cfg(4, 0x1919191919191919));
  EXPECT_TRUE(p.read_cfg(4, v));
  EXPECT_EQ(v, 0u);
  EXPECT_EQ(st.cfg[16], 0u);
  EXPECT_TRUE(p.write_addr(16, 0x1234));
  EXPECT_EQ(get_addr(p, 16), 0u);
  EXPECT_EQ(st.addr[16], 0u);
  ASSERT_TRUE(p.write_addr(15, 0x1234));
  EXPECT_EQ(get_addr(p, 15), 0x1234u);
  set_cfg(p, 64, 15, cfg(pmp::kNa4, kR));
  EXPECT_EQ(get_cfg(p, 64, 15), cfg(pmp::kNa4, kR));
  EXPECT_TRUE(p.check(0x1234 << 2, 4, AccessType::Read, kU));
}

TEST(Pmp, SixtyFourEntriesUseTheLastEntry) {
  PmpState st;
  Pmp p(st, 64, 64);
  ASSERT_TRUE(p.write_addr(63, napot(0x80000000, 0x1000)));
  set_cfg(p, 64, 63, cfg(pmp::kNapot, kX));
  EXPECT_TRUE(p.check(0x80000800, 4, AccessType::Fetch, kU));
  EXPECT_FALSE(p.check(0x80000800, 4, AccessType::Read, kU));
  ASSERT_TRUE(p.write_addr(62, napot(0x80000000, 0x1000)));
  set_cfg(p, 64, 62, cfg(pmp::kNapot, kR));
  EXPECT_FALSE(p.check(0x80000800, 4, AccessType::Fetch, kU));
}

TEST(Pmp, PageUniformWhenNoEntryBoundaryFallsInsideThePage) {
  PmpState st;
  Pmp p(st, 16, 64);
  EXPECT_TRUE(p.page_uniform(0x80000000));

  ASSERT_TRUE(p.write_addr(1, napot(0x80000000, 0x1000)));
  set_cfg(p, 64, 1, cfg(pmp::kNapot, kRw));
  EXPECT_TRUE(p.page_uniform(0x80000000));
  EXPECT_TRUE(p.page_uniform(0x80000abc));
  EXPECT_TRUE(p.page_uniform(0x80001000));

  ASSERT_TRUE(p.write_addr(0, 0x80000100 >> 2));
  set_cfg(p, 64, 0, cfg(pmp::kNa4, kR));
  EXPECT_FALSE(p.page_uniform(0x80000000));
  EXPECT_TRUE(p.page_uniform(0x80001000));

  // An entry that covers the page hides later entries' boundaries.
  set_cfg(p, 64, 0, cfg(pmp::kOff, 0));
  ASSERT_TRUE(p.write_addr(0, napot(0x80000000, 0x2000)));
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR));
  ASSERT_TRUE(p.write_addr(1, 0x80000100 >> 2));
  set_cfg(p, 64, 1, cfg(pmp::kNa4, kRw));
  EXPECT_TRUE(p.page_uniform(0x80000000));

  p.reset();
  ASSERT_TRUE(p.write_addr(0, 0x80000800 >> 2));
  set_cfg(p, 64, 0, cfg(pmp::kTor, kRwx));
  EXPECT_FALSE(p.page_uniform(0x80000000));
  EXPECT_TRUE(p.page_uniform(0x7ffff000));
  EXPECT_TRUE(p.page_uniform(0x80001000));
  // The verdicts agree with check() across the pages called uniform.
  for (uint64_t page : {uint64_t{0x7ffff000}, uint64_t{0x80001000}}) {
    for (unsigned priv : {kU, kS, kM}) {
      EXPECT_EQ(p.check(page, 4, AccessType::Write, priv),
                p.check(page + 0xffc, 4, AccessType::Write, priv));
    }
  }
  EXPECT_NE(p.check(0x80000000, 4, AccessType::Write, kS),
            p.check(0x80000ffc, 4, AccessType::Write, kS));
}

TEST(Pmp, GenerationCountsChangesOfProtectionOnly) {
  PmpState st;
  Pmp p(st, 16, 64);
  uint64_t g = p.generation();
  ASSERT_TRUE(p.write_addr(0, napot(0x1000, 0x1000)));
  EXPECT_EQ(p.generation(), g);  // entry 0 is still OFF
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR));
  EXPECT_GT(p.generation(), g);
  g = p.generation();
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR));
  EXPECT_EQ(p.generation(), g);
  ASSERT_TRUE(p.write_addr(0, napot(0x2000, 0x1000)));
  EXPECT_GT(p.generation(), g);
  g = p.generation();
  ASSERT_TRUE(p.write_addr(5, 0x1234));
  EXPECT_EQ(p.generation(), g);

  // The address below a TOR entry moves that entry's lower bound.
  ASSERT_TRUE(p.write_addr(3, 0x3000 >> 2));
  set_cfg(p, 64, 3, cfg(pmp::kTor, kR));
  g = p.generation();
  ASSERT_TRUE(p.write_addr(2, 0x2800 >> 2));
  EXPECT_GT(p.generation(), g);
  g = p.generation();

  set_cfg(p, 64, 0, cfg(pmp::kNapot, kR, true));
  EXPECT_GT(p.generation(), g);  // M-mode is now restricted
  g = p.generation();
  set_cfg(p, 64, 0, cfg(pmp::kOff, 0));
  EXPECT_EQ(p.generation(), g);  // ignored: locked

  p.reset();
  EXPECT_GT(p.generation(), g);
  g = p.generation();
  p.reset();
  EXPECT_EQ(p.generation(), g);
}

TEST(Pmp, ReloadDecodesStateRestoredFromOutside) {
  PmpState st;
  Pmp p(st, 16, 64);
  const uint64_t g = p.generation();
  st.addr[0] = napot(0x4000, 0x1000);
  st.cfg[0] = cfg(pmp::kNapot, kRwx);
  EXPECT_FALSE(p.check(0x4000, 4, AccessType::Read, kS));
  p.reload();
  EXPECT_TRUE(p.check(0x4000, 4, AccessType::Read, kS));
  EXPECT_GT(p.generation(), g);

  PmpState restored = st;
  Pmp q(restored, 16, 64);
  EXPECT_TRUE(q.check(0x4ffc, 4, AccessType::Write, kU));
}

TEST(Pmp, AccessReachingTheTopOfTheAddressSpaceDoesNotWrap) {
  PmpState st;
  Pmp p(st, 16, 64);
  ASSERT_TRUE(p.write_addr(0, napot(0, 0x1000)));
  set_cfg(p, 64, 0, cfg(pmp::kNapot, kRwx));
  EXPECT_FALSE(p.check(~uint64_t{0} - 3, 8, AccessType::Read, kS));
  EXPECT_TRUE(p.check(~uint64_t{0} - 3, 8, AccessType::Read, kM));
}

TEST(Pmp, RejectsConfigurationsTheSpecDoesNotAllow) {
  PmpState st;
  EXPECT_THROW(Pmp(st, 8, 64), std::invalid_argument);
  EXPECT_THROW(Pmp(st, 16, 48), std::invalid_argument);
  EXPECT_THROW(Pmp(st, 16, 64, 55), std::invalid_argument);
  EXPECT_THROW(Pmp(st, 16, 32, 33), std::invalid_argument);
  EXPECT_NO_THROW(Pmp(st, 64, 32, 32));
}

}  // namespace
}  // namespace rvtlm::test
