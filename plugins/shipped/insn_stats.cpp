// insn-stats: how many instructions ran, of which classes, and where.
//
//   --plugin insn-stats[,hot=N][,exact=on][,file=PATH]
//
// Each decoded block gets one inline counter, incremented on its entry (no
// call): instruction and class counts follow from the blocks' contents.
// exact=on counts every instruction on its own instead (slower; exact also
// when a trap cuts a block short). Printed at the end of the run, per hart.
#include <algorithm>
#include <array>
#include <cinttypes>
#include <deque>
#include <map>
#include <memory>
#include <tuple>

#include "common.h"

namespace rvtlm::plugins::shipped {
namespace {

struct BlockRecord {
  unsigned hart;
  uint64_t pc;
  uint32_t size;
  std::array<uint32_t, RVTLM_INSN_CLASS_COUNT> classes{};
  uint64_t executions = 0;  // entries of the whole block
  std::vector<uint64_t> insns;         // exact=on: executions of each instruction
  std::vector<uint8_t> insn_classes;   // exact=on: the class of each instruction
  std::string first;                   // disassembly of the first instruction
};

const char* const kClassNames[RVTLM_INSN_CLASS_COUNT] = {
    "alu",   "mul",     "div",      "load",   "store",  "atomic", "branch",
    "jump",  "csr",     "system",   "fence",  "fp-load", "fp-store", "fp-add",
    "fp-mul", "fp-fma", "fp-div",   "fp-cvt", "illegal"};

struct InsnStats {
  const rvtlm_api* api;
  rvtlm_plugin* self;
  unsigned hot = 10;
  bool exact = false;
  Output out;
  std::deque<BlockRecord> blocks;
  // A block decoded again (after a flush) keeps its record.
  std::map<std::tuple<unsigned, uint64_t, uint64_t, uint32_t>, std::vector<BlockRecord*>> index;

  void decoded(rvtlm_block* b) {
    const unsigned hart = api->block_hart(b);
    const auto size = static_cast<uint32_t>(api->block_size(b));
    std::array<uint32_t, RVTLM_INSN_CLASS_COUNT> classes{};
    for (size_t i = 0; i < size; ++i) ++classes[api->insn_class(b, i)];
    BlockRecord* record = nullptr;
    auto& same = index[{hart, api->block_pc(b), api->block_physical_pc(b), size}];
    for (BlockRecord* r : same)
      if (r->classes == classes) record = r;
    if (!record) {
      blocks.push_back(BlockRecord{hart, api->block_pc(b), size, classes, 0, {}, {}, {}});
      record = &blocks.back();
      record->first = api->insn_disassembly(b, 0);
      for (char& c : record->first)
        if (c == '\t') c = ' ';
      if (exact) {
        record->insns.assign(size, 0);
        for (size_t i = 0; i < size; ++i)
          record->insn_classes.push_back(static_cast<uint8_t>(api->insn_class(b, i)));
      }
      same.push_back(record);
    }
    if (exact) {
      for (size_t i = 0; i < size; ++i) api->insn_inline_add(b, i, &record->insns[i], 1);
    } else {
      api->block_inline_add(b, &record->executions, 1);
    }
  }

  void report() {
    FILE* f = out.get();
    const unsigned harts = api->harts(self);
    for (unsigned h = 0; h < harts; ++h) {
      uint64_t total = 0, entries = 0, distinct = 0;
      std::array<uint64_t, RVTLM_INSN_CLASS_COUNT> classes{};
      struct Hot {
        uint64_t pc;
        uint32_t size;
        uint64_t executions;
        uint64_t insns;
        const std::string* first;
      };
      std::map<std::pair<uint64_t, uint32_t>, Hot> by_pc;
      for (const BlockRecord& r : blocks) {
        if (r.hart != h) continue;
        uint64_t executed = 0;
        uint64_t runs = r.executions;
        if (exact) {
          for (uint32_t i = 0; i < r.size; ++i) executed += r.insns[i];
          runs = r.insns.empty() ? 0 : r.insns[0];
        } else {
          executed = r.executions * r.size;
        }
        if (executed == 0) continue;
        total += executed;
        entries += runs;
        if (exact) {
          for (uint32_t i = 0; i < r.size; ++i) classes[r.insn_classes[i]] += r.insns[i];
        } else {
          for (unsigned c = 0; c < RVTLM_INSN_CLASS_COUNT; ++c)
            classes[c] += r.classes[c] * r.executions;
        }
        Hot& hot_block = by_pc.try_emplace({r.pc, r.size}, Hot{r.pc, r.size, 0, 0, &r.first})
                             .first->second;
        hot_block.executions += runs;
        hot_block.insns += executed;
      }
      distinct = by_pc.size();
      std::fprintf(f,
                   "insn-stats: hart %u: %" PRIu64 " instructions, %" PRIu64
                   " blocks executed (%" PRIu64 " distinct)\n",
                   h, total, entries, distinct);
      std::string line;
      for (unsigned c = 0; c < RVTLM_INSN_CLASS_COUNT; ++c) {
        if (!classes[c]) continue;
        char item[64];
        std::snprintf(item, sizeof item, " %s=%" PRIu64, kClassNames[c], classes[c]);
        line += item;
      }
      std::fprintf(f, "insn-stats: hart %u: classes:%s\n", h, line.c_str());
      if (hot == 0 || by_pc.empty()) continue;
      std::vector<Hot> sorted;
      for (const auto& [key, value] : by_pc) sorted.push_back(value);
      std::sort(sorted.begin(), sorted.end(), [](const Hot& a, const Hot& b) {
        return a.insns != b.insns ? a.insns > b.insns : a.pc < b.pc;
      });
      if (sorted.size() > hot) sorted.resize(hot);
      std::fprintf(f, "insn-stats: hart %u: hot blocks (pc, instructions, executions, share):\n", h);
      for (const Hot& b : sorted) {
        std::fprintf(f, "insn-stats:   0x%016" PRIx64 " %3u insns x %" PRIu64 " = %" PRIu64
                        " (%.1f%%)  %s\n",
                     b.pc, b.size, b.executions, b.insns,
                     total ? 100.0 * static_cast<double>(b.insns) / static_cast<double>(total) : 0.0,
                     b.first->c_str());
      }
    }
    out.flush();
  }
};

void on_block(rvtlm_block* b, void* data) { static_cast<InsnStats*>(data)->decoded(b); }
void on_exit(void* data) {
  std::unique_ptr<InsnStats> stats(static_cast<InsnStats*>(data));
  stats->report();
}

}  // namespace

int install_insn_stats(const rvtlm_api* api, rvtlm_plugin* self, int argc,
                       const rvtlm_arg* argv) {
  const Args args(argc, argv);
  if (const std::string e = args.unknown({"hot", "exact", "file"}); !e.empty())
    return install_error(api, self, e);
  auto stats = std::make_unique<InsnStats>();
  stats->api = api;
  stats->self = self;
  if (args.has("hot")) {
    const auto hot = args.number("hot");
    if (!hot || *hot < 0 || *hot > 1e6 || *hot != std::floor(*hot))
      return install_error(api, self, "hot=" + args.text("hot") + ": expected a whole number");
    stats->hot = static_cast<unsigned>(*hot);
  }
  const auto exact = args.flag("exact", false);
  if (!exact) return install_error(api, self, "exact=" + args.text("exact") + ": expected on or off");
  stats->exact = *exact;
  if (const std::string e = stats->out.open(args.text("file")); !e.empty())
    return install_error(api, self, "file: " + e);
  api->on_block(self, &on_block, stats.get());
  api->on_exit(self, &on_exit, stats.get());
  stats.release();
  return 0;
}

}  // namespace rvtlm::plugins::shipped
