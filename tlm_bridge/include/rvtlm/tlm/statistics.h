// Counters a HartModule keeps about its run, for reports and benchmarks.
#ifndef RVTLM_TLM_STATISTICS_H
#define RVTLM_TLM_STATISTICS_H

#include <cstdint>
#include <iosfwd>
#include <string>
#include <systemc>

namespace rvtlm::tlm {

struct HartStatistics {
  uint64_t instructions = 0;        // retired by this module (all resets included)
  sc_core::sc_time simulated_time;  // the hart's own time (SystemC time + local offset)
  sc_core::sc_time idle_time;       // spent waiting in WFI or held in reset
  double host_seconds = 0;          // wall clock since the start of simulation
  double mips = 0;                  // instructions / host_seconds / 1e6
  uint64_t runs = 0;                // calls of iss::Hart::run
  uint64_t syncs = 0;               // waits for the local time offset (quantum keeper syncs)
  uint64_t delta_yields = 0;        // zero-time waits for activity at the current time
  uint64_t wfi_waits = 0;           // waits for an interrupt
  uint64_t mmio_reads = 0;          // b_transport reads, instruction fetches included
  uint64_t mmio_writes = 0;         // b_transport writes
  uint64_t mmio_errors = 0;         // of those, answered with an error response
  uint64_t dmi_grants = 0;          // successful get_direct_mem_ptr calls
  uint64_t dmi_refusals = 0;        // refused get_direct_mem_ptr calls
  uint64_t dmi_invalidations = 0;   // invalidate_direct_mem_ptr calls received
  uint64_t debug_transactions = 0;  // transport_dbg calls
};

// One line per counter, each prefixed with `name` (e.g. the module's name).
void print(std::ostream& os, const std::string& name, const HartStatistics& statistics);

}  // namespace rvtlm::tlm

#endif
