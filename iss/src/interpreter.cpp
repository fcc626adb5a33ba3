// The execution loop. Guest code is decoded once into blocks of DecodedInsn
// (block_cache.cpp) that end at a control transfer, at a system
// instruction, at a page boundary or at a size limit. The loop dispatches
// with computed gotos to one label per op of insns.def, each of which calls
// that op's semantic function (semantics.h); a block is followed by a
// block_end sentinel. The instruction count is exact everywhere: `retired`
// counts the instructions retired before the current block, and the
// position of the current instruction in the block gives the rest.
#include <limits>
#include <string>

#include "rvtlm/support/parse.h"
#include "semantics.h"

namespace rvtlm::iss {
namespace {

constexpr unsigned kLockupTraps = 64;

}  // namespace

RunResult Core::run(uint64_t budget) {
  const uint64_t start = s.retired;
  if (!started_) {
    started_ = true;
    for (Instrumenter* i : instrumenters) i->hart_started(*owner);
  }
  async &= ~kAsyncCharge;
  host_float = fp::host::usable();
  // Sstc: STIP follows `time`, which moved since the last run.
  if (s.menvcfg & kMenvcfgStce) async |= kAsyncIrq;
  const uint64_t limit =
      budget > std::numeric_limits<uint64_t>::max() - start ? ~uint64_t{0} : start + budget;
  const StopReason reason = xlen == 32 ? execute<uint32_t>(limit) : execute<uint64_t>(limit);
  if (reason == StopReason::ExitRequest || reason == StopReason::Lockup) {
    for (Instrumenter* i : instrumenters) i->hart_stopped(*owner, reason);
  }
  return {reason, s.retired - start};
}

// ---- instrumented instructions --------------------------------------------------
namespace {

// One instruction through its semantic function, for the paths that must
// regain control after it (instrumentation).
template <typename XReg>
Flow execute_one(Core& c, const DecodedInsn& d, uint64_t retired) {
  switch (static_cast<Op>(d.op)) {
#define RVTLM_ONE_Seq(name)       \
  sem::name<XReg>(c, d, retired); \
  return Flow::Next;
#define RVTLM_ONE_Ctl(name) return sem::name<XReg>(c, d, retired);
#define RVTLM_ONE(name, kind, ...) \
  case Op::name: {                 \
    RVTLM_ONE_##kind(name)         \
  }
    RVTLM_OPS(RVTLM_ONE)
#undef RVTLM_ONE
#undef RVTLM_ONE_Seq
#undef RVTLM_ONE_Ctl
    default:
      break;
  }
  return Flow::Next;
}

}  // namespace

template <typename XReg>
__attribute__((noinline)) void Core::run_hooks_before(const InsnHooks& h, const DecodedInsn& d,
                                                      uint64_t retired) {
  s.retired = retired;
  s.pc = d.pc;
  for (uint32_t k = 0; k < h.n_before; ++k)
    reinterpret_cast<ExecCallback>(h.before[k].callback)(*owner, d.pc, h.before[k].data);
}

template <typename XReg>
__attribute__((noinline)) Flow Core::run_instrumented(const InsnHooks& h, const DecodedInsn& d,
                                                      uint64_t retired) {
  const Op op = static_cast<Op>(d.op);
  const MemoryShape shape = memory_shape(op);
  // The address before the instruction runs (a load may overwrite its base).
  const uint64_t vaddr =
      shape.base_only ? static_cast<XReg>(x[d.rs1]) : sem::effective_address<XReg>(*this, d);
  const uint64_t bus_before = mmu.bus_data_accesses();
  Flow flow = execute_one<XReg>(*this, d, retired);
  if (flow != Flow::Trap) {
    s.retired = retired;
    s.pc = d.pc;
    if (h.n_memory && shape.size) {
      MemoryAccess access;
      access.vaddr = vaddr;
      access.size = shape.size;
      access.load = shape.load;
      access.store = shape.store;
      access.device = mmu.bus_data_accesses() != bus_before;
      access.paddr = mmu.physical_of(vaddr);
      for (uint32_t k = 0; k < h.n_memory; ++k)
        reinterpret_cast<MemoryCallback>(h.memory[k].callback)(*owner, d.pc, access,
                                                               h.memory[k].data);
    }
    if (h.n_after) {
      const bool transfers =
          flow == Flow::Taken || flow == Flow::Fallthrough || flow == Flow::Indirect;
      const uint64_t next = transfers ? npc : static_cast<XReg>(d.pc + d.len);
      for (uint32_t k = 0; k < h.n_after; ++k)
        reinterpret_cast<AfterCallback>(h.after[k].callback)(*owner, d.pc, next, h.after[k].data);
    }
  }
  // A charge that reached the limit ends the run right after this instruction.
  if (flow == Flow::Next && (async & kAsyncCharge)) flow = Flow::Resync;
  return flow;
}

void Core::add_entry_counters(const BlockHooks& h) {
  for (uint32_t k = 0; k < h.n_adds; ++k) *h.adds[k].counter += h.adds[k].value;
}

void Core::run_entry_hooks(const Block& b, uint64_t retired) {
  s.retired = retired;
  s.pc = b.pc;
  for (uint32_t k = 0; k < b.hooks->n_entry; ++k)
    reinterpret_cast<ExecCallback>(b.hooks->entry[k].callback)(*owner, b.pc,
                                                               b.hooks->entry[k].data);
}

template <typename XReg>
StopReason Core::execute(uint64_t limit) {
  static const void* const kLabels[] = {
#define RVTLM_OP_LABEL(name, ...) &&L_##name,
      RVTLM_OPS(RVTLM_OP_LABEL)
#undef RVTLM_OP_LABEL
          && L_block_end,
      &&L_entry_track,
      &&L_entry_add,
      &&L_entry_adds,
      &&L_entry_calls,
      &&L_instrumented,
  };
  static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == static_cast<std::size_t>(Op::count));
  // Blocks hold label addresses of one instantiation: a hart never changes
  // width, so the other instantiation's labels are never mixed in.
  labels = kLabels;

  uint64_t retired = s.retired;  // kept local: register writes cannot alias it
  Block* blk = nullptr;
  Block* nb = nullptr;
  const DecodedInsn* ip = nullptr;
  Flow flow = Flow::Next;
  bool first = true;  // a breakpoint at the resume address does not stop again
  // Traps taken without an instruction retiring in between: a guest whose
  // trap handler itself traps would otherwise keep run() from returning.
  unsigned idle_traps = 0;
  uint64_t idle_trap_count_at = ~uint64_t{0};
  MemFault first_fault;
  uint64_t first_fault_pc = 0;

  if (s.wfi) {
    if (!interrupt_pending(retired)) return StopReason::Wfi;
    s.wfi = false;
    async |= kAsyncIrq;
  }

#define INDEX static_cast<uint64_t>(ip - blk->insns)
#define RETIRED_NOW (retired + INDEX)
#define DISPATCH() goto * ip->handler
#define NEXT()  \
  do {          \
    ++ip;       \
    DISPATCH(); \
  } while (0)

// Slow entry: s.pc holds the next instruction's address.
enter:
  s.retired = retired;
  if (async & ~kAsyncDebug) {
    if (auto stop = service_async(retired)) return *stop;
  }
  if (retired >= limit) return StopReason::BudgetSpent;
  if ((async & kAsyncDebug) && !first && breakpoints.count(s.pc)) return StopReason::Breakpoint;
  first = false;
  // An execute trigger fires before the instruction is fetched, so before
  // any fetch fault (Privileged spec 3.7, exception priority).
  if (exec_triggers_ && trigger_matches_fetch(s.pc)) {
    fault = {kCauseBreakpoint, s.pc};
    goto take_exception;
  }
  nb = lookup(s.pc, retired);
  if (!nb) {
    // Instruction fetch fault at the start of a block.
    goto take_exception;
  }
  if (async & kAsyncDebug) {
    if (trace) trace(nb->pc, nb->insns[0].bits, retired);
    goto step;
  }
run_block:
  if (nb->count > limit - retired) goto step;
  blk = nb;
  ip = blk->entry;
  DISPATCH();

// Execute the block's first instruction on its own (budget nearly spent,
// tracing, breakpoints): a copy of it forms a one-instruction block, so the
// usual exits apply. An instrumented block has a decoded one-instruction
// block of its own instead (single_block).
step:
  if (nb->hooks) {
    blk = nb->count == 1 ? nb : single_block(*nb, retired);
    if (!blk) {
      s.pc = nb->pc;  // decoding it again failed: the fault is set
      goto take_exception;
    }
    ip = blk->entry;
    DISPATCH();
  }
  step_insns_[0] = nb->insns[0];
  step_insns_[1] = DecodedInsn{};
  step_insns_[1].op = static_cast<uint16_t>(Op::block_end);
  step_insns_[1].handler = kLabels[step_insns_[1].op];
  step_insns_[1].pc = static_cast<XReg>(nb->pc + nb->insns[0].len);
  step_block_ = *nb;
  step_block_.count = 1;
  step_block_.end = step_insns_[1].pc;
  step_block_.cached = false;
  step_block_.next[0] = step_block_.next[1] = nullptr;
  step_block_.insns = step_insns_;
  blk = &step_block_;
  ip = blk->insns;
  DISPATCH();

#define RVTLM_RUN_Seq(name)                 \
  sem::name<XReg>(*this, *ip, RETIRED_NOW); \
  NEXT();
#define RVTLM_RUN_Ctl(name)                        \
  flow = sem::name<XReg>(*this, *ip, RETIRED_NOW); \
  goto dispatch_flow;
#define RVTLM_OP_IMPL(name, kind, ...) L_##name : {RVTLM_RUN_##kind(name)}
  RVTLM_OPS(RVTLM_OP_IMPL)
#undef RVTLM_OP_IMPL
#undef RVTLM_RUN_Seq
#undef RVTLM_RUN_Ctl

dispatch_flow:
  switch (flow) {
    case Flow::Next:
      NEXT();
    case Flow::Taken:
      goto exit_taken;
    case Flow::Fallthrough:
      goto exit_fallthrough;
    case Flow::Indirect:
      goto exit_indirect;
    case Flow::Trap:
      goto do_trap;
    case Flow::Resync:
      goto do_exit_after;
    case Flow::Wfi:
      goto do_wfi;
  }
  goto do_exit_after;

L_block_end:
  npc = static_cast<XReg>(ip->pc);
  goto exit_fallthrough;

// Entry ops of an instrumented block (before insns, not counted). The
// block's static costs and counted instructions are added whole on entry
// (settle takes back what does not retire); a block whose costs would reach
// the charge limit runs one instruction at a time.
L_entry_track : {
  const uint64_t* prefix = blk->hooks->cost_prefix;
  if (prefix && charged_ + prefix[blk->count] >= charge_limit_) {
    if (blk->count > 1) goto step;
    async |= kAsyncCharge;
  }
  enter_costs(blk->hooks, blk->count, retired);
  NEXT();
}
// An inline counter: the address in pc, the value in bits:imm.
L_entry_add:
  *reinterpret_cast<uint64_t*>(static_cast<uintptr_t>(ip->pc)) +=
      (uint64_t{ip->bits} << 32) | static_cast<uint32_t>(ip->imm);
  NEXT();
// Several counters at once (one dispatch).
L_entry_adds:
  add_entry_counters(*blk->hooks);
  NEXT();
L_entry_calls:
  run_entry_hooks(*blk, retired);
  NEXT();
// An instruction with hooks (its op is unchanged; only the handler is this).
L_instrumented : {
  const InsnHooks& h = blk->hooks->insns[INDEX];
  if (h.n_before) run_hooks_before<XReg>(h, *ip, RETIRED_NOW);
  if (!(h.n_after | h.n_memory) && !(async & kAsyncCharge)) goto* kLabels[ip->op];
  flow = run_instrumented<XReg>(h, *ip, RETIRED_NOW);
  goto dispatch_flow;
}

// A statically known successor is chained to the block (slot 0: taken,
// 1: fall-through) while the translation it was found under holds.
#define RVTLM_EXIT_DIRECT(slot)                   \
  retired += blk->count;                          \
  if (npc & jump_mask) {                          \
    retired -= blk->count;                        \
    ip = blk->insns + blk->count - 1;             \
    fault = {kCauseInsnMisaligned, npc};          \
    goto do_trap;                                 \
  }                                               \
  if (async || retired >= limit) {                \
    s.pc = npc;                                   \
    goto enter;                                   \
  }                                               \
  nb = blk->next[slot];                           \
  if (!nb || blk->link_tag[slot] != link_tag()) { \
    nb = lookup(npc, retired);                    \
    if (!nb) {                                    \
      s.pc = npc;                                 \
      goto enter;                                 \
    }                                             \
    if (blk->cached) {                            \
      blk->next[slot] = nb;                       \
      blk->link_tag[slot] = link_tag();           \
    }                                             \
  }                                               \
  goto run_block;

exit_taken:
  RVTLM_EXIT_DIRECT(0)
exit_fallthrough:
  RVTLM_EXIT_DIRECT(1)
#undef RVTLM_EXIT_DIRECT

exit_indirect:
  retired += blk->count;
  if (npc & jump_mask) {
    retired -= blk->count;
    ip = blk->insns + blk->count - 1;
    fault = {kCauseInsnMisaligned, npc};
    goto do_trap;
  }
  if (async || retired >= limit) {
    s.pc = npc;
    goto enter;
  }
  nb = lookup(npc, retired);
  if (!nb) {
    s.pc = npc;
    goto enter;
  }
  goto run_block;

do_exit_after:
  if (blk->hooks) settle(*blk, INDEX + 1);
  retired += INDEX + 1;
  s.pc = static_cast<XReg>(ip->pc + ip->len);
  goto enter;

do_wfi:
  if (blk->hooks) settle(*blk, INDEX + 1);
  retired += INDEX + 1;
  s.pc = static_cast<XReg>(ip->pc + ip->len);
  s.retired = retired;
  if (!interrupt_pending(retired)) {
    s.wfi = true;
    return StopReason::Wfi;
  }
  goto enter;

do_trap:
  if (blk->hooks) settle(*blk, INDEX);
  retired += INDEX;
  s.pc = ip->pc;
take_exception:
  s.retired = retired;
  if (retired != idle_trap_count_at) {
    idle_trap_count_at = retired;
    idle_traps = 0;
    first_fault = fault;
    first_fault_pc = s.pc;
  } else if (++idle_traps >= kLockupTraps) {
    s.retired = retired;
    report(ReportLevel::Error,
           "lockup: exceptions follow each other without an instruction retiring (the first: "
           "cause " +
               std::to_string(first_fault.cause) + " at pc " + rvtlm::support::hex(first_fault_pc) +
               ", tval " + rvtlm::support::hex(first_fault.tval) + ")");
    return StopReason::Lockup;
  }
  take_trap(fault.cause, fault.tval, s.pc, false);
  goto enter;

#undef INDEX
#undef RETIRED_NOW
#undef DISPATCH
#undef NEXT
}

template StopReason Core::execute<uint32_t>(uint64_t);
template StopReason Core::execute<uint64_t>(uint64_t);

}  // namespace rvtlm::iss
