// rvtlm-tlm-bench: speed of the TLM-2.0 bridge.
//
//   rvtlm-tlm-bench [options] program.elf   MIPS of a guest ELF in SystemC
//   rvtlm-tlm-bench [options] --mmio N      b_transport writes per second
//
// The platform is QEMU virt's map (RAM with DMI at 0x80000000, a 16550-like
// console at 0x10000000, the test finisher at 0x100000), built from the test
// targets in tests/tlm/targets.h, at 1 ns per instruction like rvtlm-iss.
// SystemC elaborates once per process, so every measurement runs in a
// child process; the best of --repeat runs is reported.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "program.h"
#include "rvtlm/elf/elf_image.h"
#include "rvtlm/support/options.h"
#include "rvtlm/support/parse.h"
#include "rvtlm/tlm/hart_module.h"
#include "targets.h"

namespace {

using namespace rvtlm::tlm_test;

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = uint64_t{256} << 20;
constexpr uint64_t kUartBase = 0x10000000;
constexpr uint64_t kFinisherBase = 0x100000;

struct Options {
  std::vector<sc_core::sc_time> quanta;
  unsigned repeat = 3;
  bool bounding = true;
  bool dmi = true;
  bool verbose = false;
  uint64_t mmio_writes = 0;  // non-zero: MMIO mode
  std::string program;
};

struct Result {
  uint64_t instructions = 0;
  uint64_t mmio = 0;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this process's CPU time (the machine may be shared)
  int status = -1;
};

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Console: transmit register and line status, nothing else.
class Console : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Console> socket{"socket"};
  std::string output;
  explicit Console(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    socket.register_b_transport(this, &Console::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    if (t.is_write() && t.get_address() == 0) output += static_cast<char>(t.get_data_ptr()[0]);
    if (t.is_read()) {
      std::memset(t.get_data_ptr(), 0, t.get_data_length());
      if (t.get_address() == 5) t.get_data_ptr()[0] = 0x60;  // THRE | TEMT
    }
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

class Finisher : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Finisher> socket{"socket"};
  int status = -1;
  explicit Finisher(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    socket.register_b_transport(this, &Finisher::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    uint32_t v = 0;
    if (t.is_write() && t.get_address() == 0 && t.get_data_length() == 4) {
      std::memcpy(&v, t.get_data_ptr(), 4);
      if ((v & 0xffff) == 0x5555 || (v & 0xffff) == 0x3333) {
        status = (v & 0xffff) == 0x5555 ? 0 : static_cast<int>(v >> 16);
        sc_core::sc_stop();
      }
    }
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// Counts writes and does nothing else: the cheapest possible target.
class Sink : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Sink> socket{"socket"};
  uint64_t writes = 0;
  explicit Sink(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    socket.register_b_transport(this, &Sink::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    writes += t.is_write() ? 1 : 0;
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// n stores to the sink at 0x10001000, then the finisher.
std::vector<uint32_t> mmio_program(uint64_t n) {
  Program p(kRamBase);
  p.li(reg::s0, 0x10001000);
  p.li(reg::s1, static_cast<int32_t>(n));
  p.label("loop") << sw(reg::s1, reg::s0, 0) << addi(reg::s1, reg::s1, -1);
  p.bne(reg::s1, reg::zero, "loop");
  p.li(reg::t1, static_cast<int32_t>(kFinisherBase)).li(reg::t2, 0x5555);
  p << sw(reg::t2, reg::t1, 0);
  p.label("end").j("end");
  return p.words();
}

// One measurement, in this (child) process.
Result measure(const Options& o, const sc_core::sc_time& quantum) {
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                          sc_core::SC_DO_NOTHING);
  tlm::tlm_global_quantum::instance().set(quantum);
  Router router("router");
  Memory memory("memory", kRamSize);
  memory.log_accesses = false;
  Console console("console");
  Finisher finisher("finisher");
  Sink sink("sink");
  router.map(kRamBase, kRamSize, memory.socket);
  router.map(kUartBase, 0x100, console.socket);
  router.map(0x10001000, 0x100, sink.socket);
  router.map(kFinisherBase, 0x1000, finisher.socket);

  rvtlm::tlm::HartModuleConfig config;
  config.hart.reset_pc = kRamBase;
  config.dmi = o.dmi;
  config.bound_to_next_activity = o.bounding;
  if (o.mmio_writes) {
    const std::vector<uint32_t> words = mmio_program(o.mmio_writes);
    std::memcpy(memory.data(), words.data(), words.size() * 4);
  } else {
    const rvtlm::elf::ElfImage elf(o.program);
    for (const auto& seg : elf.segments()) {
      if (seg.address < kRamBase || seg.address - kRamBase + seg.memory_size > kRamSize) {
        throw rvtlm::elf::ElfError(o.program + ": segment outside RAM");
      }
      elf.read(seg, memory.data() + (seg.address - kRamBase));
    }
    config.hart.isa =
        rvtlm::iss::Isa(elf.xlen() == 32 ? rvtlm::iss::Xlen::Rv32 : rvtlm::iss::Xlen::Rv64);
    config.hart.reset_pc = elf.entry();
  }
  rvtlm::tlm::HartModule hart("hart", config);
  hart.socket.bind(router.target_socket);

  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  sc_core::sc_start();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_start;
  if (o.verbose) {
    std::fputs(console.output.c_str(), stderr);
    hart.print_statistics(std::cerr);
  }
  return {hart.statistics().instructions, sink.writes, seconds, cpu, finisher.status};
}

// Runs measure() in a child process and reads its result back through a pipe.
bool measure_in_child(const Options& o, const sc_core::sc_time& quantum, Result& result) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    close(fds[0]);
    Result r;
    try {
      r = measure(o, quantum);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "rvtlm-tlm-bench: %s\n", e.what());
    }
    const ssize_t n = write(fds[1], &r, sizeof r);
    std::fflush(nullptr);
    _exit(n == static_cast<ssize_t>(sizeof r) ? 0 : 1);
  }
  close(fds[1]);
  const ssize_t n = read(fds[0], &result, sizeof result);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return n == static_cast<ssize_t>(sizeof result) && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

sc_core::sc_time parse_time(const std::string& text) {
  const auto d = rvtlm::support::parse_duration(text);
  if (!d || d->value <= 0)
    throw rvtlm::support::UsageError("bad time '" + text + "' (e.g. 100ns, 10us, 1ms)");
  static constexpr sc_core::sc_time_unit kUnits[] = {
      sc_core::SC_SEC, sc_core::SC_MS, sc_core::SC_US, sc_core::SC_NS, sc_core::SC_PS};
  return sc_core::sc_time(d->value, kUnits[static_cast<int>(d->unit)]);
}

uint64_t parse_count(const std::string& option, const std::string& text, uint64_t max) {
  const auto v = rvtlm::support::parse_unsigned(text, max);
  if (!v || *v == 0)
    throw rvtlm::support::UsageError(option + ": expected a whole number from 1 to " +
                                     std::to_string(max) + ", not '" + text + "'");
  return *v;
}

// Fills `o` from the command line; false after --help.
bool parse_options(int argc, char** argv, Options& o) {
  enum { kQuantum, kRepeat, kNoBound, kNoDmi, kMmio, kVerbose, kHelp };
  rvtlm::support::OptionScanner scan(argc, argv,
                                     {{"quantum", kQuantum, true},
                                      {"repeat", kRepeat, true},
                                      {"no-bound", kNoBound, false},
                                      {"no-dmi", kNoDmi, false},
                                      {"mmio", kMmio, true},
                                      {"verbose", kVerbose, false},
                                      {"help", kHelp, false}});
  rvtlm::support::Argument a;
  while (scan.next(a)) {
    switch (a.option->id) {
      case kQuantum:
        o.quanta.push_back(parse_time(a.value));
        break;
      case kRepeat:
        o.repeat = static_cast<unsigned>(parse_count("--repeat", a.value, 1000));
        break;
      case kNoBound:
        o.bounding = false;
        break;
      case kNoDmi:
        o.dmi = false;
        break;
      case kMmio:
        o.mmio_writes = parse_count("--mmio", a.value, 0x7fffffff);
        break;
      case kVerbose:
        o.verbose = true;
        break;
      case kHelp:
        return false;
    }
  }
  if (o.mmio_writes == 0) {
    o.program = scan.at_most_one_operand("program");
    if (o.program.empty()) throw rvtlm::support::UsageError("give one program.elf, or --mmio N");
  }
  return true;
}

void usage() {
  std::printf(
      "Usage: rvtlm-tlm-bench [options] program.elf | --mmio N\n"
      "  --quantum T    global quantum (repeatable; default 100ns 1us 10us 100us)\n"
      "  --repeat N     runs per quantum, best reported (default 3)\n"
      "  --no-bound     plain LT: no deadline bounding\n"
      "  --no-dmi       no DMI: every access through b_transport\n"
      "  --mmio N       guest loop of N stores to a trivial target (writes/second)\n"
      "  --verbose      guest output and hart statistics on stderr\n");
}

}  // namespace

int sc_main(int argc, char** argv) {
  Options o;
  try {
    if (!parse_options(argc, argv, o)) {
      usage();
      return 0;
    }
  } catch (const rvtlm::support::UsageError& e) {
    std::fprintf(stderr, "rvtlm-tlm-bench: %s\n", e.what());
    usage();
    return 2;
  }
  if (o.quanta.empty()) {
    for (const char* q : {"100ns", "1us", "10us", "100us"}) o.quanta.push_back(parse_time(q));
  }

  int exit_status = 0;
  for (const sc_core::sc_time& q : o.quanta) {
    Result best;
    best.seconds = -1;
    for (unsigned i = 0; i < o.repeat; ++i) {
      Result r;
      if (!measure_in_child(o, q, r) || r.status != 0) {
        std::fprintf(stderr, "rvtlm-tlm-bench: run failed (guest status %d)\n", r.status);
        exit_status = 1;
        continue;
      }
      if (best.seconds < 0 || r.seconds < best.seconds) best = r;
    }
    if (best.seconds < 0) continue;
    if (o.mmio_writes) {
      std::printf("quantum=%s mmio_writes=%" PRIu64
                  " seconds=%.3f cpu_seconds=%.3f writes_per_second=%.1fM\n",
                  q.to_string().c_str(), best.mmio, best.seconds, best.cpu_seconds,
                  static_cast<double>(best.mmio) / best.seconds / 1e6);
    } else {
      std::printf("quantum=%s instructions=%" PRIu64 " seconds=%.3f cpu_seconds=%.3f mips=%.1f\n",
                  q.to_string().c_str(), best.instructions, best.seconds, best.cpu_seconds,
                  static_cast<double>(best.instructions) / best.seconds / 1e6);
    }
    std::fflush(stdout);
  }
  return exit_status;
}
