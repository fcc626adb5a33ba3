/* Every hart increments two shared counters ITERATIONS times, one with
 * amoadd and one with an LR/SC loop; hart 0 waits for all and checks that no
 * update was lost. Exit status 0 and "smp ok" when both are exact. */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

#define ITERATIONS 2000

static volatile unsigned long amo_counter;
static volatile unsigned long lrsc_counter;
static volatile unsigned finished;
static volatile unsigned started;

static void lrsc_increment(volatile unsigned long* p) {
  unsigned long value, failed;
  do {
#if __riscv_xlen == 64
    __asm__ volatile("lr.d %0, (%2)\n\taddi %0, %0, 1\n\tsc.d %1, %0, (%2)"
                     : "=&r"(value), "=&r"(failed)
                     : "r"(p)
                     : "memory");
#else
    __asm__ volatile("lr.w %0, (%2)\n\taddi %0, %0, 1\n\tsc.w %1, %0, (%2)"
                     : "=&r"(value), "=&r"(failed)
                     : "r"(p)
                     : "memory");
#endif
  } while (failed);
}

static void work(void) {
  __atomic_fetch_add(&started, 1, __ATOMIC_SEQ_CST);
  for (unsigned i = 0; i < ITERATIONS; ++i) {
    __atomic_fetch_add(&amo_counter, 1, __ATOMIC_RELAXED);
    lrsc_increment(&lrsc_counter);
  }
  __atomic_fetch_add(&finished, 1, __ATOMIC_SEQ_CST);
}

void secondary_main(unsigned long hart) {
  (void)hart;
  work();
  for (;;) __asm__ volatile("wfi");
}

int main(void) {
  const unsigned harts = guest_harts();
  work();
  while (finished != harts) {
  }
  const unsigned long expected = (unsigned long)harts * ITERATIONS;
  printf("%u harts: amoadd %lu, lr/sc %lu, expected %lu each\n", harts, amo_counter, lrsc_counter,
         expected);
  if (amo_counter != expected || lrsc_counter != expected) return 1;
  printf("smp ok\n");
  return 0;
}
