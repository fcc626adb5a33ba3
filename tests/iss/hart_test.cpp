// The hart's run loop, CSRs, traps, interrupts, memory paths and coherence.
#include "rvtlm/iss/hart.h"

#include <gtest/gtest.h>

#include "rvtlm/iss/csr.h"
#include "test_bus.h"

namespace rvtlm::iss {
namespace {

using test::TestBus;
using namespace test::enc;

constexpr uint64_t kBase = TestBus::kRam;
constexpr uint64_t kHandler = kBase + 0x400;

HartConfig config(Xlen xlen = Xlen::Rv64) {
  HartConfig c;
  c.isa = rvtlm::iss::Isa(xlen);
  c.reset_pc = kBase;
  return c;
}

// Prologue: mtvec = kHandler (x31 scratch). 3 instructions.
std::vector<uint32_t> with_trap_vector(std::vector<uint32_t> body) {
  std::vector<uint32_t> p = {auipc(31, 0), addi(31, 31, 0x400), csrrw(0, csr::k_mtvec, 31)};
  p.insert(p.end(), body.begin(), body.end());
  return p;
}
// The handler records mcause, mepc, mtval in x28..x30 and spins.
const std::vector<uint32_t> kRecordingHandler = {
    csrrs(28, csr::k_mcause, 0), csrrs(29, csr::k_mepc, 0), csrrs(30, csr::k_mtval, 0), kSpin};

struct Fixture {
  explicit Fixture(std::vector<uint32_t> program, HartConfig c = config()) : hart(c, bus) {
    bus.load(kBase, program);
    bus.load(kHandler, kRecordingHandler);
  }
  TestBus bus;
  Hart hart;
};

TEST(RunLoop, RetiresExactlyTheBudget) {
  Fixture f({addi(1, 1, 1), jal(0, -4)});
  for (uint64_t budget : {1, 2, 3, 7, 1000}) {
    f.hart.reset();
    const RunResult r = f.hart.run(budget);
    EXPECT_EQ(r.reason, StopReason::BudgetSpent);
    EXPECT_EQ(r.retired, budget);
    EXPECT_EQ(f.hart.retired(), budget);
    EXPECT_EQ(f.hart.reg(1), (budget + 1) / 2);
  }
}

std::vector<uint32_t> checksum_loop(uint32_t iterations_hi20) {
  // x5 = mix of loads and stores over a data word, `iterations_hi20 << 12` times.
  return {auipc(3, 8),   addi(4, 0, 0), lui(6, iterations_hi20), lw(7, 3, 0),    add(5, 5, 7),
          slli(8, 5, 3), xor_(5, 5, 8), addi(5, 5, 13),          sw(5, 3, 4),    lw(9, 3, 4),
          add(7, 7, 9),  sw(7, 3, 0),   addi(4, 4, 1),           bne(4, 6, -40), lui(2, 0x10000),
          sw(5, 2, 0),   kSpin};
}

TEST(RunLoop, SteppingGivesTheSameStateAsOneRun) {
  Fixture a(checksum_loop(1));
  Fixture b(checksum_loop(1));
  const uint64_t n = 5000;
  ASSERT_EQ(a.hart.run(n).retired, n);
  for (uint64_t i = 0; i < n; ++i) ASSERT_EQ(b.hart.run(1).retired, 1u);
  for (unsigned r = 0; r < 32; ++r) EXPECT_EQ(a.hart.reg(r), b.hart.reg(r)) << "x" << r;
  EXPECT_EQ(a.hart.pc(), b.hart.pc());
  EXPECT_EQ(a.bus.ram, b.bus.ram);
}

TEST(RunLoop, MmioCarriesExactInstructionCount) {
  for (bool dmi : {true, false}) {
    Fixture f({addi(1, 0, 1), addi(1, 1, 1), addi(1, 1, 1), addi(1, 1, 1), addi(1, 1, 1),
               lui(2, 0x10000), sw(1, 2, 0), addi(1, 1, 1), addi(1, 1, 1), addi(1, 1, 1),
               sw(1, 2, 4), lw(3, 2, 8), kSpin});
    f.bus.dmi = dmi;
    f.hart.run(100);
    const auto mmio = f.bus.mmio_log();
    ASSERT_EQ(mmio.size(), 3u) << "dmi " << dmi;
    EXPECT_EQ(mmio[0], (TestBus::Access{TestBus::kMmio, 4, AccessType::Write, 6, 5}));
    EXPECT_EQ(mmio[1], (TestBus::Access{TestBus::kMmio + 4, 4, AccessType::Write, 10, 8}));
    EXPECT_EQ(mmio[2], (TestBus::Access{TestBus::kMmio + 8, 4, AccessType::Read, 11, 0x5a}));
    EXPECT_EQ(f.hart.reg(3), 0x5au);
  }
}

TEST(RunLoop, RamAccessesUseDmiWhenGranted) {
  Fixture f(checksum_loop(1));
  f.hart.run(100000);
  ASSERT_EQ(f.bus.log.size(), 1u);
  EXPECT_EQ(f.bus.log[0].addr, TestBus::kMmio);
  EXPECT_LE(f.bus.dmi_requests, 3u);
}

TEST(RunLoop, RefusedDmiRangeIsNotAskedAgain) {
  Fixture f(checksum_loop(1));
  f.bus.dmi = false;
  f.hart.run(20000);
  EXPECT_GT(f.bus.log.size(), 1000u);
  EXPECT_LE(f.bus.dmi_requests, 3u);
}

TEST(RunLoop, DmiInvalidationInTheMiddleOfABlockSendsTheNextAccessToTheBus) {
  Fixture f({auipc(3, 8), lui(2, 0x10000), lw(4, 3, 0), sw(0, 2, 0), lw(5, 3, 0), kSpin});
  f.bus.on_access = [&](const TestBus::Access& a) {
    if (a.addr == TestBus::kMmio) f.hart.invalidate_dmi(TestBus::kRam, TestBus::kRam + 0xffff);
  };
  f.bus.dmi = true;
  f.hart.run(5);
  ASSERT_EQ(f.bus.log.size(), 1u);  // the first lw went through DMI
  f.bus.dmi = false;                // the bus no longer grants DMI either
  f.hart.reset();
  f.bus.log.clear();
  f.bus.dmi = true;
  Fixture g({auipc(3, 8), lui(2, 0x10000), lw(4, 3, 0), sw(0, 2, 0), lw(5, 3, 0), kSpin});
  g.bus.on_access = [&](const TestBus::Access& a) {
    if (a.addr == TestBus::kMmio) {
      g.bus.dmi = false;
      g.hart.invalidate_dmi(TestBus::kRam, TestBus::kRam + 0xffff);
    }
  };
  g.hart.run(5);
  ASSERT_EQ(g.bus.log.size(), 2u);
  EXPECT_EQ(g.bus.log[1], (TestBus::Access{TestBus::kData, 4, AccessType::Read, 4, 0}));
}

TEST(RunLoop, ExitRequestedByMmioCompletesThatInstruction) {
  Fixture f({addi(1, 0, 1), lui(2, 0x10000), sw(1, 2, 0), addi(9, 0, 9), kSpin});
  f.bus.on_access = [&](const TestBus::Access&) { f.hart.request_exit(7); };
  const RunResult r = f.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::ExitRequest);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(f.hart.exit_code(), 7);
  EXPECT_EQ(f.hart.reg(9), 0u);
}

TEST(RunLoop, HaltRequestedByMmioStopsAfterThatInstruction) {
  Fixture f({lui(2, 0x10000), lw(1, 2, 0), addi(9, 0, 9), kSpin});
  f.bus.on_access = [&](const TestBus::Access&) { f.hart.request_halt(); };
  const RunResult r = f.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::HaltRequest);
  EXPECT_EQ(r.retired, 2u);
  EXPECT_EQ(f.hart.reg(1), 0x5au);
  EXPECT_EQ(f.hart.run(1).retired, 1u);
  EXPECT_EQ(f.hart.reg(9), 9u);
}

TEST(RunLoop, BreakpointStopsBeforeTheInstructionAndResumes) {
  Fixture f({addi(1, 0, 1), addi(2, 0, 2), addi(3, 0, 3), kSpin});
  f.hart.add_breakpoint(kBase + 8);
  RunResult r = f.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Breakpoint);
  EXPECT_EQ(r.retired, 2u);
  EXPECT_EQ(f.hart.pc(), kBase + 8);
  EXPECT_EQ(f.hart.reg(3), 0u);
  r = f.hart.run(1);
  EXPECT_EQ(r.retired, 1u);
  EXPECT_EQ(f.hart.reg(3), 3u);
}

TEST(Traps, WfiSleepsUntilAnInterruptIsPendingAndEnabled) {
  Fixture f(with_trap_vector({addi(1, 0, 0x80), csrrw(0, csr::k_mie, 1),
                              csrrsi(0, csr::k_mstatus, 8), kWfi, addi(7, 0, 1), kSpin}));
  RunResult r = f.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 7u);
  EXPECT_TRUE(f.hart.waiting_for_interrupt());
  r = f.hart.run(100);
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 0u);
  f.hart.set_interrupt(Interrupt::MachineTimer, true);
  r = f.hart.run(3);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(f.hart.reg(28), (uint64_t{1} << 63) | 7);
  EXPECT_EQ(f.hart.reg(29), kBase + 7 * 4);  // the instruction after wfi
  EXPECT_EQ(f.hart.reg(7), 0u);
}

TEST(Traps, InterruptsAreTakenInPriorityOrderAtTheNextInstruction) {
  Fixture f(with_trap_vector({addi(1, 0, 0x7ff), addi(1, 1, 0x89), csrrw(0, csr::k_mie, 1),
                              csrrsi(0, csr::k_mstatus, 8), addi(5, 0, 5), kSpin}));
  f.hart.set_interrupt(Interrupt::MachineTimer, true);
  f.hart.set_interrupt(Interrupt::MachineSoftware, true);
  f.hart.set_interrupt(Interrupt::MachineExternal, true);
  f.hart.run(7 + 3);
  EXPECT_EQ(f.hart.reg(28), (uint64_t{1} << 63) | 11);
  EXPECT_EQ(f.hart.reg(29), kBase + 7 * 4);  // taken right after mstatus.MIE was set
  EXPECT_EQ(f.hart.reg(5), 0u);
}

TEST(Traps, IllegalInstructionReportsItsBits) {
  Fixture f(with_trap_vector({0xffffffff}));
  f.hart.run(3 + 3);
  EXPECT_EQ(f.hart.reg(28), kCauseIllegalInstruction);
  EXPECT_EQ(f.hart.reg(29), kBase + 12);
  EXPECT_EQ(f.hart.reg(30), 0xffffffffu);
  EXPECT_EQ(f.hart.retired(), 6u);  // the illegal instruction does not retire
}

TEST(Traps, CompressedIllegalInstructionReportsSixteenBits) {
  Fixture f(with_trap_vector({0x00000000}));
  f.hart.run(3 + 3);
  EXPECT_EQ(f.hart.reg(28), kCauseIllegalInstruction);
  EXPECT_EQ(f.hart.reg(30), 0u);
}

TEST(Traps, BusErrorsBecomeAccessFaults) {
  Fixture load(with_trap_vector({lui(2, 0x10001), addi(2, 2, -0x7f0), lw(1, 2, 0)}));
  load.hart.run(6 + 3);
  EXPECT_EQ(load.hart.reg(28), kCauseLoadAccessFault);
  EXPECT_EQ(load.hart.reg(30), TestBus::kMmio + 0x810);
  Fixture store(with_trap_vector({lui(2, 0x20000), sw(1, 2, 0)}));
  store.hart.run(5 + 3);
  EXPECT_EQ(store.hart.reg(28), kCauseStoreAccessFault);
  EXPECT_EQ(store.hart.reg(30), 0x20000000u);
}

TEST(Traps, EcallAndEbreak) {
  Fixture e(with_trap_vector({kEcall}));
  e.hart.run(4 + 3);
  EXPECT_EQ(e.hart.reg(28), kCauseMachineEcall);
  Fixture b(with_trap_vector({kEbreak}));
  b.hart.run(4 + 3);
  EXPECT_EQ(b.hart.reg(28), kCauseBreakpoint);
  EXPECT_EQ(b.hart.reg(30), kBase + 12);
}

TEST(Traps, MisalignedAccessesTrapOrAreEmulated) {
  const auto program =
      with_trap_vector({auipc(3, 8), addi(1, 0, 0x123), sw(1, 3, 1), lw(4, 3, 1), kSpin});
  Fixture trap(program);
  trap.hart.run(5 + 3);
  EXPECT_EQ(trap.hart.reg(28), kCauseStoreMisaligned);
  EXPECT_EQ(trap.hart.reg(30), TestBus::kData + 12 + 1);  // auipc is at offset 12
  HartConfig c = config();
  c.misaligned = MisalignedPolicy::Emulate;
  Fixture emulate(program, c);
  emulate.hart.run(7);
  EXPECT_EQ(emulate.hart.reg(4), 0x123u);
  EXPECT_EQ(emulate.bus.word(TestBus::kData + 12), 0x12300u);
}

TEST(Csr, MisaDescribesXlenAndExtensions) {
  Fixture rv64({csrrs(5, csr::k_misa, 0), kSpin});
  rv64.hart.run(1);
  EXPECT_EQ(rv64.hart.reg(5), (uint64_t{2} << 62) | 0x14112d);
  Fixture rv32({csrrs(5, csr::k_misa, 0), kSpin}, config(Xlen::Rv32));
  rv32.hart.run(1);
  EXPECT_EQ(rv32.hart.reg(5), 0x4014112du);
}

TEST(Csr, WriteToReadOnlyCsrIsIllegal) {
  const uint32_t bad = csrrw(5, csr::k_mhartid, 1);
  Fixture f(with_trap_vector({addi(5, 0, 77), bad}));
  f.hart.run(5 + 3);
  EXPECT_EQ(f.hart.reg(28), kCauseIllegalInstruction);
  EXPECT_EQ(f.hart.reg(30), bad);
  EXPECT_EQ(f.hart.reg(5), 77u);
}

TEST(Csr, MstatusKeepsOnlyItsWritableFields) {
  HartConfig machine_only = config();
  machine_only.isa = *Isa::parse("rv64imac");
  Fixture f({addi(1, 0, -1), csrrw(0, csr::k_mstatus, 1), csrrs(5, csr::k_mstatus, 0), kSpin},
            machine_only);
  f.hart.run(3);
  EXPECT_EQ(f.hart.reg(5), kMstatusMie | kMstatusMpie | kMstatusMpp);

  // With S, U and F: the supervisor fields, MPRV, TW and FS are writable too;
  // SD summarises FS, UXL and SXL read 64-bit.
  Fixture full({addi(1, 0, -1), csrrw(0, csr::k_mstatus, 1), csrrs(5, csr::k_mstatus, 0), kSpin});
  full.hart.run(3);
  EXPECT_EQ(full.hart.reg(5), (uint64_t{1} << 63) | (uint64_t{0xa} << 32) | 0x7e79aau);
}

TEST(Csr, WritingMinstretReplacesThatInstructionsIncrement) {
  Fixture f({addi(1, 0, 100), csrrw(0, csr::k_minstret, 1), csrrs(5, csr::k_minstret, 0),
             addi(0, 0, 0), csrrs(6, csr::k_minstret, 0), csrrs(7, csr::k_mcycle, 0), kSpin});
  f.hart.run(6);
  EXPECT_EQ(f.hart.reg(5), 100u);
  EXPECT_EQ(f.hart.reg(6), 102u);
  EXPECT_EQ(f.hart.reg(7), 5u);
}

TEST(Csr, TimeComesFromTheBus) {
  struct TimedBus : TestBus {
    bool read_time(uint64_t retired, uint64_t& v) override {
      v = 1000 + retired;
      return true;
    }
  } bus;
  bus.load(kBase, {addi(0, 0, 0), csrrs(5, csr::k_time, 0), kSpin});
  Hart hart(config(), bus);
  hart.run(2);
  EXPECT_EQ(hart.reg(5), 1001u);
  Fixture none(with_trap_vector({csrrs(5, csr::k_time, 0)}));
  none.hart.run(4 + 3);
  EXPECT_EQ(none.hart.reg(28), kCauseIllegalInstruction);
}

TEST(Coherence, StoreOverLaterInstructionOfTheSameBlockTakesEffect) {
  const uint32_t replacement = addi(5, 0, 42);
  Fixture f({auipc(1, 0), lui(2, (replacement + 0x800) >> 12),
             addi(2, 2, static_cast<int32_t>(replacement << 20) >> 20), sw(2, 1, 20), addi(0, 0, 0),
             addi(5, 0, 1), kSpin});
  f.hart.run(7);
  EXPECT_EQ(f.hart.reg(5), 42u);
}

TEST(Coherence, StoreOverExecutedCodeTakesEffectTheNextTime) {
  // x5 counts iterations; the loop body's `addi x6, x6, 1` is patched to add 100.
  const uint32_t patched = addi(6, 6, 100);
  Fixture f({auipc(1, 0), lui(2, (patched + 0x800) >> 12),
             addi(2, 2, static_cast<int32_t>(patched << 20) >> 20), addi(6, 6, 1), addi(5, 5, 1),
             sw(2, 1, 12), addi(7, 0, 3), bne(5, 7, -16), kSpin});
  f.hart.run(3 + 5 * 3);
  EXPECT_EQ(f.hart.reg(5), 3u);
  EXPECT_EQ(f.hart.reg(6), 201u);
}

TEST(Coherence, InvalidateCodeAfterWritingBehindTheHartsBack) {
  Fixture f({addi(5, 0, 1), kSpin});
  f.hart.run(2);
  EXPECT_EQ(f.hart.reg(5), 1u);
  f.bus.load(kBase, {addi(5, 0, 2)});
  f.hart.invalidate_code(kBase, kBase + 4);
  f.hart.set_pc(kBase);
  f.hart.run(1);
  EXPECT_EQ(f.hart.reg(5), 2u);
}

struct TwoHarts {
  TwoHarts() {
    HartConfig b = config();
    b.hart_id = 1;
    b.reset_pc = kBase + 0x100;
    bus.load(kBase, {lr_w(5, 3), sc_w(6, 7, 3), kSpin});
    bus.load(kBase + 0x100, {sw(8, 4, 0), sw(8, 3, 0), kSpin});
    hart_b = std::make_unique<Hart>(b, bus, &domain);
    hart_a.set_reg(3, TestBus::kData);
    hart_a.set_reg(7, 99);
    hart_b->set_reg(8, 55);
  }
  TestBus bus;
  CoherenceDomain domain;
  Hart hart_a{config(), bus, &domain};
  std::unique_ptr<Hart> hart_b;
};

TEST(Coherence, AnotherHartsStoreBreaksTheReservation) {
  TwoHarts t;
  t.hart_b->set_reg(4, TestBus::kData + 0x20);
  t.hart_b->set_reg(3, TestBus::kData);
  t.hart_b->run(1);  // warm B's write pointer for the page
  t.hart_a.run(1);   // lr
  t.hart_b->run(1);  // store to the reserved word, through B's fast path if it had one
  t.hart_a.run(1);   // sc
  EXPECT_EQ(t.hart_a.reg(6), 1u);
  EXPECT_EQ(t.bus.word(TestBus::kData), 55u);
}

TEST(Coherence, ReservationSurvivesStoresElsewhere) {
  TwoHarts t;
  t.hart_b->set_reg(4, TestBus::kData + 0x20);
  t.hart_b->set_reg(3, TestBus::kData + 0x40);
  t.hart_b->run(1);
  t.hart_a.run(1);
  t.hart_b->run(1);
  t.hart_a.run(1);
  EXPECT_EQ(t.hart_a.reg(6), 0u);
  EXPECT_EQ(t.bus.word(TestBus::kData), 99u);
}

TEST(State, SaveAndRestoreContinueIdentically) {
  Fixture a(checksum_loop(1));
  a.hart.run(1234);
  const HartState st = a.hart.save_state();
  const std::vector<uint8_t> ram = a.bus.ram;
  a.hart.run(5000);
  Fixture b(checksum_loop(1));
  b.bus.ram = ram;
  b.hart.restore_state(st);
  b.hart.run(5000);
  for (unsigned r = 0; r < 32; ++r) EXPECT_EQ(a.hart.reg(r), b.hart.reg(r));
  EXPECT_EQ(a.hart.retired(), b.hart.retired());
  EXPECT_EQ(a.bus.ram, b.bus.ram);
}

}  // namespace
}  // namespace rvtlm::iss
