// The wide tables (MediaMetrics, StoryMetrics, AccountDailyMetrics): declared as virtual
// tables reported as VIEW, each metric column mapped to the long rows and the call group it comes from, and
// planned with their AccountId / Date / MediaId pushdown.
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "schema/views.h"
#include "sql/fetch/account_insight_scan.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/plan.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

TEST_CASE("wide tables are virtual tables reported as views", "[sql][wide]") {
  for (const char* name : {"MediaMetrics", "StoryMetrics", "AccountDailyMetrics"}) {
    const schema::Table* t = schema::findTable(name);
    REQUIRE(t);
    CHECK(t->kind == schema::TableKind::View);
    CHECK(findRowSource(t->name) != nullptr);  // scanned by a row source, not an SQL view
    CHECK(t->writes == nullptr);
  }
  // Each with its own row source, not the one of the table it pivots.
  CHECK(findRowSource("MediaMetrics") != findRowSource("MediaInsights"));
  CHECK(findRowSource("StoryMetrics") != findRowSource("StoryInsights"));
  CHECK(findRowSource("AccountDailyMetrics") != findRowSource("AccountInsights"));
}

TEST_CASE("every wide metric column is declared and names its long rows", "[sql][wide]") {
  struct Case {
    const char* table;
    const std::vector<schema::PivotColumn>* pivot;
  };
  for (const Case& c : {Case{"MediaMetrics", &schema::mediaPivotColumns()},
                        Case{"StoryMetrics", &schema::storyPivotColumns()},
                        Case{"AccountDailyMetrics", &schema::accountDailyPivotColumns()}}) {
    const schema::Table& t = *schema::findTable(c.table);
    REQUIRE(!c.pivot->empty());
    for (const schema::PivotColumn& p : *c.pivot) {
      INFO(c.table << "." << p.name);
      const int i = schema::columnIndex(t, p.name);
      REQUIRE(i >= 0);
      CHECK(t.columns[static_cast<size_t>(i)].type == p.type);
      CHECK(!p.metric.empty());
      CHECK(p.breakdown.empty() == p.breakdownValue.empty());
    }
  }
  CHECK(schema::columnIndex(*schema::findTable("MediaMetrics"), "ReelsSkipRate") >= 0);
}

TEST_CASE("each AccountDailyMetrics column comes from one call group, never B-mpt", "[sql][wide]") {
  CHECK(accountDailyGroup("reach", "") == "T");
  CHECK(accountDailyGroup("follower_count", "") == "T");
  CHECK(accountDailyGroup("impressions", "") == "T");
  CHECK(accountDailyGroup("views", "") == "V");
  CHECK(accountDailyGroup("profile_views", "") == "V");
  CHECK(accountDailyGroup("follows_and_unfollows", "follow_type") == "B-follow");
  CHECK(accountDailyGroup("profile_links_taps", "contact_button_type") == "B-contact");
  CHECK(accountDailyGroup("views", "media_product_type") == "B-mpt");  // a valid group, but no column uses it
  CHECK(accountDailyGroup("unknown_metric", "").empty());
  for (const schema::PivotColumn& p : schema::accountDailyPivotColumns()) {
    INFO(p.name);
    const std::string g = accountDailyGroup(p.metric, p.breakdown);
    CHECK(!g.empty());
    CHECK(g != "B-mpt");
  }
}

TEST_CASE("AccountDailyMetrics pushes AccountId and Date and gives Date DESC for one account",
          "[sql][wide]") {
  const schema::Table& t = *schema::findTable("AccountDailyMetrics");
  PlanInput in;
  in.accountsHint = 1;
  for (auto [column, kind] :
       {std::pair{"Date", ConstraintKind::Ge}, std::pair{"AccountId", ConstraintKind::Eq},
        std::pair{"Views", ConstraintKind::Gt}}) {
    PlanConstraint c;
    c.column = schema::columnIndex(t, column);
    c.kind = kind;
    in.constraints.push_back(c);
  }
  in.orderBy = {{schema::columnIndex(t, "Date"), true}};
  PlanResult r = buildPlan(t, in);
  CHECK(r.usage[0].omit);
  CHECK(r.usage[1].omit);
  CHECK(r.usage[2].argvIndex == 0);  // metric columns are SQLite's to filter
  CHECK(r.orderByConsumed);
}
