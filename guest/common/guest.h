/* Shared interface of the bare-metal guest runtime. */
#ifndef RVTLM_GUEST_H
#define RVTLM_GUEST_H

#include <stdint.h>

#define GUEST_UART_BASE 0x10000000UL
#define GUEST_FINISHER_BASE 0x100000UL

#ifdef __cplusplus
extern "C" {
#endif

/* The device tree address the platform passed in a1 at reset (0: none). */
extern uintptr_t guest_boot_dtb;
/* a0 at hart 0's reset (the hart id, by the same convention). */
extern uintptr_t guest_boot_a0;

/* Harts in the device tree (1 without one). */
unsigned guest_harts(void);

/* Ends the simulation with the given exit status (test finisher and HTIF). */
void guest_exit(int status) __attribute__((noreturn));
/* Writes one byte to the 16550 console, polling LSR.THRE. */
void guest_putc(char c);
void guest_puts(const char* s);

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
