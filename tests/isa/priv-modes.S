/* Privilege modes and exception delegation (Privileged spec 3.1.6, 3.1.8,
 * 3.3.2, 3.1.11, 4.1.1):
 *   mret into S, U and M (MPP, MPIE -> MIE, MPP reset to U, MPRV cleared
 *   when leaving to a lower mode); sret from S and from M (SPP, SPIE -> SIE,
 *   SPP reset to U); ecall from U/S/M raising causes 8/9/11 with tval 0;
 *   medeleg delegation to S (scause, sepc, stval, sstatus.SPP/SPIE/SIE,
 *   ecall from S delegated, ebreak), no delegation of traps taken in M,
 *   stvec vectored mode sending exceptions to base; mret/sret/sfence.vma
 *   illegal in lower modes, TSR (sret illegal in S, legal in M), TW (wfi
 *   illegal in S and U; legal in S when clear), TVM (satp and sfence.vma
 *   illegal in S, legal in M); M-level CSRs illegal in S, S-level in U;
 *   mcounteren / scounteren gating cycle, time, instret (and the RV32 high
 *   halves) in S and U; mstatus.MPP holds only M, S, U. */
#include "vm.h"

#define CSRR_BITS(csr) (((csr) << 20) | (2 << 12) | (10 << 7) | 0x73)
#define CSRW_BITS(csr) (((csr) << 20) | (11 << 15) | (1 << 12) | 0x73)
#define MRET_BITS 0x30200073
#define SRET_BITS 0x10200073
#define WFI_BITS 0x10500073
#define SFENCE_BITS 0x12000073
#define ILLEGAL_BITS 0xfe000033

/* Case n: reading `csr` in `mode` with the given counter enables is illegal
 * (legal = 0) or works (legal = 1). */
#define COUNTER_CASE(n, mode, csr, men, sen, legal) \
  TEST_CASE(n); li t0, men; csrw mcounteren, t0; li t0, sen; csrw scounteren, t0; \
  IN_MODE(mode, 1: .4byte CSRR_BITS(csr)); \
  .if legal; CHECK_ECALL(mode); .else; CHECK_ILLEGAL(CSRR_BITS(csr)); CHECK_EPC(1b); .endif

  TEST_BEGIN
  PRIV_INIT

  /* ---- mret into each mode; ecall causes ---- */
  TEST_CASE(1)
  IN_MODE(PRV_S, 1: ecall)
  CHECK_ECALL(PRV_S); CHECK_PF(PF_TVAL, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP, MSTATUS_MPP_S)
  TEST_CASE(2)
  IN_MODE(PRV_U, 1: ecall)
  CHECK_ECALL(PRV_U); CHECK_PF(PF_TVAL, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP, 0)
  TEST_CASE(3)
  IN_MODE(PRV_M, 1: ecall)
  CHECK_ECALL(PRV_M); CHECK_PF(PF_TVAL, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP, MSTATUS_MPP)
  TEST_CASE(4)             /* registers survive the mode switches */
  li s2, 0x1234
  IN_MODE(PRV_U, addi s2, s2, 1)
  CHECK_ECALL(PRV_U); CHECK_EQ(s2, 0x1235)

  TEST_CASE(5)             /* mret: MIE = MPIE (1); seen as MPIE by the next trap */
  PRIV_CATCH(1f)
  la t0, 2f; csrw mepc, t0
  li t0, MSTATUS_MPP; csrc mstatus, t0
  li t0, MSTATUS_MPP_S | MSTATUS_MPIE; csrs mstatus, t0
  mret
2: ecall
1: CHECK_ECALL(PRV_S)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE)
  TEST_CASE(6)             /* MPIE = 0: MIE = 0 in S */
  IN_MODE(PRV_S, nop)
  CHECK_ECALL(PRV_S)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPIE | MSTATUS_MIE, 0)
  TEST_CASE(7)             /* after mret: MPP = U (least privileged), MPIE = 1 */
  li t0, MSTATUS_MPP; csrs mstatus, t0
  li t0, MSTATUS_MPIE; csrc mstatus, t0
  la t0, 1f; csrw mepc, t0
  mret
1: csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE)
  li t0, MSTATUS_MPP; csrs mstatus, t0
  TEST_CASE(8)             /* mret to S clears MPRV (QEMU 7.2 keeps it) */
  PRIV_CATCH(1f)
  la t0, 2f; csrw mepc, t0
  li t0, MSTATUS_MPP; csrc mstatus, t0
  li t0, MSTATUS_MPP_S | MSTATUS_MPRV; csrs mstatus, t0
  mret
2: ecall
1: csrr a0, mstatus
  li t0, MSTATUS_MPRV; csrc mstatus, t0
  CHECK_ECALL(PRV_S)
#if !QEMU_COMPAT
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPRV, 0)
  CHECK_MASKED(a0, MSTATUS_MPRV, 0)
#endif
  TEST_CASE(9)             /* mret to M keeps MPRV */
  li t0, MSTATUS_MPP | MSTATUS_MPRV; csrs mstatus, t0
  la t0, 1f; csrw mepc, t0
  mret
1: csrr a0, mstatus
  li t0, MSTATUS_MPRV; csrc mstatus, t0
  CHECK_MASKED(a0, MSTATUS_MPRV, MSTATUS_MPRV)

  /* ---- sret ---- */
  TEST_CASE(10)            /* S -> U: SIE = SPIE (1), SPIE = 1, SPP = U */
  IN_MODE(PRV_S, li a1, MSTATUS_SPP | MSTATUS_SIE; csrc sstatus, a1; \
    li a1, MSTATUS_SPIE; csrs sstatus, a1; la a1, 2f; csrw sepc, a1; sret; 2: nop)
  CHECK_ECALL(PRV_U)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE | MSTATUS_SIE)
  TEST_CASE(11)            /* S -> S: SPIE = 0 gives SIE = 0; SPP becomes U */
  li a2, -1
  IN_MODE(PRV_S, li a1, MSTATUS_SPIE | MSTATUS_SIE; csrc sstatus, a1; \
    li a1, MSTATUS_SPP; csrs sstatus, a1; la a1, 2f; csrw sepc, a1; sret; \
    2: csrr a2, sstatus)
  CHECK_ECALL(PRV_S)
  CHECK_MASKED(a2, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE)
  TEST_CASE(12)            /* sret executed in M goes to SPP (S) and clears
                              MPRV (QEMU 7.2 keeps it) */
  PRIV_CATCH(1f)
  li t0, MSTATUS_SPP | MSTATUS_MPRV; csrs mstatus, t0
  li t0, MSTATUS_MPP; csrs mstatus, t0
  la t0, 2f; csrw sepc, t0
  sret
2: ecall
1: li t0, MSTATUS_MPRV; csrc mstatus, t0
  CHECK_ECALL(PRV_S)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP, 0)
#if !QEMU_COMPAT
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPRV, 0)
#endif
  TEST_CASE(13)            /* sret in M to U */
  PRIV_CATCH(1f)
  li t0, MSTATUS_SPP; csrc mstatus, t0
  la t0, 2f; csrw sepc, t0
  sret
2: ecall
1: CHECK_ECALL(PRV_U)

  /* ---- delegation with medeleg ---- */
  TEST_CASE(20)            /* ecall from U delegated: scause 8, sepc, stval 0 */
  li t0, 1 << CAUSE_ECALL_U; csrw medeleg, t0
  li t0, -1; csrw stval, t0
  li t0, MSTATUS_SIE; csrs mstatus, t0     /* seen by U, saved to SPIE */
  IN_MODE(PRV_U, 1: ecall)
  CHECK_STRAP(CAUSE_ECALL_U, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE)
  csrr a0, scause; CHECK_EQ(a0, CAUSE_ECALL_U)
  csrr a0, sepc; la a1, 1b; CHECK_EQR(a0, a1)
  csrr a0, stval; CHECK_EQ(a0, 0)
  TEST_CASE(21)            /* not delegated: ecall from S still goes to M */
  IN_MODE(PRV_S, 1: ecall)
  CHECK_ECALL(PRV_S)
  TEST_CASE(22)            /* illegal instruction in U delegated: stval = bits */
  li t0, (1 << CAUSE_ILLEGAL) | (1 << CAUSE_ECALL_U); csrw medeleg, t0
  IN_MODE(PRV_U, 1: .4byte ILLEGAL_BITS)
  CHECK_STRAP(CAUSE_ILLEGAL, ILLEGAL_BITS); CHECK_EPC(1b)
  TEST_CASE(23)            /* illegal instruction in S delegated: S -> S, SPP = S */
  li t0, MSTATUS_SIE; csrc mstatus, t0
  IN_MODE(PRV_S, 1: .4byte ILLEGAL_BITS)
  CHECK_STRAP(CAUSE_ILLEGAL, ILLEGAL_BITS); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP)
  TEST_CASE(24)            /* a delegated cause raised in M is taken in M */
  PRIV_CATCH(2f)
1: .4byte ILLEGAL_BITS
2: CHECK_MTRAP(CAUSE_ILLEGAL, ILLEGAL_BITS); CHECK_EPC(1b)
  TEST_CASE(25)            /* the S handler returns after the instruction (sret) */
  li a2, 0
  PRIV_EXPECT(2)
  li t0, 1 << CAUSE_ILLEGAL; csrw medeleg, t0
  GO_MODE(PRV_U, 2f)
2: .4byte ILLEGAL_BITS
  li a2, 7
  la t0, priv_frame; la t1, 1f; SREG t1, PF_RESUME(t0)    /* for the ecall */
  ecall
1: CHECK_EQ(a2, 7)
  CHECK_COUNT(2); CHECK_LOG(0, CAUSE_ILLEGAL | LOG_S); CHECK_LOG(1, CAUSE_ECALL_U)
  TEST_CASE(26)            /* ecall from S delegated (S -> S) */
  li t0, 1 << CAUSE_ECALL_S; csrw medeleg, t0
  PRIV_EXPECT(2)
  GO_MODE(PRV_S, 2f)
2: ecall                   /* taken in S, which resumes after it */
  la t0, priv_frame; la t1, 1f; SREG t1, PF_RESUME(t0)
3: .4byte ILLEGAL_BITS     /* not delegated: back to M */
1: CHECK_COUNT(2); CHECK_LOG(0, CAUSE_ECALL_S | LOG_S); CHECK_LOG(1, CAUSE_ILLEGAL)
  CHECK_EPC(3b)
  csrr a0, scause; CHECK_EQ(a0, CAUSE_ECALL_S)
  TEST_CASE(27)            /* breakpoint delegated: stval 0 or the pc */
  li t0, 1 << CAUSE_BREAKPOINT; csrw medeleg, t0
  IN_MODE(PRV_U, 1: ebreak)
  CHECK_COUNT(1); CHECK_PF(PF_LEVEL, PRV_S); CHECK_PF(PF_CAUSE, CAUSE_BREAKPOINT)
  CHECK_EPC(1b)
  LOAD_SYM(a0, priv_frame, PF_TVAL); beqz a0, 2f; la a1, 1b; CHECK_EQR(a0, a1)
2:
  TEST_CASE(28)            /* stvec vectored: exceptions enter at base */
  la t0, s_vectors; ori t0, t0, 1; csrw stvec, t0
  csrr a0, stvec; CHECK_EQR(a0, t0)
  li t0, 1 << CAUSE_ECALL_U; csrw medeleg, t0
  IN_MODE(PRV_U, 1: ecall)
  CHECK_STRAP(CAUSE_ECALL_U, 0); CHECK_EPC(1b)
  la t0, priv_strap; csrw stvec, t0
  csrw medeleg, zero

  /* ---- xRET, sfence.vma, wfi and CSRs illegal in lower modes ---- */
  TEST_CASE(30); IN_MODE(PRV_S, 1: mret)
  CHECK_ILLEGAL(MRET_BITS); CHECK_EPC(1b)
  TEST_CASE(31); IN_MODE(PRV_U, 1: mret)
  CHECK_ILLEGAL(MRET_BITS); CHECK_EPC(1b)
  TEST_CASE(32); IN_MODE(PRV_U, 1: sret)
  CHECK_ILLEGAL(SRET_BITS); CHECK_EPC(1b)
  TEST_CASE(33); IN_MODE(PRV_U, 1: sfence.vma)
  CHECK_ILLEGAL(SFENCE_BITS); CHECK_EPC(1b)
  TEST_CASE(34); IN_MODE(PRV_S, 1: csrr a0, mstatus)
  CHECK_ILLEGAL(CSRR_BITS(0x300)); CHECK_EPC(1b)
  TEST_CASE(35); IN_MODE(PRV_S, 1: csrw mscratch, a1)
  CHECK_ILLEGAL(CSRW_BITS(0x340)); CHECK_EPC(1b)
  TEST_CASE(36); IN_MODE(PRV_U, 1: csrr a0, sstatus)
  CHECK_ILLEGAL(CSRR_BITS(0x100)); CHECK_EPC(1b)
  TEST_CASE(37); IN_MODE(PRV_U, 1: csrw sscratch, a1)
  CHECK_ILLEGAL(CSRW_BITS(0x140)); CHECK_EPC(1b)
  TEST_CASE(38); IN_MODE(PRV_U, 1: csrr a0, satp)
  CHECK_ILLEGAL(CSRR_BITS(0x180)); CHECK_EPC(1b)
  TEST_CASE(39); IN_MODE(PRV_S, 1: csrr a0, mhartid)
  CHECK_ILLEGAL(CSRR_BITS(0xf14)); CHECK_EPC(1b)
  TEST_CASE(40)            /* S CSRs and satp are accessible in S */
  IN_MODE(PRV_S, csrr a0, sstatus; csrr a0, sscratch; csrr a0, satp; csrw satp, zero; \
    sfence.vma)
  CHECK_ECALL(PRV_S)

  /* TSR */
  TEST_CASE(41)
  li t0, MSTATUS_TSR; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_TSR, MSTATUS_TSR)
  IN_MODE(PRV_S, la a1, 2f; csrw sepc, a1; 1: sret; 2: nop)
  CHECK_ILLEGAL(SRET_BITS); CHECK_EPC(1b)
  TEST_CASE(42)            /* sret in M is not affected by TSR */
  PRIV_CATCH(1f)
  li t0, MSTATUS_SPP; csrs mstatus, t0
  la t0, 2f; csrw sepc, t0
  sret
2: ecall
1: CHECK_ECALL(PRV_S)
  li t0, MSTATUS_TSR; csrc mstatus, t0
  TEST_CASE(43)            /* TSR = 0: sret in S works */
  IN_MODE(PRV_S, li a1, MSTATUS_SPP; csrc sstatus, a1; la a1, 2f; csrw sepc, a1; sret; 2: nop)
  CHECK_ECALL(PRV_U)

  /* TW */
  TEST_CASE(44)
  li t0, MSTATUS_TW; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_TW, MSTATUS_TW)
  IN_MODE(PRV_S, 1: wfi)
  CHECK_ILLEGAL(WFI_BITS); CHECK_EPC(1b)
  TEST_CASE(45); IN_MODE(PRV_U, 1: wfi)
  CHECK_ILLEGAL(WFI_BITS); CHECK_EPC(1b)
  li t0, MSTATUS_TW; csrc mstatus, t0
  TEST_CASE(46)            /* TW = 0: wfi in S returns (a locally enabled
                              interrupt is pending; SIE = 0 keeps it untaken) */
  li t0, MSTATUS_SIE; csrc mstatus, t0
  li t0, MIP_SSIP; csrw mideleg, t0; csrs mie, t0; csrs mip, t0
  IN_MODE(PRV_S, wfi)
  CHECK_ECALL(PRV_S)
  li t0, MIP_SSIP; csrc mip, t0; csrc mie, t0; csrw mideleg, zero

  /* TVM */
  TEST_CASE(47)
  li t0, MSTATUS_TVM; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_TVM, MSTATUS_TVM)
  IN_MODE(PRV_S, 1: csrr a0, satp)
  CHECK_ILLEGAL(CSRR_BITS(0x180)); CHECK_EPC(1b)
  TEST_CASE(48); IN_MODE(PRV_S, 1: csrw satp, a1)
  CHECK_ILLEGAL(CSRW_BITS(0x180)); CHECK_EPC(1b)
  TEST_CASE(49); IN_MODE(PRV_S, 1: sfence.vma)
  CHECK_ILLEGAL(SFENCE_BITS); CHECK_EPC(1b)
  TEST_CASE(50)            /* M is not affected by TVM */
  PRIV_RESET
  csrr a0, satp; csrw satp, zero; sfence.vma
  CHECK_COUNT(0)
  TEST_CASE(51)            /* other S CSRs stay accessible in S */
  IN_MODE(PRV_S, csrr a0, sstatus; csrw sscratch, a0)
  CHECK_ECALL(PRV_S)
  li t0, MSTATUS_TVM; csrc mstatus, t0

  /* ---- mstatus.MPP holds M, S or U only ---- */
  TEST_CASE(55)
  li t0, MSTATUS_MPP; csrc mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, 0)
  li t0, MSTATUS_MPP_S; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP_S)
#if !QEMU_COMPAT
  TEST_CASE(56)            /* 2 (reserved) is not held (QEMU 7.2 keeps it) */
  li t0, MSTATUS_MPP; csrc mstatus, t0
  li t0, 0x1000; csrs mstatus, t0
  csrr a0, mstatus; li t0, MSTATUS_MPP; and a0, a0, t0
  CHECK_NE(a0, 0x1000)
#endif
  li t0, MSTATUS_MPP; csrs mstatus, t0

  /* ---- counter enables (mcounteren for S and U, scounteren for U) ---- */
  COUNTER_CASE(60, PRV_S, 0xc00, 0, 7, 0)
  COUNTER_CASE(61, PRV_S, 0xc01, 0, 7, 0)
  COUNTER_CASE(62, PRV_S, 0xc02, 0, 7, 0)
  COUNTER_CASE(63, PRV_S, 0xc00, 1, 0, 1)
  COUNTER_CASE(64, PRV_S, 0xc01, 2, 0, 1)
  COUNTER_CASE(65, PRV_S, 0xc02, 4, 0, 1)
  COUNTER_CASE(66, PRV_S, 0xc00, 6, 7, 0)
  COUNTER_CASE(67, PRV_S, 0xc01, 5, 7, 0)
  COUNTER_CASE(68, PRV_S, 0xc02, 3, 7, 0)
  COUNTER_CASE(70, PRV_U, 0xc00, 1, 0, 0)
  COUNTER_CASE(71, PRV_U, 0xc01, 2, 0, 0)
  COUNTER_CASE(72, PRV_U, 0xc02, 4, 0, 0)
  COUNTER_CASE(73, PRV_U, 0xc00, 0, 1, 0)
  COUNTER_CASE(74, PRV_U, 0xc01, 0, 2, 0)
  COUNTER_CASE(75, PRV_U, 0xc02, 0, 4, 0)
  COUNTER_CASE(76, PRV_U, 0xc00, 1, 1, 1)
  COUNTER_CASE(77, PRV_U, 0xc01, 2, 2, 1)
  COUNTER_CASE(78, PRV_U, 0xc02, 4, 4, 1)
  COUNTER_CASE(79, PRV_U, 0xc00, 6, 7, 0)
#if __riscv_xlen == 32
  COUNTER_CASE(80, PRV_S, 0xc80, 0, 7, 0)
  COUNTER_CASE(81, PRV_S, 0xc81, 0, 7, 0)
  COUNTER_CASE(82, PRV_S, 0xc82, 0, 7, 0)
  COUNTER_CASE(83, PRV_S, 0xc80, 1, 0, 1)
  COUNTER_CASE(84, PRV_S, 0xc81, 2, 0, 1)
  COUNTER_CASE(85, PRV_S, 0xc82, 4, 0, 1)
  COUNTER_CASE(86, PRV_U, 0xc80, 1, 0, 0)
  COUNTER_CASE(87, PRV_U, 0xc81, 2, 0, 0)
  COUNTER_CASE(88, PRV_U, 0xc82, 4, 0, 0)
  COUNTER_CASE(89, PRV_U, 0xc80, 1, 1, 1)
  COUNTER_CASE(90, PRV_U, 0xc81, 2, 2, 1)
  COUNTER_CASE(91, PRV_U, 0xc82, 4, 4, 1)
#endif
  TEST_CASE(95)            /* the values read in U are the counters */
  li t0, 7; csrw mcounteren, t0; csrw scounteren, t0
  csrr s2, minstret
  IN_MODE(PRV_U, csrr s3, instret; csrr s4, cycle; csrr s5, time)
  CHECK_ECALL(PRV_U)
  sub a0, s3, s2; blez a0, test_fail
  csrr a1, mcycle; sub a0, a1, s4; bltz a0, test_fail
  csrr a1, time; sub a0, a1, s5; bltz a0, test_fail
  TEST_CASE(96)            /* M-mode reads need no enable */
  csrw mcounteren, zero; csrw scounteren, zero
  PRIV_RESET
  csrr a0, cycle; csrr a0, time; csrr a0, instret
  CHECK_COUNT(0)

  PRIV_END

  .text
/* S vector table: exceptions enter at base; any interrupt entry fails. */
  .balign 256
s_vectors:
  j priv_strap
  .rept 15
  j priv_s_fail
  .endr
