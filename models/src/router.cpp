#include "rvtlm/models/router.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "rvtlm/support/parse.h"

namespace rvtlm::models {
Router::Router(const sc_core::sc_module_name& name)
    : sc_core::sc_module(name),
      target_socket("target_socket"),
      initiator_socket("initiator_socket") {
  target_socket.register_b_transport(this, &Router::b_transport);
  target_socket.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
  target_socket.register_transport_dbg(this, &Router::transport_dbg);
  initiator_socket.register_invalidate_direct_mem_ptr(this, &Router::invalidate_direct_mem_ptr);
}

void Router::map(::tlm::tlm_target_socket<>& target, AddressRange range) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument(std::string(name()) + ": " + range.name + " at " +
                                rvtlm::support::hex(range.base) + ": " + why);
  };
  if (range.size == 0) fail("empty range");
  if (range.base + range.size - 1 < range.base) fail("past the end of the address space");
  if (!range.overlay) {
    for (int i : sorted_) {
      const AddressRange& o = ranges_[i];
      if (range.base < o.end() && o.base < range.end())
        fail("overlaps " + o.name + " [" + rvtlm::support::hex(o.base) + ", " +
             rvtlm::support::hex(o.end()) + ")");
    }
  }
  initiator_socket.bind(target);
  const int index = static_cast<int>(ranges_.size());
  ranges_.push_back(std::move(range));
  if (ranges_.back().overlay) {
    overlays_.push_back(index);
  } else {
    sorted_.push_back(index);
    std::sort(sorted_.begin(), sorted_.end(),
              [&](int a, int b) { return ranges_[a].base < ranges_[b].base; });
  }
  // An ordinary range that an overlay covers in part cannot take route()'s
  // shortcut.
  shadowed_.assign(ranges_.size(), false);
  for (int o : overlays_)
    for (int i : sorted_)
      if (ranges_[i].base < ranges_[o].end() && ranges_[o].base < ranges_[i].end())
        shadowed_[i] = true;
}

int Router::route_slow(uint64_t addr) const {
  for (int i : overlays_)
    if (ranges_[i].contains(addr)) return i;
  auto it = std::upper_bound(sorted_.begin(), sorted_.end(), addr,
                             [&](uint64_t a, int i) { return a < ranges_[i].base; });
  if (it == sorted_.begin()) return -1;
  const int i = *(it - 1);
  if (!ranges_[i].contains(addr)) return -1;
  last_ = i;
  return i;
}

const AddressRange* Router::decode(uint64_t addr) const {
  const int i = route(addr);
  return i < 0 ? nullptr : &ranges_[i];
}

void Router::b_transport(int id, ::tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  const uint64_t addr = p.get_address();
  const int i = route(addr);
  if (i < 0 || p.get_data_length() > ranges_[i].end() - addr) {
    p.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
    if (trace) trace({sc_core::sc_time_stamp() + delay, &p, i < 0 ? nullptr : &ranges_[i], id});
    return;
  }
  const AddressRange& r = ranges_[i];
  const sc_core::sc_time time = trace ? sc_core::sc_time_stamp() + delay : sc_core::SC_ZERO_TIME;
  p.set_address(addr - r.base);
  initiator_socket[i]->b_transport(p, delay);
  p.set_address(addr);
  if (trace) trace({time, &p, &r, id});
}

bool Router::get_direct_mem_ptr(int, ::tlm::tlm_generic_payload& p, ::tlm::tlm_dmi& dmi) {
  const uint64_t addr = p.get_address();
  const int i = route(addr);
  if (i < 0) return false;
  const AddressRange& r = ranges_[i];
  p.set_address(addr - r.base);
  const bool granted = initiator_socket[i]->get_direct_mem_ptr(p, dmi);
  p.set_address(addr);
  // The target speaks in offsets: back to global addresses, clipped to the
  // range. A region that is not (or no longer) granted is still described,
  // so clip it as well.
  uint64_t start = dmi.get_start_address() + r.base;
  uint64_t end = std::min<uint64_t>(dmi.get_end_address(), r.size - 1) + r.base;
  unsigned char* ptr = dmi.get_dmi_ptr();
  // Never hand out a pointer that would bypass an overlay.
  for (int o : overlays_) {
    if (o == i) continue;
    const AddressRange& ov = ranges_[o];
    if (ov.base > end || ov.end() - 1 < start) continue;
    if (addr < ov.base)
      end = ov.base - 1;
    else
      start = ov.end();
  }
  if (granted && ptr) ptr += start - (dmi.get_start_address() + r.base);
  dmi.set_dmi_ptr(ptr);
  dmi.set_start_address(start);
  dmi.set_end_address(end);
  return granted;
}

unsigned Router::transport_dbg(int, ::tlm::tlm_generic_payload& p) {
  const uint64_t addr = p.get_address();
  const int i = route(addr);
  if (i < 0) return 0;
  const AddressRange& r = ranges_[i];
  // A debug access stops at the end of the range it starts in.
  const unsigned length = p.get_data_length();
  const auto clipped = static_cast<unsigned>(std::min<uint64_t>(length, r.end() - addr));
  p.set_address(addr - r.base);
  p.set_data_length(clipped);
  const unsigned n = initiator_socket[i]->transport_dbg(p);
  p.set_address(addr);
  p.set_data_length(length);
  return n;
}

void Router::invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end) {
  const AddressRange& r = ranges_[static_cast<size_t>(id)];
  const uint64_t s = r.base + std::min<uint64_t>(start, r.size - 1);
  const uint64_t e = r.base + std::min<uint64_t>(end, r.size - 1);
  for (unsigned i = 0; i < target_socket.size(); ++i)
    target_socket[i]->invalidate_direct_mem_ptr(s, e);
}

}  // namespace rvtlm::models
