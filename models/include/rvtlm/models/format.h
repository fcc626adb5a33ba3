// Addresses and values in messages a user reads ("... at 0x80001000").
#ifndef RVTLM_MODELS_FORMAT_H
#define RVTLM_MODELS_FORMAT_H

#include <cstdint>
#include <cstdio>
#include <string>

namespace rvtlm::models {

inline std::string to_hex(uint64_t value) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(value));
  return buf;
}

}  // namespace rvtlm::models

#endif
