// `rvtlm run`'s command line, apart from the program so that tests and the
// command-line fuzz target can parse without running anything.
#ifndef RVTLM_PLATFORMS_TOOLS_RUN_OPTIONS_H
#define RVTLM_PLATFORMS_TOOLS_RUN_OPTIONS_H

#include <cstdint>
#include <optional>
#include <string>
#include <systemc>
#include <vector>

#include "rvtlm/iss/types.h"
#include "rvtlm/tlm/hart_module.h"

namespace rvtlm::run_tool {

struct Options {
  std::string platform = "virt";
  std::optional<unsigned> harts;
  std::optional<unsigned> xlen;
  std::optional<std::string> isa;
  std::optional<uint64_t> memory;
  std::string uart = "stdio";
  std::string program;
  std::string bios;
  std::string kernel;
  std::string initrd;
  std::string append;
  sc_core::sc_time quantum = sc_core::sc_time(10, sc_core::SC_US);
  std::optional<double> ns_per_insn;
  std::optional<unsigned> icount_shift;
  std::optional<double> hz;
  std::optional<double> ipc;
  rvtlm::tlm::SyncPolicy sync = rvtlm::tlm::SyncPolicy::Quantum;
  bool deadline = true;
  bool dmi = true;
  rvtlm::iss::MisalignedPolicy misaligned = rvtlm::iss::MisalignedPolicy::Trap;
  std::optional<sc_core::sc_time> timeout;
  std::string trace_insn;
  std::string trace_tlm;
  std::string vcd;
  bool stats = false;
  std::string dump_dtb;
  std::vector<std::string> device_libraries;
  std::optional<unsigned> gdb_port;
  bool gdb_wait = false;
  std::string gdb_address = "127.0.0.1";
  std::vector<std::string> plugins;
  std::string signature;
  bool help = false;
  bool version = false;
};

// The arguments after "run". Throws rvtlm::support::UsageError. With --help
// or --version the rest is not checked.
Options parse_options(const std::vector<std::string>& words);

// --help's text.
const char* help_text();

}  // namespace rvtlm::run_tool

#endif
