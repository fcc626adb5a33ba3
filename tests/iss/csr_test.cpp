// Machine-mode CSRs as guest programs see them (Privileged spec chapter 3,
// Zicsr, Zicntr).
#include "rvtlm/iss/csr.h"

#include <gtest/gtest.h>

#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::HartConfig;
using iss::StopReason;
using iss::Xlen;
namespace csr = iss::csr;

// A hart with machine mode only (no S, U): the tests of mstatus, mie and
// mip below describe that case; S/U behaviour is tested by guest programs.
HartConfig machine_only() {
  HartConfig c;
  c.isa = *iss::Isa::parse("rv64imac");
  return c;
}

// Runs `m` until its program ends with wfi.
void run_to_wfi(Machine& m, uint64_t budget = 1000) {
  const iss::RunResult r = m.hart.run(budget);
  ASSERT_EQ(r.reason, StopReason::Wfi) << "pc 0x" << std::hex << m.hart.pc();
}

// Expects that the instruction at `index` of the program trapped as illegal.
void expect_illegal_at(Machine& m, const Program& p, int index) {
  m.hart.run(100);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.csr(csr::k_mcause), iss::kCauseIllegalInstruction);
  EXPECT_EQ(m.csr(csr::k_mepc), kRamBase + program_size(p, index));
  EXPECT_EQ(m.csr(csr::k_mtval), p[static_cast<std::size_t>(index)].bits);
}

TEST(Csr, MisaReportsXlenAndExtensions) {
  const Program p = {csrr(a0, csr::k_misa), wfi()};
  Machine m64(p);
  run_to_wfi(m64);
  EXPECT_EQ(m64.hart.reg(a0), 0x800000000014112du);  // RV64 I M A F D C S U

  Machine m32(p, rv32_config());
  run_to_wfi(m32);
  EXPECT_EQ(m32.hart.reg(a0), 0x4014112du);  // RV32 I M A F D C S U

  HartConfig base;
  base.isa = *iss::Isa::parse("rv64i");
  Machine mi(p, base);
  run_to_wfi(mi);
  EXPECT_EQ(mi.hart.reg(a0), 0x8000000000000100u);
}

TEST(Csr, MhartidComesFromConfig) {
  HartConfig c;
  c.hart_id = 7;
  Machine m({csrr(a0, csr::k_mhartid), csrr(a1, csr::k_mvendorid), wfi()}, c);
  m.hart.set_reg(a1, 99);
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 7u);
  EXPECT_EQ(m.hart.reg(a1), 0u);
}

TEST(Csr, MstatusOnlyMieAndMpieAreWritableAndMppReadsMachine) {
  Machine m({addi(t0, zero, -1), csrw(csr::k_mstatus, t0), csrr(a0, csr::k_mstatus),
             csrw(csr::k_mstatus, zero), csrr(a1, csr::k_mstatus), wfi()},
            machine_only());
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 0x1888u);  // MPP=3, MPIE, MIE
  EXPECT_EQ(m.hart.reg(a1), 0x1800u);  // MPP reads 3 even after writing 0
}

TEST(Csr, MstatusWithSupervisorUserAndFloatingPointHasTheirFieldsWritable) {
  // Besides MIE, MPIE and MPP: SIE, SPIE, SPP, MPRV, SUM, MXR, TVM, TW, TSR
  // and FS; SD summarises FS; UXL and SXL read 64-bit.
  Machine m({addi(t0, zero, -1), csrw(csr::k_mstatus, t0), csrr(a0, csr::k_mstatus), wfi()});
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), (uint64_t{1} << 63) | (uint64_t{0xa} << 32) | 0x7e79aau);
}

TEST(Csr, MppTakesTheLeastPrivilegedModeForAModeNotImplemented) {
  // Privileged spec 3.1.6.1: MPP is WARL; 2 is reserved, S needs S-mode and
  // U needs U-mode. Written after MPP = M, each reads the lowest mode there is.
  const Program p = {csrrs(zero, csr::k_mstatus, t0),
                     csrw(csr::k_mstatus, t1),
                     csrr(a0, csr::k_mstatus),
                     csrrs(zero, csr::k_mstatus, t0),
                     csrw(csr::k_mstatus, t2),
                     csrr(a1, csr::k_mstatus),
                     wfi()};
  const uint64_t mpp = 0x1800;
  const auto run = [&](const char* isa, uint64_t w1, uint64_t w2, uint64_t r1, uint64_t r2) {
    SCOPED_TRACE(isa);
    HartConfig c;
    c.isa = *iss::Isa::parse(isa);
    Machine m(p, c);
    m.hart.set_reg(t0, mpp);
    m.hart.set_reg(t1, w1 << 11);
    m.hart.set_reg(t2, w2 << 11);
    run_to_wfi(m);
    EXPECT_EQ(m.hart.reg(a0) & mpp, r1 << 11);
    EXPECT_EQ(m.hart.reg(a1) & mpp, r2 << 11);
  };
  run("rv64imacsu", 2, 1, 0, 1);  // reserved 2 reads U; S sticks
  run("rv64imacu", 2, 1, 0, 0);   // no S: 2 and 1 read U
  run("rv64imac", 2, 0, 3, 3);    // machine only: always M
}

TEST(Csr, MtvecKeepsItsModeWhenAReservedModeIsWritten) {
  Machine m({csrw(csr::k_mtvec, t0), csrr(a0, csr::k_mtvec), csrw(csr::k_mtvec, t1),
             csrr(a1, csr::k_mtvec), csrw(csr::k_mtvec, t2), csrr(a2, csr::k_mtvec), wfi()});
  m.hart.set_reg(t0, 0x80004001);  // vectored
  m.hart.set_reg(t1, 0x80005002);  // reserved mode 2
  m.hart.set_reg(t2, 0x80006000);  // direct
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 0x80004001u);
  EXPECT_EQ(m.hart.reg(a1), 0x80005001u);
  EXPECT_EQ(m.hart.reg(a2), 0x80006000u);
}

TEST(Csr, MepcClearsBitsBelowInstructionAlignment) {
  const Program p = {csrw(csr::k_mepc, t0), csrr(a0, csr::k_mepc), wfi()};
  Machine with_c(p);
  with_c.hart.set_reg(t0, 0x80000123);
  run_to_wfi(with_c);
  EXPECT_EQ(with_c.hart.reg(a0), 0x80000122u);

  HartConfig no_c;
  no_c.isa.set(iss::Extension::C, false);
  Machine without_c(p, no_c);
  without_c.hart.set_reg(t0, 0x80000123);
  run_to_wfi(without_c);
  EXPECT_EQ(without_c.hart.reg(a0), 0x80000120u);
}

TEST(Csr, MieHasOnlyMachineInterruptBitsWritable) {
  Machine m({addi(t0, zero, -1), csrw(csr::k_mie, t0), csrr(a0, csr::k_mie), wfi()},
            machine_only());
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 0x888u);
}

TEST(Csr, MipIgnoresCsrWritesAndShowsInterruptLevels) {
  Machine m({addi(t0, zero, -1), csrrw(a0, csr::k_mip, t0), csrr(a1, csr::k_mip),
             csrrc(a2, csr::k_mip, t0), csrr(a3, csr::k_mip), wfi()},
            machine_only());
  m.hart.set_interrupt(iss::Interrupt::MachineTimer, true);
  const iss::RunResult r = m.hart.run(1000);
  // mie is 0, so the pending timer interrupt neither traps nor wakes wfi.
  EXPECT_EQ(r.reason, StopReason::Wfi);
  EXPECT_EQ(r.retired, 6u);
  EXPECT_EQ(m.hart.reg(a0), 0x80u);
  EXPECT_EQ(m.hart.reg(a1), 0x80u);
  EXPECT_EQ(m.hart.reg(a2), 0x80u);
  EXPECT_EQ(m.hart.reg(a3), 0x80u);
}

TEST(Csr, MipReadModifyWriteTakesOnlyTheSoftwareWritableSeip) {
  // Privileged spec 3.1.9: a read of mip shows SEIP as the software bit OR
  // the controller's signal; CSRRS/CSRRC write back the software bit only.
  Machine m({addi(t0, zero, 2), csrrs(a0, csr::k_mip, t0), csrr(a1, csr::k_mip),
             addi(t1, zero, 0x200), csrrs(zero, csr::k_mip, t1), csrrc(a2, csr::k_mip, t0),
             csrrc(a3, csr::k_mip, t1), csrr(a4, csr::k_mip), wfi()});
  m.hart.set_interrupt(iss::Interrupt::SupervisorExternal, true);
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 0x200u);  // the signal
  EXPECT_EQ(m.hart.reg(a1), 0x202u);  // SSIP set; SEIP still only the signal
  EXPECT_EQ(m.hart.reg(a2), 0x202u);  // software SEIP now set too
  EXPECT_EQ(m.hart.reg(a3), 0x200u);
  EXPECT_EQ(m.hart.reg(a4), 0x200u);  // software SEIP cleared, the signal remains
  m.hart.set_interrupt(iss::Interrupt::SupervisorExternal, false);
  EXPECT_EQ(m.csr(csr::k_mip), 0u);
}

TEST(Csr, MipSetWithTheSignalHighDoesNotLatchSeip) {
  Machine m({addi(t0, zero, 2), csrrs(zero, csr::k_mip, t0), csrrc(zero, csr::k_mip, t0), wfi()});
  m.hart.set_interrupt(iss::Interrupt::SupervisorExternal, true);
  run_to_wfi(m);
  m.hart.set_interrupt(iss::Interrupt::SupervisorExternal, false);
  EXPECT_EQ(m.csr(csr::k_mip), 0u);
}

TEST(Csr, WriteToReadOnlyCsrIsIllegal) {
  for (const uint32_t insn : {csrrw(a0, csr::k_mhartid, t0), csrrw(zero, csr::k_mvendorid, zero),
                              csrrsi(a0, csr::k_marchid, 1), csrrs(a0, csr::k_cycle, t0),
                              csrrc(a0, csr::k_instret, t0)}) {
    SCOPED_TRACE(insn);
    const Program p = {nop(), insn, wfi()};
    Machine m(p);
    m.hart.set_reg(t0, 1);
    m.hart.set_reg(a0, 0x55);
    expect_illegal_at(m, p, 1);
    EXPECT_EQ(m.hart.reg(a0), 0x55u);  // rd is not written
  }
}

TEST(Csr, NonexistentCsrIsIllegal) {
  for (const uint32_t insn :
       {csrr(a0, 0x7c0), csrr(a0, 0x180 /* satp */), csrr(a0, csr::k_mstatush),
        csrr(a0, csr::k_minstreth), csrr(a0, csr::k_cycleh), csrw(0x105 /* stvec */, t0)}) {
    SCOPED_TRACE(insn);
    const Program p = {insn, wfi()};
    Machine m(p, machine_only());
    expect_illegal_at(m, p, 0);
  }
}

TEST(Csr, EnvironmentConfigurationExistsOnlyWithUserMode) {
  // Privileged spec 3.1.18: without U-mode, menvcfg and menvcfgh do not
  // exist (mcounteren neither, 3.1.11).
  for (const uint32_t insn :
       {csrr(a0, csr::k_menvcfg), csrw(csr::k_menvcfg, zero), csrr(a0, csr::k_mcounteren)}) {
    SCOPED_TRACE(insn);
    const Program p = {insn, wfi()};
    Machine m(p, machine_only());
    expect_illegal_at(m, p, 0);
  }
  const Program p32 = {csrr(a0, csr::k_menvcfgh), wfi()};
  HartConfig m32 = machine_only();
  m32.isa = *iss::Isa::parse("rv32imac");
  Machine m(p32, m32);
  expect_illegal_at(m, p32, 0);

  HartConfig with_u;
  with_u.isa = *iss::Isa::parse("rv64imacu");
  Machine u({addi(t0, zero, 1), csrw(csr::k_menvcfg, t0), csrr(a0, csr::k_menvcfg), wfi()}, with_u);
  run_to_wfi(u);
  EXPECT_EQ(u.hart.reg(a0), 1u);  // FIOM
}

// CSR numbers are 12 bits (Privileged spec 2.1): a debugger's wider number
// is no CSR, not the CSR of its low bits.
TEST(Csr, NumbersBeyondTwelveBitsAreNoCsr) {
  Machine m({wfi()});
  uint64_t v = 0;
  EXPECT_TRUE(m.hart.read_csr(csr::k_mscratch, v));
  for (const uint16_t n : {uint16_t{0x1000 | csr::k_mscratch}, uint16_t{0xf000 | csr::k_mstatus},
                           uint16_t{0x1000}, uint16_t{0xffff}}) {
    SCOPED_TRACE(n);
    EXPECT_FALSE(m.hart.read_csr(n, v));
    EXPECT_FALSE(m.hart.write_csr(n, 1));
    EXPECT_EQ(iss::csr_name(n), "");
  }
  EXPECT_EQ(m.csr(csr::k_mscratch), 0u);
  EXPECT_EQ(iss::csr_name(csr::k_mscratch), "mscratch");
  EXPECT_EQ(iss::csr_name(csr::k_pmpaddr + 63), "pmpaddr63");
}

TEST(Csr, ReadingReadOnlyCsrWithoutWriteDoesNotTrap) {
  HartConfig c;
  c.hart_id = 3;
  Machine m({csrrs(a0, csr::k_mhartid, zero), csrrsi(a1, csr::k_mhartid, 0),
             csrrc(a2, csr::k_mhartid, zero), csrrs(a3, csr::k_instret, zero), wfi()},
            c);
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 3u);
  EXPECT_EQ(m.hart.reg(a1), 3u);
  EXPECT_EQ(m.hart.reg(a2), 3u);
  EXPECT_EQ(m.hart.reg(a3), 3u);  // instructions retired before it
}

TEST(Csr, MinstretAndMcycleCountInstructionsRetiredBefore) {
  Machine m({nop(), nop(), nop(), nop(), nop(), csrr(a0, csr::k_minstret), csrr(a1, csr::k_mcycle),
             csrr(a2, csr::k_instret), csrr(a3, csr::k_cycle), wfi()});
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 5u);
  EXPECT_EQ(m.hart.reg(a1), 6u);
  EXPECT_EQ(m.hart.reg(a2), 7u);
  EXPECT_EQ(m.hart.reg(a3), 8u);
  EXPECT_EQ(m.csr(csr::k_minstret), 10u);  // including the wfi
}

TEST(Csr, WrittenCounterValueIsSeenByTheNextInstruction) {
  // Privileged spec 3.1.11: the writing instruction does not increment it.
  Machine m({addi(t0, zero, 100), csrw(csr::k_minstret, t0), csrr(a0, csr::k_minstret), nop(),
             csrr(a1, csr::k_minstret), csrr(a2, csr::k_mcycle), addi(t0, zero, 500),
             csrw(csr::k_mcycle, t0), csrr(a3, csr::k_mcycle), csrr(a4, csr::k_minstret), wfi()});
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 100u);
  EXPECT_EQ(m.hart.reg(a1), 102u);
  EXPECT_EQ(m.hart.reg(a2), 5u);  // mcycle is not affected by the minstret write
  EXPECT_EQ(m.hart.reg(a3), 500u);
  EXPECT_EQ(m.hart.reg(a4), 107u);
}

TEST(Csr, CounterWrittenByDebuggerReadsBackUnchanged) {
  // Hart::write_csr is not an instruction: nothing retires in between.
  Machine m({nop(), nop(), wfi()});
  ASSERT_TRUE(m.hart.write_csr(csr::k_minstret, 1000));
  ASSERT_TRUE(m.hart.write_csr(csr::k_mcycle, 2000));
  EXPECT_EQ(m.csr(csr::k_minstret), 1000u);
  EXPECT_EQ(m.csr(csr::k_mcycle), 2000u);
  run_to_wfi(m);
  EXPECT_EQ(m.csr(csr::k_minstret), 1003u);
  EXPECT_EQ(m.csr(csr::k_mcycle), 2003u);
}

TEST(Csr, McountinhibitFreezesMcycleAndMinstret) {
  Program p = {addi(t0, zero, 7), csrw(csr::k_mcountinhibit, t0)};
  for (int i = 0; i < 10; ++i) p.push_back(nop());
  p.insert(p.end(), {csrr(a0, csr::k_minstret), csrr(a1, csr::k_mcycle),
                     csrr(a2, csr::k_mcountinhibit), csrw(csr::k_mcountinhibit, zero),
                     csrr(a3, csr::k_minstret), csrr(a4, csr::k_mcycle), wfi()});
  Machine m(p);
  run_to_wfi(m);
  // The instruction setting the inhibit bits still counts; the one clearing
  // them does not (CSR writes take effect after the instruction).
  EXPECT_EQ(m.hart.reg(a0), 2u);
  EXPECT_EQ(m.hart.reg(a1), 2u);
  EXPECT_EQ(m.hart.reg(a2), 5u);  // TM (bit 1) is read-only zero
  EXPECT_EQ(m.hart.reg(a3), 2u);
  EXPECT_EQ(m.hart.reg(a4), 3u);
}

TEST(Csr, Rv32HighHalvesOfCounters) {
  Machine m(
      {addi(t0, zero, 5), csrw(csr::k_minstreth, t0), csrr(a0, csr::k_minstreth),
       csrr(a1, csr::k_minstret), csrr(a2, csr::k_instreth), csrr(a3, csr::k_mcycleh),
       csrw(csr::k_minstret, zero), csrr(a4, csr::k_minstret), csrr(a5, csr::k_minstreth), wfi()},
      rv32_config());
  run_to_wfi(m);
  EXPECT_EQ(m.hart.reg(a0), 5u);
  EXPECT_EQ(m.hart.reg(a1), 2u);  // low half continues: retired before, minus the write
  EXPECT_EQ(m.hart.reg(a2), 5u);
  EXPECT_EQ(m.hart.reg(a3), 0u);
  EXPECT_EQ(m.hart.reg(a4), 0u);  // writing minstret replaces only the low half
  EXPECT_EQ(m.hart.reg(a5), 5u);
  EXPECT_EQ(m.csr(csr::k_minstret), 3u);  // XLEN wide
  EXPECT_EQ(m.csr(csr::k_minstreth), 5u);
}

TEST(Csr, TimeIsIllegalWithoutTimeSource) {
  const Program p = {nop(), csrr(a0, csr::k_time), wfi()};
  Machine m(p);
  expect_illegal_at(m, p, 1);
  EXPECT_EQ(m.bus.time_reads, std::vector<uint64_t>{1});
}

TEST(Csr, TimeComesFromTheBusAtTheExactInstruction) {
  Machine m64({nop(), nop(), nop(), csrr(a0, csr::k_time), wfi()});
  m64.bus.time = 0x123456789;
  run_to_wfi(m64);
  EXPECT_EQ(m64.hart.reg(a0), 0x123456789u);
  EXPECT_EQ(m64.bus.time_reads, std::vector<uint64_t>{3});

  const Program p = {nop(), nop(), nop(), csrr(a0, csr::k_time), csrr(a1, csr::k_timeh), wfi()};
  Machine m32(p, rv32_config());
  m32.bus.time = 0x123456789;
  run_to_wfi(m32);
  EXPECT_EQ(m32.hart.reg(a0), 0x23456789u);
  EXPECT_EQ(m32.hart.reg(a1), 1u);
  EXPECT_EQ(m32.bus.time_reads, (std::vector<uint64_t>{3, 4}));

  Machine no_timeh(p);  // timeh exists on RV32 only
  no_timeh.bus.time = 0x123456789;
  expect_illegal_at(no_timeh, p, 4);
}

}  // namespace
}  // namespace rvtlm::test
