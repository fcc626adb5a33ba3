/* The first program to run on rvtlm: prints over the 16550 console and
 * exits through the test finisher with status 0. */
#include <stdio.h>

#include "guest.h"

int main(void) {
  printf("Hello from hart %lu of rvtlm!\n", guest_hartid());
  printf("%llu instructions retired before this line.\n", (unsigned long long)guest_rdinstret());
  return 0;
}
