/* Conversions (Unprivileged spec 11.7 / 12.5): float to W/WU/L/LU with every
 * rounding mode, saturation per table 11.4 (out-of-range and infinite
 * inputs clip to the nearest bound, NaN of either sign to the largest
 * value, NV and no NX; a value whose rounded result fits is in range, one
 * that rounds out of range is not), RV64 sign-extends the 32-bit result of
 * FCVT.W[U]; integer to float (rounding, exact cases, only the low 32 bits
 * of rs1 for the W forms); FCVT.S.D (rounding, overflow by mode, underflow
 * after rounding, canonical NaN) and FCVT.D.S (exact, canonical NaN, rm
 * field decoded though unused) in the double-precision build.
 * L/LU forms are RV64-only. Built once per precision (FP_D = 0: single,
 * 1: double; see fp.h). */
#include "fp.h"

/* Largest value below 2^31: S 2147483520 (2^31 - 128), D 2147483647. */
#define P_BELOW_2P31 FP_SEL(0x4effffff, 0x41dfffffffc00000)
#define I_BELOW_2P31 FP_SEL(0x7fffff80, 0x7fffffff)
/* Next value beyond -2^31: S -2147483904, D -2147483649. */
#define P_BEYOND_M2P31 FP_SEL(0xcf000001, 0xc1e0000000200000)
/* Largest value below 2^32: S 4294967040 (2^32 - 256), D 4294967295. */
#define P_BELOW_2P32 FP_SEL(0x4f7fffff, 0x41efffffffe00000)
#define I_BELOW_2P32 FP_SEL(0xffffff00, 0xffffffff)
/* Largest value below 2^63: S 2^63 - 2^39, D 2^63 - 1024. */
#define P_BELOW_2P63 FP_SEL(0x5effffff, 0x43dfffffffffffff)
#define I_BELOW_2P63 FP_SEL(0x7fffff8000000000, 0x7ffffffffffffc00)
/* Next value beyond -2^63: S -(2^63 + 2^40), D -(2^63 + 2048). */
#define P_BEYOND_M2P63 FP_SEL(0xdf000001, 0xc3e0000000000001)
/* Largest value below 2^64: S 2^64 - 2^40, D 2^64 - 2048. */
#define P_BELOW_2P64 FP_SEL(0x5f7fffff, 0x43efffffffffffff)
#define I_BELOW_2P64 FP_SEL(0xffffff0000000000, 0xfffffffffffff800)
#define I_MIN32 SX32(0x80000000)
#define I_MAX32 0x7fffffff
#define I_UMAX32 SX32(0xffffffff)

/* Five cases n..n+4: float-to-integer conversion under each static rm. */
#define TEST_TOX_RM5(n, op, a, rne_r, rne_f, rtz_r, rtz_f, rdn_r, rdn_f, rup_r, rup_f, rmm_r, rmm_f) \
  TEST_TOX(n, op, rne, rne_f, rne_r, a); \
  TEST_TOX((n) + 1, op, rtz, rtz_f, rtz_r, a); \
  TEST_TOX((n) + 2, op, rdn, rdn_f, rdn_r, a); \
  TEST_TOX((n) + 3, op, rup, rup_f, rup_r, a); \
  TEST_TOX((n) + 4, op, rmm, rmm_f, rmm_r, a)
/* Same through frm. */
#define TEST_TOX_DYN(n, op, rm, flags, r, a) \
  TEST_FPX(n, flags, r, a, 0, fsrmi rm; op a0, fa0, dyn; fsrmi 0)
#define TEST_TOX_RM5_DYN(n, op, a, rne_r, rne_f, rtz_r, rtz_f, rdn_r, rdn_f, rup_r, rup_f, rmm_r, rmm_f) \
  TEST_TOX_DYN(n, op, RM_RNE, rne_f, rne_r, a); \
  TEST_TOX_DYN((n) + 1, op, RM_RTZ, rtz_f, rtz_r, a); \
  TEST_TOX_DYN((n) + 2, op, RM_RDN, rdn_f, rdn_r, a); \
  TEST_TOX_DYN((n) + 3, op, RM_RUP, rup_f, rup_r, a); \
  TEST_TOX_DYN((n) + 4, op, RM_RMM, rmm_f, rmm_r, a)
/* Five cases: integer-to-float conversion under each static rm. */
#define TEST_FROMX_RM5(n, conv, flags, x, rne_r, rtz_r, rdn_r, rup_r, rmm_r) \
  TEST_FROMX_OP(n, conv, rne, flags, rne_r, x); \
  TEST_FROMX_OP((n) + 1, conv, rtz, flags, rtz_r, x); \
  TEST_FROMX_OP((n) + 2, conv, rdn, flags, rdn_r, x); \
  TEST_FROMX_OP((n) + 3, conv, rup, flags, rup_r, x); \
  TEST_FROMX_OP((n) + 4, conv, rmm, flags, rmm_r, x)

  FP_BEGIN

  /* ---- FCVT.W.fmt ---- */
  TEST_TOX(1, FP_CVT_W, rne, 0, 1, P_ONE)
  TEST_TOX(2, FP_CVT_W, rne, 0, -1, P_M_ONE)                 /* RV64: sign-extended */
  TEST_TOX(3, FP_CVT_W, rne, 0, 0, P_ZERO)
  TEST_TOX(4, FP_CVT_W, rne, 0, 0, P_M_ZERO)
  TEST_TOX(5, FP_CVT_W, rne, 0, -7, P_M_SEVEN)
  /* 2.5 and -2.5: ties */
  TEST_TOX_RM5(6, FP_CVT_W, P_2P5, 2, FF_NX, 2, FF_NX, 2, FF_NX, 3, FF_NX, 3, FF_NX)
  TEST_TOX_RM5(11, FP_CVT_W, P_M_2P5, -2, FF_NX, -2, FF_NX, -3, FF_NX, -2, FF_NX, -3, FF_NX)
  TEST_TOX_RM5_DYN(16, FP_CVT_W, P_M_2P5, -2, FF_NX, -2, FF_NX, -3, FF_NX, -2, FF_NX, -3, FF_NX)
  /* -0.5: RNE / RTZ / RUP give (-)0, RDN and RMM -1 */
  TEST_TOX_RM5(21, FP_CVT_W, P_M_HALF, 0, FF_NX, 0, FF_NX, -1, FF_NX, 0, FF_NX, -1, FF_NX)
  TEST_TOX(26, FP_CVT_W, rne, FF_NX, 0, P_MIN_SUB)
  TEST_TOX(27, FP_CVT_W, rup, FF_NX, 1, P_MIN_SUB)
  TEST_TOX(28, FP_CVT_W, rdn, FF_NX, -1, P_M_MIN_SUB)
  TEST_TOX(29, FP_CVT_W, rne, 0, I_BELOW_2P31, P_BELOW_2P31)
  TEST_TOX(30, FP_CVT_W, rne, 0, I_MIN32, P_M_2P31)          /* -2^31 is in range */
  TEST_TOX(31, FP_CVT_W, rne, FF_NV, I_MAX32, P_2P31)        /* 2^31: clipped, NV only */
  TEST_TOX(32, FP_CVT_W, rne, FF_NV, I_MIN32, P_BEYOND_M2P31)
  TEST_TOX(33, FP_CVT_W, rtz, FF_NV, I_MAX32, P_2P32)
  TEST_TOX(34, FP_CVT_W, rne, FF_NV, I_MAX32, P_MAX)
  TEST_TOX(35, FP_CVT_W, rne, FF_NV, I_MIN32, P_M_MAX)
  TEST_TOX(36, FP_CVT_W, rne, FF_NV, I_MAX32, P_INF)
  TEST_TOX(37, FP_CVT_W, rne, FF_NV, I_MIN32, P_M_INF)
  TEST_TOX(38, FP_CVT_W, rne, FF_NV, I_MAX32, P_QNAN)        /* NaN: largest value */
  TEST_TOX(39, FP_CVT_W, rne, FF_NV, I_MAX32, P_M_QNAN)
  TEST_TOX(40, FP_CVT_W, rne, FF_NV, I_MAX32, P_SNAN)
  TEST_TOX(41, FP_CVT_W, rdn, FF_NV, I_MAX32, P_M_SNAN)
#if FP_D
  /* 2147483647.5 rounds in range (to 2147483647) or out of it (2^31) */
  TEST_TOX_RM5(42, FP_CVT_W, 0x41dfffffffe00000, I_MAX32, FF_NV, I_MAX32, FF_NX, I_MAX32, FF_NX, I_MAX32, FF_NV, I_MAX32, FF_NV)
  /* -2147483648.5 rounds to -2^31 or to -2147483649 (out of range) */
  TEST_TOX_RM5(47, FP_CVT_W, 0xc1e0000000100000, I_MIN32, FF_NX, I_MIN32, FF_NX, I_MIN32, FF_NV, I_MIN32, FF_NX, I_MIN32, FF_NV)
#endif

  /* ---- FCVT.WU.fmt ---- */
  TEST_TOX(60, FP_CVT_WU, rne, 0, 1, P_ONE)
  TEST_TOX(61, FP_CVT_WU, rne, 0, 3, P_THREE)
  TEST_TOX(62, FP_CVT_WU, rne, 0, SX32(0x80000000), P_2P31)  /* RV64: sign-extended */
  TEST_TOX(63, FP_CVT_WU, rne, 0, SX32(I_BELOW_2P32), P_BELOW_2P32)
  TEST_TOX(64, FP_CVT_WU, rne, FF_NV, I_UMAX32, P_2P32)
  TEST_TOX(65, FP_CVT_WU, rne, FF_NV, I_UMAX32, P_2P63)
  TEST_TOX(66, FP_CVT_WU, rne, 0, 0, P_M_ZERO)
  TEST_TOX(67, FP_CVT_WU, rne, FF_NV, 0, P_M_ONE)            /* negative: 0, NV */
  TEST_TOX(68, FP_CVT_WU, rtz, FF_NV, 0, P_M_ONE)
  /* -0.5: (-)0 is in range, -1 (RDN, RMM) is not */
  TEST_TOX_RM5(69, FP_CVT_WU, P_M_HALF, 0, FF_NX, 0, FF_NX, 0, FF_NV, 0, FF_NX, 0, FF_NV)
  TEST_TOX_RM5_DYN(74, FP_CVT_WU, P_M_HALF, 0, FF_NX, 0, FF_NX, 0, FF_NV, 0, FF_NX, 0, FF_NV)
  TEST_TOX_RM5(79, FP_CVT_WU, P_2P5, 2, FF_NX, 2, FF_NX, 2, FF_NX, 3, FF_NX, 3, FF_NX)
  TEST_TOX(84, FP_CVT_WU, rne, FF_NX, 0, P_M_MIN_SUB)
  TEST_TOX(85, FP_CVT_WU, rdn, FF_NV, 0, P_M_MIN_SUB)
  TEST_TOX(86, FP_CVT_WU, rne, FF_NV, I_UMAX32, P_INF)
  TEST_TOX(87, FP_CVT_WU, rne, FF_NV, 0, P_M_INF)
  TEST_TOX(88, FP_CVT_WU, rne, FF_NV, I_UMAX32, P_QNAN)
  TEST_TOX(89, FP_CVT_WU, rne, FF_NV, I_UMAX32, P_M_SNAN)
#if FP_D
  /* 4294967295.5 rounds to 2^32 - 1 or to 2^32 (out of range) */
  TEST_TOX_RM5(90, FP_CVT_WU, 0x41effffffff00000, I_UMAX32, FF_NV, I_UMAX32, FF_NX, I_UMAX32, FF_NX, I_UMAX32, FF_NV, I_UMAX32, FF_NV)
#endif

#if __riscv_xlen == 64
  /* ---- FCVT.L.fmt ---- */
  TEST_TOX(100, FP_CVT_L, rne, 0, -1, P_M_ONE)
  TEST_TOX(101, FP_CVT_L, rne, 0, I_BELOW_2P63, P_BELOW_2P63)
  TEST_TOX(102, FP_CVT_L, rne, 0, 0x8000000000000000, P_M_2P63)
  TEST_TOX(103, FP_CVT_L, rne, 0, 0x80000000, P_2P31)        /* no 32-bit clipping */
  TEST_TOX(104, FP_CVT_L, rne, FF_NV, 0x7fffffffffffffff, P_2P63)
  TEST_TOX(105, FP_CVT_L, rne, FF_NV, 0x8000000000000000, P_BEYOND_M2P63)
  TEST_TOX(106, FP_CVT_L, rne, FF_NV, 0x7fffffffffffffff, P_INF)
  TEST_TOX(107, FP_CVT_L, rne, FF_NV, 0x8000000000000000, P_M_INF)
  TEST_TOX(108, FP_CVT_L, rne, FF_NV, 0x7fffffffffffffff, P_QNAN_PL)
  TEST_TOX(109, FP_CVT_L, rne, FF_NV, 0x7fffffffffffffff, P_M_SNAN)
  TEST_TOX_RM5(110, FP_CVT_L, P_M_2P5, -2, FF_NX, -2, FF_NX, -3, FF_NX, -2, FF_NX, -3, FF_NX)
  TEST_TOX_RM5(115, FP_CVT_L, P_M_HALF, 0, FF_NX, 0, FF_NX, -1, FF_NX, 0, FF_NX, -1, FF_NX)
  /* ---- FCVT.LU.fmt ---- */
  TEST_TOX(120, FP_CVT_LU, rne, 0, 0x8000000000000000, P_2P63)
  TEST_TOX(121, FP_CVT_LU, rne, 0, I_BELOW_2P64, P_BELOW_2P64)
  TEST_TOX(122, FP_CVT_LU, rne, FF_NV, -1, P_2P64)
  TEST_TOX(123, FP_CVT_LU, rne, FF_NV, 0, P_M_ONE)
  TEST_TOX(124, FP_CVT_LU, rne, FF_NV, -1, P_INF)
  TEST_TOX(125, FP_CVT_LU, rne, FF_NV, 0, P_M_INF)
  TEST_TOX(126, FP_CVT_LU, rne, FF_NV, -1, P_QNAN)
  TEST_TOX(127, FP_CVT_LU, rne, FF_NV, -1, P_M_QNAN)
  TEST_TOX(128, FP_CVT_LU, rne, 0, 0, P_M_ZERO)
  TEST_TOX(129, FP_CVT_LU, rne, 0, 0x100000000, P_2P32)
  TEST_TOX_RM5(130, FP_CVT_LU, P_M_HALF, 0, FF_NX, 0, FF_NX, 0, FF_NV, 0, FF_NX, 0, FF_NV)
  TEST_TOX_RM5_DYN(135, FP_CVT_LU, P_2P5, 2, FF_NX, 2, FF_NX, 2, FF_NX, 3, FF_NX, 3, FF_NX)
#endif

  /* ---- FCVT.fmt.W / FCVT.fmt.WU ---- */
  TEST_FROMX_OP(140, FCVT_FROM_W, rne, 0, P_ZERO, 0)        /* +0, never -0 */
  TEST_FROMX_OP(141, FCVT_FROM_W, rdn, 0, P_ZERO, 0)
  TEST_FROMX_OP(142, FCVT_FROM_W, rne, 0, P_ONE, 1)
  TEST_FROMX_OP(143, FCVT_FROM_W, rne, 0, P_M_ONE, -1)
  TEST_FROMX_OP(144, FCVT_FROM_W, rne, 0, P_M_2P31, SX32(0x80000000))
  /* 2^31 - 1: S rounds (2^31 or 2^31 - 128), D exact */
  TEST_FROMX_RM5(145, FCVT_FROM_W, FP_SEL(FF_NX, 0), 0x7fffffff, FP_SEL(0x4f000000, 0x41dfffffffc00000), FP_SEL(0x4effffff, 0x41dfffffffc00000), FP_SEL(0x4effffff, 0x41dfffffffc00000), FP_SEL(0x4f000000, 0x41dfffffffc00000), FP_SEL(0x4f000000, 0x41dfffffffc00000))
  /* -(2^24 + 1) = -16777217: S tie between -16777216 (even) and -16777218;
   * D exact 0xc170000010000000 */
  TEST_FROMX_RM5(150, FCVT_FROM_W, FP_SEL(FF_NX, 0), -16777217, FP_SEL(0xcb800000, 0xc170000010000000), FP_SEL(0xcb800000, 0xc170000010000000), FP_SEL(0xcb800001, 0xc170000010000000), FP_SEL(0xcb800000, 0xc170000010000000), FP_SEL(0xcb800001, 0xc170000010000000))
  /* 2^24 + 3 = 16777219: S tie between 16777218 (odd) and 16777220 */
  TEST_FROMX_OP(155, FCVT_FROM_W, rne, FP_SEL(FF_NX, 0), FP_SEL(0x4b800002, 0x4170000030000000), 16777219)
  TEST_FROMX_OP(156, FCVT_FROM_W, rtz, FP_SEL(FF_NX, 0), FP_SEL(0x4b800001, 0x4170000030000000), 16777219)
  /* 2^32 - 1 unsigned: S rounds to 2^32, D exact 4294967295 */
  TEST_FROMX_RM5(157, FCVT_FROM_WU, FP_SEL(FF_NX, 0), SX32(0xffffffff), FP_SEL(0x4f800000, 0x41efffffffe00000), FP_SEL(0x4f7fffff, 0x41efffffffe00000), FP_SEL(0x4f7fffff, 0x41efffffffe00000), FP_SEL(0x4f800000, 0x41efffffffe00000), FP_SEL(0x4f800000, 0x41efffffffe00000))
  TEST_FROMX_OP(162, FCVT_FROM_WU, rne, 0, P_2P31, SX32(0x80000000))
  TEST_FROMX_OP(163, FCVT_FROM_WU, rne, 0, P_ZERO, 0)
#if __riscv_xlen == 64
  /* only the low 32 bits of rs1 are converted */
  TEST_FROMX_OP(164, FCVT_FROM_W, rne, 0, P_THREE, 0x1234567800000003)
  TEST_FROMX_OP(165, FCVT_FROM_W, rne, 0, P_M_ONE, 0x00000000ffffffff)
  TEST_FROMX_OP(166, FCVT_FROM_WU, rne, 0, P_ONE, 0xffffffff00000001)
  TEST_FROMX_OP(167, FCVT_FROM_WU, rne, 0, P_2P31, 0x0000000080000000)
  /* ---- FCVT.fmt.L / FCVT.fmt.LU ---- */
  TEST_FROMX_OP(170, FCVT_FROM_L, rne, 0, P_M_ONE, -1)
  TEST_FROMX_OP(171, FCVT_FROM_L, rne, 0, P_M_2P63, 0x8000000000000000)
  TEST_FROMX_OP(172, FCVT_FROM_L, rne, 0, P_2P32, 0x100000000)
  /* 2^63 - 1: rounds to 2^63 or to the largest value below */
  TEST_FROMX_RM5(173, FCVT_FROM_L, FF_NX, 0x7fffffffffffffff, P_2P63, P_BELOW_2P63, P_BELOW_2P63, P_2P63, P_2P63)
  /* -(2^53 + 1) (D tie, even below) / -(2^24 + 1) (S tie) */
  TEST_FROMX_RM5(178, FCVT_FROM_L, FF_NX, FP_SEL(-16777217, -9007199254740993), FP_SEL(0xcb800000, 0xc340000000000000), FP_SEL(0xcb800000, 0xc340000000000000), FP_SEL(0xcb800001, 0xc340000000000001), FP_SEL(0xcb800000, 0xc340000000000000), FP_SEL(0xcb800001, 0xc340000000000001))
  /* 2^64 - 1 unsigned */
  TEST_FROMX_RM5(183, FCVT_FROM_LU, FF_NX, -1, P_2P64, P_BELOW_2P64, P_BELOW_2P64, P_2P64, P_2P64)
  TEST_FROMX_OP(188, FCVT_FROM_LU, rne, 0, P_2P63, 0x8000000000000000)
  TEST_FROMX_OP(189, FCVT_FROM_LU, rne, 0, P_ONE, 1)
  TEST_FROMX(190, FF_NX, P_BELOW_2P64, -1, fsrmi RM_RTZ; FCVT_FROM_LU(dyn); fsrmi 0)
#endif

#if FP_D
  /* ---- FCVT.S.D (double operand, single result) ---- */
  TEST_FP_D2S(200, 0, 0x3f800000, 0x3ff0000000000000, fcvt.s.d fa3, fa0, rne)  /* 1.0 */
  /* 1 + 2^-24: tie between 1.0 and 1 + 2^-23 (0x3f800001) */
  TEST_FP_D2S(201, FF_NX, 0x3f800000, 0x3ff0000010000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(202, FF_NX, 0x3f800001, 0x3ff0000010000000, fcvt.s.d fa3, fa0, rmm)
  TEST_FP_D2S(203, FF_NX, 0x3f800001, 0x3ff0000010000000, fcvt.s.d fa3, fa0, rup)
  TEST_FP_D2S(204, FF_NX, 0xbf800001, 0xbff0000010000000, fcvt.s.d fa3, fa0, rdn)
  TEST_FP_D2S(205, FF_NX, 0xbf800000, 0xbff0000010000000, fcvt.s.d fa3, fa0, rtz)
  /* 1 + 2^-24 + 2^-52: just above the tie */
  TEST_FP_D2S(206, FF_NX, 0x3f800001, 0x3ff0000010000001, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(207, FF_NX, 0x3f800001, 0x3ff0000010000000, fsrmi RM_RMM; fcvt.s.d fa3, fa0, dyn; fsrmi 0)
  /* single max 3.40282347e38 is exact; max + half its ulp (2^103) ties to
   * 2^128 (even): overflow to nearest, but RTZ stays at max with NX only
   * (no overflow: the value rounded with unbounded exponent fits) */
  TEST_FP_D2S(208, 0, 0x7f7fffff, 0x47efffffe0000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(209, FF_OF | FF_NX, 0x7f800000, 0x47effffff0000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(210, FF_NX, 0x7f7fffff, 0x47effffff0000000, fcvt.s.d fa3, fa0, rtz)
  /* double max 1.7976931348623157e308 */
  TEST_FP_D2S(211, FF_OF | FF_NX, 0x7f800000, 0x7fefffffffffffff, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(212, FF_OF | FF_NX, 0x7f7fffff, 0x7fefffffffffffff, fcvt.s.d fa3, fa0, rtz)
  TEST_FP_D2S(213, FF_OF | FF_NX, 0x7f7fffff, 0x7fefffffffffffff, fcvt.s.d fa3, fa0, rdn)
  TEST_FP_D2S(214, FF_OF | FF_NX, 0x7f800000, 0x7fefffffffffffff, fcvt.s.d fa3, fa0, rup)
  TEST_FP_D2S(215, FF_OF | FF_NX, 0xff800000, 0xffefffffffffffff, fcvt.s.d fa3, fa0, rdn)
  TEST_FP_D2S(216, FF_OF | FF_NX, 0xff7fffff, 0xffefffffffffffff, fcvt.s.d fa3, fa0, rup)
  TEST_FP_D2S(217, FF_OF | FF_NX, 0x7f800000, 0x47f0000000000000, fcvt.s.d fa3, fa0, rne) /* 2^128 */
  /* 2^-149 and 2^-126: exact single subnormal / normal, no flag */
  TEST_FP_D2S(218, 0, 0x00000001, 0x36a0000000000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(219, 0, 0x00800000, 0x3810000000000000, fcvt.s.d fa3, fa0, rne)
  /* 2^-150: tie between 0 and 2^-149 */
  TEST_FP_D2S(220, FF_UF | FF_NX, 0x00000000, 0x3690000000000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(221, FF_UF | FF_NX, 0x00000001, 0x3690000000000000, fcvt.s.d fa3, fa0, rmm)
  /* 2^-126 (1 - 2^-26): not tiny after rounding to nearest, tiny toward 0 */
  TEST_FP_D2S(222, FF_NX, 0x00800000, 0x380ffffff8000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(223, FF_UF | FF_NX, 0x007fffff, 0x380ffffff8000000, fcvt.s.d fa3, fa0, rtz)
  /* double min subnormal 2^-1074 */
  TEST_FP_D2S(224, FF_UF | FF_NX, 0x00000000, 0x0000000000000001, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(225, FF_UF | FF_NX, 0x00000001, 0x0000000000000001, fcvt.s.d fa3, fa0, rup)
  TEST_FP_D2S(226, FF_UF | FF_NX, 0x80000001, 0x8000000000000001, fcvt.s.d fa3, fa0, rdn)
  TEST_FP_D2S(227, 0, 0x80000000, 0x8000000000000000, fcvt.s.d fa3, fa0, rne)  /* -0 */
  TEST_FP_D2S(228, 0, 0xff800000, 0xfff0000000000000, fcvt.s.d fa3, fa0, rne)  /* -inf */
  TEST_FP_D2S(229, 0, 0x7fc00000, 0x7ff8000000000000, fcvt.s.d fa3, fa0, rne)  /* NaNs */
  TEST_FP_D2S(230, 0, 0x7fc00000, 0x7ff8000000012345, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(231, 0, 0x7fc00000, 0xfff8000000000000, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(232, FF_NV, 0x7fc00000, 0x7ff0000000000001, fcvt.s.d fa3, fa0, rne)
  TEST_FP_D2S(233, FF_NV, 0x7fc00000, 0x7ff4000080000000, fcvt.s.d fa3, fa0, rne)

  /* ---- FCVT.D.S (single operand, double result; always exact) ---- */
  TEST_FP_S2D(240, 0, 0x3ff0000000000000, 0x3f800000, fcvt.d.s fa3, fa0)       /* 1.0 */
  TEST_FP_S2D(241, 0, 0x3ff0000020000000, 0x3f800001, fcvt.d.s fa3, fa0)       /* 1 + 2^-23 */
  TEST_FP_S2D(242, 0, 0x47efffffe0000000, 0x7f7fffff, fcvt.d.s fa3, fa0)       /* single max */
  TEST_FP_S2D(243, 0, 0x36a0000000000000, 0x00000001, fcvt.d.s fa3, fa0)       /* 2^-149 */
  TEST_FP_S2D(244, 0, 0xb80fffffc0000000, 0x807fffff, fcvt.d.s fa3, fa0)       /* -(2^-126 - 2^-149) */
  TEST_FP_S2D(245, 0, 0x8000000000000000, 0x80000000, fcvt.d.s fa3, fa0)
  TEST_FP_S2D(246, 0, 0x7ff0000000000000, 0x7f800000, fcvt.d.s fa3, fa0)
  TEST_FP_S2D(247, 0, 0x7ff8000000000000, 0x7fc12345, fcvt.d.s fa3, fa0)       /* payload dropped */
  TEST_FP_S2D(248, 0, 0x7ff8000000000000, 0xffc00000, fcvt.d.s fa3, fa0)
  TEST_FP_S2D(249, FF_NV, 0x7ff8000000000000, 0x7f800001, fcvt.d.s fa3, fa0)
  /* rm field other than RNE (encoded by hand): no effect on the result */
  TEST_FP_S2D(250, 0, 0x3ff0000020000000, 0x3f800001, .4byte FP_R_ENC(0x21, 0, R_FA0, RM_RTZ, R_FA3))
  TEST_FP_S2D(251, 0, 0x3ff0000020000000, 0x3f800001, fsrmi RM_RDN; .4byte FP_R_ENC(0x21, 0, R_FA0, RM_DYN, R_FA3); fsrmi 0)
  TEST_FROMX_OP(252, FCVT_FROM_W, rup, 0, 0xc1dfffffffc00000, -0x7fffffff)  /* -2147483647 */
  TEST_FROMX(253, 0, 0x41efffffffe00000, -1, fsrmi RM_RMM; FCVT_FROM_WU(dyn); fsrmi 0) /* 4294967295 */
#endif

  TEST_END
