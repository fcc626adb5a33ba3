// Runs the ISS fuzz entry point over the files named on the command line
// (directories: every regular file inside) and over 500 fixed pseudo-random
// inputs, so that every build exercises it, also without libFuzzer.
//
// The fuzz target keeps one hart per configuration from input to input and
// resets it; that must leave nothing behind. Every input is therefore run
// three times and must end the same way each time (the digest of its runs'
// ends, final state, RAM and RAM accesses through the bus): on kept harts in
// order, on kept harts in the reverse order, and on a new hart of its own.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <vector>

#include "fuzz_targets.h"

namespace {

bool read_file(const std::filesystem::path& path, std::vector<std::vector<uint8_t>>& inputs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return false;
  }
  inputs.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::vector<uint8_t>> inputs;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (!entry.is_regular_file()) continue;
        ok = read_file(entry.path(), inputs) && ok;
      }
    } else {
      ok = read_file(arg, inputs) && ok;
    }
  }
  const size_t files = inputs.size();

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
        for (size_t b = 0; b < len && k < bytes.size(); ++b, ++k)
          bytes[k] = static_cast<uint8_t>(w >> (8 * b));
      }
    }
    inputs.push_back(std::move(bytes));
  }

  using rvtlm::fuzzing::run_iss_input;
  std::vector<uint64_t> forward(inputs.size()), backward(inputs.size());
  {
    rvtlm::fuzzing::IssMachines machines;
    for (size_t i = 0; i < inputs.size(); ++i)
      forward[i] = run_iss_input(inputs[i].data(), inputs[i].size(), &machines);
  }
  {
    rvtlm::fuzzing::IssMachines machines;
    for (size_t i = inputs.size(); i-- > 0;)
      backward[i] = run_iss_input(inputs[i].data(), inputs[i].size(), &machines);
  }
  unsigned differ = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const uint64_t alone = run_iss_input(inputs[i].data(), inputs[i].size(), nullptr);
    if (forward[i] != alone || backward[i] != alone) {
      if (++differ <= 10)
        std::cerr << "input " << i << " (" << inputs[i].size() << " bytes, configuration byte "
                  << unsigned{inputs[i][0]} << ") ends differently on a kept hart: in order "
                  << std::hex << forward[i] << ", reversed " << backward[i] << ", alone " << alone
                  << std::dec << "\n";
    }
  }
  std::cout << files << " files and " << kRandomInputs << " random inputs ran, each three times; "
            << differ << " ended differently on a kept hart\n";
  return ok && differ == 0 ? 0 : 1;
}
