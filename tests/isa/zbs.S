/* Zbs (bitmanip 1.0.0, chapter 2.4), RV32 and RV64: bclr/bset/binv/bext
 * with the bit index taken from rs2 modulo XLEN (indices XLEN, XLEN+3, -1
 * and 2*XLEN-1 test the masking) and the immediate forms with indices 0 to
 * XLEN-1; on RV32 an immediate index of 32 or more (shamt[5] set) is an
 * illegal instruction. */
#include "test.h"

  TEST_BEGIN

  /* bset / bclr / binv / bext: the index is rs2 mod XLEN */
  TEST_RR(1, bset, 1, 0, 0)
  TEST_RR(2, bset, -1, -1, 0)
  TEST_RR(3, bset, 0x12345678, 0x12345678, 3)
  TEST_RR(4, bset, 0x123456f8, 0x12345678, 7)
  TEST_RR(5, bset, 0x92345678, 0x12345678, 31)
  TEST_RR(6, bset, XLEN_SEL(0x12345679, 0x112345678), 0x12345678, 32)
  TEST_RR(7, bset, XLEN_SEL(0x12345678, 0x812345678), 0x12345678, 35)
  TEST_RR(8, bset, -1, -1, -1)
  TEST_RR(9, bset, 2, 0, 65)
  TEST_RR(10, bclr, 0, 0, 0)
  TEST_RR(11, bclr, -2, -1, 0)
  TEST_RR(12, bclr, 0x12345670, 0x12345678, 3)
  TEST_RR(13, bclr, 0x12345678, 0x12345678, 7)
  TEST_RR(14, bclr, 0x12345678, 0x12345678, 31)
  TEST_RR(15, bclr, 0x12345678, 0x12345678, 32)
  TEST_RR(16, bclr, XLEN_SEL(0x12345670, 0x12345678), 0x12345678, 35)
  TEST_RR(17, bclr, XLEN_SEL(0x7fffffff, 0x7fffffffffffffff), -1, -1)
  TEST_RR(18, bclr, 0, 0, 65)
  TEST_RR(19, binv, 1, 0, 0)
  TEST_RR(20, binv, -2, -1, 0)
  TEST_RR(21, binv, 0x12345670, 0x12345678, 3)
  TEST_RR(22, binv, 0x123456f8, 0x12345678, 7)
  TEST_RR(23, binv, 0x92345678, 0x12345678, 31)
  TEST_RR(24, binv, XLEN_SEL(0x12345679, 0x112345678), 0x12345678, 32)
  TEST_RR(25, binv, XLEN_SEL(0x12345670, 0x812345678), 0x12345678, 35)
  TEST_RR(26, binv, XLEN_SEL(0x7fffffff, 0x7fffffffffffffff), -1, -1)
  TEST_RR(27, binv, 2, 0, 65)
  TEST_RR(28, bext, 0, 0, 0)
  TEST_RR(29, bext, 1, -1, 0)
  TEST_RR(30, bext, 1, 0x12345678, 3)
  TEST_RR(31, bext, 0, 0x12345678, 7)
  TEST_RR(32, bext, 0, 0x12345678, 31)
  TEST_RR(33, bext, 0, 0x12345678, 32)
  TEST_RR(34, bext, XLEN_SEL(1, 0), 0x12345678, 35)
  TEST_RR(35, bext, 1, -1, -1)
  TEST_RR(36, bext, 0, 0, 65)
  /* immediate forms */
  TEST_RI(40, bseti, 1, 0, 0)
  TEST_RI(41, bseti, -1, -1, 0)
  TEST_RI(42, bseti, 0x12345678, 0x12345678, 3)
  TEST_RI(43, bseti, 0x123456f8, 0x12345678, 7)
  TEST_RI(44, bseti, 0x92345678, 0x12345678, 31)
  TEST_RI(45, bseti, -1, -1, 31)
  TEST_RI(46, bclri, 0, 0, 0)
  TEST_RI(47, bclri, -2, -1, 0)
  TEST_RI(48, bclri, 0x12345670, 0x12345678, 3)
  TEST_RI(49, bclri, 0x12345678, 0x12345678, 7)
  TEST_RI(50, bclri, 0x12345678, 0x12345678, 31)
  TEST_RI(51, bclri, XLEN_SEL(0x7fffffff, 0xffffffff7fffffff), -1, 31)
  TEST_RI(52, binvi, 1, 0, 0)
  TEST_RI(53, binvi, -2, -1, 0)
  TEST_RI(54, binvi, 0x12345670, 0x12345678, 3)
  TEST_RI(55, binvi, 0x123456f8, 0x12345678, 7)
  TEST_RI(56, binvi, 0x92345678, 0x12345678, 31)
  TEST_RI(57, binvi, XLEN_SEL(0x7fffffff, 0xffffffff7fffffff), -1, 31)
  TEST_RI(58, bexti, 0, 0, 0)
  TEST_RI(59, bexti, 1, -1, 0)
  TEST_RI(60, bexti, 1, 0x12345678, 3)
  TEST_RI(61, bexti, 0, 0x12345678, 7)
  TEST_RI(62, bexti, 0, 0x12345678, 31)
  TEST_RI(63, bexti, 1, -1, 31)
#if __riscv_xlen == 64
  TEST_RR(70, bset, 0x8000000000000000, 0x8000000000000000, 63)
  TEST_RR(71, bset, 0x8000000000000000, 0, 63)
  TEST_RR(72, bset, 0x123456799abcdef0, 0x123456789abcdef0, 32)
  TEST_RR(73, bset, 0x123456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RR(74, bset, 0x923456789abcdef0, 0x123456789abcdef0, 127)
  TEST_RR(75, bclr, 0, 0x8000000000000000, 63)
  TEST_RR(76, bclr, 0, 0, 63)
  TEST_RR(77, bclr, 0x123456789abcdef0, 0x123456789abcdef0, 32)
  TEST_RR(78, bclr, 0x23456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RR(79, bclr, 0x123456789abcdef0, 0x123456789abcdef0, 127)
  TEST_RR(80, binv, 0, 0x8000000000000000, 63)
  TEST_RR(81, binv, 0x8000000000000000, 0, 63)
  TEST_RR(82, binv, 0x123456799abcdef0, 0x123456789abcdef0, 32)
  TEST_RR(83, binv, 0x23456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RR(84, binv, 0x923456789abcdef0, 0x123456789abcdef0, 127)
  TEST_RR(85, bext, 1, 0x8000000000000000, 63)
  TEST_RR(86, bext, 0, 0, 63)
  TEST_RR(87, bext, 0, 0x123456789abcdef0, 32)
  TEST_RR(88, bext, 1, 0x123456789abcdef0, 60)
  TEST_RR(89, bext, 0, 0x123456789abcdef0, 127)
  TEST_RI(95, bseti, 0x8000000000000000, 0x8000000000000000, 63)
  TEST_RI(96, bseti, 0x8000000000000000, 0, 63)
  TEST_RI(97, bseti, 0x123456799abcdef0, 0x123456789abcdef0, 32)
  TEST_RI(98, bseti, 0x123456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RI(99, bclri, 0, 0x8000000000000000, 63)
  TEST_RI(100, bclri, 0, 0, 63)
  TEST_RI(101, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 32)
  TEST_RI(102, bclri, 0x23456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RI(103, binvi, 0, 0x8000000000000000, 63)
  TEST_RI(104, binvi, 0x8000000000000000, 0, 63)
  TEST_RI(105, binvi, 0x123456799abcdef0, 0x123456789abcdef0, 32)
  TEST_RI(106, binvi, 0x23456789abcdef0, 0x123456789abcdef0, 60)
  TEST_RI(107, bexti, 1, 0x8000000000000000, 63)
  TEST_RI(108, bexti, 0, 0, 63)
  TEST_RI(109, bexti, 0, 0x123456789abcdef0, 32)
  TEST_RI(110, bexti, 1, 0x123456789abcdef0, 60)
#endif

  /* ---- operands x0, rd = rs1 = rs2 ---- */
  TEST_CASE(120); li a0, 3; bset a0, a0, a0; CHECK_EQ(a0, 11)
  TEST_CASE(121); li a0, 37; bext a0, a0, a0; CHECK_EQ(a0, XLEN_SEL(1, 0))
  TEST_CASE(122); li a1, 0x10; bext a0, a1, zero; CHECK_EQ(a0, 0)
  TEST_CASE(123); li a2, 9; bset a0, zero, a2; CHECK_EQ(a0, 0x200)
  TEST_CASE(124); li a1, -1; bclri zero, a1, 0; mv a0, zero; CHECK_EQ(a0, 0)

#if __riscv_xlen == 32
  /* ---- shamt[5] set: reserved on RV32 ---- */
  TEST_ILLEGAL32(130, 0x2a059513)   /* bseti a0,a1,32 */
  TEST_ILLEGAL32(131, 0x4a059513)   /* bclri a0,a1,32 */
  TEST_ILLEGAL32(132, 0x6a059513)   /* binvi a0,a1,32 */
  TEST_ILLEGAL32(133, 0x4a05d513)   /* bexti a0,a1,32 */
#endif
  TEST_ILLEGAL32(134, 0x48c5b533)   /* OP funct7 0x24 funct3 3: no such op */

  TEST_END
