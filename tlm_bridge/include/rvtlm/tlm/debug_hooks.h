// What a debugger (rvtlm::debug) attaches to a HartModule: run control around
// each run of the ISS, and data watchpoints on physical addresses. The
// bridge knows nothing of the debugger beyond these two pieces.
#ifndef RVTLM_TLM_DEBUG_HOOKS_H
#define RVTLM_TLM_DEBUG_HOOKS_H

#include <cstdint>
#include <vector>

#include "rvtlm/iss/bus.h"
#include "rvtlm/iss/types.h"

namespace rvtlm::tlm {

class HartModule;

// Called from the hart's own SystemC thread.
class DebugHooks {
 public:
  virtual ~DebugHooks() = default;
  // Before each run, with the instruction budget the hart computed. The
  // hooks may block the whole kernel (a debugger holding the platform),
  // wait for an event, and lower the budget (1: a single step; 0: only take
  // a pending interrupt). False: skip this run; the hart looks at the time
  // again and asks anew.
  virtual bool before_run(HartModule& hart, uint64_t& budget) = 0;
  // After each run, before the hart acts on its result.
  virtual void after_run(HartModule& hart, const iss::RunResult& result) = 0;
};

enum class WatchKind : uint8_t { Write = 1, Read = 2, Access = 3 };

// A load or store of the hart that touched a watched range.
struct WatchHit {
  uint64_t addr = 0;    // physical address of the watched byte first touched
  uint64_t length = 0;  // the watchpoint that matched
  uint64_t watch_addr = 0;
  WatchKind kind = WatchKind::Access;
  bool write = false;  // the access was a store
};

// Watched physical ranges of one hart. Loads and stores reach the bus
// instead of a DMI pointer for the watched bytes (their 8-byte-aligned
// surroundings are left out of DMI grants), so that the bridge sees them and
// halts the hart after the accessing instruction. Instruction fetches, page
// walks and debugger accesses never match.
class Watchpoints {
 public:
  bool empty() const { return ranges_.empty(); }
  void add(uint64_t addr, uint64_t length, WatchKind kind);
  // False if no such watchpoint.
  bool remove(uint64_t addr, uint64_t length, WatchKind kind);
  // An access of the hart; true (and the hit kept for take_hit) if it
  // matches.
  bool check(uint64_t addr, unsigned size, bool write);
  bool take_hit(WatchHit& hit);
  // Narrows a DMI grant that covers `addr` so that it leaves out every
  // watched range. False if `addr` itself lies in one: `grant` then names
  // that range as refused.
  bool clip(uint64_t addr, iss::DmiGrant& grant) const;
  // The bytes withheld from DMI for a watchpoint.
  static uint64_t hole_start(uint64_t addr) { return addr & ~uint64_t{7}; }
  static uint64_t hole_end(uint64_t addr, uint64_t length);

 private:
  struct Range {
    uint64_t addr;
    uint64_t length;
    WatchKind kind;
  };
  std::vector<Range> ranges_;
  bool hit_ = false;
  WatchHit last_hit_;
};

}  // namespace rvtlm::tlm

#endif
