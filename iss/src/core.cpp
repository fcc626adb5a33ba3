// The hart: architectural state, block translation and the interpreter.
//
// Guest code is decoded once into blocks of DecodedInsn (semantic op plus
// operands) that end at a control transfer, at a system instruction, at a
// page boundary or at a size limit. The interpreter dispatches with computed
// gotos through the ops of insns.def; a block is followed by a block_end
// sentinel. The instruction count is exact everywhere: s_.retired counts the
// instructions retired before the current block, and the position of the
// current instruction in the block gives the rest.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "decoder.h"
#include "hart_core.h"
#include "rvtlm/iss/csr.h"
#include "translation_cache.h"

namespace rvtlm::iss {
namespace {

struct DecodedInsn {
  const void* handler;  // the op's label in execute() (direct threading)
  uint64_t pc;
  int32_t imm;
  uint32_t bits;
  uint16_t op;
  uint8_t rd;  // 32 stands for x0: writes to it are discarded
  uint8_t rs1;
  uint8_t rs2;
  uint8_t len;
};
static_assert(sizeof(DecodedInsn) == 32, "one decoded instruction per half cache line");

struct Block {
  uint64_t pc;
  uint64_t end;  // address after the last instruction
  uint32_t count;
  // Successors reached by a direct jump or taken branch (0) and by falling
  // through (1), found on first use.
  Block* next[2];
  DecodedInsn* insns;  // count instructions, then the block_end sentinel
};


constexpr bool is_block_ending(Op op) {
#define RVTLM_OP_CASE(name) \
  case Op::name:            \
    return true;
  switch (op) {
    RVTLM_BLOCK_ENDING_OPS(RVTLM_OP_CASE)
    default:
      return false;
  }
#undef RVTLM_OP_CASE
}

// Bump allocator for decoded blocks; everything is discarded at once.
class BlockArena {
 public:
  void* allocate(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (current_ >= chunks_.size() || used_ + size > chunk_size(current_)) {
      if (current_ < chunks_.size()) ++current_;
      while (current_ < chunks_.size() && size > chunk_size(current_)) ++current_;
      if (current_ >= chunks_.size()) {
        const std::size_t bytes = std::max(kChunk, size);
        chunks_.push_back({std::make_unique<unsigned char[]>(bytes), bytes});
        current_ = chunks_.size() - 1;
      }
      used_ = 0;
    }
    void* p = chunks_[current_].data.get() + used_;
    used_ += size;
    return p;
  }
  void reset() {
    current_ = 0;
    used_ = 0;
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  struct Chunk {
    std::unique_ptr<unsigned char[]> data;
    std::size_t size;
  };
  std::size_t chunk_size(std::size_t i) const { return chunks_[i].size; }
  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

enum AsyncFlag : uint32_t {
  kAsyncIrq = 1,    // re-evaluate pending interrupts
  kAsyncFlush = 2,  // discard decoded blocks
  kAsyncHalt = 4,
  kAsyncExit = 8,
  kAsyncDebug = 16,  // sticky while tracing or breakpoints are active
};

enum class CsrOp { Write, Set, Clear };

constexpr unsigned kLockupTraps = 64;

std::string to_hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%" PRIx64, v);
  return buf;
}

constexpr uint64_t kMieWritable = (1u << 3) | (1u << 7) | (1u << 11);
constexpr uint64_t kMstatusWritable = kMstatusMie | kMstatusMpie;
// Privileged spec 3.1.9: MEI, MSI, MTI, SEI, SSI, STI.
constexpr unsigned kInterruptPriority[] = {11, 3, 7, 9, 1, 5};

template <typename XReg>
class Core final : public HartCore {
  using SReg = std::make_signed_t<XReg>;
  static constexpr unsigned kXlen = sizeof(XReg) * 8;
  static constexpr XReg kShiftMask = kXlen - 1;
  static constexpr unsigned kJumpCacheSize = 4096;

 public:
  Core(const HartConfig& config, Bus& bus, CoherenceDomain& domain)
      : config_(config),
        bus_(bus),
        domain_(domain),
        decoder_(enabled_extensions(config.xlen, config.ext_m, config.ext_a, config.ext_c)),
        mem_(bus, domain, this, config.hart_id, config.misaligned),
        jump_mask_(config.ext_c ? 0 : 2) {
    if (config_.max_block_insns == 0) config_.max_block_insns = 1;
    misa_ = (kXlen == 64 ? uint64_t{2} << 62 : uint64_t{1} << 30) | (1u << 8) |
            (config.ext_m ? 1u << 12 : 0) | (config.ext_a ? 1u << 0 : 0) |
            (config.ext_c ? 1u << 2 : 0);
    domain_.attach(this);
    reset();
  }

  ~Core() override {
    release_reservation();
    domain_.detach(this);
  }

  RunResult run(uint64_t budget) override {
    const uint64_t start = s_.retired;
    const uint64_t limit =
        budget > std::numeric_limits<uint64_t>::max() - start ? ~uint64_t{0} : start + budget;
    const StopReason reason = execute(limit);
    return {reason, s_.retired - start};
  }

  void reset() override {
    release_reservation();
    std::fill(std::begin(x_), std::end(x_), XReg{0});
    for (const auto& [index, value] : config_.reset_registers)
      if (index > 0 && index < 32) x_[index] = static_cast<XReg>(value);
    s_ = HartState{};
    s_.pc = static_cast<XReg>(config_.reset_pc);
    s_.priv = 3;
    async_ = kAsyncFlush | (async_ & kAsyncDebug);
    exit_code_ = 0;
  }

  const HartConfig& config() const override { return config_; }
  uint64_t retired() const override { return s_.retired; }
  bool waiting_for_interrupt() const override { return s_.wfi; }
  uint64_t pc() const override { return s_.pc; }
  void set_pc(uint64_t pc) override {
    s_.pc = static_cast<XReg>(pc);
    s_.wfi = false;
  }
  uint64_t reg(unsigned i) const override { return i < 32 ? x_[i] : 0; }
  void set_reg(unsigned i, uint64_t v) override {
    if (i != 0 && i < 32) x_[i] = static_cast<XReg>(v);
  }

  bool read_csr(uint16_t n, uint64_t& v) override { return csr_read(n, s_.retired, v); }
  bool write_csr(uint16_t n, uint64_t v) override {
    uint64_t old;
    if (!csr_read(n, s_.retired, old)) return false;
    csr_write(n, v, s_.retired - 1);  // no writing instruction retires (csr_write assumes one)
    return true;
  }

  HartState save_state() const override {
    HartState st = s_;
    for (unsigned i = 0; i < 32; ++i) st.x[i] = x_[i];
    return st;
  }
  void restore_state(const HartState& st) override {
    release_reservation();
    s_ = st;
    for (unsigned i = 0; i < 32; ++i) x_[i] = static_cast<XReg>(st.x[i]);
    x_[0] = 0;
    if (s_.reservation_valid) domain_.add_reservation(s_.reservation_addr);
    async_ |= kAsyncIrq | kAsyncFlush;
  }

  void set_interrupt(Interrupt line, bool level) override {
    const uint64_t bit = uint64_t{1} << static_cast<unsigned>(line);
    s_.mip = level ? (s_.mip | bit) : (s_.mip & ~bit);
    async_ |= kAsyncIrq;
  }

  void request_halt() override { async_ |= kAsyncHalt; }
  void request_exit(int code) override {
    exit_code_ = code;
    async_ |= kAsyncExit;
  }
  int exit_code() const override { return exit_code_; }

  void invalidate_dmi(uint64_t start, uint64_t end) override { mem_.invalidate_dmi(start, end); }
  void invalidate_code(uint64_t, uint64_t) override { domain_.discard_all_code(); }

  void add_breakpoint(uint64_t addr) override {
    breakpoints_.insert(static_cast<XReg>(addr));
    async_ |= kAsyncFlush;  // blocks must end before breakpoints
    update_debug();
  }
  void remove_breakpoint(uint64_t addr) override {
    breakpoints_.erase(static_cast<XReg>(addr));
    async_ |= kAsyncFlush;
    update_debug();
  }

  void set_trace(TraceHandler handler) override {
    trace_ = std::move(handler);
    update_debug();
  }
  void set_report_handler(ReportHandler handler) override { report_ = std::move(handler); }

  // DomainMember
  void drop_write_pointers(uint64_t page) override { mem_.drop_write_pointers(page); }
  void discard_decoded_code() override { async_ |= kAsyncFlush; }
  void break_reservation(uint64_t addr, unsigned size) override {
    if (s_.reservation_valid && addr < s_.reservation_addr + 8 &&
        s_.reservation_addr < addr + size)
      release_reservation();
  }

 private:
  static XReg sext32(uint64_t v) {
    return static_cast<XReg>(static_cast<int32_t>(static_cast<uint32_t>(v)));
  }
  static XReg mulhu(XReg a, XReg b) {
    if constexpr (kXlen == 32) {
      return static_cast<XReg>((uint64_t{a} * b) >> 32);
    } else {
      return static_cast<XReg>((static_cast<unsigned __int128>(a) * b) >> 64);
    }
  }
  static XReg mulh(SReg a, SReg b) {
    if constexpr (kXlen == 32) {
      return static_cast<XReg>((int64_t{a} * b) >> 32);
    } else {
      return static_cast<XReg>((static_cast<__int128>(a) * b) >> 64);
    }
  }
  static XReg mulhsu(SReg a, XReg b) {
    if constexpr (kXlen == 32) {
      return static_cast<XReg>((int64_t{a} * static_cast<int64_t>(b)) >> 32);
    } else {
      return static_cast<XReg>(
          (static_cast<__int128>(a) * static_cast<__int128>(static_cast<unsigned __int128>(b))) >>
          64);
    }
  }
  // Unprivileged spec 7.2: division by zero and overflow do not trap.
  template <typename S>
  static S div_signed(S a, S b) {
    if (b == 0) return S{-1};
    if (a == std::numeric_limits<S>::min() && b == S{-1}) return a;
    return a / b;
  }
  template <typename S>
  static S rem_signed(S a, S b) {
    if (b == 0) return a;
    if (a == std::numeric_limits<S>::min() && b == S{-1}) return 0;
    return a % b;
  }

  void update_debug() {
    if (trace_ || !breakpoints_.empty()) async_ |= kAsyncDebug;
    else async_ &= ~kAsyncDebug;
  }

  void report(ReportLevel level, const std::string& message) {
    if (report_) report_(level, message);
  }

  // ---- reservations (LR/SC) -------------------------------------------
  void reserve(uint64_t addr) {
    release_reservation();
    s_.reservation_valid = true;
    s_.reservation_addr = addr & ~uint64_t{7};
    domain_.add_reservation(s_.reservation_addr);
  }
  void release_reservation() {
    if (!s_.reservation_valid) return;
    s_.reservation_valid = false;
    domain_.remove_reservation(s_.reservation_addr);
  }

  // ---- traps and interrupts -------------------------------------------
  // Privileged spec 3.1.6.1, 3.1.7, 3.3.1.
  void take_trap(uint64_t cause, uint64_t tval, uint64_t epc, bool interrupt) {
    s_.mepc = static_cast<XReg>(epc & ~uint64_t{1});
    s_.mcause = interrupt ? (uint64_t{1} << (kXlen - 1)) | cause : cause;
    s_.mtval = static_cast<XReg>(tval);
    const bool mie = (s_.mstatus & kMstatusMie) != 0;
    s_.mstatus = (s_.mstatus & ~(kMstatusMie | kMstatusMpie)) | (mie ? kMstatusMpie : 0);
    s_.priv = 3;
    const uint64_t base = s_.mtvec & ~uint64_t{3};
    const bool vectored = (s_.mtvec & 3) == 1;
    s_.pc = static_cast<XReg>(vectored && interrupt ? base + 4 * cause : base);
    s_.wfi = false;
  }

  XReg do_mret() {
    const bool mpie = (s_.mstatus & kMstatusMpie) != 0;
    s_.mstatus = (s_.mstatus & ~kMstatusMie) | (mpie ? kMstatusMie : 0) | kMstatusMpie;
    s_.priv = 3;  // MPP: machine mode is the only mode
    async_ |= kAsyncIrq;
    return static_cast<XReg>(s_.mepc);
  }

  void check_interrupts() {
    const uint64_t pending = s_.mip & s_.mie;
    if (pending == 0) return;
    if (s_.priv == 3 && (s_.mstatus & kMstatusMie) == 0) return;
    for (unsigned cause : kInterruptPriority) {
      if (pending & (uint64_t{1} << cause)) {
        take_trap(cause, 0, s_.pc, true);
        return;
      }
    }
  }

  std::optional<StopReason> service_async() {
    if (async_ & kAsyncFlush) {
      async_ &= ~kAsyncFlush;
      flush_blocks();
    }
    if (async_ & kAsyncExit) {
      async_ &= ~kAsyncExit;
      return StopReason::ExitRequest;
    }
    if (async_ & kAsyncHalt) {
      async_ &= ~kAsyncHalt;
      return StopReason::HaltRequest;
    }
    if (async_ & kAsyncIrq) {
      async_ &= ~kAsyncIrq;
      check_interrupts();
    }
    return std::nullopt;
  }

  // ---- CSRs (Privileged spec chapter 2 and 3) -------------------------
  uint64_t counter(bool cycle, uint64_t retired) const {
    const uint64_t inhibit_bit = cycle ? 1 : 4;
    if (s_.mcountinhibit & inhibit_bit) return cycle ? s_.cycle_frozen : s_.instret_frozen;
    return retired - (cycle ? s_.cycle_base : s_.instret_base);
  }

  // An explicit write takes effect after the writing instruction, which is
  // therefore not counted (Privileged spec 3.1.11).
  void write_counter(bool cycle, int half, uint64_t v, uint64_t retired) {
    const uint64_t cur = counter(cycle, retired);
    uint64_t nv = v;
    if (half == 1) nv = (cur & ~uint64_t{0xffffffff}) | (v & 0xffffffff);
    if (half == 2) nv = (cur & 0xffffffff) | (v << 32);
    const uint64_t inhibit_bit = cycle ? 1 : 4;
    if (s_.mcountinhibit & inhibit_bit) {
      (cycle ? s_.cycle_frozen : s_.instret_frozen) = nv;
    } else {
      (cycle ? s_.cycle_base : s_.instret_base) = retired + 1 - nv;
    }
  }

  void write_countinhibit(uint64_t nv, uint64_t retired) {
    for (bool cycle : {true, false}) {
      const uint64_t bit = cycle ? 1 : 4;
      uint64_t& base = cycle ? s_.cycle_base : s_.instret_base;
      uint64_t& frozen = cycle ? s_.cycle_frozen : s_.instret_frozen;
      const bool was = s_.mcountinhibit & bit;
      const bool now = nv & bit;
      if (!was && now) frozen = retired + 1 - base;
      if (was && !now) base = retired + 1 - frozen;
    }
    s_.mcountinhibit = nv & 5;
  }

  static bool in_range(uint16_t n, uint16_t first, uint16_t last) {
    return n >= first && n <= last;
  }

  bool csr_read(uint16_t n, uint64_t retired, uint64_t& v) {
    constexpr bool rv32 = kXlen == 32;
    switch (n) {
      case csr::kMstatus: v = s_.mstatus | kMstatusMpp; break;
      case csr::kMstatusH: if (!rv32) return false; v = 0; break;
      case csr::kMisa: v = misa_; break;
      case csr::kMie: v = s_.mie; break;
      case csr::kMip: v = s_.mip; break;
      case csr::kMtvec: v = s_.mtvec; break;
      case csr::kMscratch: v = s_.mscratch; break;
      case csr::kMepc: v = s_.mepc; break;
      case csr::kMcause: v = s_.mcause; break;
      case csr::kMtval: v = s_.mtval; break;
      case csr::kMenvcfg: v = s_.menvcfg; break;
      case csr::kMenvcfgH: if (!rv32) return false; v = 0; break;
      case csr::kMcountinhibit: v = s_.mcountinhibit; break;
      case csr::kMcycle:
      case csr::kCycle: v = counter(true, retired); break;
      case csr::kMinstret:
      case csr::kInstret: v = counter(false, retired); break;
      case csr::kMcycleH:
      case csr::kCycleH: if (!rv32) return false; v = counter(true, retired) >> 32; break;
      case csr::kMinstretH:
      case csr::kInstretH: if (!rv32) return false; v = counter(false, retired) >> 32; break;
      case csr::kTime:
      case csr::kTimeH:
        if (n == csr::kTimeH && !rv32) return false;
        if (!bus_.read_time(retired, v)) return false;
        if (n == csr::kTimeH) v >>= 32;
        break;
      case csr::kMvendorid:
      case csr::kMarchid:
      case csr::kMimpid:
      case csr::kMconfigptr: v = 0; break;
      case csr::kMhartid: v = config_.hart_id; break;
      default:
        if (in_range(n, csr::kMhpmEvent3, csr::kMhpmEvent31) ||
            in_range(n, csr::kMhpmCounter3, csr::kMhpmCounter31) ||
            in_range(n, csr::kHpmCounter3, csr::kHpmCounter31) ||
            (rv32 && (in_range(n, csr::kMhpmCounter3H, csr::kMhpmCounter31H) ||
                      in_range(n, csr::kHpmCounter3H, csr::kHpmCounter31H)))) {
          v = 0;  // hpm counters are implemented as zero registers
          break;
        }
        return false;
    }
    v = static_cast<XReg>(v);
    return true;
  }

  void csr_write(uint16_t n, uint64_t v, uint64_t retired) {
    constexpr bool rv32 = kXlen == 32;
    v = static_cast<XReg>(v);
    switch (n) {
      case csr::kMstatus:
        s_.mstatus = (s_.mstatus & ~kMstatusWritable) | (v & kMstatusWritable);
        async_ |= kAsyncIrq;
        break;
      case csr::kMie:
        s_.mie = v & kMieWritable;
        async_ |= kAsyncIrq;
        break;
      case csr::kMtvec: {
        // Only direct (0) and vectored (1) modes exist (WARL).
        const uint64_t mode = (v & 3) <= 1 ? (v & 3) : (s_.mtvec & 3);
        s_.mtvec = (v & ~uint64_t{3}) | mode;
        break;
      }
      case csr::kMscratch: s_.mscratch = v; break;
      case csr::kMepc: s_.mepc = v & ~uint64_t{config_.ext_c ? 1u : 3u}; break;
      case csr::kMcause: s_.mcause = v; break;
      case csr::kMtval: s_.mtval = v; break;
      case csr::kMcountinhibit: write_countinhibit(v, retired); break;
      case csr::kMcycle: write_counter(true, rv32 ? 1 : 0, v, retired); break;
      case csr::kMinstret: write_counter(false, rv32 ? 1 : 0, v, retired); break;
      case csr::kMcycleH: write_counter(true, 2, v, retired); break;
      case csr::kMinstretH: write_counter(false, 2, v, retired); break;
      default: break;  // read-only zero or WARL fields with one legal value
    }
  }

  // Zicsr semantics. Returns false for an illegal access.
  bool csr_instruction(int64_t number, CsrOp op, XReg operand, bool rs1_nonzero,
                       uint64_t retired, XReg& old) {
    const uint16_t n = static_cast<uint16_t>(number & 0xfff);
    const bool write = op == CsrOp::Write || rs1_nonzero;
    if (write && (n >> 10) == 3) return false;  // read-only CSR
    if (((n >> 8) & 3) > s_.priv) return false;
    uint64_t value;
    if (!csr_read(n, retired, value)) return false;
    old = static_cast<XReg>(value);
    if (write) {
      const XReg nv = op == CsrOp::Write ? operand
                      : op == CsrOp::Set ? static_cast<XReg>(old | operand)
                                         : static_cast<XReg>(old & ~operand);
      csr_write(n, nv, retired);
    }
    return true;
  }

  // ---- blocks ----------------------------------------------------------
  void flush_blocks() {
    blocks_.clear();
    jump_cache_.fill(nullptr);
    arena_.reset();
  }

  Block* translate(uint64_t pc, uint64_t retired) {
    pending_.clear();
    uint64_t a = pc;
    const uint64_t page_end = (pc | TranslationCache::kPageMask) + 1;
    while (pending_.size() < config_.max_block_insns) {
      if (!pending_.empty() && !breakpoints_.empty() && breakpoints_.count(static_cast<XReg>(a)))
        break;
      uint16_t lo;
      MemFault f;
      if (!mem_.fetch16(a, lo, retired, f)) {
        if (pending_.empty()) {
          fault_ = f;
          return nullptr;
        }
        break;
      }
      uint32_t bits = lo;
      unsigned len = 2;
      if ((lo & 3) == 3) {
        uint16_t hi;
        if (!mem_.fetch16(static_cast<XReg>(a + 2), hi, retired, f)) {
          if (pending_.empty()) {
            fault_ = f;
            return nullptr;
          }
          break;
        }
        bits |= uint32_t{hi} << 16;
        len = 4;
      }
      Operands o;
      const Encoding* e = decoder_.decode(bits, o);
      DecodedInsn d{};
      const Op op = e ? e->op : Op::illegal;
      d.op = static_cast<uint16_t>(op);
      d.handler = labels_[d.op];
      d.rd = o.rd == 0 ? 32 : o.rd;
      d.rs1 = o.rs1;
      d.rs2 = o.rs2;
      d.imm = static_cast<int32_t>(o.imm);
      d.len = static_cast<uint8_t>(len);
      d.bits = bits;
      d.pc = a;
      pending_.push_back(d);
      a = static_cast<XReg>(a + len);
      if (is_block_ending(static_cast<Op>(d.op)) || a >= page_end || a < pc) break;
    }
    DecodedInsn sentinel{};
    sentinel.op = static_cast<uint16_t>(Op::block_end);
    sentinel.handler = labels_[sentinel.op];
    sentinel.pc = a;
    pending_.push_back(sentinel);

    auto* b = static_cast<Block*>(arena_.allocate(sizeof(Block)));
    auto* insns =
        static_cast<DecodedInsn*>(arena_.allocate(pending_.size() * sizeof(DecodedInsn)));
    std::copy(pending_.begin(), pending_.end(), insns);
    b->pc = pc;
    b->end = a;
    b->count = static_cast<uint32_t>(pending_.size() - 1);
    b->next[0] = b->next[1] = nullptr;
    b->insns = insns;
    domain_.add_code(pc, a > pc ? a : pc + 4);
    return b;
  }

  Block* lookup(uint64_t pc, uint64_t retired) {
    Block*& slot = jump_cache_[(pc >> 1) & (kJumpCacheSize - 1)];
    if (slot && slot->pc == pc) return slot;
    auto it = blocks_.find(pc);
    if (it != blocks_.end()) return slot = it->second;
    Block* b = translate(pc, retired);
    if (b) blocks_.emplace(pc, b);
    return slot = b;
  }

  // ---- the interpreter -------------------------------------------------
  // Not inlined: the label addresses stored in decoded blocks belong to this
  // one copy of the function.
  __attribute__((noinline)) StopReason execute(uint64_t limit);
  const void* const* labels_ = nullptr;

  HartConfig config_;
  Bus& bus_;
  CoherenceDomain& domain_;
  Decoder decoder_;
  TranslationCache mem_;
  uint64_t misa_ = 0;
  const uint64_t jump_mask_;

  XReg x_[33] = {};  // x_[32] is the sink for writes to x0
  HartState s_;
  uint32_t async_ = 0;
  int exit_code_ = 0;
  MemFault fault_;

  std::unordered_map<uint64_t, Block*> blocks_;
  std::array<Block*, kJumpCacheSize> jump_cache_{};
  BlockArena arena_;
  std::vector<DecodedInsn> pending_;
  Block scratch_{};
  DecodedInsn scratch_insns_[2] = {};

  std::unordered_set<XReg> breakpoints_;
  TraceHandler trace_;
  ReportHandler report_;
};

template <typename XReg>
StopReason Core<XReg>::execute(uint64_t limit) {
  static const void* const kLabels[] = {
#define RVTLM_OP_LABEL(name, ...) &&L_##name,
      RVTLM_OPS(RVTLM_OP_LABEL)
#undef RVTLM_OP_LABEL
          &&L_block_end,
  };
  static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == static_cast<std::size_t>(Op::count));
  labels_ = kLabels;

  uint64_t retired = s_.retired;  // kept local: register writes cannot alias it
  Block* blk = nullptr;
  Block* nb = nullptr;
  const DecodedInsn* ip = nullptr;
  XReg npc = 0;
  bool first = true;  // a breakpoint at the resume address does not stop again
  // Traps taken without an instruction retiring in between: a guest whose
  // trap handler itself traps would otherwise keep run() from returning.
  unsigned idle_traps = 0;
  uint64_t idle_trap_count_at = ~uint64_t{0};

  if (s_.wfi) {
    if ((s_.mip & s_.mie) == 0) return StopReason::Wfi;
    s_.wfi = false;
    async_ |= kAsyncIrq;
  }

#define X(r) x_[r]
#define SX(r) static_cast<SReg>(x_[r])
#define RS1 ip->rs1
#define RS2 ip->rs2
#define IMM ip->imm
#define LEN ip->len
#define PC static_cast<XReg>(ip->pc)
#define WR(v) (x_[ip->rd] = static_cast<XReg>(v))
#define INDEX static_cast<uint64_t>(ip - blk->insns)
#define RETIRED_NOW (retired + INDEX)
#define DISPATCH() goto* ip->handler
#define NEXT()  \
  do {          \
    ++ip;       \
    DISPATCH(); \
  } while (0)
// Control transfers end their block: `slot` names the chaining slot of a
// statically known target; indirect ones go through the jump cache.
#define JUMP_TO(t, label)        \
  do {                           \
    npc = static_cast<XReg>(t);  \
    goto label;                  \
  } while (0)
#define JUMP(t) JUMP_TO(t, exit_taken)
#define JUMP_INDIRECT(t) JUMP_TO(t, exit_indirect)
#define BRANCH(c)                                 \
  do {                                            \
    if (c) JUMP_TO(PC + IMM, exit_taken);         \
    JUMP_TO(PC + LEN, exit_fallthrough);          \
  } while (0)
#define RAISE(cause, tval)                             \
  do {                                                 \
    fault_ = {cause, static_cast<uint64_t>(tval)};     \
    goto do_trap;                                      \
  } while (0)
// Without C, a jump to a target that is not 4-byte aligned raises the
// exception on the jump itself, before it writes rd (Unprivileged spec 2.5).
#define CHECK_TARGET(t) \
  if ((t) & jump_mask_) RAISE(kCauseInsnMisaligned, t)
#define ADDR() static_cast<uint64_t>(static_cast<XReg>(x_[ip->rs1] + static_cast<XReg>(ip->imm)))
#define AFTER_SLOW()                \
  do {                              \
    if (async_) goto do_exit_after; \
    NEXT();                         \
  } while (0)
#define LOAD(T)                                                           \
  do {                                                                    \
    const uint64_t a_ = ADDR();                                           \
    T v_;                                                                 \
    if (mem_.template load_fast<T>(a_, v_)) {                             \
      WR(v_);                                                             \
      NEXT();                                                             \
    }                                                                     \
    uint64_t w_;                                                          \
    if (!mem_.load(a_, sizeof(T), w_, RETIRED_NOW, fault_)) goto do_trap; \
    WR(static_cast<T>(w_));                                               \
    AFTER_SLOW();                                                         \
  } while (0)
#define STORE(T)                                                           \
  do {                                                                     \
    const uint64_t a_ = ADDR();                                            \
    const T v_ = static_cast<T>(x_[ip->rs2]);                               \
    if (mem_.template store_fast<T>(a_, v_)) NEXT();                       \
    if (!mem_.store(a_, sizeof(T), v_, RETIRED_NOW, fault_)) goto do_trap; \
    AFTER_SLOW();                                                          \
  } while (0)
#define LOAD_RESERVED(T)                                                        \
  do {                                                                          \
    const uint64_t a_ = x_[ip->rs1];                                             \
    uint64_t w_;                                                                \
    if (!mem_.load(a_, sizeof(T), w_, RETIRED_NOW, fault_, true)) goto do_trap; \
    WR(static_cast<T>(w_));                                                     \
    reserve(a_);                                                                \
    AFTER_SLOW();                                                               \
  } while (0)
#define STORE_CONDITIONAL(T)                                                                  \
  do {                                                                                        \
    const uint64_t a_ = x_[ip->rs1];                                                           \
    if (a_ & (sizeof(T) - 1)) RAISE(kCauseStoreMisaligned, a_);                               \
    const bool ok_ = s_.reservation_valid && s_.reservation_addr == (a_ & ~uint64_t{7});      \
    release_reservation();                                                                    \
    if (ok_ &&                                                                                \
        !mem_.store(a_, sizeof(T), static_cast<T>(x_[ip->rs2]), RETIRED_NOW, fault_, true))    \
      goto do_trap;                                                                           \
    WR(ok_ ? 0 : 1);                                                                          \
    AFTER_SLOW();                                                                             \
  } while (0)
#define AMO(T, expr)                                                                \
  do {                                                                              \
    using U_ = std::make_unsigned_t<T>;                                             \
    const uint64_t a_ = x_[ip->rs1];                                                 \
    if (a_ & (sizeof(T) - 1)) RAISE(kCauseStoreMisaligned, a_);                     \
    const T b = static_cast<T>(x_[ip->rs2]);                                         \
    T a;                                                                            \
    if (T* p_ = mem_.template rmw_fast<T>(a_)) {                                    \
      std::memcpy(&a, p_, sizeof(T));                                               \
      const T r_ = static_cast<T>(expr);                                            \
      std::memcpy(p_, &r_, sizeof(T));                                              \
      WR(a);                                                                        \
      NEXT();                                                                       \
    }                                                                               \
    uint64_t w_;                                                                    \
    if (!mem_.load(a_, sizeof(T), w_, RETIRED_NOW, fault_, true)) {                 \
      fault_.cause = kCauseStoreAccessFault;                                        \
      goto do_trap;                                                                 \
    }                                                                               \
    a = static_cast<T>(w_);                                                         \
    const T r_ = static_cast<T>(expr);                                              \
    if (!mem_.store(a_, sizeof(T), static_cast<U_>(r_), RETIRED_NOW, fault_, true)) \
      goto do_trap;                                                                 \
    WR(a);                                                                          \
    AFTER_SLOW();                                                                   \
  } while (0)
#define CSR_OP(kind, operand)                                                                 \
  do {                                                                                        \
    XReg old_ = 0;                                                                            \
    if (!csr_instruction(IMM, kind, static_cast<XReg>(operand), ip->rs1 != 0, RETIRED_NOW,    \
                         old_))                                                               \
      RAISE(kCauseIllegalInstruction, ip->bits);                                              \
    WR(old_);                                                                                 \
    JUMP_TO(PC + LEN, exit_fallthrough);                                                      \
  } while (0)
#define WAIT_FOR_INTERRUPT()             \
  do {                                   \
    retired += INDEX + 1;                \
    s_.pc = static_cast<XReg>(PC + LEN); \
    if ((s_.mip & s_.mie) == 0) {        \
      s_.wfi = true;                     \
      s_.retired = retired;              \
      return StopReason::Wfi;            \
    }                                    \
    goto enter;                          \
  } while (0)
#define FENCE_I()          \
  do {                     \
    async_ |= kAsyncFlush; \
    goto do_exit_after;    \
  } while (0)

// Slow entry: s_.pc holds the next instruction's address.
enter:
  s_.retired = retired;
  if (async_ & ~kAsyncDebug) {
    if (auto stop = service_async()) return *stop;
  }
  if (retired >= limit) return StopReason::BudgetSpent;
  if ((async_ & kAsyncDebug) && !first && breakpoints_.count(static_cast<XReg>(s_.pc)))
    return StopReason::Breakpoint;
  first = false;
  nb = lookup(s_.pc, retired);
  if (!nb) {
    // Instruction fetch fault at the start of a block.
    ip = nullptr;
    goto take_exception;
  }
  if (async_ & kAsyncDebug) {
    if (trace_) trace_(nb->pc, nb->insns[0].bits, retired);
    goto step;
  }
run_block:
  if (nb->count > limit - retired) goto step;
  blk = nb;
  ip = blk->insns;
  DISPATCH();

step:
  // Execute the block's first instruction on its own.
  scratch_insns_[0] = nb->insns[0];
  scratch_insns_[1] = DecodedInsn{};
  scratch_insns_[1].op = static_cast<uint16_t>(Op::block_end);
  scratch_insns_[1].handler = kLabels[scratch_insns_[1].op];
  scratch_insns_[1].pc = static_cast<XReg>(nb->pc + nb->insns[0].len);
  scratch_ = Block{nb->pc, scratch_insns_[1].pc, 1, {nullptr, nullptr}, scratch_insns_};
  blk = &scratch_;
  ip = blk->insns;
  DISPATCH();

#define RVTLM_OP_IMPL(name, ...) \
  L_##name : __VA_ARGS__ NEXT();
  RVTLM_OPS(RVTLM_OP_IMPL)
#undef RVTLM_OP_IMPL

L_block_end:
  npc = static_cast<XReg>(ip->pc);
  goto exit_fallthrough;

#define RVTLM_EXIT_DIRECT(slot)                          \
  retired += blk->count;                                 \
  if (npc & jump_mask_) {                                \
    retired -= blk->count;                               \
    ip = blk->insns + blk->count - 1;                    \
    RAISE(kCauseInsnMisaligned, npc);                    \
  }                                                      \
  if (async_ || retired >= limit) {                      \
    s_.pc = npc;                                         \
    goto enter;                                          \
  }                                                      \
  nb = blk->next[slot];                                  \
  if (!nb) {                                             \
    nb = lookup(npc, retired);                           \
    if (!nb) {                                           \
      s_.pc = npc;                                       \
      goto enter;                                        \
    }                                                    \
    if (blk != &scratch_) blk->next[slot] = nb;          \
  }                                                      \
  goto run_block;

exit_taken:
  RVTLM_EXIT_DIRECT(0)
exit_fallthrough:
  RVTLM_EXIT_DIRECT(1)
#undef RVTLM_EXIT_DIRECT

exit_indirect:
  retired += blk->count;
  if (npc & jump_mask_) {
    retired -= blk->count;
    ip = blk->insns + blk->count - 1;
    RAISE(kCauseInsnMisaligned, npc);
  }
  if (async_ || retired >= limit) {
    s_.pc = npc;
    goto enter;
  }
  nb = lookup(npc, retired);
  if (!nb) {
    s_.pc = npc;
    goto enter;
  }
  goto run_block;

do_exit_after:
  retired += INDEX + 1;
  s_.pc = static_cast<XReg>(PC + LEN);
  goto enter;

do_trap:
  retired += INDEX;
  s_.pc = ip->pc;
take_exception:
  if (retired != idle_trap_count_at) {
    idle_trap_count_at = retired;
    idle_traps = 0;
  } else if (++idle_traps >= kLockupTraps) {
    s_.retired = retired;
    report(ReportLevel::Error, "lockup: exceptions follow each other without an instruction "
                               "retiring (cause " + std::to_string(fault_.cause) + " at pc 0x" +
                               to_hex(s_.pc) + ")");
    return StopReason::Lockup;
  }
  take_trap(fault_.cause, fault_.tval, s_.pc, false);
  goto enter;

#undef X
#undef SX
#undef RS1
#undef RS2
#undef IMM
#undef LEN
#undef PC
#undef WR
#undef INDEX
#undef RETIRED_NOW
#undef DISPATCH
#undef NEXT
#undef JUMP
#undef JUMP_TO
#undef JUMP_INDIRECT
#undef BRANCH
#undef RAISE
#undef ADDR
#undef CHECK_TARGET
#undef AFTER_SLOW
#undef LOAD
#undef STORE
#undef LOAD_RESERVED
#undef STORE_CONDITIONAL
#undef AMO
#undef CSR_OP
#undef WAIT_FOR_INTERRUPT
#undef FENCE_I
}

}  // namespace

std::unique_ptr<HartCore> make_hart_core(const HartConfig& config, Bus& bus,
                                         CoherenceDomain& domain) {
  if (config.xlen == Xlen::Rv32) return std::make_unique<Core<uint32_t>>(config, bus, domain);
  return std::make_unique<Core<uint64_t>>(config, bus, domain);
}

}  // namespace rvtlm::iss
