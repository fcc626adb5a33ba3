/* Every hart prints a line, in hart order, and adds to a shared counter with
 * atomics; hart 0 prints the total once all have finished. Run with
 * `rvtlm run --harts 4 multihart-rv64.elf`. The number of harts comes from
 * the device tree the platform passes in a1. */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

static volatile unsigned turn;
static volatile unsigned long total;
static volatile unsigned done;

static void work(unsigned long hart, unsigned harts) {
  while (turn != hart) {
  }
  printf("hart %lu of %u says hello\n", hart, harts);
  __atomic_fetch_add(&total, hart + 1, __ATOMIC_SEQ_CST);
  __atomic_fetch_add(&turn, 1, __ATOMIC_SEQ_CST);
  __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

static unsigned harts;

void secondary_main(unsigned long hart) {
  while (harts == 0) {
  }
  work(hart, harts);
  for (;;) __asm__ volatile("wfi");
}

int main(void) {
  harts = guest_harts();
  work(0, harts);
  while (done != harts) {
  }
  printf("sum of (hart + 1) over %u harts: %lu\n", harts, total);
  return total == (unsigned long)harts * (harts + 1) / 2 ? 0 : 1;
}
