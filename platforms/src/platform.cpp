#include "rvtlm/platforms/platform.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <stdexcept>

#include "rvtlm/elf/elf_image.h"
#include "rvtlm/elf/input_file.h"
#include "rvtlm/models/aclint.h"
#include "rvtlm/models/htif.h"
#include "rvtlm/models/memory.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/plugins/host.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::platforms {
namespace {

// Signal names of the harts' inputs, in HartModule::kInterruptInputs order.
const char* const kLineNames[] = {"msip", "mtip", "meip", "seip"};

unsigned line_index(iss::Interrupt line) {
  const auto& inputs = rvtlm::tlm::HartModule::kInterruptInputs;
  for (unsigned l = 0; l < inputs.size(); ++l)
    if (inputs[l] == line) return l;
  return static_cast<unsigned>(inputs.size());
}

// The interrupt controller's contexts in order: for each hart, its
// hart_contexts ("M" drives MEIP, "S" drives SEIP).
std::vector<std::pair<unsigned, HartLine>> interrupt_contexts(const PlatformDescription& d) {
  std::vector<std::pair<unsigned, HartLine>> result;
  for (unsigned h = 0; h < d.harts; ++h)
    for (const std::string& mode : d.hart_contexts)
      result.emplace_back(
          h, mode == "S" ? iss::Interrupt::SupervisorExternal : iss::Interrupt::MachineExternal);
  return result;
}

}  // namespace

iss::Isa hart_isa(const PlatformDescription& d) {
  const iss::Xlen xlen = d.xlen == 32 ? iss::Xlen::Rv32 : iss::Xlen::Rv64;
  if (d.isa.empty()) return iss::Isa(xlen);
  const bool prefixed = d.isa.rfind("rv32", 0) == 0 || d.isa.rfind("rv64", 0) == 0;
  const std::string text = prefixed ? d.isa : (xlen == iss::Xlen::Rv32 ? "rv32" : "rv64") + d.isa;
  std::string error;
  const auto isa = iss::Isa::parse(text, &error);
  if (!isa) throw d.error("/isa", error);
  if (isa->xlen() != xlen)
    throw d.error("/isa", isa->to_string() + " on an RV" + std::to_string(d.xlen) + " platform");
  return *isa;
}

// --- DeviceContext --------------------------------------------------------

const PlatformDescription& DeviceContext::description() const { return platform_.description_; }
unsigned DeviceContext::harts() const { return platform_.description_.harts; }

void DeviceContext::map(::tlm::tlm_target_socket<>& socket) const {
  platform_.router_->map(socket, {device_.name, device_.base, device_.size});
}

sc_core::sc_signal<bool>& DeviceContext::interrupt(unsigned line) const {
  if (line >= device_.interrupts.size())
    throw device_.error("interrupts", "a " + device_.type + " needs " + std::to_string(line + 1) +
                                          " interrupt source(s) here");
  return platform_.source_signal(device_.interrupts[line], device_.name);
}

sc_core::sc_signal<bool>* DeviceContext::source(unsigned s) const {
  auto it = platform_.sources_.find(s);
  return it == platform_.sources_.end() ? nullptr : it->second.get();
}

sc_core::sc_signal<bool>& DeviceContext::hart_line(unsigned hart, HartLine line) const {
  auto& lines = platform_.hart_lines_.at(hart);
  const unsigned l = line_index(line);
  if (l >= lines.line.size())
    throw device_.error("", "harts have no input for mip bit " +
                                std::to_string(static_cast<unsigned>(line)) +
                                " (their inputs: msip, mtip, meip, seip)");
  // Two drivers of one signal would only fail once simulation starts.
  if (!lines.driver[l].empty())
    throw device_.error(
        "", "hart " + std::to_string(hart) + "'s " + kLineNames[l] + " is driven by both " +
                lines.driver[l] + " and " + device_.name + "; a platform has one " +
                (line == iss::Interrupt::MachineSoftware || line == iss::Interrupt::MachineTimer
                     ? "timer (aclint)"
                     : "interrupt controller (plic)") +
                " for its harts");
  lines.driver[l] = device_.name;
  return *lines.line[l];
}

std::vector<std::pair<unsigned, HartLine>> DeviceContext::contexts() const {
  return interrupt_contexts(description());
}

// --- Platform -------------------------------------------------------------

Platform::Platform(const sc_core::sc_module_name& name, PlatformDescription description,
                   PlatformOptions options, const DeviceRegistry& registry)
    : sc_core::sc_module(name),
      description_(std::move(description)),
      options_(std::move(options)),
      registry_(registry) {
  apply_options();
  SC_HAS_PROCESS(Platform);
  SC_METHOD(reset_method);
  sensitive << reset_event_;
  dont_initialize();
  for (size_t i = 0; i < description_.device_libraries.size(); ++i) {
    try {
      registry_.load(description_.device_libraries[i]);
    } catch (const DescriptionError& e) {
      throw description_.error("/device_libraries/" + std::to_string(i), e.what());
    }
  }
  registry_.check(description_);
  if (const DeviceDescription* clint = description_.find_type("aclint"))
    timebase_hz_ = clint->number("frequency", 10'000'000);
  if (options_.device_tree) build_device_tree();
  build_harts();
  build_devices();
  if (options_.device_tree) load(device_tree_address_, device_tree_.data(), device_tree_.size());
  if (!firmware_info_.empty())
    load(firmware_info_address_, firmware_info_.data(), firmware_info_.size());
  plugins_ = std::make_unique<plugins::PluginHost>();
  for (const auto& hart : harts_) plugins_->add_hart(*hart);
  for (size_t i = 0; i < description_.plugins.size(); ++i)
    plugins_->load(description_.plugins[i],
                   (description_.origin.empty() ? description_.name : description_.origin) +
                       ": /plugins/" + std::to_string(i));
}

Platform::~Platform() = default;

void Platform::end_of_simulation() { plugins_->finish(); }

void Platform::apply_options() {
  if (options_.harts) description_.harts = *options_.harts;
  if (options_.xlen) description_.xlen = *options_.xlen;
  if (options_.isa) description_.isa = *options_.isa;
  if (options_.memory_size) {
    DeviceDescription* memory = description_.find(description_.memory);
    if (!memory)
      throw description_.error("/memory", "no main memory to resize (--memory); name one here");
    memory->size = *options_.memory_size;
  }
  description_.validate();
  isa_ = hart_isa(description_);
  // Harts without S-mode have no supervisor interrupt context.
  if (!isa_.has(iss::Extension::S)) description_.hart_contexts = {"M"};
  time_model_ = options_.time_model;
  if (!time_model_) {
    const double ns = description_.ns_per_insn;
    time_model_ =
        std::make_shared<rvtlm::tlm::FixedTimeModel>(sc_core::sc_time(ns, sc_core::SC_NS));
  }
}

void Platform::build_device_tree() {
  DeviceTreeWriter tree;
  const unsigned harts = description_.harts;
  std::vector<uint32_t> intc(harts);
  for (auto& p : intc) p = tree.new_phandle();
  const DeviceDescription* plic = description_.find_type("plic");
  const uint32_t plic_phandle = plic ? tree.new_phandle() : 0;

  tree.begin_node("");
  tree.property_u32("#address-cells", 2);
  tree.property_u32("#size-cells", 2);
  tree.property("compatible", description_.model);
  tree.property("model", description_.model);

  tree.begin_node("chosen");
  if (const DeviceDescription* console = description_.find(description_.console)) {
    char path[64];
    std::snprintf(path, sizeof path, "/soc/serial@%llx",
                  static_cast<unsigned long long>(console->base));
    tree.property("stdout-path", path);
  }
  if (!options_.bootargs.empty()) tree.property("bootargs", options_.bootargs);
  if (options_.initrd_start && options_.initrd_end) {
    // Two cells each, as QEMU writes them.
    const uint64_t start = *options_.initrd_start, end = *options_.initrd_end;
    tree.property_cells("linux,initrd-start",
                        {static_cast<uint32_t>(start >> 32), static_cast<uint32_t>(start)});
    tree.property_cells("linux,initrd-end",
                        {static_cast<uint32_t>(end >> 32), static_cast<uint32_t>(end)});
  }
  tree.end_node();

  const iss::Isa& hart_isa = isa_;
  const std::string isa = hart_isa.device_tree_string();
  tree.begin_node("cpus");
  tree.property_u32("#address-cells", 1);
  tree.property_u32("#size-cells", 0);
  if (timebase_hz_) tree.property_u32("timebase-frequency", static_cast<uint32_t>(timebase_hz_));
  for (unsigned h = 0; h < harts; ++h) {
    tree.begin_node("cpu@" + std::to_string(h));
    tree.property("device_type", "cpu");
    tree.property_u32("reg", h);
    tree.property("status", "okay");
    tree.property("compatible", "riscv");
    tree.property("riscv,isa", isa);
    if (hart_isa.has(iss::Extension::S))
      tree.property("mmu-type", description_.xlen == 64 ? "riscv,sv48" : "riscv,sv32");
    tree.begin_node("interrupt-controller");
    // An interrupt provider says how many address cells its specifier has
    // (dtc's interrupt_provider check; as QEMU's virt tree).
    tree.property_u32("#address-cells", 0);
    tree.property_u32("#interrupt-cells", 1);
    tree.property("interrupt-controller");
    tree.property("compatible", "riscv,cpu-intc");
    tree.property_u32("phandle", intc[h]);
    tree.end_node();
    tree.end_node();
  }
  tree.end_node();

  for (const DeviceDescription& d : description_.devices) {
    if (d.type != "memory" || d.flag("read_only", false)) continue;
    tree.begin_node("memory@" + rvtlm::support::hex(d.base).substr(2));
    tree.property("device_type", "memory");
    tree.property_reg(d.base, d.size);
    tree.end_node();
  }

  tree.begin_node("soc");
  tree.property_u32("#address-cells", 2);
  tree.property_u32("#size-cells", 2);
  tree.property("compatible", "simple-bus");
  tree.property("ranges");
  const auto contexts = interrupt_contexts(description_);
  for (const DeviceDescription& d : description_.devices) {
    const DeviceType* type = registry_.find(d.type);
    if (!type || !type->device_tree) continue;
    DeviceTreeContext ctx{tree, d, description_, intc, plic_phandle, 0, contexts};
    if (&d == plic) ctx.own_phandle = plic_phandle;
    type->device_tree(ctx);
  }
  tree.end_node();
  tree.end_node();
  device_tree_ = tree.finish();

  // As QEMU does: at the top of the main memory, on a 2 MiB boundary when the
  // memory is large enough (so that a kernel's early mappings cover it).
  const DeviceDescription* memory = description_.find(description_.memory);
  if (!memory)
    throw description_.error("/memory", "a main memory is needed for the device tree; name one");
  const uint64_t size = device_tree_.size();
  if (size > memory->size / 2)
    throw memory->error("size", "too small for the device tree (" + std::to_string(size) +
                                    " bytes, at most half the memory)");
  const uint64_t align = memory->size >= (16u << 20) ? (2u << 20) : 4096;
  device_tree_address_ = (memory->base + memory->size - size) & ~(align - 1);
  if (options_.initrd_start && options_.initrd_end &&
      (*options_.initrd_start < memory->base || *options_.initrd_end > device_tree_address_))
    throw DescriptionError(
        description_.name + ": the initrd [" + rvtlm::support::hex(*options_.initrd_start) + ", " +
        rvtlm::support::hex(*options_.initrd_end) + ") does not fit below the device tree at " +
        rvtlm::support::hex(device_tree_address_) + ": give more --memory");
  if (options_.firmware_next) {
    // fw_dynamic_info: six XLEN-wide fields (OpenSBI's fw_dynamic.h).
    const unsigned word = description_.xlen / 8;
    const uint64_t fields[6] = {0x4942534f, 2, *options_.firmware_next, 1, 0, 0};
    firmware_info_.assign(6 * word, 0);
    for (unsigned i = 0; i < 6; ++i)
      for (unsigned b = 0; b < word; ++b)
        firmware_info_[i * word + b] = static_cast<uint8_t>(b < 8 ? fields[i] >> (8 * b) : 0);
    firmware_info_address_ = (device_tree_address_ - firmware_info_.size()) & ~uint64_t{15};
  }
}

void Platform::build_harts() {
  const unsigned harts = description_.harts;
  const uint64_t entry = options_.entry ? *options_.entry
                         : description_.find(description_.memory)
                             ? description_.find(description_.memory)->base
                             : 0;
  hart_lines_.resize(harts);
  for (unsigned h = 0; h < harts; ++h) {
    rvtlm::tlm::HartModuleConfig c;
    c.hart.isa = isa_;
    c.hart.hart_id = h;
    c.hart.reset_pc = entry;
    c.hart.misaligned = options_.misaligned;
    // Boot convention (as QEMU and OpenSBI): a0 = hart id, a1 = device tree.
    c.hart.reset_registers = {{10, h}, {11, device_tree_address_}};
    if (!firmware_info_.empty()) c.hart.reset_registers.push_back({12, firmware_info_address_});
    c.time_model = time_model_;
    c.quantum = options_.quantum;
    c.sync = options_.sync;
    c.dmi = options_.dmi;
    c.is_memory = [this](uint64_t addr) {
      for (const DeviceDescription& d : description_.devices)
        if (d.type == "memory" && addr >= d.base && addr - d.base < d.size) return true;
      return false;
    };
    c.bound_to_next_activity = options_.bound_to_next_activity;
    if (timebase_hz_)
      c.time_csr_period =
          sc_core::sc_time(1e12 / static_cast<double>(timebase_hz_), sc_core::SC_PS);
    c.on_exit = [this](int code) { finish(code); };
    c.on_lockup = [this, h] {
      if (finished_ || locked_up_hart_) return;
      locked_up_hart_ = h;
      sc_core::sc_stop();
    };
    auto hart = std::make_unique<rvtlm::tlm::HartModule>(("hart" + std::to_string(h)).c_str(),
                                                         std::move(c), &domain_);
    for (unsigned l = 0; l < 4; ++l) {
      hart_lines_[h].line[l] = std::make_unique<sc_core::sc_signal<bool>>(
          ("hart" + std::to_string(h) + "_" + kLineNames[l]).c_str());
    }
    for (unsigned l = 0; l < 4; ++l)
      hart->interrupt_input(rvtlm::tlm::HartModule::kInterruptInputs[l])
          .bind(*hart_lines_[h].line[l]);
    harts_.push_back(std::move(hart));
  }
  router_ = std::make_unique<models::Router>("router");
  for (auto& hart : harts_) hart->socket.bind(router_->target_socket);
}

sc_core::sc_signal<bool>& Platform::source_signal(unsigned source, const std::string& driver) {
  auto [it, inserted] = source_drivers_.emplace(source, driver);
  if (!inserted)
    throw description_.error("/devices", "interrupt source " + std::to_string(source) +
                                             " is driven by both " + it->second + " and " + driver);
  auto& signal = sources_[source];
  signal = std::make_unique<sc_core::sc_signal<bool>>(
      ("irq" + std::to_string(source) + "_" + driver).c_str());
  return *signal;
}

void Platform::build_devices() {
  for (const DeviceDescription& d : description_.devices) {
    const DeviceType* type = registry_.find(d.type);
    DeviceContext ctx(*this, d);
    try {
      devices_.push_back({&d, type, type->create(ctx)});
    } catch (const std::invalid_argument& e) {
      throw d.error("", e.what());
    } catch (const std::bad_alloc&) {
      throw d.error("size", "the host cannot reserve " + std::to_string(d.size) + " bytes for it");
    }
  }
  // One timebase: the harts' `time` CSR reads the ACLINT's mtime, so that
  // both agree after the guest writes mtime.
  for (Device& device : devices_)
    if (auto* aclint = dynamic_cast<models::Aclint*>(device.module.get()))
      for (auto& hart : harts_)
        hart->set_time_source([aclint](const sc_core::sc_time& t) { return aclint->mtime_at(t); },
                              [aclint](uint64_t value) { return aclint->time_of(value); });
  for (Device& device : devices_) {
    if (!device.type->connect) continue;
    DeviceContext ctx(*this, *device.description);
    device.type->connect(ctx, *device.module);
  }
  if (options_.tohost) {
    models::HtifConfig c;
    const uint64_t tohost = *options_.tohost;
    c.has_fromhost = options_.fromhost && *options_.fromhost > tohost &&
                     *options_.fromhost - tohost < 4096 && (*options_.fromhost - tohost) % 8 == 0;
    if (c.has_fromhost) c.fromhost_offset = *options_.fromhost - tohost;
    htif_ = std::make_unique<models::Htif>("htif", c);
    htif_size_ = c.has_fromhost ? c.fromhost_offset + 8 : 8;
    htif_->on_exit = [this](int code) { finish(code); };
    router_->map(htif_->socket, {"htif", tohost, htif_size_, /*overlay=*/true});
  }
}

sc_core::sc_module* Platform::device(const std::string& name) const {
  for (const Device& d : devices_)
    if (d.description->name == name) return d.module.get();
  return nullptr;
}

models::Memory* Platform::memory_at(uint64_t address, uint64_t length, uint64_t& offset) const {
  for (const Device& d : devices_) {
    auto* memory = dynamic_cast<models::Memory*>(d.module.get());
    if (!memory) continue;
    const uint64_t base = d.description->base;
    if (address >= base && address - base <= memory->size() &&
        length <= memory->size() - (address - base)) {
      offset = address - base;
      return memory;
    }
  }
  return nullptr;
}

// Two images loaded over each other would leave one of them corrupted
// without a word: each load claims its range first.
void Platform::claim(const std::string& what, uint64_t address, uint64_t length, unsigned load) {
  if (length == 0) return;
  const uint64_t last = address + (length - 1);
  for (const LoadedRange& r : loaded_)
    if (r.load != load && address <= r.last && r.first <= last)
      throw std::runtime_error(what + " [" + rvtlm::support::hex(address) + ", " +
                               rvtlm::support::hex(last) + "] overlaps " + r.what + " [" +
                               rvtlm::support::hex(r.first) + ", " + rvtlm::support::hex(r.last) +
                               "]; load them at different addresses" +
                               (r.what == "the device tree" ? " (or give more --memory)" : ""));
  loaded_.push_back({what, address, last, load});
}

void Platform::load(uint64_t address, const void* bytes, uint64_t length) {
  uint64_t offset = 0;
  models::Memory* memory = memory_at(address, length, offset);
  if (!memory)
    throw std::runtime_error(std::to_string(length) + " bytes at " + rvtlm::support::hex(address) +
                             " are outside every memory region");
  claim(loaded_.empty() && options_.device_tree ? "the device tree" : "loaded bytes", address,
        length, ++loads_);
  memory->write(offset, bytes, length);
  if (!reloading_) {
    const auto* first = static_cast<const uint8_t*>(bytes);
    reloads_.push_back([memory, offset, copy = std::vector<uint8_t>(first, first + length)] {
      memory->write(offset, copy.data(), copy.size());
    });
  }
}

void Platform::request_reset() {
  if (finished_) return;
  // The harts stop after their current instruction (the hart that asked is
  // inside its access now) and are reset from a method, when none runs.
  for (auto& hart : harts_) hart->hart().request_halt();
  reset_event_.notify(sc_core::SC_ZERO_TIME);
}

void Platform::reset_method() {
  ++resets_;
  reloading_ = true;
  for (const auto& reload : reloads_) reload();
  reloading_ = false;
  // Devices built on the register helper (the shipped ones, and users' own
  // that derive from RegisterTarget) come back to their reset state.
  for (Device& d : devices_)
    if (auto* target = dynamic_cast<models::RegisterTarget*>(d.module.get())) target->reset();
  if (htif_) htif_->reset();
  for (auto& hart : harts_) hart->debug_reset();
}

void Platform::load_elf(const elf::ElfImage& image) {
  // Every segment must lie in one memory; each memory then loads its own.
  for (const elf::ElfSegment& s : image.segments()) {
    uint64_t offset = 0;
    if (!memory_at(s.address, s.memory_size, offset))
      throw std::runtime_error(image.path() + ": segment at " + rvtlm::support::hex(s.address) +
                               " (" + rvtlm::support::hex(s.memory_size) +
                               " bytes) is outside every memory region");
  }
  // HTIF is an overlay at tohost: code there would read HTIF's registers.
  if (htif_) {
    const uint64_t tohost = *options_.tohost;
    const uint64_t size = htif_size_;
    if (const elf::ElfImage::Section* code = image.code_at(tohost, size))
      throw std::runtime_error(
          image.path() + ": HTIF's registers at tohost [" + rvtlm::support::hex(tohost) + ", " +
          rvtlm::support::hex(tohost + size - 1) + "] lie on code (section " + code->name +
          "); put tohost in a data section of its own (such as .tohost)");
  }
  // An ELF's own segments may share bytes (the zeroed tail of .data's load
  // image in flash and what follows it); only other loads count.
  const unsigned load = ++loads_;
  for (const elf::ElfSegment& s : image.segments())
    claim(image.path() + ": segment at " + rvtlm::support::hex(s.address), s.address, s.memory_size,
          load);
  for (const Device& d : devices_)
    if (auto* memory = dynamic_cast<models::Memory*>(d.module.get()))
      memory->load_elf(image, d.description->base);
  // The image must outlive the simulation for a platform reset to load it
  // again (the command line keeps its images until the end).
  if (!reloading_)
    reloads_.push_back([this, &image] {
      for (const Device& d : devices_)
        if (auto* memory = dynamic_cast<models::Memory*>(d.module.get()))
          memory->load_elf(image, d.description->base);
    });
}

uint64_t Platform::load_binary(const std::string& path, uint64_t address) {
  const uint64_t length = elf::InputFile(path).size();
  uint64_t offset = 0;
  models::Memory* memory = memory_at(address, length, offset);
  if (!memory)
    throw std::runtime_error(path + ": " + std::to_string(length) + " bytes at " +
                             rvtlm::support::hex(address) + " do not fit in a memory region");
  claim(path, address, length, ++loads_);
  if (!reloading_)
    reloads_.push_back([memory, path, offset] { memory->load_binary(path, offset); });
  return memory->load_binary(path, offset);
}

unsigned Platform::debug_read(uint64_t address, void* bytes, unsigned length) {
  return harts_.at(0)->debug_read(address, bytes, length);
}

unsigned Platform::debug_write(uint64_t address, const void* bytes, unsigned length) {
  return harts_.at(0)->debug_write(address, bytes, length);
}

void PlatformOptions::use_program(const elf::ElfImage& image) {
  entry = image.entry();
  tohost = image.symbol("tohost");
  fromhost = image.symbol("fromhost");
  if (!xlen) xlen = image.xlen();
}

void Platform::finish(int exit_code) {
  // The first request wins (the guest runtime tells the finisher and then
  // HTIF, for platforms that have only one of them).
  if (finished_) return;
  finished_ = true;
  exit_code_ = exit_code;
  // The hart that wrote the request stops after this instruction instead of
  // running on to the end of its quantum; the others do not run again.
  for (auto& hart : harts_) hart->hart().request_exit(exit_code);
  sc_core::sc_stop();
}

void Platform::trace(sc_core::sc_trace_file* file) {
  for (unsigned h = 0; h < harts(); ++h)
    for (unsigned l = 0; l < 4; ++l)
      sc_core::sc_trace(file, *hart_lines_[h].line[l], hart_lines_[h].line[l]->basename());
  for (auto& [source, signal] : sources_) sc_core::sc_trace(file, *signal, signal->basename());
  for (Device& d : devices_)
    if (d.type->trace) d.type->trace(file, *d.module);
}

}  // namespace rvtlm::platforms
