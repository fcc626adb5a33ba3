// A TLM-2.0 target whose address space is one RegisterBank: the base of
// every register-based rvtlm model.
#ifndef RVTLM_MODELS_REGISTER_TARGET_H
#define RVTLM_MODELS_REGISTER_TARGET_H

#include <tlm_utils/simple_target_socket.h>

#include <systemc>
#include <tlm>

#include "rvtlm/models/register_bank.h"

namespace rvtlm::models {

class RegisterTarget : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<RegisterTarget> socket;

  RegisterBank& registers() { return registers_; }
  const RegisterBank& registers() const { return registers_; }

 protected:
  explicit RegisterTarget(const sc_core::sc_module_name& name);

  RegisterBank registers_;

 private:
  void b_transport(::tlm::tlm_generic_payload& payload, sc_core::sc_time& delay);
  unsigned transport_dbg(::tlm::tlm_generic_payload& payload);
};

}  // namespace rvtlm::models

#endif
