// The example,checksum device type (checksum_type.h).
#include "checksum_type.h"

#include <memory>
#include <string>

#include "checksum.h"

namespace example {
namespace {
namespace platforms = rvtlm::platforms;
}  // namespace

platforms::DeviceType checksum_type() {
  platforms::DeviceType t;
  t.create = [](platforms::DeviceContext& ctx) {
    auto device = std::make_unique<Checksum>(ctx.device().name.c_str());
    ctx.map(device->socket);
    // The interrupt is optional: without one the guest polls STATUS.
    if (!ctx.device().interrupts.empty()) device->irq.bind(ctx.interrupt(0));
    return device;
  };
  t.device_tree = [](const platforms::DeviceTreeContext& ctx) {
    ctx.begin_node("checksum", {"example,checksum"});
    ctx.write_interrupts();
    ctx.tree.end_node();
  };
  t.trace = [](sc_core::sc_trace_file* file, sc_core::sc_module& m) {
    auto& c = static_cast<Checksum&>(m);
    sc_core::sc_trace(file, c.irq, std::string(c.basename()) + "_irq");
  };
  // What a description may say about it (checked before anything is built):
  // no properties of its own, one interrupt output, 0x14 bytes of registers.
  t.interrupt_outputs = 1;
  t.registers_size = [](const platforms::DeviceDescription&,
                        const platforms::PlatformDescription&) { return uint64_t{0x14}; };
  return t;
}

}  // namespace example
