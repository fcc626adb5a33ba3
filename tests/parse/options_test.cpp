// The command-line conventions of every rvtlm tool, and the two tools'
// option parsers on top of them.
#include "rvtlm/support/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "iss_options.h"
#include "run_options.h"

namespace {

using rvtlm::support::Argument;
using rvtlm::support::OptionScanner;
using rvtlm::support::UsageError;

enum { kAlpha, kBeta, kFlag };

// The scanner's output as text: the options in order ("alpha=1", "flag"),
// then the operands ("operand:x").
std::vector<std::string> scan(std::vector<std::string> words) {
  OptionScanner s(std::move(words),
                  {{"alpha", kAlpha, true}, {"beta", kBeta, true}, {"flag", kFlag, false}});
  std::vector<std::string> out;
  Argument a;
  while (s.next(a))
    out.push_back(std::string(a.option->name) + (a.option->takes_value ? "=" : "") + a.value);
  for (const std::string& operand : s.operands()) out.push_back("operand:" + operand);
  return out;
}

std::string error_of(std::vector<std::string> words) {
  try {
    scan(std::move(words));
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}

TEST(OptionScanner, OptionsBeforeAndAfterOperands) {
  EXPECT_EQ(
      scan({"--alpha", "1", "prog.elf", "--flag", "--beta=2", "more"}),
      (std::vector<std::string>{"alpha=1", "flag", "beta=2", "operand:prog.elf", "operand:more"}));
}

TEST(OptionScanner, EqualsFormKeepsTheRestOfTheWord) {
  EXPECT_EQ(scan({"--alpha=a=b", "--beta="}), (std::vector<std::string>{"alpha=a=b", "beta="}));
}

TEST(OptionScanner, ValueMayLookLikeAnOption) {
  EXPECT_EQ(scan({"--alpha", "--flag"}), (std::vector<std::string>{"alpha=--flag"}));
}

TEST(OptionScanner, DoubleDashEndsOptions) {
  EXPECT_EQ(scan({"--flag", "--", "--alpha", "-", "x"}),
            (std::vector<std::string>{"flag", "operand:--alpha", "operand:-", "operand:x"}));
  EXPECT_EQ(scan({"-"}), (std::vector<std::string>{"operand:-"}));
}

TEST(OptionScanner, Mistakes) {
  EXPECT_EQ(error_of({"--gamma"}), "unknown option '--gamma'");
  EXPECT_EQ(error_of({"--gamma=1"}), "unknown option '--gamma'");
  EXPECT_EQ(error_of({"-a"}), "unknown option '-a'");
  EXPECT_EQ(error_of({"--alpha"}), "option --alpha needs a value");
  EXPECT_EQ(error_of({"--flag=1"}), "option --flag takes no value");
  // A prefix is not an abbreviation.
  EXPECT_EQ(error_of({"--alp", "1"}), "unknown option '--alp'");
}

TEST(OptionScanner, AtMostOneOperand) {
  OptionScanner none({"--flag"}, {{"flag", kFlag, false}});
  OptionScanner two({"a.elf", "b.elf"}, {});
  Argument a;
  while (none.next(a)) {
  }
  while (two.next(a)) {
  }
  EXPECT_EQ(none.at_most_one_operand("program"), "");
  try {
    two.at_most_one_operand("program");
    FAIL() << "accepted two";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "more than one program given ('b.elf')");
  }
}

TEST(OptionScanner, Choice) {
  EXPECT_EQ(rvtlm::support::choice("--sync", "lockstep", {"quantum", "lockstep"}), 1u);
  EXPECT_EQ(rvtlm::support::choice("--xlen", "32", {"32", "64"}), 0u);
  try {
    rvtlm::support::choice("--pmp-entries", "8", {"0", "16", "64"});
    FAIL() << "accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--pmp-entries must be 0, 16 or 64, not '8'");
  }
  try {
    rvtlm::support::choice("--dmi", "", {"on", "off"});
    FAIL() << "accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--dmi must be on or off, not ''");
  }
}

TEST(OptionScanner, ExtraValue) {
  OptionScanner s({"--alpha", "insn", "file.txt"}, {{"alpha", kAlpha, true}});
  Argument a;
  ASSERT_TRUE(s.next(a));
  EXPECT_EQ(a.value, "insn");
  EXPECT_EQ(s.extra_value("--alpha insn", "a file"), "file.txt");
  EXPECT_FALSE(s.next(a));
  EXPECT_THROW(s.extra_value("--alpha insn", "a file"), UsageError);
}

// rvtlm-iss and rvtlm run read the same option the same way.
TEST(ToolOptions, SameOptionsSameMeaning) {
  const auto iss =
      rvtlm::iss_tool::parse_options({"p.elf", "--memory=64M", "--quantum", "2us", "--trace",
                                      "insn", "t.txt", "--misaligned", "emulate"});
  const auto run =
      rvtlm::run_tool::parse_options({"p.elf", "--memory=64M", "--quantum", "2us", "--trace",
                                      "insn", "t.txt", "--misaligned", "emulate"});
  EXPECT_EQ(iss.program, "p.elf");
  EXPECT_EQ(run.program, "p.elf");
  EXPECT_EQ(iss.memory, uint64_t{64} << 20);
  EXPECT_EQ(run.memory, uint64_t{64} << 20);
  EXPECT_EQ(iss.quantum, 2000u);  // instructions of 1 ns
  EXPECT_EQ(run.quantum, sc_core::sc_time(2, sc_core::SC_US));
  EXPECT_EQ(iss.trace, "t.txt");
  EXPECT_EQ(run.trace_insn, "t.txt");
  EXPECT_EQ(iss.misaligned, rvtlm::iss::MisalignedPolicy::Emulate);
  EXPECT_EQ(run.misaligned, rvtlm::iss::MisalignedPolicy::Emulate);
}

TEST(ToolOptions, IssQuantumAsCount) {
  EXPECT_EQ(rvtlm::iss_tool::parse_options({"--quantum", "500", "p.elf"}).quantum, 500u);
  EXPECT_THROW(rvtlm::iss_tool::parse_options({"--quantum", "0", "p.elf"}), UsageError);
  EXPECT_THROW(rvtlm::iss_tool::parse_options({"--quantum", "0.1ns", "p.elf"}), UsageError);
}

TEST(ToolOptions, HelpNeedsNoProgram) {
  EXPECT_TRUE(rvtlm::iss_tool::parse_options({"--help"}).help);
  EXPECT_TRUE(rvtlm::run_tool::parse_options({"--version"}).version);
  EXPECT_THROW(rvtlm::iss_tool::parse_options({}), UsageError);
  EXPECT_THROW(rvtlm::run_tool::parse_options({}), UsageError);
}

TEST(ToolOptions, RunRejectsTimesBeyondSystemC) {
  try {
    rvtlm::run_tool::parse_options({"--timeout", "1e300s", "p.elf"});
    FAIL() << "accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("beyond SystemC's time range"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(rvtlm::run_tool::parse_options({"--harts", "65", "p.elf"}), UsageError);
  EXPECT_EQ(*rvtlm::run_tool::parse_options({"--harts", "8", "p.elf"}).harts, 8u);
}

}  // namespace
