// Independent simulations on several host threads give the same results as
// one alone (the tsan build runs this test).
#include <gtest/gtest.h>

#include <thread>

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

}  // namespace
}  // namespace rvtlm::iss
