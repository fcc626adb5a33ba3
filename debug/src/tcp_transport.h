// The debugger's TCP connection, served by Boost.Asio on a host thread of its
// own so that the simulation never waits for the network while it runs. The
// simulation's side takes what arrived (poll, or wait while the target is
// stopped) and sends replies; both sides meet in a mutex-protected inbox.
// One debugger at a time: a second connection is closed at once.
#ifndef RVTLM_DEBUG_TCP_TRANSPORT_H
#define RVTLM_DEBUG_TCP_TRANSPORT_H

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace rvtlm::debug {

class TcpTransport {
 public:
  struct Event {
    enum class Kind : uint8_t { Connected, Data, Disconnected };
    Kind kind = Kind::Data;
    std::string data;
  };

  // Listens on address:port (port 0: a free one) before returning; throws
  // std::runtime_error with a message naming the address if it cannot.
  // `notify` is called on the network thread after each new event.
  TcpTransport(const std::string& address, uint16_t port, std::function<void()> notify);
  ~TcpTransport();
  TcpTransport(const TcpTransport&) = delete;
  TcpTransport& operator=(const TcpTransport&) = delete;

  uint16_t port() const { return port_; }
  const std::string& address() const { return address_; }

  // Moves the events that arrived, in order, to `out`; false if none.
  bool poll(std::deque<Event>& out);
  // Like poll, but waits for at least one event.
  void wait(std::deque<Event>& out);
  // Queues bytes for the connected debugger (dropped if there is none).
  void send(std::string bytes);
  // Closes the debugger's connection once everything sent has left.
  void close_client();

 private:
  class Network;
  void push(Event event);

  std::string address_;
  uint16_t port_ = 0;
  std::function<void()> notify_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<Event> inbox_;
  std::unique_ptr<Network> network_;
  std::thread thread_;
};

}  // namespace rvtlm::debug

#endif
