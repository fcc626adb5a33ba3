#include "rvtlm/models/uart16550.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace rvtlm::models {
namespace {

// PC16550D register bits.
constexpr uint8_t kIerRdi = 0x01;   // received data available
constexpr uint8_t kIerThri = 0x02;  // THR empty
constexpr uint8_t kIerRlsi = 0x04;  // receiver line status
constexpr uint8_t kIerMsi = 0x08;   // modem status

constexpr uint8_t kIirNone = 0x01;
constexpr uint8_t kIirMsi = 0x00;
constexpr uint8_t kIirThri = 0x02;
constexpr uint8_t kIirRdi = 0x04;
constexpr uint8_t kIirRlsi = 0x06;
constexpr uint8_t kIirTimeout = 0x0c;
constexpr uint8_t kIirFifosEnabled = 0xc0;

constexpr uint8_t kFcrEnable = 0x01;
constexpr uint8_t kFcrRxReset = 0x02;

constexpr uint8_t kLcrStopBits = 0x04;
constexpr uint8_t kLcrParity = 0x08;
constexpr uint8_t kLcrDlab = 0x80;

constexpr uint8_t kMcrDtr = 0x01;
constexpr uint8_t kMcrRts = 0x02;
constexpr uint8_t kMcrOut1 = 0x04;
constexpr uint8_t kMcrOut2 = 0x08;
constexpr uint8_t kMcrLoop = 0x10;

constexpr uint8_t kLsrDr = 0x01;
constexpr uint8_t kLsrOe = 0x02;
constexpr uint8_t kLsrThre = 0x20;
constexpr uint8_t kLsrTemt = 0x40;

constexpr uint8_t kMsrDcts = 0x01;
constexpr uint8_t kMsrDdsr = 0x02;
constexpr uint8_t kMsrTeri = 0x04;
constexpr uint8_t kMsrDdcd = 0x08;
constexpr uint8_t kMsrCts = 0x10;
constexpr uint8_t kMsrDsr = 0x20;
constexpr uint8_t kMsrRi = 0x40;
constexpr uint8_t kMsrDcd = 0x80;

// Modem inputs with nothing attached (no loopback).
constexpr uint8_t kModemIdle = kMsrCts | kMsrDsr | kMsrDcd;

constexpr unsigned kRxTriggerLevels[4] = {1, 4, 8, 14};

const Uart16550Config& checked(const Uart16550Config& c, const char* name) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument(std::string(name) + ": " + why);
  };
  if (c.reg_io_width != 1 && c.reg_io_width != 2 && c.reg_io_width != 4)
    fail("reg_io_width " + std::to_string(c.reg_io_width) + " (expected 1, 2 or 4)");
  if (c.reg_shift > 16) fail("reg_shift " + std::to_string(c.reg_shift) + " (at most 16)");
  if (c.reg_io_width > (1u << c.reg_shift))
    fail("reg_io_width " + std::to_string(c.reg_io_width) + " wider than the register spacing " +
         std::to_string(1u << c.reg_shift) + " (reg_shift " + std::to_string(c.reg_shift) + ")");
  if (c.clock_hz == 0) fail("clock_hz 0");
  if (c.rx_poll_period == sc_core::SC_ZERO_TIME) fail("rx_poll_period 0");
  return c;
}

}  // namespace

Uart16550::Uart16550(const sc_core::sc_module_name& name, const Uart16550Config& config)
    : RegisterTarget(name),
      irq("irq"),
      tx_byte("tx_byte"),
      tx_count("tx_count"),
      config_(checked(config, this->name())),
      backend_(std::make_unique<NullUartBackend>()),
      modem_lines_(kModemIdle),
      optional_ports_("optional_ports") {
  const uint64_t stride = uint64_t{1} << config_.reg_shift;
  const auto reg = [&](const char* reg_name, unsigned index) {
    return Register(reg_name, index * stride, config_.reg_io_width).writable(0xff);
  };
  const auto latch = [this] { return dlab(); };
  const auto no_latch = [this] { return !dlab(); };
  registers_.add(reg("rbr", 0).read_only().when(no_latch).on_read(
      [this](const AccessInfo& a) { return read_rbr(a); }));
  registers_.add(reg("thr", 0).write_only().when(no_latch).on_write(
      [this](const WriteInfo& w) { write_thr(w); }));
  dll_ = registers_.add(reg("dll", 0).when(latch));
  ier_ = registers_.add(reg("ier", 1).writable(0x0f).when(no_latch).on_write(
      [this](const WriteInfo& w) { write_ier(w); }));
  dlm_ = registers_.add(reg("dlm", 1).when(latch));
  registers_.add(
      reg("iir", 2).read_only().on_read([this](const AccessInfo& a) { return read_iir(a); }));
  registers_.add(reg("fcr", 2).write_only().on_write([this](const WriteInfo& w) { write_fcr(w); }));
  lcr_ = registers_.add(reg("lcr", 3));
  mcr_ = registers_.add(
      reg("mcr", 4).writable(0x1f).on_write([this](const WriteInfo& w) { write_mcr(w); }));
  registers_.add(
      reg("lsr", 5).writable(0).on_read([this](const AccessInfo& a) { return read_lsr(a); }));
  registers_.add(
      reg("msr", 6).writable(0).on_read([this](const AccessInfo& a) { return read_msr(a); }));
  // A plain stored byte: a write costs no more than the register bank's
  // decoding (no callback, no event).
  registers_.add(reg("scr", 7));

  irq.initialize(false);

  optional_ports_.add(irq);

  SC_METHOD(drive_irq);
  sensitive << irq_changes_.event();
  dont_initialize();
  SC_METHOD(drive_tx_byte);
  sensitive << tx_trace_.event();
  dont_initialize();
  SC_METHOD(character_timeout);
  sensitive << timeout_event_;
  dont_initialize();
  SC_METHOD(flush_backend);
  sensitive << flush_event_;
  dont_initialize();
  SC_THREAD(poll_backend);
}

Uart16550::~Uart16550() = default;

void Uart16550::set_backend(std::unique_ptr<UartBackend> backend) {
  backend_ = backend ? std::move(backend) : std::make_unique<NullUartBackend>();
  backend_event_.notify(sc_core::SC_ZERO_TIME);
}

void Uart16550::receive(uint8_t byte) {
  if (!loopback()) accept(byte, sc_core::sc_time_stamp());
}

// --- registers -----------------------------------------------------------

bool Uart16550::dlab() const { return (registers_.get(lcr_) & kLcrDlab) != 0; }
bool Uart16550::loopback() const { return (registers_.get(mcr_) & kMcrLoop) != 0; }

uint64_t Uart16550::read_rbr(const AccessInfo& access) {
  if (rx_count_ == 0) return 0;
  const uint8_t byte = rx_fifo_[rx_head_];
  if (access.debug) return byte;
  rx_head_ = (rx_head_ + 1) % kFifoSize;
  --rx_count_;
  if (fifo_enabled_) {
    timeout_pending_ = false;
    if (rx_count_ > 0)
      restart_character_timeout(access.time);
    else
      timeout_event_.cancel();
  }
  update_irq(access.time);
  return byte;
}

void Uart16550::write_thr(const WriteInfo& access) {
  const auto byte = static_cast<uint8_t>(access.value);
  if (access.debug) return;
  if (loopback()) {
    accept(byte, access.time);
  } else {
    backend_->write(byte);
    ++bytes_transmitted_;
    tx_trace_.push(access.time, byte);
    if (!flush_pending_) {
      flush_pending_ = true;
      flush_event_.notify(access.time - sc_core::sc_time_stamp() + config_.rx_poll_period);
    }
  }
  // The byte left at once: THR is empty again, which is a new THRE
  // interrupt if enabled (the write cleared the previous one).
  thre_pending_ = (registers_.get(ier_) & kIerThri) != 0;
  update_irq(access.time);
}

void Uart16550::write_ier(const WriteInfo& access) {
  // THR is always empty, so enabling its interrupt makes it pending at once.
  if ((access.value ^ access.old_value) & kIerThri) thre_pending_ = (access.value & kIerThri) != 0;
  update_irq(access.time);
}

uint64_t Uart16550::read_iir(const AccessInfo& access) {
  const uint8_t id = interrupt_id();
  if (id == kIirThri && !access.debug) {
    thre_pending_ = false;
    update_irq(access.time);
  }
  return id | (fifo_enabled_ ? kIirFifosEnabled : 0);
}

void Uart16550::write_fcr(const WriteInfo& access) {
  const auto value = static_cast<uint8_t>(access.value);
  const bool enable = (value & kFcrEnable) != 0;
  // Switching the FIFOs on or off empties them; the other bits only count
  // with FCR0 set. The TX FIFO is always empty (bit 2 has nothing to do).
  if (enable != fifo_enabled_) {
    fifo_enabled_ = enable;
    clear_rx_fifo();
  }
  if (enable) {
    if (value & kFcrRxReset) clear_rx_fifo();
    rx_trigger_ = kRxTriggerLevels[value >> 6];
  }
  update_irq(access.time);
}

void Uart16550::write_mcr(const WriteInfo& access) {
  const auto mcr = static_cast<uint8_t>(access.value);
  uint8_t lines = kModemIdle;
  if (mcr & kMcrLoop) {
    lines = static_cast<uint8_t>((mcr & kMcrRts ? kMsrCts : 0) | (mcr & kMcrDtr ? kMsrDsr : 0) |
                                 (mcr & kMcrOut1 ? kMsrRi : 0) | (mcr & kMcrOut2 ? kMsrDcd : 0));
  }
  const uint8_t changed = lines ^ modem_lines_;
  modem_deltas_ |= static_cast<uint8_t>(
      (changed & kMsrCts ? kMsrDcts : 0) | (changed & kMsrDsr ? kMsrDdsr : 0) |
      (changed & kMsrDcd ? kMsrDdcd : 0) | (modem_lines_ & ~lines & kMsrRi ? kMsrTeri : 0));
  modem_lines_ = lines;
  update_irq(access.time);
}

uint64_t Uart16550::read_lsr(const AccessInfo& access) {
  const uint8_t lsr = kLsrThre | kLsrTemt | (rx_count_ > 0 ? kLsrDr : 0) | (overrun_ ? kLsrOe : 0);
  if (overrun_ && !access.debug) {
    overrun_ = false;
    update_irq(access.time);
  }
  return lsr;
}

uint64_t Uart16550::read_msr(const AccessInfo& access) {
  const uint8_t msr = modem_lines_ | modem_deltas_;
  if (modem_deltas_ != 0 && !access.debug) {
    modem_deltas_ = 0;
    update_irq(access.time);
  }
  return msr;
}

// --- receiver and interrupts ---------------------------------------------

void Uart16550::clear_rx_fifo() {
  rx_head_ = rx_count_ = 0;
  timeout_pending_ = false;
  timeout_event_.cancel();
}

void Uart16550::accept(uint8_t byte, const sc_core::sc_time& time) {
  if (rx_count_ == rx_capacity()) {
    overrun_ = true;
    if (!fifo_enabled_) rx_fifo_[rx_head_] = byte;
  } else {
    rx_fifo_[(rx_head_ + rx_count_) % kFifoSize] = byte;
    ++rx_count_;
  }
  if (fifo_enabled_) {
    timeout_pending_ = false;
    restart_character_timeout(time);
  }
  update_irq(time);
}

sc_core::sc_time Uart16550::character_time() const {
  // Start bit, 5-8 data bits, parity, 1 or 2 stop bits (1.5 counted as 2),
  // 16 clocks of the divided clock per bit. Divisor 0 (not programmed yet)
  // counts as 1.
  const auto lcr = static_cast<uint8_t>(registers_.get(lcr_));
  const unsigned bits =
      1 + 5 + (lcr & 3u) + (lcr & kLcrParity ? 1 : 0) + (lcr & kLcrStopBits ? 2 : 1);
  const auto latch = static_cast<unsigned>(registers_.get(dlm_) << 8 | registers_.get(dll_));
  const unsigned divisor = latch != 0 ? latch : 1;
  return sc_core::sc_time(16.0 * bits * divisor / static_cast<double>(config_.clock_hz),
                          sc_core::SC_SEC);
}

void Uart16550::restart_character_timeout(const sc_core::sc_time& time) {
  timeout_event_.cancel();
  timeout_event_.notify(time - sc_core::sc_time_stamp() + 4 * character_time());
}

uint8_t Uart16550::interrupt_id() const {
  const auto ier = static_cast<uint8_t>(registers_.get(ier_));
  if ((ier & kIerRlsi) && overrun_) return kIirRlsi;
  if (ier & kIerRdi) {
    if (timeout_pending_) return kIirTimeout;
    if (rx_count_ > 0 && (!fifo_enabled_ || rx_count_ >= rx_trigger_)) return kIirRdi;
  }
  if ((ier & kIerThri) && thre_pending_) return kIirThri;
  if ((ier & kIerMsi) && modem_deltas_ != 0) return kIirMsi;
  return kIirNone;
}

void Uart16550::update_irq(const sc_core::sc_time& time) {
  const bool level = interrupt_id() != kIirNone;
  if (level != (irq_changes_.empty() ? irq_level_ : irq_changes_.back()))
    irq_changes_.push(time, level);
}

// Registers are back to their reset values; bytes already transmitted stay
// with the back end and the trace.
void Uart16550::reset_state() {
  irq_changes_.clear();
  fifo_enabled_ = false;
  rx_trigger_ = 1;
  rx_head_ = 0;
  rx_count_ = 0;
  overrun_ = false;
  thre_pending_ = false;
  timeout_pending_ = false;
  modem_deltas_ = 0;
  timeout_event_.cancel();
  update_irq(sc_core::sc_time_stamp());
}

// --- processes -----------------------------------------------------------

void Uart16550::drive_irq() {
  irq_changes_.apply_due([this](bool level) { irq_level_ = level; });
  irq.write(irq_level_);
}

void Uart16550::drive_tx_byte() {
  tx_trace_.apply_one([this](uint8_t byte) {
    tx_byte.write(byte);
    tx_count.write(tx_count.read() + 1);
  });
}

void Uart16550::character_timeout() {
  if (fifo_enabled_ && rx_count_ > 0) {
    timeout_pending_ = true;
    update_irq(sc_core::sc_time_stamp());
  }
}

void Uart16550::flush_backend() {
  flush_pending_ = false;
  backend_->flush();
}

void Uart16550::poll_backend() {
  for (;;) {
    if (!backend_->has_input()) {
      sc_core::wait(backend_event_);
      continue;
    }
    uint8_t byte;
    while (!loopback() && rx_count_ < rx_capacity() && backend_->read(byte))
      accept(byte, sc_core::sc_time_stamp());
    sc_core::wait(config_.rx_poll_period);
  }
}

}  // namespace rvtlm::models
