// Bit-exact IEEE 754-2008 binary32/binary64 arithmetic as the RISC-V F and D
// extensions define it (Unprivileged spec 20191213, chapters 11 and 12): the
// five rounding modes of fcsr.frm, the five fflags exceptions, tininess
// detected after rounding (11.4), and the canonical NaN as the only NaN result
// (11.3). Integer arithmetic only, so results never depend on the host FPU.
#ifndef RVTLM_ISS_SOFTFLOAT_H
#define RVTLM_ISS_SOFTFLOAT_H

#include <cstdint>

namespace rvtlm::iss::fp {

// Encodings of the rm field and fcsr.frm (Unprivileged spec table 11.1).
enum class Rounding : uint8_t {
  NearestEven = 0,
  TowardZero = 1,
  Down = 2,
  Up = 3,
  NearestMaxMagnitude = 4
};

// fflags bits as in fcsr (Unprivileged spec table 11.2).
enum : uint8_t { kInexact = 1, kUnderflow = 2, kOverflow = 4, kDivideByZero = 8, kInvalid = 16 };

inline constexpr uint32_t kF32CanonicalNaN = 0x7fc00000u;
inline constexpr uint64_t kF64CanonicalNaN = 0x7ff8000000000000ull;

// Every operation takes raw bit patterns and ORs the exceptions it raises
// into `flags`; it never clears a flag. `rm` must be one of the five modes
// above: resolving DYN (7) from fcsr.frm and rejecting the reserved
// encodings 5 and 6 (11.2) is the caller's job.

uint32_t f32_add(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags);
uint32_t f32_sub(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags);
uint32_t f32_mul(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags);
uint32_t f32_div(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags);
uint32_t f32_sqrt(uint32_t a, Rounding rm, uint8_t& flags);
// a*b+c with one rounding; inf*0 raises NV even when c is a quiet NaN (11.6).
uint32_t f32_fma(uint32_t a, uint32_t b, uint32_t c, Rounding rm, uint8_t& flags);
// feq is a quiet comparison (NV only for a signaling NaN); flt and fle are
// signaling (NV for any NaN). A NaN operand makes all three false (11.8).
bool f32_eq(uint32_t a, uint32_t b, uint8_t& flags);
bool f32_lt(uint32_t a, uint32_t b, uint8_t& flags);
bool f32_le(uint32_t a, uint32_t b, uint8_t& flags);
// fmin/fmax (11.6): -0 < +0; one NaN operand gives the other operand; two
// give the canonical NaN; NV if either is a signaling NaN.
uint32_t f32_min(uint32_t a, uint32_t b, uint8_t& flags);
uint32_t f32_max(uint32_t a, uint32_t b, uint8_t& flags);
// The 10-bit fclass mask (table 11.5).
unsigned f32_classify(uint32_t a);
// Table 11.4: out-of-range values, infinities and NaNs saturate (NaN as
// +inf) and raise NV only; in-range inexact results raise NX. For the
// unsigned targets a negative value that rounds to 0 gives 0 with NX alone.
int32_t f32_to_i32(uint32_t a, Rounding rm, uint8_t& flags);
uint32_t f32_to_u32(uint32_t a, Rounding rm, uint8_t& flags);
int64_t f32_to_i64(uint32_t a, Rounding rm, uint8_t& flags);
uint64_t f32_to_u64(uint32_t a, Rounding rm, uint8_t& flags);
uint32_t i32_to_f32(int32_t v, Rounding rm, uint8_t& flags);
uint32_t u32_to_f32(uint32_t v, Rounding rm, uint8_t& flags);
uint32_t i64_to_f32(int64_t v, Rounding rm, uint8_t& flags);
uint32_t u64_to_f32(uint64_t v, Rounding rm, uint8_t& flags);

uint64_t f64_add(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags);
uint64_t f64_sub(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags);
uint64_t f64_mul(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags);
uint64_t f64_div(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags);
uint64_t f64_sqrt(uint64_t a, Rounding rm, uint8_t& flags);
uint64_t f64_fma(uint64_t a, uint64_t b, uint64_t c, Rounding rm, uint8_t& flags);
bool f64_eq(uint64_t a, uint64_t b, uint8_t& flags);
bool f64_lt(uint64_t a, uint64_t b, uint8_t& flags);
bool f64_le(uint64_t a, uint64_t b, uint8_t& flags);
uint64_t f64_min(uint64_t a, uint64_t b, uint8_t& flags);
uint64_t f64_max(uint64_t a, uint64_t b, uint8_t& flags);
unsigned f64_classify(uint64_t a);
int32_t f64_to_i32(uint64_t a, Rounding rm, uint8_t& flags);
uint32_t f64_to_u32(uint64_t a, Rounding rm, uint8_t& flags);
int64_t f64_to_i64(uint64_t a, Rounding rm, uint8_t& flags);
uint64_t f64_to_u64(uint64_t a, Rounding rm, uint8_t& flags);
uint64_t i32_to_f64(int32_t v, Rounding rm, uint8_t& flags);
uint64_t u32_to_f64(uint32_t v, Rounding rm, uint8_t& flags);
uint64_t i64_to_f64(int64_t v, Rounding rm, uint8_t& flags);
uint64_t u64_to_f64(uint64_t v, Rounding rm, uint8_t& flags);

// fcvt.d.s is exact; a signaling NaN raises NV, every NaN becomes canonical.
uint64_t f32_to_f64(uint32_t a, uint8_t& flags);
uint32_t f64_to_f32(uint64_t a, Rounding rm, uint8_t& flags);

}  // namespace rvtlm::iss::fp

#endif  // RVTLM_ISS_SOFTFLOAT_H
