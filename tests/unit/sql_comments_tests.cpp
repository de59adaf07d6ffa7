// Comments and Replies planning (sql/vtab/plan.cpp) and the expansion text of a comment read
// (sql/fetch/comment_walk.h).
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/fetch/comment_walk.h"
#include "sql/vtab/plan.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

namespace {

PlanResult planOn(const char* table, const char* column, ConstraintKind kind, bool inList = false) {
  const schema::Table& t = *schema::findTable(table);
  PlanInput in;
  PlanConstraint c;
  c.column = schema::columnIndex(t, column);
  c.kind = kind;
  c.inList = inList;
  in.constraints.push_back(c);
  return buildPlan(t, in);
}

}  // namespace

TEST_CASE("a comment's own media or parent is cheaper than the walk, the Id cheapest",
          "[sql][plan][comments]") {
  const double walk = buildPlan(*schema::findTable("Comments"), PlanInput{}).cost;
  const PlanResult byId = planOn("Comments", "Id", ConstraintKind::Eq);
  const PlanResult byMedia = planOn("Comments", "MediaId", ConstraintKind::Eq);
  const PlanResult byMediaList = planOn("Comments", "MediaId", ConstraintKind::Eq, true);
  const PlanResult byParent = planOn("Comments", "ParentId", ConstraintKind::Eq);
  CHECK(byId.unique);
  CHECK(byId.cost < byMedia.cost);
  CHECK(byMedia.cost < byMediaList.cost);
  CHECK(byMediaList.cost < walk);
  CHECK(byParent.cost < walk);
  CHECK(walk >= 48);  // ~1,200 media at 25 a page
  CHECK_FALSE(byMedia.unique);

  const PlanResult topLevel = planOn("Comments", "ParentId", ConstraintKind::IsNull);
  REQUIRE(topLevel.plan.terms.size() == 1);
  CHECK(topLevel.plan.terms[0].op == PlanOp::IsNull);
  CHECK(topLevel.cost > byParent.cost);

  CHECK(planOn("Replies", "CommentId", ConstraintKind::Eq).cost <
        buildPlan(*schema::findTable("Replies"), {}).cost);
  CHECK(planOn("Replies", "MediaId", ConstraintKind::Eq).cost <
        buildPlan(*schema::findTable("Replies"), {}).cost);
}

TEST_CASE("comment expansions nest replies inside comments, in the contract's form", "[sql][comments]") {
  CommentShape shape;
  shape.commentFields = FieldList{"id", "text"};
  shape.replyFields = FieldList{"id", "text"};
  CHECK(shape.commentsExpansion() == "comments.limit(50){id,text,replies.limit(50){id,text}}");
  CHECK(shape.repliesExpansion() == "replies.limit(50){id,text}");
  CHECK(shape.commentSelection() == "id,text,replies.limit(50){id,text}");

  shape.replyFields = FieldList{};  // ParentId IS NULL: no replies expansion
  shape.commentFields = FieldList{"id", "hidden"};
  CHECK(shape.commentsExpansion() == "comments.limit(50){id,hidden}");

  shape.commentLimit = 7;  // LIMIT 7 with every constraint pushed
  CHECK(shape.commentsExpansion() == "comments.limit(7){id,hidden}");
}
