// Planning (sql/vtab/plan.cpp): which constraints are consumed, the idxStr round trip, LIMIT/ORDER BY rules
// and costs; and the bound-constraint helpers (sql/vtab/constraints.cpp).
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/vtab/constraints.h"
#include "sql/vtab/plan.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

namespace {

const schema::Table& table(const char* name) {
  return *schema::findTable(name);
}
int col(const char* t, const char* c) {
  return schema::columnIndex(table(t), c);
}

PlanConstraint cons(const char* t, const char* c, ConstraintKind k, bool inList = false) {
  PlanConstraint p;
  p.column = c ? col(t, c) : -1;
  p.kind = k;
  p.inList = inList;
  return p;
}

uint64_t bits(const char* t, std::initializer_list<const char*> cols) {
  uint64_t m = 0;
  for (const char* c : cols) m |= uint64_t(1) << col(t, c);
  return m;
}

}  // namespace

TEST_CASE("plan text round-trips and is readable", "[sql][plan]") {
  const schema::Table& media = table("Media");
  Plan p;
  p.colUsed = 0x205;
  p.terms = {{col("Media", "Id"), PlanOp::In, 1, false}, {col("Media", "Timestamp"), PlanOp::Ge, 2, false}};
  p.limitArgv = 3;
  p.offsetArgv = 4;
  p.ordered = true;
  std::string s = encodePlan(media, p);
  CHECK(s == "cols=0x205;Id IN ?1;Timestamp >= ?2;LIMIT ?3;OFFSET ?4;ORDER");
  auto back = decodePlan(media, s);
  REQUIRE(back);
  CHECK(*back == p);

  Plan q;
  q.terms = {{col("Pages", "AccountId"), PlanOp::IsNull, 1, false}, {1, PlanOp::Eq, 2, true}};
  std::string t = encodePlan(table("Pages"), q);
  CHECK(t == "cols=0x0;AccountId ISNULL ?1;Name = ?2 NOCASE");
  CHECK(decodePlan(table("Pages"), t) == q);
}

TEST_CASE("malformed plan text is refused", "[sql][plan]") {
  const schema::Table& media = table("Media");
  CHECK_FALSE(decodePlan(media, ""));
  CHECK_FALSE(decodePlan(media, "cols=0x"));
  CHECK_FALSE(decodePlan(media, "cols=0xzz"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;Nope = ?1"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;Id ~ ?1"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;Id = ?0"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;Id = 1"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;LIMIT"));
  CHECK_FALSE(decodePlan(media, "cols=0x1;;"));
  CHECK(decodePlan(media, "cols=0x1"));
}

TEST_CASE("pushable constraints are consumed and omitted; others are left to SQLite", "[sql][plan]") {
  PlanInput in;
  in.colUsed = bits("Media", {"Id", "Caption", "Timestamp"});
  in.constraints = {
      cons("Media", "Timestamp", ConstraintKind::Ge), cons("Media", "Caption", ConstraintKind::Eq),
      cons("Media", "AccountId", ConstraintKind::Eq, true), cons("Media", "Id", ConstraintKind::Other)};
  PlanResult r = buildPlan(table("Media"), in);
  REQUIRE(r.usage.size() == 4);
  CHECK(r.usage[0].argvIndex == 1);
  CHECK(r.usage[0].omit);
  CHECK(r.usage[1].argvIndex == 0);  // Caption declares no pushdown
  CHECK(r.usage[2].argvIndex == 2);
  CHECK(r.usage[2].wholeIn);
  CHECK(r.usage[3].argvIndex == 0);  // LIKE / <> / IS ... are SQLite's
  CHECK(encodePlan(table("Media"), r.plan) == "cols=0x205;Timestamp >= ?1;AccountId IN ?2");
}

TEST_CASE("an IN list is consumed only where the column takes IN whole", "[sql][plan]") {
  PlanInput in;
  in.constraints = {cons("Media", "Timestamp", ConstraintKind::Eq, true)};  // Timestamp: = and ranges only
  PlanResult r = buildPlan(table("Media"), in);
  CHECK(r.usage[0].argvIndex == 0);
  CHECK(r.plan.terms.empty());
}

TEST_CASE("unusable constraints and foreign collations are not consumed", "[sql][plan]") {
  PlanInput in;
  PlanConstraint c = cons("Media", "Id", ConstraintKind::Eq);
  c.usable = false;
  PlanConstraint d = cons("Media", "AccountId", ConstraintKind::Eq);
  d.collation = "RTRIM";
  PlanConstraint e = cons("Media", "Timestamp", ConstraintKind::Lt);
  e.collation = "nocase";
  in.constraints = {c, d, e, cons("Media", nullptr, ConstraintKind::Limit)};
  PlanResult r = buildPlan(table("Media"), in);
  CHECK(r.usage[0].argvIndex == 0);
  CHECK(r.usage[1].argvIndex == 0);
  CHECK(r.usage[2].argvIndex == 1);
  CHECK(r.plan.terms[0].nocase);
  CHECK(r.usage[3].argvIndex == 0);  // not every constraint consumed: no LIMIT
  CHECK(r.plan.limitArgv == 0);
}

TEST_CASE("LIMIT and OFFSET are taken when every constraint is consumed, never omitted", "[sql][plan]") {
  PlanInput in;
  in.constraints = {cons("Media", "Timestamp", ConstraintKind::Ge),
                    cons("Media", nullptr, ConstraintKind::Limit),
                    cons("Media", nullptr, ConstraintKind::Offset)};
  PlanResult r = buildPlan(table("Media"), in);
  CHECK(r.usage[1].argvIndex == 2);
  CHECK_FALSE(r.usage[1].omit);
  CHECK(r.usage[2].argvIndex == 3);
  CHECK_FALSE(r.usage[2].omit);  // SQLite keeps skipping the OFFSET rows itself
  CHECK(r.plan.limitArgv == 2);
  CHECK(r.plan.offsetArgv == 3);

  in.orderBy = {{col("Media", "Caption"), false}};  // SQLite sorts after us: the LIMIT is not ours
  r = buildPlan(table("Media"), in);
  CHECK(r.plan.limitArgv == 0);
  CHECK_FALSE(r.orderByConsumed);
}

TEST_CASE("ORDER BY Timestamp DESC is consumed when one account is walked", "[sql][plan]") {
  PlanInput in;
  in.orderBy = {{col("Media", "Timestamp"), true}};
  in.constraints = {cons("Media", nullptr, ConstraintKind::Limit)};
  CHECK_FALSE(buildPlan(table("Media"), in).orderByConsumed);  // scope size unknown
  in.accountsHint = 1;
  PlanResult r = buildPlan(table("Media"), in);
  CHECK(r.orderByConsumed);
  CHECK(r.plan.ordered);
  CHECK(r.plan.limitArgv == 1);

  in.accountsHint = 2;
  in.constraints = {cons("Media", "AccountId", ConstraintKind::Eq)};
  CHECK(buildPlan(table("Media"), in).orderByConsumed);
  in.orderBy = {{col("Media", "Timestamp"), false}};
  CHECK_FALSE(buildPlan(table("Media"), in).orderByConsumed);
  in.orderBy = {{col("Media", "Timestamp"), true}};
  in.constraints.push_back(cons("Media", "Id", ConstraintKind::Eq, true));
  CHECK_FALSE(buildPlan(table("Media"), in).orderByConsumed);  // lookups come back in ID order
  CHECK_FALSE(buildPlan(table("MediaChildren"), PlanInput{{}, {{7, true}}, 0, 1}).orderByConsumed);
}

TEST_CASE("cost counts Graph calls so key lookups win", "[sql][plan]") {
  PlanInput scan;
  PlanInput byId;
  byId.constraints = {cons("Media", "Id", ConstraintKind::Eq)};
  PlanInput byIds;
  byIds.constraints = {cons("Media", "Id", ConstraintKind::Eq, true)};
  PlanInput byAccount;
  byAccount.constraints = {cons("Media", "AccountId", ConstraintKind::Eq)};
  PlanInput since;
  since.constraints = {cons("Media", "Timestamp", ConstraintKind::Ge)};
  PlanResult s = buildPlan(table("Media"), scan), i = buildPlan(table("Media"), byId),
             l = buildPlan(table("Media"), byIds), a = buildPlan(table("Media"), byAccount),
             t = buildPlan(table("Media"), since);
  CHECK(i.cost < l.cost);
  CHECK(l.cost < t.cost);
  CHECK(t.cost < s.cost);
  CHECK(a.cost <= s.cost);
  CHECK(i.unique);
  CHECK(i.rows == 1);
  CHECK_FALSE(s.unique);

  PlanInput children;
  children.constraints = {cons("MediaChildren", "MediaId", ConstraintKind::Eq)};
  PlanResult c = buildPlan(table("MediaChildren"), children);
  CHECK(c.cost == Approx(0.99));
  CHECK_FALSE(c.unique);  // an album has several children
  CHECK(buildPlan(table("MediaChildren"), PlanInput{}).cost > 10);
}

TEST_CASE("pushdown flags come from schema declarations", "[sql][plan]") {
  PlanInput in;
  in.constraints = {cons("Pages", "AccountId", ConstraintKind::IsNull),
                    cons("Pages", "Id", ConstraintKind::Eq), cons("Pages", "AccountId", ConstraintKind::Eq)};
  PlanResult r = buildPlan(table("Pages"), in);
  CHECK(r.usage[0].argvIndex == 1);
  CHECK(r.usage[1].argvIndex == 0);  // no Id lookup on Pages
  CHECK(r.usage[2].argvIndex == 0);
  PlanInput sys;
  sys.constraints = {cons("sys_requests", "Seq", ConstraintKind::Eq)};
  CHECK(buildPlan(table("sys_requests"), sys).usage[0].argvIndex == 0);
}

// ---- bound constraints ----------------------------------------------------------------------------------

TEST_CASE("keys intersect =/IN terms with the column's affinity", "[sql][constraints]") {
  const schema::Table& media = table("Media");
  int id = col("Media", "Id");
  Constraints c(
      &media,
      {{id, PlanOp::In, false, {Value::text("1"), Value::integer(2), Value::null(), Value::text("3")}},
       {id, PlanOp::Eq, false, {Value::text("2")}}},
      std::nullopt, std::nullopt);
  auto k = c.keys(id);
  REQUIRE(k);
  CHECK(*k == std::vector<std::string>{"2"});
  CHECK_FALSE(c.keys(col("Media", "AccountId")));
  Constraints big(&media, {{id, PlanOp::Eq, false, {Value::integer(17895695668004550)}}}, std::nullopt,
                  std::nullopt);
  CHECK(*big.keys(id) == std::vector<std::string>{"17895695668004550"});
}

TEST_CASE("time ranges become since/until only from canonical text", "[sql][constraints]") {
  const schema::Table& media = table("Media");
  int ts = col("Media", "Timestamp");
  Constraints c(&media,
                {{ts, PlanOp::Ge, false, {Value::text("2024-01-01")}},
                 {ts, PlanOp::Lt, false, {Value::text("2024-02-01")}}},
                std::nullopt, std::nullopt);
  TimeRange r = c.timeRange(ts);
  CHECK(r.since == 1704067200);
  CHECK(r.until == 1706745600);
  CHECK_FALSE(r.empty);
  CHECK(c.allNarrow());

  Constraints loose(&media,
                    {{ts, PlanOp::Le, false, {Value::text("2024-01-01 10:00:00")}},
                     {ts, PlanOp::Gt, false, {Value::text("yesterday")}},
                     {ts, PlanOp::Gt, false, {Value::integer(5)}}},
                    std::nullopt, std::nullopt);
  TimeRange l = loose.timeRange(ts);
  CHECK_FALSE(l.since);
  CHECK(l.until == 1704103201);
  CHECK_FALSE(loose.allNarrow());

  Constraints none(&media,
                   {{ts, PlanOp::Ge, false, {Value::text("2024-02-01")}},
                    {ts, PlanOp::Lt, false, {Value::text("2024-01-01")}}},
                   std::nullopt, std::nullopt);
  CHECK(none.timeRange(ts).empty);
}

TEST_CASE("the LIMIT hint is n+m", "[sql][constraints]") {
  const schema::Table& media = table("Media");
  CHECK(Constraints(&media, {}, 10, 5).limitHint() == 15);
  CHECK(Constraints(&media, {}, 10, std::nullopt).limitHint() == 10);
  CHECK_FALSE(Constraints(&media, {}, -1, 5).limitHint());
  CHECK_FALSE(Constraints(&media, {}, std::nullopt, 5).limitHint());
}

TEST_CASE("rows are re-checked with SQLite semantics", "[sql][constraints]") {
  const schema::Table& media = table("Media");
  int id = col("Media", "Id"), ts = col("Media", "Timestamp");
  Row row(media.columns.size());
  row[id] = Value::text("17895695668004550");
  row[ts] = Value::text("2024-05-01 12:00:00");
  auto check = [&](BoundTerm t) { return Constraints(&media, {t}, std::nullopt, std::nullopt).matches(row); };
  CHECK(check({id, PlanOp::Eq, false, {Value::integer(17895695668004550)}}));  // TEXT affinity
  CHECK(check({id, PlanOp::In, false, {Value::text("1"), Value::text("17895695668004550")}}));
  CHECK_FALSE(check({id, PlanOp::In, false, {Value::null()}}));
  CHECK(check({ts, PlanOp::Ge, false, {Value::text("2024-05-01")}}));
  CHECK_FALSE(check({ts, PlanOp::Le, false, {Value::text("2024-05-01")}}));
  CHECK(check({ts, PlanOp::Gt, false, {Value::integer(2030)}}));  // numbers sort before text
  CHECK_FALSE(check({ts, PlanOp::Lt, false, {Value::integer(2030)}}));
  CHECK(check({ts, PlanOp::IsNotNull, false, {}}));
  CHECK_FALSE(check({ts, PlanOp::IsNull, false, {}}));
  row[ts] = Value::null();
  CHECK_FALSE(check({ts, PlanOp::Ge, false, {Value::text("2024-05-01")}}));
  CHECK(check({ts, PlanOp::IsNull, false, {}}));
}
