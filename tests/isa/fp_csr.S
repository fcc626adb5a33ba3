/* fcsr and its views (Unprivileged spec 11.2): fflags (CSR 0x001) = fcsr
 * bits 4:0, frm (0x002) = fcsr bits 7:5, fcsr (0x003) = frm << 5 | fflags;
 * fcsr bits 31:8 (and XLEN-1:32) ignore writes and read zero, writes to
 * fflags / frm take the low 5 / 3 bits of the value and leave the other
 * field alone; every CSR instruction form (old value returned, set, clear,
 * immediates). Exception flags accrue: an operation ORs its flags into
 * fflags and never clears one; operations that raise nothing (sign
 * injection, moves, classify, loads and stores, quiet compares of numbers)
 * leave fflags as it was. */
#include "fp.h"

#define CSR_FFLAGS 0x001
#define CSR_FRM 0x002
#define CSR_FCSR 0x003

  FP_BEGIN

  /* ---- the three views ---- */
  TEST_CASE(1); csrw fcsr, zero
  csrr a0, fcsr; CHECK_EQ(a0, 0); csrr a0, frm; CHECK_EQ(a0, 0); csrr a0, fflags; CHECK_EQ(a0, 0)
  TEST_CASE(2); li a1, 0xff; csrw fcsr, a1
  csrr a0, fcsr; CHECK_EQ(a0, 0xff); csrr a0, frm; CHECK_EQ(a0, 7); csrr a0, fflags; CHECK_EQ(a0, 0x1f)
  TEST_CASE(3); li a1, (RM_RUP << 5) | FF_DZ | FF_NX; csrw fcsr, a1
  csrr a0, frm; CHECK_EQ(a0, RM_RUP); csrr a0, fflags; CHECK_EQ(a0, FF_DZ | FF_NX)
  TEST_CASE(4); li a1, -1; csrw fcsr, a1                     /* bits 31:8 read zero */
  csrr a0, fcsr; CHECK_EQ(a0, 0xff)
  TEST_CASE(5); li a1, 0x100; csrw fcsr, a1
  csrr a0, fcsr; CHECK_EQ(a0, 0)
  TEST_CASE(6); li a1, 0xabcdef00; csrw fcsr, a1
  csrr a0, fcsr; CHECK_EQ(a0, 0)
  TEST_CASE(7)                                               /* numeric CSR addresses */
  li a1, (RM_RMM << 5) | FF_OF; csrw CSR_FCSR, a1
  csrr a0, CSR_FCSR; CHECK_EQ(a0, (RM_RMM << 5) | FF_OF)
  csrr a0, CSR_FRM; CHECK_EQ(a0, RM_RMM)
  csrr a0, CSR_FFLAGS; CHECK_EQ(a0, FF_OF)

  /* ---- fflags writes ---- */
  TEST_CASE(10); li a1, (RM_RDN << 5); csrw fcsr, a1; li a1, -1; csrw fflags, a1
  csrr a0, fflags; CHECK_EQ(a0, 0x1f)
  csrr a0, fcsr; CHECK_EQ(a0, (RM_RDN << 5) | 0x1f)          /* frm untouched */
  TEST_CASE(11); li a1, 0x20 | FF_UF; csrw fflags, a1        /* bit 5 is not a flag */
  csrr a0, fcsr; CHECK_EQ(a0, (RM_RDN << 5) | FF_UF)
  TEST_CASE(12); li a1, FF_NV | FF_NX
  csrrw a0, fflags, a1; CHECK_EQ(a0, FF_UF)                  /* old value */
  csrr a0, fflags; CHECK_EQ(a0, FF_NV | FF_NX)
  TEST_CASE(13); li a1, FF_OF
  csrrs a0, fflags, a1; CHECK_EQ(a0, FF_NV | FF_NX)
  csrr a0, fflags; CHECK_EQ(a0, FF_NV | FF_OF | FF_NX)
  TEST_CASE(14); li a1, FF_NV | FF_DZ
  csrrc a0, fflags, a1; CHECK_EQ(a0, FF_NV | FF_OF | FF_NX)
  csrr a0, fflags; CHECK_EQ(a0, FF_OF | FF_NX)
  TEST_CASE(15); csrrwi a0, fflags, FF_DZ; CHECK_EQ(a0, FF_OF | FF_NX)
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ)
  TEST_CASE(16); csrrsi a0, fflags, FF_UF; CHECK_EQ(a0, FF_DZ)
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ | FF_UF)
  TEST_CASE(17); csrrci a0, fflags, FF_DZ | FF_NX; CHECK_EQ(a0, FF_DZ | FF_UF)
  csrr a0, fflags; CHECK_EQ(a0, FF_UF)
  csrr a0, frm; CHECK_EQ(a0, RM_RDN)
  TEST_CASE(18); fsflagsi a0, 0x1f; CHECK_EQ(a0, FF_UF)      /* pseudo-instructions */
  frflags a0; CHECK_EQ(a0, 0x1f)
  li a1, FF_NV; fsflags a0, a1; CHECK_EQ(a0, 0x1f)
  frflags a0; CHECK_EQ(a0, FF_NV)

  /* ---- frm writes ---- */
  TEST_CASE(20); li a1, -1; csrw frm, a1
  csrr a0, frm; CHECK_EQ(a0, 7)
  csrr a0, fcsr; CHECK_EQ(a0, (7 << 5) | FF_NV)              /* fflags untouched */
  TEST_CASE(21); li a1, 0x1c; csrw frm, a1                   /* low 3 bits: 4 */
  csrr a0, frm; CHECK_EQ(a0, RM_RMM)
  TEST_CASE(22); li a1, RM_RTZ
  csrrw a0, frm, a1; CHECK_EQ(a0, RM_RMM)
  csrr a0, fcsr; CHECK_EQ(a0, (RM_RTZ << 5) | FF_NV)
  TEST_CASE(23); li a1, 2
  csrrs a0, frm, a1; CHECK_EQ(a0, RM_RTZ)
  csrr a0, frm; CHECK_EQ(a0, RM_RUP)
  TEST_CASE(24); li a1, 1
  csrrc a0, frm, a1; CHECK_EQ(a0, RM_RUP)
  csrr a0, frm; CHECK_EQ(a0, RM_RDN)
  TEST_CASE(25); csrrwi a0, frm, RM_RMM; CHECK_EQ(a0, RM_RDN)
  csrrsi a0, frm, 3; CHECK_EQ(a0, RM_RMM)
  csrr a0, frm; CHECK_EQ(a0, 7)
  csrrci a0, frm, 6; CHECK_EQ(a0, 7)
  csrr a0, frm; CHECK_EQ(a0, RM_RTZ)
  TEST_CASE(26); fsrmi a0, RM_RUP; CHECK_EQ(a0, RM_RTZ)
  frrm a0; CHECK_EQ(a0, RM_RUP)
  li a1, RM_RNE; fsrm a0, a1; CHECK_EQ(a0, RM_RUP)
  frrm a0; CHECK_EQ(a0, RM_RNE)
  csrr a0, fflags; CHECK_EQ(a0, FF_NV)

  /* ---- fcsr instruction forms ---- */
  TEST_CASE(30); li a1, (RM_RDN << 5) | FF_OF
  csrrw a0, fcsr, a1; CHECK_EQ(a0, FF_NV)
  TEST_CASE(31); li a1, FF_NX | (1 << 8)
  csrrs a0, fcsr, a1; CHECK_EQ(a0, (RM_RDN << 5) | FF_OF)
  csrr a0, fcsr; CHECK_EQ(a0, (RM_RDN << 5) | FF_OF | FF_NX)
  TEST_CASE(32); li a1, (RM_RDN << 5) | FF_NX
  csrrc a0, fcsr, a1; CHECK_EQ(a0, (RM_RDN << 5) | FF_OF | FF_NX)
  csrr a0, fcsr; CHECK_EQ(a0, FF_OF)
  TEST_CASE(33); csrrwi a0, fcsr, 0x1f; CHECK_EQ(a0, FF_OF)
  csrrci a0, fcsr, 0x0f; CHECK_EQ(a0, 0x1f)
  csrrsi a0, fcsr, FF_NX; CHECK_EQ(a0, FF_NV)
  csrr a0, fcsr; CHECK_EQ(a0, FF_NV | FF_NX)
  TEST_CASE(34); li a1, (RM_RMM << 5) | FF_UF; fscsr a0, a1; CHECK_EQ(a0, FF_NV | FF_NX)
  frcsr a0; CHECK_EQ(a0, (RM_RMM << 5) | FF_UF)
  csrw fcsr, zero

  /* ---- accrued flags ---- */
  la a5, acc_data
  flw fa0, 0(a5)                  /* 1.0 */
  flw fa1, 4(a5)                  /* 0.0 */
  flw fa2, 8(a5)                  /* 3.0 */
  flw fa3, 12(a5)                 /* signaling NaN */
  fld fa4, 16(a5)                 /* double 1.0 */
  TEST_CASE(40); fdiv.s fa5, fa0, fa1                        /* 1 / 0: DZ */
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ)
  TEST_CASE(41); fdiv.s fa5, fa0, fa2                        /* 1 / 3: NX */
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ | FF_NX)
  TEST_CASE(42); fadd.s fa5, fa0, fa0                        /* exact: nothing cleared */
  fmul.d fa6, fa4, fa4
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ | FF_NX)
  TEST_CASE(43); fdiv.s fa5, fa0, fa2                        /* NX again: no change */
  csrr a0, fflags; CHECK_EQ(a0, FF_DZ | FF_NX)
  TEST_CASE(44); fsub.d fa6, fa4, fa4; fle.s a1, fa3, fa0    /* NV */
  csrr a0, fflags; CHECK_EQ(a0, FF_NV | FF_DZ | FF_NX)
  TEST_CASE(45); fsrmi RM_RTZ; csrr a0, fcsr; CHECK_EQ(a0, (RM_RTZ << 5) | FF_NV | FF_DZ | FF_NX)
  fsrmi RM_RNE
  /* nothing raised by these, even on a signaling NaN */
  TEST_CASE(46); csrwi fflags, FF_OF
  fsgnj.s fa5, fa3, fa0; fsgnjn.d fa6, fa3, fa3; fsgnjx.s fa5, fa3, fa3
  fclass.s a1, fa3; fclass.d a1, fa3
  fmv.x.w a1, fa3; fmv.w.x fa5, a1
  flw fa5, 12(a5); fsw fa3, 24(a5); fld fa6, 16(a5); fsd fa3, 24(a5)
  feq.s a1, fa0, fa2; flt.s a1, fa0, fa2; fle.d a1, fa4, fa4
  fmin.s fa5, fa0, fa2; fmax.d fa6, fa4, fa4
  fcvt.d.s fa6, fa0; fcvt.s.w fa5, zero; fcvt.w.s a1, fa0, rtz
  csrr a0, fflags; CHECK_EQ(a0, FF_OF)
  TEST_CASE(47); fmin.s fa5, fa3, fa0                        /* sNaN: NV accrues */
  csrr a0, fflags; CHECK_EQ(a0, FF_NV | FF_OF)
  TEST_CASE(48); fcvt.w.s a1, fa2                            /* exact: flags stay */
  fcvt.wu.s a1, fa1
  csrr a0, fflags; CHECK_EQ(a0, FF_NV | FF_OF)
  csrw fcsr, zero

  TEST_END

  .data
  .balign 8
acc_data:
  .word 0x3f800000, 0x00000000, 0x40400000, 0x7f800001
  .dword 0x3ff0000000000000, 0
