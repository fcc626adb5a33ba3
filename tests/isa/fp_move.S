/* Moves and NaN boxing (Unprivileged spec 11.7, 12.2, 12.5): FMV.W.X writes
 * the low 32 bits of rs1 NaN-boxed (upper 32 bits all ones) and unchanged
 * (signaling NaN payloads kept, no flag); FMV.X.W moves the low 32 bits of
 * the f register whatever its upper bits, sign-extended on RV64; FMV.D.X /
 * FMV.X.D (RV64) move 64 bits unchanged. Every other single-precision
 * operation treats an operand whose upper 32 bits are not all ones as the
 * canonical NaN 0x7fc00000 (a quiet NaN: no NV unless the operation
 * signals on quiet NaNs), sign injection included. A NaN-boxed single seen
 * by a double-precision operation is a negative quiet NaN. */
#include "fp.h"

/* Improperly boxed singles (64-bit register images). */
#define BAD_ONE 0x000000003f800000      /* low word 1.0, upper zero */
#define BAD_ONE_HI 0x7fffffff3f800000   /* low word 1.0, upper bit 63 clear */
#define BAD_M_ONE 0x00000000bf800000    /* low word -1.0, upper zero */
#define BAD_M_INF 0x12345678ff800000    /* low word -inf */
#define BAD_SNAN 0x000000007f800001     /* low word a signaling NaN */
#define D_ONE 0x3ff0000000000000        /* double 1.0: low word +0.0 */
/* Properly boxed singles. */
#define BOX(v) (0xffffffff00000000 | (v))
#define S_ONE 0x3f800000                /* 1.0 */
#define S_M_ONE 0xbf800000              /* -1.0 */
#define S_TWO 0x40000000                /* 2.0 */
#define S_QNAN 0x7fc00000               /* canonical NaN */
#define S_M_QNAN 0xffc00000

  FP_BEGIN

  /* ---- FMV.W.X / FMV.X.W ---- */
  TEST_FROMX_S(1, 0, S_ONE, S_ONE, fmv.w.x fa3, a0)
  TEST_FROMX_S(2, 0, 0x7f800001, 0x7f800001, fmv.w.x fa3, a0)      /* sNaN kept, no NV */
  TEST_FROMX_S(3, 0, 0xffc12345, SX32(0xffc12345), fmv.w.x fa3, a0)
  TEST_FROMX_S(4, 0, 0x00000001, 1, fmv.w.x fa3, a0)
#if __riscv_xlen == 64
  TEST_FROMX_S(5, 0, 0x7fa5a5a5, 0x123456787fa5a5a5, fmv.w.x fa3, a0) /* upper bits of rs1 ignored */
  TEST_FROMX_S(6, 0, 0x3f800000, 0xffffffff3f800000, fmv.w.x fa3, a0)
#endif
  TEST_FPX_S(10, 0, S_ONE, S_ONE, 0, fmv.x.w a0, fa0)
  TEST_FPX_S(11, 0, SX32(0xbf800000), S_M_ONE, 0, fmv.x.w a0, fa0)  /* RV64: sign-extended */
  TEST_FPX_S(12, 0, SX32(0xff800001), 0xff800001, 0, fmv.x.w a0, fa0)
  TEST_FPX_S(13, 0, 0x7fc12345, 0x7fc12345, 0, fmv.x.w a0, fa0)
  /* low 32 bits whatever the upper bits hold */
  TEST_FPX_S_RAW(14, 0, SX32(0xff800000), BAD_M_INF, 0, fmv.x.w a0, fa0)
  TEST_FPX_S_RAW(15, 0, 0, D_ONE, 0, fmv.x.w a0, fa0)
  TEST_FPX_S_RAW(16, 0, 0x7f800001, BAD_SNAN, 0, fmv.x.w a0, fa0)

#if __riscv_xlen == 64
  /* ---- FMV.D.X / FMV.X.D ---- */
  TEST_FROMX_D(20, 0, 0x7ff0000000000001, 0x7ff0000000000001, fmv.d.x fa3, a0)
  TEST_FROMX_D(21, 0, 0xfff8000000012345, 0xfff8000000012345, fmv.d.x fa3, a0)
  TEST_FROMX_D(22, 0, 0x000000003f800000, 0x000000003f800000, fmv.d.x fa3, a0)
  TEST_FPX_D(23, 0, 0x8000000000000001, 0x8000000000000001, 0, fmv.x.d a0, fa0)
  TEST_FPX_D(24, 0, 0x7ff4000000000000, 0x7ff4000000000000, 0, fmv.x.d a0, fa0)
  TEST_FPX_S(25, 0, 0xffffffff3f800000, S_ONE, 0, fmv.x.d a0, fa0)   /* flw boxed it */
  TEST_FROMX_S(26, 0, 0xbf800000, 0xbf800000, fmv.w.x fa3, a0; fmv.x.d a1, fa3; fmv.d.x fa3, a1)
  TEST_CASE(27); li a0, 0x7ff0000000000001; fmv.d.x fa0, a0; fmv.x.d a1, fa0; CHECK_EQR(a0, a1)
#endif

  /* ---- improperly boxed operands of single-precision operations ---- */
  TEST_FP_S_RAW(30, 0, S_QNAN, BAD_ONE, BOX(S_ONE), 0, fadd.s fa3, fa0, fa1, rne)
  TEST_FP_S_RAW(31, 0, S_QNAN, BOX(S_ONE), BAD_ONE_HI, 0, fsub.s fa3, fa0, fa1, rne)
  TEST_FP_S_RAW(32, 0, S_QNAN, D_ONE, BOX(S_ONE), 0, fmul.s fa3, fa0, fa1, rne)
  TEST_FP_S_RAW(33, 0, S_QNAN, BAD_M_INF, BOX(0), 0, fmul.s fa3, fa0, fa1, rne) /* not inf * 0 */
  TEST_FP_S_RAW(34, 0, S_QNAN, BOX(S_ONE), BAD_ONE, 0, fdiv.s fa3, fa0, fa1, rne)
  TEST_FP_S_RAW(35, 0, S_QNAN, BAD_M_ONE, 0, 0, fsqrt.s fa3, fa0, rne)      /* no NV: NaN, not -1 */
  TEST_FP_S_RAW(36, 0, S_QNAN, BOX(S_ONE), BOX(S_ONE), BAD_ONE, fmadd.s fa3, fa0, fa1, fa2, rne)
  TEST_FP_S_RAW(37, 0, S_QNAN, BAD_SNAN, BOX(S_ONE), BOX(S_ONE), fnmsub.s fa3, fa0, fa1, fa2, rne)
  TEST_FP_S_RAW(38, 0, S_TWO, BAD_ONE, BOX(S_TWO), 0, fmin.s fa3, fa0, fa1)
  TEST_FP_S_RAW(39, 0, S_TWO, BOX(S_TWO), BAD_ONE, 0, fmax.s fa3, fa0, fa1)
  TEST_FP_S_RAW(40, 0, S_QNAN, BAD_ONE, BAD_ONE_HI, 0, fmax.s fa3, fa0, fa1)
  TEST_FPX_S_RAW(41, 0, 0, BAD_ONE, BAD_ONE, feq.s a0, fa0, fa1)          /* quiet: no NV */
  TEST_FPX_S_RAW(42, 0, 0, BAD_SNAN, BAD_SNAN, feq.s a0, fa0, fa1)        /* not a sNaN either */
  TEST_FPX_S_RAW(43, FF_NV, 0, BAD_ONE, BOX(S_TWO), flt.s a0, fa0, fa1)
  TEST_FPX_S_RAW(44, FF_NV, 0, BOX(S_ONE), BAD_ONE_HI, fle.s a0, fa0, fa1)
  TEST_FPX_S_RAW(45, 0, 0x200, BAD_ONE, 0, fclass.s a0, fa0)              /* quiet NaN */
  TEST_FPX_S_RAW(46, 0, 0x200, BAD_M_INF, 0, fclass.s a0, fa0)
  TEST_FPX_S_RAW(47, 0, 0x200, BAD_SNAN, 0, fclass.s a0, fa0)
  TEST_FPX_S_RAW(48, 0, 0x200, D_ONE, 0, fclass.s a0, fa0)
  TEST_FPX_S_RAW(49, 0, 0x001, BOX(0xff800000), 0, fclass.s a0, fa0)      /* properly boxed -inf */
  TEST_FPX_S_RAW(50, FF_NV, 0x7fffffff, BAD_M_ONE, 0, fcvt.w.s a0, fa0, rne)
  TEST_FPX_S_RAW(51, FF_NV, SX32(0xffffffff), BAD_M_INF, 0, fcvt.wu.s a0, fa0, rne)
#if __riscv_xlen == 64
  TEST_FPX_S_RAW(52, FF_NV, 0x7fffffffffffffff, BAD_M_ONE, 0, fcvt.l.s a0, fa0, rne)
#endif
  TEST_FP_S2D(53, 0, 0x3ff0000000000000, S_ONE, fcvt.d.s fa3, fa0)
  TEST_CASE(54); la a5, raw_bad_one; fld fa0, 0(a5); csrw fflags, zero
  fcvt.d.s fa3, fa0
  fsd fa3, 8(a5); FP_CMPW(8, 16); FP_CMPW(12, 20); FP_CHECK_FLAGS(0)

  /* ---- sign injection on improperly boxed operands ---- */
  /* rs1 is the canonical NaN: sign from rs2 */
  TEST_FP_S_RAW(60, 0, S_QNAN, BAD_ONE, BOX(S_ONE), 0, fsgnj.s fa3, fa0, fa1)
  TEST_FP_S_RAW(61, 0, S_M_QNAN, BAD_M_ONE, BOX(S_ONE), 0, fsgnjn.s fa3, fa0, fa1)
  TEST_FP_S_RAW(62, 0, S_M_QNAN, BAD_ONE, BOX(S_M_ONE), 0, fsgnjx.s fa3, fa0, fa1)
  /* rs2 is the canonical NaN: its sign is 0, not bit 31 of the register */
  TEST_FP_S_RAW(63, 0, S_ONE, BOX(S_M_ONE), BAD_M_ONE, 0, fsgnj.s fa3, fa0, fa1)
  TEST_FP_S_RAW(64, 0, S_M_ONE, BOX(S_ONE), BAD_M_ONE, 0, fsgnjn.s fa3, fa0, fa1)
  TEST_FP_S_RAW(65, 0, S_M_ONE, BOX(S_M_ONE), BAD_M_INF, 0, fsgnjx.s fa3, fa0, fa1)
  /* FMV.S / FNEG.S / FABS.S (rs1 = rs2) */
  TEST_FP_S_RAW(66, 0, S_QNAN, BAD_M_ONE, 0, 0, fsgnj.s fa3, fa0, fa0)
  TEST_FP_S_RAW(67, 0, S_M_QNAN, BAD_M_ONE, 0, 0, fsgnjn.s fa3, fa0, fa0)
  TEST_FP_S_RAW(68, 0, S_QNAN, BAD_M_INF, 0, 0, fsgnjx.s fa3, fa0, fa0)
  /* properly boxed NaNs keep their payload */
  TEST_FP_S_RAW(69, 0, 0xff800001, BOX(0x7f800001), BOX(S_M_ONE), 0, fsgnj.s fa3, fa0, fa1)

  /* ---- a boxed single seen by double-precision operations ---- */
  TEST_FPX_D(70, 0, 0x200, BOX(S_ONE), 0, fclass.d a0, fa0)               /* negative qNaN */
  TEST_FPX_D(71, 0, 0, BOX(S_ONE), BOX(S_ONE), feq.d a0, fa0, fa1)
  TEST_FP_D(72, 0, 0x7ff8000000000000, BOX(S_ONE), D_ONE, 0, fadd.d fa3, fa0, fa1, rne)
  TEST_FP_D(73, 0, 0x7fffffff3f800000, BOX(S_ONE), 0, 0, fsgnjn.d fa3, fa0, fa0)
  /* a single result after it is boxed again */
  TEST_FP_S_RAW(74, 0, S_M_ONE, 0x7fffffff3f800000, 0, 0, fsgnjn.d fa2, fa0, fa0; fsgnjn.s fa3, fa2, fa2)

  TEST_END
  .data
  .balign 8
raw_bad_one:
  .dword BAD_ONE, 0, 0x7ff8000000000000
