// BusinessDiscoveryMedia: per Username value,
// GET /{via}?fields=business_discovery.username(u){username,media.limit(n){…}}, then
// …{username,media.after(cursor).limit(50){…}}: the nested edge gives cursors only, so the walk
// stops on an empty page or a missing cursor. A Timestamp lower bound stops it after the first page entirely
// older than the bound (media come newest first; there is no `since` here).
#include <algorithm>

#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/fetch/paged_walk.h"
#include "sql/fetch/public_content.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

// Instagram usernames: letters, digits, '.' and '_' (at most 30). Anything else must never reach the
// fields= expression.
bool plausibleUsername(const std::string& name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
  });
}

bool isUnresolvedUsername(const graph::GraphError& e) {
  return e.code == graph::codes::kInvalidParameter || e.code == graph::codes::kInvalidUserId;
}

namespace {

class DiscoveryMediaWalk : public RowSource {
 public:
  DiscoveryMediaWalk(FetchContext& ctx, std::vector<std::string> usernames, std::string via)
      : ctx_(ctx), usernames_(std::move(usernames)) {
    fields_ = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str();
    since_ = ctx.constraints.timeRange(ctx.column("Timestamp")).since;
    map_.options = ctx.options;
    map_.pathId = std::move(via);
  }

  bool next(Row& row, int& seq) override {
    for (;;) {
      while (data_ && index_ < data_->Size()) {
        const rapidjson::Value& item = (*data_)[index_++];
        if (!item.IsObject()) continue;
        mapRow(ctx_.table, item, ctx_.plan.colUsed, map_, row);
        row[static_cast<size_t>(ctx_.column("Username"))] = Value::text(username_);
        seq = page_.seq;
        return true;
      }
      if (!fetchPage()) {
        data_ = nullptr;
        if (!startNext()) return false;
      }
    }
  }

 private:
  bool startNext() {
    while (nextUser_ < usernames_.size()) {
      username_ = usernames_[nextUser_++];
      if (!plausibleUsername(username_)) {
        ctx_.warn("'" + username_ + "' cannot be an Instagram username; no account was looked up");
        continue;
      }
      first_ = true;
      after_.clear();
      return true;
    }
    return false;
  }

  // The next page of the current username; false when its walk is over.
  bool fetchPage() {
    if (username_.empty()) return false;
    if (!first_ && after_.empty()) return false;
    std::string media = "media";
    if (!first_) media += ".after(" + after_ + ")";
    media += ".limit(" + std::to_string(first_ ? ctx_.firstPageSize(50) : ctx_.pageSize(50)) + "){" +
             fields_ + "}";
    const std::string requested = username_;
    first_ = false;
    try {
      page_ = ctx_.graph().get(map_.pathId, {{"fields", "business_discovery.username(" + requested +
                                                            "){username," + media + "}"}});
    } catch (const graph::GraphError& e) {
      if (!isUnresolvedUsername(e)) throw;
      ctx_.warn("Instagram does not resolve username " + requested +
                " (unknown, personal or age-gated account): " + quoteGraph(e));
      username_.clear();
      return false;
    }
    Value spelled =
        jsonToValue(findPath(*page_.json, "business_discovery.username"), schema::SqlType::Varchar, false);
    if (spelled.type == Value::Type::Text) username_ = spelled.s;
    const rapidjson::Value* mediaObject = findPath(*page_.json, "business_discovery.media");
    data_ = mediaObject ? dataArray(*mediaObject) : nullptr;
    index_ = 0;
    const rapidjson::Value* after = mediaObject ? findPath(*mediaObject, "paging.cursors.after") : nullptr;
    after_ = after && after->IsString() ? after->GetString() : "";
    if (!data_ || data_->Empty()) {
      username_.clear();
      return false;
    }
    if (since_ && entirelyOlder(*data_)) after_.clear();  // this page is the last one worth reading
    return true;
  }

  bool entirelyOlder(const rapidjson::Value& items) const {
    for (const rapidjson::Value& item : items.GetArray()) {
      const rapidjson::Value* ts = findPath(item, "timestamp");
      std::optional<int64_t> t = ts && ts->IsString() ? parseGraphTimestamp(ts->GetString()) : std::nullopt;
      if (!t || *t >= *since_) return false;
    }
    return true;
  }

  FetchContext& ctx_;
  std::vector<std::string> usernames_;
  size_t nextUser_ = 0;
  std::string username_, fields_, after_;
  bool first_ = true;
  std::optional<int64_t> since_;
  graph::Response page_;
  const rapidjson::Value* data_ = nullptr;
  rapidjson::SizeType index_ = 0;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openBusinessDiscoveryMedia(FetchContext& ctx) {
  requireFacebookLogin(ctx, "read other accounts through business discovery");
  std::optional<std::vector<std::string>> usernames = ctx.constraints.keys(ctx.column("Username"));
  if (!usernames || usernames->empty()) return emptySource();
  std::optional<std::string> via = viaAccount(ctx);
  if (!via) return emptySource();
  return std::make_unique<DiscoveryMediaWalk>(ctx, std::move(*usernames), std::move(*via));
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_discovery_media, {"BusinessDiscoveryMedia", &openBusinessDiscoveryMedia});
