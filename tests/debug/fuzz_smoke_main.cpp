// Runs the protocol fuzz entry point over the seed corpus and over fixed
// pseudo-random inputs made of well-formed and damaged packets, so that
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

#include "rvtlm/debug/rsp_packet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

const char* const kCommands[] = {"?",
                                 "g",
                                 "G",
                                 "p",
                                 "P",
                                 "m",
                                 "M",
                                 "X",
                                 "Z0,",
                                 "z0,",
                                 "Z2,",
                                 "z3,",
                                 "c",
                                 "s",
                                 "C05",
                                 "S05",
                                 "vCont;c",
                                 "vCont;s:",
                                 "vCont?",
                                 "Hg",
                                 "Hc",
                                 "T",
                                 "qfThreadInfo",
                                 "qsThreadInfo",
                                 "qC",
                                 "qSupported",
                                 "qXfer:features:read:target.xml:",
                                 "qRcmd,",
                                 "QStartNoAckMode",
                                 "D",
                                 "k",
                                 "vKill;1",
                                 "bc",
                                 "bs",
                                 "qThreadExtraInfo,",
                                 "qAttached"};

}  // namespace

int main(int argc, char** argv) {
  unsigned files = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg))
        if (entry.is_regular_file()) paths.push_back(entry.path());
    } else {
      paths.push_back(arg);
    }
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return 1;
      }
      run(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
      ++files;
    }
  }
  std::mt19937 rng(20261201u);
  constexpr unsigned kInputs = 2000;
  for (unsigned n = 0; n < kInputs; ++n) {
    std::string bytes(1, static_cast<char>(rng()));
    const unsigned packets = 1 + rng() % 12;
    for (unsigned p = 0; p < packets; ++p) {
      std::string payload = kCommands[rng() % (sizeof kCommands / sizeof kCommands[0])];
      const unsigned extra = rng() % 24;
      for (unsigned k = 0; k < extra; ++k)
        payload.push_back("0123456789abcdef,:;=-p.x}#$*"[rng() % 28]);
      std::string framed = rvtlm::debug::rsp::frame(payload);
      switch (rng() % 8) {
        case 0:
          framed[framed.size() - 1] ^= 1;  // damaged checksum
          break;
        case 1:
          framed += "\x03";
          break;
        case 2:
          framed += rng() % 2 ? "+" : "-";
          break;
        case 3:
          framed.resize(rng() % framed.size());  // cut short
          break;
        default:
          break;
      }
      bytes += framed;
    }
    run(bytes);
  }
  std::cout << files << " files and " << kInputs << " generated inputs ran\n";
  return 0;
}
