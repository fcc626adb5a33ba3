// One debugger connection speaking GDB's remote serial protocol (GDB manual,
// appendix E) to a Target: acknowledgements and no-ack mode, queries,
// registers, memory, breakpoints, threads, resumption and stop replies.
// Single-threaded and free of I/O: bytes come in through receive(), go out
// through the Output function, and the caller decides where both run (the
// SystemC target runs it in the simulation's thread).
#ifndef RVTLM_DEBUG_RSP_SESSION_H
#define RVTLM_DEBUG_RSP_SESSION_H

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rvtlm/debug/rsp_packet.h"
#include "rvtlm/debug/target.h"

namespace rvtlm::debug {

class Session {
 public:
  using Output = std::function<void(const std::string& bytes)>;

  enum class State : uint8_t {
    Stopped,   // the target waits for commands
    Running,   // resumed: only Ctrl-C is accepted until the stop reply
    Exited,    // the program ended (W/X sent)
    Detached,  // after `D`
    Killed,    // after `k` or vKill
  };

  Session(Target& target, Output output);

  // A new connection to a target stopped as `stop` says (what `?` answers):
  // acknowledgements on, thread selection and any partial packet reset.
  void connect(const StopEvent& stop);
  // Bytes from the debugger, in any pieces.
  void receive(std::string_view bytes);
  // The target stopped (or the program ended) after resume(): the stop
  // reply. Ignored unless running.
  void report_stop(const StopEvent& event);

  State state() const { return state_; }
  bool running() const { return state_ == State::Running; }
  // The thread of register and memory accesses (Hg), and of the last stop.
  ThreadId current_thread() const { return general_thread_; }
  const StopEvent& last_stop() const { return last_stop_; }
  // Packets answered with an error because they were malformed, oversized,
  // damaged or came while the target ran.
  uint64_t rejected_packets() const { return rejected_; }

 private:
  void handle(const std::string& payload);
  void handle_query(const std::string& payload);
  void handle_v(const std::string& payload);
  void reply(const std::string& payload);
  void error(int code);
  void reject(int code);
  std::string stop_reply(const StopEvent& event) const;

  void read_registers();
  void write_registers(std::string_view hex);
  void read_register(std::string_view args);
  void write_register(std::string_view args);
  void read_memory(std::string_view args);
  void write_memory(std::string_view args, bool binary);
  void breakpoint(std::string_view args, bool insert);
  void set_thread(std::string_view args);
  void resume_legacy(char command, std::string_view args);
  void resume_vcont(std::string_view args);
  void resume(const std::vector<ResumeKind>& actions);
  void monitor(std::string_view hex);
  void features(std::string_view args);
  // qXfer:threads:read: every thread with its name (hartN) and state.
  void threads(std::string_view args);
  // One piece of a qXfer document: "offset,length" in hex.
  void transfer(const std::string& document, std::string_view range);

  // "-1" (all threads, kAllThreads), "0" (any) or a hex id, optionally
  // in multiprocess form "p<pid>.<tid>"; false if malformed.
  bool parse_thread(std::string_view text, int64_t& thread) const;
  bool valid_thread(int64_t thread) const;

  Target& target_;
  Output output_;
  rsp::PacketParser parser_;
  std::vector<rsp::Input> inputs_;
  State state_ = State::Stopped;
  bool no_ack_ = false;
  std::string last_reply_;  // framed, for a '-' from the debugger
  StopEvent last_stop_;
  ThreadId general_thread_ = 1;   // Hg
  int64_t continue_thread_ = -1;  // Hc: -1 all, else one thread
  std::string xml_;               // the target description, built on first request
  std::string threads_xml_;       // the thread list, built when read from offset 0
  uint64_t rejected_ = 0;
};

}  // namespace rvtlm::debug

#endif
