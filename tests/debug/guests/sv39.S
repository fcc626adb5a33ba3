/* M-mode part of sv39.elf: maps RAM twice with Sv39 gigapages (identity,
 * and at VA = PA + 0xffffffc000000000), enters S-mode at s_main's virtual
 * address and ends the run when S-mode comes back with an ecall: status 0
 * if a0 holds s_work(6) = 43, 1 otherwise. */
#define FINISHER 0x100000
#define VA_OFFSET 0xffffffc000000000
/* V R W X A D (Privileged spec 4.4.1) */
#define PTE_RWX_AD 0xcf

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  csrr t0, mhartid
1:
  bnez t0, 1b
  la t0, m_trap
  csrw mtvec, t0
  /* PMP entry 0: all memory RWX for S-mode (Privileged spec 3.7.1; with
   * PMP implemented, an S-mode access no entry matches fails). */
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f /* NAPOT, R, W, X */
  csrw pmpcfg0, t0
  /* Root table: entries 2 (PA 0x80000000) and 258 (its alias), leaves. */
  la t0, root
  li t1, (0x80000000 >> 12) << 10 | PTE_RWX_AD
  sd t1, 2 * 8(t0)
  li t2, 258 * 8
  add t2, t0, t2
  sd t1, 0(t2)
  srli t0, t0, 12
  li t1, 8 << 60 /* MODE = Sv39 */
  or t0, t0, t1
  csrw satp, t0
  sfence.vma
  /* S-mode stack: the virtual alias of s_stack's top. */
  la sp, s_stack_top
  li t0, VA_OFFSET
  add sp, sp, t0
  /* mret to S-mode at s_main (an absolute, virtual address). */
  la t0, s_main_va
  ld t0, 0(t0)
  csrw mepc, t0
  li t0, 3 << 11 /* MPP */
  csrc mstatus, t0
  li t0, 1 << 11 /* MPP = S */
  csrs mstatus, t0
  mret

  .align 2
m_trap:
  csrr t0, mcause
  li t1, 9 /* ecall from S-mode */
  bne t0, t1, fail
  li t1, 43
  bne a0, t1, fail
  li t0, FINISHER
  li t1, 0x5555
  sw t1, 0(t0)
2:
  j 2b
fail:
  li t0, FINISHER
  li t1, (1 << 16) | 0x3333
  sw t1, 0(t0)
3:
  j 3b

  .data
  .align 3
s_main_va:
  .dword s_main

  .bss
  .align 12
root:
  .space 4096
s_stack:
  .space 1024
s_stack_top:
