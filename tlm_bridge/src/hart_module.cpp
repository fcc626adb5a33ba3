#include "rvtlm/tlm/hart_module.h"

#include <tlm_utils/tlm_quantumkeeper.h>

#include <algorithm>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

namespace rvtlm::tlm {

namespace {

constexpr const char* kMessageType = "rvtlm/tlm/hart";
constexpr const char* kQuantumMessageType = "rvtlm/tlm/quantum";
constexpr uint64_t kAllAddresses = std::numeric_limits<uint64_t>::max();

// SystemC time by value: sc_time_stamp() returns a reference to a time that
// moves on at every wait. Read through the simulation context, whose
// accessor is inline (sc_time_stamp() is a library call, and this is on the
// path of every MMIO access).
inline sc_core::sc_time kernel_time() { return sc_core::sc_get_curr_simcontext()->time_stamp(); }

double seconds_between(std::chrono::steady_clock::time_point from,
                       std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

const char* to_string(SyncPolicy policy) {
  switch (policy) {
    case SyncPolicy::Quantum:
      return "quantum";
    case SyncPolicy::Lockstep:
      return "lockstep";
  }
  return "?";
}

// The standard quantum keeper, with the next sync point readable (the run
// budget is computed from it) and an optional quantum of the hart's own.
class HartModule::QuantumKeeper : public tlm_utils::tlm_quantumkeeper {
 public:
  explicit QuantumKeeper(const sc_core::sc_time& own_quantum) : own_quantum_(own_quantum) {}

  const sc_core::sc_time& next_sync_point() const { return m_next_sync_point; }
  void set_own_quantum(const sc_core::sc_time& quantum) { own_quantum_ = quantum; }

 protected:
  sc_core::sc_time compute_local_quantum() override {
    const sc_core::sc_time global = ::tlm::tlm_global_quantum::instance().compute_local_quantum();
    if (own_quantum_ == sc_core::SC_ZERO_TIME) return global;
    // Aligned to multiples of the quantum, as tlm_global_quantum does.
    const uint64_t now = sc_core::sc_time_stamp().value();
    const uint64_t q = own_quantum_.value();
    const sc_core::sc_time own = sc_core::sc_time::from_value(q - now % q);
    if (global == sc_core::SC_ZERO_TIME) return own;
    return std::min(global, own);
  }

 private:
  sc_core::sc_time own_quantum_;
};

HartModule::HartModule(const sc_core::sc_module_name& name, HartModuleConfig config,
                       iss::CoherenceDomain* domain)
    : sc_core::sc_module(name),
      socket("socket"),
      msip("msip"),
      mtip("mtip"),
      meip("meip"),
      seip("seip"),
      reset("reset"),
      config_(std::move(config)),
      time_model_(config_.time_model
                      ? config_.time_model
                      : std::make_shared<FixedTimeModel>(sc_core::sc_time(1, sc_core::SC_NS))),
      charge_model_(config_.charge_model),
      charges_only_(time_model_->time(1) == sc_core::SC_ZERO_TIME),
      hart_(config_.hart, *this, domain),
      quantum_keeper_(std::make_unique<QuantumKeeper>(config_.quantum)) {
  static const char* const kTieNames[kInputCount] = {"msip_tie", "mtip_tie", "meip_tie", "seip_tie",
                                                     "reset_tie"};
  for (unsigned i = 0; i < kInputCount; ++i) {
    ties_[i] = std::make_unique<sc_core::sc_signal<bool>>(kTieNames[i]);
  }
  socket.register_invalidate_direct_mem_ptr(this, &HartModule::invalidate_direct_mem_ptr);
  // ISS reports are queued and issued between runs: SC_REPORT_ERROR may
  // throw, and an exception must not unwind through the interpreter.
  hart_.set_report_handler([this](iss::ReportLevel level, const std::string& message) {
    reports_.emplace_back(level, message);
  });

  SC_HAS_PROCESS(HartModule);
  SC_THREAD(run_thread);
  SC_METHOD(input_method);
  sensitive << msip << mtip << meip << seip << reset;
}

HartModule::~HartModule() = default;

void HartModule::set_time_model(std::shared_ptr<const TimeModel> model) {
  if (thread_started_)
    throw std::logic_error(std::string(name()) +
                           ": the time model can only change before the hart starts");
  if (!model) model = std::make_shared<FixedTimeModel>(sc_core::sc_time(1, sc_core::SC_NS));
  time_model_ = std::move(model);
  config_.time_model = time_model_;
  charges_only_ = time_model_->time(1) == sc_core::SC_ZERO_TIME;
}

void HartModule::set_charge_model(std::shared_ptr<const TimeModel> model) {
  if (thread_started_)
    throw std::logic_error(std::string(name()) +
                           ": the charge model can only change before the hart starts");
  charge_model_ = std::move(model);
  config_.charge_model = charge_model_;
}

void HartModule::before_end_of_elaboration() {
  // Unbound inputs read the constant false of a private signal.
  sc_core::sc_in<bool>* const inputs[kInputCount] = {&msip, &mtip, &meip, &seip, &reset};
  for (unsigned i = 0; i < kInputCount; ++i) {
    if (inputs[i]->bind_count() == 0) inputs[i]->bind(*ties_[i]);
  }
}

void HartModule::start_of_simulation() {
  // A top level that forgets the global quantum gets lockstep speed (one
  // sync per instruction) without noticing: say so, once per simulation
  // (SystemC counts the reports of each message type).
  if (config_.sync == SyncPolicy::Quantum && config_.quantum == sc_core::SC_ZERO_TIME &&
      ::tlm::tlm_global_quantum::instance().get() == sc_core::SC_ZERO_TIME &&
      sc_core::sc_report_handler::get_count(kQuantumMessageType) == 0) {
    SC_REPORT_WARNING(
        kQuantumMessageType,
        (std::string(name()) + ": no quantum is set (tlm::tlm_global_quantum and "
                               "HartModuleConfig::quantum are zero): harts synchronise after every "
                               "instruction, at lockstep speed; set a quantum, or choose "
                               "SyncPolicy::Lockstep to say that this is meant")
            .c_str());
  }
  host_start_ = std::chrono::steady_clock::now();
  host_clock_running_ = true;
  host_clock_started_ = true;
}

void HartModule::end_of_simulation() { finish_host_clock(); }

void HartModule::finish_host_clock() {
  if (!host_clock_running_) return;
  host_end_ = std::chrono::steady_clock::now();
  host_clock_running_ = false;
}

// ---- Time -------------------------------------------------------------------

// A hart that waits (WFI, reset, stopped) or has fallen behind a target that
// waited is at SystemC time.
sc_core::sc_time HartModule::local_time() const {
  const sc_core::sc_time own = time_at(hart_.retired());
  const sc_core::sc_time now = kernel_time();
  return own > now ? own : now;
}

// The hart's time is counted from its anchor, which only moves where time
// passes without instructions (WFI, reset): syncs keep it, so a time model's
// rounding never accumulates.
void HartModule::rebase() {
  anchor_ = sc_core::sc_time_stamp();
  anchor_retired_ = hart_.retired();
  stall_ = sc_core::SC_ZERO_TIME;
  anchor_charged_ = hart_.charged();
}

uint64_t HartModule::charged_budget(const sc_core::sc_time& limit,
                                    const sc_core::sc_time& next_event) {
  const uint64_t done = hart_.retired() - anchor_retired_;
  const uint64_t charged = hart_.charged() - anchor_charged_;
  const sc_core::sc_time instruction_time = time_model_->time(done);
  const sc_core::sc_time charge_time = charge_model_->time(charged);
  const sc_core::sc_time hart_time = anchor_ + stall_ + instruction_time + charge_time;
  // Nothing fits: a run of one instruction ends at its first charge.
  charge_limit_ = hart_.charged() + 1;
  if (limit <= hart_time) return 0;
  // Instructions and charges both use up the time left: each may take it
  // all (a quantum's end may be passed), but no more than half of what is
  // left to the next event, so that together they never pass the event;
  // then the hart looks again.
  uint64_t span = (limit - hart_time).value();
  if (!charges_only_ && next_event != sc_core::sc_max_time())
    span = std::min<uint64_t>(span, (next_event - hart_time).value() / 2);
  const sc_core::sc_time left = sc_core::sc_time::from_value(span);
  uint64_t budget = ~uint64_t{0} - hart_.retired();
  if (!charges_only_) {
    const uint64_t fit = time_model_->instructions_within(instruction_time + left);
    budget = std::min(budget, fit > done ? fit - done : 0);
  }
  // The run ends once the charges reach what fits (as it ends when the
  // instructions do): at the limit's time, or at the instruction that
  // passes it.
  const uint64_t units = charge_model_->instructions_within(charge_time + left);
  const uint64_t most =
      units > ~uint64_t{0} - anchor_charged_ ? ~uint64_t{0} : anchor_charged_ + units;
  charge_limit_ = std::max(most, hart_.charged() + 1);
  return budget;
}

void HartModule::new_quantum() {
  quantum_keeper_->reset();
  zero_quantum_ = quantum_keeper_->next_sync_point() <= sc_core::sc_time_stamp();
}

void HartModule::sync() {
  const sc_core::sc_time now = kernel_time();
  const sc_core::sc_time hart_time = time_at(hart_.retired());
  quantum_keeper_->set(hart_time > now ? hart_time - now : sc_core::SC_ZERO_TIME);
  quantum_keeper_->sync();
  ++stats_.syncs;
  new_quantum();
}

void HartModule::wait_and_restart(const sc_core::sc_event& event) {
  const sc_core::sc_time before = kernel_time();
  sc_core::wait(event);
  stats_.idle_time += sc_core::sc_time_stamp() - before;
  rebase();
  new_quantum();
}

void HartModule::wait_and_restart(const sc_core::sc_event& event, const sc_core::sc_time& timeout) {
  const sc_core::sc_time before = kernel_time();
  sc_core::wait(timeout, event);
  stats_.idle_time += sc_core::sc_time_stamp() - before;
  rebase();
  new_quantum();
}

bool HartModule::supervisor_timer_at(sc_core::sc_time& at) const {
  uint64_t compare = 0;
  if (time_reaches_) {
    if (!hart_.timer_deadline(compare)) return false;
    const std::optional<sc_core::sc_time> reached = time_reaches_(compare);
    if (!reached) return false;
    at = *reached;
    return true;
  }
  const uint64_t period = config_.time_csr_period.value();
  if (period == 0 || !hart_.timer_deadline(compare)) return false;
  if (compare > ~uint64_t{0} / period) return false;  // beyond SystemC's time range
  at = sc_core::sc_time::from_value(compare * period);
  return true;
}

// ---- The hart's thread --------------------------------------------------------

void HartModule::run_thread() {
  // The first instruction waits for the second delta cycle at time 0:
  // sc_start(SC_ZERO_TIME) completes elaboration and runs one delta cycle,
  // after which an embedder's loader writes the program (debug_write).
  sc_core::wait(sc_core::SC_ZERO_TIME);
  thread_started_ = true;
  if (charges_only_ && !charge_model_)
    SC_REPORT_ERROR(kMessageType, (std::string(name()) +
                                   ": a time model in which instructions take no time needs a "
                                   "charge model (HartModuleConfig::charge_model)")
                                      .c_str());
  apply_interrupt_levels();
  rebase();
  new_quantum();
  for (;;) {
    if (reset.read()) {
      hold_in_reset();
      continue;
    }
    const sc_core::sc_time now = kernel_time();
    sc_core::sc_time hart_time = time_at(hart_.retired());
    if (hart_time < now) {
      // A target waited longer inside b_transport than the delay it was given.
      stall_ += now - hart_time;
      hart_time = now;
    }
    // A zero quantum leaves no room to run ahead: one instruction at a time.
    const bool stepping = config_.sync == SyncPolicy::Lockstep || zero_quantum_;
    sc_core::sc_time limit = quantum_keeper_->next_sync_point();
    // The next event the hart must not pass (with charges, see charged_budget).
    sc_core::sc_time next_event = sc_core::sc_max_time();
    if (!stepping && hart_time >= limit) {
      sync();
      continue;
    }

    activity_now_known_ = false;
    // After a sync that an access of the hart asked for, let the signal
    // changes due now reach the hart before it runs, in every mode.
    const bool settling = settling_;
    settling_ = false;
    if (config_.bound_to_next_activity || settling) {
      sc_core::sc_simcontext* const context = sc_core::sc_get_curr_simcontext();
      if (context->pending_activity_at_current_time()) {
        if (hart_time > now) {
          // Something happens at the current SystemC time, which the hart has
          // already passed (a target scheduled it during the last run).
          sync();
          continue;
        }
        if (now != last_yield_time_) delta_yields_in_row_ = 0;
        if (delta_yields_in_row_ < config_.max_delta_yields) {
          // Let signal updates and the processes they trigger (an interrupt
          // controller, this module's input method) run first.
          ++delta_yields_in_row_;
          last_yield_time_ = now;
          ++stats_.delta_yields;
          sc_core::wait(sc_core::SC_ZERO_TIME);
          new_quantum();
          settling_ = settling;
          continue;
        }
        // Others stay runnable at this time (other harts yielding too): run,
        // bounded by the next timed event only.
        activity_now_known_ = true;
      }
      sc_core::sc_time next;
      if (config_.bound_to_next_activity && context->next_time(next)) {
        next_event = next;
        if (next < limit) limit = next;
      }
    }
    // The supervisor timer (Sstc) is a deadline inside the hart: a run ends
    // there so the interrupt is taken at the same instruction whatever the
    // quantum.
    sc_core::sc_time timer_at;
    if (supervisor_timer_at(timer_at) && timer_at > hart_time) {
      next_event = std::min(next_event, timer_at);
      if (timer_at < limit) limit = timer_at;
    }

    uint64_t budget = 1;
    charge_limit_ = ~uint64_t{0};
    if (!stepping && charge_model_) {
      budget = charged_budget(limit, next_event);
      if (budget == 0) {
        if (hart_time > now) {
          sync();
          continue;
        }
        budget = 1;
      }
    } else if (!stepping) {
      const uint64_t done = hart_.retired() - anchor_retired_;
      const sc_core::sc_time base = anchor_ + stall_;
      const uint64_t fit = limit > base ? time_model_->instructions_within(limit - base) : 0;
      budget = fit > done ? fit - done : 0;
      if (budget == 0) {
        if (hart_time > now) {
          sync();
          continue;
        }
        budget = 1;  // the next activity is less than one instruction away
      }
    }
    run_limit_ = limit;
    run_end_retired_ = hart_.retired() + budget;

    sync_requested_ = false;
    iss::RunResult result;
    if (debug_hooks_) {
      if (!execute_debugged(result)) continue;
    } else {
      result = execute(budget);
    }
    if (result.retired != 0) delta_yields_in_row_ = 0;  // a new point in the hart's time
    flush_reports();

    switch (result.reason) {
      case iss::StopReason::Wfi:
        if (time_at(hart_.retired()) > sc_core::sc_time_stamp()) {
          // Sync first; the next run() sees any interrupt that arrived meanwhile.
          sync();
        } else {
          ++stats_.wfi_waits;
          sc_core::sc_time timer_at;
          if (supervisor_timer_at(timer_at) && timer_at > sc_core::sc_time_stamp())
            wait_and_restart(wake_event_, timer_at - sc_core::sc_time_stamp());
          else
            wait_and_restart(wake_event_);
        }
        break;
      case iss::StopReason::ExitRequest:
        exited_ = true;
        exit_code_ = hart_.exit_code();
        sync();
        finish_host_clock();
        if (config_.on_exit) {
          config_.on_exit(exit_code_);
        } else {
          sc_core::sc_stop();
        }
        wait_for_reset();
        break;
      case iss::StopReason::Lockup:
        // The ISS reported why; the hart stays stopped until it is reset.
        locked_up_ = true;
        sync();
        if (config_.on_lockup) config_.on_lockup();
        wait_for_reset();
        break;
      case iss::StopReason::BudgetSpent:
      case iss::StopReason::Breakpoint:
      case iss::StopReason::HaltRequest:
      case iss::StopReason::TimerChanged:
        if (stepping || sync_requested_) {
          sync();
          settling_ = sync_requested_;
        }
        break;
    }
  }
}

iss::RunResult HartModule::execute(uint64_t budget) {
  running_ = true;
  ++stats_.runs;
  if (charge_model_) hart_.set_charge_limit(charge_limit_);
  const iss::RunResult result = hart_.run(budget);
  running_ = false;
  stats_.instructions += result.retired;
  return result;
}

void HartModule::hold_in_reset() {
  if (time_at(hart_.retired()) > sc_core::sc_time_stamp()) {
    sync();
    return;
  }
  while (reset.read()) wait_and_restart(wake_event_);
  hart_.reset();
  exited_ = false;
  locked_up_ = false;
  apply_interrupt_levels();
  rebase();
  new_quantum();
}

// After an exit or a lockup the hart executes nothing until it is reset.
void HartModule::wait_for_reset() {
  while (!reset.read()) wait_and_restart(wake_event_);
}

sc_core::sc_in<bool>& HartModule::interrupt_input(iss::Interrupt line) {
  switch (line) {
    case iss::Interrupt::MachineSoftware:
      return msip;
    case iss::Interrupt::MachineTimer:
      return mtip;
    case iss::Interrupt::MachineExternal:
      return meip;
    case iss::Interrupt::SupervisorExternal:
      return seip;
    default:
      break;
  }
  SC_REPORT_FATAL("rvtlm/tlm/hart", "no input drives this interrupt line");
  return seip;
}

void HartModule::apply_interrupt_levels() {
  for (const iss::Interrupt line : kInterruptInputs)
    hart_.set_interrupt(line, interrupt_input(line).read());
}

void HartModule::input_method() {
  apply_interrupt_levels();
  // Only possible while a target waits inside b_transport: stop after the
  // current instruction so that reset is seen at once.
  if (running_ && reset.read()) {
    hart_.request_halt();
    own_halt_ = true;
  }
  wake_event_.notify();
}

void HartModule::flush_reports() {
  if (reports_.empty()) return;
  std::vector<std::pair<iss::ReportLevel, std::string>> reports;
  reports.swap(reports_);
  for (const auto& [level, message] : reports) {
    const std::string text = std::string(name()) + ": " + message;
    switch (level) {
      case iss::ReportLevel::Info:
        SC_REPORT_INFO(kMessageType, text.c_str());
        break;
      case iss::ReportLevel::Warning:
        SC_REPORT_WARNING(kMessageType, text.c_str());
        break;
      case iss::ReportLevel::Error:
        SC_REPORT_ERROR(kMessageType, text.c_str());
        break;
    }
  }
}

// ---- Bus: MMIO, DMI, time ---------------------------------------------------------

// A page-table walk may only read and write memory: what the configuration
// says, else a target that offers DMI for the address.
bool HartModule::is_memory(uint64_t addr) {
  if (config_.is_memory) return config_.is_memory(addr);
  ::tlm::tlm_generic_payload p;
  p.set_command(::tlm::TLM_READ_COMMAND);
  p.set_address(addr);
  ::tlm::tlm_dmi dmi;
  return socket->get_direct_mem_ptr(p, dmi) && dmi.is_read_allowed();
}

iss::BusStatus HartModule::read(const iss::BusAccess& access, void* data) {
  if (access.page_table && !is_memory(access.addr)) return iss::BusStatus::Error;
  if (access.debug) {
    return transport_debug(::tlm::TLM_READ_COMMAND, access.addr, data, access.size) == access.size
               ? iss::BusStatus::Ok
               : iss::BusStatus::Error;
  }
  return transport(::tlm::TLM_READ_COMMAND, access, data);
}

iss::BusStatus HartModule::write(const iss::BusAccess& access, const void* data) {
  void* bytes = const_cast<void*>(data);  // TLM payloads take non-const data
  if (access.page_table && !is_memory(access.addr)) return iss::BusStatus::Error;
  if (access.debug) {
    return transport_debug(::tlm::TLM_WRITE_COMMAND, access.addr, bytes, access.size) == access.size
               ? iss::BusStatus::Ok
               : iss::BusStatus::Error;
  }
  return transport(::tlm::TLM_WRITE_COMMAND, access, bytes);
}

iss::BusStatus HartModule::transport(::tlm::tlm_command command, const iss::BusAccess& access,
                                     void* data) {
  // A debugger's watchpoint: stop after this instruction (debug_hooks.h).
  // Page walks are the hart's own accesses, not the program's.
  if (!watchpoints_.empty() && access.type != iss::AccessType::Fetch && !access.page_table &&
      watchpoints_.check(access.addr, access.size, command == ::tlm::TLM_WRITE_COMMAND))
    hart_.request_halt();
  const sc_core::sc_time now = kernel_time();
  const sc_core::sc_time at = time_at(access.retired);
  const sc_core::sc_time sent = at > now ? at - now : sc_core::SC_ZERO_TIME;
  sc_core::sc_time delay = sent;

  ::tlm::tlm_generic_payload& p = payload_;
  p.set_command(command);
  p.set_address(access.addr);
  p.set_data_ptr(static_cast<unsigned char*>(data));
  p.set_data_length(access.size);
  p.set_streaming_width(access.size);
  p.set_byte_enable_ptr(nullptr);
  p.set_byte_enable_length(0);
  p.set_dmi_allowed(false);
  p.set_response_status(::tlm::TLM_INCOMPLETE_RESPONSE);
  // Plain loosely-timed mode watches for activity the access itself makes
  // due now (see after_transport).
  const bool activity_before =
      !config_.bound_to_next_activity && running_ &&
      sc_core::sc_get_curr_simcontext()->pending_activity_at_current_time();
  socket->b_transport(p, delay);

  // Whatever the target added, by annotation or by waiting, stalls the hart.
  const sc_core::sc_time done = kernel_time() + delay;
  const bool stalled = done > now + sent;
  if (stalled) stall_ += done - (now + sent);

  if (command == ::tlm::TLM_READ_COMMAND) {
    ++stats_.mmio_reads;
  } else {
    ++stats_.mmio_writes;
  }
  const bool ok = p.is_response_ok();
  if (!ok) ++stats_.mmio_errors;
  if (p.is_dmi_allowed() && config_.dmi) dmi_hint(access.addr);
  after_transport(stalled, at, activity_before);
  return ok ? iss::BusStatus::Ok : iss::BusStatus::Error;
}

// The run's budget was computed for the activity known when it started. Stop
// after the current instruction if the access changed that: a stall that
// pushes the end of the run past its limit, or an event the target scheduled
// before that limit (a timer reprogrammed, an interrupt line written).
//
// Without deadline bounding the run goes on to the quantum's end, but what an
// access does to an interrupt line must still be seen before the next
// instruction (a handler's store to mtimecmp lowers MTIP): when activity is
// due at or before the access's time `at`, the hart stops, syncs to its own
// time and lets the signals settle (run_thread).
void HartModule::after_transport(bool stalled, const sc_core::sc_time& at, bool activity_before) {
  if (!running_) return;
  bool stop = stalled && time_at(run_end_retired_) > run_limit_;
  sc_core::sc_simcontext* const context = sc_core::sc_get_curr_simcontext();
  if (!stop && config_.bound_to_next_activity) {
    if (!activity_now_known_ && context->pending_activity_at_current_time()) {
      stop = true;
    } else {
      sc_core::sc_time next;
      stop = context->next_time(next) && next < run_limit_;
    }
  } else if (!stop) {
    sc_core::sc_time next;
    if ((!activity_before && context->pending_activity_at_current_time()) ||
        (context->next_time(next) && next <= at)) {
      stop = true;
      sync_requested_ = true;
    }
  }
  if (stop) {
    hart_.request_halt();
    own_halt_ = true;
  }
}

bool HartModule::request_dmi(uint64_t addr, iss::AccessType type, iss::DmiGrant& grant) {
  if (!config_.dmi) {
    // Spares the hart asking again for any address.
    grant.start = 0;
    grant.end = kAllAddresses;
    return false;
  }
  const bool write = type == iss::AccessType::Write;
  ::tlm::tlm_generic_payload& p = payload_;
  p.set_command(write ? ::tlm::TLM_WRITE_COMMAND : ::tlm::TLM_READ_COMMAND);
  p.set_address(addr);
  p.set_data_ptr(nullptr);
  p.set_data_length(0);
  p.set_streaming_width(0);
  p.set_byte_enable_ptr(nullptr);
  p.set_byte_enable_length(0);
  p.set_dmi_allowed(false);
  p.set_response_status(::tlm::TLM_INCOMPLETE_RESPONSE);
  ::tlm::tlm_dmi dmi;
  const bool granted = socket->get_direct_mem_ptr(p, dmi);
  const bool covers = dmi.get_start_address() <= addr && addr <= dmi.get_end_address();
  if (granted && covers && dmi.get_dmi_ptr() != nullptr &&
      (write ? dmi.is_write_allowed() : dmi.is_read_allowed())) {
    grant.host = dmi.get_dmi_ptr();
    grant.start = dmi.get_start_address();
    grant.end = dmi.get_end_address();
    grant.readable = dmi.is_read_allowed();
    grant.writable = dmi.is_write_allowed();
    // Watched bytes stay out of DMI so that their accesses reach transport().
    if (!watchpoints_.empty() && !watchpoints_.clip(addr, grant)) {
      ++stats_.dmi_refusals;
      return false;
    }
    ++stats_.dmi_grants;
    return true;
  }
  ++stats_.dmi_refusals;
  // A refusal names the range where DMI is not available (TLM-2.0 LRM
  // 11.2.6). A grant without the needed permission (a write to ROM) is not
  // passed on as a refusal: reads in its range may still use DMI.
  if (!granted && covers) {
    grant.start = dmi.get_start_address();
    grant.end = dmi.get_end_address();
    dmi_refused_.emplace_back(grant.start, grant.end);
  }
  return false;
}

void HartModule::dmi_hint(uint64_t addr) {
  // The target offers DMI where it refused before: drop the refusal so that
  // the hart asks again.
  for (auto it = dmi_refused_.begin(); it != dmi_refused_.end(); ++it) {
    if (it->first <= addr && addr <= it->second) {
      const auto range = *it;
      dmi_refused_.erase(it);
      hart_.invalidate_dmi(range.first, range.second);
      return;
    }
  }
}

void HartModule::invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end) {
  ++stats_.dmi_invalidations;
  hart_.invalidate_dmi(start, end);
  dmi_refused_.erase(std::remove_if(dmi_refused_.begin(), dmi_refused_.end(),
                                    [&](const std::pair<uint64_t, uint64_t>& r) {
                                      return r.first <= end && start <= r.second;
                                    }),
                     dmi_refused_.end());
}

bool HartModule::read_time(uint64_t retired, uint64_t& value) {
  if (time_source_) {
    value = time_source_(time_at(retired));
    return true;
  }
  if (config_.time_csr_period == sc_core::SC_ZERO_TIME) return false;
  value = time_at(retired).value() / config_.time_csr_period.value();
  return true;
}

// ---- Debug access -----------------------------------------------------------------

unsigned HartModule::transport_debug(::tlm::tlm_command command, uint64_t addr, void* data,
                                     unsigned length) {
  // Not payload_: a debugger may call this while the hart's own transaction
  // is in flight (a target waiting inside b_transport).
  ::tlm::tlm_generic_payload p;
  p.set_command(command);
  p.set_address(addr);
  p.set_data_ptr(static_cast<unsigned char*>(data));
  p.set_data_length(length);
  p.set_streaming_width(length);
  p.set_byte_enable_ptr(nullptr);
  p.set_byte_enable_length(0);
  p.set_response_status(::tlm::TLM_INCOMPLETE_RESPONSE);
  ++stats_.debug_transactions;
  return socket->transport_dbg(p);
}

unsigned HartModule::debug_read(uint64_t addr, void* data, unsigned length) {
  return transport_debug(::tlm::TLM_READ_COMMAND, addr, data, length);
}

unsigned HartModule::debug_write(uint64_t addr, const void* data, unsigned length) {
  const unsigned n =
      transport_debug(::tlm::TLM_WRITE_COMMAND, addr, const_cast<void*>(data), length);
  // The hart may hold decoded code for the bytes written.
  if (n != 0) hart_.invalidate_code(addr, addr + n);
  return n;
}

// ---- Debugger attachment ----------------------------------------------------------

// The run budgeted in run_thread, with a debugger's hooks around it. The
// debugger may hold the hart (false: look at the time again), shorten the
// run (a single step) or stop it early (a breakpoint, a watchpoint); after a
// stop of its own the run goes on with the rest of its budget, so that the
// harts' schedule is the one they have without a debugger.
bool HartModule::execute_debugged(iss::RunResult& result) {
  const uint64_t start = hart_.retired();
  uint64_t retired = 0;
  for (;;) {
    uint64_t budget = run_end_retired_ - hart_.retired();
    if (!debug_hooks_->before_run(*this, budget)) return false;
    own_halt_ = false;
    result = execute(budget);
    retired += result.retired;
    flush_reports();
    debug_hooks_->after_run(*this, result);
    const bool debugger_stop = result.reason == iss::StopReason::Breakpoint ||
                               result.reason == iss::StopReason::BudgetSpent ||
                               (result.reason == iss::StopReason::HaltRequest && !own_halt_);
    // (A reset while stopped moves the count back: the run is over.)
    const uint64_t now = hart_.retired();
    if (!debugger_stop || now >= run_end_retired_ || now < start || reset.read()) break;
  }
  result.retired = retired;
  return true;
}

void HartModule::add_watchpoint(uint64_t addr, uint64_t length, WatchKind kind) {
  watchpoints_.add(addr, length, kind);
  // Grants covering the range are dropped and asked for again (clipped).
  hart_.invalidate_dmi(Watchpoints::hole_start(addr), Watchpoints::hole_end(addr, length));
}

bool HartModule::remove_watchpoint(uint64_t addr, uint64_t length, WatchKind kind) {
  if (!watchpoints_.remove(addr, length, kind)) return false;
  hart_.invalidate_dmi(Watchpoints::hole_start(addr), Watchpoints::hole_end(addr, length));
  return true;
}

void HartModule::set_quantum(const sc_core::sc_time& quantum) {
  config_.quantum = quantum;
  quantum_keeper_->set_own_quantum(quantum);
}

void HartModule::debug_reset() {
  const sc_core::sc_time now = local_time();
  hart_.reset();
  exited_ = false;
  locked_up_ = false;
  apply_interrupt_levels();
  anchor_ = now;
  anchor_retired_ = hart_.retired();
  stall_ = sc_core::SC_ZERO_TIME;
  wake_event_.notify(sc_core::SC_ZERO_TIME);
}

// ---- Statistics -------------------------------------------------------------------

HartStatistics HartModule::statistics() const {
  HartStatistics s = stats_;
  s.simulated_time = local_time();
  if (host_clock_started_) {
    s.host_seconds = seconds_between(
        host_start_, host_clock_running_ ? std::chrono::steady_clock::now() : host_end_);
  }
  s.mips = s.host_seconds > 0 ? static_cast<double>(s.instructions) / s.host_seconds / 1e6 : 0.0;
  return s;
}

void HartModule::print_statistics(std::ostream& os) const {
  rvtlm::tlm::print(os, name(), statistics());
}

}  // namespace rvtlm::tlm
