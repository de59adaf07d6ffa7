#include "sql/vtab/plan.h"

#include <strings.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace igodbc::sql {

namespace {

struct OpName {
  PlanOp op;
  const char* text;
};
constexpr OpName kOps[] = {
    {PlanOp::Eq, "="}, {PlanOp::In, "IN"}, {PlanOp::Lt, "<"},          {PlanOp::Le, "<="},
    {PlanOp::Gt, ">"}, {PlanOp::Ge, ">="}, {PlanOp::IsNull, "ISNULL"}, {PlanOp::IsNotNull, "NOTNULL"},
};

const char* opText(PlanOp op) {
  for (const OpName& o : kOps)
    if (o.op == op) return o.text;
  return "=";
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

// "?<n>" -> n (> 0), or 0.
int argvRef(std::string_view word) {
  if (word.size() < 2 || word[0] != '?') return 0;
  int n = 0;
  for (char c : word.substr(1)) {
    if (c < '0' || c > '9' || n > 100000) return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

constexpr int kAssumedAccounts = 3;

bool readsThroughParent(const schema::Cost& cost, std::string_view column) {
  return std::find(cost.parentKeys.begin(), cost.parentKeys.end(), column) != cost.parentKeys.end();
}

int columnOf(const schema::Table& t, std::string_view name) {
  return name.empty() ? -2 : schema::columnIndex(t, name);
}

bool acceptsCollation(const std::string& c, bool& nocase) {
  if (strcasecmp(c.c_str(), "BINARY") == 0) return (nocase = false), true;
  if (strcasecmp(c.c_str(), "NOCASE") == 0) return (nocase = true), true;
  return false;
}

// The plan op for a constraint, if the column declares that operator pushable (schema::Push).
bool termFor(const PlanConstraint& c, const schema::Column& col, PlanOp& op) {
  switch (c.kind) {
    case ConstraintKind::Eq:
      // An IN list is consumed only whole: one-at-a-time IN processing would forbid LIMIT and ordering.
      op = c.inList ? PlanOp::In : PlanOp::Eq;
      return (col.push & (c.inList ? schema::kPushIn : schema::kPushEq)) != 0;
    case ConstraintKind::Lt:
      op = PlanOp::Lt;
      return (col.push & schema::kPushRange) != 0;
    case ConstraintKind::Le:
      op = PlanOp::Le;
      return (col.push & schema::kPushRange) != 0;
    case ConstraintKind::Gt:
      op = PlanOp::Gt;
      return (col.push & schema::kPushRange) != 0;
    case ConstraintKind::Ge:
      op = PlanOp::Ge;
      return (col.push & schema::kPushRange) != 0;
    case ConstraintKind::IsNull:
      op = PlanOp::IsNull;
      return (col.push & schema::kPushNull) != 0;
    case ConstraintKind::IsNotNull:
      op = PlanOp::IsNotNull;
      return (col.push & schema::kPushNull) != 0;
    default:
      return false;
  }
}

}  // namespace

Op compareOp(PlanOp op) {
  switch (op) {
    case PlanOp::Eq:
    case PlanOp::In:
      return Op::Eq;
    case PlanOp::Lt:
      return Op::Lt;
    case PlanOp::Le:
      return Op::Le;
    case PlanOp::Gt:
      return Op::Gt;
    case PlanOp::Ge:
      return Op::Ge;
    case PlanOp::IsNull:
      return Op::IsNull;
    case PlanOp::IsNotNull:
      return Op::IsNotNull;
  }
  return Op::Eq;
}

std::string encodePlan(const schema::Table& table, const Plan& plan) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "cols=0x%llx", static_cast<unsigned long long>(plan.colUsed));
  std::string s = hex;
  for (const PlanTerm& t : plan.terms) {
    s += ';';
    s += table.columns.at(static_cast<size_t>(t.column)).name;
    s += ' ';
    s += opText(t.op);
    s += " ?" + std::to_string(t.argv);
    if (t.nocase) s += " NOCASE";
  }
  if (plan.limitArgv) s += ";LIMIT ?" + std::to_string(plan.limitArgv);
  if (plan.offsetArgv) s += ";OFFSET ?" + std::to_string(plan.offsetArgv);
  if (plan.ordered) s += ";ORDER";
  return s;
}

std::optional<Plan> decodePlan(const schema::Table& table, std::string_view text) {
  std::vector<std::string_view> clauses = split(text, ';');
  if (clauses.empty() || clauses[0].substr(0, 7) != "cols=0x" || clauses[0].size() > 7 + 16)
    return std::nullopt;
  Plan plan;
  std::string hex(clauses[0].substr(7));
  char* end = nullptr;
  plan.colUsed = std::strtoull(hex.c_str(), &end, 16);
  if (hex.empty() || *end != '\0') return std::nullopt;
  for (size_t i = 1; i < clauses.size(); ++i) {
    std::vector<std::string_view> w = split(clauses[i], ' ');
    if (w.size() == 1 && w[0] == "ORDER") {
      plan.ordered = true;
    } else if (w.size() == 2 && (w[0] == "LIMIT" || w[0] == "OFFSET")) {
      int n = argvRef(w[1]);
      if (!n) return std::nullopt;
      (w[0] == "LIMIT" ? plan.limitArgv : plan.offsetArgv) = n;
    } else if (w.size() == 3 || (w.size() == 4 && w[3] == "NOCASE")) {
      PlanTerm t;
      t.column = schema::columnIndex(table, w[0]);
      t.argv = argvRef(w[2]);
      t.nocase = w.size() == 4;
      bool known = false;
      for (const OpName& o : kOps)
        if (w[1] == o.text) t.op = o.op, known = true;
      if (t.column < 0 || !t.argv || !known) return std::nullopt;
      plan.terms.push_back(t);
    } else {
      return std::nullopt;
    }
  }
  return plan;
}

PlanResult buildPlan(const schema::Table& table, const PlanInput& in) {
  PlanResult r;
  r.plan.colUsed = in.colUsed;
  r.usage.resize(in.constraints.size());
  const schema::Cost& traits = table.cost;
  const int keyCol = columnOf(table, traits.key), accountCol = columnOf(table, traits.account),
            timeCol = columnOf(table, traits.time);

  int argv = 0;
  bool allConsumed = true;
  bool keyEq = false, keyIn = false, accountEq = false, accountIn = false, timeLower = false,
       timeUpper = false, parentEq = false, parentIn = false;
  for (size_t i = 0; i < in.constraints.size(); ++i) {
    const PlanConstraint& c = in.constraints[i];
    if (c.kind == ConstraintKind::Limit || c.kind == ConstraintKind::Offset) continue;
    const schema::Column* col = c.column >= 0 && static_cast<size_t>(c.column) < table.columns.size()
                                    ? &table.columns[c.column]
                                    : nullptr;
    PlanTerm t;
    t.column = c.column;
    bool ok = c.usable && col && acceptsCollation(c.collation, t.nocase);
    if (ok) ok = termFor(c, *col, t.op);
    if (!ok) {
      allConsumed = false;
      continue;
    }
    t.argv = ++argv;
    r.usage[i] = {t.argv, true, t.op == PlanOp::In};
    r.plan.terms.push_back(t);
    if (t.column == keyCol) keyEq |= t.op == PlanOp::Eq, keyIn |= t.op == PlanOp::In;
    if (readsThroughParent(traits, col->name)) parentEq |= t.op == PlanOp::Eq, parentIn |= t.op == PlanOp::In;
    if (t.column == accountCol) accountEq |= t.op == PlanOp::Eq, accountIn |= t.op == PlanOp::In;
    if (t.column == timeCol) {
      timeLower |= t.op == PlanOp::Gt || t.op == PlanOp::Ge || t.op == PlanOp::Eq;
      timeUpper |= t.op == PlanOp::Lt || t.op == PlanOp::Le || t.op == PlanOp::Eq;
    }
  }
  const bool lookup = keyEq || keyIn;
  if (const std::optional<schema::RequiredFilter>& required = table.required) {
    const int col = schema::columnIndex(table, required->column);
    const int orCol = required->orColumn.empty() ? -1 : schema::columnIndex(table, required->orColumn);
    r.missingRequired = std::none_of(r.plan.terms.begin(), r.plan.terms.end(), [&](const PlanTerm& t) {
      return (t.column == col || (orCol >= 0 && t.column == orCol)) &&
             (t.op == PlanOp::Eq || t.op == PlanOp::In);
    });
  }

  // ORDER BY <time> DESC comes for free when a single account is walked newest first.
  if (traits.newestFirst && !lookup && in.orderBy.size() == 1 && in.orderBy[0].column == timeCol &&
      in.orderBy[0].desc && (accountEq || in.accountsHint == 1)) {
    r.orderByConsumed = true;
    r.plan.ordered = true;
  }

  // LIMIT/OFFSET only size the first page; SQLite keeps applying both. Taken only when SQLite will not filter
  // or sort the rows after us, otherwise a small first page would just multiply the calls.
  if (allConsumed && (in.orderBy.empty() || r.orderByConsumed)) {
    for (size_t i = 0; i < in.constraints.size(); ++i) {
      const PlanConstraint& c = in.constraints[i];
      if (!c.usable || (c.kind != ConstraintKind::Limit && c.kind != ConstraintKind::Offset)) continue;
      int n = ++argv;
      r.usage[i] = {n, false, false};
      (c.kind == ConstraintKind::Limit ? r.plan.limitArgv : r.plan.offsetArgv) = n;
    }
  }

  // Cost = Graph calls; a small discount per consumed term breaks ties toward pushdown.
  // An undiscovered scope is assumed to hold a few accounts, so that a filter on the account is worth more
  // than a walk of every account (and a join walks the filtered side and looks the other up by key).
  double accounts = accountEq ? 1 : accountIn ? 2 : in.accountsHint > 0 ? in.accountsHint : kAssumedAccounts;
  if (traits.walkCalls == 0) {  // answered without a Graph call (the sys_ tables)
    r.cost = 1;
    r.rows = 50;
  } else if (lookup) {
    r.cost = keyEq ? 1 : 2;
    r.rows = keyEq ? (traits.keyIsUnique ? 1 : 5) : 10;
    r.unique = keyEq && traits.keyIsUnique;
  } else if (parentEq || parentIn) {
    r.cost = parentEq ? 1.5 : 3;
    r.rows = parentEq ? 20 : 100;
  } else {
    double perAccount = traits.walkCalls;
    if (timeLower) perAccount /= 4;
    if (timeUpper) perAccount /= 1.5;
    if (r.plan.limitArgv) perAccount = 1;
    r.cost = accounts * std::max(1.0, perAccount);
    r.rows = static_cast<int64_t>(r.cost * traits.rowsPerCall);
  }
  r.cost = std::max(0.5, r.cost - 0.01 * static_cast<double>(r.plan.terms.size()));
  return r;
}

}  // namespace igodbc::sql
