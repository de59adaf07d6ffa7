#include "sql/vtab/constraints.h"

#include <algorithm>

#include "sql/vtab/compare.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

bool isTime(schema::SqlType t) {
  return t == schema::SqlType::Timestamp || t == schema::SqlType::Date;
}

std::optional<int64_t> canonicalTime(const Value& v) {
  if (v.type != Value::Type::Text) return std::nullopt;
  return parseCanonical(v.s);
}

}  // namespace

bool Constraints::matches(const Row& row) const {
  for (const BoundTerm& t : terms_) {
    const schema::Column& col = table_->columns[static_cast<size_t>(t.column)];
    const Value& v = row[static_cast<size_t>(t.column)];
    Affinity aff = affinityOf(col.type);
    Op op = compareOp(t.op);
    if (op == Op::IsNull || op == Op::IsNotNull) {
      if (!satisfies(v, op, Value::null(), aff, t.nocase)) return false;
      continue;
    }
    bool any = std::any_of(t.values.begin(), t.values.end(),
                           [&](const Value& rhs) { return satisfies(v, op, rhs, aff, t.nocase); });
    if (!any) return false;
  }
  return true;
}

std::optional<std::vector<std::string>> Constraints::keys(int column) const {
  std::optional<std::vector<std::string>> out;
  Affinity aff = affinityOf(table_->columns[static_cast<size_t>(column)].type);
  for (const BoundTerm& t : terms_) {
    if (t.column != column || (t.op != PlanOp::Eq && t.op != PlanOp::In)) continue;
    std::vector<std::string> list;
    for (const Value& raw : t.values) {
      Value v = withAffinity(raw, aff);
      std::string s;
      if (v.type == Value::Type::Text)
        s = v.s;
      else if (v.type == Value::Type::Integer)
        s = std::to_string(v.i);
      else if (v.type == Value::Type::Real)
        s = realToText(v.r);
      else
        continue;
      if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(std::move(s));
    }
    if (!out) {
      out = std::move(list);
    } else {
      std::vector<std::string> both;
      for (std::string& s : *out)
        if (std::find(list.begin(), list.end(), s) != list.end()) both.push_back(std::move(s));
      *out = std::move(both);
    }
  }
  return out;
}

TimeRange Constraints::timeRange(int column) const {
  TimeRange r;
  auto lower = [&](int64_t t) { r.since = r.since ? std::max(*r.since, t) : t; };
  auto upper = [&](int64_t t) { r.until = r.until ? std::min(*r.until, t) : t; };
  for (const BoundTerm& t : terms_) {
    if (t.column != column || t.values.size() != 1) continue;
    std::optional<int64_t> v = canonicalTime(t.values[0]);
    if (!v) continue;
    // Bounds stay loose (>, >= both give since=v; <= and = give until=v+1) because the API's own
    // inclusiveness is not documented; the cursor re-checks every row.
    switch (t.op) {
      case PlanOp::Gt:
      case PlanOp::Ge:
        lower(*v);
        break;
      case PlanOp::Lt:
        upper(*v);
        break;
      case PlanOp::Le:
        upper(*v + 1);
        break;
      case PlanOp::Eq:
        lower(*v);
        upper(*v + 1);
        break;
      default:
        break;
    }
  }
  r.empty = r.since && r.until && *r.since >= *r.until;
  return r;
}

bool Constraints::allNarrow() const {
  for (const BoundTerm& t : terms_) {
    if (t.op == PlanOp::IsNull || t.op == PlanOp::IsNotNull) return false;
    if (isTime(table_->columns[static_cast<size_t>(t.column)].type))
      for (const Value& v : t.values)
        if (!canonicalTime(v)) return false;
  }
  return true;
}

std::optional<int64_t> Constraints::limitHint() const {
  if (!limit_ || *limit_ < 0) return std::nullopt;
  return *limit_ + std::max<int64_t>(0, offset_.value_or(0));
}

}  // namespace igodbc::sql
