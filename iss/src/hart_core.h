// The XLEN-independent interface behind rvtlm::iss::Hart; one implementation
// per register width is instantiated from a single template (core.cpp).
#ifndef RVTLM_ISS_HART_CORE_H
#define RVTLM_ISS_HART_CORE_H

#include <memory>

#include "rvtlm/iss/hart.h"

namespace rvtlm::iss {

class HartCore : public DomainMember {
 public:
  virtual RunResult run(uint64_t budget) = 0;
  virtual void reset() = 0;
  virtual const HartConfig& config() const = 0;
  virtual uint64_t retired() const = 0;
  virtual bool waiting_for_interrupt() const = 0;
  virtual uint64_t pc() const = 0;
  virtual void set_pc(uint64_t pc) = 0;
  virtual uint64_t reg(unsigned index) const = 0;
  virtual void set_reg(unsigned index, uint64_t value) = 0;
  virtual bool read_csr(uint16_t number, uint64_t& value) = 0;
  virtual bool write_csr(uint16_t number, uint64_t value) = 0;
  virtual HartState save_state() const = 0;
  virtual void restore_state(const HartState& state) = 0;
  virtual void set_interrupt(Interrupt line, bool level) = 0;
  virtual void request_halt() = 0;
  virtual void request_exit(int code) = 0;
  virtual int exit_code() const = 0;
  virtual void invalidate_dmi(uint64_t start, uint64_t end) = 0;
  virtual void invalidate_code(uint64_t start, uint64_t end) = 0;
  virtual void add_breakpoint(uint64_t addr) = 0;
  virtual void remove_breakpoint(uint64_t addr) = 0;
  virtual void set_trace(TraceHandler handler) = 0;
  virtual void set_report_handler(ReportHandler handler) = 0;
};

std::unique_ptr<HartCore> make_hart_core(const HartConfig& config, Bus& bus,
                                         CoherenceDomain& domain);

}  // namespace rvtlm::iss

#endif
