// IEEE 754-2008 binary32/binary64 in integer arithmetic, one template per
// operation over a description of the format. Every finite operand is taken
// apart into sign, significand and exponent; each operation forms its exact
// result, or a 64-bit significand with a sticky bit standing for whatever
// falls below it, and one routine (round_pack) rounds, detects tininess after
// rounding and packs (Unprivileged spec 11.2-11.4).
#include "softfloat.h"

#include <array>
#include <utility>

namespace rvtlm::iss::fp {
namespace {

__extension__ typedef unsigned __int128 u128;  // a GCC/Clang extension on 64-bit hosts

// A binary interchange format (IEEE 754-2008 3.4) by its field widths. Wide
// holds the exact product of two significands.
template <typename BitsT, int kExpWidth, int kFracWidth, typename WideT>
struct Format {
  using Bits = BitsT;
  using Wide = WideT;
  static constexpr int kFracBits = kFracWidth;
  static constexpr int kBias = (1 << (kExpWidth - 1)) - 1;
  static constexpr int kExpMax = (1 << kExpWidth) - 1;  // the field of infinities and NaNs
  static constexpr int kSignShift = kExpWidth + kFracWidth;
  static constexpr Bits kSignMask = Bits{1} << kSignShift;
  static constexpr Bits kFracMask = (Bits{1} << kFracWidth) - 1;
  static constexpr Bits kInf = Bits(kExpMax) << kFracWidth;
  static constexpr Bits kMaxFinite = kInf - 1;
  static constexpr Bits kQuietBit = Bits{1} << (kFracWidth - 1);
  static constexpr Bits kCanonicalNaN = kInf | kQuietBit;
};

using F32 = Format<uint32_t, 8, 23, uint64_t>;
using F64 = Format<uint64_t, 11, 52, u128>;
static_assert(F32::kCanonicalNaN == kF32CanonicalNaN);
static_assert(F64::kCanonicalNaN == kF64CanonicalNaN);
static_assert(2 * (F32::kFracBits + 1) <= 64 && 2 * (F64::kFracBits + 1) <= 128);

// The significand is kept in 64 bits with its leading one at kLead (bit 63
// stays free for a rounding carry).
constexpr int kLead = 62;

int leading_zeros(uint64_t x) { return __builtin_clzll(x); }
int leading_zeros(u128 x) {
  const auto hi = static_cast<uint64_t>(x >> 64);
  return hi != 0 ? __builtin_clzll(hi) : 64 + __builtin_clzll(static_cast<uint64_t>(x));
}
template <typename U>
int top_bit(U x) {
  return static_cast<int>(8 * sizeof(U)) - 1 - leading_zeros(x);
}

// Shift right, ORing every bit shifted out into bit 0 (a sticky bit), so the
// result still tells exact from inexact and sits on the correct side of every
// rounding boundary above bit 0.
template <typename U>
U shift_right_jam(U x, int n) {
  constexpr int kWidth = 8 * sizeof(U);
  if (n <= 0) return x;
  if (n >= kWidth) return x != 0 ? 1 : 0;
  return (x >> n) | ((x << (kWidth - n)) != 0 ? 1 : 0);
}

// Folds an exact wide value into 64 bits with its leading one at most at
// kLead; `exp` keeps value = result * 2^exp.
uint64_t narrow(uint64_t x, int& /*exp*/) { return x; }
uint64_t narrow(u128 x, int& exp) {
  if ((x >> 63) == 0) return static_cast<uint64_t>(x);
  const int shift = top_bit(x) - kLead;
  exp += shift;
  return static_cast<uint64_t>(shift_right_jam(x, shift));
}

// A finite nonzero value: (-1)^sign * sig * 2^exp.
struct Finite {
  bool sign;
  int exp;
  uint64_t sig;
};

template <class F>
bool sign_of(typename F::Bits x) {
  return (x >> F::kSignShift) != 0;
}
template <class F>
bool is_nan(typename F::Bits x) {
  return (x & ~F::kSignMask) > F::kInf;
}
template <class F>
bool is_snan(typename F::Bits x) {
  return is_nan<F>(x) && (x & F::kQuietBit) == 0;
}
template <class F>
bool is_inf(typename F::Bits x) {
  return (x & ~F::kSignMask) == F::kInf;
}
template <class F>
bool is_zero(typename F::Bits x) {
  return (x & ~F::kSignMask) == 0;
}
template <class F>
typename F::Bits with_sign(bool sign, typename F::Bits magnitude) {
  return sign ? (magnitude | F::kSignMask) : magnitude;
}
template <class F>
int exp_field(typename F::Bits x) {
  return static_cast<int>((x >> F::kFracBits) & static_cast<typename F::Bits>(F::kExpMax));
}

template <class F>
Finite unpack(typename F::Bits x) {
  const uint64_t frac = x & F::kFracMask;
  const int field = exp_field<F>(x);
  if (field == 0) return {sign_of<F>(x), 1 - F::kBias - F::kFracBits, frac};
  return {sign_of<F>(x), field - F::kBias - F::kFracBits, frac | (uint64_t{1} << F::kFracBits)};
}

// The same value with the significand's leading one moved up to bit `top`.
Finite normalized(Finite v, int top) {
  const int shift = top - top_bit(v.sig);
  return {v.sign, v.exp - shift, v.sig << shift};
}

// Whether a magnitude truncated toward zero must grow by one unit, given
// whether it is odd and how the discarded part compares with half a unit
// (Unprivileged spec table 11.1 for the five modes).
bool round_away(Rounding rm, bool sign, bool odd, int versus_half, bool inexact) {
  switch (rm) {
    case Rounding::NearestEven:
      return versus_half > 0 || (versus_half == 0 && odd);
    case Rounding::NearestMaxMagnitude:
      return versus_half >= 0;
    case Rounding::TowardZero:
      return false;
    case Rounding::Down:
      return sign && inexact;
    case Rounding::Up:
      return !sign && inexact;
  }
  return false;
}

// sig / 2^shift rounded to an integer (sig < 2^63, shift >= 0).
uint64_t round_shift(uint64_t sig, int shift, bool sign, Rounding rm, bool& inexact) {
  if (shift == 0) {
    inexact = false;
    return sig;
  }
  if (shift >= 64) {  // the value is below one half
    inexact = sig != 0;
    return round_away(rm, sign, false, -1, inexact) ? 1 : 0;
  }
  const uint64_t q = sig >> shift;
  const uint64_t rest = sig & ((uint64_t{1} << shift) - 1);
  const uint64_t half = uint64_t{1} << (shift - 1);
  inexact = rest != 0;
  const int versus_half = rest < half ? -1 : (rest == half ? 0 : 1);
  return q + (round_away(rm, sign, (q & 1) != 0, versus_half, inexact) ? 1 : 0);
}

template <class F>
typename F::Bits overflowed(bool sign, Rounding rm, uint8_t& flags) {
  flags |= kOverflow | kInexact;
  // IEEE 754-2008 7.4: the directed modes that round toward zero for this
  // sign give the largest finite number instead of infinity.
  const bool to_inf = rm == Rounding::NearestEven || rm == Rounding::NearestMaxMagnitude ||
                      (rm == Rounding::Up && !sign) || (rm == Rounding::Down && sign);
  return with_sign<F>(sign, to_inf ? F::kInf : F::kMaxFinite);
}

// Rounds (-1)^sign * sig * 2^exp (sig != 0; bit 0 may be a sticky bit if
// the leading one is high enough above it) and packs it.
template <class F>
typename F::Bits round_pack(bool sign, int exp, uint64_t sig, Rounding rm, uint8_t& flags) {
  using Bits = typename F::Bits;
  const int lz = leading_zeros(sig);
  if (lz == 0) {
    sig = shift_right_jam(sig, 1);
    exp += 1;
  } else {
    sig <<= lz - 1;
    exp -= lz - 1;
  }
  constexpr int kShift = kLead - F::kFracBits;  // bits below the last kept one
  int biased = exp + kLead + F::kBias;
  bool inexact = false;
  if (biased >= 1) {
    uint64_t q = round_shift(sig, kShift, sign, rm, inexact);
    if ((q >> (F::kFracBits + 1)) != 0) {  // rounded up to the next power of two
      q >>= 1;
      ++biased;
    }
    if (biased >= F::kExpMax) return overflowed<F>(sign, rm, flags);
    if (inexact) flags |= kInexact;
    return with_sign<F>(sign, (Bits(biased) << F::kFracBits) | (Bits(q) & F::kFracMask));
  }
  // Below the normal range. Unprivileged spec 11.4: tininess is detected
  // after rounding, so the value is tiny unless rounding it to full precision
  // with an unbounded exponent reaches the smallest normal number.
  bool tiny = true;
  if (biased == 0) {
    bool ignored = false;
    tiny = (round_shift(sig, kShift, sign, rm, ignored) >> (F::kFracBits + 1)) == 0;
  }
  const uint64_t q = round_shift(sig, kShift + 1 - biased, sign, rm, inexact);
  if (inexact) flags |= tiny ? (kInexact | kUnderflow) : kInexact;
  // A carry into bit kFracBits is the exponent field 1: the smallest normal.
  return with_sign<F>(sign, Bits(q));
}

template <class F>
typename F::Bits nan_result(bool any_signaling, uint8_t& flags) {
  if (any_signaling) flags |= kInvalid;
  return F::kCanonicalNaN;  // Unprivileged spec 11.3: payloads never propagate
}

template <class F>
typename F::Bits add(typename F::Bits a, typename F::Bits b, Rounding rm, uint8_t& flags) {
  if (is_nan<F>(a) || is_nan<F>(b)) return nan_result<F>(is_snan<F>(a) || is_snan<F>(b), flags);
  const bool sa = sign_of<F>(a);
  const bool sb = sign_of<F>(b);
  if (is_inf<F>(a)) {
    if (is_inf<F>(b) && sa != sb) return nan_result<F>(true, flags);
    return a;
  }
  if (is_inf<F>(b)) return b;
  // IEEE 754-2008 6.3: an exact zero sum of operands of opposite signs is +0,
  // or -0 when rounding down.
  const typename F::Bits cancelled = with_sign<F>(rm == Rounding::Down, 0);
  if (is_zero<F>(a)) return is_zero<F>(b) && sa != sb ? cancelled : b;
  if (is_zero<F>(b)) return a;
  // With both leading ones at bit 61 a carry fits below bit 63, and a
  // difference keeps enough bits above the sticky bit to round correctly.
  Finite x = normalized(unpack<F>(a), kLead - 1);
  Finite y = normalized(unpack<F>(b), kLead - 1);
  if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) std::swap(x, y);
  y.sig = shift_right_jam(y.sig, x.exp - y.exp);
  uint64_t sig = 0;
  if (x.sign == y.sign) {
    sig = x.sig + y.sig;
  } else {
    sig = x.sig - y.sig;
    if (sig == 0) return cancelled;
  }
  return round_pack<F>(x.sign, x.exp, sig, rm, flags);
}

template <class F>
typename F::Bits mul(typename F::Bits a, typename F::Bits b, Rounding rm, uint8_t& flags) {
  if (is_nan<F>(a) || is_nan<F>(b)) return nan_result<F>(is_snan<F>(a) || is_snan<F>(b), flags);
  const bool sign = sign_of<F>(a) != sign_of<F>(b);
  if (is_inf<F>(a) || is_inf<F>(b)) {
    if (is_zero<F>(a) || is_zero<F>(b)) return nan_result<F>(true, flags);
    return with_sign<F>(sign, F::kInf);
  }
  if (is_zero<F>(a) || is_zero<F>(b)) return with_sign<F>(sign, 0);
  const Finite x = unpack<F>(a);
  const Finite y = unpack<F>(b);
  int exp = x.exp + y.exp;
  const auto product = static_cast<typename F::Wide>(x.sig) * y.sig;
  const uint64_t sig = narrow(product, exp);
  return round_pack<F>(sign, exp, sig, rm, flags);
}

template <class F>
typename F::Bits div(typename F::Bits a, typename F::Bits b, Rounding rm, uint8_t& flags) {
  using Wide = typename F::Wide;
  if (is_nan<F>(a) || is_nan<F>(b)) return nan_result<F>(is_snan<F>(a) || is_snan<F>(b), flags);
  const bool sign = sign_of<F>(a) != sign_of<F>(b);
  if (is_inf<F>(a)) {
    if (is_inf<F>(b)) return nan_result<F>(true, flags);
    return with_sign<F>(sign, F::kInf);
  }
  if (is_inf<F>(b)) return with_sign<F>(sign, 0);
  if (is_zero<F>(b)) {
    if (is_zero<F>(a)) return nan_result<F>(true, flags);
    flags |= kDivideByZero;
    return with_sign<F>(sign, F::kInf);
  }
  if (is_zero<F>(a)) return with_sign<F>(sign, 0);
  const Finite x = normalized(unpack<F>(a), F::kFracBits);
  const Finite y = normalized(unpack<F>(b), F::kFracBits);
  // Scaling the dividend by 2^kShift gives a quotient of at least
  // kFracBits + 3 bits (room for the round and sticky bits) below bit 63.
  constexpr int kShift = 8 * static_cast<int>(sizeof(Wide)) - 2 - F::kFracBits < kLead
                             ? 8 * static_cast<int>(sizeof(Wide)) - 2 - F::kFracBits
                             : kLead;
  static_assert(kShift >= F::kFracBits + 4);
  const Wide dividend = static_cast<Wide>(x.sig) << kShift;
  const Wide quotient = dividend / y.sig;
  const bool exact = quotient * y.sig == dividend;
  const uint64_t sig = static_cast<uint64_t>(quotient) | (exact ? 0 : 1);
  return round_pack<F>(sign, x.exp - y.exp - kShift, sig, rm, flags);
}

// ceil(sqrt((i + 65) * 2^16)) for i in [0, 192): a square root, to about 7
// bits, of numbers whose leading 7 or 8 bits are i + 64, plus a bit.
constexpr std::array<uint16_t, 192> make_root_table() {
  std::array<uint16_t, 192> table{};
  uint32_t root = 0;
  for (uint32_t i = 0; i < table.size(); ++i) {
    const uint32_t square = (i + 65) << 16;
    while (root * root < square) ++root;
    table[i] = static_cast<uint16_t>(root);
  }
  return table;
}
constexpr std::array<uint16_t, 192> kRootTable = make_root_table();

// floor(sqrt(n)) for 2^61 <= n whose root is below 2^63. Newton's iteration
// started above the root decreases strictly until it reaches floor(sqrt(n)).
template <typename Wide>
uint64_t integer_sqrt(Wide n) {
  const int shift = (top_bit(n) - 6) & ~1;  // even, leaving n >> shift in [64, 256)
  const auto top = static_cast<unsigned>(n >> shift);
  uint64_t x = uint64_t{kRootTable[top - 64]} << (shift / 2 - 8);
  for (;;) {
    const auto y = static_cast<uint64_t>((static_cast<Wide>(x) + n / x) >> 1);
    if (y >= x) return x;
    x = y;
  }
}

template <class F>
typename F::Bits square_root(typename F::Bits a, Rounding rm, uint8_t& flags) {
  using Wide = typename F::Wide;
  if (is_nan<F>(a)) return nan_result<F>(is_snan<F>(a), flags);
  if (is_zero<F>(a)) return a;  // IEEE 754-2008 5.4.1: sqrt(-0) = -0
  if (sign_of<F>(a)) return nan_result<F>(true, flags);
  if (is_inf<F>(a)) return a;
  const Finite x = normalized(unpack<F>(a), F::kFracBits);
  // The radicand's scale is even and large enough for a root of at least
  // kFracBits + 3 bits, with the radicand inside Wide.
  constexpr int kBaseShift = (sizeof(Wide) == 8 ? 62 : 122) - (F::kFracBits + 1);
  const int shift = kBaseShift + ((x.exp - kBaseShift) & 1);
  const Wide radicand = static_cast<Wide>(x.sig) << shift;
  const uint64_t root = integer_sqrt(radicand);
  const bool exact = static_cast<Wide>(root) * root == radicand;
  return round_pack<F>(false, (x.exp - shift) / 2, root | (exact ? 0 : 1), rm, flags);
}

template <class F>
typename F::Bits fused_mul_add(typename F::Bits a, typename F::Bits b, typename F::Bits c,
                               Rounding rm, uint8_t& flags) {
  const bool inf_times_zero = (is_inf<F>(a) && is_zero<F>(b)) || (is_zero<F>(a) && is_inf<F>(b));
  if (is_nan<F>(a) || is_nan<F>(b) || is_nan<F>(c)) {
    // Unprivileged spec 11.6: inf * 0 is invalid even when c is a quiet NaN.
    return nan_result<F>(is_snan<F>(a) || is_snan<F>(b) || is_snan<F>(c) || inf_times_zero, flags);
  }
  if (inf_times_zero) return nan_result<F>(true, flags);
  const bool product_sign = sign_of<F>(a) != sign_of<F>(b);
  const bool addend_sign = sign_of<F>(c);
  if (is_inf<F>(a) || is_inf<F>(b)) {
    if (is_inf<F>(c) && addend_sign != product_sign) return nan_result<F>(true, flags);
    return with_sign<F>(product_sign, F::kInf);
  }
  if (is_inf<F>(c)) return c;
  if (is_zero<F>(a) || is_zero<F>(b)) {
    if (is_zero<F>(c) && addend_sign != product_sign) {
      return with_sign<F>(rm == Rounding::Down, 0);  // IEEE 754-2008 6.3
    }
    return is_zero<F>(c) ? with_sign<F>(product_sign, 0) : c;
  }
  const Finite x = unpack<F>(a);
  const Finite y = unpack<F>(b);
  int product_exp = x.exp + y.exp;
  const u128 product = static_cast<u128>(x.sig) * y.sig;
  if (is_zero<F>(c)) {
    const uint64_t sig = narrow(product, product_exp);
    return round_pack<F>(product_sign, product_exp, sig, rm, flags);
  }
  // Both terms held exactly in 128 bits with their leading ones at bit 125
  // (a significand product has at most 106 bits, so at least 20 zeros lie
  // below each): aligning them drops bits into the sticky bit only when the
  // exponents differ by more than 20, and then the sum loses at most one
  // leading bit, so the sticky bit stays far below the rounding position.
  struct Term {
    bool sign;
    int exp;
    u128 sig;
  };
  constexpr int kTop = 125;
  const int product_shift = kTop - top_bit(product);
  Term big{product_sign, product_exp - product_shift, product << product_shift};
  const Finite z = unpack<F>(c);
  const int addend_shift = kTop - top_bit(z.sig);
  Term small{z.sign, z.exp - addend_shift, static_cast<u128>(z.sig) << addend_shift};
  if (big.exp < small.exp || (big.exp == small.exp && big.sig < small.sig)) std::swap(big, small);
  small.sig = shift_right_jam(small.sig, big.exp - small.exp);
  u128 sum = 0;
  if (big.sign == small.sign) {
    sum = big.sig + small.sig;
  } else {
    sum = big.sig - small.sig;
    if (sum == 0) return with_sign<F>(rm == Rounding::Down, 0);  // IEEE 754-2008 6.3
  }
  int exp = big.exp;
  const uint64_t sig = narrow(sum, exp);
  return round_pack<F>(big.sign, exp, sig, rm, flags);
}

template <class F>
bool eq(typename F::Bits a, typename F::Bits b, uint8_t& flags) {
  if (is_nan<F>(a) || is_nan<F>(b)) {
    if (is_snan<F>(a) || is_snan<F>(b)) flags |= kInvalid;
    return false;
  }
  return a == b || (is_zero<F>(a) && is_zero<F>(b));
}

// Total order of non-NaN values in which -0 < +0.
template <class F>
bool ordered_less(typename F::Bits a, typename F::Bits b) {
  const bool sa = sign_of<F>(a);
  if (sa != sign_of<F>(b)) return sa;
  return sa ? a > b : a < b;
}

template <class F>
bool lt(typename F::Bits a, typename F::Bits b, uint8_t& flags) {
  if (is_nan<F>(a) || is_nan<F>(b)) {
    flags |= kInvalid;
    return false;
  }
  return !(is_zero<F>(a) && is_zero<F>(b)) && ordered_less<F>(a, b);
}

template <class F>
bool le(typename F::Bits a, typename F::Bits b, uint8_t& flags) {
  if (is_nan<F>(a) || is_nan<F>(b)) {
    flags |= kInvalid;
    return false;
  }
  return a == b || (is_zero<F>(a) && is_zero<F>(b)) || ordered_less<F>(a, b);
}

template <class F>
typename F::Bits min_max(typename F::Bits a, typename F::Bits b, bool want_max, uint8_t& flags) {
  const bool a_nan = is_nan<F>(a);
  const bool b_nan = is_nan<F>(b);
  if (a_nan || b_nan) {
    if (is_snan<F>(a) || is_snan<F>(b)) flags |= kInvalid;
    if (a_nan && b_nan) return F::kCanonicalNaN;
    return a_nan ? b : a;
  }
  return ordered_less<F>(a, b) != want_max ? a : b;
}

template <class F>
unsigned classify(typename F::Bits a) {
  // Bit numbers of Unprivileged spec table 11.5.
  const bool negative = sign_of<F>(a);
  if (is_nan<F>(a)) return is_snan<F>(a) ? 1u << 8 : 1u << 9;
  if (is_inf<F>(a)) return negative ? 1u << 0 : 1u << 7;
  if (is_zero<F>(a)) return negative ? 1u << 3 : 1u << 4;
  if (exp_field<F>(a) == 0) return negative ? 1u << 2 : 1u << 5;
  return negative ? 1u << 1 : 1u << 6;
}

// Conversion to a `width`-bit integer, returned as two's complement.
// Unprivileged spec 11.7 and table 11.4: a rounded result outside the range
// is clipped and raises NV alone; NaN gives the largest positive value.
template <class F>
uint64_t to_int(typename F::Bits a, bool is_signed, int width, Rounding rm, uint8_t& flags) {
  const uint64_t all_ones = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  const uint64_t max_positive = is_signed ? all_ones >> 1 : all_ones;
  const uint64_t max_negative_magnitude = is_signed ? max_positive + 1 : 0;
  const bool sign = sign_of<F>(a);
  if (is_nan<F>(a)) {
    flags |= kInvalid;
    return max_positive;
  }
  const uint64_t saturated = sign ? 0 - max_negative_magnitude : max_positive;
  if (is_inf<F>(a)) {
    flags |= kInvalid;
    return saturated;
  }
  if (is_zero<F>(a)) return 0;
  const Finite x = unpack<F>(a);
  uint64_t magnitude = 0;
  bool inexact = false;
  if (x.exp >= 0) {
    if (top_bit(x.sig) + x.exp > 63) {
      flags |= kInvalid;
      return saturated;
    }
    magnitude = x.sig << x.exp;
  } else {
    magnitude = round_shift(x.sig, -x.exp, sign, rm, inexact);
  }
  if (magnitude > (sign ? max_negative_magnitude : max_positive)) {
    flags |= kInvalid;
    return saturated;
  }
  if (inexact) flags |= kInexact;
  return sign ? 0 - magnitude : magnitude;
}

template <class F>
typename F::Bits from_int(bool sign, uint64_t magnitude, Rounding rm, uint8_t& flags) {
  if (magnitude == 0) return 0;
  return round_pack<F>(sign, 0, magnitude, rm, flags);
}

template <class From, class To>
typename To::Bits convert(typename From::Bits a, Rounding rm, uint8_t& flags) {
  if (is_nan<From>(a)) return nan_result<To>(is_snan<From>(a), flags);
  const bool sign = sign_of<From>(a);
  if (is_inf<From>(a)) return with_sign<To>(sign, To::kInf);
  if (is_zero<From>(a)) return with_sign<To>(sign, 0);
  const Finite x = unpack<From>(a);
  return round_pack<To>(sign, x.exp, x.sig, rm, flags);
}

uint64_t magnitude_of(int64_t v) {
  return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

}  // namespace

uint32_t f32_add(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags) {
  return add<F32>(a, b, rm, flags);
}
uint32_t f32_sub(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags) {
  return add<F32>(a, b ^ F32::kSignMask, rm, flags);
}
uint32_t f32_mul(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags) {
  return mul<F32>(a, b, rm, flags);
}
uint32_t f32_div(uint32_t a, uint32_t b, Rounding rm, uint8_t& flags) {
  return div<F32>(a, b, rm, flags);
}
uint32_t f32_sqrt(uint32_t a, Rounding rm, uint8_t& flags) {
  return square_root<F32>(a, rm, flags);
}
uint32_t f32_fma(uint32_t a, uint32_t b, uint32_t c, Rounding rm, uint8_t& flags) {
  return fused_mul_add<F32>(a, b, c, rm, flags);
}
bool f32_eq(uint32_t a, uint32_t b, uint8_t& flags) { return eq<F32>(a, b, flags); }
bool f32_lt(uint32_t a, uint32_t b, uint8_t& flags) { return lt<F32>(a, b, flags); }
bool f32_le(uint32_t a, uint32_t b, uint8_t& flags) { return le<F32>(a, b, flags); }
uint32_t f32_min(uint32_t a, uint32_t b, uint8_t& flags) {
  return min_max<F32>(a, b, false, flags);
}
uint32_t f32_max(uint32_t a, uint32_t b, uint8_t& flags) { return min_max<F32>(a, b, true, flags); }
unsigned f32_classify(uint32_t a) { return classify<F32>(a); }
int32_t f32_to_i32(uint32_t a, Rounding rm, uint8_t& flags) {
  return static_cast<int32_t>(to_int<F32>(a, true, 32, rm, flags));
}
uint32_t f32_to_u32(uint32_t a, Rounding rm, uint8_t& flags) {
  return static_cast<uint32_t>(to_int<F32>(a, false, 32, rm, flags));
}
int64_t f32_to_i64(uint32_t a, Rounding rm, uint8_t& flags) {
  return static_cast<int64_t>(to_int<F32>(a, true, 64, rm, flags));
}
uint64_t f32_to_u64(uint32_t a, Rounding rm, uint8_t& flags) {
  return to_int<F32>(a, false, 64, rm, flags);
}
uint32_t i32_to_f32(int32_t v, Rounding rm, uint8_t& flags) {
  return from_int<F32>(v < 0, magnitude_of(v), rm, flags);
}
uint32_t u32_to_f32(uint32_t v, Rounding rm, uint8_t& flags) {
  return from_int<F32>(false, v, rm, flags);
}
uint32_t i64_to_f32(int64_t v, Rounding rm, uint8_t& flags) {
  return from_int<F32>(v < 0, magnitude_of(v), rm, flags);
}
uint32_t u64_to_f32(uint64_t v, Rounding rm, uint8_t& flags) {
  return from_int<F32>(false, v, rm, flags);
}

uint64_t f64_add(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags) {
  return add<F64>(a, b, rm, flags);
}
uint64_t f64_sub(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags) {
  return add<F64>(a, b ^ F64::kSignMask, rm, flags);
}
uint64_t f64_mul(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags) {
  return mul<F64>(a, b, rm, flags);
}
uint64_t f64_div(uint64_t a, uint64_t b, Rounding rm, uint8_t& flags) {
  return div<F64>(a, b, rm, flags);
}
uint64_t f64_sqrt(uint64_t a, Rounding rm, uint8_t& flags) {
  return square_root<F64>(a, rm, flags);
}
uint64_t f64_fma(uint64_t a, uint64_t b, uint64_t c, Rounding rm, uint8_t& flags) {
  return fused_mul_add<F64>(a, b, c, rm, flags);
}
bool f64_eq(uint64_t a, uint64_t b, uint8_t& flags) { return eq<F64>(a, b, flags); }
bool f64_lt(uint64_t a, uint64_t b, uint8_t& flags) { return lt<F64>(a, b, flags); }
bool f64_le(uint64_t a, uint64_t b, uint8_t& flags) { return le<F64>(a, b, flags); }
uint64_t f64_min(uint64_t a, uint64_t b, uint8_t& flags) {
  return min_max<F64>(a, b, false, flags);
}
uint64_t f64_max(uint64_t a, uint64_t b, uint8_t& flags) { return min_max<F64>(a, b, true, flags); }
unsigned f64_classify(uint64_t a) { return classify<F64>(a); }
int32_t f64_to_i32(uint64_t a, Rounding rm, uint8_t& flags) {
  return static_cast<int32_t>(to_int<F64>(a, true, 32, rm, flags));
}
uint32_t f64_to_u32(uint64_t a, Rounding rm, uint8_t& flags) {
  return static_cast<uint32_t>(to_int<F64>(a, false, 32, rm, flags));
}
int64_t f64_to_i64(uint64_t a, Rounding rm, uint8_t& flags) {
  return static_cast<int64_t>(to_int<F64>(a, true, 64, rm, flags));
}
uint64_t f64_to_u64(uint64_t a, Rounding rm, uint8_t& flags) {
  return to_int<F64>(a, false, 64, rm, flags);
}
uint64_t i32_to_f64(int32_t v, Rounding rm, uint8_t& flags) {
  return from_int<F64>(v < 0, magnitude_of(v), rm, flags);
}
uint64_t u32_to_f64(uint32_t v, Rounding rm, uint8_t& flags) {
  return from_int<F64>(false, v, rm, flags);
}
uint64_t i64_to_f64(int64_t v, Rounding rm, uint8_t& flags) {
  return from_int<F64>(v < 0, magnitude_of(v), rm, flags);
}
uint64_t u64_to_f64(uint64_t v, Rounding rm, uint8_t& flags) {
  return from_int<F64>(false, v, rm, flags);
}

uint64_t f32_to_f64(uint32_t a, uint8_t& flags) {
  return convert<F32, F64>(a, Rounding::NearestEven, flags);
}
uint32_t f64_to_f32(uint64_t a, Rounding rm, uint8_t& flags) {
  return convert<F64, F32>(a, rm, flags);
}

}  // namespace rvtlm::iss::fp
