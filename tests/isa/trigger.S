/* Sdtrig (RISC-V Debug Specification 1.0, chapter 5) address-match triggers
 * used natively (action 0 = breakpoint exception), built twice: with
 * TRIGGER_TYPE 2 (mcontrol) and 6 (mcontrol6); both types share the fields
 * action, chain, match, m, s, u, execute, store and load.
 *   Discovery: tselect/tinfo/tdata1 by the enumeration of 5.1, tselect
 *   WARL (an index beyond the last trigger reads back a valid index), tinfo
 *   (types 2 and 6, perhaps 15; version 1), tdata1 after reset (type 2,
 *   disabled).
 *   WARL fields: dmode only writable in Debug Mode, action 1 (enter Debug
 *   Mode) illegal with dmode 0, writing 0 disables, unsupported types,
 *   S/U bits present, writes to one trigger leave the others alone.
 *   Firing: execute (before the instruction: mepc = mtval = its address, it
 *   does not execute), load and store address (before the access: rd and
 *   memory unchanged, mtval = the address), AMOs and lr, compressed
 *   instructions, 2-byte aligned 4-byte instructions; match types equal,
 *   napot, >= and <, a >= / < chain when chaining is implemented; priority
 *   over illegal instruction, ecall, misaligned and access-fault exceptions
 *   (5.3); the m/s/u enable bits in M-, S- and U-mode; the trigger CSRs are
 *   inaccessible below M-mode.
 *   Reentrancy (5.4 "Native Triggers"): the hart implements one of the two
 *   solutions: (1) no action-0 trigger matches in M-mode while mstatus.MIE
 *   = 0 (in S-mode while sstatus.SIE = 0 when medeleg[3] = 1), or (2)
 *   tcontrol.mte/mpte with medeleg[3] read-only 0. The test reads tcontrol
 *   to know which one and enables M-mode triggers accordingly (MIE = 1, and
 *   mte = 1 with tcontrol); a trigger on the first instruction of the trap
 *   handler, or on data the handler loads, must not fire there.
 * The hit bits are optional and not checked. */
#include "test.h"

#ifndef TRIGGER_TYPE
#define TRIGGER_TYPE 2
#endif

/* Number of triggers of the hart under test (rvtlm: 4; QEMU 7.2: 2). */
#if QEMU_COMPAT
#define NTRIG 2
#else
#define NTRIG 4
#endif

#define CSR_TSELECT 0x7a0
#define CSR_TDATA1 0x7a1
#define CSR_TDATA2 0x7a2
#define CSR_TDATA3 0x7a3
#define CSR_TINFO 0x7a4
#define CSR_TCONTROL 0x7a5
#define TCONTROL_MTE 0x8
/* tinfo.info: types 2 and 6 (15, "disabled", may be listed as well) */
#define TINFO_TYPES 0x7fff
#define TCONTROL_MPTE 0x80

/* tdata1 fields (mcontrol and mcontrol6 alike unless noted). */
#define TD1_TYPE_SHIFT (XLEN - 4)
#define TD1_TYPE(t) ((t) << TD1_TYPE_SHIFT)
#define TD1_DMODE (1 << (XLEN - 5))
#define MC_LOAD 0x1
#define MC_STORE 0x2
#define MC_EXEC 0x4
#define MC_U 0x8
#define MC_S 0x10
#define MC_M 0x40
#define MC_NAPOT (1 << 7)
#define MC_GE (2 << 7)
#define MC_LT (3 << 7)
#define MC_MATCH_MASK (0xf << 7)
#define MC_CHAIN (1 << 11)
#define MC_ACTION(a) ((a) << 12)
#define MC_ACTION_MASK (0xf << 12)
#define MC2_MASKMAX_SHIFT (XLEN - 11)     /* mcontrol only */
#define MC2_MASKMAX_MASK (0x3f << MC2_MASKMAX_SHIFT)
#define MC6_VU (1 << 23)                  /* mcontrol6 only */
#define MC6_VS (1 << 24)
#define MC6_ZERO_20_19 (3 << 19)

#define TD1(bits) (TD1_TYPE(TRIGGER_TYPE) | (bits))

/* Fields that read back as written in every tdata1 value the test writes
 * (everything but the preset maskmax of mcontrol). */
#if TRIGGER_TYPE == 2
#define TD1_RW_MASK (-1 & ~MC2_MASKMAX_MASK)
#else
#define TD1_RW_MASK (-1)
#endif

/* Writing 0 to tdata1 disables the trigger (5.7). QEMU 7.2 ignores that
 * write; there the type without enable bits disables it. */
#if QEMU_COMPAT
#define TD1_OFF TD1_TYPE(TRIGGER_TYPE)
#else
#define TD1_OFF 0
#endif

/* Select trigger i. */
#define TSEL(i) li t0, i; csrw CSR_TSELECT, t0
#define TOFF li t0, TD1_OFF; csrw CSR_TDATA1, t0
/* Program the selected trigger by the sequence of 5.7: tdata1 = 0,
 * tdata2 = the compare value (a register), tdata1 = the configuration. */
#define TSET(cfg, reg) \
  TOFF; csrw CSR_TDATA2, reg; li t0, TD1(cfg); csrw CSR_TDATA1, t0
/* Disable every trigger, leave trigger 0 selected. */
#define TALL_OFF \
  li t1, NTRIG - 1; \
8701: csrw CSR_TSELECT, t1; TOFF; addi t1, t1, -1; bgez t1, 8701b; \
  csrw CSR_TSELECT, zero
/* reg = tdata1 with the fields that do not read back as written cleared. */
#define READ_TD1(reg) csrr reg, CSR_TDATA1; li t0, TD1_RW_MASK; and reg, reg, t0

/* Action-0 triggers may fire in M-mode (s11 = 1 when tcontrol exists). */
#define M_TRIGGERS_ON \
  csrsi mstatus, MSTATUS_MIE; beqz s11, 8702f; csrsi CSR_TCONTROL, TCONTROL_MTE; 8702:
#define M_TRIGGERS_OFF \
  csrci mstatus, MSTATUS_MIE; beqz s11, 8703f; csrci CSR_TCONTROL, TCONTROL_MTE; 8703:

/* Exactly one breakpoint exception at label with mtval = reg. QEMU 7.2
 * writes mtval = 0 for trigger breakpoints; the spec (mcontrol/mcontrol6)
 * wants the address that matched, which rvtlm writes. */
#if QEMU_COMPAT
#define CHECK_BKPT(label, reg) \
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_BREAKPOINT); CHECK_TRAP_EPC(label)
#else
#define CHECK_BKPT(label, reg) CHECK_TRAP_R(CAUSE_BREAKPOINT, label, reg)
#endif
/* No trap was taken; forget the expectation armed for it. */
#define CHECK_NONE \
  CHECK_NO_TRAP; la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)

/* Continue at label in U-mode (0) or S-mode (1); an ecall there comes back
 * to M-mode after the ecall (mode_trap). */
#define GOTO_MODE(mode, label) \
  li t0, MSTATUS_MPP; csrc mstatus, t0; li t0, (mode) << 11; csrs mstatus, t0; \
  la t0, label; csrw mepc, t0; mret

#define SENTINEL 0x5ca1ab1e
#define UNMAPPED 0x2800010
#define CSRR_A0_TSELECT 0x7a002573

  TEST_BEGIN
  la s0, tdat
  li s11, 0

  /* ---- discovery ---- */
  TEST_CASE(1); csrw CSR_TSELECT, zero; csrr a0, CSR_TSELECT; CHECK_EQ(a0, 0)
  TEST_CASE(2); csrr a0, CSR_TINFO; CHECK_MASKED(a0, TINFO_TYPES, 0x44)
#if !QEMU_COMPAT
  CHECK_MASKED(a0, 0xff000000, 0x01000000)   /* version 1 (QEMU 7.2: 0) */
#endif
  TEST_CASE(3)             /* the enumeration of 5.1 finds NTRIG triggers */
  li a1, 0
1: csrw CSR_TSELECT, a1
  csrr a2, CSR_TSELECT; bne a2, a1, 2f
  csrr a2, CSR_TINFO; li t0, 0xffff; and a2, a2, t0; li t0, 1; beq a2, t0, 2f
  csrr a2, CSR_TDATA1; srli a2, a2, TD1_TYPE_SHIFT; beqz a2, 2f
  addi a1, a1, 1; li t0, 16; bltu a1, t0, 1b
2: CHECK_EQ(a1, NTRIG)
  TEST_CASE(4)             /* tselect is WARL: out of range reads valid */
  li a1, NTRIG; csrw CSR_TSELECT, a1; csrr a0, CSR_TSELECT
  li t0, NTRIG; bgeu a0, t0, test_fail
  li a1, -1; csrw CSR_TSELECT, a1; csrr a0, CSR_TSELECT
  li t0, NTRIG; bgeu a0, t0, test_fail
  TEST_CASE(5)             /* every trigger: types 2 and 6; reset type 2, off */
  li a1, NTRIG - 1
1: csrw CSR_TSELECT, a1
  csrr a0, CSR_TINFO; CHECK_MASKED(a0, TINFO_TYPES, 0x44)
  csrr a0, CSR_TDATA1; srli a2, a0, TD1_TYPE_SHIFT; CHECK_EQ(a2, 2)
  CHECK_MASKED(a0, XLEN_SEL(0x1fffff, 0x7fffff), 0)   /* up to maskmax */
  addi a1, a1, -1; bgez a1, 1b
  TEST_CASE(6)             /* tdata3 exists; 0 (no extra condition) sticks */
  csrw CSR_TSELECT, zero; TRAP_EXPECT
  csrw CSR_TDATA3, zero; csrr a0, CSR_TDATA3
  CHECK_NONE; CHECK_EQ(a0, 0)
  TEST_CASE(7)             /* tcontrol: s11 = 1 when it exists */
  TRAP_EXPECT; li a0, 0
7: csrr a0, CSR_TCONTROL
  LOAD_SYM(t1, test_trap_frames, TF_COUNT); bnez t1, 1f
  la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)
  li s11, 1
  CHECK_MASKED(a0, TCONTROL_MTE | TCONTROL_MPTE, 0)   /* reset value */
  j 2f
1: CHECK_TRAP(CAUSE_ILLEGAL, 7b, 0x7a502573)
2:

  /* ---- tdata1 / tdata2 are WARL ---- */
  csrw CSR_TSELECT, zero
  TEST_CASE(10); la s1, bp_target; TSET(MC_M | MC_EXEC, s1)
  READ_TD1(a0); CHECK_EQ(a0, TD1(MC_M | MC_EXEC))
  csrr a0, CSR_TDATA2; CHECK_EQR(a0, s1)
  TEST_CASE(11)            /* m, s, u, execute, store, load are writable */
  li t0, TD1(MC_M | MC_S | MC_U | MC_EXEC | MC_STORE | MC_LOAD); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, 0x5f, 0x5f)
  srli a1, a0, TD1_TYPE_SHIFT; CHECK_EQ(a1, TRIGGER_TYPE)
  TOFF
  TEST_CASE(12)            /* dmode is only writable in Debug Mode */
  li t0, TD1(TD1_DMODE | MC_M | MC_EXEC); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, TD1_DMODE, 0)
  TOFF
  TEST_CASE(13)            /* action 1 is illegal with dmode = 0 */
  li t0, TD1(MC_ACTION(1) | MC_M | MC_EXEC); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; li t0, MC_ACTION_MASK; and a0, a0, t0
  CHECK_NE(a0, MC_ACTION(1))
  TOFF
#if !QEMU_COMPAT
  TEST_CASE(14)            /* writing 0 disables: type 15, or no access bit */
  li t0, TD1(MC_M | MC_EXEC | MC_LOAD | MC_STORE); csrw CSR_TDATA1, t0
  csrw CSR_TDATA1, zero
  csrr a0, CSR_TDATA1; srli a1, a0, TD1_TYPE_SHIFT
  li t0, 15; beq a1, t0, 1f
  CHECK_MASKED(a0, MC_EXEC | MC_LOAD | MC_STORE, 0)
1:
#endif
  TEST_CASE(15)            /* an unsupported type reads back a supported one */
  li t0, TD1_TYPE(3) | 1; csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; srli a1, a0, TD1_TYPE_SHIFT
  li t0, 2; beq a1, t0, 1f
  li t0, 6; beq a1, t0, 1f
  CHECK_EQ(a1, 15)
1: TOFF
  TEST_CASE(16)            /* triggers are independent */
  la s1, bp_target; TSEL(0); TSET(MC_M | MC_EXEC, s1)
  la a2, bp_target2; TSEL(1); TSET(MC_M | MC_LOAD, a2)
  TOFF
  TSEL(0); READ_TD1(a0); CHECK_EQ(a0, TD1(MC_M | MC_EXEC))
  csrr a0, CSR_TDATA2; CHECK_EQR(a0, s1)
  TOFF
  TEST_CASE(17)            /* tdata2 holds any XLEN-bit address */
  li a1, -4; csrw CSR_TDATA2, a1; csrr a0, CSR_TDATA2; CHECK_EQ(a0, -4)
  li a1, 0x7ffff000; csrw CSR_TDATA2, a1; csrr a0, CSR_TDATA2; CHECK_EQ(a0, 0x7ffff000)
#if TRIGGER_TYPE == 2
  TEST_CASE(18)            /* mcontrol: timing 0 (before), select 0 stick */
  li t0, TD1(MC_M | MC_LOAD); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, (1 << 18) | (1 << 19), 0)
#else
  TEST_CASE(18)            /* mcontrol6: bits 20:19 are 0 */
  li t0, TD1(MC6_ZERO_20_19 | MC_M | MC_LOAD); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, MC6_ZERO_20_19, 0)
#if !QEMU_COMPAT
  TEST_CASE(19)            /* no H extension: vs, vu are 0 (QEMU 7.2: kept) */
  li t0, TD1(MC6_VS | MC6_VU | MC_M | MC_LOAD); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, MC6_VS | MC6_VU, 0)
#endif
#endif
  TOFF

  /* ---- execute address, M-mode ---- */
  TEST_CASE(30)            /* breakpoint on a label: mepc = mtval = label */
  la s1, bp_target; TSEL(0); TSET(MC_M | MC_EXEC, s1)
  M_TRIGGERS_ON
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_BKPT(bp_target, s1)
  CHECK_EQ(a0, 0)          /* the instruction at bp_target did not run */
  TEST_CASE(31)            /* disabled: the same code runs through */
  TOFF
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
  TEST_CASE(32)            /* re-enabled: fires again */
  TSET(MC_M | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_BKPT(bp_target, s1); CHECK_EQ(a0, 0)
  TEST_CASE(33)            /* m = 0: not in M-mode */
  TSET(MC_U | MC_S | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
#if !QEMU_COMPAT
  TEST_CASE(34)            /* MIE = 0 (or mte = 0): no action-0 match in M */
  TSET(MC_M | MC_EXEC, s1)
  M_TRIGGERS_OFF
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
  M_TRIGGERS_ON
#endif
  TEST_CASE(35)            /* execute does not match a load of that address */
  TSET(MC_M | MC_EXEC, s1)
  TRAP_EXPECT
  lw a0, 0(s1)
  CHECK_NONE
  TEST_CASE(36)            /* load does not match an instruction fetch */
  TSET(MC_M | MC_LOAD, s1)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
  TEST_CASE(37)            /* a compressed instruction */
  la s1, bp_ctarget; TSET(MC_M | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  call bp_ctarget
  CHECK_BKPT(bp_ctarget, s1); CHECK_EQ(a0, 0)
  TEST_CASE(38)            /* a 4-byte instruction at a 2-byte boundary */
  la s1, bp_odd; TSET(MC_M | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  call bp_odd_fn
  CHECK_BKPT(bp_odd, s1); CHECK_EQ(a0, 0)
  TEST_CASE(39)            /* the breakpoint beats an illegal instruction */
  la s1, 1f; TSET(MC_M | MC_EXEC, s1); TRAP_EXPECT
1: .4byte 0xfe000033
  CHECK_BKPT(1b, s1)
  TEST_CASE(40)            /* ... an ecall */
  la s1, 1f; TSET(MC_M | MC_EXEC, s1); TRAP_EXPECT
1: ecall
  CHECK_BKPT(1b, s1)
  TEST_CASE(41)            /* ... an ebreak (same cause, mtval = address) */
  la s1, 1f; TSET(MC_M | MC_EXEC, s1); TRAP_EXPECT
1: ebreak
  CHECK_BKPT(1b, s1)
#if !QEMU_COMPAT
  TEST_CASE(42)            /* ... a fetch access fault (QEMU 7.2: fault) */
  li s1, UNMAPPED; TSET(MC_M | MC_EXEC, s1)
  TRAP_EXPECT; TRAP_RESUME_AT(1f)
  jalr ra, 0(s1)
1: CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_BREAKPOINT)
  CHECK_TRAP_FIELD_R(TF_EPC, s1); CHECK_TRAP_FIELD_R(TF_TVAL, s1)
#endif
  TEST_CASE(43)            /* two triggers: each fires on its own address */
  la s1, bp_target; TSEL(0); TSET(MC_M | MC_EXEC, s1)
  la s2, bp_target2; TSEL(1); TSET(MC_M | MC_EXEC, s2)
  li a0, 0; TRAP_EXPECT
  call bp_target2
  CHECK_BKPT(bp_target2, s2); CHECK_EQ(a0, 0)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_BKPT(bp_target, s1); CHECK_EQ(a0, 0)
  TOFF; TSEL(0); TOFF

#if !QEMU_COMPAT
  /* Match types other than equal (QEMU 7.2 implements only equal). */
  TEST_CASE(44)            /* napot: supported for at least 16 bytes */
  li t0, TD1(MC_NAPOT); csrw CSR_TDATA1, t0
  csrr a0, CSR_TDATA1; CHECK_MASKED(a0, MC_MATCH_MASK, MC_NAPOT)
#if TRIGGER_TYPE == 2
  srli a0, a0, MC2_MASKMAX_SHIFT; andi a0, a0, 0x3f
  li t0, 4; bltu a0, t0, test_fail
#else
  /* maskmax6 >= 4: writing all ones leaves a 0 at bit 3 or above */
  li a1, -1; csrw CSR_TDATA2, a1; csrr a0, CSR_TDATA2
  ori a0, a0, 7; CHECK_NE(a0, -1)
#endif
  TOFF
  TEST_CASE(45)            /* napot execute over a 16-byte block */
  la a1, napot_blk; ori a1, a1, 7; TSET(MC_M | MC_EXEC | MC_NAPOT, a1)
  la s1, napot_blk + 8
  li a0, 0; TRAP_EXPECT; TRAP_RESUME_AT(1f)
  jalr ra, 0(s1)
1: CHECK_BKPT(napot_blk + 8, s1); CHECK_EQ(a0, 0)
  li a0, 0; TRAP_EXPECT
  call napot_after         /* first instruction after the block */
  CHECK_NONE; CHECK_EQ(a0, 5)
  TEST_CASE(46)            /* >= on execute: only far_code lies above */
  la s1, far_code; TSET(MC_M | MC_EXEC | MC_GE, s1)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
  li a0, 0; TRAP_EXPECT; TRAP_RESUME_AT(1f)
  call far_code
1: CHECK_BKPT(far_code, s1); CHECK_EQ(a0, 0)
  TOFF
#endif

  /* ---- load and store addresses, M-mode ---- */
  TEST_CASE(60)            /* lw: fires before the load, rd unchanged */
  addi s1, s0, 16; TSET(MC_M | MC_LOAD, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_CASE(61); li a0, SENTINEL; TRAP_EXPECT
1: lb a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_CASE(62); li a0, SENTINEL; TRAP_EXPECT
1: lhu a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
#if __riscv_xlen == 64
  TEST_CASE(63); li a0, SENTINEL; TRAP_EXPECT
1: ld a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_CASE(64); li a0, SENTINEL; TRAP_EXPECT
1: lwu a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
#endif
  TEST_CASE(65)            /* loads of other bytes are not matched */
  TRAP_EXPECT
  lw a1, 12(s0); lbu a2, 15(s0)
  CHECK_NONE
  CHECK_EQ(a1, 0x03030303); CHECK_EQ(a2, 3)
#if !QEMU_COMPAT
  /* QEMU 7.2 matches any access to [tdata2, tdata2 + 8) */
  TRAP_EXPECT
  lw a0, 20(s0); lbu a1, 17(s0)
  CHECK_NONE
  CHECK_EQ(a0, 0x05050505); CHECK_EQ(a1, 4)
#endif
  TEST_CASE(66)            /* a load trigger ignores stores */
  li a1, 0x6666; TRAP_EXPECT
  sw a1, 16(s0)
  CHECK_NONE
  TOFF; lw a0, 16(s0); CHECK_EQ(a0, 0x6666)
  TEST_CASE(67)            /* sw: fires before the store, memory unchanged */
  TSET(MC_M | MC_STORE, s1)
  li a1, 0x7777; TRAP_EXPECT
1: sw a1, 16(s0)
  CHECK_BKPT(1b, s1)
  TRAP_EXPECT
1: sb a1, 16(s0)
  CHECK_BKPT(1b, s1)
  TRAP_EXPECT
1: sh a1, 16(s0)
  CHECK_BKPT(1b, s1)
#if __riscv_xlen == 64
  TRAP_EXPECT
1: sd a1, 16(s0)
  CHECK_BKPT(1b, s1)
#endif
  TEST_CASE(68)            /* a store trigger ignores loads */
  TRAP_EXPECT
  lw a0, 16(s0)
  CHECK_NONE; CHECK_EQ(a0, 0x6666)
  TOFF; lw a0, 16(s0); CHECK_EQ(a0, 0x6666)
  TEST_CASE(69)            /* load | store: both */
  TSET(MC_M | MC_LOAD | MC_STORE, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 16(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TRAP_EXPECT
1: sw zero, 16(s0)
  CHECK_BKPT(1b, s1)
  TEST_CASE(70)            /* AMO: its read is a load, its write a store */
  TSET(MC_M | MC_LOAD, s1)
  li a0, SENTINEL; li a1, 1; TRAP_EXPECT
1: amoadd.w a0, a1, (s1)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TSET(MC_M | MC_STORE, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: amoswap.w a0, a1, (s1)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TOFF; lw a0, 16(s0); CHECK_EQ(a0, 0x6666)
  TEST_CASE(71)            /* lr is a load */
  TSET(MC_M | MC_LOAD, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: lr.w a0, (s1)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_CASE(72)            /* compressed load and store */
  li a0, SENTINEL; mv a1, s1; TRAP_EXPECT
  RVC_BEGIN
1: c.lw a0, 0(a1)
  RVC_END
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TSET(MC_M | MC_STORE, s1)
  TRAP_EXPECT
  RVC_BEGIN
1: c.sw a1, 0(a1)
  RVC_END
  CHECK_BKPT(1b, s1)
  TOFF; lw a0, 16(s0); CHECK_EQ(a0, 0x6666)
  TEST_CASE(73)            /* the breakpoint beats a misaligned access */
  addi s1, s0, 18; TSET(MC_M | MC_LOAD, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 18(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_CASE(74)            /* ... and a load access fault */
  li s1, UNMAPPED; TSET(MC_M | MC_LOAD, s1)
  li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 0(s1)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TSET(MC_M | MC_STORE, s1)
  TRAP_EXPECT
1: sw a0, 0(s1)
  CHECK_BKPT(1b, s1)
  TOFF

#if !QEMU_COMPAT
  TEST_CASE(80)            /* napot: [s0 + 32, s0 + 48) */
  addi a1, s0, 32; ori a1, a1, 7; TSET(MC_M | MC_LOAD | MC_NAPOT, a1)
  addi s1, s0, 36; li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 36(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  addi s1, s0, 44; TRAP_EXPECT
1: lw a0, 44(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TRAP_EXPECT
  lw a0, 48(s0); lw a1, 28(s0)
  CHECK_NONE; CHECK_EQ(a0, 0x0c0c0c0c); CHECK_EQ(a1, 0x07070707)
  TEST_CASE(81)            /* >= s0 + 40 */
  addi a1, s0, 40; TSET(MC_M | MC_LOAD | MC_GE, a1)
  addi s1, s0, 40; li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 40(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  addi s1, s0, 44; TRAP_EXPECT
1: lw a0, 44(s0)
  CHECK_BKPT(1b, s1)
  TRAP_EXPECT
  lw a0, 36(s0)
  CHECK_NONE; CHECK_EQ(a0, 0x09090909)
  TEST_CASE(82)            /* < s0 + 40: this also matches the trap frame
                              the checks load, so they run with it off */
  addi a1, s0, 40; TSET(MC_M | MC_LOAD | MC_LT, a1)
  addi s1, s0, 36; li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 36(s0)
  TOFF
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TSET(MC_M | MC_LOAD | MC_LT, a1)
  TRAP_EXPECT
  lw a0, 40(s0)
  TOFF
  CHECK_NONE; CHECK_EQ(a0, 0x0a0a0a0a)
  TEST_CASE(83)            /* chain (if implemented): >= s0+40 and < s0+48 */
  addi a1, s0, 40; TSEL(0); TSET(MC_M | MC_LOAD | MC_GE | MC_CHAIN, a1)
  csrr a0, CSR_TDATA1; li t0, MC_CHAIN; and a0, a0, t0; beqz a0, 2f
  addi a1, s0, 48; TSEL(1); TSET(MC_M | MC_LOAD | MC_LT, a1)
  addi s1, s0, 44; li a0, SENTINEL; TRAP_EXPECT
1: lw a0, 44(s0)
  CHECK_BKPT(1b, s1); CHECK_EQ(a0, SENTINEL)
  TRAP_EXPECT
  lw a0, 48(s0); lw a1, 36(s0)
  CHECK_NONE; CHECK_EQ(a0, 0x0c0c0c0c); CHECK_EQ(a1, 0x09090909)
2: TALL_OFF
#endif

#if !QEMU_COMPAT
  /* ---- reentrancy: no breakpoint inside the M-mode trap handler (QEMU
   * 7.2 fires there and loops forever) ---- */
  TEST_CASE(100)           /* execute trigger on the handler's entry */
  la a1, test_trap_entry; TSEL(0); TSET(MC_M | MC_EXEC, a1)
  M_TRIGGERS_ON
  TRAP_EXPECT
1: ecall
  CHECK_TRAP(CAUSE_ECALL_M, 1b, 0)
  TEST_CASE(101)           /* after mret M-mode triggers work again, and the
                              breakpoint's own trap does not re-fire */
  la s1, bp_target; TSEL(1); TSET(MC_M | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_BKPT(bp_target, s1); CHECK_EQ(a0, 0)
  TOFF
  TEST_CASE(102)           /* a load trigger on data the handler loads */
  la a1, test_trap_frames + TF_EXPECT; TSEL(0); TSET(MC_M | MC_LOAD, a1)
  TRAP_EXPECT
1: ecall
  CHECK_TRAP(CAUSE_ECALL_M, 1b, 0)
  TOFF
  TEST_CASE(103)           /* the enables are back after mret */
  bnez s11, 1f
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MIE, MSTATUS_MIE)
  j 2f
1: csrr a0, CSR_TCONTROL
  CHECK_MASKED(a0, TCONTROL_MTE | TCONTROL_MPTE, TCONTROL_MTE | TCONTROL_MPTE)
2:
  TEST_CASE(104)           /* tcontrol: a trap saves mte in mpte, clears mte */
  beqz s11, 1f
  csrw CSR_TCONTROL, TCONTROL_MTE
  la a1, own_handler; csrw mtvec, a1
  ecall                    /* own_handler: a2 = tcontrol in the handler */
  la a1, test_trap_entry; csrw mtvec, a1
  CHECK_MASKED(a2, TCONTROL_MTE | TCONTROL_MPTE, TCONTROL_MPTE)
  csrr a0, CSR_TCONTROL
  CHECK_MASKED(a0, TCONTROL_MTE | TCONTROL_MPTE, TCONTROL_MTE | TCONTROL_MPTE)
  csrw CSR_TCONTROL, zero
  la a1, own_handler; csrw mtvec, a1
  ecall
  la a1, test_trap_entry; csrw mtvec, a1
  csrr a0, CSR_TCONTROL; CHECK_MASKED(a0, TCONTROL_MTE | TCONTROL_MPTE, 0)
  csrw CSR_TCONTROL, TCONTROL_MTE
1:
#endif
  TALL_OFF
  M_TRIGGERS_OFF

  /* ---- S- and U-mode ---- */
  IF_HAS_EXT('U', 1f)
  j modes_done
1:
  /* PMP entry 0: NAPOT over all of memory, RWX, for S and U. */
  li t0, -1; csrw pmpaddr0, t0
  li t0, 0x1f; csrw pmpcfg0, t0
  la t0, mode_trap; csrw mtvec, t0

  TEST_CASE(120)           /* u = 1: fires in U-mode */
  la s1, 2f; TSET(MC_U | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  GOTO_MODE(0, 1f)
1: nop
2: li a0, 1
  CHECK_BKPT(2b, s1); CHECK_EQ(a0, 0)
  ecall
  TEST_CASE(121)           /* m = 1, s = 1, u = 0: not in U-mode */
  la s1, 2f; TSET(MC_M | MC_S | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  GOTO_MODE(0, 1f)
1: nop
2: li a0, 1
  CHECK_NONE; CHECK_EQ(a0, 1)
  ecall
  TEST_CASE(122)           /* u = 1: not in M-mode */
  la s1, bp_target; TSET(MC_U | MC_EXEC, s1)
  M_TRIGGERS_ON
  li a0, 0; TRAP_EXPECT
  call bp_target
  CHECK_NONE; CHECK_EQ(a0, 1)
  M_TRIGGERS_OFF
  TEST_CASE(123)           /* load and store triggers in U-mode */
  addi s1, s0, 16; TSET(MC_U | MC_LOAD | MC_STORE, s1)
  GOTO_MODE(0, 1f)
1: li a0, SENTINEL; TRAP_EXPECT
2: lw a0, 16(s0)
  CHECK_BKPT(2b, s1); CHECK_EQ(a0, SENTINEL)
  TRAP_EXPECT
2: sw zero, 16(s0)
  CHECK_BKPT(2b, s1)
  TRAP_EXPECT
  lw a0, 24(s0)
  CHECK_NONE; CHECK_EQ(a0, 0x06060606)
  ecall
  TOFF
  lw a0, 16(s0); CHECK_EQ(a0, 0x6666)
  TEST_CASE(124)           /* the trigger CSRs are M-mode only */
  GOTO_MODE(0, 1f)
1: li a0, SENTINEL
  TEST_EXC(124, CAUSE_ILLEGAL, CSRR_A0_TSELECT, .4byte CSRR_A0_TSELECT)
  CHECK_EQ(a0, SENTINEL)
  ecall
#if !QEMU_COMPAT
  TEST_CASE(125)           /* < on execute: fires below the bound only */
  la s1, 3f; TSET(MC_U | MC_EXEC | MC_LT, s1)
  la s1, 1f
  TRAP_EXPECT; TRAP_RESUME_AT(3f)
  GOTO_MODE(0, 1f)
1: li a0, 1
  j test_fail
3: CHECK_BKPT(1b, s1)
  TRAP_EXPECT
  li a0, 3
  CHECK_NONE
  ecall
  TOFF
#endif

  IF_HAS_EXT('S', 1f)
  j modes_done
1:
  csrw medeleg, zero
  TEST_CASE(130)           /* s = 1: fires in S-mode (trap into M) */
  la s1, 2f; TSET(MC_S | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  GOTO_MODE(1, 1f)
1: nop
2: li a0, 1
  CHECK_BKPT(2b, s1); CHECK_EQ(a0, 0)
  LOAD_SYM(a1, test_trap_frames, TF_STATUS)
  CHECK_MASKED(a1, MSTATUS_MPP, 0x800)
  ecall
  TEST_CASE(131)           /* m = 1, u = 1, s = 0: not in S-mode */
  la s1, 2f; TSET(MC_M | MC_U | MC_EXEC, s1)
  li a0, 0; TRAP_EXPECT
  GOTO_MODE(1, 1f)
1: nop
2: li a0, 1
  CHECK_NONE; CHECK_EQ(a0, 1)
  ecall
  TEST_CASE(132)           /* load trigger in S-mode */
  addi s1, s0, 16; TSET(MC_S | MC_LOAD, s1)
  GOTO_MODE(1, 1f)
1: li a0, SENTINEL; TRAP_EXPECT
2: lw a0, 16(s0)
  CHECK_BKPT(2b, s1); CHECK_EQ(a0, SENTINEL)
  TEST_EXC(133, CAUSE_ILLEGAL, CSRR_A0_TSELECT, .4byte CSRR_A0_TSELECT)
  ecall
  TOFF

  /* Breakpoints delegated to S-mode (possible with solution 1 only: with
   * tcontrol medeleg[3] is read-only 0). */
  TEST_CASE(140)
  li a1, 1 << CAUSE_BREAKPOINT; csrs medeleg, a1
  csrr a0, medeleg; and a0, a0, a1
  bnez s11, 1f
  CHECK_EQ(a0, 1 << CAUSE_BREAKPOINT)
  j 2f
1: CHECK_EQ(a0, 0)
  j s_deleg_done
2: la a1, s_handler; csrw stvec, a1
  TEST_CASE(141)           /* fires in S-mode with SIE = 1, handled in S */
  la s1, 2f; TSET(MC_S | MC_EXEC, s1)
  li s6, 0; li a0, 0
  csrsi sstatus, 2         /* SIE */
  GOTO_MODE(1, 1f)
1: nop
2: li a0, 1
  CHECK_EQ(s6, 1); CHECK_EQ(s2, CAUSE_BREAKPOINT); CHECK_EQR(s3, s1)
#if !QEMU_COMPAT
  CHECK_EQR(s4, s1)
#endif
  CHECK_EQ(a0, 0)
  ecall
#if !QEMU_COMPAT
  TEST_CASE(142)           /* SIE = 0: no action-0 match in S-mode */
  li s6, 0; li a0, 0
  csrci sstatus, 2
  GOTO_MODE(1, 1f)
1: nop
2: li a0, 1
  CHECK_EQ(s6, 0); CHECK_EQ(a0, 1)
  ecall
  TEST_CASE(143)           /* no breakpoint in the S-mode handler */
  la s1, s_handler; TSET(MC_S | MC_EXEC, s1)
  li s6, 0
  csrsi sstatus, 2
  GOTO_MODE(1, 1f)
1: ebreak                  /* delegated: enters s_handler with SIE = 0 */
  CHECK_EQ(s6, 1); CHECK_EQ(s2, CAUSE_BREAKPOINT)
  ecall
#endif
  TOFF
  csrw medeleg, zero
  csrci sstatus, 2
s_deleg_done:

modes_done:
  TALL_OFF
  la t0, test_trap_entry; csrw mtvec, t0
  csrci mstatus, MSTATUS_MIE

  TEST_END

  .text
/* Targets of the execute triggers: the first instruction sets a0 = 1. */
bp_target:
  li a0, 1
  ret
bp_target2:
  li a0, 2
  ret
  .balign 4
  RVC_BEGIN
bp_ctarget:
  c.li a0, 1
  c.jr ra
bp_odd_fn:
  c.nop
  RVC_END
bp_odd:                    /* 2 mod 4; assembled without RVC: 4 bytes */
  addi a0, zero, 1
  ret

  .balign 16
napot_blk:
  li a0, 1
  li a0, 2
  li a0, 3
  li a0, 4
napot_after:
  li a0, 5
  ret

/* M-mode trap entry while S- and U-mode code runs: an ecall from S or U
 * returns to M-mode after the ecall; anything else goes to the harness. */
  .balign 4
mode_trap:
  csrrw t0, mscratch, t0
  csrr t0, mcause
  addi t0, t0, -8
  beqz t0, 1f
  addi t0, t0, -1
  beqz t0, 1f
  la t0, test_trap_frames
  csrrw t0, mscratch, t0
  j test_trap_entry
1: li t0, MSTATUS_MPP; csrs mstatus, t0
  csrr t0, mepc; addi t0, t0, 4; csrw mepc, t0
  la t0, test_trap_frames
  csrrw t0, mscratch, t0
  mret

/* S-mode handler of delegated breakpoints: s2 = scause, s3 = sepc,
 * s4 = stval, s6 counts; resumes after the 4-byte instruction. */
  .balign 4
s_handler:
  csrr s2, scause
  csrr s3, sepc
  csrr s4, stval
  addi s6, s6, 1
  addi s5, s3, 4
  csrw sepc, s5
  sret

/* Own M-mode handler for the tcontrol checks: a2 = tcontrol, resume after
 * the ecall. */
  .balign 4
own_handler:
  csrr a2, CSR_TCONTROL
  csrr a3, mepc
  addi a3, a3, 4
  csrw mepc, a3
  mret

/* The highest code address of the program (target of a >= match). */
far_code:
  li a0, 1
  ret

  .data
  .balign 64
/* word i holds i repeated in each byte */
tdat:
  .word 0x00000000, 0x01010101, 0x02020202, 0x03030303
  .word 0x04040404, 0x05050505, 0x06060606, 0x07070707
  .word 0x08080808, 0x09090909, 0x0a0a0a0a, 0x0b0b0b0b
  .word 0x0c0c0c0c, 0x0d0d0d0d, 0x0e0e0e0e, 0x0f0f0f0f
