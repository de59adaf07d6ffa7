// Replies (data-model 4.6): the rows of Comments that have a parent, the parent named CommentId. By Id:
// lookups kept only when parent_id is present; by CommentId: the comment's replies expansion; by MediaId or
// otherwise: the Comments reading with top-level fields=id, emitting only replies (sql/comment_walk.h).
#include "sql/comment_walk.h"
#include "sql/row_mapper.h"
#include "sql/scope.h"

namespace igodbc::sql {

namespace {

class RepliesSource : public RowSource {
 public:
  RepliesSource(FetchContext& ctx, std::unique_ptr<CommentStream> stream,
                std::unique_ptr<CommentLookup> lookup)
      : ctx_(ctx), stream_(std::move(stream)), lookup_(std::move(lookup)) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    CommentItem item;
    for (;;) {
      if (!(stream_ ? stream_->next(item) : lookup_->next(item))) return false;
      if (item.parentId.empty() || findPath(*item.object, "id") == nullptr) continue;  // not a reply
      map_.pathId = item.accountId;
      map_.parentId = item.mediaId;
      mapRow(ctx_.table, *item.object, ctx_.plan.colUsed, map_, row);
      row[static_cast<size_t>(ctx_.column("CommentId"))] = Value::text(item.parentId);
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

std::unique_ptr<RowSource> openReplies(FetchContext& ctx) {
  const FieldList fields = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return std::make_unique<RepliesSource>(ctx, nullptr,
                                           std::make_unique<CommentLookup>(ctx, std::move(*ids), fields));
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
  return std::make_unique<RepliesSource>(ctx, std::make_unique<CommentStream>(ctx, shape, std::move(holders)),
                                         nullptr);
}

}  // namespace igodbc::sql
