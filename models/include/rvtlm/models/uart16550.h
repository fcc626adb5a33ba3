// A 16550A UART (National Semiconductor PC16550D datasheet), as Linux's
// 8250/ns16550 driver and U-Boot's ns16550 driver use it: the eight
// registers with the divisor latch behind LCR.DLAB, 16-byte FIFOs, the four
// interrupt sources in IIR priority order, loopback, scratch.
//
// Transmission takes no time: a byte written to THR reaches the back end at
// once, so LSR.THRE and LSR.TEMT always read 1 and the TX FIFO is always
// empty. The divisor latch and clock_hz only set the character time used by
// the RX FIFO's character timeout (4 character times without a byte in or
// out). Input is polled from the back end every rx_poll_period of simulated
// time, and only while the back end has input: a simulation without input
// has no periodic events from the UART.
//
// Choices where the datasheet leaves room (as QEMU's serial model does):
// - THRE interrupt: pending when IER.ETBEI goes 0 -> 1 (THR is empty), and
//   again after every THR write (the byte leaves at once, THR is empty
//   again); cleared by an IIR read that returns it and by clearing ETBEI.
// - MSR outside loopback reads CTS, DSR and DCD asserted (no modem is
//   attached); in loopback they follow MCR (RTS->CTS, DTR->DSR, OUT1->RI,
//   OUT2->DCD) and their changes set the delta bits.
// - In loopback the receiver takes the transmitted bytes and nothing else:
//   the back end is not read and receive() drops its byte; nothing is
//   transmitted (tx_byte and bytes_transmitted() do not change).
// - A byte received into a full RX FIFO sets LSR.OE and is lost; with the
//   FIFOs off it replaces the byte in RBR. Bytes from the back end are only
//   taken while the FIFO has room, so the back end never overruns it.
// - OUT2 does not gate the interrupt output.
// - Writes to LSR and MSR (factory test) are ignored; an RBR read with no
//   data returns 0.
// - Debug accesses (transport_dbg) read without side effects (no pop, no
//   clearing); a debug write to THR transmits nothing.
#ifndef RVTLM_MODELS_UART16550_H
#define RVTLM_MODELS_UART16550_H

#include <cstdint>
#include <memory>
#include <systemc>

#include "rvtlm/models/optional_ports.h"
#include "rvtlm/models/register_target.h"
#include "rvtlm/models/timed_output.h"
#include "rvtlm/models/uart_backend.h"

namespace rvtlm::models {

struct Uart16550Config {
  // Register i lies at offset i << reg_shift, is reg_io_width bytes wide and
  // is accessed with that size only (the device tree's reg-shift and
  // reg-io-width). reg_io_width: 1, 2 or 4, at most 1 << reg_shift.
  unsigned reg_shift = 0;
  unsigned reg_io_width = 1;
  // The input clock; the baud rate is clock_hz / (16 * divisor).
  uint64_t clock_hz = 3686400;
  // How often the back end is asked for input while it has some; also how
  // long after a transmission the back end is flushed.
  sc_core::sc_time rx_poll_period = sc_core::sc_time(100, sc_core::SC_US);
};

class Uart16550 : public RegisterTarget {
 public:
  // High while an enabled interrupt is pending (IIR bit 0 clear). Changes
  // at the time of the access that causes them (sc_time_stamp() + the
  // annotated delay). May be left unbound (a polled console).
  sc_core::sc_out<bool> irq;
  // Every byte sent to the back end, at the time of its THR write, for VCD
  // tracing. A byte equal to the previous one is no value change of
  // tx_byte: tx_count, the number of bytes sent so far, changes with every
  // byte, so a trace of both records each one.
  sc_core::sc_signal<uint8_t, sc_core::SC_MANY_WRITERS> tx_byte;
  sc_core::sc_signal<uint64_t, sc_core::SC_MANY_WRITERS> tx_count;

  // Throws std::invalid_argument for an impossible register layout.
  explicit Uart16550(const sc_core::sc_module_name& name, const Uart16550Config& config = {});
  ~Uart16550() override;

  // Null (or a null back end) discards output and has no input.
  void set_backend(std::unique_ptr<UartBackend> backend);
  UartBackend& backend() { return *backend_; }

  // A byte arriving on the serial input now (sc_time_stamp()).
  void receive(uint8_t byte);

  uint64_t bytes_transmitted() const { return bytes_transmitted_; }
  const Uart16550Config& config() const { return config_; }

 private:
  SC_HAS_PROCESS(Uart16550);

  // Registers (offset index << reg_shift; DLAB selects DLL and DLM over
  // RBR/THR and IER).
  uint64_t read_rbr(const AccessInfo& access);
  void write_thr(const WriteInfo& access);
  void write_ier(const WriteInfo& access);
  uint64_t read_iir(const AccessInfo& access);
  void write_fcr(const WriteInfo& access);
  void write_mcr(const WriteInfo& access);
  uint64_t read_lsr(const AccessInfo& access);
  uint64_t read_msr(const AccessInfo& access);

  bool dlab() const;
  bool loopback() const;
  unsigned rx_capacity() const { return fifo_enabled_ ? kFifoSize : 1; }
  void clear_rx_fifo();
  // A byte into the receiver at `time`.
  void accept(uint8_t byte, const sc_core::sc_time& time);
  void restart_character_timeout(const sc_core::sc_time& time);
  sc_core::sc_time character_time() const;
  // IIR bits 3:0 for the highest-priority pending interrupt, 0x1 for none.
  uint8_t interrupt_id() const;
  void update_irq(const sc_core::sc_time& time);

  // Processes.
  void reset_state() override;
  void drive_irq();
  void drive_tx_byte();
  void character_timeout();
  void flush_backend();
  void poll_backend();

  static constexpr unsigned kFifoSize = 16;

  Uart16550Config config_;
  std::unique_ptr<UartBackend> backend_;
  // Register handles: the bank holds IER, DLL, DLM, LCR, MCR and SCR.
  unsigned ier_ = 0, dll_ = 0, dlm_ = 0, lcr_ = 0, mcr_ = 0;

  bool fifo_enabled_ = false;
  unsigned rx_trigger_ = 1;
  uint8_t rx_fifo_[kFifoSize] = {};
  unsigned rx_head_ = 0, rx_count_ = 0;
  bool overrun_ = false;
  bool thre_pending_ = false;
  bool timeout_pending_ = false;
  uint8_t modem_lines_;       // MSR bits 7:4
  uint8_t modem_deltas_ = 0;  // MSR bits 3:0
  uint64_t bytes_transmitted_ = 0;

  bool irq_level_ = false;  // as driven on `irq`
  // Each change carries the whole level (or byte): the accesses' order is kept.
  TimedOutput<bool> irq_changes_{LateChange::AfterTheLast};
  TimedOutput<uint8_t> tx_trace_{LateChange::AfterTheLast};
  bool flush_pending_ = false;
  sc_core::sc_event timeout_event_, flush_event_, backend_event_;
  OptionalPorts optional_ports_;
};

}  // namespace rvtlm::models

#endif
