// Runs the command-line fuzz entry point over the seed corpus and over
// fixed pseudo-random argument lists made of both tools' option names,
// values that are right, wrong, huge and empty, and stray words, so that
// every build exercises it, also without libFuzzer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  unsigned files = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
      std::ifstream in(entry.path(), std::ios::binary);
      run(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
      ++files;
    }
  }
  static const char* const kWords[] = {"--platform",
                                       "--harts",
                                       "--xlen",
                                       "--isa",
                                       "--memory",
                                       "--uart",
                                       "--bios",
                                       "--kernel",
                                       "--initrd",
                                       "--append",
                                       "--quantum",
                                       "--ns-per-insn",
                                       "--icount-shift",
                                       "--hz",
                                       "--ipc",
                                       "--sync",
                                       "--no-deadline",
                                       "--dmi",
                                       "--misaligned",
                                       "--timeout",
                                       "--trace",
                                       "--vcd",
                                       "--stats",
                                       "--dump-dtb",
                                       "--signature",
                                       "--device-library",
                                       "--plugin",
                                       "--gdb",
                                       "--gdb-wait",
                                       "--gdb-address",
                                       "--max-insns",
                                       "--pmp-entries",
                                       "--ad-bits",
                                       "--help",
                                       "--version",
                                       "--",
                                       "-",
                                       "prog.elf",
                                       "insn",
                                       "tlm",
                                       "0",
                                       "1",
                                       "64",
                                       "65",
                                       "4K",
                                       "64M",
                                       "16G",
                                       "17G",
                                       "1e300s",
                                       "10us",
                                       "0s",
                                       "1ps",
                                       "1e-30",
                                       "1e30",
                                       "18446744073709551616",
                                       "0x1000",
                                       "rv64gc",
                                       "rv32imafdc_zba",
                                       "imac",
                                       "",
                                       "lockstep",
                                       "emulate",
                                       "fault",
                                       "on",
                                       "off",
                                       "=",
                                       "--quantum=",
                                       "--harts=3",
                                       "--memory=0x1000",
                                       "--stats=1",
                                       "-x",
                                       "--timeout=1e-13s"};
  std::mt19937 rng(20261201u);
  constexpr unsigned kRandomInputs = 20000;
  for (unsigned n = 0; n < kRandomInputs; ++n) {
    std::string bytes(1, static_cast<char>(n & 1));
    const unsigned count = rng() % 9;
    for (unsigned w = 0; w < count; ++w) {
      if (w) bytes += '\0';
      bytes += kWords[rng() % (sizeof kWords / sizeof kWords[0])];
    }
    run(bytes);
  }
  std::cout << "fuzz cli smoke: " << files << " corpus files, " << kRandomInputs
            << " generated command lines, no failure\n";
  return 0;
}
