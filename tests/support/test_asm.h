// A small RISC-V assembler for tests, so that they write guest programs as
// arrays of instructions. Every encoding comes from the instruction table
// the decoder is built from (iss/src/insns.def): an encoder names a row by
// its mnemonic, takes the row's fixed bits and places the operands where the
// row's format says they sit. An operand that does not fit its field, or
// that would change the row's fixed bits, is an error (at compile time when
// the encoder runs in a constant expression).
#ifndef RVTLM_TESTS_SUPPORT_TEST_ASM_H
#define RVTLM_TESTS_SUPPORT_TEST_ASM_H

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "decoder.h"
#include "insns.def"

namespace rvtlm::test {

// clang-format off
enum Reg : uint32_t {
  zero, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5,
  a6, a7, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6,
};
enum FReg : uint32_t {
  f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15,
  f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31,
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

// What the encoder needs of a row of insns.def.
struct Row {
  const char* mnemonic;
  uint32_t match;
  uint32_t mask;
  iss::Format format;
  uint8_t xlens;  // iss::R32, iss::R64 or both
};

#define RVTLM_TEST_ASM_ROW(mn, match, mask, fmt, sig, ex, xl, op, flags) \
  Row{mn, match, mask, iss::Format::fmt, iss::xl},
inline constexpr Row kRows[] = {RVTLM_ENCODINGS(RVTLM_TEST_ASM_ROW)};
#undef RVTLM_TEST_ASM_ROW

// Operand values as the decoder reports them (decoder.h, Operands): raw
// register numbers, the immediate as the instruction uses it (a byte offset,
// a CSR number, the value `lui` produces, aq/rl for atomics).
struct Fields {
  uint32_t rd = 0;
  uint32_t rs1 = 0;
  uint32_t rs2 = 0;
  uint32_t rs3 = 0;
  int64_t imm = 0;
  uint32_t rm = 7;  // dynamic rounding mode, where the row leaves funct3 free
};

constexpr bool same_text(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

constexpr bool fits_signed(int64_t v, unsigned width) {
  return v >= -(int64_t{1} << (width - 1)) && v < (int64_t{1} << (width - 1));
}
constexpr bool fits_unsigned(int64_t v, unsigned width) {
  return v >= 0 && v < (int64_t{1} << width);
}
constexpr uint32_t checked(bool ok, int64_t v, const char* what) {
  if (!ok) throw std::invalid_argument(what);
  return static_cast<uint32_t>(v);
}
constexpr uint32_t simm(int64_t v, unsigned width) {
  return checked(fits_signed(v, width), v, "test assembler: immediate out of range");
}
constexpr uint32_t uimm(int64_t v, unsigned width) {
  return checked(fits_unsigned(v, width), v, "test assembler: immediate out of range");
}
constexpr uint32_t even(int64_t v, unsigned width) {
  return checked(v % 2 == 0 && fits_signed(v, width), v, "test assembler: bad offset");
}

// The operand bits of format `f`: the inverse of the decoder's extraction
// (Unprivileged spec 2.2, 2.3, 11.2 and 16.2). Formats no test needs yet
// have no placement.
constexpr uint32_t place(iss::Format f, const Fields& o) {
  using iss::Format;
  const uint32_t rd = o.rd << 7, rs1 = o.rs1 << 15, rs2 = o.rs2 << 20;
  switch (f) {
    case Format::R:
      return rd | rs1 | rs2;
    case Format::R4:
      return o.rs3 << 27 | rd | rs1 | rs2;
    case Format::IArith:
    case Format::IMem:
      return bits(simm(o.imm, 12), 11, 0) << 20 | rs1 | rd;
    case Format::Shamt:
      return uimm(o.imm, 6) << 20 | rs1 | rd;
    case Format::S: {
      const uint32_t u = simm(o.imm, 12);
      return bits(u, 11, 5) << 25 | rs2 | rs1 | bits(u, 4, 0) << 7;
    }
    case Format::B: {
      const uint32_t u = even(o.imm, 13);
      return bits(u, 12, 12) << 31 | bits(u, 10, 5) << 25 | rs2 | rs1 | bits(u, 4, 1) << 8 |
             bits(u, 11, 11) << 7;
    }
    case Format::U:
      return checked(fits_signed(o.imm, 32) && o.imm % 4096 == 0, o.imm,
                     "test assembler: upper immediate out of range") |
             rd;
    case Format::J: {
      const uint32_t u = even(o.imm, 21);
      return bits(u, 20, 20) << 31 | bits(u, 10, 1) << 21 | bits(u, 11, 11) << 20 |
             bits(u, 19, 12) << 12 | rd;
    }
    case Format::Csr:
    case Format::CsrI:
    case Format::Fence:
      return uimm(o.imm, 12) << 20 | rs1 | rd;
    case Format::Amo:
      return uimm(o.imm, 2) << 25 | rs2 | rs1 | rd;
    case Format::Lr:
      return uimm(o.imm, 2) << 25 | rs1 | rd;
    case Format::None:
    case Format::CNone:
      return 0;
    case Format::Sfence:
      return rs2 | rs1;
    case Format::CI:
    case Format::CLi: {
      const uint32_t u = simm(o.imm, 6);
      return bits(u, 5, 5) << 12 | rd | bits(u, 4, 0) << 2;
    }
    case Format::CMv:
      return rd | o.rs2 << 2;
    default:
      throw std::invalid_argument("test assembler: no placement for this format");
  }
}

// The encoding of the first row named `mnemonic` (for a hart of one of
// `xlens`) that the operands leave intact.
constexpr uint32_t encode(const char* mnemonic, const Fields& o, uint8_t xlens = iss::B) {
  if (o.rd > 31 || o.rs1 > 31 || o.rs2 > 31 || o.rs3 > 31 || o.rm > 7)
    throw std::invalid_argument("test assembler: register out of range");
  bool named = false;
  for (const Row& row : kRows) {
    if (!same_text(row.mnemonic, mnemonic) || (row.xlens & xlens) == 0) continue;
    named = true;
    uint32_t w = row.match | place(row.format, o);
    const bool rm_free = (row.format == iss::Format::R || row.format == iss::Format::R4) &&
                         (row.mask & 0x7000u) == 0;
    if (rm_free) w |= o.rm << 12;
    const bool compressed = (row.match & 3) != 3;
    if ((w & row.mask) != row.match || (compressed && w > 0xffff)) continue;
    // The decoder takes the first matching row: it must be this one.
    for (const Row& other : kRows) {
      if ((other.xlens & row.xlens & xlens) == 0 || (w & other.mask) != other.match) continue;
      if (&other != &row)
        throw std::invalid_argument("test assembler: the operands make another instruction");
      break;
    }
    return w;
  }
  throw std::invalid_argument(named ? "test assembler: operands do not fit the encoding"
                                    : "test assembler: no such instruction");
}

constexpr uint32_t r(const char* mn, uint32_t rd, uint32_t rs1, uint32_t rs2) {
  Fields o;
  o.rd = rd;
  o.rs1 = rs1;
  o.rs2 = rs2;
  return encode(mn, o);
}
constexpr uint32_t i(const char* mn, uint32_t rd, uint32_t rs1, int64_t imm) {
  Fields o;
  o.rd = rd;
  o.rs1 = rs1;
  o.imm = imm;
  return encode(mn, o);
}
constexpr uint32_t s(const char* mn, uint32_t rs2, uint32_t rs1, int64_t imm) {
  Fields o;
  o.rs1 = rs1;
  o.rs2 = rs2;
  o.imm = imm;
  return encode(mn, o);
}
constexpr uint16_t c(const char* mn, uint32_t rd, uint32_t rs2, int64_t imm) {
  Fields o;
  o.rd = rd;
  o.rs1 = rd;
  o.rs2 = rs2;
  o.imm = imm;
  return static_cast<uint16_t>(encode(mn, o));
}

}  // namespace enc

// ---- RV32I / RV64I --------------------------------------------------------
// `upper` is the 20-bit value placed in bits 31:12.
constexpr uint32_t lui(Reg rd, uint32_t upper) {
  return enc::i("lui", rd, 0, static_cast<int32_t>(enc::uimm(upper, 20) << 12));
}
constexpr uint32_t auipc(Reg rd, uint32_t upper) {
  return enc::i("auipc", rd, 0, static_cast<int32_t>(enc::uimm(upper, 20) << 12));
}
constexpr uint32_t jal(Reg rd, int32_t offset) { return enc::i("jal", rd, 0, offset); }
constexpr uint32_t jalr(Reg rd, Reg rs1, int32_t imm) { return enc::i("jalr", rd, rs1, imm); }
constexpr uint32_t beq(Reg rs1, Reg rs2, int32_t off) { return enc::s("beq", rs2, rs1, off); }
constexpr uint32_t bne(Reg rs1, Reg rs2, int32_t off) { return enc::s("bne", rs2, rs1, off); }
constexpr uint32_t blt(Reg rs1, Reg rs2, int32_t off) { return enc::s("blt", rs2, rs1, off); }
constexpr uint32_t lb(Reg rd, Reg rs1, int32_t imm) { return enc::i("lb", rd, rs1, imm); }
constexpr uint32_t lh(Reg rd, Reg rs1, int32_t imm) { return enc::i("lh", rd, rs1, imm); }
constexpr uint32_t lw(Reg rd, Reg rs1, int32_t imm) { return enc::i("lw", rd, rs1, imm); }
constexpr uint32_t ld(Reg rd, Reg rs1, int32_t imm) { return enc::i("ld", rd, rs1, imm); }
constexpr uint32_t lbu(Reg rd, Reg rs1, int32_t imm) { return enc::i("lbu", rd, rs1, imm); }
constexpr uint32_t sb(Reg rs2, Reg rs1, int32_t imm) { return enc::s("sb", rs2, rs1, imm); }
constexpr uint32_t sh(Reg rs2, Reg rs1, int32_t imm) { return enc::s("sh", rs2, rs1, imm); }
constexpr uint32_t sw(Reg rs2, Reg rs1, int32_t imm) { return enc::s("sw", rs2, rs1, imm); }
constexpr uint32_t sd(Reg rs2, Reg rs1, int32_t imm) { return enc::s("sd", rs2, rs1, imm); }
constexpr uint32_t addi(Reg rd, Reg rs1, int32_t imm) { return enc::i("addi", rd, rs1, imm); }
constexpr uint32_t andi(Reg rd, Reg rs1, int32_t imm) { return enc::i("andi", rd, rs1, imm); }
constexpr uint32_t xori(Reg rd, Reg rs1, int32_t imm) { return enc::i("xori", rd, rs1, imm); }
constexpr uint32_t slli(Reg rd, Reg rs1, unsigned shamt) { return enc::i("slli", rd, rs1, shamt); }
constexpr uint32_t srli(Reg rd, Reg rs1, unsigned shamt) { return enc::i("srli", rd, rs1, shamt); }
constexpr uint32_t add(Reg rd, Reg rs1, Reg rs2) { return enc::r("add", rd, rs1, rs2); }
constexpr uint32_t sub(Reg rd, Reg rs1, Reg rs2) { return enc::r("sub", rd, rs1, rs2); }
constexpr uint32_t sll(Reg rd, Reg rs1, Reg rs2) { return enc::r("sll", rd, rs1, rs2); }
constexpr uint32_t xor_(Reg rd, Reg rs1, Reg rs2) { return enc::r("xor", rd, rs1, rs2); }
constexpr uint32_t mul(Reg rd, Reg rs1, Reg rs2) { return enc::r("mul", rd, rs1, rs2); }
constexpr uint32_t nop() { return addi(zero, zero, 0); }
constexpr uint32_t ecall() { return enc::r("ecall", 0, 0, 0); }
constexpr uint32_t ebreak() { return enc::r("ebreak", 0, 0, 0); }
constexpr uint32_t mret() { return enc::r("mret", 0, 0, 0); }
constexpr uint32_t sret() { return enc::r("sret", 0, 0, 0); }
constexpr uint32_t wfi() { return enc::r("wfi", 0, 0, 0); }
constexpr uint32_t fence_i() { return enc::r("fence.i", 0, 0, 0); }
constexpr uint32_t sfence_vma(Reg rs1, Reg rs2) { return enc::r("sfence.vma", 0, rs1, rs2); }

// ---- Zicsr ------------------------------------------------------------------
constexpr uint32_t csrrw(Reg rd, uint16_t csr, Reg rs1) { return enc::i("csrrw", rd, rs1, csr); }
constexpr uint32_t csrrs(Reg rd, uint16_t csr, Reg rs1) { return enc::i("csrrs", rd, rs1, csr); }
constexpr uint32_t csrrc(Reg rd, uint16_t csr, Reg rs1) { return enc::i("csrrc", rd, rs1, csr); }
constexpr uint32_t csrrwi(Reg rd, uint16_t csr, uint32_t uimm) {
  return enc::i("csrrwi", rd, uimm, csr);
}
constexpr uint32_t csrrsi(Reg rd, uint16_t csr, uint32_t uimm) {
  return enc::i("csrrsi", rd, uimm, csr);
}
constexpr uint32_t csrr(Reg rd, uint16_t csr) { return csrrs(rd, csr, zero); }
constexpr uint32_t csrw(uint16_t csr, Reg rs1) { return csrrw(zero, csr, rs1); }

// ---- A (aq and rl clear) ----------------------------------------------------
constexpr uint32_t lr_w(Reg rd, Reg rs1) { return enc::r("lr.w", rd, rs1, 0); }
constexpr uint32_t lr_d(Reg rd, Reg rs1) { return enc::r("lr.d", rd, rs1, 0); }
constexpr uint32_t sc_w(Reg rd, Reg rs2, Reg rs1) { return enc::r("sc.w", rd, rs1, rs2); }
constexpr uint32_t sc_d(Reg rd, Reg rs2, Reg rs1) { return enc::r("sc.d", rd, rs1, rs2); }
constexpr uint32_t amoadd_w(Reg rd, Reg rs2, Reg rs1) { return enc::r("amoadd.w", rd, rs1, rs2); }
constexpr uint32_t amoadd_d(Reg rd, Reg rs2, Reg rs1) { return enc::r("amoadd.d", rd, rs1, rs2); }
constexpr uint32_t amoswap_d(Reg rd, Reg rs2, Reg rs1) { return enc::r("amoswap.d", rd, rs1, rs2); }

// ---- F and D (dynamic rounding mode) ------------------------------------------
constexpr uint32_t flw(FReg fd, Reg rs1, int32_t imm) { return enc::i("flw", fd, rs1, imm); }
constexpr uint32_t fld(FReg fd, Reg rs1, int32_t imm) { return enc::i("fld", fd, rs1, imm); }
constexpr uint32_t fsw(FReg fs2, Reg rs1, int32_t imm) { return enc::s("fsw", fs2, rs1, imm); }
constexpr uint32_t fsd(FReg fs2, Reg rs1, int32_t imm) { return enc::s("fsd", fs2, rs1, imm); }
constexpr uint32_t fadd_s(FReg fd, FReg fs1, FReg fs2) { return enc::r("fadd.s", fd, fs1, fs2); }
constexpr uint32_t fadd_d(FReg fd, FReg fs1, FReg fs2) { return enc::r("fadd.d", fd, fs1, fs2); }
constexpr uint32_t fmul_d(FReg fd, FReg fs1, FReg fs2) { return enc::r("fmul.d", fd, fs1, fs2); }
constexpr uint32_t fdiv_d(FReg fd, FReg fs1, FReg fs2) { return enc::r("fdiv.d", fd, fs1, fs2); }
constexpr uint32_t fsqrt_d(FReg fd, FReg fs1) { return enc::r("fsqrt.d", fd, fs1, 0); }
constexpr uint32_t fcvt_w_d(Reg rd, FReg fs1) { return enc::r("fcvt.w.d", rd, fs1, 0); }
constexpr uint32_t fcvt_l_d(Reg rd, FReg fs1) { return enc::r("fcvt.l.d", rd, fs1, 0); }
constexpr uint32_t fmadd_d(FReg fd, FReg fs1, FReg fs2, FReg fs3) {
  enc::Fields o;
  o.rd = fd;
  o.rs1 = fs1;
  o.rs2 = fs2;
  o.rs3 = fs3;
  return enc::encode("fmadd.d", o);
}

// ---- C (16-bit) ---------------------------------------------------------------
constexpr uint16_t c_nop() { return enc::c("c.addi", zero, 0, 0); }
constexpr uint16_t c_addi(Reg rd, int32_t imm) { return enc::c("c.addi", rd, 0, imm); }
constexpr uint16_t c_li(Reg rd, int32_t imm) { return enc::c("c.li", rd, 0, imm); }
constexpr uint16_t c_mv(Reg rd, Reg rs2) { return enc::c("c.mv", rd, rs2, 0); }
constexpr uint16_t c_ebreak() { return enc::c("c.ebreak", 0, 0, 0); }

}  // namespace rvtlm::test

#endif
