// UART back ends on their own (no simulation): buffer, null, stdio, file,
// TCP, and the factory's spec parsing.
#include "rvtlm/models/uart_backend.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace rvtlm::models {
namespace {

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "rvtlm-uart-" + std::to_string(::getpid()) + "-" + name;
}

std::string file_contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Points stdin at `path` for the life of the object.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) : saved_(::dup(STDIN_FILENO)) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0) << path;
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
  }
  ~StdinFrom() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }

 private:
  int saved_;
};

int connect_to(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return fd;
}

// The back end reads without blocking: try until the byte has crossed the
// host's loopback (normally at once), for at most 10 s.
bool read_within(UartBackend& backend, uint8_t& byte) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!backend.read(byte)) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::string receive_exactly(int fd, size_t count) {
  std::string got;
  while (got.size() < count) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10000) != 1) break;
    char buf[64];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  return got;
}

TEST(UartBackend, BufferCollectsOutputAndGivesInputInOrder) {
  BufferUartBackend b("ab");
  b.write('x');
  b.write('y');
  EXPECT_EQ(b.output, "xy");
  uint8_t byte = 0;
  EXPECT_TRUE(b.has_input());
  EXPECT_TRUE(b.read(byte));
  EXPECT_EQ(byte, 'a');
  EXPECT_TRUE(b.read(byte));
  EXPECT_EQ(byte, 'b');
  EXPECT_FALSE(b.has_input());
  EXPECT_FALSE(b.read(byte));
}

TEST(UartBackend, NullHasNoInput) {
  NullUartBackend b;
  b.write('x');
  uint8_t byte;
  EXPECT_FALSE(b.has_input());
  EXPECT_FALSE(b.read(byte));
}

TEST(UartBackend, FactoryBuildsEachKind) {
  EXPECT_NE(dynamic_cast<NullUartBackend*>(make_uart_backend("null").get()), nullptr);
  EXPECT_NE(dynamic_cast<StdioUartBackend*>(make_uart_backend("stdio").get()), nullptr);
  EXPECT_NE(dynamic_cast<TcpUartBackend*>(make_uart_backend("tcp:0").get()), nullptr);
  const std::string path = temp_path("factory");
  EXPECT_NE(dynamic_cast<FileUartBackend*>(make_uart_backend("file:" + path).get()), nullptr);
  ::unlink(path.c_str());
}

TEST(UartBackend, FactoryRejectsBadSpecsWithOneLine) {
  try {
    make_uart_backend("xyz");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(
        e.what(),
        "bad UART back end \"xyz\" (expected stdio, null, file:PATH[,append] or tcp:PORT[,wait])");
  }
  for (const char* spec :
       {"", "Stdio", "stdio ", "file:", "file", "tcp:", "tcp", "tcp:-1", "tcp:65536", "tcp:12a",
        "tcp: 80", "tcp:123456", "udp:80", "tcp:,wait", "tcp:80,Wait", "tcp:80,wait,wait"}) {
    EXPECT_THROW(make_uart_backend(spec), std::invalid_argument) << spec;
  }
}

TEST(UartBackend, FileThatCannotBeOpenedNamesThePathAndReason) {
  try {
    FileUartBackend b("/nonexistent-rvtlm-dir/uart.log");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent-rvtlm-dir/uart.log: No such file or directory");
  }
  EXPECT_THROW(make_uart_backend("file:/nonexistent-rvtlm-dir/uart.log"), std::runtime_error);
}

// Like every other output, the file starts empty; ",append" keeps it.
TEST(UartBackend, FileTruncatesUnlessAskedToAppend) {
  const std::string path = temp_path("truncate");
  std::ofstream(path) << "old\n";
  {
    auto b = make_uart_backend("file:" + path);
    for (char c : std::string("ab\n")) b->write(static_cast<uint8_t>(c));
    EXPECT_EQ(file_contents(path), "ab\n");  // flushed at the newline
  }
  EXPECT_EQ(file_contents(path), "ab\n");
  ::unlink(path.c_str());
}

TEST(UartBackend, FileAppendsOutputWhenAsked) {
  const std::string path = temp_path("append");
  std::ofstream(path) << "old\n";
  {
    auto b = make_uart_backend("file:" + path + ",append");
    for (char c : std::string("ab\n")) b->write(static_cast<uint8_t>(c));
    EXPECT_EQ(file_contents(path), "old\nab\n");  // flushed at the newline
    b->write('c');
  }
  EXPECT_EQ(file_contents(path), "old\nab\nc");
  ::unlink(path.c_str());
}

TEST(UartBackend, FileWriteErrorIsKept) {
  FileUartBackend b("/dev/full");
  EXPECT_EQ(b.error(), "");
  b.write('x');
  b.write('\n');
  EXPECT_EQ(b.error(), "/dev/full: No space left on device");
}

TEST(UartBackend, StdioBuffersOutputUntilNewlineOrFlush) {
  StdioUartBackend b(false);
  ::testing::internal::CaptureStdout();
  b.write('o');
  b.write('k');
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
  ::testing::internal::CaptureStdout();
  b.write('\n');
  b.write('>');
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "ok\n");
  ::testing::internal::CaptureStdout();
  b.flush();
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), ">");
}

TEST(UartBackend, StdioReadsAFileOnStdinToItsEnd) {
  const std::string path = temp_path("stdin");
  std::ofstream(path) << "hi";
  StdinFrom redirect(path);
  StdioUartBackend b;
  EXPECT_TRUE(b.has_input());
  uint8_t byte = 0;
  ASSERT_TRUE(b.read(byte));
  EXPECT_EQ(byte, 'h');
  ASSERT_TRUE(b.read(byte));
  EXPECT_EQ(byte, 'i');
  EXPECT_FALSE(b.read(byte));
  EXPECT_FALSE(b.has_input());
  ::unlink(path.c_str());
}

TEST(UartBackend, StdioHasNoInputFromDevNull) {
  StdinFrom redirect("/dev/null");
  StdioUartBackend b;
  EXPECT_FALSE(b.has_input());
}

TEST(UartBackend, TcpExchangesBytesAndKeepsOutputUntilAClientConnects) {
  TcpUartBackend b(0);
  ASSERT_NE(b.port(), 0);
  EXPECT_TRUE(b.has_input());
  EXPECT_FALSE(b.connected());
  for (char c : std::string("boot\n")) b.write(static_cast<uint8_t>(c));  // nobody listens yet

  const int client = connect_to(b.port());
  ASSERT_EQ(::send(client, "A", 1, 0), 1);
  uint8_t byte = 0;
  ASSERT_TRUE(read_within(b, byte));
  EXPECT_EQ(byte, 'A');
  EXPECT_TRUE(b.connected());
  b.write('B');
  b.flush();
  EXPECT_EQ(receive_exactly(client, 6), "boot\nB");

  // A client that leaves makes room for the next one.
  ::close(client);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (b.connected() && std::chrono::steady_clock::now() < give_up) {
    b.read(byte);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_FALSE(b.connected());
  EXPECT_TRUE(b.has_input());
  const int second = connect_to(b.port());
  ASSERT_EQ(::send(second, "C", 1, 0), 1);
  ASSERT_TRUE(read_within(b, byte));
  EXPECT_EQ(byte, 'C');
  ::close(second);
}

// With ",wait" the first output waits for a client: it sees every byte.
TEST(UartBackend, TcpWaitHoldsTheFirstOutputUntilAClientConnects) {
  auto backend = make_uart_backend("tcp:0,wait");
  auto& b = dynamic_cast<TcpUartBackend&>(*backend);
  EXPECT_TRUE(b.waits_for_client());
  const uint16_t port = b.port();
  std::thread client([port] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const int fd = connect_to(port);
    EXPECT_EQ(receive_exactly(fd, 6), "hello\n");
    ::close(fd);
  });
  const auto start = std::chrono::steady_clock::now();
  for (char c : std::string("hello\n")) b.write(static_cast<uint8_t>(c));
  EXPECT_TRUE(b.connected());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
  client.join();
}

TEST(UartBackend, TcpWaitForClientReturnsOnceConnected) {
  TcpUartBackend b(0, true);
  std::thread client([port = b.port()] {
    const int fd = connect_to(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ::close(fd);
  });
  b.wait_for_client();
  EXPECT_TRUE(b.connected());
  client.join();
}

TEST(UartBackend, TcpPortInUseIsAnError) {
  TcpUartBackend first(0);
  try {
    TcpUartBackend second(first.port());
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "127.0.0.1:" + std::to_string(first.port()) + ": Address already in use");
  }
}

}  // namespace
}  // namespace rvtlm::models
