#include "rvtlm/iss/isa.h"

#include <cctype>

namespace rvtlm::iss {
namespace {

struct Named {
  const char* name;
  Extension ext;
};
// Multi-letter extensions in canonical order: by the category letter they
// follow (I before B), then alphabetically; S extensions last.
constexpr Named kMultiLetter[] = {
    {"zicond", Extension::Zicond},     {"zicsr", Extension::Zicsr},
    {"zifencei", Extension::Zifencei}, {"zihintpause", Extension::Zihintpause},
    {"zba", Extension::Zba},           {"zbb", Extension::Zbb},
    {"zbs", Extension::Zbs},           {"sdtrig", Extension::Sdtrig},
    {"sstc", Extension::Sstc},
};
constexpr const char kLetters[] = "imafdcsu";

uint32_t bit(Extension e) { return uint32_t{1} << static_cast<unsigned>(e); }

}  // namespace

Isa::Isa(Xlen xlen) : xlen_(xlen) {
  for (unsigned i = 0; i < static_cast<unsigned>(Extension::count); ++i) mask_ |= 1u << i;
}

Isa& Isa::set(Extension e, bool on) {
  mask_ = on ? (mask_ | bit(e)) : (mask_ & ~bit(e));
  return *this;
}

Isa Isa::with_xlen(Xlen xlen) const {
  Isa copy = *this;
  copy.xlen_ = xlen;
  return copy;
}

std::optional<Isa> Isa::parse(std::string_view text, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<Isa> {
    if (error) *error = "ISA string '" + std::string(text) + "': " + why;
    return std::nullopt;
  };
  std::string s;
  for (char c : text) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Isa isa(Xlen::Rv64);
  if (s.rfind("rv64", 0) == 0) {
    isa.xlen_ = Xlen::Rv64;
  } else if (s.rfind("rv32", 0) == 0) {
    isa.xlen_ = Xlen::Rv32;
  } else {
    return fail("must start with rv32 or rv64");
  }
  isa.mask_ = 0;
  std::size_t i = 4;
  if (i >= s.size() || (s[i] != 'i' && s[i] != 'g')) return fail("the base must be i or g");
  isa.set(Extension::I);
  if (s[i] == 'g') {
    for (Extension e : {Extension::M, Extension::A, Extension::F, Extension::D, Extension::Zicsr,
                        Extension::Zifencei})
      isa.set(e);
  }
  ++i;
  // Single letters, in canonical order.
  const std::string letters = kLetters;
  std::size_t last = 0;
  for (; i < s.size() && s[i] != '_'; ++i) {
    const std::size_t at = letters.find(s[i]);
    if (at == std::string::npos || at == 0)
      return fail(std::string("unknown or unsupported extension '") + s[i] + "'");
    if (at <= last) return fail(std::string("'") + s[i] + "' out of canonical order (imafdcsu)");
    last = at;
    static constexpr Extension kByLetter[] = {Extension::I, Extension::M, Extension::A,
                                              Extension::F, Extension::D, Extension::C,
                                              Extension::S, Extension::U};
    isa.set(kByLetter[at]);
  }
  // Multi-letter extensions.
  while (i < s.size()) {
    ++i;  // '_'
    const std::size_t end = s.find('_', i);
    const std::string name = s.substr(i, end == std::string::npos ? std::string::npos : end - i);
    bool known = false;
    for (const Named& n : kMultiLetter) {
      if (name == n.name) {
        isa.set(n.ext);
        known = true;
      }
    }
    if (!known) return fail("unknown or unsupported extension '" + name + "'");
    i = end == std::string::npos ? s.size() : end;
  }
  // The F/D split and the privileged architecture impose a few dependencies.
  if (isa.has(Extension::D) && !isa.has(Extension::F)) return fail("d requires f");
  if (isa.has(Extension::S) && !isa.has(Extension::U)) return fail("s requires u");
  if (isa.has(Extension::Sstc) && !isa.has(Extension::S)) return fail("sstc requires s");
  // Zicsr is implied by the privileged architecture rvtlm implements.
  isa.set(Extension::Zicsr);
  return isa;
}

std::string Isa::to_string() const {
  std::string s = xlen_ == Xlen::Rv64 ? "rv64" : "rv32";
  for (const char* c = kLetters; *c; ++c) {
    if (has(static_cast<Extension>(c - kLetters))) s += *c;
  }
  for (const Named& n : kMultiLetter) {
    if (has(n.ext)) s += std::string("_") + n.name;
  }
  return s;
}

std::string Isa::device_tree_string() const {
  std::string s = to_string();
  std::string out;
  std::size_t i = 0;
  for (; i < s.size() && s[i] != '_'; ++i) {
    if (i >= 4 && (s[i] == 's' || s[i] == 'u')) continue;
    out += s[i];
  }
  return out + s.substr(i);
}

uint64_t Isa::misa() const {
  uint64_t v = xlen_ == Xlen::Rv64 ? uint64_t{2} << 62 : uint64_t{1} << 30;
  for (const char* c = kLetters; *c; ++c) {
    if (has(static_cast<Extension>(c - kLetters))) v |= uint64_t{1} << (*c - 'a');
  }
  return v;
}

}  // namespace rvtlm::iss
