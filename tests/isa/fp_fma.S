/* Fused multiply-add (Unprivileged spec 11.6 / 12.4): FMADD = a*b + c,
 * FMSUB = a*b - c, FNMSUB = -(a*b) + c, FNMADD = -(a*b) - c, computed with
 * a single rounding: products that are not representable, products that
 * overflow or underflow on their own while the sum does not, the sign of
 * exact zero sums (+0 except under RDN; FNMADD of zeros gives -0), every
 * rounding mode static and dynamic, infinity * 0 raising NV even with a
 * quiet NaN addend, NaN inputs and canonical NaN results.
 * Built once per precision (FP_D = 0: single, 1: double; see fp.h).
 * u = ulp of 1.0 (2^-23 for S, 2^-52 for D). */
#include "fp.h"

/* K_HI * K_LO = 1 - 2^-2k is not representable (rounds to 1.0):
 * S k = 13: 1 + 2^-13 = 1.0001220703125, 1 - 2^-13 = 0.9998779296875;
 * D k = 27: 1 + 2^-27 = 1.0000000074505806, 1 - 2^-27 = 0.9999999925494194.
 * P_EPS = 2^-2k (S 2^-26 = 1.4901161e-8, D 2^-54 = 5.551115123125783e-17). */
#define K_HI FP_SEL(0x3f800400, 0x3ff0000002000000)
#define K_LO FP_SEL(0x3f7ff800, 0x3feffffffc000000)
#define P_EPS FP_SEL(0x32800000, 0x3c90000000000000)
#define P_M_EPS FP_SEL(0xb2800000, 0xbc90000000000000)
#define P_1P3ULP FP_SEL(0x3f800003, 0x3ff0000000000003)     /* 1 + 3u */
#define P_M_1P3ULP FP_SEL(0xbf800003, 0xbff0000000000003)
/* As in fp_arith.S: TINY_A * TINY_B = (1 - 2^-2k) * smallest normal. */
#define TINY_A FP_SEL(0x20000400, 0x2000000002000000)
#define TINY_B FP_SEL(0x1ffff800, 0x1ffffffffc000000)

#define TEST_RM5_OP3(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a, b, c) \
  TEST_OP3(n, op, rne, flags, rne_r, a, b, c); \
  TEST_OP3((n) + 1, op, rtz, flags, rtz_r, a, b, c); \
  TEST_OP3((n) + 2, op, rdn, flags, rdn_r, a, b, c); \
  TEST_OP3((n) + 3, op, rup, flags, rup_r, a, b, c); \
  TEST_OP3((n) + 4, op, rmm, flags, rmm_r, a, b, c)
#define TEST_RM5_OP3_DYN(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a, b, c) \
  TEST_OP3_DYN(n, op, RM_RNE, flags, rne_r, a, b, c); \
  TEST_OP3_DYN((n) + 1, op, RM_RTZ, flags, rtz_r, a, b, c); \
  TEST_OP3_DYN((n) + 2, op, RM_RDN, flags, rdn_r, a, b, c); \
  TEST_OP3_DYN((n) + 3, op, RM_RUP, flags, rup_r, a, b, c); \
  TEST_OP3_DYN((n) + 4, op, RM_RMM, flags, rmm_r, a, b, c)

  FP_BEGIN

  /* ---- the four sign conventions ---- */
  TEST_OP3(1, FP_MADD, rne, 0, P_SEVEN, P_TWO, P_THREE, P_ONE)      /* 2*3 + 1 = 7 */
  TEST_OP3(2, FP_MSUB, rne, 0, P_FIVE, P_TWO, P_THREE, P_ONE)       /* 2*3 - 1 = 5 */
  TEST_OP3(3, FP_NMSUB, rne, 0, P_M_FIVE, P_TWO, P_THREE, P_ONE)    /* -(2*3) + 1 = -5 */
  TEST_OP3(4, FP_NMADD, rne, 0, P_M_SEVEN, P_TWO, P_THREE, P_ONE)   /* -(2*3) - 1 = -7 */
  TEST_OP3(5, FP_MADD, rne, 0, P_M_FIVE, P_M_TWO, P_THREE, P_ONE)   /* -6 + 1 = -5 */
  TEST_OP3(6, FP_MSUB, rne, 0, P_M_FIVE, P_M_TWO, P_THREE, P_M_ONE) /* -6 + 1 = -5 */
  TEST_OP3(7, FP_NMSUB, rne, 0, P_SEVEN, P_M_TWO, P_THREE, P_ONE)   /* 6 + 1 = 7 */
  TEST_OP3(8, FP_NMADD, rne, 0, P_FIVE, P_M_TWO, P_THREE, P_ONE)    /* 6 - 1 = 5 */
  TEST_OP3(9, FP_NMADD, rne, 0, P_SEVEN, P_M_TWO, P_THREE, P_M_ONE) /* 6 + 1 = 7 */

  /* ---- one rounding only ---- */
  TEST_OP3(10, FP_MADD, rne, 0, P_M_EPS, K_HI, K_LO, P_M_ONE)       /* (1 - 2^-2k) - 1 */
  TEST_OP3(11, FP_MSUB, rne, 0, P_M_EPS, K_HI, K_LO, P_ONE)
  TEST_OP3(12, FP_NMSUB, rne, 0, P_EPS, K_HI, K_LO, P_ONE)          /* 1 - (1 - 2^-2k) */
  TEST_OP3(13, FP_NMADD, rne, 0, P_EPS, K_HI, K_LO, P_M_ONE)
  TEST_OP3(14, FP_MADD, rne, FF_NX, P_ONE, K_HI, K_LO, P_ZERO)      /* product alone rounds */
  TEST_OP3(15, FP_MADD, rtz, FF_NX, P_1M, K_HI, K_LO, P_ZERO)
  /* 2 * max overflows alone, 2 * max - max = max does not */
  TEST_OP3(16, FP_MADD, rne, 0, P_MAX, P_MAX, P_TWO, P_M_MAX)
  TEST_OP3(17, FP_MSUB, rne, 0, P_MAX, P_MAX, P_TWO, P_MAX)
  TEST_OP3(18, FP_NMADD, rne, 0, P_M_MAX, P_MAX, P_TWO, P_M_MAX)
  TEST_OP3(19, FP_NMSUB, rne, 0, P_M_MAX, P_MAX, P_TWO, P_MAX)
  TEST_OP3(20, FP_MADD, rne, FF_OF | FF_NX, P_INF, P_MAX, P_TWO, P_ZERO)
  TEST_OP3(21, FP_MADD, rtz, FF_OF | FF_NX, P_MAX, P_MAX, P_TWO, P_ZERO)
  TEST_OP3(22, FP_NMADD, rne, FF_OF | FF_NX, P_M_INF, P_MAX, P_TWO, P_ZERO)
  TEST_OP3(23, FP_NMADD, rup, FF_OF | FF_NX, P_M_MAX, P_MAX, P_TWO, P_ZERO)
  TEST_OP3(24, FP_MADD, rne, FF_OF | FF_NX, P_INF, P_MAX, P_ONE, P_MAX)

  /* ---- underflow: only the final result counts ---- */
  TEST_OP3(30, FP_MADD, rne, FF_NX, P_ONE, P_MIN_SUB, P_HALF, P_ONE)   /* 1 + min_sub/2: NX, no UF */
  TEST_OP3(31, FP_MADD, rup, FF_NX, P_1P1ULP, P_MIN_SUB, P_HALF, P_ONE)
  TEST_OP3(32, FP_MADD, rne, FF_UF | FF_NX, P_ZERO, P_MIN_SUB, P_MIN_SUB, P_ZERO)
  TEST_OP3(33, FP_MADD, rup, FF_UF | FF_NX, P_MIN_SUB, P_MIN_SUB, P_MIN_SUB, P_ZERO)
  TEST_OP3(34, FP_NMSUB, rdn, FF_UF | FF_NX, P_M_MIN_SUB, P_MIN_SUB, P_MIN_SUB, P_ZERO)
  TEST_OP3(35, FP_MADD, rne, 0, P_MIN_SUB, P_MIN_N, P_ONE, P_M_MAX_SUB) /* exact subnormal */
  TEST_OP3(36, FP_MADD, rne, FF_NX, P_MIN_N, TINY_A, TINY_B, P_ZERO)  /* tininess after rounding */
  TEST_OP3(37, FP_MADD, rtz, FF_UF | FF_NX, P_MAX_SUB, TINY_A, TINY_B, P_ZERO)
  TEST_OP3(38, FP_MADD, rne, FF_UF | FF_NX, P_MIN_N, P_MIN_N, P_1M, P_ZERO)

  /* ---- signed zeros ---- */
  TEST_OP3(40, FP_MADD, rne, 0, P_ZERO, P_ZERO, P_ONE, P_M_ZERO)     /* +0 + -0 = +0 */
  TEST_OP3(41, FP_MADD, rdn, 0, P_M_ZERO, P_ZERO, P_ONE, P_M_ZERO)   /* ... -0 rounding down */
  TEST_OP3(42, FP_MADD, rne, 0, P_M_ZERO, P_M_ZERO, P_ONE, P_M_ZERO) /* -0 + -0 = -0 */
  TEST_OP3(43, FP_NMADD, rne, 0, P_M_ZERO, P_ZERO, P_ONE, P_ZERO)    /* -(+0) - +0 = -0 */
  TEST_OP3(44, FP_NMSUB, rne, 0, P_ZERO, P_ZERO, P_ONE, P_ZERO)      /* -(+0) + +0 = +0 */
  TEST_OP3(45, FP_NMSUB, rdn, 0, P_M_ZERO, P_ZERO, P_ONE, P_ZERO)
  TEST_OP3(46, FP_MSUB, rne, 0, P_ZERO, P_ONE, P_ONE, P_ONE)         /* 1 - 1 = +0 */
  TEST_OP3(47, FP_MSUB, rdn, 0, P_M_ZERO, P_ONE, P_ONE, P_ONE)
  TEST_OP3(48, FP_NMADD, rne, 0, P_ZERO, P_ONE, P_ONE, P_M_ONE)      /* -1 + 1 = +0 */
  TEST_OP3(49, FP_NMADD, rdn, 0, P_M_ZERO, P_ONE, P_ONE, P_M_ONE)
  TEST_OP3(50, FP_MSUB, rne, 0, P_M_ZERO, P_M_ZERO, P_ONE, P_ZERO)   /* -0 - +0 = -0 */

  /* ---- invalid operations and NaNs ---- */
  TEST_OP3(60, FP_MADD, rne, FF_NV, P_QNAN, P_INF, P_ZERO, P_QNAN_PL) /* inf * 0 + qNaN: NV */
  TEST_OP3(61, FP_MADD, rne, FF_NV, P_QNAN, P_M_ZERO, P_INF, P_QNAN)
  TEST_OP3(62, FP_NMADD, rne, FF_NV, P_QNAN, P_ZERO, P_M_INF, P_ONE)
  TEST_OP3(63, FP_MADD, rne, FF_NV, P_QNAN, P_INF, P_ONE, P_M_INF)   /* inf - inf */
  TEST_OP3(64, FP_MSUB, rne, FF_NV, P_QNAN, P_INF, P_ONE, P_INF)
  TEST_OP3(65, FP_NMSUB, rne, FF_NV, P_QNAN, P_INF, P_ONE, P_INF)    /* -inf + inf */
  TEST_OP3(66, FP_NMADD, rne, FF_NV, P_QNAN, P_INF, P_ONE, P_M_INF)  /* -inf - -inf */
  TEST_OP3(67, FP_MADD, rne, 0, P_INF, P_INF, P_TWO, P_ONE)
  TEST_OP3(68, FP_NMADD, rne, 0, P_M_INF, P_INF, P_TWO, P_ONE)
  TEST_OP3(69, FP_MADD, rne, 0, P_INF, P_ONE, P_TWO, P_INF)          /* finite product + inf */
  TEST_OP3(70, FP_MADD, rne, 0, P_QNAN, P_ONE, P_TWO, P_QNAN_PL)     /* quiet NaN addend */
  TEST_OP3(71, FP_MADD, rne, 0, P_QNAN, P_QNAN_PL, P_TWO, P_ONE)
  TEST_OP3(72, FP_NMSUB, rne, 0, P_QNAN, P_ONE, P_M_QNAN, P_ONE)
  TEST_OP3(73, FP_MADD, rne, FF_NV, P_QNAN, P_ONE, P_TWO, P_SNAN)    /* signaling NaN anywhere */
  TEST_OP3(74, FP_MSUB, rne, FF_NV, P_QNAN, P_SNAN_PL, P_TWO, P_ONE)
  TEST_OP3(75, FP_NMADD, rne, FF_NV, P_QNAN, P_ONE, P_M_SNAN, P_ONE)
  TEST_OP3(76, FP_NMSUB, rne, FF_NV, P_QNAN, P_QNAN, P_ONE, P_SNAN)
  TEST_OP3(77, FP_MADD, rne, FF_NV, P_QNAN, P_INF, P_ZERO, P_SNAN)

  /* ---- rounding modes ---- */
  /* (1 + u)^2 + u/2 = 1 + 2.5u + u^2: one rounding gives 1 + 3u to nearest
   * (two roundings would give 1 + 2u) */
  TEST_RM5_OP3(80, FP_MADD, FF_NX, P_1P3ULP, P_1P2ULP, P_1P2ULP, P_1P3ULP, P_1P3ULP, P_1P1ULP, P_1P1ULP, P_HALF_ULP)
  TEST_RM5_OP3(85, FP_NMADD, FF_NX, P_M_1P3ULP, P_M_1P2ULP, P_M_1P3ULP, P_M_1P2ULP, P_M_1P3ULP, P_1P1ULP, P_1P1ULP, P_HALF_ULP)
  /* 1 * 1 + u/2: tie, even below: RMM away */
  TEST_RM5_OP3(90, FP_MADD, FF_NX, P_ONE, P_ONE, P_ONE, P_1P1ULP, P_1P1ULP, P_ONE, P_ONE, P_HALF_ULP)
  /* -(1 * 1) + -u/2 through FMSUB: -(1 + u/2) */
  TEST_RM5_OP3(95, FP_MSUB, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_ONE, P_HALF_ULP)
  /* FNMSUB: -(K_HI * K_LO) + 0 = -(1 - 2^-2k), nearer to -1 than to -P_1M */
  TEST_RM5_OP3(100, FP_NMSUB, FF_NX, P_M_ONE, FP_SEL(0xbf7fffff, 0xbfefffffffffffff), P_M_ONE, FP_SEL(0xbf7fffff, 0xbfefffffffffffff), P_M_ONE, K_HI, K_LO, P_ZERO)
  TEST_RM5_OP3_DYN(110, FP_MADD, FF_NX, P_1P3ULP, P_1P2ULP, P_1P2ULP, P_1P3ULP, P_1P3ULP, P_1P1ULP, P_1P1ULP, P_HALF_ULP)
  TEST_RM5_OP3_DYN(115, FP_MSUB, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_ONE, P_HALF_ULP)
  TEST_RM5_OP3_DYN(120, FP_NMSUB, FF_NX, P_M_ONE, FP_SEL(0xbf7fffff, 0xbfefffffffffffff), P_M_ONE, FP_SEL(0xbf7fffff, 0xbfefffffffffffff), P_M_ONE, K_HI, K_LO, P_ZERO)
  TEST_RM5_OP3_DYN(125, FP_NMADD, FF_NX, P_M_1P3ULP, P_M_1P2ULP, P_M_1P3ULP, P_M_1P2ULP, P_M_1P3ULP, P_1P1ULP, P_1P1ULP, P_HALF_ULP)

  TEST_END
