// The 16550A UART driven through TLM-2.0 and its irq and tx_byte signals:
// registers, divisor latch, transmission, interrupt rules and their times,
// FIFO, overrun, loopback, register layout, input polling.
#include "rvtlm/models/uart16550.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <tlm_utils/simple_initiator_socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rvtlm::models {
namespace {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

sc_time ns(double v) { return sc_time(v, sc_core::SC_NS); }
sc_time us(double v) { return sc_time(v, sc_core::SC_US); }

enum Reg : unsigned {
  RBR = 0,
  THR = 0,
  DLL = 0,
  IER = 1,
  DLM = 1,
  IIR = 2,
  FCR = 2,
  LCR = 3,
  MCR = 4,
  LSR = 5,
  MSR = 6,
  SCR = 7
};

// An initiator thread that runs the test's body against the UART, and logs
// of the irq line and of tx_byte with their times.
class Bench : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<Bench> socket;
  sc_core::sc_signal<bool> irq_line;
  Uart16550 uart;
  BufferUartBackend* buffer;  // owned by the UART
  std::vector<std::pair<sc_time, bool>> irq_log;
  std::vector<std::pair<sc_time, uint8_t>> tx_log;
  std::function<void(Bench&)> body;
  bool body_done = false;

  SC_HAS_PROCESS(Bench);
  Bench(const sc_core::sc_module_name& name, std::function<void(Bench&)> body_,
        const Uart16550Config& config = {}, bool bind_irq = true)
      : sc_core::sc_module(name),
        socket("socket"),
        irq_line("irq_line"),
        uart("uart", config),
        body(std::move(body_)) {
    socket.bind(uart.socket);
    if (bind_irq) uart.irq.bind(irq_line);
    auto backend = std::make_unique<BufferUartBackend>();
    buffer = backend.get();
    uart.set_backend(std::move(backend));
    SC_THREAD(run);
    SC_METHOD(log_irq);
    sensitive << irq_line;
    dont_initialize();
    SC_METHOD(log_tx);
    sensitive << uart.tx_byte;
    dont_initialize();
  }

  tlm::tlm_response_status access(tlm::tlm_command command, uint64_t address, unsigned length,
                                  uint64_t& data, sc_time delay = SC_ZERO_TIME) {
    tlm::tlm_generic_payload p;
    p.set_command(command);
    p.set_address(address);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&data));
    p.set_data_length(length);
    p.set_streaming_width(length);
    socket->b_transport(p, delay);
    return p.get_response_status();
  }
  uint64_t address(unsigned reg) const { return uint64_t{reg} << uart.config().reg_shift; }
  uint8_t read(unsigned reg, const sc_time& delay = SC_ZERO_TIME) {
    uint64_t v = 0;
    EXPECT_EQ(access(tlm::TLM_READ_COMMAND, address(reg), uart.config().reg_io_width, v, delay),
              tlm::TLM_OK_RESPONSE);
    return static_cast<uint8_t>(v);
  }
  void write(unsigned reg, uint8_t value, const sc_time& delay = SC_ZERO_TIME) {
    uint64_t v = value;
    EXPECT_EQ(access(tlm::TLM_WRITE_COMMAND, address(reg), uart.config().reg_io_width, v, delay),
              tlm::TLM_OK_RESPONSE);
  }
  uint8_t peek(unsigned reg) {
    uint8_t v = 0;
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_READ_COMMAND);
    p.set_address(address(reg));
    p.set_data_ptr(&v);
    p.set_data_length(1);
    EXPECT_EQ(socket->transport_dbg(p), 1u);
    return v;
  }

 private:
  void run() {
    body(*this);
    body_done = true;
  }
  void log_irq() { irq_log.emplace_back(sc_core::sc_time_stamp(), irq_line.read()); }
  void log_tx() { tx_log.emplace_back(sc_core::sc_time_stamp(), uart.tx_byte.read()); }
};

using IrqLog = std::vector<std::pair<sc_time, bool>>;

TEST(Uart16550, ResetValues) {
  Bench bench("bench", [](Bench& b) {
    EXPECT_EQ(b.read(IER), 0x00);
    EXPECT_EQ(b.read(IIR), 0x01);
    EXPECT_EQ(b.read(LCR), 0x00);
    EXPECT_EQ(b.read(MCR), 0x00);
    EXPECT_EQ(b.read(LSR), 0x60);
    EXPECT_EQ(b.read(MSR), 0xb0);  // CTS, DSR, DCD: no modem attached
    EXPECT_EQ(b.read(SCR), 0x00);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_FALSE(bench.irq_line.read());
  EXPECT_TRUE(bench.irq_log.empty());
}

TEST(Uart16550, DivisorLatchBehindDlab) {
  Bench bench("bench", [](Bench& b) {
    b.write(LCR, 0x83);  // DLAB, 8N1
    b.write(DLL, 0x0c);
    b.write(DLM, 0x01);
    EXPECT_EQ(b.read(DLL), 0x0c);
    EXPECT_EQ(b.read(DLM), 0x01);
    EXPECT_EQ(b.read(LCR), 0x83);
    b.write(LCR, 0x03);
    EXPECT_EQ(b.read(IER), 0x00);  // IER, not DLM
    b.write(IER, 0xff);
    EXPECT_EQ(b.read(IER), 0x0f);  // bits 7:4 do not exist
    EXPECT_EQ(b.read(LSR), 0x60);  // RBR was not written
    b.write(LCR, 0x83);
    EXPECT_EQ(b.read(DLL), 0x0c);
    EXPECT_EQ(b.read(DLM), 0x01);
    b.write(LCR, 0x03);
    b.write(IER, 0);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.uart.bytes_transmitted(), 0u);
  EXPECT_EQ(bench.buffer->output, "");
}

// Each architectural register has its own name, and LCR.DLAB selects the
// divisor latch over RBR/THR and IER.
TEST(Uart16550, EachRegisterHasItsNameInTheSelectedBank) {
  std::vector<std::string> plain, latched;
  Bench bench("bench", [&](Bench& b) {
    const auto names = [&](std::vector<std::string>& out) {
      for (unsigned reg = 0; reg < 8; ++reg) {
        for (const bool write : {false, true}) {
          const Register* r = b.uart.registers().register_at(b.address(reg), write);
          out.push_back(r ? r->name : "-");
        }
      }
    };
    names(plain);
    b.write(LCR, 0x80);
    names(latched);
    b.write(LCR, 0x00);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(plain,
            (std::vector<std::string>{"rbr", "thr", "ier", "ier", "iir", "fcr", "lcr", "lcr", "mcr",
                                      "mcr", "lsr", "lsr", "msr", "msr", "scr", "scr"}));
  EXPECT_EQ(latched,
            (std::vector<std::string>{"dll", "dll", "dlm", "dlm", "iir", "fcr", "lcr", "lcr", "mcr",
                                      "mcr", "lsr", "lsr", "msr", "msr", "scr", "scr"}));
}

// The divisor latch keeps its values while RBR, THR and IER are used, and
// they keep theirs while the latch is open.
TEST(Uart16550, DivisorLatchAndDataRegistersKeepTheirOwnValues) {
  Bench bench("bench", [](Bench& b) {
    b.write(LCR, 0x83);
    b.write(DLL, 0x34);
    b.write(DLM, 0x12);
    b.write(LCR, 0x03);
    b.write(IER, 0x05);
    b.write(THR, 'k');
    b.uart.receive('r');
    EXPECT_EQ(b.read(IER), 0x05);
    b.write(LCR, 0x83);
    EXPECT_EQ(b.read(DLL), 0x34);
    EXPECT_EQ(b.read(DLM), 0x12);
    EXPECT_EQ(b.read(LSR), 0x61);  // reading DLL did not take the byte
    b.write(DLL, 0x01);            // not transmitted
    b.write(DLM, 0x00);            // not IER
    b.write(LCR, 0x03);
    EXPECT_EQ(b.read(IER), 0x05);
    EXPECT_EQ(b.read(RBR), 'r');
    EXPECT_EQ(b.read(LSR), 0x60);
    b.write(LCR, 0x83);
    EXPECT_EQ(b.read(DLL), 0x01);
    EXPECT_EQ(b.read(DLM), 0x00);
    b.write(LCR, 0x03);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.buffer->output, "k");
  EXPECT_EQ(bench.uart.bytes_transmitted(), 1u);
}

// A debugger reads the bank that LCR.DLAB selects, and none of its reads
// takes a byte or clears an interrupt.
TEST(Uart16550, DebugReadsFollowTheSelectedBank) {
  Bench bench("bench", [](Bench& b) {
    b.write(LCR, 0x80);
    b.write(DLL, 0x0c);
    b.write(DLM, 0x01);
    b.write(LCR, 0x00);
    b.write(IER, 0x03);  // data available and THR empty
    b.uart.receive('d');
    sc_core::wait(ns(10));
    EXPECT_EQ(b.peek(RBR), 'd');
    EXPECT_EQ(b.peek(IER), 0x03);
    EXPECT_EQ(b.peek(IIR), 0x04);
    b.write(LCR, 0x80);
    EXPECT_EQ(b.peek(DLL), 0x0c);
    EXPECT_EQ(b.peek(DLM), 0x01);
    EXPECT_EQ(b.peek(IIR), 0x04);  // IIR has no second bank
    EXPECT_EQ(b.peek(LCR), 0x80);
    b.write(LCR, 0x00);
    EXPECT_EQ(b.peek(LSR), 0x61);
    EXPECT_EQ(b.read(RBR), 'd');
    EXPECT_EQ(b.peek(RBR), 0x00);
    EXPECT_EQ(b.peek(IIR), 0x02);
    EXPECT_EQ(b.read(IIR), 0x02);
    EXPECT_EQ(b.read(IIR), 0x01);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  const IrqLog expected = {{SC_ZERO_TIME, true}, {ns(10), false}};
  EXPECT_EQ(bench.irq_log, expected);
}

TEST(Uart16550, TransmittedBytesReachTheBackendInOrderAndTxByte) {
  const std::string text = "Hi!\n";
  Bench bench("bench", [&](Bench& b) {
    for (size_t i = 0; i < text.size(); ++i) {
      b.write(THR, static_cast<uint8_t>(text[i]), ns(10.0 * static_cast<double>(i + 1)));
      EXPECT_EQ(b.read(LSR), 0x60);  // THRE and TEMT: the byte left at once
    }
    sc_core::wait(us(1));
    b.write(THR, 'x');
  });
  sc_core::sc_start();
  EXPECT_EQ(bench.buffer->output, text + "x");
  EXPECT_EQ(bench.uart.bytes_transmitted(), text.size() + 1);
  const std::vector<std::pair<sc_time, uint8_t>> expected = {
      {ns(10), 'H'}, {ns(20), 'i'}, {ns(30), '!'}, {ns(40), '\n'}, {us(1), 'x'}};
  EXPECT_EQ(bench.tx_log, expected);
}

TEST(Uart16550, BytesWrittenAtTheSameTimeAllAppearOnTxByte) {
  Bench bench("bench", [](Bench& b) {
    b.write(THR, 'a', ns(5));
    b.write(THR, 'b', ns(5));
    b.write(THR, 'c', ns(5));
  });
  sc_core::sc_start();
  const std::vector<std::pair<sc_time, uint8_t>> expected = {
      {ns(5), 'a'}, {ns(5), 'b'}, {ns(5), 'c'}};
  EXPECT_EQ(bench.tx_log, expected);
}

// The same byte twice is no change of tx_byte; tx_count changes with each.
TEST(Uart16550, RepeatedBytesEachChangeTxCount) {
  std::vector<std::pair<sc_time, uint64_t>> counts;
  Bench bench("bench", [](Bench& b) {
    b.write(THR, 'l', ns(10));
    b.write(THR, 'l', ns(20));
    b.write(THR, 'l', ns(30));
  });
  struct Watch : sc_core::sc_module {
    Watch(const sc_core::sc_module_name& n, Uart16550& u,
          std::vector<std::pair<sc_time, uint64_t>>& log)
        : sc_core::sc_module(n), uart(u), counts(log) {
      SC_HAS_PROCESS(Watch);
      SC_METHOD(record);
      sensitive << uart.tx_count;
      dont_initialize();
    }
    void record() { counts.emplace_back(sc_core::sc_time_stamp(), uart.tx_count.read()); }
    Uart16550& uart;
    std::vector<std::pair<sc_time, uint64_t>>& counts;
  } watch("watch", bench.uart, counts);
  sc_core::sc_start();
  const std::vector<std::pair<sc_time, uint64_t>> expected = {
      {ns(10), 1}, {ns(20), 2}, {ns(30), 3}};
  EXPECT_EQ(counts, expected);
  EXPECT_EQ(bench.tx_log.size(), 1u);  // tx_byte changed once only
}

TEST(Uart16550, ScratchRegisterReadsBack) {
  Bench bench("bench", [](Bench& b) {
    b.write(SCR, 0xa5);
    EXPECT_EQ(b.read(SCR), 0xa5);
    b.write(SCR, 0x5a);
    EXPECT_EQ(b.read(SCR), 0x5a);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_TRUE(bench.irq_log.empty());
}

// THRE: pending when ETBEI is set (THR is empty), cleared by the IIR read
// that returns it and by clearing ETBEI; the byte of a THR write leaves at
// once, so THR is empty again and the interrupt is pending again. Every
// change happens at the annotated time of its access.
TEST(Uart16550, ThreInterruptRulesAndTimes) {
  Bench bench("bench", [](Bench& b) {
    b.write(IER, 0x02, ns(30));
    EXPECT_EQ(b.read(IIR, ns(40)), 0x02);
    EXPECT_EQ(b.read(IIR, ns(41)), 0x01);  // the read cleared it
    b.write(THR, 'a', ns(50));
    EXPECT_EQ(b.peek(IIR), 0x02);
    b.write(THR, 'b', ns(60));   // stays pending
    b.write(IER, 0x00, ns(70));  // ETBEI off
    EXPECT_EQ(b.read(IIR, ns(71)), 0x01);
    b.write(IER, 0x02, ns(80));  // re-raised: THR is empty
    EXPECT_EQ(b.read(IIR, ns(90)), 0x02);
    b.write(IER, 0x02, ns(100));  // no edge on ETBEI: stays cleared
    EXPECT_EQ(b.read(IIR, ns(101)), 0x01);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  const IrqLog expected = {{ns(30), true},  {ns(40), false}, {ns(50), true},
                           {ns(70), false}, {ns(80), true},  {ns(90), false}};
  EXPECT_EQ(bench.irq_log, expected);
}

TEST(Uart16550, DebugReadsHaveNoSideEffects) {
  Bench bench("bench", [](Bench& b) {
    b.write(IER, 0x02);
    EXPECT_EQ(b.peek(IIR), 0x02);
    EXPECT_EQ(b.peek(IIR), 0x02);
    b.uart.receive('q');
    EXPECT_EQ(b.peek(RBR), 'q');
    EXPECT_EQ(b.peek(LSR), 0x61);
    EXPECT_EQ(b.read(RBR), 'q');
    EXPECT_EQ(b.read(IIR), 0x02);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
}

TEST(Uart16550, RxDataAvailableInterruptClearedByReadingRbr) {
  Bench bench("bench", [](Bench& b) {
    b.write(IER, 0x01);
    sc_core::wait(us(2));
    b.uart.receive('x');
    EXPECT_EQ(b.read(IIR, ns(5)), 0x04);
    EXPECT_EQ(b.read(LSR, ns(6)), 0x61);
    EXPECT_EQ(b.read(RBR, ns(25)), 'x');
    EXPECT_EQ(b.read(LSR, ns(26)), 0x60);
    EXPECT_EQ(b.read(IIR, ns(27)), 0x01);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  const IrqLog expected = {{us(2), true}, {us(2) + ns(25), false}};
  EXPECT_EQ(bench.irq_log, expected);
}

TEST(Uart16550, FifoTriggerLevelAndCharacterTimeout) {
  Bench bench("bench", [](Bench& b) {
    b.write(LCR, 0x83);
    b.write(DLL, 2);
    b.write(LCR, 0x03);            // 8N1: 10 bits a character
    b.write(FCR, 0x87);            // FIFOs on and reset, RX trigger 8
    EXPECT_EQ(b.read(IIR), 0xc1);  // FIFOs enabled, nothing pending
    b.write(IER, 0x01);
    for (char c : std::string("0123456")) b.uart.receive(static_cast<uint8_t>(c));
    EXPECT_EQ(b.read(IIR), 0xc1);  // 7 < 8
    EXPECT_FALSE(b.irq_line.read());
    sc_core::wait(us(1));
    b.uart.receive('7');
    EXPECT_EQ(b.read(IIR), 0xc4);
    EXPECT_EQ(b.read(RBR, ns(10)), '0');  // 7 left: below the trigger
    EXPECT_EQ(b.read(IIR, ns(11)), 0xc1);
    // No byte in or out for 4 character times: timeout.
    const sc_time character = sc_time(16.0 * 10 * 2 / 3686400, sc_core::SC_SEC);
    sc_core::wait(ns(10) + 4 * character - ns(1));
    EXPECT_EQ(b.read(IIR), 0xc1);
    sc_core::wait(ns(2));
    EXPECT_EQ(b.read(IIR), 0xcc);
    std::string rest;
    while (b.read(LSR) & 0x01) rest.push_back(static_cast<char>(b.read(RBR)));
    EXPECT_EQ(rest, "1234567");
    EXPECT_EQ(b.read(IIR), 0xc1);
    // The RX FIFO reset bit empties it.
    b.uart.receive('z');
    EXPECT_EQ(b.read(LSR), 0x61);
    b.write(FCR, 0x83);
    EXPECT_EQ(b.read(LSR), 0x60);
    EXPECT_EQ(b.read(IIR), 0xc1);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  const sc_time character = sc_time(16.0 * 10 * 2 / 3686400, sc_core::SC_SEC);
  const IrqLog expected = {{us(1), true},
                           {us(1) + ns(10), false},
                           {us(1) + ns(10) + 4 * character, true},
                           {us(1) + ns(11) + 4 * character, false}};
  EXPECT_EQ(bench.irq_log, expected);
}

TEST(Uart16550, TriggerLevelsFromFcr) {
  Bench bench("bench", [](Bench& b) {
    b.write(IER, 0x01);
    const unsigned levels[4] = {1, 4, 8, 14};
    for (unsigned t = 0; t < 4; ++t) {
      b.write(FCR, static_cast<uint8_t>(t << 6 | 0x03));
      for (unsigned n = 1; n <= levels[t]; ++n) {
        b.uart.receive(static_cast<uint8_t>(n));
        EXPECT_EQ(b.read(IIR), n < levels[t] ? 0xc1 : 0xc4) << "level " << levels[t] << " n " << n;
      }
    }
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
}

TEST(Uart16550, OverrunWithoutFifoKeepsTheNewestByte) {
  Bench bench("bench", [](Bench& b) {
    b.write(IER, 0x05);  // RDI, RLSI
    b.uart.receive('a');
    EXPECT_EQ(b.read(IIR), 0x04);
    b.uart.receive('b');
    EXPECT_EQ(b.read(IIR), 0x06);  // line status first
    EXPECT_EQ(b.read(LSR), 0x63);  // DR, OE
    EXPECT_EQ(b.read(LSR), 0x61);  // the read cleared OE
    EXPECT_EQ(b.read(IIR), 0x04);
    EXPECT_EQ(b.read(RBR), 'b');
    EXPECT_EQ(b.read(IIR), 0x01);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
}

TEST(Uart16550, OverrunWithFifoLosesTheSeventeenthByte) {
  Bench bench("bench", [](Bench& b) {
    b.write(FCR, 0x01);
    for (int i = 0; i < 17; ++i) b.uart.receive(static_cast<uint8_t>('A' + i));
    EXPECT_EQ(b.read(LSR), 0x63);
    std::string got;
    while (b.read(LSR) & 0x01) got.push_back(static_cast<char>(b.read(RBR)));
    EXPECT_EQ(got, "ABCDEFGHIJKLMNOP");
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
}

TEST(Uart16550, LoopbackSendsToTheReceiverAndMirrorsModemLines) {
  Bench bench("bench", [](Bench& b) {
    b.write(MCR, 0x10 | 0x0a);  // loop, RTS, OUT2: Linux's autoconfig probe
    EXPECT_EQ(b.read(MSR) & 0xf0, 0x90);
    EXPECT_EQ(b.read(MSR), 0x90);  // deltas cleared by the first read
    b.write(THR, 'L');
    EXPECT_EQ(b.read(LSR), 0x61);
    b.uart.receive('X');  // the serial input is disconnected in loopback
    EXPECT_EQ(b.read(RBR), 'L');
    EXPECT_EQ(b.read(LSR), 0x60);
    b.write(IER, 0x08);                // modem status interrupt
    b.write(MCR, 0x10 | 0x08, ns(7));  // RTS off: CTS changes
    EXPECT_EQ(b.read(IIR, ns(8)), 0x00);
    EXPECT_EQ(b.read(MSR, ns(9)), 0x81);  // DCD, delta CTS
    EXPECT_EQ(b.read(IIR, ns(10)), 0x01);
    b.write(MCR, 0x00, ns(11));
    EXPECT_EQ(b.read(MSR, ns(12)), 0xb3);  // idle lines again: CTS and DSR changed
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.buffer->output, "");
  EXPECT_EQ(bench.uart.bytes_transmitted(), 0u);
  EXPECT_TRUE(bench.tx_log.empty());
  const IrqLog expected = {{ns(7), true}, {ns(9), false}, {ns(11), true}, {ns(12), false}};
  EXPECT_EQ(bench.irq_log, expected);
}

TEST(Uart16550, RegShift2With32BitAccesses) {
  Uart16550Config config;
  config.reg_shift = 2;
  config.reg_io_width = 4;
  Bench bench(
      "bench",
      [](Bench& b) {
        uint64_t v = 0xffffff5a;
        EXPECT_EQ(b.access(tlm::TLM_WRITE_COMMAND, 0x1c, 4, v), tlm::TLM_OK_RESPONSE);
        v = 0;
        EXPECT_EQ(b.access(tlm::TLM_READ_COMMAND, 0x1c, 4, v), tlm::TLM_OK_RESPONSE);
        EXPECT_EQ(v, 0x5au);
        EXPECT_EQ(b.read(LSR), 0x60);
        EXPECT_EQ(b.read(IIR), 0x01);
        b.write(THR, 'w');
        // Byte and half-word accesses to a 32-bit register are bus errors.
        v = 0;
        EXPECT_EQ(b.access(tlm::TLM_READ_COMMAND, 0x14, 1, v), tlm::TLM_GENERIC_ERROR_RESPONSE);
        EXPECT_EQ(b.access(tlm::TLM_WRITE_COMMAND, 0x1c, 2, v), tlm::TLM_GENERIC_ERROR_RESPONSE);
        EXPECT_EQ(b.access(tlm::TLM_READ_COMMAND, 0x20, 4, v), tlm::TLM_ADDRESS_ERROR_RESPONSE);
        EXPECT_EQ(b.read(SCR), 0x5a);
      },
      config);
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.buffer->output, "w");
  EXPECT_EQ(bench.uart.registers().span(), 0x20u);
}

TEST(Uart16550, RegShift0AcceptsOnlyByteAccesses) {
  Bench bench("bench", [](Bench& b) {
    uint64_t v = 0;
    EXPECT_EQ(b.access(tlm::TLM_READ_COMMAND, 4, 4, v), tlm::TLM_GENERIC_ERROR_RESPONSE);
    EXPECT_EQ(b.access(tlm::TLM_READ_COMMAND, 8, 1, v), tlm::TLM_ADDRESS_ERROR_RESPONSE);
  });
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.uart.registers().span(), 8u);
}

TEST(Uart16550, IrqMayBeLeftUnbound) {
  Bench bench(
      "bench",
      [](Bench& b) {
        b.write(IER, 0x02);
        b.write(THR, 'p');
        EXPECT_EQ(b.read(IIR), 0x02);
      },
      {}, false);
  sc_core::sc_start();
  EXPECT_TRUE(bench.body_done);
  EXPECT_EQ(bench.buffer->output, "p");
}

TEST(Uart16550, ImpossibleLayoutIsRejected) {
  Uart16550Config config;
  config.reg_io_width = 4;  // reg_shift 0: registers one byte apart
  EXPECT_THROW(Uart16550("uart", config), std::invalid_argument);
}

// Input from the back end, read until it is exhausted: then the UART has no
// more events and sc_start() without a limit returns.
TEST(Uart16550, PollingStopsWhenInputIsExhausted) {
  const std::string input = "twenty bytes of text";
  std::string received;
  BufferUartBackend* backend = nullptr;
  Bench bench("bench", [&](Bench& b) {
    b.write(FCR, 0x07);
    b.write(IER, 0x01);
    auto buffer = std::make_unique<BufferUartBackend>(input);
    backend = buffer.get();
    b.uart.set_backend(std::move(buffer));
    for (;;) {
      sc_core::wait(b.irq_line.posedge_event());
      while (b.read(LSR) & 0x01) received.push_back(static_cast<char>(b.read(RBR)));
    }
  });
  sc_core::sc_start();
  EXPECT_EQ(received, input);
  ASSERT_NE(backend, nullptr);
  EXPECT_TRUE(backend->input.empty());
  // 16 bytes (the FIFO's room) at 0, 4 at 100 us, exhausted at 200 us.
  EXPECT_EQ(sc_core::sc_time_stamp(), us(200));
  EXPECT_FALSE(sc_core::sc_pending_activity());
}

TEST(Uart16550, NoInputMeansNoEvents) {
  Bench bench("bench", [](Bench&) {});
  sc_core::sc_start();
  EXPECT_EQ(sc_core::sc_time_stamp(), SC_ZERO_TIME);
  EXPECT_FALSE(sc_core::sc_pending_activity());
}

TEST(Uart16550, NewBackendWithInputIsPolled) {
  Bench bench("bench", [](Bench&) {});
  sc_core::sc_start();
  bench.uart.set_backend(std::make_unique<BufferUartBackend>("k"));
  sc_core::sc_start();
  EXPECT_EQ(bench.peek(RBR), 'k');
  EXPECT_EQ(sc_core::sc_time_stamp(), us(100));
}

// A real client on 127.0.0.1 talks to the guest through a port-0 TCP back end.
TEST(Uart16550, TcpBackendExchangesBytesWithAClient) {
  auto backend = std::make_unique<TcpUartBackend>(0);
  const uint16_t port = backend->port();
  ASSERT_NE(port, 0);
  const int client = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(client, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::send(client, "A", 1, 0), 1);

  uint8_t got = 0;
  Bench bench("bench", [&](Bench& b) {
    // The byte is on its way through the host's loopback: poll until it is
    // in the FIFO (bounded by host time, normally at the first poll).
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!(b.read(LSR) & 0x01) && std::chrono::steady_clock::now() < give_up)
      sc_core::wait(b.uart.config().rx_poll_period);
    got = b.read(RBR);
    b.write(THR, 'B');  // sent when the UART flushes its back end
    sc_core::wait(2 * b.uart.config().rx_poll_period);
    sc_core::sc_stop();  // the TCP back end keeps polling: stop here
  });
  bench.uart.set_backend(std::move(backend));
  sc_core::sc_start();
  EXPECT_EQ(got, 'A');
  pollfd p{client, POLLIN, 0};
  ASSERT_EQ(::poll(&p, 1, 10000), 1);
  char reply = 0;
  EXPECT_EQ(::recv(client, &reply, 1, 0), 1);
  EXPECT_EQ(reply, 'B');
  ::close(client);
}

}  // namespace
}  // namespace rvtlm::models

namespace rvtlm::models {
namespace {

// A device reset: every register back to its reset value (the divisor
// latch too), and irq low at the reset's time.
TEST(Uart16550, DeviceResetRestoresResetValuesAndLowersIrq) {
  Bench bench("bench", [](Bench& b) {
    b.write(LCR, 0x83);
    b.write(DLL, 0x12);
    b.write(LCR, 0x03);
    b.write(FCR, 0x01);
    b.write(SCR, 0x5a);
    b.write(IER, 0x02, ns(30));  // THRE interrupt at 30 ns
    sc_core::wait(ns(1100));
    b.uart.reset();
    EXPECT_EQ(b.read(IER), 0x00);
    EXPECT_EQ(b.read(IIR), 0x01);
    EXPECT_EQ(b.read(LCR), 0x00);
    EXPECT_EQ(b.read(LSR), 0x60);
    EXPECT_EQ(b.read(SCR), 0x00);
    b.write(LCR, 0x80);
    EXPECT_EQ(b.read(DLL), 0x00);
  });
  sc_core::sc_start(us(5));
  EXPECT_TRUE(bench.body_done);
  ASSERT_FALSE(bench.irq_log.empty());
  EXPECT_EQ(bench.irq_log.front(), std::make_pair(ns(30), true));
  EXPECT_EQ(bench.irq_log.back(), std::make_pair(ns(1100), false));
  EXPECT_FALSE(bench.irq_line.read());
}

}  // namespace
}  // namespace rvtlm::models
