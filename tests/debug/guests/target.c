/* Guest of the GDB end-to-end tests (gdb_test.sh): a C program with a
 * function whose arguments and locals the tests read, a global they watch,
 * a value in a floating-point register, an ecall into the guest's own trap
 * handler, a UART register whose read has a side effect, and a loop that
 * spins until the debugger ends it. Exit status 0 on the undisturbed path;
 * 3 when check() says no, 4 when the UART's THRE interrupt was gone before
 * the guest read IIR, 5 after an unexpected trap, 6 when counter does not
 * hold add_scaled's result, 7 when the guest's own Sdtrig trigger did not
 * fire exactly once, 8 when the timer interrupt of irq_test (run when the
 * debugger sets irq_mode; virt's ACLINT) was not taken exactly once. */
#include <stdint.h>

#include "guest.h"

#define UART_IER 1
#define UART_IIR 2
#define IIR_ID_MASK 0x0f
#define IIR_THRE 0x02

volatile long counter;    /* written once, by add_scaled */
volatile long spin_mode;  /* the debugger sets it to make main spin */
volatile long spin_until; /* ... and this to end the spin */
volatile unsigned long ecalls;
volatile long trig_var;              /* the guest's own trigger watches it */
volatile unsigned long trigger_hits; /* ... and counts here */
volatile long irq_mode;              /* the debugger sets it to run irq_test */
volatile unsigned long irq_hits;
static const double kFpValue = 2.5;

void trap_entry(void);

/* Handles ecall from M-mode (skips it and counts it), the breakpoint
 * exception of the guest's own trigger (counts it, disarms the trigger and
 * returns to the store, which then happens) and the machine timer
 * interrupt (counts it, sets mtimecmp to the end of time). Anything else
 * ends the run with status 5. */
__asm__(
    "  .text\n"
    "  .align 2\n"
    "  .globl trap_entry\n"
    "trap_entry:\n"
    "  csrrw sp, mscratch, sp\n"
    "  sd t0, -8(sp)\n"
    "  sd t1, -16(sp)\n"
    "  csrr t0, mcause\n"
    "  li t1, 11\n"
    "  beq t0, t1, 2f\n"
    "  li t1, 0x8000000000000007\n"
    "  beq t0, t1, 4f\n"
    "  li t1, 3\n"
    "  bne t0, t1, 1f\n"
    "  la t0, trigger_hits\n"
    "  ld t1, 0(t0)\n"
    "  addi t1, t1, 1\n"
    "  sd t1, 0(t0)\n"
    "  csrw 0x7a1, zero\n" /* tdata1 */
    "  j 3f\n"
    "2:\n"
    "  la t0, ecalls\n"
    "  ld t1, 0(t0)\n"
    "  addi t1, t1, 1\n"
    "  sd t1, 0(t0)\n"
    "  csrr t0, mepc\n"
    "  addi t0, t0, 4\n"
    "  csrw mepc, t0\n"
    "  j 3f\n"
    "4:\n"
    "  la t0, irq_hits\n"
    "  ld t1, 0(t0)\n"
    "  addi t1, t1, 1\n"
    "  sd t1, 0(t0)\n"
    "  li t0, 0x2004000\n" /* mtimecmp of hart 0 */
    "  li t1, -1\n"
    "  sd t1, 0(t0)\n"
    "3:\n"
    "  ld t0, -8(sp)\n"
    "  ld t1, -16(sp)\n"
    "  csrrw sp, mscratch, sp\n"
    "  mret\n"
    "1:\n"
    "  li a0, 5\n"
    "  j guest_exit\n");

static uint64_t trap_stack[64];

/* mstatus.FS = Initial before any floating-point instruction (Privileged
 * spec 3.1.6.6): constructors run before main. */
__attribute__((constructor(101))) static void enable_fp(void) {
  __asm__ volatile("csrs mstatus, %0" ::"r"(1ul << 13));
}

__attribute__((noinline)) void load_fp(void) { __asm__ volatile("fld fs1, %0" ::"m"(kFpValue)); }

__attribute__((noinline)) long add_scaled(long a, long b) {
  long scaled = b * 3;
  long sum = a + scaled;
  counter = sum;
  return sum;
}

__attribute__((noinline)) int check(long value) { return value == 47; }

__attribute__((noinline)) void do_ecall(void) { __asm__ volatile("ecall" ::: "memory"); }

/* Where the tests stop to read IIR themselves. */
__attribute__((noinline)) void uart_ready(void) { __asm__ volatile("" ::: "memory"); }

/* Debug spec 5.7.2: trigger 0 as mcontrol (type 2), M-mode, store,
 * address equal to &trig_var, action 0 (a breakpoint exception). M-mode
 * triggers fire only with mstatus.MIE set (5.4); mie stays 0. */
__attribute__((noinline)) void guest_trigger(void) {
  __asm__ volatile("csrw 0x7a0, zero" ::: "memory"); /* tselect */
  __asm__ volatile("csrw 0x7a2, %0" ::"r"(&trig_var) : "memory");
  __asm__ volatile("csrw 0x7a1, %0" ::"r"((2ul << 60) | 0x40 | 0x2) : "memory");
  __asm__ volatile("csrs mstatus, 8" ::: "memory");
  trig_var = 99;
  __asm__ volatile("csrc mstatus, 8" ::: "memory");
}

/* A timer interrupt pending from the start (mtimecmp = 0) and globally
 * enabled (mstatus.MIE), taken once mie.MTIE is set after irq_point. */
__attribute__((noinline)) void irq_test(void) {
  volatile uint64_t* mtimecmp = (volatile uint64_t*)0x2004000;
  *mtimecmp = 0;
  __asm__ volatile("csrs mstatus, 8" ::: "memory");
  __asm__ volatile(
      "  .globl irq_point\n"
      "irq_point:\n"
      "  nop\n"
      "  nop\n" ::
          : "memory");
  __asm__ volatile("csrs mie, %0" ::"r"(1ul << 7) : "memory");
  while (irq_hits == 0) {
  }
  __asm__ volatile("csrc mstatus, 8" ::: "memory");
  __asm__ volatile("csrw mie, zero" ::: "memory");
}

__attribute__((noinline)) void spin(void) {
  while (!spin_until) {
  }
}

int main(void) {
  __asm__ volatile("csrw mscratch, %0" ::"r"(trap_stack + 64));
  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_entry));
  load_fp();
  const long r = add_scaled(5, 14);
  if (!check(r)) guest_exit(3);
  if (counter != r) guest_exit(6);
  do_ecall();
  guest_trigger();
  if (trigger_hits != 1 || trig_var != 99) guest_exit(7);
  volatile uint8_t* uart = (volatile uint8_t*)GUEST_UART_BASE;
  /* With THRI enabled and THR empty, IIR reports THRE until the guest
   * reads IIR (16550 datasheet: reading IIR clears the THRE interrupt). */
  uart[UART_IER] = 0x02;
  uart_ready();
  const uint8_t iir = uart[UART_IIR];
  uart[UART_IER] = 0;
  if ((iir & IIR_ID_MASK) != IIR_THRE) guest_exit(4);
  if (irq_mode) {
    irq_test();
    if (irq_hits != 1) guest_exit(8);
  }
  if (spin_mode) spin();
  guest_puts("target done\n");
  return 0;
}
