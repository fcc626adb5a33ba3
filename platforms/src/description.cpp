#include "rvtlm/platforms/description.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "builtin_descriptions.h"
#include "rvtlm/elf/input_file.h"

namespace rvtlm::platforms {
namespace {

using nlohmann::json;

std::optional<uint64_t> json_number(const json& value) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer()) {
    const auto v = value.get<int64_t>();
    if (v >= 0) return static_cast<uint64_t>(v);
    return std::nullopt;
  }
  if (value.is_string()) return parse_size(value.get<std::string>());
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string origin) : origin_(std::move(origin)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& why) const {
    throw DescriptionError(origin_ + ": " + where + ": " + why);
  }

  uint64_t number(const json& object, const std::string& key, const std::string& where,
                  std::optional<uint64_t> fallback) const {
    if (!object.contains(key)) {
      if (fallback) return *fallback;
      fail(where, "\"" + key + "\" is missing");
    }
    const auto v = json_number(object.at(key));
    if (!v) fail(where + "." + key, "expected a number, \"0x...\" or a size such as \"64M\"");
    return *v;
  }

  std::string text(const json& object, const std::string& key, const std::string& where,
                   const std::optional<std::string>& fallback) const {
    if (!object.contains(key)) {
      if (fallback) return *fallback;
      fail(where, "\"" + key + "\" is missing");
    }
    if (!object.at(key).is_string()) fail(where + "." + key, "expected a string");
    return object.at(key).get<std::string>();
  }

  PlatformDescription parse(const std::string& text_in) const {
    if (text_in.size() > kMaxDescriptionBytes)
      fail("top level", "larger than " + std::to_string(kMaxDescriptionBytes) + " bytes");
    json root;
    try {
      // Deeper values are refused while parsing: copying or destroying them
      // would recurse once per level.
      root = json::parse(text_in, [](int depth, json::parse_event_t, json&) {
        if (depth > static_cast<int>(kMaxDescriptionDepth)) throw std::length_error("too deep");
        return true;
      });
    } catch (const std::length_error&) {
      fail("top level", "values nest more than " + std::to_string(kMaxDescriptionDepth) +
                            " levels deep");
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      const auto colon = what.find("parse error");
      fail("not valid JSON", colon == std::string::npos ? what : what.substr(colon));
    }
    if (!root.is_object()) fail("top level", "expected an object");
    PlatformDescription d;
    d.name = text(root, "name", "top level", std::nullopt);
    d.model = text(root, "model", "top level", "rvtlm," + d.name);
    d.harts = static_cast<unsigned>(number(root, "harts", "top level", 1));
    d.max_harts = static_cast<unsigned>(number(root, "max_harts", "top level", 8));
    d.xlen = static_cast<unsigned>(number(root, "xlen", "top level", 64));
    if (root.contains("xlens")) {
      const json& x = root["xlens"];
      if (!x.is_array() || x.empty()) fail("xlens", "expected an array such as [32, 64]");
      d.xlens.clear();
      for (const json& v : x) {
        if (!v.is_number_unsigned() || (v != 32 && v != 64)) fail("xlens", "each is 32 or 64");
        d.xlens.push_back(v.get<unsigned>());
      }
    }
    if (root.contains("ns_per_insn")) {
      if (!root["ns_per_insn"].is_number()) fail("ns_per_insn", "expected a number");
      d.ns_per_insn = root["ns_per_insn"].get<double>();
    }
    if (root.contains("hart_contexts")) {
      const json& c = root["hart_contexts"];
      if (!c.is_array()) fail("hart_contexts", "expected an array such as [\"M\", \"S\"]");
      d.hart_contexts.clear();
      for (const json& m : c) {
        if (!m.is_string() || (m != "M" && m != "S"))
          fail("hart_contexts", "each context is \"M\" or \"S\"");
        d.hart_contexts.push_back(m.get<std::string>());
      }
    }
    d.memory = text(root, "memory", "top level", std::string());
    d.console = text(root, "console", "top level", std::string());
    if (!root.contains("devices") || !root["devices"].is_array())
      fail("top level", "\"devices\" must be an array");
    unsigned i = 0;
    for (const json& dev : root["devices"]) {
      const std::string where = "devices[" + std::to_string(i++) + "]";
      if (!dev.is_object()) fail(where, "expected an object");
      DeviceDescription dd;
      dd.name = text(dev, "name", where, std::nullopt);
      const std::string named = where + " (" + dd.name + ")";
      dd.type = text(dev, "type", named, std::nullopt);
      dd.base = number(dev, "base", named, std::nullopt);
      dd.size = number(dev, "size", named, std::nullopt);
      if (dev.contains("interrupts")) {
        const json& irqs = dev["interrupts"];
        if (!irqs.is_array()) fail(named + ".interrupts", "expected an array of source numbers");
        for (const json& s : irqs) {
          const auto v = json_number(s);
          if (!v || *v == 0 || *v > 1023)
            fail(named + ".interrupts", "a source number is 1 to 1023");
          dd.interrupts.push_back(static_cast<unsigned>(*v));
        }
      }
      for (const auto& [key, value] : dev.items()) {
        if (key != "name" && key != "type" && key != "base" && key != "size" && key != "interrupts")
          dd.properties[key] = value;
      }
      d.devices.push_back(std::move(dd));
    }
    try {
      d.validate();
    } catch (const DescriptionError& e) {
      throw DescriptionError(origin_ + ": " + e.what());
    }
    return d;
  }

 private:
  std::string origin_;
};

}  // namespace

std::optional<uint64_t> parse_size(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string digits = text;
  uint64_t scale = 1;
  const char last = digits.back();
  if (last == 'K' || last == 'k' || last == 'M' || last == 'm' || last == 'G' || last == 'g') {
    scale = (last == 'K' || last == 'k')   ? (1ull << 10)
            : (last == 'M' || last == 'm') ? (1ull << 20)
                                           : (1ull << 30);
    digits.pop_back();
    if (digits.empty()) return std::nullopt;
  }
  const bool is_hex =
      digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
  if (is_hex && scale != 1) return std::nullopt;
  for (size_t i = is_hex ? 2 : 0; i < digits.size(); ++i)
    if (!(is_hex ? std::isxdigit(static_cast<unsigned char>(digits[i]))
                 : std::isdigit(static_cast<unsigned char>(digits[i]))))
      return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(digits.c_str(), &end, is_hex ? 16 : 10);
  if (errno == ERANGE || *end != '\0') return std::nullopt;
  if (v > ~uint64_t{0} / scale) return std::nullopt;
  return v * scale;
}

uint64_t DeviceDescription::number(const std::string& key, uint64_t fallback) const {
  if (!properties.contains(key)) return fallback;
  const auto v = json_number(properties.at(key));
  if (!v)
    throw DescriptionError("device " + name + ": \"" + key +
                           "\": expected a number, \"0x...\" or a size such as \"64M\"");
  return *v;
}

bool DeviceDescription::flag(const std::string& key, bool fallback) const {
  if (!properties.contains(key)) return fallback;
  if (!properties.at(key).is_boolean())
    throw DescriptionError("device " + name + ": \"" + key + "\": expected true or false");
  return properties.at(key).get<bool>();
}

std::string DeviceDescription::text(const std::string& key, const std::string& fallback) const {
  if (!properties.contains(key)) return fallback;
  if (!properties.at(key).is_string())
    throw DescriptionError("device " + name + ": \"" + key + "\": expected a string");
  return properties.at(key).get<std::string>();
}

const DeviceDescription* PlatformDescription::find(const std::string& n) const {
  for (const auto& d : devices)
    if (d.name == n) return &d;
  return nullptr;
}

DeviceDescription* PlatformDescription::find(const std::string& n) {
  for (auto& d : devices)
    if (d.name == n) return &d;
  return nullptr;
}

const DeviceDescription* PlatformDescription::find_type(const std::string& type) const {
  for (const auto& d : devices)
    if (d.type == type) return &d;
  return nullptr;
}

void PlatformDescription::validate() const {
  const auto fail = [&](const std::string& why) { throw DescriptionError(why); };
  if (xlen != 32 && xlen != 64) fail("xlen must be 32 or 64");
  if (std::find(xlens.begin(), xlens.end(), xlen) == xlens.end())
    fail(name + " is RV" + std::to_string(xlens.front()) + " only");
  if (max_harts == 0 || max_harts > 64) fail("max_harts must be 1 to 64");
  if (harts == 0 || harts > max_harts)
    fail("harts must be 1 to " + std::to_string(max_harts) + " on " + name);
  if (!(ns_per_insn > 0)) fail("ns_per_insn must be positive");
  if (hart_contexts.empty()) fail("hart_contexts must name at least \"M\"");
  for (size_t i = 1; i < hart_contexts.size(); ++i)
    if (std::find(hart_contexts.begin(), hart_contexts.begin() + static_cast<long>(i),
                  hart_contexts[i]) != hart_contexts.begin() + static_cast<long>(i))
      fail("hart_contexts names \"" + hart_contexts[i] + "\" twice (each of \"M\" and \"S\" once)");
  std::set<std::string> names;
  for (const auto& d : devices) {
    if (d.name.empty()) fail("a device has an empty name");
    if (!names.insert(d.name).second) fail("two devices are named " + d.name);
    if (d.size == 0) fail("device " + d.name + " has size 0");
    if (d.base + d.size - 1 < d.base) fail("device " + d.name + " ends past the address space");
  }
  if (!memory.empty() && !find(memory)) fail("\"memory\" names no device: " + memory);
  if (!console.empty() && !find(console)) fail("\"console\" names no device: " + console);
}

PlatformDescription parse_description(const std::string& json_text, const std::string& origin) {
  return Parser(origin).parse(json_text);
}

PlatformDescription load_description(const std::string& path) {
  std::string text;
  try {
    text = elf::InputFile(path).read_all(kMaxDescriptionBytes);
  } catch (const elf::FileError& e) {
    throw DescriptionError(e.what());
  }
  return parse_description(text, path);
}

PlatformDescription description_by_name(const std::string& name_or_path) {
  for (const BuiltinDescription& b : builtin_descriptions())
    if (name_or_path == b.name) return parse_description(b.json, b.name);
  return load_description(name_or_path);
}

std::vector<std::string> builtin_platforms() {
  std::vector<std::string> names;
  for (const BuiltinDescription& b : builtin_descriptions()) names.emplace_back(b.name);
  return names;
}

}  // namespace rvtlm::platforms
