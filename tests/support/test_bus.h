// A Bus for unit tests: RAM at 0x80000000 with switchable DMI, an MMIO region
// at 0x10000000 that records every access and can be told to fail, and an
// optional time source. Everything else is unmapped (bus error).
#ifndef RVTLM_TESTS_SUPPORT_TEST_BUS_H
#define RVTLM_TESTS_SUPPORT_TEST_BUS_H

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/hart.h"
#include "test_asm.h"

namespace rvtlm::test {

using iss::AccessType;
using iss::BusAccess;
using iss::BusStatus;

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kMmioBase = 0x10000000;
constexpr uint64_t kMmioSize = 0x1000;
constexpr uint64_t kUnmapped = 0x20000000;
constexpr uint64_t kPageSize = 0x1000;

// One access that reached Bus::read or Bus::write.
struct BusRecord {
  uint64_t addr = 0;
  unsigned size = 0;
  AccessType type = AccessType::Read;
  uint64_t retired = 0;
  uint64_t data = 0;  // little-endian value read or written
  uint64_t hart_id = 0;
  bool operator==(const BusRecord& o) const {
    return addr == o.addr && size == o.size && type == o.type && retired == o.retired &&
           data == o.data && hart_id == o.hart_id;
  }
};

class TestBus : public iss::Bus {
 public:
  explicit TestBus(std::size_t ram_size = 64 * 1024) : ram(ram_size, 0), mmio(kMmioSize, 0) {}

  // ---- switches ----
  bool dmi = true;               // grant DMI pointers for RAM
  bool dmi_per_page = false;     // grants cover only the 4 KiB page asked for
  bool mmio_error = false;       // MMIO accesses return BusStatus::Error
  std::optional<uint64_t> time;  // value of the `time` CSR; none: no time source
  // Called after an MMIO access has been recorded (and, for a read, served).
  std::function<void(const BusRecord&)> on_mmio;

  // ---- observations ----
  std::vector<BusRecord> log;  // every read/write call, RAM or MMIO, in order
  unsigned dmi_requests = 0;
  std::vector<uint64_t> time_reads;  // `retired` of each read_time call

  std::vector<uint8_t> ram;
  std::vector<uint8_t> mmio;  // MMIO backing store: reads return what was written

  // Data accesses (no fetches) that reached the bus in [base, base + size).
  std::vector<BusRecord> data_accesses(uint64_t base, uint64_t size) const {
    std::vector<BusRecord> out;
    for (const BusRecord& r : log)
      if (r.type != AccessType::Fetch && r.addr >= base && r.addr - base < size) out.push_back(r);
    return out;
  }
  std::vector<BusRecord> mmio_accesses() const { return data_accesses(kMmioBase, kMmioSize); }
  std::vector<BusRecord> ram_accesses() const { return data_accesses(kRamBase, ram.size()); }

  // ---- RAM contents ----
  uint64_t load(uint64_t addr, const Program& program) {
    for (const Insn& i : program) {
      std::memcpy(ram_ptr(addr, i.len), &i.bits, i.len);
      addr += i.len;
    }
    return addr;
  }
  uint64_t peek(uint64_t addr, unsigned size) const {
    uint64_t v = 0;
    std::memcpy(&v, ram_ptr(addr, size), size);
    return v;
  }
  void poke(uint64_t addr, unsigned size, uint64_t value) {
    std::memcpy(ram_ptr(addr, size), &value, size);
  }

  // ---- Bus ----
  BusStatus read(const BusAccess& a, void* data) override { return access(a, data, nullptr); }
  BusStatus write(const BusAccess& a, const void* data) override {
    return access(a, nullptr, data);
  }

  bool request_dmi(uint64_t addr, AccessType, iss::DmiGrant& grant) override {
    ++dmi_requests;
    if (in_ram(addr, 1)) {
      grant.start = dmi_per_page ? addr & ~(kPageSize - 1) : kRamBase;
      grant.end = dmi_per_page ? grant.start + kPageSize - 1 : kRamBase + ram.size() - 1;
      if (!dmi) return false;  // refused, naming the range
      grant.host = ram.data() + (grant.start - kRamBase);
      grant.readable = grant.writable = true;
      return true;
    }
    if (in_mmio(addr, 1)) {
      grant.start = kMmioBase;
      grant.end = kMmioBase + kMmioSize - 1;
    }
    return false;
  }

  bool read_time(uint64_t retired, uint64_t& value) override {
    time_reads.push_back(retired);
    if (!time) return false;
    value = *time;
    return true;
  }

 private:
  bool in_ram(uint64_t addr, unsigned size) const {
    return addr >= kRamBase && addr - kRamBase + size <= ram.size();
  }
  static bool in_mmio(uint64_t addr, unsigned size) {
    return addr >= kMmioBase && addr - kMmioBase + size <= kMmioSize;
  }
  const uint8_t* ram_ptr(uint64_t addr, unsigned size) const {
    if (!in_ram(addr, size)) throw std::out_of_range("TestBus: address outside RAM");
    return ram.data() + (addr - kRamBase);
  }
  uint8_t* ram_ptr(uint64_t addr, unsigned size) {
    return const_cast<uint8_t*>(std::as_const(*this).ram_ptr(addr, size));
  }

  // Serves a read into `out` or a write from `in`, and records it.
  BusStatus access(const BusAccess& a, void* out, const void* in) {
    uint8_t* p = nullptr;
    if (in_ram(a.addr, a.size)) {
      p = ram_ptr(a.addr, a.size);
    } else if (in_mmio(a.addr, a.size)) {
      p = mmio.data() + (a.addr - kMmioBase);
    } else {
      return BusStatus::Error;
    }
    BusRecord r{a.addr, a.size, a.type, a.retired, 0, a.hart_id};
    const bool is_mmio = in_mmio(a.addr, a.size);
    if (is_mmio && mmio_error) {
      log.push_back(r);
      return BusStatus::Error;
    }
    if (in) std::memcpy(p, in, a.size);
    if (out) std::memcpy(out, p, a.size);
    std::memcpy(&r.data, p, a.size);
    log.push_back(r);
    if (is_mmio && on_mmio) on_mmio(r);
    return BusStatus::Ok;
  }
};

// Where Machine puts the trap vector: a `jal zero, 0` loop, so that a test
// finds the hart parked there after a trap.
constexpr uint64_t kTrapVector = kRamBase + 0x8000;

inline iss::HartConfig rv32_config() {
  iss::HartConfig c;
  c.isa = rvtlm::iss::Isa(iss::Xlen::Rv32);
  return c;
}

// A hart on its own TestBus with `program` at the reset address.
struct Machine {
  explicit Machine(const Program& program, const iss::HartConfig& config = {}) : hart(config, bus) {
    bus.load(config.reset_pc, program);
    bus.load(kTrapVector, {jal(zero, 0)});
    hart.write_csr(iss::csr::k_mtvec, kTrapVector);
  }
  uint64_t csr(uint16_t number) {
    uint64_t v = 0;
    if (!hart.read_csr(number, v)) throw std::invalid_argument("no such CSR");
    return v;
  }
  TestBus bus;
  iss::Hart hart;
};

}  // namespace rvtlm::test

#endif
