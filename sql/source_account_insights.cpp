// AccountInsights and AccountInsightTotals: the account call groups of schema/metrics.h (T time series over
// windows of at most 30 days; V and the B breakdown groups per day, or over the span for totals), batched,
// one chunk of days at a time and newest first, so LIMIT stays cheap. Rejected metrics are dropped with a
// warning; the small-account and two-year-history answers are warnings or the end of the walk, not failures.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "graph/batch.h"
#include "graph/error_codes.h"
#include "sql/account_insight_scan.h"
#include "sql/error_mapping.h"
#include "sql/insight_text.h"
#include "sql/paged_walk.h"
#include "sql/row_mapper.h"
#include "sql/rule_context.h"
#include "sql/scope.h"
#include "sql/timeparse.h"

namespace igodbc::sql {

namespace {

using insight::contains;
using insight::floorDay;
using insight::kDay;
using insight::mentions;
using insight::text;
using insight::upper;

using schema::AccountMetricRule;

constexpr int64_t kHistoryDays = 729;  // Instagram keeps about two years
constexpr int64_t kMaxWindowDays = 30;
constexpr int64_t kChunkOperations = 8 * static_cast<int64_t>(graph::kMaxBatchOps);

// A call group of the account metric rules (schema/metrics.h).
struct Group {
  const char* name;       // T, T-week, T-28, V, B-mpt, B-follow, B-contact
  const char* period;     // period=
  bool series;            // metric_type=time_series (else total_value)
  const char* breakdown;  // breakdown= ("" for none)
};

constexpr Group kGroups[] = {
    {"T", "day", true, ""},
    {"T-week", "week", true, ""},
    {"T-28", "days_28", true, ""},
    {"V", "day", false, ""},
    {"B-mpt", "day", false, "media_product_type"},
    {"B-follow", "day", false, "follow_type"},
    {"B-contact", "day", false, "contact_button_type"},
};

bool inGroup(const AccountMetricRule& r, std::string_view group) {
  std::string_view g = r.groups;
  while (!g.empty()) {
    size_t p = g.find(',');
    if (g.substr(0, p) == group) return true;
    if (p == std::string_view::npos) break;
    g.remove_prefix(p + 1);
  }
  return false;
}

size_t ruleIndex(std::string_view name) {
  const auto& rules = schema::accountMetricRules();
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].name == name) return i;
  return rules.size();
}

// One insights operation: a group's metrics over [since, until) (Unix seconds, whole UTC days).
struct Op {
  const Group* group = nullptr;
  std::vector<std::string> metrics;
  int64_t since = 0, until = 0;
};

struct PendingRow {
  int64_t day = 0;
  size_t rule = 0;
  bool breakdown = false;
  Row row;
  int seq = 0;
};

class AccountInsightScan : public RowSource {
 public:
  AccountInsightScan(FetchContext& ctx, bool totals, std::optional<AccountGroupMetrics> only = std::nullopt)
      : ctx_(ctx),
        totals_(totals),
        rules_(ruleContext(ctx)),
        memory_(ctx.state.insights),
        only_(std::move(only)) {
    today_ = parseCanonical(rules_.date).value_or(0) / kDay;
    readFilters();
    if (totals_)
      readSpan();
    else
      readDays();
    if (!empty_) accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
    warnNotLive();
  }

  void finish() override { emitWarnings(); }

  bool next(Row& row, int& seq) override {
    while (index_ >= rows_.size()) {
      rows_.clear();
      index_ = 0;
      if (!nextChunk()) {
        emitWarnings();
        return false;
      }
      emitWarnings();  // warnings reach the application with the rows of the chunk
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
    const int bd = ctx_.column("Breakdown");
    for (const BoundTerm& t : ctx_.constraints.terms()) {
      if (t.column != bd) continue;
      if (t.op == PlanOp::IsNull) noBreakdowns_ = true;
      if (t.op == PlanOp::IsNotNull) wantTotals_ = false;
    }
    breakdowns_ = ctx_.constraints.keys(bd);
    if (breakdowns_) wantTotals_ = false;  // Breakdown = … excludes the total rows (Breakdown NULL)
    if (!totals_) {
      periods_ = ctx_.constraints.keys(ctx_.column("Period"));
      if (auto types = ctx_.constraints.keys(ctx_.column("MetricType"))) {
        wantSeries_ = contains(*types, "time_series");
        wantTotalValue_ = contains(*types, "total_value");
      }
    }
  }

  bool metricWanted(std::string_view m) const { return !metrics_ || contains(*metrics_, m); }
  bool breakdownWanted(std::string_view b) const {
    return !noBreakdowns_ && (!breakdowns_ || contains(*breakdowns_, b));
  }
  bool periodWanted(std::string_view p) const {
    return periods_ ? contains(*periods_, p) : p == "day";  // week/days_28 are opt-in
  }

  // A Metric filter naming a retired or not-yet-available account metric: no rows, and say why.
  void warnNotLive() {
    if (!metrics_) return;
    for (const AccountMetricRule& r : schema::accountMetricRules()) {
      if (r.table != "AccountInsights" || !contains(*metrics_, r.name) ||
          schema::accountMetricLive(r, rules_))
        continue;
      std::string why = !r.retired.never() && r.retired.reached(rules_.versionMajor, rules_.date)
                            ? "was retired by Instagram"
                            : "is not available yet";
      ctx_.warn("Account metric " + std::string(r.name) + " " + why + " (Version v" +
                std::to_string(rules_.versionMajor) + ".0, MetricRulesDate " + rules_.date + ")" +
                (r.replacement.empty() ? "" : "; use " + std::string(r.replacement) + " instead") +
                "; no rows");
    }
  }

  // AccountInsights: the days to visit, from Date (=, IN, ranges) and EndTime ranges (EndTime - 24 h).
  void readDays() {
    lo_ = today_ - kHistoryDays;
    hi_ = today_;
    const TimeRange date = ctx_.constraints.timeRange(ctx_.column("Date"));
    if (date.since) lo_ = std::max(lo_, floorDay(*date.since)), hasLower_ = true;
    if (date.until) hi_ = std::min(hi_, floorDay(*date.until - 1));
    const TimeRange end = ctx_.constraints.timeRange(ctx_.column("EndTime"));
    // A day D carries EndTime in [D+1 00:00, D+2 00:00): loose bounds, the cursor re-checks.
    if (end.since) lo_ = std::max(lo_, floorDay(*end.since) - 1), hasLower_ = true;
    if (end.until) hi_ = std::min(hi_, floorDay(*end.until) - 1);
    if (auto keys = ctx_.constraints.keys(ctx_.column("Date"))) {
      std::set<int64_t, std::greater<int64_t>> days;
      for (const std::string& k : *keys)
        if (auto t = parseCanonical(k); t && floorDay(*t) >= lo_ && floorDay(*t) <= hi_)
          days.insert(floorDay(*t));
      explicitDays_.assign(days.begin(), days.end());
      explicit_ = true;
      empty_ = explicitDays_.empty();
    }
    empty_ = empty_ || date.empty || end.empty || lo_ > hi_;
    cursor_ = hi_;
  }

  // AccountInsightTotals: StartDate/EndDate are parameters (only = reaches here), 30 days at most.
  void readSpan() {
    auto one = [&](const char* column) -> std::optional<int64_t> {
      auto keys = ctx_.constraints.keys(ctx_.column(column));
      if (!keys) return std::nullopt;
      if (keys->size() != 1 || !parseCanonical((*keys)[0])) {
        empty_ = true;  // contradictory or non-date values match no row
        return std::nullopt;
      }
      return floorDay(*parseCanonical((*keys)[0]));
    };
    std::optional<int64_t> start = one("StartDate"), end = one("EndDate");
    if (empty_) return;
    const int64_t yesterday = today_ - 1;
    if (!start && !end) {
      end = yesterday;
      start = yesterday - (kMaxWindowDays - 1);
    } else if (!end) {
      end = std::min(*start + kMaxWindowDays - 1, yesterday);
    } else if (!start) {
      start = *end - (kMaxWindowDays - 1);
    }
    const int64_t span = *end - *start + 1;
    if (span < 1)
      throw EngineError({"22023", 0,
                         prefixed("AccountInsightTotals.EndDate: EndDate is before StartDate; the span must "
                                  "cover 1 to 30 days")});
    if (span > kMaxWindowDays)
      throw EngineError({"22023", 0,
                         prefixed("AccountInsightTotals.StartDate: the span is " + std::to_string(span) +
                                  " days; Instagram totals cover at most 30 days — use AccountInsights for "
                                  "daily rows")});
    lo_ = *start;
    hi_ = *end;
  }

  // ---- chunks --------------------------------------------------------------------------------------------
  // The next chunk of days of the current account (descending), or false when the account is done.
  bool chunkDays(std::vector<int64_t>& days) {
    if (stopAccount_) return false;
    if (explicit_) {
      if (explicitNext_ >= explicitDays_.size()) return false;
      const int64_t first = explicitDays_[explicitNext_];
      while (explicitNext_ < explicitDays_.size() && first - explicitDays_[explicitNext_] < kMaxWindowDays)
        days.push_back(explicitDays_[explicitNext_++]);
      return true;
    }
    if (cursor_ < lo_) return false;
    // Without a lower bound: chunks of 1, 7, then 30 days, so previews stay cheap.
    const int64_t size = hasLower_       ? boundedChunkDays()
                         : chunkNo_ == 0 ? 1
                         : chunkNo_ == 1 ? 7
                                         : kMaxWindowDays;
    ++chunkNo_;
    for (int64_t d = cursor_; d > cursor_ - size && d >= lo_; --d) days.push_back(d);
    cursor_ -= size;
    return true;
  }

  // Days per chunk of a walk with a lower bound: 30 (one T window) for AccountInsights. A scan limited to a
  // few groups (AccountDailyMetrics) takes as many days as about 8 full batches hold, so its operations fill
  // the batch POSTs instead of leaving a part-filled one per 30 days; its T windows are still cut at 30 days.
  int64_t boundedChunkDays() const {
    if (!only_) return kMaxWindowDays;
    int64_t perDay = 0;
    for (const Group& g : kGroups)
      if (!g.series && groupWanted(g) && !groupMetrics(g).empty()) ++perDay;
    return perDay == 0 ? 10 * kMaxWindowDays : std::max<int64_t>(1, kChunkOperations / perDay);
  }

  bool nextChunk() {
    for (;;) {
      if (!haveAccount_) {
        if (nextAccount_ >= accounts_.size()) return false;
        account_ = accounts_[nextAccount_++];
        if (!plausibleId(account_)) continue;
        haveAccount_ = true;
        cursor_ = hi_;
        chunkNo_ = 0;
        explicitNext_ = 0;
        stopAccount_ = false;
        spanDone_ = false;
      }
      std::vector<int64_t> days;
      bool more = false;
      if (totals_) {
        more = !spanDone_;
        spanDone_ = true;
      } else {
        more = chunkDays(days);
      }
      if (!more) {
        haveAccount_ = false;
        continue;
      }
      runOps(totals_ ? totalOps() : dailyOps(days), days);
      if (!rows_.empty()) return true;
    }
  }

  // The live, wanted metrics of a group in rule order (reach first in the totals' V group).
  std::vector<std::string> groupMetrics(const Group& g) const {
    std::vector<std::string> out;
    for (const AccountMetricRule& r : schema::accountMetricRules()) {
      if (r.table != "AccountInsights") continue;
      const bool member =
          inGroup(r, g.name) || (totals_ && std::string_view(g.name) == "V" && r.name == "reach");
      if (!member || !schema::accountMetricLive(r, rules_) || !metricWanted(r.name)) continue;
      if (only_ && !only_->count({g.name, std::string(r.name)})) continue;
      if (memory_.isRejected("ACCOUNT", g.name, r.name)) continue;
      if (r.name == "follower_count" && small_.count(account_)) continue;
      out.emplace_back(r.name);
    }
    return out;
  }

  bool groupWanted(const Group& g) const {
    if (totals_) {
      if (g.series) return false;
      return *g.breakdown == '\0' ? wantTotals_ : breakdownWanted(g.breakdown);
    }
    if (!periodWanted(g.period)) return false;
    if (g.series) return wantSeries_ && wantTotals_;
    if (*g.breakdown == '\0') return wantTotalValue_ && wantTotals_;
    return wantTotalValue_ && breakdownWanted(g.breakdown);
  }

  std::vector<Op> totalOps() const {
    std::vector<Op> ops;
    for (const Group& g : kGroups) {
      if (g.series || !groupWanted(g)) continue;
      std::vector<std::string> metrics = groupMetrics(g);
      if (!metrics.empty()) ops.push_back({&g, std::move(metrics), lo_ * kDay, (hi_ + 1) * kDay});
    }
    return ops;
  }

  std::vector<Op> dailyOps(const std::vector<int64_t>& days) const {
    std::vector<Op> ops;
    // T groups: one window per run of consecutive days, split where follower_count stops (30 days before
    // MetricRulesDate), since follower_count is asked only inside that window.
    for (const Group& g : kGroups) {
      if (!g.series || !groupWanted(g)) continue;
      const std::vector<std::string> metrics = groupMetrics(g);
      if (metrics.empty()) continue;
      const bool asksFollowers = contains(metrics, "follower_count");
      auto followerDay = [&](int64_t d) { return asksFollowers && d < today_ && d >= today_ - 30; };
      size_t i = 0;
      while (i < days.size()) {
        const int64_t top = days[i];
        const bool fc = followerDay(top);
        size_t j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] - 1 && followerDay(days[j + 1]) == fc &&
               top - days[j + 1] < kMaxWindowDays)
          ++j;
        Op op{&g, {}, days[j] * kDay, (top + 1) * kDay};
        for (const std::string& m : metrics)
          if (m != "follower_count" || fc) op.metrics.push_back(m);
        if (!op.metrics.empty()) ops.push_back(std::move(op));
        i = j + 1;
      }
    }
    for (int64_t d : days) {
      for (const Group& g : kGroups) {
        if (g.series || !groupWanted(g)) continue;
        std::vector<std::string> metrics = groupMetrics(g);
        if (!metrics.empty()) ops.push_back({&g, std::move(metrics), d * kDay, (d + 1) * kDay});
      }
    }
    return ops;
  }

  graph::BatchOp request(const Op& op) const {
    std::string list;
    for (const std::string& m : op.metrics) list += (list.empty() ? "" : ",") + m;
    graph::Params params{{"metric", list},
                         {"period", op.group->period},
                         {"metric_type", op.group->series ? "time_series" : "total_value"}};
    if (*op.group->breakdown) params.emplace_back("breakdown", op.group->breakdown);
    params.emplace_back("since", std::to_string(op.since));
    params.emplace_back("until", std::to_string(op.until));
    return {account_ + "/insights", std::move(params)};
  }

  void runOps(std::vector<Op> pending, const std::vector<int64_t>& days) {
    std::vector<PendingRow> out;
    while (!pending.empty()) {
      std::vector<graph::BatchOp> requests;
      for (const Op& op : pending) requests.push_back(request(op));
      std::vector<graph::BatchResult> results = graph::runBatch(ctx_.graph(), requests);
      std::vector<Op> retry;
      for (size_t k = 0; k < pending.size(); ++k) {
        graph::BatchResult& res = results[k];
        if (res.ok()) {
          addRows(pending[k], *res.json, res.seq, days, out);
          continue;
        }
        if (!res.error) throw graph::NetworkError("The Graph API returned an unreadable batch item");
        absorb(pending[k], *res.error, retry);
      }
      pending = std::move(retry);
    }
    // Date descending, rule order, the total row before its breakdown rows.
    std::stable_sort(out.begin(), out.end(), [](const PendingRow& a, const PendingRow& b) {
      if (a.day != b.day) return a.day > b.day;
      if (a.rule != b.rule) return a.rule < b.rule;
      return !a.breakdown && b.breakdown;
    });
    for (PendingRow& r : out) rows_.push_back(std::move(r));
  }

  // What a failed account insights operation turns into. Throws for everything that must fail the statement.
  void absorb(const Op& op, const graph::GraphError& e, std::vector<Op>& retry) {
    if (mentions(e.graphMessage, "available for the last 2 years")) {
      stopAccount_ = true;  // the history ends here: not an error
      return;
    }
    if ((e.code == graph::codes::kPermission || e.code == graph::codes::kInvalidParameter) &&
        mentions(e.graphMessage, "followers")) {
      // Under 100 followers: follower_count (and follows_and_unfollows) have nothing for this account.
      Op rest{op.group, {}, op.since, op.until};
      bool dropped = false;
      for (const std::string& m : op.metrics) {
        if (m == "follower_count" || m == "follows_and_unfollows") {
          dropped = true;
          if (m == "follower_count") small_.insert(account_);
          count("Instagram gives no " + m + " for accounts with fewer than 100 followers (\"" +
                e.graphMessage + "\"); no " + m + " rows");
        } else {
          rest.metrics.push_back(m);
        }
      }
      if (dropped) {
        if (!rest.metrics.empty()) retry.push_back(std::move(rest));
        return;
      }
    }
    if (e.code != graph::codes::kInvalidParameter && e.code != graph::codes::kUnknown) throw e;
    std::vector<std::string> named = rejectedMetrics(e.graphMessage, op.metrics);
    if (named.empty() && op.metrics.size() > 1) {  // names no metric: ask each one alone
      for (const std::string& m : op.metrics) retry.push_back({op.group, {m}, op.since, op.until});
      return;
    }
    if (named.empty()) named = op.metrics;
    Op rest{op.group, {}, op.since, op.until};
    for (const std::string& m : op.metrics) {
      if (!contains(named, m)) {
        rest.metrics.push_back(m);
        continue;
      }
      memory_.rejected.insert(InsightMemory::key("ACCOUNT", op.group->name, m));
      count("Instagram rejected account metric " + m +
            (*op.group->breakdown ? " with breakdown " + std::string(op.group->breakdown) : std::string()) +
            " (\"" + e.graphMessage + "\"); it is left out for the rest of this connection");
    }
    if (!rest.metrics.empty()) retry.push_back(std::move(rest));
  }

  // 5.4: time_series values become one row each (Date from end_time - 24 h); total_value answers give the
  // total row (V) or the breakdown rows (B groups).
  void addRows(const Op& op, const rapidjson::Value& json, int seq, const std::vector<int64_t>& days,
               std::vector<PendingRow>& out) const {
    const rapidjson::Value* data = dataArray(json);
    if (!data) return;
    for (const rapidjson::Value& metric : data->GetArray()) {
      if (!metric.IsObject()) continue;
      const std::string name = text(findPath(metric, "name"));
      if (!contains(op.metrics, name)) continue;
      const size_t rule = ruleIndex(name);
      if (op.group->series) {
        const rapidjson::Value* values = findPath(metric, "values");
        if (!values || !values->IsArray()) continue;
        for (const rapidjson::Value& v : values->GetArray()) {
          const rapidjson::Value* value = v.IsObject() ? findPath(v, "value") : nullptr;
          if (!value || !value->IsNumber()) continue;
          std::optional<int64_t> end = parseGraphTimestamp(text(findPath(v, "end_time")));
          if (!end) continue;
          const int64_t day = floorDay(*end - kDay);
          // Keep each day once: a window's values belong to the days it was asked for.
          if (std::find(days.begin(), days.end(), day) == days.end()) continue;
          out.push_back({day, rule, false,
                         makeRow(op, metric, day, formatTimestamp(*end), {}, {}, value->GetDouble()), seq});
        }
        continue;
      }
      const int64_t day = op.since / kDay;
      const std::string endTime = formatTimestamp(op.until);
      if (!*op.group->breakdown) {
        const rapidjson::Value* value = findPath(metric, "total_value.value");
        if (value && value->IsNumber())
          out.push_back(
              {day, rule, false, makeRow(op, metric, day, endTime, {}, {}, value->GetDouble()), seq});
        continue;
      }
      const rapidjson::Value* breakdowns = findPath(metric, "total_value.breakdowns");
      if (!breakdowns || !breakdowns->IsArray() || breakdowns->Empty()) continue;
      const rapidjson::Value* results = findPath((*breakdowns)[0], "results");
      const rapidjson::Value* keys = findPath((*breakdowns)[0], "dimension_keys");
      if (!results || !results->IsArray()) continue;
      for (const rapidjson::Value& r : results->GetArray()) {
        const rapidjson::Value* vals = findPath(r, "dimension_values");
        const rapidjson::Value* value = findPath(r, "value");
        if (!value || !value->IsNumber() || !vals || !vals->IsArray()) continue;
        std::string bk, bv;
        for (rapidjson::SizeType j = 0; j < vals->Size(); ++j) {
          std::string key =
              keys && keys->IsArray() && j < keys->Size() ? text(&(*keys)[j]) : op.group->breakdown;
          if (key == "timeframe") continue;  // ignored with its value
          bk += (bk.empty() ? "" : ",") + key;
          bv += (bv.empty() ? "" : ",") + upper(text(&(*vals)[j]));
        }
        out.push_back({day, rule, true, makeRow(op, metric, day, endTime, bk, bv, value->GetDouble()), seq});
      }
    }
  }

  Row makeRow(const Op& op, const rapidjson::Value& metric, int64_t day, const std::string& endTime,
              const std::string& breakdown, const std::string& breakdownValue, double value) const {
    Row row(ctx_.table.columns.size(), Value::null());
    auto set = [&](const char* column, Value v) {
      int i = ctx_.column(column);
      if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
    };
    auto textOrNull = [](const std::string& s) { return s.empty() ? Value::null() : Value::text(s); };
    set("AccountId", Value::text(account_));
    set("Metric", Value::text(text(findPath(metric, "name"))));
    std::string period = text(findPath(metric, "period"));
    set("Period", Value::text(period.empty() ? op.group->period : period));
    set("MetricType", Value::text(op.group->series ? "time_series" : "total_value"));
    set("Date", Value::text(formatDate(day * kDay)));
    set("EndTime", Value::text(endTime));
    set("StartDate", Value::text(formatDate(lo_ * kDay)));
    set("EndDate", Value::text(formatDate(hi_ * kDay)));
    set("Breakdown", textOrNull(breakdown));
    set("BreakdownValue", textOrNull(breakdownValue));
    set("Value", Value::real(value));
    set("Title", textOrNull(text(findPath(metric, "title"))));
    set("Description", textOrNull(text(findPath(metric, "description"))));
    return row;
  }

  // ---- warnings: one per reason per statement, with the number of accounts ---------------------------
  void count(const std::string& reason) { reasons_[reason].insert(account_); }

  void emitWarnings() {
    for (const auto& [reason, accounts] : reasons_) {
      size_t& reported = reported_[reason];
      if (accounts.size() == reported) continue;
      reported = accounts.size();
      ctx_.warn(reason + " for " + std::to_string(accounts.size()) +
                (accounts.size() == 1 ? " account" : " accounts"));
    }
  }

  FetchContext& ctx_;
  const bool totals_;
  const schema::RuleContext rules_;
  InsightMemory& memory_;
  const std::optional<AccountGroupMetrics> only_;  // AccountDailyMetrics: just these (group, metric) pairs
  int64_t today_ = 0;

  std::optional<std::vector<std::string>> metrics_, breakdowns_, periods_;
  bool noBreakdowns_ = false, wantTotals_ = true, wantSeries_ = true, wantTotalValue_ = true;

  int64_t lo_ = 0, hi_ = 0;  // inclusive day numbers
  bool hasLower_ = false, explicit_ = false, empty_ = false;
  std::vector<int64_t> explicitDays_;

  std::vector<std::string> accounts_;
  size_t nextAccount_ = 0;
  std::string account_;
  bool haveAccount_ = false, stopAccount_ = false, spanDone_ = false;
  int64_t cursor_ = 0;
  int chunkNo_ = 0;
  size_t explicitNext_ = 0;
  std::set<std::string> small_;

  std::vector<PendingRow> rows_;
  size_t index_ = 0;
  std::map<std::string, std::set<std::string>> reasons_;
  std::map<std::string, size_t> reported_;
};

}  // namespace

std::unique_ptr<RowSource> openAccountInsights(FetchContext& ctx) {
  return std::make_unique<AccountInsightScan>(ctx, false);
}

std::unique_ptr<RowSource> openAccountInsightsFor(FetchContext& ctx, AccountGroupMetrics wanted) {
  return std::make_unique<AccountInsightScan>(ctx, false, std::move(wanted));
}

std::string accountDailyGroup(std::string_view metric, std::string_view breakdown) {
  for (const AccountMetricRule& r : schema::accountMetricRules()) {
    if (r.table != "AccountInsights" || r.name != metric) continue;
    for (const Group& g : kGroups) {
      if (std::string_view(g.period) != "day" || std::string_view(g.breakdown) != breakdown ||
          !inGroup(r, g.name))
        continue;
      return g.name;  // T before V: reach and follower_count totals come from the time series
    }
  }
  return "";
}

std::unique_ptr<RowSource> openAccountInsightTotals(FetchContext& ctx) {
  return std::make_unique<AccountInsightScan>(ctx, true);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_account_insights, {"AccountInsights", &openAccountInsights},
                   {"AccountInsightTotals", &openAccountInsightTotals});
