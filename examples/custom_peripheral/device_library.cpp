// example,checksum as a device library: `rvtlm run --device-library
// librvtlm-checksum.so --platform platform.json guest.elf` runs the
// accelerator under the stock rvtlm, with all of its options.
#include "rvtlm/platforms/device_library.h"

#include "checksum_type.h"

RVTLM_DEVICE_LIBRARY(registry) { registry.add("example,checksum", example::checksum_type()); }
