/* Misaligned data accesses. Built twice:
 *   MISALIGNED_EMULATE=0 (rvtlm-iss --misaligned trap): every misaligned
 *     load raises a load address-misaligned exception (mcause 4) and every
 *     misaligned store a store/AMO address-misaligned exception (mcause 6),
 *     with mtval = the effective address, mepc = the instruction, rd not
 *     written and memory unchanged.
 *   MISALIGNED_EMULATE=1 (--misaligned emulate): the same accesses complete
 *     with the little-endian result, also across a 4 KiB page boundary.
 * In both modes LR raises mcause 4 and SC and AMOs raise mcause 6 on a
 * misaligned address, with nothing written (LR 200.., AMOs 230.., SC 250..).
 * Loads are checked against the same bytes read with lbu; stores by reading
 * the bytes back with lbu (the neighbours hold 0xee). */
#include "test.h"

#ifndef MISALIGNED_EMULATE
#error "build with -DMISALIGNED_EMULATE=0 or 1"
#endif

#define SENTINEL 0x5e5e

/* a1 = mis_buf + off */
#define BASE(off) la a1, mis_buf; li t0, off; add a1, a1, t0

#if MISALIGNED_EMULATE
/* Case n: `inst a0, imm(a1)` at mis_buf + off + imm; size bytes; sign = 1
 * for a sign-extending load. */
#define TEST_MLOAD(n, inst, off, imm, size, sign) \
  TEST_CASE(n); BASE(off); addi a4, a1, imm; li a6, size; li a7, sign; \
  call bytes_value; li a0, SENTINEL; \
  inst a0, imm(a1); \
  CHECK_EQR(a0, a5)
#define TEST_MSTORE(n, inst, off, imm, size, value) \
  TEST_CASE(n); BASE(off); addi a4, a1, imm; call fill_ee; li a2, value; \
  inst a2, imm(a1); \
  mv a5, a2; li a6, size; call check_stored
#else
#define TEST_MLOAD(n, inst, off, imm, size, sign) \
  TEST_CASE(n); BASE(off); addi a4, a1, imm; li a0, SENTINEL; TRAP_EXPECT; \
8701: inst a0, imm(a1); \
  CHECK_TRAP_R(CAUSE_MISALIGNED_LOAD, 8701b, a4); CHECK_EQ(a0, SENTINEL)
#define TEST_MSTORE(n, inst, off, imm, size, value) \
  TEST_CASE(n); BASE(off); addi a4, a1, imm; call fill_ee; li a2, value; \
  TRAP_EXPECT; \
8702: inst a2, imm(a1); \
  CHECK_TRAP_R(CAUSE_MISALIGNED_STORE, 8702b, a4); \
  mv a5, a2; li a6, size; call check_stored
#endif

/* Case n: an LR/SC/AMO on the misaligned address a4 = mis_buf + off traps
 * with `cause`; rd keeps its value and the word there is unchanged. */
#define TEST_MATOMIC(n, cause, off, ...) \
  TEST_CASE(n); BASE(off); mv a4, a1; call fill_ee; li a0, SENTINEL; \
  li a2, 0x01010101; TRAP_EXPECT; \
8703: __VA_ARGS__; \
  CHECK_TRAP_R(cause, 8703b, a4); CHECK_EQ(a0, SENTINEL); \
  li a6, 8; call check_untouched

#define PAGE 4096

  TEST_BEGIN

  /* loads: every misalignment of every size */
  TEST_MLOAD(1, lh, 1, 0, 2, 1)
  TEST_MLOAD(2, lh, 0, 3, 2, 1)
  TEST_MLOAD(3, lhu, 1, 0, 2, 0)
  TEST_MLOAD(4, lhu, 5, 0, 2, 0)
  TEST_MLOAD(5, lw, 1, 0, 4, 1)
  TEST_MLOAD(6, lw, 2, 0, 4, 1)
  TEST_MLOAD(7, lw, 3, 0, 4, 1)
  TEST_MLOAD(8, lw, 8, -1, 4, 1)
  TEST_MLOAD(9, lw, 0, 6, 4, 1)
  /* across the page boundary */
  TEST_MLOAD(10, lh, PAGE - 1, 0, 2, 1)
  TEST_MLOAD(11, lhu, PAGE - 1, 0, 2, 0)
  TEST_MLOAD(12, lw, PAGE - 1, 0, 4, 1)
  TEST_MLOAD(13, lw, PAGE - 3, 0, 4, 1)
  TEST_MLOAD(14, lw, PAGE, -2, 4, 1)
#if __riscv_xlen == 64
  TEST_MLOAD(20, lwu, 1, 0, 4, 0)
  TEST_MLOAD(21, lwu, PAGE - 2, 0, 4, 0)
  TEST_MLOAD(22, ld, 1, 0, 8, 0)
  TEST_MLOAD(23, ld, 2, 0, 8, 0)
  TEST_MLOAD(24, ld, 3, 0, 8, 0)
  TEST_MLOAD(25, ld, 4, 0, 8, 0)
  TEST_MLOAD(26, ld, 5, 0, 8, 0)
  TEST_MLOAD(27, ld, 6, 0, 8, 0)
  TEST_MLOAD(28, ld, 7, 0, 8, 0)
  TEST_MLOAD(29, ld, PAGE - 1, 0, 8, 0)
  TEST_MLOAD(30, ld, PAGE - 4, 0, 8, 0)
  TEST_MLOAD(31, ld, PAGE, -7, 8, 0)
#endif

  /* stores */
  TEST_MSTORE(40, sh, 1, 0, 2, 0x1234)
  TEST_MSTORE(41, sh, 0, 3, 2, 0xabcd)
  TEST_MSTORE(42, sw, 1, 0, 4, 0x11223344)
  TEST_MSTORE(43, sw, 2, 0, 4, 0x55667788)
  TEST_MSTORE(44, sw, 8, -5, 4, 0x99aabbcc)
  TEST_MSTORE(45, sh, PAGE - 1, 0, 2, 0x7788)
  TEST_MSTORE(46, sw, PAGE - 1, 0, 4, 0xdeadbeef)
  TEST_MSTORE(47, sw, PAGE - 2, 0, 4, 0x01234567)
  TEST_MSTORE(48, sw, PAGE, -3, 4, 0x89abcdef)
#if __riscv_xlen == 64
  TEST_MSTORE(50, sd, 1, 0, 8, 0x0102030405060708)
  TEST_MSTORE(51, sd, 2, 0, 8, 0x1112131415161718)
  TEST_MSTORE(52, sd, 3, 0, 8, 0x2122232425262728)
  TEST_MSTORE(53, sd, 4, 0, 8, 0x3132333435363738)
  TEST_MSTORE(54, sd, 5, 0, 8, 0x4142434445464748)
  TEST_MSTORE(55, sd, 6, 0, 8, 0x5152535455565758)
  TEST_MSTORE(56, sd, 7, 0, 8, 0x6162636465666768)
  TEST_MSTORE(57, sd, PAGE - 5, 0, 8, 0xf1f2f3f4f5f6f7f8)
  TEST_MSTORE(58, sd, PAGE, -1, 8, 0x8182838485868788)
#endif

  /* compressed loads and stores */
  RVC_BEGIN
  TEST_MLOAD(60, c.lw, 2, 0, 4, 1)
  TEST_MLOAD(61, c.lw, PAGE - 1, 4, 4, 1)
  TEST_MSTORE(62, c.sw, 1, 0, 4, 0x13579bdf)
  TEST_MSTORE(63, c.sw, PAGE - 2, 0, 4, 0x2468ace0)
#if __riscv_xlen == 64
  TEST_MLOAD(64, c.ld, 4, 0, 8, 0)
  TEST_MLOAD(65, c.ld, PAGE - 3, 8, 8, 0)
  TEST_MSTORE(66, c.sd, 2, 0, 8, 0x0f1e2d3c4b5a6978)
  TEST_MSTORE(67, c.sd, PAGE - 6, 0, 8, 0x8796a5b4c3d2e1f0)
#endif
  RVC_END
  /* sp-based: sp itself is misaligned */
#define SPBASE(off) la sp, mis_buf; li t0, off; add sp, sp, t0
  TEST_CASE(70); SPBASE(1)
#if MISALIGNED_EMULATE
  addi a4, sp, 4; li a6, 4; li a7, 1; call bytes_value
  RVC_BEGIN; c.lwsp a0, 4(sp); RVC_END
  CHECK_EQR(a0, a5)
#else
  addi a4, sp, 4; li a0, SENTINEL; TRAP_EXPECT
  RVC_BEGIN
1: c.lwsp a0, 4(sp)
  RVC_END
  CHECK_TRAP_R(CAUSE_MISALIGNED_LOAD, 1b, a4); CHECK_EQ(a0, SENTINEL)
#endif
  TEST_CASE(71); SPBASE(PAGE - 6); addi a4, sp, 4; call fill_ee; li a2, 0x0badf00d
#if !MISALIGNED_EMULATE
  TRAP_EXPECT
#endif
  RVC_BEGIN
1: c.swsp a2, 4(sp)
  RVC_END
#if !MISALIGNED_EMULATE
  CHECK_TRAP_R(CAUSE_MISALIGNED_STORE, 1b, a4)
#endif
  mv a5, a2; li a6, 4; call check_stored
#if __riscv_xlen == 64
  TEST_CASE(72); SPBASE(PAGE - 12)
#if MISALIGNED_EMULATE
  addi a4, sp, 8; li a6, 8; li a7, 0; call bytes_value
  RVC_BEGIN; c.ldsp a0, 8(sp); RVC_END
  CHECK_EQR(a0, a5)
#else
  addi a4, sp, 8; li a0, SENTINEL; TRAP_EXPECT
  RVC_BEGIN
1: c.ldsp a0, 8(sp)
  RVC_END
  CHECK_TRAP_R(CAUSE_MISALIGNED_LOAD, 1b, a4); CHECK_EQ(a0, SENTINEL)
#endif
  TEST_CASE(73); SPBASE(3); addi a4, sp, 16; call fill_ee; li a2, 0x1122334455667788
#if !MISALIGNED_EMULATE
  TRAP_EXPECT
#endif
  RVC_BEGIN
1: c.sdsp a2, 16(sp)
  RVC_END
#if !MISALIGNED_EMULATE
  CHECK_TRAP_R(CAUSE_MISALIGNED_STORE, 1b, a4)
#endif
  mv a5, a2; li a6, 8; call check_stored
#endif

  /* a load into x0 is still performed: it traps in trap mode */
  TEST_CASE(80); BASE(1)
#if !MISALIGNED_EMULATE
  TRAP_EXPECT
#endif
1: lw zero, 0(a1)
#if !MISALIGNED_EMULATE
  CHECK_TRAP_R(CAUSE_MISALIGNED_LOAD, 1b, a1)
#endif
  CHECK_EQ(zero, 0)

  /* LR and AMOs on misaligned addresses trap in both modes (QEMU 7.2
   * performs misaligned AMOs instead) */
  TEST_MATOMIC(200, CAUSE_MISALIGNED_LOAD, 2, lr.w a0, (a1))
  TEST_MATOMIC(201, CAUSE_MISALIGNED_LOAD, 1, lr.w.aq a0, (a1))
#if __riscv_xlen == 64
  TEST_MATOMIC(220, CAUSE_MISALIGNED_LOAD, 4, lr.d a0, (a1))
#endif
#if !QEMU_COMPAT
  TEST_MATOMIC(230, CAUSE_MISALIGNED_STORE, 1, amoadd.w a0, a2, (a1))
  TEST_MATOMIC(231, CAUSE_MISALIGNED_STORE, 2, amoswap.w.aqrl a0, a2, (a1))
  TEST_MATOMIC(232, CAUSE_MISALIGNED_STORE, 3, amomaxu.w a0, a2, (a1))
  TEST_MATOMIC(233, CAUSE_MISALIGNED_STORE, 2, amoor.w zero, a2, (a1))
  TEST_MATOMIC(234, CAUSE_MISALIGNED_STORE, PAGE - 2, amoxor.w a0, a2, (a1))
  TEST_MATOMIC(235, CAUSE_MISALIGNED_STORE, 1, amoand.w a0, a2, (a1))
  TEST_MATOMIC(236, CAUSE_MISALIGNED_STORE, 1, amomin.w a0, a2, (a1))
  TEST_MATOMIC(237, CAUSE_MISALIGNED_STORE, 1, amomax.w a0, a2, (a1))
  TEST_MATOMIC(238, CAUSE_MISALIGNED_STORE, 1, amominu.w a0, a2, (a1))
#if __riscv_xlen == 64
  TEST_MATOMIC(240, CAUSE_MISALIGNED_STORE, 4, amoadd.d a0, a2, (a1))
  TEST_MATOMIC(241, CAUSE_MISALIGNED_STORE, 1, amoswap.d.aq a0, a2, (a1))
  TEST_MATOMIC(242, CAUSE_MISALIGNED_STORE, PAGE - 4, amomin.d a0, a2, (a1))
#endif

  /* SC on a misaligned address traps as well, with or without a
   * reservation (QEMU instead fails the SC when it holds no reservation on
   * that address) */
  TEST_MATOMIC(250, CAUSE_MISALIGNED_STORE, 2, sc.w a0, a2, (a1))
  TEST_CASE(251); la a3, mis_buf
  lr.w a5, (a3)
  TEST_MATOMIC(252, CAUSE_MISALIGNED_STORE, 1, sc.w.rl a0, a2, (a1))
#if __riscv_xlen == 64
  TEST_MATOMIC(253, CAUSE_MISALIGNED_STORE, 4, sc.d a0, a2, (a1))
#endif
#endif /* !QEMU_COMPAT */

  TEST_END

  .text
/* a5 = the size (a6) bytes at a4, little-endian, zero-extended, or
 * sign-extended when a7 != 0. Clobbers t2-t4. */
bytes_value:
  li a5, 0
  add t2, a4, a6
1: addi t2, t2, -1
  lbu t3, 0(t2)
  slli a5, a5, 8
  or a5, a5, t3
  bne t2, a4, 1b
  beqz a7, 2f
  slli t3, a6, 3
  li t4, XLEN
  sub t3, t4, t3
  sll a5, a5, t3
  sra a5, a5, t3
2: ret

/* bytes a4 - 8 .. a4 + 15 = 0xee. Clobbers t2-t4. */
fill_ee:
  addi t2, a4, -8
  addi t3, a4, 16
  li t4, 0xee
1: sb t4, 0(t2)
  addi t2, t2, 1
  bne t2, t3, 1b
  ret

/* After a store of a6 bytes of a5 to a4: in emulate mode those bytes hold
 * a5 (little-endian), in trap mode 0xee; the neighbours always hold 0xee.
 * Fails the current case otherwise. Clobbers t2-t6, a5. */
check_stored:
#if !MISALIGNED_EMULATE
check_untouched:
#endif
  addi t2, a4, -8
  addi t6, a4, 16
  add t5, a4, a6
  li t4, 0xee
1: lbu t3, 0(t2)
  bltu t2, a4, 2f
  bgeu t2, t5, 2f
#if MISALIGNED_EMULATE
  andi t4, a5, 0xff
  srli a5, a5, 8
#endif
2: bne t3, t4, test_fail
  li t4, 0xee
  addi t2, t2, 1
  bne t2, t6, 1b
  ret

#if MISALIGNED_EMULATE
/* bytes a4 - 8 .. a4 + 15 all hold 0xee. Clobbers t2-t4. */
check_untouched:
  addi t2, a4, -8
  addi t3, a4, 16
  li t4, 0xee
1: lbu t5, 0(t2)
  bne t5, t4, test_fail
  addi t2, t2, 1
  bne t2, t3, 1b
  ret
#endif

  .data
  .balign PAGE
mis_guard:
  .skip PAGE
/* Two pages; the accesses near offset 0 and around the page boundary see
 * bytes with the top bit set, so that sign extension shows. */
mis_buf:
  .byte 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88
  .byte 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90
  .byte 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18
  .skip PAGE - 24 - 16
  .byte 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8
  .byte 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0xb0
  .byte 0xc1, 0x42, 0xc3, 0x44, 0xc5, 0x46, 0xc7, 0x48
  .byte 0xc9, 0x4a, 0xcb, 0x4c, 0xcd, 0x4e, 0xcf, 0xd0
  .skip PAGE - 16
