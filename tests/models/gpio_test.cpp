// The GPIO block driven through TLM-2.0 and its pins: outputs at the exact
// write time, set/clear/toggle, inputs, edge and level interrupts, width.
#include "rvtlm/models/gpio.h"

#include <gtest/gtest.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

#include "scripted_initiator.h"

namespace rvtlm::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

enum Offset : uint64_t {
  kInput = 0x00,
  kOutput = 0x04,
  kOutputEnable = 0x08,
  kRiseIe = 0x0c,
  kRiseIp = 0x10,
  kFallIe = 0x14,
  kFallIp = 0x18,
  kHighIe = 0x1c,
  kLowIe = 0x20,
  kOutputSet = 0x24,
  kOutputClear = 0x28,
  kOutputToggle = 0x2c,
};

// Runs `script` in an SC_THREAD and gives it one-line bus accesses.
struct Initiator : test::ScriptedInitiator<Initiator> {
  using ScriptedInitiator::ScriptedInitiator;
  tlm::tlm_response_status write(uint64_t address, uint64_t value,
                                 sc_time delay = sc_core::SC_ZERO_TIME, unsigned length = 4) {
    return access(tlm::TLM_WRITE_COMMAND, address, value, length, delay);
  }
  uint64_t read(uint64_t address, unsigned length = 4) {
    uint64_t value = 0;
    access(tlm::TLM_READ_COMMAND, address, value, length, sc_core::SC_ZERO_TIME);
    return value;
  }
};

using Probe = test::Recorder;

using Changes = std::vector<std::pair<sc_time, bool>>;

sc_time ns(double v) { return sc_time(v, SC_NS); }

// A GPIO with every pin on a signal, a probe on out[0], out[1] and irq.
struct Bench {
  Gpio gpio;
  Initiator cpu;
  sc_core::sc_vector<sc_core::sc_signal<bool>> pin_in;
  sc_core::sc_vector<sc_core::sc_signal<bool>> pin_out;
  sc_core::sc_signal<bool> irq{"irq_line"};
  Probe out0{"out0"}, out1{"out1"}, irq_probe{"irq_probe"};

  Bench(std::function<void(Initiator&)> script, const GpioConfig& config = {})
      : gpio("gpio", config),
        cpu("cpu", std::move(script)),
        pin_in("pin_in", config.width),
        pin_out("pin_out", config.width) {
    cpu.socket.bind(gpio.socket);
    gpio.in.bind(pin_in);
    gpio.out.bind(pin_out);
    gpio.irq.bind(irq);
    out0.in.bind(pin_out[0]);
    out1.in.bind(pin_out[1]);
    irq_probe.in.bind(irq);
  }
};

TEST(Gpio, OutputDrivesPinsAtTheExactWriteTime) {
  Bench b([](Initiator& cpu) {
    sc_core::wait(10, SC_NS);
    cpu.write(kOutputEnable, 0b01, ns(2));
    cpu.write(kOutput, 0b11, ns(5));
    sc_core::wait(20, SC_NS);
    cpu.write(kOutputEnable, 0b11, ns(3));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.out0.changes, (Changes{{ns(15), true}}));
  // Pin 1 is enabled only at 30 + 3 ns.
  EXPECT_EQ(b.out1.changes, (Changes{{ns(33), true}}));
  EXPECT_EQ(b.irq_probe.changes, Changes{});
}

TEST(Gpio, EveryWriteOfAQuantumReachesThePinsAtItsOwnTime) {
  Bench b([](Initiator& cpu) {
    sc_core::wait(10, SC_NS);
    cpu.write(kOutputEnable, 1, ns(1));
    cpu.write(kOutput, 1, ns(2));
    cpu.write(kOutput, 0, ns(4));
    cpu.write(kOutput, 1, ns(7));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.out0.changes, (Changes{{ns(12), true}, {ns(14), false}, {ns(17), true}}));
}

TEST(Gpio, SetClearAndToggleChangeTheOutputRegister) {
  std::vector<uint64_t> seen;
  bool pin2 = false;
  Bench b([&](Initiator& cpu) {
    cpu.write(kOutputEnable, 0xf);
    cpu.write(kOutput, 0b0011);
    cpu.write(kOutputSet, 0b0100);
    seen.push_back(cpu.read(kOutput));
    cpu.write(kOutputClear, 0b0001);
    seen.push_back(cpu.read(kOutput));
    cpu.write(kOutputToggle, 0b1010);
    seen.push_back(cpu.read(kOutput));
    sc_core::wait(1, SC_NS);
    pin2 = b.pin_out[2].read();
    cpu.read(kOutputSet);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0b0111, 0b0110, 0b1100}));
  EXPECT_TRUE(pin2);
  EXPECT_EQ(b.pin_out[3].read(), true);
  EXPECT_EQ(b.pin_out[1].read(), false);
  EXPECT_EQ(b.cpu.last, tlm::TLM_COMMAND_ERROR_RESPONSE);  // the aliases are write-only
}

TEST(Gpio, InputRegisterFollowsThePins) {
  std::vector<uint64_t> seen;
  tlm::tlm_response_status write_status = tlm::TLM_OK_RESPONSE;
  Bench b([&](Initiator& cpu) {
    seen.push_back(cpu.read(kInput));
    b.pin_in[3].write(true);
    b.pin_in[31].write(true);
    sc_core::wait(1, SC_NS);
    seen.push_back(cpu.read(kInput));
    b.pin_in[3].write(false);
    sc_core::wait(1, SC_NS);
    seen.push_back(cpu.read(kInput));
    write_status = cpu.write(kInput, 0);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0, 0x80000008u, 0x80000000u}));
  EXPECT_EQ(write_status, tlm::TLM_COMMAND_ERROR_RESPONSE);
}

TEST(Gpio, RisingEdgeLatchesAndWriteOneClears) {
  std::vector<uint64_t> rise_ip, fall_ip;
  Bench b([&](Initiator& cpu) {
    cpu.write(kRiseIe, 1u << 1);
    sc_core::wait(10, SC_NS);
    b.pin_in[1].write(true);
    b.pin_in[0].write(true);  // latched, but its interrupt is disabled
    sc_core::wait(10, SC_NS);
    rise_ip.push_back(cpu.read(kRiseIp));
    fall_ip.push_back(cpu.read(kFallIp));
    b.pin_in[1].write(false);  // the latch holds after the pin falls
    sc_core::wait(10, SC_NS);
    cpu.write(kRiseIp, 1u << 1, ns(3));
    rise_ip.push_back(cpu.read(kRiseIp));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(rise_ip, (std::vector<uint64_t>{0b11, 0b01}));
  EXPECT_EQ(fall_ip, (std::vector<uint64_t>{0}));
  EXPECT_EQ(b.irq_probe.changes, (Changes{{ns(10), true}, {ns(33), false}}));
}

TEST(Gpio, FallingEdgeLatchesAndWriteOneClears) {
  std::vector<uint64_t> fall_ip;
  Bench b([&](Initiator& cpu) {
    b.pin_in[4].write(true);
    sc_core::wait(10, SC_NS);
    cpu.write(kFallIe, 1u << 4);
    EXPECT_EQ(cpu.read(kFallIp), 0u);
    b.pin_in[4].write(false);
    sc_core::wait(10, SC_NS);
    fall_ip.push_back(cpu.read(kFallIp));
    cpu.write(kFallIp, 0xffffffff, ns(5));
    fall_ip.push_back(cpu.read(kFallIp));
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(fall_ip, (std::vector<uint64_t>{1u << 4, 0}));
  EXPECT_EQ(b.irq_probe.changes, (Changes{{ns(10), true}, {ns(25), false}}));
}

TEST(Gpio, LevelInterruptsFollowTheInput) {
  uint64_t rise_ip = 0, fall_ip = 0;
  Bench b([&](Initiator& cpu) {
    sc_core::wait(10, SC_NS);
    cpu.write(kHighIe, 1u << 2, ns(1));
    sc_core::wait(10, SC_NS);
    b.pin_in[2].write(true);
    sc_core::wait(10, SC_NS);
    b.pin_in[2].write(false);
    sc_core::wait(10, SC_NS);
    cpu.write(kHighIe, 0);
    // low_ie: pending at once while the pin is low.
    cpu.write(kLowIe, 1u << 2, ns(2));
    sc_core::wait(10, SC_NS);
    b.pin_in[2].write(true);
    sc_core::wait(1, SC_NS);
    rise_ip = cpu.read(kRiseIp);
    fall_ip = cpu.read(kFallIp);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.irq_probe.changes,
            (Changes{{ns(20), true}, {ns(30), false}, {ns(42), true}, {ns(50), false}}));
  // The edges latched too, but rise_ie and fall_ie keep them off the line.
  EXPECT_EQ(rise_ip, 1u << 2);
  EXPECT_EQ(fall_ip, 1u << 2);
}

TEST(Gpio, Width8MasksTheUpperBits) {
  std::vector<uint64_t> seen;
  GpioConfig config;
  config.width = 8;
  Bench b(
      [&](Initiator& cpu) {
        cpu.write(kOutput, 0xffffffff);
        seen.push_back(cpu.read(kOutput));
        cpu.write(kOutputSet, 0xffff0000);
        seen.push_back(cpu.read(kOutput));
        cpu.write(kOutputToggle, 0xffffffff);
        seen.push_back(cpu.read(kOutput));
        cpu.write(kRiseIe, 0x12345678);
        seen.push_back(cpu.read(kRiseIe));
        cpu.write(kLowIe, 0xffffff00);
        seen.push_back(cpu.read(kLowIe));
      },
      config);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(b.gpio.in.size(), 8u);
  EXPECT_EQ(b.gpio.out.size(), 8u);
  EXPECT_EQ(seen, (std::vector<uint64_t>{0xff, 0xff, 0x00, 0x78, 0x00}));
  // low_ie for pins that do not exist raises nothing.
  EXPECT_EQ(b.irq_probe.changes, Changes{});
}

TEST(Gpio, WrongAccessSizeIsAnError) {
  std::vector<tlm::tlm_response_status> status;
  uint64_t output = 1;
  Bench b([&](Initiator& cpu) {
    status.push_back(cpu.write(kOutput, 0xff, sc_core::SC_ZERO_TIME, 1));
    status.push_back(cpu.write(kOutput, 0xff, sc_core::SC_ZERO_TIME, 8));
    cpu.read(kOutput, 2);
    status.push_back(cpu.last);
    cpu.read(0x30);
    status.push_back(cpu.last);
    output = cpu.read(kOutput);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(status, (std::vector<tlm::tlm_response_status>{
                        tlm::TLM_GENERIC_ERROR_RESPONSE, tlm::TLM_GENERIC_ERROR_RESPONSE,
                        tlm::TLM_GENERIC_ERROR_RESPONSE, tlm::TLM_ADDRESS_ERROR_RESPONSE}));
  EXPECT_EQ(output, 0u);
}

TEST(Gpio, WidthOutOfRangeIsAConfigurationError) {
  GpioConfig config;
  config.width = 0;
  EXPECT_THROW(Gpio("gpio0", config), std::invalid_argument);
  config.width = 33;
  EXPECT_THROW(Gpio("gpio33", config), std::invalid_argument);
}

TEST(Gpio, UnboundPinsAreAllowed) {
  uint64_t input = 1;
  Gpio gpio("gpio");
  Initiator cpu("cpu", [&](Initiator& c) {
    c.write(kOutputEnable, 0xffffffff);
    c.write(kOutput, 0xa5);
    c.write(kLowIe, 1);
    input = c.read(kInput);
  });
  cpu.socket.bind(gpio.socket);
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(input, 0u);
  EXPECT_EQ(cpu.last, tlm::TLM_OK_RESPONSE);
}

}  // namespace
}  // namespace rvtlm::models
