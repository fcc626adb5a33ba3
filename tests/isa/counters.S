/* Exact instruction counting (rvtlm: mcycle counts like minstret, one per
 * retired instruction). A CSR read returns the count before the reading
 * instruction retires, so two reads k instructions apart differ by k + 1;
 * a write replaces the increment of the writing instruction; ecall, ebreak
 * and illegal instructions do not retire; mcountinhibit.IR / .CY freeze
 * minstret / mcycle; the user aliases instret/cycle read the same counters.
 * QEMU counts exactly only with -icount (see run-on-qemu.sh). */
#include "test.h"

#define NOPS(k) .rept k; nop; .endr

  TEST_BEGIN

  TEST_CASE(1)             /* k = 0 and k = 5, minstret */
  csrr a0, minstret
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 1)
  csrr a0, minstret
  NOPS(5)
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 6)
  TEST_CASE(2)             /* the same for mcycle */
  csrr a0, mcycle
  NOPS(7)
  csrr a1, mcycle
  sub a2, a1, a0; CHECK_EQ(a2, 8)
  TEST_CASE(3)             /* other instruction kinds retire one each */
  la a3, cnt_data
  csrr a0, minstret
  lw a4, 0(a3)
  sw a4, 4(a3)
  mul a4, a4, a4
  beqz zero, 1f
  nop
1: jal a5, 2f
2: amoadd.w a4, a4, (a3)
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 7)
  TEST_CASE(4)             /* user aliases */
  csrr a0, minstret
  csrr a1, instret
  sub a2, a1, a0; CHECK_EQ(a2, 1)
  csrr a0, mcycle
  csrr a1, cycle
  sub a2, a1, a0; CHECK_EQ(a2, 1)
#if __riscv_xlen == 32
  csrr a0, minstreth
  csrr a1, instreth
  CHECK_EQR(a0, a1)
  csrr a0, mcycleh
  csrr a1, cycleh
  CHECK_EQR(a0, a1)
#endif

  /* ---- writes (QEMU 7.2 also counts the writing instruction) ---- */
#if !QEMU_COMPAT
  TEST_CASE(10)
  li a1, 1000
  csrw minstret, a1
  NOPS(3)
  csrr a0, minstret
  CHECK_EQ(a0, 1003)
  TEST_CASE(11)
  csrw minstret, a1
  csrr a0, minstret
  CHECK_EQ(a0, 1000)
  TEST_CASE(12)
  li a1, 5000
  csrw mcycle, a1
  NOPS(4)
  csrr a0, mcycle
  CHECK_EQ(a0, 5004)
  TEST_CASE(13)            /* csrrw returns the old count and writes */
  li a1, 77
  csrw minstret, a1
  nop
  csrrw a0, minstret, a1
  csrr a2, minstret
  CHECK_EQ(a0, 78); CHECK_EQ(a2, 77)
#if __riscv_xlen == 32
  TEST_CASE(14)            /* carry into minstreth / mcycleh */
  li a1, 5
  csrw minstreth, a1
  li a1, 0xfffffffd
  csrw minstret, a1
  NOPS(5)
  csrr a0, minstret
  csrr a2, minstreth
  CHECK_EQ(a0, 2); CHECK_EQ(a2, 6)
  TEST_CASE(15)
  li a1, 9
  csrw mcycleh, a1
  li a1, 0xffffffff
  csrw mcycle, a1
  nop
  csrr a0, mcycle
  csrr a2, mcycleh
  CHECK_EQ(a0, 0); CHECK_EQ(a2, 10)
  TEST_CASE(16)            /* the high halves are writable on their own */
  li a1, 3
  csrw minstreth, a1
  csrr a0, minstreth
  csrw mcycleh, a1
  csrr a2, mcycleh
  CHECK_EQ(a0, 3); CHECK_EQ(a2, 3)
#else
  TEST_CASE(14)            /* all 64 bits */
  li a1, 0x00000001fffffffd
  csrw minstret, a1
  NOPS(5)
  csrr a0, minstret
  CHECK_EQ(a0, 0x0000000200000002)
  TEST_CASE(15)
  li a1, -2
  csrw mcycle, a1
  NOPS(3)
  csrr a0, mcycle
  CHECK_EQ(a0, 1)
#endif
#endif

  /* ---- mcountinhibit ---- */
  TEST_CASE(20)            /* IR freezes minstret, mcycle goes on */
  li a1, 4
  csrw CSR_MCOUNTINHIBIT, a1
  csrr a0, minstret
  csrr a3, mcycle
  NOPS(4)
  csrr a1, minstret
  csrr a4, mcycle
  csrw CSR_MCOUNTINHIBIT, zero
  CHECK_EQR(a0, a1)
  sub a2, a4, a3; CHECK_EQ(a2, 6)
#if !QEMU_COMPAT            /* QEMU 7.2 does not freeze mcycle */
  TEST_CASE(21)            /* CY freezes mcycle, minstret goes on */
  li a1, 1
  csrw CSR_MCOUNTINHIBIT, a1
  csrr a0, mcycle
  csrr a3, minstret
  NOPS(4)
  csrr a1, mcycle
  csrr a4, minstret
  csrw CSR_MCOUNTINHIBIT, zero
  CHECK_EQR(a0, a1)
  sub a2, a4, a3; CHECK_EQ(a2, 6)
#endif
  TEST_CASE(22)            /* counting resumes */
  csrr a0, minstret
  nop
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 2)

  /* ---- traps: the trapping instruction does not retire (privileged spec
   * 3.3.1; QEMU 7.2 counts it) ---- */
#if !QEMU_COMPAT
  csrr s10, mtvec
  la a1, count_handler
  csrw mtvec, a1
  TEST_CASE(30)            /* 1 (csrr) + 0 (ecall) + 4 (handler, with mret) */
  csrr a0, minstret
  ecall
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 5)
  TEST_CASE(31)
  csrr a0, minstret
  ebreak
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 5)
  TEST_CASE(32)
  csrr a0, minstret
  .4byte 0x0000000b        /* illegal */
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 5)
  TEST_CASE(33)            /* an illegal CSR write changes nothing */
  li a1, 12345
  csrr a0, minstret
  csrw mhartid, a1
  csrr a1, minstret
  sub a2, a1, a0; CHECK_EQ(a2, 5)
  csrw mtvec, s10
#endif

  /* ---- wfi retires ---- */
  TEST_CASE(40)            /* a pending, enabled (mie) interrupt: wfi returns */
  MSIP_SET(1)
  li a1, MIP_MSIP
  csrs mie, a1
  li a5, 1000000
1: csrr a0, mip
  andi a0, a0, MIP_MSIP
  bnez a0, 2f
  addi a5, a5, -1
  bnez a5, 1b
  FAIL
2: csrr a0, minstret
  wfi
  csrr a1, minstret
#if !QEMU_COMPAT            /* QEMU 7.2 counts 3 */
  sub a2, a1, a0; CHECK_EQ(a2, 2)
#endif
  csrw mie, zero
  MSIP_SET(0)

  TEST_END

  .text
/* Exactly 4 instructions: resume after the 4-byte trapping instruction. */
  .balign 4
count_handler:
  csrr t2, mepc
  addi t2, t2, 4
  csrw mepc, t2
  mret

  .data
  .balign 16
cnt_data:
  .word 3, 0
