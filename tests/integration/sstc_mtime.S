/* Sstc on the platform's one timebase: the guest moves mtime forward, sets
 * stimecmp 1000 ticks (100 us) ahead and waits. It must wake when the time
 * CSR reaches stimecmp, not when an unmoved clock would. Exits 0 when the
 * time read after the wake-up is within 2 ticks past stimecmp, else 3. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  li t0, 0x200bff8
  li t1, 1000000000
  sd t1, 0(t0)            /* mtime = 1e9 */
  li t2, 1
  slli t2, t2, 63
  csrs 0x30a, t2          /* menvcfg.STCE */
  li t3, 1000001000
  csrw 0x14d, t3          /* stimecmp */
  li t2, 0x20
  csrs mie, t2            /* STIE; mstatus.MIE stays off: wfi only wakes */
1:
  wfi
  csrr t4, time
  bltu t4, t3, 1b
  sub t5, t4, t3
  li a0, 3
  li t6, 2
  bgtu t5, t6, 2f
  li a0, 0
2:
  li t0, 0x100000
  li t1, 0x5555
  beqz a0, 3f
  li t1, (3 << 16) | 0x3333
3:
  sw t1, 0(t0)
4:
  j 4b
