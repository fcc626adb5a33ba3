// Synchronous exceptions: cause, mepc and mtval (Privileged spec 3.1.14-16),
// bus errors as access faults and the misaligned-access policies.
#include <gtest/gtest.h>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::HartConfig;
using iss::MisalignedPolicy;
namespace csr = iss::csr;

struct Trap {
  uint64_t cause;
  uint64_t epc;
  uint64_t tval;
};

// Runs until the hart sits in the trap vector loop; returns the trap.
Trap run_to_trap(Machine& m) {
  m.hart.write_csr(csr::k_mtval, 0xdead);  // must be overwritten
  m.hart.run(200);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  return {m.csr(csr::k_mcause), m.csr(csr::k_mepc), m.csr(csr::k_mtval)};
}

HartConfig with_policy(MisalignedPolicy policy) {
  HartConfig c;
  c.misaligned = policy;
  return c;
}

TEST(Exception, IllegalInstructionReportsItsBits) {
  Machine m({nop(), 0x0000000bu /* custom-0 */, wfi()});
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseIllegalInstruction);
  EXPECT_EQ(t.epc, kRamBase + 4);
  EXPECT_EQ(t.tval, 0x0000000bu);
  EXPECT_EQ(m.csr(csr::k_minstret), 200u);  // the illegal instruction did not retire
}

TEST(Exception, IllegalCompressedInstructionReportsSixteenBits) {
  // c.jr x0 followed by a parcel that must not appear in mtval.
  Machine m({c_nop(), uint16_t{0x8002}, c_li(a0, 5), wfi()});
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseIllegalInstruction);
  EXPECT_EQ(t.epc, kRamBase + 2);
  EXPECT_EQ(t.tval, 0x8002u);
}

TEST(Exception, InstructionOfADisabledExtensionIsIllegal) {
  HartConfig c;
  c.isa.set(iss::Extension::M, false);
  Machine m({mul(a0, a1, a2), wfi()}, c);
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseIllegalInstruction);
  EXPECT_EQ(t.tval, mul(a0, a1, a2));
}

TEST(Exception, EcallFromMachineMode) {
  Machine m({nop(), nop(), ecall(), wfi()});
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseMachineEcall);
  EXPECT_EQ(t.epc, kRamBase + 8);
  EXPECT_EQ(t.tval, 0u);
  EXPECT_EQ(m.csr(csr::k_mstatus) & 0xffffffffu, 0x1800u);  // MIE was 0, so MPIE is 0
}

TEST(Exception, EbreakReportsItsAddress) {
  for (const Program& p : {Program{nop(), ebreak()}, Program{c_nop(), c_ebreak()}}) {
    Machine m(p);
    const Trap t = run_to_trap(m);
    EXPECT_EQ(t.cause, iss::kCauseBreakpoint);
    EXPECT_EQ(t.epc, kRamBase + p[0].len);
    EXPECT_EQ(t.tval, kRamBase + p[0].len);
  }
}

TEST(Exception, BusErrorOnLoadIsLoadAccessFault) {
  Machine m({lui(t1, 0x10000), addi(a0, zero, 7), lw(a0, t1, 0x10), wfi()});
  m.bus.mmio_error = true;
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseLoadAccessFault);
  EXPECT_EQ(t.epc, kRamBase + 8);
  EXPECT_EQ(t.tval, kMmioBase + 0x10);
  EXPECT_EQ(m.hart.reg(a0), 7u);  // rd is not written
  ASSERT_EQ(m.bus.mmio_accesses().size(), 1u);
  EXPECT_EQ(m.bus.mmio_accesses()[0].retired, 2u);
}

TEST(Exception, BusErrorOnStoreIsStoreAccessFault) {
  Machine m({lui(t1, 0x10000), sd(a0, t1, 0x18), wfi()});
  m.bus.mmio_error = true;
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseStoreAccessFault);
  EXPECT_EQ(t.epc, kRamBase + 4);
  EXPECT_EQ(t.tval, kMmioBase + 0x18);
}

TEST(Exception, UnmappedAddressFaults) {
  Machine m({lb(a0, t1, 3), wfi()});
  m.hart.set_reg(t1, kUnmapped);
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseLoadAccessFault);
  EXPECT_EQ(t.tval, kUnmapped + 3);
}

TEST(Exception, FetchFromUnmappedAddressIsInstructionAccessFault) {
  Machine m({nop(), jalr(ra, t1, 0), wfi()});
  m.hart.set_reg(t1, kUnmapped + 0x40);
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseInsnAccessFault);
  EXPECT_EQ(t.epc, kUnmapped + 0x40);
  EXPECT_EQ(t.tval, kUnmapped + 0x40);
  EXPECT_EQ(m.hart.reg(ra), kRamBase + 8);  // the jump itself retired
}

TEST(Exception, MisalignedJumpTargetWithoutCompressedExtension) {
  HartConfig c;
  c.isa.set(iss::Extension::C, false);
  Machine m({nop(), jalr(ra, t1, 2), wfi()}, c);
  m.hart.set_reg(t1, kRamBase + 0x100);
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseInsnMisaligned);
  EXPECT_EQ(t.epc, kRamBase + 4);
  EXPECT_EQ(t.tval, kRamBase + 0x102);
  EXPECT_EQ(m.hart.reg(ra), 0u);  // the jump did not complete
}

TEST(Exception, MisalignedLoadAndStoreTrapUnderTrapPolicy) {
  const struct {
    uint32_t insn;
    uint64_t cause;
    int64_t offset;
  } cases[] = {
      {lw(a0, t1, 1), iss::kCauseLoadMisaligned, 1},
      {lh(a0, t1, 3), iss::kCauseLoadMisaligned, 3},
      {ld(a0, t1, 4), iss::kCauseLoadMisaligned, 4},
      {sw(a0, t1, 2), iss::kCauseStoreMisaligned, 2},
      {sd(a0, t1, 7), iss::kCauseStoreMisaligned, 7},
      {sh(a0, t1, 5), iss::kCauseStoreMisaligned, 5},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.insn);
    Machine m({nop(), c.insn, wfi()}, with_policy(MisalignedPolicy::Trap));
    m.hart.set_reg(t1, kRamBase + 0x4000);
    m.hart.set_reg(a0, 0x1122334455667788);
    const Trap t = run_to_trap(m);
    EXPECT_EQ(t.cause, c.cause);
    EXPECT_EQ(t.epc, kRamBase + 4);
    EXPECT_EQ(t.tval, kRamBase + 0x4000 + static_cast<uint64_t>(c.offset));
    EXPECT_EQ(m.bus.peek(kRamBase + 0x4000, 8), 0u);  // nothing written
    EXPECT_EQ(m.hart.reg(a0), 0x1122334455667788u);
  }
  // The same in MMIO: no bus access at all.
  Machine m({lui(t1, 0x10000), lw(a0, t1, 2), wfi()}, with_policy(MisalignedPolicy::Trap));
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseLoadMisaligned);
  EXPECT_EQ(t.tval, kMmioBase + 2);
  EXPECT_TRUE(m.bus.mmio_accesses().empty());
}

TEST(Exception, MisalignedAccessesAreEmulatedUnderEmulatePolicy) {
  Machine m({ld(a0, t1, 1), sw(a2, t1, 0x13), lh(a1, t1, 0x13), wfi()},
            with_policy(MisalignedPolicy::Emulate));
  m.hart.set_reg(t1, kRamBase + 0x4000);
  m.hart.set_reg(a2, 0xa1b2c3d4);
  m.bus.poke(kRamBase + 0x4000, 8, 0x8877665544332211);
  m.bus.poke(kRamBase + 0x4008, 8, 0x00000000000000ff);
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 0xff88776655443322u);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x4010, 8), 0x00a1b2c3d4000000u);
  EXPECT_EQ(m.hart.reg(a1), 0xffffffffffffc3d4u);
}

TEST(Exception, MisalignedAccessAcrossDmiPageBoundaryIsEmulated) {
  Machine m({ld(a0, t1, -4), sd(a2, t1, -3), lw(a1, t1, -1), wfi()},
            with_policy(MisalignedPolicy::Emulate));
  m.bus.dmi_per_page = true;  // the two pages come from two different grants
  const uint64_t boundary = kRamBase + 0x5000;
  m.hart.set_reg(t1, boundary);
  m.hart.set_reg(a2, 0x0102030405060708);
  m.bus.poke(boundary - 4, 4, 0x44332211);
  m.bus.poke(boundary, 4, 0x88776655);
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 0x8877665544332211u);
  EXPECT_EQ(m.bus.peek(boundary - 4, 8), 0x0203040506070811u);
  EXPECT_EQ(m.hart.reg(a1), 0x03040506u);
  EXPECT_TRUE(m.bus.ram_accesses().empty());  // all through DMI
}

TEST(Exception, MisalignedMmioAccessIsEmulatedWithExactCount) {
  Machine m({lui(t1, 0x10000), nop(), lw(a0, t1, 0x21), sh(a2, t1, 0x31), wfi()},
            with_policy(MisalignedPolicy::Emulate));
  m.hart.set_reg(a2, 0xbeef);
  for (unsigned i = 0; i < 8; ++i) m.bus.mmio[0x20 + i] = static_cast<uint8_t>(0x10 + i);
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 0x14131211u);
  EXPECT_EQ(m.bus.mmio[0x31], 0xef);
  EXPECT_EQ(m.bus.mmio[0x32], 0xbe);
  const std::vector<BusRecord> log = m.bus.mmio_accesses();
  ASSERT_FALSE(log.empty());
  uint64_t loaded = 0, stored = 0;
  for (const BusRecord& r : log) {
    if (r.type == AccessType::Read) {
      EXPECT_EQ(r.retired, 2u);
      EXPECT_TRUE(r.addr >= kMmioBase + 0x21 && r.addr + r.size <= kMmioBase + 0x25);
      loaded += r.size;
    } else {
      EXPECT_EQ(r.retired, 3u);
      EXPECT_TRUE(r.addr >= kMmioBase + 0x31 && r.addr + r.size <= kMmioBase + 0x33);
      stored += r.size;
    }
  }
  EXPECT_EQ(loaded, 4u);
  EXPECT_EQ(stored, 2u);
}

TEST(Exception, MisalignedAtomicsTrapUnderBothPolicies) {
  const struct {
    uint32_t insn;
    uint64_t cause;
  } cases[] = {
      {lr_w(a0, t1), iss::kCauseLoadMisaligned},
      {lr_d(a0, t1), iss::kCauseLoadMisaligned},
      {sc_w(a0, a1, t1), iss::kCauseStoreMisaligned},
      {sc_d(a0, a1, t1), iss::kCauseStoreMisaligned},
      {amoadd_w(a0, a1, t1), iss::kCauseStoreMisaligned},
      {amoswap_d(a0, a1, t1), iss::kCauseStoreMisaligned},
  };
  for (const MisalignedPolicy policy : {MisalignedPolicy::Trap, MisalignedPolicy::Emulate}) {
    for (const auto& c : cases) {
      SCOPED_TRACE(c.insn);
      Machine m({nop(), c.insn, wfi()}, with_policy(policy));
      m.hart.set_reg(t1, kRamBase + 0x4002);
      m.hart.set_reg(a0, 0x77);
      m.hart.set_reg(a1, 0x1234);
      const Trap t = run_to_trap(m);
      EXPECT_EQ(t.cause, c.cause);
      EXPECT_EQ(t.epc, kRamBase + 4);
      EXPECT_EQ(t.tval, kRamBase + 0x4002);
      EXPECT_EQ(m.hart.reg(a0), 0x77u);
      EXPECT_EQ(m.bus.peek(kRamBase + 0x4000, 8), 0u);
    }
  }
}

TEST(Exception, AtomicOnBusErrorIsStoreAccessFault) {
  Machine m({lui(t1, 0x10000), amoadd_w(a0, a1, t1), wfi()});
  m.bus.mmio_error = true;
  const Trap t = run_to_trap(m);
  EXPECT_EQ(t.cause, iss::kCauseStoreAccessFault);
  EXPECT_EQ(t.tval, kMmioBase);
}

TEST(Exception, MretReturnsToMepc) {
  Machine m({ecall(), addi(a0, a0, 1), wfi()});
  m.bus.load(kTrapVector, {csrr(t0, csr::k_mepc), addi(t0, t0, 4), csrw(csr::k_mepc, t0), mret()});
  ASSERT_EQ(m.hart.run(100).reason, iss::StopReason::Wfi);
  EXPECT_EQ(m.hart.reg(a0), 1u);
  EXPECT_EQ(m.hart.retired(), 4u + 2);
}

}  // namespace
}  // namespace rvtlm::test
