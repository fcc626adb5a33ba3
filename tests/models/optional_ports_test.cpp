// Ports a platform leaves unbound: inputs read low, each output drives a
// stand-in of its own, and ports the platform bound keep their binding.
#include "rvtlm/models/optional_ports.h"

#include <gtest/gtest.h>

#include <string>

namespace rvtlm::models {
namespace {

struct Device : sc_core::sc_module {
  sc_core::sc_in<bool> in{"in"};
  sc_core::sc_vector<sc_core::sc_out<bool>> out{"out", 3};
  OptionalPorts optional_ports{"optional_ports"};
  bool seen_in = true;

  SC_HAS_PROCESS(Device);
  explicit Device(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    optional_ports.add(in);
    optional_ports.add(out);
    SC_THREAD(run);
  }
  void run() {
    seen_in = in.read();
    out[0].write(true);
    out[1].write(false);
    out[2].write(true);
  }
};

TEST(OptionalPorts, UnboundPortsGetStandInsAndBoundOnesKeepTheirSignal) {
  Device device("device");
  sc_core::sc_signal<bool> platform_line("platform_line");
  device.out[2].bind(platform_line);
  sc_core::sc_start(1, sc_core::SC_NS);
  EXPECT_FALSE(device.seen_in);
  // Each unbound output has a signal of its own: their values differ.
  EXPECT_TRUE(device.out[0].read());
  EXPECT_FALSE(device.out[1].read());
  EXPECT_TRUE(platform_line.read());
  EXPECT_NE(sc_core::sc_find_object("device.optional_ports.out_0"), nullptr);
  EXPECT_NE(sc_core::sc_find_object("device.optional_ports.out_1"), nullptr);
  EXPECT_EQ(sc_core::sc_find_object("device.optional_ports.out_2"), nullptr);
  EXPECT_NE(sc_core::sc_find_object("device.optional_ports.low"), nullptr);
}

}  // namespace
}  // namespace rvtlm::models
