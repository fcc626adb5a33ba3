/* Sstc (supervisor timer compare, ratified 2021; Privileged spec 3.1.9):
 *   stimecmp (and stimecmph on RV32) readable and writable in M whatever
 *   menvcfg.STCE; from S illegal when STCE = 0 or mcounteren.TM = 0,
 *   legal when both are set; illegal from U; with STCE = 1 mip.STIP is
 *   (time >= stimecmp), 64-bit compare on RV32 as well, read-only in mip
 *   and sip; a delegated supervisor timer interrupt programmed by S through
 *   stimecmp is taken in S once time passes it; a non-delegated one is
 *   taken in M; with STCE = 0 again STIP is the software-writable bit. */
#include "vm.h"

#define SPIN 1000000
#define CSRR_BITS(csr) (((csr) << 20) | (2 << 12) | (10 << 7) | 0x73)
#define CSRW_BITS(csr) (((csr) << 20) | (11 << 15) | (1 << 12) | 0x73)
/* Wait (bounded) until (mip & bits) == val; fails otherwise. Clobbers a5. */
#define WAIT_MIP(bits, val) \
  li a5, SPIN; \
8603: csrr t1, mip; li t0, bits; and t1, t1, t0; li t0, val; beq t1, t0, 8604f; \
  addi a5, a5, -1; bnez a5, 8603b; j test_fail; \
8604:
#if __riscv_xlen == 64
#define STCE_SET li t0, MENVCFG_STCE; csrs CSR_MENVCFG, t0
#define STCE_CLEAR li t0, MENVCFG_STCE; csrc CSR_MENVCFG, t0
/* stimecmp = time + delta (reg clobbered) */
#define STIMECMP_IN(reg, delta) \
  csrr reg, time; addi reg, reg, delta; csrw CSR_STIMECMP, reg
#define STIMECMP_NEVER li t0, -1; csrw CSR_STIMECMP, t0
#define STIMECMP_ZERO csrw CSR_STIMECMP, zero
#else
#define STCE_SET li t0, MENVCFGH_STCE; csrs CSR_MENVCFGH, t0
#define STCE_CLEAR li t0, MENVCFGH_STCE; csrc CSR_MENVCFGH, t0
/* RV32: high word first (all ones), then low, then the real high word; the
 * carry of the addition goes into the high word. Clobbers reg, a4, a5. */
#define STIMECMP_IN(reg, delta) \
  8620: csrr a4, timeh; csrr reg, time; csrr a5, timeh; bne a4, a5, 8620b; \
  addi a5, reg, delta; sltu reg, a5, reg; add a4, a4, reg; \
  li reg, -1; csrw CSR_STIMECMPH, reg; csrw CSR_STIMECMP, a5; csrw CSR_STIMECMPH, a4
#define STIMECMP_NEVER li t0, -1; csrw CSR_STIMECMPH, t0; csrw CSR_STIMECMP, t0
#define STIMECMP_ZERO csrw CSR_STIMECMP, zero; csrw CSR_STIMECMPH, zero
#endif

  TEST_BEGIN
  PRIV_INIT
  csrw mie, zero; csrw mip, zero
  csrw CSR_MENVCFG, zero
#if __riscv_xlen == 32
  csrw CSR_MENVCFGH, zero
#endif

  /* ---- access rules ---- */
  TEST_CASE(1)             /* M: read and write, STCE = 0 */
  li a1, 0x12345678; csrw CSR_STIMECMP, a1
  csrr a0, CSR_STIMECMP; CHECK_EQR(a0, a1)
#if __riscv_xlen == 32
  li a1, 0x9abcdef0; csrw CSR_STIMECMPH, a1
  csrr a0, CSR_STIMECMPH; CHECK_EQR(a0, a1)
#endif
  STIMECMP_NEVER
  TEST_CASE(2)             /* S with STCE = 0: illegal */
  li t0, 7; csrw mcounteren, t0
  IN_MODE(PRV_S, 1: csrr a0, CSR_STIMECMP)
  CHECK_ILLEGAL(CSRR_BITS(CSR_STIMECMP)); CHECK_EPC(1b)
  TEST_CASE(3); IN_MODE(PRV_S, 1: csrw CSR_STIMECMP, a1)
  CHECK_ILLEGAL(CSRW_BITS(CSR_STIMECMP)); CHECK_EPC(1b)
#if __riscv_xlen == 32
  TEST_CASE(4); IN_MODE(PRV_S, 1: csrr a0, CSR_STIMECMPH)
  CHECK_ILLEGAL(CSRR_BITS(CSR_STIMECMPH)); CHECK_EPC(1b)
#endif
  TEST_CASE(5)             /* S with STCE = 1 but mcounteren.TM = 0: illegal */
  STCE_SET
  li t0, 5; csrw mcounteren, t0
  IN_MODE(PRV_S, 1: csrr a0, CSR_STIMECMP)
  CHECK_ILLEGAL(CSRR_BITS(CSR_STIMECMP)); CHECK_EPC(1b)
  TEST_CASE(6)             /* both set: S reads and writes it */
  li t0, 7; csrw mcounteren, t0
  li a1, 0x7654321
  IN_MODE(PRV_S, csrw CSR_STIMECMP, a1; csrr a2, CSR_STIMECMP)
  CHECK_ECALL(PRV_S); CHECK_EQR(a2, a1)
  csrr a0, CSR_STIMECMP; CHECK_EQR(a0, a1)
  STIMECMP_NEVER
  TEST_CASE(7)             /* U: illegal (an S CSR) */
  li t0, 7; csrw scounteren, t0
  IN_MODE(PRV_U, 1: csrr a0, CSR_STIMECMP)
  CHECK_ILLEGAL(CSRR_BITS(CSR_STIMECMP)); CHECK_EPC(1b)

  /* ---- STIP follows time >= stimecmp (STCE = 1) ---- */
  TEST_CASE(10)
  STIMECMP_ZERO
  WAIT_MIP(MIP_STIP, MIP_STIP)
  STIMECMP_NEVER
  WAIT_MIP(MIP_STIP, 0)
  TEST_CASE(11)            /* read-only in mip */
  li t0, MIP_STIP; csrs mip, t0
  csrr a0, mip; CHECK_MASKED(a0, MIP_STIP, 0)
  STIMECMP_ZERO
  WAIT_MIP(MIP_STIP, MIP_STIP)
  li t0, MIP_STIP; csrc mip, t0
  csrr a0, mip; CHECK_MASKED(a0, MIP_STIP, MIP_STIP)
  TEST_CASE(12)            /* the other S bits stay writable */
  li t0, MIP_SSIP | MIP_SEIP; csrs mip, t0
  csrr a0, mip; CHECK_MASKED(a0, MIP_S_ALL, MIP_S_ALL)
  csrc mip, t0
  STIMECMP_NEVER
  TEST_CASE(13)            /* a compare value a little ahead becomes due */
  STIMECMP_IN(a1, 200)
  WAIT_MIP(MIP_STIP, MIP_STIP)
  csrr a0, time; csrr a1, CSR_STIMECMP; sub a0, a0, a1; bgez a0, 1f; FAIL; 1:
  STIMECMP_NEVER
  WAIT_MIP(MIP_STIP, 0)
#if __riscv_xlen == 32
  TEST_CASE(14)            /* the compare uses all 64 bits */
  csrw CSR_STIMECMP, zero
  li t0, 0x10000; csrw CSR_STIMECMPH, t0   /* far in the future */
  li a5, 1000
1: csrr a0, mip; andi a0, a0, MIP_STIP; beqz a0, 2f; FAIL; 2:
  addi a5, a5, -1; bnez a5, 1b
  csrw CSR_STIMECMPH, zero
  WAIT_MIP(MIP_STIP, MIP_STIP)
  STIMECMP_NEVER
  WAIT_MIP(MIP_STIP, 0)
#endif

  /* ---- supervisor timer interrupt ---- */
  TEST_CASE(20)            /* delegated: S programs stimecmp and takes STI */
  li t0, MIP_STIP; csrw mideleg, t0; csrw mie, t0
  li t0, MSTATUS_SIE; csrs mstatus, t0
  li a3, -1
  IN_MODE(PRV_S, 3: csrr a3, sip; STIMECMP_IN(a1, 100); li a2, SPIN; \
    2: addi a2, a2, -1; bnez a2, 2b; 4:)
  CHECK_STRAP(CAUSE_STI, 0); CHECK_EQ(a3, 0); CHECK_EPC_IN(3b, 4b)
  csrr a0, scause; CHECK_EQ(a0, CAUSE_STI)
  csrr a0, mip; CHECK_MASKED(a0, MIP_STIP, MIP_STIP)   /* still pending */
  TEST_CASE(21)            /* visible in sip from S; sip.STIP is read-only */
  IN_MODE(PRV_S, li a1, MIP_STIP; csrc sip, a1; csrr a3, sip)
  CHECK_ECALL(PRV_S); CHECK_EQ(a3, MIP_STIP)
  STIMECMP_NEVER
  WAIT_MIP(MIP_STIP, 0)
  TEST_CASE(22)            /* S rearms it: taken in U, also with SIE = 0 */
  li t0, MSTATUS_SIE; csrc mstatus, t0
  li t0, MIP_STIP; csrw mie, t0
  STIMECMP_IN(a1, 100)
  IN_MODE(PRV_U, 3: li a2, SPIN; 2: addi a2, a2, -1; bnez a2, 2b; 4:)
  CHECK_STRAP(CAUSE_STI, 0); CHECK_EPC_IN(3b, 4b)
  STIMECMP_NEVER
  TEST_CASE(23)            /* not delegated: taken in M (handler disarms) */
  csrw mideleg, zero
  li t0, MIP_STIP; csrw mie, t0
  STIMECMP_IN(a1, 100)
  IN_MODE(PRV_S, 3: li a2, SPIN; 2: addi a2, a2, -1; bnez a2, 2b; 4:)
  CHECK_MTRAP(CAUSE_STI, 0); CHECK_EPC_IN(3b, 4b)
  WAIT_MIP(MIP_STIP, 0)
  csrr a0, CSR_STIMECMP; CHECK_EQ(a0, -1)
  csrw mie, zero

  /* ---- STCE = 0: STIP is the software bit again ---- */
  TEST_CASE(30)
  STIMECMP_ZERO
  WAIT_MIP(MIP_STIP, MIP_STIP)
  STCE_CLEAR
  csrw mip, zero
  csrr a0, mip; CHECK_MASKED(a0, MIP_STIP, 0)
  li t0, MIP_STIP; csrs mip, t0
  csrr a0, mip; CHECK_MASKED(a0, MIP_STIP, MIP_STIP)
  csrw mip, zero
  STIMECMP_NEVER

  PRIV_END
