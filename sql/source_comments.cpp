// Comments (data-model 4.5): top-level comments and their replies of the accounts' media. By Id: lookups;
// by ParentId: the parent's replies; by MediaId: the media's comments through expansion; otherwise each
// in-scope account's media walk with comments (and replies) expanded, 25 media a page (sql/comment_walk.h).
#include "sql/comment_walk.h"
#include "sql/row_mapper.h"
#include "sql/scope.h"

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

class CommentsSource : public RowSource {
 public:
  CommentsSource(FetchContext& ctx, std::unique_ptr<CommentStream> stream,
                 std::unique_ptr<CommentLookup> lookup)
      : ctx_(ctx), stream_(std::move(stream)), lookup_(std::move(lookup)) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    CommentItem item;
    for (;;) {
      if (!(stream_ ? stream_->next(item) : lookup_->next(item))) return false;
      // A lookup or an expansion item that names itself nothing cannot be a row (Id is NOT NULL).
      if (findPath(*item.object, "id") == nullptr) continue;
      map_.pathId = item.accountId;
      map_.parentId = item.mediaId;
      mapRow(ctx_.table, *item.object, ctx_.plan.colUsed, map_, row);
      if (!item.parentId.empty())
        row[static_cast<size_t>(ctx_.column("ParentId"))] = Value::text(item.parentId);
      fillUserId(ctx_.table, *item.object, row);
      seq = item.seq;
      return true;
    }
  }

 private:
  FetchContext& ctx_;
  std::unique_ptr<CommentStream> stream_;
  std::unique_ptr<CommentLookup> lookup_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openComments(FetchContext& ctx) {
  const FieldList fields = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return std::make_unique<CommentsSource>(ctx, nullptr,
                                            std::make_unique<CommentLookup>(ctx, std::move(*ids), fields));
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
  return std::make_unique<CommentsSource>(
      ctx, std::make_unique<CommentStream>(ctx, shape, std::move(holders)), nullptr);
}

}  // namespace igodbc::sql
