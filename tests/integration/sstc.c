/* Sstc on the virt platform: stimecmp raises STIP at its deadline, also for
 * a hart waiting in wfi. Handled in M-mode (not delegated) to keep the
 * program small. Prints the time each interrupt was taken and the
 * instruction count, which must not depend on the quantum. */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

#define PERIOD 5000 /* time ticks: 0.5 ms at 10 MHz */

static volatile unsigned ticks;
static volatile uint64_t seen[3];
static volatile uint64_t seen_instret[3];
static uint64_t next;

static uint64_t read_time(void) {
#if __riscv_xlen == 64
  uint64_t t;
  __asm__ volatile("csrr %0, time" : "=r"(t));
  return t;
#else
  uint32_t hi, lo;
  do {
    __asm__ volatile("csrr %0, timeh" : "=r"(hi));
    __asm__ volatile("csrr %0, time" : "=r"(lo));
  } while (hi != ({
             uint32_t h2;
             __asm__ volatile("csrr %0, timeh" : "=r"(h2));
             h2;
           }));
  return ((uint64_t)hi << 32) | lo;
#endif
}

static void set_stimecmp(uint64_t v) {
#if __riscv_xlen == 64
  __asm__ volatile("csrw 0x14d, %0" ::"r"(v));
#else
  __asm__ volatile("csrw 0x15d, %0" ::"r"(0xffffffffu));
  __asm__ volatile("csrw 0x14d, %0" ::"r"((uint32_t)v));
  __asm__ volatile("csrw 0x15d, %0" ::"r"((uint32_t)(v >> 32)));
#endif
}

void __attribute__((interrupt("machine"), aligned(4))) trap_handler(void) {
  unsigned long cause, instret;
  __asm__ volatile("csrr %0, mcause" : "=r"(cause));
  __asm__ volatile("csrr %0, minstret" : "=r"(instret));
  if ((long)cause >= 0 || (cause & 0xff) != 5) guest_exit(0x80 | (int)(cause & 0x7f));
  if (ticks < 3) {
    seen[ticks] = read_time();
    seen_instret[ticks] = instret;
  }
  ++ticks;
  next += PERIOD;
  set_stimecmp(next);
}

int main(void) {
  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_handler));
#if __riscv_xlen == 64
  __asm__ volatile("csrs 0x30a, %0" ::"r"(1ul << 63)); /* menvcfg.STCE */
#else
  __asm__ volatile("csrs 0x31a, %0" ::"r"(1ul << 31)); /* menvcfgh.STCE */
#endif
  next = read_time() + PERIOD;
  set_stimecmp(next);
  __asm__ volatile("csrs mie, %0" ::"r"(1ul << 5)); /* STIE */
  __asm__ volatile("csrs mstatus, 8");
  while (ticks < 2) __asm__ volatile("wfi"); /* sleeps until the deadline */
  while (ticks < 3) {
  } /* busy: the run must end at the deadline */
  set_stimecmp(~0ull);
  printf("sstc: %llu %llu ticks apart, late by %llu %llu, instret %llu %llu\n",
         (unsigned long long)(seen[1] - seen[0]), (unsigned long long)(seen[2] - seen[1]),
         (unsigned long long)(seen[1] - (seen[0] + PERIOD)),
         (unsigned long long)(seen[2] - (seen[1] + PERIOD)), (unsigned long long)seen_instret[1],
         (unsigned long long)seen_instret[2]);
  return 0;
}
