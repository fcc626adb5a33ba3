// Input files read safely: only regular files are opened for reading. A FIFO
// would block open() until a writer comes, and a device such as /dev/zero
// never ends; a loader refuses both before reading. Used for programs,
// firmware, raw binaries and platform descriptions alike.
#ifndef RVTLM_ELF_INPUT_FILE_H
#define RVTLM_ELF_INPUT_FILE_H

#include <cstdint>
#include <stdexcept>
#include <string>

namespace rvtlm::elf {

// A file that cannot be used; what() names the file and the problem.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InputFile {
 public:
  // Throws FileError for a missing or unreadable path and for anything that
  // is not a regular file (directory, FIFO, device, socket).
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }
  uint64_t size() const { return size_; }
  int descriptor() const { return fd_; }

  // Reads exactly `length` bytes at `offset`; throws FileError ("truncated")
  // when the file has fewer.
  void read(uint64_t offset, void* bytes, uint64_t length) const;
  // The whole file; throws FileError when it is larger than `max_bytes`.
  std::string read_all(uint64_t max_bytes) const;

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

}  // namespace rvtlm::elf

#endif
