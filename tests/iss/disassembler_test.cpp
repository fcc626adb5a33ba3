#include "rvtlm/iss/disassembler.h"

#include <gtest/gtest.h>

namespace rvtlm::iss {
namespace {

// Reference text from riscv64-unknown-elf-objdump -d -M no-aliases.
TEST(Disassembler, MatchesObjdumpNoAliasesText) {
  const Disassembler rv64(Xlen::Rv64);
  struct Case {
    uint32_t bits;
    uint64_t pc;
    const char* text;
  } const cases[] = {
      {0x0808, 0x0, "c.addi4spn\ta0,sp,16"},
      {0x41c8, 0x2, "c.lw\ta0,4(a1)"},
      {0x0001, 0x8, "c.addi\tzero,0"},
      {0x713d, 0x10, "c.addi16sp\tsp,-32"},
      {0x657d, 0x12, "c.lui\ta0,0x1f"},
      {0x810d, 0x14, "c.srli\ta0,0x3"},
      {0x8d0d, 0x1a, "c.sub\ta0,a1"},
      {0xa009, 0x20, "c.j\t22"},
      {0xc101, 0x22, "c.beqz\ta0,22"},
      {0x9002, 0x2e, "c.ebreak"},
      {0x0ff0000f, 0x38, "fence\tiorw,iorw"},
      {0x8330000f, 0x3c, "fence.tso"},
      {0x0210000f, 0x40, "fence\tr,w"},
      {0x0000100f, 0x44, "fence.i"},
      {0x06b6252f, 0x48, "amoadd.w.aqrl\ta0,a1,(a2)"},
      {0x0cb6352f, 0x4c, "amoswap.d.aq\ta0,a1,(a2)"},
      {0x1005a52f, 0x50, "lr.w\ta0,(a1)"},
      {0x1ac5b52f, 0x54, "sc.d.rl\ta0,a2,(a1)"},
      {0x30059573, 0x58, "csrrw\ta0,mstatus,a1"},
      {0x7c02e573, 0x5c, "csrrsi\ta0,0x7c0,5"},
      {0x12345537, 0x64, "lui\ta0,0x12345"},
      {0xfffff517, 0x68, "auipc\ta0,0xfffff"},
      {0x80058513, 0x6c, "addi\ta0,a1,-2048"},
      {0x157e, 0x70, "c.slli\ta0,0x3f"},
      {0x01f5551b, 0x72, "srliw\ta0,a0,0x1f"},
      {0xfadff0ef, 0x76, "jal\tra,22"},
      {0xffc58567, 0x7a, "jalr\ta0,-4(a1)"},
      {0xfff58503, 0x7e, "lb\ta0,-1(a1)"},
      {0x7ea13fa3, 0x82, "sd\ta0,2047(sp)"},
      {0xf8b50ee3, 0x86, "beq\ta0,a1,22"},
      {0x30200073, 0x90, "mret"},
      {0x10500073, 0x94, "wfi"},
  };
  for (const auto& c : cases) EXPECT_EQ(rv64(c.bits, c.pc), c.text) << std::hex << c.bits;
}

TEST(Disassembler, KnowsXlenSpecificEncodings) {
  EXPECT_EQ(disassemble(0xb805b573, 0, Xlen::Rv32), "csrrc\ta0,mcycleh,a1");
  EXPECT_EQ(disassemble(0x2001, 0x100, Xlen::Rv32), "c.jal\t100");
  EXPECT_EQ(disassemble(0x2505, 0, Xlen::Rv64), "c.addiw\ta0,1");
  EXPECT_EQ(disassemble(0xfadff0ef, 0x10, Xlen::Rv32), "jal\tra,ffffffbc");
}

TEST(Disassembler, UnknownEncodingsAreNamedAsSuch) {
  EXPECT_EQ(disassemble(0x0000, 0, Xlen::Rv64), "unknown\t0x0000");
  EXPECT_EQ(disassemble(0xffffffff, 0, Xlen::Rv64), "unknown\t0xffffffff");
}

}  // namespace
}  // namespace rvtlm::iss
