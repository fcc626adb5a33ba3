// rvtlm: runs guest software on a virtual platform (virt, mcu, or a JSON
// description). `rvtlm run --help` lists the options.
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <systemc>
#include <vector>

#include "rvtlm/debug/gdb_server.h"
#include "rvtlm/elf/elf_image.h"
#include "rvtlm/iss/disassembler.h"
#include "rvtlm/models/router.h"
#include "rvtlm/models/uart16550.h"
#include "rvtlm/models/uart_backend.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/platform.h"
#include "rvtlm/tlm/time_model.h"

namespace {

using rvtlm::platforms::Platform;
using rvtlm::platforms::PlatformOptions;

constexpr int kUsageError = 2;
constexpr int kTimeoutStatus = 124;
constexpr int kStalledStatus = 125;
constexpr int kKilledStatus = 137;  // GDB's kill, as a shell reports SIGKILL

// A bad command line or input file: one line on stderr, exit status 2.
struct UsageError {
  std::string message;
};

[[noreturn]] void fail(const std::string& message) { throw UsageError{message}; }

void print_help() {
  std::printf(
      "Usage: rvtlm run [options] [program.elf]\n"
      "Runs RISC-V guest software on a SystemC/TLM-2.0 virtual platform.\n\n"
      "Platform\n"
      "  --platform virt|mcu|FILE  built-in platform or JSON description (default virt)\n"
      "  --harts N                 number of harts (virt: 1..8)\n"
      "  --xlen 32|64              register width (default: from the ELF class, else the "
      "platform's)\n"
      "  --memory SIZE             size of the main memory, e.g. 64M, 1G\n"
      "  --uart stdio|null|file:PATH|tcp:PORT  console back end (default stdio)\n"
      "Software\n"
      "  program.elf               bare-metal program; an ELF 'tohost' symbol enables HTIF\n"
      "  --bios FILE               firmware (ELF, or a binary at the start of the main memory)\n"
      "  --kernel FILE             payload (ELF, or a binary at memory+0x200000 on rv64,\n"
      "                            +0x400000 on rv32, where firmware expects it)\n"
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
      "  --trace insn FILE         every executed instruction, disassembled\n"
      "  --trace tlm FILE          every routed TLM transaction with its time\n"
      "  --vcd FILE                interrupt lines and UART output as a VCD file\n"
      "  --stats                   statistics at the end, progress while running\n"
      "  --dump-dtb FILE           write the generated device tree and exit\n"
      "Debugging (docs/DEBUGGING.md)\n"
      "  --gdb PORT                GDB server on PORT (0: any free port; it is printed)\n"
      "  --gdb-wait                hold the harts at reset until a debugger attaches\n"
      "  --gdb-address ADDR        listen on ADDR instead of 127.0.0.1\n"
      "  --help                    this text\n\n"
      "TIME is a number with a unit: s, ms, us, ns, ps (e.g. 10us).\n"
      "The exit status is the guest's (test finisher or HTIF); 2 means bad options or\n"
      "input files, 124 the timeout, 125 that nothing was left to run, 137 GDB's kill.\n");
}

sc_core::sc_time parse_time(const char* option, const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  const std::string unit(end ? end : "");
  static const struct {
    const char* name;
    sc_core::sc_time_unit unit;
  } units[] = {{"s", sc_core::SC_SEC},
               {"ms", sc_core::SC_MS},
               {"us", sc_core::SC_US},
               {"ns", sc_core::SC_NS},
               {"ps", sc_core::SC_PS}};
  if (errno == 0 && end != text.c_str() && std::isfinite(v) && v >= 0) {
    for (const auto& u : units)
      if (unit == u.name) return sc_core::sc_time(v, u.unit);
  }
  fail(std::string(option) + ": expected a time such as 10us, not '" + text + "'");
}

double parse_positive(const char* option, const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == text.c_str() || *end != '\0' || !(v > 0) || !std::isfinite(v))
    fail(std::string(option) + ": expected a positive number, not '" + text + "'");
  return v;
}

unsigned parse_count(const char* option, const std::string& text, unsigned max) {
  char* end = nullptr;
  errno = 0;
  const unsigned long v = std::strtoul(text.c_str(), &end, 10);
  if (errno != 0 || end == text.c_str() || *end != '\0' || text[0] == '-' || v > max)
    fail(std::string(option) + ": expected a whole number up to " + std::to_string(max) +
         ", not '" + text + "'");
  return static_cast<unsigned>(v);
}

struct Options {
  std::string platform = "virt";
  std::optional<unsigned> harts;
  std::optional<unsigned> xlen;
  std::optional<uint64_t> memory;
  std::string uart = "stdio";
  std::string program;
  std::string bios;
  std::string kernel;
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
  std::optional<unsigned> gdb_port;
  bool gdb_wait = false;
  std::string gdb_address = "127.0.0.1";
};

Options parse_options(int argc, char** argv) {
  enum {
    kPlatform = 256, kHarts, kXlen, kMemory, kUart, kBios, kKernel, kQuantum, kNsPerInsn,
    kIcountShift, kHz, kIpc, kSync, kNoDeadline, kDmi, kMisaligned, kTimeout, kTrace, kVcd,
    kStats, kDumpDtb, kHelp, kGdb, kGdbWait, kGdbAddress
  };
  static const option long_options[] = {
      {"platform", required_argument, nullptr, kPlatform},
      {"harts", required_argument, nullptr, kHarts},
      {"xlen", required_argument, nullptr, kXlen},
      {"memory", required_argument, nullptr, kMemory},
      {"uart", required_argument, nullptr, kUart},
      {"bios", required_argument, nullptr, kBios},
      {"kernel", required_argument, nullptr, kKernel},
      {"quantum", required_argument, nullptr, kQuantum},
      {"ns-per-insn", required_argument, nullptr, kNsPerInsn},
      {"icount-shift", required_argument, nullptr, kIcountShift},
      {"hz", required_argument, nullptr, kHz},
      {"ipc", required_argument, nullptr, kIpc},
      {"sync", required_argument, nullptr, kSync},
      {"no-deadline", no_argument, nullptr, kNoDeadline},
      {"dmi", required_argument, nullptr, kDmi},
      {"misaligned", required_argument, nullptr, kMisaligned},
      {"timeout", required_argument, nullptr, kTimeout},
      {"trace", required_argument, nullptr, kTrace},
      {"vcd", required_argument, nullptr, kVcd},
      {"stats", no_argument, nullptr, kStats},
      {"dump-dtb", required_argument, nullptr, kDumpDtb},
      {"help", no_argument, nullptr, kHelp},
      {"gdb", required_argument, nullptr, kGdb},
      {"gdb-wait", no_argument, nullptr, kGdbWait},
      {"gdb-address", required_argument, nullptr, kGdbAddress},
      {nullptr, 0, nullptr, 0}};
  Options o;
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, "+:", long_options, nullptr)) != -1) {
    const std::string arg = optarg ? optarg : "";
    switch (c) {
      case kPlatform: o.platform = arg; break;
      case kHarts: o.harts = parse_count("--harts", arg, 64); break;
      case kXlen:
        if (arg != "32" && arg != "64") fail("--xlen must be 32 or 64, not '" + arg + "'");
        o.xlen = arg == "32" ? 32 : 64;
        break;
      case kMemory: {
        const auto size = rvtlm::platforms::parse_size(arg);
        if (!size || *size < 4096 || *size % 4096 != 0)
          fail("--memory: expected a size such as 64M (a multiple of 4K), not '" + arg + "'");
        o.memory = size;
        break;
      }
      case kUart: o.uart = arg; break;
      case kBios: o.bios = arg; break;
      case kKernel: o.kernel = arg; break;
      case kQuantum: o.quantum = parse_time("--quantum", arg); break;
      case kNsPerInsn: o.ns_per_insn = parse_positive("--ns-per-insn", arg); break;
      case kIcountShift: o.icount_shift = parse_count("--icount-shift", arg, 20); break;
      case kHz: o.hz = parse_positive("--hz", arg); break;
      case kIpc: o.ipc = parse_positive("--ipc", arg); break;
      case kSync:
        if (arg == "quantum") o.sync = rvtlm::tlm::SyncPolicy::Quantum;
        else if (arg == "lockstep") o.sync = rvtlm::tlm::SyncPolicy::Lockstep;
        else fail("--sync must be quantum or lockstep, not '" + arg + "'");
        break;
      case kNoDeadline: o.deadline = false; break;
      case kDmi:
        if (arg != "on" && arg != "off") fail("--dmi must be on or off, not '" + arg + "'");
        o.dmi = arg == "on";
        break;
      case kMisaligned:
        if (arg == "trap") o.misaligned = rvtlm::iss::MisalignedPolicy::Trap;
        else if (arg == "emulate") o.misaligned = rvtlm::iss::MisalignedPolicy::Emulate;
        else fail("--misaligned must be trap or emulate, not '" + arg + "'");
        break;
      case kTimeout:
        o.timeout = parse_time("--timeout", arg);
        if (*o.timeout == sc_core::SC_ZERO_TIME) fail("--timeout must be more than zero");
        break;
      case kTrace: {
        if (optind >= argc) fail("--trace needs a kind (insn or tlm) and a file");
        const std::string file = argv[optind++];
        if (arg == "insn") o.trace_insn = file;
        else if (arg == "tlm") o.trace_tlm = file;
        else fail("--trace kind must be insn or tlm, not '" + arg + "'");
        break;
      }
      case kVcd: o.vcd = arg; break;
      case kStats: o.stats = true; break;
      case kDumpDtb: o.dump_dtb = arg; break;
      case kHelp: print_help(); std::exit(0);
      case kGdb: o.gdb_port = parse_count("--gdb", arg, 65535); break;
      case kGdbWait: o.gdb_wait = true; break;
      case kGdbAddress: o.gdb_address = arg; break;
      case ':': fail(std::string("option ") + argv[optind - 1] + " needs a value");
      default: fail(std::string("unknown option '") + argv[optind - 1] + "'");
    }
  }
  const int time_models = (o.ns_per_insn ? 1 : 0) + (o.icount_shift ? 1 : 0) + (o.hz ? 1 : 0);
  if (time_models > 1) fail("choose one of --ns-per-insn, --icount-shift and --hz");
  if (o.ipc && !o.hz) fail("--ipc needs --hz");
  if ((o.gdb_wait || o.gdb_address != "127.0.0.1") && !o.gdb_port)
    fail("--gdb-wait and --gdb-address need --gdb PORT");
  if (optind < argc) o.program = argv[optind++];
  if (optind < argc) fail("more than one program given ('" + std::string(argv[optind]) + "')");
  if (o.program.empty() && o.bios.empty() && o.kernel.empty() && o.dump_dtb.empty())
    fail("no program given");
  if (!o.program.empty() && !o.kernel.empty()) fail("give either a program or --kernel, not both");
  return o;
}

bool is_elf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path + ": " + std::strerror(errno));
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && std::memcmp(magic, "\x7f" "ELF", 4) == 0;
}

// Progress on stderr (--stats or a terminal), about once a second of host time.
class Progress {
 public:
  Progress(Platform& platform, bool enabled)
      : platform_(platform), enabled_(enabled), terminal_(isatty(STDERR_FILENO) != 0) {}
  bool enabled() const { return enabled_; }
  void maybe_print(bool final_line) {
    const auto now = std::chrono::steady_clock::now();
    if (!final_line && now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    // Harts run ahead of the kernel: the simulated time is the furthest hart's.
    uint64_t insns = 0;
    sc_core::sc_time simulated = sc_core::sc_time_stamp();
    for (unsigned h = 0; h < platform_.harts(); ++h) {
      insns += platform_.hart(h).statistics().instructions;
      simulated = std::max(simulated, platform_.hart(h).local_time());
    }
    const double seconds = std::chrono::duration<double>(now - start_).count();
    // On a terminal the line is rewritten in place; in a log, one per line.
    std::fprintf(stderr, "%s[rvtlm] %s simulated, %" PRIu64 " instructions, %.1f MIPS%s",
                 terminal_ ? "\r" : "", simulated.to_string().c_str(), insns,
                 seconds > 0 ? static_cast<double>(insns) / seconds / 1e6 : 0.0,
                 final_line || !terminal_ ? "\n" : "   ");
    std::fflush(stderr);
    printed_ = true;
  }
  bool printed() const { return printed_; }

 private:
  Platform& platform_;
  bool enabled_;
  bool terminal_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

int run(int argc, char** argv) {
  Options o = parse_options(argc, argv);
  rvtlm::platforms::PlatformDescription description =
      rvtlm::platforms::description_by_name(o.platform);

  PlatformOptions po;
  po.harts = o.harts;
  po.memory_size = o.memory;
  po.quantum = o.quantum;
  po.sync = o.sync;
  po.bound_to_next_activity = o.deadline;
  po.dmi = o.dmi;
  po.misaligned = o.misaligned;
  po.console = o.uart;
  if (o.ns_per_insn)
    po.time_model = std::make_shared<rvtlm::tlm::FixedTimeModel>(
        sc_core::sc_time(*o.ns_per_insn, sc_core::SC_NS));
  else if (o.icount_shift)
    po.time_model = std::make_shared<rvtlm::tlm::IcountTimeModel>(*o.icount_shift);
  else if (o.hz)
    po.time_model = std::make_shared<rvtlm::tlm::FrequencyTimeModel>(*o.hz, o.ipc.value_or(1.0));

  // The software decides the register width unless --xlen does.
  std::unique_ptr<rvtlm::elf::ElfImage> program, bios, kernel;
  if (!o.program.empty()) program = std::make_unique<rvtlm::elf::ElfImage>(o.program);
  if (!o.bios.empty() && is_elf(o.bios)) bios = std::make_unique<rvtlm::elf::ElfImage>(o.bios);
  if (!o.kernel.empty() && is_elf(o.kernel))
    kernel = std::make_unique<rvtlm::elf::ElfImage>(o.kernel);
  const rvtlm::elf::ElfImage* first = program ? program.get() : bios ? bios.get() : kernel.get();
  po.xlen = o.xlen;
  if (!po.xlen && first) po.xlen = first->xlen();
  if (po.xlen && std::find(description.xlens.begin(), description.xlens.end(), *po.xlen) ==
                     description.xlens.end())
    fail((first && !o.xlen ? first->path() + ": an RV" + std::to_string(*po.xlen) + " ELF on "
                           : "--xlen " + std::to_string(*po.xlen) + ": ") +
         description.name + ", which is RV" + std::to_string(description.xlens.front()) +
         " only");
  for (const rvtlm::elf::ElfImage* image : {program.get(), bios.get(), kernel.get()})
    if (image && po.xlen && image->xlen() != *po.xlen)
      fail(image->path() + ": an RV" + std::to_string(image->xlen()) + " ELF on an RV" +
           std::to_string(*po.xlen) + " platform");

  const auto* memory = description.find(description.memory);
  const uint64_t memory_base = memory ? memory->base : 0;
  const unsigned xlen = po.xlen.value_or(description.xlen);
  const uint64_t kernel_address = memory_base + (xlen == 64 ? 0x200000 : 0x400000);
  if (program) {
    po.use_program(*program);
  } else if (!o.bios.empty()) {
    if (bios) po.use_program(*bios);
    else po.entry = memory_base;
  } else if (!o.kernel.empty()) {
    if (kernel) po.use_program(*kernel);
    else po.entry = kernel_address;
  }

  Platform platform("platform", description, po);
  if (!o.dump_dtb.empty()) {
    std::ofstream out(o.dump_dtb, std::ios::binary);
    const auto& dtb = platform.device_tree();
    if (!out || !out.write(reinterpret_cast<const char*>(dtb.data()),
                           static_cast<std::streamsize>(dtb.size())))
      fail("--dump-dtb: cannot write '" + o.dump_dtb + "': " + std::strerror(errno));
    if (o.program.empty() && o.bios.empty() && o.kernel.empty()) return 0;
  }

  try {
    if (program) platform.load_elf(*program);
    if (bios) platform.load_elf(*bios);
    else if (!o.bios.empty()) platform.load_binary(o.bios, memory_base);
    if (kernel) platform.load_elf(*kernel);
    else if (!o.kernel.empty()) platform.load_binary(o.kernel, kernel_address);
  } catch (const std::runtime_error& e) {
    fail(e.what());
  }

  // Instruction trace: one line per instruction, "hart pc (bits) disassembly".
  std::unique_ptr<FILE, int (*)(FILE*)> insn_trace(nullptr, &std::fclose);
  std::unique_ptr<rvtlm::iss::Disassembler> disassembler;
  if (!o.trace_insn.empty()) {
    insn_trace.reset(std::fopen(o.trace_insn.c_str(), "w"));
    if (!insn_trace) fail("--trace insn: cannot write '" + o.trace_insn + "': " + std::strerror(errno));
    disassembler = std::make_unique<rvtlm::iss::Disassembler>(
        xlen == 64 ? rvtlm::iss::Xlen::Rv64 : rvtlm::iss::Xlen::Rv32);
    for (unsigned h = 0; h < platform.harts(); ++h) {
      platform.hart(h).hart().set_trace([&, h](uint64_t pc, uint32_t bits, uint64_t retired) {
        const bool compressed = (bits & 3) != 3;
        std::string text = (*disassembler)(bits, pc);
        for (char& ch : text)
          if (ch == '\t') ch = ' ';
        std::fprintf(insn_trace.get(), "%u %" PRIu64 " 0x%016" PRIx64 " (0x%0*x) %s\n", h,
                     retired, pc, compressed ? 4 : 8, compressed ? bits & 0xffff : bits,
                     text.c_str());
      });
    }
  }
  std::unique_ptr<FILE, int (*)(FILE*)> tlm_trace(nullptr, &std::fclose);
  if (!o.trace_tlm.empty()) {
    tlm_trace.reset(std::fopen(o.trace_tlm.c_str(), "w"));
    if (!tlm_trace) fail("--trace tlm: cannot write '" + o.trace_tlm + "': " + std::strerror(errno));
    platform.router().trace = [&](const rvtlm::models::RouterTraceRecord& r) {
      const ::tlm::tlm_generic_payload& p = *r.payload;
      uint64_t data = 0;
      std::memcpy(&data, p.get_data_ptr(), std::min<unsigned>(p.get_data_length(), 8));
      std::fprintf(tlm_trace.get(), "%s %c 0x%08" PRIx64 " %u 0x%" PRIx64 " %s %s\n",
                   r.time.to_string().c_str(), p.is_read() ? 'R' : 'W',
                   static_cast<uint64_t>(p.get_address()),
                   p.get_data_length(), data, r.range ? r.range->name.c_str() : "-",
                   p.get_response_string().c_str());
    };
  }
  sc_core::sc_trace_file* vcd = nullptr;
  if (!o.vcd.empty()) {
    std::string base = o.vcd;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".vcd") == 0) base.resize(base.size() - 4);
    vcd = sc_core::sc_create_vcd_trace_file(base.c_str());
    if (!vcd) fail("--vcd: cannot write '" + o.vcd + "'");
    platform.trace(vcd);
  }

  // A TCP console: say where to connect (tcp:0 picks a free port).
  if (auto* uart = platform.device_as<rvtlm::models::Uart16550>(description.console)) {
    if (auto* tcp = dynamic_cast<rvtlm::models::TcpUartBackend*>(&uart->backend()))
      std::fprintf(stderr, "rvtlm: console %s on 127.0.0.1:%u\n", description.console.c_str(),
                   static_cast<unsigned>(tcp->port()));
  }

  // The GDB server: every hart a thread; `kill` ends the run with 137.
  std::unique_ptr<rvtlm::debug::GdbServer> gdb;
  if (o.gdb_port) {
    rvtlm::debug::GdbServerOptions go;
    go.port = static_cast<uint16_t>(*o.gdb_port);
    go.address = o.gdb_address;
    go.wait_for_debugger = o.gdb_wait;
    go.on_kill = [&platform] { platform.finish(kKilledStatus); };
    std::vector<rvtlm::tlm::HartModule*> harts;
    for (unsigned h = 0; h < platform.harts(); ++h) harts.push_back(&platform.hart(h));
    try {
      gdb = std::make_unique<rvtlm::debug::GdbServer>("gdb", harts, go);
    } catch (const std::runtime_error& e) {
      fail(std::string("--gdb: ") + e.what());
    }
    std::fprintf(stderr, "rvtlm: gdb server on %s:%u%s\n", gdb->address().c_str(),
                 static_cast<unsigned>(gdb->port()), o.gdb_wait ? ", waiting for a debugger" : "");
  }

  Progress progress(platform, o.stats || isatty(STDERR_FILENO));
  bool timed_out = false;
  if (!progress.enabled()) {
    if (o.timeout)
      sc_core::sc_start(*o.timeout, sc_core::SC_EXIT_ON_STARVATION);
    else
      sc_core::sc_start();
  } else {
    // Slices of simulated time between progress lines; the guest sees the
    // same instructions and times as in one sc_start().
    const sc_core::sc_time slice(1, sc_core::SC_MS);
    while (!platform.finished() && sc_core::sc_pending_activity()) {
      sc_core::sc_time step = slice;
      if (o.timeout) {
        if (sc_core::sc_time_stamp() >= *o.timeout) break;
        step = std::min(slice, *o.timeout - sc_core::sc_time_stamp());
      }
      sc_core::sc_start(step, sc_core::SC_EXIT_ON_STARVATION);
      if (sc_core::sc_get_status() == sc_core::SC_STOPPED) break;
      progress.maybe_print(false);
    }
  }
  if (!platform.finished() && o.timeout && sc_core::sc_time_stamp() >= *o.timeout) timed_out = true;
  if (progress.printed() || o.stats) progress.maybe_print(true);
  if (sc_core::sc_get_status() != sc_core::SC_STOPPED) sc_core::sc_stop();
  if (vcd) sc_core::sc_close_vcd_trace_file(vcd);
  std::fflush(stdout);

  if (o.stats) {
    for (unsigned h = 0; h < platform.harts(); ++h) platform.hart(h).print_statistics(std::cerr);
  }
  if (platform.finished()) return platform.exit_code();
  if (timed_out) {
    std::fprintf(stderr, "rvtlm: timeout after %s of simulated time\n",
                 sc_core::sc_time_stamp().to_string().c_str());
    return kTimeoutStatus;
  }
  std::fprintf(stderr, "rvtlm: the guest stopped without finishing at %s (nothing left to run)\n",
               sc_core::sc_time_stamp().to_string().c_str());
  return kStalledStatus;
}

void report_to_stderr(const sc_core::sc_report& report, const sc_core::sc_actions& actions) {
  if (actions & sc_core::SC_DISPLAY) {
    std::fflush(stdout);
    std::fprintf(stderr, "rvtlm: %s\n",
                 sc_core::sc_report_compose_message(report).c_str());
  }
  // Everything but the display (throwing, stopping, aborting) as SystemC does.
  sc_core::sc_report_handler::default_handler(report, actions & ~sc_core::SC_DISPLAY);
}

}  // namespace

int sc_main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "rvtlm: no command given (expected 'run')\nTry 'rvtlm --help'.\n");
    return kUsageError;
  }
  if (std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
    print_help();
    return 0;
  }
  if (std::string(argv[1]) != "run") {
    std::fprintf(stderr, "rvtlm: unknown command '%s' (expected 'run')\nTry 'rvtlm --help'.\n",
                 argv[1]);
    return kUsageError;
  }
  // SystemC's banner and "Info: ... sc_stop" messages are not for users.
  sc_core::sc_report_handler::set_actions("/IEEE_Std_1666/deprecated", sc_core::SC_DO_NOTHING);
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  // Reports go to stderr: stdout belongs to the guest's console.
  sc_core::sc_report_handler::set_handler(&report_to_stderr);
  try {
    return run(argc - 1, argv + 1);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "rvtlm: %s\nTry 'rvtlm run --help'.\n", e.message.c_str());
  } catch (const rvtlm::elf::ElfError& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const rvtlm::platforms::DescriptionError& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const sc_core::sc_report& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
    return 1;
  }
  return kUsageError;
}

// Our own main(): SystemC prints its banner when the kernel starts, unless
// told not to before that.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  return sc_core::sc_elab_and_sim(argc, argv);
}
