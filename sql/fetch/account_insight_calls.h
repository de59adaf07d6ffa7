// The Graph side of the AccountInsights scan (sql/sources/source_account_insights.cpp): the call groups of
// the account metric rules, one insights operation, its batch request, and the rows its answer gives.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/batch.h"
#include "schema/metrics.h"
#include "sql/engine/value.h"

namespace igodbc::sql::account_insights {

// A call group of the account metric rules (schema/metrics.h).
struct Group {
  const char* name;       // T, T-week, T-28, V, B-mpt, B-follow, B-contact
  const char* period;     // period=
  bool series;            // metric_type=time_series (else total_value)
  const char* breakdown;  // breakdown= ("" for none)
};

inline constexpr Group kGroups[] = {
    {"T", "day", true, ""},
    {"T-week", "week", true, ""},
    {"T-28", "days_28", true, ""},
    {"V", "day", false, ""},
    {"B-mpt", "day", false, "media_product_type"},
    {"B-follow", "day", false, "follow_type"},
    {"B-contact", "day", false, "contact_button_type"},
};

// Whether rule `r` belongs to call group `group` (its comma-separated groups list).
bool inGroup(const schema::AccountMetricRule& r, std::string_view group);

// The index of metric `name` in schema::accountMetricRules(); its size when none.
size_t ruleIndex(std::string_view name);

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

// The operations of time-series group `g` over `days` (descending day numbers): one window per run of
// consecutive days of at most `maxWindowDays`, split where follower_count stops (30 days before `today`),
// since follower_count is asked only inside that window.
void appendSeriesWindows(const Group& g, const std::vector<std::string>& metrics,
                         const std::vector<int64_t>& days, int64_t today, int64_t maxWindowDays,
                         std::vector<Op>& ops);

// The batch request of `op` for `account`: GET <account>/insights with metric, period, metric_type,
// breakdown, since and until.
graph::BatchOp request(const std::string& account, const Op& op);

// Makes one output row: (operation, metric object, day, end_time, breakdown, breakdown value, value).
using RowMaker = std::function<Row(const Op&, const rapidjson::Value&, int64_t, const std::string&,
                                   const std::string&, const std::string&, double)>;

// The rows of one answer: time_series values become one row each (Date from end_time - 24 h, only the days
// in `days`); total_value answers give the total row (V) or the breakdown rows (B groups).
void addRows(const Op& op, const rapidjson::Value& json, int seq, const std::vector<int64_t>& days,
             const RowMaker& makeRow, std::vector<PendingRow>& out);

}  // namespace igodbc::sql::account_insights
