// Small TLM-2.0 targets for the bridge's tests and benchmark, written with
// plain TLM-2.0 only (no rvtlm code): RAM with DMI, a target that records
// every transaction, a timer with an interrupt output, a router.
#ifndef RVTLM_TESTS_TLM_TARGETS_H
#define RVTLM_TESTS_TLM_TARGETS_H

#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <new>
#include <ostream>
#include <set>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

namespace rvtlm::tlm_test {

inline bool fits(const ::tlm::tlm_generic_payload& t, uint64_t size) {
  const uint64_t a = t.get_address();
  const uint64_t n = t.get_data_length();
  return t.get_byte_enable_ptr() == nullptr && t.get_streaming_width() == n && a < size &&
         n <= size - a;
}

// RAM that grants DMI for all of itself (unless told not to) and logs the
// accesses it receives through b_transport.
class Memory : public sc_core::sc_module {
 public:
  struct Access {
    sc_core::sc_time time;  // sc_time_stamp() + annotated delay
    uint64_t addr;
    ::tlm::tlm_command command;
    unsigned length;
  };

  tlm_utils::simple_target_socket<Memory> socket;
  sc_core::sc_time latency = sc_core::SC_ZERO_TIME;  // added to each b_transport
  bool log_accesses = true;
  std::vector<Access> accesses;
  unsigned dmi_requests = 0;

  Memory(const sc_core::sc_module_name& name, uint64_t size)
      : sc_core::sc_module(name),
        socket("socket"),
        size_(size),
        data_(static_cast<uint8_t*>(std::calloc(size, 1))) {
    if (!data_) throw std::bad_alloc();
    socket.register_b_transport(this, &Memory::b_transport);
    socket.register_get_direct_mem_ptr(this, &Memory::get_direct_mem_ptr);
    socket.register_transport_dbg(this, &Memory::transport_dbg);
  }
  ~Memory() override { std::free(data_); }

  uint8_t* data() { return data_; }
  uint64_t size() const { return size_; }

  void load(uint64_t offset, const std::vector<uint32_t>& words) {
    std::memcpy(data_ + offset, words.data(), words.size() * 4);
  }
  uint32_t word(uint64_t offset) const {
    uint32_t v;
    std::memcpy(&v, data_ + offset, 4);
    return v;
  }

  // Whether get_direct_mem_ptr grants DMI and b_transport sets the DMI hint.
  bool dmi_enabled = true;

  // Stops granting DMI and invalidates the pointers handed out.
  void revoke_dmi() {
    dmi_enabled = false;
    socket->invalidate_direct_mem_ptr(0, size_ - 1);
  }

 private:
  void b_transport(::tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    if (log_accesses) {
      accesses.push_back({sc_core::sc_time_stamp() + delay, t.get_address(), t.get_command(),
                          t.get_data_length()});
    }
    if (!fits(t, size_)) {
      t.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    uint8_t* p = data_ + t.get_address();
    if (t.is_read()) {
      std::memcpy(t.get_data_ptr(), p, t.get_data_length());
    } else if (t.is_write()) {
      std::memcpy(p, t.get_data_ptr(), t.get_data_length());
    }
    delay += latency;
    t.set_dmi_allowed(dmi_enabled);
    t.set_response_status(::tlm::TLM_OK_RESPONSE);
  }

  bool get_direct_mem_ptr(::tlm::tlm_generic_payload&, ::tlm::tlm_dmi& dmi) {
    ++dmi_requests;
    dmi.set_start_address(0);
    dmi.set_end_address(size_ - 1);
    if (!dmi_enabled) return false;
    dmi.set_dmi_ptr(data_);
    dmi.allow_read_write();
    return true;
  }

  unsigned transport_dbg(::tlm::tlm_generic_payload& t) {
    const uint64_t a = t.get_address();
    if (a >= size_) return 0;
    const unsigned n = static_cast<unsigned>(std::min<uint64_t>(t.get_data_length(), size_ - a));
    if (t.is_read()) std::memcpy(t.get_data_ptr(), data_ + a, n);
    if (t.is_write()) std::memcpy(data_ + a, t.get_data_ptr(), n);
    return n;
  }

  uint64_t size_;
  uint8_t* data_;
};

// Logs every transaction with the time it happens at (sc_time_stamp() plus
// the annotated delay). Reads return `read_value`; listed addresses answer
// with an address error; writes may add a delay and trigger a callback.
class RecordingTarget : public sc_core::sc_module {
 public:
  struct Record {
    sc_core::sc_time time;
    uint64_t addr;
    ::tlm::tlm_command command;
    uint64_t value;
    unsigned length;
  };

  tlm_utils::simple_target_socket<RecordingTarget> socket;
  std::vector<Record> log;
  std::set<uint64_t> error_addresses;
  sc_core::sc_time write_delay = sc_core::SC_ZERO_TIME;
  uint64_t read_value = 0;
  std::function<void(const Record&)> on_write;

  RecordingTarget(const sc_core::sc_module_name& name, uint64_t size)
      : sc_core::sc_module(name), socket("socket"), size_(size) {
    socket.register_b_transport(this, &RecordingTarget::b_transport);
    socket.register_get_direct_mem_ptr(this, &RecordingTarget::get_direct_mem_ptr);
    socket.register_transport_dbg(this, &RecordingTarget::transport_dbg);
  }

  // Records of writes to `addr` only.
  std::vector<Record> writes_to(uint64_t addr) const {
    std::vector<Record> r;
    for (const Record& x : log) {
      if (x.command == ::tlm::TLM_WRITE_COMMAND && x.addr == addr) r.push_back(x);
    }
    return r;
  }

 private:
  void b_transport(::tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    if (!fits(t, size_) || t.get_data_length() > 8) {
      t.set_response_status(::tlm::TLM_GENERIC_ERROR_RESPONSE);
      return;
    }
    Record r{sc_core::sc_time_stamp() + delay, t.get_address(), t.get_command(), 0,
             t.get_data_length()};
    if (t.is_write()) std::memcpy(&r.value, t.get_data_ptr(), t.get_data_length());
    if (t.is_read()) {
      std::memcpy(t.get_data_ptr(), &read_value, t.get_data_length());
      r.value = read_value;
    }
    log.push_back(r);
    if (error_addresses.count(t.get_address())) {
      t.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    if (t.is_write()) {
      delay += write_delay;
      if (on_write) on_write(r);
    }
    t.set_response_status(::tlm::TLM_OK_RESPONSE);
  }

  bool get_direct_mem_ptr(::tlm::tlm_generic_payload&, ::tlm::tlm_dmi& dmi) {
    dmi.set_start_address(0);
    dmi.set_end_address(size_ - 1);
    return false;
  }

  unsigned transport_dbg(::tlm::tlm_generic_payload&) { return 0; }

  uint64_t size_;
};

// Drives an interrupt line: high at `raise_at`, low again at `lower_at`
// (if later than raise_at).
class Timer : public sc_core::sc_module {
 public:
  sc_core::sc_out<bool> irq;

  Timer(const sc_core::sc_module_name& name, const sc_core::sc_time& raise_at,
        const sc_core::sc_time& lower_at = sc_core::SC_ZERO_TIME)
      : sc_core::sc_module(name), irq("irq"), raise_at_(raise_at), lower_at_(lower_at) {
    SC_HAS_PROCESS(Timer);
    SC_THREAD(run);
  }

 private:
  void run() {
    sc_core::wait(raise_at_);
    irq.write(true);
    if (lower_at_ > raise_at_) {
      sc_core::wait(lower_at_ - raise_at_);
      irq.write(false);
    }
  }

  sc_core::sc_time raise_at_;
  sc_core::sc_time lower_at_;
};

// Address decoder: initiators bind to `target_socket`, targets are added with
// map() (each on its own port of `initiator_socket`). Translates addresses
// and DMI ranges both ways and refuses DMI for unmapped gaps by naming them.
// A timer whose line rises at `raise_at` and falls at the time of a write to
// it (SystemC time plus the annotated delay), as a store to mtimecmp lowers
// MTIP.
class AckTimer : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<AckTimer> socket;
  sc_core::sc_out<bool> irq;

  AckTimer(const sc_core::sc_module_name& name, const sc_core::sc_time& raise_at)
      : sc_core::sc_module(name), socket("socket"), irq("irq"), raise_at_(raise_at) {
    socket.register_b_transport(this, &AckTimer::b_transport);
    SC_HAS_PROCESS(AckTimer);
    SC_METHOD(drive);
    sensitive << raise_event_ << lower_event_;
    dont_initialize();
  }

 private:
  void start_of_simulation() override { raise_event_.notify(raise_at_); }
  void drive() { irq.write(raise_event_.triggered() && !lower_event_.triggered()); }
  void b_transport(::tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    if (t.is_write()) lower_event_.notify(delay);
    t.set_response_status(::tlm::TLM_OK_RESPONSE);
  }

  sc_core::sc_time raise_at_;
  sc_core::sc_event raise_event_;
  sc_core::sc_event lower_event_;
};

class Router : public sc_core::sc_module {
 public:
  tlm_utils::multi_passthrough_target_socket<Router> target_socket;
  tlm_utils::multi_passthrough_initiator_socket<Router> initiator_socket;

  explicit Router(const sc_core::sc_module_name& name)
      : sc_core::sc_module(name),
        target_socket("target_socket"),
        initiator_socket("initiator_socket") {
    target_socket.register_b_transport(this, &Router::b_transport);
    target_socket.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
    target_socket.register_transport_dbg(this, &Router::transport_dbg);
    initiator_socket.register_invalidate_direct_mem_ptr(this, &Router::invalidate_direct_mem_ptr);
  }

  template <typename Socket>
  void map(uint64_t base, uint64_t size, Socket& target) {
    last_ = nullptr;
    regions_.push_back({base, size, static_cast<int>(regions_.size())});
    initiator_socket.bind(target);
  }

 private:
  struct Region {
    uint64_t base;
    uint64_t size;
    int port;
    uint64_t last() const { return base + size - 1; }
  };

  const Region* decode(uint64_t addr) {
    // Accesses come in runs to one device: try the last one first.
    if (last_ && addr - last_->base < last_->size && addr >= last_->base) return last_;
    for (const Region& r : regions_) {
      if (addr >= r.base && addr - r.base < r.size) return last_ = &r;
    }
    return nullptr;
  }

  void b_transport(int, ::tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    const uint64_t addr = t.get_address();
    const Region* r = decode(addr);
    if (!r) {
      t.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    t.set_address(addr - r->base);
    initiator_socket[r->port]->b_transport(t, delay);
    t.set_address(addr);
  }

  bool get_direct_mem_ptr(int, ::tlm::tlm_generic_payload& t, ::tlm::tlm_dmi& dmi) {
    const uint64_t addr = t.get_address();
    const Region* r = decode(addr);
    if (!r) {
      // Refuse for the whole gap around addr.
      uint64_t lo = 0;
      uint64_t hi = std::numeric_limits<uint64_t>::max();
      for (const Region& x : regions_) {
        if (x.last() < addr) lo = std::max(lo, x.last() + 1);
        if (x.base > addr) hi = std::min(hi, x.base - 1);
      }
      dmi.set_start_address(lo);
      dmi.set_end_address(hi);
      return false;
    }
    t.set_address(addr - r->base);
    const bool ok = initiator_socket[r->port]->get_direct_mem_ptr(t, dmi);
    t.set_address(addr);
    dmi.set_start_address(r->base + std::min<uint64_t>(dmi.get_start_address(), r->size - 1));
    dmi.set_end_address(r->base + std::min<uint64_t>(dmi.get_end_address(), r->size - 1));
    return ok;
  }

  unsigned transport_dbg(int, ::tlm::tlm_generic_payload& t) {
    const uint64_t addr = t.get_address();
    const Region* r = decode(addr);
    if (!r) return 0;
    t.set_address(addr - r->base);
    const unsigned n = initiator_socket[r->port]->transport_dbg(t);
    t.set_address(addr);
    return n;
  }

  void invalidate_direct_mem_ptr(int port, sc_dt::uint64 start, sc_dt::uint64 end) {
    for (const Region& r : regions_) {
      if (r.port != port || start >= r.size) continue;
      const uint64_t s = r.base + start;
      const uint64_t e = r.base + std::min<uint64_t>(end, r.size - 1);
      for (unsigned i = 0; i < target_socket.size(); ++i) {
        target_socket[i]->invalidate_direct_mem_ptr(s, e);
      }
    }
  }

  std::vector<Region> regions_;
  const Region* last_ = nullptr;
};

inline std::ostream& operator<<(std::ostream& os, const RecordingTarget::Record& r) {
  return os << r.time << (r.command == ::tlm::TLM_WRITE_COMMAND ? " W " : " R ") << std::hex << "0x"
            << r.addr << " = 0x" << r.value << std::dec << " (" << r.length << ")";
}

// FNV-1a over a transaction log: a compact fingerprint for determinism checks.
inline uint64_t fingerprint(const std::vector<RecordingTarget::Record>& log) {
  uint64_t h = 0xcbf29ce484222325ull;
  const auto mix = [&](uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= (v >> (8 * i)) & 0xff;
      h *= 0x100000001b3ull;
    }
  };
  for (const auto& r : log) {
    mix(r.time.value());
    mix(r.addr);
    mix(static_cast<uint64_t>(r.command));
    mix(r.value);
    mix(r.length);
  }
  return h;
}

}  // namespace rvtlm::tlm_test

#endif
