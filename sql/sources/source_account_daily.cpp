// AccountDailyMetrics: the AccountInsights scan limited to the call groups and metrics of
// the metric columns the statement uses (SQLite's colUsed), its rows pivoted to one row per account and day.
// The scan returns the rows of one account and day next to each other (a chunk is sorted by Date descending),
// so the pivot streams: it holds one wide row and the long row that starts the next one.
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "schema/views.h"
#include "sql/fetch/account_insight_scan.h"
#include "sql/fetch/pivot_cells.h"
#include "sql/vtab/fields.h"

namespace igodbc::sql {

namespace {

class AccountDailyScan : public RowSource {
 public:
  explicit AccountDailyScan(FetchContext& ctx) : ctx_(ctx), long_(schema::findTable("AccountInsights")) {
    if (!long_) throw EngineError({"HY000", 0, prefixed("Internal error: AccountInsights is not declared")});
    accountCol_ = ctx.column("AccountId");
    dateCol_ = ctx.column("Date");
    metricCol_ = schema::columnIndex(*long_, "Metric");
    breakdownCol_ = schema::columnIndex(*long_, "Breakdown");
    valueCol_ = schema::columnIndex(*long_, "BreakdownValue");
    amountCol_ = schema::columnIndex(*long_, "Value");
    longAccountCol_ = schema::columnIndex(*long_, "AccountId");
    longDateCol_ = schema::columnIndex(*long_, "Date");

    // Every metric column maps its long rows; only the used ones decide the calls. A statement that uses no
    // metric column (SELECT Date, COUNT(*)) gets the days on which any column has a value, as SELECT * does.
    AccountGroupMetrics wanted, all;
    for (const schema::PivotColumn& c : schema::accountDailyPivotColumns()) {
      const int column = ctx.column(c.name.c_str());
      const std::string group = accountDailyGroup(c.metric, c.breakdown);
      if (column < 0 || group.empty()) continue;
      columnOf_[{c.metric, c.breakdown, c.breakdownValue}] = column;
      all.emplace(group, c.metric);
      if (columnUsed(ctx.plan.colUsed, static_cast<size_t>(column))) wanted.emplace(group, c.metric);
    }
    if (wanted.empty()) wanted = std::move(all);

    // AccountId and Date constraints reach the long scan as they would on AccountInsights itself.
    std::vector<BoundTerm> terms;
    for (const BoundTerm& t : ctx.constraints.terms()) {
      if (t.column != accountCol_ && t.column != dateCol_) continue;
      BoundTerm inner = t;
      inner.column = t.column == accountCol_ ? longAccountCol_ : longDateCol_;
      terms.push_back(std::move(inner));
    }
    longConstraints_ = Constraints(long_, std::move(terms), std::nullopt, std::nullopt);
    longPlan_.colUsed = ~uint64_t{0};
    longCtx_.reset(new FetchContext{ctx.state, *long_, longPlan_, longConstraints_, ctx.options});
    source_ = openAccountInsightsFor(*longCtx_, std::move(wanted));
  }

  void finish() override {
    if (source_) source_->finish();
  }

  bool next(Row& row, int& seq) override {
    seq = 0;  // the long rows are counted below
    bool started = false;
    while (!ended_) {
      if (!pending_ && !(pending_ = source_->next(longRow_, longSeq_))) {
        ended_ = true;
        break;
      }
      const Value& account = longRow_[static_cast<size_t>(longAccountCol_)];
      const Value& date = longRow_[static_cast<size_t>(longDateCol_)];
      if (started &&
          !(account == row[static_cast<size_t>(accountCol_)] && date == row[static_cast<size_t>(dateCol_)]))
        break;  // the long row starts the next day: kept for the next call
      if (!started) {
        row.assign(ctx_.table.columns.size(), Value::null());
        row[static_cast<size_t>(accountCol_)] = account;
        row[static_cast<size_t>(dateCol_)] = date;
        started = true;
      }
      addValue(row);
      // sys_requests.Rows counts the long rows a response gave, as a scan of AccountInsights would.
      if (graph::Client* g = ctx_.state.engine.graph(); g && longSeq_ > 0) g->log().addRows(longSeq_, 1);
      pending_ = false;
    }
    return started;
  }

 private:
  // The long row's value into its metric column; max() of duplicates, as the GROUP BY pivot took.
  void addValue(Row& row) const {
    const Value& amount = longRow_[static_cast<size_t>(amountCol_)];
    if (amount.type != Value::Type::Real || !std::isfinite(amount.r)) return;
    auto it = columnOf_.find({pivotText(longRow_[static_cast<size_t>(metricCol_)]),
                              pivotText(longRow_[static_cast<size_t>(breakdownCol_)]),
                              pivotText(longRow_[static_cast<size_t>(valueCol_)])});
    if (it == columnOf_.end()) return;
    Value& cell = row[static_cast<size_t>(it->second)];
    const int64_t v = pivotInteger(amount.r);
    if (cell.isNull() || v > cell.i) cell = Value::integer(v);
  }

  FetchContext& ctx_;
  const schema::Table* long_;
  int accountCol_ = 0, dateCol_ = 1;
  int metricCol_ = 0, breakdownCol_ = 0, valueCol_ = 0, amountCol_ = 0, longAccountCol_ = 0, longDateCol_ = 0;
  std::map<PivotKey, int> columnOf_;

  // The long scan and what it reads (declared before it: it keeps references to them).
  Plan longPlan_;
  Constraints longConstraints_;
  std::unique_ptr<FetchContext> longCtx_;
  std::unique_ptr<RowSource> source_;

  Row longRow_;
  int longSeq_ = 0;
  bool pending_ = false;  // longRow_ holds a row not yet pivoted
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<RowSource> openAccountDailyMetrics(FetchContext& ctx) {
  return std::make_unique<AccountDailyScan>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_account_daily, {"AccountDailyMetrics", &openAccountDailyMetrics});
