// rvtlm-iss: runs a RISC-V ELF on the ISS alone, without SystemC.
//
// Memory map (as QEMU's virt machine): test finisher at 0x100000, CLINT at
// 0x2000000, 16550 console at 0x10000000, RAM at 0x80000000. Virtual time is
// one nanosecond per retired instruction; mtime counts at 10 MHz of it.
// Harts run in turn for a quantum of instructions, each run ending exactly
// at its next timer deadline, so the whole run is deterministic.
#include <sys/mman.h>

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "iss_options.h"
#include "rvtlm/elf/elf_image.h"
#include "rvtlm/iss/disassembler.h"
#include "rvtlm/iss/hart.h"
#include "rvtlm/support/options.h"
#include "rvtlm/support/trace.h"

namespace {

using namespace rvtlm::iss;
using rvtlm::elf::ElfError;
using rvtlm::elf::ElfImage;
using rvtlm::iss_tool::Options;

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kFinisherBase = 0x100000;
constexpr uint64_t kFinisherSize = 0x1000;
constexpr uint64_t kClintBase = 0x2000000;
constexpr uint64_t kClintSize = 0x10000;
constexpr uint64_t kUartBase = 0x10000000;
constexpr uint64_t kUartSize = 0x100;
constexpr uint64_t kNsPerMtimeTick = 100;  // 10 MHz
constexpr uint64_t kNoDeadline = ~uint64_t{0};
// Exit statuses (--help).
constexpr int kLockupStatus = 1;  // a hart locked up, or a deadlock
constexpr int kUsageError = 2;
constexpr int kInsnLimitStatus = 124;

// The guest's own exit code as the process's status. Codes that rvtlm-iss
// also uses for itself, and codes beyond one byte, are told apart on stderr.
int guest_status(uint64_t code) {
  const int status = code <= 255 ? static_cast<int>(code) : 255;
  if (code > 255) {
    std::fprintf(stderr,
                 "rvtlm-iss: the guest's exit code %" PRIu64 " does not fit an exit status: %d\n",
                 code, status);
  } else if (status == kLockupStatus || status == kUsageError || status == kInsnLimitStatus) {
    std::fprintf(stderr, "rvtlm-iss: exit status %d is the guest's own exit code\n", status);
  }
  return status;
}

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "rvtlm-iss: %s\nTry 'rvtlm-iss --help'.\n", message.c_str());
  std::exit(kUsageError);
}

// RAM backed by anonymous memory (zero pages cost nothing until touched).
class Ram {
 public:
  explicit Ram(uint64_t size) : size_(size) {
    void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
      std::fprintf(stderr, "rvtlm-iss: cannot allocate %" PRIu64 " bytes of RAM\n", size);
      std::exit(kUsageError);
    }
    data_ = static_cast<uint8_t*>(p);
  }
  ~Ram() { munmap(data_, size_); }
  uint8_t* data() const { return data_; }
  uint64_t size() const { return size_; }

 private:
  uint64_t size_;
  uint8_t* data_;
};

struct HartSlot {
  std::unique_ptr<Hart> hart;
  uint64_t idle_ns = 0;  // virtual time spent waiting for interrupts
  uint64_t mtimecmp = kNoDeadline;
  bool msip = false;
  uint64_t time_ns(uint64_t retired) const { return retired + idle_ns; }
};

class Machine final : public Bus {
 public:
  Machine(const Options& o, const ElfImage& elf) : options_(o), ram_(o.memory) {
    if (auto t = elf.symbol("tohost")) tohost_ = *t;
    for (const auto& seg : elf.segments()) {
      if (seg.address < kRamBase || seg.address - kRamBase > ram_.size() ||
          seg.memory_size > ram_.size() - (seg.address - kRamBase)) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "segment at 0x%" PRIx64 " (%" PRIu64 " bytes) outside RAM (0x%" PRIx64
                      "..0x%" PRIx64 ")",
                      seg.address, seg.memory_size, kRamBase, kRamBase + ram_.size() - 1);
        throw ElfError(elf.path() + ": " + buf);
      }
      elf.read(seg, ram_.data() + (seg.address - kRamBase));
    }
    HartConfig cfg;
    const Xlen xlen = (o.xlen ? o.xlen : elf.xlen()) == 32 ? Xlen::Rv32 : Xlen::Rv64;
    cfg.isa = o.isa ? *o.isa : rvtlm::iss::Isa(xlen);
    cfg.pmp_entries = o.pmp_entries;
    cfg.pte_update = o.pte_update;
    cfg.reset_pc = elf.entry();
    cfg.misaligned = o.misaligned;
    for (unsigned i = 0; i < o.harts; ++i) {
      cfg.hart_id = i;
      HartSlot slot;
      slot.hart = std::make_unique<Hart>(cfg, *this, &domain_);
      slot.hart->set_reg(10, i);  // a0 = hartid
      slot.hart->set_report_handler([i](ReportLevel, const std::string& m) {
        std::fprintf(stderr, "rvtlm-iss: hart %u: %s\n", i, m.c_str());
      });
      harts_.push_back(std::move(slot));
    }
  }

  void enable_trace(const std::string& path, Xlen xlen) {
    trace_file_ = std::fopen(path.c_str(), "w");
    if (!trace_file_) usage_error("--trace: cannot write '" + path + "': " + std::strerror(errno));
    disassembler_ = std::make_unique<Disassembler>(xlen);
    for (unsigned i = 0; i < harts_.size(); ++i) {
      harts_[i].hart->set_trace([this, i](uint64_t pc, uint32_t bits, uint64_t retired) {
        const std::string line =
            rvtlm::support::insn_trace_line(std::to_string(harts_[i].time_ns(retired)), i, retired,
                                            pc, bits, (*disassembler_)(bits, pc));
        std::fputs(line.c_str(), trace_file_);
      });
    }
  }

  ~Machine() override {
    if (trace_file_) std::fclose(trace_file_);
  }

  // Runs until the guest exits; returns the exit status.
  int run() {
    uint64_t total = 0;
    for (;;) {
      bool any_ran = false;
      for (current_ = 0; current_ < harts_.size(); ++current_) {
        HartSlot& s = harts_[current_];
        Hart& h = *s.hart;
        update_timer(s, h.retired());
        uint64_t budget = options_.quantum;
        const uint64_t now = s.time_ns(h.retired());
        for (const uint64_t compare : {s.mtimecmp, supervisor_deadline(h)}) {
          if (compare == kNoDeadline || compare > kNoDeadline / kNsPerMtimeTick) continue;
          const uint64_t deadline = compare * kNsPerMtimeTick;
          if (deadline > now && deadline - now < budget) budget = deadline - now;
        }
        if (options_.max_insns) {
          if (total >= options_.max_insns) return limit_reached(total);
          budget = std::min(budget, options_.max_insns - total);
        }
        const RunResult r = h.run(budget);
        total += r.retired;
        if (r.retired) any_ran = true;
        if (r.reason == StopReason::ExitRequest) return guest_status(exit_code_);
        if (r.reason == StopReason::Lockup) {
          std::fprintf(stderr, "rvtlm-iss: stopped: hart %zu locked up\n", current_);
          return kLockupStatus;
        }
      }
      if (!any_ran && !advance_idle_time()) {
        std::fprintf(
            stderr, "rvtlm-iss: deadlock: all harts wait for an interrupt and no timer is armed\n");
        return kLockupStatus;
      }
    }
  }

  uint64_t total_retired() const {
    uint64_t n = 0;
    for (const HartSlot& s : harts_) n += s.hart->retired();
    return n;
  }
  const std::vector<HartSlot>& harts() const { return harts_; }

  // The RISC-V architectural tests' format: the words between the two
  // symbols, one 8-digit lowercase hex word per line.
  bool write_signature(const std::string& path, uint64_t begin, uint64_t end) const {
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return false;
    for (uint64_t a = begin; a + 4 <= end; a += 4) {
      uint32_t w = 0;
      if (a >= kRamBase && a - kRamBase + 4 <= ram_.size())
        std::memcpy(&w, ram_.data() + (a - kRamBase), 4);
      std::fprintf(f, "%08" PRIx32 "\n", w);
    }
    return std::fclose(f) == 0;
  }

  // ---- Bus ----
  BusStatus read(const BusAccess& a, void* data) override {
    // A page-table walk may only read memory.
    if (a.page_table && !in(a, kRamBase, ram_.size())) return BusStatus::Error;
    uint64_t v = 0;
    if (in(a, kUartBase, kUartSize)) {
      v = uart_read(a.addr - kUartBase);
    } else if (in(a, kClintBase, kClintSize)) {
      if (!clint_read(a, v)) return BusStatus::Error;
    } else if (in(a, kFinisherBase, kFinisherSize)) {
      v = 0;
    } else if (tohost_page(a)) {
      std::memcpy(&v, ram_.data() + (a.addr - kRamBase), a.size);
    } else {
      return BusStatus::Error;
    }
    std::memcpy(data, &v, a.size);
    return BusStatus::Ok;
  }

  BusStatus write(const BusAccess& a, const void* data) override {
    if (a.page_table && !in(a, kRamBase, ram_.size())) return BusStatus::Error;
    uint64_t v = 0;
    std::memcpy(&v, data, a.size);
    if (in(a, kUartBase, kUartSize)) {
      uart_write(a.addr - kUartBase, static_cast<uint8_t>(v));
    } else if (in(a, kClintBase, kClintSize)) {
      if (!clint_write(a, v)) return BusStatus::Error;
    } else if (in(a, kFinisherBase, kFinisherSize)) {
      finisher_write(a, static_cast<uint32_t>(v));
    } else if (tohost_page(a)) {
      std::memcpy(ram_.data() + (a.addr - kRamBase), &v, a.size);
      if (!a.debug && tohost_ && a.addr == *tohost_ && v != 0) {
        exit(a.hart_id, v >> 1);
      }
    } else {
      return BusStatus::Error;
    }
    return BusStatus::Ok;
  }

  bool request_dmi(uint64_t addr, AccessType, DmiGrant& g) override {
    const uint64_t end = kRamBase + ram_.size() - 1;
    if (addr < kRamBase || addr > end) {
      // Name the refused range so the hart does not ask again.
      g.start = addr < kRamBase ? 0 : end + 1;
      g.end = addr < kRamBase ? kRamBase - 1 : ~uint64_t{0};
      return false;
    }
    uint64_t lo = kRamBase, hi = end;
    if (tohost_ && *tohost_ >= kRamBase && *tohost_ <= end) {
      // The HTIF page is served by the bus so that stores to tohost are seen.
      const uint64_t page = *tohost_ & ~uint64_t{4095};
      if (addr >= page && addr < page + 4096) {
        g.start = page;
        g.end = page + 4095;
        return false;
      }
      if (addr < page)
        hi = page - 1;
      else
        lo = page + 4096;
    }
    g.host = ram_.data() + (lo - kRamBase);
    g.start = lo;
    g.end = hi;
    g.readable = g.writable = true;
    return true;
  }

  bool read_time(uint64_t retired, uint64_t& value) override {
    // `time` is read by the hart currently running; all harts share the map.
    value = current_time_ns(retired) / kNsPerMtimeTick;
    return true;
  }

 private:
  static bool in(const BusAccess& a, uint64_t base, uint64_t size) {
    return a.addr >= base && a.addr - base < size && a.size <= size - (a.addr - base);
  }
  bool tohost_page(const BusAccess& a) const {
    if (!tohost_) return false;
    // The tohost page lies inside RAM (DMI requests exclude it from RAM).
    return in(a, *tohost_ & ~uint64_t{4095}, 4096) && in(a, kRamBase, ram_.size());
  }

  void exit(uint64_t hart, uint64_t code) {
    exit_code_ = code;
    harts_[hart].hart->request_exit(static_cast<int>(code & 0xff));
  }

  uint64_t current_time_ns(uint64_t retired) const { return harts_[current_].time_ns(retired); }

  void update_timer(HartSlot& s, uint64_t retired) {
    const uint64_t mtime = s.time_ns(retired) / kNsPerMtimeTick;
    s.hart->set_interrupt(Interrupt::MachineTimer,
                          s.mtimecmp != kNoDeadline && mtime >= s.mtimecmp);
    s.hart->set_interrupt(Interrupt::MachineSoftware, s.msip);
  }

  // The Sstc deadline of a hart (stimecmp), or kNoDeadline.
  static uint64_t supervisor_deadline(const Hart& h) {
    uint64_t v;
    return h.timer_deadline(v) ? v : kNoDeadline;
  }

  // When every hart waits, jump virtual time to the earliest timer deadline.
  bool advance_idle_time() {
    uint64_t delta = kNoDeadline;
    for (const HartSlot& s : harts_) {
      if (!s.hart->waiting_for_interrupt()) continue;
      for (const uint64_t compare : {s.mtimecmp, supervisor_deadline(*s.hart)}) {
        if (compare == kNoDeadline || compare > kNoDeadline / kNsPerMtimeTick) continue;
        const uint64_t now = s.time_ns(s.hart->retired());
        const uint64_t deadline = compare * kNsPerMtimeTick;
        delta = std::min(delta, deadline > now ? deadline - now : 0);
      }
    }
    if (delta == kNoDeadline) return false;
    for (HartSlot& s : harts_) s.idle_ns += delta;
    return true;
  }

  uint8_t uart_read(uint64_t off) {
    const bool dlab = uart_lcr_ & 0x80;
    switch (off) {
      case 0:
        return dlab ? uart_dll_ : 0;  // RBR: no input
      case 1:
        return dlab ? uart_dlm_ : uart_ier_;
      case 2:
        return 0xc1;  // IIR: FIFOs on, no interrupt
      case 3:
        return uart_lcr_;
      case 4:
        return uart_mcr_;
      case 5:
        return 0x60;  // LSR: THRE | TEMT
      case 6:
        return 0;
      case 7:
        return uart_scr_;
      default:
        return 0;
    }
  }
  void uart_write(uint64_t off, uint8_t v) {
    const bool dlab = uart_lcr_ & 0x80;
    switch (off) {
      case 0:
        if (dlab)
          uart_dll_ = v;
        else
          std::fputc(v, stdout);
        break;
      case 1:
        if (dlab)
          uart_dlm_ = v;
        else
          uart_ier_ = v & 0x0f;
        break;
      case 3:
        uart_lcr_ = v;
        break;
      case 4:
        uart_mcr_ = v;
        break;
      case 7:
        uart_scr_ = v;
        break;
      default:
        break;
    }
  }

  void finisher_write(const BusAccess& a, uint32_t v) {
    if (a.addr != kFinisherBase || a.debug) return;
    const uint32_t kind = v & 0xffff;
    if (kind == 0x5555)
      exit(a.hart_id, 0);
    else if (kind == 0x3333)
      exit(a.hart_id, (v >> 16) != 0 ? v >> 16 : 1);  // as the platforms
  }

  // ACLINT MSWI (msip at 0x0000), MTIMER (mtimecmp at 0x4000, mtime at 0xbff8).
  bool clint_read(const BusAccess& a, uint64_t& v) {
    const uint64_t off = a.addr - kClintBase;
    const uint64_t n = harts_.size();
    uint64_t full;
    uint64_t base;
    if (off < 4 * n) {
      base = off & ~uint64_t{3};
      full = harts_[off / 4].msip ? 1 : 0;
    } else if (off >= 0x4000 && off < 0x4000 + 8 * n) {
      base = off & ~uint64_t{7};
      full = harts_[(off - 0x4000) / 8].mtimecmp;
    } else if (off >= 0xbff8 && off < 0xc000) {
      base = 0xbff8;
      full = harts_[a.hart_id].time_ns(a.retired) / kNsPerMtimeTick;
    } else {
      v = 0;
      return true;
    }
    v = full >> (8 * (off - base));
    if (a.size < 8) v &= (uint64_t{1} << (8 * a.size)) - 1;
    return true;
  }

  bool clint_write(const BusAccess& a, uint64_t v) {
    const uint64_t off = a.addr - kClintBase;
    const uint64_t n = harts_.size();
    if (off < 4 * n) {
      HartSlot& t = harts_[off / 4];
      t.msip = v & 1;
      t.hart->set_interrupt(Interrupt::MachineSoftware, t.msip);
    } else if (off >= 0x4000 && off < 0x4000 + 8 * n) {
      HartSlot& t = harts_[(off - 0x4000) / 8];
      const uint64_t shift = 8 * (off & 7);
      const uint64_t mask = (a.size == 8 ? ~uint64_t{0} : ((uint64_t{1} << (8 * a.size)) - 1))
                            << shift;
      t.mtimecmp = (t.mtimecmp & ~mask) | ((v << shift) & mask);
      HartSlot& self = harts_[a.hart_id];
      update_timer(t, &t == &self ? a.retired : t.hart->retired());
      // The writer's run budget was computed for the old deadline.
      if (&t == &self) t.hart->request_halt();
    }
    return true;
  }

  int limit_reached(uint64_t total) {
    std::fflush(stdout);
    std::fprintf(stderr, "rvtlm-iss: stopped after %" PRIu64 " instructions (--max-insns)\n",
                 total);
    return kInsnLimitStatus;
  }

  Options options_;
  Ram ram_;
  CoherenceDomain domain_;
  std::vector<HartSlot> harts_;
  std::optional<uint64_t> tohost_;
  std::size_t current_ = 0;
  uint64_t exit_code_ = 0;
  FILE* trace_file_ = nullptr;
  std::unique_ptr<Disassembler> disassembler_;
  uint8_t uart_lcr_ = 0, uart_dll_ = 0, uart_dlm_ = 0, uart_ier_ = 0, uart_mcr_ = 0, uart_scr_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = rvtlm::iss_tool::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const rvtlm::support::UsageError& e) {
    usage_error(e.what());
  }
  if (options.help) {
    std::fputs(rvtlm::iss_tool::help_text(), stdout);
    return 0;
  }
  if (options.version) {
    std::printf("rvtlm-iss %s\n", RVTLM_VERSION);
    return 0;
  }
  try {
    const ElfImage elf(options.program);
    if (options.xlen && options.xlen != elf.xlen()) {
      std::fprintf(stderr, "rvtlm-iss: %s: wrong ELF class: a %u-bit ELF for --xlen %u\n",
                   options.program.c_str(), elf.xlen(), options.xlen);
      return kUsageError;
    }
    if (options.isa && (options.isa->bits() != (options.xlen ? options.xlen : elf.xlen()))) {
      std::fprintf(stderr, "rvtlm-iss: %s: a %u-bit ELF for --isa %s\n", options.program.c_str(),
                   elf.xlen(), options.isa->to_string().c_str());
      return kUsageError;
    }
    std::optional<uint64_t> sig_begin, sig_end;
    if (!options.signature.empty()) {
      sig_begin = elf.symbol("begin_signature");
      sig_end = elf.symbol("end_signature");
      if (!sig_begin || !sig_end || *sig_end < *sig_begin) {
        std::fprintf(stderr,
                     "rvtlm-iss: %s: --signature needs the symbols begin_signature and "
                     "end_signature\n",
                     options.program.c_str());
        return kUsageError;
      }
    }
    Machine machine(options, elf);
    if (!options.trace.empty())
      machine.enable_trace(options.trace, elf.xlen() == 32 ? Xlen::Rv32 : Xlen::Rv64);
    const auto start = std::chrono::steady_clock::now();
    const int status = machine.run();
    if (sig_begin && !machine.write_signature(options.signature, *sig_begin, *sig_end)) {
      std::fprintf(stderr, "rvtlm-iss: cannot write the signature to %s\n",
                   options.signature.c_str());
      return kUsageError;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fflush(stdout);
    if (options.stats) {
      const uint64_t n = machine.total_retired();
      std::fprintf(stderr, "rvtlm-iss: instructions=%" PRIu64 " seconds=%.3f mips=%.1f\n", n,
                   seconds, seconds > 0 ? static_cast<double>(n) / seconds / 1e6 : 0.0);
      if (machine.harts().size() > 1) {
        for (std::size_t i = 0; i < machine.harts().size(); ++i)
          std::fprintf(stderr, "rvtlm-iss: hart %zu instructions=%" PRIu64 "\n", i,
                       machine.harts()[i].hart->retired());
      }
    }
    return status;
  } catch (const ElfError& e) {
    std::fprintf(stderr, "rvtlm-iss: %s\n", e.what());
    return kUsageError;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "rvtlm-iss: out of host memory\n");
    return kUsageError;
  }
}
