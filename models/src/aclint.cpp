// ACLINT (SiFive CLINT layout): msip, mtimecmp and mtime registers, mtime
// computed from SystemC time, interrupt lines driven from one SC_METHOD.
#include "rvtlm/models/aclint.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace rvtlm::models {
namespace {

using Wide = unsigned __int128;

constexpr unsigned kMaxHarts = 4095;
constexpr Wide kTwoTo64 = Wide{1} << 64;
constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();

}  // namespace

Aclint::Aclint(const sc_core::sc_module_name& name, const AclintConfig& config)
    : RegisterTarget(name),
      msip("msip"),
      mtip("mtip"),
      harts_(config.harts),
      frequency_(config.frequency_hz),
      resolution_per_second_(sc_core::sc_time(1, sc_core::SC_SEC).value()),
      optional_ports_("optional_ports") {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument(std::string(this->name()) + ": " + why);
  };
  if (harts_ < 1 || harts_ > kMaxHarts)
    fail("harts must be 1.." + std::to_string(kMaxHarts) + ", not " + std::to_string(harts_));
  if (frequency_ == 0) fail("frequency_hz must not be 0");
  // mtime may advance at most once per time resolution unit, or two ticks
  // would fall on the same sc_time and the tick times could not be exact.
  if (frequency_ > resolution_per_second_)
    fail("frequency_hz " + std::to_string(frequency_) +
         " is finer than the SystemC time resolution (" +
         sc_core::sc_get_time_resolution().to_string() + ")");
  msip.init(harts_);
  mtip.init(harts_);
  line_msip_.assign(harts_, false);
  line_mtimecmp_.assign(harts_, ~uint64_t{0});

  // SiFive CLINT / ACLINT MSWI: each msip register has one bit, the others
  // are hardwired to zero.
  msip_handle_ = registers_.add(Register("msip", kMsipBase, 4)
                                    .array(harts_, 4)
                                    .writable(1)
                                    .on_write([this](const WriteInfo& w) {
                                      schedule(w.time, {LineChange::Msip, w.index, w.value});
                                    }));
  // ACLINT MTIMER: mtimecmp resets to all ones here (the spec leaves it
  // unspecified) so that no timer interrupt is pending out of reset; RV32
  // software writes it as two 32-bit halves.
  mtimecmp_handle_ =
      registers_.add(Register("mtimecmp", kMtimecmpBase, 8)
                         .array(harts_, 8)
                         .reset(~uint64_t{0})
                         .allow_sizes(4 | 8)
                         .on_write([this](const WriteInfo& w) {
                           schedule(w.time, {LineChange::Mtimecmp, w.index, w.value});
                         }));
  registers_.add(Register("mtime", kMtime, 8)
                     .allow_sizes(4 | 8)
                     .on_read([this](const AccessInfo& a) { return mtime_at(a.time); })
                     .on_write([this](const WriteInfo& w) {
                       // A 32-bit write replaces one half of the value mtime has
                       // at the time of the access; the other half keeps counting.
                       const uint64_t now = mtime_at(w.time);
                       const uint64_t value = (now & ~w.byte_mask) | (w.data & w.byte_mask);
                       offset_ += value - now;
                       schedule(w.time, {LineChange::MtimeOffset, 0, offset_});
                     }));

  optional_ports_.add(msip);
  optional_ports_.add(mtip);

  SC_METHOD(update);
  sensitive << line_changes_.event();
}

uint64_t Aclint::mtime_at(const sc_core::sc_time& t) const {
  const Wide ticks = Wide{t.value()} * frequency_ / resolution_per_second_;
  return offset_ + static_cast<uint64_t>(ticks);
}

std::optional<sc_core::sc_time> Aclint::time_of(uint64_t value) const {
  const uint64_t now = sc_core::sc_time_stamp().value();
  const uint64_t mtime = mtime_at(sc_core::sc_time::from_value(now));
  // mtime does not wrap within SystemC's time range at any frequency it
  // accepts: a value below the current one has been reached.
  if (value <= mtime) return sc_core::SC_ZERO_TIME;
  const Wide base = Wide{now} * frequency_ / resolution_per_second_;
  const Wide target = base + (value - mtime);
  const Wide at = (target * resolution_per_second_ + frequency_ - 1) / frequency_;
  if (at > std::numeric_limits<uint64_t>::max()) return std::nullopt;
  return sc_core::sc_time::from_value(static_cast<uint64_t>(at));
}

sc_core::sc_time Aclint::period() const {
  return sc_core::sc_time(1.0 / static_cast<double>(frequency_), sc_core::SC_SEC);
}

void Aclint::schedule(const sc_core::sc_time& at, LineChange change) {
  line_changes_.push(at, change);
}

// msip and mtimecmp are back to their reset values (0 and all ones: no
// interrupt); mtime, the platform's timebase, keeps counting.
void Aclint::reset_state() {
  line_changes_.clear();
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  for (unsigned h = 0; h < harts_; ++h) {
    schedule(now, {LineChange::Msip, h, registers_.get(msip_handle_, h)});
    schedule(now, {LineChange::Mtimecmp, h, registers_.get(mtimecmp_handle_, h)});
  }
  schedule(now, {LineChange::MtimeOffset, 0, offset_});
}

void Aclint::update() {
  line_changes_.apply_due([this](const LineChange& c) {
    switch (c.kind) {
      case LineChange::Msip:
        line_msip_[c.hart] = c.value & 1;
        break;
      case LineChange::Mtimecmp:
        line_mtimecmp_[c.hart] = c.value;
        break;
      case LineChange::MtimeOffset:
        line_offset_ = c.value;
        break;
    }
  });
  const uint64_t now = sc_core::sc_time_stamp().value();
  // Ticks since time 0 (before adding the offset), 128-bit so that neither
  // the tick count nor the time a tick is reached can overflow.
  const Wide base = Wide{now} * frequency_ / resolution_per_second_;
  const uint64_t mtime = line_offset_ + static_cast<uint64_t>(base);
  uint64_t next = kNever;
  for (unsigned h = 0; h < harts_; ++h) {
    msip[h].write(line_msip_[h]);
    const uint64_t cmp = line_mtimecmp_[h];
    const bool pending = mtime >= cmp;
    mtip[h].write(pending);
    // The level changes when mtime reaches mtimecmp, or, once it has, when
    // mtime wraps to 0 (which never clears a compare value of 0).
    if (pending && cmp == 0) continue;
    const Wide target = base + (pending ? kTwoTo64 - mtime : Wide{cmp - mtime});
    const Wide at = (target * resolution_per_second_ + frequency_ - 1) / frequency_;
    if (at < next) next = static_cast<uint64_t>(at);
  }
  if (next != kNever) line_changes_.wake_at(sc_core::sc_time::from_value(next));
}

}  // namespace rvtlm::models
