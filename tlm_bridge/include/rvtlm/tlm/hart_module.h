// One RISC-V hart as a SystemC module: a TLM-2.0 initiator whose time is
// derived from the number of instructions it retired (docs/TLM.md).
#ifndef RVTLM_TLM_HART_MODULE_H
#define RVTLM_TLM_HART_MODULE_H

#include <tlm_utils/simple_initiator_socket.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/coherence.h"
#include "rvtlm/iss/hart.h"
#include "rvtlm/tlm/debug_hooks.h"
#include "rvtlm/tlm/statistics.h"
#include "rvtlm/tlm/time_model.h"

namespace rvtlm::tlm {

// When the hart gives control back to the SystemC kernel.
enum class SyncPolicy : uint8_t {
  Quantum,   // loosely timed: run ahead by up to the quantum, then sync
  Lockstep,  // sync after every instruction (slow; for debugging models)
};

const char* to_string(SyncPolicy policy);

struct HartModuleConfig {
  iss::HartConfig hart;
  // nullptr: 1 ns per instruction.
  std::shared_ptr<const TimeModel> time_model;
  // What the units charged to the hart (iss::Hart::charge, instrumentation
  // costs) are worth: the hart's time is time_model(instructions) +
  // charge_model(units). nullptr: charges do not become time. With a charge
  // model, time_model may give instructions no time of their own
  // (NoInstructionTimeModel).
  std::shared_ptr<const TimeModel> charge_model;
  // This hart's own quantum. Zero follows ::tlm::tlm_global_quantum; when both
  // are set the hart syncs at the boundaries of either. An effective quantum
  // of zero (the global quantum's default) syncs after every instruction.
  sc_core::sc_time quantum = sc_core::SC_ZERO_TIME;
  SyncPolicy sync = SyncPolicy::Quantum;
  // Ask targets for direct memory pointers (get_direct_mem_ptr).
  bool dmi = true;
  // Deadline bounding: never run past the next pending SystemC activity, so
  // that an event (a timer interrupt) is seen at the same instruction
  // whatever the quantum. Off: plain loosely-timed behaviour, events are seen
  // at the next sync.
  bool bound_to_next_activity = true;
  // With deadline bounding, how many delta cycles the hart lets pass at one
  // point in time while other processes are runnable there (signal updates
  // propagating an interrupt) before it runs regardless.
  unsigned max_delta_yields = 8;
  // Period of the `time` CSR (Zicntr); it should match the platform's mtime.
  // Zero: no `time` CSR (reading it is an illegal instruction), unless a
  // time source is set (set_time_source), which takes precedence.
  sc_core::sc_time time_csr_period = sc_core::SC_ZERO_TIME;
  // Called with the exit code when the hart stops with
  // iss::StopReason::ExitRequest (after syncing). Empty: sc_core::sc_stop().
  std::function<void(int)> on_exit;
  // Called (after syncing) when the hart locks up (iss::StopReason::Lockup:
  // traps follow each other without an instruction retiring). The ISS's
  // report comes first, as an SC_REPORT_ERROR of type "rvtlm/tlm/hart"
  // (which throws unless its actions are changed). Either way the hart
  // stays stopped until it is reset.
  std::function<void()> on_lockup;
  // Whether an address is memory, which is all a page-table walk may read
  // or write (anything else is an access fault). Empty: whatever target
  // offers DMI for it.
  std::function<bool(uint64_t)> is_memory;
};

class HartModule : public sc_core::sc_module, private iss::Bus {
 public:
  tlm_utils::simple_initiator_socket<HartModule> socket;
  // Interrupt lines (levels; mip bits MSIP, MTIP, MEIP, SEIP). Unbound
  // inputs are allowed and read false.
  sc_core::sc_in<bool> msip;
  sc_core::sc_in<bool> mtip;
  sc_core::sc_in<bool> meip;
  sc_core::sc_in<bool> seip;
  // The mip bit each input drives, in the order of the inputs above: the
  // ISS's Interrupt is the one definition of the lines.
  static constexpr std::array<iss::Interrupt, 4> kInterruptInputs = {
      iss::Interrupt::MachineSoftware, iss::Interrupt::MachineTimer,
      iss::Interrupt::MachineExternal, iss::Interrupt::SupervisorExternal};
  // The input that drives `line`.
  sc_core::sc_in<bool>& interrupt_input(iss::Interrupt line);
  // Active high: holds the hart in reset; on release it restarts at
  // config.hart.reset_pc. Unbound: never in reset.
  sc_core::sc_in<bool> reset;

  // Harts that share memory must share `domain` (it must outlive them);
  // nullptr gives the hart a private one.
  HartModule(const sc_core::sc_module_name& name, HartModuleConfig config,
             iss::CoherenceDomain* domain = nullptr);
  ~HartModule() override;

  const char* kind() const override { return "rvtlm::tlm::HartModule"; }

  // The ISS hart: registers, CSRs, breakpoints, request_exit(), ... Do not
  // call run() on it.
  iss::Hart& hart() { return hart_; }
  const iss::Hart& hart() const { return hart_; }
  const HartModuleConfig& config() const { return config_; }
  const TimeModel& time_model() const { return *time_model_; }
  const TimeModel* charge_model() const { return charge_model_.get(); }
  // Replace the time model or the charge model (a plugin taking over the
  // hart's time). Only before the hart's thread starts (the second delta
  // cycle at time 0); std::logic_error after.
  void set_time_model(std::shared_ptr<const TimeModel> model);
  void set_charge_model(std::shared_ptr<const TimeModel> model);

  // Loader and debugger accesses through transport_dbg; they never advance
  // time. Return the number of bytes transferred (less than `length` when a
  // target stops early). Valid once elaboration is complete.
  unsigned debug_read(uint64_t addr, void* data, unsigned length);
  unsigned debug_write(uint64_t addr, const void* data, unsigned length);

  // The `time` CSR reads `source` at the instruction's time: the platform's
  // own mtime (one timebase: after a guest writes mtime, the CSR agrees).
  // `reaches` gives the time at which that clock reaches a value (zero:
  // already; empty: never), so that stimecmp (Sstc) is a deadline on the
  // same clock. Call during elaboration.
  void set_time_source(std::function<uint64_t(const sc_core::sc_time&)> source,
                       std::function<std::optional<sc_core::sc_time>(uint64_t)> reaches) {
    time_source_ = std::move(source);
    time_reaches_ = std::move(reaches);
  }

  // The hart's own time: SystemC time plus the offset it runs ahead by.
  sc_core::sc_time local_time() const;
  // The time of the instruction after `retired` instructions since reset,
  // as MMIO sees it (an instruction trace calls this with the count it is
  // given). Meaningful from the hart's last wait on while it runs.
  sc_core::sc_time time_after(uint64_t retired) const { return time_at(retired); }

  bool exited() const { return exited_; }
  // Locked up and not reset since.
  bool locked_up() const { return locked_up_; }
  int exit_code() const { return exit_code_; }

  HartStatistics statistics() const;
  void print_statistics(std::ostream& os) const;

  // ---- Debugger attachment (rvtlm::debug; debug_hooks.h) ----
  // `hooks` (nullptr: none) must outlive the simulation or be removed first.
  void set_debug_hooks(DebugHooks* hooks) { debug_hooks_ = hooks; }
  // Loads and stores of this hart that touch physical [addr, addr+length)
  // halt it after the instruction (iss::StopReason::HaltRequest) with the
  // hit kept for take_watch_hit.
  void add_watchpoint(uint64_t addr, uint64_t length, WatchKind kind);
  bool remove_watchpoint(uint64_t addr, uint64_t length, WatchKind kind);
  bool take_watch_hit(WatchHit& hit) { return watchpoints_.take_hit(hit); }
  // This hart's own quantum (HartModuleConfig::quantum), from the next sync.
  void set_quantum(const sc_core::sc_time& quantum);
  // Resets the hart at once, as a reset pulse would; its time goes on from
  // its local time. Wakes it if it waits for an interrupt.
  void debug_reset();

 private:
  class QuantumKeeper;
  enum Input : unsigned { kMsip, kMtip, kMeip, kSeip, kReset, kInputCount };

  // iss::Bus
  iss::BusStatus read(const iss::BusAccess& access, void* data) override;
  iss::BusStatus write(const iss::BusAccess& access, const void* data) override;
  bool request_dmi(uint64_t addr, iss::AccessType type, iss::DmiGrant& grant) override;
  bool read_time(uint64_t retired, uint64_t& value) override;

  void before_end_of_elaboration() override;
  void start_of_simulation() override;
  void end_of_simulation() override;

  void run_thread();
  void input_method();
  void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);

  // One call of iss::Hart::run; the seam where a parallel policy would hand
  // the hart to a worker thread (docs/TLM.md).
  iss::RunResult execute(uint64_t budget);
  iss::BusStatus transport(::tlm::tlm_command command, const iss::BusAccess& access, void* data);
  unsigned transport_debug(::tlm::tlm_command command, uint64_t addr, void* data, unsigned length);
  void after_transport(bool stalled, const sc_core::sc_time& at, bool activity_before);
  void dmi_hint(uint64_t addr);

  // Absolute time of the hart after `retired` instructions (since reset),
  // with what was charged before the next one.
  sc_core::sc_time time_at(uint64_t retired) const {
    sc_core::sc_time t = anchor_ + time_model_->time(retired - anchor_retired_) + stall_;
    if (charge_model_) t += charge_model_->time(hart_.charged_at(retired) - anchor_charged_);
    return t;
  }
  // With a charge model: the run's instruction budget, and the charge at
  // which it must end (charge_limit_), so that together they reach about
  // `limit` and never pass `next_event`.
  uint64_t charged_budget(const sc_core::sc_time& limit, const sc_core::sc_time& next_event);
  void sync();
  void rebase();
  void new_quantum();
  void wait_and_restart(const sc_core::sc_event& event);
  // Waits for `event` or until `timeout` has passed.
  void wait_and_restart(const sc_core::sc_event& event, const sc_core::sc_time& timeout);
  // Sstc: the SystemC time at which the hart's stimecmp deadline falls.
  bool supervisor_timer_at(sc_core::sc_time& at) const;
  bool is_memory(uint64_t addr);
  void hold_in_reset();
  void wait_for_reset();
  void apply_interrupt_levels();
  void flush_reports();
  void finish_host_clock();

  HartModuleConfig config_;
  std::shared_ptr<const TimeModel> time_model_;
  std::function<uint64_t(const sc_core::sc_time&)> time_source_;
  std::function<std::optional<sc_core::sc_time>(uint64_t)> time_reaches_;
  std::shared_ptr<const TimeModel> charge_model_;
  bool charges_only_ = false;  // instructions take no time of their own
  iss::Hart hart_;
  std::unique_ptr<QuantumKeeper> quantum_keeper_;
  std::array<std::unique_ptr<sc_core::sc_signal<bool>>, kInputCount> ties_;
  sc_core::sc_event wake_event_;
  ::tlm::tlm_generic_payload payload_;

  // The hart's time = anchor_ + time(retired - anchor_retired_) + stall_.
  sc_core::sc_time anchor_;
  uint64_t anchor_retired_ = 0;
  sc_core::sc_time stall_;                // delays added by targets since the anchor
  uint64_t anchor_charged_ = 0;           // hart_.charged() at the anchor
  uint64_t charge_limit_ = ~uint64_t{0};  // for the next run
  bool thread_started_ = false;
  bool zero_quantum_ = false;
  // The absolute time the current run() was budgeted up to.
  sc_core::sc_time run_limit_;
  uint64_t run_end_retired_ = 0;  // hart_.retired() when the run's budget is spent
  bool running_ = false;
  bool activity_now_known_ = false;
  bool sync_requested_ = false;       // by an access whose effects are due now
  bool settling_ = false;             // let signals settle before the next run
  unsigned delta_yields_in_row_ = 0;  // at last_yield_time_
  sc_core::sc_time last_yield_time_;

  std::vector<std::pair<uint64_t, uint64_t>> dmi_refused_;
  std::vector<std::pair<iss::ReportLevel, std::string>> reports_;
  bool exited_ = false;
  bool locked_up_ = false;
  int exit_code_ = 0;

  // Debugger attachment.
  bool execute_debugged(iss::RunResult& result);
  DebugHooks* debug_hooks_ = nullptr;
  Watchpoints watchpoints_;
  bool own_halt_ = false;  // the last halt request was the bridge's, not a debugger's

  HartStatistics stats_;
  std::chrono::steady_clock::time_point host_start_;
  std::chrono::steady_clock::time_point host_end_;
  bool host_clock_started_ = false;
  bool host_clock_running_ = false;
};

}  // namespace rvtlm::tlm

#endif
