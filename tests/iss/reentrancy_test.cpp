// Independent simulations in one process, each on its own host thread, give
// the same results as one simulation alone (the ISS has no shared mutable
// state), on RV32 and RV64, with and without virtual memory, however the
// runs are sliced. Run under ThreadSanitizer by the tsan preset.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_bus.h"
#include "test_programs.h"

namespace rvtlm::test {
namespace {

constexpr uint64_t kIterations = 200000;  // about 2.7 million instructions

struct Outcome {
  iss::StopReason reason = iss::StopReason::BudgetSpent;
  RegisterFile registers;
  std::vector<BusRecord> mmio;
  std::vector<uint8_t> ram;
};

// One whole simulation, run in slices of `slice` instructions.
Outcome simulate(uint64_t slice) {
  TestBus bus;
  iss::Hart hart({}, bus);
  setup_checksum(bus, hart, kIterations);
  Outcome out;
  do {
    out.reason = hart.run(slice).reason;
  } while (out.reason == iss::StopReason::BudgetSpent);
  out.registers = registers(hart);
  out.mmio = bus.mmio_accesses();
  out.ram = std::move(bus.ram);
  return out;
}

TEST(Reentrancy, FourSimulationsOnFourThreadsMatchASingleThreadedRun) {
  const Outcome reference = simulate(1000000);
  ASSERT_EQ(reference.reason, iss::StopReason::Wfi);
  EXPECT_GT(reference.registers.retired, 13 * kIterations);
  EXPECT_EQ(reference.mmio.size(), kIterations / 64);

  std::vector<Outcome> outcomes(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    // Different slicing per thread: the result must not depend on it.
    threads.emplace_back([&outcomes, i] { outcomes[i] = simulate(997 + 7919 * i); });
  }
  for (std::thread& t : threads) t.join();

  for (const Outcome& o : outcomes) {
    EXPECT_EQ(o.reason, iss::StopReason::Wfi);
    EXPECT_EQ(o.registers, reference.registers);
    EXPECT_EQ(o.mmio, reference.mmio);
    EXPECT_EQ(o.ram, reference.ram);
  }
}

// ---- two harts per simulation, each in user mode under its own page tables,
// using F/D, PMP and an AMO counter they share ---------------------------------------

namespace csr = iss::csr;

constexpr uint64_t kPteV = 1, kPteR = 2, kPteW = 4, kPteX = 8, kPteU = 16;

// Page tables with `levels` levels of 512 8-byte entries (Sv39: 3, Sv48: 4;
// Privileged spec 4.4, 4.5), allocated from `next` onwards.
uint64_t map_page(TestBus& bus, unsigned levels, uint64_t root, uint64_t& next, uint64_t va,
                  uint64_t pa, uint64_t flags) {
  uint64_t table = root;
  for (unsigned level = levels - 1; level > 0; --level) {
    const uint64_t addr = table + ((va >> (12 + 9 * level)) & 0x1ff) * 8;
    uint64_t e = bus.peek(addr, 8);
    if ((e & kPteV) == 0) {
      e = (next >> 12) << 10 | kPteV;
      next += kPageSize;
      bus.poke(addr, 8, e);
    }
    table = (e >> 10) << 12;
  }
  const uint64_t leaf = table + ((va >> 12) & 0x1ff) * 8;
  bus.poke(leaf, 8, (pa >> 12) << 10 | flags);
  return leaf;
}

constexpr uint64_t kVmRamSize = 256 * 1024;
constexpr uint64_t kCodeVa = 0x10000;
constexpr uint64_t kDataVa = 0x20000;
constexpr uint64_t kSharedVa = 0x30000;
constexpr uint64_t kSharedPa = kRamBase + 0x30000;
constexpr uint64_t kCodePa = kRamBase + 0x31000;
constexpr uint64_t kLoops = 40000;

Program user_fp_loop() {
  return {
      fld(f1, s0, 0),        // 0 loop:
      fld(f2, s0, 8),        // 1
      fmul_d(f3, f1, f2),    // 2
      fadd_d(f1, f3, f2),    // 3  converges to 3
      fsd(f1, s0, 0),        // 4
      fcvt_l_d(t0, f3),      // 5
      amoadd_d(t1, a1, s5),  // 6  the counter both harts add to
      add(a0, a0, t1),       // 7
      xor_(a0, a0, t0),      // 8
      sd(a0, s0, 16),        // 9
      addi(s1, s1, -1),      // 10
      bne(s1, zero, -44),    // 11 -> loop
      ecall(),               // 12 to a wfi in machine mode
  };
}

// Hart `id` of a two-hart simulation: own page tables (Sv48 for hart 0,
// Sv39 for hart 1), own data page, the shared code and counter pages; PMP
// keeps user mode below the page tables out; enters user mode by mret and
// ends in machine mode at a wfi.
void prepare_vm_hart(TestBus& bus, iss::Hart& hart, unsigned id) {
  const unsigned levels = id == 0 ? 4 : 3;
  const uint64_t tables = kRamBase + 0x10000 + id * 0x8000;
  const uint64_t data_pa = kRamBase + 0x32000 + id * kPageSize;
  const uint64_t boot = kRamBase + id * 0x100;
  uint64_t next = tables + kPageSize;
  map_page(bus, levels, tables, next, kCodeVa, kCodePa, kPteV | kPteR | kPteX | kPteU);
  map_page(bus, levels, tables, next, kDataVa, data_pa, kPteV | kPteR | kPteW | kPteU);
  map_page(bus, levels, tables, next, kSharedVa, kSharedPa, kPteV | kPteR | kPteW | kPteU);
  bus.poke(data_pa, 8, 0x3ff0000000000000 + id);  // 1.0 (+ ulp on hart 1)
  bus.poke(data_pa + 8, 8, 0x3fe8000000000000);   // 0.75
  bus.load(boot, {mret(), wfi()});

  const uint64_t mode = id == 0 ? 9 : 8;
  const std::pair<uint16_t, uint64_t> csrs[] = {
      {csr::k_pmpaddr + 0, (kRamBase + 0x10000) >> 2},
      {csr::k_pmpaddr + 1, (uint64_t{1} << 53) - 1},
      {csr::k_pmpcfg + 0, 0x08 | 0x1f << 8},  // TOR no access, NAPOT RWX
      {csr::k_satp, mode << 60 | uint64_t{id + 1} << 44 | tables >> 12},
      {csr::k_frm, id == 0 ? 0u : 3u},  // to nearest, up
      {csr::k_mepc, kCodeVa},
      {csr::k_mtvec, boot + 4},
      {csr::k_mstatus, uint64_t{1} << iss::kMstatusFsShift},  // MPP = U, FS = Initial
  };
  for (const auto& [number, value] : csrs) ASSERT_TRUE(hart.write_csr(number, value)) << number;
  hart.set_pc(boot);
  hart.set_reg(s0, kDataVa);
  hart.set_reg(s1, kLoops);
  hart.set_reg(s5, kSharedVa);
  hart.set_reg(a1, 2 * id + 1);
}

struct VmOutcome {
  std::array<RegisterFile, 2> registers;
  std::array<std::array<uint64_t, 32>, 2> fregs{};
  std::array<unsigned, 2> privilege{};
  std::array<uint64_t, 2> mcause{};
  std::array<uint64_t, 2> mepc{};
  std::vector<uint8_t> ram;
};

// Two harts on one bus and coherence domain, run alternately in fixed
// slices (their shared counter makes the interleaving part of the result).
VmOutcome simulate_vm() {
  TestBus bus(kVmRamSize);
  iss::CoherenceDomain domain;
  bus.load(kCodePa, user_fp_loop());
  iss::HartConfig config;
  config.reset_pc = kRamBase;
  std::array<std::unique_ptr<iss::Hart>, 2> harts;
  for (unsigned id = 0; id < 2; ++id) {
    config.hart_id = id;
    harts[id] = std::make_unique<iss::Hart>(config, bus, &domain);
    prepare_vm_hart(bus, *harts[id], id);
  }
  std::array<bool, 2> done{};
  for (unsigned round = 0; round < 1000 && !(done[0] && done[1]); ++round) {
    done[0] = harts[0]->run(997).reason == iss::StopReason::Wfi;
    done[1] = harts[1]->run(1009).reason == iss::StopReason::Wfi;
  }
  VmOutcome out;
  for (unsigned id = 0; id < 2; ++id) {
    out.registers[id] = registers(*harts[id]);
    for (unsigned i = 0; i < 32; ++i) out.fregs[id][i] = harts[id]->freg(i);
    out.privilege[id] = harts[id]->privilege();
    harts[id]->read_csr(csr::k_mcause, out.mcause[id]);
    harts[id]->read_csr(csr::k_mepc, out.mepc[id]);
  }
  out.ram = std::move(bus.ram);
  return out;
}

TEST(Reentrancy, VirtualMemoryFloatingPointAndPmpOnFourThreadsMatchASingleThreadedRun) {
  const VmOutcome reference = simulate_vm();
  for (unsigned id = 0; id < 2; ++id) {
    EXPECT_EQ(reference.privilege[id], 3u);
    EXPECT_EQ(reference.mcause[id], iss::kCauseUserEcall) << "hart " << id;
    EXPECT_EQ(reference.mepc[id], kCodeVa + 48);
    EXPECT_EQ(reference.registers[id].pc, kRamBase + id * 0x100 + 8);
    EXPECT_EQ(reference.registers[id].x[s1], 0u);
    // mret, the loop, wfi (the ecall traps, it does not retire).
    EXPECT_EQ(reference.registers[id].retired, 12 * kLoops + 2);
  }
  uint64_t counter = 0;
  std::memcpy(&counter, reference.ram.data() + (kSharedPa - kRamBase), 8);
  EXPECT_EQ(counter, 4 * kLoops);  // hart 0 adds 1, hart 1 adds 3
  // fcvt.l.d of the iterate near 2.25 under each hart's rounding mode.
  EXPECT_EQ(reference.registers[0].x[t0], 2u);
  EXPECT_EQ(reference.registers[1].x[t0], 3u);

  std::vector<VmOutcome> outcomes(4);
  std::vector<std::thread> threads;
  for (VmOutcome& o : outcomes) threads.emplace_back([&o] { o = simulate_vm(); });
  for (std::thread& t : threads) t.join();
  for (const VmOutcome& o : outcomes) {
    EXPECT_EQ(o.registers, reference.registers);
    EXPECT_EQ(o.fregs, reference.fregs);
    EXPECT_EQ(o.privilege, reference.privilege);
    EXPECT_EQ(o.mcause, reference.mcause);
    EXPECT_EQ(o.mepc, reference.mepc);
    EXPECT_TRUE(o.ram == reference.ram);
  }
}

// ---- RV32: a load/store loop that ends in one MMIO write ----------------------------

struct Rv32Outcome {
  RegisterFile registers;
  std::vector<BusRecord> mmio;
};

Rv32Outcome simulate_rv32() {
  TestBus bus;
  bus.load(kRamBase, {auipc(gp, 8), addi(tp, zero, 0), lui(t1, 0x40), lw(t2, gp, 0),
                      add(t0, t0, t2), slli(s0, t0, 3), xor_(t0, t0, s0), addi(t0, t0, 13),
                      sw(t0, gp, 4), lw(s1, gp, 4), add(t2, t2, s1), sw(t2, gp, 0), addi(tp, tp, 1),
                      bne(tp, t1, -40), lui(sp, 0x10000), sw(t0, sp, 0), jal(zero, 0)});
  iss::Hart hart(rv32_config(), bus);
  while (bus.mmio_accesses().empty() && hart.retired() < 10'000'000) hart.run(100'000);
  return {registers(hart), bus.mmio_accesses()};
}

TEST(Reentrancy, Rv32SimulationsOnFourThreadsMatchASingleRun) {
  const Rv32Outcome alone = simulate_rv32();
  ASSERT_EQ(alone.mmio.size(), 1u);
  EXPECT_GT(alone.registers.retired, 2'000'000u);
  std::vector<Rv32Outcome> results(4);
  std::vector<std::thread> threads;
  for (Rv32Outcome& r : results) threads.emplace_back([&r] { r = simulate_rv32(); });
  for (std::thread& t : threads) t.join();
  for (const Rv32Outcome& r : results) {
    EXPECT_EQ(r.registers, alone.registers);
    EXPECT_EQ(r.mmio, alone.mmio);
  }
}

// ---- one hart in user mode under Sv32 (RV32) or Sv39 (RV64), F/D, PMP, and
// ecalls to machine mode, in slices from one instruction up ----------------------

namespace sliced {

constexpr uint64_t kHandler = kRamBase + 0x100;
constexpr uint64_t kTables = kRamBase + 0x1000;
constexpr uint64_t kUserCode = kRamBase + 0x4000;
constexpr uint64_t kUserData = kRamBase + 0x5000;
constexpr uint64_t kLoops = 50000;  // a multiple of 16

// Sv32: two levels of 1024 4-byte entries (Privileged spec 4.3.1).
void map_page_sv32(TestBus& bus, uint64_t& next, uint64_t va, uint64_t pa, uint64_t flags) {
  const uint64_t pointer = kTables + ((va >> 22) & 0x3ff) * 4;
  uint64_t e = bus.peek(pointer, 4);
  if ((e & kPteV) == 0) {
    e = (next >> 12) << 10 | kPteV;
    next += kPageSize;
    bus.poke(pointer, 4, e);
  }
  bus.poke(((e >> 10) << 12) + ((va >> 12) & 0x3ff) * 4, 4, (pa >> 12) << 10 | flags);
}

struct Outcome {
  RegisterFile registers;
  std::array<uint64_t, 32> fregs{};
  unsigned privilege = 0;
  uint64_t mcause = 0;
  std::vector<uint8_t> data;
};

// Runs in slices of `slice` instructions until the machine-mode handler
// parks the hart at wfi.
Outcome simulate(iss::Xlen xlen, uint64_t slice) {
  TestBus bus;
  // M: enter user mode; the handler counts ecalls (s2) and stops at the
  // last one or at any other trap.
  bus.load(kRamBase, {mret()});
  bus.load(kHandler, {csrr(t4, csr::k_mcause), addi(t2, zero, 8), bne(t4, t2, 28),
                      csrr(t2, csr::k_mepc), addi(t2, t2, 4), csrw(csr::k_mepc, t2),
                      addi(s2, s2, 1), beq(s1, zero, 8), mret(), wfi(), jal(zero, 0)});
  // U: s0 = data, s1 = loops left, a0 = sum; an ecall every 16 loops.
  bus.load(kUserCode,
           {fld(f1, s0, 0), fld(f2, s0, 8), fmul_d(f3, f1, f2), fadd_d(f1, f3, f2), fsd(f1, s0, 0),
            fcvt_w_d(t0, f3), add(a0, a0, t0), lw(t1, s0, 16), add(t1, t1, a0), sw(t1, s0, 16),
            addi(s1, s1, -1), andi(t2, s1, 15), bne(t2, zero, 8), ecall(), bne(s1, zero, -56)});
  bus.poke(kUserData, 8, 0x3ff0000000000000);      // 1.0
  bus.poke(kUserData + 8, 8, 0x3fe8000000000000);  // 0.75
  const bool rv32 = xlen == iss::Xlen::Rv32;
  uint64_t next = kTables + kPageSize;
  const uint64_t code = kPteV | kPteR | kPteX | kPteU, data = kPteV | kPteR | kPteW | kPteU;
  if (rv32) {
    map_page_sv32(bus, next, kCodeVa, kUserCode, code);
    map_page_sv32(bus, next, kDataVa, kUserData, data);
  } else {
    map_page(bus, 3, kTables, next, kCodeVa, kUserCode, code);
    map_page(bus, 3, kTables, next, kDataVa, kUserData, data);
  }

  iss::HartConfig c;
  c.isa = iss::Isa(xlen);
  iss::Hart hart(c, bus);
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
      {csr::k_mstatus, uint64_t{1} << iss::kMstatusFsShift},  // MPP = U, FS = Initial
  };
  for (const auto& [number, value] : csrs) EXPECT_TRUE(hart.write_csr(number, value)) << number;
  hart.set_reg(s0, kDataVa);
  hart.set_reg(s1, kLoops);
  while (hart.retired() < 10'000'000 && hart.run(slice).reason != iss::StopReason::Wfi) {
  }
  Outcome o;
  o.registers = registers(hart);
  for (unsigned i = 0; i < 32; ++i) o.fregs[i] = hart.freg(i);
  o.privilege = hart.privilege();
  hart.read_csr(csr::k_mcause, o.mcause);
  const auto begin = bus.ram.begin() + static_cast<std::ptrdiff_t>(kUserData - kRamBase);
  o.data.assign(begin, begin + kPageSize);
  return o;
}

TEST(Reentrancy, UserModeUnderSv32OrSv39SlicedDifferentlyOnFourThreadsMatchesASingleRun) {
  for (iss::Xlen xlen : {iss::Xlen::Rv64, iss::Xlen::Rv32}) {
    SCOPED_TRACE(xlen == iss::Xlen::Rv32 ? "RV32" : "RV64");
    const Outcome alone = simulate(xlen, 1'000'000);
    EXPECT_EQ(alone.privilege, 3u);
    EXPECT_EQ(alone.mcause, iss::kCauseUserEcall);  // only ecalls from U reached the handler
    EXPECT_EQ(alone.registers.x[s2], kLoops / 16);
    EXPECT_EQ(alone.registers.x[s1], 0u);
    EXPECT_GT(alone.registers.retired, 14 * kLoops);
    EXPECT_EQ(alone.registers.x[t0], 2u);  // 0.75 * (iterate below 3), towards zero
    std::vector<Outcome> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
      threads.emplace_back([&results, t, xlen] { results[t] = simulate(xlen, 1 + 4099 * t); });
    for (std::thread& t : threads) t.join();
    for (const Outcome& r : results) {
      EXPECT_EQ(r.registers, alone.registers);
      EXPECT_EQ(r.fregs, alone.fregs);
      EXPECT_EQ(r.privilege, alone.privilege);
      EXPECT_EQ(r.data, alone.data);
    }
  }
}

}  // namespace sliced

}  // namespace
}  // namespace rvtlm::test
