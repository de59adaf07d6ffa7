// MediaMetrics and StoryMetrics: one row per Media / Stories row with its metrics as
// columns. The MediaInsights / StoryInsights scan runs only for the metrics of the metric columns the
// statement uses (SQLite's colUsed), without the breakdown call unless a breakdown column is used and with
// the opt-in calls only when an opt-in column is used; a statement that uses no metric column makes no
// insight call. MediaId, AccountId and Timestamp constraints reach both scans. The insight rows are pivoted
// before the first row, as the former GROUP BY view did, and the attribute rows are streamed with them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "schema/metrics.h"
#include "schema/views.h"
#include "sql/fetch/pivot_cells.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/fields.h"

namespace igodbc::sql {

namespace {

// One inner scan: a table's fetch strategy fed with constraints translated from the wide table's.
struct InnerScan {
  Plan plan;
  Constraints constraints;
  std::unique_ptr<FetchContext> ctx;
  std::unique_ptr<RowSource> source;  // last: it keeps references to the members above
};

// What differs between the two wide media tables.
struct WideMedia {
  const char* attributesTable;  // Media, Stories
  const char* insightsTable;    // MediaInsights, StoryInsights
  const std::vector<schema::PivotColumn>& pivot;
  std::vector<const char*> attributes;  // wide columns copied from the attribute row (MediaId from Id)
};

class WideMediaScan : public RowSource {
 public:
  WideMediaScan(FetchContext& ctx, const WideMedia& wide) : ctx_(ctx) {
    const schema::Table* attributes = schema::findTable(wide.attributesTable);
    const schema::Table* insights = schema::findTable(wide.insightsTable);
    if (!attributes || !insights)
      throw EngineError({"HY000", 0,
                         prefixed("Internal error: the tables behind " + std::string(ctx.table.name) +
                                  " are not declared")});
    const int mediaCol = ctx.column("MediaId"), accountCol = ctx.column("AccountId"),
              timeCol = ctx.column("Timestamp");

    // Which metrics the used columns need. An opt-in column adds its metric, so the insight scan makes its
    // one opt-in call per media whose kind allows it; an error leaves the cell NULL with a warning.
    std::set<std::string> metrics;
    bool breakdownUsed = false, totalUsed = false;
    for (const schema::PivotColumn& c : wide.pivot) {
      const int column = ctx.column(c.name.c_str());
      if (column < 0) continue;
      columnOf_[{c.metric, c.breakdown, c.breakdownValue}] = {column, c.type == schema::SqlType::Double};
      const schema::MediaMetricRule* rule = schema::findMediaMetric(c.metric);
      if (!rule || !columnUsed(ctx.plan.colUsed, static_cast<size_t>(column))) continue;
      metrics.insert(c.metric);
      (c.breakdown.empty() ? totalUsed : breakdownUsed) = true;
    }

    // The attribute rows: MediaId becomes Id, the other constraints keep their column.
    for (const char* name : wide.attributes) {
      const int from = schema::columnIndex(*attributes, std::string_view(name) == "MediaId" ? "Id" : name);
      const int to = ctx.column(name);
      if (from >= 0 && to >= 0) attributes_.emplace_back(from, to);
    }
    uint64_t attributeColumns = 0;  // fields= of the attribute walk: the attributes only
    for (const auto& [from, to] : attributes_) attributeColumns |= uint64_t{1} << std::min(from, 63);
    open(attributeScan_, *attributes, {{mediaCol, "Id"}, {accountCol, "AccountId"}, {timeCol, "Timestamp"}},
         {}, attributeColumns);
    if (metrics.empty()) return;  // no metric column: no insight call

    std::vector<BoundTerm> extra;
    BoundTerm metric{schema::columnIndex(*insights, "Metric"), PlanOp::In, false, {}};
    for (const std::string& m : metrics) metric.values.push_back(Value::text(m));
    extra.push_back(std::move(metric));
    // Breakdown IS NULL: no breakdown call; IS NOT NULL: no main call.
    if (!breakdownUsed || !totalUsed)
      extra.push_back({schema::columnIndex(*insights, "Breakdown"),
                       breakdownUsed ? PlanOp::IsNotNull : PlanOp::IsNull,
                       false,
                       {}});
    InnerScan scan;
    open(scan, *insights, {{mediaCol, "MediaId"}, {accountCol, "AccountId"}, {timeCol, "MediaTimestamp"}},
         std::move(extra), ~uint64_t{0});
    pivot(scan, *insights);
    if (scan.source) scan.source->finish();
  }

  void finish() override {
    if (attributeScan_.source) attributeScan_.source->finish();
  }

  bool next(Row& row, int& seq) override {
    Row attribute;
    if (!attributeScan_.source || !attributeScan_.source->next(attribute, seq)) return false;
    row.assign(ctx_.table.columns.size(), Value::null());
    for (const auto& [from, to] : attributes_)
      row[static_cast<size_t>(to)] = attribute[static_cast<size_t>(from)];
    const int idCol = ctx_.column("MediaId");
    if (idCol >= 0)
      if (auto it = values_.find(pivotText(row[static_cast<size_t>(idCol)])); it != values_.end())
        for (const auto& [column, value] : it->second) row[static_cast<size_t>(column)] = value;
    return true;
  }

 private:
  // Sets up `scan` over `table` with the wide table's constraints on the mapped columns, plus `extra`.
  void open(InnerScan& scan, const schema::Table& table,
            const std::vector<std::pair<int, const char*>>& mapped, std::vector<BoundTerm> extra,
            uint64_t colUsed) {
    std::vector<BoundTerm> terms;
    for (const BoundTerm& t : ctx_.constraints.terms())
      for (const auto& [from, to] : mapped)
        if (t.column == from && from >= 0) {
          BoundTerm inner = t;
          inner.column = schema::columnIndex(table, to);
          terms.push_back(std::move(inner));
        }
    for (BoundTerm& t : extra) terms.push_back(std::move(t));
    scan.constraints = Constraints(&table, std::move(terms), std::nullopt, std::nullopt);
    scan.plan.colUsed = colUsed;
    scan.ctx.reset(new FetchContext{ctx_.state, table, scan.plan, scan.constraints, ctx_.options});
    scan.ctx->warnAtEndOnly = true;       // pivot() reads the insight scan to its end before the first row
    scan.source = openSource(*scan.ctx);  // the row source registered for `table`
  }

  // Every insight row into its media's metric column; max() of duplicates, as the GROUP BY pivot took.
  void pivot(InnerScan& scan, const schema::Table& insights) {
    const int media = schema::columnIndex(insights, "MediaId"),
              metric = schema::columnIndex(insights, "Metric"),
              breakdown = schema::columnIndex(insights, "Breakdown"),
              value = schema::columnIndex(insights, "BreakdownValue"),
              amount = schema::columnIndex(insights, "Value");
    Row r;
    int seq = 0;
    std::map<int, int> rowsOf;  // insight rows per response, for sys_requests.Rows (no cursor counts them)
    while (scan.source->next(r, seq)) {
      if (!scan.constraints.matches(r)) continue;
      if (seq > 0) ++rowsOf[seq];
      const Value& v = r[static_cast<size_t>(amount)];
      if (v.type != Value::Type::Real || !std::isfinite(v.r)) continue;
      auto it = columnOf_.find({pivotText(r[static_cast<size_t>(metric)]),
                                pivotText(r[static_cast<size_t>(breakdown)]),
                                pivotText(r[static_cast<size_t>(value)])});
      if (it == columnOf_.end()) continue;
      Value& cell = values_[pivotText(r[static_cast<size_t>(media)])][it->second.first];
      if (it->second.second) {  // DOUBLE column: CAST(… AS REAL)
        if (cell.isNull() || v.r > cell.r) cell = Value::real(v.r);
        continue;
      }
      const int64_t n = pivotInteger(v.r);
      if (cell.isNull() || n > cell.i) cell = Value::integer(n);
    }
    if (graph::Client* g = ctx_.state.engine.graph())
      for (const auto& [response, rows] : rowsOf) g->log().addRows(response, rows);
  }

  FetchContext& ctx_;
  std::map<PivotKey, std::pair<int, bool>> columnOf_;   // -> wide column, whether it is DOUBLE
  std::vector<std::pair<int, int>> attributes_;         // attribute table column -> wide column
  std::map<std::string, std::map<int, Value>> values_;  // MediaId -> metric column -> value
  InnerScan attributeScan_;
};

}  // namespace

std::unique_ptr<RowSource> openMediaMetrics(FetchContext& ctx) {
  static const WideMedia media{
      "Media",
      "MediaInsights",
      schema::mediaPivotColumns(),
      {"MediaId", "AccountId", "MediaType", "MediaProductType", "Timestamp", "Permalink", "Caption"}};
  return std::make_unique<WideMediaScan>(ctx, media);
}

std::unique_ptr<RowSource> openStoryMetrics(FetchContext& ctx) {
  static const WideMedia stories{"Stories",
                                 "StoryInsights",
                                 schema::storyPivotColumns(),
                                 {"MediaId", "AccountId", "MediaType", "Timestamp", "Permalink"}};
  return std::make_unique<WideMediaScan>(ctx, stories);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_media_metrics, {"MediaMetrics", &openMediaMetrics},
                   {"StoryMetrics", &openStoryMetrics});
