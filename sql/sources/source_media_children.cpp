// MediaChildren: album items, read through their album: by MediaId lookups
// (GET /{media}?fields=id,owner,children{…}) or from each in-scope account's media walk
// (GET /{ig}/media?fields=id,children{…}). Children are never paged (at most 10 per album).
#include "sql/fetch/id_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

constexpr int kEdgeMax = 100;

// Yields the children of one album after another; subclasses supply the albums.
class ChildrenSource : public RowSource {
 public:
  explicit ChildrenSource(FetchContext& ctx) : ctx_(ctx) { map_.options = ctx.options; }

  bool next(Row& row, int& seq) override {
    for (;;) {
      if (children_ && index_ < children_->Size()) {
        const rapidjson::Value& child = (*children_)[index_++];
        if (!child.IsObject()) continue;
        map_.derived = static_cast<int64_t>(index_);  // Position: 1-based
        mapRow(ctx_.table, child, ctx_.plan.colUsed, map_, row);
        seq = seq_;
        return true;
      }
      children_ = nullptr;
      index_ = 0;
      const rapidjson::Value* album = nextAlbum(map_.pathId, seq_);
      if (!album) return false;
      Value id = jsonToValue(findPath(*album, "id"), schema::SqlType::Varchar, false);
      if (id.type != Value::Type::Text) continue;
      map_.parentId = id.s;
      const rapidjson::Value* edge = findPath(*album, "children");
      children_ = edge ? dataArray(*edge) : nullptr;
    }
  }

 protected:
  // The next album (any media; those without children yield no rows) and its account; nullptr at the end.
  virtual const rapidjson::Value* nextAlbum(std::string& account, int& seq) = 0;

  std::string fields(bool lookup) const {
    FieldList inner = projectedFields(ctx_.table, ctx_.plan.colUsed, ctx_.options);
    FieldList outer = lookup ? FieldList{"id", "owner"} : FieldList{"id"};
    outer.add(nest("children", inner));
    return outer.str();
  }

  FetchContext& ctx_;

 private:
  MapContext map_;
  const rapidjson::Value* children_ = nullptr;
  rapidjson::SizeType index_ = 0;
  int seq_ = 0;
};

class ChildrenByMedia : public ChildrenSource {
 public:
  ChildrenByMedia(FetchContext& ctx, std::vector<std::string> ids)
      : ChildrenSource(ctx),
        scope_(accountScope(ctx)),
        lookup_(ctx, std::move(ids), fields(true), &ctx.state.listedMedia) {}

 protected:
  const rapidjson::Value* nextAlbum(std::string& account, int& seq) override {
    std::string id;
    while (const rapidjson::Value* media = lookup_.next(id)) {
      Value owner = jsonToValue(findPath(*media, "owner.id"), schema::SqlType::Varchar, false);
      if (owner.type != Value::Type::Text || !inScope(scope_, owner.s)) continue;  // P1
      account = owner.s;
      seq = lookup_.seq();
      return media;
    }
    return nullptr;
  }

 private:
  std::vector<std::string> scope_;
  IdLookup lookup_;
};

class ChildrenWalk : public ChildrenSource {
 public:
  explicit ChildrenWalk(FetchContext& ctx)
      : ChildrenSource(ctx),
        accounts_(accountsToScan(ctx, ctx.column("AccountId"))),
        fields_(fields(false)) {}

 protected:
  const rapidjson::Value* nextAlbum(std::string& account, int& seq) override {
    for (;;) {
      if (!walk_) {
        if (nextAccount_ >= accounts_.size()) return nullptr;
        account_ = accounts_[nextAccount_++];
        // A LIMIT counts children, not media, so it does not size these pages.
        walk_ = std::make_unique<PagedWalk>(
            ctx_.graph(), account_ + "/media",
            graph::Params{{"fields", fields_}, {"limit", std::to_string(ctx_.pageSize(kEdgeMax))}});
      }
      if (const rapidjson::Value* media = walk_->next()) {
        account = account_;
        seq = walk_->seq();
        return media;
      }
      walk_.reset();
    }
  }

 private:
  std::vector<std::string> accounts_;
  std::string fields_;
  size_t nextAccount_ = 0;
  std::string account_;
  std::unique_ptr<PagedWalk> walk_;
};

}  // namespace

std::unique_ptr<RowSource> openMediaChildren(FetchContext& ctx) {
  if (auto ids = ctx.constraints.keys(ctx.column("MediaId"))) {
    if (ids->empty()) return emptySource();
    return std::make_unique<ChildrenByMedia>(ctx, std::move(*ids));
  }
  return std::make_unique<ChildrenWalk>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_media_children, {"MediaChildren", &openMediaChildren});
