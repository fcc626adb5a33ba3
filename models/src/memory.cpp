#include "rvtlm/models/memory.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <stdexcept>

#include "rvtlm/elf/elf_image.h"
#include "rvtlm/elf/input_file.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::models {
Memory::Memory(const sc_core::sc_module_name& name, MemoryConfig config)
    : sc_core::sc_module(name), socket("socket"), config_(config) {
  if (config_.size == 0) throw std::invalid_argument(std::string(this->name()) + ": size is zero");
  void* p = mmap(nullptr, config_.size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  data_ = static_cast<uint8_t*>(p);
  socket.register_b_transport(this, &Memory::b_transport);
  socket.register_get_direct_mem_ptr(this, &Memory::get_direct_mem_ptr);
  socket.register_transport_dbg(this, &Memory::transport_dbg);
}

Memory::~Memory() { munmap(data_, config_.size); }

void Memory::check_range(uint64_t offset, uint64_t length, const char* what) const {
  if (offset > config_.size || length > config_.size - offset)
    throw std::out_of_range(std::string(name()) + ": " + what + " of " + std::to_string(length) +
                            " bytes at offset " + rvtlm::support::hex(offset) + " outside its " +
                            rvtlm::support::hex(config_.size) + " bytes");
}

void Memory::write(uint64_t offset, const void* bytes, uint64_t length) {
  check_range(offset, length, "write");
  if (length != 0) std::memcpy(data_ + offset, bytes, length);
}

void Memory::read(uint64_t offset, void* bytes, uint64_t length) const {
  check_range(offset, length, "read");
  if (length != 0) std::memcpy(bytes, data_ + offset, length);
}

uint64_t Memory::load_binary(const std::string& path, uint64_t offset) {
  const elf::InputFile file(path);
  const uint64_t length = file.size();
  if (offset > config_.size || length > config_.size - offset)
    throw std::runtime_error(path + ": " + std::to_string(length) + " bytes do not fit in " +
                             name() + " at offset " + rvtlm::support::hex(offset));
  file.read(0, data_ + offset, length);
  return length;
}

uint64_t Memory::load_elf(const elf::ElfImage& image, uint64_t base) {
  uint64_t loaded = 0;
  for (const elf::ElfSegment& s : image.segments()) {
    const uint64_t end = s.address + s.memory_size;
    if (end <= base || s.address >= base + config_.size) continue;
    if (s.address < base || end > base + config_.size)
      throw std::runtime_error(image.path() + ": segment at " + rvtlm::support::hex(s.address) +
                               " (" + rvtlm::support::hex(s.memory_size) +
                               " bytes) crosses the end of " + name());
    const uint64_t offset = s.address - base;
    image.read(s, data_ + offset);
    std::memset(data_ + offset + s.file_size, 0, s.memory_size - s.file_size);
    loaded += s.memory_size;
  }
  return loaded;
}

void Memory::set_dmi(bool enabled) {
  if (config_.dmi && !enabled) socket->invalidate_direct_mem_ptr(0, ~sc_dt::uint64{0});
  config_.dmi = enabled;
}

void Memory::b_transport(::tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  const uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  if (addr > config_.size || len > config_.size - addr) {
    p.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  if (p.get_streaming_width() < len) {
    p.set_response_status(::tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  const unsigned char* be = p.get_byte_enable_ptr();
  const unsigned be_len = p.get_byte_enable_length();
  uint8_t* mem = data_ + addr;
  unsigned char* data = p.get_data_ptr();
  switch (p.get_command()) {
    case ::tlm::TLM_READ_COMMAND:
      if (be) {
        for (unsigned i = 0; i < len; ++i)
          if (be[i % be_len]) data[i] = mem[i];
      } else {
        std::memcpy(data, mem, len);
      }
      delay += config_.read_latency;
      break;
    case ::tlm::TLM_WRITE_COMMAND:
      if (config_.read_only) {
        p.set_response_status(::tlm::TLM_COMMAND_ERROR_RESPONSE);
        return;
      }
      if (be) {
        for (unsigned i = 0; i < len; ++i)
          if (be[i % be_len]) mem[i] = data[i];
      } else {
        std::memcpy(mem, data, len);
      }
      delay += config_.write_latency;
      break;
    default:
      break;
  }
  p.set_dmi_allowed(config_.dmi);
  p.set_response_status(::tlm::TLM_OK_RESPONSE);
}

bool Memory::get_direct_mem_ptr(::tlm::tlm_generic_payload& p, ::tlm::tlm_dmi& dmi) {
  if (!config_.dmi || p.get_address() >= config_.size) return false;
  dmi.set_dmi_ptr(data_);
  dmi.set_start_address(0);
  dmi.set_end_address(config_.size - 1);
  dmi.set_granted_access(config_.read_only ? ::tlm::tlm_dmi::DMI_ACCESS_READ
                                           : ::tlm::tlm_dmi::DMI_ACCESS_READ_WRITE);
  dmi.set_read_latency(config_.read_latency);
  dmi.set_write_latency(config_.write_latency);
  return true;
}

unsigned Memory::transport_dbg(::tlm::tlm_generic_payload& p) {
  const uint64_t addr = p.get_address();
  if (addr >= config_.size) return 0;
  const auto len =
      static_cast<unsigned>(std::min<uint64_t>(p.get_data_length(), config_.size - addr));
  if (p.is_read()) {
    std::memcpy(p.get_data_ptr(), data_ + addr, len);
  } else if (p.is_write()) {
    std::memcpy(data_ + addr, p.get_data_ptr(), len);
  } else {
    return 0;
  }
  p.set_response_status(::tlm::TLM_OK_RESPONSE);
  return len;
}

}  // namespace rvtlm::models
