#include "rvtlm/debug/rsp_session.h"

#include <algorithm>
#include <utility>

namespace rvtlm::debug {

namespace {

using rsp::parse_hex;

// Error numbers in replies (GDB ignores their values; errno-like ones help
// a person reading a packet log).
constexpr int kErrInvalid = 0x01;     // malformed packet or argument
constexpr int kErrNoThread = 0x02;    // no such thread
constexpr int kErrFault = 0x0e;       // memory not accessible (EFAULT)
constexpr int kErrNoRegister = 0x10;  // no such register
constexpr int kErrRunning = 0x04;     // the target is running
constexpr int kErrTooLarge = 0x07;    // packet longer than PacketSize (E2BIG)
constexpr int kErrChecksum = 0x09;    // damaged packet in no-ack mode
constexpr int kErrBreakpoint = 0x16;  // breakpoint or watchpoint refused

std::string hex2(unsigned v) {
  static const char digits[] = "0123456789abcdef";
  return {digits[(v >> 4) & 15], digits[v & 15]};
}

// Text inside an XML element.
std::string xml_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string hex_number(uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), digits[v & 15]);
    v >>= 4;
  } while (v);
  return s;
}

// Splits "a<sep>b" at the first `sep`; false if there is none.
bool split(std::string_view text, char sep, std::string_view& head, std::string_view& tail) {
  const std::size_t at = text.find(sep);
  if (at == std::string_view::npos) return false;
  head = text.substr(0, at);
  tail = text.substr(at + 1);
  return true;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "addr,length" in hex.
bool parse_range(std::string_view text, uint64_t& addr, uint64_t& length) {
  std::string_view a, l;
  return split(text, ',', a, l) && parse_hex(a, addr) && parse_hex(l, length);
}

}  // namespace

Session::Session(Target& target, Output output) : target_(target), output_(std::move(output)) {}

void Session::connect(const StopEvent& stop) {
  parser_.reset();
  inputs_.clear();
  state_ = State::Stopped;
  no_ack_ = false;
  last_reply_.clear();
  last_stop_ = stop;
  general_thread_ = stop.thread;
  continue_thread_ = -1;
}

void Session::receive(std::string_view bytes) {
  inputs_.clear();
  parser_.feed(bytes, inputs_);
  // Handlers may resume or stop the target, which may report a stop before
  // the next input is looked at: take the inputs out first.
  std::vector<rsp::Input> inputs;
  inputs.swap(inputs_);
  for (rsp::Input& in : inputs) {
    if (state_ == State::Detached || state_ == State::Killed) return;
    switch (in.kind) {
      case rsp::InputKind::Packet:
        if (!no_ack_) output_("+");
        if (state_ == State::Running) {
          // All-stop: nothing but Ctrl-C until the stop reply.
          reject(kErrRunning);
        } else {
          handle(in.payload);
        }
        break;
      case rsp::InputKind::Ack:
        break;
      case rsp::InputKind::Nack:
        if (!no_ack_ && !last_reply_.empty()) output_(last_reply_);
        break;
      case rsp::InputKind::Interrupt:
        if (state_ == State::Running) target_.interrupt();
        break;
      case rsp::InputKind::BadChecksum:
        if (no_ack_) {
          // Nobody will send it again: an error at least ends the wait.
          reject(kErrChecksum);
        } else {
          ++rejected_;
          output_("-");
        }
        break;
      case rsp::InputKind::Oversized:
        // Acknowledged, or GDB would send the same packet again.
        if (!no_ack_) output_("+");
        reject(kErrTooLarge);
        break;
      case rsp::InputKind::Truncated:
        ++rejected_;
        break;
    }
  }
}

void Session::report_stop(const StopEvent& event) {
  if (state_ != State::Running) return;
  last_stop_ = event;
  if (event.kind == StopEvent::Kind::Signal) {
    state_ = State::Stopped;
    general_thread_ = event.thread;
  } else {
    state_ = State::Exited;
  }
  reply(stop_reply(event));
}

void Session::reply(const std::string& payload) {
  last_reply_ = rsp::frame(payload);
  output_(last_reply_);
}

void Session::error(int code) { reply("E" + hex2(static_cast<unsigned>(code))); }

void Session::reject(int code) {
  ++rejected_;
  error(code);
}

// GDB manual E.3 (stop reply packets).
std::string Session::stop_reply(const StopEvent& e) const {
  switch (e.kind) {
    case StopEvent::Kind::Exited:
      return "W" + hex2(static_cast<unsigned>(e.exit_code) & 0xff);
    case StopEvent::Kind::Killed:
      return "X" + hex2(static_cast<unsigned>(e.signal));
    case StopEvent::Kind::Signal:
      break;
  }
  std::string r = "T" + hex2(static_cast<unsigned>(e.signal));
  switch (e.reason) {
    case StopEvent::Reason::SoftwareBreakpoint:
      r += "swbreak:;";
      break;
    case StopEvent::Reason::HardwareBreakpoint:
      r += "hwbreak:;";
      break;
    case StopEvent::Reason::WriteWatch:
      r += "watch:" + hex_number(e.address) + ";";
      break;
    case StopEvent::Reason::ReadWatch:
      r += "rwatch:" + hex_number(e.address) + ";";
      break;
    case StopEvent::Reason::AccessWatch:
      r += "awatch:" + hex_number(e.address) + ";";
      break;
    case StopEvent::Reason::HistoryStart:
      r += "replaylog:begin;";
      break;
    case StopEvent::Reason::None:
    case StopEvent::Reason::Step:
      break;
  }
  r += "thread:" + hex_number(e.thread) + ";";
  return r;
}

// ---- dispatch ---------------------------------------------------------------

void Session::handle(const std::string& payload) {
  if (payload.empty()) {
    reply("");
    return;
  }
  const std::string_view args = std::string_view(payload).substr(1);
  switch (payload[0]) {
    case '?':
      reply(stop_reply(last_stop_));
      break;
    case 'q':
      handle_query(payload);
      break;
    case 'Q':
      if (payload == "QStartNoAckMode") {
        reply("OK");
        no_ack_ = true;
      } else {
        reply("");
      }
      break;
    case 'v':
      handle_v(payload);
      break;
    case 'H':
      set_thread(args);
      break;
    case 'T': {
      int64_t t;
      if (parse_thread(args, t) && t > 0 && valid_thread(t)) {
        reply("OK");
      } else {
        error(kErrNoThread);
      }
      break;
    }
    case 'g':
      if (args.empty()) {
        read_registers();
      } else {
        reject(kErrInvalid);
      }
      break;
    case 'G':
      write_registers(args);
      break;
    case 'p':
      read_register(args);
      break;
    case 'P':
      write_register(args);
      break;
    case 'm':
      read_memory(args);
      break;
    case 'M':
      write_memory(args, false);
      break;
    case 'X':
      write_memory(args, true);
      break;
    case 'Z':
    case 'z':
      breakpoint(args, payload[0] == 'Z');
      break;
    case 'c':
    case 's':
    case 'C':
    case 'S':
      resume_legacy(payload[0], args);
      break;
    case 'b':
      // Reverse execution (GDB manual E.2: bc, bs).
      if (target_.can_reverse() && (payload == "bc" || payload == "bs")) {
        std::vector<ResumeKind> actions(target_.thread_count(), ResumeKind::Stay);
        if (payload == "bc") {
          std::fill(actions.begin(), actions.end(), ResumeKind::ReverseContinue);
        } else {
          actions.at(general_thread_ - 1) = ResumeKind::ReverseStep;
        }
        resume(actions);
      } else {
        reply("");
      }
      break;
    case 'D':
      reply("OK");
      state_ = State::Detached;
      target_.detach();
      break;
    case 'k':
      // No reply: GDB does not wait for one (GDB manual E.2).
      state_ = State::Killed;
      target_.kill();
      break;
    default:
      reply("");
      break;
  }
}

void Session::handle_query(const std::string& payload) {
  const std::string_view p(payload);
  if (starts_with(p, "qSupported")) {
    std::string r =
        "PacketSize=" + hex_number(rsp::kMaxPayload) +
        ";QStartNoAckMode+;qXfer:features:read+;qXfer:threads:read+;vContSupported+;swbreak+;"
        "hwbreak+";
    if (target_.can_reverse()) r += ";ReverseStep+;ReverseContinue+";
    reply(r);
  } else if (starts_with(p, "qXfer:features:read:")) {
    features(p.substr(20));
  } else if (starts_with(p, "qXfer:threads:read:")) {
    threads(p.substr(19));
  } else if (p == "qfThreadInfo") {
    std::string r = "m";
    for (ThreadId t = 1; t <= target_.thread_count(); ++t) {
      if (t > 1) r += ",";
      r += hex_number(t);
    }
    reply(r);
  } else if (p == "qsThreadInfo") {
    reply("l");
  } else if (p == "qC") {
    reply("QC" + hex_number(general_thread_));
  } else if (starts_with(p, "qAttached")) {
    // Attached to a running simulation: quitting GDB detaches, not kills.
    reply("1");
  } else if (starts_with(p, "qThreadExtraInfo,")) {
    int64_t t;
    if (parse_thread(p.substr(17), t) && t > 0 && valid_thread(t)) {
      reply(rsp::to_hex(target_.thread_info(static_cast<ThreadId>(t))));
    } else {
      error(kErrNoThread);
    }
  } else if (starts_with(p, "qRcmd,")) {
    monitor(p.substr(6));
  } else if (starts_with(p, "qSymbol")) {
    reply("OK");
  } else {
    reply("");
  }
}

void Session::handle_v(const std::string& payload) {
  const std::string_view p(payload);
  if (p == "vCont?") {
    reply("vCont;c;C;s;S");
  } else if (starts_with(p, "vCont;")) {
    resume_vcont(p.substr(6));
  } else if (p == "vKill" || starts_with(p, "vKill;")) {
    reply("OK");
    state_ = State::Killed;
    target_.kill();
  } else {
    // vMustReplyEmpty and everything not implemented.
    reply("");
  }
}

// ---- threads --------------------------------------------------------------------

bool Session::parse_thread(std::string_view text, int64_t& thread) const {
  if (!text.empty() && text[0] == 'p') {
    std::string_view pid, tid;
    if (!split(text.substr(1), '.', pid, tid)) return false;
    text = tid;
  }
  if (text == "-1") {
    thread = -1;
    return true;
  }
  uint64_t v;
  if (!parse_hex(text, v) || v > 0xffffffffu) return false;
  thread = static_cast<int64_t>(v);
  return true;
}

bool Session::valid_thread(int64_t thread) const {
  return thread >= 1 && thread <= static_cast<int64_t>(target_.thread_count());
}

void Session::set_thread(std::string_view args) {
  int64_t t;
  if (args.empty() || (args[0] != 'g' && args[0] != 'c') || !parse_thread(args.substr(1), t)) {
    reject(kErrInvalid);
    return;
  }
  if (t > 0 && !valid_thread(t)) {
    error(kErrNoThread);
    return;
  }
  if (args[0] == 'g') {
    // "any" and "all" keep the current thread for register accesses.
    if (t > 0) general_thread_ = static_cast<ThreadId>(t);
  } else {
    continue_thread_ = t > 0 ? t : -1;
  }
  reply("OK");
}

// ---- registers ------------------------------------------------------------------

void Session::read_registers() {
  const TargetDescription& d = target_.description();
  std::string r;
  for (unsigned n = 0; n < d.g_registers; ++n) {
    const RegisterInfo* info = d.find(n);
    if (!info) break;
    const unsigned bytes = info->bitsize / 8;
    uint64_t v;
    if (target_.read_register(general_thread_, n, v)) {
      r += rsp::register_hex(v, bytes);
    } else {
      r.append(2 * std::size_t{bytes}, 'x');  // unavailable (GDB manual E.2, 'g')
    }
  }
  reply(r);
}

void Session::write_registers(std::string_view hex) {
  const TargetDescription& d = target_.description();
  std::size_t pos = 0;
  // The packet may end early: GDB writes what it has (GDB manual E.2, 'G').
  for (unsigned n = 0; n < d.g_registers && pos < hex.size(); ++n) {
    const RegisterInfo* info = d.find(n);
    if (!info) break;
    const std::size_t width = 2 * std::size_t{info->bitsize / 8};
    uint64_t v;
    if (pos + width > hex.size() ||
        !rsp::parse_register_hex(hex.substr(pos, width), info->bitsize / 8, v)) {
      reject(kErrInvalid);
      return;
    }
    if (!target_.write_register(general_thread_, n, v)) {
      error(kErrNoRegister);
      return;
    }
    pos += width;
  }
  if (pos != hex.size()) {
    reject(kErrInvalid);
    return;
  }
  reply("OK");
}

void Session::read_register(std::string_view args) {
  uint64_t n, v;
  if (!parse_hex(args, n)) {
    reject(kErrInvalid);
    return;
  }
  const RegisterInfo* info =
      n <= 0xffffffffu ? target_.description().find(static_cast<unsigned>(n)) : nullptr;
  if (!info || !target_.read_register(general_thread_, info->regnum, v)) {
    error(kErrNoRegister);
    return;
  }
  reply(rsp::register_hex(v, info->bitsize / 8));
}

void Session::write_register(std::string_view args) {
  std::string_view num, hex;
  uint64_t n, v;
  if (!split(args, '=', num, hex) || !parse_hex(num, n)) {
    reject(kErrInvalid);
    return;
  }
  const RegisterInfo* info =
      n <= 0xffffffffu ? target_.description().find(static_cast<unsigned>(n)) : nullptr;
  if (!info) {
    error(kErrNoRegister);
    return;
  }
  if (!rsp::parse_register_hex(hex, info->bitsize / 8, v)) {
    reject(kErrInvalid);
    return;
  }
  if (!target_.write_register(general_thread_, info->regnum, v)) {
    error(kErrNoRegister);
    return;
  }
  reply("OK");
}

// ---- memory -----------------------------------------------------------------------

void Session::read_memory(std::string_view args) {
  uint64_t addr, length;
  if (!parse_range(args, addr, length)) {
    reject(kErrInvalid);
    return;
  }
  // Two hex digits per byte must fit in one reply.
  length = std::min<uint64_t>(length, rsp::kMaxPayload / 2);
  std::string data(static_cast<std::size_t>(length), '\0');
  auto* bytes = reinterpret_cast<uint8_t*>(data.data());
  const std::size_t n = length ? target_.read_memory(general_thread_, addr, bytes, data.size()) : 0;
  if (n == 0 && length != 0) {
    error(kErrFault);
    return;
  }
  reply(rsp::to_hex(bytes, std::min(n, data.size())));
}

void Session::write_memory(std::string_view args, bool binary) {
  std::string_view range, encoded;
  uint64_t addr, length;
  if (!split(args, ':', range, encoded) || !parse_range(range, addr, length)) {
    reject(kErrInvalid);
    return;
  }
  std::string data;
  const bool decoded = binary ? rsp::unescape_binary(encoded, data) : rsp::from_hex(encoded, data);
  if (!decoded || data.size() != length) {
    reject(kErrInvalid);
    return;
  }
  if (length == 0) {
    // GDB probes for X with an empty write.
    reply("OK");
    return;
  }
  const std::size_t n = target_.write_memory(
      general_thread_, addr, reinterpret_cast<const uint8_t*>(data.data()), data.size());
  if (n != data.size()) {
    error(kErrFault);
    return;
  }
  reply("OK");
}

// ---- breakpoints ----------------------------------------------------------------------

void Session::breakpoint(std::string_view args, bool insert) {
  // "type,addr,kind", then optional ";cond..." that rvtlm does not evaluate.
  std::string_view type_text, rest, addr_text, kind_text;
  uint64_t type, addr, kind;
  rest = args.substr(0, args.find(';'));
  if (!split(rest, ',', type_text, rest) || !split(rest, ',', addr_text, kind_text) ||
      !parse_hex(type_text, type) || !parse_hex(addr_text, addr) || !parse_hex(kind_text, kind)) {
    reject(kErrInvalid);
    return;
  }
  if (type > 4 || !target_.supports(static_cast<BreakpointType>(type))) {
    reply("");
    return;
  }
  const auto t = static_cast<BreakpointType>(type);
  const bool ok =
      insert ? target_.insert_breakpoint(t, addr, kind) : target_.remove_breakpoint(t, addr, kind);
  if (ok) {
    reply("OK");
  } else {
    error(kErrBreakpoint);
  }
}

// ---- run control ------------------------------------------------------------------------

void Session::resume(const std::vector<ResumeKind>& actions) {
  // Running before the call: the target may stop (and report) at once.
  state_ = State::Running;
  target_.resume(actions);
}

void Session::resume_legacy(char command, std::string_view args) {
  // c [addr], s [addr], C sig[;addr], S sig[;addr]
  std::string_view addr_text = args;
  if (command == 'C' || command == 'S') {
    std::string_view sig;
    uint64_t s;
    if (!split(args, ';', sig, addr_text)) {
      sig = args;
      addr_text = {};
    }
    if (!parse_hex(sig, s)) {
      reject(kErrInvalid);
      return;
    }
  }
  const ThreadId thread =
      continue_thread_ > 0 ? static_cast<ThreadId>(continue_thread_) : general_thread_;
  if (!addr_text.empty()) {
    uint64_t addr;
    if (!parse_hex(addr_text, addr) || !target_.write_register(thread, 32, addr)) {
      reject(kErrInvalid);
      return;
    }
  }
  const bool step = command == 's' || command == 'S';
  std::vector<ResumeKind> actions(target_.thread_count(),
                                  step ? ResumeKind::Stay : ResumeKind::Continue);
  if (step) actions.at(thread - 1) = ResumeKind::Step;
  resume(actions);
}

void Session::resume_vcont(std::string_view args) {
  // vCont;action[:thread];action[:thread]... — for each thread the leftmost
  // action naming it (or naming no thread) applies (GDB manual E.2).
  std::vector<ResumeKind> actions(target_.thread_count(), ResumeKind::Stay);
  std::vector<bool> decided(actions.size(), false);
  while (!args.empty()) {
    std::string_view item = args, rest;
    if (split(args, ';', item, rest)) {
      args = rest;
    } else {
      args = {};
    }
    std::string_view action = item, thread_text;
    const bool named = split(item, ':', action, thread_text);
    ResumeKind kind;
    if (action == "c" || (action.size() == 3 && action[0] == 'C')) {
      kind = ResumeKind::Continue;
    } else if (action == "s" || (action.size() == 3 && action[0] == 'S')) {
      kind = ResumeKind::Step;
    } else if (action == "t") {
      kind = ResumeKind::Stay;
    } else {
      reject(kErrInvalid);
      return;
    }
    int64_t t = -1;
    if (named && !parse_thread(thread_text, t)) {
      reject(kErrInvalid);
      return;
    }
    if (t > 0 && !valid_thread(t)) {
      error(kErrNoThread);
      return;
    }
    for (std::size_t i = 0; i < actions.size(); ++i) {
      if (decided[i] || (t > 0 && static_cast<std::size_t>(t) != i + 1)) continue;
      actions[i] = kind;
      decided[i] = true;
    }
  }
  if (std::all_of(actions.begin(), actions.end(),
                  [](ResumeKind k) { return k == ResumeKind::Stay; })) {
    reject(kErrInvalid);
    return;
  }
  resume(actions);
}

// ---- monitor and target description -------------------------------------------------

void Session::monitor(std::string_view hex) {
  std::string command;
  if (!rsp::from_hex(hex, command)) {
    reject(kErrInvalid);
    return;
  }
  std::string text;
  target_.monitor(general_thread_, command, text);
  // Console output ('O' packets, hex) in pieces that fit PacketSize.
  const std::size_t chunk = (rsp::kMaxPayload - 1) / 2;
  for (std::size_t at = 0; at < text.size(); at += chunk)
    reply("O" + rsp::to_hex(std::string_view(text).substr(at, chunk)));
  reply("OK");
}

void Session::features(std::string_view args) {
  // "target.xml:offset,length"
  std::string_view annex, range;
  if (!split(args, ':', annex, range)) {
    reject(kErrInvalid);
    return;
  }
  if (annex != "target.xml") {
    error(kErrInvalid);
    return;
  }
  if (xml_.empty()) xml_ = to_xml(target_.description());
  transfer(xml_, range);
}

void Session::threads(std::string_view args) {
  // ":offset,length" (no annex). The document is made again at offset 0, so
  // that the pieces of one read agree and a later read sees new states.
  std::string_view annex, range;
  if (!split(args, ':', annex, range) || !annex.empty()) {
    reject(kErrInvalid);
    return;
  }
  uint64_t offset, length;
  if (parse_range(range, offset, length) && offset == 0) {
    threads_xml_ = "<?xml version=\"1.0\"?>\n<threads>\n";
    for (ThreadId t = 1; t <= target_.thread_count(); ++t)
      threads_xml_ += "<thread id=\"" + hex_number(t) + "\" name=\"hart" + std::to_string(t - 1) +
                      "\">" + xml_text(target_.thread_info(t)) + "</thread>\n";
    threads_xml_ += "</threads>\n";
  }
  transfer(threads_xml_, range);
}

void Session::transfer(const std::string& document, std::string_view range) {
  uint64_t offset, length;
  if (!parse_range(range, offset, length)) {
    reject(kErrInvalid);
    return;
  }
  if (offset >= document.size()) {
    reply("l");
    return;
  }
  // Escaping may double a character: half a packet of content always fits.
  length = std::min<uint64_t>(length, rsp::kMaxPayload / 2 - 1);
  const std::string_view part = std::string_view(document).substr(offset, length);
  const bool last = offset + part.size() >= document.size();
  reply((last ? "l" : "m") + rsp::escape_binary(part));
}

}  // namespace rvtlm::debug
