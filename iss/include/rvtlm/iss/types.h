// Basic vocabulary of the ISS: register width, bus accesses, run results.
#ifndef RVTLM_ISS_TYPES_H
#define RVTLM_ISS_TYPES_H

#include <cstdint>

namespace rvtlm::iss {

enum class Xlen : uint8_t { Rv32 = 32, Rv64 = 64 };

// What the hart does with a load or store whose address is not naturally
// aligned (Privileged spec 3.6.3.3 allows either).
enum class MisalignedPolicy : uint8_t { Trap, Emulate };

enum class AccessType : uint8_t { Read, Write, Fetch };

enum class BusStatus : uint8_t { Ok, Error };

// One bus access that the hart could not satisfy through a DMI host pointer.
struct BusAccess {
  uint64_t addr = 0;
  unsigned size = 0;
  AccessType type = AccessType::Read;
  // Instructions this hart retired before the instruction making the access:
  // the bridge turns this into the exact local time of the access.
  uint64_t retired = 0;
  uint64_t hart_id = 0;
  // True when the access comes from a debugger or loader, not from execution.
  bool debug = false;
  // True for the page-table walk's own reads and writes of PTEs (Privileged
  // spec 4.3.2). They go through the bus when the hart holds no DMI pointer
  // for the page; a walk may only reach memory, so a bus answers Error for
  // anything else (a walk into a device is an access fault).
  bool page_table = false;
};

// Why run() returned.
enum class StopReason : uint8_t {
  BudgetSpent,   // executed the full instruction budget
  Wfi,           // waiting for an interrupt (no interrupt pending and enabled)
  Breakpoint,    // the next instruction is at a breakpoint address
  HaltRequest,   // request_halt() was called
  TimerChanged,  // the hart changed its own timer deadline (Sstc stimecmp,
                 // menvcfg.STCE): a platform recomputes the run's budget
  ExitRequest,   // request_exit() was called (e.g. by a finisher device)
  Lockup,        // traps follow each other without an instruction retiring
                 // (e.g. no executable code at the trap vector)
};

const char* to_string(StopReason reason);

struct RunResult {
  StopReason reason = StopReason::BudgetSpent;
  uint64_t retired = 0;  // instructions retired during this call
};

// Interrupt lines an embedder drives (bit numbers in mip, Privileged spec 3.1.9).
enum class Interrupt : uint8_t {
  SupervisorSoftware = 1,
  MachineSoftware = 3,
  SupervisorTimer = 5,
  MachineTimer = 7,
  SupervisorExternal = 9,
  MachineExternal = 11,
};

enum class ReportLevel : uint8_t { Info, Warning, Error };

}  // namespace rvtlm::iss

#endif
