/* A extension: LR/SC (success, SC without a reservation, SC to another
 * address, a second SC after a successful one, aq/rl forms, rd = x0) and
 * every AMO in its .w and (RV64) .d form with all aq/rl combinations. .w
 * AMOs use only the low 32 bits of rs2 (on RV64 the upper half holds
 * garbage here), sign-extend the loaded value and touch no neighbouring
 * word. An SC that fails writes 1 to rd and leaves memory alone. */
#include "test.h"

#define GUARD 0x5a5aa5a5

/* Case n: amo*.w on a word holding init with rs2 = opnd: rd = init
 * (sign-extended), memory = new, neighbours and rs2 unchanged. */
#define TEST_AMO_W(n, inst, init, opnd, new) \
  TEST_CASE(n); la a1, amo_mem; li t2, GUARD; sw t2, -4(a1); sw t2, 4(a1); \
  li t2, init; sw t2, 0(a1); li a2, opnd; \
  inst a0, a2, (a1); \
  CHECK_EQ(a0, init); lw a3, 0(a1); CHECK_EQ(a3, new); CHECK_EQ(a2, opnd); \
  lw a3, -4(a1); CHECK_EQ(a3, GUARD); lw a3, 4(a1); CHECK_EQ(a3, GUARD)
#define TEST_AMO_D(n, inst, init, opnd, new) \
  TEST_CASE(n); la a1, amo_mem; li t2, GUARD; sw t2, -4(a1); sw t2, 8(a1); \
  li t2, init; sd t2, 0(a1); li a2, opnd; \
  inst a0, a2, (a1); \
  CHECK_EQ(a0, init); ld a3, 0(a1); CHECK_EQ(a3, new); CHECK_EQ(a2, opnd); \
  lw a3, -4(a1); CHECK_EQ(a3, GUARD); lw a3, 8(a1); CHECK_EQ(a3, GUARD)

  TEST_BEGIN

  /* ---- LR/SC (cases 200..) ---- */
  /* No LR has run yet: the SC fails and does not write. */
  TEST_CASE(200); la a1, lr_word; li t2, 10; sw t2, 0(a1); li a2, 99
  sc.w a0, a2, (a1)
  CHECK_EQ(a0, 1); lw a3, 0(a1); CHECK_EQ(a3, 10)

  /* LR/SC pair succeeds */
  TEST_CASE(201); la a1, lr_word; li t2, 10; sw t2, 0(a1)
  lr.w a0, (a1)
  addi a2, a0, 1
  sc.w a3, a2, (a1)
  CHECK_EQ(a0, 10); CHECK_EQ(a3, 0); lw a4, 0(a1); CHECK_EQ(a4, 11)
  /* a second SC after the successful one fails */
  TEST_CASE(202); li a2, 55
  sc.w a3, a2, (a1)
  CHECK_EQ(a3, 1); lw a4, 0(a1); CHECK_EQ(a4, 11)

  /* SC to another address than the LR fails and writes nothing; it also
   * ends the reservation, so an SC to the reserved address fails next. */
  TEST_CASE(203); la a1, lr_word; la a5, lr_other; li t2, 20; sw t2, 0(a1)
  li t2, 30; sw t2, 0(a5); li a2, 77
  lr.w a0, (a1)
  sc.w a3, a2, (a5)
  sc.w a4, a2, (a1)
  CHECK_EQ(a0, 20); CHECK_EQ(a3, 1); CHECK_EQ(a4, 1)
  lw a6, 0(a5); CHECK_EQ(a6, 30); lw a6, 0(a1); CHECK_EQ(a6, 20)

  /* aq/rl forms; LR sign-extends; SC writes only its 4 bytes */
  TEST_CASE(204); la a1, lr_word; li t2, 0x80000000; sw t2, 0(a1)
  li t2, GUARD; sw t2, 4(a1); li a2, 0x12345678
  lr.w.aq a0, (a1)
  sc.w.rl a3, a2, (a1)
  CHECK_EQ(a0, XLEN_SEL(0x80000000, 0xffffffff80000000)); CHECK_EQ(a3, 0)
  lw a4, 0(a1); CHECK_EQ(a4, 0x12345678); lw a4, 4(a1); CHECK_EQ(a4, GUARD)
  TEST_CASE(205); li a2, 3
  lr.w.aqrl a0, (a1)
  sc.w.aqrl a3, a2, (a1)
  CHECK_EQ(a0, 0x12345678); CHECK_EQ(a3, 0); lw a4, 0(a1); CHECK_EQ(a4, 3)
  TEST_CASE(206); li a2, 4
  lr.w.rl a0, (a1)
  sc.w.aq a3, a2, (a1)
  CHECK_EQ(a0, 3); CHECK_EQ(a3, 0); lw a4, 0(a1); CHECK_EQ(a4, 4)
  /* rd = x0: LR still reserves, SC still stores */
  TEST_CASE(207); li a2, 5
  lr.w zero, (a1)
  sc.w zero, a2, (a1)
  lw a4, 0(a1); CHECK_EQ(a4, 5); CHECK_EQ(zero, 0)
  /* an LR/SC increment loop */
  TEST_CASE(208); li a2, 0; sw zero, 0(a1); li a5, 25
1: lr.w a0, (a1)
  addi a0, a0, 2
  sc.w a3, a0, (a1)
  bnez a3, 1b
  addi a5, a5, -1
  bnez a5, 1b
  lw a4, 0(a1); CHECK_EQ(a4, 50)
  /* a later LR to another address replaces the reservation */
  TEST_CASE(209); la a1, lr_word; la a5, lr_other; li t2, 1; sw t2, 0(a1); sw t2, 0(a5)
  li a2, 9
  lr.w a0, (a1)
  lr.w a0, (a5)
  sc.w a3, a2, (a5)
  CHECK_EQ(a3, 0); lw a4, 0(a5); CHECK_EQ(a4, 9); lw a4, 0(a1); CHECK_EQ(a4, 1)

#if __riscv_xlen == 64
  TEST_CASE(220); la a1, lr_word; li t2, 0x8000000000000001; sd t2, 0(a1)
  li t2, GUARD; sw t2, 8(a1); li a2, 0x0123456789abcdef
  lr.d a0, (a1)
  sc.d a3, a2, (a1)
  CHECK_EQ(a0, 0x8000000000000001); CHECK_EQ(a3, 0)
  ld a4, 0(a1); CHECK_EQ(a4, 0x0123456789abcdef); lw a4, 8(a1); CHECK_EQ(a4, GUARD)
  TEST_CASE(221); li a2, 7
  sc.d a3, a2, (a1)
  CHECK_EQ(a3, 1); ld a4, 0(a1); CHECK_EQ(a4, 0x0123456789abcdef)
  TEST_CASE(222); la a5, lr_other; sd zero, 0(a5); li a2, 8
  lr.d.aq a0, (a1)
  sc.d.rl a3, a2, (a5)
  sc.d.aqrl a4, a2, (a1)
  CHECK_EQ(a3, 1); CHECK_EQ(a4, 1); ld a6, 0(a5); CHECK_EQ(a6, 0)
  TEST_CASE(223)
  lr.d.aqrl a0, (a1)
  sc.d.aq a3, a2, (a1)
  CHECK_EQ(a0, 0x0123456789abcdef); CHECK_EQ(a3, 0); ld a4, 0(a1); CHECK_EQ(a4, 8)
  TEST_CASE(224); li a2, 12
  lr.d.rl zero, (a1)
  sc.d zero, a2, (a1)
  ld a4, 0(a1); CHECK_EQ(a4, 12)
#endif

  /* ---- AMOs (cases 1..) ---- */
  TEST_AMO_W(1, amoswap.w, 5, XLEN_SEL(3, 0xdead000100000003), 3)
  TEST_AMO_W(2, amoswap.w.aq, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(3, amoswap.w.rl, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), 0x7fffffff)
  TEST_AMO_W(4, amoswap.w.aqrl, -1, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(5, amoswap.w, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0xff00ff0)
  TEST_AMO_W(6, amoswap.w.aq, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -7)
  TEST_AMO_W(7, amoswap.w.rl, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
  TEST_AMO_W(8, amoadd.w.aqrl, 5, XLEN_SEL(3, 0xdead000100000003), 8)
  TEST_AMO_W(9, amoadd.w, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), -0x80000000)
  TEST_AMO_W(10, amoadd.w.aq, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), -1)
  TEST_AMO_W(11, amoadd.w.rl, -1, XLEN_SEL(1, 0xdead000100000001), 0)
  TEST_AMO_W(12, amoadd.w.aqrl, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x22246668)
  TEST_AMO_W(13, amoadd.w, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -12)
  TEST_AMO_W(14, amoadd.w.aq, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
  TEST_AMO_W(15, amoxor.w.rl, 5, XLEN_SEL(3, 0xdead000100000003), 6)
  TEST_AMO_W(16, amoxor.w.aqrl, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 0x7ffffffe)
  TEST_AMO_W(17, amoxor.w, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), -1)
  TEST_AMO_W(18, amoxor.w.aq, -1, XLEN_SEL(1, 0xdead000100000001), -2)
  TEST_AMO_W(19, amoxor.w.rl, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x1dc45988)
  TEST_AMO_W(20, amoxor.w.aqrl, -5, XLEN_SEL(-7, 0xdead0001fffffff9), 2)
  TEST_AMO_W(21, amoxor.w, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
  TEST_AMO_W(22, amoand.w.aq, 5, XLEN_SEL(3, 0xdead000100000003), 1)
  TEST_AMO_W(23, amoand.w.rl, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(24, amoand.w.aqrl, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), 0)
  TEST_AMO_W(25, amoand.w, -1, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(26, amoand.w.aq, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x2300670)
  TEST_AMO_W(27, amoand.w.rl, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -7)
  TEST_AMO_W(28, amoand.w.aqrl, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), 0)
  TEST_AMO_W(29, amoor.w, 5, XLEN_SEL(3, 0xdead000100000003), 7)
  TEST_AMO_W(30, amoor.w.aq, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 0x7fffffff)
  TEST_AMO_W(31, amoor.w.rl, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), -1)
  TEST_AMO_W(32, amoor.w.aqrl, -1, XLEN_SEL(1, 0xdead000100000001), -1)
  TEST_AMO_W(33, amoor.w, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x1ff45ff8)
  TEST_AMO_W(34, amoor.w.aq, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -5)
  TEST_AMO_W(35, amoor.w.rl, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
  TEST_AMO_W(36, amomin.w.aqrl, 5, XLEN_SEL(3, 0xdead000100000003), 3)
  TEST_AMO_W(37, amomin.w, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(38, amomin.w.aq, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), -0x80000000)
  TEST_AMO_W(39, amomin.w.rl, -1, XLEN_SEL(1, 0xdead000100000001), -1)
  TEST_AMO_W(40, amomin.w.aqrl, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0xff00ff0)
  TEST_AMO_W(41, amomin.w, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -7)
  TEST_AMO_W(42, amomin.w.aq, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
  TEST_AMO_W(43, amomax.w.rl, 5, XLEN_SEL(3, 0xdead000100000003), 5)
  TEST_AMO_W(44, amomax.w.aqrl, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 0x7fffffff)
  TEST_AMO_W(45, amomax.w, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), 0x7fffffff)
  TEST_AMO_W(46, amomax.w.aq, -1, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(47, amomax.w.rl, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x12345678)
  TEST_AMO_W(48, amomax.w.aqrl, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -5)
  TEST_AMO_W(49, amomax.w, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), 0)
  TEST_AMO_W(50, amominu.w.aq, 5, XLEN_SEL(3, 0xdead000100000003), 3)
  TEST_AMO_W(51, amominu.w.rl, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(52, amominu.w.aqrl, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), 0x7fffffff)
  TEST_AMO_W(53, amominu.w, -1, XLEN_SEL(1, 0xdead000100000001), 1)
  TEST_AMO_W(54, amominu.w.aq, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0xff00ff0)
  TEST_AMO_W(55, amominu.w.rl, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -7)
  TEST_AMO_W(56, amominu.w.aqrl, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), 0)
  TEST_AMO_W(57, amomaxu.w, 5, XLEN_SEL(3, 0xdead000100000003), 5)
  TEST_AMO_W(58, amomaxu.w.aq, 0x7fffffff, XLEN_SEL(1, 0xdead000100000001), 0x7fffffff)
  TEST_AMO_W(59, amomaxu.w.rl, -0x80000000, XLEN_SEL(0x7fffffff, 0xdead00017fffffff), -0x80000000)
  TEST_AMO_W(60, amomaxu.w.aqrl, -1, XLEN_SEL(1, 0xdead000100000001), -1)
  TEST_AMO_W(61, amomaxu.w, 0x12345678, XLEN_SEL(0xff00ff0, 0xdead00010ff00ff0), 0x12345678)
  TEST_AMO_W(62, amomaxu.w.aq, -5, XLEN_SEL(-7, 0xdead0001fffffff9), -5)
  TEST_AMO_W(63, amomaxu.w.rl, 0, XLEN_SEL(-0x80000000, 0xdead000180000000), -0x80000000)
#if __riscv_xlen == 64
  TEST_AMO_D(100, amoswap.d.aqrl, 5, 3, 3)
  TEST_AMO_D(101, amoswap.d, 0x7fffffffffffffff, 1, 1)
  TEST_AMO_D(102, amoswap.d.aq, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
  TEST_AMO_D(103, amoswap.d.rl, -1, 1, 1)
  TEST_AMO_D(104, amoswap.d.aqrl, 0x123456789abcdef0, 0xff00ff00ff00ff, 0xff00ff00ff00ff)
  TEST_AMO_D(105, amoswap.d, -5, -7, -7)
  TEST_AMO_D(106, amoswap.d.aq, 0x80000000, 0xffffffff, 0xffffffff)
  TEST_AMO_D(107, amoadd.d.rl, 5, 3, 8)
  TEST_AMO_D(108, amoadd.d.aqrl, 0x7fffffffffffffff, 1, 0x8000000000000000)
  TEST_AMO_D(109, amoadd.d, 0x8000000000000000, 0x7fffffffffffffff, -1)
  TEST_AMO_D(110, amoadd.d.aq, -1, 1, 0)
  TEST_AMO_D(111, amoadd.d.rl, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x133357779bbbdfef)
  TEST_AMO_D(112, amoadd.d.aqrl, -5, -7, -12)
  TEST_AMO_D(113, amoadd.d, 0x80000000, 0xffffffff, 0x17fffffff)
  TEST_AMO_D(114, amoxor.d.aq, 5, 3, 6)
  TEST_AMO_D(115, amoxor.d.rl, 0x7fffffffffffffff, 1, 0x7ffffffffffffffe)
  TEST_AMO_D(116, amoxor.d.aqrl, 0x8000000000000000, 0x7fffffffffffffff, -1)
  TEST_AMO_D(117, amoxor.d, -1, 1, -2)
  TEST_AMO_D(118, amoxor.d.aq, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x12cb56879a43de0f)
  TEST_AMO_D(119, amoxor.d.rl, -5, -7, 2)
  TEST_AMO_D(120, amoxor.d.aqrl, 0x80000000, 0xffffffff, 0x7fffffff)
  TEST_AMO_D(121, amoand.d, 5, 3, 1)
  TEST_AMO_D(122, amoand.d.aq, 0x7fffffffffffffff, 1, 1)
  TEST_AMO_D(123, amoand.d.rl, 0x8000000000000000, 0x7fffffffffffffff, 0)
  TEST_AMO_D(124, amoand.d.aqrl, -1, 1, 1)
  TEST_AMO_D(125, amoand.d, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x34007800bc00f0)
  TEST_AMO_D(126, amoand.d.aq, -5, -7, -7)
  TEST_AMO_D(127, amoand.d.rl, 0x80000000, 0xffffffff, 0x80000000)
  TEST_AMO_D(128, amoor.d.aqrl, 5, 3, 7)
  TEST_AMO_D(129, amoor.d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff)
  TEST_AMO_D(130, amoor.d.aq, 0x8000000000000000, 0x7fffffffffffffff, -1)
  TEST_AMO_D(131, amoor.d.rl, -1, 1, -1)
  TEST_AMO_D(132, amoor.d.aqrl, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x12ff56ff9affdeff)
  TEST_AMO_D(133, amoor.d, -5, -7, -5)
  TEST_AMO_D(134, amoor.d.aq, 0x80000000, 0xffffffff, 0xffffffff)
  TEST_AMO_D(135, amomin.d.rl, 5, 3, 3)
  TEST_AMO_D(136, amomin.d.aqrl, 0x7fffffffffffffff, 1, 1)
  TEST_AMO_D(137, amomin.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_AMO_D(138, amomin.d.aq, -1, 1, -1)
  TEST_AMO_D(139, amomin.d.rl, 0x123456789abcdef0, 0xff00ff00ff00ff, 0xff00ff00ff00ff)
  TEST_AMO_D(140, amomin.d.aqrl, -5, -7, -7)
  TEST_AMO_D(141, amomin.d, 0x80000000, 0xffffffff, 0x80000000)
  TEST_AMO_D(142, amomax.d.aq, 5, 3, 5)
  TEST_AMO_D(143, amomax.d.rl, 0x7fffffffffffffff, 1, 0x7fffffffffffffff)
  TEST_AMO_D(144, amomax.d.aqrl, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
  TEST_AMO_D(145, amomax.d, -1, 1, 1)
  TEST_AMO_D(146, amomax.d.aq, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x123456789abcdef0)
  TEST_AMO_D(147, amomax.d.rl, -5, -7, -5)
  TEST_AMO_D(148, amomax.d.aqrl, 0x80000000, 0xffffffff, 0xffffffff)
  TEST_AMO_D(149, amominu.d, 5, 3, 3)
  TEST_AMO_D(150, amominu.d.aq, 0x7fffffffffffffff, 1, 1)
  TEST_AMO_D(151, amominu.d.rl, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
  TEST_AMO_D(152, amominu.d.aqrl, -1, 1, 1)
  TEST_AMO_D(153, amominu.d, 0x123456789abcdef0, 0xff00ff00ff00ff, 0xff00ff00ff00ff)
  TEST_AMO_D(154, amominu.d.aq, -5, -7, -7)
  TEST_AMO_D(155, amominu.d.rl, 0x80000000, 0xffffffff, 0x80000000)
  TEST_AMO_D(156, amomaxu.d.aqrl, 5, 3, 5)
  TEST_AMO_D(157, amomaxu.d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff)
  TEST_AMO_D(158, amomaxu.d.aq, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
  TEST_AMO_D(159, amomaxu.d.rl, -1, 1, -1)
  TEST_AMO_D(160, amomaxu.d.aqrl, 0x123456789abcdef0, 0xff00ff00ff00ff, 0x123456789abcdef0)
  TEST_AMO_D(161, amomaxu.d, -5, -7, -5)
  TEST_AMO_D(162, amomaxu.d.aq, 0x80000000, 0xffffffff, 0xffffffff)
#endif

  /* rd = x0: memory still updated */
  TEST_CASE(240); la a1, amo_mem; li t2, 40; sw t2, 0(a1); li a2, 2
  amoadd.w zero, a2, (a1)
  amoor.w.aqrl zero, a2, (a1)
  lw a3, 0(a1); CHECK_EQ(a3, 42); CHECK_EQ(zero, 0)
  /* rd == rs2: rd gets the old value, memory the old rs2 */
  TEST_CASE(241); li t2, 1; sw t2, 0(a1); li a2, 2
  amoswap.w a2, a2, (a1)
  CHECK_EQ(a2, 1); lw a3, 0(a1); CHECK_EQ(a3, 2)
  /* rd == rs1: the address is used before rd is written */
  TEST_CASE(242); li t2, 6; sw t2, 0(a1); mv a0, a1; li a2, 4
  amoadd.w a0, a2, (a0)
  CHECK_EQ(a0, 6); lw a3, 0(a1); CHECK_EQ(a3, 10)
#if __riscv_xlen == 64
  TEST_CASE(243); li t2, 5; sd t2, 0(a1); li a2, 3
  amomaxu.d zero, a2, (a1)
  amoadd.d.aq zero, a2, (a1)
  ld a3, 0(a1); CHECK_EQ(a3, 8)
  TEST_CASE(244); li t2, -1; sd t2, 0(a1); li a2, 7
  amoswap.d.rl a2, a2, (a1)
  CHECK_EQ(a2, -1); ld a3, 0(a1); CHECK_EQ(a3, 7)
#endif

  TEST_END

  .data
  .balign 64
  .dword 0
amo_mem:
  .dword 0
  .dword 0
  .balign 256
lr_word:
  .dword 0
  .dword 0
  .balign 256
lr_other:
  .dword 0
