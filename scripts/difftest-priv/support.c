/* Console, trap handlers and trap records of the probe. */
#include "probe.h"

volatile struct trap_record trap;

static void put_char(char c) {
  volatile unsigned char* uart = (volatile unsigned char*)0x10000000ul;
  while (!(uart[5] & 0x20)) {
  }
  uart[0] = (unsigned char)c;
}

void puts_(const char* s) {
  while (*s) put_char(*s++);
}

void put_hex(ul v) {
  for (int i = XLEN / 4 - 1; i >= 0; --i) put_char("0123456789abcdef"[(v >> (4 * i)) & 15]);
}

void show(const char* name, ul v) {
  puts_(name);
  put_char('=');
  put_hex(v);
  put_char('\n');
}

void trap_reset(void) {
  trap.count = 0;
  trap.cause = trap.epc = trap.tval = trap.handler = trap.status = ~0ul;
  trap.resume = 0;
  for (int i = 0; i < 8; ++i) trap.log[i] = 0;
}

static void show_field(const char* name, const char* field, ul v) {
  puts_(name);
  put_char('.');
  puts_(field);
  put_char('=');
  put_hex(v);
  put_char('\n');
}

void show_trap_rel(const char* name, ul base) {
  show_field(name, "count", trap.count);
  if (trap.count == 0) return;
  show_field(name, "cause", trap.cause);
  show_field(name, "handler", trap.handler);
  if (base && trap.epc - base < 0x10000) {
    show_field(name, "epc-base", trap.epc - base);
  } else {
    show_field(name, "epc", trap.epc);
  }
  if (base && trap.tval - base < 0x10000) {
    show_field(name, "tval-base", trap.tval - base);
  } else {
    show_field(name, "tval", trap.tval);
  }
}

void show_trap(const char* name) { show_trap_rel(name, 0); }

static void record(ul handler, ul cause, ul epc, ul tval, ul status) {
  if (trap.count < 8) trap.log[trap.count] = cause | handler << 8;
  trap.count++;
  trap.cause = cause;
  trap.epc = epc;
  trap.tval = tval;
  trap.handler = handler;
  trap.status = status;
}

static ul resume_pc(ul* regs, ul epc) {
  ul r = trap.resume;
  trap.resume = 0;
  if (r == 1) return regs[1];
  if (r) return r;
  return epc + (((*(volatile unsigned short*)epc) & 3) == 3 ? 4 : 2);
}

/* Too many traps in a row: a probe went wrong; end the run. */
static void runaway(void) {
  if (trap.count > 64) {
    puts_("runaway traps\n");
    *(volatile unsigned*)0x100000ul = 0x3333 | (99 << 16);
    for (;;) {
    }
  }
}

void m_handler(ul* regs) {
  ul cause = CSRR(mcause), epc = CSRR(mepc);
  const int irq = (long)cause < 0;
  if (!irq && ((cause >= 8 && cause <= 11) || cause == 2) && regs[17] == MAGIC) {
    ul st = CSRR(mstatus);
    st = (st & ~MS_MPP) | ((regs[10] & 3) << 11);
    CSRW(mstatus, st);
    CSRW(mepc, epc + 4);
    regs[17] = 0; /* a later trap is not a request */
    return;
  }
  record(3, cause, epc, CSRR(mtval), CSRR(mstatus));
  runaway();
  if (irq) {
    const ul bit = 1ul << (cause & 63);
    CSRC(mie, bit);
    return;
  }
  CSRW(mepc, resume_pc(regs, epc));
}

void s_handler(ul* regs) {
  ul cause = CSRR(scause), epc = CSRR(sepc);
  record(1, cause, epc, CSRR(stval), ~0ul);
  runaway();
  if ((long)cause < 0) {
    const ul bit = 1ul << (cause & 63);
    CSRC(sie, bit);
    return;
  }
  CSRW(sepc, resume_pc(regs, epc));
}
