// The initiator of the model tests: runs a test's script in an SC_THREAD and
// gives it one-call bus and debug accesses with a chosen annotated delay.
// Each test file derives its `Initiator` from it and adds the read/write
// shorthands that suit its model.
#ifndef RVTLM_TESTS_MODELS_SCRIPTED_INITIATOR_H
#define RVTLM_TESTS_MODELS_SCRIPTED_INITIATOR_H

#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <functional>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

namespace rvtlm::models::test {

template <class Self>
class ScriptedInitiator : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<ScriptedInitiator> socket{"socket"};
  std::function<void(Self&)> script;
  ::tlm::tlm_response_status last = ::tlm::TLM_INCOMPLETE_RESPONSE;

  SC_HAS_PROCESS(ScriptedInitiator);
  explicit ScriptedInitiator(const sc_core::sc_module_name& name, std::function<void(Self&)> s = {})
      : sc_core::sc_module(name), script(std::move(s)) {
    SC_THREAD(run);
  }

  // b_transport of `length` bytes of `value` (little-endian) at `delay`.
  ::tlm::tlm_response_status access(::tlm::tlm_command command, uint64_t address, uint64_t& value,
                                    unsigned length, sc_core::sc_time delay) {
    ::tlm::tlm_generic_payload p;
    p.set_command(command);
    p.set_address(address);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
    p.set_data_length(length);
    p.set_streaming_width(length);
    socket->b_transport(p, delay);
    return last = p.get_response_status();
  }

  // transport_dbg; returns the bytes transferred.
  unsigned debug(::tlm::tlm_command command, uint64_t address, uint64_t& value, unsigned length) {
    ::tlm::tlm_generic_payload p;
    p.set_command(command);
    p.set_address(address);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
    p.set_data_length(length);
    return socket->transport_dbg(p);
  }

 private:
  void run() {
    if (script) script(static_cast<Self&>(*this));
  }
};

// Records every change of a signal with the SystemC time it happened at.
struct Recorder : sc_core::sc_module {
  sc_core::sc_in<bool> in{"in"};
  std::vector<std::pair<sc_core::sc_time, bool>> changes;

  SC_HAS_PROCESS(Recorder);
  explicit Recorder(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    SC_METHOD(record);
    sensitive << in;
    dont_initialize();
  }
  void record() { changes.emplace_back(sc_core::sc_time_stamp(), in.read()); }
};

}  // namespace rvtlm::models::test

#endif
