// RAM, ROM or flash: a TLM-2.0 target backed by host memory, granting DMI
// and serving transport_dbg, loadable from ELF files and raw binaries.
#ifndef RVTLM_MODELS_MEMORY_H
#define RVTLM_MODELS_MEMORY_H

#include <tlm_utils/simple_target_socket.h>

#include <cstdint>
#include <string>
#include <systemc>
#include <tlm>

namespace rvtlm::elf {
class ElfImage;
}

namespace rvtlm::models {

struct MemoryConfig {
  uint64_t size = 0;
  // Writes through b_transport are command errors and DMI is granted for
  // reading only; transport_dbg (loaders, debuggers) may still write.
  bool read_only = false;
  bool dmi = true;
  sc_core::sc_time read_latency = sc_core::SC_ZERO_TIME;
  sc_core::sc_time write_latency = sc_core::SC_ZERO_TIME;
};

class Memory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Memory> socket;

  // Throws std::invalid_argument for a zero size, std::bad_alloc when the
  // host cannot reserve it. Pages are allocated on first touch, so a large
  // memory costs only what the guest uses.
  Memory(const sc_core::sc_module_name& name, MemoryConfig config);
  ~Memory() override;
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  const char* kind() const override { return "rvtlm::models::Memory"; }

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  uint64_t size() const { return config_.size; }
  const MemoryConfig& config() const { return config_; }

  // Copies bytes in or out; throws std::out_of_range naming the memory when
  // [offset, offset + length) is not inside it.
  void write(uint64_t offset, const void* bytes, uint64_t length);
  void read(uint64_t offset, void* bytes, uint64_t length) const;

  // A raw binary file at `offset`; returns its length. Throws
  // std::runtime_error ("<path>: ...") when it is unreadable or too large.
  uint64_t load_binary(const std::string& path, uint64_t offset = 0);
  // The ELF's loadable segments whose physical addresses fall in
  // [base, base + size) (this memory's place in the address map); returns how
  // many bytes were loaded. A segment that only partly fits is an error.
  uint64_t load_elf(const elf::ElfImage& image, uint64_t base);

  // Stops granting DMI and tells initiators to drop their pointers (e.g.
  // before changing the memory behind their back), or grants again.
  void set_dmi(bool enabled);

 private:
  void b_transport(::tlm::tlm_generic_payload& payload, sc_core::sc_time& delay);
  bool get_direct_mem_ptr(::tlm::tlm_generic_payload& payload, ::tlm::tlm_dmi& dmi);
  unsigned transport_dbg(::tlm::tlm_generic_payload& payload);
  void check_range(uint64_t offset, uint64_t length, const char* what) const;

  MemoryConfig config_;
  uint8_t* data_ = nullptr;
};

}  // namespace rvtlm::models

#endif
