/* Interrupts with S and U modes (Privileged spec 3.1.6.1, 3.1.9, 4.1.3):
 *   priority among pending interrupts taken in M: MSI > MTI > SEI > SSI >
 *   STI (MEI cannot be raised: rvtlm-iss has no external interrupt source);
 *   interrupts not delegated are M-level: taken from S and U whatever
 *   mstatus.MIE; delegated ones (mideleg) are taken in S only when
 *   sstatus.SIE is set in S, always in U, never in M, and only when enabled
 *   in sie; the priority of delegated ones in S (SEI > SSI > STI); an
 *   interrupt for M is taken before one for S whatever their causes (M
 *   preempts S); scause/sepc/sstatus.SPP on an S interrupt; stvec and mtvec
 *   vectored mode sending interrupt i to base + 4 * i. The S-level sources
 *   are the software-writable mip.SSIP/STIP/SEIP (menvcfg.STCE = 0); the
 *   M-level ones come from the CLINT. */
#include "vm.h"

#define SPIN 1000000
/* Wait (bounded) until (mip & bits) == val; fails otherwise. Clobbers a5. */
#define WAIT_MIP(bits, val) \
  li a5, SPIN; \
8603: csrr t1, mip; li t0, bits; and t1, t1, t0; li t0, val; beq t1, t0, 8604f; \
  addi a5, a5, -1; bnez a5, 8603b; j test_fail; \
8604:
/* In S or U: make the next trap resume in M at label (t0, t1 are free). */
#define RESUME_AT(label) \
  la t0, priv_frame; la t1, label; SREG t1, PF_RESUME(t0)

  TEST_BEGIN
  PRIV_INIT
  csrw CSR_MENVCFG, zero
#if __riscv_xlen == 32
  csrw CSR_MENVCFGH, zero
#endif
  csrw mie, zero; csrw mip, zero

  /* ---- priority of interrupts taken in M (nothing delegated) ---- */
  TEST_CASE(1)
  MSIP_SET(1)
  TIMER_ARM(0)
  li t0, MIP_S_ALL; csrs mip, t0
  WAIT_MIP(MIP_MSIP | MIP_MTIP | MIP_S_ALL, MIP_MSIP | MIP_MTIP | MIP_S_ALL)
  PRIV_RESET
  li t0, MIP_M_ALL | MIP_S_ALL; csrw mie, t0
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(5)
#if !QEMU_COMPAT           /* QEMU 7.2 takes the lowest cause number first */
  CHECK_LOG(0, CAUSE_MSI); CHECK_LOG(1, CAUSE_MTI); CHECK_LOG(2, CAUSE_SEI)
  CHECK_LOG(3, CAUSE_SSI); CHECK_LOG(4, CAUSE_STI)
#endif
  csrr a0, mip; CHECK_MASKED(a0, MIP_MSIP | MIP_MTIP | MIP_S_ALL, 0)
  TEST_CASE(2)             /* SEI before SSI before STI, in M, by pairs
                              (QEMU 7.2: the lowest cause number first) */
  li t0, MIP_STIP | MIP_SSIP; csrs mip, t0
  PRIV_RESET
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(2); CHECK_LOG(0, CAUSE_SSI); CHECK_LOG(1, CAUSE_STI)
#if !QEMU_COMPAT
  li t0, MIP_STIP | MIP_SEIP; csrs mip, t0
  PRIV_RESET
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(2); CHECK_LOG(0, CAUSE_SEI); CHECK_LOG(1, CAUSE_STI)
  li t0, MIP_SSIP | MIP_SEIP; csrs mip, t0
  PRIV_RESET
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(2); CHECK_LOG(0, CAUSE_SEI); CHECK_LOG(1, CAUSE_SSI)
#endif
  TEST_CASE(3)             /* MIE = 0 in M: nothing is taken */
  li t0, MIP_SSIP; csrs mip, t0
  PRIV_RESET
  nop; nop
  CHECK_COUNT(0)
  csrw mip, zero

  /* ---- not delegated: M-level, taken from S and U with MIE = 0 ---- */
  TEST_CASE(10)
  li t0, MIP_SSIP; csrw mie, t0; csrs mip, t0
  IN_MODE(PRV_S, 1: nop)
  CHECK_MTRAP(CAUSE_SSI, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPP_S)
  TEST_CASE(11)
  li t0, MIP_STIP; csrw mie, t0; csrs mip, t0
  IN_MODE(PRV_U, 1: nop)
  CHECK_MTRAP(CAUSE_STI, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP, 0)
  TEST_CASE(12)            /* MSI from the CLINT while in S with SIE = 1 */
  li t0, MIP_MSIP; csrw mie, t0
  li t0, MSTATUS_SIE; csrs mstatus, t0
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  IN_MODE(PRV_S, 1: nop)
  CHECK_MTRAP(CAUSE_MSI, 0); CHECK_EPC(1b)
  li t0, MSTATUS_SIE; csrc mstatus, t0
  TEST_CASE(13)            /* not enabled in mie: not taken */
  csrw mie, zero
  li t0, MIP_S_ALL; csrs mip, t0
  IN_MODE(PRV_U, nop)
  CHECK_ECALL(PRV_U)
  csrw mip, zero

  /* ---- delegated to S ---- */
  li t0, MIP_S_ALL; csrw mideleg, t0
  TEST_CASE(20)            /* in S: taken once sstatus.SIE is set */
  li t0, MSTATUS_SIE; csrc mstatus, t0
  li t0, MIP_SSIP; csrw mie, t0; csrs mip, t0
  li a2, -1
  IN_MODE(PRV_S, li a2, 100; 2: addi a2, a2, -1; bnez a2, 2b; \
    li a1, MSTATUS_SIE; csrs sstatus, a1; 1: nop)
  CHECK_STRAP(CAUSE_SSI, 0); CHECK_EPC(1b); CHECK_EQ(a2, 0)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
  csrr a0, scause; CHECK_EQ(a0, CAUSE_SSI)
  csrr a0, sepc; la a1, 1b; CHECK_EQR(a0, a1)
  csrr a0, mip; CHECK_MASKED(a0, MIP_SSIP, 0)   /* cleared through sip */
  TEST_CASE(21)            /* in U: taken although SIE = 0 */
  li t0, MSTATUS_SIE; csrc mstatus, t0
  li t0, MIP_SSIP; csrs mip, t0
  IN_MODE(PRV_U, 1: nop)
  CHECK_STRAP(CAUSE_SSI, 0); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, 0)
  TEST_CASE(22)            /* STI and SEI in U */
  li t0, MIP_STIP; csrw mie, t0; csrs mip, t0
  IN_MODE(PRV_U, 1: nop)
  CHECK_STRAP(CAUSE_STI, 0); CHECK_EPC(1b)
  csrr a0, mie; CHECK_EQ(a0, 0)           /* the S handler cleared sie.STIE */
  li t0, MIP_SEIP; csrw mie, t0; csrs mip, t0
  IN_MODE(PRV_U, 1: nop)
  CHECK_STRAP(CAUSE_SEI, 0); CHECK_EPC(1b)
  csrw mip, zero
  TEST_CASE(23)            /* in U but not enabled in sie: not taken */
  csrw mie, zero
  li t0, MIP_S_ALL; csrs mip, t0
  IN_MODE(PRV_U, nop)
  CHECK_ECALL(PRV_U)
  TEST_CASE(24)            /* never taken in M, even with MIE and SIE set */
  li t0, MIP_S_ALL; csrw mie, t0
  li t0, MSTATUS_SIE; csrs mstatus, t0
  PRIV_RESET
  csrsi mstatus, MSTATUS_MIE
  nop; nop; nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(0)
  TEST_CASE(25)            /* priority in S: SEI > SSI > STI */
  PRIV_EXPECT(1)
  GO_MODE(PRV_S, 2f)
2: RESUME_AT(1f)
  ecall
1: CHECK_COUNT(4); CHECK_LOG(3, CAUSE_ECALL_S)
#if !QEMU_COMPAT
  CHECK_LOG(0, CAUSE_SEI | LOG_S); CHECK_LOG(1, CAUSE_SSI | LOG_S)
  CHECK_LOG(2, CAUSE_STI | LOG_S)
#endif
  TEST_CASE(26)            /* M before S: MSI (to M) preempts the pending SSI */
  li t0, MSTATUS_SIE; csrs mstatus, t0
  li t0, MIP_MSIP | MIP_SSIP; csrw mie, t0
  li t0, MIP_SSIP; csrs mip, t0
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  PRIV_EXPECT(1)
  GO_MODE(PRV_S, 2f)
2: RESUME_AT(1f)
  ecall
1: CHECK_COUNT(3)
  CHECK_LOG(0, CAUSE_MSI); CHECK_LOG(1, CAUSE_SSI | LOG_S); CHECK_LOG(2, CAUSE_ECALL_S)
  TEST_CASE(27)            /* an S-level cause for M (STI not delegated)
                              before higher-priority causes for S */
  li t0, MIP_SEIP | MIP_SSIP; csrw mideleg, t0
  li t0, MIP_S_ALL; csrw mie, t0; csrs mip, t0
  PRIV_EXPECT(1)
  GO_MODE(PRV_S, 2f)
2: RESUME_AT(1f)
  ecall
1: CHECK_COUNT(4)
  CHECK_LOG(0, CAUSE_STI); CHECK_LOG(3, CAUSE_ECALL_S)
#if !QEMU_COMPAT
  CHECK_LOG(1, CAUSE_SEI | LOG_S); CHECK_LOG(2, CAUSE_SSI | LOG_S)
#endif
  TEST_CASE(28)            /* M-level interrupt taken while the S handler runs
                              (SIE = 0 there): the first SSI's handler sees MSI */
  li t0, MIP_S_ALL; csrw mideleg, t0
  la t0, s_handler_raising_msi; csrw stvec, t0
  li t0, MIP_MSIP | MIP_SSIP; csrw mie, t0
  li t0, MIP_SSIP; csrs mip, t0
  PRIV_EXPECT(1)
  GO_MODE(PRV_S, 2f)
2: RESUME_AT(1f)
  ecall
1: CHECK_COUNT(3)
  CHECK_LOG(0, CAUSE_MSI); CHECK_LOG(1, CAUSE_SSI | LOG_S); CHECK_LOG(2, CAUSE_ECALL_S)
  la t0, priv_strap; csrw stvec, t0
  li t0, MSTATUS_SIE; csrc mstatus, t0
  csrw mie, zero; csrw mip, zero

  /* ---- vectored mode ---- */
  TEST_CASE(30)            /* stvec: a delegated SSI enters at base + 4 */
  la t0, s_vectors; ori t0, t0, 1; csrw stvec, t0
  li t0, MIP_SSIP; csrw mie, t0; csrs mip, t0
  li s11, -1
  IN_MODE(PRV_U, 1: nop)
  CHECK_STRAP(CAUSE_SSI, 0); CHECK_EPC(1b); CHECK_EQ(s11, 1)
  TEST_CASE(31)            /* STI at base + 20 */
  li t0, MIP_STIP; csrw mie, t0; csrs mip, t0
  li s11, -1
  IN_MODE(PRV_U, 1: nop)
  CHECK_STRAP(CAUSE_STI, 0); CHECK_EQ(s11, 5)
  la t0, priv_strap; csrw stvec, t0
  csrw mip, zero; csrw mideleg, zero
  TEST_CASE(32)            /* mtvec: SEI not delegated enters at base + 36 */
  la t0, m_vectors; ori t0, t0, 1; csrw mtvec, t0
  li t0, MIP_SEIP; csrw mie, t0; csrs mip, t0
  li s11, -1
  IN_MODE(PRV_S, 1: nop)
  CHECK_MTRAP(CAUSE_SEI, 0); CHECK_EQ(s11, 9)
  TEST_CASE(33)            /* MSI at base + 12, taken in M */
  li t0, MIP_MSIP; csrw mie, t0
  MSIP_SET(1)
  WAIT_MIP(MIP_MSIP, MIP_MSIP)
  li s11, -1
  PRIV_RESET
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_COUNT(1); CHECK_PF(PF_CAUSE, CAUSE_MSI); CHECK_EQ(s11, 3)
  TEST_CASE(34)            /* exceptions still enter at base */
  li s11, -1
  IN_MODE(PRV_U, nop)
  CHECK_ECALL(PRV_U); CHECK_EQ(s11, 0)
  la t0, priv_mtrap; csrw mtvec, t0
  csrw mie, zero

  PRIV_END

  .text
/* S handler that raises MSI (the CLINT is reachable in Bare mode) and waits
 * until M has taken it, with SIE = 0, then continues as priv_strap. */
  .balign 4
s_handler_raising_msi:
  csrrw t0, sscratch, t0
  SREG t1, PF(5)(t0)
  SREG t2, PF(6)(t0)
  li t1, CLINT_MSIP
  li t2, 1
  sw t2, 0(t1)
  li t1, 100000
1: LREG t2, PF_COUNT(t0)
  bnez t2, 2f
  addi t1, t1, -1
  bnez t1, 1b
2: LREG t2, PF(6)(t0)
  LREG t1, PF(5)(t0)
  csrrw t0, sscratch, t0
  j priv_strap

/* Vector tables: the entry of cause i leaves i in s11, then the handler. */
  .balign 256
s_vectors:
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
  j s_vec_\i
  .endr
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
s_vec_\i:
  li s11, \i
  j priv_strap
  .endr
  .balign 256
m_vectors:
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
  j m_vec_\i
  .endr
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
m_vec_\i:
  li s11, \i
  j priv_mtrap
  .endr
