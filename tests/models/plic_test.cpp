// RISC-V PLIC: reset values, register masks and address errors, claim order,
// level-triggered gateways through claim and complete, per-context enables
// and thresholds, and the exact time eip changes.
#include "rvtlm/models/plic.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scripted_initiator.h"

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;
using sc_core::SC_US;

// Runs `script` from an SC_THREAD; accesses carry a chosen annotated delay.
struct Initiator : test::ScriptedInitiator<Initiator> {
  using ScriptedInitiator::ScriptedInitiator;
  uint32_t read(uint64_t addr, sc_time delay = sc_core::SC_ZERO_TIME, unsigned len = 4) {
    uint64_t v = 0;
    access(tlm::TLM_READ_COMMAND, addr, v, len, delay);
    return static_cast<uint32_t>(v);
  }
  void write(uint64_t addr, uint64_t v, sc_time delay = sc_core::SC_ZERO_TIME, unsigned len = 4) {
    access(tlm::TLM_WRITE_COMMAND, addr, v, len, delay);
  }
  uint32_t debug_read(uint64_t addr) {
    uint64_t v = 0;
    EXPECT_EQ(debug(tlm::TLM_READ_COMMAND, addr, v, 4), 4u);
    return static_cast<uint32_t>(v);
  }
};

using test::Recorder;

using Changes = std::vector<std::pair<sc_time, bool>>;

uint64_t priority(unsigned id) { return Plic::kPriorityBase + 4 * id; }
uint64_t pending(unsigned word) { return Plic::kPendingBase + 4 * word; }
uint64_t enable(unsigned ctx, unsigned word = 0) {
  return Plic::kEnableBase + Plic::kEnableStride * ctx + 4 * word;
}
uint64_t threshold(unsigned ctx) {
  return Plic::kContextBase + Plic::kContextStride * ctx + Plic::kThreshold;
}
uint64_t claim(unsigned ctx) {
  return Plic::kContextBase + Plic::kContextStride * ctx + Plic::kClaim;
}

// A PLIC with every source on a signal the initiator's script drives and
// every eip watched by a recorder.
struct Bench {
  Plic plic;
  Initiator cpu{"cpu"};
  sc_core::sc_vector<sc_core::sc_signal<bool>> irq_line, eip_line;
  sc_core::sc_vector<Recorder> eip_seen;

  explicit Bench(const PlicConfig& config = {})
      : plic("plic", config),
        irq_line("irq_line", config.sources + 1),
        eip_line("eip_line", config.contexts),
        eip_seen("eip_seen", config.contexts) {
    plic.socket.bind(cpu.socket);
    for (unsigned id = 1; id <= config.sources; ++id) plic.irq[id].bind(irq_line[id]);
    for (unsigned c = 0; c < config.contexts; ++c) {
      plic.eip[c].bind(eip_line[c]);
      eip_seen[c].in.bind(eip_line[c]);
    }
  }
};

TEST(Plic, ResetValuesAreZeroAndNothingInterrupts) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    b.irq_line[4].write(true);  // pending, but priority 0 and not enabled
    sc_core::wait(10, SC_NS);
    seen = {cpu.read(priority(1)),  cpu.read(priority(31)), cpu.read(pending(0)),
            cpu.read(enable(0)),    cpu.read(enable(1)),    cpu.read(threshold(0)),
            cpu.read(threshold(1)), cpu.read(claim(0)),     cpu.read(claim(1))};
    EXPECT_EQ(cpu.last, tlm::TLM_OK_RESPONSE);
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{0, 0, 1u << 4, 0, 0, 0, 0, 0, 0}));
  EXPECT_TRUE(b.eip_seen[0].changes.empty());
  EXPECT_TRUE(b.eip_seen[1].changes.empty());
  EXPECT_EQ(b.plic.sources(), 31u);
  EXPECT_EQ(b.plic.contexts(), 2u);
}

TEST(Plic, PendingRegisterReflectsTheLines) {
  Bench b(PlicConfig{40, 1, 3});
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    for (unsigned id : {1, 5, 31, 33, 40}) b.irq_line[id].write(true);
    sc_core::wait(10, SC_NS);
    seen.push_back(cpu.read(pending(0)));
    seen.push_back(cpu.read(pending(1)));
    b.irq_line[5].write(false);
    b.irq_line[40].write(false);
    sc_core::wait(10, SC_NS);
    seen.push_back(cpu.read(pending(0)));
    seen.push_back(cpu.read(pending(1)));
    cpu.write(pending(0), 0);
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{(1u << 1) | (1u << 5) | (1u << 31), (1u << 1) | (1u << 8),
                                         (1u << 1) | (1u << 31), 1u << 1}));
  EXPECT_EQ(b.cpu.last, tlm::TLM_COMMAND_ERROR_RESPONSE);
}

TEST(Plic, PriorityThresholdAndEnableKeepOnlyTheirBits) {
  Bench b(PlicConfig{40, 2, 5});
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(3), 0xffffffff);
    cpu.write(threshold(1), 0xffffffe1);
    cpu.write(enable(0, 0), 0xffffffff);
    cpu.write(enable(0, 1), 0xffffffff);
    cpu.write(enable(0, 2), 0xffffffff);  // beyond the last source
    seen = {cpu.read(priority(3)),  cpu.read(threshold(1)), cpu.read(enable(0, 0)),
            cpu.read(enable(0, 1)), cpu.read(enable(0, 2)), cpu.read(enable(0, 31)),
            cpu.read(enable(1, 0))};
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{31, 1, 0xfffffffe, 0x1ff, 0, 0, 0}));
}

TEST(Plic, OutOfRangeRegistersAreAddressErrors) {
  Bench b;  // 31 sources, 2 contexts
  std::vector<tlm::tlm_response_status> seen;
  b.cpu.script = [&](Initiator& cpu) {
    for (uint64_t addr : {priority(0), priority(32), pending(1), enable(2), threshold(2), claim(2),
                          uint64_t{0x1f0000}}) {
      cpu.read(addr);
      seen.push_back(cpu.last);
    }
    cpu.write(priority(32), 1);
    seen.push_back(cpu.last);
    cpu.read(priority(31));
    seen.push_back(cpu.last);
    cpu.read(claim(1), sc_core::SC_ZERO_TIME, 2);
    seen.push_back(cpu.last);
  };
  sc_core::sc_start(1, SC_US);
  using tlm::TLM_ADDRESS_ERROR_RESPONSE;
  EXPECT_EQ(seen,
            (std::vector<tlm::tlm_response_status>{
                TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE,
                TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE,
                TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE, tlm::TLM_OK_RESPONSE,
                tlm::TLM_GENERIC_ERROR_RESPONSE}));
}

TEST(Plic, ClaimPicksTheHighestPriorityThenTheLowestId) {
  Bench b(PlicConfig{40, 1, 3});
  std::vector<uint32_t> claims;
  b.cpu.script = [&](Initiator& cpu) {
    const std::pair<unsigned, unsigned> prio[] = {{3, 2}, {4, 5}, {7, 5}, {9, 1}, {35, 5}, {36, 7}};
    for (auto [id, p] : prio) {
      cpu.write(priority(id), p);
      b.irq_line[id].write(true);
    }
    cpu.write(enable(0, 0), 0xffffffff);
    cpu.write(enable(0, 1), 0xffffffff);
    sc_core::wait(10, SC_NS);
    for (int i = 0; i < 7; ++i) claims.push_back(cpu.read(claim(0)));
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(claims, (std::vector<uint32_t>{36, 4, 7, 35, 3, 9, 0}));
}

TEST(Plic, ClaimClearsPendingAndLowersEipAtTheClaimTime) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(6), 1);
    cpu.write(enable(0), 1u << 6);
    sc_core::wait(1, SC_US);
    b.irq_line[6].write(true);  // eip rises in the next delta, at 1 us
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(pending(0)));
    seen.push_back(cpu.read(claim(0), sc_time(50, SC_NS)));
    seen.push_back(cpu.read(pending(0), sc_time(60, SC_NS)));
    sc_core::wait(100, SC_NS);
    b.irq_line[6].write(false);
    sc_core::wait(1, SC_US);
    cpu.write(claim(0), 6, sc_time(10, SC_NS));  // the line is low: nothing to re-arm
    seen.push_back(cpu.read(pending(0), sc_time(20, SC_NS)));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{1u << 6, 6, 0, 0}));
  EXPECT_EQ(b.eip_seen[0].changes,
            (Changes{{sc_time(1, SC_US), true}, {sc_time(2050, SC_NS), false}}));
  EXPECT_TRUE(b.eip_seen[1].changes.empty());
}

TEST(Plic, CompleteRearmsALineThatIsStillHigh) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(2), 3);
    cpu.write(enable(0), 1u << 2);
    b.irq_line[2].write(true);
    sc_core::wait(1, SC_US);
    // Claim and complete ahead of SystemC time, as a decoupled hart does.
    seen.push_back(cpu.read(claim(0), sc_time(100, SC_NS)));
    seen.push_back(cpu.read(claim(0), sc_time(150, SC_NS)));  // in claim: nothing else
    cpu.write(claim(0), 2, sc_time(400, SC_NS));
    seen.push_back(cpu.read(pending(0), sc_time(410, SC_NS)));
    seen.push_back(cpu.read(claim(0), sc_time(700, SC_NS)));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{2, 0, 1u << 2, 2}));
  EXPECT_EQ(b.eip_seen[0].changes, (Changes{{sc_time(0, SC_NS), true},
                                            {sc_time(1100, SC_NS), false},
                                            {sc_time(1400, SC_NS), true},
                                            {sc_time(1700, SC_NS), false}}));
}

TEST(Plic, EachContextSeesOnlyItsEnabledSources) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(2), 1);
    cpu.write(priority(3), 1);
    cpu.write(enable(0), 1u << 2);
    cpu.write(enable(1), 1u << 3);
    sc_core::wait(1, SC_US);
    b.irq_line[2].write(true);
    sc_core::wait(1, SC_US);
    b.irq_line[3].write(true);
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(claim(1)));
    seen.push_back(cpu.read(claim(0), sc_time(10, SC_NS)));
    cpu.write(claim(0), 3, sc_time(20, SC_NS));  // not enabled for context 0: ignored
    seen.push_back(cpu.read(pending(0), sc_time(30, SC_NS)));
    cpu.write(claim(1), 3, sc_time(100, SC_NS));
    seen.push_back(cpu.read(pending(0), sc_time(110, SC_NS)));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{3, 2, 0, 1u << 3}));
  EXPECT_EQ(b.eip_seen[0].changes,
            (Changes{{sc_time(1, SC_US), true}, {sc_time(3010, SC_NS), false}}));
  EXPECT_EQ(b.eip_seen[1].changes, (Changes{{sc_time(2, SC_US), true},
                                            {sc_time(3, SC_US), false},
                                            {sc_time(3100, SC_NS), true}}));
}

TEST(Plic, ThresholdGatesEipAndClaims) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(5), 3);
    cpu.write(threshold(0), 3);
    cpu.write(enable(0), 1u << 5);
    b.irq_line[5].write(true);
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(claim(0)));  // priority 3 is not above threshold 3
    cpu.write(threshold(0), 2, sc_time(200, SC_NS));
    sc_core::wait(1, SC_US);
    cpu.write(threshold(0), 7, sc_time(300, SC_NS));
    cpu.write(threshold(0), 0, sc_time(500, SC_NS));
    cpu.write(priority(5), 0, sc_time(800, SC_NS));  // priority 0 never interrupts
    seen.push_back(cpu.read(claim(0), sc_time(900, SC_NS)));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{0, 0}));
  EXPECT_EQ(b.eip_seen[0].changes, (Changes{{sc_time(1200, SC_NS), true},
                                            {sc_time(2300, SC_NS), false},
                                            {sc_time(2500, SC_NS), true},
                                            {sc_time(2800, SC_NS), false}}));
}

TEST(Plic, EipChangesAtTheAnnotatedTimeOfTheAccess) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) {
    b.irq_line[9].write(true);
    sc_core::wait(2, SC_US);
    cpu.write(priority(9), 1, sc_time(40, SC_NS));
    cpu.write(enable(1), 1u << 9, sc_time(100, SC_NS));
    cpu.write(enable(1), 0, sc_time(250, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.eip_seen[1].changes,
            (Changes{{sc_time(2100, SC_NS), true}, {sc_time(2250, SC_NS), false}}));
  EXPECT_TRUE(b.eip_seen[0].changes.empty());
}

TEST(Plic, UnboundInputsReadLow) {
  Plic plic("plic", PlicConfig{4, 1, 3});
  Initiator cpu("cpu");
  plic.socket.bind(cpu.socket);
  sc_core::sc_signal<bool> line("line");
  plic.irq[1].bind(line);  // 2..4 and eip stay unbound
  std::vector<uint32_t> seen;
  cpu.script = [&](Initiator& c) {
    line.write(true);
    for (unsigned id = 1; id <= 4; ++id) c.write(priority(id), 1);
    c.write(enable(0), 0x1e);
    sc_core::wait(10, SC_NS);
    seen = {c.read(pending(0)), c.read(claim(0)), c.read(claim(0))};
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{1u << 1, 1, 0}));
}

TEST(Plic, DebugReadOfClaimHasNoSideEffect) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(12), 2);
    cpu.write(enable(0), 1u << 12);
    b.irq_line[12].write(true);
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.debug_read(claim(0)));
    seen.push_back(cpu.debug_read(claim(0)));
    seen.push_back(cpu.read(pending(0)));
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(claim(0)));
    seen.push_back(cpu.debug_read(claim(0)));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{12, 12, 1u << 12, 12, 0}));
  EXPECT_EQ(b.eip_seen[0].changes,
            (Changes{{sc_time(0, SC_NS), true}, {sc_time(2, SC_US), false}}));
}

TEST(Plic, LastSourceAndLastContextOfALargeConfigurationWork) {
  constexpr unsigned kLast = 255;
  Bench b(PlicConfig{1023, kLast + 1, 32});
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(1023), 0xffffffff);
    cpu.write(enable(kLast, 31), 0xffffffff);
    b.irq_line[1023].write(true);
    sc_core::wait(1, SC_US);
    seen = {cpu.read(priority(1023)), cpu.read(enable(kLast, 31)), cpu.read(pending(31)),
            cpu.read(claim(kLast)), cpu.read(threshold(kLast))};
  };
  sc_core::sc_start(2, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{0xffffffff, 0xffffffff, 0x80000000, 1023, 0}));
  EXPECT_EQ(b.eip_seen[kLast].changes,
            (Changes{{sc_time(0, SC_NS), true}, {sc_time(1, SC_US), false}}));
  EXPECT_TRUE(b.eip_seen[kLast - 1].changes.empty());
}

TEST(Plic, RejectsBadConfiguration) {
  EXPECT_THROW(Plic("no_sources", PlicConfig{0, 1, 3}), std::invalid_argument);
  EXPECT_THROW(Plic("many_sources", PlicConfig{1024, 1, 3}), std::invalid_argument);
  EXPECT_THROW(Plic("no_contexts", PlicConfig{1, 0, 3}), std::invalid_argument);
  EXPECT_THROW(Plic("many_contexts", PlicConfig{1, 15873, 3}), std::invalid_argument);
  EXPECT_THROW(Plic("no_priorities", PlicConfig{1, 1, 0}), std::invalid_argument);
  EXPECT_THROW(Plic("wide_priorities", PlicConfig{1, 1, 33}), std::invalid_argument);
  try {
    Plic bad("named", PlicConfig{0, 1, 3});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("named"), std::string::npos);
  }
}

}  // namespace
}  // namespace rvtlm::models

namespace rvtlm::models {
namespace {

// A device reset (a platform reset) puts priorities, enables, thresholds and
// claims back to 0 at once: eip falls at the reset's time, a change an
// access queued for later is dropped, and the line still high no longer
// interrupts.
TEST(Plic, ResetClearsEveryRegisterAndLowersEip) {
  Bench b;
  std::vector<uint32_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(priority(6), 1);
    cpu.write(enable(0), 1u << 6);
    b.irq_line[6].write(true);
    sc_core::wait(1, SC_US);
    cpu.write(threshold(0), 0, sc_time(500, SC_NS));  // queued for 1.5 us
    b.plic.reset();
    seen = {cpu.read(priority(6)), cpu.read(enable(0)), cpu.read(claim(0)), cpu.read(pending(0))};
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint32_t>{0, 0, 0, 1u << 6}));
  EXPECT_EQ(b.eip_seen[0].changes,
            (Changes{{sc_time(0, SC_NS), true}, {sc_time(1, SC_US), false}}));
  EXPECT_FALSE(b.eip_line[0].read());
}

}  // namespace
}  // namespace rvtlm::models
