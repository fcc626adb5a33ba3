// cost-model: the hart's time is the cycles of a simple core model at a
// given frequency: cycles per instruction class, extra cycles for a taken
// branch, and optional caches (L1 instruction, L1 data, a unified L2) and
// TLBs (instruction, data) whose misses add penalties.
//
//   --plugin cost-model[,config=FILE.json][,hz=F][,report=FILE.json][,file=PATH]
//
// The configuration (docs/PLUGINS.md) names cycles per class ("alu",
// "mul", "div", "load", "store", ..., "taken-branch"), "frequency", and
// "icache", "dcache", "l2" ({size, ways, line, miss}) and "itlb", "dtlb"
// ({entries, page, miss}), all LRU. Cycles may be fractional: they are
// charged in thousandths of a cycle. Class cycles are static costs of each
// instruction, exact at every MMIO access; misses and taken branches are
// charged by callbacks as they happen (taken branches are only detected
// when they cost cycles or report= asks for their count). At the end it
// prints the count of every event (and writes them as JSON to report=, for
// calibration).
#include <array>
#include <cinttypes>
#include <deque>
#include <fstream>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "common.h"

namespace rvtlm::plugins::shipped {
namespace {

using nlohmann::json;

constexpr double kUnitsPerCycle = 1000;

const char* const kClassNames[RVTLM_INSN_CLASS_COUNT] = {
    "alu",    "mul",    "div",    "load",   "store",   "atomic",   "branch",
    "jump",   "csr",    "system", "fence",  "fp-load", "fp-store", "fp-add",
    "fp-mul", "fp-fma", "fp-div", "fp-cvt", "illegal"};

// A set-associative cache (or, with one set, a fully associative TLB) of
// line (or page) addresses with LRU replacement.
class Lru {
 public:
  Lru() = default;
  Lru(uint64_t sets, unsigned ways, unsigned shift)
      : sets_(sets),
        ways_(ways),
        shift_(shift),
        tags_(sets * ways, ~uint64_t{0}),
        stamps_(sets * ways, 0) {}
  bool enabled() const { return sets_ != 0; }
  // True on a hit.
  bool access(uint64_t address) {
    ++accesses;
    const uint64_t tag = address >> shift_;
    const uint64_t base = (tag % sets_) * ways_;
    ++clock_;
    uint64_t victim = base;
    for (uint64_t w = base; w < base + ways_; ++w) {
      if (tags_[w] == tag) {
        stamps_[w] = clock_;
        return true;
      }
      if (stamps_[w] < stamps_[victim]) victim = w;
    }
    ++misses;
    tags_[victim] = tag;
    stamps_[victim] = clock_;
    return false;
  }
  unsigned shift() const { return shift_; }
  uint64_t accesses = 0;
  uint64_t misses = 0;

 private:
  uint64_t sets_ = 0;
  unsigned ways_ = 0;
  unsigned shift_ = 0;
  std::vector<uint64_t> tags_;
  std::vector<uint64_t> stamps_;
  uint64_t clock_ = 0;
};

struct LevelConfig {
  uint64_t size = 0;  // caches
  unsigned ways = 0;
  uint64_t line = 0;
  uint64_t entries = 0;  // TLBs
  uint64_t page = 0;
  double miss = 0;  // cycles
  bool present = false;
};

struct Config {
  double frequency = 1e9;
  double cycles[RVTLM_INSN_CLASS_COUNT];
  double taken_branch = 0;
  LevelConfig icache, dcache, l2, itlb, dtlb;
  Config() {
    for (double& c : cycles) c = 1;
  }
};

unsigned log2_exact(uint64_t v) {
  unsigned s = 0;
  while ((uint64_t{1} << s) < v) ++s;
  return s;
}
bool power_of_two(uint64_t v) { return v && !(v & (v - 1)); }

uint64_t size_value(const json& v, const std::string& where) {
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_string()) {
    const std::string t = v.get<std::string>();
    uint64_t scale = 1;
    std::string digits = t;
    if (!digits.empty() && (digits.back() == 'K' || digits.back() == 'k')) scale = 1024;
    if (!digits.empty() && (digits.back() == 'M' || digits.back() == 'm')) scale = 1024 * 1024;
    if (scale != 1) digits.pop_back();
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos)
      return std::stoull(digits) * scale;
  }
  throw std::runtime_error(where + ": expected a size such as 16384 or \"16K\"");
}

double cycles_value(const json& v, const std::string& where) {
  if (!v.is_number() || !(v.get<double>() >= 0) || !std::isfinite(v.get<double>()))
    throw std::runtime_error(where + ": expected a number of cycles (0 or more)");
  return v.get<double>();
}

LevelConfig level(const json& root, const char* key, bool tlb) {
  LevelConfig c;
  if (!root.contains(key)) return c;
  const json& o = root.at(key);
  const std::string where = std::string(key);
  if (!o.is_object()) throw std::runtime_error(where + ": expected an object");
  for (const auto& [k, v] : o.items()) {
    const bool known = tlb ? (k == "entries" || k == "page" || k == "miss")
                           : (k == "size" || k == "ways" || k == "line" || k == "miss");
    if (!known)
      throw std::runtime_error(where + ": unknown key \"" + k + "\" (" +
                               (tlb ? "entries, page, miss" : "size, ways, line, miss") + ")");
  }
  c.present = true;
  if (!o.contains("miss")) throw std::runtime_error(where + ": \"miss\" (cycles) is missing");
  c.miss = cycles_value(o.at("miss"), where + "/miss");
  if (tlb) {
    c.entries = o.contains("entries") ? size_value(o.at("entries"), where + "/entries") : 0;
    c.page = o.contains("page") ? size_value(o.at("page"), where + "/page") : 4096;
    if (c.entries == 0 || c.entries > 65536)
      throw std::runtime_error(where + "/entries: expected 1 to 65536 entries");
    if (!power_of_two(c.page) || c.page < 4096)
      throw std::runtime_error(where + "/page: expected a power of two of at least 4096");
  } else {
    c.size = o.contains("size") ? size_value(o.at("size"), where + "/size") : 0;
    c.line = o.contains("line") ? size_value(o.at("line"), where + "/line") : 64;
    c.ways =
        o.contains("ways") ? static_cast<unsigned>(size_value(o.at("ways"), where + "/ways")) : 1;
    if (!power_of_two(c.line) || c.line < 4 || c.line > 4096)
      throw std::runtime_error(where + "/line: expected a power of two from 4 to 4096");
    if (c.ways == 0 || c.ways > 64) throw std::runtime_error(where + "/ways: expected 1 to 64");
    if (c.size == 0 || c.size % (c.line * c.ways) != 0 || c.size > (uint64_t{1} << 32))
      throw std::runtime_error(where + "/size: expected a multiple of ways * line, up to 4G");
  }
  return c;
}

Config parse_config(const std::string& text) {
  const json root = json::parse(text);
  if (!root.is_object()) throw std::runtime_error("expected a JSON object");
  Config c;
  for (const auto& [k, v] : root.items()) {
    if (k != "frequency" && k != "cycles" && k != "icache" && k != "dcache" && k != "l2" &&
        k != "itlb" && k != "dtlb")
      throw std::runtime_error("unknown key \"" + k +
                               "\" (frequency, cycles, icache, dcache, l2, itlb, dtlb)");
  }
  if (root.contains("frequency")) {
    const json& f = root.at("frequency");
    if (!f.is_number() || !(f.get<double>() > 0))
      throw std::runtime_error("frequency: expected a positive number of Hz");
    c.frequency = f.get<double>();
  }
  if (root.contains("cycles")) {
    const json& cycles = root.at("cycles");
    if (!cycles.is_object()) throw std::runtime_error("cycles: expected an object");
    for (const auto& [k, v] : cycles.items()) {
      if (k == "taken-branch") {
        c.taken_branch = cycles_value(v, "cycles/taken-branch");
        continue;
      }
      bool found = false;
      for (unsigned i = 0; i < RVTLM_INSN_CLASS_COUNT; ++i) {
        if (k == kClassNames[i]) {
          c.cycles[i] = cycles_value(v, "cycles/" + k);
          found = true;
        }
      }
      if (!found) {
        std::string list;
        for (const char* n : kClassNames) list += std::string(list.empty() ? "" : ", ") + n;
        throw std::runtime_error("cycles: unknown class \"" + k + "\" (" + list +
                                 ", taken-branch)");
      }
    }
  }
  c.icache = level(root, "icache", false);
  c.dcache = level(root, "dcache", false);
  c.l2 = level(root, "l2", false);
  c.itlb = level(root, "itlb", true);
  c.dtlb = level(root, "dtlb", true);
  return c;
}

uint64_t units(double cycles) {
  return static_cast<uint64_t>(std::llround(cycles * kUnitsPerCycle));
}

struct HartModel {
  Lru icache, dcache, l2, itlb, dtlb;
  std::array<uint64_t, RVTLM_INSN_CLASS_COUNT> classes{};  // inline counters, exact
  uint64_t fetch_line = ~uint64_t{0};                      // the line in the fetch buffer
  uint64_t taken = 0;
  uint64_t traps = 0;
};

struct CostModel;

// A point where the hart may fetch a new line (an instruction's callback):
// a block's first instruction, and one that starts another line.
struct FetchPoint {
  CostModel* model;
  uint64_t vaddr;
  uint64_t paddr;
  unsigned line_shift;
};

struct CostModel {
  const rvtlm_api* api;
  rvtlm_plugin* self;
  Config config;
  uint64_t class_units[RVTLM_INSN_CLASS_COUNT];
  uint64_t taken_units = 0;
  // Taken branches need a call after every branch: only when they cost
  // something or their count is reported for calibration.
  bool count_taken = false;
  std::vector<HartModel> harts;  // sized once: counters point into it
  Output out;
  std::string report_path;

  HartModel& of(rvtlm_hart* h) { return harts[api->hart_index(h)]; }

  // An L1 miss goes to the L2 (if any); the penalties add up.
  void data_access(rvtlm_hart* h, HartModel& m, Lru& l1, const LevelConfig& l1c, uint64_t paddr) {
    if (l1.access(paddr)) return;
    uint64_t charge = units(l1c.miss);
    if (m.l2.enabled() && !m.l2.access(paddr)) charge += units(config.l2.miss);
    api->hart_charge(h, charge);
  }
};

void on_fetch(rvtlm_hart* h, uint64_t, void* data) {
  const auto* f = static_cast<const FetchPoint*>(data);
  CostModel& c = *f->model;
  HartModel& m = c.of(h);
  // The fetch buffer holds one line: the caches and the TLB see a fetch only
  // when the hart leaves it (so where blocks begin does not matter).
  const uint64_t line = f->paddr >> f->line_shift;
  if (line == m.fetch_line) return;
  m.fetch_line = line;
  if (m.itlb.enabled() && !m.itlb.access(f->vaddr))
    c.api->hart_charge(h, units(c.config.itlb.miss));
  if (m.icache.enabled()) c.data_access(h, m, m.icache, c.config.icache, f->paddr);
}

void on_memory(rvtlm_hart* h, uint64_t, const rvtlm_mem_access* a, void* data) {
  auto& c = *static_cast<CostModel*>(data);
  HartModel& m = c.of(h);
  if (m.dtlb.enabled() && !m.dtlb.access(a->vaddr))
    c.api->hart_charge(h, units(c.config.dtlb.miss));
  // Devices are not cached.
  if (m.dcache.enabled() && !(a->flags & RVTLM_MEM_DEVICE))
    c.data_access(h, m, m.dcache, c.config.dcache, a->paddr);
}

void on_branch(rvtlm_hart* h, uint64_t pc, uint64_t next, void* data) {
  // The data is the instruction's size, the model is the hart's plugin.
  const auto* d = static_cast<const std::pair<CostModel*, uint64_t>*>(data);
  if (next == pc + d->second) return;
  CostModel& c = *d->first;
  ++c.of(h).taken;
  if (c.taken_units) c.api->hart_charge(h, c.taken_units);
}

void on_trap(rvtlm_hart* h, const rvtlm_trap_info*, void* data) {
  ++static_cast<CostModel*>(data)->of(h).traps;
}

void on_block(rvtlm_block* b, void* data) {
  CostModel& c = *static_cast<CostModel*>(data);
  const rvtlm_api* api = c.api;
  const size_t n = api->block_size(b);
  HartModel& m = c.harts[api->block_hart(b)];
  const bool fetches = m.icache.enabled() || m.itlb.enabled();
  const unsigned line_shift = m.icache.enabled() ? m.icache.shift() : 12;
  const uint64_t pc0 = api->block_pc(b);
  const uint64_t ppc0 = api->block_physical_pc(b);
  for (size_t i = 0; i < n; ++i) {
    const unsigned cls = api->insn_class(b, i);
    api->insn_inline_add(b, i, &m.classes[cls], 1);
    api->insn_charge(b, i, c.class_units[cls]);
    const uint64_t pc = api->insn_pc(b, i);
    if (fetches && (i == 0 || (pc >> line_shift) != (api->insn_pc(b, i - 1) >> line_shift))) {
      auto* f = static_cast<FetchPoint*>(api->block_alloc(b, sizeof(FetchPoint)));
      *f = FetchPoint{&c, pc, ppc0 + (pc - pc0), line_shift};
      api->insn_exec_cb(b, i, &on_fetch, f);
    }
    if (api->insn_memory_size(b, i) && (m.dcache.enabled() || m.dtlb.enabled()))
      api->insn_mem_cb(b, i, &on_memory, &c);
    if (cls == RVTLM_INSN_BRANCH && c.count_taken) {
      auto* d = static_cast<std::pair<CostModel*, uint64_t>*>(
          api->block_alloc(b, sizeof(std::pair<CostModel*, uint64_t>)));
      new (d) std::pair<CostModel*, uint64_t>(&c, api->insn_size(b, i));
      api->insn_after_cb(b, i, &on_branch, d);
    }
  }
}

void print_level(FILE* f, unsigned hart, const char* name, const Lru& l) {
  if (!l.enabled()) return;
  std::fprintf(
      f, "cost-model: hart %u: %s: %" PRIu64 " accesses, %" PRIu64 " misses (%.2f%%)\n", hart, name,
      l.accesses, l.misses,
      l.accesses ? 100.0 * static_cast<double>(l.misses) / static_cast<double>(l.accesses) : 0.0);
}

void on_exit(void* data) {
  std::unique_ptr<CostModel> c(static_cast<CostModel*>(data));
  const rvtlm_api* api = c->api;
  FILE* f = c->out.get();
  json report = json::object();
  for (unsigned h = 0; h < c->harts.size(); ++h) {
    const HartModel& m = c->harts[h];
    const auto& classes = m.classes;
    uint64_t total = 0;
    for (uint64_t n : classes) total += n;
    const uint64_t charged = api->hart_charged(api->hart(c->self, h));
    const double cycles = static_cast<double>(charged) / kUnitsPerCycle;
    std::fprintf(f,
                 "cost-model: hart %u: %" PRIu64 " instructions, %.3f cycles at %.6g Hz: %.9f s\n",
                 h, total, cycles, c->config.frequency, cycles / c->config.frequency);
    std::string line;
    json events = json::object();
    for (unsigned k = 0; k < RVTLM_INSN_CLASS_COUNT; ++k) {
      events[kClassNames[k]] = classes[k];
      if (!classes[k]) continue;
      line += std::string(" ") + kClassNames[k] + "=" + std::to_string(classes[k]);
    }
    const std::string taken =
        c->count_taken ? " taken-branch=" + std::to_string(m.taken) : std::string();
    std::fprintf(f, "cost-model: hart %u: classes:%s%s traps=%" PRIu64 "\n", h, line.c_str(),
                 taken.c_str(), m.traps);
    print_level(f, h, "icache", m.icache);
    print_level(f, h, "dcache", m.dcache);
    print_level(f, h, "l2", m.l2);
    print_level(f, h, "itlb", m.itlb);
    print_level(f, h, "dtlb", m.dtlb);
    events["taken-branch"] = m.taken;
    events["icache-miss"] = m.icache.misses;
    events["dcache-miss"] = m.dcache.misses;
    events["l2-miss"] = m.l2.misses;
    events["itlb-miss"] = m.itlb.misses;
    events["dtlb-miss"] = m.dtlb.misses;
    events["traps"] = m.traps;
    events["instructions"] = total;
    events["cycles"] = cycles;
    report["hart" + std::to_string(h)] = events;
  }
  c->out.flush();
  if (!c->report_path.empty()) {
    std::ofstream file(c->report_path);
    file << report.dump(2) << "\n";
    if (!file) std::fprintf(stderr, "cost-model: cannot write '%s'\n", c->report_path.c_str());
  }
}

Lru make_cache(const LevelConfig& c) {
  if (!c.present) return {};
  return Lru(c.size / (c.line * c.ways), c.ways, log2_exact(c.line));
}
Lru make_tlb(const LevelConfig& c) {
  if (!c.present) return {};
  return Lru(1, static_cast<unsigned>(c.entries), log2_exact(c.page));
}

}  // namespace

int install_cost_model(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  const Args args(argc, argv);
  if (const std::string e = args.unknown({"config", "hz", "report", "file"}); !e.empty())
    return install_error(api, self, e);
  auto c = std::make_unique<CostModel>();
  c->api = api;
  c->self = self;
  if (args.has("config")) {
    const std::string path = args.text("config");
    std::ifstream in(path);
    if (!in) return install_error(api, self, "config: cannot read '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    try {
      c->config = parse_config(text.str());
    } catch (const json::exception& e) {
      return install_error(api, self, path + ": not valid JSON: " + e.what());
    } catch (const std::exception& e) {
      return install_error(api, self, path + ": " + e.what());
    }
  }
  if (args.has("hz")) {
    const auto hz = args.number("hz");
    if (!hz || !(*hz > 0))
      return install_error(api, self, "hz=" + args.text("hz") + ": expected a positive frequency");
    c->config.frequency = *hz;
  }
  // Every instruction must take time, or a loop could keep time from moving.
  for (unsigned k = 0; k < RVTLM_INSN_CLASS_COUNT; ++k) {
    c->class_units[k] = units(c->config.cycles[k]);
    if (c->class_units[k] == 0)
      return install_error(
          api, self, std::string("cycles of \"") + kClassNames[k] + "\" must be at least 0.001");
  }
  c->taken_units = units(c->config.taken_branch);
  c->count_taken = c->taken_units != 0 || args.has("report");
  c->report_path = args.text("report");
  if (const std::string e = c->out.open(args.text("file")); !e.empty())
    return install_error(api, self, "file: " + e);
  c->harts.resize(api->harts(self));
  for (HartModel& m : c->harts) {
    m.icache = make_cache(c->config.icache);
    m.dcache = make_cache(c->config.dcache);
    m.l2 = make_cache(c->config.l2);
    m.itlb = make_tlb(c->config.itlb);
    m.dtlb = make_tlb(c->config.dtlb);
  }
  const double seconds_per_unit = 1.0 / (c->config.frequency * kUnitsPerCycle);
  for (unsigned h = 0; h < api->harts(self); ++h)
    if (api->control_time(self, h, 0, seconds_per_unit) != 0) return 1;
  api->on_block(self, &on_block, c.get());
  api->on_trap(self, &on_trap, c.get());
  api->on_exit(self, &on_exit, c.get());
  c.release();
  return 0;
}

}  // namespace rvtlm::plugins::shipped
