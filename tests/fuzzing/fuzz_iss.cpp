// libFuzzer entry point: arbitrary instruction words and memory for the ISS.
// Byte 0 chooses the configuration; the rest is the RAM image at 0x80000000.
// The hart runs a bounded number of instructions with interrupts toggled and
// DMI revoked on the way; it must never crash, hang or misbehave under the
// sanitizers.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "rvtlm/iss/hart.h"
#include "test_bus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rvtlm::iss;
  if (size == 0) return 0;
  const uint8_t cfg = data[0];
  test::TestBus bus;
  bus.dmi = (cfg & 4) == 0;
  bus.mmio_read_value = size > 1 ? data[1] : 0;
  const size_t image = std::min(size - 1, bus.ram.size());
  std::memcpy(bus.ram.data(), data + 1, image);

  HartConfig config;
  config.xlen = (cfg & 1) ? Xlen::Rv32 : Xlen::Rv64;
  config.misaligned = (cfg & 2) ? MisalignedPolicy::Emulate : MisalignedPolicy::Trap;
  config.ext_c = (cfg & 8) == 0;
  config.max_block_insns = (cfg & 16) ? 3 : 256;
  Hart hart(config, bus);
  // Traps re-enter the fuzzed code instead of faulting on address 0.
  if (cfg & 32) hart.write_csr(0x305, test::TestBus::kRam + ((cfg & 64) ? 0x100 : 0) + (cfg >> 7));
  const Interrupt lines[] = {Interrupt::MachineTimer, Interrupt::MachineSoftware,
                             Interrupt::MachineExternal};
  for (unsigned slice = 0; slice < 4; ++slice) {
    hart.run(5000);
    const uint8_t bits = data[(slice * 7) % size];
    for (unsigned i = 0; i < 3; ++i) hart.set_interrupt(lines[i], (bits >> (slice + i)) & 1);
    if (slice == 1) {
      bus.dmi = !bus.dmi;
      hart.invalidate_dmi(test::TestBus::kRam, test::TestBus::kRam + test::TestBus::kRamSize - 1);
    }
    if (slice == 2) hart.restore_state(hart.save_state());
  }
  return 0;
}
