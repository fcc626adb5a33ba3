// The hart's implementation: architectural state plus the parts that act on
// it, one concern per source file:
//   csr_file.cpp     the CSRs (table in csrs.def)
//   trap.cpp         traps, interrupts, privilege changes
//   mmu.cpp          translation, PMP, the software TLB (mmu.h)
//   block_cache.cpp  decoded blocks and their lookup
//   interpreter.cpp  the execution loop over decoded blocks
//   semantics.h      each instruction's meaning (from insns.def)
// The interpreter is instantiated per register width; everything else works
// for both widths at run time.
#ifndef RVTLM_ISS_CORE_H
#define RVTLM_ISS_CORE_H

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "decoder.h"
#include "insn_info.h"
#include "mmu.h"
#include "pmp.h"
#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"

namespace rvtlm::iss {

struct DecodedInsn {
  const void* handler;  // the op's label in the interpreter (direct threading)
  uint64_t pc;
  int32_t imm;
  uint32_t bits;
  uint16_t op;
  uint8_t rd;  // an x register of 0 is 32: writes to it are discarded
  uint8_t rs1;
  uint8_t rs2;
  uint8_t rs3;
  uint8_t rm;
  uint8_t len;
};
static_assert(sizeof(DecodedInsn) == 32, "one decoded instruction per half cache line");

// Instrumentation compiled into a block (BlockInstrumentation); arrays in
// the block arena, discarded with the block.
struct HookCall {
  void* callback;
  void* data;
};
// The callbacks of one instruction.
struct InsnHooks {
  const HookCall* before;
  const HookCall* after;
  const HookCall* memory;
  uint32_t n_before;
  uint32_t n_after;
  uint32_t n_memory;
};
// A counter that instructions of the block add to: the block's total is
// added on entry, and what did not run is taken back when the block is left
// early (settle), so that it counts exactly what retired.
struct TrackedCounter {
  uint64_t* counter;
  uint64_t total;          // the block's share, prefix[count]
  const uint64_t* prefix;  // count + 1 running sums
};
struct InlineAdd {
  uint64_t* counter;
  uint64_t value;
};
struct BlockHooks {
  const InsnHooks* insns;  // one per instruction, or nullptr
  const InlineAdd* adds;   // what entry_adds adds on entry
  uint32_t n_adds;
  const uint64_t* cost_prefix;  // count + 1 running sums of the costs, or nullptr
  const TrackedCounter* counters;
  uint32_t n_counters;
  const HookCall* entry;
  uint32_t n_entry;
};

struct Block {
  uint64_t pc;   // virtual address of the first instruction
  uint64_t ppc;  // its physical address
  uint64_t end;  // virtual address after the last instruction
  uint32_t count;
  uint8_t priv;  // privilege the block was decoded for
  bool cached;   // false for a lone instruction that crosses a page
  // Successors reached by a direct jump or taken branch (0) and by falling
  // through (1), found on first use, valid while link_tag matches.
  Block* next[2];
  uint32_t link_tag[2];
  Block* alias;        // the next block with the same physical address
  DecodedInsn* insns;  // count instructions, then the block_end sentinel
  // Where execution of the whole block starts: the entry ops of an
  // instrumented block, then insns (which is where the count starts).
  DecodedInsn* entry;
  const BlockHooks* hooks;  // nullptr unless instrumented
};

// Bump allocator for decoded blocks; everything is discarded at once.
class BlockArena {
 public:
  void* allocate(std::size_t size);
  void reset() {
    current_ = 0;
    used_ = 0;
  }
  std::size_t bytes_in_use() const;

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  struct Chunk {
    std::unique_ptr<unsigned char[]> data;
    std::size_t size;
  };
  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

enum AsyncFlag : uint32_t {
  kAsyncIrq = 1,    // re-evaluate pending interrupts
  kAsyncFlush = 2,  // discard decoded blocks
  kAsyncHalt = 4,
  kAsyncExit = 8,
  kAsyncDebug = 16,   // sticky while tracing, breakpoints or execute triggers are active
  kAsyncTimer = 32,   // the Sstc deadline moved: end the run for a new budget
  kAsyncCharge = 64,  // the charge limit was reached: end the run
};

enum class CsrOp : uint8_t { Write, Set, Clear };

// What an instruction's semantics asks the interpreter to do next.
enum class Flow : uint8_t {
  Next,         // the next instruction of the block
  Taken,        // a direct jump or taken branch to npc
  Fallthrough,  // a block-ending instruction continues at npc (= pc + len)
  Indirect,     // an indirect jump to npc
  Trap,         // raise fault
  Resync,       // retire, then re-enter the loop at pc + len (slow paths, state changes)
  Wfi,          // retire, then wait for an interrupt
};

class Core final : public DomainMember {
 public:
  Core(const HartConfig& config, Bus& bus, CoherenceDomain& domain);
  ~Core() override;

  // ---- the loop (interpreter.cpp) ----
  RunResult run(uint64_t budget);
  template <typename XReg>
  StopReason execute(uint64_t limit);

  void reset();
  HartState save_state() const;
  void restore_state(const HartState& state);

  // ---- CSRs (csr_file.cpp) ----
  // Zicsr semantics at privilege s.priv; false for an illegal access.
  bool csr_instruction(uint16_t number, CsrOp op, uint64_t operand, bool writes, uint64_t retired,
                       uint64_t& old);
  // Debugger and embedder access (no privilege check, no instruction retires).
  bool csr_read(uint16_t number, uint64_t retired, uint64_t& value);
  bool csr_write(uint16_t number, uint64_t value, uint64_t retired);
  uint64_t read_mstatus() const;
  uint64_t read_mip(uint64_t retired);

  // ---- traps and privilege (trap.cpp) ----
  void take_trap(uint64_t cause, uint64_t tval, uint64_t epc, bool interrupt);
  // mret (3) / sret (1); false if illegal here.
  bool xret(unsigned level);
  void check_interrupts(uint64_t retired);
  std::optional<StopReason> service_async(uint64_t retired);
  void privilege_changed();  // the MMU context follows s.priv and mstatus
  bool interrupt_pending(uint64_t retired);

  // ---- blocks (block_cache.cpp) ----
  Block* lookup(uint64_t pc, uint64_t retired);
  Block* translate(uint64_t pc, uint64_t ppc, uint64_t retired, unsigned max_insns);
  Block* single_block(const Block& b, uint64_t retired);
  void flush_blocks();
  uint32_t link_tag() const { return (epoch_ << 2) | s.priv; }

  // ---- instrumentation (block_cache.cpp, instrumentation.cpp) ----
  void instrument(uint64_t pc, uint64_t ppc, std::vector<DecodedInsn>& insns,
                  std::vector<DecodedInsn>& entry_ops, const BlockHooks*& hooks);
  template <typename XReg>
  void run_hooks_before(const InsnHooks& h, const DecodedInsn& d, uint64_t retired);
  template <typename XReg>
  Flow run_instrumented(const InsnHooks& h, const DecodedInsn& d, uint64_t retired);
  void run_entry_hooks(const Block& b, uint64_t retired);
  __attribute__((noinline)) void add_entry_counters(const BlockHooks& hooks);
  void charge(uint64_t units) {
    charged_ += units;
    if (charged_ >= charge_limit_) async |= kAsyncCharge;
  }
  uint64_t charged_at(uint64_t retired) const {
    if (tracked_ && tracked_->cost_prefix && retired >= tracked_base_ &&
        retired - tracked_base_ < tracked_count_) {
      const uint64_t* prefix = tracked_->cost_prefix;
      return charged_ - (prefix[tracked_count_] - prefix[retired - tracked_base_]);
    }
    return charged_;
  }
  // A block with static costs charges them whole on entry, and counters of
  // its instructions get their totals (entry_add); leaving the block early
  // (trap, resync, wfi) after `done` instructions takes back the share of
  // those that did not retire.
  void enter_costs(const BlockHooks* hooks, uint32_t count, uint64_t retired) {
    charged_ += hooks->cost_prefix[count];
    tracked_ = hooks;
    tracked_count_ = count;
    tracked_base_ = retired;
  }
  void settle(const Block& b, uint64_t done);
  void notify_trap(const TrapEvent& event);
  void notify_privilege(unsigned from, unsigned to);

  // ---- reservations, debug ----
  void reserve(uint64_t paddr);
  void release_reservation();
  void update_debug();
  void report(ReportLevel level, const std::string& message);
  bool trigger_matches_data(uint64_t addr, unsigned size, bool store) const;
  bool trigger_matches_fetch(uint64_t pc) const;
  bool data_triggers_armed() const { return data_triggers_; }

  // DomainMember
  void drop_write_pointers(uint64_t page) override { mmu.drop_write_pointers(page); }
  void discard_decoded_code() override { async |= kAsyncFlush; }
  void break_reservation(uint64_t addr, unsigned size) override;

  HartConfig config;
  Bus& bus;
  CoherenceDomain& domain;
  const unsigned xlen;
  Decoder decoder;
  const uint64_t misa;
  const uint64_t jump_mask;  // address bits a jump target must not have

  uint64_t x[33] = {};  // x[32] is the sink for writes to x0
  HartState s;
  Pmp pmp;
  Mmu mmu;
  uint32_t async = 0;
  // The host rounds to nearest and has fused multiply-add: checked when a
  // run starts, it lets round-to-nearest F/D arithmetic take the host's fast
  // paths (host_float.h).
  bool host_float = false;
  int exit_code = 0;
  MemFault fault;
  uint64_t npc = 0;  // target of the control transfer that ends a block

  // Decoded code.
  struct JumpEntry {
    uint64_t pc;
    uint32_t tag;
    Block* block;
  };
  static constexpr unsigned kJumpCacheSize = 4096;
  std::unordered_map<uint64_t, Block*> blocks;         // by physical address
  std::unordered_map<uint64_t, Block*> single_blocks;  // single_block(), by physical address
  std::array<JumpEntry, kJumpCacheSize> jump_cache{};
  BlockArena arena;
  std::vector<DecodedInsn> pending;
  std::vector<DecodedInsn> pending_entry;  // entry ops of the block being decoded
  const void* const* labels = nullptr;
  Block step_block_{};
  DecodedInsn step_insns_[2] = {};
  uint32_t epoch_ = 1;  // bumped when translations change (satp, sfence.vma, PMP)

  std::unordered_set<uint64_t> breakpoints;
  bool exec_triggers_ = false;
  bool data_triggers_ = false;
  TraceHandler trace;
  ReportHandler report_handler;

  // Instrumentation and charges.
  Hart* owner = nullptr;
  std::vector<Instrumenter*> instrumenters;
  uint64_t charged_ = 0;
  uint64_t charge_limit_ = ~uint64_t{0};
  const BlockHooks* tracked_ = nullptr;  // the last block entered with costs
  uint32_t tracked_count_ = 0;           // its instructions
  uint64_t tracked_base_ = 0;            // instructions retired when it was entered
  bool started_ = false;

 private:
  void recompute_triggers();
  friend bool write_trigger_csr(Core&, uint16_t, uint64_t);
};

}  // namespace rvtlm::iss

#endif
