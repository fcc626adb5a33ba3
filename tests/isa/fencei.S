/* Zifencei: code written to memory and made visible with fence.i: new code
 * in a data page, rewriting code that already ran (also many times), a
 * 4-byte instruction replaced by two 2-byte ones, an instruction and a
 * function that straddle a 4 KiB page boundary (only the second page
 * rewritten), code rewritten by an AMO, and code patched in the running
 * text page right ahead of the fence.i. */
#include "test.h"

/* Encodings used to write code. */
#define ADDI_A0_ZERO(imm) ((((imm) & 0xfff) << 20) | 0x00000513)  /* li a0, imm */
#define ADDI_A0_A0(imm) ((((imm) & 0xfff) << 20) | 0x00050513)    /* addi a0, a0, imm */
#define RET 0x00008067                                            /* jalr x0, 0(ra) */
#define C_LI_A0(imm) (0x4501 | (((imm) & 0x1f) << 2) | (((imm) & 0x20) << 7))
#define C_ADDI_A0(imm) (0x0501 | (((imm) & 0x1f) << 2) | (((imm) & 0x20) << 7))
#define C_JR_RA 0x8082

#define PAGE 4096
/* a1 = code_buf + off */
#define CODE(off) la a1, code_buf; li t0, off; add a1, a1, t0
/* store the 32-bit word w at off(a1) as two halfwords (any 2-byte alignment) */
#define PUT32(off, w) li t0, w; sh t0, off(a1); srli t0, t0, 16; sh t0, (off) + 2(a1)
#define PUT16(off, h) li t0, h; sh t0, off(a1)

  TEST_BEGIN

  TEST_CASE(1)             /* new code in a data page */
  CODE(0)
  PUT32(0, ADDI_A0_ZERO(1))
  PUT32(4, RET)
  fence.i
  li a0, 0
  jalr ra, 0(a1)
  CHECK_EQ(a0, 1)
  TEST_CASE(2)             /* rewrite code that already ran */
  PUT32(0, ADDI_A0_ZERO(2))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 2)

  TEST_CASE(3)             /* rewrite code that ran many times */
  CODE(256)
  PUT32(0, ADDI_A0_ZERO(0))
  .irp i, 4, 8, 12, 16, 20, 24, 28, 32
  PUT32(\i, ADDI_A0_A0(1))
  .endr
  PUT32(36, RET)
  fence.i
  li s1, 200
1: jalr ra, 0(a1)
  CHECK_EQ(a0, 8)
  addi s1, s1, -1
  bnez s1, 1b
  PUT32(16, ADDI_A0_A0(100))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 107)
  TEST_CASE(4)             /* a 4-byte instruction becomes two 2-byte ones */
  PUT16(16, C_LI_A0(5))
  PUT16(18, C_ADDI_A0(-2))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 7)          /* 3 + 4 * 1 */
  TEST_CASE(5)             /* and back, with a compressed return */
  PUT32(16, ADDI_A0_A0(-50))
  PUT16(36, C_JR_RA)
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, -43)

  TEST_CASE(6)             /* a 4-byte instruction straddling a page boundary */
  CODE(PAGE - 2)
  PUT32(0, ADDI_A0_ZERO(7))
  PUT32(4, RET)
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 7)
  TEST_CASE(7)             /* rewrite only its upper half, in the second page */
  PUT16(2, (ADDI_A0_ZERO(9) >> 16))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 9)

  TEST_CASE(8)             /* a function spanning a page boundary */
  CODE(2 * PAGE - 8)
  PUT32(0, ADDI_A0_ZERO(1))
  PUT32(4, ADDI_A0_A0(1))
  PUT32(8, ADDI_A0_A0(1))
  PUT32(12, RET)
  fence.i
  li s1, 10
1: jalr ra, 0(a1)
  CHECK_EQ(a0, 3)
  addi s1, s1, -1
  bnez s1, 1b
  TEST_CASE(9)             /* rewrite the part in the second page */
  PUT32(8, ADDI_A0_A0(10))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 12)
  TEST_CASE(10)            /* rewrite the part in the first page */
  PUT32(4, ADDI_A0_A0(20))
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 31)

  TEST_CASE(11)            /* code rewritten with an AMO */
  CODE(512)
  PUT32(0, ADDI_A0_ZERO(5))
  PUT32(4, RET)
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 5)
  li a2, ADDI_A0_ZERO(6)
  amoswap.w a3, a2, (a1)
  fence.i
  jalr ra, 0(a1)
  CHECK_EQ(a0, 6)
  CHECK_EQ(a3, ADDI_A0_ZERO(5))

  TEST_CASE(12)            /* patch the running text page: an instruction
                              executed once, then rewritten */
  li s1, 2
  li s2, 0
1:
patch_loop:
  addi a0, zero, 11
  add s2, s2, a0
  addi s1, s1, -1
  beqz s1, 2f
  la a1, patch_loop
  li a2, ADDI_A0_ZERO(22)
  sw a2, 0(a1)
  fence.i
  j 1b
2: CHECK_EQ(s2, 33)
  TEST_CASE(13)            /* the instruction right after the fence.i */
  la a1, patch_next
  li a2, ADDI_A0_ZERO(44)
  sw a2, 0(a1)
  fence.i
patch_next:
  addi a0, zero, 33
  CHECK_EQ(a0, 44)

  TEST_END

  .data
  .balign PAGE
code_buf:
  .skip 3 * PAGE
