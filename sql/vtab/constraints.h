// The constraint values a scan received in xFilter, and what the fetch strategies derive from them: key
// lists, account lists, since/until, the LIMIT hint; plus the per-row re-check.
// Pure: values are copied out of SQLite before this is built.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "sql/engine/value.h"
#include "sql/vtab/plan.h"

namespace igodbc::sql {

struct BoundTerm {
  int column = 0;
  PlanOp op = PlanOp::Eq;
  bool nocase = false;
  std::vector<Value> values;  // one for =, < ...; the whole list for IN; none for ISNULL/NOTNULL
};

struct TimeRange {
  std::optional<int64_t> since;  // Unix seconds, lower bound (loose: the cursor re-checks)
  std::optional<int64_t> until;  // upper bound
  bool empty = false;            // the bounds exclude every instant: no call is needed
};

class Constraints {
 public:
  Constraints() = default;
  Constraints(const schema::Table* table, std::vector<BoundTerm> terms, std::optional<int64_t> limit,
              std::optional<int64_t> offset)
      : table_(table), terms_(std::move(terms)), limit_(limit), offset_(offset) {}

  // SQLite's verdict on every consumed term for this row.
  bool matches(const Row& row) const;

  // The values that =/IN terms allow for `column` (their intersection, in the first term's order, NULLs
  // dropped, as text with the column's affinity). nullopt when no =/IN term names the column.
  std::optional<std::vector<std::string>> keys(int column) const;

  // since/until from the range and = terms on `column` whose values are canonical 'YYYY-MM-DD' or
  // 'YYYY-MM-DD HH:MM:SS' text; other values do not narrow.
  TimeRange timeRange(int column) const;

  // Whether every consumed term narrows the Graph request: false for ISNULL/NOTNULL and for time values
  // that are not canonical text.
  bool allNarrow() const;

  // LIMIT n OFFSET m -> n+m when LIMIT was handed over and n >= 0.
  std::optional<int64_t> limitHint() const;

  const std::vector<BoundTerm>& terms() const { return terms_; }

 private:
  const schema::Table* table_ = nullptr;
  std::vector<BoundTerm> terms_;
  std::optional<int64_t> limit_, offset_;
};

}  // namespace igodbc::sql
