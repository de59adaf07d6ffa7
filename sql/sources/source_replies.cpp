// Replies: the rows of Comments that have a parent, the parent named CommentId. By Id:
// lookups kept only when parent_id is present; by CommentId: the comment's replies expansion; by MediaId or
// otherwise: the Comments reading with top-level fields=id, emitting only replies (sql/fetch/comment_walk.h).
#include "sql/fetch/comment_walk.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

std::unique_ptr<RowSource> openReplies(FetchContext& ctx) {
  const FieldList fields = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return commentRows(ctx, nullptr, std::make_unique<CommentLookup>(ctx, std::move(*ids), fields),
                       "CommentId", true);
  }
  CommentShape shape;
  shape.commentFields = FieldList{"id"};
  shape.replyFields = fields;
  shape.emitTop = false;
  shape.commentLimit = ctx.pageSize(kCommentsEdgeMax);
  shape.replyLimit = ctx.pageSize(kCommentsEdgeMax);
  std::unique_ptr<HolderSource> holders;
  if (auto parents = ctx.constraints.keys(ctx.column("CommentId"))) {
    if (parents->empty()) return emptySource();
    shape.replyLimit = ctx.firstPageSize(kCommentsEdgeMax);
    holders = parentLookupHolders(ctx, shape, std::move(*parents));
  } else if (auto media = ctx.constraints.keys(ctx.column("MediaId"))) {
    if (media->empty()) return emptySource();
    holders = mediaLookupHolders(ctx, shape, std::move(*media));
  } else {
    holders = mediaWalkHolders(ctx, shape, accountsToScan(ctx, ctx.column("AccountId")));
  }
  return commentRows(ctx, std::make_unique<CommentStream>(ctx, shape, std::move(holders)), nullptr,
                     "CommentId", true);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_replies, {"Replies", &openReplies});
