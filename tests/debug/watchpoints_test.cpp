// The bridge's watched ranges (rvtlm::tlm::Watchpoints): which accesses
// match, and how DMI grants are cut around them.
#include <gtest/gtest.h>

#include "rvtlm/tlm/debug_hooks.h"

namespace rvtlm::tlm {
namespace {

TEST(Watchpoints, MatchesByKindAndOverlap) {
  Watchpoints w;
  EXPECT_TRUE(w.empty());
  w.add(0x1004, 4, WatchKind::Write);
  w.add(0x2000, 1, WatchKind::Read);
  w.add(0x3000, 8, WatchKind::Access);
  EXPECT_FALSE(w.empty());
  WatchHit hit;
  EXPECT_FALSE(w.check(0x1000, 4, true));   // next to it
  EXPECT_FALSE(w.check(0x1004, 4, false));  // a load of a write watch
  EXPECT_FALSE(w.take_hit(hit));
  EXPECT_TRUE(w.check(0x1000, 8, true));  // overlaps
  ASSERT_TRUE(w.take_hit(hit));
  EXPECT_EQ(hit.addr, 0x1004u);
  EXPECT_EQ(hit.watch_addr, 0x1004u);
  EXPECT_EQ(hit.length, 4u);
  EXPECT_EQ(hit.kind, WatchKind::Write);
  EXPECT_TRUE(hit.write);
  EXPECT_FALSE(w.take_hit(hit));
  EXPECT_FALSE(w.check(0x2000, 1, true));
  EXPECT_TRUE(w.check(0x2000, 1, false));
  EXPECT_TRUE(w.check(0x3007, 1, false));
  // The first hit of an instruction is the one kept.
  EXPECT_TRUE(w.check(0x3000, 1, true));
  ASSERT_TRUE(w.take_hit(hit));
  EXPECT_EQ(hit.addr, 0x2000u);
  EXPECT_TRUE(w.remove(0x2000, 1, WatchKind::Read));
  EXPECT_FALSE(w.remove(0x2000, 1, WatchKind::Read));
  EXPECT_FALSE(w.check(0x2000, 1, false));
}

TEST(Watchpoints, GrantsAreCutAroundWatchedBytes) {
  Watchpoints w;
  w.add(0x80001003, 2, WatchKind::Write);  // withheld: 0x80001000..0x80001007
  uint8_t ram[0x10000] = {};
  iss::DmiGrant g;
  g.host = ram;
  g.start = 0x80000000;
  g.end = 0x8000ffff;
  g.readable = g.writable = true;
  iss::DmiGrant below = g;
  ASSERT_TRUE(w.clip(0x80000010, below));
  EXPECT_EQ(below.start, 0x80000000u);
  EXPECT_EQ(below.end, 0x80000fffu);
  EXPECT_EQ(below.host, ram);
  iss::DmiGrant above = g;
  ASSERT_TRUE(w.clip(0x80002000, above));
  EXPECT_EQ(above.start, 0x80001008u);
  EXPECT_EQ(above.end, 0x8000ffffu);
  EXPECT_EQ(above.host, ram + 0x1008);
  EXPECT_TRUE(above.writable);
  iss::DmiGrant inside = g;
  EXPECT_FALSE(w.clip(0x80001006, inside));
  EXPECT_EQ(inside.start, 0x80001000u);
  EXPECT_EQ(inside.end, 0x80001007u);
  EXPECT_EQ(inside.host, nullptr);
  EXPECT_FALSE(inside.readable);
  // A grant that does not reach the watched bytes stays as it is.
  iss::DmiGrant other = g;
  other.start = 0x90000000;
  other.end = 0x9000ffff;
  ASSERT_TRUE(w.clip(0x90000000, other));
  EXPECT_EQ(other.start, 0x90000000u);
  EXPECT_EQ(other.end, 0x9000ffffu);
  EXPECT_EQ(Watchpoints::hole_end(~uint64_t{0} - 1, 16), ~uint64_t{0});
}

TEST(Watchpoints, SeveralRangesNarrowFromBothSides) {
  Watchpoints w;
  w.add(0x100, 1, WatchKind::Access);
  w.add(0x400, 1, WatchKind::Access);
  w.add(0x200, 8, WatchKind::Access);
  iss::DmiGrant g;
  g.start = 0;
  g.end = 0xfff;
  ASSERT_TRUE(w.clip(0x300, g));
  EXPECT_EQ(g.start, 0x208u);
  EXPECT_EQ(g.end, 0x3ffu);
}

}  // namespace
}  // namespace rvtlm::tlm
