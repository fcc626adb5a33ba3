// RISC-V Platform-Level Interrupt Controller (riscv,plic0, the layout of
// QEMU's virt machine and of the RISC-V PLIC specification) with
// level-triggered gateways: interrupt sources in, one external interrupt
// line per context (a hart's M- or S-mode) out.
//
// Register map (offsets into the target; id = source 1..sources, ctx =
// context 0..contexts-1):
//   0x000000 + 4*id             priority[id]  `priority_bits` writable bits, 0 = never
//   0x001000 + 4*w              pending word w (ids 32w..32w+31), read-only
//   0x002000 + 0x80*ctx + 4*w   enable word w of ctx (32 words; ids past `sources` read 0)
//   0x200000 + 0x1000*ctx       threshold[ctx]
//   0x200004 + 0x1000*ctx       claim (read) / complete (write) of ctx
#ifndef RVTLM_MODELS_PLIC_H
#define RVTLM_MODELS_PLIC_H

#include <cstdint>
#include <systemc>
#include <vector>

#include "rvtlm/models/optional_ports.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/models/timed_output.h"

namespace rvtlm::models {

struct PlicConfig {
  unsigned sources = 31;       // 1..1023: source ids 1..sources (0 means none)
  unsigned contexts = 2;       // 1..15872
  unsigned priority_bits = 3;  // 1..32
};

class Plic : public RegisterTarget {
 public:
  static constexpr uint64_t kPriorityBase = 0x000000;
  static constexpr uint64_t kPendingBase = 0x001000;
  static constexpr uint64_t kEnableBase = 0x002000;
  static constexpr uint64_t kEnableStride = 0x80;
  static constexpr uint64_t kContextBase = 0x200000;
  static constexpr uint64_t kContextStride = 0x1000;
  static constexpr uint64_t kThreshold = 0;  // within a context's block
  static constexpr uint64_t kClaim = 4;

  // Index = source id; irq[0] exists only to keep that numbering and is
  // never read. Unbound inputs read low.
  sc_core::sc_vector<sc_core::sc_in<bool>> irq;
  sc_core::sc_vector<sc_core::sc_out<bool>> eip;  // one per context

  // Throws std::invalid_argument when a count is out of its range.
  Plic(const sc_core::sc_module_name& name, const PlicConfig& config = {});

  unsigned sources() const { return sources_; }
  unsigned contexts() const { return contexts_; }

 private:
  SC_HAS_PROCESS(Plic);

  // What decides claims and eip. The bus works on one copy, changed at once
  // by every access; the lines follow a second copy that each change reaches
  // only at the time of its access, so that accesses an initiator makes
  // ahead of SystemC time move eip in order and each at its own time.
  struct State {
    std::vector<uint32_t> priority;   // by source id
    std::vector<uint32_t> enable;     // words_ per context
    std::vector<uint32_t> threshold;  // by context
    std::vector<uint32_t> claimed;    // bit per source id: in claim, gateway closed
  };
  struct Change {
    enum Field : uint8_t { Priority, Enable, Threshold, Claimed, Reset } field;
    unsigned index;
    uint32_t value;
  };
  static void apply(State& state, const Change& change);

  void change(const sc_core::sc_time& at, Change c);
  // The source `ctx` would claim now: pending, enabled, priority above the
  // threshold, the highest priority and then the lowest id; 0 for none.
  unsigned best_source(const State& state, unsigned ctx) const;
  uint64_t claim(unsigned ctx, const AccessInfo& access);
  void complete(unsigned ctx, const WriteInfo& access);
  void update();
  void reset_state() override;

  unsigned sources_;
  unsigned contexts_;
  unsigned words_;  // 32-bit words of one bit per source id, 0..sources
  unsigned enable_handle_ = 0;
  std::vector<uint32_t> levels_;  // input lines as last sampled, bit per id
  State bus_;
  State line_;
  TimedOutput<Change> line_changes_{LateChange::InTimeOrder};
  OptionalPorts optional_ports_;
};

}  // namespace rvtlm::models

#endif
