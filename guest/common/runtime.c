/* Console, exit and picolibc glue for bare-metal guests. */
#include <stdio.h>

#include "guest.h"

/* HTIF mailbox: rvtlm ends the run when tohost is written. */
volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

uintptr_t guest_boot_dtb;
uintptr_t guest_boot_a0;

#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20

void guest_putc(char c) {
  volatile uint8_t* uart = (volatile uint8_t*)GUEST_UART_BASE;
  while ((uart[UART_LSR] & UART_LSR_THRE) == 0) {
  }
  uart[UART_THR] = (uint8_t)c;
}

/* Counts the cpu@N nodes of the device tree (big-endian tokens, devicetree
 * specification 5.4). */
unsigned guest_harts(void) {
  const uint8_t* fdt = (const uint8_t*)guest_boot_dtb;
  if (fdt == 0) return 1;
  const uint32_t* words = (const uint32_t*)fdt;
  if (__builtin_bswap32(words[0]) != 0xd00dfeed) return 1;
  const uint32_t off = __builtin_bswap32(words[2]);  /* off_dt_struct */
  const uint32_t size = __builtin_bswap32(words[9]); /* size_dt_struct */
  const uint32_t* p = (const uint32_t*)(fdt + off);
  const uint32_t* end = (const uint32_t*)(fdt + off + size);
  unsigned harts = 0;
  while (p < end) {
    const uint32_t token = __builtin_bswap32(*p++);
    if (token == 1) { /* FDT_BEGIN_NODE: name follows, NUL-padded to 4 bytes */
      const char* name = (const char*)p;
      if (name[0] == 'c' && name[1] == 'p' && name[2] == 'u' && name[3] == '@') ++harts;
      unsigned len = 0;
      while (name[len]) ++len;
      p += (len + 4) / 4;
    } else if (token == 3) { /* FDT_PROP: len, nameoff, value */
      const uint32_t len = __builtin_bswap32(p[0]);
      p += 2 + (len + 3) / 4;
    } else if (token == 9) {
      break;
    }
  }
  return harts ? harts : 1;
}

void guest_puts(const char* s) {
  while (*s) guest_putc(*s++);
}

void guest_exit(int status) {
  /* The finisher at 0x100000 (virt): 0x5555 passes, 0x3333 | code << 16 fails. */
  volatile uint32_t* finisher = (volatile uint32_t*)GUEST_FINISHER_BASE;
  if (status == 0)
    *finisher = 0x5555;
  else
    *finisher = 0x3333u | ((uint32_t)status << 16);
  /* Platforms without a finisher see HTIF instead. */
  tohost = ((uint64_t)status << 1) | 1;
  for (;;) __asm__ volatile("wfi");
}

void _exit(int status) { guest_exit(status); }

static int console_put(char c, FILE* file) {
  (void)file;
  if (c == '\n') guest_putc('\r');
  guest_putc(c);
  return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE* const stdout = &console;
FILE* const stderr = &console;
