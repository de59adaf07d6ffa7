// StoryMetrics (data-model 6.2), a pivot of StoryInsights joined to Stories, and AccountDailyMetrics (6.3),
// a pivot of AccountInsights. Metric columns come from the metric rules (storyColumn, wideColumn),
// breakdown columns from the breakdown values the contract names.
#include <strings.h>

#include <utility>
#include <vector>

#include "schema/metrics.h"
#include "schema/views.h"

namespace igodbc::schema {

namespace {

struct WideColumn {
  std::string name;
  std::string metric;
  std::string breakdown;       // empty: the total row
  std::string breakdownValue;  // empty: the total row
};

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

// Column names stay alive for the process: Column holds string_views.
const std::vector<WideColumn>& storyWide() {
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

const std::vector<WideColumn>& accountWide() {
  static const std::vector<WideColumn> columns = [] {
    std::vector<WideColumn> out;
    for (const AccountMetricRule& r : accountMetricRules()) {
      if (r.table != "AccountInsights") continue;
      if (!r.wideColumn.empty()) out.push_back({std::string(r.wideColumn), std::string(r.name), "", ""});
      if (r.name == "profile_links_taps")
        for (const auto& [suffix, value] : contactButtonValues())
          out.push_back({std::string(r.wideColumn) + std::string(suffix), std::string(r.name),
                         "contact_button_type", std::string(value)});
      if (r.name == "follows_and_unfollows") {  // 6.3 Decision: FOLLOWER / NON_FOLLOWER of follow_type
        out.push_back({"Follows", std::string(r.name), "follow_type", "FOLLOWER"});
        out.push_back({"Unfollows", std::string(r.name), "follow_type", "NON_FOLLOWER"});
      }
    }
    return out;
  }();
  return columns;
}

std::string quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

void addWideColumns(std::vector<Column>& columns, const std::vector<WideColumn>& wide) {
  for (const WideColumn& w : wide) {
    std::string_view note =
        w.breakdownValue.empty() ? std::string_view(w.metric) : std::string_view(w.breakdownValue);
    columns.push_back(
        {w.name, SqlType::BigInt, 19, true, Origin::Derived, "", kPushNone, kFlagNone, {}, note});
  }
}

// ", CAST(max(CASE WHEN <row is this column's> THEN Value END) AS INTEGER) AS "Name"" per wide column.
std::string pivotColumns(const std::vector<WideColumn>& wide, std::string& outer, const char* alias) {
  std::string pivot;
  for (const WideColumn& w : wide) {
    std::string cond = "Metric = " + quote(w.metric) +
                       (w.breakdownValue.empty() ? " AND Breakdown IS NULL"
                                                 : " AND Breakdown = " + quote(w.breakdown) +
                                                       " AND BreakdownValue = " + quote(w.breakdownValue));
    pivot += ", CAST(max(CASE WHEN " + cond + " THEN Value END) AS INTEGER) AS \"" + w.name + "\"";
    outer += std::string(", ") + alias + ".\"" + w.name + "\"";
  }
  return pivot;
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
  addWideColumns(columns, storyWide());
  return Table{
      "StoryMetrics",
      TableKind::View,
      Source::View,
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
  addWideColumns(columns, accountWide());
  return Table{
      "AccountDailyMetrics",
      TableKind::View,
      Source::View,
      std::move(columns),
      {"AccountId", "Date"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "One row per account and day with one column per daily account metric (a pivot of AccountInsights).",
      "",
  };
}

std::string storyAccountViewSql(std::string_view table) {
  if (sameName(table, "StoryMetrics")) {
    std::string outer = "SELECT s.Id, s.AccountId, s.MediaType, s.Timestamp, s.Permalink";
    std::string pivot = "SELECT MediaId" + pivotColumns(storyWide(), outer, "i");
    pivot += " FROM StoryInsights GROUP BY MediaId";
    return outer + " FROM Stories s LEFT JOIN (" + pivot + ") i ON i.MediaId = s.Id";
  }
  if (sameName(table, "AccountDailyMetrics")) {
    // Daily rows without the media_product_type breakdown (6.3: B-mpt is never needed). The Breakdown
    // condition is an OR, which SQLite keeps for itself, so the B-mpt calls still run; Date and AccountId
    // filters reach the table (SQLite pushes them into the GROUP BY subquery).
    std::string outer = "SELECT d.AccountId, d.Date";
    std::string pivot = pivotColumns(accountWide(), outer, "d");
    std::string inner = "SELECT AccountId, Date" + pivot +
                        " FROM AccountInsights WHERE Period = 'day' AND (Breakdown IS NULL OR Breakdown IN "
                        "('follow_type', 'contact_button_type')) GROUP BY AccountId, Date";
    return outer + " FROM (" + inner + ") d ORDER BY d.AccountId, d.Date DESC";
  }
  return "";
}

}  // namespace igodbc::schema
