// Where a UART's bytes go and come from: the host side of the serial line.
// A back end is plain C++ (no SystemC); the UART model calls it.
#ifndef RVTLM_MODELS_UART_BACKEND_H
#define RVTLM_MODELS_UART_BACKEND_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>

namespace rvtlm::models {

class UartBackend {
 public:
  virtual ~UartBackend();
  // A byte the guest transmitted.
  virtual void write(uint8_t byte) = 0;
  // A received byte, if one is there now; never blocks. Default: none.
  virtual bool read(uint8_t& byte);
  // Whether input may still arrive. Once false it stays false (input
  // exhausted, or there is none), and the UART stops polling. Default: false.
  virtual bool has_input() const;
  // Pushes buffered output out; the UART calls it shortly after it
  // transmitted, so that output without a newline (a prompt) appears.
  virtual void flush();
};

// Discards output, has no input.
class NullUartBackend : public UartBackend {
 public:
  void write(uint8_t) override {}
};

// Output collected in `output`, input taken from the front of `input`: for
// tests and for programs that drive the UART themselves.
class BufferUartBackend : public UartBackend {
 public:
  BufferUartBackend() = default;
  explicit BufferUartBackend(const std::string& input_bytes)
      : input(input_bytes.begin(), input_bytes.end()) {}

  void write(uint8_t byte) override { output.push_back(static_cast<char>(byte)); }
  bool read(uint8_t& byte) override;
  bool has_input() const override { return !input.empty(); }

  std::string output;
  std::deque<uint8_t> input;
};

// Output to stdout, buffered and flushed at each newline, on flush() and in
// the destructor (not one system call per byte). Input from stdin when stdin
// is a terminal, a pipe or a regular file (anything else, e.g. /dev/null or
// a socket, means no input), read without blocking; at end of file input is
// exhausted. On a terminal, canonical mode and echo are switched off while
// the back end lives (the guest echoes what it receives; signals such as
// Ctrl-C still work) and restored by the destructor: a program that a signal
// kills without unwinding leaves the terminal so (`stty sane` mends it).
class StdioUartBackend : public UartBackend {
 public:
  // raw_terminal = false leaves a terminal's modes alone (line-buffered
  // input, local echo).
  explicit StdioUartBackend(bool raw_terminal = true);
  ~StdioUartBackend() override;
  StdioUartBackend(const StdioUartBackend&) = delete;
  StdioUartBackend& operator=(const StdioUartBackend&) = delete;

  void write(uint8_t byte) override;
  bool read(uint8_t& byte) override;
  bool has_input() const override { return input_open_; }
  void flush() override;

 private:
  std::string out_;
  unsigned char in_[256];
  unsigned in_pos_ = 0, in_len_ = 0;
  bool input_open_ = false;
  bool restore_terminal_ = false;
  struct Termios;
  std::unique_ptr<Termios> saved_terminal_;
};

// Output to a file, which is truncated first unless `append`; no input.
// Throws std::runtime_error "<path>: <reason>" when the file cannot be
// opened. Write errors (a full disk, /dev/full) do not stop the guest: the
// first is kept in error().
class FileUartBackend : public UartBackend {
 public:
  explicit FileUartBackend(const std::string& path, bool append = false);
  ~FileUartBackend() override;
  FileUartBackend(const FileUartBackend&) = delete;
  FileUartBackend& operator=(const FileUartBackend&) = delete;

  void write(uint8_t byte) override;
  void flush() override;

  const std::string& path() const { return path_; }
  // "<path>: <reason>" for the first failed write or flush; empty if none.
  const std::string& error() const { return error_; }

 private:
  void check(bool ok);

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string error_;
};

// A TCP server on 127.0.0.1:port for one client at a time (e.g.
// `nc 127.0.0.1 PORT` or `telnet`): the client is accepted without blocking
// when the UART polls or transmits; when it disconnects, the next one can
// connect. Port 0 picks a free port (see port()). Output is sent at each
// newline and on flush(); output while no client is connected is kept, up to
// the last 64 KiB, and sent when one connects (so a boot log is not lost).
// Input is read without blocking; has_input() stays true while the server
// listens, so the UART keeps polling. Throws std::runtime_error when the
// port cannot be bound.
//
// Without `wait`, output nobody received by the end of the run is lost (the
// destructor accepts a client that is already knocking, once). With `wait`,
// the first output or input waits until a client has connected, so a
// client sees everything from the first byte; wait_for_client() does that
// wait at a time of the embedder's choosing (rvtlm: before the simulation
// starts, after printing the port).
class TcpUartBackend : public UartBackend {
 public:
  explicit TcpUartBackend(uint16_t port, bool wait = false);
  ~TcpUartBackend() override;
  TcpUartBackend(const TcpUartBackend&) = delete;
  TcpUartBackend& operator=(const TcpUartBackend&) = delete;

  void write(uint8_t byte) override;
  bool read(uint8_t& byte) override;
  bool has_input() const override { return listener_ >= 0; }
  void flush() override;

  uint16_t port() const { return port_; }
  bool connected() const { return client_ >= 0; }
  bool waits_for_client() const { return wait_; }
  // Blocks (the host thread) until a client is connected.
  void wait_for_client();

  static constexpr size_t kMaxPendingOutput = 64 * 1024;

 private:
  void accept_client();
  void try_accept();
  void drop_client();
  void send_pending();

  int listener_ = -1;
  int client_ = -1;
  uint16_t port_ = 0;
  bool wait_ = false;
  bool had_client_ = false;
  std::string pending_;
  unsigned char in_[256];
  unsigned in_pos_ = 0, in_len_ = 0;
};

// "stdio", "null", "file:PATH" (truncated), "file:PATH,append", "tcp:PORT"
// or "tcp:PORT,wait". Throws std::invalid_argument for anything else, and what the
// back end's constructor throws.
std::unique_ptr<UartBackend> make_uart_backend(const std::string& spec);

}  // namespace rvtlm::models

#endif
