#include "rvtlm/platforms/device_registry.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdio>

#include "rvtlm/models/aclint.h"
#include "rvtlm/models/gpio.h"
#include "rvtlm/models/memory.h"
#include "rvtlm/models/plic.h"
#include "rvtlm/models/test_finisher.h"
#include "rvtlm/models/uart16550.h"
#include "rvtlm/models/uart_backend.h"
#include "rvtlm/platforms/device_library.h"
#include "rvtlm/platforms/platform.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::platforms {

std::string DeviceTreeContext::node_name(const std::string& prefix) const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "@%llx", static_cast<unsigned long long>(device.base));
  return prefix + buf;
}

void DeviceTreeContext::begin_node(const std::string& prefix,
                                   std::initializer_list<std::string> compatible) const {
  tree.begin_node(node_name(prefix));
  tree.property("compatible", compatible);
  tree.property_reg(device.base, device.size);
}

void DeviceTreeContext::write_interrupts() const {
  if (device.interrupts.empty() || interrupt_parent == 0) return;
  tree.property_u32("interrupt-parent", interrupt_parent);
  tree.property_cells("interrupts",
                      std::vector<uint32_t>(device.interrupts.begin(), device.interrupts.end()));
}

void DeviceRegistry::add(const std::string& type, DeviceType device_type) {
  types_[type] = std::move(device_type);
}

void DeviceRegistry::load(const std::string& path) {
  // RTLD_LOCAL: two libraries may define the same helper names. The
  // library's own references to rvtlm resolve to the loading program's.
  // Never closed (see the header).
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw DescriptionError(path +
                           ": cannot load the device library: " + (why ? why : "unknown error"));
  }
  using AbiFunction = unsigned (*)();
  using RegisterFunction = void (*)(DeviceRegistry&);
  const auto abi = reinterpret_cast<AbiFunction>(::dlsym(handle, "rvtlm_device_library_abi"));
  const auto add_types =
      reinterpret_cast<RegisterFunction>(::dlsym(handle, "rvtlm_register_devices"));
  if (!abi || !add_types)
    throw DescriptionError(path + ": not an rvtlm device library (no RVTLM_DEVICE_LIBRARY)");
  if (abi() != RVTLM_DEVICE_LIBRARY_ABI)
    throw DescriptionError(path + ": built for device-library ABI " + std::to_string(abi()) +
                           ", this rvtlm has " + std::to_string(RVTLM_DEVICE_LIBRARY_ABI) +
                           "; rebuild it against this rvtlm");
  add_types(*this);
  libraries_.push_back(path);
}

const DeviceType* DeviceRegistry::find(const std::string& type) const {
  auto it = types_.find(type);
  return it == types_.end() ? nullptr : &it->second;
}

std::vector<std::string> DeviceRegistry::types() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : types_) names.push_back(name);
  return names;
}

namespace {

using rvtlm::support::hex;

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// "uart16550 takes: reg_shift, ..." or "uart16550 takes no properties".
std::string takes(const std::string& type, const DeviceType& t) {
  std::vector<std::string> names;
  for (const DeviceProperty& p : t.properties) names.push_back(p.name);
  return names.empty() ? type + " takes no properties" : type + " takes: " + joined(names);
}

void check_property(const DeviceDescription& d, const DeviceProperty& p) {
  switch (p.kind) {
    case DeviceProperty::Kind::Flag:
      d.flag(p.name, false);
      break;
    case DeviceProperty::Kind::Text:
      d.text(p.name, "");
      break;
    case DeviceProperty::Kind::Number: {
      const nlohmann::json& value = d.properties.at(p.name);
      if (value.is_number_float() && value.get<double>() > 0)
        throw d.error(p.name, value.dump() + " is not a whole number from " +
                                  std::to_string(p.min) + " to " + std::to_string(p.max));
      const uint64_t v = d.number(p.name, 0);
      if (v < p.min || v > p.max)
        throw d.error(p.name, std::to_string(v) + " is outside " + std::to_string(p.min) + " to " +
                                  std::to_string(p.max));
      break;
    }
    case DeviceProperty::Kind::Any:
      break;
  }
}

}  // namespace

void DeviceRegistry::check(const PlatformDescription& description) const {
  bool has_interrupt_controller = false;
  for (const DeviceDescription& d : description.devices) {
    const DeviceType* t = find(d.type);
    if (!t) {
      const std::string near = closest_word(d.type, types());
      throw d.error("type", "unknown type \"" + d.type + "\"" +
                                (near.empty() ? "" : "; did you mean \"" + near + "\"?") +
                                " (types: " + joined(types()) + "; a device library may add more)");
    }
    if (t->interrupt_controller) has_interrupt_controller = true;
  }
  for (const DeviceDescription& d : description.devices) {
    const DeviceType& t = *find(d.type);
    for (const auto& [key, value] : d.properties.items()) {
      const auto p = std::find_if(t.properties.begin(), t.properties.end(),
                                  [&key = key](const DeviceProperty& q) { return q.name == key; });
      if (p != t.properties.end()) {
        check_property(d, *p);
        continue;
      }
      std::vector<std::string> names;
      for (const DeviceProperty& q : t.properties) names.push_back(q.name);
      const std::string near = closest_word(key, names);
      throw d.error(key, "not a property of " + d.type +
                             (near.empty() ? "" : "; did you mean \"" + near + "\"?") + " (" +
                             takes(d.type, t) + ")");
    }
    if (d.interrupts.size() > t.interrupt_outputs)
      throw d.error("interrupts", "a " + d.type + " has " + std::to_string(t.interrupt_outputs) +
                                      " interrupt output(s), not " +
                                      std::to_string(d.interrupts.size()));
    if (!d.interrupts.empty() && !has_interrupt_controller)
      throw d.error("interrupts",
                    "the board has no interrupt controller to take them; add a plic device or "
                    "remove \"interrupts\"");
    if (t.registers_size) {
      const uint64_t need = t.registers_size(d, description);
      if (d.size < need)
        throw d.error("size", hex(d.size) + " bytes, but the " + d.type + "'s registers need " +
                                  hex(need) + "; give \"size\": \"" + hex(need) + "\" or more");
    }
  }
  if (!description.console.empty()) {
    const DeviceDescription* console = description.find(description.console);
    if (console && !find(console->type)->console)
      throw description.error("/console", "\"" + console->name + "\" is a " + console->type +
                                              ", not a UART; name a uart16550 device");
  }
}

namespace {

// A latency of a second per access is already far beyond any memory.
constexpr uint64_t kMaxLatencyNs = 1'000'000'000;

// Local hart interrupt numbers in the device tree: the mip bits.
constexpr uint32_t cell(iss::Interrupt line) { return static_cast<uint32_t>(line); }
constexpr uint32_t kMachineSoftware = cell(iss::Interrupt::MachineSoftware);
constexpr uint32_t kMachineTimer = cell(iss::Interrupt::MachineTimer);

DeviceType memory_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    const DeviceDescription& d = ctx.device();
    models::MemoryConfig c;
    c.size = d.size;
    c.read_only = d.flag("read_only", false);
    c.dmi = ctx.platform().options().dmi;
    c.read_latency =
        sc_core::sc_time(static_cast<double>(d.number("read_latency_ns", 0)), sc_core::SC_NS);
    c.write_latency =
        sc_core::sc_time(static_cast<double>(d.number("write_latency_ns", 0)), sc_core::SC_NS);
    auto m = std::make_unique<models::Memory>(d.name.c_str(), c);
    ctx.map(m->socket);
    return m;
  };
  // RAM is a /memory node (the platform writes those); a read-only memory
  // is a memory-mapped flash or ROM on the bus (Linux's "mtd-rom").
  t.device_tree = [](const DeviceTreeContext& ctx) {
    if (!ctx.device.flag("read_only", false)) return;
    ctx.begin_node("flash", {"mtd-rom"});
    ctx.tree.property_u32("bank-width", 4);
    ctx.tree.end_node();
  };
  t.properties = {{"read_only", DeviceProperty::Kind::Flag},
                  {"read_latency_ns", DeviceProperty::Kind::Number, 0, kMaxLatencyNs},
                  {"write_latency_ns", DeviceProperty::Kind::Number, 0, kMaxLatencyNs}};
  return t;
}

DeviceType uart_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    const DeviceDescription& d = ctx.device();
    models::Uart16550Config c;
    c.reg_shift = static_cast<unsigned>(d.number("reg_shift", 0));
    c.reg_io_width = static_cast<unsigned>(d.number("reg_io_width", 1));
    c.clock_hz = d.number("clock_frequency", c.clock_hz);
    auto u = std::make_unique<models::Uart16550>(d.name.c_str(), c);
    const bool console = d.name == ctx.description().console;
    u->set_backend(models::make_uart_backend(console ? ctx.platform().options().console
                                                     : d.text("backend", "null")));
    ctx.map(u->socket);
    if (!d.interrupts.empty()) u->irq.bind(ctx.interrupt(0));
    return u;
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    const DeviceDescription& d = ctx.device;
    ctx.begin_node("serial", {"ns16550a"});
    ctx.tree.property_u32("clock-frequency",
                          static_cast<uint32_t>(d.number("clock_frequency", 3686400)));
    if (const uint64_t shift = d.number("reg_shift", 0))
      ctx.tree.property_u32("reg-shift", static_cast<uint32_t>(shift));
    if (const uint64_t width = d.number("reg_io_width", 1); width != 1)
      ctx.tree.property_u32("reg-io-width", static_cast<uint32_t>(width));
    ctx.write_interrupts();
    ctx.tree.end_node();
  };
  t.trace = [](sc_core::sc_trace_file* file, sc_core::sc_module& m) {
    auto& u = static_cast<models::Uart16550&>(m);
    sc_core::sc_trace(file, u.tx_byte, std::string(u.basename()) + "_tx");
    sc_core::sc_trace(file, u.tx_count, std::string(u.basename()) + "_tx_count");
  };
  t.properties = {{"reg_shift", DeviceProperty::Kind::Number, 0, 16},
                  {"reg_io_width", DeviceProperty::Kind::Number, 1, 4},
                  {"clock_frequency", DeviceProperty::Kind::Number, 1, 0xffffffff},
                  {"backend", DeviceProperty::Kind::Text}};
  t.interrupt_outputs = 1;
  t.registers_size = [](const DeviceDescription& d, const PlatformDescription&) {
    return uint64_t{8} << d.number("reg_shift", 0);
  };
  t.console = true;
  return t;
}

DeviceType aclint_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    const DeviceDescription& d = ctx.device();
    models::AclintConfig c;
    c.harts = ctx.harts();
    c.frequency_hz = d.number("frequency", c.frequency_hz);
    auto a = std::make_unique<models::Aclint>(d.name.c_str(), c);
    ctx.map(a->socket);
    for (unsigned h = 0; h < ctx.harts(); ++h) {
      a->msip[h].bind(ctx.hart_line(h, iss::Interrupt::MachineSoftware));
      a->mtip[h].bind(ctx.hart_line(h, iss::Interrupt::MachineTimer));
    }
    return a;
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    ctx.begin_node("clint", {"sifive,clint0", "riscv,clint0"});
    std::vector<uint32_t> cells;
    for (uint32_t intc : ctx.cpu_interrupt_controllers)
      cells.insert(cells.end(), {intc, kMachineSoftware, intc, kMachineTimer});
    ctx.tree.property_cells("interrupts-extended", cells);
    ctx.tree.end_node();
  };
  // The device tree's timebase-frequency is one cell.
  t.properties = {{"frequency", DeviceProperty::Kind::Number, 1, 0xffffffff}};
  t.registers_size = [](const DeviceDescription&, const PlatformDescription&) {
    return models::Aclint::kSize;
  };
  return t;
}

DeviceType plic_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    const DeviceDescription& d = ctx.device();
    models::PlicConfig c;
    c.sources = static_cast<unsigned>(d.number("sources", c.sources));
    c.priority_bits = static_cast<unsigned>(d.number("priority_bits", c.priority_bits));
    const auto contexts = ctx.contexts();
    c.contexts = static_cast<unsigned>(contexts.size());
    auto p = std::make_unique<models::Plic>(d.name.c_str(), c);
    ctx.map(p->socket);
    for (unsigned i = 0; i < contexts.size(); ++i)
      p->eip[i].bind(ctx.hart_line(contexts[i].first, contexts[i].second));
    return p;
  };
  t.connect = [](DeviceContext& ctx, sc_core::sc_module& m) {
    auto& p = static_cast<models::Plic&>(m);
    for (const DeviceDescription& other : ctx.description().devices)
      for (unsigned s : other.interrupts)
        if (s > p.sources())
          throw other.error("interrupts",
                            "source " + std::to_string(s) + " is more than " + ctx.device().name +
                                "'s " + std::to_string(p.sources()) +
                                " sources; raise its \"sources\" or choose a lower number");
    for (unsigned s = 1; s <= p.sources(); ++s)
      if (sc_core::sc_signal<bool>* line = ctx.source(s)) p.irq[s].bind(*line);
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    ctx.begin_node("plic", {"sifive,plic-1.0.0", "riscv,plic0"});
    ctx.tree.property_u32("#address-cells", 0);
    ctx.tree.property_u32("#interrupt-cells", 1);
    ctx.tree.property("interrupt-controller");
    ctx.tree.property_u32("riscv,ndev", static_cast<uint32_t>(ctx.device.number("sources", 31)));
    std::vector<uint32_t> cells;
    for (const auto& [hart, line] : ctx.contexts)
      cells.insert(cells.end(), {ctx.cpu_interrupt_controllers.at(hart), cell(line)});
    ctx.tree.property_cells("interrupts-extended", cells);
    if (ctx.own_phandle) ctx.tree.property_u32("phandle", ctx.own_phandle);
    ctx.tree.end_node();
  };
  t.properties = {{"sources", DeviceProperty::Kind::Number, 1, 1023},
                  {"priority_bits", DeviceProperty::Kind::Number, 1, 32}};
  t.registers_size = [](const DeviceDescription&, const PlatformDescription& p) {
    return models::Plic::kContextBase +
           models::Plic::kContextStride * p.harts * p.hart_contexts.size();
  };
  t.interrupt_controller = true;
  return t;
}

DeviceType finisher_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    auto f = std::make_unique<models::TestFinisher>(ctx.device().name.c_str());
    Platform& platform = ctx.platform();
    f->on_exit = [&platform](int code) { platform.finish(code); };
    f->on_reset = [&platform] { platform.request_reset(); };
    ctx.map(f->socket);
    return f;
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    ctx.begin_node("test", {"sifive,test1", "sifive,test0", "syscon"});
    ctx.tree.end_node();
  };
  t.registers_size = [](const DeviceDescription&, const PlatformDescription&) {
    return uint64_t{4};
  };
  return t;
}

DeviceType gpio_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    const DeviceDescription& d = ctx.device();
    models::GpioConfig c;
    c.width = static_cast<unsigned>(d.number("width", c.width));
    auto g = std::make_unique<models::Gpio>(d.name.c_str(), c);
    ctx.map(g->socket);
    if (!d.interrupts.empty()) g->irq.bind(ctx.interrupt(0));
    return g;
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    ctx.begin_node("gpio", {"rvtlm,gpio"});
    ctx.tree.property("gpio-controller");
    ctx.tree.property_u32("#gpio-cells", 2);
    ctx.tree.property_u32("ngpios", static_cast<uint32_t>(ctx.device.number("width", 32)));
    ctx.write_interrupts();
    ctx.tree.end_node();
  };
  t.properties = {{"width", DeviceProperty::Kind::Number, 1, 32}};
  t.interrupt_outputs = 1;
  t.registers_size = [](const DeviceDescription&, const PlatformDescription&) {
    return uint64_t{0x30};
  };
  return t;
}

}  // namespace

DeviceRegistry DeviceRegistry::builtin() {
  DeviceRegistry r;
  r.add("memory", memory_type());
  r.add("uart16550", uart_type());
  r.add("aclint", aclint_type());
  r.add("plic", plic_type());
  r.add("test-finisher", finisher_type());
  r.add("gpio", gpio_type());
  return r;
}

}  // namespace rvtlm::platforms
