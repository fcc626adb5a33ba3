// A Bus for unit tests: RAM at 0x80000000 (DMI can be switched off), an MMIO
// window at 0x10000000 that records every access, and instruction encoders so
// that tests write programs as arrays of words.
#ifndef RVTLM_TESTS_ISS_TEST_BUS_H
#define RVTLM_TESTS_ISS_TEST_BUS_H

#include <cstdint>
#include <cstring>
#include <functional>
#include <vector>

#include "rvtlm/iss/bus.h"

namespace rvtlm::iss::test {

class TestBus : public Bus {
 public:
  static constexpr uint64_t kRam = 0x80000000;
  static constexpr uint64_t kRamSize = 0x10000;
  static constexpr uint64_t kData = kRam + 0x8000;  // a page apart from code
  static constexpr uint64_t kMmio = 0x10000000;
  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr uint64_t kMmioError = kMmio + 0x800;  // from here on: error responses

  struct Access {
    uint64_t addr;
    unsigned size;
    AccessType type;
    uint64_t retired;
    uint64_t data;
    bool operator==(const Access& o) const {
      return addr == o.addr && size == o.size && type == o.type && retired == o.retired &&
             data == o.data;
    }
  };

  std::vector<uint8_t> ram = std::vector<uint8_t>(kRamSize);
  bool dmi = true;
  unsigned dmi_requests = 0;
  uint64_t mmio_read_value = 0x5a;
  std::vector<Access> log;  // data accesses through read()/write(), fetches excluded
  std::function<void(const Access&)> on_access;

  void load(uint64_t addr, const std::vector<uint32_t>& words) {
    std::memcpy(ram.data() + (addr - kRam), words.data(), words.size() * 4);
  }
  uint32_t word(uint64_t addr) const {
    uint32_t v;
    std::memcpy(&v, ram.data() + (addr - kRam), 4);
    return v;
  }
  std::vector<Access> mmio_log() const {
    std::vector<Access> r;
    for (const Access& a : log)
      if (a.addr >= kMmio && a.addr < kMmio + kMmioSize) r.push_back(a);
    return r;
  }

  BusStatus read(const BusAccess& a, void* data) override { return access(a, data, false); }
  BusStatus write(const BusAccess& a, const void* data) override {
    return access(a, const_cast<void*>(data), true);
  }
  bool request_dmi(uint64_t addr, AccessType, DmiGrant& g) override {
    ++dmi_requests;
    if (!dmi || addr < kRam || addr >= kRam + kRamSize) {
      g.start = addr < kRam ? 0 : kRam + kRamSize;
      g.end = addr < kRam ? kRam - 1 : ~uint64_t{0};
      if (!dmi && addr >= kRam && addr < kRam + kRamSize) {
        g.start = kRam;
        g.end = kRam + kRamSize - 1;
      }
      return false;
    }
    g.host = ram.data();
    g.start = kRam;
    g.end = kRam + kRamSize - 1;
    g.readable = g.writable = true;
    return true;
  }

 private:
  static bool within(const BusAccess& a, uint64_t base, uint64_t size) {
    return a.addr >= base && a.addr - base < size && a.size <= size - (a.addr - base);
  }
  BusStatus access(const BusAccess& a, void* data, bool write) {
    uint64_t v = 0;
    if (within(a, kRam, kRamSize)) {
      uint8_t* p = ram.data() + (a.addr - kRam);
      if (write) std::memcpy(p, data, a.size);
      else std::memcpy(data, p, a.size);
      std::memcpy(&v, data, a.size);
    } else if (within(a, kMmio, kMmioSize)) {
      if (a.addr >= kMmioError) return BusStatus::Error;
      if (write) std::memcpy(&v, data, a.size);
      else {
        v = mmio_read_value;
        std::memcpy(data, &v, a.size);
      }
    } else {
      return BusStatus::Error;
    }
    if (a.type != AccessType::Fetch) {
      log.push_back({a.addr, a.size, a.type, a.retired, v});
      if (on_access) on_access(log.back());
    }
    return BusStatus::Ok;
  }
};

// Instruction encoders (Unprivileged spec 2.2 and 2.3).
namespace enc {
constexpr uint32_t r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
constexpr uint32_t i(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (static_cast<uint32_t>(imm) & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
constexpr uint32_t s(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
  const uint32_t u = static_cast<uint32_t>(imm);
  return (u >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | op;
}
constexpr uint32_t b(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  const uint32_t u = static_cast<uint32_t>(imm);
  return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
         (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}
constexpr uint32_t addi(uint32_t rd, uint32_t rs1, int32_t imm) { return i(imm, rs1, 0, rd, 0x13); }
constexpr uint32_t add(uint32_t rd, uint32_t rs1, uint32_t rs2) { return r(0, rs2, rs1, 0, rd, 0x33); }
constexpr uint32_t xor_(uint32_t rd, uint32_t rs1, uint32_t rs2) { return r(0, rs2, rs1, 4, rd, 0x33); }
constexpr uint32_t slli(uint32_t rd, uint32_t rs1, uint32_t sh) { return i(static_cast<int32_t>(sh), rs1, 1, rd, 0x13); }
constexpr uint32_t lui(uint32_t rd, uint32_t imm20) { return imm20 << 12 | rd << 7 | 0x37; }
constexpr uint32_t auipc(uint32_t rd, uint32_t imm20) { return imm20 << 12 | rd << 7 | 0x17; }
constexpr uint32_t lw(uint32_t rd, uint32_t rs1, int32_t imm) { return i(imm, rs1, 2, rd, 0x03); }
constexpr uint32_t ld(uint32_t rd, uint32_t rs1, int32_t imm) { return i(imm, rs1, 3, rd, 0x03); }
constexpr uint32_t sw(uint32_t rs2, uint32_t rs1, int32_t imm) { return s(imm, rs2, rs1, 2, 0x23); }
constexpr uint32_t sd(uint32_t rs2, uint32_t rs1, int32_t imm) { return s(imm, rs2, rs1, 3, 0x23); }
constexpr uint32_t beq(uint32_t rs1, uint32_t rs2, int32_t off) { return b(off, rs2, rs1, 0); }
constexpr uint32_t bne(uint32_t rs1, uint32_t rs2, int32_t off) { return b(off, rs2, rs1, 1); }
constexpr uint32_t jal(uint32_t rd, int32_t off) {
  const uint32_t u = static_cast<uint32_t>(off);
  return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 |
         (u >> 12 & 0xff) << 12 | rd << 7 | 0x6f;
}
constexpr uint32_t csrrw(uint32_t rd, uint32_t csr, uint32_t rs1) { return csr << 20 | rs1 << 15 | 1 << 12 | rd << 7 | 0x73; }
constexpr uint32_t csrrs(uint32_t rd, uint32_t csr, uint32_t rs1) { return csr << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x73; }
constexpr uint32_t csrrsi(uint32_t rd, uint32_t csr, uint32_t uimm) { return csr << 20 | uimm << 15 | 6 << 12 | rd << 7 | 0x73; }
constexpr uint32_t lr_w(uint32_t rd, uint32_t rs1) { return 0x02u << 27 | rs1 << 15 | 2 << 12 | rd << 7 | 0x2f; }
constexpr uint32_t sc_w(uint32_t rd, uint32_t rs2, uint32_t rs1) { return 0x03u << 27 | rs2 << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x2f; }
constexpr uint32_t kEcall = 0x00000073;
constexpr uint32_t kEbreak = 0x00100073;
constexpr uint32_t kMret = 0x30200073;
constexpr uint32_t kWfi = 0x10500073;
constexpr uint32_t kSpin = jal(0, 0);  // jump to itself
}  // namespace enc

}  // namespace rvtlm::iss::test

#endif
