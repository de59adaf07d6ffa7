// Comments: top-level comments and their replies of the accounts' media. By Id: lookups;
// by ParentId: the parent's replies; by MediaId: the media's comments through expansion; otherwise each
// in-scope account's media walk with comments (and replies) expanded, 25 media a page
// (sql/fetch/comment_walk.h).
#include "sql/fetch/comment_walk.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

// Reads the consumed IS NULL / IS NOT NULL terms on ParentId: top-level only, or replies only.
void narrowByParent(const FetchContext& ctx, CommentShape& shape) {
  const int parent = ctx.column("ParentId");
  for (const BoundTerm& t : ctx.constraints.terms()) {
    if (t.column != parent) continue;
    if (t.op == PlanOp::IsNull) shape.replyFields = FieldList{}, shape.emitReplies = false;
    if (t.op == PlanOp::IsNotNull) shape.commentFields = FieldList{"id"}, shape.emitTop = false;
  }
}

}  // namespace

std::unique_ptr<RowSource> openComments(FetchContext& ctx) {
  const FieldList fields = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return commentRows(ctx, nullptr, std::make_unique<CommentLookup>(ctx, std::move(*ids), fields),
                       "ParentId", false);
  }
  CommentShape shape;
  shape.commentFields = fields;
  shape.replyFields = fields;
  shape.commentLimit = ctx.firstPageSize(kCommentsEdgeMax);
  shape.replyLimit = ctx.pageSize(kCommentsEdgeMax);
  std::unique_ptr<HolderSource> holders;
  if (auto parents = ctx.constraints.keys(ctx.column("ParentId"))) {
    if (parents->empty()) return emptySource();
    shape.emitTop = false;
    shape.replyLimit = ctx.firstPageSize(kCommentsEdgeMax);
    holders = parentLookupHolders(ctx, shape, std::move(*parents));
  } else {
    narrowByParent(ctx, shape);
    if (auto media = ctx.constraints.keys(ctx.column("MediaId"))) {
      if (media->empty()) return emptySource();
      holders = mediaLookupHolders(ctx, shape, std::move(*media));
    } else {
      holders = mediaWalkHolders(ctx, shape, accountsToScan(ctx, ctx.column("AccountId")));
    }
  }
  return commentRows(ctx, std::make_unique<CommentStream>(ctx, shape, std::move(holders)), nullptr,
                     "ParentId", false);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_comments, {"Comments", &openComments});
