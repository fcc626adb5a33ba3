// The XML target description GDB reads (GDB manual G.2).
#include <gtest/gtest.h>

#include <string>

#include "rvtlm/debug/target.h"

namespace rvtlm::debug {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(TargetDescription, FeaturesInOrderOfFirstUseWithExplicitRegnums) {
  TargetDescription d;
  d.architecture = "riscv:rv32";
  d.osabi = "none";
  d.registers = {{"zero", 0, 32, "int", "", "org.gnu.gdb.riscv.cpu"},
                 {"mstatus", 65 + 0x300, 32, "int", "", "org.gnu.gdb.riscv.csr"},
                 {"pc", 32, 32, "code_ptr", "", "org.gnu.gdb.riscv.cpu"},
                 {"ft0", 33, 64, "riscv_double", "float", "org.gnu.gdb.riscv.fpu"},
                 {"ft1", 34, 64, "riscv_double", "", "org.gnu.gdb.riscv.fpu"}};
  d.riscv_double_type = true;
  const std::string xml = to_xml(d);
  EXPECT_EQ(xml.find("<?xml version=\"1.0\"?>"), 0u);
  EXPECT_NE(xml.find("<architecture>riscv:rv32</architecture>\n<osabi>none</osabi>"),
            std::string::npos);
  EXPECT_EQ(count(xml, "<feature "), 3u);
  EXPECT_LT(xml.find("org.gnu.gdb.riscv.cpu"), xml.find("org.gnu.gdb.riscv.csr"));
  EXPECT_LT(xml.find("org.gnu.gdb.riscv.csr"), xml.find("org.gnu.gdb.riscv.fpu"));
  // pc sits in the cpu feature although it comes after mstatus.
  EXPECT_LT(xml.find("name=\"pc\""), xml.find("org.gnu.gdb.riscv.csr"));
  EXPECT_NE(xml.find("<reg name=\"mstatus\" bitsize=\"32\" regnum=\"833\" type=\"int\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("regnum=\"33\" type=\"riscv_double\" group=\"float\""), std::string::npos);
  // The union is declared once, inside the feature that uses it, before use.
  EXPECT_EQ(count(xml, "<union id=\"riscv_double\">"), 1u);
  EXPECT_GT(xml.find("<union"), xml.find("org.gnu.gdb.riscv.fpu"));
  EXPECT_LT(xml.find("<union"), xml.find("name=\"ft0\""));
  EXPECT_EQ(count(xml, "</feature>"), 3u);
  EXPECT_NE(xml.find("</target>"), std::string::npos);
  EXPECT_EQ(d.find(32)->name, "pc");
  EXPECT_EQ(d.find(31), nullptr);
}

TEST(TargetDescription, NoUnionWithoutDoubleRegisters) {
  TargetDescription d;
  d.registers = {{"ft0", 33, 32, "ieee_single", "", "org.gnu.gdb.riscv.fpu"}};
  const std::string xml = to_xml(d);
  EXPECT_EQ(xml.find("<union"), std::string::npos);
  EXPECT_EQ(xml.find("<architecture>"), std::string::npos);
  EXPECT_EQ(xml.find("<osabi>"), std::string::npos);
}

}  // namespace
}  // namespace rvtlm::debug
