/* Address spaces and address-translation fences (Privileged spec 4.1.11,
 * 4.2.1, 4.3.1; Sv32 on RV32, Sv39 on RV64, Sv48 with -DVM_SV48):
 *   two ASIDs whose page tables map one virtual page to different physical
 *   pages, switched by satp writes in S without a fence (when at least two
 *   ASID bits are implemented); sfence.vma with an address and an ASID,
 *   with an ASID only, with an address only, and with neither, each making
 *   a changed PTE visible; a global mapping present in both address spaces
 *   and refreshed by sfence.vma with an address; satp switched from Sv to
 *   Bare and back in S taking effect at once; satp.MODE written by S. */
#include "vm.h"

#define VA_T 0x20000000            /* differs between the address spaces */
#define VA_G 0x20001000            /* global */
#define VA_F FREE_RAM              /* Bare: FREE_RAM; Sv: a test page */
#define MAGIC(i) (0x22220000 + (i))
#define PAGES 8

/* a2 = physical address of test page i */
#define PAGE_PA(reg, i) la reg, asid_pages; li t0, (i) * PAGE_SIZE; add reg, reg, t0
/* Map VA va in root (register) to test page i. */
#define MAP(root, va, i, flags) \
  mv a0, root; li a1, va; PAGE_PA(a2, i); li a3, flags; li a4, 0; call vm_map
/* Point the existing leaf PTE of va in root to test page i (keeps flags). */
#define REMAP(root, va, i, flags) MAP(root, va, i, flags)
#define RW (PTE_V | PTE_R | PTE_W | PTE_AD)

  TEST_BEGIN
  PRIV_INIT

  /* page i holds MAGIC(i); FREE_RAM holds MAGIC(100) */
  la s1, asid_pages
  li a0, 0
  li a2, MAGIC(0)
1: slli a1, a0, 12; add a1, a1, s1; sw a2, 0(a1)
  addi a0, a0, 1; addi a2, a2, 1
  li t0, PAGES; bne a0, t0, 1b
  li a1, FREE_RAM; li a2, MAGIC(100); sw a2, 0(a1)

  call vm_std_root; mv s2, a0          /* address space 1 */
  call vm_std_root; mv s3, a0          /* address space 2 */
  MAP(s2, VA_T, 0, RW)
  MAP(s3, VA_T, 1, RW)
  MAP(s2, VA_G, 4, RW | PTE_G)
  MAP(s3, VA_G, 4, RW | PTE_G)
  MAP(s2, VA_F, 6, RW)
  MAP(s3, VA_F, 6, RW)
  SATP_MAKE(s4, s2, 1)                 /* satp values */
  SATP_MAKE(s5, s3, 2)
  csrw satp, s4
  sfence.vma

  /* ---- two address spaces ---- */
  TEST_CASE(1)
  li a1, VA_T
  IN_MODE(PRV_S, lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(0))
  /* the ASID cases need two ASID bits */
  csrw satp, s5; csrr a0, satp; csrw satp, s4
  beq a0, s5, 8f
  j 9f
8:
  TEST_CASE(2)             /* switch in S, no fence: each sees its own page */
  li a1, VA_T
  IN_MODE(PRV_S, lw a2, 0(a1); csrw satp, s5; lw a3, 0(a1); csrw satp, s4; \
    lw a4, 0(a1); csrw satp, s5; lw a5, 0(a1))
  CHECK_ECALL(PRV_S)
  CHECK_EQ(a2, MAGIC(0)); CHECK_EQ(a3, MAGIC(1)); CHECK_EQ(a4, MAGIC(0))
  CHECK_EQ(a5, MAGIC(1))
  csrr a0, satp; CHECK_EQR(a0, s5)
  TEST_CASE(3)             /* sfence.vma va, asid for the other space */
  REMAP(s2, VA_T, 2, RW)
  li a1, VA_T; li a6, 1
  IN_MODE(PRV_S, sfence.vma a1, a6; csrw satp, s4; lw a2, 0(a1); csrw satp, s5; \
    lw a3, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(2)); CHECK_EQ(a3, MAGIC(1))
  TEST_CASE(4)             /* sfence.vma x0, asid */
  REMAP(s3, VA_T, 3, RW)
  li a1, VA_T; li a6, 2
  IN_MODE(PRV_S, sfence.vma zero, a6; lw a3, 0(a1); csrw satp, s4; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a3, MAGIC(3)); CHECK_EQ(a2, MAGIC(2))
  TEST_CASE(5)             /* sfence.vma va (all address spaces) */
  REMAP(s2, VA_T, 5, RW)
  REMAP(s3, VA_T, 7, RW)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma a1; lw a2, 0(a1); csrw satp, s5; lw a3, 0(a1); \
    csrw satp, s4)
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(5)); CHECK_EQ(a3, MAGIC(7))
  TEST_CASE(6)             /* a global mapping is seen in both */
  li a1, VA_G
  IN_MODE(PRV_S, lw a2, 0(a1); csrw satp, s5; lw a3, 0(a1); csrw satp, s4)
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(4)); CHECK_EQ(a3, MAGIC(4))
  TEST_CASE(7)             /* changed in both tables; sfence.vma va covers it */
  REMAP(s2, VA_G, 6, RW | PTE_G)
  REMAP(s3, VA_G, 6, RW | PTE_G)
  li a1, VA_G
  IN_MODE(PRV_S, sfence.vma a1; lw a2, 0(a1); csrw satp, s5; lw a3, 0(a1); \
    csrw satp, s4)
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(6)); CHECK_EQ(a3, MAGIC(6))
9:
  /* ---- fences within one address space ---- */
  csrw satp, s4
  sfence.vma
  TEST_CASE(10)            /* sfence.vma va, asid */
  REMAP(s2, VA_T, 1, RW)
  li a1, VA_T; li a6, 1
  IN_MODE(PRV_S, sfence.vma a1, a6; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(1))
  TEST_CASE(11)            /* sfence.vma x0, asid */
  REMAP(s2, VA_T, 2, RW)
  li a1, VA_T; li a6, 1
  IN_MODE(PRV_S, sfence.vma zero, a6; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(2))
  TEST_CASE(12)            /* sfence.vma va */
  REMAP(s2, VA_T, 3, RW)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma a1; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(3))
  TEST_CASE(13)            /* sfence.vma */
  REMAP(s2, VA_T, 0, RW)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(0))
  TEST_CASE(14)            /* a page made invalid faults after the fence */
  REMAP(s2, VA_T, 0, RW & ~PTE_V)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma a1; 1: lw a2, 0(a1))
  CHECK_MTRAP_R(CAUSE_LOAD_PAGE, a1); CHECK_EPC(1b)
  TEST_CASE(15)            /* and valid again */
  REMAP(s2, VA_T, 0, RW)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma a1; lw a2, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(0))
  TEST_CASE(16)            /* made read-only: a store faults after the fence */
  REMAP(s2, VA_T, 0, PTE_V | PTE_R | PTE_A)
  li a1, VA_T
  IN_MODE(PRV_S, sfence.vma a1; 1: sw a2, 0(a1))
  CHECK_MTRAP_R(CAUSE_STORE_PAGE, a1); CHECK_EPC(1b)
  REMAP(s2, VA_T, 0, RW)
  sfence.vma

  /* ---- Bare and Sv switched by S ---- */
  TEST_CASE(20)
  li a1, VA_F
  IN_MODE(PRV_S, lw a2, 0(a1); csrw satp, zero; lw a3, 0(a1); csrw satp, s4; \
    lw a4, 0(a1); csrr a5, satp)
  CHECK_ECALL(PRV_S)
  CHECK_EQ(a2, MAGIC(6)); CHECK_EQ(a3, MAGIC(100)); CHECK_EQ(a4, MAGIC(6))
  CHECK_EQR(a5, s4)
  TEST_CASE(21)            /* Bare from M, Sv from S */
  csrw satp, zero
  li a1, VA_F
  IN_MODE(PRV_S, lw a2, 0(a1); csrw satp, s4; lw a3, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a2, MAGIC(100)); CHECK_EQ(a3, MAGIC(6))
  TEST_CASE(22)            /* the trap handler in S runs translated: a fault
                              delegated to S reports the virtual address */
  li t0, 1 << CAUSE_LOAD_PAGE; csrw medeleg, t0
  li a1, VA_T + 0x10000
  IN_MODE(PRV_S, 1: lw a2, 0(a1))
  CHECK_STRAP_R(CAUSE_LOAD_PAGE, a1); CHECK_EPC(1b)
  csrw medeleg, zero

  csrw satp, zero
  sfence.vma
  PRIV_END

  .bss
  .balign PAGE_SIZE
asid_pages:
  .skip PAGES * PAGE_SIZE
