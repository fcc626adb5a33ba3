#include "rvtlm/iss/hart.h"

#include <algorithm>

#include "core.h"

namespace rvtlm::iss {

const char* to_string(StopReason reason) {
  switch (reason) {
    case StopReason::BudgetSpent:
      return "budget spent";
    case StopReason::Wfi:
      return "waiting for interrupt";
    case StopReason::Breakpoint:
      return "breakpoint";
    case StopReason::HaltRequest:
      return "halt request";
    case StopReason::TimerChanged:
      return "timer deadline changed";
    case StopReason::ExitRequest:
      return "exit request";
    case StopReason::Lockup:
      return "lockup";
  }
  return "?";
}

// ---- Core: construction, reset, snapshots ----------------------------------
Core::Core(const HartConfig& c, Bus& b, CoherenceDomain& d)
    : config(c),
      bus(b),
      domain(d),
      xlen(c.isa.bits()),
      decoder(c.isa),
      misa(c.isa.misa()),
      jump_mask(c.isa.has(Extension::C) ? 0 : 2),
      pmp(s.pmp, c.pmp_entries, c.isa.bits(), c.pmp_granularity),
      mmu(b, d, this, c.hart_id, c.misaligned, pmp, c.isa.bits(),
          c.pte_update == PteUpdate::Hardware ? AdPolicy::Hardware : AdPolicy::Fault) {
  if (config.max_block_insns == 0) config.max_block_insns = 1;
  config.triggers = std::min(config.triggers, static_cast<unsigned>(s.triggers.size()));
  if (config.triggers == 0) config.isa.set(Extension::Sdtrig, false);
  domain.attach(this);
  reset();
}

Core::~Core() {
  release_reservation();
  domain.detach(this);
}

void Core::reset() {
  release_reservation();
  std::fill(std::begin(x), std::end(x), uint64_t{0});
  const uint64_t xmask = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
  for (const auto& [index, value] : config.reset_registers)
    if (index > 0 && index < 32) x[index] = value & xmask;
  s = HartState{};
  s.pc = config.reset_pc & xmask;
  s.priv = 3;
  for (unsigned i = 0; i < config.triggers; ++i)
    s.triggers[i].tdata1 = uint64_t{2} << (xlen - 4);  // mcontrol, nothing enabled
  pmp.reload();
  mmu.flush();
  exec_triggers_ = false;
  if (data_triggers_) {
    data_triggers_ = false;
    mmu.set_fill_enabled(true);
  }
  privilege_changed();
  async = kAsyncFlush | (async & kAsyncDebug);
  update_debug();
  exit_code = 0;
  charged_ = 0;
  tracked_ = nullptr;
  started_ = false;
}

HartState Core::save_state() const {
  HartState st = s;
  for (unsigned i = 0; i < 32; ++i) st.x[i] = x[i];
  return st;
}

void Core::restore_state(const HartState& st) {
  release_reservation();
  s = st;
  for (unsigned i = 0; i < 32; ++i) x[i] = st.x[i];
  x[0] = 0;
  if (s.reservation_valid) domain.add_reservation(s.reservation_addr);
  pmp.reload();
  mmu.flush();
  recompute_triggers();
  privilege_changed();
  ++epoch_;
  async |= kAsyncIrq | kAsyncFlush;
  tracked_ = nullptr;
}

void Core::reserve(uint64_t paddr) {
  release_reservation();
  s.reservation_valid = true;
  s.reservation_addr = paddr & ~uint64_t{7};
  domain.add_reservation(s.reservation_addr);
}

void Core::release_reservation() {
  if (!s.reservation_valid) return;
  s.reservation_valid = false;
  domain.remove_reservation(s.reservation_addr);
}

void Core::break_reservation(uint64_t addr, unsigned size) {
  if (s.reservation_valid && addr < s.reservation_addr + 8 && s.reservation_addr < addr + size)
    release_reservation();
}

void Core::update_debug() {
  if (trace || !breakpoints.empty() || exec_triggers_)
    async |= kAsyncDebug;
  else
    async &= ~kAsyncDebug;
}

void Core::report(ReportLevel level, const std::string& message) {
  if (report_handler) report_handler(level, message);
}

// ---- Hart: the public face of a Core ---------------------------------------------
Hart::Hart(const HartConfig& config, Bus& bus, CoherenceDomain* domain) {
  if (!domain) {
    own_domain_ = std::make_unique<CoherenceDomain>();
    domain = own_domain_.get();
  }
  core_ = std::make_unique<Core>(config, bus, *domain);
  core_->owner = this;
}

Hart::~Hart() = default;

RunResult Hart::run(uint64_t budget) { return core_->run(budget); }
void Hart::reset() { core_->reset(); }
const HartConfig& Hart::config() const { return core_->config; }
uint64_t Hart::retired() const { return core_->s.retired; }
bool Hart::waiting_for_interrupt() const { return core_->s.wfi; }
uint64_t Hart::pc() const { return core_->s.pc; }

void Hart::set_pc(uint64_t pc) {
  core_->s.pc = pc & (core_->xlen == 32 ? 0xffffffffu : ~uint64_t{0});
  core_->s.wfi = false;
}

uint64_t Hart::reg(unsigned i) const { return i < 32 ? core_->x[i] : 0; }

void Hart::set_reg(unsigned i, uint64_t v) {
  if (i != 0 && i < 32) core_->x[i] = v & (core_->xlen == 32 ? 0xffffffffu : ~uint64_t{0});
}

uint64_t Hart::freg(unsigned i) const { return i < 32 ? core_->s.f[i] : 0; }
void Hart::set_freg(unsigned i, uint64_t v) {
  if (i < 32) core_->s.f[i] = v;
}
unsigned Hart::privilege() const { return core_->s.priv; }

bool Hart::read_csr(uint16_t n, uint64_t& v) { return core_->csr_read(n, core_->s.retired, v); }

bool Hart::write_csr(uint16_t n, uint64_t v) {
  uint64_t old;
  if (!core_->csr_read(n, core_->s.retired, old)) return false;
  // No writing instruction retires (counter writes assume one).
  return core_->csr_write(n, v, core_->s.retired - 1);
}

HartState Hart::save_state() const { return core_->save_state(); }
void Hart::restore_state(const HartState& state) { core_->restore_state(state); }

void Hart::set_interrupt(Interrupt line, bool level) {
  const uint64_t bit = uint64_t{1} << static_cast<unsigned>(line);
  HartState& s = core_->s;
  s.irq_lines = level ? (s.irq_lines | bit) : (s.irq_lines & ~bit);
  core_->async |= kAsyncIrq;
}

bool Hart::timer_deadline(uint64_t& time_value) const {
  const HartState& s = core_->s;
  if (!core_->config.isa.has(Extension::Sstc) || !(s.menvcfg & kMenvcfgStce)) return false;
  time_value = s.stimecmp;
  return true;
}

void Hart::request_halt() { core_->async |= kAsyncHalt; }
void Hart::request_exit(int code) {
  core_->exit_code = code;
  core_->async |= kAsyncExit;
}
int Hart::exit_code() const { return core_->exit_code; }

void Hart::invalidate_dmi(uint64_t start, uint64_t end) { core_->mmu.invalidate_dmi(start, end); }
void Hart::invalidate_code(uint64_t, uint64_t) { core_->domain.discard_all_code(); }

void Hart::add_breakpoint(uint64_t addr) {
  core_->breakpoints.insert(addr);
  core_->async |= kAsyncFlush;  // blocks must end before breakpoints
  core_->update_debug();
}

void Hart::remove_breakpoint(uint64_t addr) {
  core_->breakpoints.erase(addr);
  core_->async |= kAsyncFlush;
  core_->update_debug();
}

void Hart::set_trace(TraceHandler handler) {
  core_->trace = std::move(handler);
  core_->update_debug();
}

void Hart::set_report_handler(ReportHandler handler) { core_->report_handler = std::move(handler); }

bool Hart::debug_read(uint64_t vaddr, void* data, unsigned size) {
  auto* bytes = static_cast<uint8_t*>(data);
  for (unsigned i = 0; i < size; ++i) {
    uint64_t pa;
    if (!core_->mmu.debug_translate(vaddr + i, pa) ||
        !core_->mmu.debug_access(pa, bytes + i, 1, false))
      return false;
  }
  return true;
}

bool Hart::debug_translate(uint64_t vaddr, uint64_t& paddr) {
  return core_->mmu.debug_translate(vaddr, paddr);
}

bool Hart::debug_write(uint64_t vaddr, const void* data, unsigned size) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  for (unsigned i = 0; i < size; ++i) {
    uint64_t pa;
    uint8_t b = bytes[i];
    if (!core_->mmu.debug_translate(vaddr + i, pa) || !core_->mmu.debug_access(pa, &b, 1, true))
      return false;
  }
  return true;
}

}  // namespace rvtlm::iss
