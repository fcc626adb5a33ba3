// The ISS's instrumentation hooks (rvtlm/iss/instrumentation.h), without
// SystemC: counters and callbacks per block and per instruction, memory
// callbacks with virtual and physical addresses, traps and privilege
// changes, and costs charged to the hart.
#include "rvtlm/iss/instrumentation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_asm.h"
#include "test_bus.h"

namespace rvtlm::test {
namespace {

using iss::BlockInstrumentation;
using iss::Hart;

// An instrumenter whose decisions are lambdas, and whose callbacks run
// std::functions kept at stable addresses.
class TestInstrumenter : public iss::Instrumenter {
 public:
  std::function<void(BlockInstrumentation&)> decide;
  std::vector<iss::TrapEvent> traps;
  std::vector<std::pair<unsigned, unsigned>> privilege_changes;
  unsigned started = 0;
  std::vector<iss::StopReason> stopped;

  void instrument(BlockInstrumentation& block) override {
    if (decide) decide(block);
  }
  void trap_taken(Hart&, const iss::TrapEvent& trap) override { traps.push_back(trap); }
  void privilege_changed(Hart&, unsigned from, unsigned to) override {
    privilege_changes.emplace_back(from, to);
  }
  void hart_started(Hart&) override { ++started; }
  void hart_stopped(Hart&, iss::StopReason reason) override { stopped.push_back(reason); }

  using Exec = std::function<void(Hart&, uint64_t)>;
  using After = std::function<void(Hart&, uint64_t, uint64_t)>;
  using Memory = std::function<void(Hart&, uint64_t, const iss::MemoryAccess&)>;
  void* keep(Exec f) { return &exec_.emplace_back(std::move(f)); }
  void* keep(After f) { return &after_.emplace_back(std::move(f)); }
  void* keep(Memory f) { return &memory_.emplace_back(std::move(f)); }
  static void run_exec(Hart& h, uint64_t pc, void* data) { (*static_cast<Exec*>(data))(h, pc); }
  static void run_after(Hart& h, uint64_t pc, uint64_t next, void* data) {
    (*static_cast<After*>(data))(h, pc, next);
  }
  static void run_memory(Hart& h, uint64_t pc, const iss::MemoryAccess& a, void* data) {
    (*static_cast<Memory*>(data))(h, pc, a);
  }

 private:
  std::deque<Exec> exec_;
  std::deque<After> after_;
  std::deque<Memory> memory_;
};

// a0 = RAM + 0x1000; five rounds of: t1 += 1, store t1 to a0, t0 -= 1;
// then spin. Block A (from the start, 6 instructions) runs the first round,
// block B (from `loop`, 4 instructions) the other four, then block C spins.
Program store_loop() {
  return {
      auipc(a0, 1),        // 0
      addi(t0, zero, 5),   // 1
      addi(t1, t1, 1),     // 2  loop:
      sw(t1, a0, 0),       // 3
      addi(t0, t0, -1),    // 4
      bne(t0, zero, -12),  // 5  -> loop
      jal(zero, 0),        // 6  spin
  };
}
constexpr uint64_t kLoop = kRamBase + 8;
constexpr uint64_t kSpin = kRamBase + 24;
constexpr uint64_t kLoopInsns = 6 + 4 * 4;  // instructions before the spin

TEST(Instrumentation, EntryCountersCountBlockExecutions) {
  Machine m(store_loop());
  TestInstrumenter in;
  std::map<uint64_t, uint64_t> entries;  // block pc -> executions
  std::map<uint64_t, std::size_t> sizes;
  in.decide = [&](BlockInstrumentation& b) {
    sizes[b.pc()] = b.size();
    b.add_on_entry(&entries[b.pc()], 1);
  };
  m.hart.add_instrumenter(in);
  const auto r = m.hart.run(kLoopInsns + 3);
  EXPECT_EQ(r.retired, kLoopInsns + 3);
  EXPECT_EQ(entries[kRamBase], 1u);
  EXPECT_EQ(sizes[kRamBase], 6u);
  EXPECT_EQ(entries[kLoop], 4u);
  EXPECT_EQ(sizes[kLoop], 4u);
  EXPECT_EQ(entries[kSpin], 3u);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x1000, 4), 5u);
}

// Runs that end inside blocks execute the rest one instruction at a time, as
// blocks of their own: every instruction is still counted once.
TEST(Instrumentation, EntryCountersAddUpToTheInstructionCountWhateverTheBudgets) {
  for (const uint64_t chunk : {1u, 2u, 3u, 5u, 7u, 1000u}) {
    Machine m(store_loop());
    TestInstrumenter in;
    std::deque<std::pair<uint64_t, std::size_t>> blocks;  // counter, size
    in.decide = [&](BlockInstrumentation& b) {
      auto& block = blocks.emplace_back(0, b.size());
      b.add_on_entry(&block.first, 1);
    };
    m.hart.add_instrumenter(in);
    while (m.hart.retired() < 100) m.hart.run(std::min<uint64_t>(chunk, 100 - m.hart.retired()));
    uint64_t counted = 0;
    for (const auto& [executions, size] : blocks) counted += executions * size;
    EXPECT_EQ(counted, 100u) << "runs of " << chunk;
    EXPECT_EQ(m.bus.peek(kRamBase + 0x1000, 4), 5u);
  }
}

// Counters of instructions are added whole on block entry, and what did
// not run is taken back when a trap or a stop leaves the block early.
TEST(Instrumentation, InstructionCountersAreExactWhenBlocksAreLeftEarly) {
  Machine m({
      addi(t1, t1, 1),   // 0
      lui(a1, 0x10000),  // 1  MMIO
      sw(t1, a1, 0),     // 2  the bus callback halts the hart after it
      addi(t1, t1, 1),   // 3
      lui(a2, 0x20000),  // 4  unmapped
      lw(t2, a2, 0),     // 5  access fault
      addi(t1, t1, 1),   // 6  never runs
      jal(zero, 0),      // 7
  });
  TestInstrumenter in;
  uint64_t insns = 0, stores = 0, weighted = 0;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      b.add_on_execute(i, &insns, 1);
      b.add_on_execute(i, &weighted, i + 1);
      if (b.instruction(i).insn_class == iss::InsnClass::Store) b.add_on_execute(i, &stores, 1);
    }
  };
  m.bus.on_mmio = [&](const BusRecord&) { m.hart.request_halt(); };
  m.hart.add_instrumenter(in);
  auto r = m.hart.run(100);
  EXPECT_EQ(r.reason, iss::StopReason::HaltRequest);
  EXPECT_EQ(r.retired, 3u);
  EXPECT_EQ(insns, 3u);
  EXPECT_EQ(stores, 1u);
  EXPECT_EQ(weighted, 1u + 2 + 3);
  r = m.hart.run(4);  // two, the fault, two of the handler's spin
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(insns, 7u);
  EXPECT_EQ(stores, 1u);
}

TEST(Instrumentation, InstructionHooksRunBeforeEachInstructionWithItsCount) {
  Machine m(store_loop());
  TestInstrumenter in;
  std::vector<std::pair<uint64_t, uint64_t>> seen;  // pc, retired before it
  uint64_t stores = 0;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      b.on_execute(i, TestInstrumenter::run_exec,
                   in.keep(TestInstrumenter::Exec([&](Hart& h, uint64_t pc) {
                     EXPECT_EQ(h.pc(), pc);
                     seen.emplace_back(pc, h.retired());
                   })));
      if (b.instruction(i).insn_class == iss::InsnClass::Store) b.add_on_execute(i, &stores, 1);
    }
  };
  m.hart.add_instrumenter(in);
  m.hart.run(kLoopInsns + 1);
  ASSERT_EQ(seen.size(), kLoopInsns + 1);
  const uint64_t expected_pcs[] = {0, 4, 8, 12, 16, 20, 8, 12, 16, 20};
  for (std::size_t k = 0; k < 10; ++k) {
    EXPECT_EQ(seen[k].first, kRamBase + expected_pcs[k]) << k;
    EXPECT_EQ(seen[k].second, k) << k;
  }
  EXPECT_EQ(seen.back().first, kSpin);
  EXPECT_EQ(stores, 5u);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x1000, 4), 5u);
}

TEST(Instrumentation, DecodedInstructionsDescribeThemselves) {
  Machine m(store_loop());
  TestInstrumenter in;
  std::vector<iss::DecodedInstruction> first_block;
  in.decide = [&](BlockInstrumentation& b) {
    if (b.pc() != kRamBase) return;
    EXPECT_EQ(b.physical_pc(), kRamBase);
    EXPECT_EQ(b.privilege(), 3u);
    for (std::size_t i = 0; i < b.size(); ++i) first_block.push_back(b.instruction(i));
  };
  m.hart.add_instrumenter(in);
  m.hart.run(10);
  ASSERT_EQ(first_block.size(), 6u);
  EXPECT_STREQ(first_block[0].mnemonic, "auipc");
  EXPECT_EQ(first_block[3].insn_class, iss::InsnClass::Store);
  EXPECT_EQ(first_block[3].memory_size, 4u);
  EXPECT_EQ(first_block[3].bits, sw(t1, a0, 0));
  EXPECT_EQ(first_block[5].insn_class, iss::InsnClass::Branch);
  EXPECT_EQ(first_block[5].pc, kRamBase + 20);
  EXPECT_EQ(first_block[5].size, 4u);
}

TEST(Instrumentation, AfterHooksSeeWhereBranchesWent) {
  Machine m(store_loop());
  TestInstrumenter in;
  std::vector<uint64_t> next;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (b.instruction(i).insn_class == iss::InsnClass::Branch)
        b.after_execute(i, TestInstrumenter::run_after,
                        in.keep(TestInstrumenter::After(
                            [&](Hart&, uint64_t, uint64_t n) { next.push_back(n); })));
  };
  m.hart.add_instrumenter(in);
  m.hart.run(kLoopInsns);
  EXPECT_EQ(next, (std::vector<uint64_t>{kLoop, kLoop, kLoop, kLoop, kSpin}));
}

// Machine mode with MPRV: loads and stores are translated (Sv39, as S-mode)
// while instructions are fetched untranslated.
TEST(Instrumentation, MemoryHooksGiveVirtualAndPhysicalAddresses) {
  constexpr uint64_t kVirtual = 0x40000010;
  constexpr uint64_t kPhysicalPage = kRamBase + 0x3000;
  iss::HartConfig config;
  config.pmp_entries = 0;  // S-mode data accesses and the walk may go anywhere
  Machine m(
      {
          lui(a0, 0x40000),    // 0x40000000
          addi(a0, a0, 0x10),  //
          addi(t1, zero, 77),  //
          sw(t1, a0, 0),       // store through the mapping
          lw(t2, a0, 0),       // and load it back
          jal(zero, 0),
      },
      config);
  // Root at +0x5000 -> level 1 at +0x6000 -> level 0 at +0x7000 -> the page.
  const uint64_t root = kRamBase + 0x5000, l1 = kRamBase + 0x6000, l0 = kRamBase + 0x7000;
  m.bus.poke(root + 8 * 1, 8, (l1 >> 12) << 10 | 1);
  m.bus.poke(l1, 8, (l0 >> 12) << 10 | 1);
  m.bus.poke(l0, 8, (kPhysicalPage >> 12) << 10 | 0xc7);  // V R W A D
  ASSERT_TRUE(m.hart.write_csr(iss::csr::k_satp, (uint64_t{8} << 60) | (root >> 12)));
  ASSERT_TRUE(m.hart.write_csr(iss::csr::k_mstatus, (uint64_t{1} << 17) | (uint64_t{1} << 11)));

  TestInstrumenter in;
  std::vector<std::pair<uint64_t, iss::MemoryAccess>> accesses;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (b.instruction(i).memory_size)
        b.on_memory(
            i, TestInstrumenter::run_memory,
            in.keep(TestInstrumenter::Memory([&](Hart&, uint64_t pc, const iss::MemoryAccess& a) {
              accesses.emplace_back(pc, a);
            })));
  };
  m.hart.add_instrumenter(in);
  m.hart.run(6);
  EXPECT_EQ(m.bus.peek(kPhysicalPage + 0x10, 4), 77u);
  EXPECT_EQ(m.hart.reg(t2), 77u);
  ASSERT_EQ(accesses.size(), 2u);
  EXPECT_EQ(accesses[0].first, kRamBase + 12);
  EXPECT_EQ(accesses[0].second.vaddr, kVirtual);
  EXPECT_EQ(accesses[0].second.paddr, kPhysicalPage + 0x10);
  EXPECT_EQ(accesses[0].second.size, 4u);
  EXPECT_TRUE(accesses[0].second.store);
  EXPECT_FALSE(accesses[0].second.load);
  EXPECT_FALSE(accesses[0].second.device);
  EXPECT_EQ(accesses[1].first, kRamBase + 16);
  EXPECT_EQ(accesses[1].second.vaddr, kVirtual);
  EXPECT_EQ(accesses[1].second.paddr, kPhysicalPage + 0x10);
  EXPECT_TRUE(accesses[1].second.load);
  EXPECT_FALSE(accesses[1].second.store);
}

TEST(Instrumentation, MemoryHooksTellDevicesAndAtomicsApart) {
  Machine m({
      auipc(a0, 1),          // RAM + 0x1000
      lui(a1, 0x10000),      // MMIO
      addi(t1, zero, 5),     //
      sd(t1, a0, 8),         // RAM
      sw(t1, a1, 4),         // device
      amoadd_w(t2, t1, a0),  // RAM, read and write
      lbu(t3, a1, 4),        // device
      jal(zero, 0),
  });
  TestInstrumenter in;
  std::vector<iss::MemoryAccess> accesses;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (b.instruction(i).memory_size)
        b.on_memory(
            i, TestInstrumenter::run_memory,
            in.keep(TestInstrumenter::Memory(
                [&](Hart&, uint64_t, const iss::MemoryAccess& a) { accesses.push_back(a); })));
  };
  m.hart.add_instrumenter(in);
  m.hart.run(8);
  ASSERT_EQ(accesses.size(), 4u);
  EXPECT_EQ(accesses[0].vaddr, kRamBase + 0x1008);
  EXPECT_EQ(accesses[0].size, 8u);
  EXPECT_FALSE(accesses[0].device);
  EXPECT_EQ(accesses[1].vaddr, kMmioBase + 4);
  EXPECT_EQ(accesses[1].paddr, kMmioBase + 4);
  EXPECT_TRUE(accesses[1].device);
  EXPECT_TRUE(accesses[1].store);
  EXPECT_EQ(accesses[2].vaddr, kRamBase + 0x1000);
  EXPECT_TRUE(accesses[2].load);
  EXPECT_TRUE(accesses[2].store);
  EXPECT_FALSE(accesses[2].device);
  EXPECT_EQ(accesses[3].size, 1u);
  EXPECT_TRUE(accesses[3].device);
  EXPECT_TRUE(accesses[3].load);
  EXPECT_EQ(m.hart.reg(t3), 5u);
}

TEST(Instrumentation, TrapsAndPrivilegeChangesAreReported) {
  // mret to user code at +0x20, which calls ecall.
  Program p = {auipc(t0, 0), addi(t1, t0, 0x20), csrw(iss::csr::k_mepc, t1), mret()};
  while (program_size(p) < 0x20) p.push_back(nop());
  p.push_back(ecall());
  iss::HartConfig config;
  config.pmp_entries = 0;  // U-mode may fetch anywhere
  Machine m(p, config);
  TestInstrumenter in;
  m.hart.add_instrumenter(in);
  m.hart.run(6);
  EXPECT_EQ(in.started, 1u);
  ASSERT_EQ(in.traps.size(), 1u);
  const iss::TrapEvent& t = in.traps[0];
  EXPECT_EQ(t.cause, 8u);  // environment call from U-mode
  EXPECT_FALSE(t.interrupt);
  EXPECT_EQ(t.epc, kRamBase + 0x20);
  EXPECT_EQ(t.handler, kTrapVector);
  EXPECT_EQ(t.from_privilege, 0u);
  EXPECT_EQ(t.to_privilege, 3u);
  EXPECT_EQ(t.retired, 4u);  // auipc, addi, csrw, mret
  EXPECT_EQ(in.privilege_changes, (std::vector<std::pair<unsigned, unsigned>>{{3, 0}, {0, 3}}));
}

TEST(Instrumentation, StartAndStopAreReported) {
  Machine m({addi(a0, a0, 1), jal(zero, -4)});
  TestInstrumenter in;
  m.hart.add_instrumenter(in);
  m.hart.run(10);
  m.hart.run(10);
  EXPECT_EQ(in.started, 1u);
  m.hart.request_exit(3);
  m.hart.run(10);
  EXPECT_EQ(in.stopped, std::vector<iss::StopReason>{iss::StopReason::ExitRequest});
  m.hart.reset();
  m.hart.run(1);
  EXPECT_EQ(in.started, 2u);
}

TEST(Instrumentation, RemovingTheInstrumenterRestoresPlainBlocks) {
  Machine m(store_loop());
  TestInstrumenter in;
  uint64_t entries = 0;
  in.decide = [&](BlockInstrumentation& b) { b.add_on_entry(&entries, 1); };
  m.hart.add_instrumenter(in);
  m.hart.run(6);
  EXPECT_EQ(entries, 1u);
  m.hart.remove_instrumenter(in);
  m.hart.run(16);
  EXPECT_EQ(entries, 1u);
  EXPECT_EQ(m.bus.peek(kRamBase + 0x1000, 4), 5u);
}

// ---- charges ---------------------------------------------------------------------

// Charges `units` for every instruction, statically.
void charge_every_instruction(TestInstrumenter& in, uint64_t units) {
  in.decide = [units](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i) b.charge(i, units);
  };
}

TEST(Charges, StaticCostsAreExactAtEveryMmioAccess) {
  Program p = {lui(a1, 0x10000)};
  for (int k = 0; k < 10; ++k) p.push_back(addi(t1, t1, 1));
  p.push_back(sw(t1, a1, 0));  // after 11 instructions, mid-block
  for (int k = 0; k < 5; ++k) p.push_back(addi(t1, t1, 1));
  p.push_back(sw(t1, a1, 8));  // after 17
  p.push_back(jal(zero, 0));
  Machine m(p);
  TestInstrumenter in;
  charge_every_instruction(in, 3);
  std::vector<uint64_t> charged_at_access;
  m.bus.on_mmio = [&](const BusRecord& r) {
    charged_at_access.push_back(m.hart.charged_at(r.retired));
  };
  m.hart.add_instrumenter(in);
  m.hart.run(20);
  EXPECT_EQ(charged_at_access, (std::vector<uint64_t>{33, 51}));
  EXPECT_EQ(m.hart.charged(), 60u);
}

TEST(Charges, ATrapTakesBackTheCostsOfWhatDidNotRetire) {
  Machine m({
      addi(t1, t1, 1),
      addi(t1, t1, 1),
      lui(a1, 0x20000),  // unmapped
      lw(t2, a1, 0),     // access fault: the rest of the block never runs
      addi(t1, t1, 1),
      addi(t1, t1, 1),
      jal(zero, 0),
  });
  TestInstrumenter in;
  charge_every_instruction(in, 10);
  m.hart.add_instrumenter(in);
  m.hart.run(5);  // three retire, the load faults, two of the handler's spin
  EXPECT_EQ(m.hart.retired(), 5u);
  EXPECT_EQ(m.hart.pc(), kTrapVector);
  EXPECT_EQ(m.hart.charged(), 50u);
}

TEST(Charges, RunsChargeTheSameWhateverTheBudgets) {
  uint64_t reference = 0;
  for (const uint64_t chunk : {1000u, 1u, 3u, 4u}) {
    Machine m(store_loop());
    TestInstrumenter in;
    in.decide = [](BlockInstrumentation& b) {
      for (std::size_t i = 0; i < b.size(); ++i) b.charge(i, 1 + b.instruction(i).pc % 7);
    };
    m.hart.add_instrumenter(in);
    while (m.hart.retired() < 40) m.hart.run(std::min<uint64_t>(chunk, 40 - m.hart.retired()));
    if (chunk == 1000) reference = m.hart.charged();
    EXPECT_EQ(m.hart.charged(), reference) << "runs of " << chunk;
  }
  EXPECT_GT(reference, 40u);
}

TEST(Charges, TheChargeLimitEndsTheRunAtTheInstructionThatReachesIt) {
  Machine m(store_loop());
  TestInstrumenter in;
  charge_every_instruction(in, 3);
  m.hart.add_instrumenter(in);
  m.hart.set_charge_limit(30);
  auto r = m.hart.run(1000);
  EXPECT_EQ(r.reason, iss::StopReason::BudgetSpent);
  EXPECT_EQ(r.retired, 10u);
  EXPECT_EQ(m.hart.charged(), 30u);
  // A limit not on an instruction boundary: the instruction that passes it is the last.
  m.hart.set_charge_limit(40);
  r = m.hart.run(1000);
  EXPECT_EQ(r.retired, 4u);
  EXPECT_EQ(m.hart.charged(), 42u);
}

TEST(Charges, ChargesFromCallbacksCountAndEndTheRunAfterTheirInstruction) {
  Machine m(store_loop());
  TestInstrumenter in;
  in.decide = [&](BlockInstrumentation& b) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      b.charge(i, 1);
      if (b.instruction(i).insn_class == iss::InsnClass::Store)
        b.on_memory(i, TestInstrumenter::run_memory,
                    in.keep(TestInstrumenter::Memory(
                        [](Hart& h, uint64_t, const iss::MemoryAccess&) { h.charge(100); })));
    }
  };
  m.hart.add_instrumenter(in);
  m.hart.set_charge_limit(150);
  // The second store (instruction 8) charges past 150: the run ends after it.
  const auto r = m.hart.run(1000);
  EXPECT_EQ(r.retired, 8u);
  EXPECT_EQ(m.hart.charged(), 8u + 200u);
  m.hart.set_charge_limit(~uint64_t{0});
  m.hart.run(kLoopInsns - 8);
  EXPECT_EQ(m.hart.charged(), kLoopInsns + 500u);
}

TEST(Charges, ChargesBetweenRunsAndWithoutInstrumentationCount) {
  Machine m(store_loop());
  m.hart.charge(7);
  m.hart.run(5);
  EXPECT_EQ(m.hart.charged(), 7u);
  EXPECT_EQ(m.hart.charged_at(3), 7u);
  m.hart.reset();
  EXPECT_EQ(m.hart.charged(), 0u);
}

}  // namespace
}  // namespace rvtlm::test
