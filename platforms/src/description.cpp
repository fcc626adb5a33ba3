#include "rvtlm/platforms/description.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "builtin_descriptions.h"
#include "rvtlm/elf/input_file.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::platforms {
namespace {

using nlohmann::json;

using rvtlm::support::hex;

std::optional<uint64_t> json_number(const json& value) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer()) {
    const auto v = value.get<int64_t>();
    if (v >= 0) return static_cast<uint64_t>(v);
    return std::nullopt;
  }
  if (value.is_string()) return rvtlm::support::parse_size(value.get<std::string>());
  return std::nullopt;
}

// A key inside a JSON pointer (RFC 6901: "~" and "/" are escaped).
std::string pointer_key(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

class Parser {
 public:
  Parser(std::string origin, std::string folder)
      : origin_(std::move(origin)), folder_(std::move(folder)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& why) const {
    throw DescriptionError(origin_ + ": " + (pointer.empty() ? "/" : pointer) + ": " + why);
  }

  uint64_t number(const json& object, const std::string& key, const std::string& pointer,
                  std::optional<uint64_t> fallback, uint64_t max = ~uint64_t{0}) const {
    if (!object.contains(key)) {
      if (fallback) return *fallback;
      fail(pointer, "\"" + key + "\" is missing");
    }
    const std::string at = pointer + "/" + pointer_key(key);
    const json& value = object.at(key);
    const auto v = json_number(value);
    if (!v) {
      // A number too large for 64 bits arrives as a floating-point number.
      if (value.is_number()) fail(at, value.dump() + " is more than " + std::to_string(max));
      fail(at, "expected a number, \"0x...\" or a size such as \"64M\"");
    }
    if (*v > max) fail(at, std::to_string(*v) + " is more than " + std::to_string(max));
    return *v;
  }

  std::string text(const json& object, const std::string& key, const std::string& pointer,
                   const std::optional<std::string>& fallback) const {
    if (!object.contains(key)) {
      if (fallback) return *fallback;
      fail(pointer, "\"" + key + "\" is missing");
    }
    if (!object.at(key).is_string()) fail(pointer + "/" + pointer_key(key), "expected a string");
    return object.at(key).get<std::string>();
  }

  PlatformDescription parse(const std::string& text_in) const {
    if (text_in.size() > kMaxDescriptionBytes)
      fail("", "larger than " + std::to_string(kMaxDescriptionBytes) + " bytes");
    json root;
    try {
      // Deeper values are refused while parsing: copying or destroying them
      // would recurse once per level.
      root = json::parse(text_in, [](int depth, json::parse_event_t, json&) {
        if (depth > static_cast<int>(kMaxDescriptionDepth)) throw std::length_error("too deep");
        return true;
      });
    } catch (const std::length_error&) {
      fail("", "values nest more than " + std::to_string(kMaxDescriptionDepth) + " levels deep");
    } catch (const json::exception& e) {
      // Syntax errors, and numbers beyond the range of a double (out_of_range
      // 406, "number overflow"): the message without the exception's id.
      std::string what = e.what();
      const auto id_end = what.find("] ");
      if (what.rfind("[json.exception.", 0) == 0 && id_end != std::string::npos)
        what = what.substr(id_end + 2);
      throw DescriptionError(origin_ + ": not valid JSON: " + what);
    }
    if (!root.is_object()) fail("", "expected an object");
    for (const auto& [key, value] : root.items()) {
      const auto& keys = description_keys();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const std::string near = closest_word(key, keys);
      fail("/" + pointer_key(key), "unknown key" +
                                       (near.empty() ? "" : "; did you mean \"" + near + "\"?") +
                                       " (keys: " + quoted_list(keys) + ")");
    }
    PlatformDescription d;
    d.origin = origin_;
    d.name = text(root, "name", "", std::nullopt);
    d.model = text(root, "model", "", "rvtlm," + d.name);
    d.harts = static_cast<unsigned>(number(root, "harts", "", 1, 64));
    d.max_harts = static_cast<unsigned>(number(root, "max_harts", "", 8, 64));
    d.xlen = static_cast<unsigned>(number(root, "xlen", "", 64, 64));
    if (root.contains("xlens")) {
      const json& x = root["xlens"];
      if (!x.is_array() || x.empty()) fail("/xlens", "expected an array such as [32, 64]");
      d.xlens.clear();
      for (const json& v : x) {
        if (!v.is_number_unsigned() || (v != 32 && v != 64)) fail("/xlens", "each is 32 or 64");
        d.xlens.push_back(v.get<unsigned>());
      }
    }
    d.isa = text(root, "isa", "top level", std::string());
    if (root.contains("ns_per_insn")) {
      if (!root["ns_per_insn"].is_number()) fail("/ns_per_insn", "expected a number");
      d.ns_per_insn = root["ns_per_insn"].get<double>();
    }
    if (root.contains("hart_contexts")) {
      const json& c = root["hart_contexts"];
      if (!c.is_array()) fail("/hart_contexts", "expected an array such as [\"M\", \"S\"]");
      d.hart_contexts.clear();
      for (const json& m : c) {
        if (!m.is_string() || (m != "M" && m != "S"))
          fail("/hart_contexts", "each context is \"M\" or \"S\"");
        d.hart_contexts.push_back(m.get<std::string>());
      }
    }
    if (root.contains("device_libraries")) {
      const json& libraries = root["device_libraries"];
      if (!libraries.is_array())
        fail("/device_libraries", "expected an array of paths such as [\"libmydevice.so\"]");
      unsigned k = 0;
      for (const json& library : libraries) {
        if (!library.is_string() || library.get<std::string>().empty())
          fail("/device_libraries/" + std::to_string(k), "expected the path of a shared library");
        const std::string path = library.get<std::string>();
        d.device_libraries.push_back(path[0] == '/' || folder_.empty() ? path
                                                                       : folder_ + "/" + path);
        ++k;
      }
    }
    if (root.contains("plugins")) {
      const json& plugins = root["plugins"];
      if (!plugins.is_array())
        fail("/plugins", "expected an array such as [\"insn-stats\", \"ips,ips=100M\"]");
      unsigned k = 0;
      for (const json& plugin : plugins) {
        if (!plugin.is_string() || plugin.get<std::string>().empty() ||
            plugin.get<std::string>()[0] == ',')
          fail("/plugins/" + std::to_string(k), "expected \"NAME-or-PATH[,key=value...]\"");
        const std::string spec = plugin.get<std::string>();
        // A path (it has a '/') is relative to the description's folder.
        const std::string name = spec.substr(0, spec.find(','));
        const bool relative_path = name.find('/') != std::string::npos && name[0] != '/';
        d.plugins.push_back(relative_path && !folder_.empty() ? folder_ + "/" + spec : spec);
        ++k;
      }
    }
    d.memory = text(root, "memory", "", std::string());
    d.console = text(root, "console", "", std::string());
    if (!root.contains("devices") || !root["devices"].is_array())
      fail("/devices", "expected an array of devices");
    unsigned i = 0;
    for (const json& dev : root["devices"]) {
      const std::string pointer = "/devices/" + std::to_string(i++);
      if (!dev.is_object()) fail(pointer, "expected an object");
      DeviceDescription dd;
      dd.origin = origin_;
      dd.pointer = pointer;
      dd.name = text(dev, "name", pointer, std::nullopt);
      const std::string named = pointer + " (device " + dd.name + ")";
      dd.type = text(dev, "type", named, std::nullopt);
      dd.base = number(dev, "base", named, std::nullopt);
      dd.size = number(dev, "size", named, std::nullopt);
      if (dev.contains("interrupts")) {
        const json& irqs = dev["interrupts"];
        if (!irqs.is_array())
          fail(pointer + "/interrupts", "expected an array of interrupt source numbers");
        unsigned k = 0;
        for (const json& s : irqs) {
          const auto v = json_number(s);
          if (!v || *v == 0 || *v > 1023)
            fail(pointer + "/interrupts/" + std::to_string(k),
                 "an interrupt source number is 1 to 1023");
          dd.interrupts.push_back(static_cast<unsigned>(*v));
          ++k;
        }
      }
      for (const auto& [key, value] : dev.items()) {
        if (key != "name" && key != "type" && key != "base" && key != "size" && key != "interrupts")
          dd.properties[key] = value;
      }
      d.devices.push_back(std::move(dd));
    }
    d.validate();
    return d;
  }

 private:
  std::string origin_;
  std::string folder_;
};

}  // namespace

DescriptionError DeviceDescription::error(const std::string& key,
                                          const std::string& problem) const {
  std::string where = origin.empty() ? std::string() : origin + ": ";
  if (!pointer.empty()) {
    where += pointer + (key.empty() ? "" : "/" + key) + " (device " + name + ")";
  } else {
    where += "device " + name + (key.empty() ? "" : " \"" + key + "\"");
  }
  return DescriptionError(where + ": " + problem);
}

uint64_t DeviceDescription::number(const std::string& key, uint64_t fallback) const {
  if (!properties.contains(key)) return fallback;
  const auto v = json_number(properties.at(key));
  if (!v) throw error(pointer_key(key), "expected a number, \"0x...\" or a size such as \"64M\"");
  return *v;
}

bool DeviceDescription::flag(const std::string& key, bool fallback) const {
  if (!properties.contains(key)) return fallback;
  if (!properties.at(key).is_boolean()) throw error(pointer_key(key), "expected true or false");
  return properties.at(key).get<bool>();
}

std::string DeviceDescription::text(const std::string& key, const std::string& fallback) const {
  if (!properties.contains(key)) return fallback;
  if (!properties.at(key).is_string()) throw error(pointer_key(key), "expected a string");
  return properties.at(key).get<std::string>();
}

DescriptionError PlatformDescription::error(const std::string& pointer,
                                            const std::string& problem) const {
  return DescriptionError((origin.empty() ? name : origin) + ": " + pointer + ": " + problem);
}

const std::vector<std::string>& description_keys() {
  static const std::vector<std::string> keys = {
      "name",        "model",         "harts",  "max_harts", "xlen",    "xlens",
      "ns_per_insn", "hart_contexts", "memory", "console",   "devices", "device_libraries",
      "isa",         "plugins"};
  return keys;
}

std::string closest_word(const std::string& word, const std::vector<std::string>& words) {
  // Levenshtein distance; a word within a third of its length (at least 1,
  // at most 4 edits) counts as a misspelling.
  std::string best;
  size_t best_distance = std::min<size_t>(4, std::max<size_t>(1, word.size() / 3)) + 1;
  for (const std::string& candidate : words) {
    std::vector<size_t> row(candidate.size() + 1);
    for (size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= candidate.size(); ++j) {
        const size_t up = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    if (row[candidate.size()] < best_distance) {
      best_distance = row[candidate.size()];
      best = candidate;
    }
  }
  return best;
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
  if (xlen != 32 && xlen != 64) throw error("/xlen", "xlen must be 32 or 64");
  if (std::find(xlens.begin(), xlens.end(), xlen) == xlens.end())
    throw error("/xlen", name + " is RV" + std::to_string(xlens.front()) + " only (xlens)");
  if (max_harts == 0 || max_harts > 64) throw error("/max_harts", "max_harts must be 1 to 64");
  if (harts == 0 || harts > max_harts)
    throw error("/harts",
                "harts must be 1 to " + std::to_string(max_harts) + " on " + name + " (max_harts)");
  if (!(ns_per_insn > 0)) throw error("/ns_per_insn", "ns_per_insn must be positive");
  if (hart_contexts.empty())
    throw error("/hart_contexts", "hart_contexts must name at least \"M\"");
  for (size_t i = 1; i < hart_contexts.size(); ++i)
    if (std::find(hart_contexts.begin(), hart_contexts.begin() + static_cast<long>(i),
                  hart_contexts[i]) != hart_contexts.begin() + static_cast<long>(i))
      throw error("/hart_contexts", "hart_contexts names \"" + hart_contexts[i] +
                                        "\" twice (each of \"M\" and \"S\" once)");
  std::set<std::string> names;
  // Interrupt source -> the device output that drives it.
  std::map<unsigned, std::pair<const DeviceDescription*, unsigned>> sources;
  for (const auto& d : devices) {
    if (d.name.empty()) throw d.error("name", "a device needs a name");
    if (!names.insert(d.name).second)
      throw d.error("name", "two devices are named " + d.name + "; give each its own name");
    if (d.size == 0) throw d.error("size", "a device's size is at least 1");
    if (d.base + d.size - 1 < d.base)
      throw d.error("size", "the device ends past the end of the address space");
    for (unsigned k = 0; k < d.interrupts.size(); ++k) {
      const auto [it, inserted] = sources.emplace(d.interrupts[k], std::make_pair(&d, k));
      if (!inserted)
        throw d.error("interrupts/" + std::to_string(k),
                      "interrupt source " + std::to_string(d.interrupts[k]) +
                          " is already driven by device " + it->second.first->name +
                          "; each source has one device (choose another number)");
    }
  }
  for (size_t i = 0; i < devices.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      const DeviceDescription& a = devices[i];
      const DeviceDescription& b = devices[j];
      if (a.base <= b.base + (b.size - 1) && b.base <= a.base + (a.size - 1))
        throw a.error("base", "[" + hex(a.base) + ", " + hex(a.base + (a.size - 1)) +
                                  "] overlaps device " + b.name + " [" + hex(b.base) + ", " +
                                  hex(b.base + (b.size - 1)) + "]; move or shrink one of them");
    }
  if (!memory.empty() && !find(memory))
    throw error("/memory", "\"" + memory + "\" names no device");
  if (!console.empty() && !find(console))
    throw error("/console", "\"" + console + "\" names no device");
}

PlatformDescription parse_description(const std::string& json_text, const std::string& origin,
                                      const std::string& folder) {
  return Parser(origin, folder).parse(json_text);
}

PlatformDescription load_description(const std::string& path) {
  std::string text;
  try {
    text = elf::InputFile(path).read_all(kMaxDescriptionBytes);
  } catch (const elf::FileError& e) {
    throw DescriptionError(e.what());
  }
  const size_t slash = path.rfind('/');
  return parse_description(text, path, slash == std::string::npos ? "." : path.substr(0, slash));
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
