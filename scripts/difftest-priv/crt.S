/* Start-up and trap entry of the privileged-behaviour probe (see README.md).
 * Runs on QEMU virt's memory map: RAM 0x80000000, console 0x10000000,
 * finisher 0x100000. Both trap entries save every register in a frame on a
 * stack of their own and call the C handler with the frame. */
#if __riscv_xlen == 64
#define SREG sd
#define LREG ld
#define R 8
#else
#define SREG sw
#define LREG lw
#define R 4
#endif

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  csrr t0, mhartid
1: bnez t0, 1b
  la sp, stack_top
  la t0, m_trap_entry
  csrw mtvec, t0
  la t0, m_trap_stack_top
  csrw mscratch, t0
#ifndef NO_S
  la t0, s_trap_entry
  csrw stvec, t0
  la t0, s_trap_stack_top
  csrw sscratch, t0
#endif
  /* PMP entry 15: everything, RWX, so that S and U can run. */
  li t0, -1
  csrw pmpaddr15, t0
#if __riscv_xlen == 64
  li t0, 0x1f << 56
  csrw pmpcfg2, t0
#else
  li t0, 0x1f << 24
  csrw pmpcfg3, t0
#endif
  call main
  li t0, 0x100000
  li t1, 0x5555
  sw t1, 0(t0)
2: j 2b

/* SAVE/RESTORE all of x1..x31 at sp (x2 comes from the scratch CSR). */
.macro SAVE_ALL scratch
  addi sp, sp, -32*R
  .irp n,1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  SREG x\n, \n*R(sp)
  .endr
  csrr t0, \scratch
  SREG t0, 2*R(sp)
.endm
.macro RESTORE_ALL
  .irp n,1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  LREG x\n, \n*R(sp)
  .endr
  addi sp, sp, 32*R
.endm

  .balign 64
  .globl m_trap_entry
m_trap_entry:
  csrrw sp, mscratch, sp
  SAVE_ALL mscratch
  mv a0, sp
  call m_handler
  RESTORE_ALL
  csrrw sp, mscratch, sp
  mret

  .balign 64
  .globl s_trap_entry
s_trap_entry:
  csrrw sp, sscratch, sp
  SAVE_ALL sscratch
  mv a0, sp
  call s_handler
  RESTORE_ALL
  csrrw sp, sscratch, sp
  sret

  .bss
  .balign 16
  .skip 8192
stack_top:
  .skip 4096
m_trap_stack_top:
  .skip 4096
s_trap_stack_top:

/* Vector tables for mtvec/stvec in vectored mode: entry i sets bit i of
 * m_vector_hit/s_vector_hit and continues at the common entry. */
.macro VECTOR_STUB mode, i
\mode\()_vec_\i:
  csrrw sp, \mode\()scratch, sp
  addi sp, sp, -4*R
  SREG t0, 0(sp)
  SREG t1, R(sp)
  SREG t2, 2*R(sp)
  la t1, \mode\()_vector_hit
  LREG t0, 0(t1)
  li t2, 1 << \i
  or t0, t0, t2
  SREG t0, 0(t1)
  LREG t2, 2*R(sp)
  LREG t1, R(sp)
  LREG t0, 0(sp)
  addi sp, sp, 4*R
  csrrw sp, \mode\()scratch, sp
  j \mode\()_trap_entry
.endm

  .text
  .balign 256
  .globl m_vector_table
m_vector_table:
  .option push
  .option norvc
  .irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
  j m_vec_\i
  .endr
  .balign 256
  .globl s_vector_table
s_vector_table:
  .irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
  j s_vec_\i
  .endr
  .option pop
  .irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
  VECTOR_STUB m, \i
  VECTOR_STUB s, \i
  .endr

  .data
  .balign 8
  .globl m_vector_hit
m_vector_hit:
  .skip 8
  .globl s_vector_hit
s_vector_hit:
  .skip 8
