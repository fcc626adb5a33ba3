/* Start-up prologue of the floating-point workloads: turns on the F/D unit,
 * then continues at guest/common/crt0.S's _start with every register as the
 * platform left it (a0 = hart id, a1 = device tree).
 *
 * Privileged spec 3.1.6.6 (extension context status): with mstatus.FS = Off
 * every F/D instruction and every access to fcsr is illegal. FS is Off at
 * reset on the harts this runs on (QEMU, rvtlm), and crt0 leaves it alone. The workloads are built with
 * -mabi=ilp32d/lp64d, where any compiled function may use the F registers,
 * so FS must be on before crt0 calls into C. The link puts this file first in
 * .text.init (at the start of RAM) and makes bench_fp_start the ELF entry,
 * so both an entry-point loader and a reset at the start of RAM begin here. */
#define MSTATUS_FS_INITIAL 0x2000

  .section .text.init, "ax", @progbits
  .globl bench_fp_start
bench_fp_start:
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  /* Round to nearest, ties to even, and no accrued flags (unprivileged
   * spec, F extension, "Floating-Point Control and Status Register"). */
  csrw fcsr, zero
  j _start
