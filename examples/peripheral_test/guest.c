/* Guest side of the GPIO regression test on the mcu platform. The test
 * (gpio_test.cpp) drives the input pins and watches the output pins:
 *  - pins 0-2: a walking one, stores 9 instructions apart (180 ns at 20 ns
 *    per instruction), so the test can check every change to the ns;
 *  - pin 4: toggled by the interrupt handler for every rising edge on pin 8;
 *  - pin 8: rising edges from the test, counted through the PLIC (source 2,
 *    context 0 = hart 0 machine mode);
 *  - pin 9: a level the test holds high from the start;
 *  - pin 10: the test raises it to end the run.
 * The exit status is the number of rising edges counted on pin 8. */
#include "guest.h"

#include <stdint.h>
#include <stdio.h>

#define GPIO_BASE 0x10012000UL
#define GPIO_REG(offset) ((volatile uint32_t*)(GPIO_BASE + (offset)))
#define GPIO_INPUT GPIO_REG(0x00)
#define GPIO_OUTPUT GPIO_REG(0x04)
#define GPIO_OUTPUT_ENABLE GPIO_REG(0x08)
#define GPIO_RISE_IE GPIO_REG(0x0c)
#define GPIO_RISE_IP GPIO_REG(0x10)
#define GPIO_OUTPUT_TOGGLE GPIO_REG(0x2c)
#define GPIO_SOURCE 2

#define PLIC_BASE 0xc000000UL
#define PLIC_PRIORITY(src) ((volatile uint32_t*)(PLIC_BASE + 4 * (src)))
#define PLIC_ENABLE(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x2000 + 0x80 * (ctx)))
#define PLIC_THRESHOLD(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200000 + 0x1000 * (ctx)))
#define PLIC_CLAIM(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200004 + 0x1000 * (ctx)))

#define PIN_ACK (1u << 4)
#define PIN_EDGE (1u << 8)
#define PIN_STOP (1u << 10)
#define PATTERN_PINS 0x7u

/* Read by the test from SRAM after the run (global: the test finds them
 * by their ELF symbols). */
volatile uint32_t pattern_instret; /* minstret just before the first pattern store */
volatile uint32_t input_at_start;

static volatile unsigned edges;
static volatile unsigned stop;

void __attribute__((interrupt("machine"), aligned(4))) trap_handler(void) {
  unsigned long cause;
  __asm__ volatile("csrr %0, mcause" : "=r"(cause));
  if ((long)cause >= 0 || (cause & 0xff) != 11) guest_exit(0x80 | (int)(cause & 0x7f));
  const uint32_t source = *PLIC_CLAIM(0);
  if (source == GPIO_SOURCE) {
    const uint32_t pending = *GPIO_RISE_IP;
    if (pending & PIN_EDGE) {
      ++edges;
      *GPIO_OUTPUT_TOGGLE = PIN_ACK;
    }
    if (pending & PIN_STOP) stop = 1;
    /* W1C, and before the completion: the GPIO line is level-triggered. */
    *GPIO_RISE_IP = pending;
  }
  *PLIC_CLAIM(0) = source;
}

/* A walking one on pins 0-2, then all low. In assembly so that the stores
 * are exactly 9 instructions apart whatever the compiler does. */
static void drive_pattern(void) {
  uint32_t instret;
  __asm__ volatile(
      "csrr %0, minstret\n"
      "sw %2, 0(%1)\n"
      ".rept 8\n nop\n .endr\n"
      "sw %3, 0(%1)\n"
      ".rept 8\n nop\n .endr\n"
      "sw %4, 0(%1)\n"
      ".rept 8\n nop\n .endr\n"
      "sw zero, 0(%1)\n"
      : "=&r"(instret)
      : "r"(GPIO_OUTPUT), "r"(1u), "r"(2u), "r"(4u)
      : "memory");
  pattern_instret = instret;
}

int main(void) {
  input_at_start = *GPIO_INPUT;
  *GPIO_OUTPUT_ENABLE = PATTERN_PINS | PIN_ACK;
  drive_pattern();

  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_handler));
  *PLIC_PRIORITY(GPIO_SOURCE) = 1;
  *PLIC_ENABLE(0) = 1u << GPIO_SOURCE;
  *PLIC_THRESHOLD(0) = 0;
  *GPIO_RISE_IP = ~0u; /* nothing from before the set-up counts */
  *GPIO_RISE_IE = PIN_EDGE | PIN_STOP;
  __asm__ volatile("csrs mie, %0" ::"r"(1ul << 11));
  /* WFI wakes on a pending interrupt even with mstatus.MIE clear, so none
   * is lost between the test of `stop` and the WFI. */
  while (!stop) {
    __asm__ volatile("wfi");
    __asm__ volatile("csrsi mstatus, 8");
    __asm__ volatile("csrci mstatus, 8");
  }
  printf("rising edges on pin 8: %u\n", edges);
  return (int)edges;
}
