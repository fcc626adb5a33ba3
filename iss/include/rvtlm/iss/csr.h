// CSR numbers (derived from csrs.def), trap causes and the fields of the
// status and interrupt registers (Privileged spec 2.2, 3.1, 4.1).
#ifndef RVTLM_ISS_CSR_H
#define RVTLM_ISS_CSR_H

#include <cstdint>
#include <string>

#include "rvtlm/iss/csrs.def"

namespace rvtlm::iss {

namespace csr {
// csr::kMstatus = 0x300, csr::kPmpaddr = 0x3b0 (the first of a family), ...
enum : uint16_t {
#define RVTLM_CSR_NUMBER_FIELD(name, number, ...) k_##name = number,
#define RVTLM_CSR_NUMBER_HOOK(name, number, ...) k_##name = number,
#define RVTLM_CSR_NUMBER_ARRAY(name, number, ...) k_##name = number,
  RVTLM_CSRS(RVTLM_CSR_NUMBER_FIELD, RVTLM_CSR_NUMBER_HOOK, RVTLM_CSR_NUMBER_ARRAY)
#undef RVTLM_CSR_NUMBER_FIELD
#undef RVTLM_CSR_NUMBER_HOOK
#undef RVTLM_CSR_NUMBER_ARRAY
};
}  // namespace csr

// The architectural name of a CSR ("mstatus", "pmpaddr12"), or an empty
// string if rvtlm implements no CSR with that number.
std::string csr_name(uint16_t number);
// The number of the CSR with that name; false if there is none.
bool csr_number(const std::string& name, uint16_t& number);

// mcause exception codes (Privileged spec table 3.6).
enum : uint64_t {
  kCauseInsnMisaligned = 0,
  kCauseInsnAccessFault = 1,
  kCauseIllegalInstruction = 2,
  kCauseBreakpoint = 3,
  kCauseLoadMisaligned = 4,
  kCauseLoadAccessFault = 5,
  kCauseStoreMisaligned = 6,
  kCauseStoreAccessFault = 7,
  kCauseUserEcall = 8,
  kCauseSupervisorEcall = 9,
  kCauseMachineEcall = 11,
  kCauseInsnPageFault = 12,
  kCauseLoadPageFault = 13,
  kCauseStorePageFault = 15,
};

// mstatus fields (Privileged spec 3.1.6).
inline constexpr uint64_t kMstatusSie = uint64_t{1} << 1;
inline constexpr uint64_t kMstatusMie = uint64_t{1} << 3;
inline constexpr uint64_t kMstatusSpie = uint64_t{1} << 5;
inline constexpr uint64_t kMstatusUbe = uint64_t{1} << 6;
inline constexpr uint64_t kMstatusMpie = uint64_t{1} << 7;
inline constexpr uint64_t kMstatusSpp = uint64_t{1} << 8;
inline constexpr uint64_t kMstatusVs = uint64_t{3} << 9;
inline constexpr uint64_t kMstatusMpp = uint64_t{3} << 11;
inline constexpr uint64_t kMstatusFs = uint64_t{3} << 13;
inline constexpr uint64_t kMstatusXs = uint64_t{3} << 15;
inline constexpr uint64_t kMstatusMprv = uint64_t{1} << 17;
inline constexpr uint64_t kMstatusSum = uint64_t{1} << 18;
inline constexpr uint64_t kMstatusMxr = uint64_t{1} << 19;
inline constexpr uint64_t kMstatusTvm = uint64_t{1} << 20;
inline constexpr uint64_t kMstatusTw = uint64_t{1} << 21;
inline constexpr uint64_t kMstatusTsr = uint64_t{1} << 22;
inline constexpr uint64_t kMstatusUxl = uint64_t{3} << 32;
inline constexpr uint64_t kMstatusSxl = uint64_t{3} << 34;
inline constexpr unsigned kMstatusFsShift = 13;

// Interrupt bits of mip/mie (Privileged spec 3.1.9).
inline constexpr uint64_t kIrqSsi = uint64_t{1} << 1;
inline constexpr uint64_t kIrqMsi = uint64_t{1} << 3;
inline constexpr uint64_t kIrqSti = uint64_t{1} << 5;
inline constexpr uint64_t kIrqMti = uint64_t{1} << 7;
inline constexpr uint64_t kIrqSei = uint64_t{1} << 9;
inline constexpr uint64_t kIrqMei = uint64_t{1} << 11;
inline constexpr uint64_t kIrqSupervisor = kIrqSsi | kIrqSti | kIrqSei;

// menvcfg fields this hart implements.
inline constexpr uint64_t kMenvcfgFiom = uint64_t{1} << 0;
inline constexpr uint64_t kMenvcfgStce = uint64_t{1} << 63;

}  // namespace rvtlm::iss

#endif
