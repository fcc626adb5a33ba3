/* Zbb (bitmanip 1.0.0), RV32 and RV64: andn/orn/xnor, clz/ctz/cpop (of 0 and
 * of all ones), max/min/maxu/minu, sext.b/sext.h/zext.h, rol/ror/rori with
 * rotate amounts 0, XLEN-1 and >= XLEN (only the low log2(XLEN) bits count),
 * orc.b, rev8; on RV64 also clzw/ctzw/cpopw, rolw/rorw/roriw (bits 31:0,
 * result sign-extended). zext.h and rev8 have different encodings on RV32
 * and RV64: each XLEN's encoding of the other is illegal, as are the Zbkb
 * pack/packw encodings that share their opcodes and reserved shamt values.
 * Expected values follow the instruction definitions of the Bit-Manipulation
 * ISA-extensions 1.0.0, chapter 2.2. */
#include "test.h"

/* rd = inst(v1) */
#define TEST_R(n, inst, result, v1) \
  TEST_CASE(n); li a1, v1; inst a0, a1; CHECK_EQ(a0, result)

  TEST_BEGIN

  /* andn / orn / xnor */
  TEST_RR(1, andn, 0x10305070, 0x12345678, 0x0f0f0f0f)
  TEST_RR(2, andn, -1, -1, 0)
  TEST_RR(3, andn, 0, -1, -1)
  TEST_RR(4, andn, 0, 0, 0)
  TEST_RR(5, andn, 0x55555555, 0x55555555, -0x55555556)
  TEST_RR(6, orn, XLEN_SEL(0xf2f4f6f8, 0xfffffffff2f4f6f8), 0x12345678, 0x0f0f0f0f)
  TEST_RR(7, orn, -1, -1, 0)
  TEST_RR(8, orn, -1, -1, -1)
  TEST_RR(9, orn, -1, 0, 0)
  TEST_RR(10, orn, 0x55555555, 0x55555555, -0x55555556)
  TEST_RR(11, xnor, XLEN_SEL(0xe2c4a688, 0xffffffffe2c4a688), 0x12345678, 0x0f0f0f0f)
  TEST_RR(12, xnor, 0, -1, 0)
  TEST_RR(13, xnor, -1, -1, -1)
  TEST_RR(14, xnor, -1, 0, 0)
  TEST_RR(15, xnor, 0, 0x55555555, -0x55555556)
  /* clz / ctz / cpop: 0 gives XLEN (cpop 0), all ones gives 0 (cpop XLEN) */
  TEST_R(20, clz, XLEN_SEL(32, 64), 0)
  TEST_R(21, clz, 0, -1)
  TEST_R(22, clz, XLEN_SEL(31, 63), 1)
  TEST_R(23, clz, XLEN_SEL(0, 32), 0x80000000)
  TEST_R(24, clz, XLEN_SEL(15, 47), 0x00010000)
  TEST_R(25, clz, XLEN_SEL(1, 33), 0x7fffffff)
  TEST_R(26, ctz, XLEN_SEL(32, 64), 0)
  TEST_R(27, ctz, 0, -1)
  TEST_R(28, ctz, 0, 1)
  TEST_R(29, ctz, 31, 0x80000000)
  TEST_R(30, ctz, 8, 0x100)
  TEST_R(31, ctz, 31, -0x80000000)
  TEST_R(32, cpop, 0, 0)
  TEST_R(33, cpop, XLEN_SEL(32, 64), -1)
  TEST_R(34, cpop, 1, 1)
  TEST_R(35, cpop, 13, 0x12345678)
  TEST_R(36, cpop, 2, 0x80000001)
  TEST_R(37, cpop, XLEN_SEL(1, 33), -0x80000000)
  /* max / min (signed), maxu / minu (unsigned) */
  TEST_RR(40, max, 1, -1, 1)
  TEST_RR(41, max, 1, 1, -1)
  TEST_RR(42, max, 5, 5, 5)
  TEST_RR(43, max, 0x7fffffff, -0x80000000, 0x7fffffff)
  TEST_RR(44, max, 0, 0, -2)
  TEST_RR(45, min, -1, -1, 1)
  TEST_RR(46, min, -1, 1, -1)
  TEST_RR(47, min, 5, 5, 5)
  TEST_RR(48, min, XLEN_SEL(0x80000000, 0xffffffff80000000), -0x80000000, 0x7fffffff)
  TEST_RR(49, min, -2, 0, -2)
  TEST_RR(50, maxu, -1, -1, 1)
  TEST_RR(51, maxu, -1, 1, -1)
  TEST_RR(52, maxu, 5, 5, 5)
  TEST_RR(53, maxu, XLEN_SEL(0x80000000, 0xffffffff80000000), -0x80000000, 0x7fffffff)
  TEST_RR(54, maxu, -2, 0, -2)
  TEST_RR(55, minu, 1, -1, 1)
  TEST_RR(56, minu, 1, 1, -1)
  TEST_RR(57, minu, 5, 5, 5)
  TEST_RR(58, minu, 0x7fffffff, -0x80000000, 0x7fffffff)
  TEST_RR(59, minu, 0, 0, -2)
  /* sext.b / sext.h / zext.h */
  TEST_R(70, sext.b, -128, 0x80)
  TEST_R(71, sext.b, 127, 0x7f)
  TEST_R(72, sext.b, -128, 0x12345680)
  TEST_R(73, sext.b, -1, 0xff)
  TEST_R(74, sext.b, 0, 0x100)
  TEST_R(75, sext.b, -1, -1)
  TEST_R(76, sext.h, XLEN_SEL(0xffff8000, 0xffffffffffff8000), 0x8000)
  TEST_R(77, sext.h, 0x7fff, 0x7fff)
  TEST_R(78, sext.h, XLEN_SEL(0xffff8000, 0xffffffffffff8000), 0x12348000)
  TEST_R(79, sext.h, -1, 0xffff)
  TEST_R(80, sext.h, 0, 0x10000)
  TEST_R(81, sext.h, -1, -1)
  TEST_R(82, zext.h, 0xffff, -1)
  TEST_R(83, zext.h, 0x5678, 0x12345678)
  TEST_R(84, zext.h, 0x8000, 0x8000)
  TEST_R(85, zext.h, 0, 0x10000)
  TEST_R(86, zext.h, 0, 0)
  TEST_R(87, zext.h, 0x8002, -0x7ffe)
  /* rol / ror: the shift amount is rs2 mod XLEN */
  TEST_RR(100, rol, 0x12345678, 0x12345678, 0)
  TEST_RR(101, rol, 0x2468acf0, 0x12345678, 1)
  TEST_RR(102, rol, XLEN_SEL(0x23456781, 0x123456780), 0x12345678, 4)
  TEST_RR(103, rol, XLEN_SEL(0x91a2b3c, 0x91a2b3c00000000), 0x12345678, 31)
  TEST_RR(104, rol, XLEN_SEL(0x12345678, 0x1234567800000000), 0x12345678, 32)
  TEST_RR(105, rol, XLEN_SEL(0x23456781, 0x2345678000000001), 0x12345678, 36)
  TEST_RR(106, rol, 0x91a2b3c, 0x12345678, -1)
  TEST_RR(107, rol, XLEN_SEL(3, 0xffffffff00000003), -0x7fffffff, 1)
  TEST_RR(108, ror, 0x12345678, 0x12345678, 0)
  TEST_RR(109, ror, 0x91a2b3c, 0x12345678, 1)
  TEST_RR(110, ror, XLEN_SEL(0x81234567, 0x8000000001234567), 0x12345678, 4)
  TEST_RR(111, ror, XLEN_SEL(0x2468acf0, 0x2468acf000000000), 0x12345678, 31)
  TEST_RR(112, ror, XLEN_SEL(0x12345678, 0x1234567800000000), 0x12345678, 32)
  TEST_RR(113, ror, XLEN_SEL(0x81234567, 0x123456780000000), 0x12345678, 36)
  TEST_RR(114, ror, 0x2468acf0, 0x12345678, -1)
  TEST_RR(115, ror, XLEN_SEL(0xc0000000, 0xffffffffc0000000), -0x7fffffff, 1)
  /* rori */
  TEST_RI(120, rori, 0x12345678, 0x12345678, 0)
  TEST_RI(121, rori, 0x91a2b3c, 0x12345678, 1)
  TEST_RI(122, rori, XLEN_SEL(0x81234567, 0x8000000001234567), 0x12345678, 4)
  TEST_RI(123, rori, XLEN_SEL(0x56781234, 0x5678000000001234), 0x12345678, 16)
  TEST_RI(124, rori, XLEN_SEL(0x2468acf0, 0x2468acf000000000), 0x12345678, 31)
  TEST_RI(125, rori, XLEN_SEL(0xc0000000, 0xffffffffc0000000), -0x7fffffff, 1)
  /* orc.b / rev8 */
  TEST_R(130, orc.b, 0, 0)
  TEST_R(131, orc.b, 0xff00ff, 0x00010080)
  TEST_R(132, orc.b, -1, -1)
  TEST_R(133, orc.b, 0xff000000, 0x01000000)
  TEST_R(134, orc.b, 0xff00ffff, 0x7f00fe01)
  TEST_R(135, rev8, XLEN_SEL(0x78563412, 0x7856341200000000), 0x12345678)
  TEST_R(136, rev8, -1, -1)
  TEST_R(137, rev8, XLEN_SEL(0x80000000, 0x8000000000000000), 0x80)
  TEST_R(138, rev8, 0, 0)
  TEST_R(139, rev8, XLEN_SEL(0x100ff00, 0x100ff0000000000), 0x00ff0001)
#if __riscv_xlen == 64
  /* RV64: full-width operands */
  TEST_RR(150, andn, 0xf0f00000f0f00000, 0xffff0000ffff0000, 0x0f0f0f0f0f0f0f0f)
  TEST_RR(151, orn, 0xffffffff00000000, 0xffff000000000000, 0x00000000ffffffff)
  TEST_RR(152, xnor, 0xe226622ee226622e, 0x123456789abcdef0, 0x0fedcba987654321)
  TEST_R(153, clz, 0, 0x8000000000000000)
  TEST_R(154, clz, 32, 0x00000000ffffffff)
  TEST_R(155, clz, 31, 0x0000000100000000)
  TEST_R(156, ctz, 63, 0x8000000000000000)
  TEST_R(157, ctz, 32, 0x0000000100000000)
  TEST_R(158, ctz, 32, 0xffffffff00000000)
  TEST_R(159, cpop, 9, 0xff00000000000001)
  TEST_R(160, cpop, 1, 0x8000000000000000)
  TEST_R(161, cpop, 32, 0x123456789abcdef0)
  /* clzw / ctzw / cpopw look at bits 31:0 only */
  TEST_R(165, clzw, 32, 0)
  TEST_R(166, clzw, 0, -1)
  TEST_R(167, clzw, 32, 0xffffffff00000000)
  TEST_R(168, clzw, 16, 0x0000000100008000)
  TEST_R(169, clzw, 31, 1)
  TEST_R(170, clzw, 0, 0x80000000)
  TEST_R(171, ctzw, 32, 0)
  TEST_R(172, ctzw, 0, -1)
  TEST_R(173, ctzw, 32, 0xffffffff00000000)
  TEST_R(174, ctzw, 31, 0x80000000)
  TEST_R(175, ctzw, 32, 0x100000000)
  TEST_R(176, ctzw, 0, 1)
  TEST_R(182, ctzw, 32, 0x8000000000000000)  /* bit 63 alone: bits 31:0 are zero */
  TEST_R(177, cpopw, 0, 0)
  TEST_R(178, cpopw, 32, -1)
  TEST_R(179, cpopw, 0, 0xffffffff00000000)
  TEST_R(180, cpopw, 19, 0x123456789abcdef0)
  TEST_R(181, cpopw, 31, 0x7fffffff)
  TEST_RR(185, max, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR(186, max, 0x80000000, 0x0000000080000000, 0xffffffff80000000)
  TEST_RR(187, min, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR(188, min, 0xffffffff80000000, 0x0000000080000000, 0xffffffff80000000)
  TEST_RR(189, maxu, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR(190, maxu, 0xffffffff80000000, 0x0000000080000000, 0xffffffff80000000)
  TEST_RR(191, minu, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
  TEST_RR(192, minu, 0x80000000, 0x0000000080000000, 0xffffffff80000000)
  TEST_R(195, sext.b, 127, 0xffffffffffffff7f)
  TEST_R(196, sext.h, 0xffffffffffff8001, 0x7fffffffffff8001)
  TEST_R(197, zext.h, 0x8765, 0xabcdef0123458765)
  /* rotates by XLEN-1, XLEN, 2*XLEN-1 */
  TEST_RR(200, rol, 0xc000000000000000, 0x8000000000000001, 63)
  TEST_RR(201, rol, 0x8000000000000001, 0x8000000000000001, 64)
  TEST_RR(202, rol, 0xc000000000000000, 0x8000000000000001, 127)
  TEST_RR(203, ror, 3, 0x8000000000000001, 63)
  TEST_RR(204, ror, 0x8000000000000001, 0x8000000000000001, 64)
  TEST_RR(205, ror, 3, 0x8000000000000001, 127)
  TEST_RI(206, rori, 3, 0x8000000000000001, 63)
  TEST_RI(207, rori, 0x180000000, 0x8000000000000001, 32)
  /* rolw / rorw / roriw: 32-bit rotate, result sign-extended */
  TEST_RR(210, rolw, 3, 0x80000001, 1)
  TEST_RR(211, rolw, 0x23456781, 0xffffffff12345678, 4)
  TEST_RR(212, rolw, 0xffffffff9abcdef0, 0x123456789abcdef0, 32)
  TEST_RR(213, rolw, 0x91a2b3c, 0x12345678, 31)
  TEST_RR(214, rolw, 0x3b2a1908, 0x0000000076543210, -1)
  TEST_RR(215, rorw, 0xffffffffc0000000, 0x80000001, 1)
  TEST_RR(216, rorw, 0xffffffff81234567, 0xffffffff12345678, 4)
  TEST_RR(217, rorw, 0xffffffff9abcdef0, 0x123456789abcdef0, 32)
  TEST_RR(218, rorw, 0x2468acf0, 0x12345678, 31)
  TEST_RR(219, rorw, 0xffffffffeca86420, 0x0000000076543210, -1)
  TEST_RI(220, roriw, 0xffffffffc0000000, 0x80000001, 1)
  TEST_RI(221, roriw, 0x12345678, 0xffffffff12345678, 0)
  TEST_RI(222, roriw, 0x3579bde1, 0x123456789abcdef0, 31)
  TEST_RI(223, roriw, 0xffffffff80000000, 1, 1)
  TEST_R(235, orc.b, 0xff000000000000ff, 0x0100000000000080)
  TEST_R(236, orc.b, 0xff000000ff0000, 0x00ff000000010000)
  TEST_R(237, orc.b, 0xff00000000000000, 0x8000000000000000)
  TEST_R(238, rev8, 0x807060504030201, 0x0102030405060708)
  TEST_R(239, rev8, 128, 0x8000000000000000)
  TEST_R(240, rev8, 255, 0xff00000000000000)
#else
  TEST_RR(150, max, 0x7fffffff, 0x80000000, 0x7fffffff)
  TEST_RR(151, min, 0x80000000, 0x80000000, 0x7fffffff)
  TEST_RR(152, maxu, 0x80000000, 0x80000000, 0x7fffffff)
  TEST_RR(153, minu, 0x7fffffff, 0x80000000, 0x7fffffff)
  TEST_RR(154, rol, 0xc0000000, 0x80000001, 63)
  TEST_RR(155, rol, 0x80000001, 0x80000001, 64)
  TEST_RR(156, ror, 3, 0x80000001, 63)
  TEST_RR(157, ror, 0x80000001, 0x80000001, 64)
  TEST_RI(158, rori, 3, 0x80000001, 31)
#endif

  /* ---- operands x0, rd = rs1 = rs2, rd = x0 ---- */
  TEST_CASE(241); clz a0, zero; CHECK_EQ(a0, XLEN); cpop a0, zero; CHECK_EQ(a0, 0)
  TEST_CASE(242); li a1, 0x1234; andn a0, a1, zero; CHECK_EQ(a0, 0x1234)
  TEST_CASE(243); orn a0, zero, zero; CHECK_EQ(a0, -1)
  TEST_CASE(244); li a0, 0x5a5a; andn a0, a0, a0; CHECK_EQ(a0, 0)
  TEST_CASE(245); li a0, 0x1234; xnor a0, a0, a0; CHECK_EQ(a0, -1)
  TEST_CASE(246); li a0, -7; max a0, a0, a0; CHECK_EQ(a0, -7)
  TEST_CASE(247); li a0, 0x81; rol a0, a0, a0; CHECK_EQ(a0, 0x102)
  TEST_CASE(248); li a1, -1; li a2, 3; rol zero, a1, a2; ctz zero, a1; mv a0, zero
  CHECK_EQ(a0, 0)

  /* ---- encodings of the other XLEN and reserved neighbours are illegal ---- */
#if __riscv_xlen == 64
  TEST_ILLEGAL32(249, 0x0805c533)   /* RV32 zext.h a0,a1 = Zbkb pack a0,a1,x0 */
  TEST_ILLEGAL32(250, 0x6985d513)   /* RV32 rev8 a0,a1 */
  TEST_ILLEGAL32(251, 0x08c5c53b)   /* Zbkb packw a0,a1,a2 */
  TEST_ILLEGAL32(252, 0x6205d51b)   /* roriw a0,a1,32 (shamt[5] set) */
#else
  TEST_ILLEGAL32(249, 0x0805c53b)   /* RV64 zext.h a0,a1 (OP-32 opcode) */
  TEST_ILLEGAL32(250, 0x6b85d513)   /* RV64 rev8 a0,a1 (shamt[5] set) */
  TEST_ILLEGAL32(251, 0x08c5c533)   /* Zbkb pack a0,a1,a2 */
  TEST_ILLEGAL32(252, 0x6205d513)   /* rori a0,a1,32 (shamt[5] set) */
#endif
  TEST_ILLEGAL32(253, 0x60359513)   /* OP-IMM funct12 0x603: no unary op */
  TEST_ILLEGAL32(254, 0x2865d513)   /* OP-IMM funct12 0x286 (orc.b is 0x287) */

  TEST_END
