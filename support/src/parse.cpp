#include "rvtlm/support/parse.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rvtlm::support {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_digit(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The length of the decimal real number at the start of `text` ("1", "2.5",
// "1e9", ".5"); 0 when there is none. Signs, "inf", "nan" and hexadecimal
// floats are not numbers here.
std::size_t real_length(std::string_view text) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t exponent_from = j;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j > exponent_from) i = j;
  }
  return i;
}

std::optional<double> parse_real(std::string_view text) {
  if (text.empty() || real_length(text) != text.size()) return std::nullopt;
  const std::string copy(text);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::optional<uint64_t> parse_unsigned(std::string_view text, uint64_t max) {
  const bool is_hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  const unsigned base = is_hex ? 16 : 10;
  if (is_hex) text.remove_prefix(2);
  if (text.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    const int d = is_hex ? hex_digit(c) : (is_digit(c) ? c - '0' : -1);
    if (d < 0) return std::nullopt;
    if (v > (max - static_cast<uint64_t>(d)) / base) return std::nullopt;
    v = v * base + static_cast<uint64_t>(d);
  }
  return v;
}

std::optional<uint64_t> parse_size(std::string_view text) {
  static constexpr struct {
    std::string_view suffix;
    unsigned shift;
  } kUnits[] = {{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"K", 10}, {"M", 20},
                {"G", 30},   {"k", 10},   {"m", 20},   {"g", 30}};
  for (const auto& u : kUnits) {
    if (text.size() <= u.suffix.size() || text.substr(text.size() - u.suffix.size()) != u.suffix)
      continue;
    const std::string_view digits = text.substr(0, text.size() - u.suffix.size());
    for (char c : digits)
      if (!is_digit(c)) return std::nullopt;
    const auto v = parse_unsigned(digits, ~uint64_t{0} >> u.shift);
    if (!v) return std::nullopt;
    return *v << u.shift;
  }
  return parse_unsigned(text);
}

std::optional<double> parse_positive(std::string_view text) {
  const auto v = parse_real(text);
  if (!v || !(*v > 0)) return std::nullopt;
  return v;
}

long double Duration::seconds() const {
  static constexpr long double kScale[] = {1.0L, 1e-3L, 1e-6L, 1e-9L, 1e-12L};
  return static_cast<long double>(value) * kScale[static_cast<int>(unit)];
}

std::optional<Duration> parse_duration(std::string_view text) {
  static constexpr struct {
    std::string_view name;
    TimeUnit unit;
  } kUnits[] = {{"s", TimeUnit::Second},
                {"ms", TimeUnit::Millisecond},
                {"us", TimeUnit::Microsecond},
                {"ns", TimeUnit::Nanosecond},
                {"ps", TimeUnit::Picosecond}};
  const std::size_t n = real_length(text);
  if (n == 0) return std::nullopt;
  const auto value = parse_real(text.substr(0, n));
  if (!value) return std::nullopt;
  for (const auto& u : kUnits)
    if (text.substr(n) == u.name) return Duration{*value, u.unit};
  return std::nullopt;
}

std::string hex(uint64_t value) { return hex(value, 1); }

std::string hex(uint64_t value, unsigned digits) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%0*llx", static_cast<int>(digits > 16 ? 16 : digits),
                static_cast<unsigned long long>(value));
  return text;
}

}  // namespace rvtlm::support
