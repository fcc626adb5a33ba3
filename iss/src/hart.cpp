#include "rvtlm/iss/hart.h"

#include "hart_core.h"

namespace rvtlm::iss {

const char* to_string(StopReason reason) {
  switch (reason) {
    case StopReason::BudgetSpent: return "budget spent";
    case StopReason::Wfi: return "waiting for interrupt";
    case StopReason::Breakpoint: return "breakpoint";
    case StopReason::HaltRequest: return "halt request";
    case StopReason::ExitRequest: return "exit request";
    case StopReason::Lockup: return "lockup";
  }
  return "?";
}

Hart::Hart(const HartConfig& config, Bus& bus, CoherenceDomain* domain) {
  if (!domain) {
    own_domain_ = std::make_unique<CoherenceDomain>();
    domain = own_domain_.get();
  }
  core_ = make_hart_core(config, bus, *domain);
}

Hart::~Hart() = default;

RunResult Hart::run(uint64_t budget) { return core_->run(budget); }
void Hart::reset() { core_->reset(); }
const HartConfig& Hart::config() const { return core_->config(); }
uint64_t Hart::retired() const { return core_->retired(); }
bool Hart::waiting_for_interrupt() const { return core_->waiting_for_interrupt(); }
uint64_t Hart::pc() const { return core_->pc(); }
void Hart::set_pc(uint64_t pc) { core_->set_pc(pc); }
uint64_t Hart::reg(unsigned index) const { return core_->reg(index); }
void Hart::set_reg(unsigned index, uint64_t value) { core_->set_reg(index, value); }
bool Hart::read_csr(uint16_t number, uint64_t& value) { return core_->read_csr(number, value); }
bool Hart::write_csr(uint16_t number, uint64_t value) { return core_->write_csr(number, value); }
HartState Hart::save_state() const { return core_->save_state(); }
void Hart::restore_state(const HartState& state) { core_->restore_state(state); }
void Hart::set_interrupt(Interrupt line, bool level) { core_->set_interrupt(line, level); }
void Hart::request_halt() { core_->request_halt(); }
void Hart::request_exit(int code) { core_->request_exit(code); }
int Hart::exit_code() const { return core_->exit_code(); }
void Hart::invalidate_dmi(uint64_t start, uint64_t end) { core_->invalidate_dmi(start, end); }
void Hart::invalidate_code(uint64_t start, uint64_t end) { core_->invalidate_code(start, end); }
void Hart::add_breakpoint(uint64_t addr) { core_->add_breakpoint(addr); }
void Hart::remove_breakpoint(uint64_t addr) { core_->remove_breakpoint(addr); }
void Hart::set_trace(TraceHandler handler) { core_->set_trace(std::move(handler)); }
void Hart::set_report_handler(ReportHandler handler) {
  core_->set_report_handler(std::move(handler));
}

}  // namespace rvtlm::iss
