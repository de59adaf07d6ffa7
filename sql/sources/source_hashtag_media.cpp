// HashtagMedia: GET /{hashtag}/top_media and /recent_media with user_id={via}, 50 a page.
// These edges give only an `after` cursor, which may stay the same from page to page, so a walk
// stops on an empty page, a missing cursor, or a page whose IDs were all seen before; an item seen before is
// never returned twice. A HashtagName filter is searched first.
#include <algorithm>
#include <set>

#include "sql/fetch/paged_walk.h"
#include "sql/fetch/public_content.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

namespace {

struct Hashtag {
  std::string id;
  std::optional<std::string> name;  // the filter value, or read when the column is used
};

std::string idOf(const rapidjson::Value& item) {
  Value v = jsonToValue(findPath(item, "id"), schema::SqlType::Varchar, false);
  return v.type == Value::Type::Text ? v.s : std::string();
}

class HashtagMediaWalk : public RowSource {
 public:
  HashtagMediaWalk(FetchContext& ctx, std::vector<Hashtag> hashtags, std::vector<std::string> kinds,
                   std::string via)
      : ctx_(ctx), hashtags_(std::move(hashtags)), kinds_(std::move(kinds)), via_(std::move(via)) {
    fields_ = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str();
    nameUsed_ = columnUsed(ctx.plan.colUsed, static_cast<size_t>(ctx.column("HashtagName")));
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    for (;;) {
      if (!active_ && !startNext()) return false;
      while (data_ && index_ < data_->Size()) {
        const rapidjson::Value& item = (*data_)[index_++];
        if (!item.IsObject() || !seen_.insert(idOf(item)).second) continue;
        mapRow(ctx_.table, item, ctx_.plan.colUsed, map_, row);
        const Hashtag& h = hashtags_[hashtagIndex_];
        row[static_cast<size_t>(ctx_.column("Kind"))] = Value::text(kinds_[kindIndex_]);
        row[static_cast<size_t>(ctx_.column("ViaAccountId"))] = Value::text(via_);
        if (h.name) row[static_cast<size_t>(ctx_.column("HashtagName"))] = Value::text(*h.name);
        seq = page_.seq;
        return true;
      }
      if (!fetchPage()) {
        active_ = false;
        if (++kindIndex_ >= kinds_.size()) kindIndex_ = 0, ++hashtagIndex_;
      }
    }
  }

 private:
  bool startNext() {
    if (hashtagIndex_ >= hashtags_.size() || kinds_.empty()) return false;
    Hashtag& h = hashtags_[hashtagIndex_];
    if (!h.name && nameUsed_ && kindIndex_ == 0) readName(h);
    map_.pathId = h.id;
    first_ = true;
    after_.clear();
    seen_.clear();
    data_ = nullptr;
    active_ = true;
    return true;
  }

  void readName(Hashtag& h) {
    graph::Response r = ctx_.graph().get(h.id, {{"fields", "name"}});
    Value name = jsonToValue(findPath(*r.json, "name"), schema::SqlType::WVarchar, false);
    if (name.type == Value::Type::Text) h.name = name.s;
  }

  // The next page of the current (hashtag, kind); false when the walk of that pair is over.
  bool fetchPage() {
    if (!first_ && after_.empty()) return false;
    graph::Params params{{"user_id", via_},
                         {"fields", fields_},
                         {"limit", std::to_string(first_ ? ctx_.firstPageSize(50) : ctx_.pageSize(50))}};
    if (!first_) params.emplace_back("after", after_);
    first_ = false;
    const std::string path = hashtags_[hashtagIndex_].id + "/" + kinds_[kindIndex_] + "_media";
    try {
      page_ = ctx_.graph().get(path, params);
    } catch (const graph::GraphError& e) {
      rethrowHashtagError(e);
    }
    data_ = dataArray(*page_.json);
    index_ = 0;
    const rapidjson::Value* after = findPath(*page_.json, "paging.cursors.after");
    after_ = after && after->IsString() ? after->GetString() : "";
    if (!data_ || data_->Empty()) return false;
    bool fresh = false;
    for (const rapidjson::Value& item : data_->GetArray())
      if (item.IsObject() && !seen_.count(idOf(item))) fresh = true;
    return fresh;  // a page of IDs seen before: the cursor did not advance
  }

  FetchContext& ctx_;
  std::vector<Hashtag> hashtags_;
  std::vector<std::string> kinds_;
  std::string via_, fields_, after_;
  bool nameUsed_ = false, active_ = false, first_ = true;
  size_t hashtagIndex_ = 0, kindIndex_ = 0;
  std::set<std::string> seen_;
  graph::Response page_;
  const rapidjson::Value* data_ = nullptr;
  rapidjson::SizeType index_ = 0;
  MapContext map_;
};

// HashtagName values resolved through the search, in filter order; names Instagram does not know are skipped.
std::vector<Hashtag> searchNames(FetchContext& ctx, const std::vector<std::string>& names,
                                 const std::string& via) {
  std::vector<Hashtag> out;
  std::set<std::string> done;
  for (const std::string& name : names) {
    const std::string q = hashtagQuery(name);
    if (q.empty() || !done.insert(q).second) continue;
    graph::Response r;
    try {
      r = ctx.graph().get("ig_hashtag_search", {{"user_id", via}, {"q", q}});
    } catch (const graph::GraphError& e) {
      rethrowHashtagError(e);
    }
    const rapidjson::Value* data = dataArray(*r.json);
    const rapidjson::Value* hit = data ? (data->Empty() ? nullptr : &(*data)[0]) : r.json.get();
    std::string id = hit ? idOf(*hit) : std::string();
    if (id.empty()) {
      ctx.warn("Instagram found no hashtag named " + q);
      continue;
    }
    out.push_back({id, name});
  }
  return out;
}

}  // namespace

std::unique_ptr<RowSource> openHashtagMedia(FetchContext& ctx) {
  requireFacebookLogin(ctx, "search hashtags");
  std::optional<std::vector<std::string>> names = ctx.constraints.keys(ctx.column("HashtagName"));
  std::optional<std::vector<std::string>> ids = ctx.constraints.keys(ctx.column("HashtagId"));
  std::vector<std::string> kinds;
  std::optional<std::vector<std::string>> wantedKinds = ctx.constraints.keys(ctx.column("Kind"));
  for (const char* k : {"top", "recent"})
    if (!wantedKinds || std::find(wantedKinds->begin(), wantedKinds->end(), k) != wantedKinds->end())
      kinds.emplace_back(k);
  if (kinds.empty() || (names && names->empty()) || (!names && (!ids || ids->empty()))) return emptySource();
  std::optional<std::string> via = viaAccount(ctx);
  if (!via) return emptySource();
  std::vector<Hashtag> hashtags;
  if (names) {
    hashtags = searchNames(ctx, *names, *via);
  } else {
    for (std::string& id : *ids)
      if (plausibleId(id)) hashtags.push_back({std::move(id), std::nullopt});
  }
  if (hashtags.empty()) return emptySource();
  return std::make_unique<HashtagMediaWalk>(ctx, std::move(hashtags), std::move(kinds), std::move(*via));
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_hashtag_media, {"HashtagMedia", &openHashtagMedia});
