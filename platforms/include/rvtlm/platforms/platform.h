// A virtual platform built from a description: harts (rvtlm::tlm), a router
// and the described devices, wired as the description says, with a device
// tree generated from the same description.
#ifndef RVTLM_PLATFORMS_PLATFORM_H
#define RVTLM_PLATFORMS_PLATFORM_H

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <systemc>
#include <vector>

#include "rvtlm/iss/isa.h"
#include "rvtlm/iss/types.h"
#include "rvtlm/models/router.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/device_registry.h"
#include "rvtlm/tlm/hart_module.h"
#include "rvtlm/tlm/time_model.h"

namespace rvtlm::elf {
class ElfImage;
}
namespace rvtlm::models {
class Memory;
class Htif;
}  // namespace rvtlm::models
namespace rvtlm::plugins {
class PluginHost;
}

namespace rvtlm::platforms {

// How a description is instantiated; empty optionals keep the description's
// values.
struct PlatformOptions {
  std::optional<unsigned> harts;
  std::optional<unsigned> xlen;
  // Overrides the description's ISA string (see PlatformDescription::isa).
  std::optional<std::string> isa;
  std::optional<uint64_t> memory_size;  // of the description's main memory
  // nullptr: the description's ns_per_insn.
  std::shared_ptr<const rvtlm::tlm::TimeModel> time_model;
  sc_core::sc_time quantum = sc_core::sc_time(10, sc_core::SC_US);
  rvtlm::tlm::SyncPolicy sync = rvtlm::tlm::SyncPolicy::Quantum;
  bool bound_to_next_activity = true;
  bool dmi = true;
  iss::MisalignedPolicy misaligned = iss::MisalignedPolicy::Trap;
  // Back end of the console UART: stdio, null, file:PATH, tcp:PORT.
  std::string console = "stdio";
  // Where every hart starts; empty: the base of the main memory.
  std::optional<uint64_t> entry;
  // An HTIF device at the ELF's tohost symbol, with fromhost where the
  // ELF's fromhost symbol is (if it has one).
  std::optional<uint64_t> tohost;
  std::optional<uint64_t> fromhost;
  // Place the device tree in the main memory and pass its address in a1.
  bool device_tree = true;
  // The device tree's /chosen: the kernel command line, and the initrd's
  // place in memory ([start, end), loaded by the caller).
  std::string bootargs;
  std::optional<uint64_t> initrd_start;
  std::optional<uint64_t> initrd_end;
  // OpenSBI's fw_dynamic convention: a2 points to a fw_dynamic_info
  // (magic, version 2, next address, next mode S, options 0, boot hart 0)
  // placed just below the device tree, naming where the payload starts.
  std::optional<uint64_t> firmware_next;

  // What a program decides: the entry point, HTIF from its tohost and
  // fromhost symbols, and the register width unless `xlen` is already set.
  void use_program(const elf::ElfImage& image);
};

// The harts' ISA of a description (its isa string at its register width);
// throws DescriptionError for a string rvtlm does not implement.
iss::Isa hart_isa(const PlatformDescription& description);

class Platform : public sc_core::sc_module {
 public:
  // Throws DescriptionError for a description the registry cannot build.
  // The platform keeps its own copy of the registry.
  Platform(const sc_core::sc_module_name& name, PlatformDescription description,
           PlatformOptions options = {},
           const DeviceRegistry& registry = DeviceRegistry::builtin());
  ~Platform() override;

  const char* kind() const override { return "rvtlm::platforms::Platform"; }

  // The description as built (options applied).
  const PlatformDescription& description() const { return description_; }
  const PlatformOptions& options() const { return options_; }

  unsigned harts() const { return static_cast<unsigned>(harts_.size()); }
  rvtlm::tlm::HartModule& hart(unsigned index) { return *harts_.at(index); }
  models::Router& router() { return *router_; }
  // A device by its description name, or nullptr.
  sc_core::sc_module* device(const std::string& name) const;
  template <class T>
  T* device_as(const std::string& name) const {
    return dynamic_cast<T*>(device(name));
  }

  const std::vector<uint8_t>& device_tree() const { return device_tree_; }
  uint64_t device_tree_address() const { return device_tree_address_; }

  // Loaders write straight into memories (read-only ones included). Throw
  // std::runtime_error naming the address when it is outside every memory,
  // when it overlaps what an earlier load (or the device tree) put there,
  // and, for an ELF, when HTIF's registers at tohost would lie on its code.
  void load(uint64_t address, const void* bytes, uint64_t length);
  void load_elf(const elf::ElfImage& image);
  uint64_t load_binary(const std::string& path, uint64_t address);

  // Debugger and loader accesses through the router (transport_dbg), valid
  // once elaboration is complete; they return the bytes transferred.
  unsigned debug_read(uint64_t address, void* bytes, unsigned length);
  unsigned debug_write(uint64_t address, const void* bytes, unsigned length);

  // The guest asked to stop (finisher, HTIF): records the code and stops
  // the simulation.
  void finish(int exit_code);
  // A platform-wide reset (the test finisher's 0x7777, firmware's SBI
  // system reset): every hart stops after its current instruction; in the
  // next delta cycle what was loaded (program, firmware, kernel, initrd,
  // device tree) is loaded again and every hart restarts at its reset
  // address with its boot registers. Device models keep their registers
  // (the firmware that runs next initialises them).
  void request_reset();
  unsigned resets() const { return resets_; }
  bool finished() const { return finished_; }
  int exit_code() const { return exit_code_; }
  // The first hart that locked up (traps without an instruction retiring);
  // a lockup stops the simulation. Empty: none did.
  std::optional<unsigned> locked_up_hart() const { return locked_up_hart_; }

  // Interrupt lines of every hart and device, and devices' own signals.
  void trace(sc_core::sc_trace_file* file);
  // sc_object's virtual trace() (const, a no-op) is not this one; keep it
  // visible rather than hidden (clang's -Woverloaded-virtual).
  using sc_core::sc_module::trace;

  // The plugins of the platform's harts (docs/PLUGINS.md): the
  // description's are loaded when the platform is built; load more here
  // before the simulation starts. Their end-of-run callbacks run at the end
  // of the simulation.
  plugins::PluginHost& plugins() { return *plugins_; }

 private:
  void end_of_simulation() override;
  friend class DeviceContext;
  struct HartLines {
    std::array<std::unique_ptr<sc_core::sc_signal<bool>>, 4> line;
    std::array<std::string, 4> driver;  // the device that drives each line
  };
  struct Device {
    const DeviceDescription* description;
    const DeviceType* type;
    std::unique_ptr<sc_core::sc_module> module;
  };

  struct LoadedRange {
    std::string what;
    uint64_t first;
    uint64_t last;
    unsigned load;  // which load call
  };

  void apply_options();
  void claim(const std::string& what, uint64_t address, uint64_t length, unsigned load);
  void build_device_tree();
  void build_harts();
  void build_devices();
  models::Memory* memory_at(uint64_t address, uint64_t length, uint64_t& offset) const;
  sc_core::sc_signal<bool>& source_signal(unsigned source, const std::string& driver);

  PlatformDescription description_;
  iss::Isa isa_;
  PlatformOptions options_;
  DeviceRegistry registry_;
  std::shared_ptr<const rvtlm::tlm::TimeModel> time_model_;
  iss::CoherenceDomain domain_;
  std::vector<HartLines> hart_lines_;
  std::vector<std::unique_ptr<rvtlm::tlm::HartModule>> harts_;
  std::unique_ptr<models::Router> router_;
  std::vector<Device> devices_;
  std::unique_ptr<models::Htif> htif_;
  uint64_t htif_size_ = 0;
  std::vector<LoadedRange> loaded_;
  unsigned loads_ = 0;
  std::map<unsigned, std::unique_ptr<sc_core::sc_signal<bool>>> sources_;
  std::map<unsigned, std::string> source_drivers_;
  std::vector<uint8_t> device_tree_;
  // What was loaded, to load again at a platform reset.
  std::vector<std::function<void()>> reloads_;
  sc_core::sc_event reset_event_;
  unsigned resets_ = 0;
  bool reloading_ = false;
  void reset_method();
  uint64_t device_tree_address_ = 0;
  std::vector<uint8_t> firmware_info_;  // fw_dynamic_info, when firmware_next is set
  uint64_t firmware_info_address_ = 0;
  uint64_t timebase_hz_ = 0;
  bool finished_ = false;
  int exit_code_ = 0;
  std::optional<unsigned> locked_up_hart_;
  // Last: destroyed first, while the harts it instruments still exist.
  std::unique_ptr<plugins::PluginHost> plugins_;
};

}  // namespace rvtlm::platforms

#endif
