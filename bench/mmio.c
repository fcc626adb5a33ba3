/* MMIO write throughput: byte stores to the 16550's scratch register (SCR,
 * offset 7), which every simulator routes to its UART model on every store
 * (no DMI for devices). Each value written is read back once per round, and
 * the read-back values make the checksum. The report adds a line
 *   mmio: writes=<N>
 * so that writes per second can be derived from the run time. */
#include <stdint.h>

#include "bench.h"

#ifdef BENCH_SMALL
#define ROUNDS 4000
#define EXPECTED_CHECKSUM 0x24b2655bu /* from QEMU 7.2, as for the other workloads */
#else
#define ROUNDS 400000
#define EXPECTED_CHECKSUM 0xe44c241du
#endif
#define WRITES_PER_ROUND 128

int main(void) {
  volatile uint8_t* scr = (volatile uint8_t*)(GUEST_UART_BASE + 7);
  uint32_t sum = 0;
  const uint64_t start = bench_begin();
  for (uint32_t round = 0; round < ROUNDS; round++) {
    const uint8_t base = (uint8_t)round;
    /* 128 stores per round, unrolled so that the loop costs little. */
    for (int i = 0; i < WRITES_PER_ROUND; i += 16) {
      scr[0] = (uint8_t)(base + i);
      scr[0] = (uint8_t)(base + i + 1);
      scr[0] = (uint8_t)(base + i + 2);
      scr[0] = (uint8_t)(base + i + 3);
      scr[0] = (uint8_t)(base + i + 4);
      scr[0] = (uint8_t)(base + i + 5);
      scr[0] = (uint8_t)(base + i + 6);
      scr[0] = (uint8_t)(base + i + 7);
      scr[0] = (uint8_t)(base + i + 8);
      scr[0] = (uint8_t)(base + i + 9);
      scr[0] = (uint8_t)(base + i + 10);
      scr[0] = (uint8_t)(base + i + 11);
      scr[0] = (uint8_t)(base + i + 12);
      scr[0] = (uint8_t)(base + i + 13);
      scr[0] = (uint8_t)(base + i + 14);
      scr[0] = (uint8_t)(base + i + 15);
    }
    sum = bench_fold(sum, scr[0]);
  }
  printf("mmio: writes=%lu\n", (unsigned long)ROUNDS * WRITES_PER_ROUND);
  return bench_end("mmio", start, sum, EXPECTED_CHECKSUM, 0);
}
