#include "rvtlm/models/uart_backend.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace rvtlm::models {
namespace {

// Output is pushed out at a newline or when this much is waiting.
constexpr size_t kOutputChunk = 4096;

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// Reads what is there on `fd` into buf without blocking: >0 bytes read, 0 end
// of input, -1 nothing now.
ssize_t read_available(int fd, unsigned char* buf, size_t size) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return -1;
  if (p.revents & POLLNVAL) return 0;
  const ssize_t n = ::read(fd, buf, size);
  if (n < 0) return errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK ? -1 : 0;
  return n;
}

}  // namespace

UartBackend::~UartBackend() = default;
bool UartBackend::read(uint8_t&) { return false; }
bool UartBackend::has_input() const { return false; }
void UartBackend::flush() {}

bool BufferUartBackend::read(uint8_t& byte) {
  if (input.empty()) return false;
  byte = input.front();
  input.pop_front();
  return true;
}

// --- stdio ---------------------------------------------------------------

struct StdioUartBackend::Termios {
  termios value;
};

StdioUartBackend::StdioUartBackend(bool raw_terminal) {
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) != 0) return;
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  input_open_ = terminal || S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode);
  if (!terminal || !raw_terminal) return;
  termios t{};
  if (::tcgetattr(STDIN_FILENO, &t) != 0) return;
  saved_terminal_ = std::make_unique<Termios>(Termios{t});
  t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  restore_terminal_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
}

StdioUartBackend::~StdioUartBackend() {
  flush();
  if (restore_terminal_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal_->value);
}

void StdioUartBackend::write(uint8_t byte) {
  out_.push_back(static_cast<char>(byte));
  if (byte == '\n' || out_.size() >= kOutputChunk) flush();
}

void StdioUartBackend::flush() {
  if (out_.empty()) return;
  // Through stdio, so that the bytes stay in order with the program's own
  // printf/std::cout output.
  std::fwrite(out_.data(), 1, out_.size(), stdout);
  std::fflush(stdout);
  out_.clear();
}

bool StdioUartBackend::read(uint8_t& byte) {
  if (in_pos_ == in_len_) {
    if (!input_open_) return false;
    const ssize_t n = read_available(STDIN_FILENO, in_, sizeof in_);
    if (n < 0) return false;
    if (n == 0) {
      input_open_ = false;
      return false;
    }
    in_pos_ = 0;
    in_len_ = static_cast<unsigned>(n);
  }
  byte = in_[in_pos_++];
  return true;
}

// --- file ----------------------------------------------------------------

FileUartBackend::FileUartBackend(const std::string& path, bool append)
    : path_(path), file_(std::fopen(path.c_str(), append ? "ab" : "wb")) {
  if (file_ == nullptr) throw std::runtime_error(system_error(path));
}

FileUartBackend::~FileUartBackend() { std::fclose(file_); }

void FileUartBackend::check(bool ok) {
  if (!ok && error_.empty()) error_ = system_error(path_);
}

void FileUartBackend::write(uint8_t byte) {
  check(std::fputc(byte, file_) != EOF);
  if (byte == '\n') flush();  // so that `tail -f` follows line by line
}

void FileUartBackend::flush() { check(std::fflush(file_) == 0); }

// --- TCP -----------------------------------------------------------------

TcpUartBackend::TcpUartBackend(uint16_t port, bool wait) : wait_(wait) {
  const std::string where = "127.0.0.1:" + std::to_string(port);
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listener_ < 0) throw std::runtime_error(system_error(where));
  const int one = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 1) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const std::string message = system_error(where);
    ::close(listener_);
    throw std::runtime_error(message);
  }
  port_ = ntohs(address.sin_port);
}

TcpUartBackend::~TcpUartBackend() {
  if (client_ < 0) try_accept();
  send_pending();
  if (client_ >= 0) ::close(client_);
  ::close(listener_);
}

void TcpUartBackend::wait_for_client() {
  while (client_ < 0) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, -1) < 0 && errno != EINTR) throw std::runtime_error(system_error("poll"));
    try_accept();
  }
}

void TcpUartBackend::accept_client() {
  if (client_ >= 0) return;
  // The first client is waited for when asked to; later ones are not (the
  // console goes on when a client leaves).
  if (wait_ && !had_client_) {
    wait_for_client();
  } else {
    try_accept();
  }
}

void TcpUartBackend::try_accept() {
  client_ = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (client_ < 0) return;
  had_client_ = true;
  const int one = 1;  // a console: keystrokes and prompts go out at once
  ::setsockopt(client_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void TcpUartBackend::drop_client() {
  ::close(client_);
  client_ = -1;
  in_pos_ = in_len_ = 0;
}

void TcpUartBackend::send_pending() {
  while (client_ >= 0 && !pending_.empty()) {
    const ssize_t n = ::send(client_, pending_.data(), pending_.size(), MSG_NOSIGNAL);
    if (n > 0) {
      pending_.erase(0, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;  // the client is slow: sent at the next flush or poll
    } else {
      drop_client();
    }
  }
  if (client_ < 0 && pending_.size() > kMaxPendingOutput)
    pending_.erase(0, pending_.size() - kMaxPendingOutput);
}

void TcpUartBackend::write(uint8_t byte) {
  pending_.push_back(static_cast<char>(byte));
  if (byte == '\n' || pending_.size() >= kOutputChunk) flush();
}

void TcpUartBackend::flush() {
  accept_client();
  send_pending();
  // A client that does not read: keep the newest output only.
  if (pending_.size() > 2 * kMaxPendingOutput)
    pending_.erase(0, pending_.size() - kMaxPendingOutput);
}

bool TcpUartBackend::read(uint8_t& byte) {
  accept_client();
  if (!pending_.empty()) send_pending();
  if (client_ < 0) return false;
  if (in_pos_ == in_len_) {
    const ssize_t n = ::recv(client_, in_, sizeof in_, 0);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) {
      drop_client();  // the next client may connect
      return false;
    }
    if (n < 0) return false;
    in_pos_ = 0;
    in_len_ = static_cast<unsigned>(n);
  }
  byte = in_[in_pos_++];
  return true;
}

// --- factory -------------------------------------------------------------

std::unique_ptr<UartBackend> make_uart_backend(const std::string& spec) {
  if (spec == "stdio") return std::make_unique<StdioUartBackend>();
  if (spec == "null") return std::make_unique<NullUartBackend>();
  if (spec.size() > 5 && spec.compare(0, 5, "file:") == 0) {
    static const std::string kAppend = ",append";
    const bool append = spec.size() > 5 + kAppend.size() &&
                        spec.compare(spec.size() - kAppend.size(), kAppend.size(), kAppend) == 0;
    return std::make_unique<FileUartBackend>(
        spec.substr(5, spec.size() - 5 - (append ? kAppend.size() : 0)), append);
  }
  if (spec.size() > 4 && spec.compare(0, 4, "tcp:") == 0) {
    static const std::string kWait = ",wait";
    const bool wait = spec.size() > 4 + kWait.size() &&
                      spec.compare(spec.size() - kWait.size(), kWait.size(), kWait) == 0;
    const std::string digits = spec.substr(4, spec.size() - 4 - (wait ? kWait.size() : 0));
    if (!digits.empty() && digits.size() <= 5 &&
        digits.find_first_not_of("0123456789") == std::string::npos) {
      const unsigned long port = std::stoul(digits);
      if (port <= 65535) return std::make_unique<TcpUartBackend>(static_cast<uint16_t>(port), wait);
    }
  }
  throw std::invalid_argument("bad UART back end \"" + spec +
                              "\" (expected stdio, null, file:PATH[,append] or tcp:PORT[,wait])");
}

}  // namespace rvtlm::models
