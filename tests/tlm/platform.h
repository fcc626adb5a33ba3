// The bridge tests' platform: RAM and a recording target behind a router,
// harts added by each test. One per process (SystemC elaborates once).
#ifndef RVTLM_TESTS_TLM_PLATFORM_H
#define RVTLM_TESTS_TLM_PLATFORM_H

#include <functional>
#include <memory>
#include <string>
#include <systemc>
#include <tlm>
#include <utility>
#include <vector>

#include "program.h"
#include "rvtlm/iss/coherence.h"
#include "rvtlm/tlm/hart_module.h"
#include "targets.h"

namespace rvtlm::tlm_test {

constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 0x10000;
constexpr uint64_t kRecorderBase = 0x10000000;
constexpr uint64_t kRecorderSize = 0x1000;

inline sc_core::sc_time ns(double v) { return sc_core::sc_time(v, sc_core::SC_NS); }
inline sc_core::sc_time us(double v) { return sc_core::sc_time(v, sc_core::SC_US); }
inline sc_core::sc_time ms(double v) { return sc_core::sc_time(v, sc_core::SC_MS); }

// Runs `body` as a SystemC thread (test scripts: drive reset, debug access).
class Script : public sc_core::sc_module {
 public:
  Script(const sc_core::sc_module_name& name, std::function<void()> body)
      : sc_core::sc_module(name), body_(std::move(body)) {
    SC_HAS_PROCESS(Script);
    SC_THREAD(run);
  }

 private:
  void run() { body_(); }
  std::function<void()> body_;
};

class TestPlatform {
 public:
  iss::CoherenceDomain domain;
  Router router{"router"};
  Memory memory{"memory", kRamSize};
  RecordingTarget recorder{"recorder", kRecorderSize};
  std::vector<std::unique_ptr<rvtlm::tlm::HartModule>> harts;

  explicit TestPlatform(const sc_core::sc_time& global_quantum = us(1)) {
    ::tlm::tlm_global_quantum::instance().set(global_quantum);
    router.map(kRamBase, kRamSize, memory.socket);
    router.map(kRecorderBase, kRecorderSize, recorder.socket);
  }

  static rvtlm::tlm::HartModuleConfig config() {
    rvtlm::tlm::HartModuleConfig c;
    c.hart.reset_pc = kRamBase;
    return c;
  }

  rvtlm::tlm::HartModule& add_hart(rvtlm::tlm::HartModuleConfig c = config()) {
    const std::string name = "hart" + std::to_string(harts.size());
    harts.push_back(std::make_unique<rvtlm::tlm::HartModule>(name.c_str(), std::move(c), &domain));
    harts.back()->socket.bind(router.target_socket);
    return *harts.back();
  }

  void load(uint64_t offset, const Program& program) { memory.load(offset, program.words()); }
};

// Values and times of the writes to one recorder address.
inline std::vector<uint64_t> values(const std::vector<RecordingTarget::Record>& records) {
  std::vector<uint64_t> v;
  v.reserve(records.size());
  for (const auto& r : records) v.push_back(r.value);
  return v;
}
inline std::vector<sc_core::sc_time> times(const std::vector<RecordingTarget::Record>& records) {
  std::vector<sc_core::sc_time> v;
  v.reserve(records.size());
  for (const auto& r : records) v.push_back(r.time);
  return v;
}

}  // namespace rvtlm::tlm_test

#endif
