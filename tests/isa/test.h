/* Shared harness of the self-checking ISA tests (tests/isa/*.S).
 *
 * Conventions:
 *   gp (x3)   number of the current test case; on failure the run ends with
 *             exit status gp (1..254; 255 when no case was started).
 *   t0, t1    clobbered by every macro below; test code keeps its values in
 *             a0-a7, s0-s11, t2-t6.
 *   Every hart gets a trap frame (pointed to by mscratch) in which the trap
 *   handler records the last trap; only hart 0 runs checks.
 *
 * Exceptions are expected with TRAP_EXPECT (or the TEST_EXC helper): the
 * handler records mcause/mepc/mtval/mstatus and resumes after the faulting
 * instruction (2 or 4 bytes, read from mepc) or at TF_RESUME when that is set.
 * An exception that was not expected ends the run as a failure of the
 * current case. Machine timer and software interrupts are recorded, their
 * source is cleared (mtimecmp = -1, msip = 0) and the handler returns.
 *
 * A test file defines TEST_SECONDARY before including this header when harts
 * other than 0 should run `test_secondary` instead of parking in wfi.
 */
#ifndef RVTLM_ISA_TEST_H
#define RVTLM_ISA_TEST_H

/* The harness keeps the test number in gp: linker relaxation must never turn
 * an address computation into a gp-relative one. */
  .option norelax
/* Base-ISA tests check the 32-bit encodings; compressed code is opted in
 * explicitly with RVC_BEGIN / RVC_END. */
  .option norvc

#if __riscv_xlen == 64
#define LREG ld
#define SREG sd
#define REGBYTES 8
#define LOG_REGBYTES 3
#define XLEN_SEL(v32, v64) v64
#else
#define LREG lw
#define SREG sw
#define REGBYTES 4
#define LOG_REGBYTES 2
#define XLEN_SEL(v32, v64) v32
#endif
#define XLEN __riscv_xlen

/* Checks where QEMU 7.2 (the cross-check peer, see run-on-qemu.sh) differs
 * from the specification or from rvtlm sit inside `#if !QEMU_COMPAT`; a
 * build with -DQEMU_COMPAT=1 leaves them out to validate the rest on QEMU.
 * The CMake build never sets it. */
#ifndef QEMU_COMPAT
#define QEMU_COMPAT 0
#endif

#define RVC_BEGIN .option push; .option rvc
#define RVC_END .option pop

/* Platform (QEMU virt memory map). */
#define FINISHER_BASE 0x100000
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333
#define CLINT_MSIP 0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME 0x200bff8

/* CSR numbers the assembler may not know by name (privileged spec 1.12). */
#define CSR_MSTATUSH 0x310
#define CSR_MENVCFG 0x30a
#define CSR_MENVCFGH 0x31a
#define CSR_MCOUNTINHIBIT 0x320
#define CSR_MCONFIGPTR 0xf15

/* mstatus / mie / mip / mcause fields. */
#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP 0x1800
#define MIP_MSIP 0x8
#define MIP_MTIP 0x80
#define MIP_MEIP 0x800
#define MISA_BIT(letter) (1 << ((letter) - 'A'))
#define MCAUSE_IRQ (1 << (XLEN - 1))
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_ECALL_M 11
#define CAUSE_MSI (MCAUSE_IRQ | 3)
#define CAUSE_MTI (MCAUSE_IRQ | 7)

/* Trap frame: one per hart, FRAME_BYTES apart, mscratch points to it. */
#define TF(i) ((i) * REGBYTES)
#define TF_COUNT TF(4)   /* traps taken since the last TRAP_EXPECT/TRAP_RESET */
#define TF_EXPECT TF(5)  /* non-zero: one exception is expected */
#define TF_CAUSE TF(6)   /* mcause of the last trap */
#define TF_EPC TF(7)     /* mepc of the last trap (before any adjustment) */
#define TF_TVAL TF(8)    /* mtval of the last trap */
#define TF_STATUS TF(9)  /* mstatus seen by the handler */
#define TF_RESUME TF(10) /* non-zero: resume address for the next exception */
#define TF_WFI TF(11)    /* address of a wfi that an interrupt taken right
                            before it skips (see WFI_GUARD) */
#define TF_LOG TF(16)    /* mcause of traps 1..8 since the last reset */
#define FRAME_SHIFT 8
#define FRAME_BYTES (1 << FRAME_SHIFT)
#define MAX_HARTS 4

/* ------------------------------------------------------------------ */
/* Test cases and checks (each clobbers t0, t1). */

#define TEST_CASE(n) li gp, n

/* Continue when reg == val, otherwise fail the current case. */
#define CHECK_EQ(reg, val) \
  li t0, val; beq reg, t0, 8801f; j test_fail; 8801:
#define CHECK_EQR(r1, r2) \
  beq r1, r2, 8802f; j test_fail; 8802:
#define CHECK_NE(reg, val) \
  li t0, val; bne reg, t0, 8803f; j test_fail; 8803:
/* Continue when (reg & mask) == val. */
#define CHECK_MASKED(reg, mask, val) \
  li t0, mask; and t0, reg, t0; li t1, val; beq t0, t1, 8804f; j test_fail; 8804:
/* Fail unconditionally (for paths that must not be reached). */
#define FAIL j test_fail

/* rd = inst(v1, v2) */
#define TEST_RR(n, inst, result, v1, v2) \
  TEST_CASE(n); li a1, v1; li a2, v2; inst a0, a1, a2; CHECK_EQ(a0, result)
/* rd = inst(v1, imm) */
#define TEST_RI(n, inst, result, v1, imm) \
  TEST_CASE(n); li a1, v1; inst a0, a1, imm; CHECK_EQ(a0, result)

/* Load the XLEN-bit word at sym + off into reg. */
#define LOAD_SYM(reg, sym, off) la reg, sym; LREG reg, off(reg)

/* Arm the handler for exactly one exception. */
#define TRAP_EXPECT \
  la t0, test_trap_frames; li t1, 1; SREG t1, TF_EXPECT(t0); \
  SREG zero, TF_COUNT(t0); SREG zero, TF_RESUME(t0)
/* Forget recorded traps (for interrupt tests, which need no expectation). */
#define TRAP_RESET \
  la t0, test_trap_frames; SREG zero, TF_COUNT(t0); SREG zero, TF_EXPECT(t0); \
  SREG zero, TF_CAUSE(t0); SREG zero, TF_EPC(t0)
/* An interrupt taken with mepc = label (a wfi) resumes after it: with host
 * time (QEMU) the interrupt the wfi waits for may arrive just before it. */
#define WFI_GUARD(label) \
  la t0, test_trap_frames; la t1, label; SREG t1, TF_WFI(t0)
/* Resume the next expected exception at label instead of the next insn. */
#define TRAP_RESUME_AT(label) \
  la t0, test_trap_frames; la t1, label; SREG t1, TF_RESUME(t0)

#define CHECK_TRAP_COUNT(n) \
  LOAD_SYM(t1, test_trap_frames, TF_COUNT); CHECK_EQ(t1, n)
#define CHECK_TRAP_FIELD(field, val) \
  LOAD_SYM(t1, test_trap_frames, field); CHECK_EQ(t1, val)
#define CHECK_TRAP_FIELD_R(field, reg) \
  LOAD_SYM(t1, test_trap_frames, field); CHECK_EQR(t1, reg)
#define CHECK_TRAP_EPC(label) \
  LOAD_SYM(t1, test_trap_frames, TF_EPC); la t0, label; CHECK_EQR(t0, t1)
/* Exactly one trap was taken, with this cause, at label, with this mtval. */
#define CHECK_TRAP(cause, label, tval) \
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, cause); \
  CHECK_TRAP_EPC(label); CHECK_TRAP_FIELD(TF_TVAL, tval)
#define CHECK_TRAP_R(cause, label, tvalreg) \
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, cause); \
  CHECK_TRAP_EPC(label); CHECK_TRAP_FIELD_R(TF_TVAL, tvalreg)
#define CHECK_NO_TRAP CHECK_TRAP_COUNT(0)

/* Case n: the instruction(s) must raise `cause` with mtval = tval, mepc at
 * the first instruction. */
#define TEST_EXC(n, cause, tval, ...) \
  TEST_CASE(n); TRAP_EXPECT; 8810: __VA_ARGS__; CHECK_TRAP(cause, 8810b, tval)
/* Same with the expected mtval in a register (not t0/t1). */
#define TEST_EXC_R(n, cause, tvalreg, ...) \
  TEST_CASE(n); TRAP_EXPECT; 8811: __VA_ARGS__; CHECK_TRAP_R(cause, 8811b, tvalreg)
/* Case n: a 16- or 32-bit illegal instruction given as raw bits; mtval must
 * be those bits. */
#define TEST_ILLEGAL16(n, bits) \
  TEST_EXC(n, CAUSE_ILLEGAL, bits, .2byte bits)
#define TEST_ILLEGAL32(n, bits) \
  TEST_EXC(n, CAUSE_ILLEGAL, bits, .4byte bits)

/* Branch to label when the hart implements privilege mode S or U (misa). */
#define IF_HAS_EXT(letter, label) \
  csrr t0, misa; li t1, MISA_BIT(letter); and t0, t0, t1; bnez t0, label

/* CLINT helpers (clobber t0, t1; the hart id is read from mhartid). */
#define CLINT_HART_ADDR(reg, base, shift) \
  csrr reg, mhartid; slli reg, reg, shift; li t1, base; add reg, reg, t1
/* mtimecmp[hart] = -1 (high word first so that it never lies in the past) */
#define TIMER_DISARM \
  CLINT_HART_ADDR(t0, CLINT_MTIMECMP, 3); li t1, -1; sw t1, 4(t0); sw t1, 0(t0)
/* mtimecmp[hart] = mtime + delta (ticks); clobbers t0-t2, a6, a7 and ra. */
#define TIMER_ARM(delta) \
  li a7, delta; call test_timer_arm
#define MSIP_SET(v) \
  CLINT_HART_ADDR(t0, CLINT_MSIP, 2); li t1, v; sw t1, 0(t0)

/* ------------------------------------------------------------------ */
/* Start-up, trap handler, pass / fail. */

#ifdef TEST_SECONDARY
#define TEST_SECONDARY_TARGET test_secondary
#else
#define TEST_SECONDARY_TARGET test_park
#endif

#define TEST_BEGIN \
  .section .text.init, "ax", @progbits; \
  .globl _start; \
_start: \
  la t0, test_trap_entry; csrw mtvec, t0; \
  csrr t1, mhartid; la t0, test_trap_frames; slli t2, t1, FRAME_SHIFT; \
  add t0, t0, t2; csrw mscratch, t0; \
  csrw mie, zero; li t0, MSTATUS_MIE; csrc mstatus, t0; \
  li t0, MSTATUS_MPP; csrs mstatus, t0; \
  la sp, test_stack_top; slli t2, t1, 10; sub sp, sp, t2; \
  li gp, 0; \
  MSIP_SET(0); TIMER_DISARM; \
  csrr t1, mhartid; beqz t1, 8820f; j TEST_SECONDARY_TARGET; \
8820:

/* Ends the test: pass when reached; also emits the shared code and data. */
#define TEST_END \
  j test_pass; \
  TEST_SUPPORT_CODE; \
  TEST_SUPPORT_DATA

#define TEST_SUPPORT_CODE \
  .text; \
  .globl test_pass; \
test_pass: \
  li t0, FINISHER_BASE; li t1, FINISHER_PASS; sw t1, 0(t0); \
8830: j 8830b; \
  .globl test_fail; \
test_fail: \
  andi t1, gp, 0xff; bnez t1, 8831f; li t1, 255; \
8831: slli t1, t1, 16; li t0, FINISHER_FAIL; or t1, t1, t0; \
  li t0, FINISHER_BASE; sw t1, 0(t0); \
8832: j 8832b; \
test_park: \
  wfi; j test_park; \
  TEST_TIMER_ARM; \
  TEST_TRAP_HANDLER

/* mtimecmp = mtime + a7, mtime read as two words so that it works on rv32
 * (mtimecmp high word first set to -1 so that it never lies in the past). */
#define TEST_TIMER_ARM \
test_timer_arm: \
  li t2, CLINT_MTIME; \
8840: lw t1, 4(t2); lw t0, 0(t2); lw a6, 4(t2); bne t1, a6, 8840b; \
  add a7, t0, a7; sltu t0, a7, t0; add t1, t1, t0; \
  csrr t2, mhartid; slli t2, t2, 3; li t0, CLINT_MTIMECMP; add t2, t2, t0; \
  li t0, -1; sw t0, 4(t2); sw a7, 0(t2); sw t1, 4(t2); \
  jr ra; \
test_timer_arm_end:

#define TEST_TRAP_HANDLER \
  .balign 4; \
  .globl test_trap_entry; \
test_trap_entry: \
  csrrw t0, mscratch, t0; \
  SREG t1, TF(1)(t0); SREG t2, TF(2)(t0); SREG t3, TF(3)(t0); \
  csrr t1, mscratch; SREG t1, TF(0)(t0); csrw mscratch, t0; \
  csrr t3, mcause; \
  LREG t1, TF_COUNT(t0); andi t2, t1, 7; slli t2, t2, LOG_REGBYTES; \
  add t2, t2, t0; SREG t3, TF_LOG(t2); addi t1, t1, 1; SREG t1, TF_COUNT(t0); \
  SREG t3, TF_CAUSE(t0); \
  csrr t1, mepc; SREG t1, TF_EPC(t0); \
  csrr t1, mtval; SREG t1, TF_TVAL(t0); \
  csrr t1, mstatus; SREG t1, TF_STATUS(t0); \
  bltz t3, 8853f; \
  LREG t1, TF_EXPECT(t0); beqz t1, test_fail; \
  SREG zero, TF_EXPECT(t0); \
  LREG t1, TF_RESUME(t0); SREG zero, TF_RESUME(t0); bnez t1, 8852f; \
  csrr t1, mepc; lhu t2, 0(t1); andi t2, t2, 3; addi t1, t1, 2; \
  li t3, 3; bne t2, t3, 8852f; addi t1, t1, 2; \
8852: csrw mepc, t1; j 8859f; \
8853: slli t3, t3, 1; srli t3, t3, 1; \
  li t1, 7; beq t3, t1, 8854f; \
  li t1, 3; beq t3, t1, 8855f; \
  j test_fail; \
8854: csrr t2, mhartid; slli t2, t2, 3; li t1, CLINT_MTIMECMP; add t2, t2, t1; \
  li t1, -1; sw t1, 4(t2); sw t1, 0(t2); j 8856f; \
8855: csrr t2, mhartid; slli t2, t2, 2; li t1, CLINT_MSIP; add t2, t2, t1; \
  sw zero, 0(t2); \
8856: LREG t1, TF_WFI(t0); csrr t2, mepc; bne t1, t2, 8859f; \
  addi t2, t2, 4; csrw mepc, t2; \
8859: LREG t3, TF(3)(t0); LREG t2, TF(2)(t0); LREG t1, TF(1)(t0); \
  LREG t0, TF(0)(t0); \
  mret

#define TEST_SUPPORT_DATA \
  .data; \
  .balign FRAME_BYTES; \
  .globl test_trap_frames; \
test_trap_frames: \
  .skip FRAME_BYTES * MAX_HARTS; \
  .balign 16; \
test_stack: \
  .skip 1024 * MAX_HARTS; \
test_stack_top:

#endif
