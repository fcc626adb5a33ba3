// The framing layer of the remote serial protocol: parser, checksums,
// escapes and hex encodings.
#include "rvtlm/debug/rsp_packet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rvtlm::debug::rsp {
namespace {

std::vector<Input> parse(const std::string& bytes, std::size_t max = kMaxPayload) {
  PacketParser parser(max);
  std::vector<Input> out;
  parser.feed(bytes, out);
  return out;
}

TEST(RspPacket, FrameAddsTheChecksumInLowerCaseHex) {
  EXPECT_EQ(frame("OK"), "$OK#9a");
  EXPECT_EQ(frame(""), "$#00");
  EXPECT_EQ(frame("qSupported"), "$qSupported#37");
  EXPECT_EQ(checksum("T05thread:1;"), static_cast<uint8_t>(0xd7));
}

TEST(RspPacket, ParsesAPacketWithAValidChecksum) {
  const auto in = parse("$qSupported#37");
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].kind, InputKind::Packet);
  EXPECT_EQ(in[0].payload, "qSupported");
}

TEST(RspPacket, AcceptsUpperCaseChecksumDigits) {
  const auto in = parse("$OK#9A");
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].kind, InputKind::Packet);
}

TEST(RspPacket, ReportsAWrongChecksumWithoutThePayload) {
  const auto in = parse("$OK#9b$OK#zz");
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0].kind, InputKind::BadChecksum);
  EXPECT_EQ(in[1].kind, InputKind::BadChecksum);
  EXPECT_TRUE(in[0].payload.empty());
}

TEST(RspPacket, SplitsAcksInterruptsAndPacketsInOrder) {
  const auto in = parse("+-\x03$g#67+");
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[0].kind, InputKind::Ack);
  EXPECT_EQ(in[1].kind, InputKind::Nack);
  EXPECT_EQ(in[2].kind, InputKind::Interrupt);
  EXPECT_EQ(in[3].kind, InputKind::Packet);
  EXPECT_EQ(in[3].payload, "g");
  EXPECT_EQ(in[4].kind, InputKind::Ack);
}

TEST(RspPacket, IgnoresNoiseBetweenPackets) {
  const auto in = parse("xyz\r\n$g#67 ");
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].payload, "g");
}

TEST(RspPacket, APacketMaySpanManyFeeds) {
  PacketParser parser;
  std::vector<Input> out;
  const std::string bytes = "$m80000000,4#" +
                            std::string(1, "0123456789abcdef"[checksum("m80000000,4") >> 4]) +
                            std::string(1, "0123456789abcdef"[checksum("m80000000,4") & 15]);
  for (char c : bytes) {
    EXPECT_TRUE(out.empty());
    parser.feed(std::string(1, c), out);
  }
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].payload, "m80000000,4");
}

TEST(RspPacket, AnInterruptByteInsideAPacketIsData) {
  const std::string payload = std::string("X0,1:") + '\x03';
  const auto in = parse(frame(payload));
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].kind, InputKind::Packet);
  EXPECT_EQ(in[0].payload, payload);
}

TEST(RspPacket, AnOversizedPacketIsReportedOnceAndDropped) {
  const std::string big(100, 'a');
  const auto in = parse(frame(big) + frame("g"), 64);
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0].kind, InputKind::Oversized);
  EXPECT_TRUE(in[0].payload.empty());
  EXPECT_EQ(in[1].kind, InputKind::Packet);
  EXPECT_EQ(in[1].payload, "g");
}

TEST(RspPacket, APacketCutShortByAnotherIsTruncated) {
  const auto in = parse("$m800$g#67");
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0].kind, InputKind::Truncated);
  EXPECT_EQ(in[1].kind, InputKind::Packet);
  EXPECT_EQ(in[1].payload, "g");
}

TEST(RspPacket, ResetForgetsAPartialPacket) {
  PacketParser parser;
  std::vector<Input> out;
  parser.feed("$m8000", out);
  parser.reset();
  parser.feed("0,4#00+", out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, InputKind::Ack);
}

TEST(RspPacket, BinaryEscapesRoundTrip) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const std::string escaped = escape_binary(all);
  for (char c : {'#', '$', '*'}) EXPECT_EQ(escaped.find(c), std::string::npos) << c;
  EXPECT_EQ(escape_binary("a}b"), "a}]b");
  std::string back;
  ASSERT_TRUE(unescape_binary(escaped, back));
  EXPECT_EQ(back, all);
  EXPECT_FALSE(unescape_binary("ab}", back));
}

TEST(RspPacket, HexEncodings) {
  const uint8_t bytes[] = {0x00, 0x7f, 0xa5, 0xff};
  EXPECT_EQ(to_hex(bytes, 4), "007fa5ff");
  EXPECT_EQ(to_hex("OK"), "4f4b");
  std::string out;
  ASSERT_TRUE(from_hex("4F4b", out));
  EXPECT_EQ(out, "OK");
  EXPECT_FALSE(from_hex("4f4", out));
  EXPECT_FALSE(from_hex("4g", out));
  uint64_t v = 0;
  ASSERT_TRUE(parse_hex("ffffffffffffffff", v));
  EXPECT_EQ(v, ~uint64_t{0});
  ASSERT_TRUE(parse_hex("8000ABcd", v));
  EXPECT_EQ(v, 0x8000abcdu);
  EXPECT_FALSE(parse_hex("", v));
  EXPECT_FALSE(parse_hex("1ffffffffffffffff", v));
  EXPECT_FALSE(parse_hex("-1", v));
  EXPECT_FALSE(parse_hex("0x10", v));
}

TEST(RspPacket, RegistersAreLittleEndianHex) {
  EXPECT_EQ(register_hex(0x8000000012345678, 8), "7856341200000080");
  EXPECT_EQ(register_hex(0x1234, 4), "34120000");
  EXPECT_EQ(register_hex(3, 1), "03");
  uint64_t v = 0;
  ASSERT_TRUE(parse_register_hex("7856341200000080", 8, v));
  EXPECT_EQ(v, 0x8000000012345678u);
  EXPECT_FALSE(parse_register_hex("785634", 4, v));
  EXPECT_FALSE(parse_register_hex("78563412xx", 5, v));
  EXPECT_FALSE(parse_register_hex("", 9, v));
}

}  // namespace
}  // namespace rvtlm::debug::rsp
