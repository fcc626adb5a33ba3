// rvtlm-check-disasm OBJDUMP OBJECT XLEN: disassembles every instruction of
// OBJECT with rvtlm and compares with `OBJDUMP -d -M no-aliases`; also checks
// that the object uses every mnemonic of the encoding table for that XLEN.
#include <cstdio>
#include <iostream>
#include <set>
#include <string>

#include "decoder.h"
#include "rvtlm/iss/disassembler.h"

namespace {

std::string normalise(std::string s) {
  // objdump's annotations: " <symbol+offset>" and " # computed address".
  for (const char* note : {" <", " #"}) {
    const auto at = s.find(note);
    if (at != std::string::npos) s.erase(at);
  }
  std::string out;
  for (char c : s) {
    if (c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_hex(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool parse_line(const std::string& line, std::string& addr, std::string& hex, std::string& text) {
  const auto colon = line.find(':');
  if (colon == std::string::npos) return false;
  addr = line.substr(0, colon);
  addr.erase(0, addr.find_first_not_of(' '));
  const auto hex_begin = line.find_first_not_of(" \t", colon + 1);
  if (hex_begin == std::string::npos) return false;
  const auto hex_end = line.find_first_of(" \t", hex_begin);
  if (hex_end == std::string::npos) return false;
  hex = line.substr(hex_begin, hex_end - hex_begin);
  const auto text_begin = line.find_first_not_of(" \t", hex_end);
  if (text_begin == std::string::npos) return false;
  text = line.substr(text_begin);
  return is_hex(addr) && is_hex(hex) && (hex.size() == 4 || hex.size() == 8);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rvtlm::iss;
  if (argc != 4) {
    std::cerr << "usage: rvtlm-check-disasm OBJDUMP OBJECT 32|64\n";
    return 2;
  }
  const Xlen xlen = std::string(argv[3]) == "32" ? Xlen::Rv32 : Xlen::Rv64;
  const std::string cmd = std::string(argv[1]) + " -d -M no-aliases " + argv[2];
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) {
    std::cerr << "cannot run " << cmd << "\n";
    return 2;
  }
  const Disassembler dis(xlen);
  std::set<std::string> seen;
  unsigned compared = 0, mismatches = 0;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) {
    std::string line(buf);
    if (!line.empty() && line.back() == '\n') line.pop_back();
    // "   addr:\thex    \tmnemonic\toperands"
    std::string addr, hex, text;
    if (!parse_line(line, addr, hex, text)) continue;
    const uint64_t pc = std::stoull(addr, nullptr, 16);
    const uint32_t bits = static_cast<uint32_t>(std::stoul(hex, nullptr, 16));
    const std::string want = normalise(text);
    const std::string got = normalise(dis(bits, pc));
    ++compared;
    std::string mnemonic = want.substr(0, want.find(' '));
    for (const char* suffix : {".aqrl", ".aq", ".rl"}) {
      const std::string s(suffix);
      if (mnemonic.size() > s.size() &&
          mnemonic.compare(mnemonic.size() - s.size(), s.size(), s) == 0) {
        mnemonic.erase(mnemonic.size() - s.size());
        break;
      }
    }
    seen.insert(mnemonic);
    if (want != got) {
      ++mismatches;
      std::cout << std::hex << pc << std::dec << ": expected '" << want << "' got '" << got
                << "'\n";
    }
  }
  const int status = pclose(pipe);
  if (status != 0) {
    std::cerr << cmd << " failed (status " << status << ")\n";
    return 1;
  }
  std::size_t n;
  const Encoding* table = Decoder::table(n);
  const Isa exts(xlen);
  unsigned missing = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // binutils 2.40 cannot assemble Zicond: its disassembly is tested in
    // the unit tests instead.
    if (table[i].extensions == ext::Zicond) continue;
    if (Decoder::enabled(table[i], exts) && !seen.count(table[i].mnemonic)) {
      ++missing;
      std::cout << "not covered: " << table[i].mnemonic << "\n";
    }
  }
  std::cout << compared << " instructions compared, " << mismatches << " mismatches, " << missing
            << " mnemonics not covered\n";
  return compared >= 50 && mismatches == 0 && missing == 0 ? 0 : 1;
}
