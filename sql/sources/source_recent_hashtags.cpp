// RecentlySearchedHashtags: per account in scope, GET /{ig}/recently_searched_hashtags
// ?fields=…&limit=30, following paging.next.
#include "sql/fetch/paged_walk.h"
#include "sql/fetch/public_content.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

class RecentHashtagsWalk : public RowSource {
 public:
  explicit RecentHashtagsWalk(FetchContext& ctx)
      : ctx_(ctx), accounts_(accountsToScan(ctx, ctx.column("AccountId"))) {
    fields_ = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str();
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    for (;;) {
      if (!walk_) {
        if (nextAccount_ >= accounts_.size()) return false;
        map_.pathId = accounts_[nextAccount_++];
        walk_ = std::make_unique<PagedWalk>(
            ctx_.graph(), map_.pathId + "/recently_searched_hashtags",
            graph::Params{{"fields", fields_}, {"limit", std::to_string(ctx_.firstPageSize(30))}});
      }
      if (const rapidjson::Value* item = walk_->next()) {
        mapRow(ctx_.table, *item, ctx_.plan.colUsed, map_, row);
        seq = walk_->seq();
        return true;
      }
      walk_.reset();
    }
  }

 private:
  FetchContext& ctx_;
  std::vector<std::string> accounts_;
  size_t nextAccount_ = 0;
  std::string fields_;
  std::unique_ptr<PagedWalk> walk_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openRecentlySearchedHashtags(FetchContext& ctx) {
  requireFacebookLogin(ctx, "search hashtags");
  return std::make_unique<RecentHashtagsWalk>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_recent_hashtags, {"RecentlySearchedHashtags", &openRecentlySearchedHashtags});
