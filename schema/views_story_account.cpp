// StoryMetrics and AccountDailyMetrics: virtual tables whose scans pivot StoryInsights
// rows onto Stories rows (sql/sources/source_media_metrics.cpp) and AccountInsights rows
// (sql/sources/source_account_daily.cpp). Metric columns come from the metric rules (storyColumn,
// wideColumn), breakdown columns from the breakdown values the contract names.
#include <utility>
#include <vector>

#include "schema/metrics.h"
#include "schema/views.h"

namespace igodbc::schema {

namespace {

using WideColumn = PivotColumn;

using Suffixes = std::vector<std::pair<std::string_view, std::string_view>>;

const Suffixes& navigationValues() {
  static const Suffixes v = {{"TapForward", "TAP_FORWARD"},
                             {"TapBack", "TAP_BACK"},
                             {"TapExit", "TAP_EXIT"},
                             {"SwipeForward", "SWIPE_FORWARD"}};
  return v;
}

const Suffixes& contactButtonValues() {
  static const Suffixes v = {{"BookNow", "BOOK_NOW"},
                             {"Call", "CALL"},
                             {"Direction", "DIRECTION"},
                             {"Email", "EMAIL"},
                             {"InstantExperience", "INSTANT_EXPERIENCE"},
                             {"Text", "TEXT"},
                             {"Undefined", "UNDEFINED"}};
  return v;
}

}  // namespace

// Column names stay alive for the process: Column holds string_views.
const std::vector<PivotColumn>& storyPivotColumns() {
  static const std::vector<WideColumn> columns = [] {
    std::vector<WideColumn> out;
    for (const MediaMetricRule& r : mediaMetricRules()) {
      if (r.storyColumn.empty()) continue;
      out.push_back({std::string(r.storyColumn), std::string(r.name), "", ""});
      if (r.name == "navigation")
        for (const auto& [suffix, value] : navigationValues())
          out.push_back({std::string(r.storyColumn) + std::string(suffix), std::string(r.name),
                         std::string(r.breakdown), std::string(value)});
    }
    return out;
  }();
  return columns;
}

const std::vector<PivotColumn>& accountDailyPivotColumns() {
  static const std::vector<WideColumn> columns = [] {
    std::vector<WideColumn> out;
    for (const AccountMetricRule& r : accountMetricRules()) {
      if (r.table != "AccountInsights") continue;
      if (!r.wideColumn.empty()) out.push_back({std::string(r.wideColumn), std::string(r.name), "", ""});
      if (r.name == "profile_links_taps")
        for (const auto& [suffix, value] : contactButtonValues())
          out.push_back({std::string(r.wideColumn) + std::string(suffix), std::string(r.name),
                         "contact_button_type", std::string(value)});
      if (r.name == "follows_and_unfollows") {  // FOLLOWER / NON_FOLLOWER of follow_type
        out.push_back({"Follows", std::string(r.name), "follow_type", "FOLLOWER"});
        out.push_back({"Unfollows", std::string(r.name), "follow_type", "NON_FOLLOWER"});
      }
    }
    return out;
  }();
  return columns;
}

namespace {

void addWideColumns(std::vector<Column>& columns, const std::vector<WideColumn>& wide) {
  for (const WideColumn& w : wide) {
    std::string_view note =
        w.breakdownValue.empty() ? std::string_view(w.metric) : std::string_view(w.breakdownValue);
    columns.push_back(
        {w.name, SqlType::BigInt, 19, true, Origin::Derived, "", kPushNone, kFlagNone, {}, note});
  }
}

}  // namespace

Table storyMetricsView() {
  std::vector<Column> columns = {
      {"MediaId", SqlType::Varchar, 32, false, Origin::Json, "id", kPushEq | kPushIn},
      {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq | kPushIn},
      {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type"},
      {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
      {"Permalink", SqlType::Varchar, 2048, true, Origin::Json, "permalink"},
  };
  addWideColumns(columns, storyPivotColumns());
  return Table{
      "StoryMetrics",
      TableKind::View,
      // Cost: the stories walk, then StoryInsights for the used metrics.
      Cost{"MediaId", "AccountId", "", 3, 20, true, false},
      std::move(columns),
      {"MediaId"},
      {},
      {{"MediaId", "Stories", "Id"}, {"AccountId", "Accounts", "Id"}},
      "One row per Stories row with one column per story metric (a pivot of StoryInsights).",
      "",
  };
}

Table accountDailyMetricsView() {
  std::vector<Column> columns = {
      {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq | kPushIn},
      {"Date", SqlType::Date, 10, false, Origin::Derived, "", kPushEq | kPushIn | kPushRange},
  };
  addWideColumns(columns, accountDailyPivotColumns());
  return Table{
      "AccountDailyMetrics",
      TableKind::View,
      // Cost: AccountInsights without B-mpt; a row per day.
      Cost{"", "AccountId", "Date", 65, 10, false, true},
      std::move(columns),
      {"AccountId", "Date"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "One row per account and day with one column per daily account metric (a pivot of AccountInsights).",
      "",
  };
}

}  // namespace igodbc::schema
