// Decoder derived from the encoding table in insns.def.
#ifndef RVTLM_ISS_DECODER_H
#define RVTLM_ISS_DECODER_H

#include <cstdint>
#include <vector>

#include "rvtlm/iss/isa.h"
#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// Semantic operations (one per OP row of insns.def) plus the internal
// block terminator and the internal ops of instrumented blocks
// (instrumentation.h): entry_* run before a block's first instruction,
// `instrumented` replaces the handler of an instruction with hooks.
enum class Op : uint16_t {
#define RVTLM_OP_ENUM(name, ...) name,
#include "insns.def"
  RVTLM_OPS(RVTLM_OP_ENUM)
#undef RVTLM_OP_ENUM
      block_end,
  entry_track,
  entry_add,
  entry_adds,
  entry_calls,
  instrumented,
  count
};

// Where the operand fields of an encoding sit.
enum class Format : uint8_t {
  R,
  R4,
  IArith,
  IMem,
  Shamt,
  S,
  B,
  U,
  J,
  Csr,
  CsrI,
  Amo,
  Lr,
  Fence,
  None,
  Sfence,
  CIW,
  CLW,
  CLD,
  CSW,
  CSD,
  CI,
  CJal,
  CLi,
  CAddi16sp,
  CLui,
  CBShift,
  CBAndi,
  CA,
  CJ,
  CBranch,
  CSlli,
  CLwsp,
  CLdsp,
  CNone,
  CJr,
  CMv,
  CJalr,
  CAdd,
  CSwsp,
  CSdsp,
};

// The operand signature of a row: the register class of rd, rs1, rs2 and
// rs3 ('x' integer, 'f' floating point, '-' none) and whether the row has a
// rounding mode ('r' or '-'), written as a five-character string.
enum class RegClass : uint8_t { None, X, F };
struct Signature {
  RegClass rd = RegClass::None;
  RegClass rs1 = RegClass::None;
  RegClass rs2 = RegClass::None;
  RegClass rs3 = RegClass::None;
  bool rm = false;
};
constexpr RegClass reg_class(char c) {
  return c == 'x' ? RegClass::X : c == 'f' ? RegClass::F : RegClass::None;
}
constexpr Signature signature(const char (&s)[6]) {
  return {reg_class(s[0]), reg_class(s[1]), reg_class(s[2]), reg_class(s[3]), s[4] == 'r'};
}

// Extension sets an encoding needs (all of the named bits).
namespace ext {
constexpr uint32_t bit(Extension e) { return uint32_t{1} << static_cast<unsigned>(e); }
inline constexpr uint32_t I = bit(Extension::I);
inline constexpr uint32_t M = bit(Extension::M);
inline constexpr uint32_t A = bit(Extension::A);
inline constexpr uint32_t F = bit(Extension::F);
inline constexpr uint32_t D = bit(Extension::D);
inline constexpr uint32_t C = bit(Extension::C);
inline constexpr uint32_t S = bit(Extension::S);
inline constexpr uint32_t CF = C | F;
inline constexpr uint32_t CD = C | D;
inline constexpr uint32_t Zicsr = bit(Extension::Zicsr);
inline constexpr uint32_t Zifencei = bit(Extension::Zifencei);
inline constexpr uint32_t Zicond = bit(Extension::Zicond);
inline constexpr uint32_t Zihintpause = bit(Extension::Zihintpause);
inline constexpr uint32_t Zba = bit(Extension::Zba);
inline constexpr uint32_t Zbb = bit(Extension::Zbb);
inline constexpr uint32_t Zbs = bit(Extension::Zbs);
}  // namespace ext

// The register widths an encoding exists for.
enum : uint8_t { B = 3, R32 = 1, R64 = 2 };

// Constraints on operand values that make an encoding reserved.
enum : uint8_t {
  kNonZeroImm = 1,
  kNonZeroRd = 2,
  kNonZeroRs1 = 4,
  kRv32Shamt = 8,  // on RV32 a shift amount of 32 or more is reserved
};

struct Encoding {
  const char* mnemonic;
  uint32_t match;
  uint32_t mask;
  Format format;
  Signature sig;
  uint32_t extensions;
  uint8_t xlens;
  Op op;
  uint8_t flags;
};

// Operands of a decoded instruction as the semantic op sees them (register
// fields are raw: x0 is 0).
struct Operands {
  uint8_t rd = 0;
  uint8_t rs1 = 0;
  uint8_t rs2 = 0;
  uint8_t rs3 = 0;
  uint8_t rm = 0;
  int64_t imm = 0;
};

class Decoder {
 public:
  explicit Decoder(const Isa& isa);

  // Finds the encoding of `bits` (a compressed instruction in the low 16
  // bits) and fills `ops`; nullptr if the encoding is illegal.
  const Encoding* decode(uint32_t bits, Operands& ops) const;

  static const Encoding* table(std::size_t& size);
  // True if the row exists for a hart with this ISA.
  static bool enabled(const Encoding& row, const Isa& isa);

 private:
  static unsigned bucket(uint32_t bits);
  bool rv32_;
  std::vector<std::vector<const Encoding*>> buckets_;
};

}  // namespace rvtlm::iss

#endif
