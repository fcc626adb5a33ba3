// Ports a platform may leave unbound. A model lists them once, in its
// constructor; just before elaboration ends, each one the platform bound to
// nothing is bound to a stand-in signal of its own: an input reads low, an
// output drives a signal that nobody reads (the model's code writes it as
// usual and can read it back).
#ifndef RVTLM_MODELS_OPTIONAL_PORTS_H
#define RVTLM_MODELS_OPTIONAL_PORTS_H

#include <memory>
#include <systemc>
#include <vector>

namespace rvtlm::models {

// A child module of the model (its callback runs after the model's
// constructor and the platform's bindings, before elaboration ends).
class OptionalPorts : public sc_core::sc_module {
 public:
  explicit OptionalPorts(const sc_core::sc_module_name& name);
  ~OptionalPorts() override;

  void add(sc_core::sc_in<bool>& port) { inputs_.push_back(&port); }
  void add(sc_core::sc_out<bool>& port) { outputs_.push_back(&port); }
  template <typename Port>
  void add(sc_core::sc_vector<Port>& ports) {
    for (Port& port : ports) add(port);
  }

 private:
  void before_end_of_elaboration() override;

  std::vector<sc_core::sc_in<bool>*> inputs_;
  std::vector<sc_core::sc_out<bool>*> outputs_;
  // Created only for ports left unbound: one low signal for every input,
  // one signal per output.
  std::unique_ptr<sc_core::sc_signal<bool>> low_;
  std::vector<std::unique_ptr<sc_core::sc_signal<bool>>> stand_ins_;
};

}  // namespace rvtlm::models

#endif
