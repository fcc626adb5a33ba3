// Runs the fuzz entry point over the files named on the command line
// (directories: every regular file inside) and over 500 fixed pseudo-random
// inputs, so that every build exercises it, also without libFuzzer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return false;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned files = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (!entry.is_regular_file()) continue;
        ok = run_file(entry.path()) && ok;
        ++files;
      }
    } else {
      ok = run_file(arg) && ok;
      ++files;
    }
  }

  std::mt19937 rng(20261121u);
  constexpr unsigned kRandomInputs = 500;
  for (unsigned n = 0; n < kRandomInputs; ++n) {
    std::vector<uint8_t> bytes(1 + rng() % 4096);
    if (n % 2 == 0) {
      for (auto& b : bytes) b = static_cast<uint8_t>(rng());
    } else {
      // Valid-looking code: 32-bit words with low bits 0b11 mixed with
      // random 16-bit (compressed) parcels.
      bytes[0] = static_cast<uint8_t>(rng());
      if (n % 4 == 1) bytes[0] |= 0x20;  // traps re-enter the code (mtvec in RAM)
      size_t k = 1;
      while (k < bytes.size()) {
        uint32_t w = static_cast<uint32_t>(rng());
        size_t len = 2;
        if (rng() % 4 != 0) {
          w |= 3;
          len = 4;
        }
        for (size_t b = 0; b < len && k < bytes.size(); ++b, ++k) bytes[k] = static_cast<uint8_t>(w >> (8 * b));
      }
    }
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  }
  std::cout << files << " files and " << kRandomInputs << " random inputs ran\n";
  return ok ? 0 : 1;
}
