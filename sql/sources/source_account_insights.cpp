// AccountInsights and AccountInsightTotals: the account call groups of schema/metrics.h (T time series over
// windows of at most 30 days; V and the B breakdown groups per day, or over the span for totals), batched,
// one chunk of days at a time and newest first, so LIMIT stays cheap. Rejected metrics are dropped with a
// warning; the small-account and two-year-history answers are warnings or the end of the walk, not failures.
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "graph/batch.h"
#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/fetch/account_insight_calls.h"
#include "sql/fetch/account_insight_scan.h"
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
using insight::upper;

using account_insights::addRows;
using account_insights::Group;
using account_insights::inGroup;
using account_insights::kGroups;
using account_insights::Op;
using account_insights::PendingRow;
using schema::AccountMetricRule;

constexpr int64_t kHistoryDays = 729;  // Instagram keeps about two years
constexpr int64_t kMaxWindowDays = 30;
constexpr int64_t kChunkOperations = 8 * static_cast<int64_t>(graph::kMaxBatchOps);

class AccountInsightScan : public RowSource {
 public:
  AccountInsightScan(FetchContext& ctx, bool totals, std::optional<AccountGroupMetrics> only = std::nullopt)
      : ctx_(ctx),
        totals_(totals),
        rules_(ruleContext(ctx)),
        memory_(ctx.state.insights),
        only_(std::move(only)),
        columns_(resolveColumns(ctx)) {
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
      account_insights::appendSeriesWindows(g, metrics, days, today_, kMaxWindowDays, ops);
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

  void runOps(std::vector<Op> pending, const std::vector<int64_t>& days) {
    std::vector<PendingRow> out;
    while (!pending.empty()) {
      std::vector<graph::BatchOp> requests;
      requests.reserve(pending.size());
      for (const Op& op : pending) requests.push_back(account_insights::request(account_, op));
      std::vector<graph::BatchResult> results = graph::runBatch(ctx_.graph(), requests);
      std::vector<Op> retry;
      for (size_t k = 0; k < pending.size(); ++k) {
        graph::BatchResult& res = results[k];
        if (res.ok()) {
          addRows(pending[k], *res.json, res.seq, days, makeRow_, out);
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

  // The output columns, resolved once per scan; AccountInsightTotals has no Date or EndTime, AccountInsights
  // no StartDate or EndDate (-1: not in this table).
  enum Out {
    kAccount,
    kMetric,
    kPeriod,
    kMetricType,
    kDate,
    kEndTime,
    kStartDate,
    kEndDate,
    kBreakdown,
    kBreakdownValue,
    kValue,
    kTitle,
    kDescription,
    kOutCount
  };
  static std::array<int, kOutCount> resolveColumns(const FetchContext& ctx) {
    static constexpr const char* kNames[kOutCount] = {
        "AccountId", "Metric",    "Period",         "MetricType", "Date",  "EndTime",    "StartDate",
        "EndDate",   "Breakdown", "BreakdownValue", "Value",      "Title", "Description"};
    std::array<int, kOutCount> out{};
    for (int i = 0; i < kOutCount; ++i) out[static_cast<size_t>(i)] = ctx.column(kNames[i]);
    return out;
  }

  Row makeRow(const Op& op, const rapidjson::Value& metric, int64_t day, const std::string& endTime,
              const std::string& breakdown, const std::string& breakdownValue, double value) const {
    Row row(ctx_.table.columns.size(), Value::null());
    auto set = [&](Out column, Value v) {
      if (int i = columns_[column]; i >= 0) row[static_cast<size_t>(i)] = std::move(v);
    };
    auto textOrNull = [](const std::string& s) { return s.empty() ? Value::null() : Value::text(s); };
    set(kAccount, Value::text(account_));
    set(kMetric, Value::text(text(findPath(metric, "name"))));
    std::string period = text(findPath(metric, "period"));
    set(kPeriod, Value::text(period.empty() ? op.group->period : period));
    set(kMetricType, Value::text(op.group->series ? "time_series" : "total_value"));
    set(kDate, Value::text(formatDate(day * kDay)));
    set(kEndTime, Value::text(endTime));
    set(kStartDate, Value::text(formatDate(lo_ * kDay)));
    set(kEndDate, Value::text(formatDate(hi_ * kDay)));
    set(kBreakdown, textOrNull(breakdown));
    set(kBreakdownValue, textOrNull(breakdownValue));
    set(kValue, Value::real(value));
    set(kTitle, textOrNull(text(findPath(metric, "title"))));
    set(kDescription, textOrNull(text(findPath(metric, "description"))));
    return row;
  }
  const account_insights::RowMaker makeRow_ =
      [this](const Op& op, const rapidjson::Value& metric, int64_t day, const std::string& endTime,
             const std::string& bk, const std::string& bv,
             double value) { return makeRow(op, metric, day, endTime, bk, bv, value); };

  // ---- warnings: one per reason per statement, with the number of accounts ---------------------------
  void count(const std::string& reason) { reasons_.count(reason, account_); }

  void emitWarnings() { reasons_.emit(ctx_); }

  FetchContext& ctx_;
  const bool totals_;
  const schema::RuleContext rules_;
  InsightMemory& memory_;
  const std::optional<AccountGroupMetrics> only_;  // AccountDailyMetrics: just these (group, metric) pairs
  const std::array<int, kOutCount> columns_;
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
  WarningTally reasons_{"account", "accounts"};
};

}  // namespace

std::unique_ptr<RowSource> openAccountInsights(FetchContext& ctx) {
  return std::make_unique<AccountInsightScan>(ctx, false);
}

std::unique_ptr<RowSource> openAccountInsightsFor(FetchContext& ctx, AccountGroupMetrics wanted) {
  return std::make_unique<AccountInsightScan>(ctx, false, std::move(wanted));
}

std::unique_ptr<RowSource> openAccountInsightTotals(FetchContext& ctx) {
  return std::make_unique<AccountInsightScan>(ctx, true);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_account_insights, {"AccountInsights", &openAccountInsights},
                   {"AccountInsightTotals", &openAccountInsightTotals});
