#include "rvtlm/debug/rsp_packet.h"

namespace rvtlm::debug::rsp {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void PacketParser::reset() {
  state_ = State::Idle;
  payload_.clear();
  oversized_ = false;
}

void PacketParser::feed(std::string_view data, std::vector<Input>& out) {
  for (const char c : data) {
    switch (state_) {
      case State::Idle:
        if (c == '$') {
          state_ = State::Payload;
          payload_.clear();
          oversized_ = false;
          sum_ = 0;
        } else if (c == '+') {
          out.push_back({InputKind::Ack, {}});
        } else if (c == '-') {
          out.push_back({InputKind::Nack, {}});
        } else if (c == '\x03') {
          out.push_back({InputKind::Interrupt, {}});
        }
        break;
      case State::Payload:
        if (c == '#') {
          state_ = State::Checksum1;
        } else if (c == '$') {
          // GDB never sends an unescaped '$' inside a packet: the one before
          // was cut short, and this one starts afresh.
          out.push_back({InputKind::Truncated, {}});
          payload_.clear();
          oversized_ = false;
          sum_ = 0;
        } else {
          sum_ = static_cast<uint8_t>(sum_ + static_cast<uint8_t>(c));
          if (payload_.size() < max_payload_) {
            payload_.push_back(c);
          } else {
            oversized_ = true;
          }
        }
        break;
      case State::Checksum1: {
        const int d = hex_digit(c);
        bad_digit_ = d < 0;
        received_sum_ = d < 0 ? 0 : d << 4;
        state_ = State::Checksum2;
        break;
      }
      case State::Checksum2: {
        const int d = hex_digit(c);
        state_ = State::Idle;
        if (oversized_) {
          out.push_back({InputKind::Oversized, {}});
        } else if (bad_digit_ || d < 0 || (received_sum_ | d) != sum_) {
          out.push_back({InputKind::BadChecksum, {}});
        } else {
          out.push_back({InputKind::Packet, std::move(payload_)});
        }
        payload_.clear();
        oversized_ = false;
        break;
      }
    }
  }
}

uint8_t checksum(std::string_view payload) {
  uint8_t sum = 0;
  for (const char c : payload) sum = static_cast<uint8_t>(sum + static_cast<uint8_t>(c));
  return sum;
}

std::string frame(std::string_view payload) {
  std::string out;
  out.reserve(payload.size() + 4);
  out.push_back('$');
  out.append(payload);
  out.push_back('#');
  const uint8_t sum = checksum(payload);
  out.push_back(kDigits[sum >> 4]);
  out.push_back(kDigits[sum & 15]);
  return out;
}

std::string escape_binary(std::string_view data) {
  std::string out;
  out.reserve(data.size());
  for (const char c : data) {
    if (c == '#' || c == '$' || c == '}' || c == '*') {
      out.push_back('}');
      out.push_back(static_cast<char>(c ^ 0x20));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool unescape_binary(std::string_view data, std::string& out) {
  out.clear();
  out.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '}') {
      if (++i == data.size()) return false;
      out.push_back(static_cast<char>(data[i] ^ 0x20));
    } else {
      out.push_back(data[i]);
    }
  }
  return true;
}

std::string to_hex(const uint8_t* data, std::size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 15]);
  }
  return out;
}

std::string to_hex(std::string_view text) {
  return to_hex(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

bool from_hex(std::string_view hex, std::string& out) {
  out.clear();
  if (hex.size() % 2 != 0) return false;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_digit(hex[i]);
    const int lo = hex_digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return true;
}

bool parse_hex(std::string_view text, uint64_t& value) {
  if (text.empty() || text.size() > 16) return false;
  uint64_t v = 0;
  for (const char c : text) {
    const int d = hex_digit(c);
    if (d < 0) return false;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  value = v;
  return true;
}

std::string register_hex(uint64_t value, unsigned bytes) {
  uint8_t b[8] = {};
  for (unsigned i = 0; i < bytes && i < 8; ++i) b[i] = static_cast<uint8_t>(value >> (8 * i));
  return to_hex(b, bytes < 8 ? bytes : 8);
}

bool parse_register_hex(std::string_view hex, unsigned bytes, uint64_t& value) {
  std::string raw;
  if (bytes > 8 || hex.size() != 2 * std::size_t{bytes} || !from_hex(hex, raw)) return false;
  uint64_t v = 0;
  for (unsigned i = 0; i < bytes; ++i) v |= uint64_t{static_cast<uint8_t>(raw[i])} << (8 * i);
  value = v;
  return true;
}

}  // namespace rvtlm::debug::rsp
