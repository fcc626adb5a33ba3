// libFuzzer entry point for the ISS: arbitrary memory and instruction words.
// Byte 0 chooses the configuration, the rest is the RAM image at 0x80000000
// (64 KiB, zero-filled beyond the input). The hart runs 20000 instructions in
// four slices with interrupt lines toggled, DMI revoked and the state saved
// and restored on the way; it must never crash or hang under the sanitizers.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "rvtlm/iss/hart.h"

namespace {

using namespace rvtlm::iss;

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 64 * 1024;
constexpr uint64_t kMmioBase = 0x10000000;
constexpr uint64_t kMmioSize = 0x10000;

class FuzzBus final : public Bus {
 public:
  FuzzBus(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  std::array<uint8_t, kRamSize> ram{};
  bool dmi = true;

  BusStatus read(const BusAccess& access, void* out) override {
    auto* bytes = static_cast<uint8_t*>(out);
    if (in_range(access, kRamBase, kRamSize)) {
      std::memcpy(bytes, ram.data() + (access.addr - kRamBase), access.size);
      return BusStatus::Ok;
    }
    if (in_range(access, kMmioBase, kMmioSize) && (access.addr & 0x10) == 0) {
      for (unsigned i = 0; i < access.size; ++i) {
        const uint64_t a = access.addr + i;
        const uint8_t in = size_ ? data_[a % size_] : 0;
        bytes[i] = static_cast<uint8_t>(in ^ (a * 0x9d) ^ (a >> 8));
      }
      return BusStatus::Ok;
    }
    return BusStatus::Error;
  }

  BusStatus write(const BusAccess& access, const void* in) override {
    if (in_range(access, kRamBase, kRamSize)) {
      std::memcpy(ram.data() + (access.addr - kRamBase), in, access.size);
      return BusStatus::Ok;
    }
    if (in_range(access, kMmioBase, kMmioSize) && (access.addr & 0x10) == 0) return BusStatus::Ok;
    return BusStatus::Error;
  }

  bool request_dmi(uint64_t addr, AccessType type, DmiGrant& grant) override {
    (void)type;
    if (!dmi || addr < kRamBase || addr - kRamBase >= kRamSize) return false;
    grant.host = ram.data();
    grant.start = kRamBase;
    grant.end = kRamBase + kRamSize - 1;
    grant.readable = true;
    grant.writable = true;
    return true;
  }

  bool read_time(uint64_t retired, uint64_t& value) override {
    value = ++time_ + retired;
    return true;
  }

 private:
  // True when [addr, addr + size) lies inside [base, base + len), without
  // wrap-around for addresses near 2^64.
  static bool in_range(const BusAccess& access, uint64_t base, uint64_t len) {
    if (access.size == 0 || access.size > len || access.addr < base) return false;
    return access.addr - base <= len - access.size;
  }

  const uint8_t* data_;
  size_t size_;
  uint64_t time_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t cfg = data[0];
  FuzzBus bus(data + 1, size - 1);
  bus.dmi = (cfg & 4) == 0;
  std::memcpy(bus.ram.data(), data + 1, std::min<size_t>(size - 1, kRamSize));

  HartConfig config;
  config.isa = rvtlm::iss::Isa((cfg & 1) ? Xlen::Rv32 : Xlen::Rv64);
  config.misaligned = (cfg & 2) ? MisalignedPolicy::Emulate : MisalignedPolicy::Trap;
  config.isa.set(Extension::C, (cfg & 8) == 0);
  config.reset_pc = kRamBase;
  config.max_block_insns = (cfg & 16) ? 3 : 256;
  Hart hart(config, bus);
  // Let traps re-enter the fuzzed code instead of stopping at address 0.
  if (cfg & 32) hart.write_csr(0x305, kRamBase + ((cfg & 64) ? 0x100 : 0) + (cfg >> 7));

  const Interrupt lines[] = {Interrupt::MachineTimer, Interrupt::MachineSoftware,
                             Interrupt::MachineExternal};
  for (unsigned slice = 0; slice < 4; ++slice) {
    hart.run(5000);
    const uint8_t bits = data[(slice * 7 + 1) % size];
    for (unsigned i = 0; i < 3; ++i) hart.set_interrupt(lines[i], ((bits >> (slice + i)) & 1) != 0);
    if (slice == 1) {
      bus.dmi = !bus.dmi;
      hart.invalidate_dmi(kRamBase, kRamBase + kRamSize - 1);
    }
    if (slice == 2) {
      HartState state = hart.save_state();
      hart.reset();
      hart.restore_state(state);
    }
  }
  return 0;
}
