// Pages: GET /me/accounts with the fields of the columns a statement reads. Facebook Login only; not limited
// by the scope.
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

namespace {

constexpr int kEdgeMax = 100;

class PagesWalk : public RowSource {
 public:
  explicit PagesWalk(FetchContext& ctx)
      : ctx_(ctx),
        walk_(ctx.graph(), "me/accounts",
              {{"fields", projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str()},
               {"limit", std::to_string(ctx.firstPageSize(kEdgeMax))}}) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    const rapidjson::Value* page = walk_.next();
    if (!page) return false;
    mapRow(ctx_.table, *page, ctx_.plan.colUsed, map_, row);
    seq = walk_.seq();
    return true;
  }

 private:
  FetchContext& ctx_;
  PagedWalk walk_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openPages(FetchContext& ctx) {
  if (!ctx.facebookLogin())
    throw EngineError({"HYC00", 0,
                       prefixed("Pages needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens "
                                "cannot list Facebook Pages")});
  return std::make_unique<PagesWalk>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_pages, {"Pages", &openPages});
