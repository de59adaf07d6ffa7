// Hashtags: one GET /ig_hashtag_search?user_id={via}&q={name} per Name value (a leading '#'
// removed), or, filtered by Id only, GET /{id}?fields=id,name / ?ids= (no search quota). Name holds the
// name as the filter wrote it, which saves a call per hashtag.
#include <map>

#include "sql/fetch/id_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/fetch/public_content.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

namespace {

// The search answers {"data":[{"id":…}]}; an older documented shape is the bare {"id":…}.
const rapidjson::Value* searchHit(const rapidjson::Value& response) {
  if (const rapidjson::Value* data = dataArray(response))
    return !data->Empty() && (*data)[0].IsObject() ? &(*data)[0] : nullptr;
  return response.IsObject() && response.HasMember("id") ? &response : nullptr;
}

class HashtagSearch : public RowSource {
 public:
  HashtagSearch(FetchContext& ctx, std::vector<std::string> names, std::string via)
      : ctx_(ctx), names_(std::move(names)), via_(std::move(via)) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    while (index_ < names_.size()) {
      const std::string& name = names_[index_++];
      const std::string q = hashtagQuery(name);
      if (q.empty()) continue;
      if (searched_.count(q)) continue;  // '#coffee' and 'coffee' are one search and one hashtag
      searched_.emplace(q, true);
      graph::Response r;
      try {
        r = ctx_.graph().get("ig_hashtag_search", {{"user_id", via_}, {"q", q}});
      } catch (const graph::GraphError& e) {
        rethrowHashtagError(e);
      }
      const rapidjson::Value* hit = searchHit(*r.json);
      if (!hit) {
        ctx_.warn("Instagram found no hashtag named " + q);
        continue;
      }
      mapRow(ctx_.table, *hit, ctx_.plan.colUsed, map_, row);
      row[static_cast<size_t>(ctx_.column("Name"))] = Value::text(name);
      row[static_cast<size_t>(ctx_.column("ViaAccountId"))] = Value::text(via_);
      seq = r.seq;
      return true;
    }
    return false;
  }

 private:
  FetchContext& ctx_;
  std::vector<std::string> names_;
  std::string via_;
  size_t index_ = 0;
  std::map<std::string, bool> searched_;
  MapContext map_;
};

class HashtagLookup : public RowSource {
 public:
  HashtagLookup(FetchContext& ctx, std::vector<std::string> ids, std::string via)
      : ctx_(ctx), via_(std::move(via)), lookup_(ctx, std::move(ids), "id,name") {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    std::string id;
    const rapidjson::Value* hashtag = lookup_.next(id);
    if (!hashtag) return false;
    mapRow(ctx_.table, *hashtag, ctx_.plan.colUsed, map_, row);
    row[static_cast<size_t>(ctx_.column("ViaAccountId"))] = Value::text(via_);
    seq = lookup_.seq();
    return true;
  }

 private:
  FetchContext& ctx_;
  std::string via_;
  IdLookup lookup_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openHashtags(FetchContext& ctx) {
  requireFacebookLogin(ctx, "search hashtags");
  std::optional<std::vector<std::string>> names = ctx.constraints.keys(ctx.column("Name"));
  std::optional<std::vector<std::string>> ids = ctx.constraints.keys(ctx.column("Id"));
  if ((names && names->empty()) || (!names && (!ids || ids->empty()))) return emptySource();
  std::optional<std::string> via = viaAccount(ctx);
  if (!via) return emptySource();
  if (names) return std::make_unique<HashtagSearch>(ctx, std::move(*names), std::move(*via));
  return std::make_unique<HashtagLookup>(ctx, std::move(*ids), std::move(*via));
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_hashtags, {"Hashtags", &openHashtags});
