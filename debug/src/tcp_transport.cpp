#include "tcp_transport.h"

#include <array>
#include <boost/asio.hpp>
#include <chrono>
#include <stdexcept>
#include <utility>

namespace rvtlm::debug {

namespace asio = boost::asio;
using asio::ip::tcp;

// Everything that runs on the network thread. Members are touched only from
// handlers on that thread; the simulation's side reaches it through post().
class TcpTransport::Network {
 public:
  Network(TcpTransport& owner, const std::string& address, uint16_t port)
      : owner_(owner), work_(asio::make_work_guard(io_)), acceptor_(io_), shutdown_timer_(io_) {
    boost::system::error_code ec;
    const asio::ip::address ip = asio::ip::make_address(address, ec);
    if (ec) throw std::runtime_error("gdb server: '" + address + "' is not an IP address");
    const tcp::endpoint endpoint(ip, port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(1, ec);
    if (ec)
      throw std::runtime_error("gdb server: cannot listen on " + address + ":" +
                               std::to_string(port) + ": " + ec.message());
    port_ = acceptor_.local_endpoint().port();
    accept();
  }

  uint16_t port() const { return port_; }
  void run() { io_.run(); }

  void send(std::string bytes) {
    asio::post(io_, [this, b = std::move(bytes)]() mutable {
      if (!client_) return;
      queue_.push_back(std::move(b));
      if (queue_.size() == 1) write_next();
    });
  }

  void close_client() {
    asio::post(io_, [this] {
      close_after_write_ = true;
      if (queue_.empty()) drop_client();
    });
  }

  // Stops accepting, lets pending replies leave (for at most two seconds)
  // and ends run().
  void shut_down() {
    asio::post(io_, [this] {
      shutting_down_ = true;
      boost::system::error_code ec;
      acceptor_.close(ec);
      close_after_write_ = true;
      if (queue_.empty()) drop_client();
      if (client_) {
        shutdown_timer_.expires_after(std::chrono::seconds(2));
        shutdown_timer_.async_wait([this](const boost::system::error_code& e) {
          if (!e) drop_client();
        });
      }
      work_.reset();
    });
  }

 private:
  void accept() {
    acceptor_.async_accept([this](const boost::system::error_code& ec, tcp::socket socket) {
      if (ec) {
        if (ec == asio::error::operation_aborted || shutting_down_) return;
        accept();
        return;
      }
      if (client_ || shutting_down_) {
        // One debugger at a time.
        boost::system::error_code ignored;
        socket.close(ignored);
      } else {
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        client_ = std::make_unique<tcp::socket>(std::move(socket));
        close_after_write_ = false;
        owner_.push({Event::Kind::Connected, {}});
        read();
      }
      if (!shutting_down_) accept();
    });
  }

  void read() {
    client_->async_read_some(asio::buffer(buffer_),
                             [this](const boost::system::error_code& ec, std::size_t n) {
                               if (!client_) return;
                               if (ec) {
                                 drop_client();
                                 return;
                               }
                               owner_.push({Event::Kind::Data, std::string(buffer_.data(), n)});
                               read();
                             });
  }

  void write_next() {
    asio::async_write(*client_, asio::buffer(queue_.front()),
                      [this](const boost::system::error_code& ec, std::size_t) {
                        if (!client_) return;
                        if (ec) {
                          drop_client();
                          return;
                        }
                        queue_.pop_front();
                        if (!queue_.empty()) {
                          write_next();
                        } else if (close_after_write_) {
                          drop_client();
                        }
                      });
  }

  void drop_client() {
    if (shutting_down_) shutdown_timer_.cancel();
    if (!client_) return;
    boost::system::error_code ignored;
    client_->shutdown(tcp::socket::shutdown_both, ignored);
    client_->close(ignored);
    client_.reset();
    queue_.clear();
    owner_.push({Event::Kind::Disconnected, {}});
  }

  TcpTransport& owner_;
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  tcp::acceptor acceptor_;
  asio::steady_timer shutdown_timer_;
  uint16_t port_ = 0;
  std::unique_ptr<tcp::socket> client_;
  std::array<char, 4096> buffer_{};
  std::deque<std::string> queue_;
  bool close_after_write_ = false;
  bool shutting_down_ = false;
};

TcpTransport::TcpTransport(const std::string& address, uint16_t port, std::function<void()> notify)
    : address_(address), notify_(std::move(notify)) {
  network_ = std::make_unique<Network>(*this, address, port);
  port_ = network_->port();
  thread_ = std::thread([this] { network_->run(); });
}

TcpTransport::~TcpTransport() {
  network_->shut_down();
  thread_.join();
}

void TcpTransport::push(Event event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (event.kind == Event::Kind::Data && !inbox_.empty() &&
        inbox_.back().kind == Event::Kind::Data) {
      inbox_.back().data += event.data;
    } else {
      inbox_.push_back(std::move(event));
    }
  }
  arrived_.notify_all();
  if (notify_) notify_();
}

bool TcpTransport::poll(std::deque<Event>& out) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (inbox_.empty()) return false;
  for (Event& e : inbox_) out.push_back(std::move(e));
  inbox_.clear();
  return true;
}

void TcpTransport::wait(std::deque<Event>& out) {
  std::unique_lock<std::mutex> lock(mutex_);
  arrived_.wait(lock, [this] { return !inbox_.empty(); });
  for (Event& e : inbox_) out.push_back(std::move(e));
  inbox_.clear();
}

void TcpTransport::send(std::string bytes) { network_->send(std::move(bytes)); }

void TcpTransport::close_client() { network_->close_client(); }

}  // namespace rvtlm::debug
