// The account-level insight tables (data-model 5.8-5.11): AccountInsights, AccountInsightTotals,
// AudienceInsights and OnlineFollowers. Their metric rules and call groups live in metrics.cpp (5.7).
#include "schema/tables.h"

namespace igodbc::schema {

namespace {

constexpr unsigned kKey = kPushEq | kPushIn;

Column accountIdColumn() {
  return {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey};
}

Column metricColumn(std::string_view notes = {}) {
  return {"Metric", SqlType::Varchar, 64, false, Origin::Json, "data[].name", kKey, kFlagNone, {}, notes};
}

// Breakdown, BreakdownValue, Value, Title, Description: the tail shared by the account long tables.
std::vector<Column> valueColumns(std::string_view valueNotes) {
  return {
      {"Breakdown",
       SqlType::Varchar,
       64,
       true,
       Origin::Derived,
       "",
       kKey | kPushNull,
       kFlagNone,
       {},
       "NULL on total rows"},
      {"BreakdownValue",
       SqlType::Varchar,
       64,
       true,
       Origin::Derived,
       "",
       kPushNone,
       kFlagNone,
       {},
       "e.g. REEL, FOLLOWER, CALL"},
      {"Value", SqlType::Double, 15, false, Origin::Derived, "", kPushNone, kFlagNone, {}, valueNotes},
      {"Title", SqlType::WVarchar, 256, true, Origin::Json, "data[].title"},
      {"Description", SqlType::WVarchar, 1024, true, Origin::Json, "data[].description"},
  };
}

std::vector<Column> concat(std::vector<Column> head, std::vector<Column> tail) {
  for (Column& c : tail) head.push_back(std::move(c));
  return head;
}

}  // namespace

Table accountInsightsTable() {
  return Table{
      "AccountInsights",
      TableKind::Table,
      Source::AccountInsights,
      concat(
          {
              accountIdColumn(),
              metricColumn(),
              {"Period",
               SqlType::Varchar,
               16,
               false,
               Origin::Json,
               "data[].period",
               kKey,
               kFlagNone,
               {},
               "day; week/days_28 only when filtered"},
              {"MetricType",
               SqlType::Varchar,
               16,
               false,
               Origin::Derived,
               "",
               kPushEq,
               kFlagNone,
               {},
               "time_series (T groups) or total_value (V, B groups)"},
              {"Date",
               SqlType::Date,
               10,
               false,
               Origin::Derived,
               "",
               kKey | kPushRange,
               kFlagNone,
               {},
               "UTC date of (end_time - 24 h), or the day requested"},
              {"EndTime",
               SqlType::Timestamp,
               19,
               false,
               Origin::Json,
               "values[].end_time",
               kPushRange,
               kFlagNone,
               {},
               "for total_value rows: the until sent"},
          },
          valueColumns("")),
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
      Source::AccountInsightTotals,
      concat(
          {
              accountIdColumn(),
              metricColumn(),
              {"StartDate",
               SqlType::Date,
               10,
               false,
               Origin::Derived,
               "",
               kPushEq,
               kFlagNone,
               {},
               "first day, inclusive (a parameter of the table)"},
              {"EndDate",
               SqlType::Date,
               10,
               false,
               Origin::Derived,
               "",
               kPushEq,
               kFlagNone,
               {},
               "last day, inclusive (a parameter of the table)"},
          },
          valueColumns("total_value.value / results")),
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
      Source::AudienceInsights,
      {
          accountIdColumn(),
          metricColumn("follower_demographics, engaged_audience_demographics, reached_audience_demographics"),
          {"Breakdown",
           SqlType::Varchar,
           32,
           false,
           Origin::Derived,
           "",
           kKey,
           kFlagNone,
           {},
           "age, gender, country, city, age,gender"},
          {"Timeframe",
           SqlType::Varchar,
           32,
           false,
           Origin::Derived,
           "",
           kKey,
           kFlagNone,
           {},
           "this_week, this_month; others only when filtered"},
          {"Key",
           SqlType::WVarchar,
           256,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "results[].dimension_values joined with ','"},
          {"Value",
           SqlType::BigInt,
           19,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "results[].value"},
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
      Source::OnlineFollowers,
      {
          accountIdColumn(),
          {"Date",
           SqlType::Date,
           10,
           false,
           Origin::Derived,
           "",
           kKey | kPushRange,
           kFlagNone,
           {},
           "UTC date of (end_time - 24 h)"},
          {"EndTime", SqlType::Timestamp, 19, false, Origin::Json, "values[].end_time", kPushRange},
          {"Hour",
           SqlType::Integer,
           10,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "key of values[].value (\"0\"..\"23\"), passed through"},
          {"Value",
           SqlType::BigInt,
           19,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "values[].value[hour]"},
      },
      {"AccountId", "EndTime", "Hour"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "How many followers were online in each hour, per day, for the last 30 days.",
      "",
  };
}

}  // namespace igodbc::schema
