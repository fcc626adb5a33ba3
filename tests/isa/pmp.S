/* Physical memory protection, 16 entries, grain 4 bytes (Privileged spec
 * 3.7):
 *   CSRs: pmpaddr WARL width, pmpcfg reserved bits 6:5 read zero, odd
 *   pmpcfg illegal on RV64, entries 16..63 read zero; matching: OFF, TOR
 *   (also at entry 0, bounded below by 0), NA4, NAPOT, with exact bounds;
 *   the lowest-numbered matching entry decides; an access partly inside
 *   the deciding entry fails (also in M); S and U denied where no entry
 *   matches while M is allowed; M not subject to unlocked entries, and
 *   subject to them through MPRV; fetch / load / store-AMO access faults
 *   (causes 1 / 5 / 7, tval = the address); PMP checks of page-table
 *   accesses (as S: a PTE in a region without R gives an access fault of
 *   the original access type, tval = the virtual address); locking (cfg and
 *   pmpaddr writes of a locked entry ignored, pmpaddr i ignored below a
 *   locked TOR entry i+1, the other fields of a pmpcfg register still
 *   writable, L subjects M to the entry for loads, stores and fetches).
 * Layout: entry 15 grants RWX on the image (4 MiB at RAM_BASE); the tests
 * use entries 0..7 on the region T = FREE_RAM, which no other entry
 * covers. */
#include "vm.h"

#define T FREE_RAM
#define TWORD(a) (0x33330000 + (((a) - T) >> 2))
#define IMAGE_CFG (PMP_NAPOT | PMP_R | PMP_W | PMP_X)
#define NAPOT(base, size) PMP_NAPOT_ADDR(base, size)

#define PMP_CFG_CSR(i) XLEN_SEL(0x3a0 + (i) / 4, 0x3a0 + ((i) / 8) * 2)
/* (gas: << binds like *, so the shift is one parenthesized term) */
#define PMP_SHIFT(i) (XLEN_SEL(((i) % 4) * 8, ((i) % 8) * 8))
/* Entry i: pmpaddr = addr, cfg field = cfg; then sfence.vma, which orders
 * PMP changes with address translation (Privileged spec 3.7.2). */
#define PMP_SET(i, cfg, addr) \
  li t0, addr; csrw 0x3b0 + (i), t0; PMP_CFG(i, cfg)
#define PMP_CFG(i, cfg) \
  li t0, 0xff << PMP_SHIFT(i); csrc PMP_CFG_CSR(i), t0; \
  li t0, (cfg) << PMP_SHIFT(i); csrs PMP_CFG_CSR(i), t0; sfence.vma
/* Entries 0..14 off, entry 15 on the image. */
#if __riscv_xlen == 32
#define PMP_RESET \
  li t0, NAPOT(RAM_BASE, 0x400000); csrw 0x3bf, t0; \
  csrw 0x3a0, zero; csrw 0x3a1, zero; csrw 0x3a2, zero; \
  li t0, IMAGE_CFG << 24; csrw 0x3a3, t0; sfence.vma
#else
#define PMP_RESET \
  li t0, NAPOT(RAM_BASE, 0x400000); csrw 0x3bf, t0; \
  csrw 0x3a0, zero; li t0, IMAGE_CFG << 56; csrw 0x3a2, t0; sfence.vma
#endif

/* Case n: lw in mode from addr reads the word stored there. */
#define LW_OK(n, mode, addr) \
  TEST_CASE(n); li a1, addr; li a0, 0; IN_MODE(mode, lw a0, 0(a1)); \
  CHECK_ECALL(mode); CHECK_EQ(a0, TWORD(addr))
/* Case n: the access (a1 = addr) in mode raises cause with tval = addr. */
#define ACC_FAULT(n, mode, cause, addr, ...) \
  TEST_CASE(n); li a1, addr; li a0, 0x5a; IN_MODE(mode, 1: __VA_ARGS__); \
  CHECK_MTRAP_R(cause, a1); CHECK_EPC(1b); CHECK_EQ(a0, 0x5a)
/* Case n: the access works in mode. */
#define ACC_OK(n, mode, addr, ...) \
  TEST_CASE(n); li a1, addr; IN_MODE(mode, __VA_ARGS__); CHECK_ECALL(mode)
/* In M: the access (a1 = addr) raises cause / works. */
#define M_FAULT(n, cause, addr, ...) \
  TEST_CASE(n); li a1, addr; PRIV_CATCH(8895f); 1: __VA_ARGS__; 8895: \
  CHECK_MTRAP_R(cause, a1); CHECK_EPC(1b)
#define M_OK(n, addr, ...) \
  TEST_CASE(n); li a1, addr; PRIV_RESET; __VA_ARGS__; CHECK_COUNT(0)
/* A fetch at addr (jalr) faults with cause 1, xepc = xtval = addr. */
#define FETCH_FAULT(n, mode, addr) \
  TEST_CASE(n); li a1, addr; IN_MODE(mode, jalr ra, 0(a1)); \
  CHECK_MTRAP_R(CAUSE_FETCH_ACCESS, a1); CHECK_PF_R(PF_EPC, a1)
#define FLD_A1 .option push; .option arch, +d; fld f0, 0(a1); .option pop

#define INSN_LI_A0(v) (((v) << 20) | (10 << 7) | 0x13)
#define INSN_RET 0x00008067

  TEST_BEGIN
  PRIV_INIT
  li t0, MSTATUS_FS_INITIAL; csrs mstatus, t0

  /* T: word k = TWORD(T + 4k) over 4 KiB; code at T + 0x800 and T + 0xe40 */
  li a1, T; li a2, TWORD(T); li a3, 1024
1: sw a2, 0(a1); addi a1, a1, 4; addi a2, a2, 1; addi a3, a3, -1; bnez a3, 1b
  li a1, T + 0x800; li a2, INSN_LI_A0(0x99); sw a2, 0(a1); li a2, INSN_RET; sw a2, 4(a1)
  li a1, T + 0xe40; li a2, INSN_LI_A0(0x98); sw a2, 0(a1); li a2, INSN_RET; sw a2, 4(a1)
  fence.i

  /* ---- CSRs ---- */
  TEST_CASE(1)             /* pmpaddr holds address bits 33:2 (RV32) or at
                              most 55:2 (RV64: bits 63:54 read zero, QEMU 7.2
                              keeps them) */
  li t0, -1; csrw 0x3b0, t0
  csrr a0, 0x3b0
#if __riscv_xlen == 32
  CHECK_EQ(a0, 0xffffffff)
#else
  CHECK_MASKED(a0, 0xffffffff, 0xffffffff)
#if !QEMU_COMPAT
  srli a0, a0, 54; CHECK_EQ(a0, 0)
#endif
#endif
#if !QEMU_COMPAT
  TEST_CASE(2)             /* pmpcfg: bits 6:5 read zero (QEMU 7.2 keeps them) */
#if __riscv_xlen == 32
  li t0, 0x7f7f7f7f; csrw 0x3a1, t0
  csrr a0, 0x3a1; CHECK_EQ(a0, 0x1f1f1f1f)
  csrw 0x3a1, zero
#else
  li t0, 0x7f7f7f7f7f7f7f7f; csrw 0x3a2, t0
  csrr a0, 0x3a2; CHECK_EQ(a0, 0x1f1f1f1f1f1f1f1f)
#endif
#endif
  PMP_RESET
  csrr a0, PMP_CFG_CSR(15); CHECK_EQ(a0, IMAGE_CFG << PMP_SHIFT(15))
#if __riscv_xlen == 64
  TEST_CASE(3)             /* odd pmpcfg are illegal on RV64 */
  PRIV_CATCH(2f)
1: csrr a0, 0x3a1
2: CHECK_ILLEGAL(0x3a102573); CHECK_EPC(1b)
#endif
#if !QEMU_COMPAT
  TEST_CASE(4)             /* entries 16..63 read zero, ignore writes
                              (QEMU 7.2 has no CSRs for them) */
  li t0, -1
  csrw 0x3c0, t0; csrr a0, 0x3c0; CHECK_EQ(a0, 0)      /* pmpaddr16 */
  csrw 0x3ef, t0; csrr a0, 0x3ef; CHECK_EQ(a0, 0)      /* pmpaddr63 */
  csrw 0x3a4, t0; csrr a0, 0x3a4; CHECK_EQ(a0, 0)      /* pmpcfg4 */
  csrw 0x3ae, t0; csrr a0, 0x3ae; CHECK_EQ(a0, 0)      /* pmpcfg14 */
#endif
  TEST_CASE(5)             /* the tests' entry reads back */
  PMP_SET(0, PMP_NA4 | PMP_R, T >> 2)
  csrr a0, 0x3b0; CHECK_EQ(a0, T >> 2)
  csrr a0, PMP_CFG_CSR(0); CHECK_MASKED(a0, 0xff, PMP_NA4 | PMP_R)
  PMP_RESET

  /* ---- no matching entry: S and U denied, M allowed ---- */
  ACC_FAULT(10, PRV_S, CAUSE_LOAD_ACCESS, T, lw a0, 0(a1))
  ACC_FAULT(11, PRV_S, CAUSE_STORE_ACCESS, T, sw a0, 0(a1))
  ACC_FAULT(12, PRV_U, CAUSE_LOAD_ACCESS, T + 0x10, lw a0, 0(a1))
#if !QEMU_COMPAT          /* QEMU 7.2: a load access fault for the AMO */
  ACC_FAULT(13, PRV_U, CAUSE_STORE_ACCESS, T + 0x10, amoadd.w a0, a0, (a1))
#endif
  FETCH_FAULT(14, PRV_S, T + 0x800)
  M_OK(15, T + 0x20, lw a0, 0(a1); sw a0, 0(a1))

  /* ---- NA4 ---- */
  PMP_SET(0, PMP_NA4 | PMP_R, (T + 0x10) >> 2)
  LW_OK(20, PRV_S, T + 0x10)
  LW_OK(21, PRV_U, T + 0x10)
  ACC_FAULT(22, PRV_S, CAUSE_LOAD_ACCESS, T + 0x14, lw a0, 0(a1))
  ACC_FAULT(23, PRV_S, CAUSE_LOAD_ACCESS, T + 0xc, lw a0, 0(a1))
  ACC_FAULT(24, PRV_S, CAUSE_STORE_ACCESS, T + 0x10, sw a0, 0(a1))
  ACC_FAULT(25, PRV_U, CAUSE_STORE_ACCESS, T + 0x10, amoswap.w a0, a0, (a1))
  ACC_OK(26, PRV_S, T + 0x12, lhu a0, 0(a1))
  M_OK(27, T + 0x10, sw a0, 0(a1))             /* M: unlocked entries do not apply */

  /* ---- NAPOT ---- */
  PMP_SET(0, PMP_NAPOT | PMP_R | PMP_W, NAPOT(T + 0x40, 64))
  LW_OK(30, PRV_S, T + 0x40)
  LW_OK(31, PRV_S, T + 0x7c)
  ACC_FAULT(32, PRV_S, CAUSE_LOAD_ACCESS, T + 0x80, lw a0, 0(a1))
  ACC_FAULT(33, PRV_S, CAUSE_LOAD_ACCESS, T + 0x3c, lw a0, 0(a1))
  TEST_CASE(34); li a1, T + 0x44; li a2, 0x4444
  IN_MODE(PRV_U, sw a2, 0(a1))
  CHECK_ECALL(PRV_U)
  li a1, T + 0x44; lw a0, 0(a1); CHECK_EQ(a0, 0x4444)
  li a2, TWORD(T + 0x44); sw a2, 0(a1)
  ACC_FAULT(35, PRV_S, CAUSE_STORE_ACCESS, T + 0x80, sw a0, 0(a1))
  PMP_SET(0, PMP_NAPOT | PMP_R, NAPOT(T, 4096))  /* 4 KiB */
  LW_OK(36, PRV_S, T)
  LW_OK(37, PRV_S, T + 0xffc)
  ACC_FAULT(38, PRV_S, CAUSE_LOAD_ACCESS, T + 0x1000, lw a0, 0(a1))
  ACC_FAULT(39, PRV_S, CAUSE_LOAD_ACCESS, T - 4, lw a0, 0(a1))

  /* ---- OFF ---- */
  PMP_SET(0, PMP_OFF | PMP_R | PMP_W | PMP_X, NAPOT(T, 4096))
  ACC_FAULT(40, PRV_S, CAUSE_LOAD_ACCESS, T, lw a0, 0(a1))

  /* ---- TOR ---- */
  PMP_RESET
  PMP_SET(0, PMP_OFF, (T + 0x100) >> 2)
  PMP_SET(1, PMP_TOR | PMP_R | PMP_W, (T + 0x200) >> 2)
  LW_OK(50, PRV_S, T + 0x100)
  LW_OK(51, PRV_U, T + 0x1fc)
  ACC_FAULT(52, PRV_S, CAUSE_LOAD_ACCESS, T + 0x200, lw a0, 0(a1))
  ACC_FAULT(53, PRV_S, CAUSE_LOAD_ACCESS, T + 0xfc, lw a0, 0(a1))
  FETCH_FAULT(54, PRV_S, T + 0x100)             /* no X */
  TEST_CASE(55)            /* TOR at entry 0: from address 0 */
  PMP_RESET
  PMP_SET(0, PMP_TOR | PMP_R | PMP_W | PMP_X, (T + 0x100) >> 2)
  LW_OK(55, PRV_S, T + 0xfc)
  LW_OK(56, PRV_S, T)
  ACC_FAULT(57, PRV_S, CAUSE_LOAD_ACCESS, T + 0x100, lw a0, 0(a1))
  TEST_CASE(58)            /* empty range: top <= bottom matches nothing */
  PMP_RESET
  PMP_SET(0, PMP_OFF, (T + 0x100) >> 2)
  PMP_SET(1, PMP_TOR | PMP_R, (T + 0x100) >> 2)
  ACC_FAULT(58, PRV_S, CAUSE_LOAD_ACCESS, T + 0x100, lw a0, 0(a1))

  /* ---- priority: the lowest-numbered matching entry decides ---- */
  PMP_RESET
  PMP_SET(0, PMP_NA4, (T + 0x200) >> 2)                     /* no permission */
  PMP_SET(1, PMP_NAPOT | PMP_R | PMP_W, NAPOT(T, 4096))
  ACC_FAULT(60, PRV_S, CAUSE_LOAD_ACCESS, T + 0x200, lw a0, 0(a1))
  LW_OK(61, PRV_S, T + 0x204)
  PMP_SET(0, PMP_NA4 | PMP_R, (T + 0x200) >> 2)
  PMP_SET(1, PMP_NAPOT, NAPOT(T, 4096))                     /* no permission */
  LW_OK(62, PRV_S, T + 0x200)
  ACC_FAULT(63, PRV_S, CAUSE_LOAD_ACCESS, T + 0x204, lw a0, 0(a1))
  PMP_SET(0, PMP_NAPOT | PMP_R | PMP_W, NAPOT(T, 4096))   /* both match */
  PMP_SET(1, PMP_NAPOT, NAPOT(T, 8192))
  ACC_OK(64, PRV_S, T + 0x300, sw a0, 0(a1))

  /* ---- an access partly inside the deciding entry fails ---- */
  PMP_RESET
  PMP_SET(0, PMP_NA4 | PMP_R | PMP_W, (T + 0x304) >> 2)
  PMP_SET(1, PMP_NAPOT | PMP_R | PMP_W, NAPOT(T, 4096))
  ACC_OK(70, PRV_S, T + 0x308, FLD_A1)          /* entry 1 alone */
  ACC_FAULT(71, PRV_S, CAUSE_LOAD_ACCESS, T + 0x300, FLD_A1)
  M_FAULT(72, CAUSE_LOAD_ACCESS, T + 0x300, FLD_A1)   /* M too */

  /* ---- fetch ---- */
  PMP_RESET
  PMP_SET(0, PMP_NAPOT | PMP_R, NAPOT(T + 0x800, 64))
  FETCH_FAULT(80, PRV_S, T + 0x800)
  FETCH_FAULT(81, PRV_U, T + 0x800)
  PMP_SET(0, PMP_NAPOT | PMP_X, NAPOT(T + 0x800, 64))
  TEST_CASE(82); li a1, T + 0x800; li a0, 0
  IN_MODE(PRV_S, jalr ra, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, 0x99)
  TEST_CASE(83); li a1, T + 0x800; li a0, 0
  IN_MODE(PRV_U, jalr ra, 0(a1))
  CHECK_ECALL(PRV_U); CHECK_EQ(a0, 0x99)
  ACC_FAULT(84, PRV_S, CAUSE_LOAD_ACCESS, T + 0x800, lw a0, 0(a1))  /* X only */

  /* ---- M with MPRV: checked as MPP ---- */
  TEST_CASE(90)
  PMP_RESET
  li a1, T + 0x20; li a0, 0x5a
  PRIV_CATCH(2f)
  li t0, MSTATUS_MPP; csrc mstatus, t0
  li t0, MSTATUS_MPP_S | MSTATUS_MPRV; csrs mstatus, t0
1: lw a0, 0(a1)
2: li t0, MSTATUS_MPRV; csrc mstatus, t0
  li t0, MSTATUS_MPP; csrs mstatus, t0
  CHECK_MTRAP_R(CAUSE_LOAD_ACCESS, a1); CHECK_EPC(1b); CHECK_EQ(a0, 0x5a)

  /* ---- page-table walks are checked as S accesses ---- */
  PMP_RESET
  PMP_SET(1, PMP_NAPOT | PMP_R | PMP_W | PMP_X, NAPOT(T, 4096))
  call vm_std_root; mv s0, a0
  VM_MAP(s0, 0x20000000, T, PTE_V | PTE_RWX | PTE_AD, 0)
  mv a0, s0; li a1, 0x20000000; li a4, 0; call vm_pte
  srli s1, a0, 12; slli s1, s1, 12            /* the level-0 table */
  SATP_SET(s0, 0)
  TEST_CASE(100)           /* allowed */
  li a1, 0x20000000 + 0x40; li a0, 0
  IN_MODE(PRV_S, lw a0, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, TWORD(T + 0x40))
  /* entry 0: no permission on the level-0 table */
  mv t1, s1; srli t1, t1, 2; ori t1, t1, (4096 >> 3) - 1; csrw 0x3b0, t1
  PMP_CFG(0, PMP_NAPOT)
  ACC_FAULT(101, PRV_S, CAUSE_LOAD_ACCESS, 0x20000040, lw a0, 0(a1))
  ACC_FAULT(102, PRV_S, CAUSE_STORE_ACCESS, 0x20000040, sw a0, 0(a1))
  FETCH_FAULT(103, PRV_S, 0x20000800)
  TEST_CASE(104)           /* read-only is enough for a walk that sets nothing */
  PMP_CFG(0, PMP_NAPOT | PMP_R)
  li a1, 0x20000000 + 0x800; li a0, 0
  IN_MODE(PRV_S, jalr ra, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, 0x99)
  csrw satp, zero
  sfence.vma

  /* ---- locking (last: locks stay until reset) ---- */
  PMP_RESET
  TEST_CASE(110)           /* L: M is subject to the entry */
  PMP_SET(3, PMP_NAPOT | PMP_R | PMP_L, NAPOT(T + 0xa00, 64))
  csrr a0, PMP_CFG_CSR(3); srli a0, a0, PMP_SHIFT(3)
  CHECK_MASKED(a0, 0xff, PMP_NAPOT | PMP_R | PMP_L)
  M_OK(111, T + 0xa00, lw a0, 0(a1))
  M_FAULT(112, CAUSE_STORE_ACCESS, T + 0xa3c, sw a0, 0(a1))
  M_FAULT(113, CAUSE_STORE_ACCESS, T + 0xa00, amoor.w a0, a0, (a1))
  M_OK(114, T + 0xa40, sw a0, 0(a1))           /* outside it */
  LW_OK(115, PRV_S, T + 0xa04)                  /* S as well */
  ACC_FAULT(116, PRV_U, CAUSE_STORE_ACCESS, T + 0xa04, sw a0, 0(a1))
  TEST_CASE(117)           /* its cfg and pmpaddr ignore writes */
  PMP_CFG(3, PMP_NAPOT | PMP_R | PMP_W)
  li t0, 0xff << PMP_SHIFT(3); csrc PMP_CFG_CSR(3), t0
  csrr a0, PMP_CFG_CSR(3); srli a0, a0, PMP_SHIFT(3)
  CHECK_MASKED(a0, 0xff, PMP_NAPOT | PMP_R | PMP_L)
  li t0, NAPOT(T, 4096); csrw 0x3b3, t0
  csrr a0, 0x3b3; CHECK_EQ(a0, NAPOT(T + 0xa00, 64))
  M_FAULT(118, CAUSE_STORE_ACCESS, T + 0xa00, sw a0, 0(a1))
  TEST_CASE(119)           /* the other fields of its pmpcfg stay writable */
  PMP_SET(2, PMP_NA4 | PMP_R | PMP_W, (T + 0x900) >> 2)
  csrr a0, PMP_CFG_CSR(2); srli a0, a0, PMP_SHIFT(2)
  CHECK_MASKED(a0, 0xff, PMP_NA4 | PMP_R | PMP_W)
  LW_OK(120, PRV_S, T + 0x900)
  TEST_CASE(121)           /* locked TOR: pmpaddr of the entry below ignored */
  PMP_SET(4, PMP_OFF, (T + 0xc00) >> 2)
  PMP_SET(5, PMP_TOR | PMP_R | PMP_L, (T + 0xd00) >> 2)
  li t0, (T + 0xb00) >> 2; csrw 0x3b4, t0
  csrr a0, 0x3b4; CHECK_EQ(a0, (T + 0xc00) >> 2)
  PMP_CFG(4, PMP_NA4 | PMP_R)                   /* entry 4's cfg is writable */
  csrr a0, PMP_CFG_CSR(4); srli a0, a0, PMP_SHIFT(4)
  CHECK_MASKED(a0, 0xff, PMP_NA4 | PMP_R)
  PMP_CFG(4, PMP_OFF)
  M_OK(122, T + 0xc00, lw a0, 0(a1))
  M_FAULT(123, CAUSE_STORE_ACCESS, T + 0xcfc, sw a0, 0(a1))
  M_OK(124, T + 0xbfc, sw a0, 0(a1))           /* below the range */
  M_OK(125, T + 0xd00, sw a0, 0(a1))           /* above the range */
  LW_OK(126, PRV_S, T + 0xc40)
  ACC_FAULT(127, PRV_S, CAUSE_STORE_ACCESS, T + 0xc40, sw a0, 0(a1))
  TEST_CASE(128)           /* locked without X: M cannot fetch there */
  PMP_SET(6, PMP_NAPOT | PMP_R | PMP_W | PMP_L, NAPOT(T + 0x800, 64))
  li a1, T + 0x800
  PRIV_CATCH(2f)
  jalr ra, 0(a1)
2: CHECK_MTRAP_R(CAUSE_FETCH_ACCESS, a1); CHECK_PF_R(PF_EPC, a1)
  TEST_CASE(129)           /* locked X only: M fetches, cannot load */
  PMP_SET(7, PMP_NAPOT | PMP_X | PMP_L, NAPOT(T + 0xe40, 64))
  li a1, T + 0xe40; li a0, 0
  PRIV_RESET
  jalr ra, 0(a1)
  CHECK_COUNT(0); CHECK_EQ(a0, 0x98)
  M_FAULT(130, CAUSE_LOAD_ACCESS, T + 0xe44, lw a0, 0(a1))

  PRIV_END
