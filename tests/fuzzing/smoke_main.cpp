// Runs the fuzz entry point over the seed corpus and a fixed set of
// pseudo-random inputs, so that every build (also without libFuzzer)
// exercises it.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  unsigned runs = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      ++runs;
    }
  }
  std::mt19937 rng(20261121);
  for (unsigned n = 0; n < 300; ++n) {
    std::vector<uint8_t> bytes(1 + rng() % 4096);
    for (size_t k = 0; k < bytes.size(); k += 4) {
      uint32_t w = static_cast<uint32_t>(rng());
      if (n % 2) w |= 3;  // mostly 32-bit encodings
      for (size_t b = 0; b < 4 && k + b < bytes.size(); ++b) bytes[k + b] = uint8_t(w >> (8 * b));
    }
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    ++runs;
  }
  std::cout << runs << " inputs ran\n";
  return runs > 300 ? 0 : 1;
}
