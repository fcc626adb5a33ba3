/* Machine- and supervisor-mode start-up of the user-mode benchmark build: a
 * minimal firmware and kernel around an unchanged workload.
 *
 * Machine mode (hart 0; the others park):
 *   - opens physical memory to S and U with PMP entry 0 (Privileged spec
 *     3.7.1: with PMP implemented and no entry matching, S and U accesses
 *     fail),
 *   - clears the user .bss and builds Sv39 page tables (umode_build_page_
 *     tables, bench/umode/paging.c),
 *   - delegates U-mode ecalls and the exceptions a user program can cause to
 *     S (medeleg, 3.1.8), lets S and U read the counters (mcounteren, 3.1.11),
 *   - enters S-mode with mret, the satp value in a0.
 * Supervisor mode turns on translation, lets U read instret (scounteren,
 * 4.1.5) and enters the program's U-mode start (umode_user_start,
 * bench/umode/user_start.S) with sret.
 *
 * Console and exit: U-mode makes the calls of bench/umode/umode.h with
 * ecall; S forwards them to M with an ecall of its own, and M drives the
 * 16550 console and the test finisher (and HTIF's tohost) by physical
 * address. U and S see no device. */
#include "umode.h"

#define MSTATUS_MPP 0x1800
#define MSTATUS_MPP_S 0x0800
#define SSTATUS_SPP 0x100
#define SATP_MODE_SV39 8

#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_U 8

/* To S: misaligned and faulting fetches, illegal instructions, breakpoints,
 * misaligned and faulting loads and stores (causes 0-7), U-mode ecalls (8)
 * and the three page faults (12, 13, 15). */
#define MEDELEG_TO_S 0xb1ff

/* pmpcfg entry: R, W, X, A = NAPOT; pmpaddr all ones: the whole address
 * space (Privileged spec 3.7.1, table "NAPOT range encoding"). */
#define PMP_RWX_NAPOT 0x1f

#define UART_BASE 0x10000000
#define UART_LSR 5
#define UART_LSR_THRE 0x20
#define FINISHER_BASE 0x100000
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la t0, machine_trap
  csrw mtvec, t0
  csrr t0, mhartid
  bnez t0, park
  la sp, __kernel_stack_top

  li t0, -1
  csrw pmpaddr0, t0
  li t0, PMP_RWX_NAPOT
  csrw pmpcfg0, t0

  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
2:
  call umode_build_page_tables
  bnez a0, 3f
  li a0, UMODE_EXIT_NO_TABLES
  j machine_exit
3:
  li t0, MEDELEG_TO_S
  csrw medeleg, t0
  csrw mideleg, zero
  li t0, 7
  csrw mcounteren, t0
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPP_S
  csrs mstatus, t0
  la t0, supervisor_start
  csrw mepc, t0
  mret

park:
  wfi
  j park

/* Traps taken in M: S-mode ecalls are the calls of umode.h; anything else
 * ends the run with UMODE_EXIT_M_TRAP | mcause. Uses t0 and t1 only. */
  .align 2
machine_trap:
  csrr t0, mcause
  li t1, CAUSE_ECALL_S
  bne t0, t1, 9f
  li t1, UMODE_CALL_PUTC
  beq a7, t1, 1f
  li t1, UMODE_CALL_EXIT
  beq a7, t1, machine_exit
  li a0, -1
  j 2f
1:
  li t0, UART_BASE
3:
  lbu t1, UART_LSR(t0)
  andi t1, t1, UART_LSR_THRE
  beqz t1, 3b
  sb a0, 0(t0)
  li a0, 0
2:
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  mret
9:
  andi a0, t0, 0x3f
  ori a0, a0, UMODE_EXIT_M_TRAP
  /* fall through */

/* Ends the run with exit status a0: the finisher on the virt platform,
 * rvtlm-iss and QEMU; HTIF's tohost where there is no finisher. */
machine_exit:
  li t0, FINISHER_BASE
  li t1, FINISHER_PASS
  beqz a0, 1f
  slli t1, a0, 16
  li a7, FINISHER_FAIL
  or t1, t1, a7
1:
  sw t1, 0(t0)
  la t0, tohost
  slli t1, a0, 1
  ori t1, t1, 1
  sd t1, 0(t0)
2:
  wfi
  j 2b

/* S-mode, entered from machine mode with the satp value in a0. Runs from
 * here on through the page tables: .kernel.text is mapped to itself for S. */
  .align 2
supervisor_start:
  la t0, supervisor_trap
  csrw stvec, t0
  csrw satp, a0
  /* Privileged spec 4.2.1: writing satp does not order later accesses
   * against the new tables; sfence.vma does. */
  sfence.vma
  csrr t0, satp
  beq t0, a0, 1f
  li a0, UMODE_EXIT_NO_SV39
  li a7, UMODE_CALL_EXIT
  ecall
1:
  li t0, 7
  csrw scounteren, t0
  li t0, SSTATUS_SPP
  csrc sstatus, t0
  la t0, umode_user_start
  csrw sepc, t0
  sret

/* Traps taken in S: a U-mode ecall goes on to M unchanged and returns past
 * the ecall; anything else ends the run with UMODE_EXIT_S_TRAP | scause.
 * Uses t0 and t1 only, so it needs no stack. */
  .align 2
supervisor_trap:
  csrr t0, scause
  li t1, CAUSE_ECALL_U
  bne t0, t1, 1f
  ecall
  csrr t0, sepc
  addi t0, t0, 4
  csrw sepc, t0
  sret
1:
  andi a0, t0, 0x3f
  ori a0, a0, UMODE_EXIT_S_TRAP
  li a7, UMODE_CALL_EXIT
  ecall

/* HTIF mailbox (rvtlm-iss enables HTIF exit when it finds tohost). */
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
  .align 6
  .globl fromhost
fromhost:
  .dword 0
