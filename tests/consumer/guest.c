/* Reads the consumer's own device (an "answer" register at 0x10020000) and
 * exits with what it read, through the installed start-up code's runtime. */
#include "guest.h"

#include <stdint.h>
#include <stdio.h>

int main(void) {
  const uint32_t answer = *(volatile uint32_t*)0x10020000UL;
  printf("answer %lu\n", (unsigned long)answer);
  return (int)answer;
}
