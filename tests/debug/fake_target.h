// A Target for protocol tests: a few threads with registers x0..x31, pc and
// two CSRs, memory at kMemBase, and records of everything the session asked
// for (breakpoints, resumes, interrupts, detach, kill, monitor commands).
#ifndef RVTLM_TESTS_DEBUG_FAKE_TARGET_H
#define RVTLM_TESTS_DEBUG_FAKE_TARGET_H

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "rvtlm/debug/target.h"

namespace rvtlm::debug::test {

inline constexpr uint64_t kMemBase = 0x80000000;
inline constexpr unsigned kMstatusRegnum = 65 + 0x300;
inline constexpr unsigned kMisaRegnum = 65 + 0x301;

class FakeTarget : public Target {
 public:
  explicit FakeTarget(unsigned threads = 4, std::size_t memory = 256, bool reverse = false)
      : mem(memory), reverse_(reverse), regs_(threads) {
    description_.architecture = "riscv:rv64";
    description_.osabi = "none";
    for (unsigned i = 0; i < 32; ++i)
      description_.registers.push_back(
          {"x" + std::to_string(i), i, 64, "int", "", "org.gnu.gdb.riscv.cpu"});
    description_.registers.push_back({"pc", 32, 64, "code_ptr", "", "org.gnu.gdb.riscv.cpu"});
    description_.registers.push_back(
        {"mstatus", kMstatusRegnum, 64, "int", "", "org.gnu.gdb.riscv.csr"});
    description_.registers.push_back({"misa", kMisaRegnum, 64, "int", "", "org.gnu.gdb.riscv.csr"});
    description_.registers.push_back({"priv", 4161, 8, "int", "", "org.gnu.gdb.riscv.virtual"});
    description_.g_registers = 33;
    for (unsigned t = 0; t < threads; ++t) {
      for (unsigned r = 0; r < 32; ++r) regs_[t][r] = r == 0 ? 0 : (uint64_t{t + 1} << 32) | r;
      regs_[t][32] = kMemBase + 0x100 * t;
      regs_[t][kMstatusRegnum] = 0x1800;
      regs_[t][4161] = 3;
    }
    for (std::size_t i = 0; i < mem.size(); ++i) mem[i] = static_cast<uint8_t>(i);
  }

  // ---- observations and switches ----
  std::vector<uint8_t> mem;
  bool misa_unreadable = true;  // reads of misa fail (a register that is not available now)
  std::vector<std::tuple<bool, BreakpointType, uint64_t, uint64_t>> breakpoints;  // insert?
  bool refuse_breakpoints = false;
  bool watchpoints_supported = true;
  std::vector<std::vector<ResumeKind>> resumes;
  unsigned interrupts = 0;
  unsigned detaches = 0;
  unsigned kills = 0;
  std::vector<std::pair<ThreadId, std::string>> monitor_commands;
  std::string monitor_output = "ok\n";

  uint64_t& reg(ThreadId t, unsigned n) { return regs_.at(t - 1)[n]; }

  // ---- Target ----
  const TargetDescription& description() const override { return description_; }
  unsigned thread_count() const override { return static_cast<unsigned>(regs_.size()); }
  std::string thread_info(ThreadId t) const override { return "fake " + std::to_string(t); }

  bool read_register(ThreadId t, unsigned n, uint64_t& v) override {
    if (t < 1 || t > regs_.size() || (n == kMisaRegnum && misa_unreadable)) return false;
    auto it = regs_[t - 1].find(n);
    if (it == regs_[t - 1].end()) return false;
    v = it->second;
    return true;
  }
  bool write_register(ThreadId t, unsigned n, uint64_t v) override {
    if (t < 1 || t > regs_.size() || n == 0 || (n == kMisaRegnum && misa_unreadable)) return n == 0;
    regs_[t - 1][n] = v;
    return true;
  }
  std::size_t read_memory(ThreadId, uint64_t addr, uint8_t* data, std::size_t size) override {
    std::size_t n = 0;
    while (n < size && addr + n >= kMemBase && addr + n - kMemBase < mem.size()) {
      data[n] = mem[addr + n - kMemBase];
      ++n;
    }
    return n;
  }
  std::size_t write_memory(ThreadId, uint64_t addr, const uint8_t* data,
                           std::size_t size) override {
    std::size_t n = 0;
    while (n < size && addr + n >= kMemBase && addr + n - kMemBase < mem.size()) {
      mem[addr + n - kMemBase] = data[n];
      ++n;
    }
    return n;
  }
  bool supports(BreakpointType type) const override {
    return watchpoints_supported || type == BreakpointType::Software ||
           type == BreakpointType::Hardware;
  }
  bool insert_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) override {
    breakpoints.emplace_back(true, type, addr, length);
    return !refuse_breakpoints;
  }
  bool remove_breakpoint(BreakpointType type, uint64_t addr, uint64_t length) override {
    breakpoints.emplace_back(false, type, addr, length);
    return !refuse_breakpoints;
  }
  void resume(const std::vector<ResumeKind>& actions) override { resumes.push_back(actions); }
  void interrupt() override { ++interrupts; }
  void detach() override { ++detaches; }
  void kill() override { ++kills; }
  bool monitor(ThreadId thread, const std::string& command, std::string& output) override {
    monitor_commands.emplace_back(thread, command);
    output = monitor_output;
    return true;
  }
  bool can_reverse() const override { return reverse_; }

 private:
  bool reverse_;
  TargetDescription description_;
  std::vector<std::map<unsigned, uint64_t>> regs_;
};

}  // namespace rvtlm::debug::test

#endif
