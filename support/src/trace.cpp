#include "rvtlm/support/trace.h"

#include <cinttypes>
#include <cstdio>

namespace rvtlm::support {

std::string nanoseconds_text(uint64_t picoseconds) {
  char text[48];
  std::snprintf(text, sizeof text, "%" PRIu64 ".%03" PRIu64, picoseconds / 1000,
                picoseconds % 1000);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string insn_trace_line(std::string_view time_ns, unsigned hart, uint64_t count, uint64_t pc,
                            uint32_t bits, std::string_view disassembly) {
  const bool compressed = (bits & 3) != 3;
  char head[96];
  std::snprintf(head, sizeof head, " ns hart%u %" PRIu64 " 0x%016" PRIx64 " (0x%0*x) ", hart, count,
                pc, compressed ? 4 : 8, compressed ? bits & 0xffff : bits);
  std::string line;
  line.reserve(time_ns.size() + 64 + disassembly.size());
  line.append(time_ns).append(head);
  for (char c : disassembly) line += c == '\t' ? ' ' : c;
  line += '\n';
  return line;
}

}  // namespace rvtlm::support
