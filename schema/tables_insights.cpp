// MediaInsights, StoryInsights and sys_metrics. The metric rules themselves
// live in metrics.cpp.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {

using shared::kKey;

// The column list the two media-level long tables share (StoryInsights has the same columns).
std::vector<Column> mediaInsightColumns() {
  return concat(
      {
          noted({"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey},
                "path of the walk / owner.id"),
          noted({"MediaId", SqlType::Varchar, 32, false, Origin::Path, "", kKey},
                "path of the insights call"),
          noted({"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type", kKey},
                "from the walk or lookup"),
          {"MediaProductType", SqlType::Varchar, 32, true, Origin::Json, "media_product_type", kKey},
          noted({"MediaTimestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp", kPushRange},
                "the media's creation time"),
          shared::kMetric,
          noted({"Period", SqlType::Varchar, 16, false, Origin::Json, "data[].period"}, "always lifetime"),
      },
      shared::insightValueColumns("e.g. BIO_LINK_CLICKED",
                                  "counts are whole numbers; units per sys_metrics"));
}

// MediaInsights and StoryInsights differ only in their name, cost, parent table and purpose.
Table mediaInsightTable(std::string_view name, Cost cost, std::string_view parent, std::string_view purpose) {
  return Table{
      name,
      TableKind::Table,
      std::move(cost),
      mediaInsightColumns(),
      {"MediaId", "Metric", "Breakdown", "BreakdownValue"},
      {},
      {{"MediaId", parent, "Id"}, {"AccountId", "Accounts", "Id"}},
      purpose,
      "",
  };
}

}  // namespace

Table mediaInsightsTable() {
  return mediaInsightTable(
      "MediaInsights",
      // Cost: the media walk plus ~1 batch per 20 media.
      Cost{"MediaId", "AccountId", "MediaTimestamp", 12 + 60, 20}, "Media",
      "Lifetime insights of every Media row, one row per (media, metric) plus one per breakdown value.");
}

Table storyInsightsTable() {
  return mediaInsightTable(
      "StoryInsights", Cost{"MediaId", "AccountId", "", 2, 40}, "Stories",
      "Insights of the live stories (Stories rows); a snapshot, since Instagram keeps them only 24 hours.");
}

Table sysMetricsTable() {
  return Table{
      "sys_metrics",
      TableKind::SystemTable,
      Cost{"", "", "", 0, 200},
      {
          derived("TableName", SqlType::Varchar, 64, false),
          derived("Metric", SqlType::Varchar, 64, false),
          derived("MediaKind", SqlType::Varchar, 16, false,
                  "FEED_IMAGE, FEED_VIDEO, CAROUSEL, REELS, STORY; ACCOUNT for account tables"),
          derived("Periods", SqlType::Varchar, 64, true),
          derived("MetricTypes", SqlType::Varchar, 32, true),
          derived("Breakdowns", SqlType::Varchar, 256, true),
          derived("Unit", SqlType::Varchar, 16, false),
          derived("AvailableFromVersion", SqlType::Varchar, 8, true),
          derived("AvailableAllVersionsFrom", SqlType::Date, 10, true),
          derived("RetiredFromVersion", SqlType::Varchar, 8, true),
          derived("RetiredAllVersionsFrom", SqlType::Date, 10, true),
          derived("Replacement", SqlType::Varchar, 64, true),
          derived("FacebookLoginOnly", SqlType::Bit, 1, false),
          derived("Request", SqlType::Varchar, 8, false),
          derived("LiveNow", SqlType::Bit, 1, false),
          derived("RejectedOnConnection", SqlType::Bit, 1, false),
          derived("WideColumn", SqlType::Varchar, 64, true),
      },
      {"TableName", "Metric", "MediaKind"},
      {},
      {},
      "The insight metric rules, evaluated for this connection.",
      "",
  };
}

Table sysRateLimitTable() {
  return Table{
      "sys_ratelimit",
      TableKind::SystemTable,
      Cost{"", "", "", 0, 10},
      {
          derived("Header", SqlType::Varchar, 32, false, "X-App-Usage or X-Business-Use-Case-Usage"),
          derived("ObjectId", SqlType::Varchar, 32, false,
                  "BUC: the object ID keying the header; app for X-App-Usage"),
          derived("Type", SqlType::Varchar, 32, false,
                  "BUC type (instagram, pages, ...); app for X-App-Usage"),
          derived("CallCount", SqlType::Integer, 10, true, "percent of the allowance"),
          derived("TotalCputime", SqlType::Integer, 10, true, "percent"),
          derived("TotalTime", SqlType::Integer, 10, true, "percent"),
          derived("EstimatedTimeToRegainAccess", SqlType::Integer, 10, true, "minutes; BUC only"),
          derived("ObservedAt", SqlType::Timestamp, 19, false, "when the response carrying it arrived"),
      },
      {"Header", "ObjectId", "Type"},
      {},
      {},
      "The latest usage headers seen by this driver process (shared by its connections), one row per key.",
      "",
  };
}

}  // namespace igodbc::schema
