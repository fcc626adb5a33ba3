// The host fast paths of the F and D arithmetic (host_float.h) against the
// soft float, which defines the results: wherever a fast path answers, its
// result bits and exception flags must be the soft float's. Operands are
// random values of every magnitude the fast paths accept and just beyond,
// values whose results are exact, halfway cases of rounding, and the edges
// of the accepted ranges; each operation must also take the fast path for
// most of them, or the comparison would prove nothing.
#include "host_float.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "softfloat.h"

namespace rvtlm::iss::fp {
namespace {

constexpr Rounding kRne = Rounding::NearestEven;

// Operand generators: random bits with an exponent drawn from [lo, hi],
// small integers times powers of two (exact products and quotients),
// values one ulp around powers of two, and plain random bit patterns.
class Operands64 {
 public:
  explicit Operands64(uint32_t seed) : rng_(seed) {}
  uint64_t next() {
    const uint64_t sign = uint64_t{rng_() & 1} << 63;
    switch (rng_() % 6) {
      case 0:
      case 1:
        return sign | exponent(0x7b - 3, 0x7fe) << 52 | (rng_64() & ((uint64_t{1} << 52) - 1));
      case 2: {
        // k * 2^m: few significant bits, so sums and products are often exact.
        const uint64_t k = 1 + rng_() % 4096;
        double v = static_cast<double>(k) * std::ldexp(1.0, static_cast<int>(rng_() % 200) - 100);
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return sign | bits;
      }
      case 3: {
        // 2^m and its neighbours: ties and carries into the exponent.
        const uint64_t e = exponent(0x300, 0x500);
        const uint64_t m = (rng_() % 3 == 0) ? 0 : ((uint64_t{1} << 52) - 1 - rng_() % 3);
        return sign | e << 52 | m;
      }
      case 4:
        // Near the edges of the accepted ranges.
        return sign | exponent(0x70, 0x90) << 52 | (rng_64() & ((uint64_t{1} << 52) - 1));
      default:
        return rng_64();
    }
  }

 private:
  uint64_t exponent(uint64_t lo, uint64_t hi) { return lo + rng_() % (hi - lo + 1); }
  uint64_t rng_64() { return uint64_t{rng_()} << 32 | rng_(); }
  std::mt19937 rng_;
};

class Operands32 {
 public:
  explicit Operands32(uint32_t seed) : rng_(seed) {}
  uint32_t next() {
    const uint32_t sign = (rng_() & 1) << 31;
    switch (rng_() % 6) {
      case 0:
      case 1:
        return sign | exponent(27 - 3, 0xfe) << 23 | (rng_() & 0x7fffff);
      case 2: {
        const uint32_t k = 1 + rng_() % 4096;
        const float v =
            static_cast<float>(k) * std::ldexp(1.0f, static_cast<int>(rng_() % 60) - 30);
        uint32_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return sign | bits;
      }
      case 3: {
        const uint32_t e = exponent(100, 160);
        const uint32_t m = (rng_() % 3 == 0) ? 0 : 0x7fffff - rng_() % 3;
        return sign | e << 23 | m;
      }
      case 4:
        return sign | exponent(20, 40) << 23 | (rng_() & 0x7fffff);
      default:
        return rng_();
    }
  }

 private:
  uint32_t exponent(uint32_t lo, uint32_t hi) { return lo + rng_() % (hi - lo + 1); }
  std::mt19937 rng_;
};

constexpr unsigned kCases = 300000;

// Runs `fast` (the host path) and `soft` on the same operands; counts the
// cases the host path took and checks them.
template <typename T, typename Gen, typename Fast, typename Soft>
void compare(const char* name, unsigned operands, Fast fast, Soft soft) {
  Gen gen(12345u + operands);
  unsigned taken = 0;
  unsigned mismatches = 0;
  for (unsigned i = 0; i < kCases; ++i) {
    const T a = gen.next(), b = gen.next(), c = gen.next();
    T r_fast = 0;
    uint8_t flags_fast = 0;
    if (!fast(a, b, c, r_fast, flags_fast)) continue;
    ++taken;
    uint8_t flags_soft = 0;
    const T r_soft = soft(a, b, c, flags_soft);
    if (r_fast != r_soft || flags_fast != flags_soft) {
      if (++mismatches <= 5)
        ADD_FAILURE() << name << " " << std::hex << a << " " << b << " " << c << ": host " << r_fast
                      << " flags " << unsigned{flags_fast} << ", soft " << r_soft << " flags "
                      << unsigned{flags_soft};
    }
  }
  EXPECT_EQ(mismatches, 0u) << name;
  // The generators aim at the accepted ranges: most cases must be taken.
  EXPECT_GT(taken, kCases / 3) << name;
}

TEST(HostFloat, DoubleMatchesTheSoftFloat) {
  using T = uint64_t;
  using G = Operands64;
  compare<T, G>(
      "f64_add", 1, [](T a, T b, T, T& r, uint8_t& f) { return host::f64_add(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f64_add(a, b, kRne, f); });
  compare<T, G>(
      "f64_mul", 2, [](T a, T b, T, T& r, uint8_t& f) { return host::f64_mul(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f64_mul(a, b, kRne, f); });
  compare<T, G>(
      "f64_div", 3, [](T a, T b, T, T& r, uint8_t& f) { return host::f64_div(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f64_div(a, b, kRne, f); });
  compare<T, G>(
      "f64_sqrt", 4,
      [](T a, T, T, T& r, uint8_t& f) { return host::f64_sqrt(a & ~(T{1} << 63), r, f); },
      [](T a, T, T, uint8_t& f) { return f64_sqrt(a & ~(T{1} << 63), kRne, f); });
  compare<T, G>(
      "f64_fma", 5, [](T a, T b, T c, T& r, uint8_t& f) { return host::f64_fma(a, b, c, r, f); },
      [](T a, T b, T c, uint8_t& f) { return f64_fma(a, b, c, kRne, f); });
}

TEST(HostFloat, SingleMatchesTheSoftFloat) {
  using T = uint32_t;
  using G = Operands32;
  compare<T, G>(
      "f32_add", 6, [](T a, T b, T, T& r, uint8_t& f) { return host::f32_add(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f32_add(a, b, kRne, f); });
  compare<T, G>(
      "f32_mul", 7, [](T a, T b, T, T& r, uint8_t& f) { return host::f32_mul(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f32_mul(a, b, kRne, f); });
  compare<T, G>(
      "f32_div", 8, [](T a, T b, T, T& r, uint8_t& f) { return host::f32_div(a, b, r, f); },
      [](T a, T b, T, uint8_t& f) { return f32_div(a, b, kRne, f); });
  compare<T, G>(
      "f32_sqrt", 9,
      [](T a, T, T, T& r, uint8_t& f) { return host::f32_sqrt(a & 0x7fffffffu, r, f); },
      [](T a, T, T, uint8_t& f) { return f32_sqrt(a & 0x7fffffffu, kRne, f); });
  compare<T, G>(
      "f32_fma", 10, [](T a, T b, T c, T& r, uint8_t& f) { return host::f32_fma(a, b, c, r, f); },
      [](T a, T b, T c, uint8_t& f) { return f32_fma(a, b, c, kRne, f); });
}

// Exact and inexact results side by side, and what the fast path must leave
// to the soft float.
TEST(HostFloat, FlagsAndRefusals) {
  uint64_t r = 0;
  uint8_t flags = 0;
  const uint64_t one = 0x3ff0000000000000u, two = 0x4000000000000000u, three = 0x4008000000000000u;
  if (RVTLM_HOST_FLOAT) {
    ASSERT_TRUE(host::f64_add(one, two, r, flags));
    EXPECT_EQ(r, three);
    EXPECT_EQ(flags, 0);
    ASSERT_TRUE(host::f64_div(one, three, r, flags));
    EXPECT_EQ(flags, kInexact);
  }
  // NaN, infinity, zero results, subnormal and huge operands go to the soft float.
  flags = 0;
  EXPECT_FALSE(host::f64_add(0x7ff8000000000000u, one, r, flags));
  EXPECT_FALSE(host::f64_mul(0x7ff0000000000000u, one, r, flags));
  EXPECT_FALSE(host::f64_add(one, one | (uint64_t{1} << 63), r, flags));  // 1 + -1 = +0
  EXPECT_FALSE(host::f64_mul(0x0000000000000001u, one, r, flags));
  EXPECT_FALSE(host::f64_mul(0x7fe0000000000000u, two, r, flags));  // overflows
  EXPECT_FALSE(host::f64_div(one, 0, r, flags));
  EXPECT_FALSE(host::f64_sqrt(one | (uint64_t{1} << 63), r, flags));
  EXPECT_EQ(flags, 0);
  // A product far below the range, added to 1: the result is 1 but inexact,
  // which the exact error terms could not see; the soft float answers.
  const uint64_t tiny = uint64_t{1023 - 880} << 52;
  if (!host::f64_fma(tiny, tiny, one, r, flags)) flags = kInexact;
  EXPECT_EQ(flags, kInexact);
}

// The host's rounding mode is checked when a run starts (and for square
// roots on each call): in any other mode the soft float answers, and still
// rounds to nearest when asked to.
TEST(HostFloat, OtherHostRoundingModeFallsBack) {
  const uint64_t two = 0x4000000000000000u;
  uint8_t flags = 0;
  ASSERT_EQ(std::fesetround(FE_UPWARD), 0);
  const bool usable = host::usable();
  const uint64_t root = fast::f64_sqrt(two, kRne, flags);
  std::fesetround(FE_TONEAREST);
  EXPECT_FALSE(usable);
  uint8_t soft_flags = 0;
  EXPECT_EQ(root, f64_sqrt(two, kRne, soft_flags));
  EXPECT_EQ(root, 0x3ff6a09e667f3bcdu);  // sqrt(2) rounded to nearest
  EXPECT_EQ(flags, kInexact);
}

// What the semantics pass when the host may compute, and the plain mode
// they pass otherwise, give the same result and flags.
TEST(HostFloat, HostAndPlainRoundingToNearestAgree) {
  const uint64_t x = 0x3ff0000000000001u, y = 0x4008000000000000u;
  uint8_t f_fast = 0, f_soft = 0;
  const uint64_t fast_q = fast::f64_div(x, y, fast::kHostNearestEven, f_fast);
  const uint64_t soft_q = fast::f64_div(x, y, kRne, f_soft);
  EXPECT_EQ(fast_q, soft_q);
  EXPECT_EQ(f_fast, f_soft);
}

}  // namespace
}  // namespace rvtlm::iss::fp
