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
  /* Boot convention: a0 = hart id, a1 = the device tree; hart 0 publishes
   * both below, other harts get a0 as secondary_main's second argument. */
  mv s2, a1
  mv s3, a0
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
  beqz s0, 7f
  /* Other harts wait until hart 0 has prepared .data and .bss. */
  la t0, boot_ready
8:
  lw t1, 0(t0)
  beqz t1, 8b
  fence r, rw
  j 2f
7:
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
  bgeu t0, t1, 1f
  REG_S zero, 0(t0)
  addi t0, t0, __SIZEOF_POINTER__
  j 1b
1:
  fence rw, w
  la t0, boot_ready
  li t1, 1
  sw t1, 0(t0)
2:
  mv a0, s1
  call _init_tls
  mv a0, s1
  call _set_tls
  bnez s0, 3f
  la t0, guest_boot_dtb
  REG_S s2, 0(t0)
  la t0, guest_boot_a0
  REG_S s3, 0(t0)
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
3:
  mv a0, s0
  mv a1, s3
  call secondary_main
4:
  wfi
  j 4b

  .section .data
  .align 2
boot_ready:
  .word 0

  .text
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
