/* Zicond 1.0 (czero.eqz / czero.nez) and Zihintpause (pause), RV32 and RV64.
 *   czero.eqz rd, rs1, rs2: rd = rs2 == 0 ? 0 : rs1
 *   czero.nez rd, rs1, rs2: rd = rs2 != 0 ? 0 : rs1
 * over all XLEN bits of rs2 (on RV64 a value with only bits 63:32 set is
 * not zero). binutils 2.40 does not know Zicond: the instructions are
 * written with .insn (OP opcode, funct7 0000111, funct3 101 / 111).
 * pause is FENCE with pred = W, succ = 0, fm = 0 (a HINT): it executes as
 * a no-op, changes no register and raises nothing. */
#include "test.h"

  .macro czero.eqz rd, rs1, rs2
  .insn r 0x33, 5, 7, \rd, \rs1, \rs2
  .endm
  .macro czero.nez rd, rs1, rs2
  .insn r 0x33, 7, 7, \rd, \rs1, \rs2
  .endm

  TEST_BEGIN

  /* QEMU 7.2 does not implement Zicond: the czero checks are left out of
   * QEMU_COMPAT builds. */
#if !QEMU_COMPAT
  TEST_RR(1, czero.eqz, 0, 5, 0)
  TEST_RR(2, czero.eqz, 5, 5, 1)
  TEST_RR(3, czero.eqz, -1, -1, -1)
  TEST_RR(4, czero.eqz, 0, -1, 0)
  TEST_RR(5, czero.eqz, 0x12345678, 0x12345678, 0x80000000)
  TEST_RR(6, czero.eqz, 0, 0, 7)
  TEST_RR(7, czero.eqz, 0, -0x80000000, 0)
  TEST_RR(8, czero.nez, 5, 5, 0)
  TEST_RR(9, czero.nez, 0, 5, 1)
  TEST_RR(10, czero.nez, 0, -1, -1)
  TEST_RR(11, czero.nez, -1, -1, 0)
  TEST_RR(12, czero.nez, 0, 0x12345678, 0x80000000)
  TEST_RR(13, czero.nez, 0, 0, 7)
  TEST_RR(14, czero.nez, XLEN_SEL(0x80000000, 0xffffffff80000000), -0x80000000, 0)
#if __riscv_xlen == 64
  TEST_RR(15, czero.eqz, 0x123456789abcdef0, 0x123456789abcdef0, 0x100000000)
  TEST_RR(16, czero.eqz, 0x123456789abcdef0, 0x123456789abcdef0, 0x8000000000000000)
  TEST_RR(17, czero.nez, 0, 0x123456789abcdef0, 0x100000000)
  TEST_RR(18, czero.nez, 0, 0x123456789abcdef0, 0x8000000000000000)
#endif
  TEST_CASE(20); li a0, 9; czero.eqz a0, a0, a0; CHECK_EQ(a0, 9)
  TEST_CASE(21); li a0, 9; czero.nez a0, a0, a0; CHECK_EQ(a0, 0)
  TEST_CASE(22); li a0, 0; czero.nez a0, a0, a0; CHECK_EQ(a0, 0)
  TEST_CASE(23); li a1, 9; czero.eqz a0, a1, zero; CHECK_EQ(a0, 0)
  TEST_CASE(24); li a1, 9; czero.nez a0, a1, zero; CHECK_EQ(a0, 9)
  TEST_CASE(25); li a2, 1; li a0, 7; czero.eqz a0, zero, a2; CHECK_EQ(a0, 0)
  TEST_CASE(26); li a1, -1; li a2, 1; czero.nez zero, a1, a2; czero.eqz zero, a1, a2
  mv a0, zero; CHECK_EQ(a0, 0)
  TEST_CASE(27)            /* the select idiom: rd = cond ? a : b */
  li a1, 0x111; li a2, 0x222; li a3, 5
  czero.eqz a4, a1, a3; czero.nez a5, a2, a3; or a0, a4, a5
  CHECK_EQ(a0, 0x111)
  li a3, 0
  czero.eqz a4, a1, a3; czero.nez a5, a2, a3; or a0, a4, a5
  CHECK_EQ(a0, 0x222)
#endif
  /* funct7 0000111 with the other funct3 values is not Zicond */
  TEST_ILLEGAL32(30, 0x0ec58533)   /* funct3 0 */
  TEST_ILLEGAL32(31, 0x0ec5c533)   /* funct3 4 */
  TEST_ILLEGAL32(32, 0x0ec5e533)   /* funct3 6 */

  /* ---- pause ---- */
  TEST_CASE(40)            /* no trap, no register written */
  li a0, 0x1234; li a1, -1; mv a2, sp; TRAP_EXPECT
  pause
  CHECK_NO_TRAP
  la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)
  CHECK_EQ(a0, 0x1234); CHECK_EQ(a1, -1); CHECK_EQR(a2, sp)
  TEST_CASE(41)            /* the same encoding written as raw bits */
  li a0, 0x1234; TRAP_EXPECT
  .4byte 0x0100000f
  CHECK_NO_TRAP
  la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)
  CHECK_EQ(a0, 0x1234)
  TEST_CASE(42)            /* a spin-wait loop with pause terminates */
  li a0, 1000; li a1, 0
1: pause
  addi a1, a1, 1
  addi a0, a0, -1
  bnez a0, 1b
  CHECK_EQ(a1, 1000)
  TEST_CASE(43)            /* the instruction after pause executes */
  li a0, 0
  pause
  li a0, 43
  CHECK_EQ(a0, 43)
  TEST_CASE(44)            /* pause does not order or disturb memory */
  la a3, pause_word; li a0, 0x5a5a; sw a0, 0(a3)
  pause
  lw a1, 0(a3); CHECK_EQ(a1, 0x5a5a)

  TEST_END

  .data
  .balign 8
pause_word:
  .word 0, 0
