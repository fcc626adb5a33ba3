// The Berkeley Host-Target Interface (HTIF) as Spike and QEMU provide it:
// the `tohost`/`fromhost` pair through which bare-metal test programs
// (riscv-tests, riscv-pk, OpenSBI's htif driver) report their exit status
// and print characters. The platform maps the model at the address of the
// guest's `tohost` symbol.
#ifndef RVTLM_MODELS_HTIF_H
#define RVTLM_MODELS_HTIF_H

#include <cstdint>
#include <functional>
#include <systemc>

#include "rvtlm/models/register_target.h"

namespace rvtlm::models {

struct HtifConfig {
  bool has_fromhost = true;
  // riscv-tests place `fromhost` 64 bytes after `tohost` (each in its own
  // .align 6 slot); a platform that reads both symbols passes the distance.
  uint64_t fromhost_offset = 8;
};

// Register map (64-bit registers, 4- and 8-byte accesses):
//   0x00             tohost: a command, device = v >> 56, command = (v >> 48) & 0xff,
//                    payload = the low 48 bits
//     device 0, command 0, payload bit 0 set: exit with code payload >> 1
//     device 0, command 0, payload bit 0 clear: a syscall-proxy request (a
//       pointer into guest memory), not supported: a warning and exit code 1
//     device 1, command 1: print the character payload & 0xff, then
//       fromhost = (1 << 56) | (1 << 48)
//     device 1, command 0: console input request; never answered (no input)
//     other: a warning, ignored
//     After a command, tohost reads 0.
//   fromhost_offset  fromhost: written by the device, cleared by the guest
//
// When a command is complete: an 8-byte write completes it. An RV32 guest
// stores the 64-bit value as two 4-byte writes, in either order, so a 4-byte
// write to one half waits for a write to the other half and the command is
// taken when the second half arrives. A guest that writes only one half
// (older riscv-tests store just the low word, in a loop) has its command
// taken on the second write to that same half. A command of value 0 does
// nothing. Debug (transport_dbg) writes, e.g. from an ELF loader, only store.
class Htif : public RegisterTarget {
 public:
  explicit Htif(const sc_core::sc_module_name& name, const HtifConfig& config = {});

  // Called once, from b_transport, on the first exit command. Empty:
  // sc_core::sc_stop(); finish_time() has the exact time of the access.
  std::function<void(int exit_code)> on_exit;
  // Each character the guest prints. Empty: std::cout.
  std::function<void(char)> on_console_output;

  bool finished() const { return finished_; }
  int exit_code() const { return exit_code_; }
  // The time of the write that completed the exit command, including its
  // annotated delay.
  sc_core::sc_time finish_time() const { return finish_time_; }

 private:
  enum class Half : uint8_t { None, Low, High };

  void reset_state() override { pending_half_ = Half::None; }
  void write_tohost(const WriteInfo& w);
  void command(uint64_t value, const sc_core::sc_time& time);
  void finish(int code, const sc_core::sc_time& time);

  HtifConfig config_;
  unsigned tohost_ = 0;
  unsigned fromhost_ = 0;
  Half pending_half_ = Half::None;
  bool finished_ = false;
  int exit_code_ = 0;
  sc_core::sc_time finish_time_;
};

}  // namespace rvtlm::models

#endif
