// Time models: time(n) and its inverse instructions_within(t), rounded down.
#include "rvtlm/tlm/time_model.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace rvtlm::tlm {
namespace {

using sc_core::SC_NS;
using sc_core::SC_PS;
using sc_core::sc_time;

TEST(TimeModel, FixedTimePerInstruction) {
  const FixedTimeModel m(sc_time(2.5, SC_NS));
  EXPECT_EQ(m.time(0), sc_core::SC_ZERO_TIME);
  EXPECT_EQ(m.time(4), sc_time(10, SC_NS));
  EXPECT_EQ(m.instructions_within(sc_time(10, SC_NS)), 4u);
  EXPECT_EQ(m.instructions_within(sc_time(12499, SC_PS)), 4u);
  EXPECT_EQ(m.instructions_within(sc_time(12500, SC_PS)), 5u);
  EXPECT_EQ(m.instructions_within(sc_core::SC_ZERO_TIME), 0u);
}

TEST(TimeModel, FixedRejectsZeroTime) {
  EXPECT_THROW(FixedTimeModel{sc_core::SC_ZERO_TIME}, std::invalid_argument);
}

TEST(TimeModel, IcountShiftIsPowerOfTwoNanoseconds) {
  EXPECT_EQ(IcountTimeModel(0).time(3), sc_time(3, SC_NS));
  EXPECT_EQ(IcountTimeModel(3).time(3), sc_time(24, SC_NS));
  EXPECT_EQ(IcountTimeModel(3).instructions_within(sc_time(23, SC_NS)), 2u);
  EXPECT_THROW(IcountTimeModel(31), std::invalid_argument);
}

TEST(TimeModel, FrequencyRoundsEachCountNotEachStep) {
  const FrequencyTimeModel m(3e9, 1.0);  // 333.33 ps per instruction
  EXPECT_EQ(m.time(1), sc_time(333, SC_PS));
  EXPECT_EQ(m.time(2), sc_time(667, SC_PS));
  EXPECT_EQ(m.time(3), sc_time(1, SC_NS));
  EXPECT_EQ(m.time(3000000), sc_time(1e6, SC_NS));
  EXPECT_EQ(m.instructions_within(sc_time(666, SC_PS)), 1u);
  EXPECT_EQ(m.instructions_within(sc_time(667, SC_PS)), 2u);
  EXPECT_EQ(m.instructions_within(sc_time(1, SC_NS)), 3u);
}

TEST(TimeModel, FrequencyWithIpc) {
  const FrequencyTimeModel m(1e9, 2.0);  // 0.5 ns per instruction
  EXPECT_EQ(m.time(10), sc_time(5, SC_NS));
  EXPECT_EQ(m.instructions_within(sc_time(5, SC_NS)), 10u);
  EXPECT_THROW(FrequencyTimeModel(0, 1), std::invalid_argument);
  EXPECT_THROW(FrequencyTimeModel(1e9, -1), std::invalid_argument);
}

// Faster than one instruction per resolution unit, time would stand still
// (time(1) == 0); slower than 2^63 units per instruction, it would not fit.
TEST(TimeModel, FrequencyRejectsRatesOutsideTheTimeRange) {
  EXPECT_THROW(FrequencyTimeModel(1e30, 1), std::invalid_argument);
  EXPECT_THROW(FrequencyTimeModel(1e9, 1e30), std::invalid_argument);
  EXPECT_THROW(FrequencyTimeModel(1e-30, 1), std::invalid_argument);
  EXPECT_NO_THROW(FrequencyTimeModel(1e12, 1));
  EXPECT_EQ(FrequencyTimeModel(1e12, 1).time(1), sc_core::sc_time(1, sc_core::SC_PS));
}

TEST(TimeModel, InverseIsConsistentOverManyCounts) {
  const FrequencyTimeModel m(2.7e9, 1.3);
  for (uint64_t n = 0; n < 5000; n += 7) {
    const uint64_t k = m.instructions_within(m.time(n));
    EXPECT_GE(k, n);
    EXPECT_LE(m.time(k), m.time(n));
    EXPECT_GT(m.time(k + 1), m.time(n));
  }
}

}  // namespace
}  // namespace rvtlm::tlm
