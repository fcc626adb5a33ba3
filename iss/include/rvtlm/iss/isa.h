// The instruction set of a hart as one value: register width, extensions and
// privilege modes. It is parsed from and printed as an ISA string
// ("rv64imafdc_zicsr_zifencei_zba_zbb_zbs"), and it drives misa, the decoder,
// the CSRs that exist and the device tree's riscv,isa.
#ifndef RVTLM_ISS_ISA_H
#define RVTLM_ISS_ISA_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rvtlm/iss/types.h"

namespace rvtlm::iss {

// One bit per extension the ISS implements. The single letters come first in
// their canonical order (Unprivileged spec 27.11), then the Z/S extensions.
enum class Extension : uint8_t {
  I,
  M,
  A,
  F,
  D,
  C,
  S,
  U,
  Zicsr,
  Zifencei,
  Zicond,
  Zihintpause,
  Zba,
  Zbb,
  Zbs,
  Sstc,
  Sdtrig,
  count
};

class Isa {
 public:
  // rv64imafdc with S, U and every Z/S extension rvtlm implements.
  Isa() : Isa(Xlen::Rv64) {}
  explicit Isa(Xlen xlen);  // the full set for that width

  // Parses an ISA string: "rv32" or "rv64", the base "i" (or "g" for
  // imafd_zicsr_zifencei), single-letter extensions in canonical order, then
  // "_"-separated multi-letter ones. "s" and "u" name the privilege modes;
  // without them the hart is machine-mode only. Returns nullopt with `error`
  // set for anything rvtlm does not implement or does not understand.
  static std::optional<Isa> parse(std::string_view text, std::string* error = nullptr);

  // The canonical string (lower case, Z extensions in order after the
  // letters; s and u appear as the letters they are in misa).
  std::string to_string() const;
  // The string for a device tree's riscv,isa (no privilege-mode letters).
  std::string device_tree_string() const;

  Xlen xlen() const { return xlen_; }
  unsigned bits() const { return xlen_ == Xlen::Rv64 ? 64 : 32; }
  bool has(Extension e) const { return (mask_ >> static_cast<unsigned>(e)) & 1; }
  Isa& set(Extension e, bool on = true);
  Isa with_xlen(Xlen xlen) const;

  // misa as the hart reports it (Privileged spec 3.1.1).
  uint64_t misa() const;

  bool operator==(const Isa& o) const { return xlen_ == o.xlen_ && mask_ == o.mask_; }
  bool operator!=(const Isa& o) const { return !(*this == o); }

 private:
  Xlen xlen_;
  uint32_t mask_ = 0;
};

}  // namespace rvtlm::iss

#endif
