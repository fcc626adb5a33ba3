// Independent simulations in one process, each on its own host thread, give
// the same results as one simulation alone (the ISS has no shared mutable
// state). Run under ThreadSanitizer by the tsan preset (label `unit`).
#include <gtest/gtest.h>

#include <thread>
#include <vector>

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

}  // namespace
}  // namespace rvtlm::test
