/* Zicsr and the machine-mode CSRs: read/write/set/clear semantics of the
 * six CSR instructions (old value returned, uimm zero-extended, rs1 = x0 /
 * uimm = 0 forms do not write), WARL fields read back, the identification
 * CSRs, counters that read zero, and illegal accesses (nonexistent CSR,
 * write to a read-only CSR) raising illegal instruction with mtval = the
 * instruction bits and rd unchanged. Where the expected value depends on
 * whether S and U modes exist (mstatus.MPP, mie, mip, the S CSRs), misa
 * selects it; rvtlm implements M, S and U (the S CSRs themselves are tested
 * by priv-csr.S). */
#include "test.h"

/* Encoding of a CSR instruction (funct3: 1 rw, 2 rs, 3 rc, 5 rwi, 6 rsi,
 * 7 rci; rs1 is the register number or the uimm). */
#define CSR_ENC(csr, f3, rd, rs1) \
  (((csr) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | 0x73)
#define SENTINEL 0x5ca1ab1e

/* Case n: the CSR instruction must raise illegal instruction with mtval =
 * its bits; rd = a0 (x10) keeps its value; a1 (x11) holds 1. */
#define TEST_CSR_ILLEGAL(n, csr, f3, rs1) \
  TEST_CASE(n); li a0, SENTINEL; li a1, 1; \
  TEST_EXC(n, CAUSE_ILLEGAL, CSR_ENC(csr, f3, 10, rs1), .4byte CSR_ENC(csr, f3, 10, rs1)); \
  CHECK_EQ(a0, SENTINEL)
/* Case n: the CSR instruction must not trap. */
#define TEST_CSR_LEGAL(n, csr, f3, rs1) \
  TEST_CASE(n); li a1, 0; TRAP_EXPECT; \
  .4byte CSR_ENC(csr, f3, 10, rs1); \
  CHECK_NO_TRAP; la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)

  TEST_BEGIN

  /* ---- instruction semantics, on mscratch (saved in s11) ---- */
  csrr s11, mscratch
  TEST_CASE(1); li a1, 0x1234; csrw mscratch, a1
  li a2, 0x5678
  csrrw a0, mscratch, a2
  CHECK_EQ(a0, 0x1234); csrr a3, mscratch; CHECK_EQ(a3, 0x5678)
  TEST_CASE(2); li a2, 0x0f0f
  csrrs a0, mscratch, a2
  CHECK_EQ(a0, 0x5678); csrr a3, mscratch; CHECK_EQ(a3, 0x5f7f)
  TEST_CASE(3); li a2, 0x00ff
  csrrc a0, mscratch, a2
  CHECK_EQ(a0, 0x5f7f); csrr a3, mscratch; CHECK_EQ(a3, 0x5f00)
  TEST_CASE(4)
  csrrwi a0, mscratch, 31
  CHECK_EQ(a0, 0x5f00); csrr a3, mscratch; CHECK_EQ(a3, 31)
  TEST_CASE(5)
  csrrci a0, mscratch, 0x15
  CHECK_EQ(a0, 31); csrr a3, mscratch; CHECK_EQ(a3, 0x0a)
  TEST_CASE(6)
  csrrsi a0, mscratch, 0x11
  CHECK_EQ(a0, 0x0a); csrr a3, mscratch; CHECK_EQ(a3, 0x1b)
  TEST_CASE(7)             /* rs1 = x0 and uimm = 0 forms read only */
  csrrs a0, mscratch, zero
  csrrc a2, mscratch, zero
  csrrsi a3, mscratch, 0
  csrrci a4, mscratch, 0
  CHECK_EQ(a0, 0x1b); CHECK_EQ(a2, 0x1b); CHECK_EQ(a3, 0x1b); CHECK_EQ(a4, 0x1b)
  csrr a5, mscratch; CHECK_EQ(a5, 0x1b)
  TEST_CASE(8)             /* all XLEN bits; rd == rs1 swaps */
  li a0, -1
  csrrw a0, mscratch, a0
  CHECK_EQ(a0, 0x1b); csrr a3, mscratch; CHECK_EQ(a3, -1)
  TEST_CASE(9); li a1, XLEN_SEL(0x80000001, 0x8000000000000001)
  csrrc a1, mscratch, a1
  CHECK_EQ(a1, -1); csrr a3, mscratch; CHECK_EQ(a3, XLEN_SEL(0x7ffffffe, 0x7ffffffffffffffe))
  TEST_CASE(10)            /* uimm is zero-extended */
  csrw mscratch, zero
  csrrsi zero, mscratch, 0x1f
  csrr a3, mscratch; CHECK_EQ(a3, 0x1f)
  csrw mscratch, s11

  /* ---- identification ---- */
  TEST_CASE(20); csrr a0, misa
#if __riscv_xlen == 64
  srli a1, a0, 62; CHECK_EQ(a1, 2)
#else
  srli a1, a0, 30; CHECK_EQ(a1, 1)
#endif
  CHECK_MASKED(a0, MISA_BIT('I') | MISA_BIT('M') | MISA_BIT('A') | MISA_BIT('C') | MISA_BIT('E'), MISA_BIT('I') | MISA_BIT('M') | MISA_BIT('A') | MISA_BIT('C'))
  TEST_CASE(21)            /* writing misa back is legal and changes nothing */
  csrw misa, a0
  csrr a1, misa; CHECK_EQR(a0, a1)
  TEST_CASE(22); csrr a0, mhartid; CHECK_EQ(a0, 0)
  TEST_CASE(25); csrr a0, misa     /* M, S and U */
  CHECK_MASKED(a0, MISA_BIT('S') | MISA_BIT('U'), MISA_BIT('S') | MISA_BIT('U'))
  TEST_CASE(23); csrr a0, mvendorid; csrr a0, marchid; csrr a0, mimpid
  TEST_CASE(24); csrr a0, CSR_MCONFIGPTR; CHECK_EQ(a0, 0)

  /* ---- mstatus ---- */
  TEST_CASE(30); li a1, MSTATUS_MPIE
  csrs mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE)
  csrc mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPIE | MSTATUS_MIE, 0)
  TEST_CASE(31)            /* MIE with no interrupt enabled in mie */
  csrsi mstatus, MSTATUS_MIE
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MIE, MSTATUS_MIE)
  csrci mstatus, MSTATUS_MIE
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MIE, 0)
  TEST_CASE(32); csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP)
  TEST_CASE(33)            /* MPP is WARL: it holds the implemented modes */
  IF_HAS_EXT('U', 2f)
  li a1, MSTATUS_MPP     /* only M-mode: it stays 3 */
  csrc mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP)
  li a1, 0x800           /* MPP = 1 (S) is not a supported mode either */
  csrs mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP)
  j 1f
2: li a1, MSTATUS_MPP    /* U-mode: MPP = 0 */
  csrc mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, 0)
  IF_HAS_EXT('S', 3f)
  j 1f
3: li a1, 0x800          /* S-mode: MPP = 1 */
  csrs mstatus, a1
  csrr a0, mstatus; CHECK_MASKED(a0, MSTATUS_MPP, 0x800)
1: li a1, MSTATUS_MPP; csrs mstatus, a1
#if __riscv_xlen == 32
  TEST_CASE(34); csrr a0, CSR_MSTATUSH; CHECK_EQ(a0, 0)
#endif

  /* ---- mtvec, mepc, mcause, mtval ---- */
  csrr s10, mtvec
  TEST_CASE(40); la a1, vec_base; csrw mtvec, a1
  csrr a0, mtvec; CHECK_EQR(a0, a1)
  TEST_CASE(41); addi a1, a1, 1; csrw mtvec, a1
  csrr a0, mtvec; CHECK_EQR(a0, a1)
  csrw mtvec, s10
  TEST_CASE(43); li a1, 0x80001236; csrw mepc, a1    /* IALIGN = 16 */
  csrr a0, mepc; CHECK_EQ(a0, 0x80001236)
  TEST_CASE(44); li a1, CAUSE_MTI; csrw mcause, a1
  csrr a0, mcause; CHECK_EQR(a0, a1)
  li a1, CAUSE_ILLEGAL; csrw mcause, a1
  csrr a0, mcause; CHECK_EQ(a0, CAUSE_ILLEGAL)
  TEST_CASE(45); la a1, vec_base; csrw mtval, a1
  csrr a0, mtval; CHECK_EQR(a0, a1)
  csrw mtval, zero; csrr a0, mtval; CHECK_EQ(a0, 0)

  /* ---- mie / mip ---- */
  TEST_CASE(50); li a1, -1
  csrw mie, a1
  csrr a0, mie; CHECK_MASKED(a0, MIP_MSIP | MIP_MTIP | MIP_MEIP, MIP_MSIP | MIP_MTIP | MIP_MEIP)
  IF_HAS_EXT('S', 2f)
  CHECK_EQ(a0, MIP_MSIP | MIP_MTIP | MIP_MEIP)
  j 1f
2: CHECK_MASKED(a0, 0x222, 0x222)   /* S-mode: SSIE, STIE, SEIE as well */
1: csrw mie, zero
  csrr a0, mie; CHECK_EQ(a0, 0)
  TEST_CASE(51)            /* MSIP/MTIP/MEIP are read-only in mip */
  li a1, MIP_MSIP | MIP_MTIP | MIP_MEIP
  csrs mip, a1
  csrr a0, mip; CHECK_MASKED(a0, MIP_MSIP | MIP_MTIP | MIP_MEIP, 0)
  csrc mip, a1
  csrr a0, mip; CHECK_MASKED(a0, MIP_MSIP | MIP_MTIP | MIP_MEIP, 0)
  IF_HAS_EXT('S', 2f)
  csrw mip, a1
  csrr a0, mip; CHECK_EQ(a0, 0)
  j 1f
2: li a1, 0x2            /* S-mode: SSIP is writable from M */
  csrs mip, a1
  csrr a0, mip; CHECK_MASKED(a0, 0x2, 0x2)
  csrc mip, a1
  csrr a0, mip; CHECK_MASKED(a0, 0x2, 0)
1:

  /* ---- counters ---- */
  TEST_CASE(60)            /* mcycle / minstret advance */
  csrr a0, minstret; nop; nop; csrr a1, minstret; sub a2, a1, a0
  CHECK_NE(a2, 0)
  csrr a0, mcycle; nop; nop; csrr a1, mcycle; sub a2, a1, a0
  CHECK_NE(a2, 0)
  TEST_CASE(61)            /* user aliases readable in M-mode */
  csrr a0, instret; csrr a1, minstret; sub a2, a1, a0
  bltz a2, test_fail
  csrr a0, cycle; csrr a1, mcycle; sub a2, a1, a0
  bltz a2, test_fail
  TEST_CASE(62)            /* time lies between two reads of mtime */
  li a3, CLINT_MTIME
  lw a0, 0(a3)
  csrr a1, time
  lw a2, 0(a3)
  sub a4, a1, a0; sub a5, a2, a0
#if __riscv_xlen == 64
  slli a4, a4, 32; srli a4, a4, 32
  slli a5, a5, 32; srli a5, a5, 32
#endif
  bltu a5, a4, test_fail
#if __riscv_xlen == 32
  TEST_CASE(63)
  csrr a0, mcycleh; csrr a0, minstreth; csrr a0, cycleh; csrr a0, instreth
  li a3, CLINT_MTIME
  lw a0, 4(a3)
  csrr a1, timeh
  lw a2, 4(a3)
  sub a4, a1, a0; sub a5, a2, a0
  bltu a5, a4, test_fail
#endif
  TEST_CASE(64)            /* writes to mcycle / minstret take effect */
  li a1, 0x40000000
  csrw minstret, a1
  csrr a0, minstret; sub a2, a0, a1
  bltz a2, test_fail
  li a3, 0x100000; bgeu a2, a3, test_fail
  csrw mcycle, a1
  csrr a0, mcycle; sub a2, a0, a1
  bltz a2, test_fail
  bgeu a2, a3, test_fail
  TEST_CASE(65)            /* mhpmcounter3..31 and mhpmevent3..31 read 0 */
  .irp n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  csrr a0, 0xb00 + \n
  bnez a0, test_fail
  csrr a0, 0x320 + \n
  bnez a0, test_fail
#if __riscv_xlen == 32
  csrr a0, 0xb80 + \n
  bnez a0, test_fail
#endif
  .endr
  TEST_CASE(66)            /* mcountinhibit: CY and IR are writable */
  li a1, 5
  csrw CSR_MCOUNTINHIBIT, a1
  csrr a0, CSR_MCOUNTINHIBIT
  csrw CSR_MCOUNTINHIBIT, zero
  CHECK_MASKED(a0, 7, 5)
  csrr a0, CSR_MCOUNTINHIBIT; CHECK_MASKED(a0, 7, 0)
#if !QEMU_COMPAT
  TEST_CASE(67)            /* mcountinhibit.TM (bit 1) is read-only zero */
  li a1, 2
  csrw CSR_MCOUNTINHIBIT, a1
  csrr a0, CSR_MCOUNTINHIBIT
  csrw CSR_MCOUNTINHIBIT, zero
  CHECK_EQ(a0, 0)
#endif

  /* ---- menvcfg ---- */
  TEST_CASE(70); csrr a0, CSR_MENVCFG
  csrw CSR_MENVCFG, zero; csrr a0, CSR_MENVCFG; CHECK_EQ(a0, 0)
#if __riscv_xlen == 32
  TEST_CASE(71); csrr a0, CSR_MENVCFGH
  csrw CSR_MENVCFGH, zero; csrr a0, CSR_MENVCFGH; CHECK_EQ(a0, 0)
#endif

  /* ---- legal read-only accesses: rs1 = x0 / uimm = 0 never write ---- */
  TEST_CSR_LEGAL(80, 0xf14, 2, 0)      /* csrrs a0, mhartid, x0 */
  TEST_CSR_LEGAL(81, 0xf11, 3, 0)      /* csrrc a0, mvendorid, x0 */
  TEST_CSR_LEGAL(82, 0xf12, 6, 0)      /* csrrsi a0, marchid, 0 */
  TEST_CSR_LEGAL(83, 0xf13, 7, 0)      /* csrrci a0, mimpid, 0 */
  TEST_CSR_LEGAL(84, 0xc00, 2, 0)      /* csrrs a0, cycle, x0 */
  TEST_CSR_LEGAL(85, 0xc01, 6, 0)      /* csrrsi a0, time, 0 */
  TEST_CSR_LEGAL(86, 0xc02, 3, 0)      /* csrrc a0, instret, x0 */
  TEST_CSR_LEGAL(87, 0xf15, 2, 0)      /* csrrs a0, mconfigptr, x0 */

  /* ---- writes to read-only CSRs ---- */
  TEST_CSR_ILLEGAL(90, 0xf14, 1, 0)    /* csrrw a0, mhartid, x0 */
  TEST_CSR_ILLEGAL(91, 0xf11, 1, 11)   /* csrrw a0, mvendorid, a1 */
  TEST_CSR_ILLEGAL(92, 0xf12, 2, 11)   /* csrrs a0, marchid, a1 */
  TEST_CSR_ILLEGAL(93, 0xf13, 3, 11)   /* csrrc a0, mimpid, a1 */
  TEST_CSR_ILLEGAL(94, 0xf14, 5, 0)    /* csrrwi a0, mhartid, 0 */
  TEST_CSR_ILLEGAL(95, 0xf14, 6, 1)    /* csrrsi a0, mhartid, 1 */
  TEST_CSR_ILLEGAL(96, 0xf15, 7, 1)    /* csrrci a0, mconfigptr, 1 */
  TEST_CSR_ILLEGAL(97, 0xc00, 1, 11)   /* csrrw a0, cycle, a1 */
  TEST_CSR_ILLEGAL(98, 0xc01, 2, 11)   /* csrrs a0, time, a1 */
  TEST_CSR_ILLEGAL(99, 0xc02, 5, 3)    /* csrrwi a0, instret, 3 */
  TEST_CASE(100)                       /* csrw x0 form: csrrw x0, mhartid, a1 */
  TEST_EXC(100, CAUSE_ILLEGAL, CSR_ENC(0xf14, 1, 0, 11), .4byte CSR_ENC(0xf14, 1, 0, 11))
  csrr a0, mhartid; CHECK_EQ(a0, 0)

  /* ---- nonexistent CSRs ---- */
  TEST_CSR_ILLEGAL(110, 0x003, 2, 0)   /* csrr a0, fcsr (no F) */
  TEST_CSR_ILLEGAL(111, 0x001, 1, 11)  /* csrrw a0, fflags, a1 */
  TEST_CSR_ILLEGAL(112, 0x7c0, 2, 0)   /* custom M read/write range */
  TEST_CSR_ILLEGAL(113, 0xbc0, 1, 11)
  TEST_CSR_ILLEGAL(114, 0xfc0, 2, 0)   /* custom M read-only range */
  TEST_CSR_ILLEGAL(115, 0x7b0, 2, 0)   /* dcsr: debug mode only */
  IF_HAS_EXT('S', 2f)
  TEST_CSR_ILLEGAL(116, 0x180, 2, 0)   /* satp: no S-mode */
  TEST_CSR_ILLEGAL(117, 0x100, 1, 11)  /* sstatus */
  TEST_CSR_ILLEGAL(118, 0x302, 2, 0)   /* medeleg: no S-mode */
  j 1f
2: TEST_CSR_LEGAL(116, 0x180, 2, 0)    /* S-mode: satp, sstatus, medeleg */
  TEST_CSR_LEGAL(117, 0x100, 2, 0)
  TEST_CSR_LEGAL(118, 0x302, 2, 0)
1:
#if __riscv_xlen == 64
  TEST_CSR_ILLEGAL(120, 0x310, 2, 0)   /* mstatush is RV32 only */
  TEST_CSR_ILLEGAL(121, 0xb80, 2, 0)   /* mcycleh is RV32 only */
  TEST_CSR_ILLEGAL(122, 0xc82, 2, 0)   /* instreth is RV32 only */
  TEST_CSR_ILLEGAL(123, 0x31a, 2, 0)   /* menvcfgh is RV32 only */
#endif

#if !QEMU_COMPAT
  TEST_CASE(250)           /* mepc[0] always reads 0 (QEMU 7.2 keeps it) */
  li a1, 0x80001235; csrw mepc, a1
  csrr a0, mepc; CHECK_EQ(a0, 0x80001234)
#endif

  TEST_END

  .text
  .balign 256
vec_base:
  j test_fail
