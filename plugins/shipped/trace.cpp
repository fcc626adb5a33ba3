// trace: an instruction and memory-access trace to a file.
//
//   --plugin trace,file=PATH[,insns=on|off][,memory=on|off]
//
// One line per executed instruction (insns=on, the default):
//   <time ns> hart<h> <count> 0x<pc> (0x<encoding>) <disassembly>
// and one per data access (memory=on, the default), after its instruction:
//   <time ns> hart<h> <count> 0x<pc> R|W|RW 0x<vaddr> 0x<paddr> <size> ram|device
// Times are the hart's own (with every cost charged before); the count is
// the number of instructions retired before.
#include "rvtlm/support/trace.h"

#include <cinttypes>
#include <memory>

#include "common.h"

namespace rvtlm::plugins::shipped {
namespace {

struct Trace {
  const rvtlm_api* api;
  bool insns = true;
  bool memory = true;
  Output out;
};

// What an instruction's callback prints, kept with the decoded block.
struct InsnText {
  Trace* trace;
  uint32_t bits;
  char text[64];
};

void on_insn(rvtlm_hart* hart, uint64_t pc, void* data) {
  const auto* t = static_cast<const InsnText*>(data);
  const rvtlm_api* api = t->trace->api;
  const std::string line = rvtlm::support::insn_trace_line(
      rvtlm::support::nanoseconds_text(api->hart_time_ps(hart)), api->hart_index(hart),
      api->hart_retired(hart), pc, t->bits, t->text);
  std::fputs(line.c_str(), t->trace->out.get());
}

void on_memory(rvtlm_hart* hart, uint64_t pc, const rvtlm_mem_access* a, void* data) {
  auto* trace = static_cast<Trace*>(data);
  const rvtlm_api* api = trace->api;
  const bool load = (a->flags & RVTLM_MEM_LOAD) != 0;
  const bool store = (a->flags & RVTLM_MEM_STORE) != 0;
  std::fprintf(trace->out.get(),
               "%s ns hart%u %" PRIu64 " 0x%016" PRIx64 " %s 0x%016" PRIx64 " 0x%016" PRIx64
               " %u %s\n",
               rvtlm::support::nanoseconds_text(api->hart_time_ps(hart)).c_str(),
               api->hart_index(hart), api->hart_retired(hart), pc,
               load && store ? "RW"
               : store       ? "W"
                             : "R",
               a->vaddr, a->paddr, a->size, (a->flags & RVTLM_MEM_DEVICE) ? "device" : "ram");
}

void on_block(rvtlm_block* b, void* data) {
  auto* trace = static_cast<Trace*>(data);
  const rvtlm_api* api = trace->api;
  for (size_t i = 0; i < api->block_size(b); ++i) {
    if (trace->insns) {
      auto* t = static_cast<InsnText*>(api->block_alloc(b, sizeof(InsnText)));
      t->trace = trace;
      t->bits = api->insn_bits(b, i);
      std::snprintf(t->text, sizeof t->text, "%s", api->insn_disassembly(b, i));
      api->insn_exec_cb(b, i, &on_insn, t);
    }
    if (trace->memory && api->insn_memory_size(b, i)) api->insn_mem_cb(b, i, &on_memory, trace);
  }
}

void on_exit(void* data) { delete static_cast<Trace*>(data); }

}  // namespace

int install_trace(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  const Args args(argc, argv);
  if (const std::string e = args.unknown({"file", "insns", "memory"}); !e.empty())
    return install_error(api, self, e);
  auto trace = std::make_unique<Trace>();
  trace->api = api;
  const auto insns = args.flag("insns", true);
  const auto memory = args.flag("memory", true);
  if (!insns)
    return install_error(api, self, "insns=" + args.text("insns") + ": expected on or off");
  if (!memory)
    return install_error(api, self, "memory=" + args.text("memory") + ": expected on or off");
  trace->insns = *insns;
  trace->memory = *memory;
  if (!args.has("file") || args.text("file").empty())
    return install_error(api, self, "needs file=PATH (where the trace goes)");
  if (const std::string e = trace->out.open(args.text("file")); !e.empty())
    return install_error(api, self, "file: " + e);
  api->on_block(self, &on_block, trace.get());
  api->on_exit(self, &on_exit, trace.get());
  trace.release();
  return 0;
}

}  // namespace rvtlm::plugins::shipped
