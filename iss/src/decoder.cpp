#include "decoder.h"

#include "insns.def"

namespace rvtlm::iss {
namespace {

#define RVTLM_ENC_ROW(mn, match, mask, fmt, sig, ex, xl, op, flags) \
  Encoding{mn, match, mask, Format::fmt, signature(sig), ext::ex, xl, Op::op, flags},
constexpr Encoding kEncodings[] = {RVTLM_ENCODINGS(RVTLM_ENC_ROW)};
#undef RVTLM_ENC_ROW

constexpr uint32_t field(uint32_t v, unsigned hi, unsigned lo) {
  return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}
constexpr int64_t sext(uint64_t v, unsigned bits) {
  return static_cast<int64_t>(v << (64 - bits)) >> (64 - bits);
}
// Compressed register fields name x8..x15.
constexpr uint8_t creg(uint32_t v) { return static_cast<uint8_t>(8 + v); }

constexpr int64_t cj_offset(uint32_t b) {
  return sext(field(b, 12, 12) << 11 | field(b, 11, 11) << 4 | field(b, 10, 9) << 8 |
                  field(b, 8, 8) << 10 | field(b, 7, 7) << 6 | field(b, 6, 6) << 7 |
                  field(b, 5, 3) << 1 | field(b, 2, 2) << 5,
              12);
}

Operands make(uint8_t rd, uint8_t rs1, uint8_t rs2, int64_t imm) {
  Operands o;
  o.rd = rd;
  o.rs1 = rs1;
  o.rs2 = rs2;
  o.imm = imm;
  return o;
}

// Unprivileged spec 2.3 (base formats), 11.2 (rounding mode, R4) and 16.2
// (compressed formats).
void extract(Format f, uint32_t b, Operands& o) {
  const uint8_t rd = static_cast<uint8_t>(field(b, 11, 7));
  const uint8_t rs1 = static_cast<uint8_t>(field(b, 19, 15));
  const uint8_t rs2 = static_cast<uint8_t>(field(b, 24, 20));
  const uint8_t crs2 = static_cast<uint8_t>(field(b, 6, 2));
  const int64_t ci_imm = sext(field(b, 12, 12) << 5 | field(b, 6, 2), 6);
  const uint32_t cl_w = field(b, 5, 5) << 6 | field(b, 12, 10) << 3 | field(b, 6, 6) << 2;
  const uint32_t cl_d = field(b, 6, 5) << 6 | field(b, 12, 10) << 3;
  switch (f) {
    case Format::R:
      o = make(rd, rs1, rs2, 0);
      o.rm = static_cast<uint8_t>(field(b, 14, 12));
      break;
    case Format::R4:
      o = make(rd, rs1, rs2, 0);
      o.rs3 = static_cast<uint8_t>(field(b, 31, 27));
      o.rm = static_cast<uint8_t>(field(b, 14, 12));
      break;
    case Format::Sfence:
      o = make(0, rs1, rs2, 0);
      break;
    case Format::IArith:
    case Format::IMem:
      o = make(rd, rs1, 0, sext(field(b, 31, 20), 12));
      break;
    case Format::Shamt:
      o = make(rd, rs1, 0, field(b, 25, 20));
      break;
    case Format::S:
      o = make(0, rs1, rs2, sext(field(b, 31, 25) << 5 | field(b, 11, 7), 12));
      break;
    case Format::B:
      o = make(0, rs1, rs2,
               sext(field(b, 31, 31) << 12 | field(b, 7, 7) << 11 | field(b, 30, 25) << 5 |
                        field(b, 11, 8) << 1,
                    13));
      break;
    case Format::U:
      o = make(rd, 0, 0, sext(b & 0xfffff000u, 32));
      break;
    case Format::J:
      o = make(rd, 0, 0,
               sext(field(b, 31, 31) << 20 | field(b, 19, 12) << 12 | field(b, 20, 20) << 11 |
                        field(b, 30, 21) << 1,
                    21));
      break;
    case Format::Csr:
    case Format::CsrI:
    case Format::Fence:
      o = make(rd, rs1, 0, field(b, 31, 20));
      break;
    case Format::Amo:
      o = make(rd, rs1, rs2, field(b, 26, 25));
      break;
    case Format::Lr:
      o = make(rd, rs1, 0, field(b, 26, 25));
      break;
    case Format::None:
    case Format::CNone:
      o = Operands{};
      break;
    case Format::CIW:
      o = make(
          creg(field(b, 4, 2)), 2, 0,
          field(b, 10, 7) << 6 | field(b, 12, 11) << 4 | field(b, 5, 5) << 3 | field(b, 6, 6) << 2);
      break;
    case Format::CLW:
      o = make(creg(field(b, 4, 2)), creg(field(b, 9, 7)), 0, cl_w);
      break;
    case Format::CLD:
      o = make(creg(field(b, 4, 2)), creg(field(b, 9, 7)), 0, cl_d);
      break;
    case Format::CSW:
      o = make(0, creg(field(b, 9, 7)), creg(field(b, 4, 2)), cl_w);
      break;
    case Format::CSD:
      o = make(0, creg(field(b, 9, 7)), creg(field(b, 4, 2)), cl_d);
      break;
    case Format::CI:
      o = make(rd, rd, 0, ci_imm);
      break;
    case Format::CJal:
      o = make(1, 0, 0, cj_offset(b));
      break;
    case Format::CLi:
      o = make(rd, 0, 0, ci_imm);
      break;
    case Format::CAddi16sp:
      o = make(2, 2, 0,
               sext(field(b, 12, 12) << 9 | field(b, 4, 3) << 7 | field(b, 5, 5) << 6 |
                        field(b, 2, 2) << 5 | field(b, 6, 6) << 4,
                    10));
      break;
    case Format::CLui:
      o = make(rd, 0, 0, sext(field(b, 12, 12) << 17 | field(b, 6, 2) << 12, 18));
      break;
    case Format::CBShift:
      o = make(creg(field(b, 9, 7)), creg(field(b, 9, 7)), 0,
               field(b, 12, 12) << 5 | field(b, 6, 2));
      break;
    case Format::CBAndi:
      o = make(creg(field(b, 9, 7)), creg(field(b, 9, 7)), 0, ci_imm);
      break;
    case Format::CA:
      o = make(creg(field(b, 9, 7)), creg(field(b, 9, 7)), creg(field(b, 4, 2)), 0);
      break;
    case Format::CJ:
      o = make(0, 0, 0, cj_offset(b));
      break;
    case Format::CBranch:
      o = make(0, creg(field(b, 9, 7)), 0,
               sext(field(b, 12, 12) << 8 | field(b, 6, 5) << 6 | field(b, 2, 2) << 5 |
                        field(b, 11, 10) << 3 | field(b, 4, 3) << 1,
                    9));
      break;
    case Format::CSlli:
      o = make(rd, rd, 0, field(b, 12, 12) << 5 | field(b, 6, 2));
      break;
    case Format::CLwsp:
      o = make(rd, 2, 0, field(b, 3, 2) << 6 | field(b, 12, 12) << 5 | field(b, 6, 4) << 2);
      break;
    case Format::CLdsp:
      o = make(rd, 2, 0, field(b, 4, 2) << 6 | field(b, 12, 12) << 5 | field(b, 6, 5) << 3);
      break;
    case Format::CJr:
      o = make(0, rd, 0, 0);
      break;
    case Format::CMv:
      o = make(rd, 0, crs2, 0);
      break;
    case Format::CJalr:
      o = make(1, rd, 0, 0);
      break;
    case Format::CAdd:
      o = make(rd, rd, crs2, 0);
      break;
    case Format::CSwsp:
      o = make(0, 2, crs2, field(b, 8, 7) << 6 | field(b, 12, 9) << 2);
      break;
    case Format::CSdsp:
      o = make(0, 2, crs2, field(b, 9, 7) << 6 | field(b, 12, 10) << 3);
      break;
  }
}

}  // namespace

const Encoding* Decoder::table(std::size_t& size) {
  size = sizeof(kEncodings) / sizeof(kEncodings[0]);
  return kEncodings;
}

// 32-bit encodings are bucketed by their major opcode (bits 6:2), compressed
// ones by quadrant and funct3.
unsigned Decoder::bucket(uint32_t bits) {
  if ((bits & 3) == 3) return field(bits, 6, 2);
  return 32 + (field(bits, 1, 0) << 3 | field(bits, 15, 13));
}

bool Decoder::enabled(const Encoding& row, const Isa& isa) {
  for (unsigned i = 0; i < static_cast<unsigned>(Extension::count); ++i) {
    if (((row.extensions >> i) & 1) && !isa.has(static_cast<Extension>(i))) return false;
  }
  return (row.xlens & (isa.xlen() == Xlen::Rv32 ? R32 : R64)) != 0;
}

Decoder::Decoder(const Isa& isa) : rv32_(isa.xlen() == Xlen::Rv32), buckets_(32 + 24) {
  for (const Encoding& e : kEncodings) {
    if (enabled(e, isa)) buckets_[bucket(e.match)].push_back(&e);
  }
}

const Encoding* Decoder::decode(uint32_t bits, Operands& ops) const {
  if ((bits & 3) != 3)
    bits &= 0xffff;
  else if ((bits & 0x1c) == 0x1c)
    return nullptr;  // 48-bit and longer encodings
  for (const Encoding* e : buckets_[bucket(bits)]) {
    if ((bits & e->mask) != e->match) continue;
    extract(e->format, bits, ops);
    if ((e->flags & kNonZeroImm) && ops.imm == 0) return nullptr;
    if ((e->flags & kNonZeroRd) && ops.rd == 0) return nullptr;
    if ((e->flags & kNonZeroRs1) && ops.rs1 == 0) return nullptr;
    if ((e->flags & kRv32Shamt) && rv32_ && ops.imm >= 32) return nullptr;
    // Rounding modes 5 and 6 are reserved (Unprivileged spec 11.2).
    if (e->sig.rm && (ops.rm == 5 || ops.rm == 6)) return nullptr;
    return e;
  }
  return nullptr;
}

}  // namespace rvtlm::iss
