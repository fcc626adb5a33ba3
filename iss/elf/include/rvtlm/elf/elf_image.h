// A RISC-V ELF executable read with libelf: loadable segments, entry point
// and symbols. Shared by the runners and the memory model; it depends on
// neither the ISS nor SystemC.
#ifndef RVTLM_ELF_ELF_IMAGE_H
#define RVTLM_ELF_ELF_IMAGE_H

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rvtlm::elf {

// A problem with the file; what() names the file and the problem.
class ElfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ElfSegment {
  uint64_t address = 0;  // physical load address
  uint64_t memory_size = 0;
  std::vector<uint8_t> data;  // file bytes; the rest up to memory_size is zero
};

class ElfImage {
 public:
  // Throws ElfError for a missing, truncated, non-RISC-V or non-executable file.
  explicit ElfImage(const std::string& path);

  const std::string& path() const { return path_; }
  unsigned xlen() const { return xlen_; }  // 32 or 64, from the ELF class
  uint64_t entry() const { return entry_; }
  const std::vector<ElfSegment>& segments() const { return segments_; }
  std::optional<uint64_t> symbol(const std::string& name) const;

 private:
  std::string path_;
  unsigned xlen_ = 0;
  uint64_t entry_ = 0;
  std::vector<ElfSegment> segments_;
  std::map<std::string, uint64_t> symbols_;
};

}  // namespace rvtlm::elf

#endif
