#include "iss_options.h"

#include <string>

#include "rvtlm/support/options.h"
#include "rvtlm/support/parse.h"

namespace rvtlm::iss_tool {

namespace {

using rvtlm::support::choice;
using rvtlm::support::UsageError;

enum Id {
  kXlen,
  kHarts,
  kMemory,
  kMaxInsns,
  kQuantum,
  kMisaligned,
  kIsa,
  kPmpEntries,
  kAdBits,
  kSignature,
  kTrace,
  kStats,
  kHelp,
  kVersion
};

// A time with a unit (as rvtlm run's --quantum) in instructions at 1 ns
// each; a bare number is a count of instructions.
uint64_t parse_quantum(const std::string& text) {
  if (const auto count = rvtlm::support::parse_unsigned(text)) {
    if (*count > 0) return *count;
  } else if (const auto time = rvtlm::support::parse_duration(text)) {
    const long double ns = time->seconds() * 1e9L;
    if (ns >= 1 && ns < 1.8e19L) return static_cast<uint64_t>(ns);
  }
  throw UsageError(
      "--quantum: expected a time such as 10us (at least 1ns) or a number of "
      "instructions, not '" +
      text + "'");
}

}  // namespace

const char* help_text() {
  return "Usage: rvtlm-iss [options] program.elf\n"
         "Runs a bare-metal RISC-V program on the rvtlm ISS alone: a test harness\n"
         "without SystemC (platforms, OpenSBI and Linux: rvtlm run).\n\n"
         "  --xlen 32|64             register width (default: from the ELF class)\n"
         "  --harts N                number of harts, 1..64 (default 1)\n"
         "  --memory SIZE            RAM size at 0x80000000, e.g. 64M, 1G (default 128M)\n"
         "  --max-insns N            stop after N instructions in all (exit status 124)\n"
         "  --quantum TIME           how long a hart runs before the next one, e.g. 10us\n"
         "                           (default 10us = 10000 instructions; a bare number\n"
         "                           counts instructions)\n"
         "  --misaligned trap|emulate  misaligned loads and stores (default trap)\n"
         "  --isa STRING             the harts' ISA, e.g. rv64imac (default: rv32/rv64 with\n"
         "                           imafdcsu_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbs\n"
         "                           _sdtrig_sstc)\n"
         "  --pmp-entries 0|16|64    PMP entries (default 16)\n"
         "  --ad-bits hardware|fault  clear A/D bits in a leaf PTE: set by the walk or a page "
         "fault\n"
         "                           (default hardware)\n"
         "  --signature FILE         at the end, write the memory between the ELF symbols\n"
         "                           begin_signature and end_signature to FILE, one 32-bit\n"
         "                           word per line in hex\n"
         "  --trace insn FILE        every executed instruction: time, hart, count, pc,\n"
         "                           encoding, disassembly (as rvtlm run)\n"
         "  --stats                  print instructions, host seconds and MIPS on stderr\n"
         "  --help, --version        this text; the version\n\n"
         "Options may also follow the program.\n"
         "Devices: finisher 0x100000, CLINT 0x2000000 (mtime at 10 MHz, 1 ns per instruction),\n"
         "16550 console 0x10000000. An ELF symbol 'tohost' enables HTIF exit.\n\n"
         "Exit status\n"
         "  0..255   the guest's exit code (finisher or HTIF); when it is also one of\n"
         "           rvtlm-iss's own below, or does not fit (then 255), stderr says so\n"
         "  1        a hart locked up (traps without retiring), or deadlock: every hart\n"
         "           waits for an interrupt and no timer is armed\n"
         "  2        bad options or a bad ELF file (nothing was run)\n"
         "  124      --max-insns reached\n";
}

Options parse_options(const std::vector<std::string>& words) {
  rvtlm::support::OptionScanner scan(words, {{"xlen", kXlen, true},
                                             {"harts", kHarts, true},
                                             {"memory", kMemory, true},
                                             {"max-insns", kMaxInsns, true},
                                             {"quantum", kQuantum, true},
                                             {"misaligned", kMisaligned, true},
                                             {"isa", kIsa, true},
                                             {"pmp-entries", kPmpEntries, true},
                                             {"ad-bits", kAdBits, true},
                                             {"signature", kSignature, true},
                                             {"trace", kTrace, true},
                                             {"stats", kStats, false},
                                             {"help", kHelp, false},
                                             {"version", kVersion, false}});
  Options o;
  rvtlm::support::Argument a;
  while (scan.next(a)) {
    const std::string& arg = a.value;
    switch (a.option->id) {
      case kXlen:
        o.xlen = choice("--xlen", arg, {"32", "64"}) == 0 ? 32 : 64;
        break;
      case kHarts: {
        const auto n = rvtlm::support::parse_unsigned(arg, 64);
        if (!n || *n < 1) throw UsageError("--harts must be between 1 and 64, not '" + arg + "'");
        o.harts = static_cast<unsigned>(*n);
        break;
      }
      case kMemory: {
        const auto size = rvtlm::support::parse_size(arg);
        if (!size || *size < 4096 || *size > (uint64_t{16} << 30) || (*size & 4095))
          throw UsageError(
              "--memory: expected a multiple of 4K between 4K and 16G (such as 64M), "
              "not '" +
              arg + "'");
        o.memory = *size;
        break;
      }
      case kMaxInsns: {
        const auto n = rvtlm::support::parse_unsigned(arg);
        if (!n) throw UsageError("--max-insns: expected a whole number, not '" + arg + "'");
        o.max_insns = *n;
        break;
      }
      case kQuantum:
        o.quantum = parse_quantum(arg);
        break;
      case kMisaligned:
        o.misaligned = choice("--misaligned", arg, {"trap", "emulate"}) == 0
                           ? rvtlm::iss::MisalignedPolicy::Trap
                           : rvtlm::iss::MisalignedPolicy::Emulate;
        break;
      case kIsa: {
        std::string error;
        o.isa = rvtlm::iss::Isa::parse(arg, &error);
        if (!o.isa) throw UsageError("--isa: " + error);
        break;
      }
      case kPmpEntries: {
        static constexpr unsigned kEntries[] = {0, 16, 64};
        o.pmp_entries = kEntries[choice("--pmp-entries", arg, {"0", "16", "64"})];
        break;
      }
      case kAdBits:
        o.pte_update = choice("--ad-bits", arg, {"hardware", "fault"}) == 0
                           ? rvtlm::iss::PteUpdate::Hardware
                           : rvtlm::iss::PteUpdate::Fault;
        break;
      case kSignature:
        o.signature = arg;
        break;
      case kTrace:
        // As rvtlm run: --trace insn FILE (the kind may be left out).
        if (arg == "tlm") throw UsageError("--trace tlm: rvtlm-iss has no TLM transactions");
        o.trace = arg == "insn" ? scan.extra_value("--trace insn", "a file") : arg;
        break;
      case kStats:
        o.stats = true;
        break;
      case kHelp:
        o.help = true;
        return o;
      case kVersion:
        o.version = true;
        return o;
    }
  }
  o.program = scan.at_most_one_operand("program");
  if (o.program.empty()) throw UsageError("no program given");
  return o;
}

}  // namespace rvtlm::iss_tool
