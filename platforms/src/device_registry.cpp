#include "rvtlm/platforms/device_registry.h"

#include <cstdio>

#include "rvtlm/models/aclint.h"
#include "rvtlm/models/gpio.h"
#include "rvtlm/models/memory.h"
#include "rvtlm/models/plic.h"
#include "rvtlm/models/test_finisher.h"
#include "rvtlm/models/uart16550.h"
#include "rvtlm/models/uart_backend.h"
#include "rvtlm/platforms/platform.h"

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

// Local hart interrupt numbers (privileged spec 3.1.9, mip).
constexpr uint32_t kMachineSoftware = 3;
constexpr uint32_t kMachineTimer = 7;
constexpr uint32_t kSupervisorExternal = 9;
constexpr uint32_t kMachineExternal = 11;

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
  };
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
      a->msip[h].bind(ctx.hart_line(h, HartLine::Msip));
      a->mtip[h].bind(ctx.hart_line(h, HartLine::Mtip));
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
          throw DescriptionError("device " + other.name + ": interrupt source " +
                                 std::to_string(s) + " exceeds " + ctx.device().name + "'s " +
                                 std::to_string(p.sources()) + " sources");
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
      cells.insert(cells.end(), {ctx.cpu_interrupt_controllers.at(hart),
                                 line == HartLine::Seip ? kSupervisorExternal : kMachineExternal});
    ctx.tree.property_cells("interrupts-extended", cells);
    if (ctx.own_phandle) ctx.tree.property_u32("phandle", ctx.own_phandle);
    ctx.tree.end_node();
  };
  return t;
}

DeviceType finisher_type() {
  DeviceType t;
  t.create = [](DeviceContext& ctx) {
    auto f = std::make_unique<models::TestFinisher>(ctx.device().name.c_str());
    Platform& platform = ctx.platform();
    f->on_exit = [&platform](int code) { platform.finish(code); };
    ctx.map(f->socket);
    return f;
  };
  t.device_tree = [](const DeviceTreeContext& ctx) {
    ctx.begin_node("test", {"sifive,test1", "sifive,test0", "syscon"});
    ctx.tree.end_node();
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
