// libFuzzer entry point for the command lines of rvtlm run and rvtlm-iss.
// The input is the argument list, words separated by NUL bytes; byte 0
// chooses the tool. Each parser must either return options or throw
// rvtlm::support::UsageError: any other exception, a crash, a hang or a
// sanitizer report is a bug. A returned option set must also hold what the
// parsers promise (a program unless --help/--version, values in range).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "iss_options.h"
#include "run_options.h"
#include "rvtlm/support/options.h"

namespace {

std::vector<std::string> words_of(const uint8_t* data, size_t size) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      words.emplace_back();
    else
      words.back() += static_cast<char>(data[i]);
  }
  return words;
}

void check(bool promise) {
  if (!promise) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 4096) return 0;
  const std::vector<std::string> words = words_of(data + 1, size - 1);
  try {
    if (data[0] & 1) {
      const auto o = rvtlm::iss_tool::parse_options(words);
      if (!o.help && !o.version) {
        check(!o.program.empty() || words.size() > 0);
        check(o.harts >= 1 && o.harts <= 64);
        check(o.memory >= 4096 && o.memory % 4096 == 0 && o.memory <= (uint64_t{16} << 30));
        check(o.quantum >= 1);
        check(o.pmp_entries == 0 || o.pmp_entries == 16 || o.pmp_entries == 64);
      }
    } else {
      const auto o = rvtlm::run_tool::parse_options(words);
      if (!o.help && !o.version) {
        check(!o.program.empty() || !o.bios.empty() || !o.kernel.empty() || !o.dump_dtb.empty());
        check(o.quantum > sc_core::SC_ZERO_TIME);
        check(!o.timeout || *o.timeout > sc_core::SC_ZERO_TIME);
        check(!o.harts || *o.harts <= 64);
        check(!o.memory || (*o.memory >= 4096 && *o.memory % 4096 == 0));
      }
    }
  } catch (const rvtlm::support::UsageError&) {
  }
  return 0;
}

// SystemC's library refers to sc_main; this program parses command lines
// and never starts a simulation.
int sc_main(int, char**) { return 0; }
