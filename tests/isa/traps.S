/* Synchronous traps in machine mode and mret:
 *   ecall (mcause 11, mtval 0), ebreak and c.ebreak (mcause 3, mtval 0 or
 *   the instruction's address), illegal instructions (mcause 2, mtval = the
 *   16- or 32-bit instruction bits, upper bits zero), mepc = the trapping
 *   instruction, mstatus.MIE/MPIE/MPP on trap entry and on mret, mret to an
 *   arbitrary mepc, mtvec direct and vectored mode for exceptions (base),
 *   and access faults on an unmapped address (mcause 1/5/7, mtval = the
 *   address). Where the expected value depends on whether S and U modes
 *   exist (MPP after mret, sret and sfence.vma in M), misa selects it. */
#include "test.h"

#define JUNK 0x0bad0bad

  TEST_BEGIN

  /* ---- ecall / ebreak ---- */
  TEST_CASE(1); li a1, JUNK; csrw mtval, a1
  TEST_EXC(1, CAUSE_ECALL_M, 0, ecall)
  TEST_CASE(2); li a1, JUNK; csrw mtval, a1; TRAP_EXPECT
1: ebreak
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_BREAKPOINT); CHECK_TRAP_EPC(1b)
  la a2, 1b; call check_tval_zero_or_a2
  TEST_CASE(3); li a1, JUNK; csrw mtval, a1; TRAP_EXPECT
  RVC_BEGIN
1: c.ebreak
  RVC_END
  CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, CAUSE_BREAKPOINT); CHECK_TRAP_EPC(1b)
  la a2, 1b; call check_tval_zero_or_a2
  TEST_CASE(4)             /* the handler resumed after the 2-byte c.ebreak */
  li a0, 0
  TRAP_EXPECT
  RVC_BEGIN
  c.ebreak
  c.li a0, 9
  RVC_END
  CHECK_EQ(a0, 9)

  /* ---- illegal instructions: mtval = the instruction bits ---- */
  TEST_CASE(10); li a1, JUNK; csrw mtval, a1
  TEST_ILLEGAL16(10, 0x0000)       /* all zeros (defined illegal) */
  TEST_ILLEGAL16(11, 0x6101)       /* c.addi16sp with imm 0 */
  TEST_ILLEGAL16(12, 0x6501)       /* c.lui a0 with imm 0 */
  TEST_ILLEGAL16(13, 0x4002)       /* c.lwsp with rd = x0 */
  TEST_ILLEGAL16(14, 0x8002)       /* c.jr with rs1 = x0 */
  TEST_ILLEGAL16(15, 0x2002)       /* c.fldsp: no D */
  TEST_ILLEGAL16(16, 0xa002)       /* c.fsdsp: no D */
#if __riscv_xlen == 64
  TEST_ILLEGAL16(17, 0x2001)       /* c.addiw with rd = x0 */
  TEST_ILLEGAL16(18, 0x6002)       /* c.ldsp with rd = x0 */
#else
  TEST_ILLEGAL16(17, 0x6002)       /* c.flwsp: no F */
  TEST_ILLEGAL16(18, 0xe002)       /* c.fswsp: no F */
#endif
  TEST_ILLEGAL32(20, 0xfe000033)   /* OP with funct7 = 0x7f */
  TEST_ILLEGAL32(21, 0x0000000b)   /* custom-0 */
  TEST_ILLEGAL32(22, 0x00200073)   /* uret (N extension removed) */
  TEST_ILLEGAL32(23, 0x00b5002f)   /* AMO with funct3 = 0 */
  TEST_ILLEGAL32(24, 0x00052007)   /* flw f0, 0(a0): no F */
  TEST_ILLEGAL32(25, 0x02b50553)   /* fadd.d: no D */
#if __riscv_xlen == 32
  TEST_ILLEGAL32(30, 0x0005051b)   /* addiw: RV64 only */
  TEST_ILLEGAL32(31, 0x00053503)   /* ld: RV64 only */
  TEST_ILLEGAL32(32, 0x00b53023)   /* sd: RV64 only */
  TEST_ILLEGAL32(33, 0x02051513)   /* slli with shamt 32 */
  TEST_ILLEGAL32(34, 0x02b5053b)   /* mulw: RV64 only */
  TEST_ILLEGAL32(35, 0x00b5302f)   /* amoadd.d: RV64 only */
  TEST_ILLEGAL32(36, 0x1005352f)   /* lr.d: RV64 only */
#endif
  TEST_CASE(40)            /* rd of an illegal instruction is not written */
  li a0, 77
  TEST_ILLEGAL32(40, 0xfe050533)   /* OP funct7 0x7f, rd = a0 */
  CHECK_EQ(a0, 77)
  TEST_CASE(41)            /* without S-mode sret and sfence.vma are illegal */
  IF_HAS_EXT('S', 2f)
  TEST_ILLEGAL32(41, 0x10200073)   /* sret */
  TEST_ILLEGAL32(42, 0x12000073)   /* sfence.vma */
  j 1f
2: TRAP_EXPECT                      /* with S-mode sfence.vma is legal in M */
  sfence.vma
  CHECK_NO_TRAP; la t0, test_trap_frames; SREG zero, TF_EXPECT(t0)
1:

  /* ---- mstatus on trap entry and mret ---- */
  TEST_CASE(50)            /* MIE = 1: handler sees MIE 0, MPIE 1, MPP 3 */
  li a1, MSTATUS_MIE; csrs mstatus, a1
  TEST_EXC(50, CAUSE_ECALL_M, 0, ecall)
  LOAD_SYM(a0, test_trap_frames, TF_STATUS)
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP)
  TEST_CASE(51)            /* and mret restored MIE = 1, MPIE = 1 */
  csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MIE | MSTATUS_MPIE)
  IF_HAS_EXT('U', 2f)
  CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP)   /* MPP = least privileged = M */
  j 1f
2: CHECK_MASKED(a0, MSTATUS_MPP, 0)            /* ... = U */
1: li a1, MSTATUS_MIE; csrc mstatus, a1
  li a1, MSTATUS_MPP; csrs mstatus, a1
  TEST_CASE(52)            /* MIE = 0, MPIE = 1 before: handler sees MPIE 0 */
  li a1, MSTATUS_MPIE; csrs mstatus, a1
  TEST_EXC(52, CAUSE_ECALL_M, 0, ecall)
  LOAD_SYM(a0, test_trap_frames, TF_STATUS)
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPP)
  TEST_CASE(53)            /* after mret: MIE = MPIE(0) = 0, MPIE = 1 */
  csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)
  li a1, MSTATUS_MPP; csrs mstatus, a1

  /* ---- mret by hand ---- */
  TEST_CASE(60)            /* jumps to mepc; MIE = MPIE; MPIE = 1 */
  li a1, MSTATUS_MIE; csrc mstatus, a1
  li a1, MSTATUS_MPIE | MSTATUS_MPP; csrs mstatus, a1
  la a1, 1f; csrw mepc, a1
  mret
  FAIL
1: csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MIE | MSTATUS_MPIE)
  IF_HAS_EXT('U', 2f)
  CHECK_MASKED(a0, MSTATUS_MPP, MSTATUS_MPP)
  j 3f
2: CHECK_MASKED(a0, MSTATUS_MPP, 0)
3: li a1, MSTATUS_MIE; csrc mstatus, a1
  TEST_CASE(61)            /* MPIE = 0: MIE becomes 0, MPIE 1 */
  li a1, MSTATUS_MIE | MSTATUS_MPIE; csrc mstatus, a1
  li a1, MSTATUS_MPP; csrs mstatus, a1
  la a1, 1f; csrw mepc, a1
  mret
  FAIL
1: csrr a0, mstatus
  CHECK_MASKED(a0, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)
  TEST_CASE(62)            /* mret to a 2-byte aligned mepc */
  li a1, MSTATUS_MPP; csrs mstatus, a1
  la a1, 2f; csrw mepc, a1
  li a0, 0
  mret
  RVC_BEGIN
  c.nop
2: c.li a0, 3
  RVC_END
  CHECK_EQ(a0, 3)
  TEST_CASE(63)            /* the handler may resume elsewhere via mepc */
  TRAP_EXPECT; TRAP_RESUME_AT(1f)
  ecall
  FAIL
1:

  /* ---- mtvec ---- */
  csrr s10, mtvec
  TEST_CASE(70)            /* direct mode: every trap goes to base */
  la a1, own_handler; csrw mtvec, a1
  li s1, 0
  ecall
  CHECK_EQ(s1, CAUSE_ECALL_M)
  li s1, 0
  ebreak
  CHECK_EQ(s1, CAUSE_BREAKPOINT)
  TEST_CASE(71)            /* vectored mode: exceptions still go to base */
  la a1, vec_table; ori a1, a1, 1; csrw mtvec, a1
  csrr a2, mtvec; CHECK_EQR(a2, a1)
  li s1, 0
  ecall
  CHECK_EQ(s1, CAUSE_ECALL_M)
  li s1, 0
  .4byte 0x0000000b
  CHECK_EQ(s1, CAUSE_ILLEGAL)
  csrw mtvec, s10

  /* ---- access faults on an address nothing is mapped at (a gap of the
   * virt memory map) ---- */
#define UNMAPPED 0x2800010
  TEST_CASE(80); li a1, UNMAPPED; li a0, 5; li a2, JUNK; csrw mtval, a2
  TEST_EXC_R(80, 5, a1, lw a0, 0(a1))
  CHECK_EQ(a0, 5)
  TEST_CASE(81); li a1, UNMAPPED
  TEST_EXC_R(81, 7, a1, sw a0, 0(a1))
#if !QEMU_COMPAT
  TEST_CASE(82); li a1, UNMAPPED   /* AMO: store/AMO fault (QEMU 7.2: load) */
  TEST_EXC_R(82, 7, a1, amoadd.w a0, a0, (a1))
  CHECK_EQ(a0, 5)
#endif
  TEST_CASE(83); li a1, UNMAPPED; TRAP_EXPECT; TRAP_RESUME_AT(1f)
  jalr ra, 0(a1)
1: CHECK_TRAP_COUNT(1); CHECK_TRAP_FIELD(TF_CAUSE, 1)
  CHECK_TRAP_FIELD_R(TF_EPC, a1); CHECK_TRAP_FIELD_R(TF_TVAL, a1)

  TEST_END

  .text
/* mtval recorded by the last trap is 0 or equals a2. */
check_tval_zero_or_a2:
  LOAD_SYM(t1, test_trap_frames, TF_TVAL)
  beqz t1, 1f
  bne t1, a2, test_fail
1: ret

/* Own trap handler: s1 = mcause, resume after a 4-byte instruction. */
  .balign 4
own_handler:
  csrr s1, mcause
  bltz s1, test_fail
  csrr s2, mepc
  addi s2, s2, 4
  csrw mepc, s2
  mret

/* Vector table: exceptions enter at base, interrupt i at base + 4 * i. */
  .balign 256
vec_table:
  j own_handler
  .rept 15
  j test_fail
  .endr
