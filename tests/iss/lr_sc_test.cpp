// LR/SC between two harts of one coherence domain on one RAM (Unprivileged
// spec 14.2): a store by the other hart to the reserved doubleword makes
// SC fail, whichever path the store takes.
#include <gtest/gtest.h>

#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::StopReason;

constexpr uint64_t kWord = kRamBase + 0x4000;
constexpr uint64_t kCodeB = kRamBase + 0x1000;

// Hart A: lr.d a0,(s0); sc.d a1,a2,(s0). Hart B: sd t2,64(s1) (warm-up store
// to the same page); then the store under test at s1; then wfi.
struct TwoHarts {
  explicit TwoHarts(uint32_t b_store)
      : a(config(0, kRamBase), bus, &domain), b(config(1, kCodeB), bus, &domain) {
    bus.load(kRamBase, {lr_d(a0, s0), sc_d(a1, a2, s0), wfi()});
    bus.load(kCodeB, {sd(t2, s1, 64), b_store, wfi()});
    bus.poke(kWord, 8, 0x1111);
    a.set_reg(s0, kWord);
    a.set_reg(a2, 0xaaaa);
    a.set_reg(a1, 0x55);
    b.set_reg(s1, kWord);
    b.set_reg(t0, 0xbbbb);
  }
  static iss::HartConfig config(uint64_t id, uint64_t pc) {
    iss::HartConfig c;
    c.hart_id = id;
    c.reset_pc = pc;
    return c;
  }
  TestBus bus;
  iss::CoherenceDomain domain;
  iss::Hart a, b;
};

TEST(LrSc, ScSucceedsWithoutInterveningStore) {
  TwoHarts h(sd(t0, s1, 0));
  ASSERT_EQ(h.a.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(h.a.reg(a0), 0x1111u);
  EXPECT_EQ(h.a.reg(a1), 0u);
  EXPECT_EQ(h.bus.peek(kWord, 8), 0xaaaau);
}

TEST(LrSc, StoreByOtherHartToTheReservedDoublewordMakesScFail) {
  for (const uint32_t store :
       {sd(t0, s1, 0), sw(t0, s1, 4), sb(t0, s1, 7), amoadd_w(zero, t0, s1)}) {
    SCOPED_TRACE(store);
    TwoHarts h(store);
    ASSERT_EQ(h.a.run(1).retired, 1u);  // lr.d
    ASSERT_EQ(h.b.run(100).reason, StopReason::Wfi);
    const uint64_t after_b = h.bus.peek(kWord, 8);
    EXPECT_NE(after_b, 0x1111u);
    ASSERT_EQ(h.a.run(100).reason, StopReason::Wfi);
    EXPECT_EQ(h.a.reg(a1), 1u);
    EXPECT_EQ(h.bus.peek(kWord, 8), after_b);  // the sc did not write
  }
}

TEST(LrSc, StoreByOtherHartToAnotherDoublewordKeepsTheReservation) {
  for (const uint32_t store : {sd(t0, s1, 8), sw(t0, s1, -4), sd(t0, s1, 128)}) {
    SCOPED_TRACE(store);
    TwoHarts h(store);
    ASSERT_EQ(h.a.run(1).retired, 1u);
    ASSERT_EQ(h.b.run(100).reason, StopReason::Wfi);
    ASSERT_EQ(h.a.run(100).reason, StopReason::Wfi);
    EXPECT_EQ(h.a.reg(a1), 0u);
    EXPECT_EQ(h.bus.peek(kWord, 8), 0xaaaau);
  }
}

TEST(LrSc, StoreThroughTheOtherHartsDmiFastPathMakesScFail) {
  TwoHarts h(sd(t0, s1, 0));
  // B's first store fills its translation cache with a write pointer for the
  // page before A reserves.
  ASSERT_EQ(h.b.run(1).retired, 1u);
  ASSERT_EQ(h.a.run(1).retired, 1u);
  ASSERT_EQ(h.b.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(h.bus.peek(kWord, 8), 0xbbbbu);
  ASSERT_EQ(h.a.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(h.a.reg(a1), 1u);
  EXPECT_EQ(h.bus.peek(kWord, 8), 0xbbbbu);
  EXPECT_TRUE(h.bus.ram_accesses().empty());  // everything went through DMI
}

TEST(LrSc, StoreByOtherHartWithoutDmiMakesScFail) {
  TwoHarts h(sd(t0, s1, 0));
  h.bus.dmi = false;
  ASSERT_EQ(h.a.run(1).retired, 1u);
  ASSERT_EQ(h.b.run(100).reason, StopReason::Wfi);
  ASSERT_EQ(h.a.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(h.a.reg(a1), 1u);
  EXPECT_EQ(h.bus.peek(kWord, 8), 0xbbbbu);
}

TEST(LrSc, ScWithoutReservationFailsAndScConsumesTheReservation) {
  TestBus bus;
  iss::Hart hart({}, bus);
  bus.load(kRamBase, {sc_d(a1, a2, s0), lr_d(a0, s0), sc_d(a3, a2, s0), sc_d(a4, a2, s0), wfi()});
  hart.set_reg(s0, kWord);
  hart.set_reg(a2, 0x42);
  ASSERT_EQ(hart.run(100).reason, StopReason::Wfi);
  EXPECT_EQ(hart.reg(a1), 1u);
  EXPECT_EQ(hart.reg(a3), 0u);
  EXPECT_EQ(hart.reg(a4), 1u);
  EXPECT_EQ(bus.peek(kWord, 8), 0x42u);
}

}  // namespace
}  // namespace rvtlm::test
