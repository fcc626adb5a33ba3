/* RV32I/RV64I integer computational instructions: lui, auipc, register-
 * immediate and register-register operations, and on RV64 the W forms
 * (32-bit operation, result sign-extended, upper operand bits ignored). */
#include "test.h"

#define XMAX XLEN_SEL(0x7fffffff, 0x7fffffffffffffff)
#define XMIN XLEN_SEL(0x80000000, 0x8000000000000000)

  TEST_BEGIN

  /* lui: the 20-bit immediate lands in bits 31:12, sign-extended to XLEN. */
  TEST_CASE(1); lui a0, 0x12345; CHECK_EQ(a0, 0x12345000)
  TEST_CASE(2); lui a0, 0x80000; CHECK_EQ(a0, XLEN_SEL(0x80000000, 0xffffffff80000000))
  TEST_CASE(3); lui a0, 0xfffff; CHECK_EQ(a0, -4096)
  TEST_CASE(4); li a0, -1; lui a0, 0; CHECK_EQ(a0, 0)

  /* auipc: pc of the auipc itself plus the shifted immediate. */
  TEST_CASE(5)
1: auipc a0, 0
  la a1, 1b
  CHECK_EQR(a0, a1)
  TEST_CASE(6)
1: auipc a0, 0x12345
  la a1, 1b
  li a2, 0x12345000
  add a1, a1, a2
  CHECK_EQR(a0, a1)
  TEST_CASE(7)
1: auipc a0, 0xfffff
  la a1, 1b
  addi a1, a1, -2048
  addi a1, a1, -2048
  CHECK_EQR(a0, a1)

  /* addi */
  TEST_RI(10, addi, 0, 0, 0)
  TEST_RI(11, addi, 2, 1, 1)
  TEST_RI(12, addi, 0, -1, 1)
  TEST_RI(13, addi, 2047, 0, 2047)
  TEST_RI(14, addi, -2048, 0, -2048)
  TEST_RI(15, addi, XMIN, XMAX, 1)
  TEST_RI(16, addi, XMAX, XMIN, -1)
  TEST_RI(17, addi, 0x12345, 0x12345, 0)
  TEST_CASE(18); li a0, 40; addi a0, a0, 2; CHECK_EQ(a0, 42)

  /* slti / sltiu: immediates are sign-extended, then compared signed or
   * unsigned. */
  TEST_RI(20, slti, 0, 0, 0)
  TEST_RI(21, slti, 1, -1, 0)
  TEST_RI(22, slti, 0, 0, -1)
  TEST_RI(23, slti, 1, XMIN, -2048)
  TEST_RI(24, slti, 0, XMAX, 2047)
  TEST_RI(25, slti, 1, 2046, 2047)
  TEST_RI(26, sltiu, 1, 0, 1)
  TEST_RI(27, sltiu, 0, 1, 1)
  TEST_RI(28, sltiu, 1, 0, -1)
  TEST_RI(29, sltiu, 1, XMAX, -1)
  TEST_RI(30, sltiu, 0, -1, -1)
  TEST_RI(31, sltiu, 0, -1, 0)
  TEST_RI(32, sltiu, 1, -2, -1)

  /* xori / ori / andi with sign-extended immediates */
  TEST_RI(35, xori, -1, 0, -1)
  TEST_RI(36, xori, 0x0f0f0ff0, 0x0f0f0f0f, 0xff)
  TEST_RI(37, xori, XLEN_SEL(0xf0f0f00f, 0xfffffffff0f0f00f), 0x0f0f0f0f, -256)
  TEST_RI(38, xori, 0x0f0f000f, XLEN_SEL(0xf0f0ff0f, 0xfffffffff0f0ff0f), -256)
  TEST_RI(39, ori, 0x123457ff, 0x12345000, 0x7ff)
  TEST_RI(40, ori, -1, 0x12345000, -1)
  TEST_RI(41, ori, -2048, 0, -2048)
  TEST_RI(42, andi, 0x00000670, 0x12345678, 0x7f0)
  TEST_RI(43, andi, 0x12345670, 0x12345678, -16)
  TEST_RI(44, andi, 0, -1, 0)

  /* slli / srli / srai */
  TEST_RI(50, slli, 1, 1, 0)
  TEST_RI(51, slli, 2, 1, 1)
  TEST_RI(52, slli, XMIN, 1, XLEN - 1)
  TEST_RI(53, slli, XLEN_SEL(0x80000000, 0x80000000), 1, 31)
  TEST_RI(54, slli, XLEN_SEL(0x34567800, 0x1234567800), 0x12345678, 8)
  TEST_RI(55, srli, 1, XMIN, XLEN - 1)
  TEST_RI(56, srli, XMAX, -1, 1)
  TEST_RI(57, srli, 0x00123456, 0x12345678, 8)
  TEST_RI(58, srli, -1, -1, 0)
  TEST_RI(59, srai, -1, XMIN, XLEN - 1)
  TEST_RI(60, srai, XLEN_SEL(0xc0000000, 0xc000000000000000), XMIN, 1)
  TEST_RI(61, srai, 0x00123456, 0x12345678, 8)
  TEST_RI(62, srai, -0x12346, -0x12345678, 12)
  TEST_RI(63, srai, XMAX, XMAX, 0)

  /* add / sub: wrap-around, aliasing of rd with the sources */
  TEST_RR(70, add, 0, 0, 0)
  TEST_RR(71, add, 5, 2, 3)
  TEST_RR(72, add, 0, -1, 1)
  TEST_RR(73, add, XMIN, XMAX, 1)
  TEST_RR(74, add, XMAX, XMIN, -1)
  TEST_RR(75, add, -2, -1, -1)
  TEST_CASE(76); li a0, 21; add a0, a0, a0; CHECK_EQ(a0, 42)
  TEST_RR(77, sub, 0, 0, 0)
  TEST_RR(78, sub, -1, 2, 3)
  TEST_RR(79, sub, XMAX, XMIN, 1)
  TEST_RR(80, sub, XMIN, 0, XMIN)
  TEST_RR(81, sub, 2, 1, -1)
  TEST_CASE(82); li a1, 7; li a0, 50; sub a0, a0, a1; CHECK_EQ(a0, 43)
  TEST_CASE(83); li a1, 7; li a0, 50; sub a1, a0, a1; CHECK_EQ(a1, 43)

  /* sll / srl / sra: only the low log2(XLEN) bits of rs2 count */
  TEST_RR(90, sll, 0x80, 1, 7)
  TEST_RR(91, sll, XMIN, 1, XLEN - 1)
  TEST_RR(92, sll, 2, 1, XLEN + 1)
  TEST_RR(93, sll, 0x12345678, 0x12345678, XLEN)
  TEST_RR(94, sll, XMIN, -1, -1)
  TEST_RR(95, srl, XMAX, -1, 1)
  TEST_RR(96, srl, 1, XMIN, XLEN - 1)
  TEST_RR(97, srl, XMAX, -1, XLEN + 1)
  TEST_RR(98, srl, 0x01234567, 0x12345678, 4)
  TEST_RR(99, sra, -1, XMIN, XLEN - 1)
  TEST_RR(100, sra, XLEN_SEL(0xc0000000, 0xc000000000000000), XMIN, XLEN + 1)
  TEST_RR(101, sra, 0x01234567, 0x12345678, 4)
  TEST_RR(102, sra, -0x1235, -0x12345678, 16)

  /* slt / sltu */
  TEST_RR(110, slt, 0, 0, 0)
  TEST_RR(111, slt, 1, -1, 0)
  TEST_RR(112, slt, 0, 0, -1)
  TEST_RR(113, slt, 1, XMIN, XMAX)
  TEST_RR(114, slt, 0, XMAX, XMIN)
  TEST_RR(115, slt, 1, -2, -1)
  TEST_RR(116, sltu, 0, 0, 0)
  TEST_RR(117, sltu, 0, -1, 0)
  TEST_RR(118, sltu, 1, 0, -1)
  TEST_RR(119, sltu, 0, XMIN, XMAX)
  TEST_RR(120, sltu, 1, XMAX, XMIN)
  TEST_RR(121, sltu, 1, -2, -1)

  /* xor / or / and */
  TEST_RR(130, xor, 0x0ff00ff0, 0xff00ff00, 0xf0f0f0f0)
  TEST_RR(131, xor, 0, -1, -1)
  TEST_RR(132, xor, -1, XMIN, XMAX)
  TEST_RR(133, or, 0xfff0fff0, 0xff00ff00, 0xf0f0f0f0)
  TEST_RR(134, or, -1, XMIN, XMAX)
  TEST_RR(135, or, 0, 0, 0)
  TEST_RR(136, and, 0xf000f000, 0xff00ff00, 0xf0f0f0f0)
  TEST_RR(137, and, 0, XMIN, XMAX)
  TEST_RR(138, and, -1, -1, -1)
  TEST_CASE(139); li a0, 0x0ff0; and a0, a0, a0; CHECK_EQ(a0, 0x0ff0)

#if __riscv_xlen == 64
  /* RV64 W forms: compute on the low 32 bits, sign-extend the result. */
  TEST_RI(150, addiw, 0, 0, 0)
  TEST_RI(151, addiw, 0xffffffff80000000, 0x7fffffff, 1)
  TEST_RI(152, addiw, 2, 0x1234567800000001, 1)
  TEST_RI(153, addiw, 0x7fffffff, 0x80000000, -1)
  TEST_RI(154, addiw, -1, 0, -1)
  TEST_RI(155, addiw, 0xffffffff80000000, 0xffffffff80000000, 0)
  TEST_RI(156, addiw, 0x12345678, 0xabcdef0112345678, 0)
  TEST_RI(160, slliw, 0xffffffff80000000, 1, 31)
  TEST_RI(161, slliw, 0x00000002, 0xffffffff00000001, 1)
  TEST_RI(162, slliw, 0xffffffff89abcdef, 0x0123456789abcdef, 0)
  TEST_RI(163, slliw, 0xfffffffff0000000, 0x000000000000000f, 28)
  TEST_RI(164, srliw, 0x40000000, 0xffffffff80000000, 1)
  TEST_RI(165, srliw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_RI(166, srliw, 1, 0xffffffff80000000, 31)
  TEST_RI(167, srliw, 0x0000000f, 0xfffffffff0000000, 28)
  TEST_RI(168, sraiw, 0xfffffffff8000000, 0x0000000080000000, 4)
  TEST_RI(169, sraiw, -1, 0x00000001ffffffff, 31)
  TEST_RI(170, sraiw, 0x07ffffff, 0xffffffff7fffffff, 4)
  TEST_RI(171, sraiw, 0xffffffff80000000, 0x0000000080000000, 0)
  TEST_RR(180, addw, 0xffffffff80000000, 0x7fffffff, 1)
  TEST_RR(181, addw, 0, 0xffffffff00000001, 0x00000000ffffffff)
  TEST_RR(182, addw, 0x7fffffff, 0x1234567880000000, -1)
  TEST_RR(183, addw, 3, 0x0000000100000001, 0x0000000200000002)
  TEST_RR(184, subw, 0xffffffff80000000, 0, 0x80000000)
  TEST_RR(185, subw, 0x7fffffff, 0x80000000, 1)
  TEST_RR(186, subw, -1, 0x0000000500000002, 0x0000000300000003)
  TEST_RR(190, sllw, 0xffffffff80000000, 1, 31)
  TEST_RR(191, sllw, 2, 1, 33)
  TEST_RR(192, sllw, 0x23456780, 0xff12345678, 4)
  TEST_RR(193, sllw, 0x12345678, 0xaaaaaaaa12345678, 32)
  TEST_RR(194, srlw, 0x7fffffff, -1, 1)
  TEST_RR(195, srlw, 0x7fffffff, -1, 33)
  TEST_RR(196, srlw, 0xffffffff80000000, 0x80000000, 0)
  TEST_RR(197, srlw, 0x01234567, 0xff12345678, 4)
  TEST_RR(198, sraw, 0xfffffffff8000000, 0x80000000, 4)
  TEST_RR(199, sraw, 0xfffffffff8000000, 0x80000000, 36)
  TEST_RR(200, sraw, 0x07ffffff, 0xff7fffffff, 4)
  TEST_RR(201, sraw, -1, 0x00000000ffffffff, 31)
  TEST_RR(202, sraw, 0xffffffff80000000, 0x80000000, 0)
  /* RV64 shifts by 32..63 */
  TEST_RI(210, slli, 0x0000000100000000, 1, 32)
  TEST_RI(211, srli, 0x00000000ffffffff, -1, 32)
  TEST_RI(212, srai, 0xffffffff80000000, 0x8000000000000000, 32)
  TEST_RR(213, sll, 0x8000000000000000, 1, 63)
  TEST_RR(214, srl, 0x0000000080000000, 0x8000000000000000, 32)
  /* lui/addi on RV64 build sign-extended 32-bit constants */
  TEST_CASE(215); lui a0, 0x80000; addiw a0, a0, -1; CHECK_EQ(a0, 0x7fffffff)
  TEST_CASE(216); lui a0, 0x7ffff; addiw a0, a0, 0x7ff; addiw a0, a0, 0x7ff
  addiw a0, a0, 2; CHECK_EQ(a0, 0xffffffff80000000)
#endif

  TEST_END
