/* Control transfer: jal, jalr (link value, rd == rs1, bit 0 of the target
 * cleared, negative offsets) and the six conditional branches, taken and not
 * taken, forwards and backwards, signed and unsigned. */
#include "test.h"

#define XMAX XLEN_SEL(0x7fffffff, 0x7fffffffffffffff)
#define XMIN XLEN_SEL(0x80000000, 0x8000000000000000)

/* Case n: `inst a1, a2` with a1 = v1, a2 = v2 must branch (taken = 1) or
 * fall through (taken = 0), forwards and backwards. */
#define TEST_BR(n, inst, taken, v1, v2) \
  TEST_CASE(n); li a1, v1; li a2, v2; li a0, 0; \
  inst a1, a2, 8901f; li a0, 1; \
8901: CHECK_EQ(a0, (1 - (taken))); \
  li a0, 0; j 8903f; \
8902: li a0, 2; j 8904f; \
8903: inst a1, a2, 8902b; li a0, 3; \
8904: CHECK_EQ(a0, (3 - (taken)))

  TEST_BEGIN

  /* jal: link = pc + 4, target reached, forward and backward */
  TEST_CASE(1)
  li a0, 0
1: jal ra, 2f
3: li a0, 99
  j 4f
2: la a1, 3b
  CHECK_EQR(ra, a1)
  li a0, 7
4: CHECK_EQ(a0, 7)
  TEST_CASE(2)
  j 2f
1: li a0, 11
  jal zero, 3f
2: jal a5, 1b
3: CHECK_EQ(a0, 11)
  la a1, 3b
  CHECK_EQR(a5, a1)

  /* jalr: target = (rs1 + imm) & ~1, link = pc + 4 */
  TEST_CASE(3)
  la a1, 2f
  jalr t2, 0(a1)
1: FAIL
2: la a2, 1b
  CHECK_EQR(t2, a2)
  TEST_CASE(4)
  la a1, 2f
  addi a1, a1, 16
  jalr t3, -16(a1)
  FAIL
2: TEST_CASE(5)          /* bit 0 of the target address is ignored */
  la a1, 2f
  addi a1, a1, 1
  jalr ra, 0(a1)
  FAIL
2: TEST_CASE(6)
  la a1, 2f
  jalr ra, 3(a1)         /* target 2f + 3, bit 0 cleared: 2f + 2 */
  FAIL
  RVC_BEGIN
2: c.ebreak              /* not expected: fails the case if reached */
  c.nop                  /* 2f + 2 */
  RVC_END
  TEST_CASE(7)           /* rd == rs1: the old value is the target */
  la a1, 2f
  jalr a1, 0(a1)
1: FAIL
2: la a2, 1b
  CHECK_EQR(a1, a2)
  TEST_CASE(8)           /* call / return through ra */
  li a0, 5
  call 9f
  CHECK_EQ(a0, 10)
  j 10f
9: add a0, a0, a0
  ret
10:
  TEST_CASE(9)           /* jalr with rd = x0 does not link */
  li t2, 0
  la a1, 2f
  jalr zero, 0(a1)
  FAIL
2: CHECK_EQ(t2, 0)

  /* conditional branches */
  TEST_BR(20, beq, 1, 0, 0)
  TEST_BR(21, beq, 1, -1, -1)
  TEST_BR(22, beq, 0, 0, 1)
  TEST_BR(23, beq, 0, XMIN, XMAX)
  TEST_BR(24, bne, 0, 0, 0)
  TEST_BR(25, bne, 0, -1, -1)
  TEST_BR(26, bne, 1, 0, 1)
  TEST_BR(27, bne, 1, 1, 0)
  TEST_BR(28, blt, 1, -1, 0)
  TEST_BR(29, blt, 0, 0, -1)
  TEST_BR(30, blt, 0, 1, 1)
  TEST_BR(31, blt, 1, XMIN, XMAX)
  TEST_BR(32, blt, 0, XMAX, XMIN)
  TEST_BR(33, blt, 1, -2, -1)
  TEST_BR(34, bge, 0, -1, 0)
  TEST_BR(35, bge, 1, 0, -1)
  TEST_BR(36, bge, 1, 1, 1)
  TEST_BR(37, bge, 0, XMIN, XMAX)
  TEST_BR(38, bge, 1, XMAX, XMIN)
  TEST_BR(39, bge, 1, -1, -2)
  TEST_BR(40, bltu, 0, -1, 0)
  TEST_BR(41, bltu, 1, 0, -1)
  TEST_BR(42, bltu, 0, 1, 1)
  TEST_BR(43, bltu, 0, XMIN, XMAX)
  TEST_BR(44, bltu, 1, XMAX, XMIN)
  TEST_BR(45, bltu, 1, -2, -1)
  TEST_BR(46, bgeu, 1, -1, 0)
  TEST_BR(47, bgeu, 0, 0, -1)
  TEST_BR(48, bgeu, 1, 1, 1)
  TEST_BR(49, bgeu, 1, XMIN, XMAX)
  TEST_BR(50, bgeu, 0, XMAX, XMIN)
  TEST_BR(51, bgeu, 0, -2, -1)
#if __riscv_xlen == 64
  /* the full 64 bits are compared */
  TEST_BR(52, beq, 0, 0x100000000, 0)
  TEST_BR(53, blt, 1, 0xffffffff00000000, 0)
  TEST_BR(54, bltu, 0, 0xffffffff00000000, 0)
  TEST_BR(55, bge, 1, 0x100000000, 0xffffffff)
#endif

  /* a counted loop with a backward branch */
  TEST_CASE(60)
  li a0, 0
  li a1, 100
1: addi a0, a0, 3
  addi a1, a1, -1
  bnez a1, 1b
  CHECK_EQ(a0, 300)

  /* far jumps across the 1 MiB jal range are out of scope; a jal over a
   * 4 KiB gap checks the immediate's upper bits */
  TEST_CASE(61)
  jal ra, 2f
1: j 3f
  .skip 4096
2: la a1, 1b
  CHECK_EQR(ra, a1)
  jal zero, 1b
3:
  TEST_CASE(62)
  li a0, 0
  beq zero, zero, 2f
  .skip 3000
  FAIL
2: li a0, 1
  CHECK_EQ(a0, 1)

  TEST_END
