/* Helpers of the F/D tests (tests/isa/fp_*.S), on top of test.h.
 *
 * Files that test both precisions with one table of cases are built twice:
 * with -DFP_D=1 for double precision, without for single precision. The
 * P_* constants and FP_* mnemonics below name the selected format; FP_SEL
 * picks a format-specific value.
 *
 * Each case keeps its operands and the expected result in a record in .data
 * that a5 points to: operands at offsets 0, 8 and 16, expected result at 24,
 * a slot for the result at 32 (all 8 bytes wide; a single-precision operand
 * is the low word). The operands are loaded into fa0, fa1, fa2 (flw for a
 * single-precision operand, so that it is properly NaN-boxed; fld for the
 * *_RAW cases, which give all 64 bits). The instruction under test writes
 * fa3 (FP result) or a0 (integer result); an integer operand is in a0.
 * An FP result is stored with fsd and compared as bits through memory, so
 * the checks need no FMV.X.D and work on RV32; a single-precision result
 * must also be NaN-boxed (Unprivileged spec 12.2: upper 32 bits all ones).
 * fflags is cleared before the instruction and compared exactly after it.
 *
 * Clobbered by every case: a0, a5, a6, a7, fa0-fa3, t0, t1.
 */
#ifndef RVTLM_ISA_FP_H
#define RVTLM_ISA_FP_H

#include "test.h"

/* fflags bits (Unprivileged spec 11.2, accrued exception flags). */
#define FF_NX 0x01
#define FF_UF 0x02
#define FF_OF 0x04
#define FF_DZ 0x08
#define FF_NV 0x10
#define FF_ALL 0x1f

/* Rounding modes (rm field and frm). */
#define RM_RNE 0
#define RM_RTZ 1
#define RM_RDN 2
#define RM_RUP 3
#define RM_RMM 4
#define RM_DYN 7
/* The same under the assembler's operand names, for RM_##rm. */
#define RM_rne RM_RNE
#define RM_rtz RM_RTZ
#define RM_rdn RM_RDN
#define RM_rup RM_RUP
#define RM_rmm RM_RMM
#define RM_dyn RM_DYN

/* mstatus.FS (Privileged spec 3.1.6.6) and SD (bit XLEN-1). */
#define MSTATUS_FS 0x6000
#define MSTATUS_FS_OFF 0x0000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_FS_CLEAN 0x4000
#define MSTATUS_FS_DIRTY 0x6000
#define MSTATUS_SD (1 << (XLEN - 1))

/* Sign extension of a 32-bit value to XLEN (what an RV64 hart writes for a
 * 32-bit integer result). */
#define SX32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)

/* Encodings for the cases that need fields the assembler will not emit
 * (reserved rounding modes, rm on widening conversions). */
#define OPC_OP_FP 0x53
#define OPC_MADD 0x43
#define OPC_MSUB 0x47
#define OPC_NMSUB 0x4b
#define OPC_NMADD 0x4f
#define FP_R_ENC(f7, rs2, rs1, rm, rd) \
  (((f7) << 25) | ((rs2) << 20) | ((rs1) << 15) | ((rm) << 12) | ((rd) << 7) | OPC_OP_FP)
#define FP_R4_ENC(opc, fmt, rs3, rs2, rs1, rm, rd) \
  (((rs3) << 27) | ((fmt) << 25) | ((rs2) << 20) | ((rs1) << 15) | ((rm) << 12) | \
   ((rd) << 7) | (opc))
/* Register numbers of the operands and results used by the cases. */
#define R_A0 10
#define R_FA0 10
#define R_FA1 11
#define R_FA2 12
#define R_FA3 13

/* Enables the FPU (FS = Dirty) with fcsr = 0 (RNE, no flags). */
#define FP_BEGIN \
  TEST_BEGIN; li t0, MSTATUS_FS; csrs mstatus, t0; csrw fcsr, zero

/* ------------------------------------------------------------------ */
/* Records and checks. */

#define FP_REC_S(a, b, c, r) \
  .pushsection .data; .balign 8; \
8870: .word (a), -1, (b), -1, (c), -1; .dword (r), 0; \
  .popsection; la a5, 8870b
#define FP_REC_RAW(a, b, c, r) \
  .pushsection .data; .balign 8; \
8871: .dword (a), (b), (c), (r), 0; \
  .popsection; la a5, 8871b

/* Words at offsets o1 and o2 of the record are equal. */
#define FP_CMPW(o1, o2) \
  lw a6, o1(a5); lw t0, o2(a5); beq a6, t0, 8872f; j test_fail; 8872:
/* fa3 holds the single-precision result, NaN-boxed. */
#define FP_CHECK_RES_S \
  fsd fa3, 32(a5); FP_CMPW(32, 24); \
  lw a6, 36(a5); li t0, -1; beq a6, t0, 8873f; j test_fail; 8873:
/* fa3 holds the double-precision result. */
#define FP_CHECK_RES_D \
  fsd fa3, 32(a5); FP_CMPW(32, 24); FP_CMPW(36, 28)
#define FP_CHECK_FLAGS(flags) \
  csrr a6, fflags; li t0, flags; beq a6, t0, 8874f; j test_fail; 8874:

/* Case n: operands a, b, c; the instruction(s) write fa3, which must hold
 * r afterwards with exactly `flags` raised. */
#define TEST_FP_S(n, flags, r, a, b, c, ...) \
  TEST_CASE(n); FP_REC_S(a, b, c, r); \
  flw fa0, 0(a5); flw fa1, 8(a5); flw fa2, 16(a5); \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_S; FP_CHECK_FLAGS(flags)
/* Same with 64-bit register images as operands (NaN-boxing cases). */
#define TEST_FP_S_RAW(n, flags, r, a, b, c, ...) \
  TEST_CASE(n); FP_REC_RAW(a, b, c, r); \
  fld fa0, 0(a5); fld fa1, 8(a5); fld fa2, 16(a5); \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_S; FP_CHECK_FLAGS(flags)
#define TEST_FP_D(n, flags, r, a, b, c, ...) \
  TEST_CASE(n); FP_REC_RAW(a, b, c, r); \
  fld fa0, 0(a5); fld fa1, 8(a5); fld fa2, 16(a5); \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_D; FP_CHECK_FLAGS(flags)

/* Mixed formats (FCVT.D.S / FCVT.S.D): single-precision operand (flw),
 * double-precision result; double-precision operand, single result. */
#define TEST_FP_S2D(n, flags, r, a, ...) \
  TEST_CASE(n); FP_REC_S(a, 0, 0, r); flw fa0, 0(a5); \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_D; FP_CHECK_FLAGS(flags)
#define TEST_FP_D2S(n, flags, r, a, ...) TEST_FP_S_RAW(n, flags, r, a, 0, 0, __VA_ARGS__)

/* Case n: operands a, b; the instruction writes a0, which must equal r
 * (an XLEN-bit value) with exactly `flags` raised. */
#define TEST_FPX_S(n, flags, r, a, b, ...) \
  TEST_CASE(n); FP_REC_S(a, b, 0, 0); flw fa0, 0(a5); flw fa1, 8(a5); \
  li a0, 0x5a5; csrw fflags, zero; __VA_ARGS__; CHECK_EQ(a0, r); FP_CHECK_FLAGS(flags)
#define TEST_FPX_S_RAW(n, flags, r, a, b, ...) \
  TEST_CASE(n); FP_REC_RAW(a, b, 0, 0); fld fa0, 0(a5); fld fa1, 8(a5); \
  li a0, 0x5a5; csrw fflags, zero; __VA_ARGS__; CHECK_EQ(a0, r); FP_CHECK_FLAGS(flags)
#define TEST_FPX_D(n, flags, r, a, b, ...) \
  TEST_CASE(n); FP_REC_RAW(a, b, 0, 0); fld fa0, 0(a5); fld fa1, 8(a5); \
  li a0, 0x5a5; csrw fflags, zero; __VA_ARGS__; CHECK_EQ(a0, r); FP_CHECK_FLAGS(flags)

/* Case n: integer operand x in a0; the instruction writes fa3. */
#define TEST_FROMX_S(n, flags, r, x, ...) \
  TEST_CASE(n); FP_REC_S(0, 0, 0, r); li a0, x; \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_S; FP_CHECK_FLAGS(flags)
#define TEST_FROMX_D(n, flags, r, x, ...) \
  TEST_CASE(n); FP_REC_RAW(0, 0, 0, r); li a0, x; \
  csrw fflags, zero; __VA_ARGS__; FP_CHECK_RES_D; FP_CHECK_FLAGS(flags)

/* Case n: the instruction (given as bits, it is always reserved / illegal)
 * must raise illegal instruction with mtval = its bits, leave fa3 and a0
 * unchanged and raise no flag. */
#define TEST_FP_ILLEGAL(n, bits) \
  TEST_CASE(n); la a5, fp_sentinel; fld fa3, 0(a5); li a0, 0x5a5; \
  csrw fflags, zero; TRAP_EXPECT; \
8875: .4byte (bits); \
  CHECK_TRAP(CAUSE_ILLEGAL, 8875b, (bits)); \
  fsd fa3, 8(a5); FP_CMPW(0, 8); FP_CMPW(4, 12); CHECK_EQ(a0, 0x5a5); \
  FP_CHECK_FLAGS(0)
/* The data of TEST_FP_ILLEGAL (once per file, after TEST_END). */
#define FP_ILLEGAL_DATA \
  .data; .balign 8; fp_sentinel: .dword 0x0123456789abcdef, 0

/* ------------------------------------------------------------------ */
/* One table for both precisions. */

#ifndef FP_D
#define FP_D 0
#endif

#if FP_D
#define FP_SEL(s, d) d
#define TEST_FP TEST_FP_D
#define TEST_FPX TEST_FPX_D
#define TEST_FROMX TEST_FROMX_D
#define FP_FMT 1
#define FP_ADD fadd.d
#define FP_SUB fsub.d
#define FP_MUL fmul.d
#define FP_DIV fdiv.d
#define FP_SQRT fsqrt.d
#define FP_MADD fmadd.d
#define FP_MSUB fmsub.d
#define FP_NMSUB fnmsub.d
#define FP_NMADD fnmadd.d
#define FP_SGNJ fsgnj.d
#define FP_SGNJN fsgnjn.d
#define FP_SGNJX fsgnjx.d
#define FP_MIN fmin.d
#define FP_MAX fmax.d
#define FP_EQ feq.d
#define FP_LT flt.d
#define FP_LE fle.d
#define FP_CLASS fclass.d
#define FP_CVT_W fcvt.w.d
#define FP_CVT_WU fcvt.wu.d
#define FP_CVT_L fcvt.l.d
#define FP_CVT_LU fcvt.lu.d
/* fa3 = convert(a0) with rm; the assembler takes no rm operand on the
 * always exact FCVT.D.W[U], so those are encoded by hand. */
#define FCVT_FROM_W(rm) .4byte FP_R_ENC(0x69, 0, R_A0, RM_##rm, R_FA3)
#define FCVT_FROM_WU(rm) .4byte FP_R_ENC(0x69, 1, R_A0, RM_##rm, R_FA3)
#define FCVT_FROM_L(rm) fcvt.d.l fa3, a0, rm
#define FCVT_FROM_LU(rm) fcvt.d.lu fa3, a0, rm
#else
#define FP_SEL(s, d) s
#define TEST_FP TEST_FP_S
#define TEST_FPX TEST_FPX_S
#define TEST_FROMX TEST_FROMX_S
#define FP_FMT 0
#define FP_ADD fadd.s
#define FP_SUB fsub.s
#define FP_MUL fmul.s
#define FP_DIV fdiv.s
#define FP_SQRT fsqrt.s
#define FP_MADD fmadd.s
#define FP_MSUB fmsub.s
#define FP_NMSUB fnmsub.s
#define FP_NMADD fnmadd.s
#define FP_SGNJ fsgnj.s
#define FP_SGNJN fsgnjn.s
#define FP_SGNJX fsgnjx.s
#define FP_MIN fmin.s
#define FP_MAX fmax.s
#define FP_EQ feq.s
#define FP_LT flt.s
#define FP_LE fle.s
#define FP_CLASS fclass.s
#define FP_CVT_W fcvt.w.s
#define FP_CVT_WU fcvt.wu.s
#define FP_CVT_L fcvt.l.s
#define FP_CVT_LU fcvt.lu.s
#define FCVT_FROM_W(rm) fcvt.s.w fa3, a0, rm
#define FCVT_FROM_WU(rm) fcvt.s.wu fa3, a0, rm
#define FCVT_FROM_L(rm) fcvt.s.l fa3, a0, rm
#define FCVT_FROM_LU(rm) fcvt.s.lu fa3, a0, rm
#endif

/* fa3 = op(fa0[, fa1[, fa2]]) with rounding mode rm. */
#define TEST_OP1(n, op, rm, flags, r, a) TEST_FP(n, flags, r, a, 0, 0, op fa3, fa0, rm)
#define TEST_OP2(n, op, rm, flags, r, a, b) TEST_FP(n, flags, r, a, b, 0, op fa3, fa0, fa1, rm)
#define TEST_OP3(n, op, rm, flags, r, a, b, c) \
  TEST_FP(n, flags, r, a, b, c, op fa3, fa0, fa1, fa2, rm)
/* Same with the dynamic rounding mode, frm = rm for this case only. */
#define TEST_OP1_DYN(n, op, rm, flags, r, a) \
  TEST_FP(n, flags, r, a, 0, 0, fsrmi rm; op fa3, fa0, dyn; fsrmi 0)
#define TEST_OP2_DYN(n, op, rm, flags, r, a, b) \
  TEST_FP(n, flags, r, a, b, 0, fsrmi rm; op fa3, fa0, fa1, dyn; fsrmi 0)
#define TEST_OP3_DYN(n, op, rm, flags, r, a, b, c) \
  TEST_FP(n, flags, r, a, b, c, fsrmi rm; op fa3, fa0, fa1, fa2, dyn; fsrmi 0)
/* fa3 = op(fa0, fa1), no rounding mode (sign injection, min / max). */
#define TEST_OP2N(n, op, flags, r, a, b) TEST_FP(n, flags, r, a, b, 0, op fa3, fa0, fa1)
/* a0 = op(fa0, fa1) (comparisons), a0 = fclass(fa0). */
#define TEST_CMP(n, op, flags, r, a, b) TEST_FPX(n, flags, r, a, b, op a0, fa0, fa1)
#define TEST_CLASS(n, r, a) TEST_FPX(n, 0, r, a, 0, FP_CLASS a0, fa0)
/* a0 = op(fa0) with rm (float to integer). */
#define TEST_TOX(n, op, rm, flags, r, a) TEST_FPX(n, flags, r, a, 0, op a0, fa0, rm)
/* fa3 = convert(x) with rm (integer to float; conv is FCVT_FROM_*). */
#define TEST_FROMX_OP(n, conv, rm, flags, r, x) TEST_FROMX(n, flags, r, x, conv(rm))

/* Five cases n..n+4: op under RNE, RTZ, RDN, RUP and RMM (static rm)
 * must give the five results, all with `flags`. */
#define TEST_RM5_OP2(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a, b) \
  TEST_OP2(n, op, rne, flags, rne_r, a, b); \
  TEST_OP2((n) + 1, op, rtz, flags, rtz_r, a, b); \
  TEST_OP2((n) + 2, op, rdn, flags, rdn_r, a, b); \
  TEST_OP2((n) + 3, op, rup, flags, rup_r, a, b); \
  TEST_OP2((n) + 4, op, rmm, flags, rmm_r, a, b)
#define TEST_RM5_OP2_DYN(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a, b) \
  TEST_OP2_DYN(n, op, RM_RNE, flags, rne_r, a, b); \
  TEST_OP2_DYN((n) + 1, op, RM_RTZ, flags, rtz_r, a, b); \
  TEST_OP2_DYN((n) + 2, op, RM_RDN, flags, rdn_r, a, b); \
  TEST_OP2_DYN((n) + 3, op, RM_RUP, flags, rup_r, a, b); \
  TEST_OP2_DYN((n) + 4, op, RM_RMM, flags, rmm_r, a, b)
#define TEST_RM5_OP1(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a) \
  TEST_OP1(n, op, rne, flags, rne_r, a); \
  TEST_OP1((n) + 1, op, rtz, flags, rtz_r, a); \
  TEST_OP1((n) + 2, op, rdn, flags, rdn_r, a); \
  TEST_OP1((n) + 3, op, rup, flags, rup_r, a); \
  TEST_OP1((n) + 4, op, rmm, flags, rmm_r, a)
#define TEST_RM5_OP1_DYN(n, op, flags, rne_r, rtz_r, rdn_r, rup_r, rmm_r, a) \
  TEST_OP1_DYN(n, op, RM_RNE, flags, rne_r, a); \
  TEST_OP1_DYN((n) + 1, op, RM_RTZ, flags, rtz_r, a); \
  TEST_OP1_DYN((n) + 2, op, RM_RDN, flags, rdn_r, a); \
  TEST_OP1_DYN((n) + 3, op, RM_RUP, flags, rup_r, a); \
  TEST_OP1_DYN((n) + 4, op, RM_RMM, flags, rmm_r, a)

/* ------------------------------------------------------------------ */
/* Constants of the selected format (decimal meaning in the comments;
 * S = binary32, D = binary64; ulp = unit in the last place of 1.0,
 * 2^-23 (S) or 2^-52 (D)). */

#if FP_D
#define P_ZERO 0x0000000000000000       /* +0.0 */
#define P_M_ZERO 0x8000000000000000     /* -0.0 */
#define P_ONE 0x3ff0000000000000        /* 1.0 */
#define P_M_ONE 0xbff0000000000000      /* -1.0 */
#define P_TWO 0x4000000000000000        /* 2.0 */
#define P_M_TWO 0xc000000000000000      /* -2.0 */
#define P_THREE 0x4008000000000000      /* 3.0 */
#define P_M_THREE 0xc008000000000000    /* -3.0 */
#define P_FOUR 0x4010000000000000       /* 4.0 */
#define P_FIVE 0x4014000000000000       /* 5.0 */
#define P_SIX 0x4018000000000000        /* 6.0 */
#define P_M_SIX 0xc018000000000000      /* -6.0 */
#define P_SEVEN 0x401c000000000000      /* 7.0 */
#define P_M_SEVEN 0xc01c000000000000    /* -7.0 */
#define P_M_FIVE 0xc014000000000000     /* -5.0 */
#define P_HALF 0x3fe0000000000000       /* 0.5 */
#define P_M_HALF 0xbfe0000000000000     /* -0.5 */
#define P_1P5 0x3ff8000000000000        /* 1.5 */
#define P_2P5 0x4004000000000000        /* 2.5 */
#define P_M_2P5 0xc004000000000000      /* -2.5 */
#define P_INF 0x7ff0000000000000        /* +infinity */
#define P_M_INF 0xfff0000000000000      /* -infinity */
#define P_MAX 0x7fefffffffffffff        /* largest finite, 1.7976931348623157e308 */
#define P_M_MAX 0xffefffffffffffff      /* -1.7976931348623157e308 */
#define P_MIN_N 0x0010000000000000      /* smallest normal 2^-1022, 2.2250738585072014e-308 */
#define P_M_MIN_N 0x8010000000000000    /* -2^-1022 */
#define P_HALF_MIN_N 0x0008000000000000 /* 2^-1023 (subnormal) */
#define P_MAX_SUB 0x000fffffffffffff    /* largest subnormal 2^-1022 - 2^-1074 */
#define P_M_MAX_SUB 0x800fffffffffffff  /* -(2^-1022 - 2^-1074) */
#define P_MIN_SUB 0x0000000000000001    /* smallest subnormal 2^-1074, 4.9e-324 */
#define P_M_MIN_SUB 0x8000000000000001  /* -2^-1074 */
#define P_QNAN 0x7ff8000000000000       /* canonical NaN */
#define P_M_QNAN 0xfff8000000000000     /* quiet NaN, sign set */
#define P_QNAN_PL 0x7ff8000000012345    /* quiet NaN with a payload */
#define P_SNAN 0x7ff0000000000001       /* signaling NaN */
#define P_M_SNAN 0xfff4000000000000     /* signaling NaN, sign set */
#define P_SNAN_PL 0x7ff5a5a5a5a5a5a5    /* signaling NaN with a payload */
#define P_1P1ULP 0x3ff0000000000001     /* 1 + 2^-52 */
#define P_1P2ULP 0x3ff0000000000002     /* 1 + 2^-51 */
#define P_M_1P1ULP 0xbff0000000000001   /* -(1 + 2^-52) */
#define P_M_1P2ULP 0xbff0000000000002   /* -(1 + 2^-51) */
#define P_1M 0x3fefffffffffffff         /* 1 - 2^-53, largest below 1.0 */
#define P_ULP 0x3cb0000000000000        /* 2^-52 */
#define P_QUARTER_ULP 0x3c90000000000000 /* 2^-54 */
#define P_HALF_ULP 0x3ca0000000000000   /* 2^-53 */
#define P_3Q_ULP 0x3ca8000000000000     /* 3 * 2^-54 */
#define P_M_QUARTER_ULP 0xbc90000000000000 /* -2^-54 */
#define P_M_HALF_ULP 0xbca0000000000000 /* -2^-53 */
#define P_M_3Q_ULP 0xbca8000000000000   /* -3 * 2^-54 */
#define P_2P31 0x41e0000000000000       /* 2^31 = 2147483648 */
#define P_M_2P31 0xc1e0000000000000     /* -2^31 */
#define P_2P32 0x41f0000000000000       /* 2^32 = 4294967296 */
#define P_2P63 0x43e0000000000000       /* 2^63 = 9223372036854775808 */
#define P_M_2P63 0xc3e0000000000000     /* -2^63 */
#define P_2P64 0x43f0000000000000       /* 2^64 = 18446744073709551616 */
#else
#define P_ZERO 0x00000000               /* +0.0 */
#define P_M_ZERO 0x80000000             /* -0.0 */
#define P_ONE 0x3f800000                /* 1.0 */
#define P_M_ONE 0xbf800000              /* -1.0 */
#define P_TWO 0x40000000                /* 2.0 */
#define P_M_TWO 0xc0000000              /* -2.0 */
#define P_THREE 0x40400000              /* 3.0 */
#define P_M_THREE 0xc0400000            /* -3.0 */
#define P_FOUR 0x40800000               /* 4.0 */
#define P_FIVE 0x40a00000               /* 5.0 */
#define P_SIX 0x40c00000                /* 6.0 */
#define P_M_SIX 0xc0c00000              /* -6.0 */
#define P_SEVEN 0x40e00000              /* 7.0 */
#define P_M_SEVEN 0xc0e00000            /* -7.0 */
#define P_M_FIVE 0xc0a00000             /* -5.0 */
#define P_HALF 0x3f000000               /* 0.5 */
#define P_M_HALF 0xbf000000             /* -0.5 */
#define P_1P5 0x3fc00000                /* 1.5 */
#define P_2P5 0x40200000                /* 2.5 */
#define P_M_2P5 0xc0200000              /* -2.5 */
#define P_INF 0x7f800000                /* +infinity */
#define P_M_INF 0xff800000              /* -infinity */
#define P_MAX 0x7f7fffff                /* largest finite, 3.40282347e38 */
#define P_M_MAX 0xff7fffff              /* -3.40282347e38 */
#define P_MIN_N 0x00800000              /* smallest normal 2^-126, 1.17549435e-38 */
#define P_M_MIN_N 0x80800000            /* -2^-126 */
#define P_HALF_MIN_N 0x00400000         /* 2^-127 (subnormal) */
#define P_MAX_SUB 0x007fffff            /* largest subnormal 2^-126 - 2^-149 */
#define P_M_MAX_SUB 0x807fffff          /* -(2^-126 - 2^-149) */
#define P_MIN_SUB 0x00000001            /* smallest subnormal 2^-149, 1.4e-45 */
#define P_M_MIN_SUB 0x80000001          /* -2^-149 */
#define P_QNAN 0x7fc00000               /* canonical NaN */
#define P_M_QNAN 0xffc00000             /* quiet NaN, sign set */
#define P_QNAN_PL 0x7fc12345            /* quiet NaN with a payload */
#define P_SNAN 0x7f800001               /* signaling NaN */
#define P_M_SNAN 0xffa00000             /* signaling NaN, sign set */
#define P_SNAN_PL 0x7fa5a5a5            /* signaling NaN with a payload */
#define P_1P1ULP 0x3f800001             /* 1 + 2^-23 */
#define P_1P2ULP 0x3f800002             /* 1 + 2^-22 */
#define P_M_1P1ULP 0xbf800001           /* -(1 + 2^-23) */
#define P_M_1P2ULP 0xbf800002           /* -(1 + 2^-22) */
#define P_1M 0x3f7fffff                 /* 1 - 2^-24, largest below 1.0 */
#define P_ULP 0x34000000                /* 2^-23 */
#define P_QUARTER_ULP 0x33000000        /* 2^-25 */
#define P_HALF_ULP 0x33800000           /* 2^-24 */
#define P_3Q_ULP 0x33c00000             /* 3 * 2^-25 */
#define P_M_QUARTER_ULP 0xb3000000      /* -2^-25 */
#define P_M_HALF_ULP 0xb3800000         /* -2^-24 */
#define P_M_3Q_ULP 0xb3c00000           /* -3 * 2^-25 */
#define P_2P31 0x4f000000               /* 2^31 = 2147483648 */
#define P_M_2P31 0xcf000000             /* -2^31 */
#define P_2P32 0x4f800000               /* 2^32 = 4294967296 */
#define P_2P63 0x5f000000               /* 2^63 = 9223372036854775808 */
#define P_M_2P63 0xdf000000             /* -2^63 */
#define P_2P64 0x5f800000               /* 2^64 = 18446744073709551616 */
#endif

#endif
