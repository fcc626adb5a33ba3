#include "run_options.h"

#include <cmath>
#include <cstdio>

#include "rvtlm/support/options.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::run_tool {

namespace {

using rvtlm::support::choice;
using rvtlm::support::UsageError;

[[noreturn]] void fail(const std::string& message) { throw UsageError(message); }

// The longest time SystemC can represent: 2^64 - 1 resolution units.
long double max_seconds() {
  return static_cast<long double>(~uint64_t{0}) *
         static_cast<long double>(sc_core::sc_get_time_resolution().to_seconds());
}

std::string number_text(long double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6Lg", value);
  return text;
}

std::string seconds_text(long double seconds) { return number_text(seconds) + " s"; }

sc_core::sc_time parse_time(const char* option, const std::string& text) {
  const auto d = rvtlm::support::parse_duration(text);
  if (!d)
    fail(std::string(option) + ": expected a time such as 10us (units " +
         rvtlm::support::kTimeUnitsText + "), not '" + text + "'");
  if (d->seconds() > max_seconds())
    fail(std::string(option) + ": " + text + " is beyond SystemC's time range (at most " +
         seconds_text(max_seconds()) + ")");
  static constexpr sc_core::sc_time_unit kUnits[] = {
      sc_core::SC_SEC, sc_core::SC_MS, sc_core::SC_US, sc_core::SC_NS, sc_core::SC_PS};
  return sc_core::sc_time(d->value, kUnits[static_cast<int>(d->unit)]);
}

double parse_positive(const char* option, const std::string& text) {
  const auto v = rvtlm::support::parse_positive(text);
  if (!v) fail(std::string(option) + ": expected a positive number, not '" + text + "'");
  return *v;
}

unsigned parse_count(const char* option, const std::string& text, unsigned max) {
  const auto v = rvtlm::support::parse_unsigned(text, max);
  if (!v)
    fail(std::string(option) + ": expected a whole number up to " + std::to_string(max) +
         ", not '" + text + "'");
  return static_cast<unsigned>(*v);
}

}  // namespace

const char* help_text() {
  return "Usage: rvtlm run [options] [program.elf]\n"
         "Runs RISC-V guest software on a SystemC/TLM-2.0 virtual platform.\n\n"
         "Platform\n"
         "  --platform virt|mcu|FILE  built-in platform or JSON description (default virt)\n"
         "  --harts N                 number of harts (virt: 1..8)\n"
         "  --xlen 32|64              register width (default: from the ELF class, else the "
         "platform's)\n"
         "  --isa STRING              the harts' ISA, e.g. rv64imac_zicsr or imac_zicsr (default:\n"
         "                            the platform's; virt: everything rvtlm implements)\n"
         "  --memory SIZE             size of the main memory, e.g. 64M, 1G\n"
         "  --uart stdio|null|file:PATH[,append]|tcp:PORT[,wait]\n"
         "                            console back end (default stdio); file truncates unless\n"
         "                            ',append'; tcp listens on 127.0.0.1, ',wait' waits for a\n"
         "                            client before the guest starts\n"
         "Software\n"
         "  program.elf               bare-metal program; an ELF 'tohost' symbol enables HTIF\n"
         "  --bios FILE               firmware (ELF, or a binary at the start of the main memory)\n"
         "  --kernel FILE             payload (ELF, or a binary at memory+0x200000 on rv64,\n"
         "                            +0x400000 on rv32, where firmware expects it)\n"
         "  --initrd FILE             an initial RAM disk, placed in memory and named in the\n"
         "                            device tree's /chosen (linux,initrd-start/end)\n"
         "  --append ARGS             the kernel command line (/chosen bootargs)\n"
         "Time\n"
         "  --quantum TIME            how far a hart runs ahead of SystemC (default 10us)\n"
         "  --ns-per-insn X           fixed time per instruction (default: the platform's)\n"
         "  --icount-shift S          2^S ns per instruction\n"
         "  --hz F [--ipc I]          a core clocked at F Hz retiring I instructions per cycle\n"
         "  --sync quantum|lockstep   when harts synchronise with SystemC (default quantum)\n"
         "  --no-deadline             do not stop a quantum early for the next SystemC event\n"
         "  --dmi on|off              direct memory access to RAM (default on)\n"
         "  --misaligned trap|emulate misaligned loads and stores (default trap)\n"
         "  --timeout SIMTIME         stop after this much simulated time (exit status 124)\n"
         "Output\n"
         "  --trace insn FILE         every executed instruction: time, hart, count, pc,\n"
         "                            encoding, disassembly\n"
         "  --trace tlm FILE          every routed TLM transaction: time, initiator,\n"
         "                            R/W, address, length, data, target, response\n"
         "  --vcd FILE                interrupt lines and UART output as a VCD file\n"
         "  --stats                   statistics at the end, progress while running\n"
         "  --dump-dtb FILE           write the generated device tree and exit\n"
         "  --signature FILE          at the end, the memory between the program's symbols\n"
         "                            begin_signature and end_signature, one 32-bit word per\n"
         "                            line in hex (the architectural tests' format)\n"
         "  --device-library PATH     load device types from a shared library (repeatable)\n"
         "  --plugin NAME-or-PATH[,key=value...]\n"
         "                            load a plugin (repeatable): shipped ones by name\n"
         "                            (insn-stats, trace, ips, cost-model), yours by path\n"
         "Debugging (docs/DEBUGGING.md)\n"
         "  --gdb PORT                GDB server on PORT (0: any free port; it is printed)\n"
         "  --gdb-wait                hold the harts at reset until a debugger attaches\n"
         "  --gdb-address ADDR        listen on ADDR instead of 127.0.0.1\n"
         "  --help, --version         this text; the version\n\n"
         "Options may also follow the program, as --name value or --name=value.\n"
         "TIME is a number with a unit: s, ms, us, ns, ps (e.g. 10us).\n\n"
         "Exit status\n"
         "  0..255   the guest's exit code (test finisher or HTIF); when it is also one\n"
         "           of rvtlm's own below, or does not fit (then 255), stderr says so\n"
         "  1        a hart locked up (traps without retiring), or deadlock: the harts\n"
         "           wait for an interrupt and nothing is left to simulate\n"
         "  2        bad options or input files (nothing was simulated)\n"
         "  124      --timeout reached\n"
         "  125      a model stopped the simulation, SystemC reported an error, or an\n"
         "           output (trace, UART file) could not be written\n"
         "  137      GDB's kill\n";
}

// Options may come before and after the program (`rvtlm run prog.elf
// --timeout 10ms`); "--name value" and "--name=value" are the same; "--"
// ends the options.
Options parse_options(const std::vector<std::string>& words) {
  enum Id {
    kPlatform,
    kHarts,
    kXlen,
    kIsa,
    kMemory,
    kUart,
    kBios,
    kKernel,
    kInitrd,
    kAppend,
    kQuantum,
    kNsPerInsn,
    kIcountShift,
    kHz,
    kIpc,
    kSync,
    kNoDeadline,
    kDmi,
    kMisaligned,
    kTimeout,
    kTrace,
    kVcd,
    kStats,
    kDumpDtb,
    kDeviceLibrary,
    kPlugin,
    kSignature,
    kHelp,
    kVersion,
    kGdb,
    kGdbWait,
    kGdbAddress
  };
  rvtlm::support::OptionScanner scan(words, {{"platform", kPlatform, true},
                                             {"harts", kHarts, true},
                                             {"xlen", kXlen, true},
                                             {"memory", kMemory, true},
                                             {"isa", kIsa, true},
                                             {"uart", kUart, true},
                                             {"bios", kBios, true},
                                             {"initrd", kInitrd, true},
                                             {"append", kAppend, true},
                                             {"kernel", kKernel, true},
                                             {"quantum", kQuantum, true},
                                             {"ns-per-insn", kNsPerInsn, true},
                                             {"icount-shift", kIcountShift, true},
                                             {"hz", kHz, true},
                                             {"ipc", kIpc, true},
                                             {"sync", kSync, true},
                                             {"no-deadline", kNoDeadline, false},
                                             {"dmi", kDmi, true},
                                             {"misaligned", kMisaligned, true},
                                             {"timeout", kTimeout, true},
                                             {"trace", kTrace, true},
                                             {"vcd", kVcd, true},
                                             {"stats", kStats, false},
                                             {"dump-dtb", kDumpDtb, true},
                                             {"device-library", kDeviceLibrary, true},
                                             {"plugin", kPlugin, true},
                                             {"signature", kSignature, true},
                                             {"help", kHelp, false},
                                             {"version", kVersion, false},
                                             {"gdb", kGdb, true},
                                             {"gdb-wait", kGdbWait, false},
                                             {"gdb-address", kGdbAddress, true}});
  Options o;
  rvtlm::support::Argument a;
  while (scan.next(a)) {
    const std::string& arg = a.value;
    switch (a.option->id) {
      case kPlatform:
        o.platform = arg;
        break;
      case kHarts:
        o.harts = parse_count("--harts", arg, 64);
        break;
      case kIsa:
        o.isa = arg;
        break;
      case kXlen:
        o.xlen = choice("--xlen", arg, {"32", "64"}) == 0 ? 32 : 64;
        break;
      case kMemory: {
        const auto size = rvtlm::support::parse_size(arg);
        if (!size || *size < 4096 || *size % 4096 != 0)
          fail("--memory: expected a size such as 64M (a multiple of 4K), not '" + arg + "'");
        o.memory = size;
        break;
      }
      case kUart:
        o.uart = arg;
        break;
      case kBios:
        o.bios = arg;
        break;
      case kInitrd:
        o.initrd = arg;
        break;
      case kAppend:
        o.append = arg;
        break;
      case kKernel:
        o.kernel = arg;
        break;
      case kQuantum:
        o.quantum = parse_time("--quantum", arg);
        if (o.quantum == sc_core::SC_ZERO_TIME)
          fail("--quantum must be at least " + sc_core::sc_get_time_resolution().to_string() +
               " (--sync lockstep synchronises after every instruction)");
        break;
      case kNsPerInsn:
        o.ns_per_insn = parse_positive("--ns-per-insn", arg);
        break;
      case kIcountShift:
        o.icount_shift = parse_count("--icount-shift", arg, 20);
        break;
      case kHz:
        o.hz = parse_positive("--hz", arg);
        break;
      case kIpc:
        o.ipc = parse_positive("--ipc", arg);
        break;
      case kSync:
        o.sync = choice("--sync", arg, {"quantum", "lockstep"}) == 0
                     ? rvtlm::tlm::SyncPolicy::Quantum
                     : rvtlm::tlm::SyncPolicy::Lockstep;
        break;
      case kNoDeadline:
        o.deadline = false;
        break;
      case kDmi:
        o.dmi = choice("--dmi", arg, {"on", "off"}) == 0;
        break;
      case kMisaligned:
        o.misaligned = choice("--misaligned", arg, {"trap", "emulate"}) == 0
                           ? rvtlm::iss::MisalignedPolicy::Trap
                           : rvtlm::iss::MisalignedPolicy::Emulate;
        break;
      case kTimeout:
        o.timeout = parse_time("--timeout", arg);
        if (*o.timeout == sc_core::SC_ZERO_TIME) fail("--timeout must be more than zero");
        break;
      case kTrace: {
        (choice("--trace kind", arg, {"insn", "tlm"}) == 0 ? o.trace_insn : o.trace_tlm) =
            scan.extra_value("--trace " + arg, "a file");
        break;
      }
      case kVcd:
        o.vcd = arg;
        break;
      case kStats:
        o.stats = true;
        break;
      case kDumpDtb:
        o.dump_dtb = arg;
        break;
      case kDeviceLibrary:
        o.device_libraries.push_back(arg);
        break;
      case kSignature:
        o.signature = arg;
        break;
      case kPlugin:
        o.plugins.push_back(arg);
        break;
      case kHelp:
        o.help = true;
        return o;
      case kVersion:
        o.version = true;
        return o;
      case kGdb:
        o.gdb_port = parse_count("--gdb", arg, 65535);
        break;
      case kGdbWait:
        o.gdb_wait = true;
        break;
      case kGdbAddress:
        o.gdb_address = arg;
        break;
    }
  }
  o.program = scan.at_most_one_operand("program");
  const int time_models = (o.ns_per_insn ? 1 : 0) + (o.icount_shift ? 1 : 0) + (o.hz ? 1 : 0);
  if (time_models > 1) fail("choose one of --ns-per-insn, --icount-shift and --hz");
  if (o.ipc && !o.hz) fail("--ipc needs --hz");
  if ((o.gdb_wait || o.gdb_address != "127.0.0.1") && !o.gdb_port)
    fail("--gdb-wait and --gdb-address need --gdb PORT");
  // An instruction takes at least one time-resolution unit (or time would
  // stand still and --timeout never come) and at most what SystemC's time
  // range holds.
  const long double resolution = sc_core::sc_get_time_resolution().to_seconds();
  const long double longest = max_seconds() / 2;
  if (o.ns_per_insn) {
    const long double seconds = static_cast<long double>(*o.ns_per_insn) * 1e-9L;
    if (seconds < resolution || seconds > longest)
      fail("--ns-per-insn " + number_text(*o.ns_per_insn) + ": an instruction takes " +
           seconds_text(resolution) + " (the time resolution) to " + seconds_text(longest));
  }
  if (o.hz) {
    const long double rate = static_cast<long double>(*o.hz) * o.ipc.value_or(1.0);
    if (1.0L / rate < resolution || 1.0L / rate > longest)
      fail("--hz " + number_text(*o.hz) + (o.ipc ? " --ipc " + number_text(*o.ipc) : "") + ": " +
           number_text(rate) + " instructions per second, outside " + number_text(1 / longest) +
           " to " + number_text(1 / resolution) +
           " (one instruction per time resolution unit at most)");
  }
  if (o.program.empty() && o.bios.empty() && o.kernel.empty() && o.dump_dtb.empty())
    fail("no program given");
  if (!o.program.empty() && !o.kernel.empty()) fail("give either a program or --kernel, not both");
  return o;
}
}  // namespace rvtlm::run_tool
