// A device type of the consumer's own, loaded by the installed rvtlm as a
// device library: one read-only register that holds 42.
#include <rvtlm/models/register_target.h>
#include <rvtlm/platforms/device_library.h>

#include <memory>

namespace {

class Answer : public rvtlm::models::RegisterTarget {
 public:
  explicit Answer(const sc_core::sc_module_name& name) : RegisterTarget(name) {
    registers_.add(rvtlm::models::Register("answer", 0, 4).reset(42).read_only());
  }
};

}  // namespace

RVTLM_DEVICE_LIBRARY(registry) {
  rvtlm::platforms::DeviceType answer;
  answer.create = [](rvtlm::platforms::DeviceContext& ctx) {
    auto device = std::make_unique<Answer>(ctx.device().name.c_str());
    ctx.map(device->socket);
    return device;
  };
  answer.registers_size = [](const rvtlm::platforms::DeviceDescription&,
                             const rvtlm::platforms::PlatformDescription&) { return uint64_t{4}; };
  registry.add("consumer,answer", answer);
}
