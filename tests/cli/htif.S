/* Exits with status 7 through HTIF: tohost = (7 << 1) | 1. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  la t0, tohost
  li t1, (7 << 1) | 1
  sd t1, 0(t0)
1:
  j 1b
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
