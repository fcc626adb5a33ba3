/* Harness of the privileged-architecture tests (priv*.S, vm*.S, pmp*.S,
 * sstc*.S): S and U modes, traps taken in M or delegated to S, page tables
 * built at run time. Builds on test.h (gp = case number, test_pass /
 * test_fail, CHECK_* on registers).
 *
 * Trap handling. PRIV_INIT replaces the M-mode handler of test.h by
 * priv_mtrap and installs priv_strap as the S-mode handler (stvec, direct).
 * Both record every trap in one frame, priv_frame (mscratch and sscratch
 * point to it):
 *   PF_COUNT   traps since the last PRIV_CATCH / PRIV_EXPECT / PRIV_RESET
 *   PF_CAUSE, PF_EPC, PF_TVAL   xcause / xepc / xtval of the last trap
 *   PF_STATUS  mstatus (trap taken in M) or sstatus (taken in S) on entry
 *   PF_LEVEL   privilege that took the last trap: PRV_M or PRV_S
 *   PF_LOG     causes of traps 1..16 in order; a trap taken in S is logged
 *              as cause | LOG_S
 * What happens after a trap:
 *   - PF_RESUME set (PRIV_CATCH): the first trap of any kind, in M or in S,
 *     ends the snippet; execution continues in M-mode at that label with
 *     mstatus.MIE = 0 (an S handler gets there through an ecall at
 *     priv_s_exit, which is neither counted nor logged).
 *   - otherwise an exception is allowed only while PF_EXPECT (a count) is
 *     non-zero and resumes 4 bytes after the faulting instruction in the
 *     same mode; an unexpected one fails the case.
 *   - an interrupt is recorded, its source cleared (M handler: msip,
 *     mtimecmp, mip.SSIP/STIP/SEIP and stimecmp; S handler: sip.SSIP,
 *     sie.STIE, sie.SEIE, since S cannot clear the other two) and execution
 *     resumes at xepc (after a wfi at PF_WFI).
 * Code run in S or U mode keeps its results in registers and checks them
 * after returning to M: the handlers preserve every register.
 *
 * Page tables (RV32: Sv32; RV64: Sv39, or Sv48 with -DVM_SV48) come from a
 * pool of zeroed pages (vm_alloc). vm_std_root builds a root that maps the
 * whole test image at its physical address for S (identity, RWX, A, D) and
 * again at U_BASE for U; U code runs from that alias (GO_U_ALIAS), where
 * auipc-based `la` yields alias addresses of the image's data as well.
 * The functions below are called with `call`; vm_alloc, vm_map and vm_pte
 * clobber only a0, a5, t0, t1 and ra, vm_image_map and vm_std_root also
 * a1-a4. */
#ifndef RVTLM_ISA_VM_H
#define RVTLM_ISA_VM_H

#include "test.h"

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* CSR numbers the assembler may not know by name. */
#define CSR_SENVCFG 0x10a
#define CSR_STIMECMP 0x14d
#define CSR_STIMECMPH 0x15d
#define CSR_PMPCFG0 0x3a0
#define CSR_PMPADDR0 0x3b0

/* mstatus / sstatus fields (Privileged spec 3.1.6, 4.1.1). */
#define MSTATUS_SIE 0x2
#define MSTATUS_SPIE 0x20
#define MSTATUS_UBE 0x40
#define MSTATUS_SPP 0x100
#define MSTATUS_VS 0x600
#define MSTATUS_MPP_S 0x800
#define MSTATUS_FS 0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_FS_CLEAN 0x4000
#define MSTATUS_FS_DIRTY 0x6000
#define MSTATUS_XS 0x18000
#define MSTATUS_MPRV 0x20000
#define MSTATUS_SUM 0x40000
#define MSTATUS_MXR 0x80000
#define MSTATUS_TVM 0x100000
#define MSTATUS_TW 0x200000
#define MSTATUS_TSR 0x400000
#define MSTATUS_SD (1 << (XLEN - 1))
#if __riscv_xlen == 64
#define SSTATUS_MASK (MSTATUS_SD | 0x3000000000 | MSTATUS_MXR | MSTATUS_SUM | \
  MSTATUS_XS | MSTATUS_FS | MSTATUS_VS | MSTATUS_SPP | MSTATUS_UBE | MSTATUS_SPIE | \
  MSTATUS_SIE)
#else
#define SSTATUS_MASK (MSTATUS_SD | MSTATUS_MXR | MSTATUS_SUM | MSTATUS_XS | \
  MSTATUS_FS | MSTATUS_VS | MSTATUS_SPP | MSTATUS_UBE | MSTATUS_SPIE | MSTATUS_SIE)
#endif

/* Interrupts (mip / mie / mideleg bit = cause code). */
#define MIP_SSIP 0x2
#define MIP_STIP 0x20
#define MIP_SEIP 0x200
#define MIP_S_ALL (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MIP_M_ALL (MIP_MSIP | MIP_MTIP | MIP_MEIP)
#define CAUSE_SSI (MCAUSE_IRQ | 1)
#define CAUSE_STI (MCAUSE_IRQ | 5)
#define CAUSE_SEI (MCAUSE_IRQ | 9)
#define CAUSE_MEI (MCAUSE_IRQ | 11)

/* Exception causes (Privileged spec 3.1.15). */
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15

/* menvcfg / senvcfg (Privileged spec 3.1.18, 4.1.4; Sstc). */
#define ENVCFG_FIOM 0x1
#if __riscv_xlen == 64
#define MENVCFG_STCE (1 << 63)
#define MENVCFG_PBMTE (1 << 62)
#else
#define MENVCFGH_STCE (1 << 31)
#define MENVCFGH_PBMTE (1 << 30)
#endif

/* PMP (Privileged spec 3.7). */
#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_OFF 0x00
#define PMP_TOR 0x08
#define PMP_NA4 0x10
#define PMP_NAPOT 0x18
#define PMP_L 0x80
/* pmpaddr value of a naturally aligned power-of-two region (size >= 8). */
#define PMP_NAPOT_ADDR(base, size) (((base) >> 2) | (((size) >> 3) - 1))

/* Page-table entries and satp (Privileged spec 4.3, 4.4, 4.5). */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RWX (PTE_R | PTE_W | PTE_X)
#define PTE_AD (PTE_A | PTE_D)
#define PAGE_SIZE 4096

#if __riscv_xlen == 32
#define VM_LEVELS 2
#define VM_VPN_BITS 10
#define VM_SATP_MODE (1 << 31)
#define SATP_ASID_SHIFT 22
#define SATP_ASID_MASK 0x1ff
#elif defined(VM_SV48)
#define VM_LEVELS 4
#define VM_VPN_BITS 9
#define VM_SATP_MODE (9 << 60)
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK 0xffff
#else
#define VM_LEVELS 3
#define VM_VPN_BITS 9
#define VM_SATP_MODE (8 << 60)
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK 0xffff
#endif
/* Size of a leaf at level 1 (megapage: 4 MiB on Sv32, 2 MiB otherwise). */
#define VM_MEGA (1 << (12 + VM_VPN_BITS))
#define VM_POOL_PAGES 24

/* Memory layout: the image at RAM_BASE; its U alias; a physical RAM region
 * past the image that tests use for PMP regions and superpage targets
 * (inside the 128 MiB QEMU virt gives by default). */
#define RAM_BASE 0x80000000
#define U_BASE 0x40000000
#define U_OFFSET (U_BASE - RAM_BASE)
#define FREE_RAM 0x80800000

/* ------------------------------------------------------------------ */
/* Trap frame. */
#define PF(i) ((i) * REGBYTES)
#define PF_COUNT PF(8)
#define PF_EXPECT PF(9)
#define PF_CAUSE PF(10)
#define PF_EPC PF(11)
#define PF_TVAL PF(12)
#define PF_STATUS PF(13)
#define PF_LEVEL PF(14)
#define PF_RESUME PF(15)
#define PF_WFI PF(16)
#define PF_LOG PF(24)
#define PF_LOG_ENTRIES 16
#define PF_BYTES PF(40)
#define LOG_S 0x100

/* ------------------------------------------------------------------ */
/* Set-up, mode switches, trap expectations (clobber t0, t1). */

/* After TEST_BEGIN: own handlers, nothing delegated, satp Bare, and PMP
 * entry 0 granting RWX on all memory (S and U may access nothing when PMP
 * entries exist and none matches, Privileged spec 3.7.1). */
#define PRIV_INIT \
  la t0, priv_mtrap; csrw mtvec, t0; \
  la t0, priv_frame; csrw mscratch, t0; csrw sscratch, t0; \
  la t0, priv_strap; csrw stvec, t0; \
  csrw medeleg, zero; csrw mideleg, zero; csrw satp, zero; \
  PRIV_INIT_PMP; \
  li t0, MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | \
         MSTATUS_TSR | MSTATUS_SIE | MSTATUS_SPIE; csrc mstatus, t0; \
  PRIV_RESET

/* A test defines PRIV_SKIP_PMP when the PMP CSRs may not exist. */
#ifdef PRIV_SKIP_PMP
#define PRIV_INIT_PMP
#else
#define PRIV_INIT_PMP \
  li t0, -1; csrw CSR_PMPADDR0, t0; li t0, PMP_NAPOT | PMP_R | PMP_W | PMP_X; \
  csrw CSR_PMPCFG0, t0
#endif

#define PRIV_END \
  TEST_END; \
  PRIV_SUPPORT_CODE; \
  PRIV_SUPPORT_DATA

/* Forget recorded traps; no exception allowed. */
#define PRIV_RESET \
  la t0, priv_frame; SREG zero, PF_COUNT(t0); SREG zero, PF_EXPECT(t0); \
  SREG zero, PF_RESUME(t0); SREG zero, PF_CAUSE(t0); SREG zero, PF_EPC(t0); \
  SREG zero, PF_LEVEL(t0)
/* Allow n exceptions, each resuming after the faulting instruction. */
#define PRIV_EXPECT(n) \
  PRIV_RESET; li t1, n; SREG t1, PF_EXPECT(t0)
/* The next trap (one exception allowed) resumes in M-mode at label. */
#define PRIV_CATCH(label) \
  PRIV_RESET; li t1, 1; SREG t1, PF_EXPECT(t0); la t1, label; SREG t1, PF_RESUME(t0)
/* An interrupt taken with xepc = label (a wfi) resumes after it. */
#define PRIV_WFI_GUARD(label) \
  la t0, priv_frame; la t1, label; SREG t1, PF_WFI(t0)

/* mret to `mode` at label (MPIE = 0: MIE stays 0 if mode is M). */
#define GO_MODE(mode, label) \
  la t0, label; GO_MODE_R(mode, t0)
#define GO_MODE_R(mode, reg) \
  csrw mepc, reg; li t0, MSTATUS_MPP | MSTATUS_MPIE; csrc mstatus, t0; \
  li t0, (mode) << 11; csrs mstatus, t0; mret
/* mret to U at the U alias of label (page tables from vm_std_root). */
#define GO_U_ALIAS(label) \
  la t0, label; li t1, U_OFFSET; add t0, t0, t1; GO_MODE_R(PRV_U, t0)

/* Run the instructions in `mode`, then ecall; the first trap resumes in M
 * after the macro. The instructions may use local labels 1..7. */
#define IN_MODE(mode, ...) \
  PRIV_CATCH(8890f); GO_MODE(mode, 8891f); 8891: __VA_ARGS__; ecall; 8890:
#define IN_U_ALIAS(...) \
  PRIV_CATCH(8892f); GO_U_ALIAS(8893f); 8893: __VA_ARGS__; ecall; 8892:

/* ------------------------------------------------------------------ */
/* Checks on the recorded traps (clobber t0, t1). */
#define CHECK_PF(field, val) \
  LOAD_SYM(t1, priv_frame, field); CHECK_EQ(t1, val)
#define CHECK_PF_R(field, reg) \
  LOAD_SYM(t1, priv_frame, field); CHECK_EQR(t1, reg)
#define CHECK_PF_MASKED(field, mask, val) \
  LOAD_SYM(t1, priv_frame, field); li t0, mask; and t1, t1, t0; li t0, val; \
  beq t1, t0, 8805f; j test_fail; 8805:
#define CHECK_COUNT(n) CHECK_PF(PF_COUNT, n)
#define CHECK_LOG(i, val) CHECK_PF(PF_LOG + (i) * REGBYTES, val)
#define CHECK_EPC(label) \
  LOAD_SYM(t1, priv_frame, PF_EPC); la t0, label; CHECK_EQR(t0, t1)
/* xepc is the U alias of label. */
#define CHECK_EPC_ALIAS(label) \
  la t0, label; li t1, U_OFFSET; add t0, t0, t1; \
  la t1, priv_frame; LREG t1, PF_EPC(t1); CHECK_EQR(t0, t1)
/* lo <= xepc < hi */
#define CHECK_EPC_IN(lo, hi) \
  LOAD_SYM(t1, priv_frame, PF_EPC); la t0, lo; bgeu t1, t0, 8806f; j test_fail; \
8806: la t0, hi; bltu t1, t0, 8807f; j test_fail; 8807:
/* Exactly one trap, taken in `level`, with this cause and tval. */
#define CHECK_TRAP_AT(level, cause, tval) \
  CHECK_COUNT(1); CHECK_PF(PF_LEVEL, level); CHECK_PF(PF_CAUSE, cause); \
  CHECK_PF(PF_TVAL, tval)
#define CHECK_TRAP_AT_R(level, cause, tvalreg) \
  CHECK_COUNT(1); CHECK_PF(PF_LEVEL, level); CHECK_PF(PF_CAUSE, cause); \
  CHECK_PF_R(PF_TVAL, tvalreg)
#define CHECK_MTRAP(cause, tval) CHECK_TRAP_AT(PRV_M, cause, tval)
#define CHECK_STRAP(cause, tval) CHECK_TRAP_AT(PRV_S, cause, tval)
#define CHECK_MTRAP_R(cause, reg) CHECK_TRAP_AT_R(PRV_M, cause, reg)
#define CHECK_STRAP_R(cause, reg) CHECK_TRAP_AT_R(PRV_S, cause, reg)
/* The snippet ran to its final ecall (taken in M) without other traps. */
#define CHECK_ECALL(mode) \
  CHECK_COUNT(1); CHECK_PF(PF_LEVEL, PRV_M); \
  CHECK_PF(PF_CAUSE, CAUSE_ECALL_U + (mode))   /* 8, 9, 11 for U, S, M */
/* Illegal instruction taken in M with tval = the instruction bits. */
#define CHECK_ILLEGAL(bits) CHECK_MTRAP(CAUSE_ILLEGAL, bits)

/* ------------------------------------------------------------------ */
/* Page tables. */

/* satp value for root (a register) and asid; clobbers t0. */
#define SATP_MAKE(rd, root, asid) \
  srli rd, root, 12; li t0, VM_SATP_MODE | ((asid) << SATP_ASID_SHIFT); or rd, rd, t0
/* satp = root/asid, then flush every translation. */
#define SATP_SET(root, asid) \
  SATP_MAKE(t1, root, asid); csrw satp, t1; sfence.vma
/* vm_map with immediate arguments: a0 = root register contents. */
#define VM_MAP(root, va, pa, flags, level) \
  mv a0, root; li a1, va; li a2, pa; li a3, flags; li a4, level; call vm_map
#define VM_MAP_SYM(root, va, sym, flags, level) \
  mv a0, root; li a1, va; la a2, sym; li a3, flags; li a4, level; call vm_map

/* ------------------------------------------------------------------ */
/* Handlers and page-table functions (emitted by PRIV_END). */

#define PRIV_SUPPORT_CODE \
  .text; \
  .balign 4; \
  .globl priv_mtrap; \
priv_mtrap: \
  csrrw t0, mscratch, t0; \
  SREG t1, PF(1)(t0); SREG t2, PF(2)(t0); SREG t3, PF(3)(t0); \
  csrr t1, mscratch; SREG t1, PF(0)(t0); csrw mscratch, t0; \
  csrr t3, mepc; \
  la t1, priv_s_exit; beq t3, t1, 8870f; \
  la t1, priv_s_fail; beq t3, t1, test_fail; \
  csrr t2, mcause; \
  LREG t1, PF_COUNT(t0); andi t3, t1, PF_LOG_ENTRIES - 1; slli t3, t3, LOG_REGBYTES; \
  add t3, t3, t0; SREG t2, PF_LOG(t3); addi t1, t1, 1; SREG t1, PF_COUNT(t0); \
  SREG t2, PF_CAUSE(t0); \
  csrr t1, mepc; SREG t1, PF_EPC(t0); \
  csrr t1, mtval; SREG t1, PF_TVAL(t0); \
  csrr t1, mstatus; SREG t1, PF_STATUS(t0); \
  li t1, PRV_M; SREG t1, PF_LEVEL(t0); \
  bltz t2, 8872f; \
  LREG t1, PF_EXPECT(t0); beqz t1, test_fail; addi t1, t1, -1; SREG t1, PF_EXPECT(t0); \
  LREG t1, PF_RESUME(t0); bnez t1, 8871f; \
  csrr t1, mepc; addi t1, t1, 4; csrw mepc, t1; j 8879f; \
8870: LREG t1, PF_RESUME(t0); beqz t1, test_fail; \
8871: SREG zero, PF_RESUME(t0); csrw mepc, t1; \
  li t1, MSTATUS_MPP; csrs mstatus, t1; li t1, MSTATUS_MPIE; csrc mstatus, t1; \
  j 8879f; \
8872: slli t2, t2, 1; srli t2, t2, 1; \
  li t1, 1; beq t2, t1, 8873f; \
  li t1, 3; beq t2, t1, 8874f; \
  li t1, 5; beq t2, t1, 8875f; \
  li t1, 7; beq t2, t1, 8876f; \
  li t1, 9; beq t2, t1, 8877f; \
  j test_fail; \
8873: li t1, MIP_SSIP; csrc mip, t1; j 8878f; \
8874: li t2, CLINT_MSIP; sw zero, 0(t2); j 8878f; \
8875: li t1, MIP_STIP; csrc mip, t1; PRIV_STCE_READ(t1); bgez t1, 8878f; \
  li t1, -1; PRIV_STIMECMP_SET(t1); j 8878f; \
8876: li t2, CLINT_MTIMECMP; li t1, -1; sw t1, 4(t2); sw t1, 0(t2); j 8878f; \
8877: li t1, MIP_SEIP; csrc mip, t1; \
8878: LREG t1, PF_RESUME(t0); bnez t1, 8871b; \
  LREG t1, PF_WFI(t0); csrr t2, mepc; bne t1, t2, 8879f; \
  addi t2, t2, 4; csrw mepc, t2; \
8879: LREG t3, PF(3)(t0); LREG t2, PF(2)(t0); LREG t1, PF(1)(t0); \
  LREG t0, PF(0)(t0); \
  mret; \
  .balign 4; \
  .globl priv_strap; \
priv_strap: \
  csrrw t0, sscratch, t0; \
  SREG t1, PF(5)(t0); SREG t2, PF(6)(t0); SREG t3, PF(7)(t0); \
  csrr t1, sscratch; SREG t1, PF(4)(t0); csrw sscratch, t0; \
  csrr t2, scause; \
  LREG t1, PF_COUNT(t0); andi t3, t1, PF_LOG_ENTRIES - 1; slli t3, t3, LOG_REGBYTES; \
  add t3, t3, t0; ori t1, t2, LOG_S; SREG t1, PF_LOG(t3); \
  LREG t1, PF_COUNT(t0); addi t1, t1, 1; SREG t1, PF_COUNT(t0); \
  SREG t2, PF_CAUSE(t0); \
  csrr t1, sepc; SREG t1, PF_EPC(t0); \
  csrr t1, stval; SREG t1, PF_TVAL(t0); \
  csrr t1, sstatus; SREG t1, PF_STATUS(t0); \
  li t1, PRV_S; SREG t1, PF_LEVEL(t0); \
  bltz t2, 8882f; \
  LREG t1, PF_EXPECT(t0); beqz t1, 8886f; addi t1, t1, -1; SREG t1, PF_EXPECT(t0); \
  LREG t1, PF_RESUME(t0); bnez t1, 8881f; \
  csrr t1, sepc; addi t1, t1, 4; csrw sepc, t1; j 8889f; \
8881: LREG t3, PF(7)(t0); LREG t2, PF(6)(t0); LREG t1, PF(5)(t0); \
  LREG t0, PF(4)(t0); \
  .globl priv_s_exit; \
priv_s_exit: \
  ecall; \
8886: LREG t3, PF(7)(t0); LREG t2, PF(6)(t0); LREG t1, PF(5)(t0); \
  LREG t0, PF(4)(t0); \
  .globl priv_s_fail; \
priv_s_fail: \
  ecall; \
8882: slli t2, t2, 1; srli t2, t2, 1; \
  li t1, 1; beq t2, t1, 8883f; \
  li t1, 5; beq t2, t1, 8884f; \
  li t1, 9; beq t2, t1, 8885f; \
  j 8886b; \
8883: li t1, MIP_SSIP; csrc sip, t1; j 8888f; \
8884: li t1, MIP_STIP; csrc sie, t1; j 8888f; \
8885: li t1, MIP_SEIP; csrc sie, t1; \
8888: LREG t1, PF_RESUME(t0); bnez t1, 8881b; \
  LREG t1, PF_WFI(t0); csrr t2, sepc; bne t1, t2, 8889f; \
  addi t2, t2, 4; csrw sepc, t2; \
8889: LREG t3, PF(7)(t0); LREG t2, PF(6)(t0); LREG t1, PF(5)(t0); \
  LREG t0, PF(4)(t0); \
  sret; \
  PRIV_VM_CODE

/* stimecmp = reg (all ones: never), high word first on RV32;
 * PRIV_STCE_READ: reg < 0 when menvcfg.STCE is set. */
#if __riscv_xlen == 64
#define PRIV_STIMECMP_SET(reg) csrw CSR_STIMECMP, reg
#define PRIV_STCE_READ(reg) csrr reg, CSR_MENVCFG
#else
#define PRIV_STIMECMP_SET(reg) csrw CSR_STIMECMPH, reg; csrw CSR_STIMECMP, reg
#define PRIV_STCE_READ(reg) csrr reg, CSR_MENVCFGH
#endif

/* vm_alloc: a5 = a zeroed page of the pool (clobbers t0, t1).
 * vm_map: a0 = root, a1 = va, a2 = pa, a3 = PTE flags, a4 = leaf level
 *   (0: 4 KiB, 1: megapage, 2: gigapage, 3: Sv48 terapage); creates the
 *   missing tables and writes the leaf PTE; returns its address in a0.
 * vm_pte: a0 = root, a1 = va, a4 = level: a0 = address of the PTE that maps
 *   va at that level (the tables above must exist).
 * vm_image_map: a0 = root, a1 = va, a3 = flags: maps the image
 *   [RAM_BASE, _end) at va with megapages.
 * vm_std_root: a0 = a new root mapping the image for S (identity) and for U
 *   (at U_BASE). */
#define PRIV_VM_CODE \
vm_alloc: \
  la t0, vm_pool_next; LREG a5, 0(t0); bnez a5, 8860f; la a5, vm_pool; \
8860: li t1, PAGE_SIZE; add t1, a5, t1; SREG t1, 0(t0); \
  la t0, vm_pool_end; bltu t0, t1, test_fail; \
  mv t0, a5; \
8861: SREG zero, 0(t0); addi t0, t0, REGBYTES; bne t0, t1, 8861b; \
  ret; \
vm_map: \
  addi sp, sp, -4 * REGBYTES; SREG ra, 0(sp); SREG s0, REGBYTES(sp); \
  SREG s1, 2 * REGBYTES(sp); \
  mv s0, a0; li s1, VM_LEVELS - 1; \
8862: li t0, VM_VPN_BITS; mul t0, t0, s1; addi t0, t0, 12; srl t0, a1, t0; \
  andi t0, t0, (1 << VM_VPN_BITS) - 1; slli t0, t0, LOG_REGBYTES; add t0, s0, t0; \
  beq s1, a4, 8864f; \
  LREG t1, 0(t0); andi a5, t1, PTE_V; bnez a5, 8863f; \
  SREG t0, 3 * REGBYTES(sp); call vm_alloc; LREG t0, 3 * REGBYTES(sp); \
  srli t1, a5, 12; slli t1, t1, 10; ori t1, t1, PTE_V; SREG t1, 0(t0); \
8863: andi a5, t1, PTE_RWX; bnez a5, test_fail; \
  srli t1, t1, 10; slli s0, t1, 12; addi s1, s1, -1; j 8862b; \
8864: srli t1, a2, 12; slli t1, t1, 10; or t1, t1, a3; SREG t1, 0(t0); \
  mv a0, t0; \
  LREG ra, 0(sp); LREG s0, REGBYTES(sp); LREG s1, 2 * REGBYTES(sp); \
  addi sp, sp, 4 * REGBYTES; ret; \
vm_pte: \
  li a5, VM_LEVELS - 1; \
8865: li t0, VM_VPN_BITS; mul t0, t0, a5; addi t0, t0, 12; srl t0, a1, t0; \
  andi t0, t0, (1 << VM_VPN_BITS) - 1; slli t0, t0, LOG_REGBYTES; add t0, a0, t0; \
  beq a5, a4, 8866f; \
  LREG t1, 0(t0); andi a0, t1, PTE_V; beqz a0, test_fail; \
  srli t1, t1, 10; slli a0, t1, 12; addi a5, a5, -1; j 8865b; \
8866: mv a0, t0; ret; \
vm_image_map: \
  addi sp, sp, -2 * REGBYTES; SREG ra, 0(sp); SREG a0, REGBYTES(sp); \
  li a2, RAM_BASE; \
8867: LREG a0, REGBYTES(sp); li a4, 1; call vm_map; \
  li t0, VM_MEGA; add a1, a1, t0; add a2, a2, t0; \
  la t0, _end; bltu a2, t0, 8867b; \
  LREG ra, 0(sp); LREG a0, REGBYTES(sp); addi sp, sp, 2 * REGBYTES; ret; \
vm_std_root: \
  addi sp, sp, -2 * REGBYTES; SREG ra, 0(sp); \
  call vm_alloc; mv a0, a5; \
  li a1, RAM_BASE; li a3, PTE_V | PTE_RWX | PTE_AD; call vm_image_map; \
  li a1, U_BASE; li a3, PTE_V | PTE_RWX | PTE_AD | PTE_U; call vm_image_map; \
  LREG ra, 0(sp); addi sp, sp, 2 * REGBYTES; ret

#define PRIV_SUPPORT_DATA \
  .data; \
  .balign 64; \
  .globl priv_frame; \
priv_frame: \
  .skip PF_BYTES; \
vm_pool_next: \
  .skip REGBYTES; \
  .bss; \
  .balign PAGE_SIZE; \
vm_pool: \
  .skip VM_POOL_PAGES * PAGE_SIZE; \
vm_pool_end:

#endif
