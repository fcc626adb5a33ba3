// Run control of SystemC harts for the GDB server.
//
// Threads: the network runs on its own host thread (tcp_transport.cpp); the
// protocol session, the target and everything below run in the SystemC
// kernel's thread, inside SystemC processes.
//
// All-stop: a stop happens inside a SystemC process (the thread of the hart
// that hit a breakpoint, finished a step or touched a watchpoint, or this
// module's control thread for Ctrl-C and new connections), which then serves
// the debugger until it resumes. While it serves, no other process runs and
// simulated time stands still; the other harts sit between two runs, at an
// instruction boundary.
//
// While the target runs, the network thread wakes the control thread
// through an asynchronous update (sc_prim_channel::async_request_update,
// the standard's thread-safe way in); with a debugger connected the kernel
// waits for such updates instead of ending for lack of events.
#include "rvtlm/debug/gdb_server.h"

#include <atomic>
#include <deque>
#include <utility>

#include "hart_target.h"
#include "rvtlm/debug/rsp_session.h"
#include "rvtlm/iss/csr.h"
#include "tcp_transport.h"

namespace rvtlm::debug {

namespace {

// Network activity as a SystemC event.
class InputChannel : public sc_core::sc_prim_channel {
 public:
  explicit InputChannel(const char* name) : sc_core::sc_prim_channel(name) {}
  sc_core::sc_event& event() { return event_; }
  bool attach_suspending() { return async_attach_suspending(); }
  bool detach_suspending() { return async_detach_suspending(); }

 private:
  void update() override { event_.notify(sc_core::SC_ZERO_TIME); }
  sc_core::sc_event event_;
};

// Is the 32-bit instruction a CSR access to mie or sie (Zicsr, opcode
// SYSTEM with funct3 != 0)? A single step masks interrupts through mie and
// must not do so under an instruction that reads or writes it.
bool accesses_interrupt_enable(uint32_t bits) {
  if ((bits & 0x7f) != 0x73 || ((bits >> 12) & 7) == 0) return false;
  const uint32_t csr = bits >> 20;
  return csr == iss::csr::k_mie || csr == iss::csr::k_sie;
}

}  // namespace

class GdbServer::Impl final : public RunControl {
 public:
  Impl(std::vector<tlm::HartModule*> harts, GdbServerOptions options);
  ~Impl() override;

  // RunControl
  void resume(const std::vector<ResumeKind>& actions) override;
  void interrupt() override { interrupt_requested_ = true; }
  void detach() override;
  void kill() override;

  bool before_run(unsigned hart, uint64_t& budget);
  void after_run(unsigned hart, const iss::RunResult& result);
  void control();
  void end_of_simulation();

  uint16_t port() const { return transport_->port(); }
  const std::string& address() const { return transport_->address(); }
  bool attached() const { return connected_; }
  bool killed() const { return killed_; }

 private:
  enum class Mode : uint8_t {
    Free,     // no debugger: the harts run undisturbed
    Running,  // resumed by the debugger
    Stopped,  // a process serves the debugger
    Ended,    // killed, or the program exited
  };

  // Per hart: what the last resume asked for, and a single step in progress.
  struct HartControl {
    ResumeKind action = ResumeKind::Continue;
    bool stepping = false;
    uint64_t step_pc = 0;
    bool step_from_wfi = false;
    bool masked = false;  // mie cleared for the step
    uint64_t saved_mie = 0;
    std::vector<uint64_t> step_breakpoints;
    // Stopped by a watchpoint at this pc (the access has retired).
    bool watch_stop = false;
    uint64_t watch_pc = 0;
    // Where the hart was when the target last resumed: a breakpoint there
    // is passed, not reported again.
    uint64_t resume_pc = 0;
    uint64_t resume_retired = 0;
    // The zero-budget run that takes a pending interrupt is done.
    bool interrupt_taken = false;
  };

  class Hooks final : public tlm::DebugHooks {
   public:
    Hooks(Impl& impl, unsigned hart) : impl_(impl), hart_(hart) {}
    bool before_run(tlm::HartModule&, uint64_t& budget) override {
      return impl_.before_run(hart_, budget);
    }
    void after_run(tlm::HartModule&, const iss::RunResult& result) override {
      impl_.after_run(hart_, result);
    }

   private:
    Impl& impl_;
    unsigned hart_;
  };

  void send(const std::string& bytes) { transport_->send(bytes); }
  void notify_from_network();
  // Takes events from the network: handles data and disconnections; a new
  // connection is left for attach(). Returns false if one waits.
  bool process_events();
  void attach();
  void disconnected();
  void stop_world(const StopEvent& event);
  void serve();
  void wait_for_first_debugger();
  void leave_blocking();
  void arm_step(unsigned hart, uint64_t& budget);
  void wake_held_harts();
  bool disarm_step(unsigned hart, const iss::RunResult& result);
  void clear_steps();

  std::vector<tlm::HartModule*> harts_;
  GdbServerOptions options_;
  HartTarget target_;
  Session session_;
  InputChannel channel_;
  sc_core::sc_event resume_event_;
  sc_core::sc_event never_;
  std::vector<Hooks> hooks_;
  std::vector<HartControl> control_;
  std::deque<TcpTransport::Event> events_;

  Mode mode_ = Mode::Free;
  bool connected_ = false;
  bool connection_waiting_ = false;
  bool suspending_ = false;
  bool interrupt_requested_ = false;
  bool killed_ = false;
  bool waiting_for_first_ = false;
  ThreadId last_thread_ = 1;
  unsigned held_ = 0;  // harts waiting for resume_event_
  // A step answered without executing anything (see resume()).
  bool instant_stop_ = false;
  StopEvent instant_event_;
  // The kernel's thread waits for the network itself: no update needed.
  std::atomic<bool> blocking_{false};
  std::unique_ptr<TcpTransport> transport_;  // last: stopped first
};

GdbServer::Impl::Impl(std::vector<tlm::HartModule*> harts, GdbServerOptions options)
    : harts_(std::move(harts)),
      options_(std::move(options)),
      target_(harts_, *this, options_.on_reset),
      session_(target_, [this](const std::string& bytes) { send(bytes); }),
      channel_("input"),
      control_(harts_.size()),
      waiting_for_first_(options_.wait_for_debugger) {
  // Listening first: if it fails, the harts are left as they were.
  transport_ = std::make_unique<TcpTransport>(options_.address, options_.port,
                                              [this] { notify_from_network(); });
  hooks_.reserve(harts_.size());
  for (unsigned i = 0; i < harts_.size(); ++i) hooks_.emplace_back(*this, i);
  for (unsigned i = 0; i < harts_.size(); ++i) harts_[i]->set_debug_hooks(&hooks_[i]);
}

GdbServer::Impl::~Impl() {
  blocking_ = true;  // no more updates for a simulation that has ended
  transport_.reset();
  for (tlm::HartModule* h : harts_) h->set_debug_hooks(nullptr);
}

// Network thread.
void GdbServer::Impl::notify_from_network() {
  if (!blocking_.load()) channel_.async_request_update();
}

// ---- connections and events ------------------------------------------------------------

bool GdbServer::Impl::process_events() {
  while (!events_.empty()) {
    TcpTransport::Event& e = events_.front();
    switch (e.kind) {
      case TcpTransport::Event::Kind::Connected:
        if (connected_ || mode_ == Mode::Ended) {
          // Left over from an earlier client that has gone: handled after
          // its Disconnected (or too late to matter).
          if (mode_ == Mode::Ended) transport_->close_client();
          events_.pop_front();
          break;
        }
        connection_waiting_ = true;
        events_.pop_front();
        return false;
      case TcpTransport::Event::Kind::Data: {
        const std::string data = std::move(e.data);
        events_.pop_front();
        if (connected_) session_.receive(data);
        break;
      }
      case TcpTransport::Event::Kind::Disconnected:
        events_.pop_front();
        disconnected();
        break;
    }
  }
  return true;
}

void GdbServer::Impl::attach() {
  connection_waiting_ = false;
  connected_ = true;
  if (!suspending_) suspending_ = channel_.attach_suspending();
  session_.connect({StopEvent::Kind::Signal, last_thread_, kSigTrap});
  clear_steps();
  for (HartControl& c : control_) c.action = ResumeKind::Stay;
  mode_ = Mode::Stopped;
}

void GdbServer::Impl::disconnected() {
  if (!connected_) return;
  connected_ = false;
  if (suspending_) {
    channel_.detach_suspending();
    suspending_ = false;
  }
  // A debugger that went without detaching leaves the program running.
  if (mode_ == Mode::Stopped || mode_ == Mode::Running) detach();
}

// ---- run control -------------------------------------------------------------------------

void GdbServer::Impl::resume(const std::vector<ResumeKind>& actions) {
  target_.refresh_watchpoints();
  clear_steps();
  instant_stop_ = false;
  for (unsigned i = 0; i < control_.size(); ++i) {
    HartControl& c = control_[i];
    ResumeKind k = i < actions.size() ? actions[i] : ResumeKind::Stay;
    // No history to run backwards through: reverse kinds are not offered.
    if (k == ResumeKind::ReverseContinue || k == ResumeKind::ReverseStep) k = ResumeKind::Stay;
    c.action = k;
    // GDB takes RISC-V watchpoints to fire before the access (as Sdtrig
    // triggers with timing = before do) and steps over the accessing
    // instruction after a watchpoint stop. rvtlm stops after the access has
    // retired: that step is already done, and is answered at once.
    if (k == ResumeKind::Step && c.watch_stop && harts_[i]->hart().pc() == c.watch_pc &&
        !instant_stop_) {
      instant_stop_ = true;
      instant_event_ = {};
      instant_event_.thread = i + 1;
      instant_event_.reason = StopEvent::Reason::Step;
    }
    c.watch_stop = false;
    c.resume_pc = harts_[i]->hart().pc();
    c.resume_retired = harts_[i]->hart().retired();
    c.interrupt_taken = false;
  }
  interrupt_requested_ = false;
  mode_ = Mode::Running;
  if (!instant_stop_) wake_held_harts();
}

// Only when some hart waits: a notification is pending activity, which makes
// the running harts yield where they would not have without a debugger.
void GdbServer::Impl::wake_held_harts() {
  if (held_ != 0) resume_event_.notify(sc_core::SC_ZERO_TIME);
}

void GdbServer::Impl::detach() {
  target_.remove_all();
  clear_steps();
  for (HartControl& c : control_) c.action = ResumeKind::Continue;
  interrupt_requested_ = false;
  mode_ = Mode::Free;
  wake_held_harts();
}

void GdbServer::Impl::kill() {
  target_.remove_all();
  clear_steps();
  killed_ = true;
  mode_ = Mode::Ended;
  transport_->close_client();
  wake_held_harts();
  if (options_.on_kill) {
    options_.on_kill();
  } else {
    sc_core::sc_stop();
  }
}

void GdbServer::Impl::clear_steps() {
  for (HartControl& c : control_) {
    c.stepping = false;
    c.step_from_wfi = false;
  }
}

void GdbServer::Impl::stop_world(const StopEvent& event) {
  interrupt_requested_ = false;
  last_thread_ = event.thread;
  mode_ = Mode::Stopped;
  clear_steps();
  session_.report_stop(event);
  serve();
}

void GdbServer::Impl::serve() {
  blocking_ = true;
  while (mode_ == Mode::Stopped && connected_) {
    if (events_.empty()) transport_->wait(events_);
    if (!process_events() && !connected_) attach();
    if (instant_stop_) {
      instant_stop_ = false;
      if (mode_ == Mode::Running) {
        mode_ = Mode::Stopped;
        session_.report_stop(instant_event_);
      }
    }
  }
  leave_blocking();
}

void GdbServer::Impl::leave_blocking() {
  blocking_ = false;
  // What arrived after the last look (and without an update, since the
  // kernel was waiting itself) is looked at by the control thread.
  if (!events_.empty() || transport_->poll(events_)) channel_.event().notify(sc_core::SC_ZERO_TIME);
}

void GdbServer::Impl::wait_for_first_debugger() {
  waiting_for_first_ = false;
  blocking_ = true;
  while (!connected_) {
    if (events_.empty()) transport_->wait(events_);
    if (!process_events()) attach();
  }
  blocking_ = false;
  serve();
}

// The control thread: the network's events while no hart is stopped.
void GdbServer::Impl::control() {
  for (;;) {
    sc_core::wait(channel_.event());
    if (mode_ == Mode::Ended) continue;
    transport_->poll(events_);
    for (;;) {
      if (!process_events() && !connected_) {
        attach();
        serve();
        continue;
      }
      if (mode_ == Mode::Running && interrupt_requested_) {
        stop_world({StopEvent::Kind::Signal, last_thread_, kSigInt});
        continue;
      }
      break;
    }
  }
}

// ---- the harts' hooks -----------------------------------------------------------------------

bool GdbServer::Impl::before_run(unsigned hart, uint64_t& budget) {
  if (killed_) {
    // The run ends at the end of this delta cycle; nothing more executes.
    sc_core::wait(never_);
    return false;
  }
  if (waiting_for_first_) wait_for_first_debugger();
  if (mode_ != Mode::Running) return true;
  HartControl& c = control_[hart];
  switch (c.action) {
    case ResumeKind::Continue:
      if (target_.has_breakpoints()) {
        // The ISS does not stop at a breakpoint where a run starts, nor where
        // an interrupt taken at that start leads (the entry of a handler):
        // such interrupts are taken by a run of budget 0 first, and the
        // breakpoint is looked for here.
        if (!c.interrupt_taken) {
          c.interrupt_taken = true;
          budget = 0;
          return true;
        }
        c.interrupt_taken = false;
        iss::Hart& h = harts_[hart]->hart();
        const int type = target_.breakpoint_at(h.pc());
        if (type >= 0 && (h.pc() != c.resume_pc || h.retired() != c.resume_retired)) {
          StopEvent e;
          e.thread = hart + 1;
          e.reason = type == 0 ? StopEvent::Reason::SoftwareBreakpoint
                               : StopEvent::Reason::HardwareBreakpoint;
          stop_world(e);
          // Resumed: from here, as the new actions say.
          return before_run(hart, budget);
        }
      }
      return true;
    case ResumeKind::Step:
      arm_step(hart, budget);
      return true;
    default:
      // Not resumed (vCont named other threads): wait for the next resume.
      // Simulated time that passes meanwhile is lost to this hart.
      ++held_;
      sc_core::wait(resume_event_);
      --held_;
      return false;
  }
}

// A single step ends after one instruction, at the first instruction of a
// trap handler the instruction enters, or when an interrupt wakes a hart
// waiting for one; interrupts are not taken while stepping otherwise (Debug
// spec 4.9.1, dcsr.stepie = 0).
void GdbServer::Impl::arm_step(unsigned hart, uint64_t& budget) {
  HartControl& c = control_[hart];
  iss::Hart& h = harts_[hart]->hart();
  if (!c.stepping) {
    c.stepping = true;
    c.step_pc = h.pc();
  }
  if (h.waiting_for_interrupt()) {
    // Budget 0 takes the waking interrupt (if enabled) and executes nothing.
    c.step_from_wfi = true;
    budget = 0;
    return;
  }
  budget = 1;
  uint32_t bits = 0;
  h.debug_read(h.pc(), &bits, 4);
  uint64_t mie = 0;
  if (!accesses_interrupt_enable(bits) && h.read_csr(iss::csr::k_mie, mie) && mie != 0) {
    c.masked = true;
    c.saved_mie = mie;
    h.write_csr(iss::csr::k_mie, 0);
  }
  // Exceptions enter at the vector's base in both modes (Privileged 3.1.7).
  const bool s_mode = h.config().isa.has(iss::Extension::S);
  for (const uint16_t vec : {uint16_t{iss::csr::k_mtvec}, uint16_t{iss::csr::k_stvec}}) {
    uint64_t base;
    if (vec == iss::csr::k_stvec && !s_mode) continue;
    if (!h.read_csr(vec, base)) continue;
    base &= ~uint64_t{3};
    target_.acquire_breakpoint(hart, base);
    c.step_breakpoints.push_back(base);
  }
}

bool GdbServer::Impl::disarm_step(unsigned hart, const iss::RunResult& result) {
  HartControl& c = control_[hart];
  iss::Hart& h = harts_[hart]->hart();
  if (c.masked) {
    uint64_t mie = 0;
    // The instruction left mie alone (it does not access it): restore.
    if (h.read_csr(iss::csr::k_mie, mie) && mie == 0) h.write_csr(iss::csr::k_mie, c.saved_mie);
    c.masked = false;
  }
  for (const uint64_t a : c.step_breakpoints) target_.release_breakpoint(hart, a);
  c.step_breakpoints.clear();
  if (!c.stepping) return false;
  if (c.step_from_wfi) return !h.waiting_for_interrupt();
  return result.retired != 0 || h.pc() != c.step_pc || result.reason == iss::StopReason::Breakpoint;
}

void GdbServer::Impl::after_run(unsigned hart, const iss::RunResult& result) {
  tlm::HartModule& m = *harts_[hart];
  const bool stepped = disarm_step(hart, result);
  tlm::WatchHit hit;
  const bool watched = m.take_watch_hit(hit);
  if (mode_ != Mode::Running) return;

  StopEvent e;
  e.thread = hart + 1;
  if (result.reason == iss::StopReason::ExitRequest) {
    e.kind = StopEvent::Kind::Exited;
    e.exit_code = m.hart().exit_code();
    mode_ = Mode::Ended;
    session_.report_stop(e);
    transport_->close_client();
    return;
  }
  if (watched) {
    e.reason = hit.kind == tlm::WatchKind::Write  ? StopEvent::Reason::WriteWatch
               : hit.kind == tlm::WatchKind::Read ? StopEvent::Reason::ReadWatch
                                                  : StopEvent::Reason::AccessWatch;
    e.address = target_.watch_address(hart, hit);
    control_[hart].watch_stop = true;
    control_[hart].watch_pc = m.hart().pc();
  } else if (result.reason == iss::StopReason::Breakpoint &&
             target_.breakpoint_at(m.hart().pc()) >= 0) {
    e.reason = target_.breakpoint_at(m.hart().pc()) == 0 ? StopEvent::Reason::SoftwareBreakpoint
                                                         : StopEvent::Reason::HardwareBreakpoint;
  } else if (stepped) {
    e.reason = StopEvent::Reason::Step;
  } else if (result.reason == iss::StopReason::Lockup) {
    e.signal = kSigSegv;
  } else if (interrupt_requested_) {
    e.signal = kSigInt;
  } else {
    return;
  }
  stop_world(e);
}

void GdbServer::Impl::end_of_simulation() {
  if (mode_ == Mode::Running && connected_) {
    StopEvent e;
    if (options_.exit_status) {
      e.kind = StopEvent::Kind::Exited;
      e.exit_code = options_.exit_status();
    } else {
      e.kind = StopEvent::Kind::Killed;
      e.signal = kSigTerm;
    }
    session_.report_stop(e);
  }
  mode_ = Mode::Ended;
  transport_->close_client();
}

// ---- the module ------------------------------------------------------------------------------

GdbServer::GdbServer(const sc_core::sc_module_name& name, std::vector<tlm::HartModule*> harts,
                     GdbServerOptions options)
    : sc_core::sc_module(name) {
  if (harts.empty()) throw std::runtime_error(std::string(this->name()) + ": no harts to debug");
  impl_ = std::make_unique<Impl>(std::move(harts), std::move(options));
  SC_HAS_PROCESS(GdbServer);
  SC_THREAD(control_thread);
}

GdbServer::~GdbServer() = default;

uint16_t GdbServer::port() const { return impl_->port(); }
const std::string& GdbServer::address() const { return impl_->address(); }
bool GdbServer::attached() const { return impl_->attached(); }
bool GdbServer::killed() const { return impl_->killed(); }
void GdbServer::control_thread() { impl_->control(); }
void GdbServer::end_of_simulation() { impl_->end_of_simulation(); }

}  // namespace rvtlm::debug
