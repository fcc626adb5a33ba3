// GPIO regression on the mcu platform: guest.c runs on the hart while
// SystemC processes drive the input pins at known times and watch the output
// pins; the tests check the pins' times, the interrupts the guest counted,
// its exit status and the registers left behind.
#include "rvtlm/models/gpio.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <memory>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

#include "rvtlm/elf/elf_image.h"
#include "rvtlm/models/uart16550.h"
#include "rvtlm/models/uart_backend.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/platform.h"

namespace {

using sc_core::SC_NS;
using sc_core::sc_time;
using sc_core::SC_US;

constexpr uint64_t kGpioBase = 0x10012000;
constexpr uint64_t kInput = 0x00, kOutput = 0x04, kOutputEnable = 0x08, kRiseIe = 0x0c,
                   kRiseIp = 0x10, kFallIe = 0x14, kFallIp = 0x18;
// Pin roles, as in guest.c.
constexpr unsigned kPatternPins = 3;  // pins 0..2
constexpr unsigned kAckPin = 4;
constexpr unsigned kEdgePin = 8;
constexpr unsigned kLevelPin = 9;
constexpr unsigned kStopPin = 10;
constexpr unsigned kPins = 32;

// mcu's time model; the pattern's stores are 9 instructions apart.
const sc_time kInstruction(20, SC_NS);
constexpr uint64_t kPatternSpacing = 9;
// Rising edges on the edge pin, each high for kPulse; then the stop pin.
const std::vector<sc_time> kEdges = {sc_time(100, SC_US), sc_time(200, SC_US), sc_time(300, SC_US)};
const sc_time kPulse(10, SC_US);
const sc_time kStop(400, SC_US);
// Entering the handler, claiming and toggling takes a few dozen instructions.
const sc_time kMaxInterruptLatency(2, SC_US);
// Far beyond the guest's end: a hang fails instead of running on.
const sc_time kLimit(10, sc_core::SC_MS);

struct PinChange {
  sc_time time;
  unsigned pin;
  bool level;
  bool operator==(const PinChange& o) const {
    return time == o.time && pin == o.pin && level == o.level;
  }
};

void PrintTo(const PinChange& c, std::ostream* os) {
  *os << "pin " << c.pin << (c.level ? " high" : " low") << " at " << c.time;
}

// Records every change of the GPIO's output pins, with its time.
class PinMonitor : public sc_core::sc_module {
 public:
  sc_core::sc_vector<sc_core::sc_signal<bool>> pins;
  std::vector<PinChange> changes;

  explicit PinMonitor(const sc_core::sc_module_name& name) : sc_module(name), pins("pin", kPins) {
    SC_HAS_PROCESS(PinMonitor);
    SC_METHOD(sample);
    for (auto& pin : pins) sensitive << pin;
    dont_initialize();
  }

  std::vector<PinChange> of_pin(unsigned pin) const {
    std::vector<PinChange> result;
    for (const PinChange& c : changes)
      if (c.pin == pin) result.push_back(c);
    return result;
  }

 private:
  void sample() {
    for (unsigned i = 0; i < pins.size(); ++i)
      if (pins[i].event()) changes.push_back({sc_core::sc_time_stamp(), i, pins[i].read()});
  }
};

// Drives the input pins: the level pin high from the start, pulses on the
// edge pin at kEdges, the stop pin at kStop.
class Stimulus : public sc_core::sc_module {
 public:
  sc_core::sc_signal<bool> edge{"edge", false};
  sc_core::sc_signal<bool> level{"level", true};
  sc_core::sc_signal<bool> stop{"stop", false};

  explicit Stimulus(const sc_core::sc_module_name& name) : sc_module(name) {
    SC_HAS_PROCESS(Stimulus);
    SC_THREAD(drive);
  }

 private:
  void drive() {
    for (const sc_time& at : kEdges) {
      wait(at - sc_core::sc_time_stamp());
      edge.write(true);
      wait(kPulse);
      edge.write(false);
    }
    wait(kStop - sc_core::sc_time_stamp());
    stop.write(true);
  }
};

// Reads through the platform's router as a debugger does (transport_dbg):
// the same address map as the guest, no side effects, no time.
class DebugProbe : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<DebugProbe> socket{"socket"};

  explicit DebugProbe(const sc_core::sc_module_name& name) : sc_module(name) {}

  uint32_t read32(uint64_t address) {
    uint32_t value = 0;
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_READ_COMMAND);
    p.set_address(address);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
    p.set_data_length(4);
    p.set_streaming_width(4);
    if (socket->transport_dbg(p) != 4)
      ADD_FAILURE() << "debug read at 0x" << std::hex << address << " failed";
    return value;
  }
};

rvtlm::platforms::PlatformOptions options_for(const rvtlm::elf::ElfImage& program) {
  rvtlm::platforms::PlatformOptions o;
  o.use_program(program);
  o.console = "null";
  return o;
}

// The mcu platform running guest.c, with the test's signals on the GPIO pins.
class GpioBench {
 public:
  GpioBench()
      : program_(GPIO_TEST_GUEST_ELF),
        platform_("platform", rvtlm::platforms::description_by_name("mcu"), options_for(program_)),
        monitor_("monitor"),
        stimulus_("stimulus"),
        probe_("probe") {
    platform_.load_elf(program_);
    // Before elaboration ends: the GPIO binds only the pins left unbound.
    auto* gpio = platform_.device_as<rvtlm::models::Gpio>("gpio0");
    for (unsigned i = 0; i < kPins; ++i) gpio->out[i].bind(monitor_.pins[i]);
    gpio->in[kEdgePin].bind(stimulus_.edge);
    gpio->in[kLevelPin].bind(stimulus_.level);
    gpio->in[kStopPin].bind(stimulus_.stop);
    probe_.socket.bind(platform_.router().target_socket);
    // The UART owns its back end; keep a view of it to read the output.
    auto console = std::make_unique<rvtlm::models::BufferUartBackend>();
    console_ = console.get();
    platform_.device_as<rvtlm::models::Uart16550>("uart0")->set_backend(std::move(console));
  }

  // Runs to the guest's exit; false if it did not exit within kLimit.
  bool run() {
    sc_core::sc_start(kLimit);
    return platform_.finished();
  }

  int exit_code() const { return platform_.exit_code(); }
  const std::string& console() const { return console_->output; }
  const PinMonitor& pins() const { return monitor_; }
  uint32_t gpio(uint64_t offset) { return probe_.read32(kGpioBase + offset); }
  // A 32-bit global of the guest, by its symbol.
  uint32_t guest_word(const std::string& symbol) {
    const auto address = program_.symbol(symbol);
    if (!address) {
      ADD_FAILURE() << GPIO_TEST_GUEST_ELF << " has no symbol " << symbol;
      return 0;
    }
    return probe_.read32(*address);
  }

 private:
  rvtlm::elf::ElfImage program_;
  rvtlm::platforms::Platform platform_;
  PinMonitor monitor_;
  Stimulus stimulus_;
  DebugProbe probe_;
  rvtlm::models::BufferUartBackend* console_ = nullptr;
};

TEST(GpioPeripheral, PatternPinsChangeAtTheTimeOfEachStore) {
  GpioBench bench;
  ASSERT_TRUE(bench.run());
  // A store's effect is at the time of the instructions retired before it:
  // the csrr that read minstret, then each store kPatternSpacing later.
  const uint64_t first_store = bench.guest_word("pattern_instret") + 1;
  const auto at = [&](uint64_t store) {
    return kInstruction * static_cast<double>(first_store + store * kPatternSpacing);
  };
  std::vector<PinChange> pattern;
  for (const PinChange& c : bench.pins().changes)
    if (c.pin < kPatternPins) pattern.push_back(c);
  const std::vector<PinChange> expected = {
      {at(0), 0, true},  {at(1), 0, false}, {at(1), 1, true},
      {at(2), 1, false}, {at(2), 2, true},  {at(3), 2, false},
  };
  EXPECT_EQ(pattern, expected);
}

TEST(GpioPeripheral, GuestCountsOneInterruptPerRisingEdge) {
  GpioBench bench;
  ASSERT_TRUE(bench.run());
  EXPECT_EQ(bench.exit_code(), static_cast<int>(kEdges.size()));
  EXPECT_EQ(bench.console(), "rising edges on pin 8: 3\r\n");
  // The handler toggles the acknowledge pin once per edge, soon after it
  // (and the falling edges, with fall_ie clear, interrupt nothing).
  const std::vector<PinChange> acks = bench.pins().of_pin(kAckPin);
  ASSERT_EQ(acks.size(), kEdges.size());
  for (size_t i = 0; i < acks.size(); ++i) {
    EXPECT_GT(acks[i].time, kEdges[i]) << "edge " << i;
    EXPECT_LT(acks[i].time, kEdges[i] + kMaxInterruptLatency) << "edge " << i;
    EXPECT_EQ(acks[i].level, i % 2 == 0) << "edge " << i;
    // The same instructions run from the same WFI for every edge.
    EXPECT_EQ(acks[i].time - kEdges[i], acks[0].time - kEdges[0]) << "edge " << i;
  }
}

TEST(GpioPeripheral, RegistersHoldTheGuestsConfigurationAfterTheRun) {
  GpioBench bench;
  ASSERT_TRUE(bench.run());
  EXPECT_EQ(bench.gpio(kOutputEnable), 0x7u | 1u << kAckPin);
  // The pattern ended low; three toggles left the acknowledge pin high.
  EXPECT_EQ(bench.gpio(kOutput), 1u << kAckPin);
  EXPECT_EQ(bench.gpio(kRiseIe), 1u << kEdgePin | 1u << kStopPin);
  EXPECT_EQ(bench.gpio(kRiseIp), 0u) << "the handler acknowledges every rising edge";
  EXPECT_EQ(bench.gpio(kFallIe), 0u);
  EXPECT_EQ(bench.gpio(kFallIp), 1u << kEdgePin) << "falling edges latch whatever fall_ie";
  EXPECT_EQ(bench.gpio(kInput), 1u << kLevelPin | 1u << kStopPin);
}

TEST(GpioPeripheral, GuestReadsTheInputLevelsDrivenBeforeItStarts) {
  GpioBench bench;
  ASSERT_TRUE(bench.run());
  EXPECT_EQ(bench.guest_word("input_at_start"), 1u << kLevelPin);
}

}  // namespace
