// Disassembly derived from the same encoding table as the decoder. The text
// follows the GNU binutils convention with aliases off (`objdump -M
// no-aliases`): ABI register names, `mnemonic<TAB>operands`, branch targets
// as absolute hexadecimal addresses.
#ifndef RVTLM_ISS_DISASSEMBLER_H
#define RVTLM_ISS_DISASSEMBLER_H

#include <cstdint>
#include <memory>
#include <string>

#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// Length in bytes (2 or 4) of the instruction whose low 16 bits are `low`.
inline unsigned instruction_length(uint32_t low) { return (low & 3) == 3 ? 4 : 2; }

// Disassembles the instruction `bits` (low 16 bits only for a compressed
// one) located at `pc`. Unknown encodings give "unknown 0x...".
std::string disassemble(uint32_t bits, uint64_t pc, Xlen xlen);

// The same, keeping its decoding tables between calls (for traces).
class Disassembler {
 public:
  explicit Disassembler(Xlen xlen);
  ~Disassembler();
  std::string operator()(uint32_t bits, uint64_t pc) const;

 private:
  struct Tables;
  Xlen xlen_;
  std::unique_ptr<Tables> tables_;
};

// ABI name of integer register `index` (0..31).
const char* register_name(unsigned index);
// ABI name of floating-point register `index` (0..31).
const char* fp_register_name(unsigned index);

}  // namespace rvtlm::iss

#endif
