#include "rvtlm/elf/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rvtlm::elf {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

}  // namespace

InputFile::InputFile(const std::string& path) : path_(path) {
  // O_NONBLOCK: opening a FIFO without a writer must not block; the type is
  // checked on the open descriptor, so nothing can swap the file meanwhile.
  fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) throw FileError(path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const std::string message = path + ": " + std::strerror(errno);
    ::close(fd_);
    throw FileError(message);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw FileError(path + ": not a regular file (" + kind_of(st.st_mode) + ")");
  }
  size_ = static_cast<uint64_t>(st.st_size);
}

InputFile::~InputFile() { ::close(fd_); }

void InputFile::read(uint64_t offset, void* bytes, uint64_t length) const {
  auto* out = static_cast<unsigned char*>(bytes);
  while (length != 0) {
    // pread moves at most about 2 GiB at once on Linux.
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(length, uint64_t{1} << 30));
    const ssize_t n = ::pread(fd_, out, chunk, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw FileError(path_ + ": " + std::strerror(errno));
    if (n == 0)
      throw FileError(path_ + ": truncated (the file ends at byte " + std::to_string(offset) + ")");
    out += n;
    offset += static_cast<uint64_t>(n);
    length -= static_cast<uint64_t>(n);
  }
}

std::string InputFile::read_all(uint64_t max_bytes) const {
  if (size_ > max_bytes)
    throw FileError(path_ + ": " + std::to_string(size_) + " bytes, more than the " +
                    std::to_string(max_bytes) + " allowed");
  std::string text(static_cast<size_t>(size_), '\0');
  read(0, text.data(), size_);
  return text;
}

}  // namespace rvtlm::elf
