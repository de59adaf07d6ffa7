#include "sql/fetch/comment_walk.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

namespace {

class CommentRows : public RowSource {
 public:
  CommentRows(FetchContext& ctx, std::unique_ptr<CommentStream> stream, std::unique_ptr<CommentLookup> lookup,
              std::string_view parentColumn, bool repliesOnly)
      : ctx_(ctx),
        stream_(std::move(stream)),
        lookup_(std::move(lookup)),
        parentColumn_(static_cast<size_t>(schema::columnIndex(ctx.table, parentColumn))),
        repliesOnly_(repliesOnly) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    CommentItem item;
    for (;;) {
      if (!(stream_ ? stream_->next(item) : lookup_->next(item))) return false;
      // A lookup or an expansion item that names itself nothing cannot be a row (Id is NOT NULL).
      if (findPath(*item.object, "id") == nullptr) continue;
      if (repliesOnly_ && item.parentId.empty()) continue;
      map_.pathId = item.accountId;
      map_.parentId = item.mediaId;
      mapRow(ctx_.table, *item.object, ctx_.plan.colUsed, map_, row);
      if (!item.parentId.empty()) row[parentColumn_] = Value::text(item.parentId);
      fillUserId(ctx_.table, *item.object, row);
      seq = item.seq;
      return true;
    }
  }

 private:
  FetchContext& ctx_;
  std::unique_ptr<CommentStream> stream_;
  std::unique_ptr<CommentLookup> lookup_;
  size_t parentColumn_;
  bool repliesOnly_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> commentRows(FetchContext& ctx, std::unique_ptr<CommentStream> stream,
                                       std::unique_ptr<CommentLookup> lookup, std::string_view parentColumn,
                                       bool repliesOnly) {
  return std::make_unique<CommentRows>(ctx, std::move(stream), std::move(lookup), parentColumn, repliesOnly);
}

}  // namespace igodbc::sql
