// The account-level insight tables: AccountInsights, AccountInsightTotals,
// AudienceInsights and OnlineFollowers. Their metric rules and call groups live in metrics.cpp.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
using shared::kKey;
}  // namespace

Table accountInsightsTable() {
  return Table{
      "AccountInsights",
      TableKind::Table,
      // Cost: two years: ~25 T calls and ~60 batches; newest day first.
      Cost{"", "AccountId", "Date", 85, 100, false, true},
      concat(
          {
              shared::kWalkedAccountId,
              shared::kMetric,
              noted({"Period", SqlType::Varchar, 16, false, Origin::Json, "data[].period", kKey},
                    "day; week/days_28 only when filtered"),
              noted({"MetricType", SqlType::Varchar, 16, false, Origin::Derived, "", kPushEq},
                    "time_series (T groups) or total_value (V, B groups)"),
              noted({"Date", SqlType::Date, 10, false, Origin::Derived, "", kKey | kPushRange},
                    "UTC date of (end_time - 24 h), or the day requested"),
              noted({"EndTime", SqlType::Timestamp, 19, false, Origin::Json, "values[].end_time", kPushRange},
                    "for total_value rows: the until sent"),
          },
          shared::insightValueColumns("e.g. REEL, FOLLOWER, CALL", "")),
      {"AccountId", "Metric", "Period", "Date", "Breakdown", "BreakdownValue"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "Account metrics per day, long format: one row per account, day, metric and breakdown value.",
      "",
  };
}

Table accountInsightTotalsTable() {
  return Table{
      "AccountInsightTotals",
      TableKind::Table,
      // Cost: one batch of four operations.
      Cost{"", "AccountId", "", 1, 40},
      concat(
          {
              shared::kWalkedAccountId,
              shared::kMetric,
              noted({"StartDate", SqlType::Date, 10, false, Origin::Derived, "", kPushEq},
                    "first day, inclusive (a parameter of the table)"),
              noted({"EndDate", SqlType::Date, 10, false, Origin::Derived, "", kPushEq},
                    "last day, inclusive (a parameter of the table)"),
          },
          shared::insightValueColumns("e.g. REEL, FOLLOWER, CALL", "total_value.value / results")),
      {"AccountId", "Metric", "StartDate", "EndDate", "Breakdown", "BreakdownValue"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "One number per account metric over a span of up to 30 days, as Instagram computes it.",
      "",
  };
}

Table audienceInsightsTable() {
  return Table{
      "AudienceInsights",
      TableKind::Table,
      // Cost: 30 operations in one batch.
      Cost{"", "AccountId", "", 1, 600},
      {
          shared::kWalkedAccountId,
          noted(shared::kMetric,
                "follower_demographics, engaged_audience_demographics, reached_audience_demographics"),
          noted({"Breakdown", SqlType::Varchar, 32, false, Origin::Derived, "", kKey},
                "age, gender, country, city, age,gender"),
          noted({"Timeframe", SqlType::Varchar, 32, false, Origin::Derived, "", kKey},
                "this_week, this_month; others only when filtered"),
          derived("Key", SqlType::WVarchar, 256, false, "results[].dimension_values joined with ','"),
          derived("Value", SqlType::BigInt, 19, false, "results[].value"),
      },
      {"AccountId", "Metric", "Breakdown", "Timeframe", "Key"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "Follower and audience demographics: one row per account, metric, breakdown, timeframe and key.",
      "",
  };
}

Table onlineFollowersTable() {
  return Table{
      "OnlineFollowers",
      TableKind::Table,
      Cost{"", "AccountId", "Date", 1, 720},
      {
          shared::kWalkedAccountId,
          noted({"Date", SqlType::Date, 10, false, Origin::Derived, "", kKey | kPushRange},
                "UTC date of (end_time - 24 h)"),
          {"EndTime", SqlType::Timestamp, 19, false, Origin::Json, "values[].end_time", kPushRange},
          derived("Hour", SqlType::Integer, 10, false,
                  "key of values[].value (\"0\"..\"23\"), passed through"),
          derived("Value", SqlType::BigInt, 19, false, "values[].value[hour]"),
      },
      {"AccountId", "EndTime", "Hour"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "How many followers were online in each hour, per day, for the last 30 days.",
      "",
  };
}

}  // namespace igodbc::schema
