#include "rvtlm/iss/disassembler.h"

#include <cinttypes>
#include <cstdio>
#include <string>

#include "decoder.h"
#include "rvtlm/iss/csr.h"

namespace rvtlm::iss {

const char* fp_register_name(unsigned index) {
  static constexpr const char* kNames[32] = {
      "ft0", "ft1", "ft2", "ft3", "ft4",  "ft5",  "ft6", "ft7", "fs0",  "fs1", "fa0",
      "fa1", "fa2", "fa3", "fa4", "fa5",  "fa6",  "fa7", "fs2", "fs3",  "fs4", "fs5",
      "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};
  return index < 32 ? kNames[index] : "?";
}

const char* register_name(unsigned index) {
  static constexpr const char* kNames[32] = {"zero", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
                                             "s0",   "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
                                             "a6",   "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
                                             "s8",   "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
  return index < 32 ? kNames[index] : "?";
}

namespace {

std::string csr_text(uint16_t n) {
  std::string name = csr_name(n);
  if (!name.empty()) return name;
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", n);
  return buf;
}

const char* reg(RegClass c, unsigned index) {
  return c == RegClass::F ? fp_register_name(index) : register_name(index);
}

// Conversions that are always exact: objdump shows their rounding mode
// only when it is not the default the assembler writes (rne).
bool exact_conversion(Op op) {
  return op == Op::fcvt_d_s || op == Op::fcvt_d_w || op == Op::fcvt_d_wu;
}

const char* rounding_name(unsigned rm) {
  static constexpr const char* kNames[8] = {"rne", "rtz", "rdn", "rup", "rmm", "", "", "dyn"};
  return kNames[rm & 7];
}

std::string fence_set(unsigned bits) {
  std::string s;
  if (bits & 8) s += 'i';
  if (bits & 4) s += 'o';
  if (bits & 2) s += 'r';
  if (bits & 1) s += 'w';
  return s.empty() ? "unknown" : s;  // as objdump prints an empty set
}

}  // namespace

namespace {

std::string format(const Decoder& decoder, uint32_t bits, uint64_t pc, Xlen xlen) {
  Operands o;
  const Encoding* e = decoder.decode(bits, o);
  char buf[96];
  if (!e) {
    std::snprintf(buf, sizeof buf, "unknown\t0x%0*x", instruction_length(bits) == 2 ? 4 : 8,
                  instruction_length(bits) == 2 ? bits & 0xffff : bits);
    return buf;
  }
  const uint64_t mask = xlen == Xlen::Rv32 ? 0xffffffffull : ~0ull;
  const uint64_t target = (pc + static_cast<uint64_t>(o.imm)) & mask;
  const char* rd = reg(e->sig.rd, o.rd);
  const char* rs1 = reg(e->sig.rs1, o.rs1);
  const char* rs2 = reg(e->sig.rs2, o.rs2);
  const long long imm = static_cast<long long>(o.imm);
  const unsigned uimm = static_cast<unsigned>(o.imm);
  const unsigned upper = static_cast<unsigned>((o.imm >> 12) & 0xfffff);
  std::string m = e->mnemonic;
  std::string args;
  const auto fmt = [&](const char* f, auto... a) {
    std::snprintf(buf, sizeof buf, f, a...);
    args = buf;
  };
  switch (e->format) {
    case Format::R:
    case Format::R4: {
      const char* regs[4] = {e->sig.rd != RegClass::None ? rd : nullptr,
                             e->sig.rs1 != RegClass::None ? rs1 : nullptr,
                             e->sig.rs2 != RegClass::None ? rs2 : nullptr,
                             e->sig.rs3 != RegClass::None ? reg(e->sig.rs3, o.rs3) : nullptr};
      for (const char* r : regs) {
        if (!r) continue;
        if (!args.empty()) args += ',';
        args += r;
      }
      if (e->sig.rm && o.rm != 7 && !(exact_conversion(e->op) && o.rm == 0)) {
        args += ',';
        args += rounding_name(o.rm);
      }
      break;
    }
    case Format::Sfence:
      fmt("%s,%s", rs1, rs2);
      break;
    case Format::IArith:
      fmt("%s,%s,%lld", rd, rs1, imm);
      break;
    case Format::IMem:
    case Format::CLW:
    case Format::CLD:
      fmt("%s,%lld(%s)", rd, imm, rs1);
      break;
    case Format::Shamt:
      fmt("%s,%s,0x%x", rd, rs1, uimm);
      break;
    case Format::S:
    case Format::CSW:
    case Format::CSD:
      fmt("%s,%lld(%s)", rs2, imm, rs1);
      break;
    case Format::B:
      fmt("%s,%s,%" PRIx64, rs1, rs2, target);
      break;
    case Format::U:
    case Format::CLui:
      fmt("%s,0x%x", rd, upper);
      break;
    case Format::J:
      fmt("%s,%" PRIx64, rd, target);
      break;
    case Format::Csr:
      fmt("%s,%s,%s", rd, csr_text(static_cast<uint16_t>(uimm)).c_str(), rs1);
      break;
    case Format::CsrI:
      fmt("%s,%s,%u", rd, csr_text(static_cast<uint16_t>(uimm)).c_str(), unsigned{o.rs1});
      break;
    case Format::Amo:
    case Format::Lr:
      if (o.imm == 3)
        m += ".aqrl";
      else if (o.imm == 2)
        m += ".aq";
      else if (o.imm == 1)
        m += ".rl";
      if (e->format == Format::Lr)
        fmt("%s,(%s)", rd, rs1);
      else
        fmt("%s,%s,(%s)", rd, rs2, rs1);
      break;
    case Format::Fence:
      fmt("%s,%s", fence_set((uimm >> 4) & 15).c_str(), fence_set(uimm & 15).c_str());
      break;
    case Format::None:
    case Format::CNone:
      break;
    case Format::CIW:
      fmt("%s,sp,%lld", rd, imm);
      break;
    case Format::CI:
    case Format::CLi:
    case Format::CBAndi:
      fmt("%s,%lld", rd, imm);
      break;
    case Format::CJal:
    case Format::CJ:
      fmt("%" PRIx64, target);
      break;
    case Format::CAddi16sp:
      fmt("sp,%lld", imm);
      break;
    case Format::CBShift:
    case Format::CSlli:
      // A shift by 0 is the RV128 HINT that objdump names c.slli64 etc.
      if (uimm != 0) {
        fmt("%s,0x%x", rd, uimm);
      } else {
        m += "64";
        args = rd;
      }
      break;
    case Format::CA:
    case Format::CMv:
    case Format::CAdd:
      fmt("%s,%s", rd, rs2);
      break;
    case Format::CBranch:
      fmt("%s,%" PRIx64, rs1, target);
      break;
    case Format::CLwsp:
    case Format::CLdsp:
      fmt("%s,%lld(sp)", rd, imm);
      break;
    case Format::CSwsp:
    case Format::CSdsp:
      fmt("%s,%lld(sp)", rs2, imm);
      break;
    case Format::CJr:
    case Format::CJalr:
      args = rs1;
      break;
  }
  return args.empty() ? m : m + "\t" + args;
}

}  // namespace

struct Disassembler::Tables {
  explicit Tables(Xlen xlen) : decoder(Isa(xlen)) {}
  Decoder decoder;
};

Disassembler::Disassembler(Xlen xlen) : xlen_(xlen), tables_(std::make_unique<Tables>(xlen)) {}
Disassembler::~Disassembler() = default;

std::string Disassembler::operator()(uint32_t bits, uint64_t pc) const {
  return format(tables_->decoder, bits, pc, xlen_);
}

std::string disassemble(uint32_t bits, uint64_t pc, Xlen xlen) {
  return Disassembler(xlen)(bits, pc);
}

}  // namespace rvtlm::iss
