/* One timebase: after the guest writes mtime, the time CSR reads the same
 * clock. Exits 0 when the CSR read right after the write is at least the
 * written value and at most one tick behind the mtime read after it;
 * otherwise 3. */
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  li t0, 0x200bff8
  li t1, 1000000000
  sd t1, 0(t0)
  csrr t2, time
  ld t3, 0(t0)
  li a0, 3
  bltu t2, t1, 1f
  sub t4, t3, t2
  li t5, 1
  bgtu t4, t5, 1f
  li a0, 0
1:
  li t0, 0x100000
  li t1, 0x5555
  beqz a0, 2f
  li t1, (3 << 16) | 0x3333
2:
  sw t1, 0(t0)
3:
  j 3b
