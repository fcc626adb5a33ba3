// The plugin host with real plugins: one written in C and built by the test
// suite (loaded by path), the shipped cost-model, and an install function
// linked into the test. Exact counts, charged MMIO times, the cost model's
// events and cycles, a timer interrupt's instruction under the cost model at
// every quantum, and the errors of loading. One process per test (SystemC).
#include "rvtlm/plugins/host.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "platform.h"
#include "rvtlm/plugin.h"

namespace rvtlm::tlm_test {
namespace {

using rvtlm::plugins::PluginError;
using rvtlm::plugins::PluginHost;
using rvtlm::tlm::HartModule;

// A scratch file, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    char pattern[] = "/tmp/rvtlm-plugin-test-XXXXXX";
    const int fd = mkstemp(pattern);
    if (fd >= 0) close(fd);
    base_ = pattern;
    path_ = base_ + suffix;
  }
  ~TempFile() {
    std::remove(path_.c_str());
    std::remove(base_.c_str());
  }
  const std::string& path() const { return path_; }
  std::string read() const {
    std::ifstream in(path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const std::string& text) const { std::ofstream(path_) << text; }

 private:
  std::string base_;
  std::string path_;
};

// Three rounds of: load, increment, store (RAM); then a store to the
// recorder (a device), then sleep. Blocks: 9 instructions from the start, 5
// from `loop` (twice more), then sw and wfi.
Program load_store_loop() {
  Program p;
  p.li(reg::t0, static_cast<int32_t>(kRecorderBase));  // lui
  p.la(reg::a0, kRamBase + 0x1000);                    // auipc, addi
  p.li(reg::t2, 3);                                    // addi
  p.label("loop") << lw(reg::t1, reg::a0, 0) << addi(reg::t1, reg::t1, 1) << sw(reg::t1, reg::a0, 0)
                  << addi(reg::t2, reg::t2, -1);
  p.bne(reg::t2, reg::zero, "loop");
  p << sw(reg::t1, reg::t0, 0);
  p.label("end") << wfi();
  p.j("end");
  return p;
}

TEST(PluginHost, LoadsACPluginByPathAndCountsExactly) {
  TempFile out(".txt");
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.load(std::string(RVTLM_TEST_PLUGIN) + ",out=" + out.path());
  EXPECT_EQ(host.loaded(), std::vector<std::string>{"rvtlm-test-plugin"});
  platform.load(0, load_store_loop());
  sc_core::sc_start();
  host.finish();
  host.finish();  // once only

  const std::string text = out.read();
  EXPECT_NE(text.find("instructions=21 loads=3 stores=4 memory=7 device=1 traps=0 cause=0 "
                      "privilege-changes=0 starts=1 charged=0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("block 0x80000000 hart 0 size 9 entries 1 insns 9 loads 1 stores 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("block 0x80000010 hart 0 size 5 entries 2 insns 10 loads 2 stores 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("block 0x80000024 hart 0 size 2 entries 1 insns 2 loads 0 stores 1\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(hart.statistics().instructions, 21u);
}

// 1 ns per instruction, plus 3 units of 1 ns per instruction, plus 100
// units after each store: the device store follows 19 instructions and 3
// RAM stores.
TEST(PluginHost, ChargesOfACPluginMoveMmioTimes) {
  TempFile out(".txt");
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.load(std::string(RVTLM_TEST_PLUGIN) + ",out=" + out.path() +
            ",charge=3,unit_ps=1000,store_ps=100");
  platform.load(0, load_store_loop());
  sc_core::sc_start();
  host.finish();
  const auto writes = platform.recorder.writes_to(0);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].time, ns(19 * 4 + 300));
  EXPECT_EQ(hart.hart().charged(), 21 * 3u + 400);
  EXPECT_NE(out.read().find("charged=463"), std::string::npos) << out.read();
}

// Counts through the ABI from a plugin linked into the program, which gets
// its state from the embedder (api->context).
struct Linked {
  const rvtlm_api* api = nullptr;
  uint64_t entries = 0;
  std::vector<std::string> first_mnemonics;
  bool exited = false;
};
void linked_block(rvtlm_block* b, void* data) {
  auto* l = static_cast<Linked*>(data);
  l->first_mnemonics.emplace_back(l->api->insn_mnemonic(b, 0));
  l->api->block_inline_add(b, &l->entries, 1);
}
void linked_exit(void* data) { static_cast<Linked*>(data)->exited = true; }
int linked_install(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  if (argc != 1 || std::string(argv[0].key) != "k" || std::string(argv[0].value) != "v") {
    api->set_error(self, "expected k=v");
    return 1;
  }
  auto* linked = static_cast<Linked*>(api->context(self));
  linked->api = api;
  api->on_block(self, &linked_block, linked);
  api->on_exit(self, &linked_exit, linked);
  return 0;
}

TEST(PluginHost, InstallsAPluginLinkedIntoTheProgram) {
  Linked linked;
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  EXPECT_THROW(host.install("linked", &linked_install, {}, &linked), PluginError);
  host.install("linked", &linked_install, {{"k", "v"}}, &linked);
  platform.load(0, load_store_loop());
  sc_core::sc_start();
  EXPECT_EQ(linked.entries, 4u);  // 1 + 2 + 1 block entries
  EXPECT_EQ(linked.first_mnemonics, (std::vector<std::string>{"lui", "lw", "sw"}));
  EXPECT_FALSE(linked.exited);
  host.finish();
  EXPECT_TRUE(linked.exited);
}

// Version 2 of the API: a callback changes the hart's state. Before the
// first `addi t1,t1,1` (pc 0x80000014) it sets t1 to 100; before the first
// `lw` (pc 0x80000010) it writes 1000 to the loaded word. Either alone
// moves the value the guest finally stores to the device from 3.
struct Injector {
  const rvtlm_api* api = nullptr;
  bool set_register = false;
  bool write_memory = false;
  unsigned done = 0;
};
void injector_insn(rvtlm_hart* hart, uint64_t pc, void* data) {
  auto* in = static_cast<Injector*>(data);
  if (in->done & (pc == 0x80000010 ? 1u : 2u)) return;
  in->done |= pc == 0x80000010 ? 1u : 2u;
  if (pc == 0x80000014 && in->set_register) in->api->hart_set_reg(hart, reg::t1, 100);
  if (pc == 0x80000010 && in->write_memory) {
    const uint32_t word = 1000;
    EXPECT_EQ(in->api->hart_write_memory(hart, kRamBase + 0x1000, &word, sizeof word), 1);
    EXPECT_EQ(in->api->hart_write_memory(hart, 0x10, &word, sizeof word), 0);  // unmapped
  }
}
void injector_block(rvtlm_block* b, void* data) {
  auto* in = static_cast<Injector*>(data);
  for (size_t i = 0; i < in->api->block_size(b); ++i) {
    const uint64_t pc = in->api->insn_pc(b, i);
    if (pc == 0x80000010 || pc == 0x80000014) in->api->insn_exec_cb(b, i, &injector_insn, in);
  }
}
int injector_install(const rvtlm_api* api, rvtlm_plugin* self, int, const rvtlm_arg*) {
  auto* in = static_cast<Injector*>(api->context(self));
  in->api = api;
  api->on_block(self, &injector_block, in);
  return 0;
}

uint64_t stored_with(bool set_register, bool write_memory) {
  Injector injector;
  injector.set_register = set_register;
  injector.write_memory = write_memory;
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.install("injector", &injector_install, {}, &injector);
  platform.load(0, load_store_loop());
  sc_core::sc_start();
  host.finish();
  const auto writes = platform.recorder.writes_to(0);
  return writes.size() == 1 ? writes[0].value : ~uint64_t{0};
}

TEST(PluginHost, WithoutChangesTheInjectorsGuestStoresThree) {
  EXPECT_EQ(stored_with(false, false), 3u);
}

TEST(PluginHost, ACallbackSetsARegisterSeenByTheNextInstruction) {
  EXPECT_EQ(stored_with(true, false), 103u);
}

TEST(PluginHost, ACallbackWritesMemorySeenByTheCurrentInstruction) {
  EXPECT_EQ(stored_with(false, true), 1003u);
}

std::string load_error(PluginHost& host, const std::string& spec) {
  try {
    host.load(spec, "--plugin");
  } catch (const PluginError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(PluginHost, RefusesAPluginBuiltForAnotherApiVersion) {
  PluginHost host;
  const std::string e = load_error(host, RVTLM_TEST_PLUGIN_BAD_VERSION);
  EXPECT_NE(e.find("built for plugin API version 999, but this rvtlm implements version " +
                   std::to_string(RVTLM_PLUGIN_API_VERSION)),
            std::string::npos)
      << e;
  EXPECT_EQ(e.find('\n'), std::string::npos);
}

// The function table only grows: a plugin built for version 1 still loads
// and counts as it did.
TEST(PluginHost, LoadsAPluginBuiltForAnEarlierApiVersion) {
  TempFile out(".txt");
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.load(std::string(RVTLM_TEST_PLUGIN_VERSION_1) + ",out=" + out.path());
  platform.load(0, load_store_loop());
  sc_core::sc_start();
  host.finish();
  EXPECT_NE(out.read().find("instructions=21 loads=3 stores=4"), std::string::npos) << out.read();
}

TEST(PluginHost, SaysWhyAPluginCannotBeLoaded) {
  PluginHost host;
  std::string e = load_error(host, "nosuch");
  EXPECT_EQ(e.find("--plugin nosuch: no plugin named 'nosuch' (shipped: cost-model, insn-stats, "
                   "ips, trace"),
            0u)
      << e;
  e = load_error(host, "/nonexistent/libx.so");
  EXPECT_EQ(e.find("--plugin /nonexistent/libx.so: cannot load it: "), 0u) << e;
  e = load_error(host, RVTLM_TEST_PLUGIN_NO_INSTALL);
  EXPECT_NE(e.find("not an rvtlm plugin"), std::string::npos) << e;
  e = load_error(host, std::string(RVTLM_TEST_PLUGIN) + ",fail=1");
  EXPECT_NE(e.find(": asked to fail"), std::string::npos) << e;
  e = load_error(host, "insn-stats,oops");
  EXPECT_EQ(e, "--plugin insn-stats,oops: argument 'oops' is not key=value");
  e = load_error(host, "insn-stats,bogus=1");
  EXPECT_EQ(e, "--plugin insn-stats,bogus=1: unknown argument 'bogus' (known: hot, classes, file)");
  e = load_error(host, "ips,ips=abc");
  EXPECT_NE(e.find("ips=abc: expected a positive number"), std::string::npos) << e;
  e = load_error(host, ",x=1");
  EXPECT_NE(e.find("no plugin named"), std::string::npos) << e;
  EXPECT_TRUE(host.loaded().empty());
}

TEST(PluginHost, OnePluginControlsAHartsTime) {
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.load("ips,ips=1e8");
  EXPECT_EQ(hart.time_model().time(3), ns(30));
  const std::string e = load_error(host, "cost-model");
  EXPECT_NE(e.find("hart 0's time is already controlled by plugin ips"), std::string::npos) << e;
}

// ---- the cost model ------------------------------------------------------------

// Sixteen loads over eight lines of 64 bytes (twice each), a store to the
// recorder, sleep.
Program line_walk() {
  Program p;
  p.la(reg::a0, kRamBase + 0x1000);  // auipc, addi
  p.li(reg::t2, 16);                 // addi
  p.label("loop") << andi(reg::t3, reg::t2, 7) << slli(reg::t3, reg::t3, 6)
                  << add(reg::t3, reg::a0, reg::t3) << lw(reg::t1, reg::t3, 0)
                  << addi(reg::t2, reg::t2, -1);
  p.bne(reg::t2, reg::zero, "loop");
  p.li(reg::t0, static_cast<int32_t>(kRecorderBase));  // lui
  p << sw(reg::t1, reg::t0, 0);
  p.label("end") << wfi();
  p.j("end");
  return p;
}

TEST(CostModel, ChargesClassCyclesTakenBranchesAndMisses) {
  TempFile config(".json");
  TempFile report(".json");
  TempFile text(".txt");
  config.write(R"({
    "frequency": 1e9,
    "cycles": {"alu": 1, "load": 2, "store": 1, "branch": 1, "system": 1, "taken-branch": 2},
    "dcache": {"size": 512, "ways": 2, "line": 64, "miss": 10},
    "itlb": {"entries": 4, "page": 4096, "miss": 20},
    "dtlb": {"entries": 4, "page": "4K", "miss": 20}
  })");
  TestPlatform platform(us(1));
  HartModule& hart = platform.add_hart();
  PluginHost host;
  host.add_hart(hart);
  host.load("cost-model,config=" + config.path() + ",report=" + report.path() +
            ",file=" + text.path());
  platform.load(0, line_walk());
  sc_core::sc_start();
  host.finish();

  const auto events = nlohmann::json::parse(report.read()).at("hart0");
  EXPECT_EQ(events.at("instructions"), 102);
  EXPECT_EQ(events.at("alu"), 68);
  EXPECT_EQ(events.at("load"), 16);
  EXPECT_EQ(events.at("branch"), 16);
  EXPECT_EQ(events.at("store"), 1);
  EXPECT_EQ(events.at("system"), 1);
  EXPECT_EQ(events.at("taken-branch"), 15);
  EXPECT_EQ(events.at("dcache-miss"), 8);  // eight lines, each once
  EXPECT_EQ(events.at("itlb-miss"), 1);
  EXPECT_EQ(events.at("dtlb-miss"), 2);  // the data page and the recorder's
  // 68 + 2*16 + 16 + 1 + 1 + 2*15 + 10*8 + 20*3
  EXPECT_EQ(events.at("cycles"), 288.0);
  // The store carries all but its own cycles and its own TLB miss.
  const auto writes = platform.recorder.writes_to(0);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].time, ns(266));
  EXPECT_EQ(sc_core::sc_time_stamp(), ns(288));
  EXPECT_NE(text.read().find("cost-model: hart 0: dcache: 16 accesses, 8 misses"),
            std::string::npos)
      << text.read();
}

// Enables MTI and spins; the handler writes minstret to the recorder.
Program spin_until_timer_interrupt() {
  Program p;
  p.la(reg::t0, "handler") << csrw(csr::mtvec, reg::t0);
  p.li(reg::t1, 0x80) << csrw(csr::mie, reg::t1);  // MTIE
  p << csrrsi(reg::zero, csr::mstatus, 8);         // MIE
  p.li(reg::s0, static_cast<int32_t>(kRecorderBase));
  p.label("loop") << addi(reg::a0, reg::a0, 1);
  p.j("loop");
  p.label("handler") << csrr(reg::t2, csr::minstret) << sw(reg::t2, reg::s0, 0);
  p << csrw(csr::mie, reg::zero);
  p.label("end") << wfi();
  p.j("end");
  return p;
}

class CostModelTimer : public ::testing::TestWithParam<sc_core::sc_time> {};

// alu 2, csr 5, jump 3 cycles at 1 GHz: 4 alu and 3 csr instructions of
// set-up (23 ns), then rounds of addi (2 ns) and j (3 ns), whose boundaries
// fall at 23 + 5k and 25 + 5k ns. The line rises at 1500 ns = 25 + 5 * 295:
// the interrupt comes before the j of round 295, after 7 + 2 * 295 + 1 = 598
// instructions, whatever the quantum; the handler's csrr takes 5 ns.
TEST_P(CostModelTimer, InterruptTakenAtThePredictedInstruction) {
  TempFile config(".json");
  config.write(R"({"frequency": 1e9, "cycles": {"alu": 2, "csr": 5, "jump": 3}})");
  TempFile text(".txt");
  TestPlatform platform(GetParam());
  HartModule& hart = platform.add_hart();
  sc_core::sc_signal<bool> line("mtip_line");
  Timer timer("timer", ns(1500));
  timer.irq.bind(line);
  hart.mtip.bind(line);
  PluginHost host;
  host.add_hart(hart);
  host.load("cost-model,config=" + config.path() + ",file=" + text.path());
  platform.load(0, spin_until_timer_interrupt());
  sc_core::sc_start(ms(1));
  host.finish();
  const auto records = platform.recorder.writes_to(0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, 598u);
  EXPECT_EQ(records[0].time, ns(1505));
}

std::string quantum_name(const sc_core::sc_time& q) {
  if (q >= ms(1)) return std::to_string(static_cast<int>(q / ms(1))) + "ms";
  if (q >= us(1)) return std::to_string(static_cast<int>(q / us(1))) + "us";
  return std::to_string(static_cast<int>(q / ns(1))) + "ns";
}

INSTANTIATE_TEST_SUITE_P(Quanta, CostModelTimer,
                         ::testing::Values(ns(1), ns(3), us(1), us(10), ms(1)),
                         [](const ::testing::TestParamInfo<sc_core::sc_time>& info) {
                           return "Quantum" + quantum_name(info.param);
                         });

}  // namespace
}  // namespace rvtlm::tlm_test
