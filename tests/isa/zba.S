/* Zba (bitmanip 1.0.0, chapter 2.1), RV32 and RV64: sh1add/sh2add/sh3add
 * wrapping at XLEN bits; on RV64 also add.uw, sh1add.uw/sh2add.uw/sh3add.uw
 * and slli.uw (shamt 0..63), whose rs1 bits 63:32 are ignored (tested with
 * them set), and the zext.w alias (add.uw rd, rs, x0). RV32 has no .uw
 * forms: their encodings are illegal there. */
#include "test.h"

/* rd = inst(v1) */
#define TEST_R(n, inst, result, v1) \
  TEST_CASE(n); li a1, v1; inst a0, a1; CHECK_EQ(a0, result)

  TEST_BEGIN

  /* sh1add / sh2add / sh3add: (rs1 << n) + rs2, wrapping at XLEN bits */
  TEST_RR(1, sh1add, 4, 1, 2)
  TEST_RR(2, sh1add, -2, -1, 0)
  TEST_RR(3, sh1add, 0x80000000, 0x40000000, 0)
  TEST_RR(4, sh1add, XLEN_SEL(6, 0x100000006), 0x7fffffff, 8)
  TEST_RR(5, sh1add, 0x12345678, 0x12345678, -0x12345678)
  TEST_RR(6, sh1add, -1, 0, -1)
  TEST_RR(7, sh2add, 6, 1, 2)
  TEST_RR(8, sh2add, -4, -1, 0)
  TEST_RR(9, sh2add, XLEN_SEL(0, 0x100000000), 0x40000000, 0)
  TEST_RR(10, sh2add, XLEN_SEL(4, 0x200000004), 0x7fffffff, 8)
  TEST_RR(11, sh2add, 0x369d0368, 0x12345678, -0x12345678)
  TEST_RR(12, sh2add, -1, 0, -1)
  TEST_RR(13, sh3add, 10, 1, 2)
  TEST_RR(14, sh3add, -8, -1, 0)
  TEST_RR(15, sh3add, XLEN_SEL(0, 0x200000000), 0x40000000, 0)
  TEST_RR(16, sh3add, XLEN_SEL(0, 0x400000000), 0x7fffffff, 8)
  TEST_RR(17, sh3add, 0x7f6e5d48, 0x12345678, -0x12345678)
  TEST_RR(18, sh3add, -1, 0, -1)
#if __riscv_xlen == 64
  /* add.uw / shNadd.uw: rs1 bits 63:32 are ignored (upper bits set) */
  TEST_RR(30, add.uw, 0x80000001, 0xffffffff80000000, 1)
  TEST_RR(31, add.uw, 0xfffffffe, -1, -1)
  TEST_RR(32, add.uw, 0x9abcdef0, 0x123456789abcdef0, 0)
  TEST_RR(33, add.uw, 0x1000000000000000, 0, 0x1000000000000000)
  TEST_RR(34, add.uw, 0x80000000fffffffe, 0x00000000ffffffff, 0x7fffffffffffffff)
  TEST_RR(35, sh1add.uw, 0x100000001, 0xffffffff80000000, 1)
  TEST_RR(36, sh1add.uw, 0x1fffffffd, -1, -1)
  TEST_RR(37, sh1add.uw, 0x13579bde0, 0x123456789abcdef0, 0)
  TEST_RR(38, sh1add.uw, 0x1000000000000000, 0, 0x1000000000000000)
  TEST_RR(39, sh1add.uw, 0x80000001fffffffd, 0x00000000ffffffff, 0x7fffffffffffffff)
  TEST_RR(40, sh2add.uw, 0x200000001, 0xffffffff80000000, 1)
  TEST_RR(41, sh2add.uw, 0x3fffffffb, -1, -1)
  TEST_RR(42, sh2add.uw, 0x26af37bc0, 0x123456789abcdef0, 0)
  TEST_RR(43, sh2add.uw, 0x1000000000000000, 0, 0x1000000000000000)
  TEST_RR(44, sh2add.uw, 0x80000003fffffffb, 0x00000000ffffffff, 0x7fffffffffffffff)
  TEST_RR(45, sh3add.uw, 0x400000001, 0xffffffff80000000, 1)
  TEST_RR(46, sh3add.uw, 0x7fffffff7, -1, -1)
  TEST_RR(47, sh3add.uw, 0x4d5e6f780, 0x123456789abcdef0, 0)
  TEST_RR(48, sh3add.uw, 0x1000000000000000, 0, 0x1000000000000000)
  TEST_RR(49, sh3add.uw, 0x80000007fffffff7, 0x00000000ffffffff, 0x7fffffffffffffff)
  /* slli.uw: zext32(rs1) << shamt, shamt 0..63 */
  TEST_RI(60, slli.uw, 0xffffffff, -1, 0)
  TEST_RI(61, slli.uw, 0x1fffffffe, -1, 1)
  TEST_RI(62, slli.uw, 0x7fffffff80000000, -1, 31)
  TEST_RI(63, slli.uw, 0xffffffff00000000, -1, 32)
  TEST_RI(64, slli.uw, 0x8000000000000000, -1, 63)
  TEST_RI(65, slli.uw, 0x800000010, 0xffffffff80000001, 4)
  TEST_RI(66, slli.uw, 0x9abcdef000000000, 0x123456789abcdef0, 32)
  TEST_RI(67, slli.uw, 0x8000000000000000, 0xfffffffe00000001, 63)
  TEST_R(70, zext.w, 0xffffffff, -1)
  TEST_R(71, zext.w, 0x9abcdef0, 0x123456789abcdef0)
  TEST_R(72, zext.w, 0x7fffffff, 0x7fffffff)
  TEST_RR(80, sh1add, 0x1000000000000002, 0x8000000000000001, 0x1000000000000000)
  TEST_RR(81, sh2add, 0x1000000000000004, 0x8000000000000001, 0x1000000000000000)
  TEST_RR(82, sh3add, 0x1000000000000008, 0x8000000000000001, 0x1000000000000000)

  /* ---- operands x0, rd = rs1 = rs2 ---- */
  TEST_CASE(90); li a0, 3; sh3add.uw a0, a0, a0; CHECK_EQ(a0, 27)
  TEST_CASE(91); li a1, -1; add.uw a0, a1, zero; CHECK_EQ(a0, 0xffffffff)
  TEST_CASE(92); li a2, 5; add.uw a0, zero, a2; CHECK_EQ(a0, 5)
  TEST_CASE(93); li a1, -1; slli.uw zero, a1, 3; mv a0, zero; CHECK_EQ(a0, 0)
#else
  /* ---- the .uw forms exist on RV64 only ---- */
  TEST_ILLEGAL32(30, 0x08c5853b)    /* add.uw a0,a1,a2 */
  TEST_ILLEGAL32(31, 0x20c5a53b)    /* sh1add.uw a0,a1,a2 */
  TEST_ILLEGAL32(32, 0x20c5c53b)    /* sh2add.uw a0,a1,a2 */
  TEST_ILLEGAL32(33, 0x20c5e53b)    /* sh3add.uw a0,a1,a2 */
  TEST_ILLEGAL32(34, 0x0845951b)    /* slli.uw a0,a1,4 */
#endif
  TEST_CASE(95); li a0, 3; sh2add a0, a0, a0; CHECK_EQ(a0, 15)
  TEST_CASE(96); li a2, 7; sh1add a0, zero, a2; CHECK_EQ(a0, 7)
  TEST_CASE(97); li a1, 7; sh3add a0, a1, zero; CHECK_EQ(a0, 56)

  TEST_END
