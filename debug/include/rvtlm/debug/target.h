// What the GDB protocol layer (rsp_session.h) needs from a simulation: its
// registers as a target description, threads, memory, breakpoints and run
// control. One implementation per kind of simulation (SystemC harts in
// gdb_server.h, a fake one in the tests); a reverse-executing target later
// implements the same interface and answers can_reverse().
#ifndef RVTLM_DEBUG_TARGET_H
#define RVTLM_DEBUG_TARGET_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rvtlm::debug {

// GDB thread ids: 1, 2, ... (one per hart, in hart order). 0 never names a
// thread.
using ThreadId = uint32_t;

// One register of the target description (GDB manual G.2, G.4).
struct RegisterInfo {
  std::string name;
  unsigned regnum = 0;   // the number in p/P packets
  unsigned bitsize = 0;  // 8 to 64
  std::string type;      // "int", "code_ptr", "data_ptr", "ieee_single", ...
  std::string group;     // empty: GDB's default for the feature
  std::string feature;   // "org.gnu.gdb.riscv.cpu", ...
};

struct TargetDescription {
  std::string architecture;  // "riscv:rv64"
  // GDB's name of the ABI (e.g. "none" for bare metal: GDB then steps with
  // the target's single step instead of breakpoints of its own).
  std::string osabi;
  std::vector<RegisterInfo> registers;
  // The `g` packet carries the registers with regnum below this, in regnum
  // order (regnums 0 .. g_registers-1 must exist); GDB reads the others
  // with `p`.
  unsigned g_registers = 0;
  // A union type named "riscv_double" (float/double views of a 64-bit FP
  // register), as GDB's own RISC-V descriptions declare it.
  bool riscv_double_type = false;

  const RegisterInfo* find(unsigned regnum) const;
};

// The XML document GDB reads with qXfer:features:read:target.xml.
std::string to_xml(const TargetDescription& description);

// Z/z packet types (GDB manual E.2).
enum class BreakpointType : uint8_t {
  Software = 0,
  Hardware = 1,
  WriteWatch = 2,
  ReadWatch = 3,
  AccessWatch = 4,
};

// What a thread does when the target resumes.
enum class ResumeKind : uint8_t {
  Stay,  // not resumed (vCont names other threads only)
  Continue,
  Step,  // one instruction; a trap's handler entry counts as the step's end
  // Reverse execution (bc/bs), for targets that answer can_reverse().
  ReverseContinue,
  ReverseStep,
};

// Why the target stopped; the protocol layer turns it into a stop reply
// (GDB manual E.3).
struct StopEvent {
  enum class Kind : uint8_t {
    Signal,  // stopped with `signal`; `reason` says more
    Exited,  // the program ended with `exit_code` (W)
    Killed,  // the program ended by `signal` (X)
  };
  enum class Reason : uint8_t {
    None,
    SoftwareBreakpoint,
    HardwareBreakpoint,
    WriteWatch,  // `address` holds the data address
    ReadWatch,
    AccessWatch,
    Step,
    // No earlier history to execute backwards into (reverse execution).
    HistoryStart,
  };

  Kind kind = Kind::Signal;
  ThreadId thread = 1;
  int signal = 5;  // GDB signal numbers: 5 SIGTRAP, 2 SIGINT
  Reason reason = Reason::None;
  uint64_t address = 0;
  int exit_code = 0;
};

inline constexpr int kSigInt = 2;
inline constexpr int kSigIll = 4;
inline constexpr int kSigTrap = 5;
inline constexpr int kSigSegv = 11;
inline constexpr int kSigTerm = 15;

class Target {
 public:
  virtual ~Target() = default;

  virtual const TargetDescription& description() const = 0;
  virtual unsigned thread_count() const = 0;
  // Text for qThreadExtraInfo (GDB's `info threads`).
  virtual std::string thread_info(ThreadId thread) const = 0;

  // Registers by regnum; values of up to 64 bits. False: no such register or
  // not accessible now.
  virtual bool read_register(ThreadId thread, unsigned regnum, uint64_t& value) = 0;
  virtual bool write_register(ThreadId thread, unsigned regnum, uint64_t value) = 0;

  // Memory as `thread` sees it; return the bytes transferred (fewer than
  // `size` when an address is not accessible).
  virtual std::size_t read_memory(ThreadId thread, uint64_t addr, uint8_t* data,
                                  std::size_t size) = 0;
  virtual std::size_t write_memory(ThreadId thread, uint64_t addr, const uint8_t* data,
                                   std::size_t size) = 0;

  // Breakpoints and watchpoints for every thread; `length` is the Z packet's
  // kind (instruction size or watched bytes).
  virtual bool supports(BreakpointType type) const = 0;
  virtual bool insert_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) = 0;
  virtual bool remove_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) = 0;

  // Starts the threads as `actions` (one per thread, thread 1 first) says
  // and returns; the stop is reported later through Session::report_stop.
  virtual void resume(const std::vector<ResumeKind>& actions) = 0;
  // Ctrl-C: stop soon and report it (SIGINT).
  virtual void interrupt() = 0;
  // The debugger leaves: its breakpoints go, the program runs on.
  virtual void detach() = 0;
  // The program ends.
  virtual void kill() = 0;

  // `monitor` commands, with `thread` the debugger's current thread: the
  // text to show. False: unknown command (the text says so).
  virtual bool monitor(ThreadId thread, const std::string& command, std::string& output) = 0;

  virtual bool can_reverse() const { return false; }
};

}  // namespace rvtlm::debug

#endif
