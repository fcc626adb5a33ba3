#include "rvtlm/models/optional_ports.h"

namespace rvtlm::models {

OptionalPorts::OptionalPorts(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {}

OptionalPorts::~OptionalPorts() = default;

void OptionalPorts::before_end_of_elaboration() {
  // IEEE 1666-2011 4.4.1: this callback may still create primitive channels
  // and bind ports. The signals are children of this module.
  for (sc_core::sc_in<bool>* port : inputs_) {
    if (port->bind_count() != 0) continue;
    if (!low_) low_ = std::make_unique<sc_core::sc_signal<bool>>("low", false);
    port->bind(*low_);
  }
  for (sc_core::sc_out<bool>* port : outputs_) {
    if (port->bind_count() != 0) continue;
    stand_ins_.push_back(std::make_unique<sc_core::sc_signal<bool>>(port->basename(), false));
    port->bind(*stand_ins_.back());
  }
}

}  // namespace rvtlm::models
