/* Virtual memory: Sv32 on RV32, Sv39 on RV64, Sv48 on RV64 with -DVM_SV48
 * (Privileged spec 4.3-4.5, 3.1.6.3):
 *   translation of loads, stores and fetches through 4 KiB pages,
 *   megapages (4 MiB / 2 MiB), gigapages and Sv48 terapages, and through
 *   sign-extended high addresses; every page-fault cause (12 fetch, 13 load,
 *   15 store/AMO) with xtval = the virtual address, xepc = the instruction
 *   (the target for fetches) and rd unchanged, for V = 0, W without R, a
 *   missing R / W / X permission, a level-0 pointer PTE, a misaligned
 *   superpage, reserved bits 63:54 (RV64; no Svpbmt / Svnapot) and
 *   addresses that are not sign-extended; U/S rules (U pages only for U,
 *   never S fetches from U pages, SUM for S loads and stores), MXR for S and
 *   U, MPRV with MPP = S / U / M for M-mode loads and stores (fetches not
 *   translated); page faults delegated to S (stval, sepc, scause); A and D
 *   set by the hardware (load: A; store: A and D; fetch: A), or with
 *   -DVM_AD_FAULT=1 (rvtlm-iss --ad-bits fault) page faults that leave the
 *   PTE alone; access faults
 *   (1/5/7, tval = virtual address) for a page that maps no memory and for
 *   a walk whose page-table pointer leads into the CLINT or the UART;
 *   self-modifying code through an alias (two virtual pages on one physical
 *   page, fence.i). */
#include "vm.h"

#define VA_BASE 0x20000000
#define VA(i) (VA_BASE + (i) * PAGE_SIZE)
#define MAGIC(i) (0x11110000 + (i))
#define MEGA_VA 0x21000000         /* megapage -> RAM_BASE */
#define MEGA_BAD_VA 0x21400000     /* megapage -> RAM_BASE + 4 KiB */
#define IO_VA 0x33000000           /* level-1 pointer into the CLINT */
#define IO2_VA 0x33400000          /* level-1 pointer into the UART */
#define GIGA_VA 0x100000000        /* gigapage -> RAM_BASE */
#define GIGA_BAD_VA 0x140000000    /* gigapage -> RAM_BASE + 2 MiB */
#define TERA_VA 0x8000000000       /* Sv48 terapage -> 0 */
#define TERA_BAD_VA 0x10000000000  /* Sv48 terapage -> RAM_BASE */
#define HIGH_VA (-16 * PAGE_SIZE)  /* sign-extended (RV64) */
#define UNMAPPED_PA 0x2800000      /* a gap of the memory map */
#if defined(VM_SV48)
#define NONCANON_BIT (1 << 48)
#else
#define NONCANON_BIT (1 << 39)
#endif

#ifndef VM_AD_FAULT
#define VM_AD_FAULT 0
#endif
#define VM_TEST_PAGES 12
#define INSN_LI_A0(v) (((v) << 20) | (10 << 7) | 0x13)
#define INSN_RET 0x00008067

/* vm_map of test page i of vm_pages at va. */
#define MAP_PAGE(va, i, flags) \
  mv a0, s0; li a1, va; la a2, vm_pages; li t0, (i) * PAGE_SIZE; add a2, a2, t0; \
  li a3, flags; li a4, 0; call vm_map
/* a0 = address of the level-`level` PTE of va. */
#define PTE_ADDR(va, level) mv a0, s0; li a1, va; li a4, level; call vm_pte

/* Case n: in S, insn (using a1 = va) faults with cause, tval = va, at the
 * instruction; a0 keeps its value. */
#define S_FAULT(n, cause, va, ...) \
  TEST_CASE(n); li a1, va; li a0, 0x5a; IN_MODE(PRV_S, 1: __VA_ARGS__); \
  CHECK_MTRAP_R(cause, a1); CHECK_EPC(1b); CHECK_EQ(a0, 0x5a)
/* Case n: in U (image alias), the same. */
#define U_FAULT(n, cause, va, ...) \
  TEST_CASE(n); li a1, va; li a0, 0x5a; IN_U_ALIAS(1: __VA_ARGS__); \
  CHECK_MTRAP_R(cause, a1); CHECK_EPC_ALIAS(1b); CHECK_EQ(a0, 0x5a)
/* Case n: in S, lw a0 from va (or from a1) reads val. */
#define S_LOAD(n, va, val) li a1, va; S_LOAD_A1(n, val)
#define S_LOAD_A1(n, val) \
  TEST_CASE(n); li a0, 0; IN_MODE(PRV_S, lw a0, 0(a1)); \
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, val)
/* a1 = va_base + (sym - pa_base) */
#define VA_OF(va_base, sym, pa_base) \
  la a1, sym; li t0, (va_base) - (pa_base); add a1, a1, t0
#define U_LOAD(n, va, val) \
  TEST_CASE(n); li a1, va; li a0, 0; IN_U_ALIAS(lw a0, 0(a1)); \
  CHECK_ECALL(PRV_U); CHECK_EQ(a0, val)
/* Case n: a fetch at va (jalr) faults with cause; xepc = xtval = va. */
#define S_FETCH_FAULT(n, cause, va) \
  TEST_CASE(n); li a1, va; IN_MODE(PRV_S, jalr ra, 0(a1)); \
  CHECK_MTRAP_R(cause, a1); CHECK_PF_R(PF_EPC, a1)
#define U_FETCH_FAULT(n, cause, va) \
  TEST_CASE(n); li a1, va; IN_U_ALIAS(jalr ra, 0(a1)); \
  CHECK_MTRAP_R(cause, a1); CHECK_PF_R(PF_EPC, a1)
/* Case n: the code at va (li a0, v; ret) runs in mode. */
#define S_CALL(n, va, val) \
  TEST_CASE(n); li a1, va; li a0, 0; IN_MODE(PRV_S, jalr ra, 0(a1)); \
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, val)
#define U_CALL(n, va, val) \
  TEST_CASE(n); li a1, va; li a0, 0; IN_U_ALIAS(jalr ra, 0(a1)); \
  CHECK_ECALL(PRV_U); CHECK_EQ(a0, val)
/* M-mode load with MPRV = 1 and MPP = mode (a1 = va, result in a0). */
#define MPRV_ON(mode) \
  li t0, MSTATUS_MPP; csrc mstatus, t0; li t0, ((mode) << 11) | MSTATUS_MPRV; csrs mstatus, t0
#define MPRV_OFF \
  li t0, MSTATUS_MPRV; csrc mstatus, t0; li t0, MSTATUS_MPP; csrs mstatus, t0

  TEST_BEGIN
  PRIV_INIT

  /* ---- page contents: page i starts with MAGIC(i); pages 2, 6, 7 hold
   * `li a0, 0x55 / 0x66 / 0x77; ret`; page 8 is the self-modifying one ---- */
  la s1, vm_pages
  li a0, 0
  li a2, MAGIC(0)
1: slli a1, a0, 12; add a1, a1, s1; sw a2, 0(a1)
  addi a0, a0, 1; addi a2, a2, 1
  li t0, VM_TEST_PAGES; bne a0, t0, 1b
  li a2, INSN_RET
  li t0, 2 * PAGE_SIZE; add a3, s1, t0
  li a1, INSN_LI_A0(0x55); sw a1, 0(a3); sw a2, 4(a3)
  li t0, 6 * PAGE_SIZE; add a3, s1, t0
  li a1, INSN_LI_A0(0x66); sw a1, 0(a3); sw a2, 4(a3)
  li t0, PAGE_SIZE; add a3, a3, t0
  li a1, INSN_LI_A0(0x77); sw a1, 0(a3); sw a2, 4(a3)
  add a3, a3, t0
  li a1, INSN_LI_A0(1); sw a1, 0(a3); sw a2, 4(a3)
  fence.i

  /* ---- page tables ---- */
  call vm_std_root; mv s0, a0
  MAP_PAGE(VA(0), 0, PTE_V | PTE_R | PTE_W | PTE_AD)
  MAP_PAGE(VA(1), 1, PTE_V | PTE_R | PTE_A)
  MAP_PAGE(VA(2), 2, PTE_V | PTE_X | PTE_A)
  MAP_PAGE(VA(3), 3, PTE_V | PTE_R | PTE_W | PTE_U | PTE_AD)
  MAP_PAGE(VA(4), 4, PTE_RWX | PTE_AD)                      /* V = 0 */
  MAP_PAGE(VA(5), 5, PTE_V | PTE_W | PTE_AD)                /* W, no R */
  MAP_PAGE(VA(6), 6, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
  MAP_PAGE(VA(7), 7, PTE_V | PTE_X | PTE_U | PTE_A)
  MAP_PAGE(VA(8), 8, PTE_V | PTE_R | PTE_X | PTE_A)         /* SMC: execute */
  MAP_PAGE(VA(9), 8, PTE_V | PTE_R | PTE_W | PTE_AD)        /* SMC: write */
  MAP_PAGE(VA(10), 1, PTE_V | PTE_R | PTE_X | PTE_A)        /* no W */
  MAP_PAGE(VA(11), 1, PTE_V)                                /* pointer at level 0 */
  MAP_PAGE(VA(12), 0, PTE_V | PTE_R | PTE_W)                /* A/D clear */
  MAP_PAGE(VA(13), 2, PTE_V | PTE_X)                        /* A clear, execute */
  mv a0, s0; li a1, VA(14); li a2, UNMAPPED_PA; li a3, PTE_V | PTE_RWX | PTE_AD; li a4, 0
  call vm_map
#if __riscv_xlen == 64
  MAP_PAGE(VA(15), 0, PTE_V | PTE_R | PTE_W | PTE_AD | (1 << 54))
  MAP_PAGE(VA(16), 0, PTE_V | PTE_R | PTE_W | PTE_AD | (1 << 63))
  MAP_PAGE(VA(17), 0, PTE_V | PTE_R | PTE_W | PTE_AD | (1 << 61))
  MAP_PAGE(VA(18), 0, PTE_V | PTE_R | PTE_W | PTE_AD | (1 << 60))
  MAP_PAGE(HIGH_VA, 0, PTE_V | PTE_R | PTE_W | PTE_AD)
  VM_MAP(s0, GIGA_VA, RAM_BASE, PTE_V | PTE_R | PTE_W | PTE_AD, 2)
  VM_MAP(s0, GIGA_BAD_VA, RAM_BASE + 0x200000, PTE_V | PTE_R | PTE_W | PTE_AD, 2)
#endif
#if defined(VM_SV48)
  VM_MAP(s0, TERA_VA, 0, PTE_V | PTE_R | PTE_W | PTE_AD, 3)
  VM_MAP(s0, TERA_BAD_VA, RAM_BASE, PTE_V | PTE_R | PTE_W | PTE_AD, 3)
#endif
  VM_MAP(s0, MEGA_VA, RAM_BASE, PTE_V | PTE_R | PTE_W | PTE_AD, 1)
  VM_MAP(s0, MEGA_BAD_VA, RAM_BASE + PAGE_SIZE, PTE_V | PTE_R | PTE_W | PTE_AD, 1)
  VM_MAP(s0, IO_VA, CLINT_MSIP, PTE_V, 1)
  VM_MAP(s0, IO2_VA, 0x10000000, PTE_V, 1)
  SATP_SET(s0, 0)

  /* ---- translation ---- */
  S_LOAD(1, VA(0), MAGIC(0))
  S_LOAD(2, VA(1), MAGIC(1))
  U_LOAD(3, VA(3), MAGIC(3))
  TEST_CASE(4)             /* a store lands in the physical page */
  li a1, VA(0); li a2, 0x600d
  IN_MODE(PRV_S, sw a2, 4(a1))
  CHECK_ECALL(PRV_S)
  lw a0, 4(s1); CHECK_EQ(a0, 0x600d)
  TEST_CASE(5)             /* also from U */
  li a1, VA(3); li a2, 0x700d
  IN_U_ALIAS(sw a2, 8(a1))
  CHECK_ECALL(PRV_U)
  li t0, 3 * PAGE_SIZE + 8; add t0, t0, s1; lw a0, 0(t0); CHECK_EQ(a0, 0x700d)
  S_CALL(6, VA(2), 0x55)   /* execute-only page */
  U_CALL(7, VA(6), 0x66)
  U_CALL(8, VA(7), 0x77)
  TEST_CASE(9)             /* the image runs in S through the identity map
                              and in U through its alias: satp is in use */
  IN_MODE(PRV_S, csrr a2, satp)
  CHECK_ECALL(PRV_S)
  SATP_MAKE(a3, s0, 0); CHECK_EQR(a2, a3)
  VA_OF(MEGA_VA, vm_magic, RAM_BASE); S_LOAD_A1(10, 0x5a5a1234)
  TEST_CASE(11)            /* store through a megapage */
  VA_OF(MEGA_VA, vm_magic2, RAM_BASE)
  li a2, 0x4242
  IN_MODE(PRV_S, sw a2, 0(a1))
  CHECK_ECALL(PRV_S)
  LOAD_SYM(a0, vm_magic2, 0); CHECK_MASKED(a0, 0xffffffff, 0x4242)
#if __riscv_xlen == 64
  VA_OF(GIGA_VA, vm_magic, RAM_BASE); S_LOAD_A1(12, 0x5a5a1234)
  S_LOAD(13, HIGH_VA, MAGIC(0))
#endif
#if defined(VM_SV48)
  VA_OF(TERA_VA, vm_magic, 0); S_LOAD_A1(14, 0x5a5a1234)
#endif

  /* ---- page faults: invalid and reserved encodings ---- */
  S_FAULT(20, CAUSE_LOAD_PAGE, VA(4), lw a0, 0(a1))
  S_FAULT(21, CAUSE_STORE_PAGE, VA(4), sw a0, 0(a1))
  S_FETCH_FAULT(22, CAUSE_FETCH_PAGE, VA(4))
  S_FAULT(23, CAUSE_LOAD_PAGE, VA(5), lw a0, 0(a1))
  S_FAULT(24, CAUSE_STORE_PAGE, VA(5), sw a0, 0(a1))
  S_FAULT(25, CAUSE_LOAD_PAGE, VA(11), lw a0, 0(a1))
  S_FAULT(26, CAUSE_LOAD_PAGE, MEGA_BAD_VA, lw a0, 0(a1))
  S_FAULT(27, CAUSE_STORE_PAGE, MEGA_BAD_VA + 8, sw a0, 0(a1))
  S_FAULT(28, CAUSE_LOAD_PAGE, VA(20), lw a0, 0(a1))    /* no PTE at all */
  S_FAULT(29, CAUSE_LOAD_PAGE, VA_BASE + 0x10000000, lw a0, 0(a1))
#if __riscv_xlen == 64
  S_FAULT(30, CAUSE_LOAD_PAGE, GIGA_BAD_VA, lw a0, 0(a1))
  S_FAULT(31, CAUSE_LOAD_PAGE, VA(15), lw a0, 0(a1))    /* bit 54 */
  S_FAULT(32, CAUSE_LOAD_PAGE, VA(16), lw a0, 0(a1))    /* bit 63 (N) */
  S_FAULT(33, CAUSE_LOAD_PAGE, VA(17), lw a0, 0(a1))    /* bit 61 (PBMT) */
  S_FAULT(34, CAUSE_LOAD_PAGE, VA(18), lw a0, 0(a1))    /* bit 60 */
  /* not sign-extended: the low bits alone would translate */
  S_FAULT(35, CAUSE_LOAD_PAGE, VA(0) | NONCANON_BIT, lw a0, 0(a1))
  S_FAULT(36, CAUSE_STORE_PAGE, VA(0) | NONCANON_BIT, sw a0, 0(a1))
  S_FETCH_FAULT(37, CAUSE_FETCH_PAGE, VA(2) | NONCANON_BIT)
  S_FAULT(38, CAUSE_LOAD_PAGE, HIGH_VA & 0x7fffffffffffffff, lw a0, 0(a1))
#endif
#if defined(VM_SV48)
  S_FAULT(39, CAUSE_LOAD_PAGE, TERA_BAD_VA, lw a0, 0(a1))
#endif

  /* ---- permissions ---- */
  S_FAULT(40, CAUSE_STORE_PAGE, VA(1), sw a0, 0(a1))     /* read-only */
  S_FAULT(41, CAUSE_STORE_PAGE, VA(1), amoadd.w a0, a0, (a1))
  S_FAULT(42, CAUSE_STORE_PAGE, VA(10), amoswap.w a0, a0, (a1))
  S_FAULT(43, CAUSE_LOAD_PAGE, VA(2), lw a0, 0(a1))      /* execute-only */
  S_FAULT(44, CAUSE_LOAD_PAGE, VA(2), lr.w a0, (a1))
  S_FETCH_FAULT(45, CAUSE_FETCH_PAGE, VA(0))              /* not executable */
  S_FETCH_FAULT(46, CAUSE_FETCH_PAGE, VA(1))
  /* U pages from S: SUM = 0 */
  S_FAULT(50, CAUSE_LOAD_PAGE, VA(3), lw a0, 0(a1))
  S_FAULT(51, CAUSE_STORE_PAGE, VA(3), sw a0, 0(a1))
  S_FETCH_FAULT(52, CAUSE_FETCH_PAGE, VA(6))
  /* SUM = 1: loads and stores allowed, fetches still not */
  li t0, MSTATUS_SUM; csrs mstatus, t0
  S_LOAD(53, VA(3), MAGIC(3))
  TEST_CASE(54); li a1, VA(3); li a2, 0x3131
  IN_MODE(PRV_S, sw a2, 12(a1))
  CHECK_ECALL(PRV_S)
  li t0, 3 * PAGE_SIZE + 12; add t0, t0, s1; lw a0, 0(t0); CHECK_EQ(a0, 0x3131)
  S_FETCH_FAULT(55, CAUSE_FETCH_PAGE, VA(6))
  S_FAULT(56, CAUSE_LOAD_PAGE, VA(7), lw a0, 0(a1))      /* U execute-only */
  li t0, MSTATUS_SUM; csrc mstatus, t0
  /* S pages from U */
  U_FAULT(60, CAUSE_LOAD_PAGE, VA(0), lw a0, 0(a1))
  U_FAULT(61, CAUSE_STORE_PAGE, VA(0), sw a0, 0(a1))
  U_FETCH_FAULT(62, CAUSE_FETCH_PAGE, VA(2))
  U_FAULT(63, CAUSE_LOAD_PAGE, RAM_BASE + PAGE_SIZE, lw a0, 0(a1))  /* the image */
  U_FAULT(64, CAUSE_LOAD_PAGE, VA(7), lw a0, 0(a1))      /* execute-only */
  U_FAULT(65, CAUSE_STORE_PAGE, VA(6), sw a0, 0(a1))     /* read-execute */
  U_FETCH_FAULT(66, CAUSE_FETCH_PAGE, VA(3))              /* not executable */
  /* MXR: execute-only pages become readable */
  li t0, MSTATUS_MXR; csrs mstatus, t0
  S_LOAD(70, VA(2), INSN_LI_A0(0x55))
  U_LOAD(71, VA(7), INSN_LI_A0(0x77))
  S_FAULT(72, CAUSE_STORE_PAGE, VA(2), sw a0, 0(a1))     /* not writable */
  S_FAULT(73, CAUSE_LOAD_PAGE, VA(7), lw a0, 0(a1))      /* still a U page */
  li t0, MSTATUS_MXR; csrc mstatus, t0

  /* ---- MPRV: M-mode loads and stores translated as MPP ---- */
  TEST_CASE(80)            /* MPP = S */
  li a1, VA(0)
  MPRV_ON(PRV_S)
  lw a0, 0(a1)
  MPRV_OFF
  CHECK_EQ(a0, MAGIC(0))
  TEST_CASE(81)            /* MPP = S, U page, SUM = 0 */
  li a1, VA(3); li a0, 0x5a
  PRIV_CATCH(2f)
  MPRV_ON(PRV_S)
1: lw a0, 0(a1)
2: MPRV_OFF
  CHECK_MTRAP_R(CAUSE_LOAD_PAGE, a1); CHECK_EPC(1b); CHECK_EQ(a0, 0x5a)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_MPP | MSTATUS_MPRV, MSTATUS_MPP | MSTATUS_MPRV)
  TEST_CASE(82)            /* MPP = U */
  li a1, VA(3)
  MPRV_ON(PRV_U)
  lw a0, 0(a1)
  MPRV_OFF
  CHECK_EQ(a0, MAGIC(3))
  TEST_CASE(83)            /* MPP = U, S page */
  li a1, VA(0); li a0, 0x5a
  PRIV_CATCH(2f)
  MPRV_ON(PRV_U)
1: lw a0, 0(a1)
2: MPRV_OFF
  CHECK_MTRAP_R(CAUSE_LOAD_PAGE, a1); CHECK_EPC(1b); CHECK_EQ(a0, 0x5a)
  TEST_CASE(84)            /* MPP = S, store to a read-only page */
  li a1, VA(1)
  PRIV_CATCH(2f)
  MPRV_ON(PRV_S)
1: sw a0, 0(a1)
2: MPRV_OFF
  CHECK_MTRAP_R(CAUSE_STORE_PAGE, a1); CHECK_EPC(1b)
  TEST_CASE(85)            /* MPP = S with MXR: execute-only page readable */
  li t0, MSTATUS_MXR; csrs mstatus, t0
  li a1, VA(2)
  MPRV_ON(PRV_S)
  lw a0, 0(a1)
  MPRV_OFF
  li t0, MSTATUS_MXR; csrc mstatus, t0
  CHECK_EQ(a0, INSN_LI_A0(0x55))
  TEST_CASE(86)            /* MPP = M: no translation */
  mv a1, s1
  MPRV_ON(PRV_M)
  lw a0, 0(a1)
  MPRV_OFF
  CHECK_EQ(a0, MAGIC(0))
  TEST_CASE(87)            /* MPRV = 0: M is not translated even with satp set */
  lw a0, 0(s1); CHECK_EQ(a0, MAGIC(0))

  /* ---- page faults delegated to S ---- */
  li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
  csrw medeleg, t0
  TEST_CASE(90); li a1, VA(0)
  IN_U_ALIAS(1: lw a0, 0(a1))
  CHECK_STRAP_R(CAUSE_LOAD_PAGE, a1); CHECK_EPC_ALIAS(1b)
  csrr a0, stval; CHECK_EQR(a0, a1)
  csrr a0, scause; CHECK_EQ(a0, CAUSE_LOAD_PAGE)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP, 0)
  TEST_CASE(91); li a1, VA(1)
  IN_MODE(PRV_S, 1: sw a0, 0(a1))
  CHECK_STRAP_R(CAUSE_STORE_PAGE, a1); CHECK_EPC(1b)
  CHECK_PF_MASKED(PF_STATUS, MSTATUS_SPP, MSTATUS_SPP)
  TEST_CASE(92); li a1, VA(4)
  IN_MODE(PRV_S, jalr ra, 0(a1))
  CHECK_STRAP_R(CAUSE_FETCH_PAGE, a1); CHECK_PF_R(PF_EPC, a1)
  csrr a0, sepc; CHECK_EQR(a0, a1)
  csrw medeleg, zero

#if !VM_AD_FAULT
  /* ---- A and D set by the hardware (Svadu behaviour) ---- */
  TEST_CASE(100)           /* a load sets A only */
  li a1, VA(12)
  IN_MODE(PRV_S, lw a0, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, MAGIC(0))
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A)
  TEST_CASE(101)           /* a store then sets D */
  li a1, VA(12)
  IN_MODE(PRV_S, sw zero, 16(a1))
  CHECK_ECALL(PRV_S)
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A | PTE_D)
  TEST_CASE(102)           /* a store to a fresh PTE sets both */
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  andi a2, a2, ~(PTE_A | PTE_D); SREG a2, 0(a0)
  sfence.vma
  li a1, VA(12)
  IN_MODE(PRV_S, sw zero, 16(a1))
  CHECK_ECALL(PRV_S)
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A | PTE_D)
  TEST_CASE(103)           /* a fetch sets A */
  S_CALL(103, VA(13), 0x55)
  PTE_ADDR(VA(13), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A)
  TEST_CASE(104)           /* an M-mode load with MPRV sets A too */
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  andi a2, a2, ~(PTE_A | PTE_D); SREG a2, 0(a0)
  sfence.vma
  li a1, VA(12)
  MPRV_ON(PRV_S)
  lw a2, 0(a1)
  MPRV_OFF
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A)
#else
  /* ---- --ad-bits fault: A = 0, or a store with D = 0, is a page fault and
   * the PTE stays as it was ---- */
  S_FAULT(100, CAUSE_LOAD_PAGE, VA(12), lw a0, 0(a1))
  S_FAULT(101, CAUSE_STORE_PAGE, VA(12), sw a0, 0(a1))
  S_FETCH_FAULT(102, CAUSE_FETCH_PAGE, VA(13))
  TEST_CASE(103)
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, 0)
  ori a2, a2, PTE_A; SREG a2, 0(a0)
  sfence.vma
  S_LOAD(104, VA(12), MAGIC(0))
  S_FAULT(105, CAUSE_STORE_PAGE, VA(12), sw a0, 0(a1))
  TEST_CASE(106)
  PTE_ADDR(VA(12), 0); LREG a2, 0(a0)
  CHECK_MASKED(a2, PTE_A | PTE_D, PTE_A)
#endif

  /* ---- access faults ---- */
  S_FAULT(110, CAUSE_LOAD_ACCESS, VA(14), lw a0, 0(a1))  /* maps no memory */
  S_FAULT(111, CAUSE_STORE_ACCESS, VA(14), sw a0, 0(a1))
  S_FETCH_FAULT(112, CAUSE_FETCH_ACCESS, VA(14))
#if !QEMU_COMPAT
  /* page-table pointers into the CLINT / the UART (QEMU 7.2 reads the
   * device registers as PTEs and raises a page fault) */
  S_FAULT(113, CAUSE_LOAD_ACCESS, IO_VA, lw a0, 0(a1))
  S_FAULT(114, CAUSE_STORE_ACCESS, IO_VA, sw a0, 0(a1))
  S_FETCH_FAULT(115, CAUSE_FETCH_ACCESS, IO_VA)
  S_FAULT(116, CAUSE_LOAD_ACCESS, IO2_VA, lw a0, 0(a1))
#endif

  /* ---- self-modifying code through an alias ---- */
  TEST_CASE(120)
  li a1, VA(8); li a2, VA(9); li a3, INSN_LI_A0(2); li s2, 0; li s3, 0
  IN_MODE(PRV_S, jalr ra, 0(a1); mv s2, a0; sw a3, 0(a2); fence.i; jalr ra, 0(a1); \
    mv s3, a0)
  CHECK_ECALL(PRV_S); CHECK_EQ(s2, 1); CHECK_EQ(s3, 2)
  TEST_CASE(121)           /* and back, a second time */
  li a1, VA(8); li a2, VA(9); li a3, INSN_LI_A0(3)
  IN_MODE(PRV_S, sw a3, 0(a2); fence.i; jalr ra, 0(a1); mv s3, a0)
  CHECK_ECALL(PRV_S); CHECK_EQ(s3, 3)
  TEST_CASE(122)           /* M writes the physical page; S runs the alias */
  li t0, 8 * PAGE_SIZE; add t0, t0, s1; li a3, INSN_LI_A0(4); sw a3, 0(t0)
  fence.i
  S_CALL(122, VA(8), 4)

  csrw satp, zero
  sfence.vma
  PRIV_END

  .data
  .balign 8
vm_magic:
  .word 0x5a5a1234, 0
vm_magic2:
  .word 0, 0
  .bss
  .balign PAGE_SIZE
vm_pages:
  .skip VM_TEST_PAGES * PAGE_SIZE
