// rvtlm: runs guest software on a virtual platform (virt, mcu, or a JSON
// description). `rvtlm run --help` lists the options.
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
#include <new>
#include <optional>
#include <string>
#include <systemc>
#include <vector>

#include "run_options.h"
#include "rvtlm/debug/gdb_server.h"
#include "rvtlm/elf/elf_image.h"
#include "rvtlm/elf/input_file.h"
#include "rvtlm/iss/disassembler.h"
#include "rvtlm/models/router.h"
#include "rvtlm/models/uart16550.h"
#include "rvtlm/models/uart_backend.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/platform.h"
#include "rvtlm/plugins/host.h"
#include "rvtlm/support/options.h"
#include "rvtlm/support/trace.h"
#include "rvtlm/tlm/time_model.h"

namespace {

using rvtlm::platforms::Platform;
using rvtlm::platforms::PlatformOptions;
using rvtlm::run_tool::Options;
using rvtlm::support::UsageError;

// Exit statuses (docs/PLATFORMS.md, --help).
constexpr int kLockupStatus = 1;    // a hart locked up, or a deadlock
constexpr int kKilledStatus = 137;  // GDB's kill, as a shell reports SIGKILL
constexpr int kUsageError = 2;
constexpr int kTimeoutStatus = 124;
constexpr int kStoppedStatus = 125;  // a model stopped the simulation, or SystemC failed

// The guest's own exit code as the process's status. Codes that rvtlm also
// uses for itself, and codes beyond one byte, are told apart on stderr.
int guest_status(int code) {
  const int status = code >= 0 && code <= 255 ? code : 255;
  if (status != code) {
    std::fprintf(stderr, "rvtlm: the guest's exit code %d does not fit an exit status: %d\n", code,
                 status);
  } else if (status == kLockupStatus || status == kUsageError || status == kTimeoutStatus ||
             status == kStoppedStatus) {
    std::fprintf(stderr, "rvtlm: exit status %d is the guest's own exit code\n", status);
  }
  return status;
}

// A bad command line or input file: one line on stderr, exit status 2.
[[noreturn]] void fail(const std::string& message) { throw UsageError(message); }

void print_version() { std::printf("rvtlm %s\n", RVTLM_VERSION); }

bool is_elf(const std::string& path) {
  const rvtlm::elf::InputFile file(path);
  char magic[4] = {};
  if (file.size() < 4) return false;
  file.read(0, magic, 4);
  return std::memcmp(magic,
                     "\x7f"
                     "ELF",
                     4) == 0;
}

// A time in nanoseconds for traces: one unit whatever the value (sc_time's
// own text changes unit), with up to three decimals (picoseconds).
std::string nanoseconds(const sc_core::sc_time& t) {
  return rvtlm::support::nanoseconds_text(
      static_cast<uint64_t>(std::llround(t.to_seconds() * 1e12)));
}

// A file the run writes (a trace): opened before the platform is built, so
// that a bad path is an error before anything runs; write errors during the
// run (a full disk, /dev/full) are reported by close().
class OutputFile {
 public:
  OutputFile(std::string option, std::string path)
      : option_(std::move(option)), path_(std::move(path)), file_(std::fopen(path_.c_str(), "w")) {
    if (!file_) fail(option_ + ": cannot write '" + path_ + "': " + std::strerror(errno));
  }
  ~OutputFile() {
    if (file_) std::fclose(file_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  FILE* get() const { return file_; }
  // Empty, or the error line.
  std::string close() {
    const bool failed_before = std::ferror(file_) != 0;
    const bool flushed = std::fflush(file_) == 0;
    const int error = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!failed_before && flushed && closed) return {};
    return option_ + ": cannot write '" + path_ + "'" +
           (!flushed || !closed ? std::string(": ") + std::strerror(error) : std::string());
  }

 private:
  std::string option_;
  std::string path_;
  FILE* file_;
};

// SystemC writes the VCD file itself, without telling of errors: find out
// before the run whether the path takes output at all.
void check_vcd_path(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "w");
  if (!file) fail("--vcd: cannot write '" + path + "': " + std::strerror(errno));
  const bool ok = std::fputc('\n', file) != EOF && std::fflush(file) == 0;
  const int error = errno;
  std::fclose(file);
  if (!ok) fail("--vcd: cannot write '" + path + "': " + std::strerror(error));
}

// --dump-dtb takes a file name: `--dump-dtb prog.elf` would replace the
// program with the device tree.
void check_dump_dtb_path(const std::string& path) {
  try {
    if (is_elf(path))
      fail("--dump-dtb: '" + path +
           "' is an ELF file; not overwriting it (--dump-dtb takes the device tree's file name)");
  } catch (const rvtlm::elf::FileError&) {
    // Missing or special: the write below says what is wrong, if anything.
  }
}

void write_dump_dtb(const std::string& path, const std::vector<uint8_t>& dtb) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) fail("--dump-dtb: cannot write '" + path + "': " + std::strerror(errno));
  const bool written = std::fwrite(dtb.data(), 1, dtb.size(), file) == dtb.size();
  const bool flushed = std::fflush(file) == 0;
  const int error = errno;
  const bool closed = std::fclose(file) == 0;
  if (!written || !flushed || !closed)
    fail("--dump-dtb: cannot write '" + path + "': " + std::strerror(error));
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
  Options o = rvtlm::run_tool::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (o.help) {
    std::fputs(rvtlm::run_tool::help_text(), stdout);
    return 0;
  }
  if (o.version) {
    print_version();
    return 0;
  }
  rvtlm::platforms::PlatformDescription description =
      rvtlm::platforms::description_by_name(o.platform);

  // Outputs first: a path that cannot be written is an error before the
  // platform exists.
  if (!o.dump_dtb.empty()) check_dump_dtb_path(o.dump_dtb);
  std::unique_ptr<OutputFile> insn_trace, tlm_trace;
  if (!o.trace_insn.empty())
    insn_trace = std::make_unique<OutputFile>("--trace insn", o.trace_insn);
  if (!o.trace_tlm.empty()) tlm_trace = std::make_unique<OutputFile>("--trace tlm", o.trace_tlm);
  // SystemC names the file <base>.vcd.
  std::string vcd_base = o.vcd;
  if (vcd_base.size() > 4 && vcd_base.compare(vcd_base.size() - 4, 4, ".vcd") == 0)
    vcd_base.resize(vcd_base.size() - 4);
  if (!o.vcd.empty()) check_vcd_path(vcd_base + ".vcd");

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
  po.isa = o.isa;
  // An ISA string with its width decides the width like --xlen.
  if (o.isa && !po.xlen && (o.isa->rfind("rv32", 0) == 0 || o.isa->rfind("rv64", 0) == 0))
    po.xlen = o.isa->rfind("rv32", 0) == 0 ? 32 : 64;
  if (!po.xlen && first) po.xlen = first->xlen();
  if (po.xlen && std::find(description.xlens.begin(), description.xlens.end(), *po.xlen) ==
                     description.xlens.end())
    fail((first && !o.xlen ? first->path() + ": an RV" + std::to_string(*po.xlen) + " ELF on "
                           : "--xlen " + std::to_string(*po.xlen) + ": ") +
         description.name + ", which is RV" + std::to_string(description.xlens.front()) + " only");
  for (const rvtlm::elf::ElfImage* image : {program.get(), bios.get(), kernel.get()})
    if (image && po.xlen && image->xlen() != *po.xlen)
      fail(image->path() + ": an RV" + std::to_string(image->xlen()) + " ELF on an RV" +
           std::to_string(*po.xlen) + " platform");

  const auto* memory = description.find(description.memory);
  const uint64_t memory_base = memory ? memory->base : 0;
  const unsigned xlen = po.xlen.value_or(description.xlen);
  const uint64_t kernel_address = memory_base + (xlen == 64 ? 0x200000 : 0x400000);
  // QEMU virt's boot conventions (docs/PLATFORMS.md, "Booting firmware and
  // Linux"): the initrd half way into memory (at most 128 MiB in), firmware
  // told where the payload is through fw_dynamic_info in a2.
  po.bootargs = o.append;
  if (!o.initrd.empty()) {
    const uint64_t memory_size = po.memory_size.value_or(memory ? memory->size : 0);
    const uint64_t size = rvtlm::elf::InputFile(o.initrd).size();
    const uint64_t start = memory_base + std::min<uint64_t>(memory_size / 2, uint64_t{128} << 20);
    po.initrd_start = start;
    po.initrd_end = start + size;
  }
  if (!o.bios.empty()) po.firmware_next = kernel ? kernel->entry() : kernel_address;
  uint64_t signature_begin = 0, signature_end = 0;
  if (!o.signature.empty()) {
    const rvtlm::elf::ElfImage* image = program  ? program.get()
                                        : kernel ? kernel.get()
                                                 : bios.get();
    const auto begin = image ? image->symbol("begin_signature") : std::nullopt;
    const auto end = image ? image->symbol("end_signature") : std::nullopt;
    if (!begin || !end || *end < *begin)
      fail("--signature needs a program ELF with the symbols begin_signature and end_signature");
    signature_begin = *begin;
    signature_end = *end;
  }
  if (program) {
    po.use_program(*program);
  } else if (!o.bios.empty()) {
    if (bios)
      po.use_program(*bios);
    else
      po.entry = memory_base;
  } else if (!o.kernel.empty()) {
    if (kernel)
      po.use_program(*kernel);
    else
      po.entry = kernel_address;
  }

  // Device types from the user's libraries (and the description's own,
  // which the platform loads).
  rvtlm::platforms::DeviceRegistry registry = rvtlm::platforms::DeviceRegistry::builtin();
  for (const std::string& library : o.device_libraries) registry.load(library);
  Platform platform("platform", description, po, registry);
  for (const std::string& plugin : o.plugins) platform.plugins().load(plugin, "--plugin");
  if (!o.dump_dtb.empty()) {
    write_dump_dtb(o.dump_dtb, platform.device_tree());
    if (o.program.empty() && o.bios.empty() && o.kernel.empty()) return 0;
  }

  try {
    if (program) platform.load_elf(*program);
    if (bios)
      platform.load_elf(*bios);
    else if (!o.bios.empty())
      platform.load_binary(o.bios, memory_base);
    if (kernel)
      platform.load_elf(*kernel);
    else if (!o.kernel.empty())
      platform.load_binary(o.kernel, kernel_address);
    if (po.initrd_start) platform.load_binary(o.initrd, *po.initrd_start);
  } catch (const std::runtime_error& e) {
    fail(e.what());
  }

  // Instruction trace: one line per instruction, "hart pc (bits) disassembly".
  std::unique_ptr<rvtlm::iss::Disassembler> disassembler;
  if (insn_trace) {
    disassembler = std::make_unique<rvtlm::iss::Disassembler>(xlen == 64 ? rvtlm::iss::Xlen::Rv64
                                                                         : rvtlm::iss::Xlen::Rv32);
    for (unsigned h = 0; h < platform.harts(); ++h) {
      rvtlm::tlm::HartModule& hart = platform.hart(h);
      hart.hart().set_trace([&, h](uint64_t pc, uint32_t bits, uint64_t retired) {
        const std::string line = rvtlm::support::insn_trace_line(
            nanoseconds(hart.time_after(retired)), h, retired, pc, bits, (*disassembler)(bits, pc));
        std::fputs(line.c_str(), insn_trace->get());
      });
    }
  }
  if (tlm_trace) {
    platform.router().trace = [&](const rvtlm::models::RouterTraceRecord& r) {
      const ::tlm::tlm_generic_payload& p = *r.payload;
      uint64_t data = 0;
      std::memcpy(&data, p.get_data_ptr(), std::min<unsigned>(p.get_data_length(), 8));
      const std::string initiator =
          (r.initiator >= 0 && static_cast<unsigned>(r.initiator) < platform.harts()
               ? "hart"
               : "initiator") +
          std::to_string(r.initiator);
      std::fprintf(tlm_trace->get(), "%s ns %s %c 0x%08" PRIx64 " %u 0x%" PRIx64 " %s %s\n",
                   nanoseconds(r.time).c_str(), initiator.c_str(), p.is_read() ? 'R' : 'W',
                   static_cast<uint64_t>(p.get_address()), p.get_data_length(), data,
                   r.range ? r.range->name.c_str() : "-", p.get_response_string().c_str());
    };
  }
  sc_core::sc_trace_file* vcd = nullptr;
  if (!o.vcd.empty()) {
    vcd = sc_core::sc_create_vcd_trace_file(vcd_base.c_str());
    if (!vcd) fail("--vcd: cannot write '" + o.vcd + "'");
    platform.trace(vcd);
  }

  // A TCP console: say where to connect (tcp:0 picks a free port).
  if (auto* uart = platform.device_as<rvtlm::models::Uart16550>(description.console)) {
    if (auto* tcp = dynamic_cast<rvtlm::models::TcpUartBackend*>(&uart->backend())) {
      std::fprintf(stderr, "rvtlm: console %s on 127.0.0.1:%u%s\n", description.console.c_str(),
                   static_cast<unsigned>(tcp->port()),
                   tcp->waits_for_client() ? ", waiting for a client" : "");
      // Before the guest runs, so that the client sees its first byte.
      if (tcp->waits_for_client()) tcp->wait_for_client();
    }
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
  if (!progress.enabled()) {
    if (o.timeout)
      sc_core::sc_start(*o.timeout, sc_core::SC_EXIT_ON_STARVATION);
    else
      sc_core::sc_start();
  } else {
    // Slices of simulated time between progress lines; the guest sees the
    // same instructions and times as in one sc_start().
    const sc_core::sc_time slice(1, sc_core::SC_MS);
    while (!platform.finished() && sc_core::sc_get_status() != sc_core::SC_STOPPED &&
           sc_core::sc_pending_activity()) {
      const sc_core::sc_time now = sc_core::sc_time_stamp();
      sc_core::sc_time step = slice;
      if (o.timeout) {
        if (now >= *o.timeout) break;
        step = std::min(slice, *o.timeout - now);
      }
      // A slice in which nothing happens only moves time on (stopping on
      // starvation would not move it, and the loop would spin).
      sc_core::sc_start(step, sc_core::sc_time_to_pending_activity() > step
                                  ? sc_core::SC_RUN_TO_TIME
                                  : sc_core::SC_EXIT_ON_STARVATION);
      progress.maybe_print(false);
    }
  }
  const bool stopped = sc_core::sc_get_status() == sc_core::SC_STOPPED;
  // Starving with activity still pending means that it lies beyond --timeout.
  const bool timed_out = !stopped && o.timeout && sc_core::sc_pending_activity();
  const sc_core::sc_time end = sc_core::sc_time_stamp();
  if (progress.printed() || o.stats) progress.maybe_print(true);
  if (!stopped) sc_core::sc_stop();
  if (vcd) sc_core::sc_close_vcd_trace_file(vcd);
  std::fflush(stdout);

  if (o.stats) {
    for (unsigned h = 0; h < platform.harts(); ++h) platform.hart(h).print_statistics(std::cerr);
  }
  // Output that could not be written makes the run fail, whatever the guest
  // did (its own status is still named).
  std::vector<std::string> output_errors;
  if (!o.signature.empty()) {
    // Read through the debug path: no side effects, no simulated time.
    FILE* f = std::fopen(o.signature.c_str(), "w");
    bool ok = f != nullptr;
    for (uint64_t a = signature_begin; ok && a + 4 <= signature_end; a += 4) {
      uint32_t word = 0;
      if (platform.debug_read(a, &word, 4) != 4) word = 0;
      ok = std::fprintf(f, "%08" PRIx32 "\n", word) > 0;
    }
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok) output_errors.push_back("--signature: cannot write '" + o.signature + "'");
  }
  for (OutputFile* trace : {insn_trace.get(), tlm_trace.get()})
    if (trace)
      if (std::string error = trace->close(); !error.empty()) output_errors.push_back(error);
  for (const auto& d : description.devices)
    if (auto* uart = platform.device_as<rvtlm::models::Uart16550>(d.name))
      if (auto* file = dynamic_cast<rvtlm::models::FileUartBackend*>(&uart->backend())) {
        file->flush();
        if (!file->error().empty())
          output_errors.push_back("UART " + d.name + ": " + file->error());
      }
  if (!output_errors.empty()) {
    for (const std::string& error : output_errors)
      std::fprintf(stderr, "rvtlm: %s\n", error.c_str());
    if (platform.finished())
      std::fprintf(stderr, "rvtlm: the guest exited with %d\n", platform.exit_code());
    return kStoppedStatus;
  }
  if (platform.finished()) return guest_status(platform.exit_code());
  if (const auto hart = platform.locked_up_hart()) {
    std::fprintf(stderr, "rvtlm: stopped: hart %u locked up at %s\n", *hart,
                 platform.hart(*hart).local_time().to_string().c_str());
    return kLockupStatus;
  }
  if (stopped) {
    std::fprintf(stderr,
                 "rvtlm: a model stopped the simulation at %s without the guest finishing\n",
                 end.to_string().c_str());
    return kStoppedStatus;
  }
  if (timed_out) {
    std::fprintf(stderr, "rvtlm: timeout after %s of simulated time\n",
                 o.timeout->to_string().c_str());
    return kTimeoutStatus;
  }
  std::fprintf(stderr,
               "rvtlm: deadlock at %s: the harts wait for an interrupt and nothing is left to "
               "simulate\n",
               end.to_string().c_str());
  return kLockupStatus;
}

// A SystemC report on one line: rvtlm's own reports are messages for users
// ("platform.hart0: lockup: ..."); others keep their severity, message type
// and time, but not the source file of the kernel.
std::string one_line(const sc_core::sc_report& report) {
  std::string text = report.get_msg();
  if (std::strncmp(report.get_msg_type(), "rvtlm/", 6) != 0) {
    static const char* const kSeverity[] = {"Info", "Warning", "Error", "Fatal"};
    text = std::string(kSeverity[report.get_severity()]) + ": " + report.get_msg_type() + ": " +
           text + " (at " + report.get_time().to_string() + ")";
  }
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

void report_to_stderr(const sc_core::sc_report& report, const sc_core::sc_actions& actions) {
  if (actions & sc_core::SC_DISPLAY) {
    std::fflush(stdout);
    std::fprintf(stderr, "rvtlm: %s\n", one_line(report).c_str());
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
    std::fputs(rvtlm::run_tool::help_text(), stdout);
    return 0;
  }
  if (std::string(argv[1]) == "--version") {
    print_version();
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
  // A lockup is reported and ends the run (Platform stops it): no exception.
  sc_core::sc_report_handler::set_actions("rvtlm/tlm/hart", sc_core::SC_ERROR, sc_core::SC_DISPLAY);
  try {
    return run(argc - 1, argv + 1);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "rvtlm: %s\nTry 'rvtlm run --help'.\n", e.what());
  } catch (const rvtlm::elf::ElfError& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const rvtlm::platforms::DescriptionError& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "rvtlm: %s\n", e.what());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "rvtlm: out of host memory while setting up the platform\n");
  } catch (const sc_core::sc_report& e) {
    std::fprintf(stderr, "rvtlm: %s\n", one_line(e).c_str());
    return kStoppedStatus;
  }
  return kUsageError;
}

// Our own main(): SystemC prints its banner when the kernel starts, unless
// told not to before that.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  return sc_core::sc_elab_and_sim(argc, argv);
}
