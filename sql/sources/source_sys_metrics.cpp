// sys_metrics: the metric rules of schema/metrics.h, one row per table, metric and kind,
// evaluated for this connection. Makes no Graph call.
#include <string>

#include "sql/fetch/rule_context.h"

namespace igodbc::sql {

namespace {

using schema::MediaKind;

Value textOrNull(std::string_view s) {
  return s.empty() ? Value::null() : Value::text(std::string(s));
}

Value versionText(const schema::Rollout& r) {
  return r.version ? Value::text("v" + std::to_string(r.version) + ".0") : Value::null();
}

class SysMetrics : public RowSource {
 public:
  explicit SysMetrics(FetchContext& ctx) : ctx_(ctx) {
    const schema::RuleContext rc = ruleContext(ctx);
    const InsightMemory& memory = ctx.state.insights;
    for (const schema::MediaMetricRule& rule : schema::mediaMetricRules()) {
      for (MediaKind kind : {MediaKind::FeedImage, MediaKind::FeedVideo, MediaKind::Carousel,
                             MediaKind::Reels, MediaKind::Story}) {
        if (!(rule.kinds & schema::kindBit(kind))) continue;
        const bool story = kind == MediaKind::Story;
        const std::string_view kindName = schema::mediaKindName(kind);
        Row row = blank();
        set(row, "TableName", Value::text(story ? "StoryInsights" : "MediaInsights"));
        set(row, "Metric", Value::text(std::string(rule.name)));
        set(row, "MediaKind", Value::text(std::string(kindName)));
        set(row, "Periods", Value::text("lifetime"));
        set(row, "Breakdowns", textOrNull(rule.breakdown));
        set(row, "Unit", Value::text(std::string(rule.unit)));
        rollouts(row, rule.available, rule.retired);
        set(row, "Replacement", textOrNull(rule.replacement));
        set(row, "FacebookLoginOnly", Value::integer(rule.facebookLoginOnly));
        set(row, "Request", Value::text(std::string(schema::metricRequestName(rule.request))));
        set(row, "LiveNow", Value::integer(schema::mediaMetricLive(rule, kind, rc)));
        set(row, "RejectedOnConnection", Value::integer(memory.rejectedForKind(kindName, rule.name)));
        set(row, "WideColumn", textOrNull(story ? rule.storyColumn : rule.mediaColumn));
        rows_.push_back(std::move(row));
      }
    }
    for (const schema::AccountMetricRule& rule : schema::accountMetricRules()) {
      add(rule, rule.table, rule.periods, rule.metricTypes, rc);
      // AccountInsightTotals reads the V and B groups over a span.
      if (rule.table == "AccountInsights" && (rule.groups.find('V') != std::string_view::npos ||
                                              rule.groups.find("B-") != std::string_view::npos))
        add(rule, "AccountInsightTotals", "day", "total_value", rc);
    }
  }

  bool next(Row& row, int& seq) override {
    if (index_ >= rows_.size()) return false;
    row = rows_[index_++];
    seq = 0;
    return true;
  }

 private:
  void add(const schema::AccountMetricRule& rule, std::string_view table, std::string_view periods,
           std::string_view types, const schema::RuleContext& rc) {
    Row row = blank();
    set(row, "TableName", Value::text(std::string(table)));
    set(row, "Metric", Value::text(std::string(rule.name)));
    set(row, "MediaKind", Value::text("ACCOUNT"));
    set(row, "Periods", textOrNull(periods));
    set(row, "MetricTypes", textOrNull(types));
    set(row, "Breakdowns", textOrNull(rule.breakdowns));
    set(row, "Unit", Value::text("count"));
    rollouts(row, rule.available, rule.retired);
    set(row, "Replacement", textOrNull(rule.replacement));
    set(row, "FacebookLoginOnly", Value::integer(0));
    set(row, "Request", Value::text(std::string(schema::metricRequestName(rule.request))));
    set(row, "LiveNow", Value::integer(schema::accountMetricLive(rule, rc)));
    set(row, "RejectedOnConnection",
        Value::integer(ctx_.state.insights.rejectedForKind("ACCOUNT", rule.name)));
    set(row, "WideColumn", textOrNull(table == "AccountInsights" ? rule.wideColumn : ""));
    rows_.push_back(std::move(row));
  }

  void rollouts(Row& row, const schema::Rollout& available, const schema::Rollout& retired) const {
    set(row, "AvailableFromVersion", versionText(available));
    set(row, "AvailableAllVersionsFrom", textOrNull(available.allVersionsFrom));
    set(row, "RetiredFromVersion", versionText(retired));
    set(row, "RetiredAllVersionsFrom", textOrNull(retired.allVersionsFrom));
  }

  Row blank() const { return Row(ctx_.table.columns.size(), Value::null()); }
  void set(Row& row, const char* column, Value v) const {
    int i = ctx_.column(column);
    if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
  }

  FetchContext& ctx_;
  std::vector<Row> rows_;
  size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> openSysMetrics(FetchContext& ctx) {
  return std::make_unique<SysMetrics>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_sys_metrics, {"sys_metrics", &openSysMetrics});
