// The AccountInsights scan (sql/sources/source_account_insights.cpp) limited to chosen call groups and
// metrics, for the wide AccountDailyMetrics table: only the (group, metric) pairs its used columns need are
// requested.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "sql/sources/row_source.h"

namespace igodbc::sql {

// (call group, metric): "T"/"reach", "V"/"views", "B-follow"/"follows_and_unfollows", ...
using AccountGroupMetrics = std::set<std::pair<std::string, std::string>>;

// The call group whose answer gives the daily rows of `metric` with `breakdown` ("" for the total row): T for
// time-series metrics, V for the other totals, B-mpt / B-follow / B-contact for breakdowns; "" when none.
std::string accountDailyGroup(std::string_view metric, std::string_view breakdown);

// An AccountInsights scan (ctx.table is AccountInsights) that requests only `wanted` (period day).
std::unique_ptr<RowSource> openAccountInsightsFor(FetchContext& ctx, AccountGroupMetrics wanted);

}  // namespace igodbc::sql
