/* Waits for an interrupt that nothing will send: the run ends with nothing
 * left to simulate. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  wfi
  j _start
