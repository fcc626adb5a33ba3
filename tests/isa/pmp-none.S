/* A hart without PMP entries (rvtlm-iss --pmp-entries 0; Privileged spec
 * 3.7.1): every pmpcfg and pmpaddr CSR reads zero and ignores writes (no
 * illegal instruction; odd pmpcfg stay illegal on RV64), and S and U access
 * all memory without access faults, since no entry is implemented.
 * QEMU 7.2 (pmp=false) makes the PMP CSRs illegal instead: its build
 * (QEMU_COMPAT) skips the CSR cases and leaves the PMP CSRs alone. */
#if QEMU_COMPAT
#define PRIV_SKIP_PMP 1
#endif
#include "vm.h"

#define T FREE_RAM

  TEST_BEGIN
  PRIV_INIT

#if !QEMU_COMPAT
  TEST_CASE(1)             /* pmpaddr0..63 read zero after writing ones */
  li a1, -1
  .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, \
          21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, \
          40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, \
          59, 60, 61, 62, 63
  csrw 0x3b0 + \n, a1
  csrr a0, 0x3b0 + \n
  beqz a0, 1f
  FAIL
1:
  .endr
  TEST_CASE(2)             /* pmpcfg0..15 (even ones on RV64) read zero */
#if __riscv_xlen == 32
  .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
#else
  .irp n, 0, 2, 4, 6, 8, 10, 12, 14
#endif
  csrw 0x3a0 + \n, a1
  csrs 0x3a0 + \n, a1
  csrr a0, 0x3a0 + \n
  beqz a0, 1f
  FAIL
1:
  .endr
#if __riscv_xlen == 64
  TEST_CASE(3)             /* odd pmpcfg stay illegal on RV64 */
  PRIV_CATCH(2f)
1: csrr a0, 0x3a1
2: CHECK_ILLEGAL(0x3a102573); CHECK_EPC(1b)
#endif
#endif

  /* ---- S and U access everything ---- */
  TEST_CASE(10)
  li a1, T; li a2, 0x1234
  IN_MODE(PRV_S, sw a2, 0(a1); lw a3, 0(a1); amoadd.w a4, a2, (a1); lw a5, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a3, 0x1234); CHECK_EQ(a4, 0x1234); CHECK_EQ(a5, 0x2468)
  TEST_CASE(11)
  li a1, T + 0x1000; li a2, 0x4321
  IN_MODE(PRV_U, sw a2, 0(a1); lw a3, 0(a1))
  CHECK_ECALL(PRV_U); CHECK_EQ(a3, 0x4321)
  TEST_CASE(12)            /* the image itself (fetches) and the CLINT */
  li a1, CLINT_MTIME
  IN_MODE(PRV_U, lw a3, 0(a1); la a4, test_trap_frames; lw a4, 0(a4))
  CHECK_ECALL(PRV_U)
  TEST_CASE(13)            /* code written to T and run from S and U */
  li a1, T + 0x800; li a2, 0x09900513; sw a2, 0(a1); li a2, 0x00008067; sw a2, 4(a1)
  fence.i
  li a0, 0
  IN_MODE(PRV_S, jalr ra, 0(a1))
  CHECK_ECALL(PRV_S); CHECK_EQ(a0, 0x99)
  li a0, 0
  IN_MODE(PRV_U, jalr ra, 0(a1))
  CHECK_ECALL(PRV_U); CHECK_EQ(a0, 0x99)
  TEST_CASE(14)            /* and with translation (walks are not checked) */
  call vm_std_root; mv s0, a0
  VM_MAP(s0, 0x20000000, T, PTE_V | PTE_R | PTE_W | PTE_U | PTE_AD, 0)
  SATP_SET(s0, 0)
  li a1, 0x20000000
  IN_U_ALIAS(lw a3, 0(a1))
  CHECK_ECALL(PRV_U); CHECK_EQ(a3, 0x2468)
  csrw satp, zero
  sfence.vma

  PRIV_END
