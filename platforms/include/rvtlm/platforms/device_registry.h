// Device types a platform description can name: how to build one, connect
// it and describe it in the device tree. The built-in models are
// preregistered; a user adds their own SystemC model under a new type name
// and then uses it from a description, without changing rvtlm.
#ifndef RVTLM_PLATFORMS_DEVICE_REGISTRY_H
#define RVTLM_PLATFORMS_DEVICE_REGISTRY_H

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

#include "rvtlm/iss/types.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/device_tree.h"

namespace rvtlm::platforms {

class Platform;

// A hart's interrupt input is named by the mip bit it drives.
using HartLine = iss::Interrupt;

// What a device factory gets from the platform while it is built.
class DeviceContext {
 public:
  DeviceContext(Platform& platform, const DeviceDescription& device)
      : platform_(platform), device_(device) {}

  Platform& platform() const { return platform_; }
  const DeviceDescription& device() const { return device_; }
  const PlatformDescription& description() const;
  unsigned harts() const;

  // Routes [device.base, device.base + device.size) to `socket`.
  void map(::tlm::tlm_target_socket<>& socket) const;
  // The signal of the device's interrupt output `line`, wired to interrupt
  // controller source device.interrupts[line]. Throws DescriptionError when
  // the description gives the device fewer interrupts.
  sc_core::sc_signal<bool>& interrupt(unsigned line) const;
  // The signal of an interrupt controller's input for `source` (nullptr: no
  // device drives that source).
  sc_core::sc_signal<bool>* source(unsigned source) const;
  // A hart's interrupt input, for the device output that drives it. Each
  // line has one driver: a second is a DescriptionError.
  sc_core::sc_signal<bool>& hart_line(unsigned hart, HartLine line) const;
  // The interrupt controller's contexts: for each, the hart and the line it
  // drives (Meip or Seip), in context order.
  std::vector<std::pair<unsigned, HartLine>> contexts() const;

 private:
  Platform& platform_;
  const DeviceDescription& device_;
};

// What a device tree writer gets: the writer, inside /soc, and phandles.
struct DeviceTreeContext {
  DeviceTreeWriter& tree;
  const DeviceDescription& device;
  const PlatformDescription& description;
  std::vector<uint32_t> cpu_interrupt_controllers;  // phandle per hart
  uint32_t interrupt_parent = 0;                    // the PLIC's phandle; 0: none
  uint32_t own_phandle = 0;  // this device's phandle when it is the interrupt parent
  std::vector<std::pair<unsigned, HartLine>> contexts;

  // "<prefix>@<base in hex>"
  std::string node_name(const std::string& prefix) const;
  // Opens the device's node under that name with its compatible strings and
  // reg (base and size); the writer closes it with tree.end_node().
  void begin_node(const std::string& prefix, std::initializer_list<std::string> compatible) const;
  // interrupt-parent and interrupts for the device's sources, if it has any.
  void write_interrupts() const;
};

// A property a device type takes in a description (a key of the device
// other than name, type, base, size and interrupts).
struct DeviceProperty {
  enum class Kind : uint8_t { Number, Flag, Text, Any };
  std::string name;
  Kind kind = Kind::Number;
  // For numbers: the range allowed.
  uint64_t min = 0;
  uint64_t max = ~uint64_t{0};
};

struct DeviceType {
  // Builds the device, maps its socket (DeviceContext::map) and binds its
  // interrupt outputs. Throws DescriptionError for bad properties.
  std::function<std::unique_ptr<sc_core::sc_module>(DeviceContext&)> create;
  // After every device exists: binds inputs that other devices drive (an
  // interrupt controller's sources). May be empty.
  std::function<void(DeviceContext&, sc_core::sc_module&)> connect;
  // Writes the device's node under /soc. Empty: no node.
  std::function<void(const DeviceTreeContext&)> device_tree;
  // Adds the device's signals to a VCD file. May be empty.
  std::function<void(sc_core::sc_trace_file*, sc_core::sc_module&)> trace;

  // What a description may say about a device of this type; checked before
  // anything is built (DeviceRegistry::check), with messages that name the
  // file, the JSON pointer and the fix.
  std::vector<DeviceProperty> properties;
  // Interrupt outputs the device has (its "interrupts" list may be shorter).
  unsigned interrupt_outputs = 0;
  // The bytes its registers need (0 or empty: any size).
  std::function<uint64_t(const DeviceDescription&, const PlatformDescription&)> registers_size;
  // A UART the platform's console (--uart) may name.
  bool console = false;
  // The interrupt controller that devices' "interrupts" name sources of.
  bool interrupt_controller = false;
};

class DeviceRegistry {
 public:
  // Empty; see builtin().
  DeviceRegistry() = default;
  // memory, uart16550, aclint, plic, test-finisher, gpio.
  static DeviceRegistry builtin();

  // Adds or replaces a type.
  void add(const std::string& type, DeviceType device_type);
  // Loads a device library (device_library.h) and adds the types it
  // registers. Throws DescriptionError "<path>: <reason>" when the file
  // cannot be loaded, is not a device library or was built for another
  // RVTLM_DEVICE_LIBRARY_ABI. The library stays loaded for the rest of the
  // process (SystemC keeps a model's processes until it exits).
  void load(const std::string& path);
  // The libraries loaded, in order.
  const std::vector<std::string>& libraries() const { return libraries_; }
  const DeviceType* find(const std::string& type) const;
  std::vector<std::string> types() const;

  // Throws DescriptionError for what the types make wrong in a description:
  // an unknown type, an unknown or misspelt property or one of the wrong
  // kind or range, more interrupts than the device has or interrupts on a
  // board without an interrupt controller, a region smaller than the
  // device's registers, a console that is not a UART.
  void check(const PlatformDescription& description) const;

 private:
  std::map<std::string, DeviceType> types_;
  std::vector<std::string> libraries_;
};

}  // namespace rvtlm::platforms

#endif
