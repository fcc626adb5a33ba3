/* Privileged-behaviour probe for a hart with M and U modes only (no S):
 * which CSRs exist, mstatus fields, WFI and counters in U, MPRV and PMP.
 * See README.md. */
#include "probe.h"

#define TRY(name, text)                                \
  do {                                                 \
    trap_reset();                                      \
    asm volatile(text ::: "memory", "t0", "t1", "a7"); \
    show_trap(name);                                   \
  } while (0)
#define TRY_IN(name, m, text)                                       \
  do {                                                              \
    trap_reset();                                                   \
    to_mode(m);                                                     \
    asm volatile("li a7, 0\n" text ::: "memory", "t0", "t1", "a7"); \
    to_mode(3);                                                     \
    show_trap(name);                                                \
  } while (0)
#define WARL(name, csr)                                                                      \
  do {                                                                                       \
    ul o_, a_, z_;                                                                           \
    asm volatile(                                                                            \
        "csrr %0, " STR(csr) "\n csrw " STR(csr) ", %3\n csrr %1, " STR(csr) "\n csrw " STR( \
            csr) ", zero\n csrr %2, " STR(csr) "\n csrw " STR(csr) ", %0"                    \
        : "=&r"(o_), "=&r"(a_), "=&r"(z_)                                                    \
        : "r"(~0ul)                                                                          \
        : "memory");                                                                         \
    show("warl." name ".ones", a_);                                                          \
    show("warl." name ".zero", z_);                                                          \
  } while (0)

static unsigned char pmp_page[4096] __attribute__((aligned(4096)));

int main(void) {
  puts_("probe-mu xlen=");
  put_hex(XLEN);
  puts_("\n");
  trap_reset();
  show("misa", CSRR(misa));
  WARL("mstatus", mstatus);
  WARL("mie", mie);
  WARL("mip", mip);
  WARL("mcounteren", mcounteren);
  WARL("menvcfg", 0x30a);
  {
    ul st = CSRR(mstatus);
    CSRW(mstatus, (st & ~MS_MPP) | (1ul << 11));
    show("mstatus.mpp1", (CSRR(mstatus) & MS_MPP) >> 11);
    CSRW(mstatus, (st & ~MS_MPP) | (2ul << 11));
    show("mstatus.mpp2", (CSRR(mstatus) & MS_MPP) >> 11);
    CSRW(mstatus, st);
  }
  TRY("exists.satp", "csrr t0, satp");
  TRY("exists.sstatus", "csrr t0, sstatus");
  TRY("exists.stvec", "csrr t0, stvec");
  TRY("exists.medeleg", "csrr t0, medeleg");
  TRY("exists.mideleg", "csrr t0, mideleg");
  TRY("exists.scounteren", "csrr t0, scounteren");
  TRY("exists.senvcfg", "csrr t0, 0x10a");
  TRY("exists.menvcfg", "csrr t0, 0x30a");
  TRY("exists.mcounteren", "csrr t0, mcounteren");
  TRY("exists.stimecmp", "csrr t0, 0x14d");
  TRY("m.sret", "sret");
  TRY("m.sfence", "sfence.vma");
  TRY_IN("u.ecall", 0, "ecall");
  CSRS(mstatus, MS_TW);
  TRY_IN("u.wfi.tw1", 0, "wfi");
  CSRC(mstatus, MS_TW);
  CSRW(mcounteren, 0);
  TRY_IN("u.cycle.men0", 0, "csrr t0, cycle");
  CSRW(mcounteren, 1);
  TRY_IN("u.cycle.men1", 0, "csrr t0, cycle");
  TRY_IN("u.instret.men1", 0, "csrr t0, instret");
  CSRW(mcounteren, 0);
  /* MPRV with MPP = U: PMP applies U's permissions */
  const ul base = (ul)pmp_page;
  CSRW(pmpaddr0, (base >> 2) | ((4096 >> 3) - 1));
  CSRW(pmpcfg0, 0x19);
  {
    ul st = CSRR(mstatus);
    trap_reset();
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, MS_MPRV);
    asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
    CSRW(mstatus, st);
    show_trap_rel("mprv.u.store.r", base);
  }
  trap_reset();
  to_mode(0);
  asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
  to_mode(3);
  show_trap_rel("u.store.r", base);
  CSRW(pmpcfg0, 0);
  /* mret to U clears MPRV */
  CSRS(mstatus, MS_MPRV);
  to_mode(0);
  to_mode(3);
  show("mret.u.mprv", CSRR(mstatus) & MS_MPRV);
  puts_("done\n");
  return 0;
}
