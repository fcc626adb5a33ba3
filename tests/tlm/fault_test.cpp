// TLM error responses become access faults with the right cause and mtval.
#include <gtest/gtest.h>

#include <vector>

#include "platform.h"

namespace rvtlm::tlm_test {
namespace {

TEST(Fault, ErrorResponseRaisesAccessFault) {
  TestPlatform platform;
  rvtlm::tlm::HartModule& hart = platform.add_hart();
  platform.recorder.error_addresses = {0x100};
  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p << lw(reg::t1, reg::s0, 0x100);  // load access fault (5)
  p << sw(reg::t1, reg::s0, 0x100);  // store access fault (7)
  p.label("end") << wfi();
  p.j("end");
  // Records mcause and mtval, then skips the faulting instruction.
  p.label("handler") << csrr(reg::t2, csr::mcause) << sw(reg::t2, reg::s0, 0);
  p << csrr(reg::t2, csr::mtval) << sd(reg::t2, reg::s0, 8);
  p << csrr(reg::t2, csr::mepc) << addi(reg::t2, reg::t2, 4) << csrw(csr::mepc, reg::t2);
  p << mret();
  platform.load(0, p);
  sc_core::sc_start();

  EXPECT_EQ(values(platform.recorder.writes_to(0)), (std::vector<uint64_t>{5, 7}));
  EXPECT_EQ(values(platform.recorder.writes_to(8)),
            (std::vector<uint64_t>{kRecorderBase + 0x100, kRecorderBase + 0x100}));
  EXPECT_EQ(hart.statistics().mmio_errors, 2u);
}

TEST(Fault, UnmappedAddressRaisesAccessFault) {
  TestPlatform platform;
  platform.add_hart();
  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.li(reg::s1, 0x40000000);
  p << lw(reg::t1, reg::s1, 0);
  p.label("end") << wfi();
  p.j("end");
  p.label("handler") << csrr(reg::t2, csr::mcause) << sw(reg::t2, reg::s0, 0);
  p << csrr(reg::t2, csr::mtval) << sd(reg::t2, reg::s0, 8);
  p.j("end");
  platform.load(0, p);
  sc_core::sc_start();
  EXPECT_EQ(values(platform.recorder.writes_to(0)), (std::vector<uint64_t>{5}));
  EXPECT_EQ(values(platform.recorder.writes_to(8)), (std::vector<uint64_t>{0x40000000}));
}

}  // namespace
}  // namespace rvtlm::tlm_test
