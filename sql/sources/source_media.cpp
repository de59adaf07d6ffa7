// Media: lookups by Id, or each in-scope account's /media walk narrowed by since/until.
#include <algorithm>
#include <string>

#include "sql/fetch/id_lookup.h"
#include "sql/fetch/media_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

constexpr int kEdgeMax = 100;
constexpr int64_t kNewestServed = 10000;  // Instagram serves only the 10,000 newest media

// GET /{id}?fields=…,owner,media_product_type (or ?ids=): lookups drop what the walk would not list.
// Deviation for stories: the "less than 24 h old" test is left to Graph (which stops serving expired
// stories): the driver's clock is not Graph's.
class MediaLookup : public RowSource {
 public:
  MediaLookup(FetchContext& ctx, std::vector<std::string> ids, MediaProduct which)
      : ctx_(ctx),
        scope_(accountScope(ctx)),
        // Stories are never on a Media walk page, so only Media lookups read page neighbours.
        lookup_(ctx, std::move(ids), fields(ctx),
                which == MediaProduct::Feed ? &ctx.state.listedMedia : nullptr),
        which_(which) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    std::string id;
    while (const rapidjson::Value* media = lookup_.next(id)) {
      Value owner = jsonToValue(findPath(*media, "owner.id"), schema::SqlType::Varchar, false);
      Value kind = jsonToValue(findPath(*media, "media_product_type"), schema::SqlType::Varchar, false);
      if (owner.type != Value::Type::Text || !inScope(scope_, owner.s)) continue;
      const bool story = kind.type == Value::Type::Text && kind.s == "STORY";
      if (story != (which_ == MediaProduct::Story)) continue;
      map_.pathId = owner.s;
      mapRow(ctx_.table, *media, ctx_.plan.colUsed, map_, row);
      seq = lookup_.seq();
      return true;
    }
    return false;
  }

 private:
  static std::string fields(FetchContext& ctx) {
    FieldList f = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
    f.add("owner");
    f.add("media_product_type");
    return f.str();
  }

  FetchContext& ctx_;
  std::vector<std::string> scope_;
  IdLookup lookup_;
  MediaProduct which_;
  MapContext map_;
};

// GET /{ig}/media?fields=…[&since=…][&until=…]&limit=…, then each paging.next, account after account.
class MediaWalk : public RowSource {
 public:
  explicit MediaWalk(FetchContext& ctx) : ctx_(ctx) {
    range_ = ctx.constraints.timeRange(ctx.column("Timestamp"));
    if (!range_.empty) accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
    FieldList f = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options);
    if (range_.since) f.add("timestamp");  // needed to notice a page entirely older than the bound
    fields_ = f.str();
    map_.options = ctx.options;
  }
  ~MediaWalk() override { ctx_.state.listedMedia.release(this); }

  bool next(Row& row, int& seq) override {
    for (;;) {
      if (!walk_) {
        if (nextAccount_ >= accounts_.size()) return false;
        start(accounts_[nextAccount_++]);
      }
      const rapidjson::Value* media = walk_->next();
      if (!media) {
        walk_.reset();
        continue;
      }
      track(*media);
      list();
      if (walk_->items() == kNewestServed)
        ctx_.warn(
            "Account " + map_.pathId +
            " has 10,000 media or more; Instagram serves only the 10,000 newest through /media, so older "
            "media are missing");
      mapRow(ctx_.table, *media, ctx_.plan.colUsed, map_, row);
      seq = walk_->seq();
      return true;
    }
  }

 private:
  graph::Params firstPage() const {
    graph::Params params{{"fields", fields_}};
    if (range_.since) params.emplace_back("since", std::to_string(*range_.since));
    if (range_.until) params.emplace_back("until", std::to_string(*range_.until));
    params.emplace_back("limit", std::to_string(ctx_.firstPageSize(kEdgeMax)));
    return params;
  }

  void start(const std::string& account) {
    graph::Client& graph = ctx_.graph();
    walk_ = std::make_unique<PagedWalk>(graph, account + "/media", firstPage());
    walk_->readAhead(ctx_.rowsWanted());
    // The accounts are independent: their first pages are asked for now, while this one is read. Not under
    // a LIMIT the API was given, which the first accounts may already satisfy.
    if (!ctx_.rowsWanted()) {
      const size_t ahead = static_cast<size_t>(std::max(graph.maxConcurrency() - 1, 0));
      for (size_t j = nextAccount_; j < accounts_.size() && j < nextAccount_ + ahead; ++j)
        graph.prefetch(accounts_[j] + "/media", firstPage());
    }
    map_.pathId = account;
    page_ = 0;
    listedPage_ = 0;
    // Belt and braces in case `since` is ignored: stop after the first page whose rows are all older than
    // the lower bound (one page of slack covers pinned posts).
    if (range_.since) walk_->setContinue([this] { return !(page_ > 0 && allOlder_); });
  }

  // Publishes each new page's IDs, so that a join feeding them one at a time into a lookup can batch them.
  void list() {
    if (walk_->pageNumber() == listedPage_) return;
    listedPage_ = walk_->pageNumber();
    std::vector<std::string> ids;
    if (const rapidjson::Value* items = walk_->pageItems())
      for (const rapidjson::Value& item : items->GetArray()) {
        const rapidjson::Value* id = item.IsObject() ? findPath(item, "id") : nullptr;
        if (id && id->IsString()) ids.emplace_back(id->GetString(), id->GetStringLength());
      }
    ctx_.state.listedMedia.setPage(this, std::move(ids));
  }

  void track(const rapidjson::Value& media) {
    if (!range_.since) return;
    if (walk_->pageNumber() != page_) page_ = walk_->pageNumber(), allOlder_ = true;
    Value ts = jsonToValue(findPath(media, "timestamp"), schema::SqlType::Varchar, false);
    std::optional<int64_t> t = ts.type == Value::Type::Text ? parseGraphTimestamp(ts.s) : std::nullopt;
    if (!t || *t >= *range_.since) allOlder_ = false;
  }

  FetchContext& ctx_;
  TimeRange range_;
  std::vector<std::string> accounts_;
  size_t nextAccount_ = 0;
  std::string fields_;
  std::unique_ptr<PagedWalk> walk_;
  MapContext map_;
  int page_ = 0;
  int listedPage_ = 0;  // the page whose IDs were last published
  bool allOlder_ = false;
};

}  // namespace

std::unique_ptr<RowSource> openMediaLookup(FetchContext& ctx, std::vector<std::string> ids,
                                           MediaProduct which) {
  return std::make_unique<MediaLookup>(ctx, std::move(ids), which);
}

std::unique_ptr<RowSource> openMedia(FetchContext& ctx) {
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return openMediaLookup(ctx, std::move(*ids), MediaProduct::Feed);
  }
  return std::make_unique<MediaWalk>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_media, {"Media", &openMedia});
