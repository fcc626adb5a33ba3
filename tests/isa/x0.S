/* Writes to x0: every instruction class that can name x0 as rd leaves it
 * zero, while its other effects (jump, memory update, CSR write) still take
 * place. Also the compressed HINT encodings that target x0 (c.li, c.lui,
 * c.mv, c.add, c.slli, c.addi with rd = x0), which must execute as no-ops. */
#include "test.h"

/* x0 still reads as zero, both directly and through another register. */
#define X0_OK add t2, zero, zero; CHECK_EQ(t2, 0); CHECK_EQ(zero, 0); \
  addi t2, zero, 0; CHECK_EQ(t2, 0)
#define TEST_X0(n, ...) \
  TEST_CASE(n); li a1, 0x12345; li a2, 7; la a3, x0_data; __VA_ARGS__; X0_OK

  TEST_BEGIN

  TEST_X0(1, lui zero, 0x12345)
  TEST_X0(2, auipc zero, 0x1)
  TEST_X0(3, addi zero, a1, 1)
  TEST_X0(4, slti zero, a1, 0x7ff)
  TEST_X0(5, sltiu zero, a1, -1)
  TEST_X0(6, xori zero, a1, -1)
  TEST_X0(7, ori zero, a1, 1)
  TEST_X0(8, andi zero, a1, -1)
  TEST_X0(9, slli zero, a1, 3)
  TEST_X0(10, srli zero, a1, 1)
  TEST_X0(11, srai zero, a1, 1)
  TEST_X0(12, add zero, a1, a2)
  TEST_X0(13, sub zero, a1, a2)
  TEST_X0(14, sll zero, a1, a2)
  TEST_X0(15, slt zero, a2, a1)
  TEST_X0(16, sltu zero, a2, a1)
  TEST_X0(17, xor zero, a1, a2)
  TEST_X0(18, srl zero, a1, a2)
  TEST_X0(19, sra zero, a1, a2)
  TEST_X0(20, or zero, a1, a2)
  TEST_X0(21, and zero, a1, a2)
  TEST_X0(22, lb zero, 0(a3))
  TEST_X0(23, lbu zero, 0(a3))
  TEST_X0(24, lh zero, 0(a3))
  TEST_X0(25, lhu zero, 0(a3))
  TEST_X0(26, lw zero, 0(a3))
  TEST_X0(27, mul zero, a1, a2)
  TEST_X0(28, mulh zero, a1, a2)
  TEST_X0(29, mulhsu zero, a1, a2)
  TEST_X0(30, mulhu zero, a1, a2)
  TEST_X0(31, div zero, a1, a2)
  TEST_X0(32, divu zero, a1, a2)
  TEST_X0(33, rem zero, a1, a2)
  TEST_X0(34, remu zero, a1, a2)
  TEST_X0(35, div zero, a1, zero)
  TEST_X0(36, csrrs zero, mscratch, zero)
  TEST_X0(37, csrrsi zero, mscratch, 0)
#if __riscv_xlen == 64
  TEST_X0(40, addiw zero, a1, 1)
  TEST_X0(41, slliw zero, a1, 1)
  TEST_X0(42, srliw zero, a1, 1)
  TEST_X0(43, sraiw zero, a1, 1)
  TEST_X0(44, addw zero, a1, a2)
  TEST_X0(45, subw zero, a1, a2)
  TEST_X0(46, sllw zero, a1, a2)
  TEST_X0(47, srlw zero, a1, a2)
  TEST_X0(48, sraw zero, a1, a2)
  TEST_X0(49, mulw zero, a1, a2)
  TEST_X0(50, divw zero, a1, a2)
  TEST_X0(51, divuw zero, a1, a2)
  TEST_X0(52, remw zero, a1, a2)
  TEST_X0(53, remuw zero, a1, a2)
  TEST_X0(54, lwu zero, 0(a3))
  TEST_X0(55, ld zero, 0(a3))
#endif

  /* jal / jalr with rd = x0 still jump */
  TEST_CASE(60); li a0, 0
  jal zero, 1f
  li a0, 1
1: CHECK_EQ(a0, 0); X0_OK
  TEST_CASE(61); li a0, 0; la a1, 1f
  jalr zero, 0(a1)
  li a0, 1
1: CHECK_EQ(a0, 0); X0_OK

  /* AMO, LR and SC with rd = x0 still access memory */
  TEST_CASE(62); la a3, x0_data; li a2, 5; sw zero, 8(a3); addi a4, a3, 8
  amoadd.w zero, a2, (a4)
  X0_OK
  lw a0, 8(a3); CHECK_EQ(a0, 5)
  TEST_CASE(63)
  lr.w zero, (a4)
  sc.w zero, a2, (a4)
  X0_OK
  lw a0, 8(a3); CHECK_EQ(a0, 5)
  TEST_CASE(64); li a2, 3
  amoswap.w zero, a2, (a4)
  X0_OK
  lw a0, 8(a3); CHECK_EQ(a0, 3)
#if __riscv_xlen == 64
  TEST_CASE(65); sd zero, 16(a3); addi a4, a3, 16; li a2, 0x100000000
  amoor.d zero, a2, (a4)
  lr.d zero, (a4)
  X0_OK
  ld a0, 16(a3); CHECK_EQ(a0, 0x100000000)
#endif

  /* CSR instructions with rd = x0 still write the CSR */
  TEST_CASE(66); li a1, 0x1230
  csrrw zero, mepc, a1
  X0_OK
  csrr a0, mepc; CHECK_EQ(a0, 0x1230)
  TEST_CASE(67)
  csrrwi zero, mepc, 0x1c
  X0_OK
  csrr a0, mepc; CHECK_EQ(a0, 0x1c)
  TEST_CASE(68); li a1, 0x300
  csrrs zero, mepc, a1
  csrrsi zero, mepc, 0x2
  csrrci zero, mepc, 0x4
  X0_OK
  csrr a0, mepc; CHECK_EQ(a0, 0x31a)
  TEST_CASE(69); li a1, 0x10
  csrrc zero, mepc, a1
  X0_OK
  csrr a0, mepc; CHECK_EQ(a0, 0x30a)

  /* compressed HINTs with rd = x0: no effect */
  TEST_CASE(70); li a0, 5
  .2byte 0x4015           /* c.li x0, 5 */
  .2byte 0x6005           /* c.lui x0, 1 */
  .2byte 0x802a           /* c.mv x0, a0 */
  .2byte 0x902a           /* c.add x0, a0 */
  .2byte 0x0006           /* c.slli x0, 1 */
  .2byte 0x0005           /* c.addi x0, 1 (c.nop HINT) */
  X0_OK
  CHECK_EQ(a0, 5)

  TEST_END

  .data
  .balign 16
x0_data:
  .dword 0xfedcba9876543210
  .dword 0
  .dword 0
