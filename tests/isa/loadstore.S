/* Loads and stores: lb/lbu/lh/lhu/lw (+ lwu/ld/sd on RV64), sb/sh/sw:
 * sign and zero extension, little-endian byte order, negative and extreme
 * offsets, rd == base, partial stores leave the neighbouring bytes alone.
 * Also the fence forms (fence, fence.tso, fence.i), which must not disturb
 * the data. */
#include "test.h"

/* Case n: `inst a0, off(a1)` with a1 = sym must give result. */
#define TEST_LD(n, inst, result, sym, off) \
  TEST_CASE(n); la a1, sym; inst a0, off(a1); CHECK_EQ(a0, result)

  TEST_BEGIN

  /* byte loads of 0x00 0x7f 0x80 0xff 0x01 0xfe 0x55 0xaa */
  TEST_LD(1, lb, 0, bytes, 0)
  TEST_LD(2, lb, 0x7f, bytes, 1)
  TEST_LD(3, lb, -128, bytes, 2)
  TEST_LD(4, lb, -1, bytes, 3)
  TEST_LD(5, lb, -2, bytes, 5)
  TEST_LD(6, lbu, 0, bytes, 0)
  TEST_LD(7, lbu, 0x7f, bytes, 1)
  TEST_LD(8, lbu, 0x80, bytes, 2)
  TEST_LD(9, lbu, 0xff, bytes, 3)
  TEST_LD(10, lbu, 0xaa, bytes, 7)

  /* halfwords 0x7f00 0xff80 0xfe01 0xaa55 */
  TEST_LD(11, lh, 0x7f00, bytes, 0)
  TEST_LD(12, lh, -128, bytes, 2)
  TEST_LD(13, lh, -511, bytes, 4)
  TEST_LD(14, lh, -0x55ab, bytes, 6)
  TEST_LD(15, lhu, 0x7f00, bytes, 0)
  TEST_LD(16, lhu, 0xff80, bytes, 2)
  TEST_LD(17, lhu, 0xfe01, bytes, 4)
  TEST_LD(18, lhu, 0xaa55, bytes, 6)

  /* words 0xff807f00 0xaa55fe01 0x12345678 0x7fffffff */
  TEST_LD(20, lw, XLEN_SEL(0xff807f00, 0xffffffffff807f00), bytes, 0)
  TEST_LD(21, lw, XLEN_SEL(0xaa55fe01, 0xffffffffaa55fe01), bytes, 4)
  TEST_LD(22, lw, 0x12345678, bytes, 8)
  TEST_LD(23, lw, 0x7fffffff, bytes, 12)

  /* negative offsets and the extreme 12-bit offsets */
  TEST_LD(25, lw, 0x12345678, bytes_end, -8)
  TEST_LD(26, lbu, 0xaa, bytes_end, -9)
  TEST_LD(27, lw, 0x600dcafe, far_target, 0)
  TEST_CASE(28); la a1, far_target; addi a1, a1, -2047; lw a0, 2047(a1)
  CHECK_EQ(a0, 0x600dcafe)
  TEST_CASE(29); la a1, far_target; addi a1, a1, 2040; addi a1, a1, 8
  lw a0, -2048(a1); CHECK_EQ(a0, 0x600dcafe)
  /* rd == base */
  TEST_CASE(30); la a0, bytes; lw a0, 8(a0); CHECK_EQ(a0, 0x12345678)

#if __riscv_xlen == 64
  TEST_LD(35, lwu, 0xff807f00, bytes, 0)
  TEST_LD(36, lwu, 0xaa55fe01, bytes, 4)
  TEST_LD(37, lwu, 0x7fffffff, bytes, 12)
  TEST_LD(38, ld, 0xaa55fe01ff807f00, bytes, 0)
  TEST_LD(39, ld, 0x7fffffff12345678, bytes, 8)
  TEST_LD(40, ld, 0x7fffffff12345678, bytes_end, -8)
#endif

  /* stores: only the addressed bytes change; the store data is truncated */
  TEST_CASE(50); call fill_scratch
  la a1, scratch; li a2, 0x12345678; sb a2, 1(a1)
  lw a0, 0(a1); CHECK_EQ(a0, 0x44447844)
  lw a0, 4(a1); CHECK_EQ(a0, 0x44444444)
  TEST_CASE(51); call fill_scratch
  la a1, scratch; li a2, -1; sb a2, 3(a1)
  lw a0, 0(a1); CHECK_EQ(a0, XLEN_SEL(0xff444444, 0xffffffffff444444))
  TEST_CASE(52); call fill_scratch
  la a1, scratch; li a2, 0x12345678; sh a2, 2(a1)
  lw a0, 0(a1); CHECK_EQ(a0, 0x56784444)
  lhu a0, 4(a1); CHECK_EQ(a0, 0x4444)
  TEST_CASE(53); call fill_scratch
  la a1, scratch; li a2, 0xbeef; sh a2, 4(a1)
  lh a0, 4(a1); CHECK_EQ(a0, -0x4111)
  lw a0, 0(a1); CHECK_EQ(a0, 0x44444444)
  lhu a0, 6(a1); CHECK_EQ(a0, 0x4444)
  TEST_CASE(54); call fill_scratch
  la a1, scratch; li a2, 0x89abcdef; sw a2, 4(a1)
  lw a0, 0(a1); CHECK_EQ(a0, 0x44444444)
  lbu a0, 4(a1); CHECK_EQ(a0, 0xef)
  lbu a0, 7(a1); CHECK_EQ(a0, 0x89)
  lw a0, 8(a1); CHECK_EQ(a0, 0x33333333)
  TEST_CASE(55); call fill_scratch      /* negative offset store */
  la a1, scratch; addi a1, a1, 16; li a2, 0x5a; sb a2, -16(a1)
  lbu a0, -16(a1); CHECK_EQ(a0, 0x5a)
  lbu a0, -15(a1); CHECK_EQ(a0, 0x44)
  TEST_CASE(56); call fill_scratch      /* store data register == base */
  la a1, scratch; sw a1, 8(a1); lw a0, 8(a1)
  li t2, 0xffffffff; and t3, a1, t2; and a0, a0, t2; CHECK_EQR(a0, t3)
#if __riscv_xlen == 64
  TEST_CASE(57); call fill_scratch
  la a1, scratch; li a2, 0x0123456789abcdef; sd a2, 8(a1)
  ld a0, 8(a1); CHECK_EQ(a0, 0x0123456789abcdef)
  lw a0, 12(a1); CHECK_EQ(a0, 0x01234567)
  ld a0, 0(a1); CHECK_EQ(a0, 0x4444444444444444)
  ld a0, 16(a1); CHECK_EQ(a0, 0x2222222222222222)
  TEST_CASE(58); call fill_scratch
  la a1, scratch; li a2, 0xffffffff80000001; sw a2, 0(a1)
  ld a0, 0(a1); CHECK_EQ(a0, 0x4444444480000001)
  lwu a0, 0(a1); CHECK_EQ(a0, 0x80000001)
#endif

  /* fences order memory but change nothing architecturally visible here */
  TEST_CASE(60); call fill_scratch
  la a1, scratch; li a2, 77
  sw a2, 0(a1)
  fence
  fence rw, rw
  fence w, r
  fence iorw, iorw
  fence o, i
  fence.tso
  fence.i
  lw a0, 0(a1); CHECK_EQ(a0, 77)

  /* a store to a location read right before and after */
  TEST_CASE(61); call fill_scratch
  la a1, scratch
  lw a0, 0(a1)
  addi a0, a0, 1
  sw a0, 0(a1)
  lw a2, 0(a1)
  CHECK_EQ(a2, 0x44444445)

  TEST_END

  .text
/* scratch[0..7] = 0x44, [8..15] = 0x33, [16..23] = 0x22; clobbers t2, t3 */
fill_scratch:
  la t2, scratch
  li t3, 0x44444444
  sw t3, 0(t2)
  sw t3, 4(t2)
  li t3, 0x33333333
  sw t3, 8(t2)
  sw t3, 12(t2)
  li t3, 0x22222222
  sw t3, 16(t2)
  sw t3, 20(t2)
  ret

  .data
  .balign 16
bytes:
  .byte 0x00, 0x7f, 0x80, 0xff, 0x01, 0xfe, 0x55, 0xaa
  .word 0x12345678, 0x7fffffff
bytes_end:
  .balign 16
scratch:
  .skip 32
  .skip 2000
far_target:
  .word 0x600dcafe
  .skip 2100
