/* Support of the privileged-behaviour probe: console output, CSR access,
 * trap records and privilege switching (see README.md). */
#ifndef PROBE_H
#define PROBE_H

typedef unsigned long ul;
#define XLEN __riscv_xlen
#define MAGIC 0x4d6f6465ul /* a7 of an ecall that asks the M handler for a mode */

#define STR_(x) #x
#define STR(x) STR_(x)
#define CSRR(c)                                            \
  ({                                                       \
    ul v_;                                                 \
    asm volatile("csrr %0, " STR(c) : "=r"(v_)::"memory"); \
    v_;                                                    \
  })
#define CSRW(c, v) asm volatile("csrw " STR(c) ", %0" ::"r"((ul)(v)) : "memory")
#define CSRS(c, v) asm volatile("csrs " STR(c) ", %0" ::"r"((ul)(v)) : "memory")
#define CSRC(c, v) asm volatile("csrc " STR(c) ", %0" ::"r"((ul)(v)) : "memory")

/* mstatus fields (Privileged spec 3.1.6). */
#define MS_SIE 0x2ul
#define MS_MIE 0x8ul
#define MS_SPIE 0x20ul
#define MS_MPIE 0x80ul
#define MS_SPP 0x100ul
#define MS_MPP 0x1800ul
#define MS_FS 0x6000ul
#define MS_MPRV 0x20000ul
#define MS_SUM 0x40000ul
#define MS_MXR 0x80000ul
#define MS_TVM 0x100000ul
#define MS_TW 0x200000ul
#define MS_TSR 0x400000ul

/* The last trap(s) taken by either handler. */
struct trap_record {
  ul count;   /* traps since trap_reset() */
  ul cause;   /* xcause of the last one */
  ul epc;     /* xepc of the last one */
  ul tval;    /* xtval of the last one */
  ul handler; /* 3: M handler, 1: S handler */
  ul status;  /* mstatus at handler entry */
  ul resume;  /* 0: next instruction; 1: return address (ra); else an address */
  ul log[8];  /* cause | handler << 8 of the first eight traps */
};
extern volatile struct trap_record trap;

void puts_(const char* s);
void put_hex(ul v);
/* name=value (hex) on a line of its own */
void show(const char* name, ul v);
/* name.count/cause/epc/tval/handler of the last trap, epc and tval also as
 * offsets from base when base is non-zero and they are near it. */
void show_trap(const char* name);
void show_trap_rel(const char* name, ul base);
void trap_reset(void);

/* Continue in privilege mode m (0 U, 1 S, 3 M) at the next statement; an
 * ecall handled by the M handler does it. */
static inline void to_mode(ul m) {
  register ul a0 asm("a0") = m;
  register ul a7 asm("a7") = MAGIC;
  asm volatile("ecall" : "+r"(a0), "+r"(a7)::"memory");
}

/* The same through an illegal instruction (mret below M), for when ecalls
 * are delegated. */
static inline void to_mode_illegal(ul m) {
  register ul a0 asm("a0") = m;
  register ul a7 asm("a7") = MAGIC;
  asm volatile("mret" : "+r"(a0), "+r"(a7)::"memory");
}

#endif
