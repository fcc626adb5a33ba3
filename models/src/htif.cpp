// The HTIF tohost/fromhost device: exit and console commands.
#include "rvtlm/models/htif.h"

#include <cstdio>
#include <iostream>
#include <string>

namespace rvtlm::models {
namespace {

// riscv-pk machine/htif.h, Spike fesvr: device 0 is the syscall proxy (and
// exit), device 1 the blocking character device.
constexpr uint64_t kDeviceSyscall = 0;
constexpr uint64_t kDeviceConsole = 1;
constexpr uint64_t kConsoleGetChar = 0;
constexpr uint64_t kConsolePutChar = 1;
constexpr uint64_t kPayloadMask = (uint64_t{1} << 48) - 1;

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

Htif::Htif(const sc_core::sc_module_name& name, const HtifConfig& config)
    : RegisterTarget(name), config_(config) {
  tohost_ = registers_.add(
      Register("tohost", 0x0, 8).allow_sizes(4 | 8).on_write([this](const WriteInfo& w) {
        write_tohost(w);
      }));
  if (config_.has_fromhost)
    fromhost_ = registers_.add(Register("fromhost", config_.fromhost_offset, 8).allow_sizes(4 | 8));
}

void Htif::write_tohost(const WriteInfo& w) {
  if (w.debug) return;
  const bool low = (w.byte_mask & 0xffffffffu) != 0;
  const bool high = (w.byte_mask >> 32) != 0;
  if (!(low && high)) {
    const Half half = low ? Half::Low : Half::High;
    if (pending_half_ == Half::None) {
      pending_half_ = half;
      return;
    }
  }
  pending_half_ = Half::None;
  const uint64_t value = registers_.get(tohost_);
  if (value == 0) return;
  registers_.set(tohost_, 0);
  command(value, w.time);
}

void Htif::command(uint64_t value, const sc_core::sc_time& time) {
  const uint64_t device = value >> 56;
  const uint64_t cmd = (value >> 48) & 0xff;
  const uint64_t payload = value & kPayloadMask;
  if (device == kDeviceSyscall && cmd == 0) {
    if (payload & 1) {
      finish(static_cast<int>(static_cast<uint32_t>(payload >> 1)), time);
    } else {
      SC_REPORT_WARNING(name(), ("tohost " + hex(value) +
                                 ": syscall-proxy requests are not supported; exiting with code 1")
                                    .c_str());
      finish(1, time);
    }
  } else if (device == kDeviceConsole && cmd == kConsolePutChar) {
    const char c = static_cast<char>(payload & 0xff);
    if (on_console_output) {
      on_console_output(c);
    } else {
      std::cout.put(c).flush();
    }
    // The guest's driver (riscv-pk, OpenSBI) waits for fromhost to name the
    // device and command before it reuses tohost.
    if (config_.has_fromhost)
      registers_.set(fromhost_, (kDeviceConsole << 56) | (kConsolePutChar << 48));
  } else if (device == kDeviceConsole && cmd == kConsoleGetChar) {
    // There is no console input: the request stays unanswered, as on Spike
    // when nothing is typed.
  } else {
    SC_REPORT_WARNING(name(),
                      ("tohost " + hex(value) + ": unsupported device " + std::to_string(device) +
                       " command " + std::to_string(cmd) + ", ignored")
                          .c_str());
  }
}

void Htif::finish(int code, const sc_core::sc_time& time) {
  // Several harts may report; the first one decides the outcome.
  if (finished_) return;
  finished_ = true;
  exit_code_ = code;
  finish_time_ = time;
  if (on_exit) {
    on_exit(code);
  } else {
    sc_core::sc_stop();
  }
}

}  // namespace rvtlm::models
