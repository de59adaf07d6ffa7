// Required filters that name two columns: either satisfies the plan; anything else is
// refused. And the CData compatibility declarations: alias columns copy ours, views exist
// only over declared objects.
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "schema/views.h"
#include "sql/vtab/plan.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

namespace {

PlanInput eqOn(const schema::Table& t, std::initializer_list<const char*> cols) {
  PlanInput in;
  for (const char* c : cols) {
    PlanConstraint p;
    p.column = schema::columnIndex(t, c);
    p.kind = ConstraintKind::Eq;
    in.constraints.push_back(p);
  }
  return in;
}

}  // namespace

TEST_CASE("either column of a two-column required filter satisfies it", "[sql][plan][public]") {
  const schema::Table& hashtags = *schema::findTable("Hashtags");
  CHECK_FALSE(buildPlan(hashtags, eqOn(hashtags, {"Name"})).missingRequired);
  CHECK_FALSE(buildPlan(hashtags, eqOn(hashtags, {"Id"})).missingRequired);
  CHECK(buildPlan(hashtags, eqOn(hashtags, {"ViaAccountId"})).missingRequired);
  CHECK(buildPlan(hashtags, PlanInput{}).missingRequired);

  const schema::Table& media = *schema::findTable("HashtagMedia");
  CHECK_FALSE(buildPlan(media, eqOn(media, {"HashtagName", "Kind"})).missingRequired);
  CHECK_FALSE(buildPlan(media, eqOn(media, {"HashtagId"})).missingRequired);
  CHECK(buildPlan(media, eqOn(media, {"Kind"})).missingRequired);

  const schema::RequiredFilter* f = schema::requiredFilter("hashtagmedia");
  REQUIRE(f);
  CHECK(schema::requiredColumnsText(*f) == "HashtagId or HashtagName");
  CHECK(schema::requiredColumnsText(*schema::requiredFilter("BusinessDiscovery")) == "Username");
}

TEST_CASE("CData alias columns are appended copies of ours", "[schema][cdata]") {
  const schema::Table& media = *schema::findTable("Media");
  const schema::Table* compat = schema::compatTable("Media");
  REQUIRE(compat);
  REQUIRE(compat->columns.size() == media.columns.size() + 3);
  const schema::Column& created = compat->columns[media.columns.size() + 1];
  CHECK(created.name == "Created");
  CHECK(created.json == "timestamp");
  CHECK(created.push == schema::kPushNone);
  CHECK(schema::compatTable("Accounts") == nullptr);
  CHECK(schema::catalogTables(false).size() == schema::allTables().size());
  CHECK(schema::catalogTables(true).size() == schema::allTables().size() + schema::compatViews().size());
  CHECK(schema::compatViewSelectSql("IGMedia").find("\"Permalink\"") != std::string::npos);
  CHECK(schema::compatViewSelectSql("Media").empty());
}
