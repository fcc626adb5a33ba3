// Numbers, sizes and times as users write them on command lines and in
// platform descriptions, and addresses as messages print them. One set of
// rules for every tool: `--memory 64M` means the same to rvtlm and rvtlm-iss.
#ifndef RVTLM_SUPPORT_PARSE_H
#define RVTLM_SUPPORT_PARSE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rvtlm::support {

// A whole number: decimal digits, or hexadecimal digits after 0x. No sign,
// no spaces, no octal. Empty when the text is not one or is above `max`.
std::optional<uint64_t> parse_unsigned(std::string_view text, uint64_t max = ~uint64_t{0});

// A size in bytes: a whole number (as parse_unsigned) or a decimal number
// with a binary unit: K, M, G (also k, m, g, KiB, MiB, GiB). "64M" is
// 67108864. Empty when the text is not one or the size does not fit 64 bits.
std::optional<uint64_t> parse_size(std::string_view text);

// A positive, finite real number ("1e9", "2.5"). Empty otherwise.
std::optional<double> parse_positive(std::string_view text);

enum class TimeUnit { Second, Millisecond, Microsecond, Nanosecond, Picosecond };

// A time as written: a non-negative finite number and its unit.
struct Duration {
  double value = 0;
  TimeUnit unit = TimeUnit::Second;
  long double seconds() const;
};

// A time with a unit, no space between: "10us", "1.5ms", "0s"; the units are
// s, ms, us, ns and ps. Empty when the text is not one.
std::optional<Duration> parse_duration(std::string_view text);

// The units parse_duration knows, for messages.
constexpr const char* kTimeUnitsText = "s, ms, us, ns, ps";

// 0x1f: an address or value in a message.
std::string hex(uint64_t value);
// 0x0000001f: `digits` hexadecimal digits at least.
std::string hex(uint64_t value, unsigned digits);

}  // namespace rvtlm::support

#endif
