// A TLM-2.0 target whose address space is one RegisterBank: the base of
// every register-based rvtlm model.
#ifndef RVTLM_MODELS_REGISTER_TARGET_H
#define RVTLM_MODELS_REGISTER_TARGET_H

#include <systemc>
#include <tlm>

#include "rvtlm/models/register_bank.h"

namespace rvtlm::models {

// The target implements the forward interface itself, bound straight to its
// socket: one call fewer than a convenience socket on every access, which
// matters for register-heavy guest code.
class RegisterTarget : public sc_core::sc_module, public ::tlm::tlm_fw_transport_if<> {
 public:
  ::tlm::tlm_target_socket<> socket;

  RegisterBank& registers() { return registers_; }
  const RegisterBank& registers() const { return registers_; }

  // The device's reset (a platform reset): every register back to its reset
  // value, then what the model keeps outside its registers (reset_state).
  // Call it from a SystemC process at the reset's time, not from inside an
  // access: output changes that accesses queued for later are dropped, and
  // each output goes to its reset level at the current time.
  void reset() {
    registers_.reset();
    reset_state();
  }

 protected:
  explicit RegisterTarget(const sc_core::sc_module_name& name);

  // A model's state beyond its registers, back to power-on; outputs to their
  // reset levels through the model's own process.
  virtual void reset_state() {}

  RegisterBank registers_;

 public:
  // tlm_fw_transport_if. Registers never grant DMI; a non-blocking request
  // completes at once (base protocol, early completion).
  void b_transport(::tlm::tlm_generic_payload& payload, sc_core::sc_time& delay) override;
  ::tlm::tlm_sync_enum nb_transport_fw(::tlm::tlm_generic_payload& payload, ::tlm::tlm_phase& phase,
                                       sc_core::sc_time& delay) override;
  bool get_direct_mem_ptr(::tlm::tlm_generic_payload& payload, ::tlm::tlm_dmi& dmi) override;
  unsigned transport_dbg(::tlm::tlm_generic_payload& payload) override;
};

}  // namespace rvtlm::models

#endif
