/* An illegal instruction with mtvec at an address where nothing is mapped:
 * every trap entry faults again (a lockup). The first fault: illegal
 * instruction (cause 2) at _start. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  csrw mtvec, zero
  .word 0
