// The debugger's view of SystemC harts (rvtlm::tlm::HartModule): the RISC-V
// target description, registers, memory through each hart's translation and
// transport_dbg, breakpoints in the ISS, watchpoints in the bridge, and the
// monitor commands. Run control (resume, interrupt, detach, kill) is passed
// on to the RunControl that owns the simulation's scheduling (gdb_server.cpp).
#ifndef RVTLM_DEBUG_HART_TARGET_H
#define RVTLM_DEBUG_HART_TARGET_H

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rvtlm/debug/target.h"
#include "rvtlm/tlm/debug_hooks.h"
#include "rvtlm/tlm/hart_module.h"

namespace rvtlm::debug {

class RunControl {
 public:
  virtual ~RunControl() = default;
  virtual void resume(const std::vector<ResumeKind>& actions) = 0;
  virtual void interrupt() = 0;
  virtual void detach() = 0;
  virtual void kill() = 0;
};

// GDB's RISC-V register numbers (gdb/riscv-tdep.h): x0-x31, pc, f0-f31, the
// CSRs at 65 + their number, and the virtual privilege register after them.
inline constexpr unsigned kPcRegnum = 32;
inline constexpr unsigned kFirstFpRegnum = 33;
inline constexpr unsigned kFirstCsrRegnum = 65;
inline constexpr unsigned kPrivRegnum = kFirstCsrRegnum + 4096;

class HartTarget final : public Target {
 public:
  HartTarget(std::vector<tlm::HartModule*> harts, RunControl& control,
             std::function<void()> on_reset);

  // Target
  const TargetDescription& description() const override { return description_; }
  unsigned thread_count() const override { return static_cast<unsigned>(harts_.size()); }
  std::string thread_info(ThreadId thread) const override;
  bool read_register(ThreadId thread, unsigned regnum, uint64_t& value) override;
  bool write_register(ThreadId thread, unsigned regnum, uint64_t value) override;
  std::size_t read_memory(ThreadId thread, uint64_t addr, uint8_t* data, std::size_t size) override;
  std::size_t write_memory(ThreadId thread, uint64_t addr, const uint8_t* data,
                           std::size_t size) override;
  bool supports(BreakpointType type) const override;
  bool insert_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) override;
  bool remove_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) override;
  void resume(const std::vector<ResumeKind>& actions) override { control_.resume(actions); }
  void interrupt() override { control_.interrupt(); }
  void detach() override { control_.detach(); }
  void kill() override { control_.kill(); }
  bool monitor(ThreadId thread, const std::string& command, std::string& output) override;

  // ---- for the run control ----
  tlm::HartModule& hart(unsigned index) { return *harts_[index]; }
  // A breakpoint the debugger set (Z0/Z1) at `pc`: 0 software, 1 hardware,
  // -1 none.
  int breakpoint_at(uint64_t pc) const;
  bool has_breakpoints() const { return !breakpoints_[0].empty() || !breakpoints_[1].empty(); }
  // ISS breakpoints of one hart, counted: the debugger's and the run
  // control's own (the end of a single step) may share an address.
  void acquire_breakpoint(unsigned hart, uint64_t addr);
  void release_breakpoint(unsigned hart, uint64_t addr);
  // Watched virtual ranges translated again for every hart (the guest may
  // have changed its page tables since they were set).
  void refresh_watchpoints();
  // The debugger's virtual address for a hit the bridge reported.
  uint64_t watch_address(unsigned hart, const tlm::WatchHit& hit) const;
  // Every breakpoint and watchpoint of the debugger goes (detach, kill).
  void remove_all();

 private:
  struct Watch {
    BreakpointType type;
    uint64_t addr;
    uint64_t length;
  };
  // One page-sized piece of a watch as installed in one hart's bridge.
  struct Piece {
    uint64_t vaddr;
    uint64_t paddr;
    uint64_t length;
    tlm::WatchKind kind;
    bool operator==(const Piece& o) const {
      return vaddr == o.vaddr && paddr == o.paddr && length == o.length && kind == o.kind;
    }
  };

  void build_description();
  bool csr_present(unsigned number) const;
  std::vector<Piece> translate(unsigned hart, const Watch& watch) const;
  void install(unsigned hart, const std::vector<Piece>& pieces);
  std::string monitor_help() const;

  std::vector<tlm::HartModule*> harts_;
  RunControl& control_;
  std::function<void()> on_reset_;
  TargetDescription description_;
  bool has_f_ = false;
  bool has_d_ = false;
  std::vector<bool> csrs_;  // by number: present in the description
  // Debugger breakpoints by type (0, 1) and address, counted.
  std::map<uint64_t, unsigned> breakpoints_[2];
  std::vector<std::map<uint64_t, unsigned>> iss_breakpoints_;  // per hart
  std::vector<Watch> watches_;
  std::vector<std::vector<Piece>> installed_;  // per hart
};

}  // namespace rvtlm::debug

#endif
