// ACLINT (SiFive CLINT layout): mtime from SystemC time at the annotated
// access time, mtimecmp and the exact time mtip changes, msip per hart,
// access sizes, other frequencies and configuration checks.
#include "rvtlm/models/aclint.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scripted_initiator.h"

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::SC_PS;
using sc_core::sc_time;
using sc_core::SC_US;

// Runs `script` from an SC_THREAD; accesses carry a chosen annotated delay.
struct Initiator : test::ScriptedInitiator<Initiator> {
  using ScriptedInitiator::ScriptedInitiator;
  uint64_t read(uint64_t addr, unsigned len, sc_time delay = sc_core::SC_ZERO_TIME) {
    uint64_t v = 0;
    access(tlm::TLM_READ_COMMAND, addr, v, len, delay);
    return v;
  }
  void write(uint64_t addr, uint64_t v, unsigned len, sc_time delay = sc_core::SC_ZERO_TIME) {
    access(tlm::TLM_WRITE_COMMAND, addr, v, len, delay);
  }
};

using test::Recorder;

using Changes = std::vector<std::pair<sc_time, bool>>;

// An ACLINT with every line on a signal watched by a recorder.
struct Bench {
  Aclint aclint;
  Initiator cpu{"cpu"};
  sc_core::sc_vector<sc_core::sc_signal<bool>> msip_line, mtip_line;
  sc_core::sc_vector<Recorder> msip_seen, mtip_seen;

  explicit Bench(const AclintConfig& config = {})
      : aclint("aclint", config),
        msip_line("msip_line", config.harts),
        mtip_line("mtip_line", config.harts),
        msip_seen("msip_seen", config.harts),
        mtip_seen("mtip_seen", config.harts) {
    aclint.socket.bind(cpu.socket);
    for (unsigned h = 0; h < config.harts; ++h) {
      aclint.msip[h].bind(msip_line[h]);
      aclint.mtip[h].bind(mtip_line[h]);
      msip_seen[h].in.bind(msip_line[h]);
      mtip_seen[h].in.bind(mtip_line[h]);
    }
  }
};

constexpr uint64_t kMtimecmp = Aclint::kMtimecmpBase;
constexpr uint64_t kMtime = Aclint::kMtime;
constexpr uint64_t kAllOnes = ~uint64_t{0};

TEST(Aclint, ReadsMtimeAtTheAnnotatedTime) {
  Bench b;
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    for (double ns : {0.0, 99.0, 100.0, 250.0, 1000000.0})
      seen.push_back(cpu.read(kMtime, 8, sc_time(ns, SC_NS)));
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(kMtime, 8, sc_time(150, SC_NS)));
    seen.push_back(cpu.read(kMtime, 4, sc_time(150, SC_NS)));
    seen.push_back(cpu.read(kMtime + 4, 4, sc_time(150, SC_NS)));
    EXPECT_EQ(cpu.last, tlm::TLM_OK_RESPONSE);
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, 0, 1, 2, 10000, 11, 11, 0}));
  EXPECT_EQ(b.aclint.mtime_at(sc_time(12345, SC_NS)), 123u);
  EXPECT_EQ(b.aclint.period(), sc_time(100, SC_NS));
}

TEST(Aclint, WrittenMtimeKeepsCountingFromTheWriteTime) {
  Bench b;
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(kMtime, 1000, 8, sc_time(50, SC_NS));
    seen.push_back(cpu.read(kMtime, 8, sc_time(50, SC_NS)));
    // Ticks stay on multiples of the period; the write moves only the count.
    seen.push_back(cpu.read(kMtime, 8, sc_time(99, SC_NS)));
    seen.push_back(cpu.read(kMtime, 8, sc_time(100, SC_NS)));
    sc_core::wait(1, SC_US);
    seen.push_back(cpu.read(kMtime, 8, sc_time(50, SC_NS)));  // 1050 ns
    // 32-bit halves: the half not written keeps the value mtime has then.
    cpu.write(kMtime + 4, 5, 4, sc_time(50, SC_NS));
    seen.push_back(cpu.read(kMtime, 8, sc_time(250, SC_NS)));  // 1250 ns
    cpu.write(kMtime, 0xfffffff0, 4, sc_time(250, SC_NS));
    seen.push_back(cpu.read(kMtime, 8, sc_time(450, SC_NS)));  // 1450 ns
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{1000, 1000, 1001, 1010, (uint64_t{5} << 32) | 1012,
                                         (uint64_t{5} << 32) | 0xfffffff2}));
}

// When mtime reaches a value (a stimecmp deadline on the same clock), also
// after the guest moved it.
TEST(Aclint, TimeOfAValueFollowsWrittenMtime) {
  Bench b;
  std::vector<std::optional<sc_time>> at;
  b.cpu.script = [&](Initiator& cpu) {
    at.push_back(b.aclint.time_of(5));           // 500 ns
    at.push_back(b.aclint.time_of(0));           // reached
    sc_core::wait(1, SC_US);                     // mtime 10
    at.push_back(b.aclint.time_of(10));          // reached
    at.push_back(b.aclint.time_of(11));          // 1100 ns
    cpu.write(kMtime, 1000000000, 8);            // at 1 us
    at.push_back(b.aclint.time_of(1000000001));  // one tick later
    at.push_back(b.aclint.time_of(999999999));   // reached
    at.push_back(b.aclint.time_of(kAllOnes));    // beyond SystemC's time range
  };
  sc_core::sc_start(10, SC_US);
  const std::vector<std::optional<sc_time>> expected = {
      sc_time(500, SC_NS),  sc_core::SC_ZERO_TIME, sc_core::SC_ZERO_TIME, sc_time(1100, SC_NS),
      sc_time(1100, SC_NS), sc_core::SC_ZERO_TIME, std::nullopt};
  EXPECT_EQ(at, expected);
  EXPECT_EQ(b.aclint.mtime_at(sc_time(1100, SC_NS)), 1000000001u);
}

TEST(Aclint, ResetLeavesLinesLowAndMtimecmpAllOnes) {
  Bench b(AclintConfig{2});
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    seen.push_back(cpu.read(kMtimecmp, 8));
    seen.push_back(cpu.read(kMtimecmp + 8 + 4, 4));
    seen.push_back(cpu.read(0, 4));
    seen.push_back(cpu.read(4, 4));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{kAllOnes, 0xffffffff, 0, 0}));
  for (unsigned h = 0; h < 2; ++h) {
    EXPECT_TRUE(b.mtip_seen[h].changes.empty());
    EXPECT_TRUE(b.msip_seen[h].changes.empty());
    EXPECT_FALSE(b.mtip_line[h].read());
  }
}

TEST(Aclint, RaisesMtipAtTheExactTime) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) { cpu.write(kMtimecmp, 25, 8, sc_time(30, SC_NS)); };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(2500, SC_NS), true}}));
  EXPECT_TRUE(b.mtip_line[0].read());
}

TEST(Aclint, MtimecmpInThePastRaisesMtipAtTheWriteTime) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) {
    sc_core::wait(1, SC_US);
    cpu.write(kMtimecmp, 3, 8, sc_time(170, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(1170, SC_NS), true}}));
}

TEST(Aclint, LaterMtimecmpLowersMtipAtTheWriteTimeAndRaisesItAgain) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(kMtimecmp, 10, 8);
    sc_core::wait(2, SC_US);
    cpu.write(kMtimecmp, 50, 8, sc_time(300, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(1000, SC_NS), true},
                                             {sc_time(2300, SC_NS), false},
                                             {sc_time(5000, SC_NS), true}}));
}

TEST(Aclint, Rv32SplitMtimecmpWriteRaisesNoSpuriousInterrupt) {
  Bench b;
  uint64_t readback = 0;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(kMtimecmp, 5, 8);
    sc_core::wait(1, SC_US);  // mtip went high at 500 ns
    // Privileged spec 3.2.1: the sequence that never makes mtimecmp smaller
    // than both its old and its new value.
    cpu.write(kMtimecmp + 4, 0xffffffff, 4, sc_time(10, SC_NS));
    cpu.write(kMtimecmp, 40, 4, sc_time(20, SC_NS));
    cpu.write(kMtimecmp + 4, 0, 4, sc_time(30, SC_NS));
    readback = cpu.read(kMtimecmp, 8, sc_time(40, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(readback, 40u);
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(500, SC_NS), true},
                                             {sc_time(1010, SC_NS), false},
                                             {sc_time(4000, SC_NS), true}}));
}

TEST(Aclint, WritingMtimeMovesTheTimerInterrupt) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(kMtimecmp, 1000, 8);
    cpu.write(kMtime, 998, 8, sc_time(250, SC_NS));  // 1000 reached at 400 ns
    sc_core::wait(1, SC_US);
    cpu.write(kMtime, 0, 8, sc_time(20, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes,
            (Changes{{sc_time(400, SC_NS), true}, {sc_time(1020, SC_NS), false}}));
}

TEST(Aclint, MtipFallsWhenMtimeWrapsAround) {
  Bench b;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(kMtime, kAllOnes - 1, 8);
    cpu.write(kMtimecmp, kAllOnes - 2, 8);
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes,
            (Changes{{sc_time(0, SC_NS), true}, {sc_time(200, SC_NS), false}}));
  EXPECT_EQ(b.aclint.mtime_at(sc_time(300, SC_NS)), 1u);
}

TEST(Aclint, MsipRaisesAndClearsOnlyItsHart) {
  Bench b(AclintConfig{4});
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(2 * 4, 0xffffffff, 4, sc_time(40, SC_NS));
    for (unsigned h = 0; h < 4; ++h) seen.push_back(cpu.read(h * 4, 4));
    sc_core::wait(1, SC_US);
    cpu.write(1 * 4, 1, 4, sc_time(5, SC_NS));
    cpu.write(2 * 4, 0xfffffffe, 4, sc_time(60, SC_NS));
    for (unsigned h = 0; h < 4; ++h) seen.push_back(cpu.read(h * 4, 4));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, 0, 1, 0, 0, 1, 0, 0}));
  EXPECT_TRUE(b.msip_seen[0].changes.empty());
  EXPECT_EQ(b.msip_seen[1].changes, (Changes{{sc_time(1005, SC_NS), true}}));
  EXPECT_EQ(b.msip_seen[2].changes,
            (Changes{{sc_time(40, SC_NS), true}, {sc_time(1060, SC_NS), false}}));
  EXPECT_TRUE(b.msip_seen[3].changes.empty());
  for (unsigned h = 0; h < 4; ++h) EXPECT_TRUE(b.mtip_seen[h].changes.empty());
}

TEST(Aclint, BadSizesAndAddressesAreErrors) {
  Bench b;
  std::vector<tlm::tlm_response_status> seen;
  b.cpu.script = [&](Initiator& cpu) {
    const auto probe = [&](uint64_t addr, unsigned len) {
      cpu.read(addr, len);
      seen.push_back(cpu.last);
    };
    probe(0, 1);  // msip is 32-bit only
    probe(0, 8);
    probe(kMtime, 2);      // mtime: 4 or 8 bytes
    probe(kMtime + 2, 4);  // misaligned half
    probe(kMtimecmp, 1);
    probe(4, 4);              // msip of a hart that does not exist
    probe(kMtimecmp + 8, 8);  // mtimecmp of a hart that does not exist
    probe(Aclint::kSize, 4);
    cpu.write(kMtimecmp, 0, 2);
    seen.push_back(cpu.last);
  };
  sc_core::sc_start(10, SC_US);
  using tlm::TLM_ADDRESS_ERROR_RESPONSE;
  using tlm::TLM_GENERIC_ERROR_RESPONSE;
  EXPECT_EQ(
      seen,
      (std::vector<tlm::tlm_response_status>{
          TLM_GENERIC_ERROR_RESPONSE, TLM_GENERIC_ERROR_RESPONSE, TLM_GENERIC_ERROR_RESPONSE,
          TLM_GENERIC_ERROR_RESPONSE, TLM_GENERIC_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE,
          TLM_ADDRESS_ERROR_RESPONSE, TLM_ADDRESS_ERROR_RESPONSE, TLM_GENERIC_ERROR_RESPONSE}));
  EXPECT_TRUE(b.mtip_seen[0].changes.empty());
}

TEST(Aclint, FourHartsEachFollowTheirOwnMtimecmp) {
  Bench b(AclintConfig{4});
  b.cpu.script = [&](Initiator& cpu) {
    for (unsigned h = 0; h < 4; ++h) cpu.write(kMtimecmp + 8 * h, 10 * (4 - h) + 3, 8);
    sc_core::wait(2, SC_US);
    cpu.write(kMtimecmp + 8 * 3, kAllOnes, 8, sc_time(30, SC_NS));  // hart 3 rose at 1300 ns
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(4300, SC_NS), true}}));
  EXPECT_EQ(b.mtip_seen[1].changes, (Changes{{sc_time(3300, SC_NS), true}}));
  EXPECT_EQ(b.mtip_seen[2].changes, (Changes{{sc_time(2300, SC_NS), true}}));
  EXPECT_EQ(b.mtip_seen[3].changes,
            (Changes{{sc_time(1300, SC_NS), true}, {sc_time(2030, SC_NS), false}}));
}

TEST(Aclint, CountsAtOneMegahertz) {
  Bench b(AclintConfig{1, 1'000'000});
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    seen.push_back(cpu.read(kMtime, 8, sc_time(999, SC_NS)));
    seen.push_back(cpu.read(kMtime, 8, sc_time(1000, SC_NS)));
    seen.push_back(cpu.read(kMtime, 8, sc_time(7500, SC_NS)));
    cpu.write(kMtimecmp, 3, 8, sc_time(100, SC_NS));
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, 1, 7}));
  EXPECT_EQ(b.aclint.period(), sc_time(1, SC_US));
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(3, SC_US), true}}));
}

TEST(Aclint, CountsExactlyAt32768HzThoughThePeriodIsNotWholePicoseconds) {
  Bench b(AclintConfig{2, 32768});
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    // One tick lasts 30517578.125 ps.
    seen.push_back(cpu.read(kMtime, 8, sc_time(30517578, SC_PS)));
    seen.push_back(cpu.read(kMtime, 8, sc_time(30517579, SC_PS)));
    seen.push_back(cpu.read(kMtime, 8, sc_time(1, sc_core::SC_SEC)));
    cpu.write(kMtimecmp, 1, 8);
    cpu.write(kMtimecmp + 8, 32768 * 2, 8);
  };
  sc_core::sc_start(3, sc_core::SC_SEC);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, 1, 32768}));
  EXPECT_EQ(b.mtip_seen[0].changes, (Changes{{sc_time(30517579, SC_PS), true}}));
  EXPECT_EQ(b.mtip_seen[1].changes, (Changes{{sc_time(2, sc_core::SC_SEC), true}}));
  EXPECT_EQ(b.aclint.mtime_at(sc_time(2, sc_core::SC_SEC) - sc_time(1, SC_PS)), 32768u * 2 - 1);
}

TEST(Aclint, DebugReadsSeeMtimeWithoutChangingIt) {
  Bench b;
  b.cpu.script = [&](Initiator&) { sc_core::wait(1234, SC_NS); };
  sc_core::sc_start(2, SC_US);
  uint64_t v = 0;
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(kMtime);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(8);
  EXPECT_EQ(b.cpu.socket->transport_dbg(p), 8u);
  EXPECT_EQ(v, 20u);
}

TEST(Aclint, UnboundLinesAreAllowed) {
  Aclint aclint("aclint", AclintConfig{3});
  Initiator cpu("cpu");
  aclint.socket.bind(cpu.socket);
  uint64_t mtime = 0;
  cpu.script = [&](Initiator& c) {
    c.write(kMtimecmp + 16, 2, 8);
    c.write(8, 1, 4);
    mtime = c.read(kMtime, 8, sc_time(500, SC_NS));
  };
  sc_core::sc_start(1, SC_US);
  EXPECT_EQ(mtime, 5u);
  EXPECT_EQ(aclint.harts(), 3u);
}

TEST(Aclint, RejectsBadConfiguration) {
  EXPECT_THROW(Aclint("no_harts", AclintConfig{0}), std::invalid_argument);
  EXPECT_THROW(Aclint("too_many", AclintConfig{4096}), std::invalid_argument);
  EXPECT_THROW(Aclint("stopped", AclintConfig{1, 0}), std::invalid_argument);
  // Faster than one tick per picosecond, the default time resolution.
  EXPECT_THROW(Aclint("too_fast", AclintConfig{1, 2'000'000'000'000}), std::invalid_argument);
  try {
    Aclint bad("named", AclintConfig{0});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("named"), std::string::npos);
  }
  Aclint good("good", AclintConfig{4095, 1'000'000'000'000});
  EXPECT_EQ(good.harts(), 4095u);
  EXPECT_EQ(good.period(), sc_time(1, SC_PS));
}

}  // namespace
}  // namespace rvtlm::models

namespace rvtlm::models {
namespace {

// A device reset: msip and mtimecmp back to 0 and all ones, their lines low
// at the reset's time, a change queued for later dropped, and mtime (the
// platform's timebase) still counting from where it was.
TEST(Aclint, DeviceResetLowersTheLinesAndKeepsMtime) {
  Bench b;
  std::vector<uint64_t> seen;
  b.cpu.script = [&](Initiator& cpu) {
    cpu.write(Aclint::kMsipBase, 1, 4);
    cpu.write(kMtimecmp, 10, 8);  // mtip at 1 us
    sc_core::wait(2, SC_US);
    cpu.write(kMtimecmp, 50, 8, sc_time(300, SC_NS));  // queued for 2.3 us
    b.aclint.reset();
    seen = {cpu.read(Aclint::kMsipBase, 4), cpu.read(kMtimecmp, 8), cpu.read(kMtime, 8)};
  };
  sc_core::sc_start(10, SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, kAllOnes, 20}));
  EXPECT_EQ(b.msip_seen[0].changes,
            (Changes{{sc_time(0, SC_NS), true}, {sc_time(2, SC_US), false}}));
  EXPECT_EQ(b.mtip_seen[0].changes,
            (Changes{{sc_time(1, SC_US), true}, {sc_time(2, SC_US), false}}));
}

}  // namespace
}  // namespace rvtlm::models
