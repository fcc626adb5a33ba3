// Instrumentation: what instrumenters ask for on a decoded block is compiled
// into it (entry ops before its first instruction, a hook table for the
// instructions whose handler becomes `instrumented`); everything else of the
// block is decoded as without instrumentation.
#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "core.h"
#include "insn_info.h"

namespace rvtlm::iss {

const char* to_string(InsnClass c) {
  static const char* const kNames[kInsnClassCount] = {
      "alu",    "mul",    "div",    "load",   "store",   "atomic",   "branch",
      "jump",   "csr",    "system", "fence",  "fp-load", "fp-store", "fp-add",
      "fp-mul", "fp-fma", "fp-div", "fp-cvt", "illegal"};
  const auto i = static_cast<unsigned>(c);
  return i < kInsnClassCount ? kNames[i] : "?";
}

// ---- BlockInstrumentation -------------------------------------------------------

void* BlockInstrumentation::allocate(std::size_t bytes) { return core_->arena.allocate(bytes); }

BlockInstrumentation::Hooks& BlockInstrumentation::at(std::size_t i) {
  if (i >= insns_.size())
    throw std::out_of_range("BlockInstrumentation: no instruction " + std::to_string(i) +
                            " in this block");
  if (hooks_.empty()) hooks_.resize(insns_.size());
  return hooks_[i];
}

void BlockInstrumentation::on_entry(ExecCallback callback, void* data) {
  entry_calls_.push_back({reinterpret_cast<void*>(callback), data});
}
void BlockInstrumentation::add_on_entry(uint64_t* counter, uint64_t value) {
  entry_adds_.push_back({counter, value});
}
void BlockInstrumentation::on_execute(std::size_t i, ExecCallback callback, void* data) {
  at(i).before.push_back({reinterpret_cast<void*>(callback), data});
}
void BlockInstrumentation::add_on_execute(std::size_t i, uint64_t* counter, uint64_t value) {
  at(i).adds.push_back({counter, value});
}
void BlockInstrumentation::after_execute(std::size_t i, AfterCallback callback, void* data) {
  at(i).after.push_back({reinterpret_cast<void*>(callback), data});
}
void BlockInstrumentation::on_memory(std::size_t i, MemoryCallback callback, void* data) {
  at(i).memory.push_back({reinterpret_cast<void*>(callback), data});
}
void BlockInstrumentation::charge(std::size_t i, uint64_t units) { at(i).cost += units; }

// ---- compiling the hooks into a block ----------------------------------------------

namespace {

template <typename T, typename S>
const T* copy_to_arena(BlockArena& arena, const std::vector<S>& items) {
  if (items.empty()) return nullptr;
  auto* out = static_cast<T*>(arena.allocate(items.size() * sizeof(T)));
  for (std::size_t k = 0; k < items.size(); ++k) new (&out[k]) T{items[k].first, items[k].second};
  return out;
}

}  // namespace

void Core::instrument(uint64_t pc, uint64_t ppc, std::vector<DecodedInsn>& insns,
                      std::vector<DecodedInsn>& entry_ops, const BlockHooks*& hooks) {
  entry_ops.clear();
  hooks = nullptr;
  BlockInstrumentation block(*this, *owner, pc, ppc, s.priv);
  block.insns_.reserve(insns.size());
  for (const DecodedInsn& d : insns) {
    const Op op = static_cast<Op>(d.op);
    DecodedInstruction info;
    info.pc = d.pc;
    info.bits = d.bits;
    info.size = d.len;
    info.insn_class = insn_class_of(op);
    info.memory_size = memory_shape(op).size;
    Operands operands;
    const Encoding* e = decoder.decode(d.bits, operands);
    info.mnemonic = e ? e->mnemonic : "unknown";
    block.insns_.push_back(info);
  }
  for (Instrumenter* i : instrumenters) i->instrument(block);

  if (block.hooks_.empty() && block.entry_calls_.empty() && block.entry_adds_.empty()) return;
  const std::size_t n = insns.size();
  auto* bh = new (arena.allocate(sizeof(BlockHooks))) BlockHooks{};
  const auto calls = [](const std::vector<BlockInstrumentation::Call>& v) {
    std::vector<std::pair<void*, void*>> out;
    for (const auto& c : v) out.emplace_back(c.callback, c.data);
    return out;
  };
  const auto running_sums = [&](const std::vector<uint64_t>& weights) {
    auto* prefix = static_cast<uint64_t*>(arena.allocate((n + 1) * sizeof(uint64_t)));
    prefix[0] = 0;
    for (std::size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + weights[i];
    return prefix;
  };
  // Counters of instructions, by counter (a block has few).
  std::vector<std::pair<uint64_t*, std::vector<uint64_t>>> counters;
  if (!block.hooks_.empty()) {
    // A table of callbacks only where an instruction has some.
    InsnHooks* table = nullptr;
    for (const auto& h : block.hooks_) {
      if (!table && (!h.before.empty() || !h.after.empty() || !h.memory.empty())) {
        table = static_cast<InsnHooks*>(arena.allocate(n * sizeof(InsnHooks)));
        for (std::size_t i = 0; i < n; ++i) new (&table[i]) InsnHooks{};
      }
    }
    std::vector<uint64_t> costs(n, 0);
    bool any_cost = false;
    for (std::size_t i = 0; i < n; ++i) {
      const BlockInstrumentation::Hooks& h = block.hooks_[i];
      if (table) {
        InsnHooks& t = table[i];
        t.before = copy_to_arena<HookCall>(arena, calls(h.before));
        t.after = copy_to_arena<HookCall>(arena, calls(h.after));
        t.memory = copy_to_arena<HookCall>(arena, calls(h.memory));
        t.n_before = static_cast<uint32_t>(h.before.size());
        t.n_after = static_cast<uint32_t>(h.after.size());
        t.n_memory = static_cast<uint32_t>(h.memory.size());
        if (t.n_before || t.n_after || t.n_memory)
          insns[i].handler = labels[static_cast<uint16_t>(Op::instrumented)];
      }
      costs[i] = h.cost;
      any_cost = any_cost || h.cost != 0;
      for (const auto& a : h.adds) {
        auto it = std::find_if(counters.begin(), counters.end(),
                               [&](const auto& c) { return c.first == a.counter; });
        if (it == counters.end())
          it = counters.insert(counters.end(), {a.counter, std::vector<uint64_t>(n, 0)});
        it->second[i] += a.value;
      }
    }
    bh->insns = table;
    if (any_cost) bh->cost_prefix = running_sums(costs);
  }
  if (!counters.empty()) {
    auto* tracked =
        static_cast<TrackedCounter*>(arena.allocate(counters.size() * sizeof(TrackedCounter)));
    for (std::size_t k = 0; k < counters.size(); ++k) {
      const uint64_t* prefix = running_sums(counters[k].second);
      new (&tracked[k]) TrackedCounter{counters[k].first, prefix[n], prefix};
    }
    bh->counters = tracked;
    bh->n_counters = static_cast<uint32_t>(counters.size());
  }
  bh->entry = copy_to_arena<HookCall>(arena, calls(block.entry_calls_));
  bh->n_entry = static_cast<uint32_t>(block.entry_calls_.size());

  const auto entry_op = [&](Op op) {
    DecodedInsn d{};
    d.op = static_cast<uint16_t>(op);
    d.handler = labels[d.op];
    d.pc = pc;
    return d;
  };
  const auto entry_add = [&](uint64_t* counter, uint64_t value) {
    DecodedInsn d = entry_op(Op::entry_add);
    d.pc = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(counter));
    d.imm = static_cast<int32_t>(static_cast<uint32_t>(value));
    d.bits = static_cast<uint32_t>(value >> 32);
    entry_ops.push_back(d);
  };
  if (bh->cost_prefix) entry_ops.push_back(entry_op(Op::entry_track));
  // Counters: one op for one counter, one op looping over several.
  std::vector<std::pair<uint64_t*, uint64_t>> adds;
  for (uint32_t k = 0; k < bh->n_counters; ++k)
    adds.emplace_back(bh->counters[k].counter, bh->counters[k].total);
  for (const auto& a : block.entry_adds_) adds.emplace_back(a.counter, a.value);
  if (adds.size() == 1) {
    entry_add(adds[0].first, adds[0].second);
  } else if (!adds.empty()) {
    bh->adds = copy_to_arena<InlineAdd>(arena, adds);
    bh->n_adds = static_cast<uint32_t>(adds.size());
    entry_ops.push_back(entry_op(Op::entry_adds));
  }
  if (bh->n_entry) entry_ops.push_back(entry_op(Op::entry_calls));
  hooks = bh;
}

void Core::settle(const Block& b, uint64_t done) {
  tracked_ = nullptr;
  const BlockHooks* h = b.hooks;
  if (done >= b.count) return;
  if (h->cost_prefix) charged_ -= h->cost_prefix[b.count] - h->cost_prefix[done];
  for (uint32_t k = 0; k < h->n_counters; ++k) {
    const TrackedCounter& c = h->counters[k];
    *c.counter -= c.total - c.prefix[done];
  }
}

// ---- events ----------------------------------------------------------------------

void Core::notify_trap(const TrapEvent& event) {
  for (Instrumenter* i : instrumenters) i->trap_taken(*owner, event);
  if (event.from_privilege != event.to_privilege)
    notify_privilege(event.from_privilege, event.to_privilege);
}

void Core::notify_privilege(unsigned from, unsigned to) {
  for (Instrumenter* i : instrumenters) i->privilege_changed(*owner, from, to);
}

// ---- Hart ------------------------------------------------------------------------

void Hart::add_instrumenter(Instrumenter& instrumenter) {
  auto& list = core_->instrumenters;
  if (std::find(list.begin(), list.end(), &instrumenter) != list.end()) return;
  list.push_back(&instrumenter);
  core_->async |= kAsyncFlush;
}

void Hart::remove_instrumenter(Instrumenter& instrumenter) {
  auto& list = core_->instrumenters;
  const auto it = std::find(list.begin(), list.end(), &instrumenter);
  if (it == list.end()) return;
  list.erase(it);
  core_->async |= kAsyncFlush;
}

void Hart::charge(uint64_t units) { core_->charge(units); }
uint64_t Hart::charged() const { return core_->charged_at(core_->s.retired); }
uint64_t Hart::charged_at(uint64_t retired) const { return core_->charged_at(retired); }
void Hart::set_charge_limit(uint64_t units) { core_->charge_limit_ = units; }

}  // namespace rvtlm::iss
