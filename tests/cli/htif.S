/* Exits with status EXIT_CODE (default 7) through HTIF:
 * tohost = (EXIT_CODE << 1) | 1. */
#ifndef EXIT_CODE
#define EXIT_CODE 7
#endif
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  la t0, tohost
  li t1, (EXIT_CODE << 1) | 1
  sd t1, 0(t0)
1:
  j 1b
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
