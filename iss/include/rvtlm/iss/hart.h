// One RISC-V hart: architectural state plus a decode-once interpreter.
#ifndef RVTLM_ISS_HART_H
#define RVTLM_ISS_HART_H

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/instrumentation.h"
#include "rvtlm/iss/isa.h"
#include "rvtlm/iss/state.h"
#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// How the hart treats a clear A or D bit in a leaf page-table entry
// (Privileged spec 4.3.1): set it as part of the walk (Svadu behaviour, the
// default) or raise a page fault for the software to set it.
enum class PteUpdate : uint8_t { Hardware, Fault };

struct HartConfig {
  // Register width, extensions and privilege modes (misa, the decoder, the
  // CSRs that exist).
  Isa isa;
  uint64_t hart_id = 0;
  uint64_t reset_pc = 0x80000000;
  // Integer registers given a value at every reset (all others are zero): the
  // boot convention of firmware and kernels is a0 = hart id, a1 = device tree.
  std::vector<std::pair<unsigned, uint64_t>> reset_registers;
  MisalignedPolicy misaligned = MisalignedPolicy::Trap;
  // PMP entries (0, 16 or 64) and grain G (2^(G+2) bytes).
  unsigned pmp_entries = 16;
  unsigned pmp_granularity = 0;
  // Sdtrig triggers (0 to 8).
  unsigned triggers = 4;
  PteUpdate pte_update = PteUpdate::Hardware;
  // Upper bound of instructions in one decoded block.
  unsigned max_block_insns = 256;
};

// Called before each instruction when tracing is on.
using TraceHandler = std::function<void(uint64_t pc, uint32_t bits, uint64_t retired)>;
using ReportHandler = std::function<void(ReportLevel level, const std::string& message)>;

class Core;

class Hart {
 public:
  // `domain` groups harts that share memory; nullptr gives the hart a private
  // one. The bus and the domain must outlive the hart.
  Hart(const HartConfig& config, Bus& bus, CoherenceDomain* domain = nullptr);
  ~Hart();
  Hart(const Hart&) = delete;
  Hart& operator=(const Hart&) = delete;

  // Executes at most `budget` instructions.
  RunResult run(uint64_t budget);

  // Returns the hart to its reset state (registers zero, pc = reset_pc,
  // machine mode).
  void reset();

  const HartConfig& config() const;
  uint64_t retired() const;  // instructions retired since reset
  bool waiting_for_interrupt() const;

  uint64_t pc() const;
  void set_pc(uint64_t pc);
  uint64_t reg(unsigned index) const;
  void set_reg(unsigned index, uint64_t value);
  // CSR access for debuggers and embedders; false if the CSR does not exist.
  bool read_csr(uint16_t number, uint64_t& value);
  bool write_csr(uint16_t number, uint64_t value);

  // The whole architectural state as plain data (snapshots).
  HartState save_state() const;
  void restore_state(const HartState& state);

  // Interrupt levels (mip bits the platform owns). May be called from a bus
  // callback during run(): the interrupt is taken at the next instruction
  // boundary.
  void set_interrupt(Interrupt line, bool level);

  // Sstc: the `time` value at which the supervisor timer (stimecmp) raises
  // STIP, when it is in use (menvcfg.STCE). A platform treats it like an
  // mtimecmp deadline: it bounds run budgets so that the interrupt is taken
  // at the same instruction whatever the quantum, and wakes a hart waiting
  // in WFI. run() looks at `time` again at its start.
  bool timer_deadline(uint64_t& time_value) const;

  // Asynchronous requests; run() returns after the current instruction.
  void request_halt();
  void request_exit(int code);
  int exit_code() const;

  // DMI invalidation: stop using host pointers for [start, end] at once.
  void invalidate_dmi(uint64_t start, uint64_t end);
  // Memory in [start, end) changed behind the hart's back (DMA, debugger).
  void invalidate_code(uint64_t start, uint64_t end);

  void add_breakpoint(uint64_t addr);
  void remove_breakpoint(uint64_t addr);

  void set_trace(TraceHandler handler);
  void set_report_handler(ReportHandler handler);

  // Debugger access to memory at a virtual address, translated as the
  // hart's loads would be (no A/D update, no fault); false if unmapped or
  // not accessible.
  bool debug_read(uint64_t vaddr, void* data, unsigned size);
  bool debug_write(uint64_t vaddr, const void* data, unsigned size);
  // The physical address debug_read would use for `vaddr` (debugger
  // watchpoints); false if unmapped.
  bool debug_translate(uint64_t vaddr, uint64_t& paddr);

  // Floating-point register `index` (0..31) as its 64-bit pattern.
  uint64_t freg(unsigned index) const;
  void set_freg(unsigned index, uint64_t value);
  unsigned privilege() const;

  // Instrumentation (instrumentation.h). The instrumenter must stay alive
  // while attached; attaching or removing one discards the decoded code, so
  // that every block is decoded (and instrumented) again.
  void add_instrumenter(Instrumenter& instrumenter);
  void remove_instrumenter(Instrumenter& instrumenter);

  // Costs charged to the hart, in units an embedder gives a meaning to (the
  // TLM bridge turns them into time). charge() may be called from an
  // execution callback or between runs.
  void charge(uint64_t units);
  // Units charged since reset; exact between runs.
  uint64_t charged() const;
  // Units charged before the instruction after `retired` instructions, for a
  // bus access or callback of the current run (like BusAccess::retired).
  uint64_t charged_at(uint64_t retired) const;
  // run() returns BudgetSpent once charged() reaches `units`, right after
  // the instruction that reached it (after at least one instruction); a
  // block whose own costs would reach it runs one instruction at a time.
  // No limit: ~0.
  void set_charge_limit(uint64_t units);

 private:
  std::unique_ptr<CoherenceDomain> own_domain_;
  std::unique_ptr<Core> core_;
};

}  // namespace rvtlm::iss

#endif
