// An initiator for tests that call a target (or the router) directly from
// the test body, outside any SystemC process: b_transport, DMI requests and
// debug accesses in one call each, and the DMI invalidations it receives.
#ifndef RVTLM_TESTS_MODELS_DIRECT_INITIATOR_H
#define RVTLM_TESTS_MODELS_DIRECT_INITIATOR_H

#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

namespace rvtlm::models::test {

struct DirectInitiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<DirectInitiator> socket;
  std::vector<std::pair<uint64_t, uint64_t>> invalidations;

  explicit DirectInitiator(const sc_core::sc_module_name& n)
      : sc_core::sc_module(n), socket("socket") {
    socket.register_invalidate_direct_mem_ptr(this, &DirectInitiator::invalidate);
  }
  void invalidate(sc_dt::uint64 s, sc_dt::uint64 e) { invalidations.emplace_back(s, e); }

  ::tlm::tlm_response_status access(::tlm::tlm_command cmd, uint64_t addr, void* data, unsigned len,
                                    sc_core::sc_time* delay_out = nullptr) {
    ::tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(static_cast<unsigned char*>(data));
    p.set_data_length(len);
    p.set_streaming_width(len);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    socket->b_transport(p, delay);
    if (delay_out) *delay_out = delay;
    return p.get_response_status();
  }
  bool dmi(uint64_t addr, ::tlm::tlm_dmi& d) {
    ::tlm::tlm_generic_payload p;
    p.set_command(::tlm::TLM_READ_COMMAND);
    p.set_address(addr);
    return socket->get_direct_mem_ptr(p, d);
  }
  unsigned debug(::tlm::tlm_command cmd, uint64_t addr, void* data, unsigned len) {
    ::tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(static_cast<unsigned char*>(data));
    p.set_data_length(len);
    return socket->transport_dbg(p);
  }
};

}  // namespace rvtlm::models::test

#endif
