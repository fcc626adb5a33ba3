/* Comparisons, min/max, classify and sign injection (Unprivileged spec
 * 11.6-11.9 / 12.4-12.7): FEQ is a quiet comparison (NV only for a
 * signaling NaN), FLT and FLE signal NV for any NaN, all three give 0 with a
 * NaN and treat -0 = +0. FMIN/FMAX are IEEE 754-201x minimumNumber /
 * maximumNumber: -0 < +0, one NaN gives the other operand, two NaNs give the
 * canonical NaN, a signaling NaN raises NV even when the result is a
 * number. FCLASS sets exactly one of ten bits and raises nothing. Sign
 * injection copies every other bit of rs1 unchanged (NaN payloads too)
 * and raises nothing.
 * Built once per precision (FP_D = 0: single, 1: double; see fp.h). */
#include "fp.h"

/* NaNs with the sign changed, payload kept. */
#define P_M_SNAN_PL FP_SEL(0xffa5a5a5, 0xfff5a5a5a5a5a5a5)
#define P_M_QNAN_PL FP_SEL(0xffc12345, 0xfff8000000012345)

  FP_BEGIN

  /* ---- FEQ ---- */
  TEST_CMP(1, FP_EQ, 0, 1, P_ONE, P_ONE)
  TEST_CMP(2, FP_EQ, 0, 0, P_ONE, P_TWO)
  TEST_CMP(3, FP_EQ, 0, 1, P_M_ZERO, P_ZERO)                 /* -0 == +0 */
  TEST_CMP(4, FP_EQ, 0, 1, P_INF, P_INF)
  TEST_CMP(5, FP_EQ, 0, 0, P_INF, P_M_INF)
  TEST_CMP(6, FP_EQ, 0, 1, P_MIN_SUB, P_MIN_SUB)
  TEST_CMP(7, FP_EQ, 0, 0, P_MIN_SUB, P_ZERO)
  TEST_CMP(8, FP_EQ, 0, 0, P_QNAN, P_QNAN)                   /* quiet NaN: 0, no flag */
  TEST_CMP(9, FP_EQ, 0, 0, P_ONE, P_QNAN_PL)
  TEST_CMP(10, FP_EQ, FF_NV, 0, P_SNAN, P_ONE)               /* signaling NaN: NV */
  TEST_CMP(11, FP_EQ, FF_NV, 0, P_ONE, P_SNAN_PL)
  TEST_CMP(12, FP_EQ, FF_NV, 0, P_SNAN, P_SNAN)
  TEST_CMP(13, FP_EQ, 0, 0, P_ONE, P_M_ONE)

  /* ---- FLT ---- */
  TEST_CMP(20, FP_LT, 0, 1, P_ONE, P_TWO)
  TEST_CMP(21, FP_LT, 0, 0, P_TWO, P_ONE)
  TEST_CMP(22, FP_LT, 0, 0, P_ONE, P_ONE)
  TEST_CMP(23, FP_LT, 0, 0, P_M_ZERO, P_ZERO)                /* -0 < +0 is false */
  TEST_CMP(24, FP_LT, 0, 0, P_ZERO, P_M_ZERO)
  TEST_CMP(25, FP_LT, 0, 1, P_M_TWO, P_M_ONE)
  TEST_CMP(26, FP_LT, 0, 0, P_M_ONE, P_M_TWO)
  TEST_CMP(27, FP_LT, 0, 1, P_M_ONE, P_ONE)
  TEST_CMP(28, FP_LT, 0, 1, P_M_INF, P_M_MAX)
  TEST_CMP(29, FP_LT, 0, 1, P_MAX, P_INF)
  TEST_CMP(30, FP_LT, 0, 1, P_MIN_SUB, P_MIN_N)
  TEST_CMP(31, FP_LT, 0, 1, P_M_MIN_SUB, P_ZERO)
  TEST_CMP(32, FP_LT, FF_NV, 0, P_QNAN, P_ONE)               /* any NaN: NV */
  TEST_CMP(33, FP_LT, FF_NV, 0, P_ONE, P_QNAN_PL)
  TEST_CMP(34, FP_LT, FF_NV, 0, P_SNAN, P_ONE)
  TEST_CMP(35, FP_LT, FF_NV, 0, P_M_QNAN, P_INF)

  /* ---- FLE ---- */
  TEST_CMP(40, FP_LE, 0, 1, P_ONE, P_ONE)
  TEST_CMP(41, FP_LE, 0, 1, P_ONE, P_TWO)
  TEST_CMP(42, FP_LE, 0, 0, P_TWO, P_ONE)
  TEST_CMP(43, FP_LE, 0, 1, P_M_ZERO, P_ZERO)
  TEST_CMP(44, FP_LE, 0, 1, P_ZERO, P_M_ZERO)
  TEST_CMP(45, FP_LE, 0, 1, P_M_INF, P_M_INF)
  TEST_CMP(46, FP_LE, 0, 0, P_INF, P_MAX)
  TEST_CMP(47, FP_LE, 0, 1, P_M_TWO, P_M_ONE)
  TEST_CMP(48, FP_LE, FF_NV, 0, P_QNAN, P_QNAN)
  TEST_CMP(49, FP_LE, FF_NV, 0, P_ONE, P_SNAN)
  TEST_CMP(50, FP_LE, FF_NV, 0, P_M_QNAN, P_M_INF)

  /* ---- FMIN / FMAX ---- */
  TEST_OP2N(60, FP_MIN, 0, P_ONE, P_ONE, P_TWO)
  TEST_OP2N(61, FP_MIN, 0, P_ONE, P_TWO, P_ONE)
  TEST_OP2N(62, FP_MAX, 0, P_TWO, P_ONE, P_TWO)
  TEST_OP2N(63, FP_MAX, 0, P_TWO, P_TWO, P_ONE)
  TEST_OP2N(64, FP_MIN, 0, P_M_TWO, P_M_ONE, P_M_TWO)
  TEST_OP2N(65, FP_MAX, 0, P_M_ONE, P_M_ONE, P_M_TWO)
  TEST_OP2N(66, FP_MIN, 0, P_M_ZERO, P_M_ZERO, P_ZERO)       /* -0 < +0 here */
  TEST_OP2N(67, FP_MIN, 0, P_M_ZERO, P_ZERO, P_M_ZERO)
  TEST_OP2N(68, FP_MAX, 0, P_ZERO, P_M_ZERO, P_ZERO)
  TEST_OP2N(69, FP_MAX, 0, P_ZERO, P_ZERO, P_M_ZERO)
  TEST_OP2N(70, FP_MIN, 0, P_M_INF, P_M_INF, P_MAX)
  TEST_OP2N(71, FP_MAX, 0, P_INF, P_ONE, P_INF)
  TEST_OP2N(72, FP_MIN, 0, P_M_ZERO, P_MIN_SUB, P_M_ZERO)
  TEST_OP2N(73, FP_MAX, 0, P_MIN_SUB, P_MIN_SUB, P_ZERO)
  TEST_OP2N(74, FP_MIN, 0, P_M_MAX_SUB, P_M_MAX_SUB, P_M_MIN_SUB)
  TEST_OP2N(75, FP_MIN, 0, P_ONE, P_QNAN, P_ONE)             /* one quiet NaN: the number */
  TEST_OP2N(76, FP_MIN, 0, P_ONE, P_ONE, P_QNAN_PL)
  TEST_OP2N(77, FP_MAX, 0, P_M_ONE, P_M_QNAN, P_M_ONE)
  TEST_OP2N(78, FP_MAX, 0, P_M_INF, P_M_INF, P_QNAN)
  TEST_OP2N(79, FP_MIN, 0, P_QNAN, P_QNAN, P_QNAN)           /* two NaNs: canonical NaN */
  TEST_OP2N(80, FP_MAX, 0, P_QNAN, P_QNAN_PL, P_M_QNAN)
  TEST_OP2N(81, FP_MIN, FF_NV, P_ONE, P_SNAN, P_ONE)         /* signaling NaN: NV */
  TEST_OP2N(82, FP_MAX, FF_NV, P_ONE, P_ONE, P_SNAN_PL)
  TEST_OP2N(83, FP_MIN, FF_NV, P_QNAN, P_SNAN, P_QNAN_PL)
  TEST_OP2N(84, FP_MAX, FF_NV, P_QNAN, P_M_QNAN, P_SNAN)
  TEST_OP2N(85, FP_MAX, FF_NV, P_QNAN, P_SNAN, P_SNAN_PL)
  TEST_OP2N(86, FP_MIN, FF_NV, P_M_ZERO, P_M_SNAN, P_M_ZERO)

  /* ---- FCLASS (bit: 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0,
   *      5 +subnormal, 6 +normal, 7 +inf, 8 sNaN, 9 qNaN) ---- */
  TEST_CLASS(100, 0x001, P_M_INF)
  TEST_CLASS(101, 0x002, P_M_ONE)
  TEST_CLASS(102, 0x002, P_M_MAX)
  TEST_CLASS(103, 0x002, P_M_MIN_N)
  TEST_CLASS(104, 0x004, P_M_MIN_SUB)
  TEST_CLASS(105, 0x004, P_M_MAX_SUB)
  TEST_CLASS(106, 0x008, P_M_ZERO)
  TEST_CLASS(107, 0x010, P_ZERO)
  TEST_CLASS(108, 0x020, P_MIN_SUB)
  TEST_CLASS(109, 0x020, P_MAX_SUB)
  TEST_CLASS(110, 0x040, P_MIN_N)
  TEST_CLASS(111, 0x040, P_MAX)
  TEST_CLASS(112, 0x040, P_ONE)
  TEST_CLASS(113, 0x080, P_INF)
  TEST_CLASS(114, 0x100, P_SNAN)                             /* no NV for sNaN */
  TEST_CLASS(115, 0x100, P_SNAN_PL)
  TEST_CLASS(116, 0x100, P_M_SNAN)
  TEST_CLASS(117, 0x200, P_QNAN)
  TEST_CLASS(118, 0x200, P_M_QNAN)
  TEST_CLASS(119, 0x200, P_QNAN_PL)

  /* ---- FSGNJ / FSGNJN / FSGNJX ---- */
  TEST_OP2N(130, FP_SGNJ, 0, P_M_ONE, P_ONE, P_M_TWO)
  TEST_OP2N(131, FP_SGNJ, 0, P_ONE, P_M_ONE, P_TWO)
  TEST_OP2N(132, FP_SGNJ, 0, P_M_ONE, P_M_ONE, P_M_ZERO)
  TEST_OP2N(133, FP_SGNJN, 0, P_ONE, P_ONE, P_M_TWO)
  TEST_OP2N(134, FP_SGNJN, 0, P_M_ONE, P_ONE, P_TWO)
  TEST_OP2N(135, FP_SGNJN, 0, P_M_INF, P_M_INF, P_ONE)
  TEST_OP2N(136, FP_SGNJX, 0, P_ONE, P_M_ONE, P_M_TWO)
  TEST_OP2N(137, FP_SGNJX, 0, P_M_ONE, P_M_ONE, P_TWO)
  TEST_OP2N(138, FP_SGNJX, 0, P_M_ONE, P_ONE, P_M_ZERO)
  TEST_OP2N(139, FP_SGNJX, 0, P_ZERO, P_M_ZERO, P_M_QNAN)
  /* NaNs are not canonicalized and raise nothing */
  TEST_OP2N(140, FP_SGNJ, 0, P_M_SNAN_PL, P_SNAN_PL, P_M_ONE)
  TEST_OP2N(141, FP_SGNJN, 0, P_M_QNAN_PL, P_QNAN_PL, P_ONE)
  TEST_OP2N(142, FP_SGNJX, 0, P_QNAN, P_M_QNAN, P_M_ONE)
  TEST_OP2N(143, FP_SGNJ, 0, P_SNAN_PL, P_SNAN_PL, P_SNAN)
  /* FMV / FNEG / FABS (rs1 = rs2) */
  TEST_FP(144, 0, P_M_MIN_SUB, P_M_MIN_SUB, 0, 0, FP_SGNJ fa3, fa0, fa0)
  TEST_FP(145, 0, P_MIN_SUB, P_M_MIN_SUB, 0, 0, FP_SGNJN fa3, fa0, fa0)
  TEST_FP(146, 0, P_MIN_SUB, P_M_MIN_SUB, 0, 0, FP_SGNJX fa3, fa0, fa0)
  TEST_FP(147, 0, P_M_SNAN_PL, P_SNAN_PL, 0, 0, FP_SGNJN fa3, fa0, fa0)
  TEST_FP(148, 0, P_SNAN_PL, P_M_SNAN_PL, 0, 0, FP_SGNJX fa3, fa0, fa0)

  TEST_END
