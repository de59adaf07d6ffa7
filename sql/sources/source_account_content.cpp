// Per-account content edges: ContentPublishingLimit, Stories and Tags.
#include <string>

#include "sql/fetch/media_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

// Visits the accounts of the scan one after another; `open` starts one account, `pull` yields its rows.
class PerAccount : public RowSource {
 public:
  explicit PerAccount(FetchContext& ctx)
      : ctx_(ctx), accounts_(accountsToScan(ctx, ctx.column("AccountId"))) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    for (;;) {
      if (!active_) {
        if (nextAccount_ >= accounts_.size()) return false;
        map_.pathId = accounts_[nextAccount_++];
        open(map_.pathId);
        active_ = true;
      }
      if (const rapidjson::Value* item = pull(seq)) {
        mapRow(ctx_.table, *item, ctx_.plan.colUsed, map_, row);
        return true;
      }
      active_ = false;
    }
  }

 protected:
  virtual void open(const std::string& account) = 0;
  virtual const rapidjson::Value* pull(int& seq) = 0;

  FetchContext& ctx_;
  MapContext map_;

 private:
  std::vector<std::string> accounts_;
  size_t nextAccount_ = 0;
  bool active_ = false;
};

// GET /{ig}/content_publishing_limit?fields=quota_usage,config: the first element of data.
class PublishingLimit : public PerAccount {
 public:
  using PerAccount::PerAccount;

 private:
  void open(const std::string& account) override {
    response_ = ctx_.graph().get(account + "/content_publishing_limit", {{"fields", "quota_usage,config"}});
    done_ = false;
  }
  const rapidjson::Value* pull(int& seq) override {
    if (done_) return nullptr;
    done_ = true;
    const rapidjson::Value* data = dataArray(*response_.json);
    if (!data || data->Empty() || !(*data)[0].IsObject()) return nullptr;
    seq = response_.seq;
    return &(*data)[0];
  }
  graph::Response response_;
  bool done_ = true;
};

// GET /{ig}/stories?fields=…&limit=100, following paging.next.
class StoriesWalk : public PerAccount {
 public:
  using PerAccount::PerAccount;

 private:
  void open(const std::string& account) override {
    graph::Params params{{"fields", projectedFields(ctx_.table, ctx_.plan.colUsed, ctx_.options).str()},
                         {"limit", std::to_string(ctx_.firstPageSize(100))}};
    walk_ = std::make_unique<PagedWalk>(ctx_.graph(), account + "/stories", std::move(params));
    walk_->readAhead(ctx_.rowsWanted());
  }
  const rapidjson::Value* pull(int& seq) override {
    const rapidjson::Value* item = walk_->next();
    seq = walk_->seq();
    return item;
  }
  std::unique_ptr<PagedWalk> walk_;
};

// GET /{ig}/tags?fields=…&limit=50: cursors without `next`, so the driver sends after= itself and
// stops on an empty page or a missing after cursor.
class TagsWalk : public PerAccount {
 public:
  using PerAccount::PerAccount;

 private:
  void open(const std::string& account) override {
    path_ = account + "/tags";
    fields_ = projectedFields(ctx_.table, ctx_.plan.colUsed, ctx_.options).str();
    after_.clear();
    first_ = true;
    data_ = nullptr;
    index_ = 0;
  }
  const rapidjson::Value* pull(int& seq) override {
    while (!data_ || index_ >= data_->Size()) {
      if (!first_ && after_.empty()) return nullptr;
      graph::Params params{{"fields", fields_},
                           {"limit", std::to_string(first_ ? ctx_.firstPageSize(50) : ctx_.pageSize(50))}};
      if (!first_) params.emplace_back("after", after_);
      first_ = false;
      page_ = ctx_.graph().get(path_, params);
      data_ = dataArray(*page_.json);
      index_ = 0;
      std::string previous = after_;
      const rapidjson::Value* after = findPath(*page_.json, "paging.cursors.after");
      after_ = after && after->IsString() ? after->GetString() : "";
      if (!data_ || data_->Empty() || after_ == previous) after_.clear();
      if (!data_ || data_->Empty()) return nullptr;
    }
    seq = page_.seq;
    return &(*data_)[index_++];
  }
  std::string path_, fields_, after_;
  bool first_ = true;
  graph::Response page_;
  const rapidjson::Value* data_ = nullptr;
  rapidjson::SizeType index_ = 0;
};

// Facebook Login: GET /me/permissions. Instagram Login: the list recorded at the last token exchange, which
// this connection does not hold yet: no rows and the model's warning.
class PermissionsSource : public RowSource {
 public:
  explicit PermissionsSource(FetchContext& ctx) : ctx_(ctx) { map_.options = ctx.options; }

  bool next(Row& row, int& seq) override {
    if (!ctx_.facebookLogin()) {
      ctx_.warn(
          "No permission list is on record for this Instagram Login token; Instagram returns it only when a "
          "token is exchanged or refreshed (run GetOAuthAccessToken or RefreshOAuthAccessToken)");
      return false;
    }
    if (!walk_) walk_ = std::make_unique<PagedWalk>(ctx_.graph(), "me/permissions", graph::Params{});
    const rapidjson::Value* item = walk_->next();
    if (!item) return false;
    mapRow(ctx_.table, *item, ctx_.plan.colUsed, map_, row);
    seq = walk_->seq();
    return true;
  }

 private:
  FetchContext& ctx_;
  std::unique_ptr<PagedWalk> walk_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openPermissions(FetchContext& ctx) {
  return std::make_unique<PermissionsSource>(ctx);
}

std::unique_ptr<RowSource> openContentPublishingLimit(FetchContext& ctx) {
  return std::make_unique<PublishingLimit>(ctx);
}

std::unique_ptr<RowSource> openStories(FetchContext& ctx) {
  if (auto ids = ctx.constraints.keys(ctx.column("Id"))) {
    if (ids->empty()) return emptySource();
    return openMediaLookup(ctx, std::move(*ids), MediaProduct::Story);
  }
  return std::make_unique<StoriesWalk>(ctx);
}

std::unique_ptr<RowSource> openTags(FetchContext& ctx) {
  return std::make_unique<TagsWalk>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_account_content, {"ContentPublishingLimit", &openContentPublishingLimit},
                   {"Stories", &openStories}, {"Tags", &openTags}, {"Permissions", &openPermissions});
