/* Machine timer and software interrupts through the CLINT, wfi, and mtvec
 * vectored mode:
 *   mip.MSIP follows msip[hart], mip.MTIP follows mtime >= mtimecmp[hart];
 *   no interrupt is taken while mstatus.MIE or the mie bit is clear; setting
 *   mstatus.MIE with one pending traps before the next instruction (mepc =
 *   that instruction, mcause = interrupt bit | code, mtval = 0, MPIE = 1,
 *   MIE = 0 in the handler); MSI is taken before MTI; wfi returns once an
 *   enabled interrupt is pending, even with mstatus.MIE = 0; in vectored mode
 *   interrupt i enters at base + 4 * i and exceptions at base.
 * Written for both deterministic (instruction-count) and host time: timers
 * are armed a little ahead and waited for with wfi or bounded loops. */
#include "test.h"

/* Upper bound of the polling loops: only reached when the test fails (on
 * QEMU the host may take milliseconds to deliver a timer interrupt). */
#define SPIN 5000000

/* Wait (bounded) until the handler has recorded a trap; fails otherwise.
 * Clobbers a5. */
#define WAIT_TRAP \
  li a5, SPIN; \
8601: LOAD_SYM(t1, test_trap_frames, TF_COUNT); bnez t1, 8602f; \
  addi a5, a5, -1; bnez a5, 8601b; j test_fail; \
8602:
/* Wait (bounded) until (mip & bits) == val; fails otherwise. Clobbers a5. */
#define WAIT_MIP(bits, val) \
  li a5, SPIN; \
8603: csrr t1, mip; li t0, bits; and t1, t1, t0; li t0, val; beq t1, t0, 8604f; \
  addi a5, a5, -1; bnez a5, 8603b; j test_fail; \
8604:
/* mepc of the last trap lies in [lo, hi] or in test_timer_arm (which the
 * code between lo and hi calls). */
#define CHECK_EPC_IN(lo, hi) \
  LOAD_SYM(t1, test_trap_frames, TF_EPC); \
  la t0, test_timer_arm; bltu t1, t0, 8605f; \
  la t0, test_timer_arm_end; bltu t1, t0, 8606f; \
8605: la t0, lo; bltu t1, t0, test_fail; \
  la t0, hi; bltu t0, t1, test_fail; \
8606:

  TEST_BEGIN

  /* ---- pending bits, interrupts globally disabled ---- */
  TEST_CASE(1); csrr a0, mip; CHECK_MASKED(a0, MIP_MSIP | MIP_MTIP | MIP_MEIP, 0)
  TEST_CASE(2); MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  CLINT_HART_ADDR(a1, CLINT_MSIP, 2); lw a0, 0(a1); CHECK_EQ(a0, 1)
  MSIP_SET(0)
  WAIT_MIP(MIP_MSIP, 0)
  TEST_CASE(3); TIMER_ARM(0)                /* mtimecmp <= mtime: MTIP */
  WAIT_MIP(MIP_MTIP, MIP_MTIP)
  TIMER_DISARM
  WAIT_MIP(MIP_MTIP, 0)
  TEST_CASE(4)             /* pending and enabled in mie, but MIE = 0: no trap */
  TRAP_RESET
  li a1, MIP_MSIP; csrs mie, a1
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  li a5, 100
1: addi a5, a5, -1
  bnez a5, 1b
  CHECK_NO_TRAP

  /* ---- taking an interrupt ---- */
  TEST_CASE(5)             /* setting MIE traps before the next instruction */
  csrsi mstatus, MSTATUS_MIE
1: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MSI); CHECK_TRAP_EPC(1b)
  CHECK_TRAP_FIELD(TF_TVAL, 0)
  LOAD_SYM(a0, test_trap_frames, TF_STATUS)
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP)
  csrr a0, mip; CHECK_MASKED(a0, MIP_MSIP, 0)   /* the handler cleared msip */
  TEST_CASE(6)             /* masked in mie: no trap even with MIE = 1 */
  TRAP_RESET
  csrw mie, zero
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  csrsi mstatus, MSTATUS_MIE
  nop
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_NO_TRAP
  TEST_CASE(7)             /* enabling it in mie with MIE = 1 traps at once */
  csrsi mstatus, MSTATUS_MIE
  li a1, MIP_MSIP
  csrs mie, a1
1: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MSI); CHECK_TRAP_EPC(1b)
  csrw mie, zero

  TEST_CASE(8)             /* software interrupt raised while running */
  TRAP_RESET
  li a1, MIP_MSIP; csrs mie, a1
  csrsi mstatus, MSTATUS_MIE
2: MSIP_SET(1)
  WAIT_TRAP
3: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MSI); CHECK_EPC_IN(2b, 3b)
  csrw mie, zero

  TEST_CASE(9)             /* timer interrupt while spinning */
  TRAP_RESET
  li a1, MIP_MTIP; csrs mie, a1
  csrsi mstatus, MSTATUS_MIE
2: TIMER_ARM(100)
  WAIT_TRAP
3: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MTI); CHECK_EPC_IN(2b, 3b)
  CHECK_TRAP_FIELD(TF_TVAL, 0)
  csrr a0, mip; CHECK_MASKED(a0, MIP_MTIP, 0)   /* the handler disarmed it */
  csrw mie, zero

  /* ---- wfi ---- */
  TEST_CASE(10)            /* MIE = 0: wfi returns when MTIP is pending, no trap */
  TRAP_RESET
  li a1, MIP_MTIP; csrs mie, a1
  TIMER_ARM(100)
  li s1, SPIN
1: wfi
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  addi s1, s1, -1
  bnez s1, 1b
  FAIL
2: CHECK_NO_TRAP
  TEST_CASE(11)            /* ... and is taken as soon as MIE is set */
  csrsi mstatus, MSTATUS_MIE
1: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MTI); CHECK_TRAP_EPC(1b)
  TEST_CASE(12)            /* MIE = 1: the interrupt wakes wfi; mepc after wfi */
  TRAP_RESET
  WFI_GUARD(1f)
  li s1, 16
2: TIMER_ARM(1000)
  csrsi mstatus, MSTATUS_MIE
1: wfi
3: LOAD_SYM(t1, test_trap_frames, TF_COUNT)
  bnez t1, 4f
  addi s1, s1, -1          /* a spurious wakeup: wait again */
  bnez s1, 1b
  FAIL
4: csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_MTI); CHECK_EPC_IN(2b, 3b)
#if !QEMU_COMPAT
  CHECK_TRAP_EPC(3b)       /* deterministic time: the interrupt hit the wfi */
#endif
  csrw mie, zero
  WFI_GUARD(0)

  /* ---- priority: MSI before MTI ---- */
  TEST_CASE(20)
  TRAP_RESET
  MSIP_SET(1)
  TIMER_ARM(0)
  WAIT_MIP(MIP_MSIP | MIP_MTIP, MIP_MSIP | MIP_MTIP)
  li a1, MIP_MSIP | MIP_MTIP; csrs mie, a1
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_TRAP_COUNT(2)
  CHECK_TRAP_FIELD(TF_LOG, CAUSE_MSI)
  CHECK_TRAP_FIELD(TF_LOG + REGBYTES, CAUSE_MTI)
  csrw mie, zero

  /* ---- vectored mode ---- */
  csrr s10, mtvec
  la a1, vec_table; ori a1, a1, 1; csrw mtvec, a1
  TEST_CASE(30)            /* MSI enters at base + 12 */
  li s2, -1
  li a1, MIP_MSIP | MIP_MTIP; csrs mie, a1
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_EQ(s2, 3)
  TEST_CASE(31)            /* MTI enters at base + 28 */
  li s2, -1
  TIMER_ARM(0)
  WAIT_MIP(MIP_MTIP, MIP_MTIP)
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_EQ(s2, 7)
  TEST_CASE(32)            /* an exception enters at base */
  li s2, -1
  ecall
  CHECK_EQ(s2, 0)
  csrw mie, zero
  csrw mtvec, s10

  TEST_END

  .text
/* Vector table: entry i records i in s2 and clears the source. */
  .balign 256
vec_table:
  j vec_exception          /* 0: exceptions */
  j test_fail
  j test_fail
  j vec_msi                /* 3: machine software interrupt */
  j test_fail
  j test_fail
  j test_fail
  j vec_mti                /* 7: machine timer interrupt */
  .rept 8
  j test_fail
  .endr
vec_exception:
  li s2, 0
  csrr s3, mepc
  addi s3, s3, 4
  csrw mepc, s3
  mret
vec_msi:
  li s2, 3
  csrr s3, mcause
  li s4, CAUSE_MSI
  bne s3, s4, test_fail
  li s3, CLINT_MSIP        /* hart 0 */
  sw zero, 0(s3)
  mret
vec_mti:
  li s2, 7
  csrr s3, mcause
  li s4, CAUSE_MTI
  bne s3, s4, test_fail
  li s3, CLINT_MTIMECMP    /* hart 0 */
  li s4, -1
  sw s4, 4(s3)
  sw s4, 0(s3)
  mret
