// libFuzzer entry point for platform descriptions: the input is the text of
// a JSON description. It goes through what `rvtlm run --platform FILE` does
// before it builds any SystemC module: parse_description (JSON syntax, the
// size and depth limits, keys, values, PlatformDescription::validate),
// hart_isa (the ISA string) and DeviceRegistry::check (device types, their
// properties, interrupts and register sizes). A DescriptionError is the
// expected answer to a bad description; any other exception, a crash, a
// hang, a leak or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_targets.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/device_registry.h"
#include "rvtlm/platforms/platform.h"

namespace rvtlm::fuzzing {

bool check_description(const uint8_t* data, size_t size, std::string& error) {
  using namespace rvtlm::platforms;
  // Built once: the registry of built-in types is constant, and building it
  // per input would dominate the cost of an input.
  static const DeviceRegistry registry = DeviceRegistry::builtin();
  try {
    PlatformDescription d =
        parse_description(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    // In the order of Platform's constructor: harts without S-mode lose
    // their supervisor contexts before the device types are checked.
    if (!hart_isa(d).has(iss::Extension::S)) d.hart_contexts = {"M"};
    registry.check(d);
  } catch (const DescriptionError& e) {
    error = e.what();
    return false;
  }
  return true;
}

}  // namespace rvtlm::fuzzing

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  rvtlm::fuzzing::check_description(data, size, error);
  return 0;
}
