// The fuzz targets' entry points as functions that the smoke drivers can
// check results of (LLVMFuzzerTestOneInput only says "no crash").
#ifndef RVTLM_TESTS_FUZZING_FUZZ_TARGETS_H
#define RVTLM_TESTS_FUZZING_FUZZ_TARGETS_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace rvtlm::fuzzing {

// Takes `size` bytes as a JSON platform description through every check
// that `rvtlm run --platform FILE` makes before it builds the platform.
// Returns true if the description is accepted; otherwise false, with the
// DescriptionError's message in `error`. Any other outcome is a bug.
bool check_description(const uint8_t* data, size_t size, std::string& error);

// Harts of the ISS fuzz target (one per configuration, with its bus and
// RAM), kept from one input to the next.
class IssMachines {
 public:
  IssMachines();
  ~IssMachines();
  IssMachines(const IssMachines&) = delete;
  IssMachines& operator=(const IssMachines&) = delete;
  struct Pool;
  std::unique_ptr<Pool> pool;
};

// Runs one ISS fuzz input (fuzz_iss.cpp) on a hart of `machines` (nullptr:
// on a new hart) and returns a digest of how its runs ended, its final
// architectural state, its RAM and how often the bus carried RAM accesses.
uint64_t run_iss_input(const uint8_t* data, size_t size, IssMachines* machines);

}  // namespace rvtlm::fuzzing

#endif
