// rvtlm-iss's command line, apart from the program so that tests and the
// command-line fuzz target can parse without running anything.
#ifndef RVTLM_ISS_TOOLS_ISS_OPTIONS_H
#define RVTLM_ISS_TOOLS_ISS_OPTIONS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rvtlm/iss/hart.h"
#include "rvtlm/iss/isa.h"

namespace rvtlm::iss_tool {

struct Options {
  unsigned xlen = 0;  // 0: from the ELF class
  unsigned harts = 1;
  uint64_t memory = uint64_t{128} << 20;  // as the virt platform's RAM
  uint64_t max_insns = 0;
  uint64_t quantum = 10000;  // instructions (1 ns each)
  rvtlm::iss::MisalignedPolicy misaligned = rvtlm::iss::MisalignedPolicy::Trap;
  std::optional<rvtlm::iss::Isa> isa;
  unsigned pmp_entries = 16;
  rvtlm::iss::PteUpdate pte_update = rvtlm::iss::PteUpdate::Hardware;
  std::string signature;
  std::string trace;
  bool stats = false;
  bool help = false;
  bool version = false;
  std::string program;
};

// The arguments after the program name. Throws rvtlm::support::UsageError.
// With --help or --version the rest is not checked (no program needed).
Options parse_options(const std::vector<std::string>& words);

// --help's text.
const char* help_text();

}  // namespace rvtlm::iss_tool

#endif
