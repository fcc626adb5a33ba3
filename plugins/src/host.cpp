#include "rvtlm/plugins/host.h"

#include <dlfcn.h>

#include <cmath>
#include <cstring>
#include <deque>
#include <new>
#include <string>
#include <systemc>

#include "rvtlm/iss/disassembler.h"
#include "rvtlm/iss/hart.h"
#include "rvtlm/iss/instrumentation.h"
#include "rvtlm/tlm/hart_module.h"
#include "rvtlm/tlm/time_model.h"
#include "shipped.h"
#include "unit_time_model.h"

namespace rvtlm::plugins::detail {

class Adapter;

// SystemC time in picoseconds.
uint64_t picoseconds(const sc_core::sc_time& t) {
  const long double per_unit =
      static_cast<long double>(sc_core::sc_get_time_resolution().to_seconds()) * 1e12L;
  return static_cast<uint64_t>(static_cast<long double>(t.value()) * per_unit + 0.5L);
}

// Calls a plugin back every `period` of simulated time while anything else
// is left to simulate (so that it never keeps a finished simulation alive).
class Ticker : public sc_core::sc_module {
 public:
  Ticker(const sc_core::sc_module_name& name, const sc_core::sc_time& period,
         rvtlm_tick_cb callback, void* data)
      : sc_core::sc_module(name), period_(period), callback_(callback), data_(data) {
    SC_HAS_PROCESS(Ticker);
    SC_THREAD(run);
  }
  bool stopped = false;

 private:
  void run() {
    for (;;) {
      sc_core::wait(period_);
      if (stopped) return;
      callback_(picoseconds(sc_core::sc_time_stamp()), data_);
      if (!sc_core::sc_pending_activity()) return;
    }
  }
  sc_core::sc_time period_;
  rvtlm_tick_cb callback_;
  void* data_;
};

struct HostState {
  std::vector<std::unique_ptr<rvtlm_hart>> harts;
  std::vector<std::unique_ptr<rvtlm_plugin>> plugins;
  std::vector<std::unique_ptr<Ticker>> tickers;
  std::vector<void*> handles;  // dlopen handles, closed last
  bool finished = false;
};

}  // namespace rvtlm::plugins::detail

using rvtlm::plugins::detail::Adapter;
using rvtlm::plugins::detail::HostState;

// The opaque handles of rvtlm/plugin.h.
struct rvtlm_hart {
  unsigned index = 0;
  rvtlm::iss::Hart* hart = nullptr;
  rvtlm::tlm::HartModule* module = nullptr;
  std::unique_ptr<rvtlm::iss::Disassembler> disassembler;
  std::string time_owner;  // the plugin that controls its time
};

struct rvtlm_plugin {
  HostState* host = nullptr;
  std::string name;
  std::string error;
  void* context = nullptr;
  bool installing = true;
  std::vector<std::pair<rvtlm_block_cb, void*>> block_callbacks;
  std::vector<std::pair<rvtlm_trap_cb, void*>> trap_callbacks;
  std::vector<std::pair<rvtlm_privilege_cb, void*>> privilege_callbacks;
  std::vector<std::pair<rvtlm_hart_cb, void*>> start_callbacks;
  std::vector<std::pair<rvtlm_hart_cb, void*>> stop_callbacks;
  std::vector<std::pair<rvtlm_exit_cb, void*>> exit_callbacks;
  std::vector<std::unique_ptr<Adapter>> adapters;  // one per hart
  std::vector<rvtlm::plugins::detail::Ticker*> tickers;
};

struct rvtlm_block {
  rvtlm_plugin* plugin;
  rvtlm_hart* hart;
  rvtlm::iss::BlockInstrumentation* block;
  std::deque<std::string> text;  // disassembly handed out during the callback
};

namespace rvtlm::plugins::detail {

// A plugin's view of one hart, as the ISS's instrumenter.
class Adapter final : public iss::Instrumenter {
 public:
  Adapter(rvtlm_plugin& plugin, rvtlm_hart& hart) : plugin_(plugin), hart_(hart) {}

  void instrument(iss::BlockInstrumentation& block) override {
    if (plugin_.block_callbacks.empty()) return;
    rvtlm_block b{&plugin_, &hart_, &block, {}};
    for (const auto& [callback, data] : plugin_.block_callbacks) callback(&b, data);
  }
  void trap_taken(iss::Hart&, const iss::TrapEvent& t) override {
    rvtlm_trap_info info{};
    info.cause = t.cause;
    info.tval = t.tval;
    info.epc = t.epc;
    info.handler = t.handler;
    info.retired = t.retired;
    info.interrupt = t.interrupt ? 1 : 0;
    info.from_privilege = t.from_privilege;
    info.to_privilege = t.to_privilege;
    for (const auto& [callback, data] : plugin_.trap_callbacks) callback(&hart_, &info, data);
  }
  void privilege_changed(iss::Hart&, unsigned from, unsigned to) override {
    for (const auto& [callback, data] : plugin_.privilege_callbacks)
      callback(&hart_, from, to, data);
  }
  void hart_started(iss::Hart&) override {
    for (const auto& [callback, data] : plugin_.start_callbacks) callback(&hart_, data);
  }
  void hart_stopped(iss::Hart&, iss::StopReason) override {
    for (const auto& [callback, data] : plugin_.stop_callbacks) callback(&hart_, data);
  }
  rvtlm_hart& hart() { return hart_; }

 private:
  rvtlm_plugin& plugin_;
  rvtlm_hart& hart_;
};

namespace {

// ---- execution callbacks: from the ISS's signatures to the C ones ------------------

struct ExecThunk {
  rvtlm_exec_cb callback;
  void* data;
  rvtlm_hart* hart;
};
struct AfterThunk {
  rvtlm_after_cb callback;
  void* data;
  rvtlm_hart* hart;
};
struct MemoryThunk {
  rvtlm_mem_cb callback;
  void* data;
  rvtlm_hart* hart;
};

void run_exec(iss::Hart&, uint64_t pc, void* p) {
  const auto* t = static_cast<const ExecThunk*>(p);
  t->callback(t->hart, pc, t->data);
}
void run_after(iss::Hart&, uint64_t pc, uint64_t next, void* p) {
  const auto* t = static_cast<const AfterThunk*>(p);
  t->callback(t->hart, pc, next, t->data);
}
void run_memory(iss::Hart&, uint64_t pc, const iss::MemoryAccess& a, void* p) {
  const auto* t = static_cast<const MemoryThunk*>(p);
  rvtlm_mem_access access{a.vaddr, a.paddr, a.size,
                          (a.load ? RVTLM_MEM_LOAD : 0u) | (a.store ? RVTLM_MEM_STORE : 0u) |
                              (a.device ? RVTLM_MEM_DEVICE : 0u)};
  t->callback(t->hart, pc, &access, t->data);
}

template <typename Thunk, typename Callback>
Thunk* thunk(rvtlm_block* b, Callback callback, void* data) {
  return new (b->block->allocate(sizeof(Thunk))) Thunk{callback, data, b->hart};
}

bool valid(const rvtlm_block* b, size_t i) { return b && i < b->block->size(); }

int fail(rvtlm_plugin* p, const std::string& message) {
  p->error = message;
  return -1;
}

// ---- the function table ---------------------------------------------------------

const char* plugin_name(const rvtlm_plugin* p) { return p->name.c_str(); }
void set_error(rvtlm_plugin* p, const char* message) { p->error = message ? message : ""; }
unsigned harts(const rvtlm_plugin* p) { return static_cast<unsigned>(p->host->harts.size()); }
rvtlm_hart* hart(rvtlm_plugin* p, unsigned index) {
  return index < p->host->harts.size() ? p->host->harts[index].get() : nullptr;
}
uint64_t time_ps(const rvtlm_plugin*) { return picoseconds(sc_core::sc_time_stamp()); }
void* context(const rvtlm_plugin* p) { return p->context; }

void on_block(rvtlm_plugin* p, rvtlm_block_cb cb, void* data) {
  if (p->installing && cb) p->block_callbacks.emplace_back(cb, data);
}
void on_trap(rvtlm_plugin* p, rvtlm_trap_cb cb, void* data) {
  if (p->installing && cb) p->trap_callbacks.emplace_back(cb, data);
}
void on_privilege_change(rvtlm_plugin* p, rvtlm_privilege_cb cb, void* data) {
  if (p->installing && cb) p->privilege_callbacks.emplace_back(cb, data);
}
void on_hart_start(rvtlm_plugin* p, rvtlm_hart_cb cb, void* data) {
  if (p->installing && cb) p->start_callbacks.emplace_back(cb, data);
}
void on_hart_stop(rvtlm_plugin* p, rvtlm_hart_cb cb, void* data) {
  if (p->installing && cb) p->stop_callbacks.emplace_back(cb, data);
}
void on_exit(rvtlm_plugin* p, rvtlm_exit_cb cb, void* data) {
  if (p->installing && cb) p->exit_callbacks.emplace_back(cb, data);
}

int every(rvtlm_plugin* p, uint64_t period_ps, rvtlm_tick_cb cb, void* data) {
  if (!p->installing) return fail(p, "every() is only available during install");
  if (!cb || period_ps == 0) return fail(p, "every() needs a callback and a period above zero");
  const sc_core::sc_status status = sc_core::sc_get_status();
  if (status != sc_core::SC_ELABORATION && status != sc_core::SC_BEFORE_END_OF_ELABORATION)
    return fail(p, "every() needs the plugin to be installed before the simulation starts");
  const sc_core::sc_time period(static_cast<double>(period_ps), sc_core::SC_PS);
  if (period == sc_core::SC_ZERO_TIME)
    return fail(p, "every(): the period is below SystemC's time resolution");
  const std::string name = "rvtlm_plugin_tick_" + std::to_string(p->host->tickers.size());
  p->host->tickers.push_back(std::make_unique<Ticker>(name.c_str(), period, cb, data));
  p->tickers.push_back(p->host->tickers.back().get());
  return 0;
}

int control_time(rvtlm_plugin* p, unsigned index, double seconds_per_insn,
                 double seconds_per_unit) {
  if (!p->installing) return fail(p, "control_time() is only available during install");
  if (index >= p->host->harts.size())
    return fail(p, "control_time(): no hart " + std::to_string(index) + " (there are " +
                       std::to_string(p->host->harts.size()) + ")");
  rvtlm_hart& h = *p->host->harts[index];
  if (!h.module)
    return fail(p, "control_time(): hart " + std::to_string(index) +
                       " is not a SystemC hart; its time is not simulated");
  if (!h.time_owner.empty() && h.time_owner != p->name)
    return fail(p, "hart " + std::to_string(index) + "'s time is already controlled by plugin " +
                       h.time_owner);
  if (!std::isfinite(seconds_per_insn) || !std::isfinite(seconds_per_unit) || seconds_per_unit < 0)
    return fail(p, "control_time(): times must be finite, and a unit's not negative");
  if (seconds_per_insn == 0 && !(seconds_per_unit > 0) && !h.module->charge_model())
    return fail(p, "control_time(): instructions that take no time need charged units that do");
  try {
    if (seconds_per_insn == 0) {
      h.module->set_time_model(std::make_shared<tlm::NoInstructionTimeModel>());
    } else if (seconds_per_insn > 0) {
      h.module->set_time_model(std::make_shared<tlm::FrequencyTimeModel>(1.0 / seconds_per_insn));
    }
    if (seconds_per_unit > 0)
      h.module->set_charge_model(std::make_shared<UnitTimeModel>(seconds_per_unit));
  } catch (const std::exception& e) {
    return fail(p, e.what());
  }
  h.time_owner = p->name;
  return 0;
}

unsigned block_hart(const rvtlm_block* b) { return b->hart->index; }
uint64_t block_pc(const rvtlm_block* b) { return b->block->pc(); }
uint64_t block_physical_pc(const rvtlm_block* b) { return b->block->physical_pc(); }
unsigned block_privilege(const rvtlm_block* b) { return b->block->privilege(); }
size_t block_size(const rvtlm_block* b) { return b->block->size(); }
uint64_t insn_pc(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? b->block->instruction(i).pc : 0;
}
uint32_t insn_bits(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? b->block->instruction(i).bits : 0;
}
unsigned insn_size(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? b->block->instruction(i).size : 0;
}
unsigned insn_class(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? static_cast<unsigned>(b->block->instruction(i).insn_class)
                     : static_cast<unsigned>(RVTLM_INSN_ILLEGAL);
}
unsigned insn_memory_size(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? b->block->instruction(i).memory_size : 0;
}
const char* insn_mnemonic(const rvtlm_block* b, size_t i) {
  return valid(b, i) ? b->block->instruction(i).mnemonic : "";
}
const char* insn_disassembly(rvtlm_block* b, size_t i) {
  if (!valid(b, i)) return "";
  const iss::DecodedInstruction& d = b->block->instruction(i);
  if (!b->hart->disassembler) {
    b->hart->disassembler = std::make_unique<iss::Disassembler>(
        b->hart->hart->config().isa.bits() == 32 ? iss::Xlen::Rv32 : iss::Xlen::Rv64);
  }
  return b->text.emplace_back((*b->hart->disassembler)(d.bits, d.pc)).c_str();
}
void* block_alloc(rvtlm_block* b, size_t bytes) { return b->block->allocate(bytes); }

void block_exec_cb(rvtlm_block* b, rvtlm_exec_cb cb, void* data) {
  if (cb) b->block->on_entry(&run_exec, thunk<ExecThunk>(b, cb, data));
}
void block_inline_add(rvtlm_block* b, uint64_t* counter, uint64_t value) {
  if (counter) b->block->add_on_entry(counter, value);
}
void insn_exec_cb(rvtlm_block* b, size_t i, rvtlm_exec_cb cb, void* data) {
  if (cb && valid(b, i)) b->block->on_execute(i, &run_exec, thunk<ExecThunk>(b, cb, data));
}
void insn_inline_add(rvtlm_block* b, size_t i, uint64_t* counter, uint64_t value) {
  if (counter && valid(b, i)) b->block->add_on_execute(i, counter, value);
}
void insn_after_cb(rvtlm_block* b, size_t i, rvtlm_after_cb cb, void* data) {
  if (cb && valid(b, i)) b->block->after_execute(i, &run_after, thunk<AfterThunk>(b, cb, data));
}
void insn_mem_cb(rvtlm_block* b, size_t i, rvtlm_mem_cb cb, void* data) {
  if (cb && valid(b, i)) b->block->on_memory(i, &run_memory, thunk<MemoryThunk>(b, cb, data));
}
void insn_charge(rvtlm_block* b, size_t i, uint64_t units) {
  if (valid(b, i)) b->block->charge(i, units);
}

unsigned hart_index(const rvtlm_hart* h) { return h->index; }
uint64_t hart_pc(const rvtlm_hart* h) { return h->hart->pc(); }
uint64_t hart_retired(const rvtlm_hart* h) { return h->hart->retired(); }
unsigned hart_privilege(const rvtlm_hart* h) { return h->hart->privilege(); }
unsigned hart_xlen(const rvtlm_hart* h) { return h->hart->config().isa.bits(); }
uint64_t hart_reg(const rvtlm_hart* h, unsigned index) { return h->hart->reg(index); }
uint64_t hart_freg(const rvtlm_hart* h, unsigned index) { return h->hart->freg(index); }
int hart_read_csr(rvtlm_hart* h, unsigned number, uint64_t* value) {
  uint64_t v = 0;
  if (number > 0xfff || !h->hart->read_csr(static_cast<uint16_t>(number), v)) return 0;
  if (value) *value = v;
  return 1;
}
int hart_read_memory(rvtlm_hart* h, uint64_t vaddr, void* buffer, size_t size) {
  if (size > 0xffffffffu) return 0;
  return h->hart->debug_read(vaddr, buffer, static_cast<unsigned>(size)) ? 1 : 0;
}
void hart_charge(rvtlm_hart* h, uint64_t units) { h->hart->charge(units); }
uint64_t hart_charged(const rvtlm_hart* h) { return h->hart->charged(); }
void hart_set_reg(rvtlm_hart* h, unsigned index, uint64_t value) { h->hart->set_reg(index, value); }
void hart_set_freg(rvtlm_hart* h, unsigned index, uint64_t value) {
  h->hart->set_freg(index, value);
}
int hart_write_memory(rvtlm_hart* h, uint64_t vaddr, const void* buffer, size_t size) {
  if (size > 0xffffffffu) return 0;
  return h->hart->debug_write(vaddr, buffer, static_cast<unsigned>(size)) ? 1 : 0;
}
uint64_t hart_time_ps(const rvtlm_hart* h) {
  return h->module ? picoseconds(h->module->time_after(h->hart->retired())) : 0;
}

const rvtlm_api* api() {
  static const rvtlm_api table = {
      RVTLM_PLUGIN_API_VERSION,
      sizeof(rvtlm_api),
      &plugin_name,
      &set_error,
      &harts,
      &hart,
      &time_ps,
      &context,
      &on_block,
      &on_trap,
      &on_privilege_change,
      &on_hart_start,
      &on_hart_stop,
      &on_exit,
      &every,
      &control_time,
      &block_hart,
      &block_pc,
      &block_physical_pc,
      &block_privilege,
      &block_size,
      &insn_pc,
      &insn_bits,
      &insn_size,
      &insn_class,
      &insn_memory_size,
      &insn_mnemonic,
      &insn_disassembly,
      &block_alloc,
      &block_exec_cb,
      &block_inline_add,
      &insn_exec_cb,
      &insn_inline_add,
      &insn_after_cb,
      &insn_mem_cb,
      &insn_charge,
      &hart_index,
      &hart_pc,
      &hart_retired,
      &hart_privilege,
      &hart_xlen,
      &hart_reg,
      &hart_freg,
      &hart_read_csr,
      &hart_read_memory,
      &hart_charge,
      &hart_charged,
      &hart_time_ps,
      &hart_set_reg,
      &hart_set_freg,
      &hart_write_memory,
  };
  return &table;
}

struct Shipped {
  const char* name;
  rvtlm_plugin_install_fn install;
};
const Shipped kShipped[] = {
    {"cost-model", &shipped::install_cost_model},
    {"insn-stats", &shipped::install_insn_stats},
    {"ips", &shipped::install_ips},
    {"trace", &shipped::install_trace},
};

std::string shipped_list() {
  std::string out;
  for (const Shipped& s : kShipped) out += std::string(out.empty() ? "" : ", ") + s.name;
  return out;
}

// "dir/libfoo.so" -> "foo".
std::string name_of_path(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (name.compare(0, 3, "lib") == 0 && name.size() > 3) name = name.substr(3);
  const size_t dot = name.find(".so");
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace
}  // namespace rvtlm::plugins::detail

namespace rvtlm::plugins {

struct PluginHost::Impl : detail::HostState {
  void install(const std::string& name, rvtlm_plugin_install_fn fn, const PluginArgs& args,
               const std::string& where, void* context);
  void detach();
};

PluginSpec parse_plugin_spec(const std::string& text) {
  PluginSpec spec;
  size_t start = 0;
  bool first = true;
  for (;;) {
    const size_t comma = text.find(',', start);
    const std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (first) {
      if (part.empty()) throw PluginError("no plugin named (expected NAME-or-PATH[,key=value...])");
      spec.plugin = part;
      first = false;
    } else {
      const size_t equals = part.find('=');
      if (equals == std::string::npos || equals == 0)
        throw PluginError("argument '" + part + "' is not key=value");
      spec.args.emplace_back(part.substr(0, equals), part.substr(equals + 1));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return spec;
}

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}

PluginHost::~PluginHost() {
  impl_->detach();
  impl_->plugins.clear();
  for (void* handle : impl_->handles) dlclose(handle);
}

void PluginHost::add_hart(tlm::HartModule& module) {
  add_hart(module.hart());
  impl_->harts.back()->module = &module;
}

void PluginHost::add_hart(iss::Hart& hart) {
  auto h = std::make_unique<rvtlm_hart>();
  h->index = static_cast<unsigned>(impl_->harts.size());
  h->hart = &hart;
  impl_->harts.push_back(std::move(h));
}

void PluginHost::load(const std::string& text, const std::string& origin) {
  const std::string where = origin.empty() ? text : origin + " " + text;
  PluginSpec spec;
  try {
    spec = parse_plugin_spec(text);
  } catch (const PluginError& e) {
    throw PluginError(where + ": " + e.what());
  }
  if (spec.plugin.find('/') == std::string::npos) {
    for (const detail::Shipped& s : detail::kShipped) {
      if (spec.plugin == s.name) {
        impl_->install(spec.plugin, s.install, spec.args, where, nullptr);
        return;
      }
    }
    throw PluginError(where + ": no plugin named '" + spec.plugin +
                      "' (shipped: " + detail::shipped_list() + "; a path such as ./" +
                      spec.plugin + ".so loads your own)");
  }
  void* handle = dlopen(spec.plugin.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw PluginError(where + ": cannot load it: " + (why ? why : "unknown error"));
  }
  const auto* version = static_cast<const uint32_t*>(dlsym(handle, RVTLM_PLUGIN_VERSION_SYMBOL));
  void* install = dlsym(handle, RVTLM_PLUGIN_INSTALL_SYMBOL);
  if (!version || !install) {
    dlclose(handle);
    throw PluginError(where + ": not an rvtlm plugin (it must export " +
                      RVTLM_PLUGIN_VERSION_SYMBOL + " and " + RVTLM_PLUGIN_INSTALL_SYMBOL +
                      ", see rvtlm/plugin.h)");
  }
  if (*version == 0 || *version > RVTLM_PLUGIN_API_VERSION) {
    const uint32_t built_for = *version;
    dlclose(handle);
    throw PluginError(where + ": built for plugin API version " + std::to_string(built_for) +
                      ", but this rvtlm implements version " +
                      std::to_string(RVTLM_PLUGIN_API_VERSION) +
                      "; rebuild it with this rvtlm's rvtlm/plugin.h");
  }
  // The code stays loaded to the end: failed installs may have left
  // callbacks behind.
  impl_->handles.push_back(handle);
  rvtlm_plugin_install_fn fn;
  static_assert(sizeof(fn) == sizeof(install), "function and data pointers differ");
  std::memcpy(&fn, &install, sizeof fn);
  impl_->install(detail::name_of_path(spec.plugin), fn, spec.args, where, nullptr);
}

void PluginHost::install(const std::string& name, rvtlm_plugin_install_fn fn,
                         const PluginArgs& args, void* context, const std::string& origin) {
  const std::string where = origin.empty() ? name : origin + " " + name;
  if (!fn) throw PluginError(where + ": no install function");
  impl_->install(name, fn, args, where, context);
}

void PluginHost::Impl::install(const std::string& name, rvtlm_plugin_install_fn fn,
                               const PluginArgs& args, const std::string& where, void* context) {
  if (finished) throw PluginError(where + ": the run has ended");
  auto plugin = std::make_unique<rvtlm_plugin>();
  plugin->host = this;
  plugin->name = name;
  plugin->context = context;
  std::vector<rvtlm_arg> argv;
  for (const auto& [key, value] : args) argv.push_back({key.c_str(), value.c_str()});
  const int status = fn(detail::api(), plugin.get(), static_cast<int>(argv.size()),
                        argv.empty() ? nullptr : argv.data());
  plugin->installing = false;
  if (status != 0) {
    for (detail::Ticker* t : plugin->tickers) t->stopped = true;
    throw PluginError(where + ": " +
                      (plugin->error.empty() ? std::string("install failed") : plugin->error));
  }
  const bool instruments = !plugin->block_callbacks.empty() || !plugin->trap_callbacks.empty() ||
                           !plugin->privilege_callbacks.empty() ||
                           !plugin->start_callbacks.empty() || !plugin->stop_callbacks.empty();
  if (instruments) {
    for (const auto& h : harts) {
      plugin->adapters.push_back(std::make_unique<detail::Adapter>(*plugin, *h));
      h->hart->add_instrumenter(*plugin->adapters.back());
    }
  }
  plugins.push_back(std::move(plugin));
}

void PluginHost::Impl::detach() {
  for (const auto& p : plugins) {
    for (const auto& a : p->adapters) a->hart().hart->remove_instrumenter(*a);
    p->adapters.clear();
  }
  for (const auto& t : tickers) t->stopped = true;
}

void PluginHost::finish() {
  if (impl_->finished) return;
  impl_->finished = true;
  impl_->detach();
  for (const auto& p : impl_->plugins)
    for (const auto& [callback, data] : p->exit_callbacks) callback(data);
}

std::vector<std::string> PluginHost::loaded() const {
  std::vector<std::string> names;
  for (const auto& p : impl_->plugins) names.push_back(p->name);
  return names;
}

std::vector<std::string> PluginHost::shipped() {
  std::vector<std::string> names;
  for (const detail::Shipped& s : detail::kShipped) names.emplace_back(s.name);
  return names;
}

}  // namespace rvtlm::plugins
