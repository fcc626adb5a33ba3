// Fuzz target of the GDB protocol layer: arbitrary bytes from a "debugger"
// go through the packet parser into a session with a fake target, in
// pieces whose sizes the input chooses, with stops reported whenever the
// session resumed the target. Whatever the input, every byte the session
// sends must be a well-formed acknowledgement or packet.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fake_target.h"
#include "rvtlm/debug/rsp_packet.h"
#include "rvtlm/debug/rsp_session.h"

using rvtlm::debug::Session;
using rvtlm::debug::StopEvent;
namespace rsp = rvtlm::debug::rsp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const unsigned piece = 1 + data[0] % 61;
  rvtlm::debug::test::FakeTarget target(1 + data[0] % 4, 512, (data[0] & 0x80) != 0);
  std::string out;
  Session session(target, [&out](const std::string& bytes) { out += bytes; });
  StopEvent initial;
  session.connect(initial);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  rsp::PacketParser check(2 * rsp::kMaxPayload + 16);
  std::vector<rsp::Input> items;
  for (std::size_t at = 0; at < input.size(); at += piece) {
    session.receive(input.substr(at, piece));
    if (session.running()) {
      StopEvent e;
      e.thread = 1 + static_cast<uint32_t>(at % target.thread_count());
      e.reason = static_cast<StopEvent::Reason>(at % 8);
      e.address = at;
      session.report_stop(e);
    }
    if (session.state() != Session::State::Stopped) session.connect(initial);
    check.feed(out, items);
    out.clear();
    for (const rsp::Input& in : items) {
      if (in.kind != rsp::InputKind::Packet && in.kind != rsp::InputKind::Ack &&
          in.kind != rsp::InputKind::Nack)
        std::abort();
      if (in.kind == rsp::InputKind::Packet && in.payload.size() > rsp::kMaxPayload) std::abort();
    }
    items.clear();
  }
  return 0;
}
