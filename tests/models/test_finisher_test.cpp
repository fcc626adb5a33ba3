// The SiFive test finisher driven through TLM-2.0: pass, fail, reset, the
// finish time and the default sc_stop.
#include "rvtlm/models/test_finisher.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <functional>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

#include "scripted_initiator.h"

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

// Runs `script` in an SC_THREAD and gives it one-line bus accesses.
struct Initiator : test::ScriptedInitiator<Initiator> {
  using ScriptedInitiator::ScriptedInitiator;
  tlm::tlm_response_status write(uint64_t address, uint64_t value, unsigned length = 4,
                                 sc_time delay = sc_core::SC_ZERO_TIME) {
    return access(tlm::TLM_WRITE_COMMAND, address, value, length, delay);
  }
  uint64_t read(uint64_t address, unsigned length = 4) {
    uint64_t value = 0;
    last_read = access(tlm::TLM_READ_COMMAND, address, value, length, sc_core::SC_ZERO_TIME);
    return value;
  }
  tlm::tlm_response_status last_read = tlm::TLM_INCOMPLETE_RESPONSE;
};

// A finisher wired to an initiator, with on_exit recording every call.
struct Bench {
  TestFinisher finisher{"finisher"};
  Initiator cpu;
  std::vector<int> exits;

  explicit Bench(std::function<void(Initiator&)> script) : cpu("cpu", std::move(script)) {
    cpu.socket.bind(finisher.socket);
    finisher.on_exit = [this](int code) { exits.push_back(code); };
  }
};

TEST(TestFinisher, PassExitsWithCodeZero) {
  Bench b([](Initiator& cpu) {
    sc_core::wait(10, SC_NS);
    EXPECT_EQ(cpu.write(0, 0x5555), tlm::TLM_OK_RESPONSE);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{0});
  EXPECT_TRUE(b.finisher.finished());
  EXPECT_EQ(b.finisher.exit_code(), 0);
}

TEST(TestFinisher, FailCarriesTheExitCodeInTheUpperHalf) {
  Bench b([](Initiator& cpu) { cpu.write(0, (3u << 16) | 0x3333); });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{3});
  EXPECT_EQ(b.finisher.exit_code(), 3);
}

TEST(TestFinisher, FailWithCodeZeroExitsWithOne) {
  Bench b([](Initiator& cpu) { cpu.write(0, 0x3333); });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{1});
  EXPECT_TRUE(b.finisher.finished());
  EXPECT_EQ(b.finisher.exit_code(), 1);
}

TEST(TestFinisher, OnlyTheFirstResultCounts) {
  Bench b([](Initiator& cpu) {
    cpu.write(0, (5u << 16) | 0x3333);
    sc_core::wait(10, SC_NS);
    cpu.write(0, 0x5555);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{5});
  EXPECT_EQ(b.finisher.exit_code(), 5);
  EXPECT_EQ(b.finisher.finish_time(), sc_core::SC_ZERO_TIME);
}

TEST(TestFinisher, ResetRequestCallsOnReset) {
  int resets = 0;
  Bench b([](Initiator& cpu) {
    cpu.write(0, 0x7777);
    cpu.write(0, 0x7777);
  });
  b.finisher.on_reset = [&] { ++resets; };
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(resets, 2);
  EXPECT_FALSE(b.finisher.finished());
  EXPECT_TRUE(b.exits.empty());
}

TEST(TestFinisher, ResetWithoutCallbackIsAWarning) {
  Bench b([](Initiator& cpu) { cpu.write(0, 0x7777); });
  const int warnings = sc_core::sc_report_handler::get_count(sc_core::SC_WARNING);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(sc_core::sc_report_handler::get_count(sc_core::SC_WARNING), warnings + 1);
  EXPECT_FALSE(b.finisher.finished());
}

TEST(TestFinisher, FinishTimeIncludesTheAnnotatedDelay) {
  Bench b([](Initiator& cpu) {
    sc_core::wait(100, SC_NS);
    cpu.write(0, 0x5555, 4, sc_time(25, SC_NS));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_TRUE(b.finisher.finished());
  EXPECT_EQ(b.finisher.finish_time(), sc_time(125, SC_NS));
}

TEST(TestFinisher, UnknownValueIsIgnoredWithAWarning) {
  uint64_t readback = 1;
  Bench b([&](Initiator& cpu) {
    EXPECT_EQ(cpu.write(0, 0x1234), tlm::TLM_OK_RESPONSE);
    readback = cpu.read(0);
  });
  const int warnings = sc_core::sc_report_handler::get_count(sc_core::SC_WARNING);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(sc_core::sc_report_handler::get_count(sc_core::SC_WARNING), warnings + 1);
  EXPECT_FALSE(b.finisher.finished());
  EXPECT_TRUE(b.exits.empty());
  EXPECT_EQ(readback, 0u);
}

TEST(TestFinisher, ReadsReturnZeroAndByteAccessesAreRefused) {
  uint64_t readback = 1;
  tlm::tlm_response_status byte = tlm::TLM_OK_RESPONSE;
  Bench b([&](Initiator& cpu) {
    byte = cpu.write(0, 0x55, 1);
    readback = cpu.read(0);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(byte, tlm::TLM_GENERIC_ERROR_RESPONSE);
  EXPECT_EQ(readback, 0u);
  EXPECT_EQ(b.cpu.last_read, tlm::TLM_OK_RESPONSE);
  EXPECT_FALSE(b.finisher.finished());
}

// OpenSBI's system reset writes the finisher with a 16-bit store.
TEST(TestFinisher, HalfwordPassIsAccepted) {
  tlm::tlm_response_status half = tlm::TLM_GENERIC_ERROR_RESPONSE;
  Bench b([&](Initiator& cpu) { half = cpu.write(0, 0x5555, 2); });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(half, tlm::TLM_OK_RESPONSE);
  ASSERT_EQ(b.exits, std::vector<int>{0});
}

TEST(TestFinisher, DefaultExitStopsTheSimulationEarly) {
  bool ran_on = false;
  TestFinisher finisher("finisher");
  Initiator cpu("cpu", [&](Initiator& c) {
    sc_core::wait(10, SC_NS);
    c.write(0, 0x5555, 4, sc_time(5, SC_NS));
    sc_core::wait(1, SC_NS);
    ran_on = true;
  });
  cpu.socket.bind(finisher.socket);
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
  // The kernel stops at the initiator's kernel time; the finisher keeps the
  // exact time of the access.
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_time(10, SC_NS));
  EXPECT_EQ(finisher.finish_time(), sc_time(15, SC_NS));
  EXPECT_EQ(finisher.exit_code(), 0);
  EXPECT_FALSE(ran_on);
}

}  // namespace
}  // namespace rvtlm::models
