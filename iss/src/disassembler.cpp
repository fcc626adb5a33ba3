#include "rvtlm/iss/disassembler.h"

#include <cinttypes>
#include <cstdio>
#include <string>

#include "decoder.h"
#include "rvtlm/iss/csr.h"

namespace rvtlm::iss {

const char* register_name(unsigned index) {
  static constexpr const char* kNames[32] = {
      "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
      "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
      "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
  return index < 32 ? kNames[index] : "?";
}

const char* csr_name(uint16_t n) {
  switch (n) {
    case csr::kCycle: return "cycle";
    case csr::kTime: return "time";
    case csr::kInstret: return "instret";
    case csr::kCycleH: return "cycleh";
    case csr::kTimeH: return "timeh";
    case csr::kInstretH: return "instreth";
    case csr::kMstatus: return "mstatus";
    case csr::kMisa: return "misa";
    case csr::kMie: return "mie";
    case csr::kMtvec: return "mtvec";
    case csr::kMenvcfg: return "menvcfg";
    case csr::kMstatusH: return "mstatush";
    case csr::kMenvcfgH: return "menvcfgh";
    case csr::kMcountinhibit: return "mcountinhibit";
    case csr::kMscratch: return "mscratch";
    case csr::kMepc: return "mepc";
    case csr::kMcause: return "mcause";
    case csr::kMtval: return "mtval";
    case csr::kMip: return "mip";
    case csr::kMcycle: return "mcycle";
    case csr::kMinstret: return "minstret";
    case csr::kMcycleH: return "mcycleh";
    case csr::kMinstretH: return "minstreth";
    case csr::kMvendorid: return "mvendorid";
    case csr::kMarchid: return "marchid";
    case csr::kMimpid: return "mimpid";
    case csr::kMhartid: return "mhartid";
    case csr::kMconfigptr: return "mconfigptr";
    default: break;
  }
  return nullptr;
}

namespace {

std::string csr_text(uint16_t n) {
  if (const char* name = csr_name(n)) return name;
  char buf[16];
  const auto family = [&](uint16_t first, const char* prefix, const char* suffix) {
    if (n >= first && n <= first + 28) {
      std::snprintf(buf, sizeof buf, "%s%u%s", prefix, n - first + 3u, suffix);
      return true;
    }
    return false;
  };
  if (family(csr::kHpmCounter3, "hpmcounter", "") || family(csr::kHpmCounter3H, "hpmcounter", "h") ||
      family(csr::kMhpmCounter3, "mhpmcounter", "") ||
      family(csr::kMhpmCounter3H, "mhpmcounter", "h") || family(csr::kMhpmEvent3, "mhpmevent", ""))
    return buf;
  std::snprintf(buf, sizeof buf, "0x%x", n);
  return buf;
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
  const char* rd = register_name(o.rd);
  const char* rs1 = register_name(o.rs1);
  const char* rs2 = register_name(o.rs2);
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
    case Format::R: fmt("%s,%s,%s", rd, rs1, rs2); break;
    case Format::IArith: fmt("%s,%s,%lld", rd, rs1, imm); break;
    case Format::IMem:
    case Format::CLW:
    case Format::CLD: fmt("%s,%lld(%s)", rd, imm, rs1); break;
    case Format::Shamt: fmt("%s,%s,0x%x", rd, rs1, uimm); break;
    case Format::S:
    case Format::CSW:
    case Format::CSD: fmt("%s,%lld(%s)", rs2, imm, rs1); break;
    case Format::B: fmt("%s,%s,%" PRIx64, rs1, rs2, target); break;
    case Format::U:
    case Format::CLui: fmt("%s,0x%x", rd, upper); break;
    case Format::J: fmt("%s,%" PRIx64, rd, target); break;
    case Format::Csr: fmt("%s,%s,%s", rd, csr_text(static_cast<uint16_t>(uimm)).c_str(), rs1); break;
    case Format::CsrI:
      fmt("%s,%s,%u", rd, csr_text(static_cast<uint16_t>(uimm)).c_str(), unsigned{o.rs1});
      break;
    case Format::Amo:
    case Format::Lr:
      if (o.imm == 3) m += ".aqrl";
      else if (o.imm == 2) m += ".aq";
      else if (o.imm == 1) m += ".rl";
      if (e->format == Format::Lr) fmt("%s,(%s)", rd, rs1);
      else fmt("%s,%s,(%s)", rd, rs2, rs1);
      break;
    case Format::Fence:
      fmt("%s,%s", fence_set((uimm >> 4) & 15).c_str(), fence_set(uimm & 15).c_str());
      break;
    case Format::None:
    case Format::CNone: break;
    case Format::CIW: fmt("%s,sp,%lld", rd, imm); break;
    case Format::CI:
    case Format::CLi:
    case Format::CBAndi: fmt("%s,%lld", rd, imm); break;
    case Format::CJal:
    case Format::CJ: fmt("%" PRIx64, target); break;
    case Format::CAddi16sp: fmt("sp,%lld", imm); break;
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
    case Format::CAdd: fmt("%s,%s", rd, rs2); break;
    case Format::CBranch: fmt("%s,%" PRIx64, rs1, target); break;
    case Format::CLwsp:
    case Format::CLdsp: fmt("%s,%lld(sp)", rd, imm); break;
    case Format::CSwsp:
    case Format::CSdsp: fmt("%s,%lld(sp)", rs2, imm); break;
    case Format::CJr:
    case Format::CJalr: args = rs1; break;
  }
  return args.empty() ? m : m + "\t" + args;
}

}  // namespace

struct Disassembler::Tables {
  explicit Tables(Xlen xlen) : decoder(enabled_extensions(xlen, true, true, true)) {}
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
