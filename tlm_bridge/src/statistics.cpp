#include "rvtlm/tlm/statistics.h"

#include <ios>
#include <ostream>

namespace rvtlm::tlm {

void print(std::ostream& os, const std::string& name, const HartStatistics& s) {
  const std::ios_base::fmtflags flags = os.flags();
  const std::streamsize precision = os.precision();
  os << name << ": instructions " << s.instructions << '\n'
     << name << ": simulated time " << s.simulated_time << " (idle " << s.idle_time << ")\n";
  os.setf(std::ios_base::fixed, std::ios_base::floatfield);
  os.precision(3);
  os << name << ": host seconds " << s.host_seconds << ", MIPS ";
  os.precision(1);
  os << s.mips << '\n';
  os.flags(flags);
  os.precision(precision);
  os << name << ": runs " << s.runs << ", syncs " << s.syncs << ", delta yields " << s.delta_yields
     << ", WFI waits " << s.wfi_waits << '\n'
     << name << ": MMIO reads " << s.mmio_reads << ", writes " << s.mmio_writes << ", errors "
     << s.mmio_errors << '\n'
     << name << ": DMI grants " << s.dmi_grants << ", refusals " << s.dmi_refusals
     << ", invalidations " << s.dmi_invalidations << ", debug transactions " << s.debug_transactions
     << '\n';
}

}  // namespace rvtlm::tlm
