/* Rounding modes (Unprivileged spec 11.2, IEEE 754-2008 4.3): every mode as
 * a static rm field and as the dynamic mode in frm, on values placed so
 * that the modes differ: below, above and exactly at the midpoint between
 * two neighbours, with an even and with an odd lower neighbour, positive
 * and negative. RNE and RMM differ only on ties with an even lower
 * magnitude (RMM rounds ties away from zero); RDN and RUP differ from RTZ
 * on the sign. A static rm ignores frm. Reserved static rm values (5, 6)
 * and a dynamic rm while frm holds 5, 6 or 7 raise illegal instruction
 * (20191213 spec: "any subsequent attempt to execute a floating-point
 * operation with a dynamic rounding mode will raise an illegal instruction
 * exception"), with mtval = the instruction, no register or flag written;
 * instructions without a rounding step still run with frm = 7.
 * Built once per precision (FP_D = 0: single, 1: double; see fp.h).
 * u = ulp of 1.0 (2^-23 for S, 2^-52 for D). */
#include "fp.h"

/* 1 + 3u; 3 (1 + 3u) = 3 + 9u lies halfway between 3 + 8u (even
 * significand) and 3 + 10u (odd). */
#define P_1P3ULP FP_SEL(0x3f800003, 0x3ff0000000000003)
#define P_3P8U FP_SEL(0x40400004, 0x4008000000000004)
#define P_3P10U FP_SEL(0x40400005, 0x4008000000000005)
#define P_M_3P8U FP_SEL(0xc0400004, 0xc008000000000004)
#define P_M_3P10U FP_SEL(0xc0400005, 0xc008000000000005)
#define P_M_1P3ULP FP_SEL(0xbf800003, 0xbff0000000000003)
/* 1/3: S 0x3eaaaaaa = 0.33333331, 0x3eaaaaab = 0.33333334 (nearest);
 * D 0x3fd5555555555555 = 0.33333333333333331 (nearest), ...56 = 0.33333333333333337 */
#define P_THIRD_LO FP_SEL(0x3eaaaaaa, 0x3fd5555555555555)
#define P_THIRD_HI FP_SEL(0x3eaaaaab, 0x3fd5555555555556)
#define P_THIRD_RN FP_SEL(0x3eaaaaab, 0x3fd5555555555555)
#define P_M_THIRD_LO FP_SEL(0xbeaaaaaa, 0xbfd5555555555555)
#define P_M_THIRD_HI FP_SEL(0xbeaaaaab, 0xbfd5555555555556)
#define P_M_THIRD_RN FP_SEL(0xbeaaaaab, 0xbfd5555555555555)
/* sqrt(5) = 2.2360679774997897: S 0x400f1bbc = 2.2360678, 0x400f1bbd =
 * 2.2360680 (nearest); D 0x4001e3779b97f4a7 = 2.2360679774997894,
 * ...a8 = 2.2360679774997898 (nearest) */
#define P_SQRT5_LO FP_SEL(0x400f1bbc, 0x4001e3779b97f4a7)
#define P_SQRT5_HI FP_SEL(0x400f1bbd, 0x4001e3779b97f4a8)

  FP_BEGIN

  /* ---- static rm on FADD: results under RNE, RTZ, RDN, RUP, RMM ---- */
  /* 1 + u/4: below the midpoint */
  TEST_RM5_OP2(1, FP_ADD, FF_NX, P_ONE, P_ONE, P_ONE, P_1P1ULP, P_ONE, P_ONE, P_QUARTER_ULP)
  /* 1 + 3u/4: above the midpoint */
  TEST_RM5_OP2(6, FP_ADD, FF_NX, P_1P1ULP, P_ONE, P_ONE, P_1P1ULP, P_1P1ULP, P_ONE, P_3Q_ULP)
  /* 1 + u/2: tie, lower neighbour even: RNE down, RMM away */
  TEST_RM5_OP2(11, FP_ADD, FF_NX, P_ONE, P_ONE, P_ONE, P_1P1ULP, P_1P1ULP, P_ONE, P_HALF_ULP)
  /* (1 + u) + u/2: tie, lower neighbour odd: RNE and RMM up */
  TEST_RM5_OP2(16, FP_ADD, FF_NX, P_1P2ULP, P_1P1ULP, P_1P1ULP, P_1P2ULP, P_1P2ULP, P_1P1ULP, P_HALF_ULP)
  /* -1 - u/4 */
  TEST_RM5_OP2(21, FP_ADD, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_ONE, P_M_ONE, P_M_QUARTER_ULP)
  /* -1 - 3u/4 */
  TEST_RM5_OP2(26, FP_ADD, FF_NX, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_3Q_ULP)
  /* -1 - u/2: tie, even: RMM away from zero */
  TEST_RM5_OP2(31, FP_ADD, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_HALF_ULP)
  /* -(1 + u) - u/2: tie, odd */
  TEST_RM5_OP2(36, FP_ADD, FF_NX, P_M_1P2ULP, P_M_1P1ULP, P_M_1P2ULP, P_M_1P1ULP, P_M_1P2ULP, P_M_1P1ULP, P_M_HALF_ULP)

  /* ---- static rm on FMUL, FDIV, FSQRT ---- */
  /* 3 (1 + 3u) = 3 + 9u: tie between 3 + 8u (even) and 3 + 10u */
  TEST_RM5_OP2(41, FP_MUL, FF_NX, P_3P8U, P_3P8U, P_3P8U, P_3P10U, P_3P10U, P_THREE, P_1P3ULP)
  TEST_RM5_OP2(46, FP_MUL, FF_NX, P_M_3P8U, P_M_3P8U, P_M_3P10U, P_M_3P8U, P_M_3P10U, P_M_THREE, P_1P3ULP)
  /* (1 + u)^2 = 1 + 2u + u^2, just above 1 + 2u */
  TEST_RM5_OP2(51, FP_MUL, FF_NX, P_1P2ULP, P_1P2ULP, P_1P2ULP, P_1P3ULP, P_1P2ULP, P_1P1ULP, P_1P1ULP)
  TEST_RM5_OP2(56, FP_MUL, FF_NX, P_M_1P2ULP, P_M_1P2ULP, P_M_1P3ULP, P_M_1P2ULP, P_M_1P2ULP, P_M_1P1ULP, P_1P1ULP)
  /* 1 / 3 and -1 / 3 */
  TEST_RM5_OP2(61, FP_DIV, FF_NX, P_THIRD_RN, P_THIRD_LO, P_THIRD_LO, P_THIRD_HI, P_THIRD_RN, P_ONE, P_THREE)
  TEST_RM5_OP2(66, FP_DIV, FF_NX, P_M_THIRD_RN, P_M_THIRD_LO, P_M_THIRD_HI, P_M_THIRD_LO, P_M_THIRD_RN, P_ONE, P_M_THREE)
  /* sqrt(5) */
  TEST_RM5_OP1(71, FP_SQRT, FF_NX, P_SQRT5_HI, P_SQRT5_LO, P_SQRT5_LO, P_SQRT5_HI, P_SQRT5_HI, P_FIVE)

  /* ---- the same through frm (rm = DYN) ---- */
  TEST_RM5_OP2_DYN(81, FP_ADD, FF_NX, P_ONE, P_ONE, P_ONE, P_1P1ULP, P_ONE, P_ONE, P_QUARTER_ULP)
  TEST_RM5_OP2_DYN(86, FP_ADD, FF_NX, P_1P1ULP, P_ONE, P_ONE, P_1P1ULP, P_1P1ULP, P_ONE, P_3Q_ULP)
  TEST_RM5_OP2_DYN(91, FP_ADD, FF_NX, P_ONE, P_ONE, P_ONE, P_1P1ULP, P_1P1ULP, P_ONE, P_HALF_ULP)
  TEST_RM5_OP2_DYN(96, FP_ADD, FF_NX, P_1P2ULP, P_1P1ULP, P_1P1ULP, P_1P2ULP, P_1P2ULP, P_1P1ULP, P_HALF_ULP)
  TEST_RM5_OP2_DYN(101, FP_ADD, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_ONE, P_M_ONE, P_M_QUARTER_ULP)
  TEST_RM5_OP2_DYN(106, FP_ADD, FF_NX, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_3Q_ULP)
  TEST_RM5_OP2_DYN(111, FP_ADD, FF_NX, P_M_ONE, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_1P1ULP, P_M_ONE, P_M_HALF_ULP)
  TEST_RM5_OP2_DYN(116, FP_ADD, FF_NX, P_M_1P2ULP, P_M_1P1ULP, P_M_1P2ULP, P_M_1P1ULP, P_M_1P2ULP, P_M_1P1ULP, P_M_HALF_ULP)
  TEST_RM5_OP2_DYN(121, FP_MUL, FF_NX, P_M_3P8U, P_M_3P8U, P_M_3P10U, P_M_3P8U, P_M_3P10U, P_M_THREE, P_1P3ULP)
  TEST_RM5_OP2_DYN(126, FP_DIV, FF_NX, P_M_THIRD_RN, P_M_THIRD_LO, P_M_THIRD_HI, P_M_THIRD_LO, P_M_THIRD_RN, P_ONE, P_M_THREE)
  TEST_RM5_OP1_DYN(131, FP_SQRT, FF_NX, P_SQRT5_HI, P_SQRT5_LO, P_SQRT5_LO, P_SQRT5_HI, P_SQRT5_HI, P_FIVE)

  /* ---- static rm ignores frm; frm set through fcsr ---- */
  TEST_FP(140, FF_NX, P_ONE, P_ONE, P_3Q_ULP, 0, fsrmi RM_RUP; FP_ADD fa3, fa0, fa1, rtz; fsrmi 0)
  TEST_FP(141, FF_NX, P_1P1ULP, P_ONE, P_QUARTER_ULP, 0, fsrmi RM_RTZ; FP_ADD fa3, fa0, fa1, rup; fsrmi 0)
  TEST_FP(142, FF_NX, P_1P1ULP, P_ONE, P_HALF_ULP, 0, fsrmi RM_RNE; FP_ADD fa3, fa0, fa1, rmm)
  /* fcsr = RDN << 5 | NV: dyn rounds down; the old NV stays accrued */
  TEST_FP(143, FF_NV | FF_NX, P_M_1P1ULP, P_M_ONE, P_M_QUARTER_ULP, 0, li a0, (RM_RDN << 5) | FF_NV; csrw fcsr, a0; FP_ADD fa3, fa0, fa1, dyn; fsrmi 0)
  TEST_CASE(144); csrr a0, fcsr; CHECK_EQ(a0, FF_NV | FF_NX); csrw fcsr, zero
  /* frm changes take effect on the next instruction: 1 + u/4 rounded up
   * (1 + u) minus the same rounded down (1) = u */
  TEST_FP(145, FF_NX, P_ULP, P_ONE, P_QUARTER_ULP, 0, fsrmi RM_RUP; FP_ADD fa2, fa0, fa1, dyn; fsrmi RM_RDN; FP_ADD fa3, fa0, fa1, dyn; fsrmi 0; FP_SUB fa3, fa2, fa3, rne)

  /* ---- reserved rounding modes ---- */
#define F7(base) ((base) | FP_FMT)
  /* static rm = 5 and 6 */
  TEST_FP_ILLEGAL(150, FP_R_ENC(F7(0x00), R_FA1, R_FA0, 5, R_FA3))   /* FADD */
  TEST_FP_ILLEGAL(151, FP_R_ENC(F7(0x00), R_FA1, R_FA0, 6, R_FA3))
  TEST_FP_ILLEGAL(152, FP_R_ENC(F7(0x04), R_FA1, R_FA0, 5, R_FA3))   /* FSUB */
  TEST_FP_ILLEGAL(153, FP_R_ENC(F7(0x08), R_FA1, R_FA0, 6, R_FA3))   /* FMUL */
  TEST_FP_ILLEGAL(154, FP_R_ENC(F7(0x0c), R_FA1, R_FA0, 5, R_FA3))   /* FDIV */
  TEST_FP_ILLEGAL(155, FP_R_ENC(F7(0x2c), 0, R_FA0, 6, R_FA3))       /* FSQRT */
  TEST_FP_ILLEGAL(156, FP_R4_ENC(OPC_MADD, FP_FMT, R_FA2, R_FA1, R_FA0, 5, R_FA3))
  TEST_FP_ILLEGAL(157, FP_R4_ENC(OPC_MSUB, FP_FMT, R_FA2, R_FA1, R_FA0, 6, R_FA3))
  TEST_FP_ILLEGAL(158, FP_R4_ENC(OPC_NMSUB, FP_FMT, R_FA2, R_FA1, R_FA0, 5, R_FA3))
  TEST_FP_ILLEGAL(159, FP_R4_ENC(OPC_NMADD, FP_FMT, R_FA2, R_FA1, R_FA0, 6, R_FA3))
  TEST_FP_ILLEGAL(160, FP_R_ENC(F7(0x60), 0, R_FA0, 5, R_A0))        /* FCVT.W.fmt */
  TEST_FP_ILLEGAL(161, FP_R_ENC(F7(0x60), 1, R_FA0, 6, R_A0))        /* FCVT.WU.fmt */
  TEST_FP_ILLEGAL(162, FP_R_ENC(F7(0x68), 0, R_A0, 5, R_FA3))        /* FCVT.fmt.W */
  TEST_FP_ILLEGAL(163, FP_R_ENC(F7(0x68), 1, R_A0, 6, R_FA3))        /* FCVT.fmt.WU */
#if __riscv_xlen == 64
  TEST_FP_ILLEGAL(164, FP_R_ENC(F7(0x60), 2, R_FA0, 5, R_A0))        /* FCVT.L.fmt */
  TEST_FP_ILLEGAL(165, FP_R_ENC(F7(0x68), 3, R_A0, 6, R_FA3))        /* FCVT.fmt.LU */
#endif
#if FP_D
  TEST_FP_ILLEGAL(166, FP_R_ENC(0x20, 1, R_FA0, 5, R_FA3))           /* FCVT.S.D */
  /* widening conversions never round but still decode rm (11.2) */
  TEST_FP_ILLEGAL(167, FP_R_ENC(0x21, 0, R_FA0, 6, R_FA3))           /* FCVT.D.S */
  TEST_FP_ILLEGAL(168, FP_R_ENC(0x69, 0, R_A0, 5, R_FA3))            /* FCVT.D.W */
#endif

  /* dynamic rm with frm = 5, 6, 7 */
  TEST_CASE(170); csrwi frm, 5; csrr a0, frm; CHECK_EQ(a0, 5)
  TEST_FP_ILLEGAL(171, FP_R_ENC(F7(0x00), R_FA1, R_FA0, 7, R_FA3))   /* FADD */
  TEST_FP_ILLEGAL(172, FP_R_ENC(F7(0x2c), 0, R_FA0, 7, R_FA3))       /* FSQRT */
  TEST_FP_ILLEGAL(173, FP_R4_ENC(OPC_MADD, FP_FMT, R_FA2, R_FA1, R_FA0, 7, R_FA3))
  TEST_FP_ILLEGAL(174, FP_R_ENC(F7(0x60), 0, R_FA0, 7, R_A0))        /* FCVT.W.fmt */
  TEST_CASE(175); csrwi frm, 6
  TEST_FP_ILLEGAL(176, FP_R_ENC(F7(0x04), R_FA1, R_FA0, 7, R_FA3))   /* FSUB */
  TEST_FP_ILLEGAL(177, FP_R_ENC(F7(0x0c), R_FA1, R_FA0, 7, R_FA3))   /* FDIV */
  TEST_FP_ILLEGAL(178, FP_R4_ENC(OPC_NMADD, FP_FMT, R_FA2, R_FA1, R_FA0, 7, R_FA3))
  TEST_FP_ILLEGAL(179, FP_R_ENC(F7(0x68), 0, R_A0, 7, R_FA3))        /* FCVT.fmt.W */
  TEST_CASE(180); csrwi frm, 7; csrr a0, frm; CHECK_EQ(a0, 7)
  TEST_FP_ILLEGAL(181, FP_R_ENC(F7(0x08), R_FA1, R_FA0, 7, R_FA3))   /* FMUL */
  TEST_FP_ILLEGAL(182, FP_R4_ENC(OPC_MSUB, FP_FMT, R_FA2, R_FA1, R_FA0, 7, R_FA3))
  TEST_FP_ILLEGAL(183, FP_R4_ENC(OPC_NMSUB, FP_FMT, R_FA2, R_FA1, R_FA0, 7, R_FA3))
  TEST_FP_ILLEGAL(184, FP_R_ENC(F7(0x60), 1, R_FA0, 7, R_A0))        /* FCVT.WU.fmt */
  TEST_FP_ILLEGAL(185, FP_R_ENC(F7(0x68), 1, R_A0, 7, R_FA3))        /* FCVT.fmt.WU */
#if __riscv_xlen == 64
  TEST_FP_ILLEGAL(186, FP_R_ENC(F7(0x60), 3, R_FA0, 7, R_A0))        /* FCVT.LU.fmt */
  TEST_FP_ILLEGAL(187, FP_R_ENC(F7(0x68), 2, R_A0, 7, R_FA3))        /* FCVT.fmt.L */
#endif
#if FP_D
  TEST_FP_ILLEGAL(188, FP_R_ENC(0x20, 1, R_FA0, 7, R_FA3))           /* FCVT.S.D */
  TEST_FP_ILLEGAL(189, FP_R_ENC(0x21, 0, R_FA0, 7, R_FA3))           /* FCVT.D.S */
  TEST_FP_ILLEGAL(190, FP_R_ENC(0x69, 1, R_A0, 7, R_FA3))            /* FCVT.D.WU */
#endif
  /* frm = 7 still leaves instructions without rounding and static rm
   * instructions legal */
  TEST_FP(191, 0, P_M_TWO, P_TWO, P_M_ONE, 0, csrwi frm, 7; FP_SGNJ fa3, fa0, fa1)
  TEST_FP(192, 0, P_ONE, P_ONE, P_TWO, 0, csrwi frm, 7; FP_MIN fa3, fa0, fa1)
  TEST_FPX(193, 0, 1, P_ONE, P_ONE, csrwi frm, 7; FP_EQ a0, fa0, fa1)
  TEST_FPX(194, 0, 0x40, P_ONE, 0, csrwi frm, 7; FP_CLASS a0, fa0)
  TEST_FP(195, FF_NX, P_1P1ULP, P_ONE, P_QUARTER_ULP, 0, csrwi frm, 7; FP_ADD fa3, fa0, fa1, rup)
  TEST_CASE(196); csrr a0, frm; CHECK_EQ(a0, 7)
  csrwi frm, 0

  TEST_END
  FP_ILLEGAL_DATA
