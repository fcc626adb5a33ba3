#include "hart_target.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <tlm>
#include <utility>

#include "rvtlm/iss/csr.h"
#include "rvtlm/iss/isa.h"

namespace rvtlm::debug {

namespace {

constexpr uint64_t kPageSize = 4096;

// ABI names, as GDB's own RISC-V descriptions use them.
const char* const kXNames[32] = {"zero", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
                                 "fp",   "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
                                 "a6",   "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
                                 "s8",   "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
const char* const kFNames[32] = {"ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
                                 "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
                                 "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
                                 "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

const char* privilege_name(unsigned p) {
  switch (p) {
    case 0:
      return "U";
    case 1:
      return "S";
    case 3:
      return "M";
    default:
      return "?";
  }
}

// "10us", "1.5 ms", ... (the units rvtlm's command line takes).
bool parse_time(const std::string& text, sc_core::sc_time& t) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(begin, &end);
  if (end == begin || errno != 0 || !std::isfinite(v) || v < 0) return false;
  std::string unit(end);
  unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
  static const struct {
    const char* name;
    sc_core::sc_time_unit unit;
  } kUnits[] = {{"s", sc_core::SC_SEC},
                {"ms", sc_core::SC_MS},
                {"us", sc_core::SC_US},
                {"ns", sc_core::SC_NS},
                {"ps", sc_core::SC_PS}};
  for (const auto& u : kUnits) {
    if (unit == u.name) {
      t = sc_core::sc_time(v, u.unit);
      return true;
    }
  }
  return false;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

}  // namespace

HartTarget::HartTarget(std::vector<tlm::HartModule*> harts, RunControl& control,
                       std::function<void()> on_reset)
    : harts_(std::move(harts)),
      control_(control),
      on_reset_(std::move(on_reset)),
      iss_breakpoints_(harts_.size()),
      installed_(harts_.size()) {
  build_description();
}

// ---- target description --------------------------------------------------------

bool HartTarget::csr_present(unsigned number) const {
  return number < csrs_.size() && csrs_[number];
}

void HartTarget::build_description() {
  // All harts are described by the first one's ISA (rvtlm's platforms give
  // every hart the same).
  iss::Hart& h = harts_.front()->hart();
  const iss::Isa& isa = h.config().isa;
  const unsigned xlen = isa.bits();
  has_f_ = isa.has(iss::Extension::F);
  has_d_ = isa.has(iss::Extension::D);
  TargetDescription& d = description_;
  d.architecture = xlen == 64 ? "riscv:rv64" : "riscv:rv32";
  // Bare metal: without it GDB assumes its host's ABI (GNU/Linux) for an ELF
  // that names none, and single-steps with breakpoints of its own, which
  // runs a whole trap handler on `stepi` over an ecall.
  d.osabi = "none";
  const std::string cpu = "org.gnu.gdb.riscv.cpu";
  for (unsigned i = 0; i < 32; ++i) {
    const char* type = i == 1                                   ? "code_ptr"
                       : (i == 2 || i == 3 || i == 4 || i == 8) ? "data_ptr"
                                                                : "int";
    d.registers.push_back({kXNames[i], i, xlen, type, "", cpu});
  }
  d.registers.push_back({"pc", kPcRegnum, xlen, "code_ptr", "", cpu});
  d.g_registers = kPcRegnum + 1;

  const std::string fpu = "org.gnu.gdb.riscv.fpu";
  if (has_f_) {
    const unsigned flen = has_d_ ? 64 : 32;
    d.riscv_double_type = has_d_;
    for (unsigned i = 0; i < 32; ++i) {
      d.registers.push_back(
          {kFNames[i], kFirstFpRegnum + i, flen, has_d_ ? "riscv_double" : "ieee_single", "", fpu});
    }
  }
  // Every CSR this hart implements, by name (numbers from csrs.def); fflags,
  // frm and fcsr belong to the fpu feature (GDB manual G.5.9).
  csrs_.assign(4096, false);
  const std::string csr = "org.gnu.gdb.riscv.csr";
  for (unsigned n = 0; n < 4096; ++n) {
    const std::string name = iss::csr_name(static_cast<uint16_t>(n));
    uint64_t v;
    if (name.empty() || !h.read_csr(static_cast<uint16_t>(n), v)) continue;
    csrs_[n] = true;
    const bool fp = n == iss::csr::k_fflags || n == iss::csr::k_frm || n == iss::csr::k_fcsr;
    d.registers.push_back(
        {name, kFirstCsrRegnum + n, fp ? 32u : xlen, "int", "", fp && has_f_ ? fpu : csr});
  }
  d.registers.push_back({"priv", kPrivRegnum, 8, "int", "", "org.gnu.gdb.riscv.virtual"});
}

std::string HartTarget::thread_info(ThreadId thread) const {
  const tlm::HartModule& m = *harts_.at(thread - 1);
  std::string s = "hart " + std::to_string(m.hart().config().hart_id) + ", " +
                  privilege_name(m.hart().privilege()) + "-mode";
  if (m.hart().waiting_for_interrupt()) s += ", waiting for an interrupt";
  if (m.exited()) s += ", exited";
  return s;
}

// ---- registers -------------------------------------------------------------------

bool HartTarget::read_register(ThreadId thread, unsigned n, uint64_t& v) {
  if (thread < 1 || thread > harts_.size()) return false;
  iss::Hart& h = harts_[thread - 1]->hart();
  if (n < 32) {
    v = h.reg(n);
  } else if (n == kPcRegnum) {
    v = h.pc();
  } else if (has_f_ && n >= kFirstFpRegnum && n < kFirstFpRegnum + 32) {
    v = h.freg(n - kFirstFpRegnum);
    if (!has_d_) v &= 0xffffffffu;
  } else if (n == kPrivRegnum) {
    v = h.privilege();
  } else if (n >= kFirstCsrRegnum && csr_present(n - kFirstCsrRegnum)) {
    return h.read_csr(static_cast<uint16_t>(n - kFirstCsrRegnum), v);
  } else {
    return false;
  }
  return true;
}

bool HartTarget::write_register(ThreadId thread, unsigned n, uint64_t v) {
  if (thread < 1 || thread > harts_.size()) return false;
  iss::Hart& h = harts_[thread - 1]->hart();
  if (n < 32) {
    h.set_reg(n, v);
  } else if (n == kPcRegnum) {
    h.set_pc(v);
  } else if (has_f_ && n >= kFirstFpRegnum && n < kFirstFpRegnum + 32) {
    // A single value is NaN-boxed in the 64-bit register (Unprivileged 13.2).
    h.set_freg(n - kFirstFpRegnum, has_d_ ? v : (v & 0xffffffffu) | ~uint64_t{0xffffffffu});
  } else if (n == kPrivRegnum) {
    const iss::Isa& isa = h.config().isa;
    const bool exists =
        v == 3 || (v == 1 && isa.has(iss::Extension::S)) || (v == 0 && isa.has(iss::Extension::U));
    if (!exists) return false;
    // The privilege mode is plain state: changed through a snapshot.
    iss::HartState s = h.save_state();
    s.priv = static_cast<uint8_t>(v);
    h.restore_state(s);
  } else if (n >= kFirstCsrRegnum && csr_present(n - kFirstCsrRegnum)) {
    return h.write_csr(static_cast<uint16_t>(n - kFirstCsrRegnum), v);
  } else {
    return false;
  }
  return true;
}

// ---- memory ------------------------------------------------------------------------

std::size_t HartTarget::read_memory(ThreadId thread, uint64_t addr, uint8_t* data,
                                    std::size_t size) {
  if (thread < 1 || thread > harts_.size()) return 0;
  iss::Hart& h = harts_[thread - 1]->hart();
  // Through the hart's translation, then DMI or transport_dbg: no side
  // effects in devices, no time.
  if (h.debug_read(addr, data, static_cast<unsigned>(size))) return size;
  std::size_t n = 0;
  while (n < size && h.debug_read(addr + n, data + n, 1)) ++n;
  return n;
}

std::size_t HartTarget::write_memory(ThreadId thread, uint64_t addr, const uint8_t* data,
                                     std::size_t size) {
  if (thread < 1 || thread > harts_.size()) return 0;
  iss::Hart& h = harts_[thread - 1]->hart();
  std::size_t n = 0;
  if (h.debug_write(addr, data, static_cast<unsigned>(size))) {
    n = size;
  } else {
    while (n < size && h.debug_write(addr + n, data + n, 1)) ++n;
  }
  // The bytes may be code some hart has decoded.
  if (n != 0) h.invalidate_code(addr, addr + n);
  return n;
}

// ---- breakpoints and watchpoints ---------------------------------------------------

bool HartTarget::supports(BreakpointType) const { return true; }

int HartTarget::breakpoint_at(uint64_t pc) const {
  if (breakpoints_[0].count(pc)) return 0;
  if (breakpoints_[1].count(pc)) return 1;
  return -1;
}

void HartTarget::acquire_breakpoint(unsigned hart, uint64_t addr) {
  if (iss_breakpoints_[hart][addr]++ == 0) harts_[hart]->hart().add_breakpoint(addr);
}

void HartTarget::release_breakpoint(unsigned hart, uint64_t addr) {
  auto it = iss_breakpoints_[hart].find(addr);
  if (it == iss_breakpoints_[hart].end()) return;
  if (--it->second == 0) {
    iss_breakpoints_[hart].erase(it);
    harts_[hart]->hart().remove_breakpoint(addr);
  }
}

bool HartTarget::insert_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) {
  if (type == BreakpointType::Software || type == BreakpointType::Hardware) {
    ++breakpoints_[static_cast<unsigned>(type)][addr];
    for (unsigned i = 0; i < harts_.size(); ++i) acquire_breakpoint(i, addr);
    return true;
  }
  if (length == 0) return false;
  watches_.push_back({type, addr, length});
  refresh_watchpoints();
  return true;
}

bool HartTarget::remove_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) {
  if (type == BreakpointType::Software || type == BreakpointType::Hardware) {
    auto& set = breakpoints_[static_cast<unsigned>(type)];
    auto it = set.find(addr);
    if (it == set.end()) return false;
    if (--it->second == 0) set.erase(it);
    for (unsigned i = 0; i < harts_.size(); ++i) release_breakpoint(i, addr);
    return true;
  }
  for (auto it = watches_.begin(); it != watches_.end(); ++it) {
    if (it->type == type && it->addr == addr && it->length == length) {
      watches_.erase(it);
      refresh_watchpoints();
      return true;
    }
  }
  return false;
}

std::vector<HartTarget::Piece> HartTarget::translate(unsigned hart, const Watch& w) const {
  const tlm::WatchKind kind = w.type == BreakpointType::WriteWatch  ? tlm::WatchKind::Write
                              : w.type == BreakpointType::ReadWatch ? tlm::WatchKind::Read
                                                                    : tlm::WatchKind::Access;
  std::vector<Piece> pieces;
  iss::Hart& h = harts_[hart]->hart();
  uint64_t offset = 0;
  while (offset < w.length) {
    const uint64_t va = w.addr + offset;
    const uint64_t in_page = kPageSize - (va & (kPageSize - 1));
    const uint64_t n = std::min(in_page, w.length - offset);
    uint64_t pa;
    // An unmapped piece is left out; the next resume tries again.
    if (h.debug_translate(va, pa)) pieces.push_back({va, pa, n, kind});
    offset += n;
  }
  return pieces;
}

void HartTarget::install(unsigned hart, const std::vector<Piece>& pieces) {
  std::vector<Piece>& now = installed_[hart];
  if (now == pieces) return;
  for (const Piece& p : now) harts_[hart]->remove_watchpoint(p.paddr, p.length, p.kind);
  for (const Piece& p : pieces) harts_[hart]->add_watchpoint(p.paddr, p.length, p.kind);
  now = pieces;
}

void HartTarget::refresh_watchpoints() {
  for (unsigned i = 0; i < harts_.size(); ++i) {
    std::vector<Piece> pieces;
    for (const Watch& w : watches_) {
      const std::vector<Piece> p = translate(i, w);
      pieces.insert(pieces.end(), p.begin(), p.end());
    }
    install(i, pieces);
  }
}

uint64_t HartTarget::watch_address(unsigned hart, const tlm::WatchHit& hit) const {
  for (const Piece& p : installed_[hart]) {
    if (p.paddr == hit.watch_addr && p.length == hit.length && p.kind == hit.kind)
      return p.vaddr + (hit.addr - p.paddr);
  }
  return hit.addr;
}

void HartTarget::remove_all() {
  for (auto& set : breakpoints_) {
    for (const auto& [addr, count] : set) {
      for (unsigned c = 0; c < count; ++c)
        for (unsigned i = 0; i < harts_.size(); ++i) release_breakpoint(i, addr);
    }
    set.clear();
  }
  watches_.clear();
  refresh_watchpoints();
}

// ---- monitor commands ----------------------------------------------------------------

std::string HartTarget::monitor_help() const {
  return "rvtlm monitor commands:\n"
         "  help            this text\n"
         "  icount          instructions the current hart retired since reset\n"
         "  time            the current hart's simulated time and SystemC's\n"
         "  quantum [TIME]  show, or set for every hart (e.g. 10us, 100ns)\n"
         "  sync            the harts' sync policies\n"
         "  reset           every hart back to its reset state\n";
}

bool HartTarget::monitor(ThreadId thread, const std::string& command, std::string& out) {
  const std::vector<std::string> w = words(command);
  if (thread < 1 || thread > harts_.size()) thread = 1;
  tlm::HartModule& m = *harts_[thread - 1];
  const std::string who = "hart " + std::to_string(m.hart().config().hart_id);
  if (w.empty() || w[0] == "help") {
    out = monitor_help();
    return !w.empty() || command.empty();
  }
  if (w[0] == "icount" && w.size() == 1) {
    out = who + ": " + std::to_string(m.hart().retired()) + " instructions\n";
    return true;
  }
  if (w[0] == "time" && w.size() == 1) {
    out = who + ": " + m.local_time().to_string() + " (SystemC time " +
          sc_core::sc_time_stamp().to_string() + ")\n";
    return true;
  }
  if (w[0] == "quantum" && w.size() <= 2) {
    if (w.size() == 2) {
      sc_core::sc_time q;
      if (!parse_time(w[1], q) || q == sc_core::SC_ZERO_TIME) {
        out = "quantum: expected a time such as 10us, not '" + w[1] + "'\n";
        return false;
      }
      for (tlm::HartModule* h : harts_) h->set_quantum(q);
    }
    const sc_core::sc_time global = ::tlm::tlm_global_quantum::instance().get();
    for (tlm::HartModule* h : harts_) {
      const sc_core::sc_time own = h->config().quantum;
      out += std::string(h->name()) + ": quantum " +
             (own != sc_core::SC_ZERO_TIME ? own.to_string() : global.to_string() + " (global)") +
             "\n";
    }
    return true;
  }
  if (w[0] == "sync" && w.size() == 1) {
    for (tlm::HartModule* h : harts_) {
      out += std::string(h->name()) + ": " + tlm::to_string(h->config().sync) +
             (h->config().bound_to_next_activity ? ", bounded by the next SystemC event"
                                                 : ", plain quantum") +
             "\n";
    }
    return true;
  }
  if (w[0] == "reset" && w.size() == 1) {
    for (tlm::HartModule* h : harts_) h->debug_reset();
    if (on_reset_) on_reset_();
    out = "every hart is back at its reset state (GDB: maint flush register-cache)\n";
    return true;
  }
  out = "unknown monitor command '" + command + "'\n" + monitor_help();
  return false;
}

}  // namespace rvtlm::debug
