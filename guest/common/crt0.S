/* Start-up for bare-metal guests: every hart gets its own stack and TLS
 * block; hart 0 clears .bss, runs constructors and calls main(); other harts
 * call secondary_main(hartid) (weak: by default they park in wfi). */
#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#else
#define REG_S sw
#define REG_L lw
#endif

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la t0, trap_entry_default
  csrw mtvec, t0
  csrr s0, mhartid
  /* sp = __stacks_top - hartid * __stack_size */
  la sp, __stacks_top
  la t0, __stack_size
  mul t1, s0, t0
  sub sp, sp, t1
  /* TLS block at the bottom of this hart's stack region. */
  sub a0, sp, t0
  mv s1, a0
  bnez s0, 2f
  /* hart 0: copy .data from its load address (flash on mcu; the same place
   * elsewhere), then clear .bss */
  la t0, __data_start
  la t1, __data_end
  la t2, __data_source
  beq t0, t2, 6f
5:
  bgeu t0, t1, 6f
  lw t3, 0(t2)
  sw t3, 0(t0)
  addi t0, t0, 4
  addi t2, t2, 4
  j 5b
6:
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  REG_S zero, 0(t0)
  addi t0, t0, __SIZEOF_POINTER__
  j 1b
2:
  mv a0, s1
  call _init_tls
  mv a0, s1
  call _set_tls
  bnez s0, 3f
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
3:
  mv a0, s0
  call secondary_main
4:
  wfi
  j 4b

  .weak secondary_main
secondary_main:
  wfi
  j secondary_main

/* An unexpected trap ends the run with exit status 0x80 | mcause (low 7 bits). */
  .align 2
  .weak trap_entry_default
trap_entry_default:
  csrr a0, mcause
  andi a0, a0, 0x7f
  ori a0, a0, 0x80
  j guest_exit
