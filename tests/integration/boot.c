/* The boot convention: every hart starts at the entry point with a0 = its
 * hart id and a1 = the device tree, which lies in RAM and starts with the
 * FDT magic. Prints what it saw; exits 0 only when all of it holds. */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

static volatile uintptr_t secondary_a0 = ~(uintptr_t)0;
static volatile unsigned long secondary_id;

void secondary_main(unsigned long hart, uintptr_t a0) {
  if (hart == 1) {
    secondary_id = hart;
    secondary_a0 = a0;
  }
  for (;;) __asm__ volatile("wfi");
}

int main(void) {
  const uint32_t* fdt = (const uint32_t*)guest_boot_dtb;
  const uint32_t magic = __builtin_bswap32(fdt[0]);
  const uint32_t size = __builtin_bswap32(fdt[1]);
  const unsigned harts = guest_harts();
  printf("a0 %lu, dtb magic 0x%08lx, %lu bytes, %u harts\n", (unsigned long)guest_boot_a0,
         (unsigned long)magic, (unsigned long)size, harts);
  int ok = guest_boot_a0 == 0 && magic == 0xd00dfeed && size > 0 && size < 65536;
  if (harts > 1) {
    while (secondary_a0 == ~(uintptr_t)0) {
    }
    printf("hart %lu: a0 %lu\n", secondary_id, (unsigned long)secondary_a0);
    ok = ok && secondary_a0 == 1;
  }
  return ok ? 0 : 1;
}
