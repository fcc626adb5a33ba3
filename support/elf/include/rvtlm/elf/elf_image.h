// A RISC-V ELF executable read with libelf: loadable segments, entry point
// and symbols. Shared by the runners and the memory model; it depends on
// neither the ISS nor SystemC.
#ifndef RVTLM_ELF_ELF_IMAGE_H
#define RVTLM_ELF_ELF_IMAGE_H

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "rvtlm/elf/input_file.h"

namespace rvtlm::elf {

// A problem with the file; what() names the file and the problem.
class ElfError : public FileError {
 public:
  using FileError::FileError;
};

struct ElfSegment {
  uint64_t address = 0;  // physical load address
  uint64_t memory_size = 0;
  uint64_t file_size = 0;    // bytes in the file (at most memory_size); the rest is zero
  uint64_t file_offset = 0;  // where they are
};

// Segments are not read when the file is opened: a loader first checks that
// a segment fits its memory map, then reads the bytes straight into place
// (read()), so that a segment claiming gigabytes of a sparse file is refused
// before anything is allocated.
//
// Loading into one's own memory:
//
//   const rvtlm::elf::ElfImage image("program.elf");
//   for (const rvtlm::elf::ElfSegment& s : image.segments()) {
//     uint8_t* dest = my_memory_at(s.address, s.memory_size);  // checks the range
//     image.read(s, dest);                                     // file_size bytes
//     std::memset(dest + s.file_size, 0, s.memory_size - s.file_size);
//   }
//   start_at(image.entry());
class ElfImage {
 public:
  // Throws ElfError for a missing, special (FIFO, device), truncated,
  // non-RISC-V or non-executable file.
  explicit ElfImage(const std::string& path);

  const std::string& path() const { return path_; }
  unsigned xlen() const { return xlen_; }  // 32 or 64, from the ELF class
  uint64_t entry() const { return entry_; }
  const std::vector<ElfSegment>& segments() const { return segments_; }
  std::optional<uint64_t> symbol(const std::string& name) const;

  // The first section of code (SHF_EXECINSTR) that overlaps [address,
  // address + length), or nullptr.
  struct Section {
    std::string name;
    uint64_t address = 0;
    uint64_t size = 0;
  };
  const Section* code_at(uint64_t address, uint64_t length) const;

  // Reads the segment's file_size bytes (one of segments()) into `bytes`.
  // Throws ElfError when the file cannot be read.
  void read(const ElfSegment& segment, void* bytes) const;

 private:
  std::shared_ptr<const InputFile> file_;
  std::string path_;
  unsigned xlen_ = 0;
  uint64_t entry_ = 0;
  std::vector<ElfSegment> segments_;
  std::map<std::string, uint64_t> symbols_;
  std::vector<Section> code_;
};

}  // namespace rvtlm::elf

#endif
