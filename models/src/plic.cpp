// RISC-V PLIC: priorities, pending bits, per-context enables, thresholds and
// claim/complete, with level-triggered gateways and eip driven from one
// SC_METHOD.
#include "rvtlm/models/plic.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace rvtlm::models {
namespace {

constexpr unsigned kMaxSources = 1023;
constexpr unsigned kMaxContexts = 15872;

}  // namespace

Plic::Plic(const sc_core::sc_module_name& name, const PlicConfig& config)
    : RegisterTarget(name),
      irq("irq"),
      eip("eip"),
      sources_(config.sources),
      contexts_(config.contexts),
      words_(config.sources / 32 + 1),
      optional_ports_("optional_ports") {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument(std::string(this->name()) + ": " + why);
  };
  if (sources_ < 1 || sources_ > kMaxSources)
    fail("sources must be 1.." + std::to_string(kMaxSources) + ", not " + std::to_string(sources_));
  if (contexts_ < 1 || contexts_ > kMaxContexts)
    fail("contexts must be 1.." + std::to_string(kMaxContexts) + ", not " +
         std::to_string(contexts_));
  if (config.priority_bits < 1 || config.priority_bits > 32)
    fail("priority_bits must be 1..32, not " + std::to_string(config.priority_bits));
  const uint32_t priority_mask =
      config.priority_bits == 32 ? ~uint32_t{0} : (uint32_t{1} << config.priority_bits) - 1;
  irq.init(sources_ + 1);
  eip.init(contexts_);
  levels_.assign(words_, 0);
  bus_.priority.assign(sources_ + 1, 0);
  bus_.enable.assign(size_t{contexts_} * words_, 0);
  bus_.threshold.assign(contexts_, 0);
  bus_.claimed.assign(words_, 0);
  line_ = bus_;

  // PLIC spec "Interrupt Priorities": source 0 does not exist, so its
  // register is left unmapped like those past the last source.
  registers_.add(
      Register("priority", kPriorityBase + 4, 4)
          .array(sources_, 4)
          .writable(priority_mask)
          .on_write([this](const WriteInfo& w) {
            change(w.time, {Change::Priority, w.index + 1, static_cast<uint32_t>(w.value)});
          }));
  registers_.add(Register("pending", kPendingBase, 4)
                     .array(words_, 4)
                     .read_only()
                     .on_read([this](const AccessInfo& a) -> uint64_t {
                       return levels_[a.index] & ~bus_.claimed[a.index];
                     }));
  // Every context has room for 1024 enable bits; those of source 0 and of
  // sources that do not exist are hardwired to zero.
  enable_handle_ =
      registers_.add(Register("enable", kEnableBase, 4)
                         .array(contexts_ * (kEnableStride / 4), 4)
                         .on_write([this](const WriteInfo& w) {
                           const unsigned ctx = w.index / (kEnableStride / 4);
                           const unsigned word = w.index % (kEnableStride / 4);
                           uint32_t valid = 0;
                           if (word < words_) {
                             const unsigned ids_here = sources_ + 1 - 32 * word;
                             valid = ids_here >= 32 ? ~uint32_t{0} : (uint32_t{1} << ids_here) - 1;
                             if (word == 0) valid &= ~uint32_t{1};
                           }
                           const auto value = static_cast<uint32_t>(w.value) & valid;
                           registers_.set(enable_handle_, w.index, value);
                           if (word < words_)
                             change(w.time, {Change::Enable, ctx * words_ + word, value});
                         }));
  // Per context, 0x1000 apart: threshold and claim/complete (two arrays
  // that interleave).
  registers_.add(Register("threshold", kContextBase + kThreshold, 4)
                     .array(contexts_, kContextStride)
                     .writable(priority_mask)
                     .on_write([this](const WriteInfo& w) {
                       change(w.time, {Change::Threshold, w.index, static_cast<uint32_t>(w.value)});
                     }));
  registers_.add(Register("claim", kContextBase + kClaim, 4)
                     .array(contexts_, kContextStride)
                     .on_read([this](const AccessInfo& a) { return claim(a.index, a); })
                     .on_write([this](const WriteInfo& w) { complete(w.index, w); }));

  optional_ports_.add(irq);
  optional_ports_.add(eip);

  SC_METHOD(update);
  sensitive << line_changes_.event();
  for (unsigned id = 1; id <= sources_; ++id) sensitive << irq[id];
}

void Plic::apply(State& state, const Change& c) {
  switch (c.field) {
    case Change::Priority:
      state.priority[c.index] = c.value;
      break;
    case Change::Enable:
      state.enable[c.index] = c.value;
      break;
    case Change::Threshold:
      state.threshold[c.index] = c.value;
      break;
    case Change::Reset:
      for (auto* v : {&state.priority, &state.enable, &state.threshold, &state.claimed})
        std::fill(v->begin(), v->end(), 0);
      break;
    case Change::Claimed:
      if (c.value)
        state.claimed[c.index / 32] |= uint32_t{1} << (c.index % 32);
      else
        state.claimed[c.index / 32] &= ~(uint32_t{1} << (c.index % 32));
      break;
  }
}

void Plic::change(const sc_core::sc_time& at, Change c) {
  apply(bus_, c);
  line_changes_.push(at, c);
}

unsigned Plic::best_source(const State& state, unsigned ctx) const {
  unsigned best = 0;
  uint32_t best_priority = state.threshold[ctx];
  const uint32_t* enable = &state.enable[size_t{ctx} * words_];
  for (unsigned w = 0; w < words_; ++w) {
    // Level-triggered gateway: a source is pending while its line is high
    // and it is not in claim.
    uint32_t candidates = levels_[w] & ~state.claimed[w] & enable[w];
    for (; candidates != 0; candidates &= candidates - 1) {
      const unsigned id = 32 * w + static_cast<unsigned>(__builtin_ctz(candidates));
      // Strictly greater: ties go to the lowest id, and priority 0 (or one
      // not above the threshold) never interrupts.
      if (state.priority[id] > best_priority) {
        best = id;
        best_priority = state.priority[id];
      }
    }
  }
  return best;
}

uint64_t Plic::claim(unsigned ctx, const AccessInfo& a) {
  const unsigned id = best_source(bus_, ctx);
  if (id != 0 && !a.debug) change(a.time, {Change::Claimed, id, 1});
  return id;
}

void Plic::complete(unsigned ctx, const WriteInfo& w) {
  if (w.debug) return;
  // PLIC spec "Interrupt Completion": an id that is not enabled for the
  // context is ignored.
  const uint64_t id = w.value;
  if (id == 0 || id > sources_) return;
  if (!(bus_.enable[size_t{ctx} * words_ + id / 32] >> (id % 32) & 1)) return;
  change(w.time, {Change::Claimed, static_cast<unsigned>(id), 0});
}

// Every priority, enable, threshold and claim back to 0: no context
// interrupts until software sets them up again.
void Plic::reset_state() {
  line_changes_.clear();
  change(sc_core::sc_time_stamp(), Change{Change::Reset, 0, 0});
}

void Plic::update() {
  line_changes_.apply_due([this](const Change& c) { apply(line_, c); });
  for (unsigned id = 1; id <= sources_; ++id) {
    const uint32_t bit = uint32_t{1} << (id % 32);
    if (irq[id].read())
      levels_[id / 32] |= bit;
    else
      levels_[id / 32] &= ~bit;
  }
  for (unsigned ctx = 0; ctx < contexts_; ++ctx) eip[ctx].write(best_source(line_, ctx) != 0);
}

}  // namespace rvtlm::models
