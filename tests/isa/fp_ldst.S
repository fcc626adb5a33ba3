/* FP loads and stores (Unprivileged spec 11.5, 12.3, 16.3-16.4): FLW
 * writes its 32 bits NaN-boxed, FSW stores the low 32 bits of the register
 * whatever its upper bits; FLD/FSD move 64 bits; no bit is changed
 * (signaling NaN payloads kept) and no flag is raised. Addresses at word
 * (not doubleword) and doubleword alignment, offsets at the 12-bit
 * extremes, neighbours of a store untouched. Compressed forms: C.FLD,
 * C.FSD, C.FLDSP, C.FSDSP (RV32 and RV64) at their largest offsets and
 * C.FLW, C.FSW, C.FLWSP, C.FSWSP (RV32 only; RV64 uses those encodings
 * for C.LD/C.SD); each is crossed with the 32-bit form (compressed store,
 * plain load and the reverse). */
#include "fp.h"

/* The f register freg holds the 64-bit image hi:lo (clobbers a5, a6). */
#define CHECK_FREG(freg, hi, lo) \
  la a5, chk_slot; fsd freg, 0(a5); \
  lw a6, 0(a5); CHECK_EQ(a6, SX32(lo)); lw a6, 4(a5); CHECK_EQ(a6, SX32(hi))
/* The word at off(base) is val (clobbers a6). */
#define CHECK_WORD(base, off, val) lw a6, off(base); CHECK_EQ(a6, SX32(val))
#define FILL 0xa5a5a5a5

  FP_BEGIN

  /* ---- FLW ---- */
  TEST_CASE(1); la a1, ld_data; csrw fflags, zero
  flw fa0, 0(a1)
  CHECK_FREG(fa0, 0xffffffff, 0x3f800000)                     /* 1.0, boxed */
  TEST_CASE(2); flw fa1, 4(a1)                                /* word, not doubleword, aligned */
  CHECK_FREG(fa1, 0xffffffff, 0x7f800001)                     /* sNaN kept */
  FP_CHECK_FLAGS(0)
  TEST_CASE(3); addi a2, a1, 8; flw fa2, -4(a2)
  CHECK_FREG(fa2, 0xffffffff, 0x7f800001)
  TEST_CASE(4); addi a2, a1, -2044; flw fa3, 2044(a2)
  CHECK_FREG(fa3, 0xffffffff, 0x3f800000)
  TEST_CASE(5); addi a2, a1, 2047; addi a2, a2, 5; flw fa0, -2048(a2)
  CHECK_FREG(fa0, 0xffffffff, 0x7f800001)
  TEST_CASE(6); flw fa1, 28(a1)
  CHECK_FREG(fa1, 0xffffffff, 0x80000001)                     /* -2^-149 */
  TEST_CASE(7); fld fa2, 8(a1); flw fa2, 24(a1)               /* overwrites all 64 bits */
  CHECK_FREG(fa2, 0xffffffff, 0xc0490fdb)                     /* -3.14159274 */

  /* ---- FLD ---- */
  TEST_CASE(10); csrw fflags, zero; fld fa0, 8(a1)
  CHECK_FREG(fa0, 0x7ff00000, 0x00000001)                     /* double sNaN kept */
  FP_CHECK_FLAGS(0)
  TEST_CASE(11); fld fa1, 16(a1)
  CHECK_FREG(fa1, 0x400921fb, 0x54442d18)                     /* pi 3.141592653589793 */
  TEST_CASE(12); fld fa2, 0(a1)                               /* two singles, read as 64 bits */
  CHECK_FREG(fa2, 0x7f800001, 0x3f800000)
  TEST_CASE(13); addi a2, a1, 24; fld fa3, -8(a2)
  CHECK_FREG(fa3, 0x400921fb, 0x54442d18)
  TEST_CASE(14); addi a2, a1, -2040; fld fa0, 2040(a2)
  CHECK_FREG(fa0, 0x7f800001, 0x3f800000)
  TEST_CASE(15); addi a2, a1, 2047; addi a2, a2, 9; fld fa1, -2048(a2)
  CHECK_FREG(fa1, 0x7ff00000, 0x00000001)

  /* ---- FSW ---- */
  la a3, st_buf
  TEST_CASE(20); flw fa0, 0(a1); fsw fa0, 4(a3)
  CHECK_WORD(a3, 0, FILL); CHECK_WORD(a3, 4, 0x3f800000); CHECK_WORD(a3, 8, FILL)
  TEST_CASE(21); fld fa1, 0(a1); fsw fa1, 12(a3)              /* upper bits 0x7f800001 ignored */
  CHECK_WORD(a3, 8, FILL); CHECK_WORD(a3, 12, 0x3f800000); CHECK_WORD(a3, 16, FILL)
  TEST_CASE(22); fld fa2, 16(a1); fsw fa2, 16(a3)             /* low word of pi */
  CHECK_WORD(a3, 16, 0x54442d18); CHECK_WORD(a3, 20, FILL)
  TEST_CASE(23); csrw fflags, zero; flw fa3, 4(a1); addi a2, a3, 28; fsw fa3, -4(a2)
  CHECK_WORD(a3, 24, 0x7f800001); CHECK_WORD(a3, 28, FILL); FP_CHECK_FLAGS(0)
  TEST_CASE(24); addi a2, a3, -2044; fsw fa0, 2044(a2)
  CHECK_WORD(a3, 0, 0x3f800000); CHECK_WORD(a3, 4, 0x3f800000)
  TEST_CASE(25); addi a2, a3, 2047; addi a2, a2, 41; fsw fa3, -2048(a2)
  CHECK_WORD(a3, 40, 0x7f800001); CHECK_WORD(a3, 36, FILL); CHECK_WORD(a3, 44, FILL)

  /* ---- FSD ---- */
  TEST_CASE(30); fld fa0, 8(a1); fsd fa0, 48(a3)
  CHECK_WORD(a3, 44, FILL); CHECK_WORD(a3, 48, 0x00000001); CHECK_WORD(a3, 52, 0x7ff00000)
  CHECK_WORD(a3, 56, FILL)
  TEST_CASE(31); flw fa1, 0(a1); fsd fa1, 56(a3)              /* a boxed single */
  CHECK_WORD(a3, 56, 0x3f800000); CHECK_WORD(a3, 60, 0xffffffff); CHECK_WORD(a3, 64, FILL)
  TEST_CASE(32); fld fa2, 16(a1); addi a2, a3, 72; fsd fa2, -8(a2)
  CHECK_WORD(a3, 64, 0x54442d18); CHECK_WORD(a3, 68, 0x400921fb); CHECK_WORD(a3, 72, FILL)
  TEST_CASE(33); addi a2, a3, -2040; fsd fa0, 2040(a2)
  CHECK_WORD(a3, 0, 0x00000001); CHECK_WORD(a3, 4, 0x7ff00000); CHECK_WORD(a3, 8, FILL)
  TEST_CASE(34); addi a2, a3, 2047; addi a2, a2, 81; fsd fa1, -2048(a2)
  CHECK_WORD(a3, 76, FILL); CHECK_WORD(a3, 80, 0x3f800000); CHECK_WORD(a3, 84, 0xffffffff)
  CHECK_WORD(a3, 88, FILL)
  TEST_CASE(35); fld fa3, 80(a3)                              /* round trip */
  CHECK_FREG(fa3, 0xffffffff, 0x3f800000)

  /* ---- compressed loads and stores (a2 and sp as bases) ---- */
  mv s1, sp
  la a2, c_buf
  la sp, c_buf
  li a4, 0x12345678
  li a7, 0x9abcdef0
  /* plain stores of known values at the largest compressed offsets */
  sw a7, 248(a2); sw a4, 252(a2)                              /* dword at 248 */
  sw a4, 504(a2); sw a7, 508(a2)                              /* dword at 504 */
  sw a4, 0(a2); sw a4, 4(a2)
  fld ft11, 16(a1)
  /* Only the c.* mnemonics below are compressed: the checks (lw a6, ...)
   * use registers outside x8-x15 and stay 32-bit. */
  RVC_BEGIN
  TEST_CASE(40); c.fld fa0, 248(a2)
  CHECK_FREG(fa0, 0x12345678, 0x9abcdef0)
  TEST_CASE(41); c.fld fs1, 8(a1)                             /* f9, base x11 */
  CHECK_FREG(fs1, 0x7ff00000, 0x00000001)
  TEST_CASE(42); c.fsd fs1, 240(a2)
  CHECK_WORD(a2, 240, 0x00000001); CHECK_WORD(a2, 244, 0x7ff00000); CHECK_WORD(a2, 248, 0x9abcdef0)
  TEST_CASE(43); c.fldsp fa2, 504(sp)
  CHECK_FREG(fa2, 0x9abcdef0, 0x12345678)
  TEST_CASE(44); c.fldsp ft0, 0(sp)                           /* any f register */
  CHECK_FREG(ft0, 0x12345678, 0x12345678)
  TEST_CASE(45); c.fsdsp fa2, 496(sp)
  CHECK_WORD(a2, 492, FILL); CHECK_WORD(a2, 496, 0x12345678); CHECK_WORD(a2, 500, 0x9abcdef0)
  CHECK_WORD(a2, 504, 0x12345678)
  TEST_CASE(46); c.fsdsp ft11, 8(sp)                          /* ft11 = pi, set above */
  CHECK_WORD(a2, 8, 0x54442d18); CHECK_WORD(a2, 12, 0x400921fb); CHECK_WORD(a2, 16, FILL)
#if __riscv_xlen == 32
  sw a4, 124(a2); sw a7, 252(a2)
  TEST_CASE(50); c.flw fa4, 124(a2)
  CHECK_FREG(fa4, 0xffffffff, 0x12345678)                     /* boxed */
  TEST_CASE(51); c.fsw fa4, 120(a2)
  CHECK_WORD(a2, 116, FILL); CHECK_WORD(a2, 120, 0x12345678)
  TEST_CASE(52); c.flwsp ft1, 252(sp)
  CHECK_FREG(ft1, 0xffffffff, 0x9abcdef0)
  TEST_CASE(53); fld fa5, 0(a1); c.fswsp fa5, 212(sp)         /* low word of an unboxed value */
  CHECK_WORD(a2, 208, FILL); CHECK_WORD(a2, 212, 0x3f800000); CHECK_WORD(a2, 216, FILL)
  TEST_CASE(54); c.flw fs0, 0(a1)
  CHECK_FREG(fs0, 0xffffffff, 0x3f800000)
  TEST_CASE(55); c.fswsp fs0, 252(sp)
  CHECK_WORD(a2, 248, 0x9abcdef0); CHECK_WORD(a2, 252, 0x3f800000)
#endif
  RVC_END
  mv sp, s1

  TEST_END

  .data
  .balign 16
ld_data:
  .word 0x3f800000                /* 0: 1.0 */
  .word 0x7f800001                /* 4: signaling NaN */
  .dword 0x7ff0000000000001       /* 8: double signaling NaN */
  .dword 0x400921fb54442d18       /* 16: pi */
  .word 0xc0490fdb                /* 24: -3.14159274 */
  .word 0x80000001                /* 28: -2^-149 */
  .balign 16
chk_slot:
  .dword 0
  .balign 16
st_buf:
  .fill 32, 4, FILL
  .balign 16
c_buf:
  .fill 136, 4, FILL
