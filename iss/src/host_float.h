// Fast paths of the F and D arithmetic through the host's IEEE 754 binary32
// and binary64 hardware, for the common case only: round to nearest even,
// finite operands and a result well inside the normal range. There the host
// computes the one correctly rounded result, and the only exception that
// can occur is inexact, which is found from an exact error term (or, for
// the fused multiply-add, from the host's own inexact flag). Everything
// else — other rounding modes, NaNs, infinities, zeros, subnormals, results
// near overflow or underflow — goes to the soft float (softfloat.h), which
// stays the definition: tests compare the two on every case the fast path
// takes (tests/iss/host_float_test.cpp).
//
// The host must round to nearest: each call checks the rounding mode (an
// embedder may change it). The fast paths exist only where the host's float
// arithmetic is SSE2 (x86-64) and the processor has fused multiply-add
// instructions (checked at run time); elsewhere every call takes the soft
// float.
#ifndef RVTLM_ISS_HOST_FLOAT_H
#define RVTLM_ISS_HOST_FLOAT_H

#include <cstdint>
#include <cstring>

#include "softfloat.h"

#if defined(__x86_64__) && defined(__SSE2_MATH__)
#include <xmmintrin.h>

#include <cmath>
#define RVTLM_HOST_FLOAT 1
#else
#define RVTLM_HOST_FLOAT 0
#endif

namespace rvtlm::iss::fp::host {

#if RVTLM_HOST_FLOAT

inline double as_double(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}
inline uint64_t bits_of(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}
inline float as_float(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}
inline uint32_t bits_of(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

// MXCSR's rounding control (bits 14:13): 00 is round to nearest even.
constexpr unsigned kMxcsrRounding = 0x6000;

// The host rounds to nearest and can fuse a multiply and an add.
inline bool usable() {
  return (_mm_getcsr() & kMxcsrRounding) == 0 && __builtin_cpu_supports("fma");
}

// One rounding of x * y + z, by the processor's instruction.
__attribute__((target("fma"))) inline double fused(double x, double y, double z) {
  return __builtin_fma(x, y, z);
}
__attribute__((target("fma"))) inline float fused(float x, float y, float z) {
  return __builtin_fmaf(x, y, z);
}

// Biased exponents of the values the fast paths accept: operands of at
// least 2^-900 (binary64) or 2^-100 (binary32) in magnitude, or zero, and
// results between 2^-820 and 2^1021 (2^-96 and 2^125), so that no result
// is tiny, none overflows, and every error term below is exact (its lowest
// bit lies far above the subnormal range).
constexpr unsigned kD64MinOperand = 1023 - 900;
constexpr unsigned kD64MinResult = 1023 - 820;
constexpr unsigned kD64MaxExponent = 1023 + 1021;
constexpr unsigned kF32MinOperand = 127 - 100;
constexpr unsigned kF32MinResult = 127 - 96;
constexpr unsigned kF32MaxExponent = 127 + 125;

inline unsigned exponent64(uint64_t bits) { return static_cast<unsigned>(bits >> 52) & 0x7ff; }
inline unsigned exponent32(uint32_t bits) { return (bits >> 23) & 0xff; }

inline bool operand_ok(uint64_t bits) {
  const unsigned e = exponent64(bits);
  return (e >= kD64MinOperand && e <= kD64MaxExponent) || (bits << 1) == 0;
}
inline bool nonzero_operand_ok(uint64_t bits) {
  const unsigned e = exponent64(bits);
  return e >= kD64MinOperand && e <= kD64MaxExponent;
}
inline bool result_ok(uint64_t bits) {
  const unsigned e = exponent64(bits);
  return e >= kD64MinResult && e <= kD64MaxExponent;
}
inline bool operand_ok(uint32_t bits) {
  const unsigned e = exponent32(bits);
  return (e >= kF32MinOperand && e <= kF32MaxExponent) || (bits << 1) == 0;
}
inline bool nonzero_operand_ok(uint32_t bits) {
  const unsigned e = exponent32(bits);
  return e >= kF32MinOperand && e <= kF32MaxExponent;
}
inline bool result_ok(uint32_t bits) {
  const unsigned e = exponent32(bits);
  return e >= kF32MinResult && e <= kF32MaxExponent;
}

// s = RN(x + y) and its exact error (Knuth's two-sum: no branch, exact
// when s does not overflow).
inline double sum_error(double x, double y, double s) {
  const double yy = s - x;
  return (x - (s - yy)) + (y - yy);
}

// Whether x * y + z was exact, given r = RN(x * y + z). It was if r - z
// equals x * y. Both are pairs of a rounded value and its exact error
// (error-free sum and product), and such a pair is unique for a real
// number under round to nearest, so the real numbers are equal exactly if
// the pairs are.
__attribute__((target("fma"))) inline bool fused_exact(double x, double y, double z, double r) {
  const double p = x * y;
  const double p_error = __builtin_fma(x, y, -p);
  const double d = r - z;
  return d == p && sum_error(r, -z, d) == p_error;
}

inline bool f64_add(uint64_t a, uint64_t b, uint64_t& r, uint8_t& flags) {
  if (!operand_ok(a) || !operand_ok(b)) return false;
  const double x = as_double(a), y = as_double(b);
  const double s = x + y;
  r = bits_of(s);
  if (!result_ok(r)) return false;
  if (sum_error(x, y, s) != 0) flags |= kInexact;
  return true;
}

inline bool f64_sub(uint64_t a, uint64_t b, uint64_t& r, uint8_t& flags) {
  return f64_add(a, b ^ (uint64_t{1} << 63), r, flags);
}

inline bool f64_mul(uint64_t a, uint64_t b, uint64_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b)) return false;
  const double x = as_double(a), y = as_double(b);
  const double p = x * y;
  r = bits_of(p);
  if (!result_ok(r)) return false;
  // The product's rounding error, exactly (the fused operation rounds once).
  if (fused(x, y, -p) != 0) flags |= kInexact;
  return true;
}

inline bool f64_div(uint64_t a, uint64_t b, uint64_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b)) return false;
  const double x = as_double(a), y = as_double(b);
  const double q = x / y;
  r = bits_of(q);
  if (!result_ok(r)) return false;
  // The remainder x - q*y of a correctly rounded quotient is exact.
  if (fused(-q, y, x) != 0) flags |= kInexact;
  return true;
}

inline bool f64_sqrt(uint64_t a, uint64_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || (a >> 63) != 0) return false;
  const double x = as_double(a);
  const double s = std::sqrt(x);
  r = bits_of(s);
  if (!result_ok(r)) return false;
  if (fused(-s, s, x) != 0) flags |= kInexact;
  return true;
}

inline bool f64_fma(uint64_t a, uint64_t b, uint64_t c, uint64_t& r, uint8_t& flags) {
  // The product itself, not only the result, must lie inside the range:
  // its rounding error is one of the exact terms (2^-860 to 2^1000).
  const int product_exponent =
      static_cast<int>(exponent64(a)) + static_cast<int>(exponent64(b)) - 2046;
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b) || !operand_ok(c) ||
      product_exponent < -860 || product_exponent > 1000)
    return false;
  const double x = as_double(a), y = as_double(b), z = as_double(c);
  const double v = fused(x, y, z);
  r = bits_of(v);
  if (!result_ok(r)) return false;
  if (!fused_exact(x, y, z, v)) flags |= kInexact;
  return true;
}

// binary32 through binary64: a sum, product, quotient or square root of
// binary32 values computed in binary64 and rounded again to binary32 is the
// correctly rounded binary32 result (53 >= 2 * 24 + 2); the product of two
// binary32 values is exact in binary64.
inline bool f32_add(uint32_t a, uint32_t b, uint32_t& r, uint8_t& flags) {
  if (!operand_ok(a) || !operand_ok(b)) return false;
  const double x = as_float(a), y = as_float(b);
  const double s = x + y;
  const float f = static_cast<float>(s);
  r = bits_of(f);
  if (!result_ok(r)) return false;
  if (sum_error(x, y, s) != 0 || static_cast<double>(f) != s) flags |= kInexact;
  return true;
}

inline bool f32_sub(uint32_t a, uint32_t b, uint32_t& r, uint8_t& flags) {
  return f32_add(a, b ^ 0x80000000u, r, flags);
}

inline bool f32_mul(uint32_t a, uint32_t b, uint32_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b)) return false;
  const double p = static_cast<double>(as_float(a)) * as_float(b);
  const float f = static_cast<float>(p);
  r = bits_of(f);
  if (!result_ok(r)) return false;
  if (static_cast<double>(f) != p) flags |= kInexact;
  return true;
}

inline bool f32_div(uint32_t a, uint32_t b, uint32_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b)) return false;
  const double x = as_float(a), y = as_float(b);
  const float f = static_cast<float>(x / y);
  r = bits_of(f);
  if (!result_ok(r)) return false;
  // f * y is exact in binary64: the quotient was exact if it gives x back.
  if (static_cast<double>(f) * y != x) flags |= kInexact;
  return true;
}

inline bool f32_sqrt(uint32_t a, uint32_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || (a >> 31) != 0) return false;
  const double x = as_float(a);
  const float f = static_cast<float>(std::sqrt(x));
  r = bits_of(f);
  if (!result_ok(r)) return false;
  if (static_cast<double>(f) * f != x) flags |= kInexact;
  return true;
}

inline bool f32_fma(uint32_t a, uint32_t b, uint32_t c, uint32_t& r, uint8_t& flags) {
  if (!nonzero_operand_ok(a) || !nonzero_operand_ok(b) || !operand_ok(c)) return false;
  const float f = fused(as_float(a), as_float(b), as_float(c));
  r = bits_of(f);
  if (!result_ok(r)) return false;
  // The binary32 product is exact in binary64: the result was exact if
  // f - z, exactly (an error-free difference), is that product.
  const double p = static_cast<double>(as_float(a)) * as_float(b);
  const double z = as_float(c);
  const double d = static_cast<double>(f) - z;
  if (d != p || sum_error(f, -z, d) != 0) flags |= kInexact;
  return true;
}

#else  // no host fast path: the soft float does everything

inline bool usable() { return false; }
inline bool f64_add(uint64_t, uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f64_sub(uint64_t, uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f64_mul(uint64_t, uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f64_div(uint64_t, uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f64_sqrt(uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f64_fma(uint64_t, uint64_t, uint64_t, uint64_t&, uint8_t&) { return false; }
inline bool f32_add(uint32_t, uint32_t, uint32_t&, uint8_t&) { return false; }
inline bool f32_sub(uint32_t, uint32_t, uint32_t&, uint8_t&) { return false; }
inline bool f32_mul(uint32_t, uint32_t, uint32_t&, uint8_t&) { return false; }
inline bool f32_div(uint32_t, uint32_t, uint32_t&, uint8_t&) { return false; }
inline bool f32_sqrt(uint32_t, uint32_t&, uint8_t&) { return false; }
inline bool f32_fma(uint32_t, uint32_t, uint32_t, uint32_t&, uint8_t&) { return false; }

#endif

}  // namespace rvtlm::iss::fp::host

// The operations the instruction semantics call: the fast path where it
// applies, the soft float otherwise. Same signatures as softfloat.h, with
// one more rounding value.
namespace rvtlm::iss::fp::fast {

// Round to nearest even where the host may compute: a value of the ISS's
// own (never an rm encoding) that the semantics pass instead of NearestEven
// when Core::host_float was true at the start of the run.
inline constexpr Rounding kHostNearestEven = static_cast<Rounding>(0x80);

inline Rounding soft(Rounding rm) { return rm == kHostNearestEven ? Rounding::NearestEven : rm; }

// The host path with the sentinel mode, else the soft float.
template <typename T, bool (*Host)(T, T, T&, uint8_t&), T (*Soft)(T, T, Rounding, uint8_t&)>
inline T binary(T a, T b, Rounding rm, uint8_t& flags) {
  T r;
  if (rm == kHostNearestEven && Host(a, b, r, flags)) return r;
  return Soft(a, b, soft(rm), flags);
}
template <typename T, bool (*Host)(T, T, T, T&, uint8_t&), T (*Soft)(T, T, T, Rounding, uint8_t&)>
inline T fused(T a, T b, T c, Rounding rm, uint8_t& flags) {
  T r;
  if (rm == kHostNearestEven && Host(a, b, c, r, flags)) return r;
  return Soft(a, b, c, soft(rm), flags);
}

inline constexpr auto f64_add = binary<uint64_t, host::f64_add, fp::f64_add>;
inline constexpr auto f64_sub = binary<uint64_t, host::f64_sub, fp::f64_sub>;
inline constexpr auto f64_mul = binary<uint64_t, host::f64_mul, fp::f64_mul>;
inline constexpr auto f64_div = binary<uint64_t, host::f64_div, fp::f64_div>;
inline constexpr auto f64_fma = fused<uint64_t, host::f64_fma, fp::f64_fma>;
inline constexpr auto f32_add = binary<uint32_t, host::f32_add, fp::f32_add>;
inline constexpr auto f32_sub = binary<uint32_t, host::f32_sub, fp::f32_sub>;
inline constexpr auto f32_mul = binary<uint32_t, host::f32_mul, fp::f32_mul>;
inline constexpr auto f32_div = binary<uint32_t, host::f32_div, fp::f32_div>;
inline constexpr auto f32_fma = fused<uint32_t, host::f32_fma, fp::f32_fma>;

// Square roots come through the path conversions share, with a plain
// rounding mode: the host is asked on the spot.
inline uint64_t f64_sqrt(uint64_t a, Rounding rm, uint8_t& flags) {
  uint64_t r;
  if (rm == Rounding::NearestEven && host::usable() && host::f64_sqrt(a, r, flags)) return r;
  return fp::f64_sqrt(a, rm, flags);
}
inline uint32_t f32_sqrt(uint32_t a, Rounding rm, uint8_t& flags) {
  uint32_t r;
  if (rm == Rounding::NearestEven && host::usable() && host::f32_sqrt(a, r, flags)) return r;
  return fp::f32_sqrt(a, rm, flags);
}

}  // namespace rvtlm::iss::fp::fast

#endif
