// Shared by the wide metric tables (source_account_daily.cpp, source_media_metrics.cpp): how a row of a long
// insights table is matched to a wide column, and how its value is stored the way the old pivot SQL did.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>

#include "sql/engine/value.h"

namespace igodbc::sql {

// Which wide column a long row feeds: its Metric, Breakdown and BreakdownValue.
using PivotKey = std::tuple<std::string, std::string, std::string>;

// The text of a long row's cell, or "" for NULL and non-text values (a pivot key part that is absent).
inline const std::string& pivotText(const Value& v) {
  static const std::string none;
  return v.type == Value::Type::Text ? v.s : none;
}

// CAST(x AS INTEGER) as SQLite does it for a REAL: truncated toward zero, clamped to the int64 range.
inline int64_t pivotInteger(double d) {
  if (d >= 9.2233720368547758e18) return INT64_MAX;
  if (d <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<int64_t>(d);
}

}  // namespace igodbc::sql
