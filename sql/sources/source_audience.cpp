// AudienceInsights: one call per (account, metric, breakdown, timeframe), batched; and
// OnlineFollowers: one call per account over the 30 days before MetricRulesDate. Accounts under 100
// followers and timeframes Instagram refuses give no rows and a warning, not a failure.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "graph/batch.h"
#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/fetch/insight_text.h"
#include "sql/fetch/paged_walk.h"
#include "sql/fetch/rule_context.h"
#include "sql/fetch/warning_tally.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

using insight::contains;
using insight::floorDay;
using insight::kDay;
using insight::mentions;
using insight::text;

// The values a =/IN filter allows among `known` (in `known` order), or `defaults` without a filter
// (opt-in values only when named).
std::vector<std::string> selected(const std::optional<std::vector<std::string>>& filter,
                                  const std::vector<std::string>& known,
                                  const std::vector<std::string>& defaults) {
  if (!filter) return defaults;
  std::vector<std::string> out;
  for (const std::string& k : known)
    if (contains(*filter, k)) out.push_back(k);
  return out;
}

bool smallAccountError(const graph::GraphError& e) {
  return (e.code == graph::codes::kPermission || e.code == graph::codes::kInvalidParameter) &&
         mentions(e.graphMessage, "followers");
}

const char kSmallAccount[] =
    "Instagram gives no follower demographics or online followers for accounts with fewer than 100 followers "
    "(code 10); no rows";

// ---- AudienceInsights ------------------------------------------------------------------------------------

// Both tables read one account at a time (one batch or one call), then hand its rows out; warnings are
// reported after each account and once more at the end.
class PerAccountScan : public RowSource {
 public:
  explicit PerAccountScan(FetchContext& ctx) : ctx_(ctx) {}
  void finish() override { reasons_.emit(ctx_); }

  bool next(Row& row, int& seq) override {
    while (index_ >= rows_.size()) {
      rows_.clear();
      index_ = 0;
      if (nextAccount_ >= accounts_.size()) {
        reasons_.emit(ctx_);
        return false;
      }
      fetch(accounts_[nextAccount_++]);
      reasons_.emit(ctx_);
    }
    row = std::move(rows_[index_].first);
    seq = rows_[index_].second;
    ++index_;
    return true;
  }

 protected:
  // Fills rows_ with the account's rows (none when it has nothing to give).
  virtual void fetch(const std::string& account) = 0;

  FetchContext& ctx_;
  std::vector<std::string> accounts_;  // set by the derived constructor; empty: nothing to read
  std::vector<std::pair<Row, int>> rows_;
  WarningTally reasons_{"account", "accounts"};

 private:
  size_t nextAccount_ = 0;
  size_t index_ = 0;
};

struct AudienceOp {
  std::string metric, breakdown, timeframe;
};

class AudienceScan : public PerAccountScan {
 public:
  explicit AudienceScan(FetchContext& ctx) : PerAccountScan(ctx) {
    static const std::vector<std::string> metrics = {"follower_demographics", "engaged_audience_demographics",
                                                     "reached_audience_demographics"};
    static const std::vector<std::string> breakdowns = {"age", "gender", "country", "city", "age,gender"};
    static const std::vector<std::string> timeframes = {"this_week",    "this_month",   "last_14_days",
                                                        "last_30_days", "last_90_days", "prev_month"};
    static const std::vector<std::string> defaultTimeframes = {"this_week", "this_month"};
    for (const std::string& m : selected(ctx.constraints.keys(ctx.column("Metric")), metrics, metrics))
      for (const std::string& b :
           selected(ctx.constraints.keys(ctx.column("Breakdown")), breakdowns, breakdowns))
        for (const std::string& t :
             selected(ctx.constraints.keys(ctx.column("Timeframe")), timeframes, defaultTimeframes))
          ops_.push_back({m, b, t});
    if (!ops_.empty()) accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
  }

 private:
  void fetch(const std::string& account) override {
    if (!plausibleId(account)) return;
    std::vector<graph::BatchOp> requests;
    for (const AudienceOp& op : ops_)
      requests.push_back({account + "/insights",
                          {{"metric", op.metric},
                           {"period", "lifetime"},
                           {"metric_type", "total_value"},
                           {"timeframe", op.timeframe},
                           {"breakdown", op.breakdown}}});
    std::vector<graph::BatchResult> results = graph::runBatch(ctx_.graph(), requests);
    bool small = false;
    for (size_t k = 0; k < ops_.size(); ++k) {
      graph::BatchResult& res = results[k];
      if (res.ok()) {
        if (!small) addRows(account, ops_[k], *res.json, res.seq);
        continue;
      }
      if (!res.error) throw graph::NetworkError("The Graph API returned an unreadable batch item");
      const graph::GraphError& e = *res.error;
      if (smallAccountError(e)) {
        small = true;  // no rows for that account, even from calls that happened to answer
        reasons_.count(kSmallAccount, account);
        continue;
      }
      if (e.code == graph::codes::kInvalidParameter &&
          (mentions(e.graphMessage, "timeframe") || mentions(e.graphMessage, "engagements"))) {
        reasons_.count("Instagram refused " + ops_[k].metric + " with timeframe " + ops_[k].timeframe +
                           " (\"" + e.graphMessage + "\"); no rows",
                       account);
        continue;
      }
      throw e;
    }
    if (small) rows_.clear();  // this account's rows only: next() cleared them before the fetch
  }

  // One row per result of the first breakdown; a timeframe key is ignored with its value.
  void addRows(const std::string& account, const AudienceOp& op, const rapidjson::Value& json, int seq) {
    const rapidjson::Value* data = dataArray(json);
    if (!data) return;
    for (const rapidjson::Value& metric : data->GetArray()) {
      if (!metric.IsObject() || text(findPath(metric, "name")) != op.metric) continue;
      const rapidjson::Value* breakdowns = findPath(metric, "total_value.breakdowns");
      if (!breakdowns || !breakdowns->IsArray() || breakdowns->Empty()) continue;
      const rapidjson::Value* keys = findPath((*breakdowns)[0], "dimension_keys");
      const rapidjson::Value* results = findPath((*breakdowns)[0], "results");
      if (!results || !results->IsArray()) continue;
      for (const rapidjson::Value& r : results->GetArray()) {
        const rapidjson::Value* vals = findPath(r, "dimension_values");
        const rapidjson::Value* value = findPath(r, "value");
        if (!value || !value->IsNumber() || !vals || !vals->IsArray()) continue;
        std::string key;
        for (rapidjson::SizeType j = 0; j < vals->Size(); ++j) {
          if (keys && keys->IsArray() && j < keys->Size() && text(&(*keys)[j]) == "timeframe") continue;
          key += (key.empty() ? "" : ",") + text(&(*vals)[j]);
        }
        Row row(ctx_.table.columns.size(), Value::null());
        auto set = [&](const char* column, Value v) {
          int i = ctx_.column(column);
          if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
        };
        set("AccountId", Value::text(account));
        set("Metric", Value::text(op.metric));
        set("Breakdown", Value::text(op.breakdown));
        set("Timeframe", Value::text(op.timeframe));
        set("Key", Value::text(key));
        set("Value", value->IsInt64() ? Value::integer(value->GetInt64())
                                      : Value::integer(static_cast<int64_t>(value->GetDouble())));
        rows_.emplace_back(std::move(row), seq);
      }
    }
  }

  std::vector<AudienceOp> ops_;
};

// ---- OnlineFollowers -------------------------------------------------------------------------------------

class OnlineFollowersScan : public PerAccountScan {
 public:
  explicit OnlineFollowersScan(FetchContext& ctx) : PerAccountScan(ctx) {
    const int64_t today = parseCanonical(ruleContext(ctx).date).value_or(0) / kDay;
    lo_ = today - 30;  // Instagram keeps the 30 days before today
    hi_ = today - 1;
    const TimeRange date = ctx.constraints.timeRange(ctx.column("Date"));
    if (date.since) lo_ = std::max(lo_, floorDay(*date.since));
    if (date.until) hi_ = std::min(hi_, floorDay(*date.until - 1));
    const TimeRange end = ctx.constraints.timeRange(ctx.column("EndTime"));
    if (end.since) lo_ = std::max(lo_, floorDay(*end.since) - 1);
    if (end.until) hi_ = std::min(hi_, floorDay(*end.until) - 1);
    if (auto keys = ctx.constraints.keys(ctx.column("Date"))) {
      int64_t klo = hi_ + 1, khi = lo_ - 1;
      for (const std::string& k : *keys)
        if (auto t = parseCanonical(k)) klo = std::min(klo, floorDay(*t)), khi = std::max(khi, floorDay(*t));
      lo_ = std::max(lo_, klo);
      hi_ = std::min(hi_, khi);
    }
    if (lo_ <= hi_ && !date.empty && !end.empty) accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
  }

 private:
  void fetch(const std::string& account) override {
    if (!plausibleId(account)) return;
    graph::Params params{{"metric", "online_followers"},
                         {"period", "lifetime"},
                         {"since", std::to_string(lo_ * kDay)},
                         {"until", std::to_string((hi_ + 1) * kDay)}};
    std::vector<graph::BatchResult> results =
        graph::runBatch(ctx_.graph(), {{account + "/insights", params}});
    graph::BatchResult& res = results[0];
    if (!res.ok()) {
      if (!res.error) throw graph::NetworkError("The Graph API returned an unreadable response");
      if (smallAccountError(*res.error)) {
        reasons_.count(kSmallAccount, account);
        return;
      }
      throw *res.error;
    }
    const rapidjson::Value* data = dataArray(*res.json);
    if (!data) return;
    for (const rapidjson::Value& metric : data->GetArray()) {
      if (!metric.IsObject() || text(findPath(metric, "name")) != "online_followers") continue;
      const rapidjson::Value* values = findPath(metric, "values");
      if (!values || !values->IsArray()) continue;
      for (const rapidjson::Value& v : values->GetArray()) {
        if (!v.IsObject()) continue;
        std::optional<int64_t> end = parseGraphTimestamp(text(findPath(v, "end_time")));
        const rapidjson::Value* hours = findPath(v, "value");
        if (!end || !hours || !hours->IsObject()) continue;  // a day without data gives no rows
        std::vector<std::pair<int, int64_t>> byHour;
        for (auto it = hours->MemberBegin(); it != hours->MemberEnd(); ++it) {
          const std::string key(it->name.GetString(), it->name.GetStringLength());
          if (key.empty() || key.size() > 2 ||
              !std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
              !it->value.IsNumber())
            continue;
          byHour.emplace_back(std::stoi(key), it->value.IsInt64()
                                                  ? it->value.GetInt64()
                                                  : static_cast<int64_t>(it->value.GetDouble()));
        }
        std::sort(byHour.begin(), byHour.end());
        for (const auto& [hour, count] : byHour) {
          Row row(ctx_.table.columns.size(), Value::null());
          row[static_cast<size_t>(ctx_.column("AccountId"))] = Value::text(account);
          row[static_cast<size_t>(ctx_.column("Date"))] = Value::text(formatDate(*end - kDay));
          row[static_cast<size_t>(ctx_.column("EndTime"))] = Value::text(formatTimestamp(*end));
          row[static_cast<size_t>(ctx_.column("Hour"))] = Value::integer(hour);
          row[static_cast<size_t>(ctx_.column("Value"))] = Value::integer(count);
          rows_.emplace_back(std::move(row), res.seq);
        }
      }
    }
  }

  int64_t lo_ = 0, hi_ = -1;
};

}  // namespace

std::unique_ptr<RowSource> openAudienceInsights(FetchContext& ctx) {
  return std::make_unique<AudienceScan>(ctx);
}

std::unique_ptr<RowSource> openOnlineFollowers(FetchContext& ctx) {
  return std::make_unique<OnlineFollowersScan>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_audience, {"AudienceInsights", &openAudienceInsights},
                   {"OnlineFollowers", &openOnlineFollowers});
