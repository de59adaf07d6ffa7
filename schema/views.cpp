// MediaMetrics, a virtual table whose scan pivots MediaInsights rows onto Media rows
// (sql/sources/source_media_metrics.cpp). Metric columns come from the media metric rules
// (MediaMetricRule::mediaColumn), breakdown columns from the action_type values.
#include "schema/views.h"

#include <vector>

#include "schema/metrics.h"

namespace igodbc::schema {

namespace {

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

std::vector<PivotColumn> mediaWideColumns() {
  std::vector<PivotColumn> out;
  for (const MediaMetricRule& r : mediaMetricRules()) {
    if (r.mediaColumn.empty()) continue;
    SqlType type = r.unit == "percent" ? SqlType::Double : SqlType::BigInt;
    out.push_back({std::string(r.mediaColumn), std::string(r.name), "", "", type});
    if (r.name == "profile_activity")
      for (const auto& [suffix, value] : actionTypes())
        out.push_back({std::string(r.mediaColumn) + std::string(suffix), std::string(r.name),
                       std::string(r.breakdown), std::string(value), SqlType::BigInt});
  }
  return out;
}

}  // namespace

// Column names stay alive for the process: Column holds string_views.
const std::vector<PivotColumn>& mediaPivotColumns() {
  static const std::vector<PivotColumn> columns = mediaWideColumns();
  return columns;
}

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
  for (const PivotColumn& w : mediaPivotColumns()) {
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
      // Cost: the media walk, then MediaInsights for the used metrics.
      Cost{"MediaId", "AccountId", "Timestamp", 12 + 60, 20, true, false},
      std::move(columns),
      {"MediaId"},
      {},
      {{"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "One row per Media row with its attributes and one column per media metric (a pivot of MediaInsights).",
      "",
  };
}

}  // namespace igodbc::schema
