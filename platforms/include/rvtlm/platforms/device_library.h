// Device types in a shared library, so that a user's model runs under the
// stock `rvtlm run` with every option (traces, VCD, statistics, UART,
// timeout, --dump-dtb): the library registers its types when it is loaded
// (`rvtlm run --device-library PATH`, a description's "device_libraries",
// or DeviceRegistry::load).
//
// A device library is one source file more than the model:
//
//   #include "rvtlm/platforms/device_library.h"
//   RVTLM_DEVICE_LIBRARY(registry) {
//     registry.add("example,checksum", checksum_type());
//   }
//
// built as a module that links rvtlm::platforms (CMake, from the installed
// package: rvtlm_add_device_library(name SOURCES ...)). It runs inside the
// program that loads it, which must be built from the same rvtlm (the rvtlm
// executable exports its symbols for this); RVTLM_DEVICE_LIBRARY_ABI changes
// whenever a library must be rebuilt.
#ifndef RVTLM_PLATFORMS_DEVICE_LIBRARY_H
#define RVTLM_PLATFORMS_DEVICE_LIBRARY_H

#include "rvtlm/platforms/device_registry.h"

#define RVTLM_DEVICE_LIBRARY_ABI 1

// Defines the library's entry points; the braces that follow are the body of
// its registration function, with `registry_name` the DeviceRegistry&.
#define RVTLM_DEVICE_LIBRARY(registry_name)                                               \
  extern "C" __attribute__((visibility("default"))) unsigned rvtlm_device_library_abi() { \
    return RVTLM_DEVICE_LIBRARY_ABI;                                                      \
  }                                                                                       \
  extern "C" __attribute__((visibility("default"))) void rvtlm_register_devices(          \
      rvtlm::platforms::DeviceRegistry& registry_name)

#endif
