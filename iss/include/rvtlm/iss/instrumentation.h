// Instrumentation hooks of the ISS: an Instrumenter attached to a hart is
// shown each block of guest code when it is decoded, and says there what
// should run when the block executes — callbacks before or after an
// instruction, after its memory access, on entry of the block, counters
// incremented in the decoded code itself, and costs charged to the hart.
// Code that no instrumenter asks for is decoded exactly as without
// instrumentation and runs at full speed. Traps, privilege changes and the
// start and stop of the hart are reported to every instrumenter.
//
// The plugin C ABI (plugins/, rvtlm/plugin.h) is built on these hooks; the
// ISS knows nothing of plugins.
#ifndef RVTLM_ISS_INSTRUMENTATION_H
#define RVTLM_ISS_INSTRUMENTATION_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

class Hart;
class Core;

// What an instruction does, for histograms and cost models.
enum class InsnClass : uint8_t {
  Alu,         // integer arithmetic, logic, shifts, lui/auipc, bit manipulation
  Multiply,    // mul*
  Divide,      // div*, rem*
  Load,        // integer loads
  Store,       // integer stores
  Atomic,      // lr, sc, amo*
  Branch,      // conditional branches
  Jump,        // jal, jalr
  Csr,         // Zicsr
  System,      // ecall, ebreak, mret, sret, wfi, sfence.vma, fence.i
  Fence,       // fence, fence.tso, pause
  FpLoad,      // flw, fld
  FpStore,     // fsw, fsd
  FpAdd,       // fadd, fsub, fmin, fmax, comparisons, classify, sign injection
  FpMultiply,  // fmul
  FpFma,       // fmadd, fmsub, fnmsub, fnmadd
  FpDivide,    // fdiv, fsqrt
  FpConvert,   // fcvt, fmv
  Illegal,     // an encoding the hart does not implement
};
constexpr unsigned kInsnClassCount = static_cast<unsigned>(InsnClass::Illegal) + 1;
// A short lower-case name: "alu", "mul", "div", "load", ... "fp-fma", "illegal".
const char* to_string(InsnClass insn_class);

// One instruction of a block being decoded.
struct DecodedInstruction {
  uint64_t pc = 0;
  uint32_t bits = 0;  // the low 16 bits only for a compressed instruction
  uint8_t size = 4;   // 2 or 4 bytes
  InsnClass insn_class = InsnClass::Alu;
  // Bytes of data the instruction reads or writes (0: none).
  uint8_t memory_size = 0;
  const char* mnemonic = "";  // from the encoding table, e.g. "c.addi"
};

// The data access of an instruction, reported after it was performed (an
// instruction that faults reports none).
struct MemoryAccess {
  uint64_t vaddr = 0;
  uint64_t paddr = 0;  // after translation (equal to vaddr without paging)
  uint8_t size = 0;
  bool load = false;
  bool store = false;   // both for an AMO
  bool device = false;  // went through Bus::read/write rather than a direct (DMI) pointer
};

// A trap the hart took (Privileged spec 3.1.6.1, 4.1.1).
struct TrapEvent {
  uint64_t cause = 0;  // without the interrupt bit
  bool interrupt = false;
  uint64_t tval = 0;
  uint64_t epc = 0;
  uint64_t handler = 0;  // the pc the hart continues at
  unsigned from_privilege = 3;
  unsigned to_privilege = 3;
  uint64_t retired = 0;  // instructions retired before the trap
};

// Execution callbacks. While one runs, Hart::pc() and Hart::retired() give
// the instruction it is about and the count before it; registers, CSRs and
// memory may be read (Hart::reg, read_csr, debug_read) but not changed.
// `data` is what the instrumenter registered with the callback.
using ExecCallback = void (*)(Hart& hart, uint64_t pc, void* data);
using AfterCallback = void (*)(Hart& hart, uint64_t pc, uint64_t next_pc, void* data);
using MemoryCallback = void (*)(Hart& hart, uint64_t pc, const MemoryAccess& access, void* data);

// A block being decoded, and what an instrumenter asks for on it. Passed to
// Instrumenter::instrument; valid during that call only. Index `i` counts
// the block's instructions from 0.
//
// Callbacks and counters "on entry" run when the block is entered to be
// executed whole. When a run's budget ends inside a block, the rest of the
// block is decoded as a block of its own: entry hooks (and entry costs)
// therefore depend on where runs end, while everything attached to an
// instruction runs exactly once per execution of that instruction.
class BlockInstrumentation {
 public:
  Hart& hart() const { return *hart_; }
  uint64_t pc() const { return pc_; }
  uint64_t physical_pc() const { return ppc_; }
  unsigned privilege() const { return privilege_; }
  std::size_t size() const { return insns_.size(); }
  const DecodedInstruction& instruction(std::size_t i) const { return insns_.at(i); }

  // Memory that lives exactly as long as the decoded block (for the data of
  // callbacks registered on it); 16-byte aligned, not initialised.
  void* allocate(std::size_t bytes);

  // On entry of the block.
  void on_entry(ExecCallback callback, void* data);
  void add_on_entry(uint64_t* counter, uint64_t value);

  // Before instruction i executes.
  void on_execute(std::size_t i, ExecCallback callback, void* data);
  // `value` added to *counter for every execution of instruction i. Exact
  // whatever happens (it costs one addition per counter and block entry:
  // the block's total is added on entry, and what does not retire is taken
  // back when a trap or a stop leaves the block early); while the block
  // runs, the counter already holds the whole block's share.
  void add_on_execute(std::size_t i, uint64_t* counter, uint64_t value);
  // After instruction i retired (not when it trapped), with the pc of the
  // next instruction (a branch taken or not).
  void after_execute(std::size_t i, AfterCallback callback, void* data);
  // After instruction i performed its load, store or atomic access.
  void on_memory(std::size_t i, MemoryCallback callback, void* data);

  // A cost in charge units (Hart::charge) of instruction i, charged when
  // it retires; like the instruction count, the charges are exact at every
  // point, including an MMIO access in the middle of the block.
  void charge(std::size_t i, uint64_t units);

 private:
  friend class Core;
  struct Call {
    void* callback;
    void* data;
  };
  struct Add {
    uint64_t* counter;
    uint64_t value;
  };
  struct Hooks {
    std::vector<Add> adds;
    std::vector<Call> before;
    std::vector<Call> after;
    std::vector<Call> memory;
    uint64_t cost = 0;
  };
  BlockInstrumentation(Core& core, Hart& hart, uint64_t pc, uint64_t ppc, unsigned privilege)
      : core_(&core), hart_(&hart), pc_(pc), ppc_(ppc), privilege_(privilege) {}
  Hooks& at(std::size_t i);

  Core* core_;
  Hart* hart_;
  uint64_t pc_;
  uint64_t ppc_;
  unsigned privilege_;
  std::vector<DecodedInstruction> insns_;
  std::vector<Call> entry_calls_;
  std::vector<Add> entry_adds_;
  std::vector<Hooks> hooks_;  // per instruction, sized on first use
};

// Attached to harts with Hart::add_instrumenter. One instrumenter may serve
// several harts (the hart is passed to every call).
class Instrumenter {
 public:
  virtual ~Instrumenter() = default;
  // A block was decoded (again after decoded code was discarded: fence.i,
  // code modified, a new instrumenter).
  virtual void instrument(BlockInstrumentation& block) { (void)block; }
  virtual void trap_taken(Hart& hart, const TrapEvent& trap) {
    (void)hart;
    (void)trap;
  }
  virtual void privilege_changed(Hart& hart, unsigned from, unsigned to) {
    (void)hart;
    (void)from;
    (void)to;
  }
  // The first run() after construction or reset.
  virtual void hart_started(Hart& hart) { (void)hart; }
  // run() returned ExitRequest or Lockup.
  virtual void hart_stopped(Hart& hart, StopReason reason) {
    (void)hart;
    (void)reason;
  }
};

}  // namespace rvtlm::iss

#endif
