// The SiFive test finisher: pass, fail and reset requests from the guest.
#include "rvtlm/models/test_finisher.h"

#include <cstdio>
#include <string>

namespace rvtlm::models {
namespace {

constexpr uint32_t kFail = 0x3333;
constexpr uint32_t kPass = 0x5555;
constexpr uint32_t kReset = 0x7777;

}  // namespace

TestFinisher::TestFinisher(const sc_core::sc_module_name& name) : RegisterTarget(name) {
  // Nothing is stored: the register reads as 0 and only the written value
  // matters.
  // Firmware writes it with 16-bit (OpenSBI) or 32-bit stores.
  registers_.add(Register("finisher", 0x0, 4)
                     .writable(0)
                     .allow_sizes(2 | 4)
                     .on_write([this](const WriteInfo& w) { write(w); }));
}

void TestFinisher::write(const WriteInfo& w) {
  if (w.debug) return;
  const auto value = static_cast<uint32_t>(w.data);
  const uint32_t status = value & 0xffff;
  if (status == kPass || status == kFail) {
    // Several harts may report; the first one decides the outcome.
    if (finished_) return;
    finished_ = true;
    finish_time_ = w.time;
    exit_code_ = 0;
    if (status == kFail) {
      const int code = static_cast<int>(value >> 16);
      exit_code_ = code != 0 ? code : 1;
    }
    if (on_exit) {
      on_exit(exit_code_);
    } else {
      sc_core::sc_stop();
    }
  } else if (status == kReset) {
    if (on_reset) {
      on_reset();
    } else {
      SC_REPORT_WARNING(name(), "reset request ignored: reset is not supported");
    }
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "unknown value 0x%08x written, ignored", value);
    SC_REPORT_WARNING(name(), buf);
  }
}

}  // namespace rvtlm::models
