/* Shared interface of the bare-metal guest runtime. */
#ifndef RVTLM_GUEST_H
#define RVTLM_GUEST_H

#include <stdint.h>

#define GUEST_UART_BASE 0x10000000UL
#define GUEST_FINISHER_BASE 0x100000UL

#ifdef __cplusplus
extern "C" {
#endif

/* Ends the simulation with the given exit status (test finisher and HTIF). */
void guest_exit(int status) __attribute__((noreturn));
/* Writes one byte to the 16550 console, polling LSR.THRE. */
void guest_putc(char c);
void guest_puts(const char *s);

static inline uint64_t guest_rdinstret(void) {
#if __riscv_xlen == 64
  uint64_t v;
  __asm__ volatile("csrr %0, minstret" : "=r"(v));
  return v;
#else
  uint32_t hi, lo, hi2;
  do {
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
    __asm__ volatile("csrr %0, minstret" : "=r"(lo));
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi2));
  } while (hi != hi2);
  return ((uint64_t)hi << 32) | lo;
#endif
}

static inline unsigned long guest_hartid(void) {
  unsigned long v;
  __asm__ volatile("csrr %0, mhartid" : "=r"(v));
  return v;
}

#ifdef __cplusplus
}
#endif
#endif
