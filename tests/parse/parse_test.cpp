// The number, size and time rules every tool and platform description uses.
#include "rvtlm/support/parse.h"

#include <gtest/gtest.h>

#include "rvtlm/support/trace.h"

namespace {

using rvtlm::support::Duration;
using rvtlm::support::hex;
using rvtlm::support::parse_duration;
using rvtlm::support::parse_positive;
using rvtlm::support::parse_size;
using rvtlm::support::parse_unsigned;
using rvtlm::support::TimeUnit;

TEST(ParseUnsigned, DecimalAndHex) {
  EXPECT_EQ(parse_unsigned("0"), 0u);
  EXPECT_EQ(parse_unsigned("4096"), 4096u);
  EXPECT_EQ(parse_unsigned("0x1000"), 0x1000u);
  EXPECT_EQ(parse_unsigned("0XfF"), 0xffu);
  // Leading zeros are decimal, not octal.
  EXPECT_EQ(parse_unsigned("010"), 10u);
  EXPECT_EQ(parse_unsigned("18446744073709551615"), ~uint64_t{0});
}

TEST(ParseUnsigned, RejectsWhatIsNotAWholeNumber) {
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "0x", "1.0", "1e3", "12Q", "0x1g",
                          "18446744073709551616", "0x10000000000000000"})
    EXPECT_FALSE(parse_unsigned(bad)) << bad;
}

TEST(ParseUnsigned, Maximum) {
  EXPECT_EQ(parse_unsigned("64", 64), 64u);
  EXPECT_FALSE(parse_unsigned("65", 64));
  EXPECT_FALSE(parse_unsigned("4294967296", 0xffffffff));
}

TEST(ParseSize, Units) {
  EXPECT_EQ(parse_size("4096"), 4096u);
  EXPECT_EQ(parse_size("0x1000"), 4096u);
  EXPECT_EQ(parse_size("4K"), 4096u);
  EXPECT_EQ(parse_size("4k"), 4096u);
  EXPECT_EQ(parse_size("4KiB"), 4096u);
  EXPECT_EQ(parse_size("64M"), uint64_t{64} << 20);
  EXPECT_EQ(parse_size("2MiB"), uint64_t{2} << 20);
  EXPECT_EQ(parse_size("1G"), uint64_t{1} << 30);
  EXPECT_EQ(parse_size("16g"), uint64_t{16} << 30);
  EXPECT_EQ(parse_size("16777215G"), uint64_t{16777215} << 30);
}

TEST(ParseSize, RejectsOverflowAndNonsense) {
  for (const char* bad : {"", "K", "12Q", "0x10K", "1.5G", "-4K", "4 K", "4KB", "17179869184G",
                          "99999999999999999999"})
    EXPECT_FALSE(parse_size(bad)) << bad;
}

TEST(ParsePositive, Reals) {
  EXPECT_EQ(parse_positive("1e9"), 1e9);
  EXPECT_EQ(parse_positive("2.5"), 2.5);
  EXPECT_EQ(parse_positive(".5"), 0.5);
  for (const char* bad : {"", "0", "-1", "inf", "nan", "1e400", "0x10", "1,5", "2.5x", "e5"})
    EXPECT_FALSE(parse_positive(bad)) << bad;
}

TEST(ParseDuration, ValueAndUnit) {
  const auto t = parse_duration("10us");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->value, 10);
  EXPECT_EQ(t->unit, TimeUnit::Microsecond);
  EXPECT_DOUBLE_EQ(static_cast<double>(t->seconds()), 10e-6);
  EXPECT_EQ(parse_duration("1.5ms")->unit, TimeUnit::Millisecond);
  EXPECT_EQ(parse_duration("0s")->value, 0);
  EXPECT_EQ(parse_duration("1e3ps")->value, 1000);
  EXPECT_DOUBLE_EQ(static_cast<double>(parse_duration("250ns")->seconds()), 250e-9);
  EXPECT_DOUBLE_EQ(static_cast<double>(parse_duration("2s")->seconds()), 2.0);
}

TEST(ParseDuration, RejectsWithoutUnitOrWithSign) {
  for (const char* bad :
       {"", "10", "us", "10 us", "-1us", "10min", "10usx", "infs", "nanms", "1e400s", "0x10ns"})
    EXPECT_FALSE(parse_duration(bad)) << bad;
}

TEST(Hex, Text) {
  EXPECT_EQ(hex(0), "0x0");
  EXPECT_EQ(hex(0x80001000), "0x80001000");
  EXPECT_EQ(hex(0x1f, 8), "0x0000001f");
  EXPECT_EQ(hex(~uint64_t{0}, 16), "0xffffffffffffffff");
  EXPECT_EQ(hex(0x123456789, 4), "0x123456789");
}

TEST(Trace, Nanoseconds) {
  EXPECT_EQ(rvtlm::support::nanoseconds_text(0), "0");
  EXPECT_EQ(rvtlm::support::nanoseconds_text(1), "0.001");
  EXPECT_EQ(rvtlm::support::nanoseconds_text(1500), "1.5");
  EXPECT_EQ(rvtlm::support::nanoseconds_text(2000), "2");
  EXPECT_EQ(rvtlm::support::nanoseconds_text(123456789), "123456.789");
}

TEST(Trace, InstructionLine) {
  // Compressed: four hex digits of encoding, tabs in the disassembly as spaces.
  EXPECT_EQ(rvtlm::support::insn_trace_line("12.5", 1, 7, 0x80000000, 0x4501, "li\ta0,0"),
            "12.5 ns hart1 7 0x0000000080000000 (0x4501) li a0,0\n");
  EXPECT_EQ(rvtlm::support::insn_trace_line("0", 0, 0, 0x1000, 0x00001297, "auipc t0,0x1"),
            "0 ns hart0 0 0x0000000000001000 (0x00001297) auipc t0,0x1\n");
}

}  // namespace
