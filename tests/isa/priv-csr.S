/* Supervisor CSRs and the machine CSRs that serve S and U (Privileged spec
 * 3.1.1, 3.1.6, 3.1.8, 3.1.9, 3.1.11, 3.1.18, 4.1):
 *   misa has S and U; every S CSR exists in M and S; sstatus is a view of
 *   mstatus (only its fields read, only they are written; UXL = 2 on RV64);
 *   mstatus SXL/UXL, MBE/SBE/UBE, FS (writable, FP instructions illegal
 *   when Off, an FP write makes it Dirty), XS read-only zero, SD = FS or XS
 *   Dirty, also in sstatus; mstatush on RV32; mip.SSIP/STIP/SEIP writable
 *   from M, the M bits not (VS, which may optionally be writable without V
 *   when S exists, is left out of the checks); mie, mideleg and medeleg writable bits
 *   (medeleg[11] read-only zero); sie and sip as views of mie and mip under
 *   mideleg (non-delegated bits read zero and ignore writes, sip.SSIP
 *   writable, sip.STIP/SEIP read-only), also from S; stvec direct and
 *   vectored, sscratch, sepc (bit 0 zero), scause, stval; satp WARL: Bare,
 *   the supported modes, ASID bits from bit 0 up, writes with an
 *   unsupported MODE ignored as a whole; mcounteren / scounteren; menvcfg
 *   (FIOM, STCE writable; no PBMTE, CBIE, CBCFE, CBZE) and senvcfg (FIOM). */
#include "vm.h"

#define FADD_D_BITS 0x02007053   /* fadd.d f0, f0, f0 (rm = dyn) */
#define UXL_MASK XLEN_SEL(0, 0x300000000)
#define UXL_64 XLEN_SEL(0, 0x200000000)

  TEST_BEGIN
  PRIV_INIT

  /* ---- existence ---- */
  TEST_CASE(1); csrr a0, misa
  CHECK_MASKED(a0, MISA_BIT('S') | MISA_BIT('U'), MISA_BIT('S') | MISA_BIT('U'))
  TEST_CASE(2)             /* every S CSR and the M CSRs for S read in M */
  PRIV_RESET
  csrr a0, sstatus; csrr a0, sie; csrr a0, stvec; csrr a0, scounteren
  csrr a0, CSR_SENVCFG; csrr a0, sscratch; csrr a0, sepc; csrr a0, scause
  csrr a0, stval; csrr a0, sip; csrr a0, satp
  csrr a0, medeleg; csrr a0, mideleg; csrr a0, mcounteren; csrr a0, CSR_MENVCFG
  CHECK_COUNT(0)
  TEST_CASE(3)             /* and in S */
  IN_MODE(PRV_S, csrr a0, sstatus; csrr a0, sie; csrr a0, stvec; csrr a0, scounteren; \
    csrr a0, CSR_SENVCFG; csrr a0, sscratch; csrr a0, sepc; csrr a0, scause; \
    csrr a0, stval; csrr a0, sip; csrr a0, satp)
  CHECK_ECALL(PRV_S)

  /* ---- sstatus as a view of mstatus ---- */
  TEST_CASE(10)            /* reads show only the S fields */
  li t0, MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | \
         MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR
  csrs mstatus, t0
  li t0, MSTATUS_FS; csrc mstatus, t0; li t0, MSTATUS_FS_INITIAL; csrs mstatus, t0
  li t0, MSTATUS_VS; csrc mstatus, t0
  csrr a0, sstatus
  CHECK_EQ(a0, UXL_64 | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | \
           MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS_INITIAL)
  TEST_CASE(11)            /* clearing sstatus leaves the M fields alone */
  li t0, -1; csrc sstatus, t0
  csrr a0, sstatus; CHECK_EQ(a0, UXL_64)
  csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | \
               MSTATUS_MIE | MSTATUS_MPRV | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | \
               MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS, \
               MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
  TEST_CASE(12)            /* writing all ones sets only the writable S fields */
  li t0, MSTATUS_MPIE | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR; csrc mstatus, t0
  li t0, -1; csrw sstatus, t0
  csrr a0, sstatus
#if !QEMU_COMPAT
  CHECK_MASKED(a0, ~MSTATUS_VS, MSTATUS_SD | UXL_64 | MSTATUS_SIE | MSTATUS_SPIE | \
           MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS)
#else                      /* QEMU 7.2 takes UXL = 3 */
  CHECK_MASKED(a0, ~(MSTATUS_VS | UXL_MASK), MSTATUS_SD | MSTATUS_SIE | MSTATUS_SPIE | \
           MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS)
  li t0, UXL_MASK ^ UXL_64; csrc mstatus, t0
#endif
  csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MPIE | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MIE | \
               MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPP)
  li t0, MSTATUS_VS; csrc mstatus, t0
  TEST_CASE(13)            /* sstatus written from S */
  li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SUM | MSTATUS_MXR; csrc mstatus, t0
  IN_MODE(PRV_S, li a1, MSTATUS_SUM | MSTATUS_SPIE; csrs sstatus, a1; csrr a2, sstatus)
  CHECK_ECALL(PRV_S)
  CHECK_MASKED(a2, MSTATUS_SUM | MSTATUS_SPIE | MSTATUS_MXR | MSTATUS_SIE, \
               MSTATUS_SUM | MSTATUS_SPIE)
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_SUM | MSTATUS_SPIE, MSTATUS_SUM | MSTATUS_SPIE)
  li t0, MSTATUS_SUM | MSTATUS_SPIE | MSTATUS_SPP; csrc mstatus, t0

  /* ---- mstatus: XLEN and endianness fields, FS / XS / SD ---- */
#if __riscv_xlen == 64
  TEST_CASE(20)            /* SXL = UXL = 2, not writable to other values */
  csrr a0, mstatus; srli a0, a0, 32; CHECK_MASKED(a0, 0xf, 0xa)
#if !QEMU_COMPAT
  li t0, 0xf00000000; csrc mstatus, t0          /* QEMU 7.2 takes UXL = 0 */
  csrr a0, mstatus; srli a0, a0, 32; CHECK_MASKED(a0, 0xf, 0xa)
  li t0, 0x500000000; csrs mstatus, t0          /* 3 (XLEN 128) */
  csrr a0, mstatus; srli a0, a0, 32; CHECK_MASKED(a0, 0xf, 0xa)
#endif
  TEST_CASE(21)            /* MBE, SBE, UBE: little-endian only */
  li t0, 0x3000000000 | MSTATUS_UBE; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, 0x3000000000 | MSTATUS_UBE, 0)
#else
  TEST_CASE(20)            /* mstatush: MBE, SBE read-only zero, no H
                              fields (QEMU 7.2 lets MPV and GVA be written) */
  csrr a0, CSR_MSTATUSH; CHECK_EQ(a0, 0)
#if !QEMU_COMPAT
  li t0, -1; csrw CSR_MSTATUSH, t0
  csrr a0, CSR_MSTATUSH; CHECK_EQ(a0, 0)
#endif
  li t0, 0x30; csrs CSR_MSTATUSH, t0
  csrr a0, CSR_MSTATUSH; CHECK_EQ(a0, 0)
  TEST_CASE(21)
  li t0, MSTATUS_UBE; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_UBE, 0)
#endif
  TEST_CASE(22)            /* FS takes all four values; SD follows Dirty */
  li t0, MSTATUS_FS; csrc mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, 0)
  li t0, MSTATUS_FS_INITIAL; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_INITIAL)
  li t0, MSTATUS_FS; csrc mstatus, t0; li t0, MSTATUS_FS_CLEAN; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS_CLEAN)
  li t0, MSTATUS_FS; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD)
  csrr a0, sstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD)
  TEST_CASE(23)            /* XS is read-only zero (no other extension state) */
  li t0, MSTATUS_XS; csrs mstatus, t0
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_XS, 0)
  TEST_CASE(24)            /* FS = Off: FP instructions and fcsr are illegal */
  li t0, MSTATUS_FS; csrc mstatus, t0
  PRIV_CATCH(2f)
1: .4byte FADD_D_BITS
2: CHECK_ILLEGAL(FADD_D_BITS); CHECK_EPC(1b)
  PRIV_CATCH(2f)
1: csrr a0, fcsr
2: CHECK_ILLEGAL(0x00302573); CHECK_EPC(1b)
  TEST_CASE(25); IN_MODE(PRV_U, 1: .4byte FADD_D_BITS)
  CHECK_ILLEGAL(FADD_D_BITS); CHECK_EPC(1b)
  TEST_CASE(26)            /* Initial: an FP register write makes it Dirty */
  li t0, MSTATUS_FS_INITIAL; csrs mstatus, t0
  .option push
  .option arch, +d
  fmv.w.x f0, zero
  .option pop
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD)
  TEST_CASE(27)            /* Clean: an fcsr write makes it Dirty, also in U */
  li t0, MSTATUS_FS; csrc mstatus, t0; li t0, MSTATUS_FS_CLEAN; csrs mstatus, t0
  IN_MODE(PRV_U, csrw fcsr, zero)
  CHECK_ECALL(PRV_U)
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD)

  /* ---- mip, mie, mideleg, medeleg ---- */
  TEST_CASE(30)            /* SSIP, STIP, SEIP are writable from M */
  csrw mie, zero
  li t0, MIP_S_ALL; csrw mip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_S_ALL)
  csrw mip, zero
  csrr a0, mip; CHECK_EQ(a0, 0)
  TEST_CASE(31)            /* one at a time */
  li t0, MIP_STIP; csrs mip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_STIP)
  li a1, MIP_SEIP; csrs mip, a1
  csrr a0, mip; CHECK_EQ(a0, MIP_STIP | MIP_SEIP)
  csrc mip, a1
  li t0, MIP_SSIP; csrs mip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_STIP | MIP_SSIP)
  csrw mip, zero
  TEST_CASE(32)            /* the M bits are not */
  li t0, MIP_M_ALL; csrs mip, t0
  csrr a0, mip; CHECK_EQ(a0, 0)
  TEST_CASE(33)            /* mie: the six standard enables (QEMU 7.2 also
                              takes the H and LCOFI bits) */
  li t0, -1; csrw mie, t0
  csrr a0, mie
#if !QEMU_COMPAT
  CHECK_EQ(a0, MIP_M_ALL | MIP_S_ALL)
#else
  CHECK_MASKED(a0, MIP_M_ALL | MIP_S_ALL, MIP_M_ALL | MIP_S_ALL)
#endif
  csrw mie, zero
  csrr a0, mie; CHECK_EQ(a0, 0)
  TEST_CASE(34)            /* mideleg: the S interrupts can be delegated */
  li t0, -1; csrw mideleg, t0
  csrr a0, mideleg; CHECK_MASKED(a0, MIP_S_ALL, MIP_S_ALL)
  csrw mideleg, zero
  csrr a0, mideleg
#if !QEMU_COMPAT
  CHECK_EQ(a0, 0)
#else                      /* QEMU 7.2: the VS bits read one without H */
  CHECK_MASKED(a0, MIP_M_ALL | MIP_S_ALL, 0)
#endif
  TEST_CASE(35)            /* medeleg: the standard causes, never ecall from
                              M (QEMU 7.2 lets bit 11 be set) */
  li t0, -1; csrw medeleg, t0
  csrr a0, medeleg
  CHECK_MASKED(a0, 0xb3ff, 0xb3ff)
#if !QEMU_COMPAT
  CHECK_MASKED(a0, 1 << CAUSE_ECALL_M, 0)
#endif
  csrw medeleg, zero
  csrr a0, medeleg; CHECK_EQ(a0, 0)

  /* ---- sie / sip under mideleg ---- */
  TEST_CASE(40)            /* nothing delegated: sie reads 0, writes ignored */
  li t0, -1; csrw mie, t0
  csrr a0, sie; CHECK_EQ(a0, 0)
  csrw mie, zero
  li t0, -1; csrw sie, t0
  csrr a0, mie; CHECK_EQ(a0, 0)
  csrr a0, sie; CHECK_EQ(a0, 0)
  TEST_CASE(41)            /* all delegated: sie writes reach mie, no M bits */
  li t0, MIP_S_ALL; csrw mideleg, t0
  li t0, -1; csrw sie, t0
  csrr a0, sie; CHECK_EQ(a0, MIP_S_ALL)
  csrr a0, mie; CHECK_EQ(a0, MIP_S_ALL)
  li t0, MIP_M_ALL; csrs mie, t0
  csrr a0, sie; CHECK_EQ(a0, MIP_S_ALL)
  csrw sie, zero
  csrr a0, mie; CHECK_EQ(a0, MIP_M_ALL)
  TEST_CASE(42)            /* partly delegated: sie shows only STIE */
  li t0, MIP_STIP; csrw mideleg, t0
  li t0, MIP_M_ALL | MIP_S_ALL; csrw mie, t0
  csrr a0, sie; CHECK_EQ(a0, MIP_STIP)
  csrw sie, zero
  csrr a0, mie; CHECK_EQ(a0, MIP_M_ALL | MIP_SSIP | MIP_SEIP)
  csrw mie, zero
  TEST_CASE(43)            /* sip: nothing delegated reads 0, writes ignored */
  csrw mideleg, zero
  li t0, MIP_S_ALL; csrw mip, t0
  csrr a0, sip; CHECK_EQ(a0, 0)
  li t0, -1; csrc sip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_S_ALL)
  TEST_CASE(44)            /* delegated: sip shows them; only SSIP writable */
  li t0, MIP_S_ALL; csrw mideleg, t0
  csrr a0, sip; CHECK_EQ(a0, MIP_S_ALL)
  li t0, -1; csrc sip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_STIP | MIP_SEIP)
  csrr a0, sip; CHECK_EQ(a0, MIP_STIP | MIP_SEIP)
  li t0, MIP_SSIP; csrs sip, t0
  csrr a0, mip; CHECK_EQ(a0, MIP_S_ALL)
  TEST_CASE(45)            /* the same from S (sie = 0: nothing is taken) */
  li t0, MIP_SEIP; csrc mip, t0
  IN_MODE(PRV_S, csrr a2, sip; li a1, MIP_SSIP; csrc sip, a1; csrr a3, sip; \
    li a1, MIP_STIP; csrc sip, a1; csrr a4, sip; li a1, -1; csrw sie, a1; csrr a5, sie)
  CHECK_ECALL(PRV_S)
  CHECK_EQ(a2, MIP_SSIP | MIP_STIP); CHECK_EQ(a3, MIP_STIP); CHECK_EQ(a4, MIP_STIP)
  CHECK_EQ(a5, MIP_S_ALL)
  csrr a0, mip; CHECK_EQ(a0, MIP_STIP)
  csrr a0, mie; CHECK_EQ(a0, MIP_S_ALL)
  csrw mie, zero; csrw mip, zero; csrw mideleg, zero

  /* ---- trap CSRs ---- */
  csrr s10, stvec
  TEST_CASE(50); la a1, s_vec_base; csrw stvec, a1
  csrr a0, stvec; CHECK_EQR(a0, a1)
  addi a1, a1, 1; csrw stvec, a1
  csrr a0, stvec; CHECK_EQR(a0, a1)
  csrw stvec, s10
  TEST_CASE(51); li a1, XLEN_SEL(0xa5a5a5a5, 0xa5a5a5a55a5a5a5a); csrw sscratch, a1
  csrr a0, sscratch; CHECK_EQR(a0, a1)
  TEST_CASE(52); li a1, 0x80001236; csrw sepc, a1     /* IALIGN = 16 */
  csrr a0, sepc; CHECK_EQ(a0, 0x80001236)
#if !QEMU_COMPAT
  li a1, 0x80001237; csrw sepc, a1                     /* QEMU 7.2 keeps bit 0 */
  csrr a0, sepc; CHECK_EQ(a0, 0x80001236)
#endif
  TEST_CASE(53); li a1, CAUSE_STI; csrw scause, a1
  csrr a0, scause; CHECK_EQR(a0, a1)
  li a1, CAUSE_LOAD_PAGE; csrw scause, a1
  csrr a0, scause; CHECK_EQR(a0, a1)
  TEST_CASE(54); li a1, XLEN_SEL(0x12345678, 0x123456789abcdef0); csrw stval, a1
  csrr a0, stval; CHECK_EQR(a0, a1)

  /* ---- satp ---- */
  TEST_CASE(60); csrw satp, zero
  csrr a0, satp; CHECK_EQ(a0, 0)
  TEST_CASE(61)            /* the supported mode with a PPN and all ASID bits */
  la a1, vm_pool; srli a1, a1, 12
  li t0, VM_SATP_MODE | (SATP_ASID_MASK << SATP_ASID_SHIFT); or a1, a1, t0
  csrw satp, a1
  csrr a0, satp
  li t0, -1 ^ (SATP_ASID_MASK << SATP_ASID_SHIFT); and a2, a0, t0; and a3, a1, t0
  CHECK_EQR(a2, a3)        /* MODE and PPN as written */
  TEST_CASE(62)            /* ASID: implemented bits are the low ones */
  srli a2, a0, SATP_ASID_SHIFT; li t0, SATP_ASID_MASK; and a2, a2, t0
  addi a3, a2, 1; and a3, a3, a2; CHECK_EQ(a3, 0)
  mv s2, a0                /* a valid satp value */
  TEST_CASE(63)            /* Bare with zero fields */
  csrw satp, zero; csrr a0, satp; CHECK_EQ(a0, 0)
#if __riscv_xlen == 64
  TEST_CASE(64)            /* Sv48 is supported as well */
  csrw satp, s2
  li t0, 0xf << 60; csrc satp, t0; li t0, 9 << 60; csrs satp, t0
  csrr a0, satp; srli a0, a0, 60; CHECK_EQ(a0, 9)
  TEST_CASE(65)            /* reserved modes 1..7 and 11..15: write ignored */
  .irp mode, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15
  csrw satp, s2
  li a1, 0x0fffffffffffffff; and a1, s2, a1; li t0, \mode << 60; or a1, a1, t0
  csrw satp, a1
  csrr a0, satp; CHECK_EQR(a0, s2)
  .endr
#if !QEMU_COMPAT
  TEST_CASE(66)            /* Sv57 (10) is not implemented: write ignored
                              (QEMU 7.2 implements Sv57) */
  csrw satp, s2
  li a1, 0x0fffffffffffffff; and a1, s2, a1; li t0, 10 << 60; or a1, a1, t0
  csrw satp, a1
  csrr a0, satp; CHECK_EQR(a0, s2)
#endif
  TEST_CASE(67)            /* a rejected write does not clear the register */
  csrw satp, s2
  li a1, 5 << 60; csrw satp, a1
  csrr a0, satp; CHECK_EQR(a0, s2)
#endif
  csrw satp, zero

  /* ---- counter enables ---- */
  TEST_CASE(70); li t0, 7; csrw mcounteren, t0
  csrr a0, mcounteren; CHECK_MASKED(a0, 7, 7)
  csrw mcounteren, zero; csrr a0, mcounteren; CHECK_EQ(a0, 0)
  TEST_CASE(71); li t0, 7; csrw scounteren, t0
  csrr a0, scounteren; CHECK_MASKED(a0, 7, 7)
  csrw scounteren, zero; csrr a0, scounteren; CHECK_EQ(a0, 0)

  /* ---- menvcfg / senvcfg ---- */
  TEST_CASE(80)            /* FIOM writable */
  csrw CSR_MENVCFG, zero
  li t0, ENVCFG_FIOM; csrs CSR_MENVCFG, t0
  csrr a0, CSR_MENVCFG; CHECK_EQ(a0, ENVCFG_FIOM)
  TEST_CASE(81)            /* STCE writable (Sstc) */
#if __riscv_xlen == 64
  li t0, MENVCFG_STCE; csrs CSR_MENVCFG, t0
  csrr a0, CSR_MENVCFG; CHECK_EQ(a0, MENVCFG_STCE | ENVCFG_FIOM)
#else
  li t0, MENVCFGH_STCE; csrs CSR_MENVCFGH, t0
  csrr a0, CSR_MENVCFGH; CHECK_EQ(a0, MENVCFGH_STCE)
#endif
#if !QEMU_COMPAT
  TEST_CASE(82)            /* nothing else: no Svpbmt, Zicbom, Zicboz
                              (QEMU 7.2 has Zicbom and Zicboz) */
  li t0, -1; csrw CSR_MENVCFG, t0
  csrr a0, CSR_MENVCFG
  CHECK_EQ(a0, XLEN_SEL(ENVCFG_FIOM, ENVCFG_FIOM | MENVCFG_STCE))
#if __riscv_xlen == 32
  li t0, -1; csrw CSR_MENVCFGH, t0
  csrr a0, CSR_MENVCFGH; CHECK_EQ(a0, MENVCFGH_STCE)
#endif
#endif
  csrw CSR_MENVCFG, zero
#if __riscv_xlen == 32
  csrw CSR_MENVCFGH, zero
  csrr a0, CSR_MENVCFGH; CHECK_EQ(a0, 0)
#endif
  csrr a0, CSR_MENVCFG; CHECK_EQ(a0, 0)
  TEST_CASE(83)            /* senvcfg: FIOM */
  csrw CSR_SENVCFG, zero
  li t0, ENVCFG_FIOM; csrs CSR_SENVCFG, t0
  csrr a0, CSR_SENVCFG; CHECK_EQ(a0, ENVCFG_FIOM)
#if !QEMU_COMPAT
  li t0, -1; csrw CSR_SENVCFG, t0
  csrr a0, CSR_SENVCFG; CHECK_EQ(a0, ENVCFG_FIOM)
#endif
  csrw CSR_SENVCFG, zero
  csrr a0, CSR_SENVCFG; CHECK_EQ(a0, 0)
  TEST_CASE(84)            /* senvcfg written from S */
  IN_MODE(PRV_S, li a1, ENVCFG_FIOM; csrw CSR_SENVCFG, a1; csrr a2, CSR_SENVCFG)
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, ENVCFG_FIOM)
  csrw CSR_SENVCFG, zero

  PRIV_END

  .text
  .balign 256
s_vec_base:
  j priv_s_fail
