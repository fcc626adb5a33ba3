#include <string>
#include <vector>

#include "rvtlm/debug/target.h"

namespace rvtlm::debug {

const RegisterInfo* TargetDescription::find(unsigned regnum) const {
  for (const RegisterInfo& r : registers)
    if (r.regnum == regnum) return &r;
  return nullptr;
}

// GDB manual G.2 (target description format): one <feature> per group of
// registers, each register with an explicit regnum so that p/P numbers do
// not depend on the order of the document.
std::string to_xml(const TargetDescription& d) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
      "<target version=\"1.0\">\n";
  if (!d.architecture.empty()) xml += "<architecture>" + d.architecture + "</architecture>\n";
  if (!d.osabi.empty()) xml += "<osabi>" + d.osabi + "</osabi>\n";
  std::vector<std::string> features;
  for (const RegisterInfo& r : d.registers) {
    bool seen = false;
    for (const std::string& f : features) seen = seen || f == r.feature;
    if (!seen) features.push_back(r.feature);
  }
  bool union_emitted = false;
  for (const std::string& f : features) {
    xml += "<feature name=\"" + f + "\">\n";
    for (const RegisterInfo& r : d.registers) {
      if (r.feature != f) continue;
      if (d.riscv_double_type && !union_emitted && r.type == "riscv_double") {
        // Types are scoped to the feature that declares them.
        xml +=
            "<union id=\"riscv_double\"><field name=\"float\" type=\"ieee_single\"/>"
            "<field name=\"double\" type=\"ieee_double\"/></union>\n";
        union_emitted = true;
      }
      xml += "<reg name=\"" + r.name + "\" bitsize=\"" + std::to_string(r.bitsize) +
             "\" regnum=\"" + std::to_string(r.regnum) + "\"";
      if (!r.type.empty()) xml += " type=\"" + r.type + "\"";
      if (!r.group.empty()) xml += " group=\"" + r.group + "\"";
      xml += "/>\n";
    }
    xml += "</feature>\n";
  }
  xml += "</target>\n";
  return xml;
}

}  // namespace rvtlm::debug
