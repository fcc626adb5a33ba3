/* F/D arithmetic: FADD, FSUB, FMUL, FDIV, FSQRT (Unprivileged spec 11.6 /
 * 12.4) with IEEE 754-2008 special cases and exact fflags: signed zeros,
 * infinities, invalid operations (NV) giving the canonical NaN, quiet NaN
 * inputs (no flag, canonical NaN out, payload dropped), signaling NaN inputs
 * (NV), division by zero (DZ), overflow to infinity or the largest finite
 * value by rounding mode (OF|NX), underflow with tininess detected after
 * rounding (11.5): exact subnormal results raise nothing, a result that
 * rounds to the smallest normal from below raises UF only when the value
 * rounded with unbounded exponent is still below it.
 * Built once per precision (FP_D = 0: single, 1: double; see fp.h). */
#include "fp.h"

  FP_BEGIN

  /* ---- FADD ---- */
  TEST_OP2(1, FP_ADD, rne, 0, P_THREE, P_ONE, P_TWO)             /* 1 + 2 = 3 */
  TEST_OP2(2, FP_ADD, rne, 0, P_M_ONE, P_ONE, P_M_TWO)           /* 1 + -2 = -1 */
  TEST_OP2(3, FP_ADD, rne, FF_NX, P_ONE, P_ONE, P_QUARTER_ULP)   /* 1 + ulp/4 rounds to 1 */
  TEST_OP2(4, FP_ADD, rne, 0, P_ZERO, P_ZERO, P_M_ZERO)          /* +0 + -0 = +0 */
  TEST_OP2(5, FP_ADD, rdn, 0, P_M_ZERO, P_ZERO, P_M_ZERO)        /* ... = -0 when rounding down */
  TEST_OP2(6, FP_ADD, rne, 0, P_M_ZERO, P_M_ZERO, P_M_ZERO)      /* -0 + -0 = -0 */
  TEST_OP2(7, FP_ADD, rne, 0, P_ZERO, P_ONE, P_M_ONE)            /* x + -x = +0 */
  TEST_OP2(8, FP_ADD, rdn, 0, P_M_ZERO, P_ONE, P_M_ONE)          /* ... = -0 when rounding down */
  TEST_OP2(9, FP_ADD, rup, 0, P_ZERO, P_ONE, P_M_ONE)
  TEST_OP2(10, FP_ADD, rne, 0, P_INF, P_INF, P_ONE)              /* inf + 1 = inf */
  TEST_OP2(11, FP_ADD, rne, 0, P_M_INF, P_M_INF, P_M_INF)
  TEST_OP2(12, FP_ADD, rne, FF_NV, P_QNAN, P_INF, P_M_INF)       /* inf + -inf: invalid */
  TEST_OP2(13, FP_ADD, rne, 0, P_QNAN, P_QNAN_PL, P_ONE)         /* qNaN in: canonical out */
  TEST_OP2(14, FP_ADD, rne, 0, P_QNAN, P_ONE, P_M_QNAN)          /* sign dropped too */
  TEST_OP2(15, FP_ADD, rne, FF_NV, P_QNAN, P_SNAN, P_ONE)        /* sNaN in: NV */
  TEST_OP2(16, FP_ADD, rne, FF_NV, P_QNAN, P_ONE, P_SNAN_PL)
  TEST_OP2(17, FP_ADD, rne, FF_NV, P_QNAN, P_QNAN_PL, P_M_SNAN)  /* qNaN and sNaN: NV */
  TEST_OP2(18, FP_ADD, rne, 0, P_QNAN, P_QNAN_PL, P_INF)
  TEST_OP2(19, FP_ADD, rne, FF_OF | FF_NX, P_INF, P_MAX, P_MAX)  /* 2 * max overflows */
  TEST_OP2(20, FP_ADD, rtz, FF_OF | FF_NX, P_MAX, P_MAX, P_MAX)
  TEST_OP2(21, FP_ADD, rup, FF_OF | FF_NX, P_M_MAX, P_M_MAX, P_M_MAX)
  TEST_OP2(22, FP_ADD, rdn, FF_OF | FF_NX, P_M_INF, P_M_MAX, P_M_MAX)
  TEST_OP2(23, FP_ADD, rne, FF_NX, P_MAX, P_MAX, P_ONE)          /* max + 1 rounds to max */
  TEST_OP2(24, FP_ADD, rup, FF_OF | FF_NX, P_INF, P_MAX, P_ONE)  /* ... to inf rounding up */
  TEST_OP2(25, FP_ADD, rne, 0, P_MIN_N, P_MAX_SUB, P_MIN_SUB)    /* subnormal sum, exact: no UF */
  TEST_OP2(26, FP_ADD, rne, 0, P_MIN_SUB, P_MIN_N, P_M_MAX_SUB)
  TEST_OP2(27, FP_ADD, rne, 0, FP_SEL(0x00000002, 0x0000000000000002), P_MIN_SUB, P_MIN_SUB) /* 2 min_sub */
  TEST_OP2(28, FP_ADD, rne, 0, P_ONE, P_HALF, P_HALF)

  /* ---- FSUB ---- */
  TEST_OP2(30, FP_SUB, rne, 0, P_M_ONE, P_ONE, P_TWO)            /* 1 - 2 = -1 */
  TEST_OP2(31, FP_SUB, rne, 0, P_ZERO, P_ONE, P_ONE)             /* 1 - 1 = +0 */
  TEST_OP2(32, FP_SUB, rdn, 0, P_M_ZERO, P_ONE, P_ONE)           /* ... = -0 when rounding down */
  TEST_OP2(33, FP_SUB, rne, 0, P_M_ZERO, P_M_ZERO, P_ZERO)       /* -0 - +0 = -0 */
  TEST_OP2(34, FP_SUB, rne, 0, P_ZERO, P_ZERO, P_ZERO)           /* +0 - +0 = +0 */
  TEST_OP2(35, FP_SUB, rne, FF_NV, P_QNAN, P_INF, P_INF)         /* inf - inf: invalid */
  TEST_OP2(36, FP_SUB, rne, 0, P_M_INF, P_M_INF, P_INF)          /* -inf - inf = -inf */
  TEST_OP2(37, FP_SUB, rne, 0, P_INF, P_ONE, P_M_INF)
  /* 1 - ulp/4 lies halfway between P_1M (odd significand) and 1.0 (even),
   * the spacing below 1.0 being ulp/2 */
  TEST_OP2(38, FP_SUB, rne, FF_NX, P_ONE, P_ONE, P_QUARTER_ULP)
  TEST_OP2(39, FP_SUB, rtz, FF_NX, P_1M, P_ONE, P_QUARTER_ULP)
  TEST_OP2(40, FP_SUB, rne, FF_NV, P_QNAN, P_SNAN, P_ONE)
  TEST_OP2(41, FP_SUB, rne, 0, P_QNAN, P_ONE, P_QNAN_PL)
  TEST_OP2(42, FP_SUB, rne, 0, P_MIN_SUB, P_MIN_N, P_MAX_SUB)    /* exact subnormal difference */
  TEST_OP2(43, FP_SUB, rdn, FF_OF | FF_NX, P_M_INF, P_M_MAX, P_MAX)
  TEST_OP2(44, FP_SUB, rtz, FF_OF | FF_NX, P_M_MAX, P_M_MAX, P_MAX)

  /* ---- FMUL ---- */
  TEST_OP2(50, FP_MUL, rne, 0, P_SIX, P_TWO, P_THREE)            /* 2 * 3 = 6 */
  TEST_OP2(51, FP_MUL, rne, 0, P_M_SIX, P_M_TWO, P_THREE)
  TEST_OP2(52, FP_MUL, rne, 0, P_SIX, P_M_TWO, P_M_THREE)
  TEST_OP2(53, FP_MUL, rne, 0, P_M_ZERO, P_M_ZERO, P_FIVE)       /* -0 * 5 = -0 */
  TEST_OP2(54, FP_MUL, rne, 0, P_ZERO, P_M_ZERO, P_M_FIVE)
  TEST_OP2(55, FP_MUL, rne, FF_NV, P_QNAN, P_ZERO, P_INF)        /* 0 * inf: invalid */
  TEST_OP2(56, FP_MUL, rne, FF_NV, P_QNAN, P_M_INF, P_M_ZERO)
  TEST_OP2(57, FP_MUL, rne, 0, P_M_INF, P_INF, P_M_TWO)
  TEST_OP2(58, FP_MUL, rne, 0, P_QNAN, P_QNAN_PL, P_ZERO)        /* qNaN * 0: quiet */
  TEST_OP2(59, FP_MUL, rne, FF_NV, P_QNAN, P_ONE, P_SNAN)
  TEST_OP2(60, FP_MUL, rne, FF_OF | FF_NX, P_INF, P_MAX, P_TWO)  /* overflow by mode */
  TEST_OP2(61, FP_MUL, rtz, FF_OF | FF_NX, P_MAX, P_MAX, P_TWO)
  TEST_OP2(62, FP_MUL, rdn, FF_OF | FF_NX, P_MAX, P_MAX, P_TWO)
  TEST_OP2(63, FP_MUL, rup, FF_OF | FF_NX, P_INF, P_MAX, P_TWO)
  TEST_OP2(64, FP_MUL, rmm, FF_OF | FF_NX, P_INF, P_MAX, P_TWO)
  TEST_OP2(65, FP_MUL, rne, FF_OF | FF_NX, P_M_INF, P_MAX, P_M_TWO)
  TEST_OP2(66, FP_MUL, rtz, FF_OF | FF_NX, P_M_MAX, P_MAX, P_M_TWO)
  TEST_OP2(67, FP_MUL, rdn, FF_OF | FF_NX, P_M_INF, P_MAX, P_M_TWO)
  TEST_OP2(68, FP_MUL, rup, FF_OF | FF_NX, P_M_MAX, P_MAX, P_M_TWO)
  TEST_OP2(69, FP_MUL, rmm, FF_OF | FF_NX, P_M_INF, P_MAX, P_M_TWO)
  TEST_OP2(70, FP_MUL, rne, 0, P_HALF_MIN_N, P_MIN_N, P_HALF)    /* exact subnormal: no UF */
  TEST_OP2(71, FP_MUL, rne, 0, FP_SEL(0x00000002, 0x0000000000000002), P_MIN_SUB, P_TWO)
  /* min_sub / 2 is halfway between 0 and min_sub: tiny and inexact */
  TEST_OP2(72, FP_MUL, rne, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_HALF)
  TEST_OP2(73, FP_MUL, rtz, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_HALF)
  TEST_OP2(74, FP_MUL, rdn, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_HALF)
  TEST_OP2(75, FP_MUL, rup, FF_UF | FF_NX, P_MIN_SUB, P_MIN_SUB, P_HALF)
  TEST_OP2(76, FP_MUL, rmm, FF_UF | FF_NX, P_MIN_SUB, P_MIN_SUB, P_HALF)
  TEST_OP2(77, FP_MUL, rdn, FF_UF | FF_NX, P_M_MIN_SUB, P_M_MIN_SUB, P_HALF)
  TEST_OP2(78, FP_MUL, rne, FF_UF | FF_NX, P_M_ZERO, P_M_MIN_SUB, P_HALF)
  /* Tininess after rounding. TINY_A * TINY_B = (1 - 2^-2k) * min_n exactly
   * (S: (1 + 2^-13) 2^-63 * (1 - 2^-13) 2^-63, D: (1 + 2^-27) 2^-511 *
   * (1 - 2^-27) 2^-511), which is above the midpoint between the largest
   * subnormal and min_n: rounded to nearest or up it becomes min_n both
   * with unbounded exponent and in the format, so it is not tiny (NX only);
   * rounded toward zero it stays below min_n: tiny, UF. */
#define TINY_A FP_SEL(0x20000400, 0x2000000002000000)
#define TINY_B FP_SEL(0x1ffff800, 0x1ffffffffc000000)
#define TINY_NEG_A FP_SEL(0xa0000400, 0xa000000002000000)
  TEST_OP2(80, FP_MUL, rne, FF_NX, P_MIN_N, TINY_A, TINY_B)
  TEST_OP2(81, FP_MUL, rtz, FF_UF | FF_NX, P_MAX_SUB, TINY_A, TINY_B)
  TEST_OP2(82, FP_MUL, rdn, FF_UF | FF_NX, P_MAX_SUB, TINY_A, TINY_B)
  TEST_OP2(83, FP_MUL, rup, FF_NX, P_MIN_N, TINY_A, TINY_B)
  TEST_OP2(84, FP_MUL, rmm, FF_NX, P_MIN_N, TINY_A, TINY_B)
  TEST_OP2(85, FP_MUL, rdn, FF_NX, P_M_MIN_N, TINY_NEG_A, TINY_B)
  TEST_OP2(86, FP_MUL, rup, FF_UF | FF_NX, P_M_MAX_SUB, TINY_NEG_A, TINY_B)
  /* min_n * (1 - ulp/2): the product is representable with unbounded
   * exponent and lies below min_n, so it is tiny even though rounding to
   * nearest into the format gives min_n itself: UF|NX. */
  TEST_OP2(87, FP_MUL, rne, FF_UF | FF_NX, P_MIN_N, P_MIN_N, P_1M)
  TEST_OP2(88, FP_MUL, rtz, FF_UF | FF_NX, P_MAX_SUB, P_MIN_N, P_1M)
  TEST_OP2(89, FP_MUL, rup, FF_UF | FF_NX, P_MIN_N, P_MIN_N, P_1M)
  TEST_OP2(90, FP_MUL, rne, 0, P_MIN_N, P_MIN_N, P_ONE)          /* exact, not tiny */
  TEST_OP2(91, FP_MUL, rne, 0, P_MAX_SUB, P_MAX_SUB, P_ONE)      /* exact subnormal */

  /* ---- FDIV ---- */
  TEST_OP2(100, FP_DIV, rne, 0, P_TWO, P_SIX, P_THREE)           /* 6 / 3 = 2 */
  TEST_OP2(101, FP_DIV, rne, 0, P_M_TWO, P_SIX, P_M_THREE)
  /* 1 / 3: S 0x3eaaaaab = 0.3333333433, D 0x3fd5555555555555 =
   * 0.33333333333333331483 (below the exact value), RUP one ulp above */
  TEST_OP2(102, FP_DIV, rne, FF_NX, FP_SEL(0x3eaaaaab, 0x3fd5555555555555), P_ONE, P_THREE)
  TEST_OP2(103, FP_DIV, rup, FF_NX, FP_SEL(0x3eaaaaab, 0x3fd5555555555556), P_ONE, P_THREE)
  TEST_OP2(104, FP_DIV, rtz, FF_NX, FP_SEL(0x3eaaaaaa, 0x3fd5555555555555), P_ONE, P_THREE)
  TEST_OP2(105, FP_DIV, rne, FF_DZ, P_INF, P_ONE, P_ZERO)        /* 1 / +0 = inf, DZ */
  TEST_OP2(106, FP_DIV, rne, FF_DZ, P_M_INF, P_M_ONE, P_ZERO)
  TEST_OP2(107, FP_DIV, rne, FF_DZ, P_M_INF, P_ONE, P_M_ZERO)
  TEST_OP2(108, FP_DIV, rtz, FF_DZ, P_INF, P_MAX, P_ZERO)        /* exact inf in every mode */
  TEST_OP2(109, FP_DIV, rne, FF_DZ, P_INF, P_MIN_SUB, P_ZERO)
  TEST_OP2(110, FP_DIV, rne, FF_NV, P_QNAN, P_ZERO, P_ZERO)      /* 0 / 0: invalid */
  TEST_OP2(111, FP_DIV, rne, FF_NV, P_QNAN, P_M_ZERO, P_ZERO)
  TEST_OP2(112, FP_DIV, rne, FF_NV, P_QNAN, P_INF, P_M_INF)      /* inf / inf: invalid */
  TEST_OP2(113, FP_DIV, rne, 0, P_INF, P_INF, P_ZERO)            /* inf / 0: no DZ */
  TEST_OP2(114, FP_DIV, rne, 0, P_M_INF, P_INF, P_M_TWO)
  TEST_OP2(115, FP_DIV, rne, 0, P_ZERO, P_ZERO, P_FIVE)
  TEST_OP2(116, FP_DIV, rne, 0, P_M_ZERO, P_ZERO, P_M_FIVE)
  TEST_OP2(117, FP_DIV, rne, 0, P_M_ZERO, P_FIVE, P_M_INF)       /* 5 / -inf = -0 */
  TEST_OP2(118, FP_DIV, rne, 0, P_QNAN, P_QNAN_PL, P_ZERO)       /* NaN / 0: no DZ */
  TEST_OP2(119, FP_DIV, rne, FF_NV, P_QNAN, P_SNAN, P_ZERO)
  TEST_OP2(120, FP_DIV, rne, 0, P_QNAN, P_ZERO, P_QNAN)
  TEST_OP2(121, FP_DIV, rne, FF_OF | FF_NX, P_INF, P_MAX, P_HALF)
  TEST_OP2(122, FP_DIV, rdn, FF_OF | FF_NX, P_MAX, P_MAX, P_HALF)
  TEST_OP2(123, FP_DIV, rne, 0, P_HALF_MIN_N, P_MIN_N, P_TWO)    /* exact subnormal */
  /* min_sub / 3 lies below min_sub / 2: zero except when rounding up */
  TEST_OP2(124, FP_DIV, rne, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_THREE)
  TEST_OP2(125, FP_DIV, rmm, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_THREE)
  TEST_OP2(126, FP_DIV, rup, FF_UF | FF_NX, P_MIN_SUB, P_MIN_SUB, P_THREE)
  TEST_OP2(127, FP_DIV, rdn, FF_UF | FF_NX, P_M_MIN_SUB, P_M_MIN_SUB, P_THREE)
  TEST_OP2(128, FP_DIV, rne, 0, P_MIN_N, P_MIN_N, P_ONE)

  /* ---- FSQRT ---- */
  TEST_OP1(140, FP_SQRT, rne, 0, P_TWO, P_FOUR)                  /* sqrt(4) = 2 */
  /* sqrt(2) = 1.41421356237309504880...: S 0x3fb504f3 = 1.41421353816986
   * (below), D 0x3ff6a09e667f3bcd = 1.4142135623730951455 (above) */
  TEST_OP1(141, FP_SQRT, rne, FF_NX, FP_SEL(0x3fb504f3, 0x3ff6a09e667f3bcd), P_TWO)
  TEST_OP1(142, FP_SQRT, rup, FF_NX, FP_SEL(0x3fb504f4, 0x3ff6a09e667f3bcd), P_TWO)
  TEST_OP1(143, FP_SQRT, rtz, FF_NX, FP_SEL(0x3fb504f3, 0x3ff6a09e667f3bcc), P_TWO)
  TEST_OP1(144, FP_SQRT, rne, 0, P_M_ZERO, P_M_ZERO)             /* sqrt(-0) = -0 */
  TEST_OP1(145, FP_SQRT, rne, 0, P_ZERO, P_ZERO)
  TEST_OP1(146, FP_SQRT, rne, FF_NV, P_QNAN, P_M_ONE)            /* sqrt(-1): invalid */
  TEST_OP1(147, FP_SQRT, rne, FF_NV, P_QNAN, P_M_MIN_SUB)
  TEST_OP1(148, FP_SQRT, rne, FF_NV, P_QNAN, P_M_INF)
  TEST_OP1(149, FP_SQRT, rne, 0, P_INF, P_INF)
  TEST_OP1(150, FP_SQRT, rne, 0, P_QNAN, P_QNAN_PL)
  TEST_OP1(151, FP_SQRT, rne, 0, P_QNAN, P_M_QNAN)               /* negative qNaN: no NV */
  TEST_OP1(152, FP_SQRT, rne, FF_NV, P_QNAN, P_SNAN)
  /* exact root of a subnormal: S sqrt(2^-148) = 2^-74, D sqrt(2^-1074) = 2^-537 */
  TEST_OP1(153, FP_SQRT, rne, 0, FP_SEL(0x1a800000, 0x1e60000000000000), FP_SEL(0x00000002, 0x0000000000000001))
  /* sqrt(largest subnormal): S 0x1fffffff = 1.0842021e-19 (2^-63 (2 - 2^-23)),
   * D 0x1fffffffffffffff = 1.4916681462400413e-154, both rounded up */
  TEST_OP1(154, FP_SQRT, rne, FF_NX, FP_SEL(0x1fffffff, 0x1fffffffffffffff), P_MAX_SUB)
  TEST_OP1(155, FP_SQRT, rdn, FF_NX, FP_SEL(0x1ffffffe, 0x1ffffffffffffffe), P_MAX_SUB)
  /* sqrt(max): S 0x5f7fffff = 1.8446743e19, D 0x5fefffffffffffff =
   * 1.3407807929942596e154, both below the exact root */
  TEST_OP1(156, FP_SQRT, rne, FF_NX, FP_SEL(0x5f7fffff, 0x5fefffffffffffff), P_MAX)
  TEST_OP1(157, FP_SQRT, rup, FF_NX, FP_SEL(0x5f800000, 0x5ff0000000000000), P_MAX)
  TEST_OP1(158, FP_SQRT, rne, 0, P_ONE, P_ONE)

  TEST_END
