#include "rvtlm/models/register_bank.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "rvtlm/models/register_target.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::models {
namespace {

uint64_t width_mask(unsigned bytes) {
  return bytes >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * bytes)) - 1;
}

// Little-endian byte order (the host's: checked in CMake), with the length
// known to be 1, 2, 4 or 8 so that no library call is made.
uint64_t load_bytes(const unsigned char* p, unsigned len) {
  switch (len) {
    case 1:
      return *p;
    case 2: {
      uint16_t v;
      std::memcpy(&v, p, 2);
      return v;
    }
    case 4: {
      uint32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    default: {
      uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
  }
}

void store_bytes(unsigned char* p, uint64_t value, unsigned len) {
  switch (len) {
    case 1:
      *p = static_cast<unsigned char>(value);
      break;
    case 2: {
      const auto v = static_cast<uint16_t>(value);
      std::memcpy(p, &v, 2);
      break;
    }
    case 4: {
      const auto v = static_cast<uint32_t>(value);
      std::memcpy(p, &v, 4);
      break;
    }
    default:
      std::memcpy(p, &value, 8);
      break;
  }
}

}  // namespace

unsigned RegisterBank::add(Register reg) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument(owner_ + ": register " + reg.name + ": " + why);
  };
  if (reg.width != 1 && reg.width != 2 && reg.width != 4 && reg.width != 8)
    fail("width must be 1, 2, 4 or 8 bytes");
  if (reg.access_sizes == 0) reg.access_sizes = reg.width;
  if (reg.access_sizes & ~0xfu || (reg.access_sizes & ~((reg.width << 1) - 1)))
    fail("access sizes must be 1, 2, 4 or 8 bytes and at most the width");
  if (reg.count == 0) fail("an array needs at least one element");
  if (reg.count > 1 && reg.stride < reg.width) fail("stride smaller than the width");
  if (reg.offset % reg.width != 0)
    fail("offset " + rvtlm::support::hex(reg.offset) + " not aligned to its width");
  const uint64_t end = reg.offset + uint64_t{reg.count - 1} * reg.stride + reg.width;
  int place = -1;  // the first register already where this one goes
  for (const Entry& other : registers_) {
    if (other.reg.offset == reg.offset && other.reg.width == reg.width &&
        other.reg.count == reg.count && (reg.count == 1 || other.reg.stride == reg.stride)) {
      const bool apart =
          reg.bank_selected || other.reg.bank_selected ||
          (reg.access == RegisterAccess::ReadOnly &&
           other.reg.access == RegisterAccess::WriteOnly) ||
          (reg.access == RegisterAccess::WriteOnly && other.reg.access == RegisterAccess::ReadOnly);
      if (!apart)
        fail("lies where register " + other.reg.name + " lies (" + rvtlm::support::hex(reg.offset) +
             ") and neither a direction nor a bank tells them apart");
      if (place < 0) place = static_cast<int>(&other - registers_.data());
      continue;
    }
    for (unsigned i = 0; i < reg.count; ++i) {
      const uint64_t a = reg.offset + uint64_t{i} * reg.stride;
      for (uint64_t b = a; b < a + reg.width; ++b) {
        if (b >= other.reg.offset && b < other.end) {
          const uint64_t rel = b - other.reg.offset;
          const uint64_t element = other.reg.count > 1 ? rel / other.reg.stride : 0;
          if (rel - element * other.reg.stride < other.reg.width)
            fail("overlaps register " + other.reg.name + " at " + rvtlm::support::hex(b));
        }
      }
    }
  }
  if (registers_.size() >= 0xfffe) fail("too many registers");
  const auto first_value = static_cast<unsigned>(values_.size());
  values_.resize(values_.size() + reg.count, reg.reset_value & width_mask(reg.width));
  const auto handle = static_cast<unsigned>(registers_.size());
  registers_.push_back(Entry{std::move(reg), first_value, end});
  Entry& e = registers_.back();
  e.banked = static_cast<bool>(e.reg.bank_selected);
  if (place >= 0) {
    // Another register of a place the lookup tables already lead to.
    e.banked = registers_[place].banked = true;
    int last = place;
    while (registers_[last].next >= 0) last = registers_[last].next;
    registers_[last].next = static_cast<int>(handle);
    return handle;
  }
  span_ = std::max(span_, e.end);

  sorted_.push_back(handle);
  if (e.reg.count > 1) arrays_.push_back(handle);
  std::sort(sorted_.begin(), sorted_.end(), [&](unsigned a, unsigned b) {
    return registers_[a].reg.offset < registers_[b].reg.offset;
  });
  if (span_ <= kDenseSpan) {
    dense_.resize(span_, 0);
    for (unsigned i = 0; i < e.reg.count; ++i) {
      const uint64_t a = e.reg.offset + uint64_t{i} * e.reg.stride;
      std::fill(dense_.begin() + a, dense_.begin() + a + e.reg.width, handle + 1);
    }
  } else {
    dense_.clear();
  }
  return handle;
}

void RegisterBank::reset() {
  for (const Entry& e : registers_)
    std::fill(values_.begin() + e.first_value, values_.begin() + e.first_value + e.reg.count,
              e.reg.reset_value & width_mask(e.reg.width));
}

int RegisterBank::find_sparse(uint64_t offset, unsigned& index) const {
  const auto covers = [&](int handle) {
    const Register& r = registers_[handle].reg;
    if (offset < r.offset || offset >= registers_[handle].end) return false;
    const uint64_t rel = offset - r.offset;
    const uint64_t element = r.count == 1 ? 0 : rel / r.stride;
    if (rel - element * r.stride >= r.width) return false;
    index = static_cast<unsigned>(element);
    return true;
  };
  if (!dense_.empty()) {
    const int handle = int{dense_[offset]} - 1;
    if (handle >= 0) covers(handle);
    return handle;
  }
  auto it = std::upper_bound(sorted_.begin(), sorted_.end(), offset,
                             [&](uint64_t o, unsigned h) { return o < registers_[h].reg.offset; });
  if (it == sorted_.begin()) return -1;
  const int nearest = static_cast<int>(*(it - 1));
  if (covers(nearest)) return nearest;
  // Arrays interleave (a PLIC's per-context threshold and claim registers):
  // the element may belong to an array that starts further down.
  for (unsigned handle : arrays_)
    if (static_cast<int>(handle) != nearest && covers(static_cast<int>(handle)))
      return static_cast<int>(handle);
  return -1;
}

int RegisterBank::select(int first, bool write) const {
  const RegisterAccess refused = write ? RegisterAccess::ReadOnly : RegisterAccess::WriteOnly;
  int selected = -1;
  for (int handle = first; handle >= 0; handle = registers_[handle].next) {
    const Register& r = registers_[handle].reg;
    if (r.bank_selected && !r.bank_selected()) continue;
    if (r.access != refused) return handle;
    if (selected < 0) selected = handle;
  }
  return selected;
}

const Register* RegisterBank::register_at(uint64_t offset, bool write) const {
  unsigned index = 0;
  int handle = find(offset, index);
  if (handle >= 0 && registers_[handle].banked) handle = select(handle, write);
  if (handle < 0) return nullptr;
  const Register& r = registers_[handle].reg;
  if (r.access == (write ? RegisterAccess::ReadOnly : RegisterAccess::WriteOnly)) return nullptr;
  return &r;
}

// Out of line, so that the plain-register path of access() stays small.
uint64_t RegisterBank::call_read_hook(const Register& r, unsigned index,
                                      const sc_core::sc_time& delay, bool debug) {
  AccessInfo info;
  info.index = index;
  info.time = sc_core::sc_time_stamp() + delay;
  info.debug = debug;
  return r.read_hook(info);
}

void RegisterBank::call_write_hook(const Register& r, unsigned index, const sc_core::sc_time& delay,
                                   bool debug, uint64_t old_value, uint64_t data,
                                   uint64_t byte_mask, uint64_t value) {
  WriteInfo info;
  info.index = index;
  info.time = sc_core::sc_time_stamp() + delay;
  info.debug = debug;
  info.old_value = old_value;
  info.data = data;
  info.byte_mask = byte_mask;
  info.value = value;
  r.write_hook(info);
}

bool RegisterBank::access(::tlm::tlm_generic_payload& p, const sc_core::sc_time& delay,
                          bool debug) {
  const uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  unsigned index = 0;
  int handle = find(addr, index);
  if (handle >= 0 && registers_[handle].banked) handle = select(handle, p.is_write());
  if (handle < 0) {
    p.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return false;
  }
  const Entry& e = registers_[handle];
  const Register& r = e.reg;
  const uint64_t base = r.offset + uint64_t{index} * r.stride;
  const unsigned pos = static_cast<unsigned>(addr - base);
  // A debugger may write any single byte of a register; the bus only the
  // sizes the register accepts.
  if (len == 0 || len > 8 || (len & (len - 1)) != 0 ||
      !((r.access_sizes | (debug ? 1 : 0)) & len) || (pos & (len - 1)) != 0 ||
      pos + len > r.width) {
    p.set_response_status(::tlm::TLM_GENERIC_ERROR_RESPONSE);
    return false;
  }
  uint64_t& stored = values_[e.first_value + index];
  const unsigned shift = 8 * pos;
  const uint64_t lane = width_mask(len) << shift;
  if (p.is_read()) {
    if (r.access == RegisterAccess::WriteOnly) {
      p.set_response_status(::tlm::TLM_COMMAND_ERROR_RESPONSE);
      return false;
    }
    const uint64_t value = r.read_hook ? call_read_hook(r, index, delay, debug) : stored;
    store_bytes(p.get_data_ptr(), value >> shift, len);
  } else if (p.is_write()) {
    if (r.access == RegisterAccess::ReadOnly) {
      p.set_response_status(::tlm::TLM_COMMAND_ERROR_RESPONSE);
      return false;
    }
    const uint64_t data = load_bytes(p.get_data_ptr(), len);
    const uint64_t mask = lane & r.writable_bits;
    const uint64_t value = (stored & ~mask) | ((data << shift) & mask);
    const uint64_t old_value = stored;
    stored = value;
    // A plain register (a scratch register) has no callback: no time to
    // compute, nothing more to do.
    if (r.write_hook)
      call_write_hook(r, index, delay, debug, old_value, data << shift, lane, value);
  }
  p.set_response_status(::tlm::TLM_OK_RESPONSE);
  return true;
}

void RegisterBank::transport(::tlm::tlm_generic_payload& p, const sc_core::sc_time& delay) {
  if (p.get_byte_enable_ptr() != nullptr) {
    p.set_response_status(::tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  if (p.get_streaming_width() < p.get_data_length()) {
    p.set_response_status(::tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  if (p.get_command() == ::tlm::TLM_IGNORE_COMMAND) {
    p.set_response_status(::tlm::TLM_OK_RESPONSE);
    return;
  }
  access(p, delay, false);
}

unsigned RegisterBank::transport_dbg(::tlm::tlm_generic_payload& p) {
  // A debugger may read or write any run of bytes: one register byte at a
  // time, stopping at the first byte that is not a register.
  const uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  unsigned char* data = p.get_data_ptr();
  const auto command = p.get_command();
  unsigned done = 0;
  for (; done < len; ++done) {
    unsigned index;
    int handle = find(addr + done, index);
    if (handle >= 0 && registers_[handle].banked)
      handle = select(handle, command == ::tlm::TLM_WRITE_COMMAND);
    if (handle < 0) break;
    const Entry& e = registers_[handle];
    if (command == ::tlm::TLM_READ_COMMAND) {
      if (e.reg.access == RegisterAccess::WriteOnly) break;
      const uint64_t base = e.reg.offset + uint64_t{index} * e.reg.stride;
      const unsigned pos = static_cast<unsigned>(addr + done - base);
      uint64_t value = values_[e.first_value + index];
      if (e.reg.read_hook) {
        AccessInfo info;
        info.index = index;
        info.time = sc_core::sc_time_stamp();
        info.debug = true;
        value = e.reg.read_hook(info);
      }
      data[done] = static_cast<unsigned char>(value >> (8 * pos));
    } else if (command == ::tlm::TLM_WRITE_COMMAND) {
      if (e.reg.access == RegisterAccess::ReadOnly) break;
      ::tlm::tlm_generic_payload one;
      one.set_command(::tlm::TLM_WRITE_COMMAND);
      one.set_address(addr + done);
      one.set_data_ptr(data + done);
      one.set_data_length(1);
      one.set_streaming_width(1);
      // Byte writes to a wider register go through as partial writes.
      const bool ok = access(one, sc_core::SC_ZERO_TIME, true);
      if (!ok) break;
    } else {
      break;
    }
  }
  p.set_response_status(::tlm::TLM_OK_RESPONSE);
  return done;
}

RegisterTarget::RegisterTarget(const sc_core::sc_module_name& name)
    : sc_core::sc_module(name), socket("socket"), registers_(this->name()) {
  socket.bind(*this);
}

void RegisterTarget::b_transport(::tlm::tlm_generic_payload& payload, sc_core::sc_time& delay) {
  registers_.transport(payload, delay);
}

::tlm::tlm_sync_enum RegisterTarget::nb_transport_fw(::tlm::tlm_generic_payload& payload,
                                                     ::tlm::tlm_phase& phase,
                                                     sc_core::sc_time& delay) {
  if (phase != ::tlm::BEGIN_REQ) return ::tlm::TLM_ACCEPTED;
  registers_.transport(payload, delay);
  phase = ::tlm::BEGIN_RESP;
  return ::tlm::TLM_COMPLETED;
}

bool RegisterTarget::get_direct_mem_ptr(::tlm::tlm_generic_payload&, ::tlm::tlm_dmi& dmi) {
  // No DMI anywhere in the target (a router clips this to its range), so
  // that an initiator does not ask again.
  dmi.set_start_address(0);
  dmi.set_end_address(~sc_dt::uint64{0});
  return false;
}

unsigned RegisterTarget::transport_dbg(::tlm::tlm_generic_payload& payload) {
  return registers_.transport_dbg(payload);
}

}  // namespace rvtlm::models
