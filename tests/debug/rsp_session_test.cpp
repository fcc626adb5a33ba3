// The protocol session against a fake target: every packet rvtlm answers,
// acknowledgements, threads, run control and the robustness rules
// (malformed, oversized, damaged and out-of-order packets).
#include "rvtlm/debug/rsp_session.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "fake_target.h"
#include "rvtlm/debug/rsp_packet.h"

namespace rvtlm::debug {
namespace {

using test::FakeTarget;
using test::kMemBase;

StopEvent stopped(ThreadId thread, int signal = kSigTrap) {
  StopEvent e;
  e.thread = thread;
  e.signal = signal;
  return e;
}

class SessionTest : public ::testing::Test {
 protected:
  explicit SessionTest(unsigned threads = 4, bool reverse = false)
      : target(threads, 256, reverse),
        session(target, [this](const std::string& bytes) { wire += bytes; }) {
    session.connect(stopped(1));
  }

  // Everything the session sent since the last call, split into items.
  std::vector<rsp::Input> sent() {
    rsp::PacketParser parser;
    std::vector<rsp::Input> items;
    parser.feed(wire, items);
    wire.clear();
    return items;
  }

  // Sends one packet; expects its acknowledgement (unless in no-ack mode)
  // and exactly one reply, whose payload it returns.
  std::string ask(const std::string& payload, bool ack = true) {
    wire.clear();
    session.receive(rsp::frame(payload));
    const auto items = sent();
    std::size_t i = 0;
    if (ack) {
      EXPECT_FALSE(items.empty());
      if (items.empty()) return "<nothing>";
      EXPECT_EQ(items[0].kind, rsp::InputKind::Ack) << payload;
      i = 1;
    }
    EXPECT_EQ(items.size(), i + 1) << payload;
    if (items.size() != i + 1) return "<" + std::to_string(items.size()) + " items>";
    EXPECT_EQ(items[i].kind, rsp::InputKind::Packet);
    return items[i].payload;
  }

  // A qXfer document read in pieces of `piece` bytes: `request` then the
  // offset and length in hex. Every piece but the last is full ('m').
  std::string read_document(const std::string& request, std::size_t piece) {
    std::string got;
    for (int n = 0; n < 1000; ++n) {
      char range[48];
      std::snprintf(range, sizeof range, "%zx,%zx", got.size(), piece);
      const std::string r = ask(request + range);
      std::string data;
      if (r.empty() || !rsp::unescape_binary(r.substr(1), data)) {
        ADD_FAILURE() << "bad reply " << r;
        break;
      }
      got += data;
      if (r[0] == 'l') break;
      EXPECT_EQ(r[0], 'm');
      EXPECT_EQ(data.size(), piece);
    }
    return got;
  }

  FakeTarget target;
  std::string wire;
  Session session;
};

// ---- acknowledgements ---------------------------------------------------------------

TEST_F(SessionTest, AcknowledgesAndAnswersTheStopQuestion) { EXPECT_EQ(ask("?"), "T05thread:1;"); }

TEST_F(SessionTest, ADamagedPacketIsNackedAndNotActedOn) {
  session.receive("$D#00");
  EXPECT_EQ(wire, "-");
  EXPECT_EQ(target.detaches, 0u);
  EXPECT_EQ(session.state(), Session::State::Stopped);
  EXPECT_EQ(session.rejected_packets(), 1u);
}

TEST_F(SessionTest, ANackRepeatsTheLastReply) {
  ASSERT_EQ(ask("qC"), "QC1");
  session.receive("-");
  EXPECT_EQ(wire, rsp::frame("QC1"));
}

TEST_F(SessionTest, NoAckModeStopsAcknowledgements) {
  EXPECT_EQ(ask("QStartNoAckMode"), "OK");
  EXPECT_EQ(ask("qC", false), "QC1");
  // A damaged packet cannot be sent again: it gets an error instead.
  session.receive("$qC#00");
  const auto items = sent();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].payload, "E09");
  // A new connection starts with acknowledgements again.
  session.connect(stopped(2));
  EXPECT_EQ(ask("qC"), "QC2");
}

// ---- queries --------------------------------------------------------------------------

TEST_F(SessionTest, SupportedFeatures) {
  const std::string r = ask("qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+");
  for (const char* feature : {"PacketSize=4000", "QStartNoAckMode+", "qXfer:features:read+",
                              "vContSupported+", "swbreak+", "hwbreak+"})
    EXPECT_NE(r.find(feature), std::string::npos) << feature;
  EXPECT_EQ(r.find("multiprocess"), std::string::npos);
  EXPECT_EQ(r.find("Reverse"), std::string::npos);
}

TEST_F(SessionTest, TargetDescriptionComesInPieces) {
  const std::string xml = to_xml(target.description());
  EXPECT_EQ(read_document("qXfer:features:read:target.xml:", 0x40), xml);
  EXPECT_NE(xml.find("<osabi>none</osabi>"), std::string::npos);
  EXPECT_EQ(ask("qXfer:features:read:other.xml:0,40"), "E01");
  EXPECT_EQ(ask("qXfer:features:read:target.xml:ffff,40"), "l");
  EXPECT_EQ(ask("qXfer:features:read:target.xml:0"), "E01");
}

TEST_F(SessionTest, ThreadsAreListedAndSelected) {
  EXPECT_EQ(ask("qfThreadInfo"), "m1,2,3,4");
  EXPECT_EQ(ask("qsThreadInfo"), "l");
  EXPECT_EQ(ask("T3"), "OK");
  EXPECT_EQ(ask("T5"), "E02");
  EXPECT_EQ(ask("T0"), "E02");
  EXPECT_EQ(ask("Hg3"), "OK");
  EXPECT_EQ(ask("qC"), "QC3");
  EXPECT_EQ(ask("p20"), rsp::register_hex(kMemBase + 0x200, 8));  // thread 3's pc
  EXPECT_EQ(ask("Hg0"), "OK");  // any thread: keeps the current one
  EXPECT_EQ(ask("qC"), "QC3");
  EXPECT_EQ(ask("Hgp1.2"), "OK");  // multiprocess form
  EXPECT_EQ(ask("qC"), "QC2");
  EXPECT_EQ(ask("Hg9"), "E02");
  EXPECT_EQ(ask("Hx1"), "E01");
  EXPECT_EQ(ask("qThreadExtraInfo,2"), rsp::to_hex("fake 2"));
  EXPECT_EQ(ask("qAttached"), "1");
}

TEST_F(SessionTest, ThreadListAsXmlInPieces) {
  EXPECT_NE(ask("qSupported").find("qXfer:threads:read+"), std::string::npos);
  const std::string expected =
      "<?xml version=\"1.0\"?>\n<threads>\n"
      "<thread id=\"1\" name=\"hart0\">fake 1</thread>\n"
      "<thread id=\"2\" name=\"hart1\">fake 2</thread>\n"
      "<thread id=\"3\" name=\"hart2\">fake 3</thread>\n"
      "<thread id=\"4\" name=\"hart3\">fake 4</thread>\n"
      "</threads>\n";
  EXPECT_EQ(read_document("qXfer:threads:read::", 0x30), expected);
  EXPECT_EQ(ask("qXfer:threads:read:x:0,30"), "E01");
  EXPECT_EQ(ask("qXfer:threads:read::0"), "E01");
}

// ---- registers ----------------------------------------------------------------------------

TEST_F(SessionTest, ReadsAllGeneralRegistersInOrder) {
  target.reg(1, 5) = 0x1122334455667788;
  const std::string r = ask("g");
  ASSERT_EQ(r.size(), 33u * 16);
  EXPECT_EQ(r.substr(0, 16), std::string(16, '0'));
  EXPECT_EQ(r.substr(5 * 16, 16), "8877665544332211");
  EXPECT_EQ(r.substr(32 * 16, 16), rsp::register_hex(kMemBase, 8));
}

TEST_F(SessionTest, WritesGeneralRegistersAndRejectsBadData) {
  std::string g;
  for (unsigned i = 0; i < 33; ++i) g += rsp::register_hex(0x1000 + i, 8);
  EXPECT_EQ(ask("G" + g), "OK");
  EXPECT_EQ(target.reg(1, 7), 0x1007u);
  EXPECT_EQ(target.reg(1, 32), 0x1020u);
  // A shorter packet writes what it has.
  EXPECT_EQ(ask("G" + rsp::register_hex(0, 8) + rsp::register_hex(0xabc, 8)), "OK");
  EXPECT_EQ(target.reg(1, 1), 0xabcu);
  EXPECT_EQ(target.reg(1, 2), 0x1002u);
  EXPECT_EQ(ask("G" + g.substr(0, 20)), "E01");
  EXPECT_EQ(ask("G" + g + "00"), "E01");
  EXPECT_EQ(ask("Gzz"), "E01");
}

TEST_F(SessionTest, ReadsAndWritesSingleRegisters) {
  EXPECT_EQ(ask("p5"), rsp::register_hex((uint64_t{1} << 32) | 5, 8));
  EXPECT_EQ(ask("p341"), rsp::register_hex(0x1800, 8));  // mstatus: 65 + 0x300
  EXPECT_EQ(ask("p1041"), "03");                         // priv, one byte
  EXPECT_EQ(ask("p342"), "E10");                         // misa unavailable
  EXPECT_EQ(ask("p99"), "E10");                          // no such register
  EXPECT_EQ(ask("pzz"), "E01");
  EXPECT_EQ(ask("P6=" + rsp::register_hex(0x42, 8)), "OK");
  EXPECT_EQ(target.reg(1, 6), 0x42u);
  EXPECT_EQ(ask("P6=4200"), "E01");  // wrong width
  EXPECT_EQ(ask("P99=" + rsp::register_hex(1, 8)), "E10");
  EXPECT_EQ(ask("P6"), "E01");
}

// ---- memory ------------------------------------------------------------------------------

TEST_F(SessionTest, ReadsMemoryAndReportsFaults) {
  EXPECT_EQ(ask("m80000010,4"), "10111213");
  // Partly readable: the readable part.
  EXPECT_EQ(ask("m800000fe,4"), "feff");
  EXPECT_EQ(ask("m10000000,4"), "E0e");
  EXPECT_EQ(ask("m80000000"), "E01");
  EXPECT_EQ(ask("mxyz,4"), "E01");
  // A long read is cut to what fits in one reply.
  FakeTarget big(1, 0x10000);
  std::string out;
  Session s(big, [&](const std::string& b) { out += b; });
  s.connect(stopped(1));
  s.receive(rsp::frame("m80000000,10000"));
  rsp::PacketParser p;
  std::vector<rsp::Input> items;
  p.feed(out, items);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].payload.size(), rsp::kMaxPayload);
}

TEST_F(SessionTest, WritesMemoryInHexAndBinary) {
  EXPECT_EQ(ask("M80000004,2:beef"), "OK");
  EXPECT_EQ(target.mem[4], 0xbe);
  EXPECT_EQ(target.mem[5], 0xef);
  // Binary: '#', '$', '}' and '*' escaped.
  const std::string data = std::string("#$}*") + '\0';
  EXPECT_EQ(ask("X80000008,5:" + rsp::escape_binary(data)), "OK");
  EXPECT_EQ(target.mem[8], '#');
  EXPECT_EQ(target.mem[10], '}');
  EXPECT_EQ(target.mem[12], 0);
  EXPECT_EQ(ask("X80000000,0:"), "OK");     // GDB's probe
  EXPECT_EQ(ask("M80000004,2:be"), "E01");  // length mismatch
  EXPECT_EQ(ask("M10000000,1:00"), "E0e");
  EXPECT_EQ(ask("X80000000,1:}"), "E01");
  EXPECT_EQ(ask("M80000004,2"), "E01");
}

// ---- breakpoints --------------------------------------------------------------------------

TEST_F(SessionTest, BreakpointsAndWatchpointsGoToTheTarget) {
  EXPECT_EQ(ask("Z0,80000010,2"), "OK");
  EXPECT_EQ(ask("z0,80000010,2"), "OK");
  EXPECT_EQ(ask("Z1,80000020,4"), "OK");
  EXPECT_EQ(ask("Z2,80001000,8"), "OK");
  EXPECT_EQ(ask("Z3,80001000,4;X2,abcd"), "OK");  // a condition rvtlm ignores
  EXPECT_EQ(ask("Z4,80001000,1"), "OK");
  ASSERT_EQ(target.breakpoints.size(), 6u);
  EXPECT_EQ(target.breakpoints[0],
            std::make_tuple(true, BreakpointType::Software, uint64_t{0x80000010}, uint64_t{2}));
  EXPECT_EQ(target.breakpoints[1],
            std::make_tuple(false, BreakpointType::Software, uint64_t{0x80000010}, uint64_t{2}));
  EXPECT_EQ(std::get<1>(target.breakpoints[3]), BreakpointType::WriteWatch);
  EXPECT_EQ(std::get<1>(target.breakpoints[4]), BreakpointType::ReadWatch);
  EXPECT_EQ(std::get<3>(target.breakpoints[4]), 4u);
  EXPECT_EQ(std::get<1>(target.breakpoints[5]), BreakpointType::AccessWatch);
  EXPECT_EQ(ask("Z5,80000000,4"), "");  // unknown type: not supported
  EXPECT_EQ(ask("Z0,80000000"), "E01");
  EXPECT_EQ(ask("Z0,zz,4"), "E01");
  target.refuse_breakpoints = true;
  EXPECT_EQ(ask("Z0,80000000,4"), "E16");
  target.watchpoints_supported = false;
  EXPECT_EQ(ask("Z2,80000000,4"), "");
}

// ---- run control ---------------------------------------------------------------------------

TEST_F(SessionTest, ContinueResumesEveryThreadAndTheStopIsReported) {
  session.receive(rsp::frame("c"));
  EXPECT_EQ(wire, "+");
  wire.clear();
  ASSERT_EQ(target.resumes.size(), 1u);
  EXPECT_EQ(target.resumes[0], std::vector<ResumeKind>(4, ResumeKind::Continue));
  EXPECT_TRUE(session.running());
  StopEvent e = stopped(3);
  e.reason = StopEvent::Reason::SoftwareBreakpoint;
  session.report_stop(e);
  EXPECT_EQ(wire, rsp::frame("T05swbreak:;thread:3;"));
  EXPECT_EQ(session.current_thread(), 3u);
  EXPECT_EQ(ask("?"), "T05swbreak:;thread:3;");
}

TEST_F(SessionTest, ContinueAtAnAddressSetsThePcFirst) {
  session.receive(rsp::frame("c80000040"));
  EXPECT_EQ(target.reg(1, 32), 0x80000040u);
  ASSERT_EQ(target.resumes.size(), 1u);
}

TEST_F(SessionTest, LegacyStepStepsTheContinueThreadOnly) {
  EXPECT_EQ(ask("Hc2"), "OK");
  session.receive(rsp::frame("s"));
  ASSERT_EQ(target.resumes.size(), 1u);
  EXPECT_EQ(target.resumes[0], (std::vector<ResumeKind>{ResumeKind::Stay, ResumeKind::Step,
                                                        ResumeKind::Stay, ResumeKind::Stay}));
  session.report_stop(stopped(2));
  session.receive(rsp::frame("S05"));
  ASSERT_EQ(target.resumes.size(), 2u);
  session.report_stop(stopped(2));
  wire.clear();
  EXPECT_EQ(ask("Szz"), "E01");
}

TEST_F(SessionTest, VContAppliesTheLeftmostMatchingAction) {
  EXPECT_EQ(ask("vCont?"), "vCont;c;C;s;S");
  session.receive(rsp::frame("vCont;s:2;c"));
  ASSERT_EQ(target.resumes.size(), 1u);
  EXPECT_EQ(target.resumes[0],
            (std::vector<ResumeKind>{ResumeKind::Continue, ResumeKind::Step, ResumeKind::Continue,
                                     ResumeKind::Continue}));
  session.report_stop(stopped(2));
  session.receive(rsp::frame("vCont;c:1"));
  EXPECT_EQ(target.resumes[1], (std::vector<ResumeKind>{ResumeKind::Continue, ResumeKind::Stay,
                                                        ResumeKind::Stay, ResumeKind::Stay}));
  session.report_stop(stopped(1));
  session.receive(rsp::frame("vCont;s:p1.1;c:1;C05"));
  EXPECT_EQ(target.resumes[2],
            (std::vector<ResumeKind>{ResumeKind::Step, ResumeKind::Continue, ResumeKind::Continue,
                                     ResumeKind::Continue}));
  session.report_stop(stopped(1));
  wire.clear();
  EXPECT_EQ(ask("vCont;q"), "E01");
  EXPECT_EQ(ask("vCont;c:9"), "E02");
  EXPECT_EQ(ask("vCont;t"), "E01");  // nothing would run
  EXPECT_EQ(target.resumes.size(), 3u);
}

TEST_F(SessionTest, WhileRunningOnlyCtrlCIsAccepted) {
  session.receive(rsp::frame("vCont;c"));
  wire.clear();
  EXPECT_EQ(ask("g"), "E04");
  EXPECT_EQ(ask("vCont;c"), "E04");
  EXPECT_EQ(target.resumes.size(), 1u);
  session.receive("\x03");
  EXPECT_EQ(target.interrupts, 1u);
  session.report_stop(stopped(2, kSigInt));
  EXPECT_EQ(wire, rsp::frame("T02thread:2;"));
  // A stop nobody asked for is not reported.
  wire.clear();
  session.report_stop(stopped(1));
  EXPECT_TRUE(wire.empty());
  session.receive("\x03");
  EXPECT_EQ(target.interrupts, 1u);
}

TEST_F(SessionTest, CtrlCRightAfterTheResumeInTheSameBytes) {
  session.receive(rsp::frame("vCont;c") + "\x03");
  EXPECT_EQ(target.resumes.size(), 1u);
  EXPECT_EQ(target.interrupts, 1u);
}

TEST_F(SessionTest, StopRepliesForEveryReason) {
  struct Case {
    StopEvent event;
    const char* reply;
  };
  StopEvent watch = stopped(1);
  watch.reason = StopEvent::Reason::WriteWatch;
  watch.address = 0x80001000;
  StopEvent rwatch = watch;
  rwatch.reason = StopEvent::Reason::ReadWatch;
  StopEvent awatch = watch;
  awatch.reason = StopEvent::Reason::AccessWatch;
  StopEvent hw = stopped(4);
  hw.reason = StopEvent::Reason::HardwareBreakpoint;
  StopEvent begin = stopped(1);
  begin.reason = StopEvent::Reason::HistoryStart;
  StopEvent exited;
  exited.kind = StopEvent::Kind::Exited;
  exited.exit_code = 0x103;
  StopEvent killed;
  killed.kind = StopEvent::Kind::Killed;
  killed.signal = kSigTerm;
  const Case cases[] = {{watch, "T05watch:80001000;thread:1;"},
                        {rwatch, "T05rwatch:80001000;thread:1;"},
                        {awatch, "T05awatch:80001000;thread:1;"},
                        {hw, "T05hwbreak:;thread:4;"},
                        {begin, "T05replaylog:begin;thread:1;"},
                        {stopped(2, kSigSegv), "T0bthread:2;"},
                        {exited, "W03"},
                        {killed, "X0f"}};
  for (const Case& c : cases) {
    session.connect(stopped(1));
    session.receive(rsp::frame("c"));
    wire.clear();
    session.report_stop(c.event);
    EXPECT_EQ(wire, rsp::frame(c.reply));
  }
  EXPECT_EQ(session.state(), Session::State::Exited);
}

TEST_F(SessionTest, DetachAnswersAndLeaves) {
  EXPECT_EQ(ask("D"), "OK");
  EXPECT_EQ(target.detaches, 1u);
  EXPECT_EQ(session.state(), Session::State::Detached);
  wire.clear();
  session.receive(rsp::frame("g"));
  EXPECT_TRUE(wire.empty());
}

TEST_F(SessionTest, KillNeedsNoReplyVKillHasOne) {
  session.receive(rsp::frame("k"));
  EXPECT_EQ(wire, "+");
  EXPECT_EQ(target.kills, 1u);
  EXPECT_EQ(session.state(), Session::State::Killed);
  session.connect(stopped(1));
  EXPECT_EQ(ask("vKill;1"), "OK");
  EXPECT_EQ(target.kills, 2u);
}

TEST_F(SessionTest, ReverseExecutionOnlyWhereTheTargetHasIt) {
  EXPECT_EQ(ask("bc"), "");
  EXPECT_EQ(ask("bs"), "");
  EXPECT_TRUE(target.resumes.empty());
}

class ReverseSessionTest : public SessionTest {
 protected:
  ReverseSessionTest() : SessionTest(2, true) {}
};

TEST_F(ReverseSessionTest, ReverseStepAndContinueResume) {
  const std::string r = ask("qSupported");
  EXPECT_NE(r.find("ReverseStep+"), std::string::npos);
  EXPECT_NE(r.find("ReverseContinue+"), std::string::npos);
  EXPECT_EQ(ask("Hg2"), "OK");
  session.receive(rsp::frame("bs"));
  ASSERT_EQ(target.resumes.size(), 1u);
  EXPECT_EQ(target.resumes[0],
            (std::vector<ResumeKind>{ResumeKind::Stay, ResumeKind::ReverseStep}));
  session.report_stop(stopped(2));
  session.receive(rsp::frame("bc"));
  EXPECT_EQ(target.resumes[1], std::vector<ResumeKind>(2, ResumeKind::ReverseContinue));
}

// ---- monitor and robustness ---------------------------------------------------------------

TEST_F(SessionTest, MonitorOutputComesAsConsolePackets) {
  ASSERT_EQ(ask("Hg2"), "OK");
  target.monitor_output = "hello\n";
  session.receive(rsp::frame("qRcmd," + rsp::to_hex("icount")));
  auto items = sent();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].payload, "O" + rsp::to_hex("hello\n"));
  EXPECT_EQ(items[2].payload, "OK");
  ASSERT_EQ(target.monitor_commands.size(), 1u);
  EXPECT_EQ(target.monitor_commands[0].first, 2u);
  EXPECT_EQ(target.monitor_commands[0].second, "icount");
  // Long output is cut into packets that fit.
  target.monitor_output = std::string(20000, 'x');
  session.receive(rsp::frame("qRcmd," + rsp::to_hex("help")));
  items = sent();
  ASSERT_EQ(items.size(), 5u);
  std::string all;
  for (std::size_t i = 1; i + 1 < items.size(); ++i) {
    EXPECT_LE(items[i].payload.size(), rsp::kMaxPayload);
    std::string text;
    ASSERT_TRUE(rsp::from_hex(items[i].payload.substr(1), text));
    all += text;
  }
  EXPECT_EQ(all, target.monitor_output);
  EXPECT_EQ(ask("qRcmd,zz"), "E01");
}

TEST_F(SessionTest, UnknownPacketsGetTheEmptyReply) {
  for (const char* p : {"vMustReplyEmpty", "qTStatus", "!", "R00", "Qfoo", "x", "qOffsets"})
    EXPECT_EQ(ask(p), "") << p;
  EXPECT_EQ(ask(""), "");
  EXPECT_EQ(ask("qSymbol::"), "OK");
  EXPECT_EQ(ask("gx"), "E01");
}

TEST_F(SessionTest, AnOversizedPacketGetsAnError) {
  const std::string big = "M80000000,1:" + std::string(rsp::kMaxPayload + 10, '0');
  session.receive(rsp::frame(big));
  const auto items = sent();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, rsp::InputKind::Ack);
  EXPECT_EQ(items[1].payload, "E07");
  EXPECT_EQ(target.mem[0], 0u);
  EXPECT_EQ(ask("qC"), "QC1");  // and the session goes on
}

}  // namespace
}  // namespace rvtlm::debug
