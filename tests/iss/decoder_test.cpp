#include "decoder.h"

#include <gtest/gtest.h>

#include <random>

namespace rvtlm::iss {
namespace {

const Encoding* first_match(const Isa& exts, uint32_t bits) {
  std::size_t n;
  const Encoding* table = Decoder::table(n);
  if ((bits & 3) != 3) bits &= 0xffff;
  for (std::size_t i = 0; i < n; ++i)
    if (Decoder::enabled(table[i], exts) && (bits & table[i].mask) == table[i].match)
      return &table[i];
  return nullptr;
}

class DecoderPerXlen : public ::testing::TestWithParam<Xlen> {};

TEST_P(DecoderPerXlen, EveryRowDecodesToTheFirstMatchingRowOfTheTable) {
  const Isa exts(GetParam());
  const Decoder decoder(exts);
  std::size_t n;
  const Encoding* table = Decoder::table(n);
  std::mt19937 rng(1234);
  unsigned checked = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Encoding& row = table[i];
    if (!Decoder::enabled(row, exts)) continue;
    for (int k = 0; k < 64; ++k) {
      uint32_t bits = row.match | (rng() & ~row.mask);
      if (row.mask <= 0xffff) bits &= 0xffff;
      Operands ops;
      const Encoding* got = decoder.decode(bits, ops);
      const Encoding* want = first_match(exts, bits);
      ASSERT_NE(want, nullptr);
      if (got == nullptr) {
        const unsigned rm = (bits >> 12) & 7;
        EXPECT_TRUE(want->flags != 0 || (want->sig.rm && (rm == 5 || rm == 6)))
            << row.mnemonic << " " << std::hex << bits;
        continue;
      }
      EXPECT_EQ(got, want) << row.mnemonic << " " << std::hex << bits;
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000u);
}

TEST_P(DecoderPerXlen, ReservedEncodingsAreIllegal) {
  const Decoder decoder{Isa(GetParam())};
  Operands ops;
  for (uint32_t bits :
       {0x0000u, 0x0004u /* c.addi4spn imm 0 */, 0x4002u /* c.lwsp x0 */, 0x8002u /* c.jr x0 */,
        0x6101u /* c.addi16sp 0 */, 0x6501u /* c.lui 0 */, 0x0000001fu /* 48-bit prefix */,
        0xffffffffu, 0x0000102fu /* AMO funct3 1 */})
    EXPECT_EQ(decoder.decode(bits, ops), nullptr) << std::hex << bits;
}

INSTANTIATE_TEST_SUITE_P(Xlen, DecoderPerXlen, ::testing::Values(Xlen::Rv32, Xlen::Rv64));

TEST(Decoder, Rv64OnlyEncodingsAreIllegalOnRv32) {
  const Decoder rv32{Isa(Xlen::Rv32)};
  Operands ops;
  EXPECT_EQ(rv32.decode(0x00003503 /* ld */, ops), nullptr);
  EXPECT_EQ(rv32.decode(0x0000003b /* addw */, ops), nullptr);
  EXPECT_EQ(rv32.decode(0x02051513 /* slli a0,a0,32 */, ops), nullptr);
  EXPECT_EQ(rv32.decode(0x1502 /* c.slli a0,32 */, ops), nullptr);
  const Encoding* e = rv32.decode(0x2001 /* c.jal */, ops);
  ASSERT_NE(e, nullptr);
  EXPECT_STREQ(e->mnemonic, "c.jal");
  const Decoder rv64{Isa(Xlen::Rv64)};
  e = rv64.decode(0x2505 /* c.addiw a0,1 */, ops);
  ASSERT_NE(e, nullptr);
  EXPECT_STREQ(e->mnemonic, "c.addiw");
  EXPECT_EQ(rv64.decode(0x2001 /* c.addiw x0 */, ops), nullptr);
}

TEST(Decoder, ExtractsOperandsOfEachFormat) {
  const Decoder d{Isa(Xlen::Rv64)};
  struct Case {
    uint32_t bits;
    const char* mnemonic;
    uint8_t rd, rs1, rs2;
    int64_t imm;
  };
  // Reference values from riscv64-unknown-elf-objdump.
  const Case cases[] = {
      {0x0808, "c.addi4spn", 10, 2, 0, 16},    {0x41c8, "c.lw", 10, 11, 0, 4},
      {0x6588, "c.ld", 10, 11, 0, 8},          {0xc1c8, "c.sw", 0, 11, 10, 4},
      {0x1575, "c.addi", 10, 10, 0, -3},       {0x713d, "c.addi16sp", 2, 2, 0, -32},
      {0x657d, "c.lui", 10, 0, 0, 0x1f000},    {0x9979, "c.andi", 10, 10, 0, -2},
      {0x8d0d, "c.sub", 10, 10, 11, 0},        {0x4532, "c.lwsp", 10, 2, 0, 12},
      {0xe82a, "c.sdsp", 0, 2, 10, 16},        {0x852e, "c.mv", 10, 0, 11, 0},
      {0x9502, "c.jalr", 1, 10, 0, 0},         {0x80058513, "addi", 10, 11, 0, -2048},
      {0x7ea13fa3, "sd", 0, 2, 10, 2047},      {0xfadff0ef, "jal", 1, 0, 0, -84},
      {0xf8b50ee3, "beq", 0, 10, 11, -100},    {0xfffff517, "auipc", 10, 0, 0, -4096},
      {0x06b6252f, "amoadd.w", 10, 12, 11, 3}, {0x30059573, "csrrw", 10, 11, 0, 0x300},
  };
  for (const Case& c : cases) {
    Operands o;
    const Encoding* e = d.decode(c.bits, o);
    ASSERT_NE(e, nullptr) << std::hex << c.bits;
    EXPECT_STREQ(e->mnemonic, c.mnemonic);
    EXPECT_EQ(o.rd, c.rd) << c.mnemonic;
    EXPECT_EQ(o.rs1, c.rs1) << c.mnemonic;
    EXPECT_EQ(o.rs2, c.rs2) << c.mnemonic;
    EXPECT_EQ(o.imm, c.imm) << c.mnemonic;
  }
}

}  // namespace
}  // namespace rvtlm::iss
