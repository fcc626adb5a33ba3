// DMI: invalidation in the middle of a run, the DMI hint of b_transport.
#include <gtest/gtest.h>

#include <vector>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::tlm::HartModule;

constexpr uint32_t kData = 0x8000;  // RAM offset of the test data

TEST(Dmi, InvalidationMidRunSendsNextAccessThroughTransport) {
  TestPlatform platform;
  HartModule& hart = platform.add_hart();
  // The recorder's write turns the memory's DMI off, which invalidates the
  // hart's pointer through the router's backward path, during the hart's run.
  platform.recorder.on_write = [&](const RecordingTarget::Record& r) {
    if (r.addr == 0) platform.memory.revoke_dmi();
  };
  Program p;
  p.la(reg::s1, kRamBase + kData);                     // auipc, addi
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));  // lui
  p.li(reg::t1, 5);                                    // addi
  p << sw(reg::t1, reg::s1, 0);                        // 4: through DMI
  p << sw(reg::t1, reg::s0, 0);                        // 5: invalidates
  p << sw(reg::t1, reg::s1, 4);                        // 6: b_transport
  p << lw(reg::t2, reg::s1, 0);                        // 7: b_transport
  p << sw(reg::t2, reg::s0, 8);
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();

  std::vector<Memory::Access> data;
  for (const auto& a : platform.memory.accesses) {
    if (a.addr >= kData) data.push_back(a);
  }
  ASSERT_EQ(data.size(), 2u);
  EXPECT_EQ(data[0].command, ::tlm::TLM_WRITE_COMMAND);
  EXPECT_EQ(data[0].addr, kData + 4);
  EXPECT_EQ(data[0].time, ns(6));
  EXPECT_EQ(data[1].command, ::tlm::TLM_READ_COMMAND);
  EXPECT_EQ(data[1].addr, kData);
  EXPECT_EQ(data[1].time, ns(7));
  EXPECT_EQ(platform.memory.word(kData), 5u);
  EXPECT_EQ(platform.memory.word(kData + 4), 5u);
  EXPECT_EQ(platform.recorder.writes_to(8).at(0).value, 5u);
  EXPECT_EQ(hart.statistics().dmi_invalidations, 1u);
}

TEST(Dmi, HintFromTransportMakesTheHartAskAgain) {
  TestPlatform platform;
  platform.memory.dmi_enabled = false;
  HartModule& hart = platform.add_hart();
  platform.recorder.on_write = [&](const RecordingTarget::Record&) {
    platform.memory.dmi_enabled = true;  // no invalidation: only the hint tells
  };
  Program p;
  p.la(reg::s1, kRamBase + kData);
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p << sw(reg::zero, reg::s1, 0);  // refused: b_transport
  p << sw(reg::zero, reg::s0, 0);  // DMI becomes available
  p << lw(reg::t1, reg::s1, 0);    // b_transport, answered with the DMI hint
  for (int i = 1; i <= 4; ++i) p << sw(reg::zero, reg::s1, 4 * i);  // through DMI
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();

  unsigned data_accesses = 0;
  for (const auto& a : platform.memory.accesses) data_accesses += a.addr >= kData ? 1 : 0;
  EXPECT_EQ(data_accesses, 2u);
  EXPECT_EQ(hart.statistics().dmi_grants, 1u);
  EXPECT_GE(hart.statistics().dmi_refusals, 1u);
}

TEST(Dmi, OffNeverAsksTargets) {
  TestPlatform platform;
  rvtlm::tlm::HartModuleConfig config = TestPlatform::config();
  config.dmi = false;
  HartModule& hart = platform.add_hart(config);
  Program p;
  p.la(reg::s1, kRamBase + kData);
  p << sw(reg::zero, reg::s1, 0) << lw(reg::t1, reg::s1, 0);
  p.label("end") << wfi();
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();
  EXPECT_EQ(platform.memory.dmi_requests, 0u);
  EXPECT_EQ(hart.statistics().dmi_grants + hart.statistics().dmi_refusals, 0u);
  EXPECT_GE(hart.statistics().mmio_reads, 3u);  // fetches and the load
}

}  // namespace
}  // namespace rvtlm::tlm_test
