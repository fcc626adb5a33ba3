// A platform as data: harts, memory map, devices and interrupt wiring. One
// builder (Platform) turns a description into modules and bindings, and the
// device tree is generated from the same description. Descriptions are
// written in JSON (docs/PLATFORMS.md); virt and mcu are built in.
#ifndef RVTLM_PLATFORMS_DESCRIPTION_H
#define RVTLM_PLATFORMS_DESCRIPTION_H

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rvtlm::platforms {

// A description that cannot be used; what() says where and why.
class DescriptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DeviceDescription {
  // Where the device was described, for error messages: the description's
  // origin (a file name) and a JSON pointer ("/devices/3"). Empty for a
  // device written in C++ (messages then say "device <name>").
  std::string origin;
  std::string pointer;
  std::string name;  // unique within the platform
  std::string type;  // a DeviceRegistry type: memory, uart16550, aclint, plic, ...
  uint64_t base = 0;
  uint64_t size = 0;
  // Interrupt sources at the platform's interrupt controller, one per output
  // line of the device, in the device's line order.
  std::vector<unsigned> interrupts;
  // Everything else the description says about the device (type-specific
  // settings such as "frequency" or "read_only").
  nlohmann::json properties = nlohmann::json::object();

  // A property as a number (numbers, "0x..." strings and sizes like "64K"
  // are accepted); `fallback` when it is absent.
  uint64_t number(const std::string& key, uint64_t fallback) const;
  bool flag(const std::string& key, bool fallback) const;
  std::string text(const std::string& key, const std::string& fallback) const;

  // An error about the device, or about its `key` (a property, "size",
  // "interrupts/0", ...): "<origin>: <pointer>/<key> (device <name>): <problem>".
  DescriptionError error(const std::string& key, const std::string& problem) const;
};

struct PlatformDescription {
  // The file (or built-in name) the description came from; every error
  // message starts with it.
  std::string origin;
  std::string name;
  std::string model;  // the device tree's model string
  unsigned harts = 1;
  unsigned max_harts = 8;
  unsigned xlen = 64;
  // Register widths the platform can have (--xlen and the ELF class choose
  // among them).
  std::vector<unsigned> xlens = {32, 64};
  // The harts' ISA string, with or without its rv32/rv64 prefix (the width
  // is `xlen`); empty: everything rvtlm implements. Without "s" the harts
  // are machine/user only and the S-mode interrupt contexts are dropped.
  std::string isa;
  // Default time per instruction in nanoseconds (a command-line time model
  // overrides it).
  double ns_per_insn = 1.0;
  // Contexts of the interrupt controller per hart, in order: "M" and
  // optionally "S" (the supervisor external interrupt, SEIP).
  std::vector<std::string> hart_contexts = {"M", "S"};
  // Device libraries (device_library.h) the platform loads before it is
  // built; in a file, relative to the file's folder.
  std::vector<std::string> device_libraries;
  // Plugins the platform loads once it is built, as "NAME-or-PATH[,key=value...]"
  // (docs/PLUGINS.md); in a file, a relative path is relative to the file's folder.
  std::vector<std::string> plugins;
  std::string memory;   // the main RAM device: --memory resizes it; the device tree goes there
  std::string console;  // the UART that --uart connects and /chosen/stdout-path names
  std::vector<DeviceDescription> devices;

  const DeviceDescription* find(const std::string& name) const;
  DeviceDescription* find(const std::string& name);
  // The first device of `type`, or nullptr.
  const DeviceDescription* find_type(const std::string& type) const;

  // Throws DescriptionError when names repeat, a named device is missing,
  // values are out of range, devices overlap or two devices drive one
  // interrupt source. (DeviceRegistry::check adds what needs the device
  // types.)
  void validate() const;

  // An error about a top-level key (a JSON pointer such as "/harts"):
  // "<origin>: <pointer>: <problem>".
  DescriptionError error(const std::string& pointer, const std::string& problem) const;
};

// The top-level keys a description may have.
const std::vector<std::string>& description_keys();
// The word in `words` closest to `word` (a misspelling), or empty when none
// is close.
std::string closest_word(const std::string& word, const std::vector<std::string>& words);

// Limits of a description: its size, and how deeply its values nest (a
// device property may be an object or an array, but not without end).
constexpr uint64_t kMaxDescriptionBytes = uint64_t{4} << 20;
constexpr unsigned kMaxDescriptionDepth = 32;

// Parses a description; `origin` names it in error messages (a file name).
// Relative "device_libraries" are taken relative to `folder` (empty: as
// they are).
PlatformDescription parse_description(const std::string& json_text, const std::string& origin,
                                      const std::string& folder = "");
PlatformDescription load_description(const std::string& path);
// "virt", "mcu", or the path of a JSON description.
PlatformDescription description_by_name(const std::string& name_or_path);
std::vector<std::string> builtin_platforms();

}  // namespace rvtlm::platforms

#endif
