// The framing of GDB's remote serial protocol (GDB manual, appendix E.1):
// packets `$payload#checksum`, acknowledgements, the interrupt byte, and the
// encodings used inside payloads (hex, binary escapes). Pure functions and a
// byte-fed parser: no I/O, no simulator knowledge.
#ifndef RVTLM_DEBUG_RSP_PACKET_H
#define RVTLM_DEBUG_RSP_PACKET_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rvtlm::debug::rsp {

// The largest payload the server accepts (and announces as PacketSize).
inline constexpr std::size_t kMaxPayload = 0x4000;

// One item of the byte stream a debugger sends.
enum class InputKind : uint8_t {
  Packet,       // a well-formed packet; payload holds its data (still escaped)
  Ack,          // '+'
  Nack,         // '-': resend the last packet
  Interrupt,    // 0x03 outside a packet (Ctrl-C)
  BadChecksum,  // a complete packet whose checksum does not match
  Oversized,    // a packet longer than the parser's limit (its data is dropped)
  Truncated,    // a packet cut short by the start of another one
};

struct Input {
  InputKind kind = InputKind::Packet;
  std::string payload;
};

// Splits a byte stream into Inputs. Bytes outside packets other than '+',
// '-' and 0x03 are ignored (GDB manual E.1: line noise before a packet).
class PacketParser {
 public:
  explicit PacketParser(std::size_t max_payload = kMaxPayload) : max_payload_(max_payload) {}

  // Appends the complete items found in `data` to `out`; a packet may span
  // calls.
  void feed(std::string_view data, std::vector<Input>& out);
  // Forgets a packet in progress (a new connection).
  void reset();

 private:
  enum class State : uint8_t { Idle, Payload, Checksum1, Checksum2 };
  std::size_t max_payload_;
  State state_ = State::Idle;
  std::string payload_;
  bool oversized_ = false;
  uint8_t sum_ = 0;
  int received_sum_ = 0;
  bool bad_digit_ = false;
};

// The modulo-256 sum of the payload's characters.
uint8_t checksum(std::string_view payload);
// `$payload#xx`. The payload must already be escaped where it carries binary
// data (escape_binary).
std::string frame(std::string_view payload);

// Binary data in packets (GDB manual E.1): '#', '$', '}' and '*' become '}'
// followed by the byte XOR 0x20.
std::string escape_binary(std::string_view data);
// The inverse; false for a payload ending in a lone '}'.
bool unescape_binary(std::string_view data, std::string& out);

// Two lower-case hex digits per byte.
std::string to_hex(const uint8_t* data, std::size_t size);
std::string to_hex(std::string_view text);
// Pairs of hex digits to bytes; false for an odd length or a non-hex digit.
bool from_hex(std::string_view hex, std::string& out);
// A hex number of 1 to 16 digits (no prefix); false otherwise.
bool parse_hex(std::string_view text, uint64_t& value);
// A register value as GDB transfers it: `bytes` bytes of `value`, target
// byte order (little-endian), in hex.
std::string register_hex(uint64_t value, unsigned bytes);
// The inverse; false unless `hex` holds exactly 2 * `bytes` hex digits.
bool parse_register_hex(std::string_view hex, unsigned bytes, uint64_t& value);

}  // namespace rvtlm::debug::rsp

#endif
