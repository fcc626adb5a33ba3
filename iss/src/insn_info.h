// What instrumentation needs to know about a semantic op: its class and the
// data access it makes. One row per op that is not a plain ALU operation.
#ifndef RVTLM_ISS_INSN_INFO_H
#define RVTLM_ISS_INSN_INFO_H

#include <cstdint>

#include "decoder.h"
#include "rvtlm/iss/instrumentation.h"

namespace rvtlm::iss {

// The data access of an op: bytes, load and/or store, and whether the
// address is rs1 alone (atomics) or rs1 + imm.
struct MemoryShape {
  uint8_t size = 0;
  bool load = false;
  bool store = false;
  bool base_only = false;
};

// clang-format off
//   E(op, class, bytes, load, store, base_only)
#define RVTLM_OP_INFO(E) \
  E(illegal, Illegal, 0, 0, 0, 0) \
  E(jal, Jump, 0, 0, 0, 0) E(jalr, Jump, 0, 0, 0, 0) \
  E(beq, Branch, 0, 0, 0, 0) E(bne, Branch, 0, 0, 0, 0) E(blt, Branch, 0, 0, 0, 0) \
  E(bge, Branch, 0, 0, 0, 0) E(bltu, Branch, 0, 0, 0, 0) E(bgeu, Branch, 0, 0, 0, 0) \
  E(lb, Load, 1, 1, 0, 0) E(lh, Load, 2, 1, 0, 0) E(lw, Load, 4, 1, 0, 0) E(ld, Load, 8, 1, 0, 0) \
  E(lbu, Load, 1, 1, 0, 0) E(lhu, Load, 2, 1, 0, 0) E(lwu, Load, 4, 1, 0, 0) \
  E(sb, Store, 1, 0, 1, 0) E(sh, Store, 2, 0, 1, 0) E(sw, Store, 4, 0, 1, 0) E(sd, Store, 8, 0, 1, 0) \
  E(fence, Fence, 0, 0, 0, 0) \
  E(mul, Multiply, 0, 0, 0, 0) E(mulh, Multiply, 0, 0, 0, 0) E(mulhsu, Multiply, 0, 0, 0, 0) \
  E(mulhu, Multiply, 0, 0, 0, 0) E(mulw, Multiply, 0, 0, 0, 0) \
  E(div, Divide, 0, 0, 0, 0) E(divu, Divide, 0, 0, 0, 0) E(rem, Divide, 0, 0, 0, 0) \
  E(remu, Divide, 0, 0, 0, 0) E(divw, Divide, 0, 0, 0, 0) E(divuw, Divide, 0, 0, 0, 0) \
  E(remw, Divide, 0, 0, 0, 0) E(remuw, Divide, 0, 0, 0, 0) \
  E(lr_w, Atomic, 4, 1, 0, 1) E(lr_d, Atomic, 8, 1, 0, 1) \
  E(sc_w, Atomic, 4, 0, 1, 1) E(sc_d, Atomic, 8, 0, 1, 1) \
  E(amoswap_w, Atomic, 4, 1, 1, 1) E(amoadd_w, Atomic, 4, 1, 1, 1) E(amoxor_w, Atomic, 4, 1, 1, 1) \
  E(amoand_w, Atomic, 4, 1, 1, 1) E(amoor_w, Atomic, 4, 1, 1, 1) E(amomin_w, Atomic, 4, 1, 1, 1) \
  E(amomax_w, Atomic, 4, 1, 1, 1) E(amominu_w, Atomic, 4, 1, 1, 1) E(amomaxu_w, Atomic, 4, 1, 1, 1) \
  E(amoswap_d, Atomic, 8, 1, 1, 1) E(amoadd_d, Atomic, 8, 1, 1, 1) E(amoxor_d, Atomic, 8, 1, 1, 1) \
  E(amoand_d, Atomic, 8, 1, 1, 1) E(amoor_d, Atomic, 8, 1, 1, 1) E(amomin_d, Atomic, 8, 1, 1, 1) \
  E(amomax_d, Atomic, 8, 1, 1, 1) E(amominu_d, Atomic, 8, 1, 1, 1) E(amomaxu_d, Atomic, 8, 1, 1, 1) \
  E(csrrw, Csr, 0, 0, 0, 0) E(csrrs, Csr, 0, 0, 0, 0) E(csrrc, Csr, 0, 0, 0, 0) \
  E(csrrwi, Csr, 0, 0, 0, 0) E(csrrsi, Csr, 0, 0, 0, 0) E(csrrci, Csr, 0, 0, 0, 0) \
  E(ecall, System, 0, 0, 0, 0) E(ebreak, System, 0, 0, 0, 0) E(mret, System, 0, 0, 0, 0) \
  E(sret, System, 0, 0, 0, 0) E(wfi, System, 0, 0, 0, 0) E(fence_i, System, 0, 0, 0, 0) \
  E(sfence_vma, System, 0, 0, 0, 0) \
  E(flw, FpLoad, 4, 1, 0, 0) E(fld, FpLoad, 8, 1, 0, 0) \
  E(fsw, FpStore, 4, 0, 1, 0) E(fsd, FpStore, 8, 0, 1, 0) \
  E(fmadd_s, FpFma, 0, 0, 0, 0) E(fmsub_s, FpFma, 0, 0, 0, 0) E(fnmsub_s, FpFma, 0, 0, 0, 0) \
  E(fnmadd_s, FpFma, 0, 0, 0, 0) E(fmadd_d, FpFma, 0, 0, 0, 0) E(fmsub_d, FpFma, 0, 0, 0, 0) \
  E(fnmsub_d, FpFma, 0, 0, 0, 0) E(fnmadd_d, FpFma, 0, 0, 0, 0) \
  E(fadd_s, FpAdd, 0, 0, 0, 0) E(fsub_s, FpAdd, 0, 0, 0, 0) E(fmin_s, FpAdd, 0, 0, 0, 0) \
  E(fmax_s, FpAdd, 0, 0, 0, 0) E(feq_s, FpAdd, 0, 0, 0, 0) E(flt_s, FpAdd, 0, 0, 0, 0) \
  E(fle_s, FpAdd, 0, 0, 0, 0) E(fclass_s, FpAdd, 0, 0, 0, 0) E(fsgnj_s, FpAdd, 0, 0, 0, 0) \
  E(fsgnjn_s, FpAdd, 0, 0, 0, 0) E(fsgnjx_s, FpAdd, 0, 0, 0, 0) \
  E(fadd_d, FpAdd, 0, 0, 0, 0) E(fsub_d, FpAdd, 0, 0, 0, 0) E(fmin_d, FpAdd, 0, 0, 0, 0) \
  E(fmax_d, FpAdd, 0, 0, 0, 0) E(feq_d, FpAdd, 0, 0, 0, 0) E(flt_d, FpAdd, 0, 0, 0, 0) \
  E(fle_d, FpAdd, 0, 0, 0, 0) E(fclass_d, FpAdd, 0, 0, 0, 0) E(fsgnj_d, FpAdd, 0, 0, 0, 0) \
  E(fsgnjn_d, FpAdd, 0, 0, 0, 0) E(fsgnjx_d, FpAdd, 0, 0, 0, 0) \
  E(fmul_s, FpMultiply, 0, 0, 0, 0) E(fmul_d, FpMultiply, 0, 0, 0, 0) \
  E(fdiv_s, FpDivide, 0, 0, 0, 0) E(fsqrt_s, FpDivide, 0, 0, 0, 0) \
  E(fdiv_d, FpDivide, 0, 0, 0, 0) E(fsqrt_d, FpDivide, 0, 0, 0, 0) \
  E(fcvt_w_s, FpConvert, 0, 0, 0, 0) E(fcvt_wu_s, FpConvert, 0, 0, 0, 0) \
  E(fcvt_l_s, FpConvert, 0, 0, 0, 0) E(fcvt_lu_s, FpConvert, 0, 0, 0, 0) \
  E(fmv_x_w, FpConvert, 0, 0, 0, 0) E(fcvt_s_w, FpConvert, 0, 0, 0, 0) \
  E(fcvt_s_wu, FpConvert, 0, 0, 0, 0) E(fcvt_s_l, FpConvert, 0, 0, 0, 0) \
  E(fcvt_s_lu, FpConvert, 0, 0, 0, 0) E(fmv_w_x, FpConvert, 0, 0, 0, 0) \
  E(fcvt_s_d, FpConvert, 0, 0, 0, 0) E(fcvt_d_s, FpConvert, 0, 0, 0, 0) \
  E(fcvt_w_d, FpConvert, 0, 0, 0, 0) E(fcvt_wu_d, FpConvert, 0, 0, 0, 0) \
  E(fcvt_l_d, FpConvert, 0, 0, 0, 0) E(fcvt_lu_d, FpConvert, 0, 0, 0, 0) \
  E(fmv_x_d, FpConvert, 0, 0, 0, 0) E(fcvt_d_w, FpConvert, 0, 0, 0, 0) \
  E(fcvt_d_wu, FpConvert, 0, 0, 0, 0) E(fcvt_d_l, FpConvert, 0, 0, 0, 0) \
  E(fcvt_d_lu, FpConvert, 0, 0, 0, 0) E(fmv_d_x, FpConvert, 0, 0, 0, 0)
// clang-format on

constexpr InsnClass insn_class_of(Op op) {
  switch (op) {
#define RVTLM_INFO_CLASS(name, cls, ...) \
  case Op::name:                         \
    return InsnClass::cls;
    RVTLM_OP_INFO(RVTLM_INFO_CLASS)
#undef RVTLM_INFO_CLASS
    default:
      return InsnClass::Alu;
  }
}

constexpr MemoryShape memory_shape(Op op) {
  switch (op) {
#define RVTLM_INFO_SHAPE(name, cls, bytes, ld, st, base) \
  case Op::name:                                         \
    return MemoryShape{bytes, ld != 0, st != 0, base != 0};
    RVTLM_OP_INFO(RVTLM_INFO_SHAPE)
#undef RVTLM_INFO_SHAPE
    default:
      return MemoryShape{};
  }
}

}  // namespace rvtlm::iss

#endif
