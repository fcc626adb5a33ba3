// A flattened device tree written with libfdt's sequential-write API; throws
// instead of returning error codes.
#ifndef RVTLM_PLATFORMS_DEVICE_TREE_H
#define RVTLM_PLATFORMS_DEVICE_TREE_H

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace rvtlm::platforms {

class DeviceTreeWriter {
 public:
  DeviceTreeWriter();

  void begin_node(const std::string& name);
  void end_node();
  void property(const std::string& name);  // empty (a flag such as interrupt-controller)
  void property(const std::string& name, const std::string& value);
  // A string list such as compatible = "sifive,plic-1.0.0", "riscv,plic0".
  void property(const std::string& name, std::initializer_list<std::string> values);
  void property_u32(const std::string& name, uint32_t value);
  void property_cells(const std::string& name, const std::vector<uint32_t>& cells);
  // reg = <base size> in two 32-bit cells each (#address-cells = #size-cells = 2).
  void property_reg(uint64_t base, uint64_t size);

  uint32_t new_phandle() { return next_phandle_++; }

  // Closes the tree; the writer cannot be used afterwards.
  std::vector<uint8_t> finish();

 private:
  void check(int status, const char* what);
  std::vector<uint8_t> buffer_;
  uint32_t next_phandle_ = 1;
};

}  // namespace rvtlm::platforms

#endif
