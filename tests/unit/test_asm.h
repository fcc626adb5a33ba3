// A tiny RISC-V assembler for unit tests: instruction encoders (Unprivileged
// spec 2.3 and 16.2) so that tests write guest programs as arrays of words.
#ifndef RVTLM_TESTS_UNIT_TEST_ASM_H
#define RVTLM_TESTS_UNIT_TEST_ASM_H

#include <cstdint>
#include <vector>

namespace rvtlm::test {

// clang-format off
enum Reg : uint32_t {
  zero, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5,
  a6, a7, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6,
};
// clang-format on

// One instruction of a program: 32-bit words and 16-bit compressed parcels
// are told apart by their C++ type.
struct Insn {
  constexpr Insn(uint32_t b) : bits(b), len(4) {}  // NOLINT(google-explicit-constructor)
  constexpr Insn(uint16_t b) : bits(b), len(2) {}  // NOLINT(google-explicit-constructor)
  uint32_t bits;
  unsigned len;
};
using Program = std::vector<Insn>;

// Size in bytes of the first `count` instructions of `p` (all if count < 0).
inline uint64_t program_size(const Program& p, int count = -1) {
  uint64_t n = 0;
  for (std::size_t i = 0; i < p.size() && (count < 0 || static_cast<int>(i) < count); ++i)
    n += p[i].len;
  return n;
}

namespace enc {

constexpr uint32_t bits(uint32_t v, unsigned hi, unsigned lo) {
  return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

constexpr uint32_t encode_r(uint32_t opcode, uint32_t f3, uint32_t f7, uint32_t rd, uint32_t rs1,
                            uint32_t rs2) {
  return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
}
constexpr uint32_t encode_i(uint32_t opcode, uint32_t f3, uint32_t rd, uint32_t rs1, int32_t imm) {
  return (static_cast<uint32_t>(imm) & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
}
constexpr uint32_t encode_s(uint32_t opcode, uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm) {
  const auto u = static_cast<uint32_t>(imm);
  return bits(u, 11, 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | bits(u, 4, 0) << 7 | opcode;
}
constexpr uint32_t encode_b(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t offset) {
  const auto u = static_cast<uint32_t>(offset);
  return bits(u, 12, 12) << 31 | bits(u, 10, 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
         bits(u, 4, 1) << 8 | bits(u, 11, 11) << 7 | 0x63;
}
// `upper` is the 20-bit value placed in bits 31:12.
constexpr uint32_t encode_u(uint32_t opcode, uint32_t rd, uint32_t upper) {
  return (upper & 0xfffff) << 12 | rd << 7 | opcode;
}
constexpr uint32_t encode_j(uint32_t rd, int32_t offset) {
  const auto u = static_cast<uint32_t>(offset);
  return bits(u, 20, 20) << 31 | bits(u, 10, 1) << 21 | bits(u, 11, 11) << 20 |
         bits(u, 19, 12) << 12 | rd << 7 | 0x6f;
}

}  // namespace enc

// ---- RV32I / RV64I --------------------------------------------------------
constexpr uint32_t lui(Reg rd, uint32_t upper) { return enc::encode_u(0x37, rd, upper); }
constexpr uint32_t auipc(Reg rd, uint32_t upper) { return enc::encode_u(0x17, rd, upper); }
constexpr uint32_t jal(Reg rd, int32_t offset) { return enc::encode_j(rd, offset); }
constexpr uint32_t jalr(Reg rd, Reg rs1, int32_t imm) {
  return enc::encode_i(0x67, 0, rd, rs1, imm);
}
constexpr uint32_t beq(Reg rs1, Reg rs2, int32_t off) { return enc::encode_b(0, rs1, rs2, off); }
constexpr uint32_t bne(Reg rs1, Reg rs2, int32_t off) { return enc::encode_b(1, rs1, rs2, off); }
constexpr uint32_t blt(Reg rs1, Reg rs2, int32_t off) { return enc::encode_b(4, rs1, rs2, off); }
constexpr uint32_t lb(Reg rd, Reg rs1, int32_t imm) { return enc::encode_i(0x03, 0, rd, rs1, imm); }
constexpr uint32_t lh(Reg rd, Reg rs1, int32_t imm) { return enc::encode_i(0x03, 1, rd, rs1, imm); }
constexpr uint32_t lw(Reg rd, Reg rs1, int32_t imm) { return enc::encode_i(0x03, 2, rd, rs1, imm); }
constexpr uint32_t ld(Reg rd, Reg rs1, int32_t imm) { return enc::encode_i(0x03, 3, rd, rs1, imm); }
constexpr uint32_t lbu(Reg rd, Reg rs1, int32_t imm) {
  return enc::encode_i(0x03, 4, rd, rs1, imm);
}
constexpr uint32_t sb(Reg rs2, Reg rs1, int32_t imm) {
  return enc::encode_s(0x23, 0, rs1, rs2, imm);
}
constexpr uint32_t sh(Reg rs2, Reg rs1, int32_t imm) {
  return enc::encode_s(0x23, 1, rs1, rs2, imm);
}
constexpr uint32_t sw(Reg rs2, Reg rs1, int32_t imm) {
  return enc::encode_s(0x23, 2, rs1, rs2, imm);
}
constexpr uint32_t sd(Reg rs2, Reg rs1, int32_t imm) {
  return enc::encode_s(0x23, 3, rs1, rs2, imm);
}
constexpr uint32_t addi(Reg rd, Reg rs1, int32_t imm) {
  return enc::encode_i(0x13, 0, rd, rs1, imm);
}
constexpr uint32_t andi(Reg rd, Reg rs1, int32_t imm) {
  return enc::encode_i(0x13, 7, rd, rs1, imm);
}
constexpr uint32_t slli(Reg rd, Reg rs1, unsigned shamt) {
  return enc::encode_i(0x13, 1, rd, rs1, static_cast<int32_t>(shamt));
}
constexpr uint32_t srli(Reg rd, Reg rs1, unsigned shamt) {
  return enc::encode_i(0x13, 5, rd, rs1, static_cast<int32_t>(shamt));
}
constexpr uint32_t add(Reg rd, Reg rs1, Reg rs2) { return enc::encode_r(0x33, 0, 0, rd, rs1, rs2); }
constexpr uint32_t sub(Reg rd, Reg rs1, Reg rs2) {
  return enc::encode_r(0x33, 0, 0x20, rd, rs1, rs2);
}
constexpr uint32_t sll(Reg rd, Reg rs1, Reg rs2) { return enc::encode_r(0x33, 1, 0, rd, rs1, rs2); }
constexpr uint32_t xor_(Reg rd, Reg rs1, Reg rs2) {
  return enc::encode_r(0x33, 4, 0, rd, rs1, rs2);
}
constexpr uint32_t mul(Reg rd, Reg rs1, Reg rs2) { return enc::encode_r(0x33, 0, 1, rd, rs1, rs2); }
constexpr uint32_t nop() { return addi(zero, zero, 0); }
constexpr uint32_t ecall() { return 0x00000073; }
constexpr uint32_t ebreak() { return 0x00100073; }
constexpr uint32_t mret() { return 0x30200073; }
constexpr uint32_t wfi() { return 0x10500073; }
constexpr uint32_t fence_i() { return 0x0000100f; }

// ---- Zicsr ------------------------------------------------------------------
constexpr uint32_t csrrw(Reg rd, uint16_t csr, Reg rs1) {
  return enc::encode_i(0x73, 1, rd, rs1, csr);
}
constexpr uint32_t csrrs(Reg rd, uint16_t csr, Reg rs1) {
  return enc::encode_i(0x73, 2, rd, rs1, csr);
}
constexpr uint32_t csrrc(Reg rd, uint16_t csr, Reg rs1) {
  return enc::encode_i(0x73, 3, rd, rs1, csr);
}
constexpr uint32_t csrrwi(Reg rd, uint16_t csr, uint32_t uimm) {
  return enc::encode_i(0x73, 5, rd, static_cast<Reg>(uimm), csr);
}
constexpr uint32_t csrrsi(Reg rd, uint16_t csr, uint32_t uimm) {
  return enc::encode_i(0x73, 6, rd, static_cast<Reg>(uimm), csr);
}
constexpr uint32_t csrr(Reg rd, uint16_t csr) { return csrrs(rd, csr, zero); }
constexpr uint32_t csrw(uint16_t csr, Reg rs1) { return csrrw(zero, csr, rs1); }

// ---- A ----------------------------------------------------------------------
constexpr uint32_t amo(uint32_t f5, uint32_t f3, Reg rd, Reg rs1, Reg rs2) {
  return enc::encode_r(0x2f, f3, f5 << 2, rd, rs1, rs2);
}
constexpr uint32_t lr_w(Reg rd, Reg rs1) { return amo(0x02, 2, rd, rs1, zero); }
constexpr uint32_t lr_d(Reg rd, Reg rs1) { return amo(0x02, 3, rd, rs1, zero); }
constexpr uint32_t sc_w(Reg rd, Reg rs2, Reg rs1) { return amo(0x03, 2, rd, rs1, rs2); }
constexpr uint32_t sc_d(Reg rd, Reg rs2, Reg rs1) { return amo(0x03, 3, rd, rs1, rs2); }
constexpr uint32_t amoadd_w(Reg rd, Reg rs2, Reg rs1) { return amo(0x00, 2, rd, rs1, rs2); }
constexpr uint32_t amoswap_d(Reg rd, Reg rs2, Reg rs1) { return amo(0x01, 3, rd, rs1, rs2); }

// ---- C (16-bit) ---------------------------------------------------------------
constexpr uint16_t c_nop() { return 0x0001; }
constexpr uint16_t c_addi(Reg rd, int32_t imm) {
  const auto u = static_cast<uint32_t>(imm);
  return static_cast<uint16_t>(enc::bits(u, 5, 5) << 12 | rd << 7 | enc::bits(u, 4, 0) << 2 | 1);
}
constexpr uint16_t c_li(Reg rd, int32_t imm) {
  return static_cast<uint16_t>(c_addi(rd, imm) | 0x4000);
}
constexpr uint16_t c_mv(Reg rd, Reg rs2) {
  return static_cast<uint16_t>(0x8002 | rd << 7 | rs2 << 2);
}
constexpr uint16_t c_ebreak() { return 0x9002; }

}  // namespace rvtlm::test

#endif
