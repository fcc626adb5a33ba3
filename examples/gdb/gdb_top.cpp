// rvtlm's GDB server in an embedder's own SystemC top level: one hart, RAM,
// a 16550 console and a test finisher behind a router, the program from an
// ELF file, and the one call that attaches the server (marked below).
//
//   rvtlm-gdb-top [--port N] [--wait] program.elf
//
// then, in another terminal:
//
//   gdb-multiarch program.elf -ex 'target remote :N'
//
// The exit status is the guest's (0x5555 to the finisher: 0).
#include <rvtlm/debug/gdb_server.h>
#include <rvtlm/elf/elf_image.h>
#include <rvtlm/models/memory.h>
#include <rvtlm/models/router.h>
#include <rvtlm/models/test_finisher.h>
#include <rvtlm/models/uart16550.h>
#include <rvtlm/models/uart_backend.h>
#include <rvtlm/tlm/hart_module.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <systemc>

namespace {

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 64 << 20;
constexpr uint64_t kUartBase = 0x10000000;
constexpr uint64_t kFinisherBase = 0x100000;

int usage() {
  std::fprintf(stderr, "usage: rvtlm-gdb-top [--port N] [--wait] program.elf\n");
  return 2;
}

}  // namespace

int sc_main(int argc, char** argv) {
  unsigned port = 1234;
  bool wait = false;
  std::string program;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--port" && i + 1 < argc) {
      port = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (arg == "--wait") {
      wait = true;
    } else if (!arg.empty() && arg[0] != '-' && program.empty()) {
      program = arg;
    } else {
      return usage();
    }
  }
  if (program.empty() || port > 65535) return usage();
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);

  try {
    const rvtlm::elf::ElfImage image(program);

    rvtlm::models::Router router("router");
    rvtlm::models::MemoryConfig ram_config;
    ram_config.size = kRamSize;
    rvtlm::models::Memory ram("ram", ram_config);
    rvtlm::models::Uart16550 uart("uart");
    uart.set_backend(rvtlm::models::make_uart_backend("stdio"));
    rvtlm::models::TestFinisher finisher("finisher");
    int status = -1;
    finisher.on_exit = [&status](int code) {
      status = code;
      sc_core::sc_stop();
    };
    router.map(ram.socket, {"ram", kRamBase, kRamSize});
    router.map(uart.socket, {"uart", kUartBase, 0x100});
    router.map(finisher.socket, {"finisher", kFinisherBase, 0x1000});

    rvtlm::tlm::HartModuleConfig config;
    config.hart.isa =
        rvtlm::iss::Isa(image.xlen() == 32 ? rvtlm::iss::Xlen::Rv32 : rvtlm::iss::Xlen::Rv64);
    config.hart.reset_pc = image.entry();
    config.quantum = sc_core::sc_time(1, sc_core::SC_US);
    rvtlm::tlm::HartModule hart("hart", config);
    hart.socket.bind(router.target_socket);
    ram.load_elf(image, kRamBase);

    // ---- the one call: a GDB server for this platform's harts ----
    rvtlm::debug::GdbServerOptions gdb_options;
    gdb_options.port = static_cast<uint16_t>(port);
    gdb_options.wait_for_debugger = wait;
    gdb_options.exit_status = [&status] { return status; };
    rvtlm::debug::GdbServer gdb("gdb", {&hart}, gdb_options);
    std::fprintf(stderr, "gdb server on %s:%u\n", gdb.address().c_str(),
                 static_cast<unsigned>(gdb.port()));

    sc_core::sc_start();
    if (sc_core::sc_get_status() != sc_core::SC_STOPPED) sc_core::sc_stop();
    std::fflush(stdout);
    return status < 0 ? 1 : status;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rvtlm-gdb-top: %s\n", e.what());
    return 2;
  }
}
