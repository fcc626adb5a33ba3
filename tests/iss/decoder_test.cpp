// The decoder derived from insns.def: every table row is reachable, reserved
// encodings are illegal, and operands come out as GNU as encodes them.
#include "decoder.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

#include "test_asm.h"

namespace rvtlm::iss {
namespace {

using test::enc::bits;

Isa all_extensions(Xlen xlen) { return Isa(xlen); }

bool compressed(const Encoding& e) { return (e.match & 3) != 3; }

// The reserved-value rules of a row, restated from the specification
// (Unprivileged spec 16.3-16.5) in terms of raw instruction bits.
bool respects_flags(const Encoding& e, uint32_t b, bool rv32) {
  if (e.flags & kNonZeroImm) {
    switch (e.format) {
      case Format::CIW:
        if (bits(b, 12, 5) == 0) return false;
        break;
      case Format::CAddi16sp:
      case Format::CLui:
        if (bits(b, 12, 12) == 0 && bits(b, 6, 2) == 0) return false;
        break;
      default:
        ADD_FAILURE() << e.mnemonic << ": kNonZeroImm on an unexpected format";
    }
  }
  if ((e.flags & (kNonZeroRd | kNonZeroRs1)) && bits(b, 11, 7) == 0) return false;
  if ((e.flags & kRv32Shamt) && rv32 && bits(b, 12, 12) != 0) return false;
  // Rounding modes 5 and 6 are reserved.
  if (e.sig.rm && (bits(b, 14, 12) == 5 || bits(b, 14, 12) == 6)) return false;
  return true;
}

TEST(Decoder, EveryTableRowDecodesToItselfWithVariedOperands) {
  std::size_t size = 0;
  const Encoding* table = Decoder::table(size);
  ASSERT_GT(size, 120u);
  std::mt19937 rng(12345);
  for (Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
    const Isa exts = all_extensions(xlen);
    const Decoder decoder(exts);
    for (std::size_t r = 0; r < size; ++r) {
      const Encoding& row = table[r];
      if (!Decoder::enabled(row, exts)) continue;
      SCOPED_TRACE(std::string(row.mnemonic) + (xlen == Xlen::Rv32 ? " on RV32" : " on RV64"));
      EXPECT_EQ(row.match & row.mask, row.match);
      unsigned exact = 0;
      for (int attempt = 0; attempt < 400 && exact < 16; ++attempt) {
        const uint32_t free = ~row.mask & (compressed(row) ? 0xffffu : ~0u);
        // A few attempts keep operand fields at their extremes.
        const uint32_t noise = attempt == 0 ? 0 : attempt == 1 ? ~0u : rng();
        const uint32_t b = row.match | (noise & free);
        if (!respects_flags(row, b, xlen == Xlen::Rv32)) continue;
        // The first matching row wins: skip bits that an earlier, more
        // specific row of a different operation claims (c.jr before c.mv).
        bool shadowed = false, same_op_earlier = false;
        for (std::size_t q = 0; q < r; ++q) {
          const Encoding& o = table[q];
          if (!Decoder::enabled(o, exts) || (b & o.mask) != o.match) continue;
          if (o.op == row.op)
            same_op_earlier = true;
          else
            shadowed = true;
        }
        if (shadowed) continue;
        Operands ops;
        const Encoding* got = decoder.decode(b, ops);
        ASSERT_NE(got, nullptr) << std::hex << "bits 0x" << b;
        if (same_op_earlier) {
          EXPECT_EQ(got->op, row.op) << std::hex << "bits 0x" << b;
        } else {
          EXPECT_EQ(got, &row) << std::hex << "bits 0x" << b << " decoded as " << got->mnemonic;
          ++exact;
        }
      }
      EXPECT_GE(exact, 8u) << "row is (nearly) unreachable";
    }
  }
}

// The bucketed decoder against a linear search of the table: random bits
// inside each row's pattern decode to the first enabled row they match, or
// are illegal only for a reserved operand value or rounding mode.
TEST(Decoder, AgreesWithALinearSearchForTheFirstMatchingRow) {
  std::size_t size = 0;
  const Encoding* table = Decoder::table(size);
  std::mt19937 rng(1234);
  for (Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
    const Isa exts = all_extensions(xlen);
    const Decoder decoder(exts);
    const auto first_match = [&](uint32_t b) -> const Encoding* {
      for (std::size_t q = 0; q < size; ++q)
        if (Decoder::enabled(table[q], exts) && (b & table[q].mask) == table[q].match)
          return &table[q];
      return nullptr;
    };
    unsigned checked = 0;
    for (std::size_t r = 0; r < size; ++r) {
      const Encoding& row = table[r];
      if (!Decoder::enabled(row, exts)) continue;
      for (int k = 0; k < 64; ++k) {
        const uint32_t b = (row.match | (rng() & ~row.mask)) & (compressed(row) ? 0xffffu : ~0u);
        const Encoding* want = first_match(b);
        ASSERT_NE(want, nullptr) << row.mnemonic;
        Operands ops;
        const Encoding* got = decoder.decode(b, ops);
        if (got == nullptr) {
          EXPECT_FALSE(respects_flags(*want, b, xlen == Xlen::Rv32))
              << want->mnemonic << std::hex << " 0x" << b;
          continue;
        }
        EXPECT_EQ(got, want) << row.mnemonic << std::hex << " 0x" << b;
        ++checked;
      }
    }
    EXPECT_GT(checked, 5000u);
  }
}

TEST(Decoder, RowsOfTheOtherXlenAreNotDecoded) {
  std::size_t size = 0;
  const Encoding* table = Decoder::table(size);
  unsigned checked = 0;
  for (Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
    const Isa exts = all_extensions(xlen);
    const Decoder decoder(exts);
    for (std::size_t r = 0; r < size; ++r) {
      if (Decoder::enabled(table[r], exts)) continue;
      Operands ops;
      const Encoding* got =
          decoder.decode(table[r].match | (compressed(table[r]) ? 0x0400 : 0), ops);
      // Another row may own the space (c.jal's is c.addiw's on RV64).
      EXPECT_NE(got, &table[r]) << table[r].mnemonic;
      if (got) {
        EXPECT_TRUE(Decoder::enabled(*got, exts)) << table[r].mnemonic;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 40u);
}

struct Reserved {
  uint32_t bits;
  const char* what;
  bool rv32;
  bool rv64;
};

TEST(Decoder, ReservedEncodingsAreIllegal) {
  const Reserved cases[] = {
      {0x0000, "all-zero parcel", true, true},
      {0x0004, "c.addi4spn with immediate 0", true, true},
      {0x4006, "c.lwsp with rd=0", true, true},
      {0x607e, "c.ldsp with rd=0 (RV64)", false, true},
      {0x8002, "c.jr with rs1=0", true, true},
      {0x6101, "c.addi16sp with immediate 0", true, true},
      {0x6081, "c.lui with immediate 0", true, true},
      {0x2005, "c.addiw with rd=0 (RV64)", false, true},
      {0x1502, "c.slli with shamt[5] on RV32", true, false},
      {0x9101, "c.srli with shamt[5] on RV32", true, false},
      {0x9501, "c.srai with shamt[5] on RV32", true, false},
      {0x9c41, "reserved CA encoding", true, true},
      {0x8000, "reserved quadrant 0 funct3=100", true, true},
      {0x2000, "c.fld (no D extension)", true, true},
      {0x02051513, "slli with bit 25 set on RV32", true, false},
      {0x42055513, "srai with bit 25 set on RV32", true, false},
      {0x0000001f, "48-bit prefix", true, true},
      {0x1234561f, "48-bit prefix", true, true},
      {0x0000003f, "64-bit prefix", true, true},
      {0x1010202f, "lr.w with rs2 != 0", true, true},
      {0x00000000 | 0x7f, "unused major opcode", true, true},
      {0x7f82bd83, "ld on RV32", true, false},
      {0x035a79bb, "remuw on RV32", true, false},
      {0xe063b2af, "amomaxu.d on RV32", true, false},
      {0x7ce0, "c.ld on RV32 (c.flw)", true, false},
      {0x9d0d, "c.subw on RV32", true, false},
      {0xffa2, "c.sdsp on RV32 (c.fswsp)", true, false},
      {0x3001, "c.jal space with rd=0 on RV64 (c.addiw rd=0)", false, true},
      {0x2001, "c.addiw with rd=0 and immediate 0 (RV64)", false, true},
      {0x4002, "c.lwsp with rd=0 and offset 0", true, true},
      {0x6501, "c.lui a0 with immediate 0", true, true},
      {0xffffffff, "all-ones word", true, true},
      {0x0000102f, "AMO with funct3=1", true, true},
      {0x00003503, "ld on RV32", true, false},
      {0x0000003b, "addw on RV32", true, false},
  };
  // Without F and D: the compressed FP loads and stores are reserved too.
  const Decoder rv32(*Isa::parse("rv32imac"));
  const Decoder rv64(*Isa::parse("rv64imac"));
  for (const Reserved& c : cases) {
    Operands ops;
    if (c.rv32) {
      EXPECT_EQ(rv32.decode(c.bits, ops), nullptr) << c.what << " (RV32)";
    }
    if (c.rv64) {
      EXPECT_EQ(rv64.decode(c.bits, ops), nullptr) << c.what << " (RV64)";
    }
  }
  // The same encodings are legal where the specification allows them.
  Operands ops;
  EXPECT_NE(rv64.decode(0x02051513, ops), nullptr);  // slli a0,a0,32
  EXPECT_NE(rv64.decode(0x1502, ops), nullptr);      // c.slli a0,32
  EXPECT_NE(rv32.decode(0x3001, ops), nullptr);      // c.jal
}

TEST(Decoder, CJalIsRv32OnlyAndItsEncodingIsCAddiwOnRv64) {
  const Decoder rv32(all_extensions(Xlen::Rv32));
  const Decoder rv64(all_extensions(Xlen::Rv64));
  Operands o32, o64;
  const Encoding* e32 = rv32.decode(0x2ffd, o32);
  const Encoding* e64 = rv64.decode(0x2ffd, o64);
  ASSERT_NE(e32, nullptr);
  ASSERT_NE(e64, nullptr);
  EXPECT_STREQ(e32->mnemonic, "c.jal");
  EXPECT_EQ(o32.rd, 1);
  EXPECT_EQ(o32.imm, 2046);
  EXPECT_STREQ(e64->mnemonic, "c.addiw");
  EXPECT_EQ(o64.rd, 31);
  EXPECT_EQ(o64.imm, 31);
}

TEST(Decoder, DisabledExtensionsAreIllegal) {
  const Decoder base(*Isa::parse("rv64i"));
  Operands ops;
  EXPECT_EQ(base.decode(0x02c58533, ops), nullptr);  // mul
  EXPECT_EQ(base.decode(0x06b6252f, ops), nullptr);  // amoadd.w
  EXPECT_EQ(base.decode(0x852e, ops), nullptr);      // c.mv
  EXPECT_NE(base.decode(0x00c58533, ops), nullptr);  // add
}

struct Expected {
  uint32_t bits;
  Xlen xlen;
  const char* mnemonic;
  int rd, rs1, rs2;
  int64_t imm;
};

// Encodings and operand values from riscv64-unknown-elf-as and
// `objdump -d -M no-aliases` (binutils 2.40).
TEST(Decoder, OperandsOfEachFormatMatchGnuAs) {
  constexpr Xlen k64 = Xlen::Rv64, k32 = Xlen::Rv32;
  const Expected cases[] = {
      {0x12345537, k64, "lui", 10, 0, 0, 0x12345000},
      {0xfffff317, k64, "auipc", 6, 0, 0, -4096},
      {0x001000ef, k64, "jal", 1, 0, 0, 2048},
      {0xffdff0ef, k32, "jal", 1, 0, 0, -4},
      {0xff4780e7, k64, "jalr", 1, 15, 0, -12},
      {0xfeb508e3, k64, "beq", 0, 10, 11, -16},
      {0x7ff4ffe3, k64, "bgeu", 0, 9, 31, 4094},
      {0xfff10503, k64, "lb", 10, 2, 0, -1},
      {0x7f82bd83, k64, "ld", 27, 5, 0, 2040},
      {0x80a58023, k64, "sb", 0, 11, 10, -2048},
      {0x00113423, k64, "sd", 0, 2, 1, 8},
      {0xfff5b513, k64, "sltiu", 10, 11, 0, -1},
      {0x7ff37293, k64, "andi", 5, 6, 0, 2047},
      {0x03f51513, k64, "slli", 10, 10, 0, 63},
      {0x02165593, k64, "srli", 11, 12, 0, 33},
      {0x407e5393, k64, "srai", 7, 28, 0, 7},
      {0x01f51513, k32, "slli", 10, 10, 0, 31},
      {0x41f5d51b, k64, "sraiw", 10, 11, 0, 31},
      {0x41248433, k64, "sub", 8, 9, 18, 0},
      {0x035a79bb, k64, "remuw", 19, 20, 21, 0},
      {0x1405a52f, k64, "lr.w", 10, 11, 0, 2},
      {0x1ad7362f, k64, "sc.d", 12, 14, 13, 1},
      {0x06b6252f, k64, "amoadd.w", 10, 12, 11, 3},
      {0x30059573, k64, "csrrw", 10, 11, 0, 0x300},
      {0x7c0ff7f3, k64, "csrrci", 15, 31, 0, 0x7c0},
      {0x0210000f, k64, "fence", 0, 0, 0, 0x021},
      {0x8330000f, k64, "fence.tso", 0, 0, 0, 0},
      {0x1fe8, k64, "c.addi4spn", 10, 2, 0, 1020},
      {0x5f7c, k64, "c.lw", 15, 14, 0, 124},
      {0x7ce0, k64, "c.ld", 8, 9, 0, 248},
      {0xc1c8, k64, "c.sw", 0, 11, 10, 4},
      {0xe01c, k64, "c.sd", 0, 8, 15, 0},
      {0x1501, k64, "c.addi", 10, 10, 0, -32},
      {0x22fd, k64, "c.addiw", 5, 5, 0, 31},
      {0x50fd, k64, "c.li", 1, 0, 0, -1},
      {0x7101, k64, "c.addi16sp", 2, 2, 0, -512},
      {0x617d, k64, "c.addi16sp", 2, 2, 0, 496},
      {0x7781, k64, "c.lui", 15, 0, 0, -0x20000},
      {0x6285, k64, "c.lui", 5, 0, 0, 0x1000},
      {0x917d, k64, "c.srli", 10, 10, 0, 63},
      {0x8485, k64, "c.srai", 9, 9, 0, 1},
      {0x9a6d, k64, "c.andi", 12, 12, 0, -5},
      {0x8c05, k64, "c.sub", 8, 8, 9, 0},
      {0x9c3d, k64, "c.addw", 8, 8, 15, 0},
      {0xb001, k64, "c.j", 0, 0, 0, -2048},
      {0x3001, k32, "c.jal", 1, 0, 0, -2048},
      {0xcd7d, k64, "c.beqz", 0, 10, 0, 254},
      {0xf081, k64, "c.bnez", 0, 9, 0, -256},
      {0x12fe, k64, "c.slli", 5, 5, 0, 63},
      {0x50fe, k64, "c.lwsp", 1, 2, 0, 252},
      {0x7ffe, k64, "c.ldsp", 31, 2, 0, 504},
      {0x8082, k64, "c.jr", 0, 1, 0, 0},
      {0x852e, k64, "c.mv", 10, 0, 11, 0},
      {0x9002, k64, "c.ebreak", 0, 0, 0, 0},
      {0x9282, k64, "c.jalr", 1, 5, 0, 0},
      {0x952e, k64, "c.add", 10, 10, 11, 0},
      {0xdfaa, k64, "c.swsp", 0, 2, 10, 252},
      {0xffa2, k64, "c.sdsp", 0, 2, 8, 504},
      {0x0808, k64, "c.addi4spn", 10, 2, 0, 16},
      {0x41c8, k64, "c.lw", 10, 11, 0, 4},
      {0x6588, k64, "c.ld", 10, 11, 0, 8},
      {0x1575, k64, "c.addi", 10, 10, 0, -3},
      {0x713d, k64, "c.addi16sp", 2, 2, 0, -32},
      {0x657d, k64, "c.lui", 10, 0, 0, 0x1f000},
      {0x9979, k64, "c.andi", 10, 10, 0, -2},
      {0x8d0d, k64, "c.sub", 10, 10, 11, 0},
      {0x4532, k64, "c.lwsp", 10, 2, 0, 12},
      {0xe82a, k64, "c.sdsp", 0, 2, 10, 16},
      {0x9502, k64, "c.jalr", 1, 10, 0, 0},
      {0x80058513, k64, "addi", 10, 11, 0, -2048},
      {0x7ea13fa3, k64, "sd", 0, 2, 10, 2047},
      {0xfadff0ef, k64, "jal", 1, 0, 0, -84},
      {0xf8b50ee3, k64, "beq", 0, 10, 11, -100},
      {0xfffff517, k64, "auipc", 10, 0, 0, -4096},
  };
  const Decoder rv32(all_extensions(Xlen::Rv32));
  const Decoder rv64(all_extensions(Xlen::Rv64));
  for (const Expected& c : cases) {
    SCOPED_TRACE(c.mnemonic);
    Operands o;
    const Encoding* e = (c.xlen == Xlen::Rv32 ? rv32 : rv64).decode(c.bits, o);
    ASSERT_NE(e, nullptr);
    EXPECT_STREQ(e->mnemonic, c.mnemonic);
    EXPECT_EQ(o.rd, c.rd);
    EXPECT_EQ(o.rs1, c.rs1);
    EXPECT_EQ(o.rs2, c.rs2);
    EXPECT_EQ(o.imm, c.imm);
  }
}

// The tests' own assembler (tests/support/test_asm.h) against GNU as.
TEST(Decoder, TestAssemblerAgreesWithGnuAs) {
  using namespace test;
  EXPECT_EQ(lui(a0, 0x12345), 0x12345537u);
  EXPECT_EQ(auipc(t1, 0xfffff), 0xfffff317u);
  EXPECT_EQ(jal(ra, 2048), 0x001000efu);
  EXPECT_EQ(jal(ra, -4), 0xffdff0efu);
  EXPECT_EQ(jalr(ra, a5, -12), 0xff4780e7u);
  EXPECT_EQ(beq(a0, a1, -16), 0xfeb508e3u);
  EXPECT_EQ(lb(a0, sp, -1), 0xfff10503u);
  EXPECT_EQ(ld(s11, t0, 2040), 0x7f82bd83u);
  EXPECT_EQ(sb(a0, a1, -2048), 0x80a58023u);
  EXPECT_EQ(sd(ra, sp, 8), 0x00113423u);
  EXPECT_EQ(addi(sp, sp, -16), 0xff010113u);
  EXPECT_EQ(andi(t0, t1, 2047), 0x7ff37293u);
  EXPECT_EQ(slli(a0, a0, 63), 0x03f51513u);
  EXPECT_EQ(srli(a1, a2, 33), 0x02165593u);
  EXPECT_EQ(add(a0, a1, a2), 0x00c58533u);
  EXPECT_EQ(sub(s0, s1, s2), 0x41248433u);
  EXPECT_EQ(mul(a0, a1, a2), 0x02c58533u);
  EXPECT_EQ(amoadd_w(a0, a1, a2) | 3u << 25, 0x06b6252fu);
  EXPECT_EQ(lr_w(a0, a1) | 2u << 25, 0x1405a52fu);
  EXPECT_EQ(sc_d(a2, a3, a4) | 1u << 25, 0x1ad7362fu);
  EXPECT_EQ(csrrw(a0, 0x300, a1), 0x30059573u);
  EXPECT_EQ(csrrs(zero, 0x342, zero), 0x34202073u);
  EXPECT_EQ(csrrsi(a0, 0xb05, 1), 0xb050e573u);
  EXPECT_EQ(c_addi(a0, -32), 0x1501u);
  EXPECT_EQ(c_li(ra, -1), 0x50fdu);
  EXPECT_EQ(c_mv(a0, a1), 0x852eu);
  EXPECT_EQ(c_nop(), 0x0001u);
  EXPECT_EQ(fld(f1, s0, 8), 0x00843087u);
  EXPECT_EQ(fmadd_d(f3, f1, f2, f3), 0x1a20f1c3u);
  EXPECT_EQ(fcvt_l_d(t0, f3), 0xc221f2d3u);
  EXPECT_EQ(sfence_vma(a0, a1), 0x12b50073u);
  EXPECT_EQ(c_ebreak(), 0x9002u);
}

// What the test assembler writes decodes to the instruction it names, with
// the operands it was given.
TEST(Decoder, TestAssemblerOutputDecodesToTheNamedInstructionAndOperands) {
  using namespace test;
  struct Case {
    uint32_t bits;
    const char* mnemonic;
    int rd, rs1, rs2, rs3;
    int64_t imm;
  };
  const Case cases[] = {
      {lui(t6, 0x80000), "lui", 31, 0, 0, 0, -0x80000000LL},
      {auipc(a0, 1), "auipc", 10, 0, 0, 0, 4096},
      {jal(zero, -0x100000), "jal", 0, 0, 0, 0, -0x100000},
      {jalr(ra, t0, 2047), "jalr", 1, 5, 0, 0, 2047},
      {blt(a0, a1, 4094), "blt", 0, 10, 11, 0, 4094},
      {lbu(a0, sp, -2048), "lbu", 10, 2, 0, 0, -2048},
      {sh(t1, gp, 6), "sh", 0, 3, 6, 0, 6},
      {sb(a5, a4, -1), "sb", 0, 14, 15, 0, -1},
      {lw(a5, a4, 5), "lw", 15, 14, 0, 0, 5},
      {srli(a0, a1, 63), "srli", 10, 11, 0, 0, 63},
      {xori(a0, a1, -1), "xori", 10, 11, 0, 0, -1},
      {csrrwi(a0, 0x7c0, 31), "csrrwi", 10, 31, 0, 0, 0x7c0},
      {lr_d(a0, a1), "lr.d", 10, 11, 0, 0, 0},
      {amoswap_d(a0, a1, a2), "amoswap.d", 10, 12, 11, 0, 0},
      {fmadd_d(f1, f2, f3, f31), "fmadd.d", 1, 2, 3, 31, 0},
      {fcvt_l_d(t0, f3), "fcvt.l.d", 5, 3, 2, 0, 0},
      {fsd(f9, sp, -8), "fsd", 0, 2, 9, 0, -8},
      {sfence_vma(a0, a1), "sfence.vma", 0, 10, 11, 0, 0},
      {sret(), "sret", 0, 0, 0, 0, 0},
      {fence_i(), "fence.i", 0, 0, 0, 0, 0},
      {c_li(a0, -32), "c.li", 10, 0, 0, 0, -32},
      {c_addi(sp, 31), "c.addi", 2, 2, 0, 0, 31},
      {c_mv(s1, t6), "c.mv", 9, 0, 31, 0, 0},
      {c_nop(), "c.addi", 0, 0, 0, 0, 0},
      {c_ebreak(), "c.ebreak", 0, 0, 0, 0, 0},
  };
  const Decoder rv64(all_extensions(Xlen::Rv64));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.mnemonic);
    Operands o;
    const Encoding* e = rv64.decode(c.bits, o);
    ASSERT_NE(e, nullptr) << std::hex << "bits 0x" << c.bits;
    EXPECT_STREQ(e->mnemonic, c.mnemonic);
    EXPECT_EQ(o.rd, c.rd);
    EXPECT_EQ(o.rs1, c.rs1);
    EXPECT_EQ(o.rs2, c.rs2);
    EXPECT_EQ(o.rs3, c.rs3);
    EXPECT_EQ(o.imm, c.imm);
    if (e->sig.rm) {
      EXPECT_EQ(o.rm, 7) << "dynamic rounding mode";
    }
  }
}

TEST(Decoder, TestAssemblerRefusesOperandsItCannotEncode) {
  using namespace test;
  EXPECT_THROW(addi(a0, a0, 2048), std::invalid_argument);
  EXPECT_THROW(sd(a0, sp, -2049), std::invalid_argument);
  EXPECT_THROW(beq(a0, a1, 3), std::invalid_argument);
  EXPECT_THROW(jal(ra, 0x100000), std::invalid_argument);
  EXPECT_THROW(slli(a0, a0, 64), std::invalid_argument);
  EXPECT_THROW(lui(a0, 0x100000), std::invalid_argument);
  EXPECT_THROW(csrrsi(a0, 0x300, 32), std::invalid_argument);
  EXPECT_THROW(c_li(a0, 32), std::invalid_argument);
  EXPECT_THROW(c_mv(a0, zero), std::invalid_argument);  // that is c.jr
  EXPECT_THROW(test::enc::r("add.w", a0, a1, a2), std::invalid_argument);
}

}  // namespace
}  // namespace rvtlm::iss
