// Traps, interrupts and privilege changes (Privileged spec 3.1.6.1,
// 3.1.9, 3.3.2, 4.1.1).
#include "core.h"

namespace rvtlm::iss {

void Core::privilege_changed() {
  const unsigned mpp = static_cast<unsigned>((s.mstatus & kMstatusMpp) >> 11);
  const unsigned data_priv = (s.priv == 3 && (s.mstatus & kMstatusMprv)) ? mpp : s.priv;
  mmu.set_context(data_priv, s.priv, s.satp, (s.mstatus & kMstatusSum) != 0,
                  (s.mstatus & kMstatusMxr) != 0);
}

void Core::take_trap(uint64_t cause, uint64_t tval, uint64_t epc, bool interrupt) {
  const uint64_t xmask = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
  const uint64_t code = interrupt ? (uint64_t{1} << (xlen - 1)) | cause : cause;
  const uint64_t deleg = interrupt ? s.mideleg : s.medeleg;
  const unsigned from = s.priv;
  if (from <= 1 && cause < 64 && ((deleg >> cause) & 1)) {
    s.sepc = epc & ~uint64_t{1} & xmask;
    s.scause = code & xmask;
    s.stval = tval & xmask;
    const bool sie = (s.mstatus & kMstatusSie) != 0;
    s.mstatus &= ~(kMstatusSie | kMstatusSpie | kMstatusSpp);
    if (sie) s.mstatus |= kMstatusSpie;
    if (from == 1) s.mstatus |= kMstatusSpp;
    s.priv = 1;
    const uint64_t base = s.stvec & ~uint64_t{3};
    s.pc = ((s.stvec & 3) == 1 && interrupt ? base + 4 * cause : base) & xmask;
  } else {
    s.mepc = epc & ~uint64_t{1} & xmask;
    s.mcause = code & xmask;
    s.mtval = tval & xmask;
    const bool mie = (s.mstatus & kMstatusMie) != 0;
    s.mstatus &= ~(kMstatusMie | kMstatusMpie | kMstatusMpp);
    if (mie) s.mstatus |= kMstatusMpie;
    s.mstatus |= uint64_t{from} << 11;
    s.priv = 3;
    const uint64_t base = s.mtvec & ~uint64_t{3};
    s.pc = ((s.mtvec & 3) == 1 && interrupt ? base + 4 * cause : base) & xmask;
  }
  s.wfi = false;
  privilege_changed();
  if (!instrumenters.empty()) {
    TrapEvent event;
    event.cause = cause;
    event.interrupt = interrupt;
    event.tval = tval & xmask;
    event.epc = epc & xmask;
    event.handler = s.pc;
    event.from_privilege = from;
    event.to_privilege = s.priv;
    event.retired = s.retired;
    notify_trap(event);
  }
}

bool Core::xret(unsigned level) {
  const uint64_t xmask = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
  const unsigned lowest = config.isa.has(Extension::U) ? 0 : 3;
  const unsigned from = s.priv;
  if (level == 3) {
    if (s.priv < 3) return false;
    const unsigned mpp = static_cast<unsigned>((s.mstatus & kMstatusMpp) >> 11);
    const bool mpie = (s.mstatus & kMstatusMpie) != 0;
    s.mstatus &= ~(kMstatusMie | kMstatusMpp);
    if (mpie) s.mstatus |= kMstatusMie;
    s.mstatus |= kMstatusMpie | (uint64_t{lowest} << 11);
    if (mpp != 3) s.mstatus &= ~kMstatusMprv;
    s.priv = static_cast<uint8_t>(mpp);
    npc = s.mepc & xmask;
  } else {
    if (s.priv < 1 || (s.priv == 1 && (s.mstatus & kMstatusTsr))) return false;
    const unsigned spp = (s.mstatus & kMstatusSpp) ? 1 : 0;
    const bool spie = (s.mstatus & kMstatusSpie) != 0;
    s.mstatus &= ~(kMstatusSie | kMstatusSpp);
    if (spie) s.mstatus |= kMstatusSie;
    s.mstatus |= kMstatusSpie;
    s.mstatus &= ~kMstatusMprv;  // sret never returns to M
    s.priv = static_cast<uint8_t>(spp);
    npc = s.sepc & xmask;
  }
  if (!config.isa.has(Extension::C)) npc &= ~uint64_t{3};
  async |= kAsyncIrq;
  privilege_changed();
  if (!instrumenters.empty() && from != s.priv) notify_privilege(from, s.priv);
  return true;
}

bool Core::interrupt_pending(uint64_t retired) { return (read_mip(retired) & s.mie) != 0; }

void Core::check_interrupts(uint64_t retired) {
  const uint64_t pending = read_mip(retired) & s.mie;
  if (pending == 0) return;
  // Privileged spec 3.1.9: an interrupt for M is enabled below M or with
  // MIE; one delegated to S below S, or in S with SIE; interrupts for M are
  // taken before those for S.
  const bool m_enabled = s.priv < 3 || (s.mstatus & kMstatusMie);
  const bool s_enabled = s.priv < 1 || (s.priv == 1 && (s.mstatus & kMstatusSie));
  const uint64_t to_m = m_enabled ? pending & ~s.mideleg : 0;
  const uint64_t to_s = s_enabled ? pending & s.mideleg : 0;
  const uint64_t candidates = to_m ? to_m : to_s;
  if (candidates == 0) return;
  static constexpr unsigned kPriority[] = {11, 3, 7, 9, 1, 5};
  for (unsigned cause : kPriority) {
    if (candidates & (uint64_t{1} << cause)) {
      take_trap(cause, 0, s.pc, true);
      return;
    }
  }
}

std::optional<StopReason> Core::service_async(uint64_t retired) {
  if (async & kAsyncFlush) {
    async &= ~kAsyncFlush;
    flush_blocks();
  }
  if (async & kAsyncExit) {
    async &= ~kAsyncExit;
    return StopReason::ExitRequest;
  }
  if (async & kAsyncHalt) {
    async &= ~kAsyncHalt;
    return StopReason::HaltRequest;
  }
  if (async & kAsyncTimer) {
    async &= ~kAsyncTimer;
    check_interrupts(retired);
    return StopReason::TimerChanged;
  }
  if (async & kAsyncCharge) {
    async &= ~kAsyncCharge;
    return StopReason::BudgetSpent;
  }
  if (async & kAsyncIrq) {
    async &= ~kAsyncIrq;
    check_interrupts(retired);
  }
  return std::nullopt;
}

}  // namespace rvtlm::iss
