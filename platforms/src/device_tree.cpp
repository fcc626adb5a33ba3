#include "rvtlm/platforms/device_tree.h"

#include <libfdt.h>

#include <stdexcept>

namespace rvtlm::platforms {

DeviceTreeWriter::DeviceTreeWriter() : buffer_(64 * 1024) {
  check(fdt_create(buffer_.data(), static_cast<int>(buffer_.size())), "fdt_create");
  check(fdt_finish_reservemap(buffer_.data()), "fdt_finish_reservemap");
}

void DeviceTreeWriter::check(int status, const char* what) {
  if (status < 0)
    throw std::runtime_error(std::string("device tree: ") + what + ": " + fdt_strerror(status));
}

void DeviceTreeWriter::begin_node(const std::string& name) {
  check(fdt_begin_node(buffer_.data(), name.c_str()), "begin_node");
}

void DeviceTreeWriter::end_node() { check(fdt_end_node(buffer_.data()), "end_node"); }

void DeviceTreeWriter::property(const std::string& name) {
  check(fdt_property(buffer_.data(), name.c_str(), nullptr, 0), "property");
}

void DeviceTreeWriter::property(const std::string& name, const std::string& value) {
  check(fdt_property_string(buffer_.data(), name.c_str(), value.c_str()), "property");
}

void DeviceTreeWriter::property(const std::string& name,
                                std::initializer_list<std::string> values) {
  std::string joined;
  for (const std::string& v : values) {
    joined += v;
    joined += '\0';
  }
  check(fdt_property(buffer_.data(), name.c_str(), joined.data(), static_cast<int>(joined.size())),
        "property");
}

void DeviceTreeWriter::property_u32(const std::string& name, uint32_t value) {
  check(fdt_property_u32(buffer_.data(), name.c_str(), value), "property");
}

void DeviceTreeWriter::property_cells(const std::string& name, const std::vector<uint32_t>& cells) {
  std::vector<fdt32_t> be;
  be.reserve(cells.size());
  for (uint32_t c : cells) be.push_back(cpu_to_fdt32(c));
  check(fdt_property(buffer_.data(), name.c_str(), be.data(),
                     static_cast<int>(be.size() * sizeof(fdt32_t))),
        "property");
}

void DeviceTreeWriter::property_reg(uint64_t base, uint64_t size) {
  property_cells("reg", {static_cast<uint32_t>(base >> 32), static_cast<uint32_t>(base),
                         static_cast<uint32_t>(size >> 32), static_cast<uint32_t>(size)});
}

std::vector<uint8_t> DeviceTreeWriter::finish() {
  check(fdt_finish(buffer_.data()), "fdt_finish");
  buffer_.resize(fdt_totalsize(buffer_.data()));
  return std::move(buffer_);
}

}  // namespace rvtlm::platforms
