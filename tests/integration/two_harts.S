/* Every hart writes its hart id as a digit to the UART; hart 0 then waits
 * 1000 iterations and passes through the finisher. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  csrr a0, mhartid
  li t0, 0x10000000
  addi t1, a0, '0'
  sb t1, 0(t0)
  bnez a0, 2f
  li t2, 1000
1:
  addi t2, t2, -1
  bnez t2, 1b
  li t0, 0x100000
  li t1, 0x5555
  sw t1, 0(t0)
2:
  wfi
  j 2b
