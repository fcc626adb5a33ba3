// The HTIF tohost/fromhost device driven through TLM-2.0: exit codes, the
// two RV32 store orders, console output and its fromhost acknowledgement.
#include "rvtlm/models/htif.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

#include "scripted_initiator.h"

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

constexpr uint64_t kToHost = 0x0;
constexpr uint64_t kFromHost = 0x8;

uint64_t putchar_command(char c) {
  return (uint64_t{1} << 56) | (uint64_t{1} << 48) | static_cast<unsigned char>(c);
}

// Runs `script` in an SC_THREAD and gives it one-line bus accesses.
struct Initiator : test::ScriptedInitiator<Initiator> {
  using ScriptedInitiator::ScriptedInitiator;
  tlm::tlm_response_status write(uint64_t address, uint64_t value, unsigned length = 8,
                                 sc_time delay = sc_core::SC_ZERO_TIME) {
    return access(tlm::TLM_WRITE_COMMAND, address, value, length, delay);
  }
  uint64_t read(uint64_t address, unsigned length = 8) {
    uint64_t value = 0;
    access(tlm::TLM_READ_COMMAND, address, value, length, sc_core::SC_ZERO_TIME);
    return value;
  }
  unsigned write_dbg(uint64_t address, uint64_t value, unsigned length) {
    return debug(tlm::TLM_WRITE_COMMAND, address, value, length);
  }
};

// An HTIF wired to an initiator, recording exits and console output.
struct Bench {
  Htif htif;
  Initiator cpu;
  std::vector<int> exits;
  std::string console;

  explicit Bench(std::function<void(Initiator&)> script, const HtifConfig& config = {})
      : htif("htif", config), cpu("cpu", std::move(script)) {
    cpu.socket.bind(htif.socket);
    htif.on_exit = [this](int code) { exits.push_back(code); };
    htif.on_console_output = [this](char c) { console += c; };
  }
};

TEST(Htif, WritingOneIsAPassWithExitCodeZero) {
  uint64_t after = 1;
  Bench b([&](Initiator& cpu) {
    EXPECT_EQ(cpu.write(kToHost, 1), tlm::TLM_OK_RESPONSE);
    after = cpu.read(kToHost);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{0});
  EXPECT_TRUE(b.htif.finished());
  EXPECT_EQ(b.htif.exit_code(), 0);
  EXPECT_EQ(after, 0u);
}

TEST(Htif, ExitCodeIsThePayloadShiftedRightByOne) {
  Bench b([](Initiator& cpu) { cpu.write(kToHost, (21u << 1) | 1); });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{21});
  EXPECT_EQ(b.htif.exit_code(), 21);
}

TEST(Htif, Rv32LowWordThenHighWordExitsOnceOnTheSecondWrite) {
  bool finished_after_low = true;
  Bench b([&](Initiator& cpu) {
    cpu.write(kToHost, (21u << 1) | 1, 4, sc_time(3, SC_NS));
    finished_after_low = b.htif.finished();
    cpu.write(kToHost + 4, 0, 4, sc_time(7, SC_NS));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_FALSE(finished_after_low);
  ASSERT_EQ(b.exits, std::vector<int>{21});
  EXPECT_EQ(b.htif.finish_time(), sc_time(7, SC_NS));
}

TEST(Htif, Rv32HighWordThenLowWordExitsOnceOnTheSecondWrite) {
  bool finished_after_high = true;
  Bench b([&](Initiator& cpu) {
    cpu.write(kToHost + 4, 0, 4);
    finished_after_high = b.htif.finished();
    cpu.write(kToHost, (21u << 1) | 1, 4);
    // The loop of riscv-tests' write_tohost keeps storing.
    cpu.write(kToHost + 4, 0, 4);
    cpu.write(kToHost, (21u << 1) | 1, 4);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_FALSE(finished_after_high);
  ASSERT_EQ(b.exits, std::vector<int>{21});
}

TEST(Htif, Rv32GuestWritingOnlyTheLowWordExitsOnItsSecondWrite) {
  Bench b([](Initiator& cpu) {
    cpu.write(kToHost, (2u << 1) | 1, 4, sc_time(1, SC_NS));
    cpu.write(kToHost, (2u << 1) | 1, 4, sc_time(2, SC_NS));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{2});
  EXPECT_EQ(b.htif.finish_time(), sc_time(2, SC_NS));
}

TEST(Htif, Rv32ConsoleCommandInEitherOrderPrintsOnce) {
  Bench b([](Initiator& cpu) {
    const uint64_t h = putchar_command('h');
    const uint64_t i = putchar_command('i');
    cpu.write(kToHost, h & 0xffffffff, 4);
    cpu.write(kToHost + 4, h >> 32, 4);
    cpu.write(kToHost + 4, i >> 32, 4);
    cpu.write(kToHost, i & 0xffffffff, 4);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.console, "hi");
  EXPECT_TRUE(b.exits.empty());
}

TEST(Htif, ConsolePutcharIsAcknowledgedInFromhost) {
  std::vector<uint64_t> tohost_after, fromhost_after;
  Bench b([&](Initiator& cpu) {
    for (char c : {'h', 'i'}) {
      // riscv-pk / OpenSBI: wait for tohost to be free, send, see the reply
      // in fromhost and clear it.
      EXPECT_EQ(cpu.read(kToHost), 0u);
      cpu.write(kToHost, putchar_command(c));
      tohost_after.push_back(cpu.read(kToHost));
      fromhost_after.push_back(cpu.read(kFromHost));
      cpu.write(kFromHost, 0);
      sc_core::wait(10, SC_NS);
    }
    cpu.write(kToHost, 1);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.console, "hi");
  const uint64_t ack = (uint64_t{1} << 56) | (uint64_t{1} << 48);
  EXPECT_EQ(tohost_after, (std::vector<uint64_t>{0, 0}));
  EXPECT_EQ(fromhost_after, (std::vector<uint64_t>{ack, ack}));
  ASSERT_EQ(b.exits, std::vector<int>{0});
  EXPECT_EQ(b.htif.finish_time(), sc_time(20, SC_NS));
}

TEST(Htif, FinishTimeIncludesTheAnnotatedDelay) {
  Bench b([](Initiator& cpu) {
    sc_core::wait(100, SC_NS);
    cpu.write(kToHost, 1, 8, sc_time(42, SC_NS));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.htif.finish_time(), sc_time(142, SC_NS));
}

TEST(Htif, SyscallProxyRequestIsAnErrorExitWithAWarning) {
  Bench b([](Initiator& cpu) { cpu.write(kToHost, 0x80001000); });
  const int warnings = sc_core::sc_report_handler::get_count(sc_core::SC_WARNING);
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{1});
  EXPECT_EQ(sc_core::sc_report_handler::get_count(sc_core::SC_WARNING), warnings + 1);
}

TEST(Htif, UnknownDeviceIsIgnoredWithAWarning) {
  uint64_t after = 1;
  Bench b([&](Initiator& cpu) {
    cpu.write(kToHost, (uint64_t{7} << 56) | 1);
    after = cpu.read(kToHost);
  });
  const int warnings = sc_core::sc_report_handler::get_count(sc_core::SC_WARNING);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_TRUE(b.exits.empty());
  EXPECT_EQ(after, 0u);
  EXPECT_EQ(sc_core::sc_report_handler::get_count(sc_core::SC_WARNING), warnings + 1);
}

TEST(Htif, OnlyTheFirstExitCounts) {
  Bench b([](Initiator& cpu) {
    cpu.write(kToHost, (4u << 1) | 1);
    cpu.write(kToHost, 1);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  ASSERT_EQ(b.exits, std::vector<int>{4});
}

TEST(Htif, DebugWritesOnlyStore) {
  uint64_t stored = 0;
  unsigned written = 0;
  Bench b([&](Initiator& cpu) {
    written = cpu.write_dbg(kToHost, 1, 8);
    stored = cpu.read(kToHost);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(written, 8u);
  EXPECT_EQ(stored, 1u);
  EXPECT_FALSE(b.htif.finished());
}

TEST(Htif, WrongSizeIsAnError) {
  tlm::tlm_response_status half = tlm::TLM_OK_RESPONSE;
  Bench b([&](Initiator& cpu) { half = cpu.write(kToHost, 1, 2); });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(half, tlm::TLM_GENERIC_ERROR_RESPONSE);
  EXPECT_FALSE(b.htif.finished());
}

TEST(Htif, FromhostCanBePlacedElsewhere) {
  tlm::tlm_response_status at8 = tlm::TLM_OK_RESPONSE;
  uint64_t at64 = 0;
  HtifConfig config;
  config.fromhost_offset = 64;
  Bench b(
      [&](Initiator& cpu) {
        cpu.read(kFromHost);
        at8 = cpu.last;
        cpu.write(kToHost, putchar_command('x'));
        at64 = cpu.read(64);
      },
      config);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(at8, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(at64, (uint64_t{1} << 56) | (uint64_t{1} << 48));
}

TEST(Htif, WithoutFromhostOnlyTohostExists) {
  HtifConfig config;
  config.has_fromhost = false;
  Htif htif("htif", config);
  EXPECT_EQ(htif.registers().span(), 8u);
}

TEST(Htif, MisplacedFromhostIsAConfigurationError) {
  HtifConfig config;
  config.fromhost_offset = 4;
  EXPECT_THROW(Htif("htif", config), std::invalid_argument);
}

TEST(Htif, DefaultExitStopsTheSimulation) {
  Htif htif("htif");
  Initiator cpu("cpu", [](Initiator& c) {
    sc_core::wait(10, SC_NS);
    c.write(kToHost, (9u << 1) | 1);
    sc_core::wait(1, SC_NS);
    ADD_FAILURE() << "ran on after the exit";
  });
  cpu.socket.bind(htif.socket);
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_time(10, SC_NS));
  EXPECT_EQ(htif.exit_code(), 9);
}

}  // namespace
}  // namespace rvtlm::models
