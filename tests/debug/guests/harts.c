/* Guest of the GDB thread tests: every hart calls hart_work with its own
 * hart id and a value derived from it, then checks in; hart 0 waits for all
 * harts, and exits with status 0 when each left the expected result. */
#include <stdint.h>

#include "guest.h"

#define MAX_HARTS 8

volatile unsigned long results[MAX_HARTS];
volatile unsigned checked_in;

__attribute__((noinline)) unsigned long hart_work(unsigned long hart, unsigned long value) {
  const unsigned long result = value * 10 + hart;
  results[hart] = result;
  return result;
}

static void work(unsigned long hart) {
  hart_work(hart, 100 + hart);
  __atomic_fetch_add(&checked_in, 1, __ATOMIC_SEQ_CST);
}

void secondary_main(unsigned long hart) {
  work(hart);
  for (;;) __asm__ volatile("wfi");
}

int main(void) {
  const unsigned harts = guest_harts();
  work(0);
  while (checked_in != harts) {
  }
  for (unsigned h = 0; h < harts; ++h)
    if (results[h] != (100 + h) * 10 + h) return 1;
  guest_puts("harts done\n");
  return 0;
}
