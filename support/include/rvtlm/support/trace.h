// The instruction trace every rvtlm tool writes (rvtlm run --trace insn,
// rvtlm-iss --trace, the trace plugin), one line per instruction:
//   <time> ns hart<h> <count> 0x<pc, 16 digits> (0x<encoding>) <disassembly>
// <time> is the hart's time when the instruction starts, in nanoseconds with
// up to three decimals; <count> is the number of instructions the hart
// retired before it; the encoding has 4 hex digits when compressed, else 8.
#ifndef RVTLM_SUPPORT_TRACE_H
#define RVTLM_SUPPORT_TRACE_H

#include <cstdint>
#include <string>
#include <string_view>

namespace rvtlm::support {

// Picoseconds as nanoseconds with up to three decimals: 1500 -> "1.5".
std::string nanoseconds_text(uint64_t picoseconds);

// One trace line with its newline. Tabs in `disassembly` become spaces.
std::string insn_trace_line(std::string_view time_ns, unsigned hart, uint64_t count, uint64_t pc,
                            uint32_t bits, std::string_view disassembly);

}  // namespace rvtlm::support

#endif
