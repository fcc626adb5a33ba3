// Platform descriptions are checked, not guessed: every mistake is an error
// that names the file, the place (a JSON pointer and the device) and the
// fix, in the description's own words (JSON keys, not C++ members).
#include "rvtlm/platforms/description.h"

#include <gtest/gtest.h>

#include <string>

#include "rvtlm/platforms/device_registry.h"

namespace rvtlm::platforms {
namespace {

// A small valid board; `devices_tail` is appended to its device list and
// `top` to its top-level keys.
std::string board(const std::string& devices_tail = "", const std::string& top = "") {
  return R"({"name": "board", "memory": "ram", "console": "uart0",)" + top + R"(
    "devices": [
      {"name": "clint", "type": "aclint", "base": "0x2000000", "size": "0x10000"},
      {"name": "plic", "type": "plic", "base": "0xc000000", "size": "0x400000", "sources": 31},
      {"name": "uart0", "type": "uart16550", "base": "0x10000000", "size": "0x100",
       "interrupts": [1]},
      {"name": "gpio0", "type": "gpio", "base": "0x10012000", "size": "0x1000"},
      {"name": "ram", "type": "memory", "base": "0x80000000", "size": "1M"})" +
         devices_tail + "]}";
}

// The message of the error that parsing and checking `json` gives ("" if none).
std::string error_of(const std::string& json) {
  try {
    DeviceRegistry::builtin().check(parse_description(json, "board.json"));
  } catch (const DescriptionError& e) {
    return e.what();
  }
  return "";
}

TEST(Description, AValidBoardPasses) { EXPECT_EQ(error_of(board()), ""); }

TEST(Description, BuiltInDescriptionsPass) {
  for (const std::string& name : builtin_platforms())
    EXPECT_NO_THROW(DeviceRegistry::builtin().check(description_by_name(name))) << name;
}

TEST(Description, UnknownTopLevelKeyIsNamedWithASuggestion) {
  const std::string e = error_of(board("", R"("hartz": 2,)"));
  EXPECT_EQ(e.rfind(R"(board.json: /hartz: unknown key; did you mean "harts"? (keys: name, )", 0),
            0u)
      << e;
}

TEST(Description, MisspeltDevicePropertyIsNamedWithASuggestion) {
  const std::string e = error_of(board(R"(,
      {"name": "timer", "type": "aclint", "base": "0x3000000", "size": "0xc000",
       "frequencyy": 1000})"));
  EXPECT_EQ(e, R"(board.json: /devices/5/frequencyy (device timer): not a property of aclint; )"
               R"(did you mean "frequency"? (aclint takes: frequency))");
}

TEST(Description, PropertyOfAnotherTypeIsRejected) {
  const std::string e = error_of(board(R"(,
      {"name": "rom", "type": "memory", "base": "0x20000000", "size": "1M", "width": 8})"));
  EXPECT_NE(e.find("/devices/5/width (device rom): not a property of memory"), std::string::npos)
      << e;
  EXPECT_NE(e.find("memory takes: read_only, read_latency_ns, write_latency_ns"), std::string::npos)
      << e;
}

TEST(Description, PropertyValuesAreCheckedInTheDescriptionsWords) {
  EXPECT_EQ(error_of(board(R"(,
      {"name": "gpio1", "type": "gpio", "base": "0x10013000", "size": "0x1000", "width": 33})")),
            "board.json: /devices/5/width (device gpio1): 33 is outside 1 to 32");
  // The model's own name for it is clock_hz: the message uses the JSON key.
  EXPECT_EQ(error_of(board(R"(,
      {"name": "uart1", "type": "uart16550", "base": "0x10001000", "size": "0x100",
       "clock_frequency": 0})")),
            "board.json: /devices/5/clock_frequency (device uart1): 0 is outside 1 to 4294967295");
  EXPECT_EQ(error_of(board(R"(,
      {"name": "rom", "type": "memory", "base": "0x20000000", "size": "1M", "read_only": 1})")),
            "board.json: /devices/5/read_only (device rom): expected true or false");
}

TEST(Description, NumbersThatDoNotFitAreErrorsNotTruncated) {
  EXPECT_EQ(error_of(board("", R"("harts": 4294967297,)")),
            "board.json: /harts: 4294967297 is more than 64");
  EXPECT_EQ(error_of(board("", R"("xlen": 4294967360,)")),
            "board.json: /xlen: 4294967360 is more than 64");
  EXPECT_EQ(error_of(board("", R"("harts": 1e30,)")), "board.json: /harts: 1e+30 is more than 64");
  const std::string sources = error_of(R"({"name": "b", "devices": [
      {"name": "plic", "type": "plic", "base": "0xc000000", "size": "0x400000",
       "sources": 4294967296}]})");
  EXPECT_EQ(sources,
            "board.json: /devices/0/sources (device plic): 4294967296 is outside 1 to 1023");
}

TEST(Description, ConsoleMustBeAUart) {
  const std::string json = board();
  std::string gpio_console = json;
  gpio_console.replace(gpio_console.find(R"("console": "uart0")"), 18, R"("console": "gpio0")");
  EXPECT_EQ(error_of(gpio_console),
            R"(board.json: /console: "gpio0" is a gpio, not a UART; name a uart16550 device)");
}

TEST(Description, InterruptsNeedAnInterruptController) {
  const std::string e = error_of(R"({"name": "b", "memory": "ram", "devices": [
      {"name": "uart0", "type": "uart16550", "base": "0x10000000", "size": "0x100",
       "interrupts": [1]},
      {"name": "ram", "type": "memory", "base": "0x80000000", "size": "1M"}]})");
  EXPECT_EQ(e,
            "board.json: /devices/0/interrupts (device uart0): the board has no interrupt "
            "controller to take them; add a plic device or remove \"interrupts\"");
}

TEST(Description, MoreInterruptsThanTheDeviceHas) {
  const std::string e = error_of(board(R"(,
      {"name": "gpio1", "type": "gpio", "base": "0x10013000", "size": "0x1000",
       "interrupts": [2, 3]})"));
  EXPECT_EQ(e,
            "board.json: /devices/5/interrupts (device gpio1): a gpio has 1 interrupt "
            "output(s), not 2");
}

TEST(Description, RegionSmallerThanTheRegisters) {
  EXPECT_EQ(error_of(board(R"(,
      {"name": "timer", "type": "aclint", "base": "0x3000000", "size": "0x1000"})")),
            R"(board.json: /devices/5/size (device timer): 0x1000 bytes, but the aclint's )"
            R"(registers need 0xc000; give "size": "0xc000" or more)");
  // A UART's registers spread with reg_shift.
  EXPECT_NE(error_of(board(R"(,
      {"name": "uart1", "type": "uart16550", "base": "0x10001000", "size": "0x10",
       "reg_shift": 2})"))
                .find("registers need 0x20"),
            std::string::npos);
  // The PLIC needs a context block per hart context.
  EXPECT_NE(error_of(R"({"name": "b", "harts": 4, "devices": [
      {"name": "plic", "type": "plic", "base": "0xc000000", "size": "0x201000"}]})")
                .find("registers need 0x208000"),
            std::string::npos);
}

TEST(Description, TwoDevicesCannotDriveOneInterruptSource) {
  EXPECT_EQ(error_of(board(R"(,
      {"name": "gpio1", "type": "gpio", "base": "0x10013000", "size": "0x1000",
       "interrupts": [1]})")),
            "board.json: /devices/5/interrupts/0 (device gpio1): interrupt source 1 is already "
            "driven by device uart0; each source has one device (choose another number)");
}

TEST(Description, OverlappingDevicesAreNamed) {
  EXPECT_EQ(error_of(board(R"(,
      {"name": "rom", "type": "memory", "base": "0x800ff000", "size": "0x2000"})")),
            "board.json: /devices/5/base (device rom): [0x800ff000, 0x80100fff] overlaps device "
            "ram [0x80000000, 0x800fffff]; move or shrink one of them");
}

TEST(Description, DuplicateHartContexts) {
  EXPECT_EQ(error_of(board("", R"("hart_contexts": ["S", "S"],)")),
            "board.json: /hart_contexts: hart_contexts names \"S\" twice (each of \"M\" and \"S\" "
            "once)");
}

TEST(Description, UnknownTypeSuggestsTheClosest) {
  EXPECT_EQ(error_of(board(R"(,
      {"name": "u", "type": "uart1655", "base": "0x10001000", "size": "0x100"})")),
            "board.json: /devices/5/type (device u): unknown type \"uart1655\"; did you mean "
            "\"uart16550\"? (types: aclint, gpio, memory, plic, test-finisher, uart16550; a device "
            "library may add more)");
}

TEST(Description, ADeviceWrittenInCxxIsNamedByItsName) {
  DeviceDescription d;
  d.name = "timer";
  EXPECT_STREQ(d.error("frequency", "too fast").what(), "device timer \"frequency\": too fast");
}

TEST(Description, ClosestWordFindsMisspellingsOnly) {
  EXPECT_EQ(closest_word("ns_per_unitt", {"ns_per_insn", "ns_per_unit"}), "ns_per_unit");
  EXPECT_EQ(closest_word("frobnicate", {"harts", "xlen"}), "");
}

}  // namespace
}  // namespace rvtlm::platforms
