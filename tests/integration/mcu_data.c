/* On mcu, initialised data is copied from flash to SRAM by crt0, code runs
 * from flash, and flash rejects stores (a store access fault, cause 7). */
#include <stdint.h>
#include <stdio.h>

#include "guest.h"

static int counter = 41;
static const char message[] = "from flash";

static volatile unsigned long fault_cause;

void __attribute__((interrupt("machine"), aligned(4))) trap_handler(void) {
  unsigned long cause, epc;
  __asm__ volatile("csrr %0, mcause" : "=r"(cause));
  __asm__ volatile("csrr %0, mepc" : "=r"(epc));
  fault_cause = cause;
  __asm__ volatile("csrw mepc, %0" ::"r"(epc + 4)); /* skip the 32-bit store */
}

int main(void) {
  ++counter;
  printf("counter %d, message \"%s\" at %p, code at %p\n", counter, message, (void*)message,
         (void*)main);
  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_handler));
  volatile uint32_t* flash = (volatile uint32_t*)0x20000000;
  __asm__ volatile("sw zero, 0(%0)" ::"r"(flash) : "memory");
  printf("store to flash: cause %lu\n", fault_cause);
  return counter == 42 && fault_cause == 7 ? 0 : 1;
}
