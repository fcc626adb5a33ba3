/* mstatus.FS and SD (Privileged spec 3.1.6.6): FS holds Off, Initial, Clean
 * and Dirty; SD (bit XLEN-1, read-only) is set exactly when FS (or XS/VS,
 * which are zero here) is Dirty. With FS = Off every F/D instruction, the
 * compressed FP loads and stores, and every access to fflags, frm and fcsr
 * raises illegal instruction (mtval = the instruction bits) without
 * changing any state; FS stays Off. With FS = Initial or Clean the same
 * instructions execute, and one that writes an f register or fcsr (loads,
 * arithmetic, moves, conversions, CSR writes, and instructions that only
 * accrue a flag) leaves FS = Dirty and SD = 1. Whether instructions that
 * only read FP state (FSW, FMV.X.W, FCLASS, compares raising nothing) may
 * set Dirty is left to the implementation and not tested; so is precise
 * tracking: writing Initial or Clean may read back as Dirty (3.1.6.6
 * allows imprecise tracking and an FS with only Off and Dirty), which the
 * checks accept. */
#include "fp.h"

#define LWU XLEN_SEL(lw, lwu)
#define SET_FS(v) li t0, MSTATUS_FS; csrc mstatus, t0; li t0, v; csrs mstatus, t0

/* Case n: with FS = Off the 32-bit instruction raises illegal instruction
 * with mtval = its bits. */
#define TEST_FS_OFF(n, ...) \
  TEST_CASE(n); la a4, 8880f; LWU a4, 0(a4); TRAP_EXPECT; \
8880: __VA_ARGS__; CHECK_TRAP_R(CAUSE_ILLEGAL, 8880b, a4)
/* Same for a 16-bit instruction (inside RVC_BEGIN / RVC_END). */
#define TEST_FS_OFF16(n, ...) \
  TEST_CASE(n); la a4, 8881f; lhu a4, 0(a4); TRAP_EXPECT; \
8881: __VA_ARGS__; CHECK_TRAP_R(CAUSE_ILLEGAL, 8881b, a4)
/* mstatus reads FS = v with SD = 0, or FS = Dirty with SD = 1 (clobbers a0). */
#define CHECK_FS_OR_DIRTY(v) \
  csrr a0, mstatus; li t0, MSTATUS_FS | MSTATUS_SD; and a0, a0, t0; \
  li t0, MSTATUS_FS_DIRTY | MSTATUS_SD; beq a0, t0, 8882f; CHECK_EQ(a0, v); 8882:
/* Case n: from FS = `from` (Initial or Clean), the instructions leave
 * FS = Dirty and SD = 1. */
#define TEST_FS_DIRTY(n, from, ...) \
  TEST_CASE(n); SET_FS(from); CHECK_FS_OR_DIRTY(from); \
  __VA_ARGS__; \
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_DIRTY | MSTATUS_SD)

  FP_BEGIN

  /* ---- the FS field ---- */
  TEST_CASE(1); csrr a0, misa
  CHECK_MASKED(a0, MISA_BIT('F') | MISA_BIT('D'), MISA_BIT('F') | MISA_BIT('D'))
  TEST_CASE(2); SET_FS(MSTATUS_FS_OFF); csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_OFF)
  TEST_CASE(3); SET_FS(MSTATUS_FS_INITIAL); CHECK_FS_OR_DIRTY(MSTATUS_FS_INITIAL)
  TEST_CASE(4); SET_FS(MSTATUS_FS_CLEAN); CHECK_FS_OR_DIRTY(MSTATUS_FS_CLEAN)
  TEST_CASE(5); SET_FS(MSTATUS_FS_DIRTY); csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_DIRTY | MSTATUS_SD)
  TEST_CASE(6); SET_FS(MSTATUS_FS_CLEAN); li a1, MSTATUS_SD; csrs mstatus, a1  /* SD read-only */
  CHECK_FS_OR_DIRTY(MSTATUS_FS_CLEAN)
  TEST_CASE(8); SET_FS(MSTATUS_FS_OFF); li a1, MSTATUS_SD; csrs mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_OFF)
  TEST_CASE(7); csrr a0, mstatus; CHECK_MASKED(a0, 0x18000, 0)  /* XS = 0 */

  /* ---- FS = Off: everything FP is illegal ---- */
  /* known register contents to check that nothing changes */
  SET_FS(MSTATUS_FS_DIRTY)
  la a5, fs_data
  fld fa0, 0(a5); fld fa1, 8(a5); fld fa2, 8(a5)
  li a1, (RM_RUP << 5) | FF_OF; csrw fcsr, a1
  SET_FS(MSTATUS_FS_OFF)
  li a0, 0x5a5
  TEST_FS_OFF(10, flw fa0, 0(a5))
  TEST_FS_OFF(11, fsw fa0, 16(a5))
  TEST_FS_OFF(12, fmadd.s fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(13, fmsub.s fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(14, fnmsub.s fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(15, fnmadd.s fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(16, fadd.s fa0, fa1, fa2, rne)
  TEST_FS_OFF(17, fsub.s fa0, fa1, fa2, rne)
  TEST_FS_OFF(18, fmul.s fa0, fa1, fa2, rne)
  TEST_FS_OFF(19, fdiv.s fa0, fa1, fa2, rne)
  TEST_FS_OFF(20, fsqrt.s fa0, fa1, rne)
  TEST_FS_OFF(21, fsgnj.s fa0, fa1, fa2)
  TEST_FS_OFF(22, fsgnjn.s fa0, fa1, fa2)
  TEST_FS_OFF(23, fsgnjx.s fa0, fa1, fa2)
  TEST_FS_OFF(24, fmin.s fa0, fa1, fa2)
  TEST_FS_OFF(25, fmax.s fa0, fa1, fa2)
  TEST_FS_OFF(26, fcvt.w.s a0, fa1, rne)
  TEST_FS_OFF(27, fcvt.wu.s a0, fa1, rne)
  TEST_FS_OFF(28, fmv.x.w a0, fa1)
  TEST_FS_OFF(29, feq.s a0, fa1, fa2)
  TEST_FS_OFF(30, flt.s a0, fa1, fa2)
  TEST_FS_OFF(31, fle.s a0, fa1, fa2)
  TEST_FS_OFF(32, fclass.s a0, fa1)
  TEST_FS_OFF(33, fcvt.s.w fa0, a1, rne)
  TEST_FS_OFF(34, fcvt.s.wu fa0, a1, rne)
  TEST_FS_OFF(35, fmv.w.x fa0, a1)
#if __riscv_xlen == 64
  TEST_FS_OFF(36, fcvt.l.s a0, fa1, rne)
  TEST_FS_OFF(37, fcvt.lu.s a0, fa1, rne)
  TEST_FS_OFF(38, fcvt.s.l fa0, a1, rne)
  TEST_FS_OFF(39, fcvt.s.lu fa0, a1, rne)
#endif
  TEST_FS_OFF(40, fld fa0, 0(a5))
  TEST_FS_OFF(41, fsd fa0, 16(a5))
  TEST_FS_OFF(42, fmadd.d fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(43, fmsub.d fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(44, fnmsub.d fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(45, fnmadd.d fa0, fa1, fa2, fa1, rne)
  TEST_FS_OFF(46, fadd.d fa0, fa1, fa2, rne)
  TEST_FS_OFF(47, fsub.d fa0, fa1, fa2, rne)
  TEST_FS_OFF(48, fmul.d fa0, fa1, fa2, rne)
  TEST_FS_OFF(49, fdiv.d fa0, fa1, fa2, rne)
  TEST_FS_OFF(50, fsqrt.d fa0, fa1, rne)
  TEST_FS_OFF(51, fsgnj.d fa0, fa1, fa2)
  TEST_FS_OFF(52, fsgnjn.d fa0, fa1, fa2)
  TEST_FS_OFF(53, fsgnjx.d fa0, fa1, fa2)
  TEST_FS_OFF(54, fmin.d fa0, fa1, fa2)
  TEST_FS_OFF(55, fmax.d fa0, fa1, fa2)
  TEST_FS_OFF(56, fcvt.s.d fa0, fa1, rne)
  TEST_FS_OFF(57, fcvt.d.s fa0, fa1)
  TEST_FS_OFF(58, feq.d a0, fa1, fa2)
  TEST_FS_OFF(59, flt.d a0, fa1, fa2)
  TEST_FS_OFF(60, fle.d a0, fa1, fa2)
  TEST_FS_OFF(61, fclass.d a0, fa1)
  TEST_FS_OFF(62, fcvt.w.d a0, fa1, rne)
  TEST_FS_OFF(63, fcvt.wu.d a0, fa1, rne)
  TEST_FS_OFF(64, fcvt.d.w fa0, a1)
  TEST_FS_OFF(65, fcvt.d.wu fa0, a1)
#if __riscv_xlen == 64
  TEST_FS_OFF(66, fcvt.l.d a0, fa1, rne)
  TEST_FS_OFF(67, fcvt.lu.d a0, fa1, rne)
  TEST_FS_OFF(68, fmv.x.d a0, fa1)
  TEST_FS_OFF(69, fcvt.d.l fa0, a1, rne)
  TEST_FS_OFF(70, fcvt.d.lu fa0, a1, rne)
  TEST_FS_OFF(71, fmv.d.x fa0, a1)
#endif
  /* dynamic rm: FS is checked, whatever frm holds */
  TEST_FS_OFF(72, fadd.d fa0, fa1, fa2, dyn)
  TEST_FS_OFF(73, fcvt.w.s a0, fa1, dyn)
  /* FP CSRs, reads included */
  TEST_FS_OFF(80, csrr a0, fflags)
  TEST_FS_OFF(81, csrr a0, frm)
  TEST_FS_OFF(82, csrr a0, fcsr)
  TEST_FS_OFF(83, csrw fflags, a1)
  TEST_FS_OFF(84, csrwi frm, 1)
  TEST_FS_OFF(85, csrrs a0, fcsr, a1)
  TEST_FS_OFF(86, csrrc a0, fflags, a1)
  TEST_FS_OFF(87, csrrsi a0, frm, 0)
  TEST_FS_OFF(88, csrrci a0, fcsr, 1)
  TEST_FS_OFF(89, csrrwi zero, fcsr, 0)
  /* compressed FP loads and stores */
  mv s1, sp
  mv sp, a5
  RVC_BEGIN
  TEST_FS_OFF16(90, c.fld fa0, 0(a5))
  TEST_FS_OFF16(91, c.fsd fa0, 16(a5))
  TEST_FS_OFF16(92, c.fldsp fa0, 0(sp))
  TEST_FS_OFF16(93, c.fsdsp fa0, 16(sp))
#if __riscv_xlen == 32
  TEST_FS_OFF16(94, c.flw fa0, 0(a5))
  TEST_FS_OFF16(95, c.fsw fa0, 16(a5))
  TEST_FS_OFF16(96, c.flwsp fa0, 0(sp))
  TEST_FS_OFF16(97, c.fswsp fa0, 16(sp))
#endif
  RVC_END
  mv sp, s1
  /* nothing changed: FS still Off, registers, fcsr and memory as before */
  TEST_CASE(100); csrr a2, mstatus; CHECK_MASKED(a2, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_OFF)
  CHECK_EQ(a0, 0x5a5)
  TEST_CASE(101); SET_FS(MSTATUS_FS_CLEAN)
  csrr a2, fcsr; CHECK_EQ(a2, (RM_RUP << 5) | FF_OF)
  fsd fa0, 24(a5); lw a2, 24(a5); lw a3, 0(a5); CHECK_EQR(a2, a3)
  lw a2, 28(a5); lw a3, 4(a5); CHECK_EQR(a2, a3)
  TEST_CASE(102); lw a2, 16(a5); CHECK_EQ(a2, 0); lw a2, 20(a5); CHECK_EQ(a2, 0)
  csrw fcsr, zero

  /* ---- writes of FP state set Dirty (from Clean and from Initial) ---- */
  TEST_FS_DIRTY(110, MSTATUS_FS_CLEAN, flw fa0, 0(a5))
  TEST_FS_DIRTY(111, MSTATUS_FS_INITIAL, fld fa0, 0(a5))
  TEST_FS_DIRTY(112, MSTATUS_FS_CLEAN, fadd.s fa0, fa1, fa1, rne)
  TEST_FS_DIRTY(113, MSTATUS_FS_INITIAL, fadd.d fa0, fa1, fa1, rne)
  TEST_FS_DIRTY(114, MSTATUS_FS_CLEAN, fmadd.d fa0, fa1, fa1, fa1, rne)
  TEST_FS_DIRTY(115, MSTATUS_FS_CLEAN, fsqrt.s fa0, fa1, rne)
  TEST_FS_DIRTY(116, MSTATUS_FS_CLEAN, fsgnj.s fa0, fa1, fa1)
  TEST_FS_DIRTY(117, MSTATUS_FS_INITIAL, fmin.d fa0, fa1, fa2)
  TEST_FS_DIRTY(118, MSTATUS_FS_CLEAN, fmv.w.x fa0, a1)
  TEST_FS_DIRTY(119, MSTATUS_FS_CLEAN, fcvt.s.w fa0, zero)
  TEST_FS_DIRTY(120, MSTATUS_FS_CLEAN, fcvt.d.wu fa0, a1)
  TEST_FS_DIRTY(121, MSTATUS_FS_CLEAN, fcvt.s.d fa0, fa1)
  TEST_FS_DIRTY(122, MSTATUS_FS_INITIAL, fcvt.d.s fa0, fa1)
#if __riscv_xlen == 64
  TEST_FS_DIRTY(123, MSTATUS_FS_CLEAN, fmv.d.x fa0, a1)
  TEST_FS_DIRTY(124, MSTATUS_FS_CLEAN, fcvt.d.lu fa0, a1)
#endif
  /* fcsr writes, through each view */
  TEST_FS_DIRTY(130, MSTATUS_FS_CLEAN, csrw fflags, zero)
  TEST_FS_DIRTY(131, MSTATUS_FS_CLEAN, csrwi frm, RM_RNE)
  TEST_FS_DIRTY(132, MSTATUS_FS_INITIAL, csrw fcsr, zero)
  TEST_FS_DIRTY(133, MSTATUS_FS_CLEAN, csrsi fflags, FF_NX; csrw fflags, zero)
  TEST_FS_DIRTY(134, MSTATUS_FS_CLEAN, fsrmi RM_RNE)
  TEST_FS_DIRTY(135, MSTATUS_FS_CLEAN, fscsr zero)
  /* instructions whose only write is an accrued flag (fflags is FP state).
   * QEMU 7.2 marks FS Dirty only when an f register or an FP CSR is
   * written, not when an operation accrues a flag. */
  la a5, fs_data
#if !QEMU_COMPAT
  TEST_FS_DIRTY(140, MSTATUS_FS_CLEAN, flw fa3, 32(a5); SET_FS(MSTATUS_FS_CLEAN); feq.s a0, fa3, fa3)
  TEST_CASE(141); csrr a0, fflags; CHECK_EQ(a0, FF_NV); csrw fflags, zero
  TEST_FS_DIRTY(142, MSTATUS_FS_CLEAN, flt.d a0, fa1, fa3)
  TEST_CASE(143); csrr a0, fflags; CHECK_EQ(a0, FF_NV); csrw fflags, zero
  TEST_FS_DIRTY(144, MSTATUS_FS_INITIAL, fcvt.w.s a0, fa3)
  TEST_CASE(145); csrr a0, fflags; CHECK_EQ(a0, FF_NV); csrw fflags, zero
#endif
  /* compressed loads */
  mv s1, sp
  mv sp, a5
  RVC_BEGIN
  TEST_FS_DIRTY(150, MSTATUS_FS_CLEAN, c.fld fa0, 0(a5))
  TEST_FS_DIRTY(151, MSTATUS_FS_INITIAL, c.fldsp fa0, 8(sp))
#if __riscv_xlen == 32
  TEST_FS_DIRTY(152, MSTATUS_FS_CLEAN, c.flw fa0, 0(a5))
  TEST_FS_DIRTY(153, MSTATUS_FS_CLEAN, c.flwsp fa0, 8(sp))
#endif
  RVC_END
  mv sp, s1
  TEST_CASE(160); SET_FS(MSTATUS_FS_DIRTY); csrw fcsr, zero

  TEST_END

  .data
  .balign 8
fs_data:
  .dword 0x3ff0000000000000       /* 0: double 1.0 */
  .dword 0x4000000000000000       /* 8: double 2.0 */
  .dword 0                        /* 16: store target (must stay 0) */
  .dword 0                        /* 24: scratch */
  .word 0x7f800001, 0             /* 32: single signaling NaN */
