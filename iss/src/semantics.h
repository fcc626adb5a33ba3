// Each instruction's meaning as an inline function of the hart and the
// decoded operands, generated from the OP rows of insns.def:
//   template <typename XReg> void sem::add(Core&, const DecodedInsn&, uint64_t retired);
//   template <typename XReg> Flow sem::beq(Core&, const DecodedInsn&, uint64_t retired);
// `retired` is the number of instructions retired before this one (what an
// MMIO access or a CSR read of minstret sees). The interpreter calls these;
// a code generator can call the same functions.
#ifndef RVTLM_ISS_SEMANTICS_H
#define RVTLM_ISS_SEMANTICS_H

#include <cstring>
#include <limits>
#include <type_traits>

#include "core.h"
#include "host_float.h"
#include "insns.def"
#include "softfloat.h"

namespace rvtlm::iss::sem {

#define RVTLM_INLINE inline __attribute__((always_inline))

// ---- integer helpers ------------------------------------------------------
template <typename XReg>
RVTLM_INLINE XReg sext32_of(uint64_t v) {
  return static_cast<XReg>(static_cast<int64_t>(static_cast<int32_t>(static_cast<uint32_t>(v))));
}
template <typename XReg>
RVTLM_INLINE XReg mulhu(XReg a, XReg b) {
  if constexpr (sizeof(XReg) == 4) {
    return static_cast<XReg>((uint64_t{a} * b) >> 32);
  } else {
    return static_cast<XReg>((static_cast<unsigned __int128>(a) * b) >> 64);
  }
}
template <typename XReg, typename SReg = std::make_signed_t<XReg>>
RVTLM_INLINE XReg mulh(SReg a, SReg b) {
  if constexpr (sizeof(XReg) == 4) {
    return static_cast<XReg>((int64_t{a} * b) >> 32);
  } else {
    return static_cast<XReg>((static_cast<__int128>(a) * b) >> 64);
  }
}
template <typename XReg, typename SReg = std::make_signed_t<XReg>>
RVTLM_INLINE XReg mulhsu(SReg a, XReg b) {
  if constexpr (sizeof(XReg) == 4) {
    return static_cast<XReg>((int64_t{a} * static_cast<int64_t>(b)) >> 32);
  } else {
    return static_cast<XReg>(
        (static_cast<__int128>(a) * static_cast<__int128>(static_cast<unsigned __int128>(b))) >>
        64);
  }
}
// Unprivileged spec 7.2: division by zero and overflow do not trap.
template <typename S>
RVTLM_INLINE S div_signed(S a, S b) {
  if (b == 0) return S{-1};
  if (a == std::numeric_limits<S>::min() && b == S{-1}) return a;
  return a / b;
}
template <typename S>
RVTLM_INLINE S rem_signed(S a, S b) {
  if (b == 0) return a;
  if (a == std::numeric_limits<S>::min() && b == S{-1}) return 0;
  return a % b;
}
template <typename T>
RVTLM_INLINE T count_leading_zeros(T v) {
  if (v == 0) return static_cast<T>(sizeof(T) * 8);
  if constexpr (sizeof(T) == 4)
    return static_cast<T>(__builtin_clz(v));
  else
    return static_cast<T>(__builtin_clzll(v));
}
template <typename T>
RVTLM_INLINE T count_trailing_zeros(T v) {
  if (v == 0) return static_cast<T>(sizeof(T) * 8);
  if constexpr (sizeof(T) == 4)
    return static_cast<T>(__builtin_ctz(v));
  else
    return static_cast<T>(__builtin_ctzll(v));
}
template <typename T>
RVTLM_INLINE T population_count(T v) {
  if constexpr (sizeof(T) == 4)
    return static_cast<T>(__builtin_popcount(v));
  else
    return static_cast<T>(__builtin_popcountll(v));
}
template <typename T>
RVTLM_INLINE T rotate_left(T v, T n) {
  constexpr T bits = sizeof(T) * 8;
  n &= bits - 1;
  return n == 0 ? v : static_cast<T>((v << n) | (v >> (bits - n)));
}
template <typename T>
RVTLM_INLINE T rotate_right(T v, T n) {
  constexpr T bits = sizeof(T) * 8;
  n &= bits - 1;
  return n == 0 ? v : static_cast<T>((v >> n) | (v << (bits - n)));
}
template <typename T>
RVTLM_INLINE T or_combine_bytes(T v) {
  T r = 0;
  for (unsigned i = 0; i < sizeof(T); ++i) {
    if ((v >> (8 * i)) & 0xff) r |= static_cast<T>(T{0xff} << (8 * i));
  }
  return r;
}
template <typename T>
RVTLM_INLINE T byte_reverse(T v) {
  if constexpr (sizeof(T) == 4)
    return __builtin_bswap32(v);
  else
    return __builtin_bswap64(v);
}

// ---- floating-point helpers (Unprivileged spec 11.2, 12.2) -----------------
// A single value in a 64-bit register is valid only when NaN-boxed; any
// other pattern reads as the canonical NaN.
template <typename T>
RVTLM_INLINE T unbox(uint64_t v) {
  if constexpr (sizeof(T) == 4) {
    return (v >> 32) == 0xffffffffu ? static_cast<uint32_t>(v) : fp::kF32CanonicalNaN;
  } else {
    return v;
  }
}
template <typename T>
RVTLM_INLINE uint64_t box(T v) {
  if constexpr (sizeof(T) == 4)
    return uint64_t{0xffffffff00000000u} | v;
  else
    return v;
}
template <typename T>
constexpr T sign_bit() {
  return static_cast<T>(T{1} << (sizeof(T) * 8 - 1));
}
RVTLM_INLINE uint64_t f32_to_f64_rounded(uint32_t a, fp::Rounding, uint8_t& flags) {
  return fp::f32_to_f64(a, flags);
}

// ---- control ---------------------------------------------------------------
RVTLM_INLINE Flow raise(Core& c, uint64_t cause, uint64_t tval) {
  c.fault = {cause, tval};
  return Flow::Trap;
}
RVTLM_INLINE Flow illegal(Core& c, const DecodedInsn& d) {
  return raise(c, kCauseIllegalInstruction, d.bits);
}
template <typename XReg>
RVTLM_INLINE uint64_t effective_address(const Core& c, const DecodedInsn& d) {
  return static_cast<XReg>(static_cast<XReg>(c.x[d.rs1]) + static_cast<XReg>(d.imm));
}
// After a slow path: anything it set in motion (an interrupt line, an exit
// request) is seen before the next instruction.
RVTLM_INLINE Flow after_slow(const Core& c) { return c.async ? Flow::Resync : Flow::Next; }

// Sdtrig: a load or store trigger fires before the access (Debug spec 5.5).
RVTLM_INLINE bool data_trigger(Core& c, uint64_t addr, unsigned size, bool store) {
  if (!c.data_triggers_armed() || !c.trigger_matches_data(addr, size, store)) return false;
  c.fault = {kCauseBreakpoint, addr};
  return true;
}

// ---- loads and stores ------------------------------------------------------
template <typename XReg, typename T>
__attribute__((noinline)) Flow load_slow(Core& c, const DecodedInsn& d, uint64_t retired,
                                         uint64_t a) {
  if (data_trigger(c, a, sizeof(T), false)) return Flow::Trap;
  uint64_t w;
  if (!c.mmu.load(a, sizeof(T), w, retired, c.fault)) return Flow::Trap;
  c.x[d.rd] = static_cast<XReg>(static_cast<T>(w));
  return after_slow(c);
}
template <typename XReg, typename T>
RVTLM_INLINE Flow load(Core& c, const DecodedInsn& d, uint64_t retired) {
  const uint64_t a = effective_address<XReg>(c, d);
  T v;
  if (c.mmu.template load_fast<T>(a, v)) {
    c.x[d.rd] = static_cast<XReg>(v);
    return Flow::Next;
  }
  return load_slow<XReg, T>(c, d, retired, a);
}
template <typename XReg, typename T>
__attribute__((noinline)) Flow store_slow(Core& c, uint64_t retired, uint64_t a, T v) {
  if (data_trigger(c, a, sizeof(T), true)) return Flow::Trap;
  if (!c.mmu.store(a, sizeof(T), v, retired, c.fault)) return Flow::Trap;
  return after_slow(c);
}
template <typename XReg, typename T>
RVTLM_INLINE Flow store(Core& c, const DecodedInsn& d, uint64_t retired, T v) {
  const uint64_t a = effective_address<XReg>(c, d);
  if (c.mmu.template store_fast<T>(a, v)) return Flow::Next;
  return store_slow<XReg, T>(c, retired, a, v);
}

template <typename XReg, typename T>
Flow load_reserved(Core& c, const DecodedInsn& d, uint64_t retired) {
  const uint64_t a = static_cast<XReg>(c.x[d.rs1]);
  if (data_trigger(c, a, sizeof(T), false)) return Flow::Trap;
  uint64_t w, pa = 0;
  if (!c.mmu.load(a, sizeof(T), w, retired, c.fault, LoadKind::Reserved, &pa)) return Flow::Trap;
  c.x[d.rd] = static_cast<XReg>(static_cast<T>(w));
  c.reserve(pa);
  return after_slow(c);
}
template <typename XReg, typename T>
Flow store_conditional(Core& c, const DecodedInsn& d, uint64_t retired) {
  const uint64_t a = static_cast<XReg>(c.x[d.rs1]);
  if (data_trigger(c, a, sizeof(T), true)) return Flow::Trap;
  if (a & (sizeof(T) - 1)) return raise(c, kCauseStoreMisaligned, a);
  uint64_t pa;
  // The access is checked (and faults) whether or not the store happens.
  if (!c.mmu.translate(a, sizeof(T), AccessType::Write, pa, c.fault)) return Flow::Trap;
  const bool ok = c.s.reservation_valid && c.s.reservation_addr == (pa & ~uint64_t{7});
  c.release_reservation();
  if (ok && !c.mmu.store(a, sizeof(T), static_cast<T>(c.x[d.rs2]), retired, c.fault, true))
    return Flow::Trap;
  c.x[d.rd] = ok ? 0 : 1;
  return after_slow(c);
}
template <typename XReg, typename T, typename Fn>
RVTLM_INLINE Flow amo(Core& c, const DecodedInsn& d, uint64_t retired, Fn fn) {
  using U = std::make_unsigned_t<T>;
  const uint64_t a = static_cast<XReg>(c.x[d.rs1]);
  // An AMO is a load and a store for the triggers, which take priority over
  // a misaligned address (Debug spec 5.5, Privileged spec 3.7 priority).
  if (data_trigger(c, a, sizeof(T), false) || data_trigger(c, a, sizeof(T), true))
    return Flow::Trap;
  if (a & (sizeof(T) - 1)) return raise(c, kCauseStoreMisaligned, a);
  const T b = static_cast<T>(c.x[d.rs2]);
  if (T* p = c.mmu.template rmw_fast<T>(a)) {
    T old;
    std::memcpy(&old, p, sizeof(T));
    const T r = fn(old, b);
    std::memcpy(p, &r, sizeof(T));
    c.x[d.rd] = static_cast<XReg>(old);
    return Flow::Next;
  }
  uint64_t w;
  if (!c.mmu.load(a, sizeof(T), w, retired, c.fault, LoadKind::Amo)) return Flow::Trap;
  const T old = static_cast<T>(w);
  const T r = fn(old, b);
  if (!c.mmu.store(a, sizeof(T), static_cast<U>(r), retired, c.fault, true)) return Flow::Trap;
  c.x[d.rd] = static_cast<XReg>(old);
  return after_slow(c);
}

// ---- system ----------------------------------------------------------------
template <typename XReg>
Flow csr_op(Core& c, const DecodedInsn& d, uint64_t retired, CsrOp op, XReg operand) {
  const bool writes = op == CsrOp::Write || d.rs1 != 0;
  uint64_t old = 0;
  if (!c.csr_instruction(static_cast<uint16_t>(d.imm & 0xfff), op, operand, writes, retired, old))
    return illegal(c, d);
  c.x[d.rd] = static_cast<XReg>(old);
  c.npc = static_cast<XReg>(d.pc + d.len);
  return Flow::Fallthrough;
}
RVTLM_INLINE Flow xret(Core& c, const DecodedInsn& d, unsigned level) {
  if (!c.xret(level)) return illegal(c, d);
  return Flow::Indirect;
}
// Privileged spec 3.3.3: with S-mode present, wfi in U-mode is illegal;
// mstatus.TW makes it illegal below M.
RVTLM_INLINE Flow wait_for_interrupt(Core& c, const DecodedInsn& d) {
  if ((c.s.priv < 3 && (c.s.mstatus & kMstatusTw)) ||
      (c.s.priv == 0 && c.config.isa.has(Extension::S)))
    return illegal(c, d);
  return Flow::Wfi;
}
RVTLM_INLINE Flow sfence_vma(Core& c, const DecodedInsn& d) {
  if (c.s.priv == 0 || (c.s.priv == 1 && (c.s.mstatus & kMstatusTvm))) return illegal(c, d);
  // The TLB is direct-mapped by virtual page: one address names the only
  // entries that can hold it (a superpage is cached per 4 KiB page).
  if (d.rs1 != 0)
    c.mmu.flush_virtual_page(c.x[d.rs1]);
  else
    c.mmu.flush_virtual();
  ++c.epoch_;
  return Flow::Resync;
}

// ---- floating point ----------------------------------------------------------
RVTLM_INLINE bool fp_off(const Core& c) { return (c.s.mstatus & kMstatusFs) == 0; }
RVTLM_INLINE void fp_dirty(Core& c) { c.s.mstatus |= kMstatusFs; }
RVTLM_INLINE void accrue(Core& c, uint8_t flags) {
  if (flags) {
    c.s.fflags |= flags;
    fp_dirty(c);
  }
}
// The instruction's rounding mode; false when dynamic and frm is invalid.
RVTLM_INLINE bool rounding(const Core& c, const DecodedInsn& d, fp::Rounding& rm) {
  const unsigned m = d.rm == 7 ? c.s.frm : d.rm;
  if (m > 4) return false;
  rm = static_cast<fp::Rounding>(m);
  return true;
}
template <typename T>
RVTLM_INLINE void write_f(Core& c, unsigned rd, T v) {
  c.s.f[rd] = box<T>(v);
  fp_dirty(c);
}

template <typename XReg, typename T>
Flow fp_load(Core& c, const DecodedInsn& d, uint64_t retired) {
  if (fp_off(c)) return illegal(c, d);
  const uint64_t a = effective_address<XReg>(c, d);
  T v;
  if (!c.mmu.template load_fast<T>(a, v)) {
    if (data_trigger(c, a, sizeof(T), false)) return Flow::Trap;
    uint64_t w;
    if (!c.mmu.load(a, sizeof(T), w, retired, c.fault)) return Flow::Trap;
    v = static_cast<T>(w);
  }
  write_f<T>(c, d.rd, v);
  return after_slow(c);
}
template <typename XReg, typename T>
Flow fp_store(Core& c, const DecodedInsn& d, uint64_t retired) {
  if (fp_off(c)) return illegal(c, d);
  return store<XReg, T>(c, d, retired, static_cast<T>(c.s.f[d.rs2]));
}
template <typename T, typename Fn>
RVTLM_INLINE Flow fp_binary(Core& c, const DecodedInsn& d, Fn fn) {
  fp::Rounding rm;
  if (fp_off(c) || !rounding(c, d, rm)) return illegal(c, d);
  if (rm == fp::Rounding::NearestEven && c.host_float) rm = fp::fast::kHostNearestEven;
  uint8_t flags = 0;
  const T r = fn(unbox<T>(c.s.f[d.rs1]), unbox<T>(c.s.f[d.rs2]), rm, flags);
  write_f<T>(c, d.rd, r);
  accrue(c, flags);
  return Flow::Next;
}
template <typename T, typename Fn>
RVTLM_INLINE Flow fp_binary_exact(Core& c, const DecodedInsn& d, Fn fn) {
  if (fp_off(c)) return illegal(c, d);
  uint8_t flags = 0;
  const T r = fn(unbox<T>(c.s.f[d.rs1]), unbox<T>(c.s.f[d.rs2]), flags);
  write_f<T>(c, d.rd, r);
  accrue(c, flags);
  return Flow::Next;
}
template <typename TD, typename TS, typename Fn>
RVTLM_INLINE Flow fp_unary(Core& c, const DecodedInsn& d, Fn fn) {
  fp::Rounding rm;
  if (fp_off(c) || !rounding(c, d, rm)) return illegal(c, d);
  uint8_t flags = 0;
  const TD r = fn(unbox<TS>(c.s.f[d.rs1]), rm, flags);
  write_f<TD>(c, d.rd, r);
  accrue(c, flags);
  return Flow::Next;
}
// fmadd/fmsub/fnmsub/fnmadd: the signs of the product and of the addend
// flipped before one fused operation (Unprivileged spec 11.6).
template <typename T, typename Fn>
RVTLM_INLINE Flow fp_fma(Core& c, const DecodedInsn& d, Fn fn, bool negate_product,
                         bool negate_addend) {
  fp::Rounding rm;
  if (fp_off(c) || !rounding(c, d, rm)) return illegal(c, d);
  if (rm == fp::Rounding::NearestEven && c.host_float) rm = fp::fast::kHostNearestEven;
  uint8_t flags = 0;
  T a = unbox<T>(c.s.f[d.rs1]);
  T addend = unbox<T>(c.s.f[d.rs3]);
  if (negate_product) a ^= sign_bit<T>();
  if (negate_addend) addend ^= sign_bit<T>();
  const T r = fn(a, unbox<T>(c.s.f[d.rs2]), addend, rm, flags);
  write_f<T>(c, d.rd, r);
  accrue(c, flags);
  return Flow::Next;
}
template <typename T, typename Fn>
RVTLM_INLINE Flow fp_sign(Core& c, const DecodedInsn& d, Fn fn) {
  if (fp_off(c)) return illegal(c, d);
  const T a = unbox<T>(c.s.f[d.rs1]);
  const T b = unbox<T>(c.s.f[d.rs2]);
  write_f<T>(c, d.rd, static_cast<T>((a & ~sign_bit<T>()) | (fn(a, b) & sign_bit<T>())));
  return Flow::Next;
}
template <typename XReg, typename T, typename I, typename Fn>
RVTLM_INLINE Flow fp_to_int(Core& c, const DecodedInsn& d, Fn fn) {
  fp::Rounding rm;
  if (fp_off(c) || !rounding(c, d, rm)) return illegal(c, d);
  uint8_t flags = 0;
  const I r = static_cast<I>(fn(unbox<T>(c.s.f[d.rs1]), rm, flags));
  c.x[d.rd] = static_cast<XReg>(static_cast<int64_t>(r));
  accrue(c, flags);
  return Flow::Next;
}
template <typename XReg, typename T, typename I, typename Fn>
RVTLM_INLINE Flow fp_from_int(Core& c, const DecodedInsn& d, Fn fn) {
  fp::Rounding rm;
  if (fp_off(c) || !rounding(c, d, rm)) return illegal(c, d);
  uint8_t flags = 0;
  const T r = fn(static_cast<I>(static_cast<XReg>(c.x[d.rs1])), rm, flags);
  write_f<T>(c, d.rd, r);
  accrue(c, flags);
  return Flow::Next;
}
template <typename XReg, typename T, typename Fn>
RVTLM_INLINE Flow fp_compare(Core& c, const DecodedInsn& d, Fn fn) {
  if (fp_off(c)) return illegal(c, d);
  uint8_t flags = 0;
  c.x[d.rd] = fn(unbox<T>(c.s.f[d.rs1]), unbox<T>(c.s.f[d.rs2]), flags) ? 1 : 0;
  accrue(c, flags);
  return Flow::Next;
}
template <typename XReg, typename T, typename Fn>
RVTLM_INLINE Flow fp_classify(Core& c, const DecodedInsn& d, Fn fn) {
  if (fp_off(c)) return illegal(c, d);
  c.x[d.rd] = fn(unbox<T>(c.s.f[d.rs1]));
  return Flow::Next;
}
template <typename XReg, typename I>
RVTLM_INLINE Flow fp_move_to_x(Core& c, const DecodedInsn& d) {
  if (fp_off(c)) return illegal(c, d);
  c.x[d.rd] = static_cast<XReg>(static_cast<int64_t>(static_cast<I>(c.s.f[d.rs1])));
  return Flow::Next;
}
template <typename XReg, typename T>
RVTLM_INLINE Flow fp_move_from_x(Core& c, const DecodedInsn& d) {
  if (fp_off(c)) return illegal(c, d);
  write_f<T>(c, d.rd, static_cast<T>(static_cast<XReg>(c.x[d.rs1])));
  return Flow::Next;
}

// ---- the semantic functions, one per OP row ---------------------------------
#define X(r) static_cast<XReg>(c.x[r])
#define SX(r) static_cast<SReg>(static_cast<XReg>(c.x[r]))
#define RS1 d.rs1
#define RS2 d.rs2
#define IMM d.imm
#define LEN d.len
#define BITS d.bits
#define PRIV c.s.priv
#define PC static_cast<XReg>(d.pc)
#define WR(v) (c.x[d.rd] = static_cast<XReg>(v))
#define RAISE(cause, tval) raise(c, cause, static_cast<uint64_t>(tval))
// Without C, a jump to a target that is not 4-byte aligned raises the
// exception on the jump itself, before it writes rd (Unprivileged spec 2.5).
#define CHECK_TARGET(t) \
  if ((t)&c.jump_mask) return raise(c, kCauseInsnMisaligned, t)
#define JUMP(t) (c.npc = static_cast<XReg>(t), Flow::Taken)
#define JUMP_INDIRECT(t) (c.npc = static_cast<XReg>(t), Flow::Indirect)
#define BRANCH(cond)                                           \
  ((cond) ? (c.npc = static_cast<XReg>(PC + IMM), Flow::Taken) \
          : (c.npc = static_cast<XReg>(PC + LEN), Flow::Fallthrough))
#define LOAD(T) load<XReg, T>(c, d, retired)
#define STORE(T, v) store<XReg, T>(c, d, retired, static_cast<T>(v))
#define LOAD_RESERVED(T) load_reserved<XReg, T>(c, d, retired)
#define STORE_CONDITIONAL(T) store_conditional<XReg, T>(c, d, retired)
#define AMO(T, expr)                         \
  amo<XReg, T>(c, d, retired, [](T a, T b) { \
    (void)a;                                 \
    (void)b;                                 \
    return static_cast<T>(expr);             \
  })
#define CSR_OP(kind, operand) csr_op<XReg>(c, d, retired, kind, static_cast<XReg>(operand))
#define XRET(level) xret(c, d, level)
#define WAIT_FOR_INTERRUPT() wait_for_interrupt(c, d)
#define FLUSH_AFTER() (c.async |= kAsyncFlush, Flow::Resync)
#define SFENCE_VMA() sfence_vma(c, d)
#define FLOAD(T) fp_load<XReg, T>(c, d, retired)
#define FSTORE(T) fp_store<XReg, T>(c, d, retired)
#define FP_BINARY(T, fn) fp_binary<T>(c, d, fn)
#define FP_BINARY_EXACT(T, fn) fp_binary_exact<T>(c, d, fn)
#define FP_UNARY(TD, TS, fn) fp_unary<TD, TS>(c, d, fn)
#define FP_FMA(T, fn, np, na) fp_fma<T>(c, d, fn, np, na)
#define FP_SIGN(T, expr)          \
  fp_sign<T>(c, d, [](T a, T b) { \
    (void)a;                      \
    (void)b;                      \
    return static_cast<T>(expr);  \
  })
#define FP_TO_INT(T, I, fn) fp_to_int<XReg, T, I>(c, d, fn)
#define FP_FROM_INT(T, I, fn) fp_from_int<XReg, T, I>(c, d, fn)
#define FP_COMPARE(T, fn) fp_compare<XReg, T>(c, d, fn)
#define FP_CLASSIFY(T, fn) fp_classify<XReg, T>(c, d, fn)
#define FP_MOVE_TO_X(I) fp_move_to_x<XReg, I>(c, d)
#define FP_MOVE_FROM_X(T) fp_move_from_x<XReg, T>(c, d)
#define sext32(v) sext32_of<XReg>(v)
#define uw(v) static_cast<XReg>(static_cast<uint32_t>(v))

#define RVTLM_SEM_RET_Seq void
#define RVTLM_SEM_RET_Ctl Flow
#define RVTLM_SEM_FN(name, kind, ...)                                                       \
  template <typename XReg>                                                                  \
  RVTLM_INLINE RVTLM_SEM_RET_##kind name(Core& c, const DecodedInsn& d, uint64_t retired) { \
    using SReg = std::make_signed_t<XReg>;                                                  \
    constexpr XReg kShiftMask = sizeof(XReg) * 8 - 1;                                       \
    (void)c;                                                                                \
    (void)d;                                                                                \
    (void)retired;                                                                          \
    (void)kShiftMask;                                                                       \
    (void)sizeof(SReg);                                                                     \
    __VA_ARGS__                                                                             \
  }
RVTLM_OPS(RVTLM_SEM_FN)
#undef RVTLM_SEM_FN
#undef RVTLM_SEM_RET_Seq
#undef RVTLM_SEM_RET_Ctl

#undef X
#undef SX
#undef RS1
#undef RS2
#undef IMM
#undef LEN
#undef BITS
#undef PRIV
#undef PC
#undef WR
#undef RAISE
#undef CHECK_TARGET
#undef JUMP
#undef JUMP_INDIRECT
#undef BRANCH
#undef LOAD
#undef STORE
#undef LOAD_RESERVED
#undef STORE_CONDITIONAL
#undef AMO
#undef CSR_OP
#undef XRET
#undef WAIT_FOR_INTERRUPT
#undef FLUSH_AFTER
#undef SFENCE_VMA
#undef FLOAD
#undef FSTORE
#undef FP_BINARY
#undef FP_BINARY_EXACT
#undef FP_UNARY
#undef FP_FMA
#undef FP_SIGN
#undef FP_TO_INT
#undef FP_FROM_INT
#undef FP_COMPARE
#undef FP_CLASSIFY
#undef FP_MOVE_TO_X
#undef FP_MOVE_FROM_X
#undef sext32
#undef uw

}  // namespace rvtlm::iss::sem

#endif
