// A few exact disassemblies per format, each checked against
// `riscv64-unknown-elf-objdump -d -M no-aliases` (binutils 2.40) with the
// trailing `<symbol>` removed. The full comparison lives in tests/objdump.
#include "rvtlm/iss/disassembler.h"

#include <gtest/gtest.h>

namespace rvtlm::iss {
namespace {

struct Case {
  uint32_t bits;
  uint64_t pc;
  const char* text;
};

void expect_all(Xlen xlen, std::initializer_list<Case> cases) {
  const Disassembler dis(xlen);
  for (const Case& c : cases) {
    EXPECT_EQ(dis(c.bits, c.pc), c.text) << std::hex << "0x" << c.bits;
    EXPECT_EQ(disassemble(c.bits, c.pc, xlen), c.text) << std::hex << "0x" << c.bits;
  }
}

TEST(Disassembler, BaseFormatsMatchObjdump) {
  expect_all(Xlen::Rv64, {
                             {0x12345537, 0x80000000, "lui\ta0,0x12345"},
                             {0xfffff317, 0x80000004, "auipc\tt1,0xfffff"},
                             {0x001000ef, 0x80000008, "jal\tra,80000808"},
                             {0xff4780e7, 0x8000000c, "jalr\tra,-12(a5)"},
                             {0xfeb508e3, 0x80000010, "beq\ta0,a1,80000000"},
                             {0x7ff4ffe3, 0x80000014, "bgeu\ts1,t6,80001012"},
                             {0x7f82bd83, 0x8000001c, "ld\ts11,2040(t0)"},
                             {0x80a58023, 0x80000024, "sb\ta0,-2048(a1)"},
                             {0x7ff37293, 0x80000034, "andi\tt0,t1,2047"},
                             {0x03f51513, 0x80000038, "slli\ta0,a0,0x3f"},
                             {0x41f5d51b, 0x80000054, "sraiw\ta0,a1,0x1f"},
                             {0x41248433, 0x80000048, "sub\ts0,s1,s2"},
                             {0x027322b3, 0x80000060, "mulhsu\tt0,t1,t2"},
                             {0xfffff517, 0x68, "auipc\ta0,0xfffff"},
                             {0x80058513, 0x6c, "addi\ta0,a1,-2048"},
                             {0x01f5551b, 0x72, "srliw\ta0,a0,0x1f"},
                             {0xfadff0ef, 0x76, "jal\tra,22"},
                             {0xffc58567, 0x7a, "jalr\ta0,-4(a1)"},
                             {0xfff58503, 0x7e, "lb\ta0,-1(a1)"},
                             {0x7ea13fa3, 0x82, "sd\ta0,2047(sp)"},
                             {0xf8b50ee3, 0x86, "beq\ta0,a1,22"},
                         });
}

TEST(Disassembler, AtomicCsrAndSystemInstructionsMatchObjdump) {
  expect_all(Xlen::Rv64, {
                             {0x1405a52f, 0, "lr.w.aq\ta0,(a1)"},
                             {0x1ad7362f, 0, "sc.d.rl\ta2,a3,(a4)"},
                             {0x06b6252f, 0, "amoadd.w.aqrl\ta0,a1,(a2)"},
                             {0xe063b2af, 0, "amomaxu.d\tt0,t1,(t2)"},
                             {0x30059573, 0, "csrrw\ta0,mstatus,a1"},
                             {0x34202073, 0, "csrrs\tzero,mcause,zero"},
                             {0x7c0ff7f3, 0, "csrrci\ta5,0x7c0,31"},
                             {0xb050e573, 0, "csrrsi\ta0,mhpmcounter5,1"},
                             {0x0ff0000f, 0, "fence\tiorw,iorw"},
                             {0x0210000f, 0, "fence\tr,w"},
                             {0x8330000f, 0, "fence.tso"},
                             {0x0000100f, 0, "fence.i"},
                             {0x00000073, 0, "ecall"},
                             {0x00100073, 0, "ebreak"},
                             {0x30200073, 0, "mret"},
                             {0x10500073, 0, "wfi"},
                             {0x0cb6352f, 0, "amoswap.d.aq\ta0,a1,(a2)"},
                             {0x1005a52f, 0, "lr.w\ta0,(a1)"},
                             {0x1ac5b52f, 0, "sc.d.rl\ta0,a2,(a1)"},
                             {0x7c02e573, 0, "csrrsi\ta0,0x7c0,5"},
                         });
}

TEST(Disassembler, CompressedFormatsMatchObjdump) {
  expect_all(Xlen::Rv64, {
                             {0x1fe8, 0x800000a8, "c.addi4spn\ta0,sp,1020"},
                             {0x5f7c, 0x800000aa, "c.lw\ta5,124(a4)"},
                             {0xc1c8, 0x800000ae, "c.sw\ta0,4(a1)"},
                             {0x0001, 0x800000b2, "c.addi\tzero,0"},
                             {0x22fd, 0x800000b6, "c.addiw\tt0,31"},
                             {0x50fd, 0x800000b8, "c.li\tra,-1"},
                             {0x7101, 0x800000ba, "c.addi16sp\tsp,-512"},
                             {0x7781, 0x800000be, "c.lui\ta5,0xfffe0"},
                             {0x917d, 0x800000c2, "c.srli\ta0,0x3f"},
                             {0x9a6d, 0x800000c6, "c.andi\ta2,-5"},
                             {0x8c05, 0x800000c8, "c.sub\ts0,s1"},
                             {0xb001, 0x800000d4, "c.j\t7ffff8d4"},
                             {0xcd7d, 0x800000d6, "c.beqz\ta0,800001d4"},
                             {0xf081, 0x800000d8, "c.bnez\ts1,7fffffd8"},
                             {0x7ffe, 0x800000de, "c.ldsp\tt6,504(sp)"},
                             {0x8082, 0x800000e0, "c.jr\tra"},
                             {0x852e, 0x800000e2, "c.mv\ta0,a1"},
                             {0x9002, 0x800000e4, "c.ebreak"},
                             {0x9282, 0x800000e6, "c.jalr\tt0"},
                             {0xffa2, 0x800000ec, "c.sdsp\ts0,504(sp)"},
                             {0x2ffd, 0, "c.addiw\tt6,31"},
                             {0x0808, 0x0, "c.addi4spn\ta0,sp,16"},
                             {0x41c8, 0x2, "c.lw\ta0,4(a1)"},
                             {0x713d, 0x10, "c.addi16sp\tsp,-32"},
                             {0x657d, 0x12, "c.lui\ta0,0x1f"},
                             {0x810d, 0x14, "c.srli\ta0,0x3"},
                             {0x8d0d, 0x1a, "c.sub\ta0,a1"},
                             {0xa009, 0x20, "c.j\t22"},
                             {0xc101, 0x22, "c.beqz\ta0,22"},
                             {0x157e, 0x70, "c.slli\ta0,0x3f"},
                             {0x2505, 0, "c.addiw\ta0,1"},
                         });
}

TEST(Disassembler, Rv32SpecificsMatchObjdump) {
  expect_all(Xlen::Rv32, {
                             {0x2ffd, 0x80000000, "c.jal\t800007fe"},
                             {0x3001, 0x80000002, "c.jal\t7ffff802"},
                             {0x817d, 0x80000004, "c.srli\ta0,0x1f"},
                             {0x01f51513, 0x80000008, "slli\ta0,a0,0x1f"},
                             {0xffdff0ef, 0x80000010, "jal\tra,8000000c"},
                             {0xb8202573, 0x80000014, "csrrs\ta0,minstreth,zero"},
                             {0xc8102573, 0x80000018, "csrrs\ta0,timeh,zero"},
                             // Branch targets wrap at 32 bits.
                             {0xb001, 0, "c.j\tfffff800"},
                             {0x2001, 0x100, "c.jal\t100"},
                             {0xb805b573, 0, "csrrc\ta0,mcycleh,a1"},
                             {0xfadff0ef, 0x10, "jal\tra,ffffffbc"},
                         });
}

// Operand signatures: f registers by their ABI names, the rounding mode
// shown unless it is dynamic (and for the exact widening conversions,
// unless it is rne), the fourth source of fused multiply-adds.
TEST(Disassembler, FloatingPointOperandsFollowTheRowSignature) {
  expect_all(Xlen::Rv64, {
                             {0x00c5f553, 0x80000000, "fadd.s\tfa0,fa1,fa2"},
                             {0x00c59553, 0x80000000, "fadd.s\tfa0,fa1,fa2,rtz"},
                             {0x00c5c553, 0x80000000, "fadd.s\tfa0,fa1,fa2,rmm"},
                             {0x42058553, 0x80000000, "fcvt.d.s\tfa0,fa1"},
                             {0xc005f553, 0x80000000, "fcvt.w.s\ta0,fa1"},
                             {0x68c5f543, 0x80000000, "fmadd.s\tfa0,fa1,fa2,fa3"},
                             {0xe0058553, 0x80000000, "fmv.x.w\ta0,fa1"},
                             {0x0085a507, 0x80000000, "flw\tfa0,8(a1)"},
                             {0xfea13c27, 0x80000000, "fsd\tfa0,-8(sp)"},
                             {0x2588, 0x80000000, "c.fld\tfa0,8(a1)"},
                             {0x2522, 0x80000000, "c.fldsp\tfa0,8(sp)"},
                         });
}

// binutils 2.40 does not know Zicond; the text follows the R format.
TEST(Disassembler, ZicondAndBitManipulation) {
  expect_all(Xlen::Rv64, {
                             {0x0ec5d533, 0x80000000, "czero.eqz\ta0,a1,a2"},
                             {0x0ec5f533, 0x80000000, "czero.nez\ta0,a1,a2"},
                             {0x6035d513, 0x80000000, "rori\ta0,a1,0x3"},
                             {0x60059513, 0x80000000, "clz\ta0,a1"},
                             {0x0805c53b, 0x80000000, "zext.h\ta0,a1"},
                             {0x12b50073, 0x80000000, "sfence.vma\ta0,a1"},
                             {0x0100000f, 0x80000000, "pause"},
                         });
}

TEST(Disassembler, UnknownEncodingsAreShownAsRawBits) {
  expect_all(Xlen::Rv64, {
                             {0x0000, 0, "unknown\t0x0000"},
                             {0x9c41, 0, "unknown\t0x9c41"},
                             {0x0000007f, 0, "unknown\t0x0000007f"},
                             {0xffffffff, 0, "unknown\t0xffffffff"},
                         });
  expect_all(Xlen::Rv32, {{0x7f82bd83, 0, "unknown\t0x7f82bd83"}});
}

TEST(Disassembler, RegisterNamesAreAbiNames) {
  EXPECT_STREQ(register_name(0), "zero");
  EXPECT_STREQ(register_name(2), "sp");
  EXPECT_STREQ(register_name(8), "s0");
  EXPECT_STREQ(register_name(31), "t6");
  EXPECT_STREQ(register_name(32), "?");
}

}  // namespace
}  // namespace rvtlm::iss
