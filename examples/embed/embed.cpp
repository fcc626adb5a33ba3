// rvtlm in somebody else's SystemC platform: everything here but the hart is
// plain TLM-2.0 (a memory with DMI, a router, a UART-like console and a
// finisher), as a QBox-style top level would have it. The hart runs a tiny
// hand-encoded program that prints "hello" and exits through the finisher;
// the example prints what the guest wrote and exits with the guest's status.
//
//   rvtlm-embed [--stats]
#include <rvtlm/tlm/hart_module.h>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

namespace {

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 0x10000;
constexpr uint64_t kUartBase = 0x10000000;
constexpr uint64_t kUartSize = 0x100;
constexpr uint64_t kFinisherBase = 0x100000;
constexpr uint64_t kFinisherSize = 0x1000;

// The guest, RV64I, loaded at kRamBase.
const uint32_t kProgram[] = {
    0x10000437,  //      lui   s0, 0x10000         UART
    0x00000497,  //      auipc s1, 0
    0x03448493,  //      addi  s1, s1, 52          message
    0x0004c283,  // 1:   lbu   t0, 0(s1)
    0x00028863,  //      beq   t0, zero, 2f
    0x00540023,  //      sb    t0, 0(s0)
    0x00148493,  //      addi  s1, s1, 1
    0xff1ff06f,  //      j     1b
    0x00100337,  // 2:   lui   t1, 0x100           finisher
    0x000053b7,  //      lui   t2, 0x5
    0x55538393,  //      addi  t2, t2, 0x555       0x5555: pass
    0x00732023,  //      sw    t2, 0(t1)
    0x10500073,  // 3:   wfi
    0xffdff06f,  //      j     3b
};
const char kMessage[] = "hello\n";

class Memory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Memory> socket{"socket"};

  Memory(const sc_core::sc_module_name& name, uint64_t size)
      : sc_core::sc_module(name), data_(size) {
    socket.register_b_transport(this, &Memory::b_transport);
    socket.register_get_direct_mem_ptr(this, &Memory::get_direct_mem_ptr);
    socket.register_transport_dbg(this, &Memory::transport_dbg);
  }
  uint8_t* data() { return data_.data(); }

 private:
  bool inside(const tlm::tlm_generic_payload& t) const {
    return t.get_address() < data_.size() && t.get_data_length() <= data_.size() - t.get_address();
  }
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    if (!inside(t) || t.get_byte_enable_ptr()) {
      t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    transport_dbg(t);
    t.set_dmi_allowed(true);
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
  bool get_direct_mem_ptr(tlm::tlm_generic_payload&, tlm::tlm_dmi& dmi) {
    dmi.set_dmi_ptr(data_.data());
    dmi.set_start_address(0);
    dmi.set_end_address(data_.size() - 1);
    dmi.allow_read_write();
    return true;
  }
  unsigned transport_dbg(tlm::tlm_generic_payload& t) {
    if (!inside(t)) return 0;
    uint8_t* p = data_.data() + t.get_address();
    if (t.is_read()) std::memcpy(t.get_data_ptr(), p, t.get_data_length());
    if (t.is_write()) std::memcpy(p, t.get_data_ptr(), t.get_data_length());
    return t.get_data_length();
  }
  std::vector<uint8_t> data_;
};

// Transmit register at offset 0; the line status register (5) always reads
// "transmitter empty".
class Uart : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Uart> socket{"socket"};
  std::string output;

  explicit Uart(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    socket.register_b_transport(this, &Uart::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    if (t.is_write() && t.get_address() == 0) {
      const char c = static_cast<char>(t.get_data_ptr()[0]);
      output += c;
      std::cout << c << std::flush;
    } else if (t.is_read()) {
      std::memset(t.get_data_ptr(), 0, t.get_data_length());
      if (t.get_address() == 5) t.get_data_ptr()[0] = 0x60;
    }
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// QEMU virt's test finisher: 0x5555 passes, 0x3333 | status << 16 fails.
class Finisher : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Finisher> socket{"socket"};
  int status = -1;

  explicit Finisher(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    socket.register_b_transport(this, &Finisher::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
    if (t.is_write() && t.get_address() == 0 && t.get_data_length() == 4) {
      uint32_t v;
      std::memcpy(&v, t.get_data_ptr(), 4);
      if ((v & 0xffff) == 0x5555 || (v & 0xffff) == 0x3333) {
        status = (v & 0xffff) == 0x5555 ? 0 : static_cast<int>(v >> 16);
        sc_core::sc_stop();
      }
    }
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// One initiator, three targets.
class Router : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Router> target_socket{"target_socket"};
  tlm_utils::simple_initiator_socket<Router> ram{"ram"};
  tlm_utils::simple_initiator_socket<Router> uart{"uart"};
  tlm_utils::simple_initiator_socket<Router> finisher{"finisher"};

  explicit Router(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    target_socket.register_b_transport(this, &Router::b_transport);
    target_socket.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
    target_socket.register_transport_dbg(this, &Router::transport_dbg);
    ram.register_invalidate_direct_mem_ptr(this, &Router::invalidate_ram);
  }

 private:
  struct Route {
    tlm_utils::simple_initiator_socket<Router>* socket;
    uint64_t base;
    uint64_t size;
  };
  bool route(uint64_t addr, Route& r) {
    const Route all[] = {{&ram, kRamBase, kRamSize},
                         {&uart, kUartBase, kUartSize},
                         {&finisher, kFinisherBase, kFinisherSize}};
    for (const Route& x : all) {
      if (addr >= x.base && addr - x.base < x.size) {
        r = x;
        return true;
      }
    }
    return false;
  }
  void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    const uint64_t addr = t.get_address();
    Route r;
    if (!route(addr, r)) {
      t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    t.set_address(addr - r.base);
    (*r.socket)->b_transport(t, delay);
    t.set_address(addr);
  }
  bool get_direct_mem_ptr(tlm::tlm_generic_payload& t, tlm::tlm_dmi& dmi) {
    const uint64_t addr = t.get_address();
    Route r;
    const bool mapped = route(addr, r);
    if (!mapped || r.socket != &ram) {
      // Only the RAM offers DMI: refuse for this device (or this address).
      dmi.set_start_address(mapped ? r.base : addr);
      dmi.set_end_address(mapped ? r.base + r.size - 1 : addr);
      return false;
    }
    t.set_address(addr - r.base);
    const bool ok = ram->get_direct_mem_ptr(t, dmi);
    t.set_address(addr);
    dmi.set_start_address(dmi.get_start_address() + r.base);
    dmi.set_end_address(dmi.get_end_address() + r.base);
    return ok;
  }
  unsigned transport_dbg(tlm::tlm_generic_payload& t) {
    const uint64_t addr = t.get_address();
    Route r;
    if (!route(addr, r)) return 0;
    t.set_address(addr - r.base);
    const unsigned n = (*r.socket)->transport_dbg(t);
    t.set_address(addr);
    return n;
  }
  void invalidate_ram(sc_dt::uint64 start, sc_dt::uint64 end) {
    target_socket->invalidate_direct_mem_ptr(start + kRamBase, end + kRamBase);
  }
};

}  // namespace

int sc_main(int argc, char** argv) {
  const bool stats = argc > 1 && std::string(argv[1]) == "--stats";
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                          sc_core::SC_DO_NOTHING);
  tlm::tlm_global_quantum::instance().set(sc_core::sc_time(1, sc_core::SC_US));

  Memory memory("memory", kRamSize);
  Uart uart("uart");
  Finisher finisher("finisher");
  Router router("router");
  router.ram.bind(memory.socket);
  router.uart.bind(uart.socket);
  router.finisher.bind(finisher.socket);

  rvtlm::tlm::HartModuleConfig config;
  config.hart.isa = rvtlm::iss::Isa(rvtlm::iss::Xlen::Rv64);
  config.hart.reset_pc = kRamBase;
  rvtlm::tlm::HartModule hart("hart", config);
  hart.socket.bind(router.target_socket);  // interrupt and reset inputs stay unbound

  std::memcpy(memory.data(), kProgram, sizeof kProgram);
  std::memcpy(memory.data() + sizeof kProgram, kMessage, sizeof kMessage);

  sc_core::sc_start();

  // The hart's own time: it runs ahead of SystemC time by up to a quantum.
  std::printf("guest exit status %d after %" PRIu64 " instructions, %s simulated\n",
              finisher.status, hart.statistics().instructions,
              hart.local_time().to_string().c_str());
  if (stats) hart.print_statistics(std::cerr);
  return finisher.status < 0 ? 1 : finisher.status;
}
