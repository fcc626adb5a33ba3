/* A synthetic workload whose mix of events its build flags set, for the
 * calibration example: each variant multiplies, divides, loads and stores
 * at its own rates over its own memory footprint, calls a function, runs an
 * inner loop and takes a data-dependent branch more or less often. */
#include <stdint.h>

#include "guest.h"

#ifndef ITERATIONS
#define ITERATIONS 20000
#endif
#ifndef MULS
#define MULS 0
#endif
#ifndef DIVS
#define DIVS 0
#endif
#ifndef LOADS
#define LOADS 1
#endif
#ifndef STORES
#define STORES 1
#endif
#ifndef FOOTPRINT /* words, a power of two */
#define FOOTPRINT 256
#endif
#ifndef STRIDE /* words between the accesses of one iteration */
#define STRIDE 1
#endif
#ifndef TAKEN_MASK /* branch taken when (x >> 16) & TAKEN_MASK is zero */
#define TAKEN_MASK 1
#endif
#ifndef CALLS /* calls of a function that is not inlined (jumps) */
#define CALLS 0
#endif
#ifndef INNER /* rounds of an inner loop (taken branches) */
#define INNER 0
#endif

static uint32_t words[FOOTPRINT];
volatile uint32_t kernel_sink;

__attribute__((noinline)) static uint32_t mix(uint32_t a, uint32_t b) { return (a ^ b) + 1; }

int main(void) {
  uint32_t x = 1, acc = 7;
  for (uint32_t i = 0; i < ITERATIONS; ++i) {
    x = x * 1103515245u + 12345u;
    for (int k = 0; k < MULS; ++k) acc = acc * (x | 1) + (uint32_t)k;
    for (int k = 0; k < DIVS; ++k) acc += x / ((acc & 0xff) | 1);
    const uint32_t base = (i * STRIDE * 5 + (x >> 20)) & (FOOTPRINT - 1);
    for (int k = 0; k < LOADS; ++k) acc += words[(base + (uint32_t)k * STRIDE) & (FOOTPRINT - 1)];
    for (int k = 0; k < STORES; ++k)
      words[(base + (uint32_t)k * 3 * STRIDE) & (FOOTPRINT - 1)] = acc;
    for (int k = 0; k < CALLS; ++k) acc = mix(acc, x);
    for (volatile int k = 0; k < INNER; ++k) acc += (uint32_t)k;
    if (((x >> 16) & TAKEN_MASK) == 0) {
      acc ^= 0x5a5a;
    } else {
      acc += 3;
    }
  }
  kernel_sink = acc;
  return 0;
}
