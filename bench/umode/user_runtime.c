/* Console and exit for a U-mode program (bench/umode): picolibc's stdout
 * and _exit, each a call of bench/umode/umode.h. Takes the place of
 * guest/common/runtime.c, which drives the devices directly. */
#include <stdio.h>

#include "umode.h"

static long umode_call(long call, long arg) {
  register long a0 __asm__("a0") = arg;
  register long a7 __asm__("a7") = call;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "t0", "t1", "memory");
  return a0;
}

static int console_put(char c, FILE* file) {
  (void)file;
  if (c == '\n') umode_call(UMODE_CALL_PUTC, '\r');
  umode_call(UMODE_CALL_PUTC, (unsigned char)c);
  return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE* const stdout = &console;
FILE* const stderr = &console;

void _exit(int status) {
  umode_call(UMODE_CALL_EXIT, status);
  for (;;) {
  }
}
