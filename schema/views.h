// The wide tables (MediaMetrics, StoryMetrics, AccountDailyMetrics), declared from the metric rules: their
// column lists and which long insight rows each metric column pivots (one metric column per rule that has a
// wide column). They are virtual tables reported as VIEW; their scans (sql/sources/source_media_metrics.cpp,
// sql/sources/source_account_daily.cpp) request only the metrics of the columns a statement uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"

namespace igodbc::schema {

Table mediaMetricsView();
Table storyMetricsView();  // views_story_account.cpp
Table accountDailyMetricsView();
// A metric column of a wide table: the long-table rows it pivots (Metric, and Breakdown/BreakdownValue for a
// breakdown column; both empty for the total row).
struct PivotColumn {
  std::string name;
  std::string metric;
  std::string breakdown;
  std::string breakdownValue;
  SqlType type = SqlType::BigInt;  // BIGINT, or DOUBLE for a percentage
};
// The metric columns of AccountDailyMetrics, in declaration order (they follow AccountId and Date).
const std::vector<PivotColumn>& accountDailyPivotColumns();
// The metric columns of StoryMetrics, in declaration order (they follow the story attributes).
const std::vector<PivotColumn>& storyPivotColumns();
// The metric columns of MediaMetrics, in declaration order (they follow the media attributes; views.cpp).
const std::vector<PivotColumn>& mediaPivotColumns();

// ---- CData compatibility, only with CDataCompat=true: views_cdata.cpp ----

// The compatibility views whose underlying objects exist, declared like any view (TableKind::View).
const std::vector<Table>& compatViews();
// The SELECT behind a compatibility view, or "" when `view` is not one.
std::string compatViewSelectSql(std::string_view view);
// Our table with CData's alias columns appended (ordinary columns copying the value of ours), or nullptr when
// the table has no aliases.
const Table* compatTable(std::string_view table);
// What the catalog lists: every declared object, with the compatibility objects in compatibility mode.
std::vector<const Table*> catalogTables(bool cdataCompat);

}  // namespace igodbc::schema
