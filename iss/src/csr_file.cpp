// The CSR file, derived from the table in csrs.def: which CSRs exist for
// the hart's ISA and width, their names, access rules and behaviour.
#include <array>
#include <cstdio>

#include "core.h"

namespace rvtlm::iss {
namespace {

enum class Kind : uint8_t { Field, Hook, Array };

struct CsrRow {
  const char* name;
  uint16_t number;
  uint8_t priv;
  uint8_t xlens;  // bit 0: RV32, bit 1: RV64
  Extension ext;
  Kind kind;
  uint16_t first_index;
  uint16_t count;
  uint64_t HartState::*field;
  uint64_t mask;
};

// Tokens of the table's columns.
constexpr uint8_t U = 0, S = 1, M = 3;
constexpr uint8_t B = 3, R32 = 1;
namespace csr_ext {
constexpr Extension I = Extension::I, F = Extension::F, S = Extension::S, U = Extension::U,
                    Sstc = Extension::Sstc, Sdtrig = Extension::Sdtrig;
}  // namespace csr_ext

#define RVTLM_CSR_ROW_FIELD(name, number, priv, xl, ex, member, mask) \
  CsrRow{#name, number, priv, xl, csr_ext::ex, Kind::Field, 0, 1, &HartState::member, mask},
#define RVTLM_CSR_ROW_HOOK(name, number, priv, xl, ex) \
  CsrRow{#name, number, priv, xl, csr_ext::ex, Kind::Hook, 0, 1, nullptr, 0},
#define RVTLM_CSR_ROW_ARRAY(name, number, first, count, priv, xl, ex) \
  CsrRow{#name, number, priv, xl, csr_ext::ex, Kind::Array, first, count, nullptr, 0},
const CsrRow kCsrs[] = {RVTLM_CSRS(RVTLM_CSR_ROW_FIELD, RVTLM_CSR_ROW_HOOK, RVTLM_CSR_ROW_ARRAY)};
#undef RVTLM_CSR_ROW_FIELD
#undef RVTLM_CSR_ROW_HOOK
#undef RVTLM_CSR_ROW_ARRAY

constexpr std::size_t kRows = sizeof(kCsrs) / sizeof(kCsrs[0]);
constexpr unsigned kCsrNumbers = 4096;  // CSR numbers are 12 bits

// The row of each CSR number (kRows: none; the first row wins where rows
// overlap), so that an access finds its row with one load instead of a
// scan of the table.
const std::array<uint16_t, kCsrNumbers> kRowOf = [] {
  std::array<uint16_t, kCsrNumbers> rows{};
  rows.fill(static_cast<uint16_t>(kRows));
  for (std::size_t i = kRows; i-- > 0;)
    for (unsigned k = 0; k < kCsrs[i].count; ++k)
      if (kCsrs[i].number + k < kCsrNumbers) rows[kCsrs[i].number + k] = static_cast<uint16_t>(i);
  return rows;
}();

const CsrRow* find_row(uint16_t n) {
  if (n >= kCsrNumbers || kRowOf[n] == kRows) return nullptr;
  return &kCsrs[kRowOf[n]];
}

bool in(uint16_t n, uint16_t first, unsigned count) { return n >= first && n < first + count; }

// Trigger (tdata1) fields (Debug spec 5.7.3 mcontrol, 5.7.4 mcontrol6).
constexpr uint64_t kTrigLoad = 1, kTrigStore = 2, kTrigExecute = 4, kTrigU = 8, kTrigS = 16,
                   kTrigM = 64;
constexpr unsigned kTrigMatchShift = 7;

}  // namespace

std::string csr_name(uint16_t number) {
  const CsrRow* r = find_row(number);
  if (!r) return {};
  if (r->kind != Kind::Array) return r->name;
  std::string n = r->name;
  const unsigned index = number - r->number + r->first_index;
  // Families whose upper halves end in "h" put the index before it.
  if (n.size() > 1 && n.back() == 'h' && n != "pmpcfg" && n.compare(0, 3, "pmp") != 0) {
    n.pop_back();
    return n + std::to_string(index) + "h";
  }
  return n + std::to_string(index);
}

bool csr_number(const std::string& name, uint16_t& number) {
  for (const CsrRow& r : kCsrs) {
    for (unsigned i = 0; i < r.count; ++i) {
      const auto n = static_cast<uint16_t>(r.number + i);
      if (csr_name(n) == name) {
        number = n;
        return true;
      }
    }
  }
  return false;
}

// ---- views and fields ---------------------------------------------------------
uint64_t Core::read_mstatus() const {
  uint64_t v = s.mstatus;
  const bool dirty = (v & kMstatusFs) == kMstatusFs || (v & kMstatusXs) == kMstatusXs;
  if (xlen == 64) {
    // UXL and SXL: 64-bit, read-only (Privileged spec 3.1.6.2).
    if (config.isa.has(Extension::U)) v |= uint64_t{2} << 32;
    if (config.isa.has(Extension::S)) v |= uint64_t{2} << 34;
    if (dirty) v |= uint64_t{1} << 63;
  } else {
    v &= 0xffffffffu;
    if (dirty) v |= uint64_t{1} << 31;
  }
  return v;
}

uint64_t Core::read_mip(uint64_t retired) {
  uint64_t v = s.mip | s.irq_lines;
  // Sstc: STIP follows time >= stimecmp and is not writable (Sstc spec 2.1).
  if (config.isa.has(Extension::Sstc) && (s.menvcfg & kMenvcfgStce)) {
    uint64_t now = 0;
    v &= ~kIrqSti;
    if (bus.read_time(retired, now) && now >= s.stimecmp) v |= kIrqSti;
  }
  return v;
}

namespace {

uint64_t mstatus_writable(const Isa& isa) {
  uint64_t m = kMstatusMie | kMstatusMpie | kMstatusMpp;
  if (isa.has(Extension::S)) {
    m |= kMstatusSie | kMstatusSpie | kMstatusSpp | kMstatusSum | kMstatusMxr | kMstatusTvm |
         kMstatusTsr;
  }
  if (isa.has(Extension::U)) m |= kMstatusMprv | kMstatusTw;
  if (isa.has(Extension::F)) m |= kMstatusFs;
  return m;
}

constexpr uint64_t kSstatusMask = kMstatusSie | kMstatusSpie | kMstatusUbe | kMstatusSpp |
                                  kMstatusVs | kMstatusFs | kMstatusXs | kMstatusSum | kMstatusMxr |
                                  kMstatusUxl;

}  // namespace

// ---- counters -------------------------------------------------------------------
namespace {

uint64_t counter(const HartState& s, bool cycle, uint64_t retired) {
  const uint64_t inhibit_bit = cycle ? 1 : 4;
  if (s.mcountinhibit & inhibit_bit) return cycle ? s.cycle_frozen : s.instret_frozen;
  return retired - (cycle ? s.cycle_base : s.instret_base);
}

// An explicit write takes effect after the writing instruction, which is
// therefore not counted (Privileged spec 3.1.11).
void write_counter(HartState& s, bool cycle, int half, uint64_t v, uint64_t retired) {
  const uint64_t cur = counter(s, cycle, retired);
  uint64_t nv = v;
  if (half == 1) nv = (cur & ~uint64_t{0xffffffff}) | (v & 0xffffffff);
  if (half == 2) nv = (cur & 0xffffffff) | (v << 32);
  const uint64_t inhibit_bit = cycle ? 1 : 4;
  if (s.mcountinhibit & inhibit_bit) {
    (cycle ? s.cycle_frozen : s.instret_frozen) = nv;
  } else {
    (cycle ? s.cycle_base : s.instret_base) = retired + 1 - nv;
  }
}

void write_countinhibit(HartState& s, uint64_t nv, uint64_t retired) {
  for (bool cycle : {true, false}) {
    const uint64_t bit = cycle ? 1 : 4;
    uint64_t& base = cycle ? s.cycle_base : s.instret_base;
    uint64_t& frozen = cycle ? s.cycle_frozen : s.instret_frozen;
    const bool was = s.mcountinhibit & bit;
    const bool now = nv & bit;
    if (!was && now) frozen = retired + 1 - base;
    if (was && !now) base = retired + 1 - frozen;
  }
  s.mcountinhibit = nv & 5;
}

}  // namespace

// ---- reads ------------------------------------------------------------------------
bool Core::csr_read(uint16_t n, uint64_t retired, uint64_t& v) {
  const CsrRow* r = find_row(n);
  if (!r || !(r->xlens & (xlen == 32 ? 1 : 2)) || !config.isa.has(r->ext)) return false;
  const bool rv32 = xlen == 32;
  const uint64_t xmask = rv32 ? 0xffffffffu : ~uint64_t{0};
  v = 0;
  if (r->kind == Kind::Field) {
    v = s.*(r->field);
  } else if (r->kind == Kind::Array) {
    const unsigned index = n - r->number + r->first_index;
    if (r->number == csr::k_pmpcfg) {
      if (!pmp.read_cfg(index, v)) return false;
    } else if (r->number == csr::k_pmpaddr) {
      if (!pmp.read_addr(index, v)) return false;
    }
    // The hpm counters and events read zero.
  } else {
    switch (n) {
      case csr::k_fflags:
        v = s.fflags;
        break;
      case csr::k_frm:
        v = s.frm;
        break;
      case csr::k_fcsr:
        v = static_cast<uint64_t>(s.frm) << 5 | s.fflags;
        break;
      case csr::k_cycle:
      case csr::k_mcycle:
        v = counter(s, true, retired);
        break;
      case csr::k_instret:
      case csr::k_minstret:
        v = counter(s, false, retired);
        break;
      case csr::k_cycleh:
      case csr::k_mcycleh:
        v = counter(s, true, retired) >> 32;
        break;
      case csr::k_instreth:
      case csr::k_minstreth:
        v = counter(s, false, retired) >> 32;
        break;
      case csr::k_time:
      case csr::k_timeh:
        if (!bus.read_time(retired, v)) return false;
        if (n == csr::k_timeh) v >>= 32;
        break;
      case csr::k_sstatus:
        v = read_mstatus() & (kSstatusMask | (uint64_t{1} << (xlen - 1)));
        break;
      case csr::k_sie:
        v = s.mie & s.mideleg;
        break;
      case csr::k_sip:
        v = read_mip(retired) & s.mideleg;
        break;
      case csr::k_stvec:
        v = s.stvec;
        break;
      case csr::k_sepc:
        v = s.sepc & (config.isa.has(Extension::C) ? ~uint64_t{1} : ~uint64_t{3});
        break;
      case csr::k_stimecmp:
        v = s.stimecmp;
        break;
      case csr::k_stimecmph:
        v = s.stimecmp >> 32;
        break;
      case csr::k_satp:
        v = s.satp;
        break;
      case csr::k_mvendorid:
      case csr::k_marchid:
      case csr::k_mimpid:
      case csr::k_mconfigptr:
        v = 0;
        break;
      case csr::k_mhartid:
        v = config.hart_id;
        break;
      case csr::k_mstatus:
        v = read_mstatus();
        break;
      case csr::k_mstatush:
        v = 0;
        break;
      case csr::k_misa:
        v = misa;
        break;
      case csr::k_medeleg:
        v = s.medeleg;
        break;
      case csr::k_mideleg:
        v = s.mideleg;
        break;
      case csr::k_mie:
        v = s.mie;
        break;
      case csr::k_mtvec:
        v = s.mtvec;
        break;
      case csr::k_menvcfg:
        v = rv32 ? s.menvcfg & 0xffffffffu : s.menvcfg;
        break;
      case csr::k_menvcfgh:
        v = s.menvcfg >> 32;
        break;
      case csr::k_mcountinhibit:
        v = s.mcountinhibit;
        break;
      case csr::k_mepc:
        v = s.mepc & (config.isa.has(Extension::C) ? ~uint64_t{1} : ~uint64_t{3});
        break;
      case csr::k_mip:
        v = read_mip(retired);
        break;
      case csr::k_tselect:
        v = s.tselect;
        break;
      case csr::k_tdata1:
        v = s.triggers[s.tselect].tdata1;
        break;
      case csr::k_tdata2:
        v = s.triggers[s.tselect].tdata2;
        break;
      case csr::k_tdata3:
        v = s.triggers[s.tselect].tdata3;
        break;
      // Debug spec 5.7.7: version 1 (mcontrol6), types 2, 6 and 15 (disabled).
      case csr::k_tinfo:
        v = (uint64_t{1} << 24) | (1u << 2) | (1u << 6) | (1u << 15);
        break;
      default:
        return false;
    }
  }
  v &= xmask;
  return true;
}

// ---- writes -----------------------------------------------------------------------
bool Core::csr_write(uint16_t n, uint64_t v, uint64_t retired) {
  const CsrRow* r = find_row(n);
  if (!r || !(r->xlens & (xlen == 32 ? 1 : 2)) || !config.isa.has(r->ext)) return false;
  const bool rv32 = xlen == 32;
  const uint64_t xmask = rv32 ? 0xffffffffu : ~uint64_t{0};
  v &= xmask;
  const Isa& isa = config.isa;
  if (r->kind == Kind::Field) {
    uint64_t& f = s.*(r->field);
    f = (f & ~r->mask) | (v & r->mask);
    return true;
  }
  if (r->kind == Kind::Array) {
    const unsigned index = n - r->number + r->first_index;
    const uint64_t before = pmp.generation();
    if (r->number == csr::k_pmpcfg) pmp.write_cfg(index, v);
    if (r->number == csr::k_pmpaddr) pmp.write_addr(index, v);
    if (pmp.generation() != before) {
      // Cached pointers and decoded blocks were checked against the old
      // protection.
      mmu.flush();
      ++epoch_;
      async |= kAsyncFlush;
    }
    return true;
  }
  const auto set_fs_dirty = [&] { s.mstatus |= kMstatusFs; };
  switch (n) {
    case csr::k_fflags:
      s.fflags = v & 0x1f;
      set_fs_dirty();
      break;
    case csr::k_frm:
      s.frm = v & 7;
      set_fs_dirty();
      break;
    case csr::k_fcsr:
      s.fflags = v & 0x1f;
      s.frm = (v >> 5) & 7;
      set_fs_dirty();
      break;
    case csr::k_mcycle:
      write_counter(s, true, rv32 ? 1 : 0, v, retired);
      break;
    case csr::k_minstret:
      write_counter(s, false, rv32 ? 1 : 0, v, retired);
      break;
    case csr::k_mcycleh:
      write_counter(s, true, 2, v, retired);
      break;
    case csr::k_minstreth:
      write_counter(s, false, 2, v, retired);
      break;
    case csr::k_mcountinhibit:
      write_countinhibit(s, v, retired);
      break;
    case csr::k_mstatus:
    case csr::k_sstatus: {
      uint64_t mask = mstatus_writable(isa);
      if (n == csr::k_sstatus) mask &= kSstatusMask;
      uint64_t nv = (s.mstatus & ~mask) | (v & mask);
      // MPP is WARL (Privileged spec 3.1.6.1): a mode that is not
      // implemented reads as the least-privileged one that is.
      const uint64_t mpp = (nv & kMstatusMpp) >> 11;
      if (mpp == 2 || (mpp == 1 && !isa.has(Extension::S)) ||
          (mpp == 0 && !isa.has(Extension::U))) {
        const uint64_t lowest = isa.has(Extension::U) ? 0 : 3;
        nv = (nv & ~kMstatusMpp) | (lowest << 11);
      }
      s.mstatus = nv;
      privilege_changed();
      async |= kAsyncIrq;
      break;
    }
    case csr::k_mstatush:
    case csr::k_mconfigptr:
    case csr::k_misa:
      break;  // WARL with one legal value
    case csr::k_medeleg:
      s.medeleg = v & 0xb3ff;
      break;
    case csr::k_mideleg:
      s.mideleg = v & kIrqSupervisor;
      async |= kAsyncIrq;
      break;
    case csr::k_mie: {
      uint64_t mask = kIrqMsi | kIrqMti | kIrqMei;
      if (isa.has(Extension::S)) mask |= kIrqSupervisor;
      s.mie = v & mask;
      async |= kAsyncIrq;
      break;
    }
    case csr::k_sie:
      s.mie = (s.mie & ~s.mideleg) | (v & s.mideleg & kIrqSupervisor);
      async |= kAsyncIrq;
      break;
    case csr::k_mip: {
      uint64_t mask = 0;
      if (isa.has(Extension::S)) {
        mask = kIrqSsi | kIrqSei;
        if (!(isa.has(Extension::Sstc) && (s.menvcfg & kMenvcfgStce))) mask |= kIrqSti;
      }
      s.mip = (s.mip & ~mask) | (v & mask);
      async |= kAsyncIrq;
      break;
    }
    case csr::k_sip: {
      const uint64_t mask = kIrqSsi & s.mideleg;
      s.mip = (s.mip & ~mask) | (v & mask);
      async |= kAsyncIrq;
      break;
    }
    case csr::k_mtvec:
    case csr::k_stvec: {
      uint64_t& tvec = n == csr::k_mtvec ? s.mtvec : s.stvec;
      // Only direct (0) and vectored (1) modes exist (WARL).
      const uint64_t mode = (v & 3) <= 1 ? (v & 3) : (tvec & 3);
      tvec = (v & ~uint64_t{3}) | mode;
      break;
    }
    case csr::k_mepc:
    case csr::k_sepc:
      (n == csr::k_mepc ? s.mepc : s.sepc) = v & ~uint64_t{isa.has(Extension::C) ? 1u : 3u};
      break;
    case csr::k_satp: {
      if (!satp_write_allowed(v, xlen)) break;  // unsupported MODE: no change
      // ASIDs are not cached per entry: ASIDLEN is the full width.
      s.satp = v;
      privilege_changed();
      ++epoch_;
      break;
    }
    case csr::k_stimecmp:
      s.stimecmp = rv32 ? (s.stimecmp & ~uint64_t{0xffffffff}) | v : v;
      async |= kAsyncIrq | kAsyncTimer;
      break;
    case csr::k_stimecmph:
      s.stimecmp = (s.stimecmp & 0xffffffffu) | (v << 32);
      async |= kAsyncIrq | kAsyncTimer;
      break;
    case csr::k_menvcfg:
    case csr::k_menvcfgh: {
      uint64_t full = n == csr::k_menvcfgh ? (s.menvcfg & 0xffffffffu) | (v << 32)
                      : rv32               ? (s.menvcfg & ~uint64_t{0xffffffff}) | v
                                           : v;
      uint64_t mask = kMenvcfgFiom;
      if (isa.has(Extension::Sstc)) mask |= kMenvcfgStce;
      if (((s.menvcfg ^ full) & mask & kMenvcfgStce) != 0) async |= kAsyncTimer;
      s.menvcfg = full & mask;
      async |= kAsyncIrq;
      break;
    }
    case csr::k_tselect:
      if (v < config.triggers) s.tselect = v;
      break;
    case csr::k_tdata1:
    case csr::k_tdata2:
    case csr::k_tdata3:
      write_trigger_csr(*this, n, v);
      break;
    default:
      break;  // read-only, or WARL with one legal value
  }
  return true;
}

// ---- Zicsr -------------------------------------------------------------------------
bool Core::csr_instruction(uint16_t n, CsrOp op, uint64_t operand, bool writes, uint64_t retired,
                           uint64_t& old) {
  const CsrRow* r = find_row(n);
  if (!r) return false;
  if (s.priv < r->priv) return false;
  if (writes && (n >> 10) == 3) return false;  // read-only CSR
  const bool has_s = config.isa.has(Extension::S);
  // Counters below M: mcounteren, then scounteren for U (Privileged spec 3.1.11, 4.1.5).
  if ((in(n, csr::k_cycle, 32) || in(n, csr::k_cycleh, 32)) && s.priv < 3) {
    const uint64_t bit = uint64_t{1} << (n & 31);
    if (!(s.mcounteren & bit)) return false;
    if (s.priv == 0 && has_s && !(s.scounteren & bit)) return false;
  }
  if ((n == csr::k_stimecmp || n == csr::k_stimecmph) && s.priv < 3 &&
      (!(s.menvcfg & kMenvcfgStce) || !(s.mcounteren & 2)))
    return false;
  if (n == csr::k_satp && s.priv == 1 && (s.mstatus & kMstatusTvm)) return false;
  if (r->ext == Extension::F && (s.mstatus & kMstatusFs) == 0) return false;
  uint64_t value;
  if (!csr_read(n, retired, value)) return false;
  old = value;
  if (writes) {
    // Privileged spec 3.1.9: the interrupt controller's signals show in a
    // read of mip (SEIP: OR-ed with the software-writable bit) but only the
    // software-writable bits take part in a CSRRS/CSRRC read-modify-write.
    const uint64_t base = n == csr::k_mip || n == csr::k_sip ? s.mip : old;
    const uint64_t nv = op == CsrOp::Write ? operand
                        : op == CsrOp::Set ? base | operand
                                           : base & ~operand;
    csr_write(n, nv, retired);
  }
  return true;
}

// ---- Sdtrig ---------------------------------------------------------------------------
bool write_trigger_csr(Core& c, uint16_t n, uint64_t v) {
  TriggerState& t = c.s.triggers[c.s.tselect];
  const unsigned xlen = c.xlen;
  if (n == csr::k_tdata2) {
    // All ones reads back with the top bit clear: the NAPOT range a debugger
    // can probe for is all but the whole address space (Debug spec 5.7.4).
    const uint64_t ones = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
    t.tdata2 = v == ones ? v & ~(uint64_t{1} << (xlen - 1)) : v;
  } else if (n == csr::k_tdata3) {
    t.tdata3 = 0;  // no textra matching
  } else {
    const unsigned type = static_cast<unsigned>(v >> (xlen - 4));
    uint64_t nv = 0;
    if (type == 2 || type == 6) {
      // dmode, hit, select, timing, chain, the debug-mode action and the
      // unsupported match types are read-only zero (WARL).
      uint64_t keep = kTrigLoad | kTrigStore | kTrigExecute | kTrigM;
      if (c.config.isa.has(Extension::S)) keep |= kTrigS;
      if (c.config.isa.has(Extension::U)) keep |= kTrigU;
      nv = (uint64_t{type} << (xlen - 4)) | (v & keep);
      // mcontrol's maskmax: NAPOT ranges up to 2^(XLEN-1) bytes.
      if (type == 2) nv |= uint64_t{xlen - 1} << (xlen - 11);
      const uint64_t match = (v >> kTrigMatchShift) & 15;
      if (match <= 3) nv |= match << kTrigMatchShift;
    } else {
      nv = uint64_t{15} << (xlen - 4);  // disabled
    }
    t.tdata1 = nv;
  }
  c.recompute_triggers();
  return true;
}

void Core::recompute_triggers() {
  bool exec = false, data = false;
  for (unsigned i = 0; i < config.triggers; ++i) {
    const uint64_t d1 = s.triggers[i].tdata1;
    const unsigned type = static_cast<unsigned>(d1 >> (xlen - 4));
    if (type != 2 && type != 6) continue;
    if (!(d1 & (kTrigM | kTrigS | kTrigU))) continue;
    exec |= (d1 & kTrigExecute) != 0;
    data |= (d1 & (kTrigLoad | kTrigStore)) != 0;
  }
  exec_triggers_ = exec;
  if (data != data_triggers_) {
    data_triggers_ = data;
    mmu.set_fill_enabled(!data);
  }
  update_debug();
}

namespace {

bool trigger_address_match(uint64_t tdata1, uint64_t tdata2, uint64_t addr, unsigned xlen) {
  const uint64_t xmask = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
  addr &= xmask;
  switch ((tdata1 >> kTrigMatchShift) & 15) {
    case 0:
      return addr == tdata2;
    case 1: {
      // NAPOT: the bits above the lowest clear bit of tdata2 must match.
      const unsigned k = static_cast<unsigned>(__builtin_ctzll(~tdata2)) + 1;
      if (k >= 64) return true;
      return (addr >> k) == (tdata2 >> k);
    }
    case 2:
      return addr >= tdata2;
    case 3:
      return addr < tdata2;
    default:
      return false;
  }
}

}  // namespace

// Debug spec 5.4: without tcontrol, a trigger whose action is a breakpoint
// exception does not fire in M-mode while MIE is 0 (nor in S-mode with SIE
// 0 when breakpoints are delegated), so a handler cannot re-trigger itself.
static bool trigger_may_fire(const Core& c, uint64_t tdata1) {
  const unsigned p = c.s.priv;
  const uint64_t mode_bit = p == 3 ? kTrigM : p == 1 ? kTrigS : kTrigU;
  if (!(tdata1 & mode_bit)) return false;
  if (p == 3 && !(c.s.mstatus & kMstatusMie)) return false;
  if (p == 1 && (c.s.medeleg & (1u << kCauseBreakpoint)) && !(c.s.mstatus & kMstatusSie))
    return false;
  return true;
}

bool Core::trigger_matches_data(uint64_t addr, unsigned size, bool store) const {
  (void)size;
  for (unsigned i = 0; i < config.triggers; ++i) {
    const TriggerState& t = s.triggers[i];
    const unsigned type = static_cast<unsigned>(t.tdata1 >> (xlen - 4));
    if (type != 2 && type != 6) continue;
    if (!(t.tdata1 & (store ? kTrigStore : kTrigLoad))) continue;
    if (!trigger_may_fire(*this, t.tdata1)) continue;
    if (trigger_address_match(t.tdata1, t.tdata2, addr, xlen)) return true;
  }
  return false;
}

bool Core::trigger_matches_fetch(uint64_t pc) const {
  for (unsigned i = 0; i < config.triggers; ++i) {
    const TriggerState& t = s.triggers[i];
    const unsigned type = static_cast<unsigned>(t.tdata1 >> (xlen - 4));
    if (type != 2 && type != 6) continue;
    if (!(t.tdata1 & kTrigExecute)) continue;
    if (!trigger_may_fire(*this, t.tdata1)) continue;
    if (trigger_address_match(t.tdata1, t.tdata2, pc, xlen)) return true;
  }
  return false;
}

}  // namespace rvtlm::iss
