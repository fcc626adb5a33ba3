// The interconnect: routes transactions from any number of initiators to
// targets by an address map given as data, translating addresses to target
// offsets for b_transport, DMI (both ways) and transport_dbg.
#ifndef RVTLM_MODELS_ROUTER_H
#define RVTLM_MODELS_ROUTER_H

#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include <cstdint>
#include <functional>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

namespace rvtlm::models {

struct AddressRange {
  std::string name;
  uint64_t base = 0;
  uint64_t size = 0;
  // An overlay sits over (part of) another range and wins there: e.g. a
  // host-interface register page inside RAM. Ordinary ranges may not overlap.
  bool overlay = false;

  uint64_t end() const { return base + size; }  // one past the last byte
  bool contains(uint64_t addr) const { return addr - base < size; }
};

// One routed transaction, for tracing (--trace tlm).
struct RouterTraceRecord {
  sc_core::sc_time time;                      // sc_time_stamp() + annotated delay at the request
  const ::tlm::tlm_generic_payload* payload;  // after the target responded; address is global
  const AddressRange* range;                  // nullptr: unmapped
  int initiator;  // which binding of target_socket it came through (0: the first bound)
};

class Router : public sc_core::sc_module {
 public:
  // Initiators bind here.
  tlm_utils::multi_passthrough_target_socket<Router> target_socket;
  // Targets are bound by map(), in map order.
  tlm_utils::multi_passthrough_initiator_socket<Router> initiator_socket;

  explicit Router(const sc_core::sc_module_name& name);

  const char* kind() const override { return "rvtlm::models::Router"; }

  // Binds `target` and routes `range` to it; the target sees offsets from
  // range.base. Throws std::invalid_argument for an empty range, a range past
  // the end of the address space or an overlap between ordinary ranges.
  // Call during elaboration.
  void map(::tlm::tlm_target_socket<>& target, AddressRange range);

  const std::vector<AddressRange>& ranges() const { return ranges_; }
  // The range `addr` is routed to, or nullptr.
  const AddressRange* decode(uint64_t addr) const;

  // Called for every b_transport (empty: no tracing, no cost).
  std::function<void(const RouterTraceRecord&)> trace;

 private:
  void b_transport(int id, ::tlm::tlm_generic_payload& payload, sc_core::sc_time& delay);
  bool get_direct_mem_ptr(int id, ::tlm::tlm_generic_payload& payload, ::tlm::tlm_dmi& dmi);
  unsigned transport_dbg(int id, ::tlm::tlm_generic_payload& payload);
  void invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end);
  // The range for `addr`, or -1. Inline for the common case of an initiator
  // hammering one device: the range hit last time, when no overlay sits on it.
  int route(uint64_t addr) const {
    if (last_ >= 0 && ranges_[last_].contains(addr) && !shadowed_[last_]) return last_;
    return route_slow(addr);
  }
  int route_slow(uint64_t addr) const;

  std::vector<AddressRange> ranges_;  // index = initiator_socket binding
  std::vector<int> overlays_;         // indices of overlay ranges, checked first
  std::vector<int> sorted_;           // ordinary ranges by base
  std::vector<bool> shadowed_;        // an overlay lies on (part of) this range
  mutable int last_ = -1;             // the last ordinary range hit
};

}  // namespace rvtlm::models

#endif
