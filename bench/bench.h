/* Helpers shared by the benchmark workloads: a deterministic pseudo-random
 * generator, the checksum fold, and the result report that bench/run.sh
 * parses.
 *
 * Every workload computes with fixed-width types only, so its checksum is the
 * same on rv32 and rv64 (and on any host); only the instruction count
 * differs. The report is three lines:
 *
 *   <name>: checksum=0x<8 hex digits>      identical on every simulator
 *   <name>: instret=<N> total=<T>          minstret delta of the measured
 *                                          part, and minstret at its end
 *   <name>: PASS | FAIL (...)
 *
 * minstret counts instructions only where the simulator counts them exactly
 * (rvtlm-iss, QEMU with -icount); plain QEMU returns host ticks there.
 *
 * Built with -DBENCH_USER (the user-mode build, bench/umode), a workload
 * runs in U-mode and reads the same count through the unprivileged instret
 * CSR, which the start-up opens to U with mcounteren and scounteren. */
#ifndef RVTLM_BENCH_H
#define RVTLM_BENCH_H

#include <stdint.h>
#include <stdio.h>

#include "guest.h"

/* Marsaglia's xorshift32: cheap on rv32 and rv64 alike, never returns 0 from
 * a non-zero state. */
static inline uint32_t bench_rand(uint32_t* state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

/* Folds one value into a running 32-bit checksum. Order-sensitive, so a
 * result computed in the wrong order is caught as well as a wrong value. */
static inline uint32_t bench_fold(uint32_t sum, uint32_t value) {
  sum ^= value;
  sum *= 0x9e3779b1u;
  return sum ^ (sum >> 15);
}

/* A compiler barrier: keeps the measured work between the two minstret
 * reads. */
static inline void bench_barrier(void) { __asm__ volatile("" ::: "memory"); }

static inline uint64_t bench_rdinstret(void) {
#ifdef BENCH_USER
#if __riscv_xlen != 64
#error "the user-mode build is RV64 only (Sv39)"
#endif
  uint64_t v;
  __asm__ volatile("csrr %0, instret" : "=r"(v));
  return v;
#else
  return guest_rdinstret();
#endif
}

static inline uint64_t bench_begin(void) {
  bench_barrier();
  uint64_t start = bench_rdinstret();
  bench_barrier();
  return start;
}

/* Prints the report and returns main's exit status: 0 only if the checksum
 * is the expected one and the workload's own consistency checks (`errors`)
 * all passed. */
static inline int bench_end(const char* name, uint64_t start, uint32_t checksum, uint32_t expected,
                            uint32_t errors) {
  bench_barrier();
  uint64_t end = bench_rdinstret();
  bench_barrier();
  printf("%s: checksum=0x%08lx\n", name, (unsigned long)checksum);
  printf("%s: instret=%llu total=%llu\n", name, (unsigned long long)(end - start),
         (unsigned long long)end);
  if (errors != 0) {
    printf("%s: FAIL (%lu internal check(s) failed)\n", name, (unsigned long)errors);
    return 1;
  }
  if (checksum != expected) {
    printf("%s: FAIL (expected checksum 0x%08lx)\n", name, (unsigned long)expected);
    return 1;
  }
  printf("%s: PASS\n", name);
  return 0;
}

#endif
