// Runs the description fuzz entry point over the files named on the command
// line (directories: every regular file inside) and over damaged copies of
// each, so that every build exercises it, also without libFuzzer. A file
// whose name starts with "bad-" must be rejected with a DescriptionError,
// every other file accepted; the damaged copies may go either way but must
// end in one of the two. (SystemC's main() calls sc_main; no module is
// built.)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <systemc>
#include <vector>

#include "fuzz_targets.h"

namespace {

bool check(const std::string& bytes, std::string& error) {
  return rvtlm::fuzzing::check_description(reinterpret_cast<const uint8_t*>(bytes.data()),
                                           bytes.size(), error);
}

// Prefixes, single replaced bytes and a doubled middle of `text`: the
// mistakes a hand-written description has, at every part of the syntax.
unsigned run_damaged(const std::string& text) {
  static constexpr char kReplacements[] = {'{', '}', '[', ']', '"', ',',  ':',  '0',
                                           'x', '-', 'e', '9', ' ', '\0', '\\', '\xff'};
  const size_t step = std::max<size_t>(1, text.size() / 97);
  unsigned ran = 0;
  std::string error;
  for (size_t n = 0; n < text.size(); n += step) {
    check(text.substr(0, n), error);
    std::string changed = text;
    changed[n] = kReplacements[(n / step) % sizeof kReplacements];
    check(changed, error);
    ran += 2;
  }
  const std::string doubled =
      text.substr(0, text.size() / 2) + text.substr(text.size() / 4, text.size() / 2);
  check(doubled, error);
  return ran + 1;
}

}  // namespace

int sc_main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());

  bool ok = !files.empty();
  unsigned accepted = 0, rejected = 0, damaged = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << path << "\n";
      ok = false;
      continue;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool bad = path.filename().string().rfind("bad-", 0) == 0;
    std::string error;
    const bool passed = check(text, error);
    if (passed == bad) {
      std::cerr << path << ": " << (bad ? "accepted, but it is a bad description" : error) << "\n";
      ok = false;
    } else if (bad && error.rfind("fuzz.json: ", 0) != 0) {
      std::cerr << path << ": the error does not name the description: " << error << "\n";
      ok = false;
    }
    ++(passed ? accepted : rejected);
    damaged += run_damaged(text);
  }
  std::cout << files.size() << " descriptions (" << accepted << " accepted, " << rejected
            << " rejected) and " << damaged << " damaged copies ran\n";
  return ok ? 0 : 1;
}
