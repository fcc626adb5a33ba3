/* Privileged-behaviour probe: prints what the hart does for CSR writes,
 * illegal accesses, exceptions, interrupts, translation and PMP, one
 * name=value line each, so that two implementations can be compared with
 * diff (see README.md). Sections follow the Privileged spec 20211203. */
#include "probe.h"

/* Write all ones, read, write zero, read, restore: one asm block, so that
 * nothing runs while the CSR holds a probe value. */
#define WARL(name, csr)                                                                      \
  do {                                                                                       \
    ul o_, a_, z_;                                                                           \
    asm volatile(                                                                            \
        "csrr %0, " STR(csr) "\n csrw " STR(csr) ", %3\n csrr %1, " STR(csr) "\n csrw " STR( \
            csr) ", zero\n csrr %2, " STR(csr) "\n csrw " STR(csr) ", %0"                    \
        : "=&r"(o_), "=&r"(a_), "=&r"(z_)                                                    \
        : "r"(~0ul)                                                                          \
        : "memory");                                                                         \
    show("warl." name ".reset", o_);                                                         \
    show("warl." name ".ones", a_);                                                          \
    show("warl." name ".zero", z_);                                                          \
  } while (0)

/* Write v, read back, restore. */
#define WRITE_READ(name, csr, v)                                                  \
  do {                                                                            \
    ul o_, r_;                                                                    \
    asm volatile("csrr %0, " STR(csr) "\n csrw " STR(csr) ", %2\n csrr %1, " STR( \
                     csr) "\n csrw " STR(csr) ", %0"                              \
                 : "=&r"(o_), "=&r"(r_)                                           \
                 : "r"((ul)(v))                                                   \
                 : "memory");                                                     \
    show(name, r_);                                                               \
  } while (0)

/* One instruction (asm text) that may trap; its trap is shown. */
#define TRY(name, text)                                \
  do {                                                 \
    trap_reset();                                      \
    asm volatile(text ::: "memory", "t0", "t1", "a7"); \
    show_trap(name);                                   \
  } while (0)
/* The same, executed in mode m. */
#define TRY_IN(name, m, text)                                       \
  do {                                                              \
    trap_reset();                                                   \
    to_mode(m);                                                     \
    asm volatile("li a7, 0\n" text ::: "memory", "t0", "t1", "a7"); \
    to_mode(3);                                                     \
    show_trap(name);                                                \
  } while (0)

#define CLINT_MSIP 0x2000000ul

/* ---- 3.1 / 4.1: CSR fields ----------------------------------------------------- */
static void csr_fields(void) {
  show("misa", CSRR(misa));
  WARL("misa", misa);
  show("mvendorid", CSRR(mvendorid));
  show("mstatus.reset", CSRR(mstatus));
  WARL("mstatus", mstatus);
  WARL("sstatus", sstatus);
#if XLEN == 32
  WARL("mstatush", 0x310);
#endif
  /* MPP legalisation: 2 (reserved) */
  {
    ul st = CSRR(mstatus);
    CSRW(mstatus, (st & ~MS_MPP) | (2ul << 11));
    show("mstatus.mpp2", (CSRR(mstatus) & MS_MPP) >> 11);
    CSRW(mstatus, (st & ~MS_MPP) | (1ul << 11));
    CSRW(mstatus, (st & ~MS_MPP) | (2ul << 11));
    show("mstatus.mpp1then2", (CSRR(mstatus) & MS_MPP) >> 11);
    CSRW(mstatus, st);
  }
#if XLEN == 64
  {
    ul st = CSRR(mstatus);
    CSRW(mstatus, st & ~(0xful << 32));
    show("mstatus.xl0", CSRR(mstatus) >> 32 & 0xf);
    CSRW(mstatus, st | (0x5ul << 32));
    show("mstatus.xl1", CSRR(mstatus) >> 32 & 0xf);
    CSRW(mstatus, st);
  }
#endif
  /* FS/SD */
  {
    ul st = CSRR(mstatus);
    CSRC(mstatus, MS_FS);
    show("fs.off.status", CSRR(mstatus));
    TRY("fs.off.fcsr", "csrr t0, fcsr");
    TRY("fs.off.fmv", ".4byte 0xf0000053"); /* fmv.w.x f0, zero */
    CSRS(mstatus, 0x2000ul);                /* Initial */
    show("fs.initial.status", CSRR(mstatus));
    asm volatile(".4byte 0xf0000053" ::: "memory");
    show("fs.afterfp.status", CSRR(mstatus));
    CSRC(mstatus, MS_FS);
    CSRS(mstatus, 0x4000ul); /* Clean */
    asm volatile("csrr t0, fcsr" ::: "t0");
    show("fs.clean.readfcsr", CSRR(mstatus));
    asm volatile("csrw fcsr, zero" ::: "memory");
    show("fs.clean.writefcsr", CSRR(mstatus));
    CSRW(mstatus, st);
  }
  WARL("mtvec", mtvec);
  WRITE_READ("mtvec.mode2", mtvec, 0x80001002ul);
  WRITE_READ("mtvec.mode3", mtvec, 0x80001003ul);
  WRITE_READ("mtvec.vec.unaligned", mtvec, 0x80001045ul);
  WARL("stvec", stvec);
  WRITE_READ("stvec.mode2", stvec, 0x80001002ul);
  WARL("medeleg", medeleg);
  WARL("mideleg", mideleg);
  WARL("mie", mie);
  WARL("mip", mip);
  {
    CSRW(mideleg, 0x222);
    WARL("sie.deleg", sie);
    WARL("sip.deleg", sip);
    CSRW(mideleg, 0);
    WARL("sie.nodeleg", sie);
    WARL("sip.nodeleg", sip);
  }
  WARL("mcounteren", mcounteren);
  WARL("scounteren", scounteren);
  WARL("mcountinhibit", 0x320);
  WARL("menvcfg", 0x30a);
#if XLEN == 32
  WARL("menvcfgh", 0x31a);
#endif
  WARL("senvcfg", 0x10a);
  WARL("mscratch", mscratch);
  WARL("mepc", mepc);
  WARL("sepc", sepc);
  WARL("mcause", mcause);
  WARL("scause", scause);
  WARL("mtval", mtval);
  WARL("stval", stval);
  WARL("satp", satp);
#if XLEN == 64
  WRITE_READ("satp.sv39", satp, (8ul << 60) | (0xffful << 44) | 0x80000ul);
  WRITE_READ("satp.sv48", satp, (9ul << 60) | 0x80000ul);
  WRITE_READ("satp.sv57", satp, (10ul << 60) | 0x80000ul);
  WRITE_READ("satp.sv64", satp, (11ul << 60) | 0x80000ul);
  WRITE_READ("satp.mode1", satp, (1ul << 60) | 0x80000ul);
  {
    CSRW(satp, (8ul << 60) | 0x80001ul);
    asm volatile("csrw satp, %0" ::"r"((10ul << 60) | 0x80002ul));
    show("satp.sv39then57", CSRR(satp));
    asm volatile("csrw satp, %0" ::"r"((3ul << 60) | 0x80003ul));
    show("satp.sv39then3", CSRR(satp));
    CSRW(satp, 0);
  }
#else
  WRITE_READ("satp.sv32", satp, 0x80480000ul);
#endif
  show("tselect.reset", CSRR(tselect));
  WARL("tselect", tselect);
  {
    ul n = 0;
    for (ul i = 0; i < 16; ++i) {
      CSRW(tselect, i);
      if (CSRR(tselect) != i) break;
      n = i + 1;
    }
    show("triggers", n);
    CSRW(tselect, 0);
    show("tdata1.reset", CSRR(tdata1));
    show("tinfo", CSRR(tinfo));
    WRITE_READ("tdata1.type2.ones", tdata1, (2ul << (XLEN - 4)) | ((1ul << (XLEN - 4)) - 1));
    WRITE_READ("tdata1.type6.ones", tdata1, (6ul << (XLEN - 4)) | ((1ul << (XLEN - 4)) - 1));
    WRITE_READ("tdata1.type0", tdata1, 0);
    WRITE_READ("tdata1.type3", tdata1, 3ul << (XLEN - 4));
    WARL("tdata2", tdata2);
    CSRW(tdata1, 0);
  }
  WARL("mcycle", mcycle);
  WARL("mhpmcounter3", mhpmcounter3);
  WARL("mhpmevent3", mhpmevent3);
}

/* ---- 3.7: PMP fields ---------------------------------------------------------------- */
static void pmp_fields(void) {
  static const unsigned char cfgs[] = {0x01, 0x02, 0x03, 0x06, 0x0b, 0x0a, 0x11,
                                       0x19, 0x60, 0x7f, 0x1c, 0x0c, 0x08};
  WARL("pmpaddr0", pmpaddr0);
  for (unsigned i = 0; i < sizeof cfgs; ++i) {
    char name[] = "pmpcfg0.e0.xx";
    name[11] = "0123456789abcdef"[cfgs[i] >> 4];
    name[12] = "0123456789abcdef"[cfgs[i] & 15];
    WRITE_READ(name, pmpcfg0, cfgs[i]);
  }
  WRITE_READ("pmpcfg0.e1.w", pmpcfg0, 0x0200ul);
  CSRW(pmpaddr0, ~0ul);
  CSRW(pmpcfg0, 0x18);
  show("pmpaddr0.napot.ones", CSRR(pmpaddr0));
  CSRW(pmpcfg0, 0);
  show("pmpaddr0.off.ones", CSRR(pmpaddr0));
  CSRW(pmpaddr0, 0);
#if XLEN == 32
  show("pmpcfg1", CSRR(pmpcfg1));
  show("pmpcfg3", CSRR(pmpcfg3));
#else
  show("pmpcfg2", CSRR(pmpcfg2));
  TRY("pmpcfg1.rv64", "csrr t0, pmpcfg1");
#endif
  TRY("pmpaddr16", "csrr t0, 0x3c0");
  TRY("pmpcfg4", "csrr t0, 0x3a4");
}

/* ---- 2.1, 3.1.11, 3.1.6.5: access rules ----------------------------------------------- */
static void access_rules(void) {
  TRY_IN("u.read.sstatus", 0, "csrr t0, sstatus");
  TRY_IN("u.read.mstatus", 0, "csrr t0, mstatus");
  TRY_IN("s.read.mstatus", 1, "csrr t0, mstatus");
  TRY_IN("s.read.mscratch", 1, "csrr t0, mscratch");
  TRY_IN("s.read.sstatus", 1, "csrr t0, sstatus");
  TRY("m.write.mvendorid", "csrw mvendorid, zero");
  TRY("m.csrrs0.mvendorid", "csrrs t0, mvendorid, zero");
  TRY("m.csrrsi0.mvendorid", "csrrsi t0, mvendorid, 0");
  TRY("m.csrrc.mhartid", "li t1, 1; csrrc t0, mhartid, t1");
  TRY("m.write.cycle", "csrw cycle, zero");
  TRY("m.read.unknown7c0", "csrr t0, 0x7c0");
  TRY("m.read.dcsr", "csrr t0, 0x7b0");
  TRY("m.read.hstatus", "csrr t0, 0x600");
  TRY("m.read.mtinst", "csrr t0, 0x34a");
  TRY("m.read.mseccfg", "csrr t0, 0x747");
  TRY("m.read.tcontrol", "csrr t0, 0x7a5");
  TRY("m.read.mcontext", "csrr t0, 0x7a8");
  TRY("m.read.scontext", "csrr t0, 0x5a8");
  TRY("m.read.stimecmp", "csrr t0, 0x14d");
  TRY("m.read.seed", "csrr t0, 0x015");
  TRY("m.read.utvec", "csrr t0, 0x005");
  TRY("m.read.vstart", "csrr t0, 0x008");
  TRY("m.csrrsi1.mvendorid", "csrrsi t0, mvendorid, 1");
  TRY("m.csrrwi0.mvendorid", "csrrwi zero, mvendorid, 0");
  TRY("m.csrrc0.cycle", "csrrc t0, cycle, zero");
  TRY_IN("u.read.senvcfg", 0, "csrr t0, 0x10a");
  TRY_IN("s.read.senvcfg", 1, "csrr t0, 0x10a");
  TRY_IN("s.read.menvcfg", 1, "csrr t0, 0x30a");
  TRY_IN("s.write.sip", 1, "csrw sip, zero");
  TRY_IN("u.read.fcsr.fs0", 0, "csrr t0, fcsr");
  /* counters */
  CSRW(mcounteren, 0);
  CSRW(scounteren, 0);
  TRY_IN("cnt.s.cycle.men0", 1, "csrr t0, cycle");
  TRY_IN("cnt.s.time.men0", 1, "csrr t0, time");
  TRY_IN("cnt.u.instret.men0", 0, "csrr t0, instret");
  TRY_IN("cnt.u.hpm3.men0", 0, "csrr t0, hpmcounter3");
  CSRW(mcounteren, ~0ul);
  TRY_IN("cnt.s.cycle.men1", 1, "csrr t0, cycle");
  TRY_IN("cnt.s.time.men1", 1, "csrr t0, time");
  TRY_IN("cnt.u.cycle.sen0", 0, "csrr t0, cycle");
  TRY_IN("cnt.u.hpm31.sen0", 0, "csrr t0, hpmcounter31");
  CSRW(scounteren, ~0ul);
  TRY_IN("cnt.u.cycle.sen1", 0, "csrr t0, cycle");
  TRY_IN("cnt.u.hpm31.sen1", 0, "csrr t0, hpmcounter31");
#if XLEN == 32
  TRY_IN("cnt.u.cycleh.sen1", 0, "csrr t0, cycleh");
  TRY_IN("cnt.u.timeh.sen1", 0, "csrr t0, timeh");
#endif
  TRY_IN("cnt.s.write.cycle", 1, "csrw cycle, zero");
  CSRW(mcounteren, 0);
  CSRW(scounteren, 0);
  /* stimecmp from S: mcounteren.TM and menvcfg.STCE */
  TRY_IN("sstc.s.stce0", 1, "csrr t0, 0x14d");
  CSRS(0x30a, 1ul << (XLEN == 64 ? 63 : 0)); /* RV32: menvcfgh */
#if XLEN == 32
  CSRS(0x31a, 1ul << 31);
#endif
  TRY_IN("sstc.s.stce1.tm0", 1, "csrr t0, 0x14d");
  CSRW(mcounteren, 2);
  TRY_IN("sstc.s.stce1.tm1", 1, "csrr t0, 0x14d");
  TRY_IN("sstc.u.stce1.tm1", 0, "csrr t0, 0x14d");
  CSRW(mcounteren, 0);
  /* Sstc: STIP follows stimecmp */
  CSRW(0x14d, ~0ul);
#if XLEN == 32
  CSRW(0x15d, ~0ul);
#endif
  show("sstc.stip.future", CSRR(mip) & 0x20);
  CSRS(mip, 0x20);
  show("sstc.stip.written", CSRR(mip) & 0x20);
#if XLEN == 32
  CSRW(0x15d, 0);
#endif
  CSRW(0x14d, 0);
  show("sstc.stip.past", CSRR(mip) & 0x20);
  CSRW(0x30a, 0);
#if XLEN == 32
  CSRW(0x31a, 0);
#endif
  show("sstc.stip.stce0", CSRR(mip) & 0x20);
  CSRC(mip, 0x20);

  /* TVM, TW, TSR */
  CSRS(mstatus, MS_TVM);
  TRY_IN("tvm.s.satp", 1, "csrr t0, satp");
  TRY_IN("tvm.s.sfence", 1, "sfence.vma");
  TRY("tvm.m.satp", "csrr t0, satp");
  CSRC(mstatus, MS_TVM);
  TRY_IN("tvm0.s.sfence", 1, "sfence.vma");
  TRY_IN("u.sfence", 0, "sfence.vma");
  CSRS(mstatus, MS_TW);
  TRY_IN("tw.s.wfi", 1, "wfi");
  TRY_IN("tw.u.wfi", 0, "wfi");
  CSRC(mstatus, MS_TW);
  TRY_IN("tw0.u.wfi", 0, "wfi");
  CSRS(mstatus, MS_TSR);
  TRY_IN("tsr.s.sret", 1, "sret");
  CSRC(mstatus, MS_TSR);
  TRY_IN("s.mret", 1, "mret");
  TRY_IN("u.sret", 0, "sret");
  TRY_IN("u.mret", 0, "mret");
}

/* ---- 3.3, 3.1.15-17: exceptions ----------------------------------------------------------- */
unsigned char misaligned_buffer[16] __attribute__((aligned(8)));
static void exceptions(void) {
  TRY("ecall.m", "li a7, 0; ecall");
  TRY_IN("ecall.s", 1, "li a7, 0; ecall");
  TRY_IN("ecall.u", 0, "li a7, 0; ecall");
  TRY("ebreak", "ebreak");
  TRY("c.ebreak", ".2byte 0x9002");
  TRY("illegal.zero16", ".2byte 0; .2byte 1");
  TRY("illegal.ones", ".4byte 0xffffffff");
  TRY("illegal.csr", ".4byte 0x7c0022f3"); /* csrr t0, 0x7c0 */
  TRY("illegal.wfi.rs1", ".4byte 0x10528073");
  TRY("illegal.mret.rd", ".4byte 0x302002f3");
  TRY("illegal.sfence.rd", ".4byte 0x120000f3");
  TRY("illegal.fence.i.imm", ".4byte 0x0010100f");
  TRY("illegal.c.addi4spn0", ".2byte 0x0000; .2byte 1");
  TRY("illegal.c.lui0", ".2byte 0x6081; .2byte 1"); /* c.lui ra, 0 */
  TRY("illegal.c.jr0", ".2byte 0x8002; .2byte 1");
  TRY("illegal.c.lwsp0", ".2byte 0x4002; .2byte 1"); /* c.lwsp x0 */
  TRY("illegal.c.addi16sp0", ".2byte 0x6101; .2byte 1");
  TRY("illegal.fp.rm5", ".4byte 0x00005053"); /* fadd.s f0, f0, f0 with rm=5 */
  /* medeleg does not apply to traps taken in M */
  CSRW(medeleg, 1ul << 2);
  TRY("deleg.illegal.in.m", ".4byte 0xffffffff");
  TRY_IN("deleg.illegal.in.s", 1, ".4byte 0xffffffff");
  show("deleg.illegal.in.s.sstatus", CSRR(sstatus));
  TRY_IN("deleg.illegal.in.u", 0, ".4byte 0xffffffff");
  show("deleg.illegal.in.u.sstatus", CSRR(sstatus));
  CSRW(medeleg, 0);
  /* wfi completes when an interrupt is pending and enabled in mie, even
   * with it globally disabled */
  CSRS(mip, 0x2);
  CSRW(mie, 0x2);
  TRY("wfi.m.pending.mie0", "wfi");
  CSRW(mideleg, 0x2);
  CSRC(mstatus, MS_SIE);
  TRY_IN("wfi.s.pending.sie0", 1, "wfi");
  CSRW(mideleg, 0);
  CSRW(mie, 0);
  CSRC(mip, 0x2);
  /* t1 = misaligned_buffer + offset (the buffer is 8-byte aligned) */
#define BUF(off) "la t1, misaligned_buffer; addi t1, t1, " #off "; "
  TRY("misaligned.lw", BUF(1) "lw t0, 0(t1)");
  TRY("misaligned.sw", BUF(5) "sw zero, 0(t1)");
  TRY("misaligned.amo", BUF(1) "amoadd.w t0, zero, (t1)");
  TRY("misaligned.lr", BUF(2) "lr.w t0, (t1)");
  TRY("misaligned.sc", BUF(2) "sc.w t0, zero, (t1)");
#undef BUF
  TRY("access.load", "li t1, 0x20000; lw t0, 0(t1)");
  TRY("access.store", "li t1, 0x20000; sw zero, 0(t1)");
  TRY("access.amo", "li t1, 0x20000; amoadd.w t0, zero, (t1)");
  TRY("access.lr", "li t1, 0x20000; lr.w t0, (t1)");
  trap_reset();
  trap.resume = 1;
  asm volatile("li t1, 0x20000; jalr t1" ::: "ra", "t1", "memory");
  show_trap("access.fetch");
  /* Misaligned fetches need misa.C clear, which neither hart allows. */
}

/* ---- Sdtrig: address triggers (mcontrol) ------------------------------------------------ */
static volatile ul trig_word;
static void __attribute__((noinline)) trig_target(void) { asm volatile("nop"); }
static void triggers(void) {
  const ul type2 = 2ul << (XLEN - 4);
  const ul M = 1ul << 6, S = 1ul << 4, U = 1ul << 3, EXEC = 4, LOAD = 1, STORE = 2;
  CSRW(tselect, 0);
  CSRW(tdata1, 0);
  CSRW(tdata2, (ul)&trig_word);
  CSRW(tdata1, type2 | S | U | LOAD);
  show("trig.load.tdata1", CSRR(tdata1));
  trap_reset();
  to_mode(1);
  ul v = trig_word;
  to_mode(3);
  show("trig.load.value", v);
  show_trap_rel("trig.load.s", (ul)&trig_word);
  trap_reset();
  trig_word = 1;
  show_trap("trig.load.m.notarmed");
  CSRW(tdata1, 0);
  CSRW(tdata1, type2 | U | STORE);
  trap_reset();
  to_mode(0);
  trig_word = 2;
  to_mode(3);
  show_trap_rel("trig.store.u", (ul)&trig_word);
  show("trig.store.u.value", trig_word);
  CSRW(tdata1, 0);
  CSRW(tdata2, (ul)&trig_target);
  CSRW(tdata1, type2 | S | EXEC);
  trap_reset();
  trap.resume = 1;
  to_mode(1);
  trig_target();
  to_mode(3);
  show_trap_rel("trig.exec.s", (ul)&trig_target);
  CSRW(tdata1, type2 | M | EXEC);
  trap_reset();
  trap.resume = 1;
  CSRS(mstatus, MS_MIE);
  trig_target();
  CSRC(mstatus, MS_MIE);
  show_trap_rel("trig.exec.m.mie1", (ul)&trig_target);
  trap_reset();
  trap.resume = 1;
  trig_target();
  show_trap_rel("trig.exec.m.mie0", (ul)&trig_target);
  CSRW(tdata1, 0);
  CSRW(tdata2, 0);
}

/* ---- 3.1.9, 4.1.3: interrupts --------------------------------------------------------------- */
static void show_log(const char* name) {
  show(name, trap.count);
  for (ul i = 0; i < trap.count && i < 8; ++i) show(name, trap.log[i]);
}

static void interrupts(void) {
  /* Priority of M and S interrupts taken in M, all pending at once. */
  CSRW(mideleg, 0);
  trap_reset();
  *(volatile unsigned*)CLINT_MSIP = 1;
  CSRS(mip, 0x222);
  CSRW(mie, 0x22a);
  to_mode(0);
  to_mode(3);
  *(volatile unsigned*)CLINT_MSIP = 0;
  CSRC(mip, 0x222);
  CSRW(mie, 0);
  show_log("irq.u.nodeleg");

  /* Delegated: taken in S from U, not in S with SIE clear, not in M. */
  CSRW(mideleg, 0x222);
  trap_reset();
  CSRS(mip, 0x222);
  CSRW(mie, 0x222);
  CSRS(mstatus, MS_MIE);
  asm volatile("nop; nop; nop" ::: "memory");
  CSRC(mstatus, MS_MIE);
  CSRC(mstatus, MS_SIE);
  to_mode(1);
  asm volatile("nop; nop; nop" ::: "memory");
  to_mode(3);
  show("irq.deleg.m_and_s_sie0", trap.count);
  to_mode(0);
  to_mode(3);
  show_log("irq.deleg.u");
  CSRC(mip, 0x222);
  /* M interrupt in S with MIE clear, and a delegated one at the same time. */
  trap_reset();
  CSRS(mip, 0x2);
  CSRW(mie, 0x0a);
  *(volatile unsigned*)CLINT_MSIP = 1;
  CSRS(mstatus, MS_SIE);
  to_mode(1);
  asm volatile("nop; nop; nop" ::: "memory");
  to_mode(3);
  *(volatile unsigned*)CLINT_MSIP = 0;
  CSRC(mip, 0x2);
  CSRC(mstatus, MS_SIE);
  CSRW(mie, 0);
  show_log("irq.s.msi_ssi");
  CSRW(mideleg, 0);
  /* Sstc: STIP from stimecmp, to M, then delegated to S */
  CSRS(0x30a, 1ul << (XLEN == 64 ? 63 : 0));
#if XLEN == 32
  CSRS(0x31a, 1ul << 31);
  CSRW(0x15d, 0);
#endif
  CSRW(0x14d, 0);
  trap_reset();
  CSRW(mie, 0x20);
  to_mode(1);
  asm volatile("nop; nop" ::: "memory");
  to_mode(3);
  show_log("irq.sstc.to.m");
  CSRW(mideleg, 0x20);
  trap_reset();
  CSRW(mie, 0x20);
  CSRS(mstatus, MS_SIE);
  to_mode(1);
  asm volatile("nop; nop" ::: "memory");
  to_mode(3);
  CSRC(mstatus, MS_SIE);
  show_log("irq.sstc.to.s");
  CSRW(mideleg, 0);
  CSRW(0x14d, ~0ul);
#if XLEN == 32
  CSRW(0x15d, ~0ul);
#endif
  CSRW(0x30a, 0);
#if XLEN == 32
  CSRW(0x31a, 0);
#endif
  /* vectored mtvec and stvec: interrupts at base + 4 * cause, exceptions at base */
  {
    extern char m_vector_table[], s_vector_table[];
    extern volatile ul m_vector_hit, s_vector_hit;
    const ul mtvec = CSRR(mtvec), stvec = CSRR(stvec);
    CSRW(mtvec, (ul)m_vector_table | 1);
    CSRW(stvec, (ul)s_vector_table | 1);
    m_vector_hit = s_vector_hit = 0;
    trap_reset();
    CSRS(mip, 0x2);
    CSRW(mie, 0x2);
    to_mode(1);
    asm volatile("nop" ::: "memory");
    to_mode(3);
    show("vec.m.ssi.hit", m_vector_hit);
    show_log("vec.m.ssi");
    CSRW(mideleg, 0x2);
    m_vector_hit = s_vector_hit = 0;
    trap_reset();
    CSRS(mip, 0x2);
    CSRW(mie, 0x2);
    to_mode(0);
    asm volatile("nop" ::: "memory");
    to_mode(3);
    show("vec.s.ssi.hit", s_vector_hit);
    show_log("vec.s.ssi");
    CSRW(mideleg, 0);
    m_vector_hit = s_vector_hit = 0;
    trap_reset();
    asm volatile(".4byte 0" ::: "memory");
    show("vec.m.illegal.hit", m_vector_hit);
    CSRW(mtvec, mtvec);
    CSRW(stvec, stvec);
    CSRW(mie, 0);
  }
  /* sip writes from S */
  CSRW(mideleg, 0x222);
  to_mode(1);
  CSRS(sip, 0x222);
  ul sip1 = CSRR(sip);
  to_mode(3);
  show("sip.s.set", sip1);
  show("mip.after.sip.set", CSRR(mip));
  CSRC(mip, 0x222);
  CSRW(mideleg, 0);
  /* the trap entry: status bits */
  trap_reset();
  CSRS(mstatus, MS_SIE);
  CSRW(medeleg, 1ul << 8);
  to_mode(0);
  asm volatile("li a7, 0; ecall" ::: "memory", "a7");
  to_mode_illegal(3);
  CSRW(medeleg, 0);
  show_trap("deleg.ecall.u");
  show("deleg.ecall.u.sstatus", CSRR(sstatus));
  /* mret: MPP, MPIE, MIE, MPRV */
  {
    ul st = CSRR(mstatus), after;
    CSRC(mstatus, MS_MPP | MS_MPIE | MS_MIE);
    CSRS(mstatus, MS_MPP | MS_MPRV);
    asm volatile("la t0, 1f; csrw mepc, t0; mret; 1: csrr %0, mstatus"
                 : "=r"(after)::"t0", "memory");
    show("mret.m.status", after);
    CSRW(mstatus, st);
    CSRS(mstatus, MS_MPRV);
    to_mode(1);
    to_mode(3);
    show("mret.s.mprv", CSRR(mstatus) & MS_MPRV);
    CSRS(mstatus, MS_MPRV | MS_SPP | MS_SPIE);
    CSRC(mstatus, MS_SIE);
    to_mode(1);
    asm volatile("la t0, 1f; csrw sepc, t0; sret; 1:" ::: "t0", "memory");
    to_mode(3);
    show("sret.status", CSRR(mstatus));
    CSRW(mstatus, st);
  }
}

/* ---- 4.3-4.5: virtual memory ---------------------------------------------------------------- */
#define PTE_V 0x1ul
#define PTE_R 0x2ul
#define PTE_W 0x4ul
#define PTE_X 0x8ul
#define PTE_U 0x10ul
#define PTE_G 0x20ul
#define PTE_A 0x40ul
#define PTE_D 0x80ul
#define RWX (PTE_R | PTE_W | PTE_X)
#define LEAF (PTE_V | RWX | PTE_A | PTE_D)
#if XLEN == 64
#define LEVELS 3
#define VPN_BITS 9
#define TEST_VA 0x100000000ul
#define SATP_MODE (8ul << 60)
#else
#define LEVELS 2
#define VPN_BITS 10
#define TEST_VA 0x40000000ul
#define SATP_MODE (1ul << 31)
#endif
#define PAGE 4096ul

static ul root[PAGE / sizeof(ul)] __attribute__((aligned(4096)));
static ul mid[PAGE / sizeof(ul)] __attribute__((aligned(4096)));  /* Sv39: level 1 */
static ul leaf[PAGE / sizeof(ul)] __attribute__((aligned(4096))); /* level 0 of TEST_VA */
static unsigned char pages[8][PAGE] __attribute__((aligned(4096)));
static unsigned char superpage_probe[PAGE] __attribute__((aligned(4096)));

static ul pte_of(ul pa, ul flags) { return (pa >> 12) << 10 | flags; }
static ul vidx(ul va, int level) {
  return (va >> (12 + level * VPN_BITS)) & ((1ul << VPN_BITS) - 1);
}

/* Identity maps of RAM and devices with flags; TEST_VA's tables. */
static void vm_setup(ul ram_flags) {
  for (ul i = 0; i < PAGE / sizeof(ul); ++i) root[i] = mid[i] = leaf[i] = 0;
#if XLEN == 64
  root[0] = pte_of(0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
  root[2] = pte_of(0x80000000ul, ram_flags);
  root[vidx(TEST_VA, 2)] = pte_of((ul)mid, PTE_V);
  mid[0] = pte_of((ul)leaf, PTE_V);
#else
  root[0] = pte_of(0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
  root[0x10000000ul >> 22] = pte_of(0x10000000ul, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
  root[0x02000000ul >> 22] = pte_of(0x02000000ul, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
  for (ul i = 0; i < 4; ++i) root[0x200 + i] = pte_of(0x80000000ul + (i << 22), ram_flags);
  root[vidx(TEST_VA, 1)] = pte_of((ul)leaf, PTE_V);
#endif
  for (int i = 0; i < 8; ++i)
    for (ul j = 0; j < PAGE; ++j) pages[i][j] = (unsigned char)(i * 16 + (j & 15));
  CSRW(satp, SATP_MODE | ((ul)root >> 12));
  asm volatile("sfence.vma" ::: "memory");
}

static void vm_off(void) {
  CSRW(satp, 0);
  asm volatile("sfence.vma" ::: "memory");
}

static void set_leaf(int i, ul flags) {
  leaf[i] = pte_of((ul)pages[i], flags);
  asm volatile("sfence.vma" ::: "memory");
}

static ul load_in(ul mode, ul va) {
  ul v = 0;
  to_mode(mode);
  asm volatile("lbu %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
  to_mode(3);
  return v;
}
static void store_in(ul mode, ul va) {
  to_mode(mode);
  asm volatile("sb zero, 0(%0)" ::"r"(va) : "memory");
  to_mode(3);
}
static void fetch_in(ul mode, ul va) {
  trap.resume = 1;
  to_mode(mode);
  asm volatile("jalr %0" ::"r"(va) : "ra", "memory");
  to_mode(3);
}

#define VA(i) (TEST_VA + (ul)(i)*PAGE)
#define LOAD(name, mode, i)                        \
  do {                                             \
    trap_reset();                                  \
    show(name ".value", load_in(mode, VA(i) + 5)); \
    show_trap_rel(name, TEST_VA);                  \
  } while (0)
#define STORE(name, mode, i)      \
  do {                            \
    trap_reset();                 \
    store_in(mode, VA(i) + 6);    \
    show_trap_rel(name, TEST_VA); \
  } while (0)
#define FETCH(name, mode, va)     \
  do {                            \
    trap_reset();                 \
    fetch_in(mode, va);           \
    show_trap_rel(name, TEST_VA); \
  } while (0)

static void put_ret(int i, ul off) {
  /* ret (jalr x0, 0(ra)) */
  pages[i][off] = 0x67;
  pages[i][off + 1] = 0x80;
  pages[i][off + 2] = 0x00;
  pages[i][off + 3] = 0x00;
  asm volatile("fence.i" ::: "memory");
}

static void virtual_memory(void) {
  vm_setup(LEAF);
  set_leaf(0, LEAF);
  LOAD("vm.s.ok", 1, 0);
  set_leaf(0, 0);
  LOAD("vm.s.invalid", 1, 0);
  set_leaf(0, PTE_V | PTE_W | PTE_A | PTE_D);
  LOAD("vm.s.w_only.load", 1, 0);
  STORE("vm.s.w_only.store", 1, 0);
  set_leaf(0, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D);
  FETCH("vm.s.wx.fetch", 1, VA(0));
  set_leaf(0, LEAF | 0x300);
  LOAD("vm.s.rsw", 1, 0);
  set_leaf(0, PTE_V | PTE_X | PTE_A);
  LOAD("vm.s.xonly.mxr0", 1, 0);
  CSRS(mstatus, MS_MXR);
  LOAD("vm.s.xonly.mxr1", 1, 0);
  CSRC(mstatus, MS_MXR);
  set_leaf(0, LEAF | PTE_U);
  LOAD("vm.s.upage.sum0", 1, 0);
  CSRS(mstatus, MS_SUM);
  LOAD("vm.s.upage.sum1", 1, 0);
  STORE("vm.s.upage.sum1.store", 1, 0);
  put_ret(0, 0);
  FETCH("vm.s.upage.sum1.fetch", 1, VA(0));
  CSRC(mstatus, MS_SUM);
  /* A and D */
  set_leaf(1, PTE_V | RWX);
  LOAD("vm.s.a0.load", 1, 1);
  show("vm.s.a0.load.pte", leaf[1] & 0x3ff);
  STORE("vm.s.a1d0.store", 1, 1);
  show("vm.s.a1d0.store.pte", leaf[1] & 0x3ff);
  set_leaf(1, PTE_V | RWX | PTE_A);
  STORE("vm.s.d0.store", 1, 1);
  show("vm.s.d0.store.pte", leaf[1] & 0x3ff);
  /* a load that finds D clear, then a store after the PTE is cached */
  set_leaf(1, PTE_V | RWX | PTE_A);
  LOAD("vm.s.cached.load", 1, 1);
  STORE("vm.s.cached.store", 1, 1);
  show("vm.s.cached.store.pte", leaf[1] & 0x3ff);
  /* sfence.vma: a PTE made invalid is seen after the fence */
  set_leaf(2, LEAF);
  LOAD("vm.s.fence.before", 1, 2);
  leaf[2] = 0;
  asm volatile("sfence.vma %0" ::"r"(VA(2)) : "memory");
  LOAD("vm.s.fence.after", 1, 2);
  /* non-leaf with A, D or U */
  set_leaf(3, LEAF);
  {
#if XLEN == 64
    ul* nonleaf = &mid[0];
#else
    ul* nonleaf = &root[vidx(TEST_VA, 1)];
#endif
    ul keep = *nonleaf;
    *nonleaf = keep | PTE_A;
    asm volatile("sfence.vma" ::: "memory");
    LOAD("vm.s.nonleaf.a", 1, 3);
    *nonleaf = keep | PTE_D;
    asm volatile("sfence.vma" ::: "memory");
    LOAD("vm.s.nonleaf.d", 1, 3);
    *nonleaf = keep | PTE_U;
    asm volatile("sfence.vma" ::: "memory");
    LOAD("vm.s.nonleaf.u", 1, 3);
    *nonleaf = keep | PTE_G;
    asm volatile("sfence.vma" ::: "memory");
    LOAD("vm.s.nonleaf.g", 1, 3);
    *nonleaf = keep;
    asm volatile("sfence.vma" ::: "memory");
  }
  /* last level non-leaf: page fault */
  leaf[4] = pte_of((ul)pages[4], PTE_V);
  asm volatile("sfence.vma" ::: "memory");
  LOAD("vm.s.leaf.pointer", 1, 4);
#if XLEN == 64
  /* reserved bits 63:54 (no Svpbmt, Svnapot) */
  set_leaf(4, LEAF | (1ul << 61));
  LOAD("vm.s.pbmt", 1, 4);
  set_leaf(4, LEAF | (1ul << 63));
  LOAD("vm.s.napot.bit", 1, 4);
  set_leaf(4, LEAF | (1ul << 54));
  LOAD("vm.s.bit54", 1, 4);
  /* non-canonical */
  trap_reset();
  show("vm.s.noncanonical.value", load_in(1, 0x0000008000000000ul));
  show_trap("vm.s.noncanonical");
  trap_reset();
  show("vm.s.noncanonical2.value", load_in(1, 0xffff7fffffffff00ul));
  show_trap("vm.s.noncanonical2");
  trap_reset();
  trap_reset();
  fetch_in(1, 0x0000008000000000ul);
  show_trap("vm.s.noncanonical.fetch");
  trap_reset();
  store_in(1, 0xffffffc000000000ul - 8);
  show_trap("vm.s.noncanonical.store");
  /* misaligned gigapage: a level-2 leaf whose PPN[1] is not zero */
  {
    root[5] = pte_of(0x80200000ul, LEAF);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.s.gigapage.misaligned.value", load_in(1, 5ul << 30));
    show_trap("vm.s.gigapage.misaligned");
    root[5] = pte_of(0x80000000ul, LEAF);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.s.gigapage.aligned.value", load_in(1, (5ul << 30) + (ul)pages[3] - 0x80000000ul + 5));
    show_trap("vm.s.gigapage.aligned");
    root[5] = 0;
  }
  /* misaligned superpage: a level-1 leaf whose PPN[0] is not zero */
  {
    ul keep = mid[1];
    mid[1] = pte_of((ul)superpage_probe, LEAF);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.s.superpage.misaligned.value", load_in(1, TEST_VA + (1ul << 21)));
    show_trap_rel("vm.s.superpage.misaligned", TEST_VA);
    mid[1] = pte_of(0x80000000ul, LEAF);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.s.superpage.aligned.value", load_in(1, TEST_VA + (1ul << 21) + 0x10));
    show_trap_rel("vm.s.superpage.aligned", TEST_VA);
    mid[1] = keep;
  }
#else
  {
    ul keep = root[vidx(TEST_VA, 1) + 1];
    root[vidx(TEST_VA, 1) + 1] = pte_of((ul)superpage_probe, LEAF);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.s.superpage.misaligned.value", load_in(1, TEST_VA + (1ul << 22)));
    show_trap_rel("vm.s.superpage.misaligned", TEST_VA);
    root[vidx(TEST_VA, 1) + 1] = keep;
    asm volatile("sfence.vma" ::: "memory");
  }
#endif
  /* fetch across a page boundary: a 32-bit instruction at the end of an
   * executable page whose next page is not mapped */
  set_leaf(5, LEAF);
  leaf[6] = 0;
  asm volatile("sfence.vma" ::: "memory");
  pages[5][PAGE - 2] = 0x13; /* addi x0, x0, 0 */
  pages[5][PAGE - 1] = 0x00;
  asm volatile("fence.i" ::: "memory");
  FETCH("vm.s.fetch.cross32", 1, VA(5) + PAGE - 2);
  pages[5][PAGE - 2] = 0x01; /* c.nop */
  pages[5][PAGE - 1] = 0x00;
  asm volatile("fence.i" ::: "memory");
  FETCH("vm.s.fetch.c.then.next", 1, VA(5) + PAGE - 2);
  set_leaf(6, PTE_V | PTE_R | PTE_A); /* next page not executable */
  pages[5][PAGE - 2] = 0x13;
  pages[5][PAGE - 1] = 0x00;
  asm volatile("fence.i" ::: "memory");
  FETCH("vm.s.fetch.cross32.nx", 1, VA(5) + PAGE - 2);
  /* a misaligned load and store across into an unmapped page (only QEMU and
   * rvtlm-iss --misaligned emulate perform them) */
  set_leaf(5, LEAF);
  leaf[6] = 0;
  asm volatile("sfence.vma" ::: "memory");
  {
    ul v = 0;
    trap_reset();
    to_mode(1);
    asm volatile("lw %0, 0(%1)" : "=r"(v) : "r"(VA(5) + PAGE - 2) : "memory");
    to_mode(3);
    show_trap_rel("vm.misaligned.cross.load", TEST_VA);
    pages[5][PAGE - 1] = 0xa5;
    trap_reset();
    to_mode(1);
    asm volatile("sw zero, 0(%0)" ::"r"(VA(5) + PAGE - 2) : "memory");
    to_mode(3);
    show_trap_rel("vm.misaligned.cross.store", TEST_VA);
    show("vm.misaligned.cross.store.untouched", pages[5][PAGE - 1]);
    (void)v;
  }
  /* MPRV: M loads through the translation of MPP */
  set_leaf(7, LEAF);
  {
    ul v, st = CSRR(mstatus);
    trap_reset();
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, (1ul << 11) | MS_MPRV);
    asm volatile("lbu %0, 5(%1)" : "=r"(v) : "r"(VA(7)) : "memory");
    CSRW(mstatus, st);
    show("vm.mprv.s.value", v);
    show_trap_rel("vm.mprv.s", TEST_VA);
    set_leaf(7, LEAF | PTE_U);
    trap_reset();
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, MS_MPRV);
    v = 0;
    asm volatile("lbu %0, 5(%1)" : "=r"(v) : "r"(VA(7)) : "memory");
    CSRW(mstatus, st);
    show("vm.mprv.u.value", v);
    show_trap_rel("vm.mprv.u", TEST_VA);
    set_leaf(7, LEAF);
    trap_reset();
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, MS_MPRV);
    v = 0;
    asm volatile("lbu %0, 5(%1)" : "=r"(v) : "r"(VA(7)) : "memory");
    CSRW(mstatus, st);
    show("vm.mprv.u.spage.value", v);
    show_trap_rel("vm.mprv.u.spage", TEST_VA);
  }
#if XLEN == 64
  /* Sv48: a top level whose entry 0 is the Sv39 root above */
  {
    static ul root48[PAGE / sizeof(ul)] __attribute__((aligned(4096)));
    for (ul i = 0; i < PAGE / sizeof(ul); ++i) root48[i] = 0;
    root48[0] = pte_of((ul)root, PTE_V);
    CSRW(satp, (9ul << 60) | ((ul)root48 >> 12));
    asm volatile("sfence.vma" ::: "memory");
    show("vm.sv48.satp.mode", CSRR(satp) >> 60);
    set_leaf(0, LEAF);
    LOAD("vm.sv48.ok", 1, 0);
    set_leaf(0, 0);
    LOAD("vm.sv48.invalid", 1, 0);
    trap_reset();
    show("vm.sv48.va39.value", load_in(1, 0x0000008000000000ul));
    show_trap("vm.sv48.va39");
    trap_reset();
    show("vm.sv48.noncanonical.value", load_in(1, 0x0000800000000000ul));
    show_trap("vm.sv48.noncanonical");
    root48[1] = pte_of(0x80000000ul, LEAF); /* a misaligned 512 GiB page */
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.sv48.terapage.misaligned.value", load_in(1, 0x0000008000000000ul));
    show_trap("vm.sv48.terapage.misaligned");
    root48[1] = pte_of((ul)root, PTE_V | PTE_A);
    asm volatile("sfence.vma" ::: "memory");
    trap_reset();
    show("vm.sv48.nonleaf.a.value", load_in(1, 0x0000008080000000ul));
    show_trap("vm.sv48.nonleaf.a");
    CSRW(satp, SATP_MODE | ((ul)root >> 12));
    asm volatile("sfence.vma" ::: "memory");
  }
#endif
  /* A is not set by an access that faults */
  set_leaf(1, PTE_V | PTE_R | PTE_X);
  STORE("vm.s.ro.a0.store", 1, 1);
  show("vm.s.ro.a0.store.pte", leaf[1] & 0x3ff);
  set_leaf(1, PTE_V | RWX | PTE_U);
  LOAD("vm.s.upage.a0.sum0", 1, 1);
  show("vm.s.upage.a0.sum0.pte", leaf[1] & 0x3ff);
  /* MPRV with MXR and SUM: M loads as S */
  {
    ul v, st = CSRR(mstatus);
    set_leaf(1, PTE_V | PTE_X | PTE_A | PTE_U);
    trap_reset();
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, (1ul << 11) | MS_MPRV | MS_MXR | MS_SUM);
    v = 0;
    asm volatile("lbu %0, 5(%1)" : "=r"(v) : "r"(VA(1)) : "memory");
    CSRW(mstatus, st);
    show("vm.mprv.s.mxr.sum.value", v);
    show_trap_rel("vm.mprv.s.mxr.sum", TEST_VA);
  }
  /* U mode: U pages only */
  vm_setup(LEAF | PTE_U);
  set_leaf(0, LEAF);
  LOAD("vm.u.spage", 0, 0);
  set_leaf(0, LEAF | PTE_U);
  LOAD("vm.u.upage", 0, 0);
  put_ret(0, 0x40);
  FETCH("vm.u.upage.fetch", 0, VA(0) + 0x40);
  set_leaf(0, LEAF);
  FETCH("vm.u.spage.fetch", 0, VA(0) + 0x40);
  vm_off();
}

/* ---- 3.7: PMP checks ---------------------------------------------------------------------- */
static unsigned char pmp_page[PAGE] __attribute__((aligned(4096)));

static void pmp_checks(void) {
  const ul base = (ul)pmp_page;
  /* entry 0: the page, read only (NAPOT); entry 15 (set by start-up): all */
  CSRW(pmpaddr0, (base >> 2) | ((PAGE >> 3) - 1));
  CSRW(pmpcfg0, 0x19);
  trap_reset();
  to_mode(1);
  asm volatile("lbu t0, 0(%0)" ::"r"(base) : "t0", "memory");
  to_mode(3);
  show_trap_rel("pmp.s.load.r", base);
  trap_reset();
  to_mode(1);
  asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
  to_mode(3);
  show_trap_rel("pmp.s.store.r", base);
  trap_reset();
  to_mode(0);
  asm volatile("amoadd.w t0, zero, (%0)" ::"r"(base + 16) : "t0", "memory");
  to_mode(3);
  show_trap_rel("pmp.u.amo.r", base);
  trap_reset();
  asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
  show_trap_rel("pmp.m.store.r.unlocked", base);
  /* an access that straddles the entry's end */
  trap_reset();
  to_mode(1);
  asm volatile("lw t0, 0(%0)" ::"r"(base + PAGE - 4) : "t0", "memory");
  to_mode(3);
  show_trap_rel("pmp.s.load.inside", base);
#if XLEN == 64
  /* an access that matches an entry in part fails, also in M */
  CSRW(pmpaddr0, (base + 64) >> 2);
  CSRW(pmpcfg0, 0x17);
  trap_reset();
  asm volatile("ld t0, 64(%0)" ::"r"(base) : "t0", "memory");
  show_trap_rel("pmp.m.partial.na4", base);
  trap_reset();
  asm volatile("lw t0, 64(%0)" ::"r"(base) : "t0", "memory");
  show_trap_rel("pmp.m.whole.na4", base);
  CSRW(pmpaddr0, (base >> 2) | ((PAGE >> 3) - 1));
  CSRW(pmpcfg0, 0x19);
#endif
  /* MPRV with MPP = S applies S's permissions */
  trap_reset();
  {
    ul st = CSRR(mstatus);
    CSRC(mstatus, MS_MPP);
    CSRS(mstatus, (1ul << 11) | MS_MPRV);
    asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
    CSRW(mstatus, st);
  }
  show_trap_rel("pmp.mprv.s.store.r", base);
  /* no entry matches an S access when entry 15 is off */
  CSRW(pmpcfg0, 0);
  /* TOR: [base, base + PAGE) read/execute from entry 1, entry 0 the bound */
  CSRW(pmpaddr0, base >> 2);
  CSRW(pmpaddr1, (base + PAGE) >> 2);
  CSRW(pmpcfg0, 0x0d00);
  show("pmp.tor.cfg0", CSRR(pmpcfg0));
  trap_reset();
  to_mode(1);
  asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
  to_mode(3);
  show_trap_rel("pmp.tor.s.store", base);
  /* locking: entry 1 TOR locked R: M is checked, pmpaddr0/1 and cfg1 frozen */
  CSRW(pmpcfg0, 0x8900);
  show("pmp.lock.cfg0", CSRR(pmpcfg0));
  trap_reset();
  asm volatile("lbu t0, 0(%0)" ::"r"(base) : "t0", "memory");
  show_trap_rel("pmp.lock.m.load", base);
  trap_reset();
  asm volatile("sb zero, 8(%0)" ::"r"(base) : "memory");
  show_trap_rel("pmp.lock.m.store", base);
  CSRW(pmpcfg0, 0);
  show("pmp.lock.cfg0.after.write", CSRR(pmpcfg0));
  CSRW(pmpaddr0, 0);
  show("pmp.lock.addr0.after.write", CSRR(pmpaddr0) == (base >> 2));
  CSRW(pmpaddr1, 0);
  show("pmp.lock.addr1.after.write", CSRR(pmpaddr1) == ((base + PAGE) >> 2));
}

int main(void) {
  puts_("probe xlen=");
  put_hex(XLEN);
  puts_("\n");
  trap_reset();
  csr_fields();
  pmp_fields();
  access_rules();
  exceptions();
  triggers();
  interrupts();
  virtual_memory();
  pmp_checks();
  puts_("done\n");
  return 0;
}
