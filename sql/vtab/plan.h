// The query plan of one Instagram table scan: which constraints the cursor consumes (and re-checks, so SQLite
// may omit them), LIMIT/OFFSET, projection and the cost SQLite compares. Built in xBestIndex, carried to
// xFilter as the idxStr text below, never in a global map. Pure: no SQLite calls, unit-testable.
//
// idxStr grammar (';'-separated clauses; also what EXPLAIN QUERY PLAN shows):
//   cols=0x<hex colUsed>          always first
//   <Column> <op> ?<n>[ NOCASE]   constraint consumed; its value is xFilter's argv[n-1]; op is one of
//                                 = IN < <= > >= ISNULL NOTNULL (IN: the whole list via sqlite3_vtab_in)
//   LIMIT ?<n> / OFFSET ?<n>      the statement's LIMIT/OFFSET values (SQLite still applies both)
//   ORDER                         the scan's order satisfies the ORDER BY (orderByConsumed)
// Example: "cols=0x205;Id IN ?1;Timestamp >= ?2;LIMIT ?3"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"
#include "sql/vtab/compare.h"

namespace igodbc::sql {

enum class PlanOp { Eq, In, Lt, Le, Gt, Ge, IsNull, IsNotNull };

struct PlanTerm {
  int column = 0;
  PlanOp op = PlanOp::Eq;
  int argv = 0;  // 1-based xFilter argument
  bool nocase = false;
  bool operator==(const PlanTerm& o) const {
    return column == o.column && op == o.op && argv == o.argv && nocase == o.nocase;
  }
};

struct Plan {
  uint64_t colUsed = 0;
  std::vector<PlanTerm> terms;
  int limitArgv = 0;   // 0: no LIMIT handed over
  int offsetArgv = 0;  // 0: no OFFSET handed over
  bool ordered = false;
  bool operator==(const Plan& o) const {
    return colUsed == o.colUsed && terms == o.terms && limitArgv == o.limitArgv &&
           offsetArgv == o.offsetArgv && ordered == o.ordered;
  }
};

std::string encodePlan(const schema::Table& table, const Plan& plan);
// nullopt when the text is not a plan of this table.
std::optional<Plan> decodePlan(const schema::Table& table, std::string_view text);

// ---- planning -------------------------------------------------------------------------------------------

// What xBestIndex learns from SQLite, translated. Constraint order matters: the result's usage[] follows it.
enum class ConstraintKind { Eq, Lt, Le, Gt, Ge, IsNull, IsNotNull, Limit, Offset, Other };

struct PlanConstraint {
  int column = -1;  // -1: rowid or none
  ConstraintKind kind = ConstraintKind::Other;
  bool usable = true;
  bool inList = false;               // an IN (...) that sqlite3_vtab_in can hand over whole
  std::string collation = "BINARY";  // sqlite3_vtab_collation
};

struct PlanOrderBy {
  int column = -1;
  bool desc = false;
};

struct PlanInput {
  std::vector<PlanConstraint> constraints;
  std::vector<PlanOrderBy> orderBy;
  uint64_t colUsed = 0;
  int accountsHint = 0;  // accounts a walk will visit if known without a call (BusinessAccountId), else 0
};

struct ConstraintUsage {
  int argvIndex = 0;
  bool omit = false;
  bool wholeIn = false;  // call sqlite3_vtab_in(info, i, 1)
};

struct PlanResult {
  Plan plan;
  std::vector<ConstraintUsage> usage;  // one per PlanInput::constraints
  bool orderByConsumed = false;
  bool unique = false;           // SQLITE_INDEX_SCAN_UNIQUE
  double cost = 0;               // estimated Graph calls
  bool missingRequired = false;  // the table's required filter (schema::requiredFilter) is not consumed
  int64_t rows = 0;
};

PlanResult buildPlan(const schema::Table& table, const PlanInput& input);

// Compare op for a plan op (IN compares as =).
Op compareOp(PlanOp op);

}  // namespace igodbc::sql
