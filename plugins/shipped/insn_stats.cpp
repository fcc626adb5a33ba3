// insn-stats: how many instructions ran, of which classes, and where.
//
//   --plugin insn-stats[,hot=N][,classes=on|off][,file=PATH]
//
// Inline counters only (no calls): each decoded block counts its
// instructions by class, and how often its first instruction ran; the ISS
// adds a block's counts on entry and takes back what did not run when a trap
// or a stop leaves it early, so every count is exact. classes=off keeps one
// counter per block (its instructions): the cheapest profile. Printed at the
// end of the run, per hart: totals, the class histogram, the N hottest
// blocks (default 10).
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

const char* const kClassNames[RVTLM_INSN_CLASS_COUNT] = {
    "alu",    "mul",    "div",    "load",   "store",   "atomic",   "branch",
    "jump",   "csr",    "system", "fence",  "fp-load", "fp-store", "fp-add",
    "fp-mul", "fp-fma", "fp-div", "fp-cvt", "illegal"};

struct BlockRecord {
  unsigned hart;
  uint64_t pc;
  uint32_t size;
  std::vector<uint8_t> insn_classes;
  uint64_t insns = 0;    // instructions of the block executed
  uint64_t entries = 0;  // executions of its first instruction (classes=on)
  std::array<uint64_t, RVTLM_INSN_CLASS_COUNT> classes{};  // classes=on
  std::string first;                                       // disassembly of the first instruction
};

struct InsnStats {
  const rvtlm_api* api;
  rvtlm_plugin* self;
  unsigned hot = 10;
  bool classes = true;
  Output out;
  std::deque<BlockRecord> blocks;
  // A block decoded again (after decoded code was discarded) keeps its record.
  std::map<std::tuple<unsigned, uint64_t, uint64_t>, std::vector<BlockRecord*>> index;

  void decoded(rvtlm_block* b) {
    const unsigned hart = api->block_hart(b);
    const size_t size = api->block_size(b);
    std::vector<uint8_t> insn_classes(size);
    for (size_t i = 0; i < size; ++i) insn_classes[i] = static_cast<uint8_t>(api->insn_class(b, i));
    BlockRecord* record = nullptr;
    auto& same = index[{hart, api->block_pc(b), api->block_physical_pc(b)}];
    for (BlockRecord* r : same)
      if (r->insn_classes == insn_classes) record = r;
    if (!record) {
      BlockRecord& r = blocks.emplace_back();
      r.hart = hart;
      r.pc = api->block_pc(b);
      r.size = static_cast<uint32_t>(size);
      r.insn_classes = insn_classes;
      r.first = api->insn_disassembly(b, 0);
      std::replace(r.first.begin(), r.first.end(), '\t', ' ');
      record = &r;
      same.push_back(record);
    }
    for (size_t i = 0; i < size; ++i) {
      api->insn_inline_add(b, i, &record->insns, 1);
      if (classes) api->insn_inline_add(b, i, &record->classes[insn_classes[i]], 1);
    }
    if (classes) api->insn_inline_add(b, 0, &record->entries, 1);
  }

  void report() {
    FILE* f = out.get();
    for (unsigned h = 0; h < api->harts(self); ++h) {
      struct Hot {
        uint64_t pc;
        uint32_t size;
        uint64_t entries;
        uint64_t insns;
        const std::string* first;
      };
      uint64_t total = 0, entries = 0;
      std::array<uint64_t, RVTLM_INSN_CLASS_COUNT> counts{};
      std::map<std::pair<uint64_t, uint32_t>, Hot> by_pc;
      for (const BlockRecord& r : blocks) {
        if (r.hart != h || r.insns == 0) continue;
        total += r.insns;
        entries += r.entries;
        for (unsigned c = 0; c < RVTLM_INSN_CLASS_COUNT; ++c) counts[c] += r.classes[c];
        Hot& hot_block =
            by_pc.try_emplace({r.pc, r.size}, Hot{r.pc, r.size, 0, 0, &r.first}).first->second;
        hot_block.entries += r.entries;
        hot_block.insns += r.insns;
      }
      if (classes) {
        std::fprintf(f,
                     "insn-stats: hart %u: %" PRIu64 " instructions, %" PRIu64
                     " blocks executed (%zu distinct)\n",
                     h, total, entries, by_pc.size());
        std::string line;
        for (unsigned c = 0; c < RVTLM_INSN_CLASS_COUNT; ++c)
          if (counts[c])
            line += std::string(" ") + kClassNames[c] + "=" + std::to_string(counts[c]);
        std::fprintf(f, "insn-stats: hart %u: classes:%s\n", h, line.c_str());
      } else {
        std::fprintf(f, "insn-stats: hart %u: %" PRIu64 " instructions in %zu distinct blocks\n", h,
                     total, by_pc.size());
      }
      if (hot == 0 || by_pc.empty()) continue;
      std::vector<Hot> sorted;
      for (const auto& entry : by_pc) sorted.push_back(entry.second);
      std::sort(sorted.begin(), sorted.end(), [](const Hot& a, const Hot& b) {
        return a.insns != b.insns ? a.insns > b.insns : a.pc < b.pc;
      });
      if (sorted.size() > hot) sorted.resize(hot);
      std::fprintf(f, "insn-stats: hart %u: hot blocks (pc, size, %sinstructions, share):\n", h,
                   classes ? "executions, " : "");
      for (const Hot& b : sorted) {
        const double share =
            total ? 100.0 * static_cast<double>(b.insns) / static_cast<double>(total) : 0.0;
        if (classes) {
          std::fprintf(
              f, "insn-stats:   0x%016" PRIx64 " %3u x %" PRIu64 " = %" PRIu64 " (%.1f%%)  %s\n",
              b.pc, b.size, b.entries, b.insns, share, b.first->c_str());
        } else {
          std::fprintf(f, "insn-stats:   0x%016" PRIx64 " %3u %" PRIu64 " (%.1f%%)  %s\n", b.pc,
                       b.size, b.insns, share, b.first->c_str());
        }
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

int install_insn_stats(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  const Args args(argc, argv);
  if (const std::string e = args.unknown({"hot", "classes", "file"}); !e.empty())
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
  const auto classes = args.flag("classes", true);
  if (!classes)
    return install_error(api, self, "classes=" + args.text("classes") + ": expected on or off");
  stats->classes = *classes;
  if (const std::string e = stats->out.open(args.text("file")); !e.empty())
    return install_error(api, self, "file: " + e);
  api->on_block(self, &on_block, stats.get());
  api->on_exit(self, &on_exit, stats.get());
  stats.release();
  return 0;
}

}  // namespace rvtlm::plugins::shipped
