// The built-in platform descriptions (platforms/descriptions/*.json),
// compiled in by CMake.
#ifndef RVTLM_PLATFORMS_BUILTIN_DESCRIPTIONS_H
#define RVTLM_PLATFORMS_BUILTIN_DESCRIPTIONS_H

#include <vector>

namespace rvtlm::platforms {

struct BuiltinDescription {
  const char* name;
  const char* json;
};

const std::vector<BuiltinDescription>& builtin_descriptions();

}  // namespace rvtlm::platforms

#endif
