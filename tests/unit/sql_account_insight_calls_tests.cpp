// The Graph side of AccountInsights: how days become insight windows, and the request of one operation.
#include <catch2/catch.hpp>

#include "sql/fetch/account_insight_calls.h"

using namespace igodbc::sql::account_insights;

namespace {
constexpr int64_t kDay = 86400;
const Group& group(std::string_view name) {
  for (const Group& g : kGroups)
    if (g.name == name) return g;
  FAIL("no group " << name);
  return kGroups[0];
}
}  // namespace

TEST_CASE("time-series windows follow runs of consecutive days", "[account_insights]") {
  std::vector<Op> ops;
  appendSeriesWindows(group("T"), {"reach"}, {10, 9, 8, 5, 4}, 100, 30, ops);
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].since == 8 * kDay);
  CHECK(ops[0].until == 11 * kDay);
  CHECK(ops[1].since == 4 * kDay);
  CHECK(ops[1].until == 6 * kDay);
}

TEST_CASE("a window is at most maxWindowDays long", "[account_insights]") {
  std::vector<int64_t> days;
  for (int64_t d = 70; d >= 1; --d) days.push_back(d);
  std::vector<Op> ops;
  appendSeriesWindows(group("T"), {"reach"}, days, 1000, 30, ops);
  REQUIRE(ops.size() == 3);
  for (const Op& op : ops) CHECK(op.until - op.since <= 30 * kDay);
}

TEST_CASE("follower_count is asked only in the 30 days before today", "[account_insights]") {
  std::vector<Op> ops;
  appendSeriesWindows(group("T"), {"follower_count"}, {10, 9, 8}, 10, 30, ops);
  // Day 10 is today: follower_count has no value yet, so that window has no metric and is left out.
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].since == 8 * kDay);
  CHECK(ops[0].until == 10 * kDay);
  ops.clear();
  appendSeriesWindows(group("T"), {"reach", "follower_count"}, {10, 9}, 10, 30, ops);
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].metrics == std::vector<std::string>{"reach"});
  CHECK(ops[1].metrics == std::vector<std::string>{"reach", "follower_count"});
}

TEST_CASE("the request of an operation names every parameter", "[account_insights]") {
  Op op{&group("B-follow"), {"follows_and_unfollows"}, 5 * kDay, 6 * kDay};
  igodbc::graph::BatchOp r = request("1784", op);
  CHECK(r.path == "1784/insights");
  auto has = [&](const char* k, const std::string& v) {
    for (const auto& [key, value] : r.params)
      if (key == k) return value == v;
    return false;
  };
  CHECK(has("metric", "follows_and_unfollows"));
  CHECK(has("period", "day"));
  CHECK(has("metric_type", "total_value"));
  CHECK(has("breakdown", "follow_type"));
  CHECK(has("since", std::to_string(5 * kDay)));
  CHECK(has("until", std::to_string(6 * kDay)));
}
