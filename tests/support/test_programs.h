// Guest programs shared by several unit tests.
#ifndef RVTLM_TESTS_SUPPORT_TEST_PROGRAMS_H
#define RVTLM_TESTS_SUPPORT_TEST_PROGRAMS_H

#include <array>
#include <cstdint>

#include "rvtlm/iss/hart.h"
#include "test_asm.h"
#include "test_bus.h"

namespace rvtlm::test {

constexpr uint64_t kDataBase = kRamBase + 0x4000;

// A checksum over a 2 KiB table that it also rewrites, with an MMIO write
// every 64 iterations, ending in wfi. About 13 instructions per iteration.
// Registers: t0 = iterations left, s0 = table, t6 = MMIO, a0 = checksum.
inline Program checksum_program() {
  return {
      andi(t1, t0, 255),   // 0  loop:
      slli(t1, t1, 3),     // 1
      add(t2, s0, t1),     // 2
      ld(t3, t2, 0),       // 3
      add(a0, a0, t3),     // 4
      xor_(a0, a0, t0),    // 5
      slli(t4, a0, 7),     // 6
      add(a0, a0, t4),     // 7
      sd(a0, t2, 0),       // 8
      andi(t5, t0, 63),    // 9
      bne(t5, zero, 8),    // 10 -> 12
      sw(a0, t6, 8),       // 11 MMIO
      addi(t0, t0, -1),    // 12
      bne(t0, zero, -52),  // 13 -> loop
      wfi(),               // 14
  };
}

// Prepares `hart` on `bus` to run checksum_program() for `iterations`.
inline void setup_checksum(TestBus& bus, iss::Hart& hart, uint64_t iterations) {
  bus.load(hart.config().reset_pc, checksum_program());
  for (uint64_t i = 0; i < 256; ++i) bus.poke(kDataBase + 8 * i, 8, i * 0x9e3779b97f4a7c15u);
  hart.set_reg(t0, iterations);
  hart.set_reg(s0, kDataBase);
  hart.set_reg(t6, kMmioBase);
}

// Architectural registers and pc, for comparing two runs.
struct RegisterFile {
  std::array<uint64_t, 32> x{};
  uint64_t pc = 0;
  uint64_t retired = 0;
  bool operator==(const RegisterFile& o) const {
    return x == o.x && pc == o.pc && retired == o.retired;
  }
};

inline RegisterFile registers(const iss::Hart& hart) {
  RegisterFile r;
  for (unsigned i = 0; i < 32; ++i) r.x[i] = hart.reg(i);
  r.pc = hart.pc();
  r.retired = hart.retired();
  return r;
}

}  // namespace rvtlm::test

#endif
