// Independent simulations in one process, each on its own host thread, give
// the same results as one simulation alone (the ISS has no shared mutable
// state). Run under ThreadSanitizer by the tsan preset (label `unit`).
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

constexpr uint32_t fld(uint32_t fd, Reg rs1, int32_t imm) {
  return enc::encode_i(0x07, 3, fd, rs1, imm);
}
constexpr uint32_t fsd(uint32_t fs2, Reg rs1, int32_t imm) {
  return enc::encode_s(0x27, 3, rs1, fs2, imm);
}
// OP-FP with the dynamic rounding mode (Unprivileged spec 12.2-12.4).
constexpr uint32_t op_fp(uint32_t funct7, uint32_t rd, uint32_t rs1, uint32_t rs2) {
  return enc::encode_r(0x53, 7, funct7, rd, rs1, rs2);
}
constexpr uint32_t fadd_d(uint32_t fd, uint32_t fs1, uint32_t fs2) {
  return op_fp(0x01, fd, fs1, fs2);
}
constexpr uint32_t fmul_d(uint32_t fd, uint32_t fs1, uint32_t fs2) {
  return op_fp(0x09, fd, fs1, fs2);
}
constexpr uint32_t fcvt_l_d(Reg rd, uint32_t fs1) { return op_fp(0x61, rd, fs1, 2); }
constexpr uint32_t amoadd_d(Reg rd, Reg rs2, Reg rs1) { return amo(0x00, 3, rd, rs1, rs2); }

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
      fld(1, s0, 0),         // 0 loop:
      fld(2, s0, 8),         // 1
      fmul_d(3, 1, 2),       // 2
      fadd_d(1, 3, 2),       // 3  converges to 3
      fsd(1, s0, 0),         // 4
      fcvt_l_d(t0, 3),       // 5
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

}  // namespace
}  // namespace rvtlm::test
