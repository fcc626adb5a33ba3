// Guest code for the bridge's tests: encoders with plain register numbers
// and a word list with labels, so that tests need no cross toolchain.
#ifndef RVTLM_TESTS_TLM_PROGRAM_H
#define RVTLM_TESTS_TLM_PROGRAM_H

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_asm.h"

namespace rvtlm::tlm_test {

namespace reg {
enum : unsigned {
  zero = 0,
  ra = 1,
  sp = 2,
  gp = 3,
  tp = 4,
  t0 = 5,
  t1 = 6,
  t2 = 7,
  s0 = 8,
  s1 = 9,
  a0 = 10,
  a1 = 11,
  a2 = 12,
  a3 = 13,
  a4 = 14,
  a5 = 15,
  a6 = 16,
  a7 = 17,
  s2 = 18,
  s3 = 19,
  s4 = 20,
  s5 = 21,
  t3 = 28,
  t4 = 29,
  t5 = 30,
  t6 = 31,
};
}  // namespace reg

namespace csr {
enum : uint16_t {
  mstatus = 0x300,
  mie = 0x304,
  mtvec = 0x305,
  mscratch = 0x340,
  mepc = 0x341,
  mcause = 0x342,
  mtval = 0x343,
  mip = 0x344,
  minstret = 0xb02,
  mhartid = 0xf14,
  time = 0xc01,
};
}  // namespace csr

// Encoders with plain register numbers, from the tests' assembler (whose
// encodings come from the decoder's table).
namespace enc = rvtlm::test::enc;

constexpr uint32_t addi(unsigned rd, unsigned rs1, int32_t imm) {
  return enc::i("addi", rd, rs1, imm);
}
constexpr uint32_t andi(unsigned rd, unsigned rs1, int32_t imm) {
  return enc::i("andi", rd, rs1, imm);
}
constexpr uint32_t slli(unsigned rd, unsigned rs1, unsigned shamt) {
  return enc::i("slli", rd, rs1, shamt);
}
constexpr uint32_t add(unsigned rd, unsigned rs1, unsigned rs2) {
  return enc::r("add", rd, rs1, rs2);
}
// `upper20` is the value placed in bits 31:12.
constexpr uint32_t lui(unsigned rd, uint32_t upper20) {
  return enc::i("lui", rd, 0, static_cast<int32_t>(enc::uimm(upper20, 20) << 12));
}
constexpr uint32_t auipc(unsigned rd, uint32_t upper20) {
  return enc::i("auipc", rd, 0, static_cast<int32_t>(enc::uimm(upper20, 20) << 12));
}
constexpr uint32_t lw(unsigned rd, unsigned rs1, int32_t imm) { return enc::i("lw", rd, rs1, imm); }
constexpr uint32_t ld(unsigned rd, unsigned rs1, int32_t imm) { return enc::i("ld", rd, rs1, imm); }
constexpr uint32_t sb(unsigned rs2, unsigned rs1, int32_t imm) {
  return enc::s("sb", rs2, rs1, imm);
}
constexpr uint32_t sw(unsigned rs2, unsigned rs1, int32_t imm) {
  return enc::s("sw", rs2, rs1, imm);
}
constexpr uint32_t sd(unsigned rs2, unsigned rs1, int32_t imm) {
  return enc::s("sd", rs2, rs1, imm);
}
constexpr uint32_t csrrw(unsigned rd, uint16_t c, unsigned rs1) {
  return enc::i("csrrw", rd, rs1, c);
}
constexpr uint32_t csrrs(unsigned rd, uint16_t c, unsigned rs1) {
  return enc::i("csrrs", rd, rs1, c);
}
constexpr uint32_t csrrsi(unsigned rd, uint16_t c, unsigned uimm) {
  return enc::i("csrrsi", rd, uimm, c);
}
constexpr uint32_t csrr(unsigned rd, uint16_t c) { return csrrs(rd, c, reg::zero); }
constexpr uint32_t csrw(uint16_t c, unsigned rs1) { return csrrw(reg::zero, c, rs1); }
constexpr uint32_t amoadd_w(unsigned rd, unsigned rs2, unsigned rs1) {
  return enc::r("amoadd.w", rd, rs1, rs2);
}
constexpr uint32_t wfi() { return enc::r("wfi", 0, 0, 0); }
constexpr uint32_t mret() { return enc::r("mret", 0, 0, 0); }
constexpr uint32_t nop() { return addi(reg::zero, reg::zero, 0); }

// A list of 32-bit instructions with labels for branches, jumps and `la`.
class Program {
 public:
  // `base`: the address the program is loaded at (for `la` of an address).
  explicit Program(uint64_t base = 0x80000000) : base_(base) {}

  Program& operator<<(uint32_t word) {
    words_.push_back(word);
    return *this;
  }
  Program& repeat(unsigned n, uint32_t word) {
    words_.insert(words_.end(), n, word);
    return *this;
  }
  Program& label(const std::string& name) {
    labels_[name] = offset();
    return *this;
  }
  // rd = value, for values in [-2^31, 2^31) (sign-extended on RV64).
  Program& li(unsigned rd, int32_t value) {
    const auto v = static_cast<uint32_t>(value);
    const uint32_t hi = (v + 0x800) >> 12;
    const int32_t lo = static_cast<int32_t>(v << 20) >> 20;
    if (hi != 0) {
      *this << lui(rd, hi & 0xfffff);
      if (lo != 0) *this << addi(rd, rd, lo);
    } else {
      *this << addi(rd, reg::zero, value);
    }
    return *this;
  }
  Program& la(unsigned rd, const std::string& target) { return fixup(Kind::La, target, rd, 0, 2); }
  // rd = address, pc-relative (auipc + addi): no sign extension on RV64 for
  // addresses at and above 2 GiB, as long as they are within 2 GiB of the code.
  Program& la(unsigned rd, uint64_t address) {
    const auto u = static_cast<uint32_t>(address - (base_ + offset()));
    *this << auipc(rd, ((u + 0x800) >> 12) & 0xfffff)
          << addi(rd, rd, static_cast<int32_t>(u << 20) >> 20);
    return *this;
  }
  Program& j(const std::string& target) { return jal(reg::zero, target); }
  Program& jal(unsigned rd, const std::string& target) {
    return fixup(Kind::Jal, target, rd, 0, 1);
  }
  Program& beq(unsigned rs1, unsigned rs2, const std::string& t) {
    return branch("beq", rs1, rs2, t);
  }
  Program& bne(unsigned rs1, unsigned rs2, const std::string& t) {
    return branch("bne", rs1, rs2, t);
  }
  Program& blt(unsigned rs1, unsigned rs2, const std::string& t) {
    return branch("blt", rs1, rs2, t);
  }

  uint32_t offset() const { return static_cast<uint32_t>(words_.size() * 4); }
  uint32_t address_of(const std::string& name) const { return labels_.at(name); }

  std::vector<uint32_t> words() const {
    std::vector<uint32_t> w = words_;
    for (const Fixup& f : fixups_) {
      const auto it = labels_.find(f.target);
      if (it == labels_.end()) throw std::logic_error("program: undefined label " + f.target);
      const int32_t off = static_cast<int32_t>(it->second) - static_cast<int32_t>(f.at);
      const std::size_t i = f.at / 4;
      switch (f.kind) {
        case Kind::Branch:
          w[i] = enc::s(f.mnemonic, f.b, f.a, off);
          break;
        case Kind::Jal:
          w[i] = enc::i("jal", f.a, 0, off);
          break;
        case Kind::La: {
          const auto u = static_cast<uint32_t>(off);
          w[i] = auipc(f.a, ((u + 0x800) >> 12) & 0xfffff);
          w[i + 1] = addi(f.a, f.a, static_cast<int32_t>(u << 20) >> 20);
          break;
        }
      }
    }
    return w;
  }

 private:
  enum class Kind { Branch, Jal, La };
  struct Fixup {
    Kind kind;
    uint32_t at;
    std::string target;
    unsigned a, b;
    const char* mnemonic;
  };
  Program& branch(const char* mnemonic, unsigned rs1, unsigned rs2, const std::string& t) {
    fixups_.push_back({Kind::Branch, offset(), t, rs1, rs2, mnemonic});
    words_.push_back(0);
    return *this;
  }
  Program& fixup(Kind kind, const std::string& t, unsigned a, unsigned b, unsigned n) {
    fixups_.push_back({kind, offset(), t, a, b, nullptr});
    words_.insert(words_.end(), n, 0);
    return *this;
  }

  uint64_t base_;
  std::vector<uint32_t> words_;
  std::map<std::string, uint32_t> labels_;
  std::vector<Fixup> fixups_;
};

}  // namespace rvtlm::tlm_test

#endif
