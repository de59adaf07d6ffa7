// MediaInsights and StoryInsights: media from a walk (one page at a time) or a
// kind lookup by MediaId, then per media the insight calls its kind allows, batched across the page. Metrics
// Instagram refuses are dropped and remembered for the connection; the rest is asked again.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "graph/batch.h"
#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/fetch/id_lookup.h"
#include "sql/fetch/insight_text.h"
#include "sql/fetch/paged_walk.h"
#include "sql/fetch/rule_context.h"
#include "sql/fetch/warning_tally.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

using insight::text;
using insight::upper;

using schema::MediaKind;
using schema::MediaMetricRule;

constexpr int kEdgeMax = 100;

struct MediaItem {
  std::string id, account, mediaType, productType, timestamp;
  MediaKind kind = MediaKind::Other;
};

enum class CallType { Main, Breakdown, OptIn };

struct InsightOp {
  size_t media = 0;
  CallType type = CallType::Main;
  std::vector<std::string> metrics;
  std::string breakdown;
};

// One produced row with what orders it: rule order, total before breakdown rows.
struct PendingRow {
  size_t rule = 0;
  bool breakdown = false;
  Row row;
  int seq = 0;
};

size_t ruleIndex(std::string_view name) {
  const auto& rules = schema::mediaMetricRules();
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].name == name) return i;
  return rules.size();
}

// The output columns, resolved once per scan: MediaInsights and StoryInsights declare the same twelve.
struct InsightColumns {
  size_t account, media, mediaType, productType, timestamp, metric, period, breakdown, breakdownValue, value,
      title, description;
};

InsightColumns insightColumns(const FetchContext& ctx) {
  auto at = [&](const char* name) {
    const int i = ctx.column(name);
    if (i < 0)
      throw EngineError(
          {"HY000", 0,
           prefixed("Internal error: " + std::string(ctx.table.name) + " declares no column " + name)});
    return static_cast<size_t>(i);
  };
  return {at("AccountId"),      at("MediaId"), at("MediaType"), at("MediaProductType"),
          at("MediaTimestamp"), at("Metric"),  at("Period"),    at("Breakdown"),
          at("BreakdownValue"), at("Value"),   at("Title"),     at("Description")};
}

class InsightScan : public RowSource {
 public:
  InsightScan(FetchContext& ctx, bool stories)
      : ctx_(ctx),
        stories_(stories),
        rules_(ruleContext(ctx)),
        memory_(ctx.state.insights),
        out_(insightColumns(ctx)) {
    readFilters();
    const int tsCol = ctx.column("MediaTimestamp");
    range_ = ctx.constraints.timeRange(tsCol);
    needTimestamp_ = columnUsed(ctx.plan.colUsed, static_cast<size_t>(tsCol)) || range_.since || range_.until;
    if (const MediaMetricRule* imp = schema::findMediaMetric("impressions"))
      for (MediaKind k : {MediaKind::FeedImage, MediaKind::Story})
        if (schema::mediaMetricLive(*imp, k, rules_)) needTimestamp_ = true;
    if (auto ids = ctx.constraints.keys(ctx.column("MediaId"))) {
      lookupIds_ = std::move(*ids);
      lookup_ = true;
    } else if (!range_.empty) {
      accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
    }
  }

  void finish() override { emitWarnings(); }

  bool next(Row& row, int& seq) override {
    while (index_ >= rows_.size()) {
      rows_.clear();
      index_ = 0;
      std::vector<MediaItem> group;
      if (!(lookup_ ? lookupGroup(group) : walkGroup(group))) {
        emitWarnings();
        return false;
      }
      fetchInsights(group);
      // Warnings must reach the application with the rows: drivers surface them at execute/fetch time.
      if (!ctx_.warnAtEndOnly) emitWarnings();
    }
    row = std::move(rows_[index_].row);
    seq = rows_[index_].seq;
    ++index_;
    return true;
  }

 private:
  // ---- what the statement asks for -------------------------------------------------------------------
  void readFilters() {
    metrics_ = ctx_.constraints.keys(ctx_.column("Metric"));
    mediaTypes_ = ctx_.constraints.keys(ctx_.column("MediaType"));
    productTypes_ = ctx_.constraints.keys(ctx_.column("MediaProductType"));
    const int bd = ctx_.column("Breakdown");
    for (const BoundTerm& t : ctx_.constraints.terms()) {
      if (t.column != bd) continue;
      if (t.op == PlanOp::IsNull) noBreakdowns_ = true;
      if (t.op == PlanOp::IsNotNull) totals_ = false;
    }
    breakdowns_ = ctx_.constraints.keys(bd);
    if (breakdowns_) totals_ = false;  // a Breakdown = … filter excludes total rows (Breakdown NULL)
  }

  bool metricWanted(std::string_view m) const {
    return !metrics_ || std::find(metrics_->begin(), metrics_->end(), m) != metrics_->end();
  }
  bool breakdownWanted(std::string_view b) const {
    return !noBreakdowns_ &&
           (!breakdowns_ || std::find(breakdowns_->begin(), breakdowns_->end(), b) != breakdowns_->end());
  }
  static bool allowed(const std::optional<std::vector<std::string>>& keys, const std::string& v) {
    return !keys || std::find(keys->begin(), keys->end(), v) != keys->end();
  }
  bool wantedMedia(const MediaItem& m) const {
    if (stories_ ? m.kind != MediaKind::Story : (m.kind == MediaKind::Story || m.kind == MediaKind::Other))
      return false;
    return allowed(mediaTypes_, m.mediaType) && allowed(productTypes_, m.productType);
  }

  // ---- media -----------------------------------------------------------------------------------------
  std::string kindFields() const {
    FieldList f{"id", "media_type", "media_product_type"};
    if (needTimestamp_) f.add("timestamp");
    return f.str();
  }

  MediaItem itemFrom(const rapidjson::Value& m, const std::string& account) {
    MediaItem item;
    item.id = text(findPath(m, "id"));
    item.account = account.empty() ? text(findPath(m, "owner.id")) : account;
    item.mediaType = text(findPath(m, "media_type"));
    item.productType = text(findPath(m, "media_product_type"));
    Value ts = jsonToValue(findPath(m, "timestamp"), schema::SqlType::Timestamp, false);
    if (ts.type == Value::Type::Text) item.timestamp = ts.s;
    item.kind = schema::mediaKindOf(item.mediaType, item.productType);
    if (stories_ && item.productType.empty()) item.kind = MediaKind::Story;
    memory_.kinds[item.id] = MediaKindInfo{item.mediaType, item.productType, item.account, item.timestamp};
    return item;
  }

  // All MediaId values at once: the media-kind cache, else GET /{id} (or ?ids=) for the kinds.
  bool lookupGroup(std::vector<MediaItem>& group) {
    if (lookupDone_) return false;
    lookupDone_ = true;
    std::vector<std::string> unknown;
    for (const std::string& id : lookupIds_) {
      auto it = memory_.kinds.find(id);
      if (it == memory_.kinds.end() || it->second.owner.empty() ||
          (needTimestamp_ && it->second.timestamp.empty()))
        unknown.push_back(id);
    }
    if (!unknown.empty()) {
      IdLookup lookup(ctx_, unknown,
                      FieldList{"id", "media_type", "media_product_type", "owner"}.str() +
                          (needTimestamp_ ? ",timestamp" : ""),
                      stories_ ? nullptr : &ctx_.state.listedMedia);
      std::string id;
      while (const rapidjson::Value* m = lookup.next(id)) itemFrom(*m, "");
    }
    const std::vector<std::string> scope = accountScope(ctx_);
    for (const std::string& id : lookupIds_) {
      auto it = memory_.kinds.find(id);
      if (it == memory_.kinds.end() || !inScope(scope, it->second.owner)) continue;  // P1
      MediaItem item{id,
                     it->second.owner,
                     it->second.mediaType,
                     it->second.productType,
                     it->second.timestamp,
                     schema::mediaKindOf(it->second.mediaType, it->second.productType)};
      if (wantedMedia(item)) group.push_back(std::move(item));
    }
    return true;  // an empty group ends the scan on the next call
  }

  // One page of the walk: GET /{ig}/media (or /stories)?fields=id,media_type,media_product_type[,timestamp].
  bool walkGroup(std::vector<MediaItem>& group) {
    for (;;) {
      if (!walk_) {
        if (nextAccount_ >= accounts_.size()) return !group.empty();
        account_ = accounts_[nextAccount_++];
        graph::Params params{{"fields", kindFields()}};
        if (!stories_ && range_.since) params.emplace_back("since", std::to_string(*range_.since));
        if (!stories_ && range_.until) params.emplace_back("until", std::to_string(*range_.until));
        params.emplace_back("limit", std::to_string(ctx_.pageSize(kEdgeMax)));
        walk_ = std::make_unique<PagedWalk>(ctx_.graph(), account_ + (stories_ ? "/stories" : "/media"),
                                            std::move(params));
        // A LIMIT counts insight rows, not media: read ahead only when there is none.
        if (!ctx_.constraints.limitHint()) walk_->readAhead(std::nullopt);
      }
      const rapidjson::Value* m = walk_->next();
      if (!m) {
        walk_.reset();
        if (!group.empty()) return true;
        continue;
      }
      MediaItem item = itemFrom(*m, account_);
      if (wantedMedia(item)) group.push_back(std::move(item));
      if (walk_->pageDone() && !group.empty()) return true;
    }
  }

  // ---- insight calls -----------------------------------------------------------------------------------
  std::vector<InsightOp> plan(const std::vector<MediaItem>& group) const {
    std::vector<InsightOp> ops;
    for (size_t i = 0; i < group.size(); ++i) {
      const MediaItem& m = group[i];
      const std::string_view kind = schema::mediaKindName(m.kind);
      InsightOp main{i, CallType::Main, {}, ""};
      std::vector<InsightOp> extra;
      for (const MediaMetricRule& r : schema::mediaMetricRules()) {
        if (!schema::mediaMetricLiveFor(r, m.kind, rules_, m.timestamp) || !metricWanted(r.name)) continue;
        const std::string name(r.name);
        if (r.request == schema::MetricRequest::OptIn) {
          if (metrics_) extra.push_back({i, CallType::OptIn, {name}, ""});  // only when named (opt-in)
          continue;
        }
        if (totals_ && !memory_.isRejected(kind, "main", name)) main.metrics.push_back(name);
        if (!r.breakdown.empty() && breakdownWanted(r.breakdown) &&
            !memory_.isRejected(kind, r.breakdown, name))
          extra.push_back({i, CallType::Breakdown, {name}, std::string(r.breakdown)});
      }
      if (!main.metrics.empty()) ops.push_back(std::move(main));
      for (InsightOp& op : extra) ops.push_back(std::move(op));
    }
    return ops;
  }

  static graph::BatchOp request(const MediaItem& m, const InsightOp& op) {
    std::string list;
    for (const std::string& name : op.metrics) list += (list.empty() ? "" : ",") + name;
    graph::Params params{{"metric", list}};
    if (!op.breakdown.empty()) params.emplace_back("breakdown", op.breakdown);
    return {m.id + "/insights", std::move(params)};
  }

  void fetchInsights(const std::vector<MediaItem>& group) {
    std::vector<std::vector<PendingRow>> perMedia(group.size());
    std::vector<char> skipped(group.size(), 0);
    std::vector<InsightOp> pending = plan(group);
    for (const MediaItem& m : group)
      if (!plausibleId(m.id))
        throw EngineError({"HY000", 0, prefixed("Instagram returned an invalid media ID")});
    while (!pending.empty()) {
      std::vector<graph::BatchOp> requests;
      requests.reserve(pending.size());
      for (const InsightOp& op : pending) requests.push_back(request(group[op.media], op));
      std::vector<graph::BatchResult> results = graph::runBatch(ctx_.graph(), requests);
      std::vector<InsightOp> retry;
      for (size_t k = 0; k < pending.size(); ++k) {
        const InsightOp& op = pending[k];
        if (skipped[op.media]) continue;
        graph::BatchResult& res = results[k];
        if (res.ok()) {
          addRows(group[op.media], op, *res.json, res.seq, perMedia[op.media]);
          continue;
        }
        if (!res.error) throw graph::NetworkError("The Graph API returned an unreadable batch item");
        bool skip = false;
        absorb(group[op.media], op, *res.error, retry, skip);
        if (skip) skipped[op.media] = 1;
      }
      pending = std::move(retry);
    }
    for (size_t i = 0; i < group.size(); ++i) {
      if (skipped[i]) continue;
      std::stable_sort(perMedia[i].begin(), perMedia[i].end(), [](const PendingRow& a, const PendingRow& b) {
        return a.rule != b.rule ? a.rule < b.rule : (!a.breakdown && b.breakdown);
      });
      for (PendingRow& r : perMedia[i]) rows_.push_back(std::move(r));
    }
  }

  // What a failed insights operation turns into. Throws for everything that must fail the statement.
  void absorb(const MediaItem& m, const InsightOp& op, const graph::GraphError& e,
              std::vector<InsightOp>& retry, bool& skipMedia) {
    const std::string_view kind = schema::mediaKindName(m.kind);
    if (e.subcode == graph::codes::kBeforeBusinessAccount) {
      skipMedia = true;
      count(
          "Instagram keeps no insights for media posted before the account became a business account "
          "(error 100/2108006); no insight rows",
          m.id);
      return;
    }
    if (e.code == graph::codes::kPermission &&
        e.graphMessage.find(graph::codes::kNotEnoughViewers) != std::string::npos) {
      skipMedia = true;
      count("Instagram shows no insights for stories with fewer than 5 viewers (code 10); no insight rows",
            m.id);
      return;
    }
    if (op.type == CallType::OptIn) {
      count("Opt-in metric " + op.metrics[0] + " has no value (Instagram said \"" + e.graphMessage + "\")",
            m.id);
      return;
    }
    if (e.code != graph::codes::kInvalidParameter && e.code != graph::codes::kUnknown) throw e;
    std::vector<std::string> named = rejectedMetrics(e.graphMessage, op.metrics);
    if (named.empty() && op.metrics.size() > 1) {  // names no metric: ask each one alone
      for (const std::string& name : op.metrics) retry.push_back({op.media, op.type, {name}, op.breakdown});
      return;
    }
    if (named.empty()) named = op.metrics;
    const std::string call = op.type == CallType::Main ? "main" : op.breakdown;
    InsightOp rest{op.media, op.type, {}, op.breakdown};
    for (const std::string& name : op.metrics) {
      if (std::find(named.begin(), named.end(), name) == named.end()) {
        rest.metrics.push_back(name);
        continue;
      }
      memory_.rejected.insert(InsightMemory::key(kind, call, name));
      count("Instagram rejected metric " + name +
                (op.breakdown.empty() ? "" : " with breakdown " + op.breakdown) + " for " +
                std::string(kind) + " media (\"" + e.graphMessage +
                "\"); it is left out for the rest of this connection",
            m.id);
    }
    if (!rest.metrics.empty()) retry.push_back(std::move(rest));
  }

  // The rows of one successful answer. Breakdown calls give only breakdown rows; the main call and
  // opt-in calls give total rows.
  void addRows(const MediaItem& m, const InsightOp& op, const rapidjson::Value& json, int seq,
               std::vector<PendingRow>& out) const {
    const rapidjson::Value* data = dataArray(json);
    if (!data) return;
    for (const rapidjson::Value& metric : data->GetArray()) {
      if (!metric.IsObject()) continue;
      const std::string name = text(findPath(metric, "name"));
      if (name.empty() || std::find(op.metrics.begin(), op.metrics.end(), name) == op.metrics.end()) continue;
      const size_t rule = ruleIndex(name);
      if (op.type != CallType::Breakdown) {
        const rapidjson::Value* value = nullptr;
        const rapidjson::Value* values = findPath(metric, "values");
        if (values && values->IsArray() && !values->Empty() && (*values)[0].IsObject())
          value = findPath((*values)[0], "value");
        else
          value = findPath(metric, "total_value.value");
        if (!value || !value->IsNumber()) continue;
        out.push_back({rule, false, makeRow(m, metric, {}, {}, value->GetDouble()), seq});
        continue;
      }
      const rapidjson::Value* breakdowns = findPath(metric, "total_value.breakdowns");
      if (!breakdowns || !breakdowns->IsArray() || breakdowns->Empty()) continue;
      const rapidjson::Value* results = findPath((*breakdowns)[0], "results");
      if (!results || !results->IsArray()) continue;
      for (const rapidjson::Value& r : results->GetArray()) {
        const rapidjson::Value* keys = findPath(r, "dimension_keys");
        const rapidjson::Value* vals = findPath(r, "dimension_values");
        const rapidjson::Value* value = findPath(r, "value");
        if (!value || !value->IsNumber() || !vals || !vals->IsArray()) continue;
        std::string bk, bv;
        for (rapidjson::SizeType j = 0; j < vals->Size(); ++j) {
          std::string key = keys && keys->IsArray() && j < keys->Size() ? text(&(*keys)[j]) : op.breakdown;
          if (key == "timeframe") continue;  // ignored with its value
          bk += (bk.empty() ? "" : ",") + key;
          bv += (bv.empty() ? "" : ",") + upper(text(&(*vals)[j]));
        }
        out.push_back({rule, true, makeRow(m, metric, bk, bv, value->GetDouble()), seq});
      }
    }
  }

  Row makeRow(const MediaItem& m, const rapidjson::Value& metric, const std::string& breakdown,
              const std::string& breakdownValue, double value) const {
    Row row(ctx_.table.columns.size(), Value::null());
    auto textOrNull = [](const std::string& s) { return s.empty() ? Value::null() : Value::text(s); };
    row[out_.account] = Value::text(m.account);
    row[out_.media] = Value::text(m.id);
    row[out_.mediaType] = textOrNull(m.mediaType);
    row[out_.productType] = textOrNull(m.productType);
    row[out_.timestamp] = textOrNull(m.timestamp);
    row[out_.metric] = Value::text(text(findPath(metric, "name")));
    std::string period = text(findPath(metric, "period"));
    row[out_.period] = Value::text(period.empty() ? "lifetime" : period);
    row[out_.breakdown] = textOrNull(breakdown);
    row[out_.breakdownValue] = textOrNull(breakdownValue);
    row[out_.value] = Value::real(value);
    row[out_.title] = textOrNull(text(findPath(metric, "title")));
    row[out_.description] = textOrNull(text(findPath(metric, "description")));
    return row;
  }

  // ---- warnings: one per reason per statement, with the number of media ------------------------------
  void count(const std::string& reason, const std::string& mediaId) { reasons_.count(reason, mediaId); }

  // Each reason is reported when first seen (with the rows of that page) and again at the end of the scan
  // only if later pages added media to it.
  void emitWarnings() { reasons_.emit(ctx_); }

  FetchContext& ctx_;
  const bool stories_;
  const schema::RuleContext rules_;
  InsightMemory& memory_;
  const InsightColumns out_;

  std::optional<std::vector<std::string>> metrics_, mediaTypes_, productTypes_, breakdowns_;
  bool noBreakdowns_ = false;
  bool totals_ = true;
  bool needTimestamp_ = false;
  TimeRange range_;

  bool lookup_ = false;
  bool lookupDone_ = false;
  std::vector<std::string> lookupIds_;

  std::vector<std::string> accounts_;
  size_t nextAccount_ = 0;
  std::string account_;
  std::unique_ptr<PagedWalk> walk_;

  std::vector<PendingRow> rows_;
  size_t index_ = 0;
  WarningTally reasons_{"media", "media"};
};

}  // namespace

std::unique_ptr<RowSource> openMediaInsights(FetchContext& ctx) {
  return std::make_unique<InsightScan>(ctx, false);
}

std::unique_ptr<RowSource> openStoryInsights(FetchContext& ctx) {
  return std::make_unique<InsightScan>(ctx, true);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_media_insights, {"MediaInsights", &openMediaInsights},
                   {"StoryInsights", &openStoryInsights});
