// Hart::save_state / restore_state: the state is plain data, and a hart
// restored from it (with the same memory) continues identically.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"
#include "test_programs.h"

namespace rvtlm::test {
namespace {

using iss::HartState;

// Every field of HartState (a new field belongs here too).
void expect_same_state(const HartState& a, const HartState& b) {
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.f, b.f);
  EXPECT_EQ(a.pc, b.pc);
  EXPECT_EQ(a.priv, b.priv);
  EXPECT_EQ(a.wfi, b.wfi);
  EXPECT_EQ(a.mstatus, b.mstatus);
  EXPECT_EQ(a.medeleg, b.medeleg);
  EXPECT_EQ(a.mideleg, b.mideleg);
  EXPECT_EQ(a.mie, b.mie);
  EXPECT_EQ(a.mip, b.mip);
  EXPECT_EQ(a.irq_lines, b.irq_lines);
  EXPECT_EQ(a.mtvec, b.mtvec);
  EXPECT_EQ(a.mscratch, b.mscratch);
  EXPECT_EQ(a.mepc, b.mepc);
  EXPECT_EQ(a.mcause, b.mcause);
  EXPECT_EQ(a.mtval, b.mtval);
  EXPECT_EQ(a.mcounteren, b.mcounteren);
  EXPECT_EQ(a.mcountinhibit, b.mcountinhibit);
  EXPECT_EQ(a.menvcfg, b.menvcfg);
  EXPECT_EQ(a.stvec, b.stvec);
  EXPECT_EQ(a.sscratch, b.sscratch);
  EXPECT_EQ(a.sepc, b.sepc);
  EXPECT_EQ(a.scause, b.scause);
  EXPECT_EQ(a.stval, b.stval);
  EXPECT_EQ(a.scounteren, b.scounteren);
  EXPECT_EQ(a.senvcfg, b.senvcfg);
  EXPECT_EQ(a.satp, b.satp);
  EXPECT_EQ(a.stimecmp, b.stimecmp);
  EXPECT_EQ(a.fflags, b.fflags);
  EXPECT_EQ(a.frm, b.frm);
  EXPECT_EQ(a.tselect, b.tselect);
  for (std::size_t i = 0; i < a.triggers.size(); ++i) {
    EXPECT_EQ(a.triggers[i].tdata1, b.triggers[i].tdata1) << "trigger " << i;
    EXPECT_EQ(a.triggers[i].tdata2, b.triggers[i].tdata2) << "trigger " << i;
    EXPECT_EQ(a.triggers[i].tdata3, b.triggers[i].tdata3) << "trigger " << i;
  }
  EXPECT_EQ(a.pmp.cfg, b.pmp.cfg);
  EXPECT_EQ(a.pmp.addr, b.pmp.addr);
  EXPECT_EQ(a.retired, b.retired);
  EXPECT_EQ(a.instret_base, b.instret_base);
  EXPECT_EQ(a.cycle_base, b.cycle_base);
  EXPECT_EQ(a.instret_frozen, b.instret_frozen);
  EXPECT_EQ(a.cycle_frozen, b.cycle_frozen);
  EXPECT_EQ(a.reservation_valid, b.reservation_valid);
  EXPECT_EQ(a.reservation_addr, b.reservation_addr);
}

struct Checksum {
  Checksum() : hart({}, bus) {
    setup_checksum(bus, hart, 5000);
    hart.write_csr(iss::csr::k_mscratch, 0x1234);
  }
  TestBus bus;
  iss::Hart hart;
};

TEST(Snapshot, SavedStateHoldsTheArchitecturalState) {
  Checksum c;
  ASSERT_EQ(c.hart.run(777).retired, 777u);
  const HartState s = c.hart.save_state();
  EXPECT_EQ(s.retired, 777u);
  EXPECT_EQ(s.pc, c.hart.pc());
  for (unsigned i = 0; i < 32; ++i) EXPECT_EQ(s.x[i], c.hart.reg(i)) << i;
  EXPECT_EQ(s.mscratch, 0x1234u);
  EXPECT_EQ(s.mtvec, 0u);
  EXPECT_EQ(s.priv, 3u);
}

TEST(Snapshot, RestoredHartContinuesIdentically) {
  Checksum original;
  ASSERT_EQ(original.hart.run(1234).retired, 1234u);
  const HartState snapshot = original.hart.save_state();
  const std::vector<uint8_t> ram = original.bus.ram;
  const std::size_t mmio_before = original.bus.mmio_accesses().size();

  ASSERT_EQ(original.hart.run(20000).retired, 20000u);
  const RegisterFile expected = registers(original.hart);
  std::vector<BusRecord> expected_mmio = original.bus.mmio_accesses();
  expected_mmio.erase(expected_mmio.begin(),
                      expected_mmio.begin() + static_cast<long>(mmio_before));
  ASSERT_FALSE(expected_mmio.empty());

  // Into a fresh hart on a fresh bus.
  TestBus bus;
  iss::Hart copy({}, bus);
  bus.ram = ram;
  copy.restore_state(snapshot);
  ASSERT_EQ(copy.run(20000).retired, 20000u);
  EXPECT_EQ(registers(copy), expected);
  EXPECT_EQ(bus.mmio_accesses(), expected_mmio);
  EXPECT_EQ(bus.ram, original.bus.ram);
  expect_same_state(copy.save_state(), original.hart.save_state());

  // Back into the original hart (rewinding it).
  original.bus.ram = ram;
  original.bus.log.clear();
  original.hart.restore_state(snapshot);
  ASSERT_EQ(original.hart.run(20000).retired, 20000u);
  EXPECT_EQ(registers(original.hart), expected);
  EXPECT_EQ(original.bus.mmio_accesses(), expected_mmio);
}

TEST(Snapshot, WaitingAndReservationStateRoundTrip) {
  Machine m({lr_d(a0, s0), csrw(iss::csr::k_mie, t2), wfi(), sc_d(a1, a2, s0), wfi()});
  m.hart.set_reg(s0, kRamBase + 0x4000);
  m.hart.set_reg(t2, 0x80);
  m.hart.set_reg(a2, 9);
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  const HartState s = m.hart.save_state();
  EXPECT_TRUE(s.wfi);
  EXPECT_TRUE(s.reservation_valid);
  EXPECT_EQ(s.reservation_addr, kRamBase + 0x4000);

  TestBus bus;
  bus.ram = m.bus.ram;
  iss::Hart copy({}, bus);
  copy.restore_state(s);
  EXPECT_TRUE(copy.waiting_for_interrupt());
  EXPECT_EQ(copy.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(copy.retired(), 3u);
  copy.set_interrupt(iss::Interrupt::MachineTimer, true);  // wakes; MIE is 0: no trap
  EXPECT_EQ(copy.run(100).reason, iss::StopReason::BudgetSpent);
  EXPECT_EQ(copy.reg(a1), 0u);  // the restored reservation let sc succeed
  EXPECT_EQ(bus.peek(kRamBase + 0x4000, 8), 9u);
}

// ---- S/U modes, virtual memory, F/D, PMP, triggers ---------------------------------

namespace csr = iss::csr;

constexpr uint64_t kSv39 = uint64_t{8} << 60;
constexpr uint64_t kMstatusFsInitial = uint64_t{1} << iss::kMstatusFsShift;
// Sdtrig mcontrol (Debug spec 5.7.3): type 2 in the top four bits, the
// execute/store/load bits and one bit per privilege.
constexpr uint64_t kMcontrol = uint64_t{2} << 60;
constexpr uint64_t kMcontrol6 = uint64_t{6} << 60;
constexpr uint64_t kTrigLoad = 1, kTrigStore = 2, kTrigExecute = 4, kTrigU = 8, kTrigS = 16,
                   kTrigM = 64;

// Sv39 page tables in a TestBus: a root page, further tables allocated
// after it (Privileged spec 4.4.1).
class Sv39Tables {
 public:
  Sv39Tables(TestBus& bus, uint64_t root) : bus_(bus), root_(root), next_(root + kPageSize) {}
  static uint64_t entry(uint64_t pa, uint64_t flags) { return ((pa >> 12) << 10) | flags; }
  // Maps the 4 KiB page at `va`; returns the address of its leaf PTE.
  uint64_t map(uint64_t va, uint64_t pa, uint64_t flags) {
    uint64_t table = root_;
    for (unsigned level = 2; level > 0; --level) {
      const uint64_t addr = table + ((va >> (12 + 9 * level)) & 0x1ff) * 8;
      uint64_t e = bus_.peek(addr, 8);
      if ((e & 1) == 0) {
        e = entry(next_, 1);
        next_ += kPageSize;
        bus_.poke(addr, 8, e);
      }
      table = (e >> 10) << 12;
    }
    const uint64_t leaf = table + ((va >> 12) & 0x1ff) * 8;
    bus_.poke(leaf, 8, entry(pa, flags));
    return leaf;
  }
  uint64_t satp(uint64_t asid) const { return kSv39 | asid << 44 | root_ >> 12; }

 private:
  TestBus& bus_;
  uint64_t root_;
  uint64_t next_;
};

constexpr uint64_t kPteV = 1, kPteR = 2, kPteW = 4, kPteX = 8, kPteU = 16, kPteA = 64;

// A user program under Sv39 using F/D, with an M-mode handler that counts
// traps, remaps one user page (sfence.vma) on each ecall and uses F
// itself. PMP keeps user mode out of the machine code.
struct UserFpMachine {
  static constexpr uint64_t kRamSize = 256 * 1024;
  static constexpr uint64_t kHandler = kRamBase + 0x100;
  static constexpr uint64_t kTables = kRamBase + 0x10000;
  static constexpr uint64_t kCodePa = kRamBase + 0x20000;
  static constexpr uint64_t kDataPa = kRamBase + 0x21000;
  static constexpr uint64_t kFlipPa = kRamBase + 0x22000;  // or the page after it
  static constexpr uint64_t kCodeVa = 0x400000;
  static constexpr uint64_t kDataVa = 0x600000;
  static constexpr uint64_t kFlipVa = 0x601000;
  static constexpr uint64_t kTriggerVa = kCodeVa + 20 * 4;  // the nop before ecall

  static Program user_code() {
    return {
        fld(f1, s0, 0),           // 0  loop:
        fld(f2, s0, 8),           // 1
        fmadd_d(f3, f1, f2, f3),  // 2
        fdiv_d(f4, f3, f2),       // 3
        fsqrt_d(f5, f4),          // 4
        fadd_d(f1, f1, f5),       // 5
        fsd(f1, s0, 0),           // 6
        fcvt_l_d(t0, f3),         // 7
        add(a0, a0, t0),          // 8
        flw(f6, s0, 16),          // 9
        fadd_s(f7, f7, f6),       // 10
        fsw(f7, s0, 20),          // 11
        andi(t1, s1, 0xff),       // 12
        slli(t1, t1, 3),          // 13
        add(t1, t1, s6),          // 14
        ld(t5, t1, 0),            // 15
        add(a0, a0, t5),          // 16
        sd(a0, t1, 0),            // 17
        andi(t1, s1, 31),         // 18
        bne(t1, zero, 12),        // 19 -> 22
        nop(),                    // 20 (an execute trigger may sit here)
        ecall(),                  // 21
        addi(s1, s1, -1),         // 22
        bne(s1, zero, -22 * 4),   // 23 -> loop
        jal(zero, 0),             // 24
    };
  }
  // Each trap: count it (s2) and its cause (s4), return after the
  // instruction; an ecall also remaps kFlipVa to the other frame.
  static Program handler_code() {
    return {
        csrr(t4, csr::k_mcause),  // 0
        add(s4, s4, t4),          // 1
        csrr(t2, csr::k_mepc),    // 2
        addi(t2, t2, 4),          // 3
        csrw(csr::k_mepc, t2),    // 4
        addi(s2, s2, 1),          // 5
        addi(t2, zero, 8),        // 6
        bne(t4, t2, 20),          // 7 -> 12
        ld(t3, s3, 0),            // 8
        xori(t3, t3, 0x400),      // 9  PPN bit 0
        sd(t3, s3, 0),            // 10
        sfence_vma(zero, zero),   // 11
        fadd_d(f31, f31, f2),     // 12
        mret(),                   // 13
    };
  }

  explicit UserFpMachine(bool trigger) : bus(kRamSize), hart({}, bus) {
    bus.load(kRamBase, {mret()});
    bus.load(kHandler, handler_code());
    bus.load(kCodePa, user_code());
    Sv39Tables pt(bus, kTables);
    pt.map(kCodeVa, kCodePa, kPteV | kPteR | kPteX | kPteU | kPteA);
    pt.map(kDataVa, kDataPa, kPteV | kPteR | kPteW | kPteU);  // A/D set by the walk
    flip_pte = pt.map(kFlipVa, kFlipPa, kPteV | kPteR | kPteW | kPteU);
    bus.poke(kDataPa, 8, 0x3ff4000000000000);      // 1.25
    bus.poke(kDataPa + 8, 8, 0x3ff0000000000001);  // 1 + 2^-52
    bus.poke(kDataPa + 16, 4, 0x3dcccccd);         // 0.1f

    auto w = [&](uint16_t n, uint64_t v) { ASSERT_TRUE(hart.write_csr(n, v)) << n; };
    // Entry 0: nothing below the page tables for S and U (TOR); entry 1:
    // everything else.
    w(csr::k_pmpaddr + 0, kTables >> 2);
    w(csr::k_pmpaddr + 1, (uint64_t{1} << 53) - 1);
    w(csr::k_pmpcfg + 0, 0x08 | 0x1f << 8);
    w(csr::k_satp, pt.satp(0x99));
    w(csr::k_mtvec, kHandler);
    w(csr::k_stvec, kRamBase + 0x3000);  // unused: nothing is delegated
    w(csr::k_sscratch, 0x5c5c);
    w(csr::k_frm, 2);  // round down
    w(csr::k_mepc, kCodeVa);
    w(csr::k_mstatus, kMstatusFsInitial);  // MPP = U
    if (trigger) {
      w(csr::k_tselect, 0);
      w(csr::k_tdata1, kMcontrol | kTrigExecute | kTrigU);
      w(csr::k_tdata2, kTriggerVa);
    }
    hart.set_reg(s0, kDataVa);
    hart.set_reg(s1, 100000);
    hart.set_reg(s6, kFlipVa);
    hart.set_reg(s3, flip_pte);
    hart.set_freg(7, 0xffffffff00000000);  // +0.0f, NaN-boxed
  }

  TestBus bus;
  iss::Hart hart;
  uint64_t flip_pte = 0;
};

// f registers, S-mode CSRs, delegation, PMP, triggers, privilege and the
// rest are in the saved state and come back on restore.
TEST(Snapshot, SavedStateHoldsSupervisorFloatingPointPmpAndTriggerState) {
  Machine m({mret(), jal(zero, 0)});
  iss::Hart& h = m.hart;
  auto w = [&](uint16_t n, uint64_t v) { ASSERT_TRUE(h.write_csr(n, v)) << n; };
  // Privileged spec 3.3.2: mret to S.
  w(csr::k_mepc, kRamBase + 4);
  w(csr::k_mstatus, uint64_t{1} << 11 | iss::kMstatusSum | iss::kMstatusMxr);
  ASSERT_EQ(h.run(1).retired, 1u);
  ASSERT_EQ(h.privilege(), 1u);

  for (unsigned i = 0; i < 32; ++i)
    h.set_freg(i, i % 2 ? 0x4000000000000000 + i : 0xffffffff00000000 | (0x01010101u * i));
  w(csr::k_fcsr, 3 << 5 | 0x15);
  w(csr::k_stvec, kRamBase + 0x201);
  w(csr::k_sepc, 0x80001234);
  w(csr::k_scause, 0x8000000000000005);
  w(csr::k_stval, 0xdeadbeef);
  w(csr::k_sscratch, 0x5151);
  w(csr::k_scounteren, 5);
  w(csr::k_senvcfg, 1);
  const uint64_t satp = kSv39 | uint64_t{0x42} << 44 | 0x80010;
  w(csr::k_satp, satp);
  w(csr::k_medeleg, 0xb1ff);
  w(csr::k_mideleg, 0x222);
  w(csr::k_menvcfg, iss::kMenvcfgStce | iss::kMenvcfgFiom);
  w(csr::k_stimecmp, 0x123456);
  w(csr::k_mcounteren, 7);
  w(csr::k_mie, 0x2aa);
  w(csr::k_mip, iss::kIrqSsi);
  h.set_interrupt(iss::Interrupt::MachineExternal, true);
  w(csr::k_mcountinhibit, 4);
  // PMP: TOR below 0x80010000 with no permissions, NAPOT everything RWX, a
  // locked NA4 word read-only.
  w(csr::k_pmpaddr + 0, (kRamBase + 0x10000) >> 2);
  w(csr::k_pmpaddr + 1, (uint64_t{1} << 53) - 1);
  w(csr::k_pmpaddr + 2, 0x1000 >> 2);
  w(csr::k_pmpcfg + 0, 0x08 | 0x1f << 8 | 0x91 << 16);
  // Triggers: a store watch on 1, an execute trigger (mcontrol6) on 2.
  w(csr::k_tselect, 1);
  w(csr::k_tdata1, kMcontrol | kTrigStore | kTrigM | kTrigS | kTrigU);
  w(csr::k_tdata2, kRamBase + 0x4000);
  uint64_t tdata1_of_1 = 0;
  ASSERT_TRUE(h.read_csr(csr::k_tdata1, tdata1_of_1));
  w(csr::k_tselect, 2);
  w(csr::k_tdata1, kMcontrol6 | kTrigExecute | kTrigU);
  w(csr::k_tdata2, 0x400000);

  const HartState s = h.save_state();
  EXPECT_EQ(s.priv, 1u);
  EXPECT_EQ(s.pc, kRamBase + 4);
  for (unsigned i = 0; i < 32; ++i) EXPECT_EQ(s.f[i], h.freg(i)) << i;
  EXPECT_EQ(s.f[3], 0x4000000000000003u);
  EXPECT_EQ(s.f[4], 0xffffffff04040404u);
  EXPECT_EQ(s.fflags, 0x15u);
  EXPECT_EQ(s.frm, 3u);
  EXPECT_EQ(s.mstatus & iss::kMstatusFs, iss::kMstatusFs);  // dirty
  EXPECT_NE(s.mstatus & iss::kMstatusSum, 0u);
  EXPECT_NE(s.mstatus & iss::kMstatusMxr, 0u);
  EXPECT_EQ(s.stvec, kRamBase + 0x201);
  EXPECT_EQ(s.sepc, 0x80001234u);
  EXPECT_EQ(s.scause, 0x8000000000000005u);
  EXPECT_EQ(s.stval, 0xdeadbeefu);
  EXPECT_EQ(s.sscratch, 0x5151u);
  EXPECT_EQ(s.scounteren, 5u);
  EXPECT_EQ(s.senvcfg, 1u);
  EXPECT_EQ(s.satp, satp);
  EXPECT_EQ(s.medeleg, 0xb1ffu);
  EXPECT_EQ(s.mideleg, 0x222u);
  EXPECT_EQ(s.menvcfg, iss::kMenvcfgStce | iss::kMenvcfgFiom);
  EXPECT_EQ(s.stimecmp, 0x123456u);
  EXPECT_EQ(s.mcounteren, 7u);
  EXPECT_EQ(s.mie, 0x2aau);
  EXPECT_EQ(s.mip, iss::kIrqSsi);
  EXPECT_EQ(s.irq_lines, iss::kIrqMei);
  EXPECT_EQ(s.mcountinhibit, 4u);
  EXPECT_EQ(s.pmp.cfg[0], 0x08u);
  EXPECT_EQ(s.pmp.cfg[1], 0x1fu);
  EXPECT_EQ(s.pmp.cfg[2], 0x91u);
  EXPECT_EQ(s.pmp.addr[0], (kRamBase + 0x10000) >> 2);
  EXPECT_EQ(s.pmp.addr[1], (uint64_t{1} << 53) - 1);
  EXPECT_EQ(s.pmp.addr[2], 0x400u);
  EXPECT_EQ(s.tselect, 2u);
  EXPECT_EQ(s.triggers[1].tdata1, tdata1_of_1);
  EXPECT_EQ(s.triggers[1].tdata1 & (kTrigStore | kTrigLoad | kTrigExecute), kTrigStore);
  EXPECT_EQ(s.triggers[1].tdata2, kRamBase + 0x4000);
  EXPECT_EQ(s.triggers[2].tdata1 >> 60, 6u);
  EXPECT_EQ(s.triggers[2].tdata2, 0x400000u);

  // Into a fresh hart whose PMP has a locked entry that forbids everything:
  // a restore replaces the state, it does not write CSRs.
  TestBus bus;
  iss::Hart copy({}, bus);
  ASSERT_TRUE(copy.write_csr(csr::k_pmpaddr + 0, (uint64_t{1} << 53) - 1));
  ASSERT_TRUE(copy.write_csr(csr::k_pmpcfg + 0, 0x98));
  copy.restore_state(s);
  expect_same_state(copy.save_state(), s);
  EXPECT_EQ(copy.privilege(), 1u);
  EXPECT_EQ(copy.pc(), kRamBase + 4);
  for (unsigned i = 0; i < 32; ++i) EXPECT_EQ(copy.freg(i), s.f[i]) << i;
  // And as the CSRs show it.
  const std::vector<uint16_t> csrs = {csr::k_fflags,
                                      csr::k_frm,
                                      csr::k_fcsr,
                                      csr::k_sstatus,
                                      csr::k_sie,
                                      csr::k_stvec,
                                      csr::k_scounteren,
                                      csr::k_senvcfg,
                                      csr::k_sscratch,
                                      csr::k_sepc,
                                      csr::k_scause,
                                      csr::k_stval,
                                      csr::k_sip,
                                      csr::k_satp,
                                      csr::k_stimecmp,
                                      csr::k_mstatus,
                                      csr::k_medeleg,
                                      csr::k_mideleg,
                                      csr::k_mie,
                                      csr::k_mip,
                                      csr::k_mtvec,
                                      csr::k_mcounteren,
                                      csr::k_menvcfg,
                                      csr::k_mcountinhibit,
                                      csr::k_minstret,
                                      csr::k_mcycle,
                                      csr::k_tselect,
                                      csr::k_tdata1,
                                      csr::k_tdata2,
                                      static_cast<uint16_t>(csr::k_pmpcfg + 0),
                                      static_cast<uint16_t>(csr::k_pmpaddr + 0),
                                      static_cast<uint16_t>(csr::k_pmpaddr + 1),
                                      static_cast<uint16_t>(csr::k_pmpaddr + 2)};
  for (uint16_t n : csrs) {
    uint64_t want = 0, got = 0;
    ASSERT_TRUE(h.read_csr(n, want)) << n;
    ASSERT_TRUE(copy.read_csr(n, got)) << n;
    EXPECT_EQ(got, want) << iss::csr_name(n);
  }
}

// Runs `original` into user mode, snapshots it there, runs it on, and
// checks that a fresh hart restored from the snapshot, and the original
// rewound to it, reach the same state.
void expect_user_mode_continuation(bool trigger) {
  UserFpMachine original(trigger);
  ASSERT_EQ(original.hart.run(30011).reason, iss::StopReason::BudgetSpent);
  while (original.hart.privilege() != 0) ASSERT_EQ(original.hart.run(1).retired, 1u);
  const HartState snapshot = original.hart.save_state();
  const std::vector<uint8_t> ram = original.bus.ram;
  ASSERT_EQ(snapshot.priv, 0u);
  ASSERT_EQ(snapshot.satp >> 60, 8u);
  ASSERT_NE(snapshot.mstatus & iss::kMstatusFs, 0u);
  ASSERT_GT(original.hart.reg(s2), 10u);  // traps were taken before

  constexpr uint64_t kMore = 47000;
  ASSERT_EQ(original.hart.run(kMore).retired, kMore);
  const HartState expected = original.hart.save_state();
  const std::vector<uint8_t> expected_ram = original.bus.ram;
  EXPECT_GT(expected.x[s2], snapshot.x[s2] + 40);
  EXPECT_GT(snapshot.x[s1] - expected.x[s1], 1500u);  // loop iterations
  EXPECT_NE(expected.f[1], snapshot.f[1]);
  EXPECT_NE(expected.f[7], snapshot.f[7]);
  EXPECT_NE(expected.fflags, 0u);
  // The handler remapped the user page an odd number of times since the
  // snapshot, so translations cached after it are wrong for it.
  uint64_t flip_at_snapshot = 0;
  std::memcpy(&flip_at_snapshot, ram.data() + (original.flip_pte - kRamBase), 8);
  ASSERT_NE(original.bus.peek(original.flip_pte, 8), flip_at_snapshot);
  // Traps are ecalls (cause 8) and, with the trigger, as many breakpoints
  // (cause 3) on the instruction before each.
  if (trigger) {
    const uint64_t ecalls = expected.x[s2] / 2;
    const uint64_t breakpoints = expected.x[s2] - ecalls;
    EXPECT_EQ(expected.x[s4], 3 * breakpoints + 8 * ecalls);
  } else {
    EXPECT_EQ(expected.x[s4], 8 * expected.x[s2]);
  }

  // A fresh hart on a copy of the memory.
  TestBus bus(UserFpMachine::kRamSize);
  bus.ram = ram;
  iss::Hart copy({}, bus);
  copy.restore_state(snapshot);
  EXPECT_EQ(copy.privilege(), 0u);
  ASSERT_EQ(copy.run(kMore).retired, kMore);
  expect_same_state(copy.save_state(), expected);
  EXPECT_EQ(registers(copy), registers(original.hart));
  EXPECT_TRUE(bus.ram == expected_ram);

  // The original, rewound: its translation cache holds the later mapping.
  original.bus.ram = ram;
  original.hart.restore_state(snapshot);
  ASSERT_EQ(original.hart.run(kMore).retired, kMore);
  expect_same_state(original.hart.save_state(), expected);
  EXPECT_TRUE(original.bus.ram == expected_ram);
}

TEST(Snapshot, UserModeSv39FloatingPointProgramContinuesIdenticallyAfterRestore) {
  expect_user_mode_continuation(false);
}

TEST(Snapshot, RestoredExecuteTriggerKeepsFiring) { expect_user_mode_continuation(true); }

}  // namespace
}  // namespace rvtlm::test
