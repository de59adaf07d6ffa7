// MediaMetrics (data-model 6.1) as a pivot of MediaInsights joined to Media. Metric columns come from the
// media metric rules (MediaMetricRule::mediaColumn), breakdown columns from the action_type values.
#include "schema/views.h"

#include <strings.h>

#include <vector>

#include "schema/metrics.h"

namespace igodbc::schema {

namespace {

struct WideColumn {
  std::string name;
  std::string metric;
  std::string breakdownValue;  // empty: the total row
  SqlType type;
};

// ProfileActivity breakdown columns (action_type values), in the contract's order.
const std::vector<std::pair<std::string_view, std::string_view>>& actionTypes() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v = {
      {"BioLinkClicked", "BIO_LINK_CLICKED"},
      {"Call", "CALL"},
      {"Direction", "DIRECTION"},
      {"Email", "EMAIL"},
      {"Text", "TEXT"},
      {"Other", "OTHER"}};
  return v;
}

std::vector<WideColumn> mediaWideColumns() {
  std::vector<WideColumn> out;
  for (const MediaMetricRule& r : mediaMetricRules()) {
    if (r.mediaColumn.empty()) continue;
    SqlType type = r.unit == "percent" ? SqlType::Double : SqlType::BigInt;
    out.push_back({std::string(r.mediaColumn), std::string(r.name), "", type});
    if (r.name == "profile_activity")
      for (const auto& [suffix, value] : actionTypes())
        out.push_back({std::string(r.mediaColumn) + std::string(suffix), std::string(r.name),
                       std::string(value), SqlType::BigInt});
  }
  return out;
}

// Column names stay alive for the process: Column holds string_views.
const std::vector<WideColumn>& mediaWide() {
  static const std::vector<WideColumn> columns = mediaWideColumns();
  return columns;
}

std::string quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

Table mediaMetricsView() {
  std::vector<Column> columns = {
      {"MediaId", SqlType::Varchar, 32, false, Origin::Json, "id", kPushEq | kPushIn},
      {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq | kPushIn},
      {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type"},
      {"MediaProductType", SqlType::Varchar, 32, true, Origin::Json, "media_product_type"},
      {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp", kPushRange},
      {"Permalink", SqlType::Varchar, 2048, true, Origin::Json, "permalink"},
      {"Caption", SqlType::WVarchar, 4000, true, Origin::Json, "caption"},
  };
  for (const WideColumn& w : mediaWide()) {
    std::string_view note =
        w.breakdownValue.empty() ? std::string_view(w.metric) : std::string_view(w.breakdownValue);
    columns.push_back({w.name,
                       w.type,
                       w.type == SqlType::Double ? 15 : 19,
                       true,
                       Origin::Derived,
                       "",
                       kPushNone,
                       kFlagNone,
                       {},
                       note});
  }
  return Table{
      "MediaMetrics",
      TableKind::View,
      Source::View,
      std::move(columns),
      {"MediaId"},
      {},
      {{"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "One row per Media row with its attributes and one column per media metric (a pivot of MediaInsights).",
      "",
  };
}

std::string viewSelectSql(std::string_view table) {
  if (std::string other = storyAccountViewSql(table); !other.empty()) return other;
  if (strncasecmp(table.data(), "MediaMetrics", table.size()) != 0 || table.size() != 12) return "";
  std::string pivot = "SELECT MediaId";
  std::string outer =
      "SELECT m.Id, m.AccountId, m.MediaType, m.MediaProductType, m.Timestamp, m.Permalink, m.Caption";
  for (const WideColumn& w : mediaWide()) {
    std::string cond = "Metric = " + quote(w.metric) +
                       (w.breakdownValue.empty() ? " AND Breakdown IS NULL"
                                                 : " AND BreakdownValue = " + quote(w.breakdownValue));
    pivot += ", CAST(max(CASE WHEN " + cond + " THEN Value END) AS " +
             std::string(w.type == SqlType::Double ? "REAL" : "INTEGER") + ") AS \"" + w.name + "\"";
    outer += ", i.\"" + w.name + "\"";
  }
  pivot += " FROM MediaInsights GROUP BY MediaId";
  return outer + " FROM Media m LEFT JOIN (" + pivot + ") i ON i.MediaId = m.Id";
}

}  // namespace igodbc::schema
