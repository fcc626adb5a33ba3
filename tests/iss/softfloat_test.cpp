// The soft-float library: hand-written cases from IEEE 754-2008 and the
// RISC-V F/D chapters (Unprivileged spec 20191213, 11-12), then a randomized
// cross-check against the host FPU (x86-64 SSE, which, like RISC-V, detects
// tininess after rounding) used as an oracle in this test only.
//
// Build this file with -ffp-contract=off -frounding-math so the oracle's
// host arithmetic is neither contracted nor evaluated at compile time.
#include "softfloat.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <ostream>
#include <random>
#include <string>
#include <type_traits>

namespace rvtlm::iss::fp {
namespace {

// ---------------------------------------------------------------------------
// Helpers: an operation's value together with the flags it raised.

template <typename T>
struct Out {
  T value;
  uint8_t flags;
  bool operator==(const Out& o) const { return value == o.value && flags == o.flags; }
};

std::string flag_names(uint8_t flags) {
  if (flags == 0) return "none";
  std::string s;
  const std::pair<uint8_t, const char*> names[] = {{kInvalid, "NV"},
                                                   {kDivideByZero, "DZ"},
                                                   {kOverflow, "OF"},
                                                   {kUnderflow, "UF"},
                                                   {kInexact, "NX"}};
  for (const auto& [bit, name] : names) {
    if ((flags & bit) == 0) continue;
    if (!s.empty()) s += "|";
    s += name;
  }
  return s;
}

template <typename T>
void PrintTo(const Out<T>& o, std::ostream* os) {
  if constexpr (std::is_same_v<T, bool>) {
    *os << (o.value ? "true" : "false");
  } else {
    *os << "0x" << std::hex << static_cast<uint64_t>(static_cast<std::make_unsigned_t<T>>(o.value))
        << std::dec;
  }
  *os << " flags " << flag_names(o.flags);
}

// Calls fn(args..., flags) with flags starting at 0.
template <typename Fn, typename... Args>
auto eval(Fn fn, Args... args) {
  uint8_t flags = 0;
  auto value = fn(args..., flags);
  return Out<decltype(value)>{value, flags};
}

template <typename T>
Out<T> out(T value, uint8_t flags = 0) {
  return {value, flags};
}
Out<uint32_t> o32(uint32_t v, uint8_t flags = 0) { return {v, flags}; }
Out<uint64_t> o64(uint64_t v, uint8_t flags = 0) { return {v, flags}; }

constexpr Rounding RNE = Rounding::NearestEven;
constexpr Rounding RTZ = Rounding::TowardZero;
constexpr Rounding RDN = Rounding::Down;
constexpr Rounding RUP = Rounding::Up;
constexpr Rounding RMM = Rounding::NearestMaxMagnitude;
constexpr Rounding kAllModes[] = {RNE, RTZ, RDN, RUP, RMM};

const char* mode_name(Rounding rm) {
  switch (rm) {
    case RNE:
      return "RNE";
    case RTZ:
      return "RTZ";
    case RDN:
      return "RDN";
    case RUP:
      return "RUP";
    case RMM:
      return "RMM";
  }
  return "?";
}

constexpr uint8_t NX = kInexact;
constexpr uint8_t UF = kUnderflow;
constexpr uint8_t OF = kOverflow;
constexpr uint8_t DZ = kDivideByZero;
constexpr uint8_t NV = kInvalid;

// binary32 patterns
constexpr uint32_t kPosZero32 = 0x00000000u;
constexpr uint32_t kNegZero32 = 0x80000000u;
constexpr uint32_t kOne32 = 0x3f800000u;
constexpr uint32_t kNegOne32 = 0xbf800000u;
constexpr uint32_t kTwo32 = 0x40000000u;
constexpr uint32_t kHalf32 = 0x3f000000u;
constexpr uint32_t kMinSub32 = 0x00000001u;
constexpr uint32_t kMaxSub32 = 0x007fffffu;
constexpr uint32_t kMinNormal32 = 0x00800000u;
constexpr uint32_t kMax32 = 0x7f7fffffu;
constexpr uint32_t kInf32 = 0x7f800000u;
constexpr uint32_t kNegInf32 = 0xff800000u;
constexpr uint32_t kQNaN32 = 0x7fc12345u;  // quiet, with a payload
constexpr uint32_t kSNaN32 = 0x7f800001u;

// binary64 patterns
constexpr uint64_t kPosZero64 = 0;
constexpr uint64_t kNegZero64 = 0x8000000000000000ull;
constexpr uint64_t kOne64 = 0x3ff0000000000000ull;
constexpr uint64_t kNegOne64 = 0xbff0000000000000ull;
constexpr uint64_t kTwo64 = 0x4000000000000000ull;
constexpr uint64_t kHalf64 = 0x3fe0000000000000ull;
constexpr uint64_t kMinSub64 = 0x0000000000000001ull;
constexpr uint64_t kMinNormal64 = 0x0010000000000000ull;
constexpr uint64_t kMax64 = 0x7fefffffffffffffull;
constexpr uint64_t kInf64 = 0x7ff0000000000000ull;
constexpr uint64_t kNegInf64 = 0xfff0000000000000ull;
constexpr uint64_t kQNaN64 = 0x7ff8000000012345ull;
constexpr uint64_t kSNaN64 = 0x7ff0000000000001ull;

struct ModeCase32 {
  Rounding rm;
  uint32_t value;
  uint8_t flags;
};
struct ModeCase64 {
  Rounding rm;
  uint64_t value;
  uint8_t flags;
};

// ---------------------------------------------------------------------------
// Rounding

TEST(SoftFloat, AddRoundsAHalfwayCaseAsEachModeRequires) {
  // 1 + 2^-24 lies halfway between 1 and 1 + 2^-23 (1 is even).
  const ModeCase32 pos[] = {{RNE, 0x3f800000, NX},
                            {RTZ, 0x3f800000, NX},
                            {RDN, 0x3f800000, NX},
                            {RUP, 0x3f800001, NX},
                            {RMM, 0x3f800001, NX}};
  for (const auto& c : pos) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_add, kOne32, 0x33800000u, c.rm), o32(c.value, c.flags));
  }
  const ModeCase32 neg[] = {{RNE, 0xbf800000, NX},
                            {RTZ, 0xbf800000, NX},
                            {RDN, 0xbf800001, NX},
                            {RUP, 0xbf800000, NX},
                            {RMM, 0xbf800001, NX}};
  for (const auto& c : neg) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_add, kNegOne32, 0xb3800000u, c.rm), o32(c.value, c.flags));
  }
  // (1 + 2^-23) + 2^-24: halfway with an odd lower neighbour.
  const ModeCase32 odd[] = {{RNE, 0x3f800002, NX},
                            {RTZ, 0x3f800001, NX},
                            {RDN, 0x3f800001, NX},
                            {RUP, 0x3f800002, NX},
                            {RMM, 0x3f800002, NX}};
  for (const auto& c : odd) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_add, 0x3f800001u, 0x33800000u, c.rm), o32(c.value, c.flags));
  }
  // binary64: 1 + 2^-53.
  const ModeCase64 pos64[] = {{RNE, kOne64, NX},
                              {RTZ, kOne64, NX},
                              {RDN, kOne64, NX},
                              {RUP, kOne64 + 1, NX},
                              {RMM, kOne64 + 1, NX}};
  for (const auto& c : pos64) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f64_add, kOne64, 0x3ca0000000000000ull, c.rm), o64(c.value, c.flags));
  }
}

TEST(SoftFloat, ExactResultsRaiseNoFlagsAndInexactOnesRaiseNX) {
  EXPECT_EQ(eval(f32_div, kOne32, 0x40800000u, RNE), o32(0x3e800000));  // 1/4
  EXPECT_EQ(eval(f32_div, kOne32, 0x40400000u, RNE), o32(0x3eaaaaab, NX));
  EXPECT_EQ(eval(f32_div, kOne32, 0x40400000u, RTZ), o32(0x3eaaaaaa, NX));
  EXPECT_EQ(eval(f64_div, kOne64, 0x4008000000000000ull, RNE), o64(0x3fd5555555555555ull, NX));
  EXPECT_EQ(eval(f64_div, kOne64, 0x4008000000000000ull, RUP), o64(0x3fd5555555555556ull, NX));
  EXPECT_EQ(eval(f32_mul, 0x40400000u, 0x40400000u, RNE), o32(0x41100000));  // 3*3
  EXPECT_EQ(eval(f64_sub, 0x4008000000000000ull, kOne64, RNE), o64(kTwo64));
}

TEST(SoftFloat, FlagsAccumulateAndAreNeverCleared) {
  uint8_t flags = kInvalid | kOverflow;
  EXPECT_EQ(f32_add(kOne32, kOne32, RNE, flags), kTwo32);
  EXPECT_EQ(flags, kInvalid | kOverflow);
  f64_div(kOne64, 0x4008000000000000ull, RNE, flags);
  EXPECT_EQ(flags, kInvalid | kOverflow | kInexact);
}

// ---------------------------------------------------------------------------
// Underflow and tininess

TEST(SoftFloat, ExactSubnormalResultsRaiseNoUnderflow) {
  EXPECT_EQ(eval(f32_mul, kMinNormal32, kHalf32, RNE), o32(0x00400000));
  EXPECT_EQ(eval(f32_add, kMinSub32, kMinSub32, RNE), o32(0x00000002));
  EXPECT_EQ(eval(f32_sub, kMinNormal32, kMinSub32, RNE), o32(kMaxSub32));
  EXPECT_EQ(eval(f64_mul, kMinNormal64, kHalf64, RNE), o64(0x0008000000000000ull));
  EXPECT_EQ(eval(f64_div, kMinSub64 * 6, 0x4008000000000000ull, RNE), o64(2));
  // An exactly representable subnormal converted from binary64.
  EXPECT_EQ(eval(f64_to_f32, 0x36a0000000000000ull, RNE), o32(kMinSub32));  // 2^-149
}

TEST(SoftFloat, InexactTinyResultsRaiseUnderflow) {
  // 2^-149 * 0.5 = 2^-150, halfway between 0 and the smallest subnormal.
  const ModeCase32 pos[] = {{RNE, 0x00000000, UF | NX},
                            {RTZ, 0x00000000, UF | NX},
                            {RDN, 0x00000000, UF | NX},
                            {RUP, 0x00000001, UF | NX},
                            {RMM, 0x00000001, UF | NX}};
  for (const auto& c : pos) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_mul, kMinSub32, kHalf32, c.rm), o32(c.value, c.flags));
  }
  const ModeCase32 neg[] = {{RNE, 0x80000000, UF | NX},
                            {RTZ, 0x80000000, UF | NX},
                            {RDN, 0x80000001, UF | NX},
                            {RUP, 0x80000000, UF | NX},
                            {RMM, 0x80000001, UF | NX}};
  for (const auto& c : neg) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_mul, 0x80000001u, kHalf32, c.rm), o32(c.value, c.flags));
  }
  EXPECT_EQ(eval(f64_mul, kMinSub64, kHalf64, RNE), o64(0, UF | NX));
  EXPECT_EQ(eval(f64_mul, kMinSub64, kHalf64, RUP), o64(1, UF | NX));
  // 1.5 * 2^-149 rounds to 2 * 2^-149 under RNE.
  EXPECT_EQ(eval(f64_to_f32, 0x36a8000000000000ull, RNE), o32(0x00000002, UF | NX));
  EXPECT_EQ(eval(f64_to_f32, kMinSub64, RNE), o32(0, UF | NX));
  EXPECT_EQ(eval(f64_to_f32, kMinSub64, RUP), o32(kMinSub32, UF | NX));
}

TEST(SoftFloat, TininessIsDetectedAfterRounding) {
  // 2^-126 - 2^-150 = (1 - 2^-24) * 2^-126 has 24 significant bits, so with an
  // unbounded exponent it stays below 2^-126: tiny in every mode, even where
  // the subnormal rounding carries it up to the smallest normal number.
  const ModeCase32 tiny[] = {{RNE, kMinNormal32, UF | NX},
                             {RTZ, kMaxSub32, UF | NX},
                             {RDN, kMaxSub32, UF | NX},
                             {RUP, kMinNormal32, UF | NX},
                             {RMM, kMinNormal32, UF | NX}};
  for (const auto& c : tiny) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_mul, 0x3f7fffffu, kMinNormal32, c.rm), o32(c.value, c.flags));
    EXPECT_EQ(eval(f64_to_f32, 0x380fffffe0000000ull, c.rm), o32(c.value, c.flags));
  }
  // 2^-126 - 2^-151 needs 25 bits: rounding it to 24 bits with an unbounded
  // exponent reaches 2^-126 in the modes that round up, so it is not tiny
  // there and the inexact result raises NX alone.
  const ModeCase32 boundary[] = {{RNE, kMinNormal32, NX},
                                 {RTZ, kMaxSub32, UF | NX},
                                 {RDN, kMaxSub32, UF | NX},
                                 {RUP, kMinNormal32, NX},
                                 {RMM, kMinNormal32, NX}};
  for (const auto& c : boundary) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f64_to_f32, 0x380ffffff0000000ull, c.rm), o32(c.value, c.flags));
    // (18631 * 2^-80) * (1801 * 2^-71) = (2^25 - 1) * 2^-151, the same value.
    EXPECT_EQ(eval(f32_mul, 0x1e918e00u, 0x21612000u, c.rm), o32(c.value, c.flags));
    // Negated: the directed modes swap roles.
    const Rounding mirrored = c.rm == RDN ? RUP : c.rm == RUP ? RDN : c.rm;
    EXPECT_EQ(eval(f32_mul, 0x9e918e00u, 0x21612000u, mirrored),
              o32(c.value | 0x80000000u, c.flags));
  }
  // binary64: (1 - 2^-53) * 2^-1022 is tiny; (1 - 2^-54) * 2^-1022 is not
  // under RNE.
  EXPECT_EQ(eval(f64_mul, 0x3fefffffffffffffull, kMinNormal64, RNE), o64(kMinNormal64, UF | NX));
  EXPECT_EQ(eval(f64_mul, 0x3fefffffffffffffull, kMinNormal64, RTZ),
            o64(kMinNormal64 - 1, UF | NX));
  // (1 + 2^-27) * 2^-1022 * (1 - 2^-27) = (1 - 2^-54) * 2^-1022.
  EXPECT_EQ(eval(f64_mul, 0x0010000002000000ull, 0x3feffffffc000000ull, RNE),
            o64(kMinNormal64, NX));
  EXPECT_EQ(eval(f64_mul, 0x0010000002000000ull, 0x3feffffffc000000ull, RTZ),
            o64(kMinNormal64 - 1, UF | NX));
  EXPECT_EQ(eval(f64_fma, 0x0010000002000000ull, 0x3feffffffc000000ull, kPosZero64, RUP),
            o64(kMinNormal64, NX));
}

// ---------------------------------------------------------------------------
// Overflow

TEST(SoftFloat, OverflowGivesInfinityOrTheLargestFiniteNumberByMode) {
  const ModeCase32 pos[] = {{RNE, kInf32, OF | NX},
                            {RTZ, kMax32, OF | NX},
                            {RDN, kMax32, OF | NX},
                            {RUP, kInf32, OF | NX},
                            {RMM, kInf32, OF | NX}};
  for (const auto& c : pos) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_mul, kMax32, kTwo32, c.rm), o32(c.value, c.flags));
    EXPECT_EQ(eval(f32_add, kMax32, kMax32, c.rm), o32(c.value, c.flags));
    EXPECT_EQ(eval(f64_to_f32, kMax64, c.rm), o32(c.value, c.flags));
  }
  const ModeCase32 neg[] = {{RNE, kNegInf32, OF | NX},
                            {RTZ, kMax32 | 0x80000000u, OF | NX},
                            {RDN, kNegInf32, OF | NX},
                            {RUP, kMax32 | 0x80000000u, OF | NX},
                            {RMM, kNegInf32, OF | NX}};
  for (const auto& c : neg) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_mul, kMax32, 0xc0000000u, c.rm), o32(c.value, c.flags));
    EXPECT_EQ(eval(f32_div, kMax32 | 0x80000000u, kHalf32, c.rm), o32(c.value, c.flags));
  }
  const ModeCase64 pos64[] = {{RNE, kInf64, OF | NX},
                              {RTZ, kMax64, OF | NX},
                              {RDN, kMax64, OF | NX},
                              {RUP, kInf64, OF | NX},
                              {RMM, kInf64, OF | NX}};
  for (const auto& c : pos64) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f64_mul, kMax64, kTwo64, c.rm), o64(c.value, c.flags));
    EXPECT_EQ(eval(f64_div, kMax64, 0x3fe0000000000001ull, c.rm), o64(c.value, c.flags));
    EXPECT_EQ(eval(f64_fma, kMax64, kTwo64, kNegOne64, c.rm), o64(c.value, c.flags));
  }
  const ModeCase64 neg64[] = {{RNE, kNegInf64, OF | NX},
                              {RTZ, kMax64 | kNegZero64, OF | NX},
                              {RDN, kNegInf64, OF | NX},
                              {RUP, kMax64 | kNegZero64, OF | NX},
                              {RMM, kNegInf64, OF | NX}};
  for (const auto& c : neg64) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f64_fma, kMax64 | kNegZero64, kTwo64, kOne64, c.rm), o64(c.value, c.flags));
    EXPECT_EQ(eval(f64_sub, kMax64 | kNegZero64, kMax64, c.rm), o64(c.value, c.flags));
  }
}

TEST(SoftFloat, OverflowIsJudgedOnTheRoundedResult) {
  // max + 2^103 is halfway between max (odd) and 2^128: only the modes that
  // round it up overflow; the others return max with NX alone.
  const ModeCase32 cases[] = {{RNE, kInf32, OF | NX},
                              {RTZ, kMax32, NX},
                              {RDN, kMax32, NX},
                              {RUP, kInf32, OF | NX},
                              {RMM, kInf32, OF | NX}};
  for (const auto& c : cases) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f32_add, kMax32, 0x73000000u, c.rm), o32(c.value, c.flags));
  }
  // max * 2 - max is exactly max when rounded once.
  EXPECT_EQ(eval(f32_fma, kMax32, kTwo32, kMax32 | 0x80000000u, RNE), o32(kMax32));
  EXPECT_EQ(eval(f64_fma, kMax64, kTwo64, kMax64 | kNegZero64, RNE), o64(kMax64));
}

// ---------------------------------------------------------------------------
// Division by zero, invalid operations, NaNs

TEST(SoftFloat, DivisionOfAFiniteNonzeroByZeroGivesSignedInfinityAndDZ) {
  EXPECT_EQ(eval(f32_div, kOne32, kPosZero32, RNE), o32(kInf32, DZ));
  EXPECT_EQ(eval(f32_div, kOne32, kNegZero32, RNE), o32(kNegInf32, DZ));
  EXPECT_EQ(eval(f32_div, kNegOne32, kPosZero32, RNE), o32(kNegInf32, DZ));
  EXPECT_EQ(eval(f32_div, kMinSub32, kPosZero32, RTZ), o32(kInf32, DZ));
  EXPECT_EQ(eval(f64_div, kNegOne64, kNegZero64, RNE), o64(kInf64, DZ));
  // Not a division by zero: an infinite dividend, a NaN, and 0/0.
  EXPECT_EQ(eval(f32_div, kInf32, kPosZero32, RNE), o32(kInf32));
  EXPECT_EQ(eval(f64_div, kQNaN64, kPosZero64, RNE), o64(kF64CanonicalNaN));
  EXPECT_EQ(eval(f32_div, kPosZero32, kPosZero32, RNE), o32(kF32CanonicalNaN, NV));
}

TEST(SoftFloat, InvalidOperationsGiveTheCanonicalNaNAndNV) {
  const uint32_t nan32 = kF32CanonicalNaN;
  EXPECT_EQ(eval(f32_add, kInf32, kNegInf32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sub, kInf32, kInf32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_mul, kPosZero32, kNegInf32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_mul, kInf32, kNegZero32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_div, kInf32, kNegInf32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_div, kNegZero32, kPosZero32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sqrt, kNegOne32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sqrt, kNegInf32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sqrt, 0x80000001u, RNE), o32(nan32, NV));
  const uint64_t nan64 = kF64CanonicalNaN;
  EXPECT_EQ(eval(f64_add, kNegInf64, kInf64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_mul, kInf64, kPosZero64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_div, kInf64, kInf64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_div, kPosZero64, kNegZero64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_sqrt, kNegOne64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_sqrt, kNegInf64, RNE), o64(nan64, NV));
}

TEST(SoftFloat, NaNOperandsGiveTheCanonicalNaNAndOnlySignalingOnesRaiseNV) {
  const uint32_t nan32 = kF32CanonicalNaN;
  EXPECT_EQ(eval(f32_add, kQNaN32, kOne32, RNE), o32(nan32));
  EXPECT_EQ(eval(f32_add, kOne32, 0xffc00000u, RNE), o32(nan32));  // negative qNaN
  EXPECT_EQ(eval(f32_add, kSNaN32, kOne32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sub, kInf32, 0xffbfffffu, RNE), o32(nan32, NV));  // negative sNaN
  EXPECT_EQ(eval(f32_mul, kOne32, kSNaN32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_mul, kPosZero32, kQNaN32, RNE), o32(nan32));
  EXPECT_EQ(eval(f32_div, kQNaN32, kSNaN32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_sqrt, kQNaN32, RNE), o32(nan32));
  EXPECT_EQ(eval(f32_sqrt, kSNaN32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_fma, kOne32, kOne32, kSNaN32, RNE), o32(nan32, NV));
  EXPECT_EQ(eval(f32_fma, kQNaN32, kOne32, kOne32, RNE), o32(nan32));
  const uint64_t nan64 = kF64CanonicalNaN;
  EXPECT_EQ(eval(f64_add, kQNaN64, kOne64, RNE), o64(nan64));
  EXPECT_EQ(eval(f64_add, kOne64, kSNaN64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_mul, 0xfff8000000000000ull, kInf64, RNE), o64(nan64));
  EXPECT_EQ(eval(f64_div, kSNaN64 | kNegZero64, kOne64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_sqrt, kSNaN64, RNE), o64(nan64, NV));
  EXPECT_EQ(eval(f64_fma, kOne64, kQNaN64, kSNaN64, RNE), o64(nan64, NV));
}

// ---------------------------------------------------------------------------
// Signed zeros (IEEE 754-2008 6.3)

TEST(SoftFloat, ExactCancellationGivesPositiveZeroExceptWhenRoundingDown) {
  const uint32_t values32[] = {kOne32, 0xc0600000u, kMinSub32, kMax32, 0x80400000u};
  const uint64_t values64[] = {kOne64, 0xc00c000000000000ull, kMinSub64, kMax64};
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    const uint32_t zero32 = rm == RDN ? kNegZero32 : kPosZero32;
    const uint64_t zero64 = rm == RDN ? kNegZero64 : kPosZero64;
    for (uint32_t x : values32) {
      EXPECT_EQ(eval(f32_sub, x, x, rm), o32(zero32));
      EXPECT_EQ(eval(f32_add, x, x ^ 0x80000000u, rm), o32(zero32));
      EXPECT_EQ(eval(f32_fma, x, kOne32, x ^ 0x80000000u, rm), o32(zero32));
    }
    for (uint64_t x : values64) {
      EXPECT_EQ(eval(f64_sub, x, x, rm), o64(zero64));
      EXPECT_EQ(eval(f64_fma, kNegOne64, x, x, rm), o64(zero64));
    }
    // Zeros of opposite signs sum to the same zero; zeros of one sign keep it.
    EXPECT_EQ(eval(f32_add, kPosZero32, kNegZero32, rm), o32(zero32));
    EXPECT_EQ(eval(f32_sub, kNegZero32, kNegZero32, rm), o32(zero32));
    EXPECT_EQ(eval(f32_add, kNegZero32, kNegZero32, rm), o32(kNegZero32));
    EXPECT_EQ(eval(f32_sub, kNegZero32, kPosZero32, rm), o32(kNegZero32));
    EXPECT_EQ(eval(f64_add, kNegZero64, kPosZero64, rm), o64(zero64));
    EXPECT_EQ(eval(f64_add, kPosZero64, kPosZero64, rm), o64(kPosZero64));
    // fma: a zero product plus a zero addend.
    EXPECT_EQ(eval(f32_fma, kNegZero32, kOne32, kPosZero32, rm), o32(zero32));
    EXPECT_EQ(eval(f32_fma, kNegZero32, kOne32, kNegZero32, rm), o32(kNegZero32));
    EXPECT_EQ(eval(f64_fma, kNegZero64, kNegOne64, kPosZero64, rm), o64(kPosZero64));
  }
}

TEST(SoftFloat, ZerosKeepTheSignOfProductsQuotientsAndRoots) {
  EXPECT_EQ(eval(f32_mul, kNegZero32, kOne32, RNE), o32(kNegZero32));
  EXPECT_EQ(eval(f32_mul, kNegZero32, kNegZero32, RNE), o32(kPosZero32));
  EXPECT_EQ(eval(f32_div, kNegZero32, 0x40a00000u, RNE), o32(kNegZero32));
  EXPECT_EQ(eval(f32_div, kOne32, kNegInf32, RNE), o32(kNegZero32));
  EXPECT_EQ(eval(f32_sqrt, kNegZero32, RNE), o32(kNegZero32));
  EXPECT_EQ(eval(f64_sqrt, kNegZero64, RNE), o64(kNegZero64));
  EXPECT_EQ(eval(f64_mul, kNegOne64, kPosZero64, RUP), o64(kNegZero64));
  // A nonzero result that rounds to zero keeps its sign.
  EXPECT_EQ(eval(f32_mul, 0x80000001u, kMinSub32, RNE), o32(kNegZero32, UF | NX));
  EXPECT_EQ(eval(f32_fma, 0x80000001u, kMinSub32, kPosZero32, RNE), o32(kNegZero32, UF | NX));
  EXPECT_EQ(eval(f32_fma, kMinSub32, kMinSub32, kNegZero32, RNE), o32(kPosZero32, UF | NX));
}

// ---------------------------------------------------------------------------
// Square root

TEST(SoftFloat, SquareRootIsCorrectlyRoundedAndExactForSquares) {
  EXPECT_EQ(eval(f32_sqrt, 0x40800000u, RNE), o32(kTwo32));
  EXPECT_EQ(eval(f32_sqrt, 0x00000002u, RNE), o32(0x1a800000));  // sqrt(2^-148) = 2^-74
  EXPECT_EQ(eval(f32_sqrt, kTwo32, RNE), o32(0x3fb504f3, NX));
  EXPECT_EQ(eval(f32_sqrt, kTwo32, RDN), o32(0x3fb504f3, NX));
  EXPECT_EQ(eval(f32_sqrt, kTwo32, RUP), o32(0x3fb504f4, NX));
  EXPECT_EQ(eval(f64_sqrt, kTwo64, RNE), o64(0x3ff6a09e667f3bcdull, NX));
  EXPECT_EQ(eval(f64_sqrt, kTwo64, RTZ), o64(0x3ff6a09e667f3bccull, NX));
  EXPECT_EQ(eval(f64_sqrt, 0x4022000000000000ull, RNE), o64(0x4008000000000000ull));  // sqrt 9
  EXPECT_EQ(eval(f64_sqrt, kMinSub64 * 4, RNE), o64(0x1e70000000000000ull));          // 2^-536
  EXPECT_EQ(eval(f32_sqrt, kInf32, RNE), o32(kInf32));
  EXPECT_EQ(eval(f64_sqrt, kMax64, RNE), o64(0x5fefffffffffffffull, NX));
}

// ---------------------------------------------------------------------------
// Fused multiply-add

TEST(SoftFloat, FmaRaisesInvalidForInfinityTimesZeroEvenWithAQuietNaNAddend) {
  EXPECT_EQ(eval(f32_fma, kInf32, kPosZero32, kQNaN32, RNE), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f32_fma, kNegZero32, kNegInf32, kF32CanonicalNaN, RNE), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f32_fma, kInf32, kPosZero32, kOne32, RNE), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f64_fma, kInf64, kNegZero64, kQNaN64, RNE), o64(kF64CanonicalNaN, NV));
  EXPECT_EQ(eval(f64_fma, kPosZero64, kInf64, kInf64, RNE), o64(kF64CanonicalNaN, NV));
  // Without inf * 0 a quiet NaN addend is quiet.
  EXPECT_EQ(eval(f32_fma, kInf32, kOne32, kQNaN32, RNE), o32(kF32CanonicalNaN));
  EXPECT_EQ(eval(f64_fma, kPosZero64, kOne64, kQNaN64, RNE), o64(kF64CanonicalNaN));
}

TEST(SoftFloat, FmaHandlesInfinitiesLikeAnAdditionOfTheProduct) {
  EXPECT_EQ(eval(f32_fma, kInf32, kOne32, kNegInf32, RNE), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f32_fma, kInf32, kNegOne32, kNegInf32, RNE), o32(kNegInf32));
  EXPECT_EQ(eval(f32_fma, kOne32, kOne32, kNegInf32, RNE), o32(kNegInf32));
  EXPECT_EQ(eval(f64_fma, kNegInf64, kNegOne64, kMax64, RNE), o64(kInf64));
}

TEST(SoftFloat, FmaRoundsOnlyOnce) {
  // (1 + 2^-23)(1 - 2^-23) - 1 = -2^-46 exactly; a rounded product would
  // give 0.
  EXPECT_EQ(eval(f32_fma, 0x3f800001u, 0x3f7ffffeu, kNegOne32, RNE), o32(0xa8800000));
  EXPECT_EQ(eval(f64_fma, kOne64 + 1, 0x3fefffffffffffffull, kNegOne64, RNE),
            o64(0x3c9ffffffffffffeull));  // (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105
  EXPECT_EQ(eval(f64_fma, kOne64 + 1, 0x3feffffffffffffeull, kNegOne64, RNE),
            o64(0xb970000000000000ull));  // (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104
  // A tiny addend decides the rounding of an otherwise exact product.
  EXPECT_EQ(eval(f32_fma, kOne32, kOne32, kMinSub32, RNE), o32(kOne32, NX));
  EXPECT_EQ(eval(f32_fma, kOne32, kOne32, kMinSub32, RUP), o32(kOne32 + 1, NX));
  EXPECT_EQ(eval(f64_fma, kOne64, kOne64, kMinSub64 | kNegZero64, RDN),
            o64(0x3fefffffffffffffull, NX));
}

// ---------------------------------------------------------------------------
// Comparisons, min/max, classify

TEST(SoftFloat, EqualityIsQuietAndOrderingIsSignaling) {
  EXPECT_EQ(eval(f32_eq, kQNaN32, kOne32), out(false));
  EXPECT_EQ(eval(f32_eq, kQNaN32, kQNaN32), out(false));
  EXPECT_EQ(eval(f32_eq, kSNaN32, kOne32), out(false, NV));
  EXPECT_EQ(eval(f32_lt, kQNaN32, kOne32), out(false, NV));
  EXPECT_EQ(eval(f32_le, kOne32, kQNaN32), out(false, NV));
  EXPECT_EQ(eval(f64_eq, kOne64, kSNaN64), out(false, NV));
  EXPECT_EQ(eval(f64_eq, kQNaN64, kQNaN64), out(false));
  EXPECT_EQ(eval(f64_lt, kQNaN64, kQNaN64), out(false, NV));
  EXPECT_EQ(eval(f64_le, kSNaN64, kOne64), out(false, NV));
}

TEST(SoftFloat, ComparisonsTreatZerosAsEqualAndOrderEverythingElse) {
  EXPECT_EQ(eval(f32_eq, kPosZero32, kNegZero32), out(true));
  EXPECT_EQ(eval(f32_lt, kNegZero32, kPosZero32), out(false));
  EXPECT_EQ(eval(f32_le, kPosZero32, kNegZero32), out(true));
  EXPECT_EQ(eval(f32_lt, kNegOne32, kOne32), out(true));
  EXPECT_EQ(eval(f32_lt, 0xc0000000u, kNegOne32), out(true));  // -2 < -1
  EXPECT_EQ(eval(f32_lt, kNegOne32, 0xc0000000u), out(false));
  EXPECT_EQ(eval(f32_le, kOne32, kOne32), out(true));
  EXPECT_EQ(eval(f32_lt, kOne32, kOne32), out(false));
  EXPECT_EQ(eval(f32_eq, kOne32, kOne32 + 1), out(false));
  EXPECT_EQ(eval(f32_lt, kNegInf32, kInf32), out(true));
  EXPECT_EQ(eval(f32_lt, kMaxSub32, kMinNormal32), out(true));
  EXPECT_EQ(eval(f32_le, kInf32, kMax32), out(false));
  EXPECT_EQ(eval(f64_eq, kNegZero64, kPosZero64), out(true));
  EXPECT_EQ(eval(f64_le, kNegZero64, kPosZero64), out(true));
  EXPECT_EQ(eval(f64_lt, kNegZero64, kPosZero64), out(false));
  EXPECT_EQ(eval(f64_lt, kNegInf64, kNegOne64), out(true));
  EXPECT_EQ(eval(f64_lt, kMinSub64 | kNegZero64, kNegZero64), out(true));
  EXPECT_EQ(eval(f64_le, kTwo64, kOne64), out(false));
}

TEST(SoftFloat, MinMaxOrderNegativeZeroBelowPositiveZeroAndIgnoreOneNaN) {
  for (auto [a, b] : {std::pair{kPosZero32, kNegZero32}, std::pair{kNegZero32, kPosZero32}}) {
    EXPECT_EQ(eval(f32_min, a, b), o32(kNegZero32));
    EXPECT_EQ(eval(f32_max, a, b), o32(kPosZero32));
  }
  for (auto [a, b] : {std::pair{kPosZero64, kNegZero64}, std::pair{kNegZero64, kPosZero64}}) {
    EXPECT_EQ(eval(f64_min, a, b), o64(kNegZero64));
    EXPECT_EQ(eval(f64_max, a, b), o64(kPosZero64));
  }
  EXPECT_EQ(eval(f32_min, kNegOne32, 0xc0000000u), o32(0xc0000000u));
  EXPECT_EQ(eval(f32_max, kNegOne32, 0xc0000000u), o32(kNegOne32));
  EXPECT_EQ(eval(f32_min, kNegInf32, kMax32), o32(kNegInf32));
  EXPECT_EQ(eval(f64_max, kInf64, kMax64), o64(kInf64));
  EXPECT_EQ(eval(f64_min, kMinSub64, kPosZero64), o64(kPosZero64));
  // One NaN: the other operand; NV only for a signaling NaN.
  EXPECT_EQ(eval(f32_min, kQNaN32, kOne32), o32(kOne32));
  EXPECT_EQ(eval(f32_max, kOne32, kQNaN32), o32(kOne32));
  EXPECT_EQ(eval(f32_min, kSNaN32, kNegOne32), o32(kNegOne32, NV));
  EXPECT_EQ(eval(f32_max, kNegZero32, kSNaN32), o32(kNegZero32, NV));
  EXPECT_EQ(eval(f64_min, kOne64, kQNaN64), o64(kOne64));
  EXPECT_EQ(eval(f64_max, kSNaN64, kNegInf64), o64(kNegInf64, NV));
  // Two NaNs: the canonical NaN.
  EXPECT_EQ(eval(f32_min, kQNaN32, 0xffc00001u), o32(kF32CanonicalNaN));
  EXPECT_EQ(eval(f32_max, kQNaN32, kSNaN32), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f64_min, kSNaN64, kSNaN64), o64(kF64CanonicalNaN, NV));
  EXPECT_EQ(eval(f64_max, kQNaN64, kQNaN64), o64(kF64CanonicalNaN));
}

TEST(SoftFloat, ClassifyReportsEachOfTheTenClasses) {
  const std::pair<uint32_t, unsigned> cases32[] = {
      {kNegInf32, 1u << 0},   {kNegOne32, 1u << 1},  {0x80000001u, 1u << 2},
      {0x807fffffu, 1u << 2}, {kNegZero32, 1u << 3}, {kPosZero32, 1u << 4},
      {kMinSub32, 1u << 5},   {kMaxSub32, 1u << 5},  {kMinNormal32, 1u << 6},
      {kMax32, 1u << 6},      {kInf32, 1u << 7},     {kSNaN32, 1u << 8},
      {0xffbfffffu, 1u << 8}, {kQNaN32, 1u << 9},    {0xffc00000u, 1u << 9}};
  for (const auto& [bits, mask] : cases32) EXPECT_EQ(f32_classify(bits), mask) << std::hex << bits;
  const std::pair<uint64_t, unsigned> cases64[] = {{kNegInf64, 1u << 0},
                                                   {kNegOne64, 1u << 1},
                                                   {kMinSub64 | kNegZero64, 1u << 2},
                                                   {kNegZero64, 1u << 3},
                                                   {kPosZero64, 1u << 4},
                                                   {0x000fffffffffffffull, 1u << 5},
                                                   {kOne64, 1u << 6},
                                                   {kInf64, 1u << 7},
                                                   {kSNaN64, 1u << 8},
                                                   {0x7ff7ffffffffffffull, 1u << 8},
                                                   {kQNaN64, 1u << 9},
                                                   {kF64CanonicalNaN, 1u << 9}};
  for (const auto& [bits, mask] : cases64) EXPECT_EQ(f64_classify(bits), mask) << std::hex << bits;
}

// ---------------------------------------------------------------------------
// Float to integer (Unprivileged spec 11.7, table 11.4)

TEST(SoftFloat, FloatToIntegerRoundsInEachMode) {
  struct Case {
    uint32_t input;
    int32_t rne, rtz, rdn, rup, rmm;
  };
  const Case cases[] = {
      {0x3fc00000, 2, 1, 1, 2, 2},       // 1.5
      {0x40200000, 2, 2, 2, 3, 3},       // 2.5
      {0xc0200000, -2, -2, -3, -2, -3},  // -2.5
      {0x3f400000, 1, 0, 0, 1, 1},       // 0.75
      {0xbe800000, 0, 0, -1, 0, 0},      // -0.25
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(eval(f32_to_i32, c.input, RNE), out(c.rne, NX));
    EXPECT_EQ(eval(f32_to_i32, c.input, RTZ), out(c.rtz, NX));
    EXPECT_EQ(eval(f32_to_i32, c.input, RDN), out(c.rdn, NX));
    EXPECT_EQ(eval(f32_to_i32, c.input, RUP), out(c.rup, NX));
    EXPECT_EQ(eval(f32_to_i32, c.input, RMM), out(c.rmm, NX));
    EXPECT_EQ(eval(f32_to_i64, c.input, RMM), out(int64_t{c.rmm}, NX));
  }
  EXPECT_EQ(eval(f32_to_i32, kMinSub32, RUP), out(int32_t{1}, NX));
  EXPECT_EQ(eval(f64_to_i64, kMinSub64 | kNegZero64, RDN), out(int64_t{-1}, NX));
  EXPECT_EQ(eval(f64_to_u64, kMinSub64, RNE), out(uint64_t{0}, NX));
  EXPECT_EQ(eval(f32_to_i32, kNegZero32, RDN), out(int32_t{0}));
  EXPECT_EQ(eval(f64_to_u32, 0x4045000000000000ull, RNE), out(uint32_t{42}));
}

TEST(SoftFloat, FloatToSigned32SaturatesBeyondTheLimits) {
  const int32_t max = std::numeric_limits<int32_t>::max();
  const int32_t min = std::numeric_limits<int32_t>::min();
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    EXPECT_EQ(eval(f32_to_i32, 0x4effffffu, rm), out(int32_t{2147483520}));  // largest below 2^31
    EXPECT_EQ(eval(f32_to_i32, 0x4f000000u, rm), out(max, NV));              // 2^31
    EXPECT_EQ(eval(f32_to_i32, 0xcf000000u, rm), out(min));                  // -2^31
    EXPECT_EQ(eval(f32_to_i32, 0xcf000001u, rm), out(min, NV));              // -2^31 - 256
    EXPECT_EQ(eval(f32_to_i32, kInf32, rm), out(max, NV));
    EXPECT_EQ(eval(f32_to_i32, kNegInf32, rm), out(min, NV));
    EXPECT_EQ(eval(f32_to_i32, kQNaN32, rm), out(max, NV));
    EXPECT_EQ(eval(f32_to_i32, 0xffc00000u, rm), out(max, NV));            // a negative NaN too
    EXPECT_EQ(eval(f64_to_i32, 0x41dfffffffc00000ull, rm), out(max));      // 2^31 - 1
    EXPECT_EQ(eval(f64_to_i32, 0x41e0000000000000ull, rm), out(max, NV));  // 2^31
    EXPECT_EQ(eval(f64_to_i32, 0xc1e0000000000000ull, rm), out(min));      // -2^31
    EXPECT_EQ(eval(f64_to_i32, 0xc1e0000000200000ull, rm), out(min, NV));  // -2^31 - 1
    EXPECT_EQ(eval(f64_to_i32, kSNaN64, rm), out(max, NV));
    EXPECT_EQ(eval(f64_to_i32, kNegInf64, rm), out(min, NV));
  }
  // 2^31 - 0.5 and -2^31 - 0.5: in range only where they round toward zero.
  const uint64_t above = 0x41dfffffffe00000ull;  // 2147483647.5
  EXPECT_EQ(eval(f64_to_i32, above, RNE), out(max, NV));
  EXPECT_EQ(eval(f64_to_i32, above, RTZ), out(max, NX));
  EXPECT_EQ(eval(f64_to_i32, above, RDN), out(max, NX));
  EXPECT_EQ(eval(f64_to_i32, above, RUP), out(max, NV));
  EXPECT_EQ(eval(f64_to_i32, above, RMM), out(max, NV));
  const uint64_t below = 0xc1e0000000100000ull;  // -2147483648.5
  EXPECT_EQ(eval(f64_to_i32, below, RNE), out(min, NX));
  EXPECT_EQ(eval(f64_to_i32, below, RTZ), out(min, NX));
  EXPECT_EQ(eval(f64_to_i32, below, RDN), out(min, NV));
  EXPECT_EQ(eval(f64_to_i32, below, RUP), out(min, NX));
  EXPECT_EQ(eval(f64_to_i32, below, RMM), out(min, NV));
}

TEST(SoftFloat, FloatToUnsigned32SaturatesBeyondTheLimits) {
  const uint32_t max = std::numeric_limits<uint32_t>::max();
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    EXPECT_EQ(eval(f32_to_u32, 0x4f7fffffu, rm), out(uint32_t{4294967040u}));  // below 2^32
    EXPECT_EQ(eval(f32_to_u32, 0x4f800000u, rm), out(max, NV));                // 2^32
    EXPECT_EQ(eval(f32_to_u32, kNegOne32, rm), out(uint32_t{0}, NV));
    EXPECT_EQ(eval(f32_to_u32, kNegZero32, rm), out(uint32_t{0}));
    EXPECT_EQ(eval(f32_to_u32, kInf32, rm), out(max, NV));
    EXPECT_EQ(eval(f32_to_u32, kNegInf32, rm), out(uint32_t{0}, NV));
    EXPECT_EQ(eval(f32_to_u32, kSNaN32, rm), out(max, NV));
    EXPECT_EQ(eval(f64_to_u32, 0x41efffffffe00000ull, rm), out(max));              // 2^32 - 1
    EXPECT_EQ(eval(f64_to_u32, 0x41f0000000000000ull, rm), out(max, NV));          // 2^32
    EXPECT_EQ(eval(f64_to_u32, 0xc1e0000000000000ull, rm), out(uint32_t{0}, NV));  // -2^31
    EXPECT_EQ(eval(f64_to_u32, kQNaN64 | kNegZero64, rm), out(max, NV));
  }
  const uint64_t above = 0x41effffffff00000ull;  // 4294967295.5
  EXPECT_EQ(eval(f64_to_u32, above, RNE), out(max, NV));
  EXPECT_EQ(eval(f64_to_u32, above, RTZ), out(max, NX));
  EXPECT_EQ(eval(f64_to_u32, above, RDN), out(max, NX));
  EXPECT_EQ(eval(f64_to_u32, above, RUP), out(max, NV));
  EXPECT_EQ(eval(f64_to_u32, above, RMM), out(max, NV));
  // Negative values that round to 0 give 0 with NX alone; below that, NV.
  const uint32_t minus_half = 0xbf000000u;
  EXPECT_EQ(eval(f32_to_u32, minus_half, RNE), out(uint32_t{0}, NX));
  EXPECT_EQ(eval(f32_to_u32, minus_half, RTZ), out(uint32_t{0}, NX));
  EXPECT_EQ(eval(f32_to_u32, minus_half, RUP), out(uint32_t{0}, NX));
  EXPECT_EQ(eval(f32_to_u32, minus_half, RDN), out(uint32_t{0}, NV));
  EXPECT_EQ(eval(f32_to_u32, minus_half, RMM), out(uint32_t{0}, NV));
  EXPECT_EQ(eval(f64_to_u32, 0xbfe8000000000000ull, RNE), out(uint32_t{0}, NV));  // -0.75
}

TEST(SoftFloat, FloatToSigned64SaturatesBeyondTheLimits) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const int64_t min = std::numeric_limits<int64_t>::min();
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    EXPECT_EQ(eval(f32_to_i64, 0x5effffffu, rm), out(int64_t{9223371487098961920}));
    EXPECT_EQ(eval(f32_to_i64, 0x5f000000u, rm), out(max, NV));  // 2^63
    EXPECT_EQ(eval(f32_to_i64, 0xdf000000u, rm), out(min));      // -2^63
    EXPECT_EQ(eval(f32_to_i64, 0xdf000001u, rm), out(min, NV));
    EXPECT_EQ(eval(f32_to_i64, kQNaN32, rm), out(max, NV));
    EXPECT_EQ(eval(f32_to_i64, kNegInf32, rm), out(min, NV));
    EXPECT_EQ(eval(f64_to_i64, 0x43dfffffffffffffull, rm), out(int64_t{9223372036854774784}));
    EXPECT_EQ(eval(f64_to_i64, 0x43e0000000000000ull, rm), out(max, NV));  // 2^63
    EXPECT_EQ(eval(f64_to_i64, 0xc3e0000000000000ull, rm), out(min));      // -2^63
    EXPECT_EQ(eval(f64_to_i64, 0xc3e0000000000001ull, rm), out(min, NV));
    EXPECT_EQ(eval(f64_to_i64, kMax64, rm), out(max, NV));
    EXPECT_EQ(eval(f64_to_i64, kSNaN64, rm), out(max, NV));
    EXPECT_EQ(eval(f64_to_i64, kInf64, rm), out(max, NV));
  }
}

TEST(SoftFloat, FloatToUnsigned64SaturatesBeyondTheLimits) {
  const uint64_t max = std::numeric_limits<uint64_t>::max();
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    EXPECT_EQ(eval(f32_to_u64, 0x5f7fffffu, rm), out(uint64_t{18446742974197923840u}));
    EXPECT_EQ(eval(f32_to_u64, 0x5f800000u, rm), out(max, NV));  // 2^64
    EXPECT_EQ(eval(f32_to_u64, 0x5f000000u, rm), out(uint64_t{1} << 63));
    EXPECT_EQ(eval(f32_to_u64, kNegOne32, rm), out(uint64_t{0}, NV));
    EXPECT_EQ(eval(f32_to_u64, kQNaN32, rm), out(max, NV));
    EXPECT_EQ(eval(f64_to_u64, 0x43efffffffffffffull, rm), out(uint64_t{18446744073709549568u}));
    EXPECT_EQ(eval(f64_to_u64, 0x43f0000000000000ull, rm), out(max, NV));  // 2^64
    EXPECT_EQ(eval(f64_to_u64, 0xc3e0000000000000ull, rm), out(uint64_t{0}, NV));
    EXPECT_EQ(eval(f64_to_u64, kNegInf64, rm), out(uint64_t{0}, NV));
    EXPECT_EQ(eval(f64_to_u64, kInf64, rm), out(max, NV));
  }
  EXPECT_EQ(eval(f64_to_u64, 0xbfd0000000000000ull, RNE), out(uint64_t{0}, NX));  // -0.25
  EXPECT_EQ(eval(f64_to_u64, 0xbfd0000000000000ull, RDN), out(uint64_t{0}, NV));
}

// ---------------------------------------------------------------------------
// Integer to float

TEST(SoftFloat, IntegerToFloatRoundsInEachMode) {
  const ModeCase32 int_max[] = {{RNE, 0x4f000000, NX},
                                {RTZ, 0x4effffff, NX},
                                {RDN, 0x4effffff, NX},
                                {RUP, 0x4f000000, NX},
                                {RMM, 0x4f000000, NX}};
  for (const auto& c : int_max) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(i32_to_f32, std::numeric_limits<int32_t>::max(), c.rm), o32(c.value, c.flags));
  }
  // 2^24 + 1 is halfway between 2^24 and 2^24 + 2.
  const ModeCase32 tie[] = {{RNE, 0x4b800000, NX},
                            {RTZ, 0x4b800000, NX},
                            {RDN, 0x4b800000, NX},
                            {RUP, 0x4b800001, NX},
                            {RMM, 0x4b800001, NX}};
  for (const auto& c : tie) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(u32_to_f32, 16777217u, c.rm), o32(c.value, c.flags));
    EXPECT_EQ(eval(i32_to_f32, -16777217,
                   RDN == c.rm   ? RUP
                   : RUP == c.rm ? RDN
                                 : c.rm),
              o32(c.value | 0x80000000u, c.flags));
  }
  const ModeCase64 tie64[] = {{RNE, 0x4340000000000000ull, NX},
                              {RTZ, 0x4340000000000000ull, NX},
                              {RDN, 0x4340000000000000ull, NX},
                              {RUP, 0x4340000000000001ull, NX},
                              {RMM, 0x4340000000000001ull, NX}};
  for (const auto& c : tie64) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(i64_to_f64, int64_t{(1ll << 53) + 1}, c.rm), o64(c.value, c.flags));
    EXPECT_EQ(eval(u64_to_f64, uint64_t{(1ull << 53) + 1}, c.rm), o64(c.value, c.flags));
  }
  for (Rounding rm : kAllModes) {
    SCOPED_TRACE(mode_name(rm));
    const bool up = rm == RNE || rm == RUP || rm == RMM;
    EXPECT_EQ(eval(u32_to_f32, std::numeric_limits<uint32_t>::max(), rm),
              o32(up ? 0x4f800000 : 0x4f7fffff, NX));
    EXPECT_EQ(eval(u64_to_f32, std::numeric_limits<uint64_t>::max(), rm),
              o32(up ? 0x5f800000 : 0x5f7fffff, NX));
    EXPECT_EQ(eval(u64_to_f64, std::numeric_limits<uint64_t>::max(), rm),
              o64(up ? 0x43f0000000000000ull : 0x43efffffffffffffull, NX));
    EXPECT_EQ(eval(i64_to_f32, std::numeric_limits<int64_t>::max(), rm),
              o32(up ? 0x5f000000 : 0x5effffff, NX));
    EXPECT_EQ(eval(i64_to_f32, std::numeric_limits<int64_t>::min(), rm), o32(0xdf000000));
    EXPECT_EQ(eval(i64_to_f64, std::numeric_limits<int64_t>::min(), rm),
              o64(0xc3e0000000000000ull));
    EXPECT_EQ(eval(i32_to_f32, std::numeric_limits<int32_t>::min(), rm), o32(0xcf000000));
    EXPECT_EQ(eval(i32_to_f64, std::numeric_limits<int32_t>::min(), rm),
              o64(0xc1e0000000000000ull));
    EXPECT_EQ(eval(i32_to_f64, -1, rm), o64(kNegOne64));
    EXPECT_EQ(eval(u32_to_f64, std::numeric_limits<uint32_t>::max(), rm),
              o64(0x41efffffffe00000ull));
    // Zero converts to +0 in every mode.
    EXPECT_EQ(eval(i32_to_f32, 0, rm), o32(kPosZero32));
    EXPECT_EQ(eval(i64_to_f64, 0, rm), o64(kPosZero64));
    EXPECT_EQ(eval(u64_to_f32, 0, rm), o32(kPosZero32));
  }
}

// ---------------------------------------------------------------------------
// Between the formats

TEST(SoftFloat, SingleToDoubleIsExactAndCanonicalizesNaNs) {
  EXPECT_EQ(eval(f32_to_f64, kMinSub32), o64(0x36a0000000000000ull));
  EXPECT_EQ(eval(f32_to_f64, 0x807fffffu), o64(0xb80fffffc0000000ull));
  EXPECT_EQ(eval(f32_to_f64, kMax32), o64(0x47efffffe0000000ull));
  EXPECT_EQ(eval(f32_to_f64, kOne32), o64(kOne64));
  EXPECT_EQ(eval(f32_to_f64, kNegZero32), o64(kNegZero64));
  EXPECT_EQ(eval(f32_to_f64, kNegInf32), o64(kNegInf64));
  EXPECT_EQ(eval(f32_to_f64, kQNaN32), o64(kF64CanonicalNaN));
  EXPECT_EQ(eval(f32_to_f64, 0xffc00000u), o64(kF64CanonicalNaN));
  EXPECT_EQ(eval(f32_to_f64, kSNaN32), o64(kF64CanonicalNaN, NV));
}

TEST(SoftFloat, DoubleToSingleRoundsAndCanonicalizesNaNs) {
  const ModeCase32 tie[] = {{RNE, kOne32, NX},
                            {RTZ, kOne32, NX},
                            {RDN, kOne32, NX},
                            {RUP, kOne32 + 1, NX},
                            {RMM, kOne32 + 1, NX}};
  for (const auto& c : tie) {
    SCOPED_TRACE(mode_name(c.rm));
    EXPECT_EQ(eval(f64_to_f32, 0x3ff0000010000000ull, c.rm), o32(c.value, c.flags));  // 1 + 2^-24
  }
  EXPECT_EQ(eval(f64_to_f32, 0x3690000000000000ull, RNE), o32(0, UF | NX));  // 2^-150
  EXPECT_EQ(eval(f64_to_f32, kNegInf64, RNE), o32(kNegInf32));
  EXPECT_EQ(eval(f64_to_f32, kNegZero64, RUP), o32(kNegZero32));
  EXPECT_EQ(eval(f64_to_f32, kQNaN64, RNE), o32(kF32CanonicalNaN));
  EXPECT_EQ(eval(f64_to_f32, kSNaN64 | kNegZero64, RNE), o32(kF32CanonicalNaN, NV));
  EXPECT_EQ(eval(f64_to_f32, 0x47efffffe0000000ull, RNE), o32(kMax32));
  EXPECT_EQ(eval(f64_to_f32, 0x47efffffefffffffull, RNE), o32(kMax32, NX));
  EXPECT_EQ(eval(f64_to_f32, 0x47effffff0000000ull, RNE), o32(kInf32, OF | NX));
}

// ---------------------------------------------------------------------------
// The host FPU as an oracle (x86-64 only).

#if defined(__x86_64__)

// Restores the host rounding mode and clears its flags when it goes.
class HostRounding {
 public:
  explicit HostRounding(Rounding rm) : saved_(std::fegetround()) {
    std::fesetround(rm == RTZ   ? FE_TOWARDZERO
                    : rm == RDN ? FE_DOWNWARD
                    : rm == RUP ? FE_UPWARD
                                : FE_TONEAREST);
  }
  ~HostRounding() {
    std::fesetround(saved_);
    std::feclearexcept(FE_ALL_EXCEPT);
  }
  HostRounding(const HostRounding&) = delete;
  HostRounding& operator=(const HostRounding&) = delete;

 private:
  int saved_;
};

uint8_t host_flags() {
  const int e = std::fetestexcept(FE_ALL_EXCEPT);
  return static_cast<uint8_t>(
      ((e & FE_INEXACT) ? kInexact : 0) | ((e & FE_UNDERFLOW) ? kUnderflow : 0) |
      ((e & FE_OVERFLOW) ? kOverflow : 0) | ((e & FE_DIVBYZERO) ? kDivideByZero : 0) |
      ((e & FE_INVALID) ? kInvalid : 0));
}

// The four modes the host has (it lacks NearestMaxMagnitude).
constexpr Rounding kHostModes[] = {RNE, RTZ, RDN, RUP};

struct HostF32 {
  using Bits = uint32_t;
  using Host = float;
  static constexpr int kExpBits = 8;
  static constexpr int kFracBits = 23;
  static constexpr Bits kCanonicalNaN = kF32CanonicalNaN;
};
struct HostF64 {
  using Bits = uint64_t;
  using Host = double;
  static constexpr int kExpBits = 11;
  static constexpr int kFracBits = 52;
  static constexpr Bits kCanonicalNaN = kF64CanonicalNaN;
};

template <typename To, typename From>
To bit_cast(From from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

// Draws operands biased toward the cases where rounding and exceptions are
// decided: zeros, subnormals, the edges of the normal range, infinities,
// NaNs, significands with few bits set or long runs of ones (exact and
// halfway results), and pairs with related exponents.
template <class T>
class OperandSource {
 public:
  using Bits = typename T::Bits;
  static constexpr int kBias = (1 << (T::kExpBits - 1)) - 1;
  static constexpr int kExpMax = (1 << T::kExpBits) - 1;

  explicit OperandSource(uint64_t seed) : rng_(seed) {}

  uint64_t below(uint64_t n) { return rng_() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }

  Bits fraction() {
    const Bits mask = (Bits{1} << T::kFracBits) - 1;
    const Bits r = static_cast<Bits>(rng_()) & mask;
    switch (below(8)) {
      case 0:
        return 0;
      case 1:
        return mask;
      case 2:
        return mask ^ (static_cast<Bits>(rng_()) & 0xf);  // run of ones
      case 3:
        return r & ~((Bits{1} << below(T::kFracBits)) - 1);  // trailing zeros
      case 4:
        return r >> below(T::kFracBits);  // leading zeros
      case 5:
        return (Bits{1} << below(T::kFracBits)) | (Bits{1} << below(T::kFracBits));
      default:
        return r;
    }
  }

  Bits pack(bool sign, int exp, Bits frac) {
    return (sign ? Bits{1} << (T::kExpBits + T::kFracBits) : 0) |
           (static_cast<Bits>(exp) << T::kFracBits) | frac;
  }

  // A finite operand with the biased exponent `exp` clamped into range.
  Bits with_exponent(bool sign, int exp) {
    if (exp <= 0) return pack(sign, 0, fraction() | (exp == 0 ? 0 : 1));
    if (exp >= kExpMax) exp = kExpMax - 1;
    return pack(sign, exp, fraction());
  }

  Bits any() {
    const bool sign = chance(50);
    const Bits quiet = Bits{1} << (T::kFracBits - 1);
    switch (below(20)) {
      case 0:
        return pack(sign, 0, 0);
      case 1:
        return pack(sign, kExpMax, 0);
      case 2:
        return pack(sign, kExpMax, quiet | (fraction() & (quiet - 1)));
      case 3:
        return pack(sign, kExpMax, (fraction() & (quiet - 1)) | 1);  // signaling
      case 4:
      case 5:
        return pack(sign, 0, fraction() | 1);  // subnormal
      case 6:
        return pack(sign, 1 + static_cast<int>(below(3)), fraction());  // smallest normals
      case 7:
        return pack(sign, kExpMax - 1 - static_cast<int>(below(3)), fraction());
      case 8:
      case 9:
      case 10:
        return pack(sign, kBias - T::kFracBits + static_cast<int>(below(2 * T::kFracBits)),
                    fraction());
      default:
        return pack(sign, 1 + static_cast<int>(below(kExpMax - 1)), fraction());
    }
  }

  static int exponent_of(Bits x) {
    return static_cast<int>((x >> T::kFracBits) & static_cast<Bits>(kExpMax));
  }

 private:
  std::mt19937_64 rng_;
};

template <class T>
typename T::Bits expected_bits(typename T::Host r) {
  return std::isnan(r) ? T::kCanonicalNaN : bit_cast<typename T::Bits>(r);
}

// Tallies mismatches and reports the first few with their operands.
class Mismatches {
 public:
  explicit Mismatches(const char* what) : what_(what) {}
  template <typename... Operands>
  void check(uint64_t got, uint8_t got_flags, uint64_t want, uint8_t want_flags, Rounding rm,
             Operands... operands) {
    ++cases_;
    if (got == want && got_flags == want_flags) return;
    if (++failures_ > 10) return;
    std::string ops;
    for (uint64_t o : {static_cast<uint64_t>(operands)...}) {
      char buf[24];
      std::snprintf(buf, sizeof buf, " 0x%llx", static_cast<unsigned long long>(o));
      ops += buf;
    }
    char line[200];
    std::snprintf(line, sizeof line, "got 0x%llx %s, want 0x%llx %s",
                  static_cast<unsigned long long>(got), flag_names(got_flags).c_str(),
                  static_cast<unsigned long long>(want), flag_names(want_flags).c_str());
    ADD_FAILURE() << what_ << " " << mode_name(rm) << " of" << ops << ": " << line;
  }
  ~Mismatches() {
    EXPECT_EQ(failures_, 0u) << what_ << ": mismatches in " << cases_ << " cases";
    std::printf("[ oracle   ] %-12s %8llu cases, %llu mismatches\n", what_,
                static_cast<unsigned long long>(cases_),
                static_cast<unsigned long long>(failures_));
  }
  Mismatches(const Mismatches&) = delete;
  Mismatches& operator=(const Mismatches&) = delete;

 private:
  const char* what_;
  uint64_t cases_ = 0;
  uint64_t failures_ = 0;
};

constexpr int kPerMode = 100000;  // operands per operation and rounding mode

// Host operations on volatile operands, so that nothing is folded or moved
// out of the window between clearing and reading the host flags.
template <typename H>
H host_binary(char op, H a, H b) {
  volatile H x = a;
  volatile H y = b;
  volatile H r;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      break;
    default:
      r = x / y;
      break;
  }
  return r;
}

template <class T, typename Soft>
void cross_check_binary(const char* what, char op, Soft soft, uint64_t seed) {
  using Bits = typename T::Bits;
  using H = typename T::Host;
  using Source = OperandSource<T>;
  Source src(seed);
  Mismatches mismatches(what);
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < kPerMode; ++i) {
      Bits a = src.any();
      Bits b = src.any();
      const int ea = Source::exponent_of(a);
      const bool sign = src.chance(50);
      switch (src.below(7)) {
        case 0:  // exponents close together: alignment, cancellation, halfway sums
          b = src.with_exponent(
              sign, ea + static_cast<int>(src.below(2 * T::kFracBits + 7)) - T::kFracBits - 3);
          break;
        case 1:  // a result near the bottom or the top of the range
          if (op == '*') {
            const int target =
                src.chance(50) ? static_cast<int>(src.below(T::kFracBits + 4)) - T::kFracBits - 2
                               : Source::kExpMax - 3 + static_cast<int>(src.below(4));
            b = src.with_exponent(sign, target - ea + Source::kBias);
          } else if (op == '/') {
            const int target =
                src.chance(50) ? static_cast<int>(src.below(T::kFracBits + 4)) - T::kFracBits - 2
                               : Source::kExpMax - 3 + static_cast<int>(src.below(4));
            b = src.with_exponent(sign, ea - target + Source::kBias);
          } else {
            // An operand that nearly cancels a.
            b = a ^ static_cast<Bits>(src.below(4)) ^
                (op == '+' ? Bits{1} << (T::kExpBits + T::kFracBits) : 0);
          }
          break;
        case 2:  // a product or quotient next to a point where rounding decides a flag
          if (op == '*' || op == '/') {
            // The smallest normal number; the point below it from which
            // rounding reaches it (tininess after rounding); and the point
            // above the largest finite number from which rounding overflows.
            const int emin = 1 - Source::kBias;
            const long double targets[] = {
                std::ldexp(1.0L, emin),
                std::ldexp(1.0L - std::ldexp(1.0L, -(T::kFracBits + 2)), emin),
                std::ldexp(2.0L - std::ldexp(1.0L, -(T::kFracBits + 1)), Source::kBias)};
            const long double target = (sign ? -1 : 1) * targets[src.below(3)];
            // The host's extended precision makes b = target / a (or
            // a = target * b) land within an ulp or so of the target. (A
            // quotient of two p-bit significands is never within 2^-p of a
            // power of two unless it is one, so division cannot reach the
            // last two windows; products can.)
            if (op == '*') {
              b = bit_cast<Bits>(static_cast<H>(target / bit_cast<H>(a)));
            } else {
              a = bit_cast<Bits>(static_cast<H>(target * bit_cast<H>(b)));
            }
          }
          break;
        default:
          break;
      }
      std::feclearexcept(FE_ALL_EXCEPT);
      const H r = host_binary<H>(op, bit_cast<H>(a), bit_cast<H>(b));
      const uint8_t want_flags = host_flags();
      uint8_t flags = 0;
      const Bits got = soft(a, b, rm, flags);
      mismatches.check(got, flags, expected_bits<T>(r), want_flags, rm, a, b);
    }
  }
}

TEST(SoftFloatHostOracle, F32AddMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF32>("f32_add", '+', f32_add, 1);
}
TEST(SoftFloatHostOracle, F32SubMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF32>("f32_sub", '-', f32_sub, 2);
}
TEST(SoftFloatHostOracle, F32MulMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF32>("f32_mul", '*', f32_mul, 3);
}
TEST(SoftFloatHostOracle, F32DivMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF32>("f32_div", '/', f32_div, 4);
}
TEST(SoftFloatHostOracle, F64AddMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF64>("f64_add", '+', f64_add, 5);
}
TEST(SoftFloatHostOracle, F64SubMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF64>("f64_sub", '-', f64_sub, 6);
}
TEST(SoftFloatHostOracle, F64MulMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF64>("f64_mul", '*', f64_mul, 7);
}
TEST(SoftFloatHostOracle, F64DivMatchesTheHostInEveryHostRoundingMode) {
  cross_check_binary<HostF64>("f64_div", '/', f64_div, 8);
}

template <class T, typename Soft>
void cross_check_sqrt(const char* what, Soft soft, uint64_t seed) {
  using Bits = typename T::Bits;
  using H = typename T::Host;
  OperandSource<T> src(seed);
  Mismatches mismatches(what);
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < kPerMode; ++i) {
      Bits a = src.any();
      if (src.chance(80)) a &= ~(Bits{1} << (T::kExpBits + T::kFracBits));  // mostly positive
      if (src.chance(10)) {
        // An exact square of a short significand.
        const Bits root = src.any() & ~(Bits{1} << (T::kExpBits + T::kFracBits));
        const Bits shortened = root & ~((Bits{1} << (T::kFracBits / 2 + 1)) - 1);
        uint8_t ignored = 0;
        if constexpr (std::is_same_v<T, HostF32>) {
          a = f32_mul(shortened, shortened, RNE, ignored);
        } else {
          a = f64_mul(shortened, shortened, RNE, ignored);
        }
      }
      std::feclearexcept(FE_ALL_EXCEPT);
      volatile H x = bit_cast<H>(a);
      volatile H r = std::sqrt(static_cast<H>(x));
      const uint8_t want_flags = host_flags();
      uint8_t flags = 0;
      const Bits got = soft(a, rm, flags);
      mismatches.check(got, flags, expected_bits<T>(r), want_flags, rm, a);
    }
  }
}

TEST(SoftFloatHostOracle, F32SqrtMatchesTheHostInEveryHostRoundingMode) {
  cross_check_sqrt<HostF32>("f32_sqrt", f32_sqrt, 9);
}
TEST(SoftFloatHostOracle, F64SqrtMatchesTheHostInEveryHostRoundingMode) {
  cross_check_sqrt<HostF64>("f64_sqrt", f64_sqrt, 10);
}

template <class T, typename Soft, typename SoftMul>
void cross_check_fma(const char* what, Soft soft, SoftMul soft_mul, uint64_t seed) {
  using Bits = typename T::Bits;
  using H = typename T::Host;
  using Source = OperandSource<T>;
  Source src(seed);
  Mismatches mismatches(what);
  const Bits sign_bit = Bits{1} << (T::kExpBits + T::kFracBits);
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < kPerMode; ++i) {
      const Bits a = src.any();
      const Bits b = src.any();
      Bits c = src.any();
      const int product_exp = Source::exponent_of(a) + Source::exponent_of(b) - Source::kBias;
      switch (src.below(4)) {
        case 0:  // an addend that cancels most of the product
        {
          uint8_t ignored = 0;
          c = soft_mul(a, b, rm, ignored) ^ sign_bit ^ static_cast<Bits>(src.below(3));
        } break;
        case 1:  // an addend whose exponent is near the product's
          c = src.with_exponent(src.chance(50),
                                product_exp + static_cast<int>(src.below(4 * T::kFracBits + 9)) -
                                    2 * T::kFracBits - 4);
          break;
        default:
          break;
      }
      std::feclearexcept(FE_ALL_EXCEPT);
      volatile H x = bit_cast<H>(a);
      volatile H y = bit_cast<H>(b);
      volatile H z = bit_cast<H>(c);
      volatile H r = std::fma(static_cast<H>(x), static_cast<H>(y), static_cast<H>(z));
      uint8_t want_flags = host_flags();
      // The one place RISC-V departs from the host: inf * 0 with a quiet NaN
      // addend is invalid (Unprivileged spec 11.6); x86 returns the NaN quietly.
      const H ha = bit_cast<H>(a);
      const H hb = bit_cast<H>(b);
      if (((std::isinf(ha) && hb == 0) || (ha == 0 && std::isinf(hb))) &&
          std::isnan(bit_cast<H>(c))) {
        want_flags |= kInvalid;
      }
      uint8_t flags = 0;
      const Bits got = soft(a, b, c, rm, flags);
      mismatches.check(got, flags, expected_bits<T>(r), want_flags, rm, a, b, c);
    }
  }
}

TEST(SoftFloatHostOracle, F32FmaMatchesTheHostInEveryHostRoundingMode) {
  cross_check_fma<HostF32>("f32_fma", f32_fma, f32_mul, 11);
}
TEST(SoftFloatHostOracle, F64FmaMatchesTheHostInEveryHostRoundingMode) {
  cross_check_fma<HostF64>("f64_fma", f64_fma, f64_mul, 12);
}

TEST(SoftFloatHostOracle, FormatConversionsMatchTheHostInEveryHostRoundingMode) {
  OperandSource<HostF32> src32(13);
  OperandSource<HostF64> src64(14);
  Mismatches widen("f32_to_f64");
  Mismatches narrow("f64_to_f32");
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < kPerMode; ++i) {
      const uint32_t a = src32.any();
      std::feclearexcept(FE_ALL_EXCEPT);
      volatile float x = bit_cast<float>(a);
      volatile double wide = x;
      uint8_t want_flags = host_flags();
      uint8_t flags = 0;
      uint64_t got = f32_to_f64(a, flags);
      widen.check(got, flags, expected_bits<HostF64>(wide), want_flags, rm, a);

      // Half the binary64 operands lie in or near binary32's range.
      uint64_t d = src64.any();
      if (src64.chance(50)) {
        d = src64.with_exponent(src64.chance(50), 1023 - 150 + static_cast<int>(src64.below(280)));
      }
      std::feclearexcept(FE_ALL_EXCEPT);
      volatile double y = bit_cast<double>(d);
      volatile float narrowed = static_cast<float>(y);
      want_flags = host_flags();
      flags = 0;
      got = f64_to_f32(d, rm, flags);
      narrow.check(got, flags, expected_bits<HostF32>(narrowed), want_flags, rm, d);
    }
  }
}

// Integers biased toward the limits of each width and toward values that
// need rounding (more significant bits than a significand holds).
class IntegerSource {
 public:
  explicit IntegerSource(uint64_t seed) : rng_(seed) {}
  uint64_t next() {
    const uint64_t r = rng_();
    const unsigned choice = static_cast<unsigned>(rng_() % 8);
    const unsigned bits = static_cast<unsigned>(rng_() % 65);
    const uint64_t limited = bits == 64 ? r : r & ((uint64_t{1} << bits) - 1);
    switch (choice) {
      case 0:
        return limited;
      case 1:
        return ~limited;  // near the top, or negative
      case 2:
        return limited | (uint64_t{1} << 63);  // large unsigned / negative
      case 3:
        return limited | (uint64_t{1} << (bits % 64));
      case 4:
        return (uint64_t{1} << (r % 64)) + (rng_() % 5) - 2;  // around a power of two
      case 5:
        return static_cast<uint64_t>(static_cast<int32_t>(r));  // 32-bit signed range
      case 6:
        return r & 0xffffffff;
      default:
        return r;
    }
  }

 private:
  std::mt19937_64 rng_;
};

template <typename Int, typename H>
H host_from_int(Int v) {
  volatile Int x = v;
  volatile H r = static_cast<H>(x);
  return r;
}

template <class T, typename Int, typename Soft>
void cross_check_from_int(Mismatches& m, Soft soft, Int v, Rounding rm) {
  using H = typename T::Host;
  std::feclearexcept(FE_ALL_EXCEPT);
  const H r = host_from_int<Int, H>(v);
  const uint8_t want_flags = host_flags();
  uint8_t flags = 0;
  const auto got = soft(v, rm, flags);
  m.check(got, flags, expected_bits<T>(r), want_flags, rm, v);
}

TEST(SoftFloatHostOracle, IntegerToFloatMatchesTheHostInEveryHostRoundingMode) {
  IntegerSource src(15);
  Mismatches m_i32_f32("i32_to_f32"), m_u32_f32("u32_to_f32"), m_i64_f32("i64_to_f32"),
      m_u64_f32("u64_to_f32"), m_i32_f64("i32_to_f64"), m_u32_f64("u32_to_f64"),
      m_i64_f64("i64_to_f64"), m_u64_f64("u64_to_f64");
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < 2 * kPerMode; ++i) {
      const uint64_t v = src.next();
      const auto s32 = static_cast<int32_t>(v);
      const auto u32 = static_cast<uint32_t>(v);
      const auto s64 = static_cast<int64_t>(v);
      cross_check_from_int<HostF32>(m_i32_f32, i32_to_f32, s32, rm);
      cross_check_from_int<HostF32>(m_u32_f32, u32_to_f32, u32, rm);
      cross_check_from_int<HostF32>(m_i64_f32, i64_to_f32, s64, rm);
      cross_check_from_int<HostF32>(m_u64_f32, u64_to_f32, v, rm);
      cross_check_from_int<HostF64>(m_i32_f64, i32_to_f64, s32, rm);
      cross_check_from_int<HostF64>(m_u32_f64, u32_to_f64, u32, rm);
      cross_check_from_int<HostF64>(m_i64_f64, i64_to_f64, s64, rm);
      cross_check_from_int<HostF64>(m_u64_f64, u64_to_f64, v, rm);
    }
  }
}

// The RISC-V result of converting host value x to an integer of `width`
// bits: the host rounds (llrint honours the host mode and raises NX) where
// the value fits in 64 bits, and table 11.4's saturation is applied here.
template <typename H>
uint64_t expected_to_int(H x, bool is_signed, int width, uint8_t& flags) {
  const uint64_t all_ones = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  const uint64_t max_positive = is_signed ? all_ones >> 1 : all_ones;
  const uint64_t most_negative = is_signed ? 0 - (max_positive + 1) : 0;
  flags = 0;
  if (std::isnan(x)) {
    flags = kInvalid;
    return max_positive;
  }
  const H two63 = static_cast<H>(9223372036854775808.0);
  if (std::isinf(x) || std::fabs(x) >= two63) {
    // Every such value is an integer already.
    if (is_signed && width == 64 && x == -two63) return most_negative;
    if (!is_signed && width == 64 && x > 0 && x < 2 * two63) {
      return static_cast<uint64_t>(static_cast<int64_t>(x - two63)) + (uint64_t{1} << 63);
    }
    flags = kInvalid;
    return x < 0 ? most_negative : max_positive;
  }
  std::feclearexcept(FE_ALL_EXCEPT);
  volatile H v = x;
  volatile long long rounded = std::llrint(static_cast<H>(v));
  const uint8_t host = host_flags();
  const long long n = rounded;
  const bool fits = is_signed ? (n >= static_cast<long long>(static_cast<int64_t>(most_negative)) &&
                                 (n < 0 || static_cast<uint64_t>(n) <= max_positive))
                              : (n >= 0 && static_cast<uint64_t>(n) <= max_positive);
  if (!fits) {
    flags = kInvalid;
    return n < 0 ? most_negative : max_positive;
  }
  flags = host;
  return static_cast<uint64_t>(n);
}

template <class T, typename Soft>
void cross_check_to_int(Mismatches& m, Soft soft, typename T::Bits a, bool is_signed, int width,
                        Rounding rm) {
  uint8_t want_flags = 0;
  uint64_t want = expected_to_int(bit_cast<typename T::Host>(a), is_signed, width, want_flags);
  if (width == 32)
    want =
        is_signed ? static_cast<uint64_t>(static_cast<int32_t>(want)) : static_cast<uint32_t>(want);
  uint8_t flags = 0;
  const auto got = soft(a, rm, flags);
  const uint64_t got64 = width == 32 && is_signed ? static_cast<uint64_t>(static_cast<int64_t>(got))
                                                  : static_cast<uint64_t>(got);
  m.check(got64, flags, want, want_flags, rm, a);
}

TEST(SoftFloatHostOracle, FloatToIntegerMatchesTheHostInRangeAndSaturatesOutside) {
  OperandSource<HostF32> src32(16);
  OperandSource<HostF64> src64(17);
  Mismatches m_f32_i32("f32_to_i32"), m_f32_u32("f32_to_u32"), m_f32_i64("f32_to_i64"),
      m_f32_u64("f32_to_u64"), m_f64_i32("f64_to_i32"), m_f64_u32("f64_to_u32"),
      m_f64_i64("f64_to_i64"), m_f64_u64("f64_to_u64");
  for (Rounding rm : kHostModes) {
    const HostRounding host(rm);
    for (int i = 0; i < kPerMode; ++i) {
      // Mostly values from 1/4 up to 2^66, where integer rounding and the
      // limits are decided.
      uint32_t a = src32.any();
      if (src32.chance(75))
        a = src32.with_exponent(src32.chance(50), 125 + static_cast<int>(src32.below(68)));
      uint64_t d = src64.any();
      if (src64.chance(75))
        d = src64.with_exponent(src64.chance(50), 1021 + static_cast<int>(src64.below(68)));
      cross_check_to_int<HostF32>(m_f32_i32, f32_to_i32, a, true, 32, rm);
      cross_check_to_int<HostF32>(m_f32_u32, f32_to_u32, a, false, 32, rm);
      cross_check_to_int<HostF32>(m_f32_i64, f32_to_i64, a, true, 64, rm);
      cross_check_to_int<HostF32>(m_f32_u64, f32_to_u64, a, false, 64, rm);
      cross_check_to_int<HostF64>(m_f64_i32, f64_to_i32, d, true, 32, rm);
      cross_check_to_int<HostF64>(m_f64_u32, f64_to_u32, d, false, 32, rm);
      cross_check_to_int<HostF64>(m_f64_i64, f64_to_i64, d, true, 64, rm);
      cross_check_to_int<HostF64>(m_f64_u64, f64_to_u64, d, false, 64, rm);
    }
  }
}

// Comparisons and min/max have no rounding; their values are checked
// against host comparisons (the flags are covered by the cases above).
template <class T, typename Eq, typename Lt, typename Le, typename Min, typename Max>
void cross_check_compare(const char* what, Eq eq, Lt lt, Le le, Min min, Max max, uint64_t seed) {
  using Bits = typename T::Bits;
  using H = typename T::Host;
  OperandSource<T> src(seed);
  Mismatches m(what);
  for (int i = 0; i < kPerMode; ++i) {
    const Bits a = src.any();
    const Bits b = src.chance(20) ? a ^ (src.chance(50) ? 1 : 0) : src.any();
    const H x = bit_cast<H>(a);
    const H y = bit_cast<H>(b);
    uint8_t flags = 0;
    const unsigned got =
        (eq(a, b, flags) ? 1u : 0u) | (lt(a, b, flags) ? 2u : 0u) | (le(a, b, flags) ? 4u : 0u);
    const unsigned want =
        (x == y ? 1u : 0u) | (std::isless(x, y) ? 2u : 0u) | (std::islessequal(x, y) ? 4u : 0u);
    const bool any_nan = std::isnan(x) || std::isnan(y);
    m.check(got, flags, want, any_nan ? kInvalid : 0, RNE, a, b);
    // fmin/fmax: the host's ordering, with -0 below +0 and NaNs skipped.
    const bool a_first =
        std::isnan(y) || (!std::isnan(x) && (x < y || (x == y && std::signbit(x))));
    const Bits want_min = std::isnan(x) && std::isnan(y) ? T::kCanonicalNaN : a_first ? a : b;
    const bool a_last =
        std::isnan(y) || (!std::isnan(x) && (x > y || (x == y && !std::signbit(x))));
    const Bits want_max = std::isnan(x) && std::isnan(y) ? T::kCanonicalNaN : a_last ? a : b;
    uint8_t ignored = 0;
    m.check(min(a, b, ignored), 0, want_min, 0, RNE, a, b);
    m.check(max(a, b, ignored), 0, want_max, 0, RNE, a, b);
  }
}

TEST(SoftFloatHostOracle, ComparisonsAndMinMaxAgreeWithHostOrdering) {
  cross_check_compare<HostF32>("f32_compare", f32_eq, f32_lt, f32_le, f32_min, f32_max, 18);
  cross_check_compare<HostF64>("f64_compare", f64_eq, f64_lt, f64_le, f64_min, f64_max, 19);
}

#else  // !defined(__x86_64__)

TEST(SoftFloatHostOracle, NeedsAnX86HostWhoseTininessDetectionMatchesRiscV) {
  GTEST_SKIP() << "the host-FPU oracle runs only on x86-64 (SSE detects tininess after rounding)";
}

#endif

}  // namespace
}  // namespace rvtlm::iss::fp
