// MentionedMedia and MentionedComments: Instagram has no list of mentions, so the
// required Id filter names them; each (account in scope, ID) pair is one
// GET /{ig}?fields=mentioned_media.media_id({id}){…} (mentioned_comment.comment_id for comments).
// A code 100 answer means "not a mention of this account": no row for that pair.
#include <string>

#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

class MentionSource : public RowSource {
 public:
  explicit MentionSource(FetchContext& ctx) : ctx_(ctx) {
    comments_ = ctx.table.name == "MentionedComments";
    ids_ = ctx.constraints.keys(ctx.column("Id")).value_or(std::vector<std::string>{});
    if (!ids_.empty()) accounts_ = accountsToScan(ctx, ctx.column("AccountId"));
    fields_ = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str();
    found_.assign(ids_.size(), false);
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    while (idIndex_ < ids_.size()) {
      if (accountIndex_ >= accounts_.size()) {
        if (!found_[idIndex_] && !accounts_.empty())
          ctx_.warn(std::string(comments_ ? "Comment " : "Media ") + ids_[idIndex_] +
                    " does not mention any account in this connection's scope");
        ++idIndex_;
        accountIndex_ = 0;
        continue;
      }
      const std::string& account = accounts_[accountIndex_++];
      const std::string& id = ids_[idIndex_];
      if (!plausibleId(id)) continue;
      const char* edge = comments_ ? "mentioned_comment.comment_id(" : "mentioned_media.media_id(";
      graph::Response r;
      try {
        r = ctx_.graph().get(account, {{"fields", edge + id + "){" + fields_ + "}"}});
      } catch (const graph::GraphError& e) {
        if (e.code == graph::codes::kInvalidParameter) continue;
        throw;
      }
      const rapidjson::Value* object = findPath(*r.json, comments_ ? "mentioned_comment" : "mentioned_media");
      if (!object || !object->IsObject()) continue;
      found_[idIndex_] = true;
      map_.pathId = account;
      mapRow(ctx_.table, *object, ctx_.plan.colUsed, map_, row);
      seq = r.seq;
      return true;
    }
    return false;
  }

 private:
  FetchContext& ctx_;
  bool comments_ = false;
  std::vector<std::string> ids_, accounts_;
  std::vector<bool> found_;
  std::string fields_;
  size_t idIndex_ = 0, accountIndex_ = 0;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openMentions(FetchContext& ctx) {
  return std::make_unique<MentionSource>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_mentions, {"MentionedMedia", &openMentions}, {"MentionedComments", &openMentions});
