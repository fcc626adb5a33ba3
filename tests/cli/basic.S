/* Prints "ok" and exits with status 5 through the finisher: 11 instructions. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  li t0, 0x10000000
  li t1, 'o'
  sb t1, 0(t0)
  li t1, 'k'
  sb t1, 0(t0)
  li t1, '\n'
  sb t1, 0(t0)
  li t0, 0x100000
  li t1, (5 << 16) | 0x3333
  sw t1, 0(t0)
1:
  j 1b
