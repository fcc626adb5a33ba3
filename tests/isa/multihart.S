/* Two harts (run with --harts 2 / -smp 2): each reports its mhartid, waits
 * for the other at a barrier, then increments one shared counter N times
 * with amoadd.w and N times with an LR/SC loop. Hart 0 waits for both and
 * checks the total 4 * N and the reported hart ids. Harts 2 and up park. */
#define TEST_SECONDARY
#include "test.h"

#define N 1000
/* Waits are bounded by one second of mtime (10 MHz), so that a missing
 * hart fails the case on QEMU, whose harts may run round-robin; on
 * rvtlm-iss --max-insns usually ends such a run first. */
#define WAIT_TICKS 10000000

  TEST_BEGIN
  TEST_CASE(1)
  call worker
  TEST_CASE(2)             /* wait for both harts to finish */
  la a1, done
  li a2, 2
  call wait_word
  TEST_CASE(3)
  la a1, counter; lw a0, 0(a1); CHECK_EQ(a0, 4 * N)
  TEST_CASE(4)             /* each hart saw its own mhartid */
  la a1, ids; lw a0, 0(a1); CHECK_EQ(a0, 1)
  lw a0, 4(a1); CHECK_EQ(a0, 2)
  TEST_END

  .text
test_secondary:
  csrr a0, mhartid
  li t2, 1
  bne a0, t2, test_park    /* only harts 0 and 1 take part */
  li gp, 10
  call worker
1: wfi
  j 1b

/* ids[hartid] = hartid + 1; barrier; N amoadd.w; N LR/SC increments;
 * done += 1. Fails the current case (gp) when the barrier times out. */
worker:
  csrr a0, mhartid
  la a1, ids
  slli a2, a0, 2
  add a2, a2, a1
  addi a3, a0, 1
  sw a3, 0(a2)
  la a1, arrived           /* barrier */
  li a2, 1
  amoadd.w.aqrl zero, a2, (a1)
  mv s0, ra
  li a2, 2
  call wait_word
  mv ra, s0
  li a2, 1
  la a1, counter
  li a4, N
3: amoadd.w zero, a2, (a1)
  addi a4, a4, -1
  bnez a4, 3b
  li a4, N
4: lr.w.aq a3, (a1)
  addi a3, a3, 1
  sc.w.rl t2, a3, (a1)
  bnez t2, 4b
  addi a4, a4, -1
  bnez a4, 4b
  la a1, done
  amoadd.w.aqrl zero, a2, (a1)
  ret

/* Returns once the word at a1 equals a2; fails the current case after
 * WAIT_TICKS of mtime. Clobbers t2-t4. */
wait_word:
  li t3, CLINT_MTIME
  lw t4, 0(t3)
1: lw t2, 0(a1)
  beq t2, a2, 2f
  lw t2, 0(t3)
  sub t2, t2, t4
#if __riscv_xlen == 64
  slli t2, t2, 32
  srli t2, t2, 32
#endif
  li t3, WAIT_TICKS
  bgeu t2, t3, test_fail
  li t3, CLINT_MTIME
  j 1b
2: ret

  .data
  .balign 64
counter:
  .word 0
  .balign 64
arrived:
  .word 0
  .balign 64
done:
  .word 0
ids:
  .word 0, 0
