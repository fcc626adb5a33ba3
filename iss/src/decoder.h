// Decoder derived from the encoding table in insns.def.
#ifndef RVTLM_ISS_DECODER_H
#define RVTLM_ISS_DECODER_H

#include <cstdint>
#include <vector>

#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// Semantic operations (one per OP row of insns.def) plus the internal
// block terminator.
enum class Op : uint16_t {
#define RVTLM_OP_ENUM(name, ...) name,
#include "insns.def"
  RVTLM_OPS(RVTLM_OP_ENUM)
#undef RVTLM_OP_ENUM
      block_end,
  count
};

// How the operands of an encoding are laid out.
enum class Format : uint8_t {
  R, IArith, IMem, Shamt, S, B, U, J, Csr, CsrI, Amo, Lr, Fence, None,
  CIW, CLW, CLD, CSW, CSD, CI, CJal, CLi, CAddi16sp, CLui, CBShift, CBAndi, CA, CJ,
  CBranch, CSlli, CLwsp, CLdsp, CNone, CJr, CMv, CJalr, CAdd, CSwsp, CSdsp,
};

// Extension sets an encoding belongs to.
namespace ext {
inline constexpr uint32_t I = 1u << 0;    // RV32I and RV64I
inline constexpr uint32_t I32 = 1u << 1;  // RV32I only
inline constexpr uint32_t I64 = 1u << 2;  // RV64I only
inline constexpr uint32_t M = 1u << 3;
inline constexpr uint32_t M64 = 1u << 4;
inline constexpr uint32_t A = 1u << 5;
inline constexpr uint32_t A64 = 1u << 6;
inline constexpr uint32_t C = 1u << 7;
inline constexpr uint32_t C32 = 1u << 8;
inline constexpr uint32_t C64 = 1u << 9;
inline constexpr uint32_t Zicsr = 1u << 10;
inline constexpr uint32_t Zifencei = 1u << 11;
inline constexpr uint32_t Priv = 1u << 12;
}  // namespace ext

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
  uint32_t extensions;
  Op op;
  uint8_t flags;
};

// Operands of a decoded instruction as the semantic op sees them (register
// fields are raw: x0 is 0).
struct Operands {
  uint8_t rd = 0;
  uint8_t rs1 = 0;
  uint8_t rs2 = 0;
  int64_t imm = 0;
};

// The extensions enabled for a hart, as a mask of ext:: bits.
uint32_t enabled_extensions(Xlen xlen, bool m, bool a, bool c);

class Decoder {
 public:
  explicit Decoder(uint32_t extensions);

  // Finds the encoding of `bits` (a compressed instruction in the low 16
  // bits) and fills `ops`; nullptr if the encoding is illegal.
  const Encoding* decode(uint32_t bits, Operands& ops) const;

  static const Encoding* table(std::size_t& size);

 private:
  static unsigned bucket(uint32_t bits);
  bool rv32_;
  std::vector<std::vector<const Encoding*>> buckets_;
};

}  // namespace rvtlm::iss

#endif
