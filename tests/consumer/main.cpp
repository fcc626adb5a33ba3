// Uses the installed rvtlm package the way an embedder does: one RV64 hart on
// a small RAM-only bus, two instructions, one register checked.
#include <rvtlm/iss/hart.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

namespace {

constexpr uint64_t kRamBase = 0x80000000;

class RamBus : public rvtlm::iss::Bus {
 public:
  explicit RamBus(std::vector<uint8_t> image) : ram_(std::move(image)) { ram_.resize(4096); }

  rvtlm::iss::BusStatus read(const rvtlm::iss::BusAccess& access, void* data) override {
    if (!inside(access)) return rvtlm::iss::BusStatus::Error;
    std::memcpy(data, &ram_[access.addr - kRamBase], access.size);
    return rvtlm::iss::BusStatus::Ok;
  }

  rvtlm::iss::BusStatus write(const rvtlm::iss::BusAccess& access, const void* data) override {
    if (!inside(access)) return rvtlm::iss::BusStatus::Error;
    std::memcpy(&ram_[access.addr - kRamBase], data, access.size);
    return rvtlm::iss::BusStatus::Ok;
  }

 private:
  bool inside(const rvtlm::iss::BusAccess& access) const {
    return access.addr >= kRamBase && access.size <= ram_.size() &&
           access.addr - kRamBase <= ram_.size() - access.size;
  }

  std::vector<uint8_t> ram_;
};

std::vector<uint8_t> little_endian(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> bytes;
  for (uint32_t w : words) {
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<uint8_t>(w >> (8 * i)));
  }
  return bytes;
}

}  // namespace

int main() {
  RamBus bus(little_endian({
      0x02a00513,  // addi a0, zero, 42
      0x00150513,  // addi a0, a0, 1
  }));

  rvtlm::iss::HartConfig cfg;
  cfg.isa = rvtlm::iss::Isa(rvtlm::iss::Xlen::Rv64);
  cfg.reset_pc = kRamBase;
  rvtlm::iss::Hart hart(cfg, bus);

  const rvtlm::iss::RunResult r = hart.run(2);
  const uint64_t a0 = hart.reg(10);
  if (a0 != 43 || r.retired != 2) {
    std::fprintf(stderr,
                 "rvtlm-consumer: FAIL: a0 = %llu (expected 43), retired = %llu (expected 2)\n",
                 static_cast<unsigned long long>(a0), static_cast<unsigned long long>(r.retired));
    return 1;
  }
  std::printf("rvtlm-consumer: ok (a0 = 43 after 2 instructions)\n");
  return 0;
}
