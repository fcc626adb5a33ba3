// The example,checksum device type: how a platform builds, describes and
// traces an example::Checksum. Shared by the custom-peripheral program
// (which registers it itself) and the device library (which `rvtlm run`
// loads).
#ifndef RVTLM_EXAMPLE_CHECKSUM_TYPE_H
#define RVTLM_EXAMPLE_CHECKSUM_TYPE_H

#include "rvtlm/platforms/device_registry.h"

namespace example {

rvtlm::platforms::DeviceType checksum_type();

}  // namespace example

#endif
