/* C extension: every compressed instruction of RV32C/RV64C without F/D,
 * written with its explicit c.* mnemonic: immediates at their extremes
 * (sign extension, scaled offsets), links of c.jal/c.jalr = pc + 2,
 * branches taken and not taken, and mixing 2- and 4-byte instructions at
 * 2-byte aligned addresses. RV32 only: c.jal. RV64 only: c.addiw, c.addw,
 * c.subw, c.ld, c.sd, c.ldsp, c.sdsp. */
#include "test.h"

  TEST_BEGIN
  RVC_BEGIN

  /* c.li / c.lui / c.addi / c.nop */
  TEST_CASE(1); c.li a0, -32; CHECK_EQ(a0, -32)
  TEST_CASE(2); c.li t2, 31; CHECK_EQ(t2, 31)
  TEST_CASE(3); c.lui a0, 0xfffff; CHECK_EQ(a0, -4096)
  TEST_CASE(4); c.lui s1, 0x1f; CHECK_EQ(s1, 0x1f000)
  TEST_CASE(5); c.lui a5, 0xfffe0; CHECK_EQ(a5, -0x20000)
  TEST_CASE(6); c.lui t3, 1; CHECK_EQ(t3, 0x1000)
  TEST_CASE(7); li a0, 100; c.addi a0, -32; CHECK_EQ(a0, 68)
  TEST_CASE(8); li a0, 100; c.addi a0, 31; CHECK_EQ(a0, 131)
  TEST_CASE(9); li t4, -1; c.addi t4, 1; CHECK_EQ(t4, 0)
  TEST_CASE(10); li a0, 5; c.nop; CHECK_EQ(a0, 5)

  /* c.addi16sp / c.addi4spn (sp is a scratch pointer here) */
  TEST_CASE(11); la sp, c_stack_mid; mv a1, sp
  c.addi16sp sp, -512
  sub a2, a1, sp; CHECK_EQ(a2, 512)
  c.addi16sp sp, 496
  sub a2, a1, sp; CHECK_EQ(a2, 16)
  c.addi16sp sp, 16
  CHECK_EQR(sp, a1)
  TEST_CASE(12); la sp, c_stack_mid
  c.addi4spn a0, sp, 1020
  sub a2, a0, sp; CHECK_EQ(a2, 1020)
  c.addi4spn s0, sp, 4
  sub a2, s0, sp; CHECK_EQ(a2, 4)

  /* shifts and c.andi */
  TEST_CASE(13); li a0, 1; c.slli a0, 31; CHECK_EQ(a0, XLEN_SEL(0x80000000, 0x80000000))
  TEST_CASE(14); li t5, 3; c.slli t5, 1; CHECK_EQ(t5, 6)
  TEST_CASE(15); li a0, -1; c.srli a0, 1; CHECK_EQ(a0, XLEN_SEL(0x7fffffff, 0x7fffffffffffffff))
  TEST_CASE(16); li s1, -64; c.srai s1, 3; CHECK_EQ(s1, -8)
  TEST_CASE(17); li a3, 0x12345678; c.srai a3, 31; CHECK_EQ(a3, 0)
  TEST_CASE(18); li a4, 0x12345678; c.andi a4, -32; CHECK_EQ(a4, 0x12345660)
  TEST_CASE(19); li a4, 0x12345678; c.andi a4, 31; CHECK_EQ(a4, 0x18)
  TEST_CASE(20); li a4, -1; c.andi a4, 0; CHECK_EQ(a4, 0)
#if __riscv_xlen == 64
  TEST_CASE(21); li a0, 1; c.slli a0, 63; CHECK_EQ(a0, 0x8000000000000000)
  TEST_CASE(22); li a0, 0x8000000000000000; c.srli a0, 63; CHECK_EQ(a0, 1)
  TEST_CASE(23); li a0, 0x8000000000000000; c.srai a0, 32; CHECK_EQ(a0, 0xffffffff80000000)
#else
  TEST_CASE(21); li a0, 0x80000000; c.srli a0, 31; CHECK_EQ(a0, 1)
  TEST_CASE(22); li a0, 0x80000000; c.srai a0, 16; CHECK_EQ(a0, 0xffff8000)
#endif

  /* register-register */
  TEST_CASE(30); li a1, 42; li t6, 0; c.mv t6, a1; CHECK_EQ(t6, 42)
  TEST_CASE(31); li a0, 40; li t2, 2; c.add a0, t2; CHECK_EQ(a0, 42)
  TEST_CASE(32); li a0, -1; c.add a0, a0; CHECK_EQ(a0, -2)
  TEST_CASE(33); li s0, 10; li a5, 15; c.sub s0, a5; CHECK_EQ(s0, -5)
  TEST_CASE(34); li a0, 0xff00; li a1, 0x0ff0; c.xor a0, a1; CHECK_EQ(a0, 0xf0f0)
  TEST_CASE(35); li a0, 0xff00; li a1, 0x0ff0; c.or a0, a1; CHECK_EQ(a0, 0xfff0)
  TEST_CASE(36); li a0, 0xff00; li a1, 0x0ff0; c.and a0, a1; CHECK_EQ(a0, 0x0f00)
#if __riscv_xlen == 64
  TEST_CASE(37); li a0, 0x7fffffff; c.addiw a0, 1; CHECK_EQ(a0, 0xffffffff80000000)
  TEST_CASE(38); li a0, 0x1234567880000000; c.addiw a0, 0; CHECK_EQ(a0, 0xffffffff80000000)
  TEST_CASE(39); li t2, 5; c.addiw t2, -6; CHECK_EQ(t2, -1)
  TEST_CASE(40); li a0, 0x7fffffff; li a1, 0x100000001; c.addw a0, a1; CHECK_EQ(a0, 0xffffffff80000000)
  TEST_CASE(41); li a0, 0x100000000; li a1, 1; c.subw a0, a1; CHECK_EQ(a0, -1)
  TEST_CASE(42); li a0, 0x80000000; li a1, 1; c.subw a0, a1; CHECK_EQ(a0, 0x7fffffff)
#endif

  /* loads and stores, register based: scaled 5-bit offsets */
  TEST_CASE(50); la a1, c_data
  c.lw a0, 0(a1); CHECK_EQ(a0, XLEN_SEL(0x80000001, 0xffffffff80000001))
  c.lw a2, 124(a1); CHECK_EQ(a2, 0x7c7c7c7c)
  TEST_CASE(51); la s1, c_buf; li a3, 0x11223344
  c.sw a3, 124(s1)
  c.sw a3, 0(s1)
  lw a4, 124(s1); CHECK_EQ(a4, 0x11223344)
  lw a4, 0(s1); CHECK_EQ(a4, 0x11223344)
  lw a4, 4(s1); CHECK_EQ(a4, 0)
#if __riscv_xlen == 64
  TEST_CASE(52); la a1, c_data
  c.ld a0, 0(a1); CHECK_EQ(a0, 0x7fffffff80000001)
  c.ld a2, 248(a1); CHECK_EQ(a2, 0xfcfcfcfcf8f8f8f8)
  TEST_CASE(53); la s1, c_buf; li a3, 0x0102030405060708
  c.sd a3, 248(s1)
  c.sd a3, 8(s1)
  ld a4, 248(s1); CHECK_EQ(a4, 0x0102030405060708)
  ld a4, 8(s1); CHECK_EQ(a4, 0x0102030405060708)
  lw a4, 16(s1); CHECK_EQ(a4, 0)
#endif

  /* loads and stores, sp based: scaled 6-bit offsets, any rd */
  TEST_CASE(60); la sp, c_data
  c.lwsp t3, 0(sp); CHECK_EQ(t3, XLEN_SEL(0x80000001, 0xffffffff80000001))
  c.lwsp ra, 124(sp); CHECK_EQ(ra, 0x7c7c7c7c)
  c.lwsp a0, 252(sp); CHECK_EQ(a0, XLEN_SEL(0xfcfcfcfc, 0xfffffffffcfcfcfc))
  TEST_CASE(61); la sp, c_buf; li t6, 0x55667788
  c.swsp t6, 252(sp)
  c.swsp t6, 4(sp)
  lw a4, 252(sp); CHECK_EQ(a4, 0x55667788)
  lw a4, 4(sp); CHECK_EQ(a4, 0x55667788)
#if __riscv_xlen == 64
  TEST_CASE(62); la sp, c_data
  c.ldsp t4, 504(sp); CHECK_EQ(t4, 0x1f81f81f81f81f8)
  c.ldsp s2, 8(sp); CHECK_EQ(s2, 0x0807060504030201)
  TEST_CASE(63); la sp, c_buf; li t6, 0xaabbccddeeff0011
  c.sdsp t6, 504(sp)
  c.sdsp t6, 16(sp)
  ld a4, 504(sp); CHECK_EQ(a4, 0xaabbccddeeff0011)
  ld a4, 16(sp); CHECK_EQ(a4, 0xaabbccddeeff0011)
#endif

  /* jumps */
  TEST_CASE(70); li a0, 0
  c.j 2f
1: li a0, 1
  c.j 3f
2: c.j 1b
3: CHECK_EQ(a0, 1)
  TEST_CASE(71)
  la a1, 2f
  c.jr a1
  FAIL
2: TEST_CASE(72)
  la a1, 2f
1: c.jalr a1
  FAIL
2: la a2, 1b
  addi a2, a2, 2
  CHECK_EQR(ra, a2)
#if __riscv_xlen == 32
  TEST_CASE(73)
1: c.jal 2f
  FAIL
2: la a2, 1b
  addi a2, a2, 2
  CHECK_EQR(ra, a2)
#endif
  TEST_CASE(74)            /* c.jalr with rs1 == ra: the old value is the target */
  la ra, 2f
1: c.jalr ra
  FAIL
2: la a2, 1b
  addi a2, a2, 2
  CHECK_EQR(ra, a2)

  /* branches */
  TEST_CASE(80); li s0, 0; li a0, 0
  c.beqz s0, 1f
  li a0, 1
1: CHECK_EQ(a0, 0)
  TEST_CASE(81); li s0, 5; li a0, 0
  c.beqz s0, 1f
  li a0, 1
1: CHECK_EQ(a0, 1)
  TEST_CASE(82); li a5, -1; li a0, 0
  c.bnez a5, 1f
  li a0, 1
1: CHECK_EQ(a0, 0)
  TEST_CASE(83); li a5, 0; li a0, 0
  c.bnez a5, 1f
  li a0, 1
1: CHECK_EQ(a0, 1)
  TEST_CASE(84); li a4, 10; li a0, 0   /* backward c.bnez loop */
1: c.addi a0, 3
  c.addi a4, -1
  c.bnez a4, 1b
  CHECK_EQ(a0, 30)
  TEST_CASE(85); li a3, 0; j 2f          /* backward c.beqz */
1: li a0, 7
  j 3f
2: c.beqz a3, 1b
  FAIL
3: CHECK_EQ(a0, 7)

  /* c.ebreak: breakpoint exception, mepc at the 2-byte instruction */
  TEST_CASE(90); TRAP_EXPECT
1: c.ebreak
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_BREAKPOINT); CHECK_TRAP_EPC(1b)

  RVC_END
  TEST_END

  .data
  .balign 16
c_data:
  .word 0x80000001, 0x7fffffff, 0x04030201, 0x08070605
  .skip 124 - 16
  .word 0x7c7c7c7c
  .skip 248 - 128
  .word 0xf8f8f8f8, 0xfcfcfcfc
  .skip 504 - 256
  .dword 0x01f81f81f81f81f8
  .balign 16
c_buf:
  .skip 512
  .balign 16
  .skip 1024
c_stack_mid:
  .skip 1024
