// Independent simulations on several host threads give the same results as
// one alone (the tsan build runs this test).
#include <gtest/gtest.h>

#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"

namespace rvtlm::iss {
namespace {

using test::TestBus;
using namespace test::enc;

struct Outcome {
  std::vector<uint64_t> regs;
  uint64_t retired = 0;
  std::vector<TestBus::Access> mmio;
};

Outcome simulate(Xlen xlen) {
  TestBus bus;
  bus.load(TestBus::kRam,
           {auipc(3, 8), addi(4, 0, 0), lui(6, 0x40), lw(7, 3, 0), add(5, 5, 7), slli(8, 5, 3),
            xor_(5, 5, 8), addi(5, 5, 13), sw(5, 3, 4), lw(9, 3, 4), add(7, 7, 9), sw(7, 3, 0),
            addi(4, 4, 1), bne(4, 6, -40), lui(2, 0x10000), sw(5, 2, 0), kSpin});
  HartConfig c;
  c.isa = rvtlm::iss::Isa(xlen);
  Hart hart(c, bus);
  while (bus.mmio_log().empty() && hart.retired() < 10'000'000) hart.run(100'000);
  Outcome o;
  for (unsigned r = 0; r < 32; ++r) o.regs.push_back(hart.reg(r));
  o.retired = hart.retired();
  o.mmio = bus.mmio_log();
  return o;
}

TEST(Reentrancy, SimulationsOnFourThreadsMatchASingleRun) {
  for (Xlen xlen : {Xlen::Rv64, Xlen::Rv32}) {
    const Outcome alone = simulate(xlen);
    ASSERT_EQ(alone.mmio.size(), 1u);
    EXPECT_GT(alone.retired, 2'000'000u);
    std::vector<Outcome> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back([&r, xlen] { r = simulate(xlen); });
    for (auto& t : threads) t.join();
    for (const Outcome& r : results) {
      EXPECT_EQ(r.regs, alone.regs);
      EXPECT_EQ(r.retired, alone.retired);
      EXPECT_TRUE(r.mmio == alone.mmio);
    }
  }
}

// ---- user mode under Sv39 (RV64) or Sv32 (RV32), F/D, PMP, ecalls to M ----------

constexpr uint32_t andi(uint32_t rd, uint32_t rs1, int32_t imm) { return i(imm, rs1, 7, rd, 0x13); }
// F/D (Unprivileged spec 11.5, 12.2-12.4), dynamic rounding mode.
constexpr uint32_t fld(uint32_t fd, uint32_t rs1, int32_t imm) { return i(imm, rs1, 3, fd, 0x07); }
constexpr uint32_t fsd(uint32_t fs2, uint32_t rs1, int32_t imm) {
  return s(imm, fs2, rs1, 3, 0x27);
}
constexpr uint32_t fmul_d(uint32_t fd, uint32_t fs1, uint32_t fs2) {
  return r(0x09, fs2, fs1, 7, fd, 0x53);
}
constexpr uint32_t fadd_d(uint32_t fd, uint32_t fs1, uint32_t fs2) {
  return r(0x01, fs2, fs1, 7, fd, 0x53);
}
constexpr uint32_t fcvt_w_d(uint32_t rd, uint32_t fs1) { return r(0x61, 0, fs1, 7, rd, 0x53); }

constexpr uint64_t kHandler = TestBus::kRam + 0x100;
constexpr uint64_t kTables = TestBus::kRam + 0x1000;
constexpr uint64_t kUserCode = TestBus::kRam + 0x4000;
constexpr uint64_t kUserData = TestBus::kRam + 0x5000;
constexpr uint64_t kCodeVa = 0x10000;
constexpr uint64_t kDataVa = 0x20000;
constexpr uint64_t kLoops = 50000;  // a multiple of 16

struct VmOutcome {
  std::vector<uint64_t> regs;
  std::vector<uint64_t> fregs;
  uint64_t retired = 0;
  unsigned privilege = 0;
  uint64_t mcause = 0;
  std::vector<uint8_t> data;
};

// Maps the 4 KiB page at `va` (Sv32: two levels of 1024 4-byte entries;
// Sv39: three of 512 8-byte ones; Privileged spec 4.3.1, 4.4.1).
void map_page(TestBus& bus, Xlen xlen, uint64_t& next, uint64_t va, uint64_t pa, uint64_t flags) {
  const bool sv32 = xlen == Xlen::Rv32;
  const unsigned pte_size = sv32 ? 4 : 8, vpn_bits = sv32 ? 10 : 9, levels = sv32 ? 2 : 3;
  const auto at = [&](uint64_t addr) { return bus.ram.data() + (addr - TestBus::kRam); };
  uint64_t table = kTables;
  for (unsigned level = levels - 1; level > 0; --level) {
    const uint64_t addr =
        table + ((va >> (12 + vpn_bits * level)) & ((1u << vpn_bits) - 1)) * pte_size;
    uint64_t e = 0;
    std::memcpy(&e, at(addr), pte_size);
    if ((e & 1) == 0) {
      e = (next >> 12) << 10 | 1;
      next += 0x1000;
      std::memcpy(at(addr), &e, pte_size);
    }
    table = (e >> 10) << 12;
  }
  const uint64_t leaf = (pa >> 12) << 10 | flags;
  std::memcpy(at(table + ((va >> 12) & ((1u << vpn_bits) - 1)) * pte_size), &leaf, pte_size);
}

// One hart in user mode, run in slices of `slice` instructions until the
// machine-mode handler parks it at wfi.
VmOutcome simulate_vm(Xlen xlen, uint64_t slice) {
  TestBus bus;
  // M: enter user mode; the handler counts ecalls (s2) and stops at the
  // last one or at any other trap.
  bus.load(TestBus::kRam, {kMret});
  bus.load(kHandler, {csrrs(29, csr::k_mcause, 0), addi(7, 0, 8), bne(29, 7, 28),
                      csrrs(7, csr::k_mepc, 0), addi(7, 7, 4), csrrw(0, csr::k_mepc, 7),
                      addi(18, 18, 1), beq(9, 0, 8), kMret, kWfi, kSpin});
  // U: s0 = data, s1 = loops left, a0 = sum; an ecall every 16 loops.
  bus.load(kUserCode, {fld(1, 8, 0), fld(2, 8, 8), fmul_d(3, 1, 2), fadd_d(1, 3, 2), fsd(1, 8, 0),
                       fcvt_w_d(5, 3), add(10, 10, 5), lw(6, 8, 16), add(6, 6, 10), sw(6, 8, 16),
                       addi(9, 9, -1), andi(7, 9, 15), bne(7, 0, 8), kEcall, bne(9, 0, -56)});
  const double one = 1.0, three_quarters = 0.75;
  std::memcpy(bus.ram.data() + (kUserData - TestBus::kRam), &one, 8);
  std::memcpy(bus.ram.data() + (kUserData + 8 - TestBus::kRam), &three_quarters, 8);
  uint64_t next = kTables + 0x1000;
  map_page(bus, xlen, next, kCodeVa, kUserCode, 0x1b);  // V R X U
  map_page(bus, xlen, next, kDataVa, kUserData, 0x17);  // V R W U

  HartConfig c;
  c.isa = rvtlm::iss::Isa(xlen);
  Hart hart(c, bus);
  const bool rv32 = xlen == Xlen::Rv32;
  const uint64_t satp = rv32 ? uint64_t{1} << 31 | 5u << 22 | kTables >> 12
                             : uint64_t{8} << 60 | uint64_t{5} << 44 | kTables >> 12;
  const std::pair<uint16_t, uint64_t> csrs[] = {
      {csr::k_pmpaddr + 0, kTables >> 2},  // TOR: machine code out of reach
      {csr::k_pmpaddr + 1, rv32 ? 0xffffffffu : (uint64_t{1} << 53) - 1},
      {csr::k_pmpcfg + 0, 0x08 | 0x1f << 8},
      {csr::k_satp, satp},
      {csr::k_mtvec, kHandler},
      {csr::k_frm, 1},  // towards zero
      {csr::k_mepc, kCodeVa},
      {csr::k_mstatus, uint64_t{1} << 13},  // MPP = U, FS = Initial
  };
  for (const auto& [number, value] : csrs) EXPECT_TRUE(hart.write_csr(number, value)) << number;
  hart.set_reg(8, kDataVa);
  hart.set_reg(9, kLoops);
  while (hart.retired() < 10'000'000 && hart.run(slice).reason != StopReason::Wfi) {
  }
  VmOutcome o;
  for (unsigned r = 0; r < 32; ++r) o.regs.push_back(hart.reg(r));
  for (unsigned r = 0; r < 32; ++r) o.fregs.push_back(hart.freg(r));
  o.retired = hart.retired();
  o.privilege = hart.privilege();
  hart.read_csr(csr::k_mcause, o.mcause);
  const auto data = bus.ram.begin() + static_cast<std::ptrdiff_t>(kUserData - TestBus::kRam);
  o.data.assign(data, data + 0x1000);
  return o;
}

TEST(Reentrancy, UserModeVirtualMemoryAndFloatingPointOnFourThreadsMatchASingleRun) {
  for (Xlen xlen : {Xlen::Rv64, Xlen::Rv32}) {
    const VmOutcome alone = simulate_vm(xlen, 1'000'000);
    EXPECT_EQ(alone.privilege, 3u);
    EXPECT_EQ(alone.mcause, 8u);  // only ecalls from U reached the handler
    EXPECT_EQ(alone.regs[18], kLoops / 16);
    EXPECT_EQ(alone.regs[9], 0u);
    EXPECT_GT(alone.retired, 14 * kLoops);
    EXPECT_EQ(alone.regs[5], 2u);  // 0.75 * (iterate below 3), towards zero
    std::vector<VmOutcome> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
      threads.emplace_back([&results, t, xlen] { results[t] = simulate_vm(xlen, 1 + 4099 * t); });
    for (auto& t : threads) t.join();
    for (const VmOutcome& r : results) {
      EXPECT_EQ(r.regs, alone.regs);
      EXPECT_EQ(r.fregs, alone.fregs);
      EXPECT_EQ(r.retired, alone.retired);
      EXPECT_EQ(r.privilege, alone.privilege);
      EXPECT_EQ(r.data, alone.data);
    }
  }
}

}  // namespace
}  // namespace rvtlm::iss
