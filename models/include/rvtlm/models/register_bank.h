// The register helper every rvtlm model is built on: a model declares its
// registers (name, offset, width, reset value, access rule, callbacks) and
// the bank does the TLM-2.0 decoding, the size and alignment checks and the
// error responses. A model file then reads like its datasheet.
//
// Several registers may share one offset when the device tells them apart:
// by direction (a read-only and a write-only register, such as a 16550's
// RBR and THR) or by a bank that the device's state selects (`when`, such as
// the divisor latch behind a 16550's LCR.DLAB). Each keeps its own name,
// stored value and callbacks.
#ifndef RVTLM_MODELS_REGISTER_BANK_H
#define RVTLM_MODELS_REGISTER_BANK_H

#include <cstdint>
#include <functional>
#include <string>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

namespace rvtlm::models {

enum class RegisterAccess : uint8_t {
  ReadWrite,
  ReadOnly,   // a write is a bus error (TLM_COMMAND_ERROR_RESPONSE)
  WriteOnly,  // a read is a bus error
};

// What a callback knows about the access that called it.
struct AccessInfo {
  unsigned index = 0;     // element of a register array (0 for a single register)
  sc_core::sc_time time;  // when the access happens: sc_time_stamp() + annotated delay
  bool debug = false;     // transport_dbg: callbacks must not have side effects
};

struct WriteInfo : AccessInfo {
  uint64_t old_value = 0;  // the stored value before the write
  uint64_t data = 0;       // the bytes written, at their place in the register
  uint64_t byte_mask = 0;  // which bytes were written (0xff per byte)
  uint64_t value = 0;      // the new stored value: old merged with data, masked by `writable`
};

// One register (or an array of them), declared in one expression:
//   Register("lsr", 5, 1).reset(0x60).read_only().on_read(...)
struct Register {
  using ReadHook = std::function<uint64_t(const AccessInfo&)>;
  using WriteHook = std::function<void(const WriteInfo&)>;
  using Selector = std::function<bool()>;

  Register(std::string name_, uint64_t offset_, unsigned width_ = 4)
      : name(std::move(name_)), offset(offset_), width(width_) {}

  Register& reset(uint64_t value) { return reset_value = value, *this; }
  Register& read_only() { return access = RegisterAccess::ReadOnly, *this; }
  Register& write_only() { return access = RegisterAccess::WriteOnly, *this; }
  Register& writable(uint64_t bits) { return writable_bits = bits, *this; }
  Register& allow_sizes(unsigned mask) { return access_sizes = mask, *this; }
  Register& array(unsigned count_, uint64_t stride_) {
    return count = count_, stride = stride_, *this;
  }
  Register& on_read(ReadHook hook) { return read_hook = std::move(hook), *this; }
  Register& on_write(WriteHook hook) { return write_hook = std::move(hook), *this; }
  // The register is in a bank that exists only while `selected()` holds.
  Register& when(Selector selected) { return bank_selected = std::move(selected), *this; }

  std::string name;
  uint64_t offset = 0;
  unsigned width = 4;  // bytes: 1, 2, 4 or 8
  uint64_t reset_value = 0;
  RegisterAccess access = RegisterAccess::ReadWrite;
  // Bits a write can change; the others keep their value (writes to them are
  // ignored, not errors).
  uint64_t writable_bits = ~uint64_t{0};
  // Access sizes accepted, as a mask of byte counts (1|2|4|8); an access must
  // be naturally aligned and lie within the register. 0: the width only.
  unsigned access_sizes = 0;
  // An array: `count` registers `stride` bytes apart, told apart by
  // AccessInfo::index.
  unsigned count = 1;
  uint64_t stride = 0;
  // Called for reads; empty: the stored value.
  ReadHook read_hook;
  // Called after the stored value took WriteInfo::value.
  WriteHook write_hook;
  // Empty: always there. Otherwise asked on every access (debug accesses
  // too), so it must have no side effects.
  Selector bank_selected;
};

class RegisterBank {
 public:
  explicit RegisterBank(std::string owner) : owner_(std::move(owner)) {}

  // Throws std::invalid_argument when the register overlaps another or its
  // width, sizes or stride are invalid. Returns the register's handle.
  //
  // A register may lie exactly where others lie (same offset, width, count
  // and stride) when each pair is told apart by direction (one read-only,
  // the other write-only) or at least one of the two has a bank (`when`).
  // An access reaches the first of them, in the order added, whose bank is
  // selected and that allows the access's direction. When no bank there is
  // selected the access is an address error; when the selected ones do not
  // allow the direction, a command error.
  unsigned add(Register reg);

  // The stored value of register `handle`, element `index`.
  uint64_t get(unsigned handle, unsigned index = 0) const {
    return values_[registers_[handle].first_value + index];
  }
  void set(unsigned handle, uint64_t value) { set(handle, 0, value); }
  void set(unsigned handle, unsigned index, uint64_t value) {
    values_[registers_[handle].first_value + index] = value;
  }
  const Register& reg(unsigned handle) const { return registers_[handle].reg; }

  // The register that a read (or a write) at `offset` would reach now, with
  // the banks as currently selected; null when none would. No callback runs.
  const Register* register_at(uint64_t offset, bool write) const;

  // Every register back to its reset value.
  void reset();

  // b_transport / transport_dbg on the bank: sets the response status. The
  // payload's address is an offset into the bank. Returns the bytes moved.
  void transport(::tlm::tlm_generic_payload& payload, const sc_core::sc_time& delay);
  unsigned transport_dbg(::tlm::tlm_generic_payload& payload);

  const std::string& owner() const { return owner_; }
  uint64_t span() const { return span_; }  // one past the highest register byte

 private:
  struct Entry {
    Register reg;
    unsigned first_value = 0;
    uint64_t end = 0;  // offset + (count-1)*stride + width
    // The next register at the same place, or -1. Only the first one of a
    // place is in the lookup tables.
    int next = -1;
    // This register shares its place or has a bank: an access must select.
    bool banked = false;
  };
  // `delay`: the annotated delay (the access happens at sc_time_stamp() + delay).
  bool access(::tlm::tlm_generic_payload& payload, const sc_core::sc_time& delay, bool debug);
  [[gnu::noinline]] static uint64_t call_read_hook(const Register& r, unsigned index,
                                                   const sc_core::sc_time& delay, bool debug);
  [[gnu::noinline]] static void call_write_hook(const Register& r, unsigned index,
                                                const sc_core::sc_time& delay, bool debug,
                                                uint64_t old_value, uint64_t data,
                                                uint64_t byte_mask, uint64_t value);
  // The register containing `offset`, or -1. Inline for a dense bank's
  // single registers (most device registers); the rest in find_sparse().
  int find(uint64_t offset, unsigned& index) const {
    if (offset >= span_) return -1;
    if (!dense_.empty()) {
      const int handle = int{dense_[offset]} - 1;
      if (handle >= 0 && registers_[handle].reg.count == 1) {
        index = 0;
        return handle;
      }
    }
    return find_sparse(offset, index);
  }
  int find_sparse(uint64_t offset, unsigned& index) const;
  // Among the registers at the place whose first one is `first`: the first
  // selected one that allows the direction, else the first selected one (the
  // access is then refused for its direction), else -1.
  int select(int first, bool write) const;

  std::string owner_;
  std::vector<Entry> registers_;
  std::vector<uint64_t> values_;
  // Dense lookup for banks up to kDenseSpan bytes: 1 + handle per byte, 0 for
  // no register. Larger banks use a binary search over sorted entries.
  static constexpr uint64_t kDenseSpan = 0x10000;
  std::vector<uint16_t> dense_;
  std::vector<unsigned> sorted_;
  std::vector<unsigned> arrays_;  // registers with more than one element
  uint64_t span_ = 0;
};

}  // namespace rvtlm::models

#endif
