// A GDB server for SystemC harts: GDB's remote serial protocol over TCP, for
// Debian's gdb-multiarch or any GDB with RISC-V support (docs/DEBUGGING.md).
//
// The embedder's one call, during elaboration, after the harts exist:
//
//   rvtlm::debug::GdbServer gdb("gdb", {&hart0, &hart1}, {.port = 1234});
//   sc_core::sc_start();
//
// then `gdb-multiarch program.elf -ex 'target remote :1234'`. Every hart is
// a GDB thread; a stop stops the whole simulation (all-stop) and simulated
// time does not advance while GDB looks at it. The network is served on a
// host thread of its own: the SystemC kernel never waits for it while the
// target runs. Destroy the server before the harts (declare it after them).
#ifndef RVTLM_DEBUG_GDB_SERVER_H
#define RVTLM_DEBUG_GDB_SERVER_H

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <systemc>
#include <vector>

#include "rvtlm/tlm/hart_module.h"

namespace rvtlm::debug {

struct GdbServerOptions {
  // TCP port; 0 picks a free one (GdbServer::port() tells which).
  uint16_t port = 1234;
  // The address to listen on. Anything but the loopback address lets other
  // machines control the simulation.
  std::string address = "127.0.0.1";
  // Hold every hart before its first instruction until a debugger attaches.
  bool wait_for_debugger = false;
  // The exit status GDB hears when the simulation ends without a hart's exit
  // request (an embedder's own finisher calling sc_stop()). Empty: GDB hears
  // that the program was terminated (SIGTERM).
  std::function<int()> exit_status;
  // GDB's `kill`. Empty: sc_core::sc_stop().
  std::function<void()> on_kill;
  // `monitor reset`, after every hart is reset: the embedder's devices and
  // memory.
  std::function<void()> on_reset;
};

class GdbServer : public sc_core::sc_module {
 public:
  // Listens at once; throws std::runtime_error (naming the address) if it
  // cannot.
  GdbServer(const sc_core::sc_module_name& name, std::vector<tlm::HartModule*> harts,
            GdbServerOptions options = {});
  ~GdbServer() override;

  const char* kind() const override { return "rvtlm::debug::GdbServer"; }

  // The port listened on.
  uint16_t port() const;
  const std::string& address() const;
  // A debugger is connected now.
  bool attached() const;
  // GDB killed the program.
  bool killed() const;

 private:
  class Impl;
  void control_thread();
  void end_of_simulation() override;

  std::unique_ptr<Impl> impl_;
};

}  // namespace rvtlm::debug

#endif
