/* Interrupts on the virt platform: machine timer interrupts from the CLINT
 * (mtimecmp) and an external interrupt from the UART routed through the
 * PLIC (source 10, context 0 = hart 0 machine mode). */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

#define CLINT_MTIMECMP ((volatile uint64_t*)0x2004000UL)
#define CLINT_MTIME ((volatile uint64_t*)0x200bff8UL)
#define PLIC_BASE 0xc000000UL
#define PLIC_PRIORITY(src) ((volatile uint32_t*)(PLIC_BASE + 4 * (src)))
#define PLIC_ENABLE(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x2000 + 0x80 * (ctx)))
#define PLIC_THRESHOLD(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200000 + 0x1000 * (ctx)))
#define PLIC_CLAIM(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200004 + 0x1000 * (ctx)))
#define UART_IER ((volatile uint8_t*)(GUEST_UART_BASE + 1))
#define UART_SOURCE 10
#define TICK 10000 /* mtime ticks: 1 ms at 10 MHz */

static volatile unsigned ticks;
static uint64_t next_tick;
static volatile unsigned uart_interrupts;
static volatile uint64_t tick_mtime[3];

static uint64_t read_mtime(void) {
#if __riscv_xlen == 64
  return *CLINT_MTIME;
#else
  volatile uint32_t* m = (volatile uint32_t*)CLINT_MTIME;
  uint32_t hi, lo;
  do {
    hi = m[1];
    lo = m[0];
  } while (hi != m[1]);
  return ((uint64_t)hi << 32) | lo;
#endif
}

static void set_mtimecmp(uint64_t value) {
#if __riscv_xlen == 64
  *CLINT_MTIMECMP = value;
#else
  volatile uint32_t* c = (volatile uint32_t*)CLINT_MTIMECMP;
  c[1] = 0xffffffff; /* no spurious interrupt between the two halves */
  c[0] = (uint32_t)value;
  c[1] = (uint32_t)(value >> 32);
#endif
}

void __attribute__((interrupt("machine"), aligned(4))) trap_handler(void) {
  unsigned long cause;
  __asm__ volatile("csrr %0, mcause" : "=r"(cause));
  const unsigned long code = cause & 0xff;
  if ((long)cause >= 0) guest_exit(0x80 | (int)code); /* an exception: fail */
  if (code == 7) {
    if (ticks < 3) tick_mtime[ticks] = read_mtime();
    ++ticks;
    next_tick += TICK; /* periodic: no drift from the handler's latency */
    set_mtimecmp(next_tick);
  } else if (code == 11) {
    const uint32_t source = *PLIC_CLAIM(0);
    if (source == UART_SOURCE) {
      ++uart_interrupts;
      *UART_IER = 0; /* THR empty has been seen: stop asking */
    }
    *PLIC_CLAIM(0) = source;
  }
}

int main(void) {
  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_handler));
  *PLIC_PRIORITY(UART_SOURCE) = 1;
  *PLIC_ENABLE(0) = 1u << UART_SOURCE;
  *PLIC_THRESHOLD(0) = 0;
  next_tick = read_mtime() + TICK;
  set_mtimecmp(next_tick);
  __asm__ volatile("csrs mie, %0" ::"r"((1ul << 7) | (1ul << 11)));
  __asm__ volatile("csrs mstatus, 8");
  while (ticks < 3) __asm__ volatile("wfi");
  printf("3 timer interrupts, %llu ticks apart\n",
         (unsigned long long)(tick_mtime[2] - tick_mtime[1]));
  *UART_IER = 0x02; /* interrupt when the transmitter is empty (it is) */
  while (uart_interrupts == 0) __asm__ volatile("wfi");
  printf("UART interrupt through the PLIC: source %d\n", UART_SOURCE);
  return 0;
}
