// CSR numbers and trap causes used by the hart (Privileged spec 2.2, 3.1.15).
#ifndef RVTLM_ISS_CSR_H
#define RVTLM_ISS_CSR_H

#include <cstdint>

namespace rvtlm::iss {

namespace csr {
enum : uint16_t {
  kCycle = 0xc00,
  kTime = 0xc01,
  kInstret = 0xc02,
  kHpmCounter3 = 0xc03,
  kHpmCounter31 = 0xc1f,
  kCycleH = 0xc80,
  kTimeH = 0xc81,
  kInstretH = 0xc82,
  kHpmCounter3H = 0xc83,
  kHpmCounter31H = 0xc9f,
  kMstatus = 0x300,
  kMisa = 0x301,
  kMie = 0x304,
  kMtvec = 0x305,
  kMenvcfg = 0x30a,
  kMstatusH = 0x310,
  kMenvcfgH = 0x31a,
  kMcountinhibit = 0x320,
  kMhpmEvent3 = 0x323,
  kMhpmEvent31 = 0x33f,
  kMscratch = 0x340,
  kMepc = 0x341,
  kMcause = 0x342,
  kMtval = 0x343,
  kMip = 0x344,
  kMcycle = 0xb00,
  kMinstret = 0xb02,
  kMhpmCounter3 = 0xb03,
  kMhpmCounter31 = 0xb1f,
  kMcycleH = 0xb80,
  kMinstretH = 0xb82,
  kMhpmCounter3H = 0xb83,
  kMhpmCounter31H = 0xb9f,
  kMvendorid = 0xf11,
  kMarchid = 0xf12,
  kMimpid = 0xf13,
  kMhartid = 0xf14,
  kMconfigptr = 0xf15,
};
}  // namespace csr

// The architectural name of a CSR, or nullptr if it has none that rvtlm knows.
const char* csr_name(uint16_t number);

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
};

// mstatus fields.
inline constexpr uint64_t kMstatusMie = uint64_t{1} << 3;
inline constexpr uint64_t kMstatusMpie = uint64_t{1} << 7;
inline constexpr uint64_t kMstatusMpp = uint64_t{3} << 11;

}  // namespace rvtlm::iss

#endif
