/* Console, exit and picolibc glue for bare-metal guests. */
#include "guest.h"

#include <stdio.h>

/* HTIF mailbox: rvtlm ends the run when tohost is written. */
volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20

void guest_putc(char c) {
  volatile uint8_t *uart = (volatile uint8_t *)GUEST_UART_BASE;
  while ((uart[UART_LSR] & UART_LSR_THRE) == 0) {
  }
  uart[UART_THR] = (uint8_t)c;
}

void guest_puts(const char *s) {
  while (*s) guest_putc(*s++);
}

void guest_exit(int status) {
  /* The finisher at 0x100000 (virt): 0x5555 passes, 0x3333 | code << 16 fails. */
  volatile uint32_t *finisher = (volatile uint32_t *)GUEST_FINISHER_BASE;
  if (status == 0)
    *finisher = 0x5555;
  else
    *finisher = 0x3333u | ((uint32_t)status << 16);
  /* Platforms without a finisher see HTIF instead. */
  tohost = ((uint64_t)status << 1) | 1;
  for (;;) __asm__ volatile("wfi");
}

void _exit(int status) { guest_exit(status); }

static int console_put(char c, FILE *file) {
  (void)file;
  if (c == '\n') guest_putc('\r');
  guest_putc(c);
  return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &console;
FILE *const stderr = &console;
