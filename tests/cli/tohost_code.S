/* A tohost symbol inside .text: HTIF's registers would cover code. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  j _start
  .align 3
  .globl tohost
tohost:
  .dword 0
