// BusinessDiscovery: per Username value, GET
// /{via}?fields=business_discovery.username(u){…}. A username Instagram does not resolve (unknown, personal
// or age-gated account: code 100 or 110) gives no row and a 01000 warning.
#include "sql/engine/error_mapping.h"
#include "sql/fetch/public_content.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

bool plausibleUsername(const std::string& name);        // source_discovery_media.cpp
bool isUnresolvedUsername(const graph::GraphError& e);  // source_discovery_media.cpp

namespace {

class DiscoverySource : public RowSource {
 public:
  DiscoverySource(FetchContext& ctx, std::vector<std::string> usernames, std::string via)
      : ctx_(ctx), usernames_(std::move(usernames)) {
    fields_ = projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str();
    map_.options = ctx.options;
    map_.pathId = std::move(via);
  }

  bool next(Row& row, int& seq) override {
    while (index_ < usernames_.size()) {
      const std::string& username = usernames_[index_++];
      if (!plausibleUsername(username)) {
        ctx_.warn("'" + username + "' cannot be an Instagram username; no account was looked up");
        continue;
      }
      graph::Response r;
      try {
        r = ctx_.graph().get(map_.pathId,
                             {{"fields", "business_discovery.username(" + username + "){" + fields_ + "}"}});
      } catch (const graph::GraphError& e) {
        if (!isUnresolvedUsername(e)) throw;
        ctx_.warn("Instagram does not resolve username " + username +
                  " (unknown, personal or age-gated account): " + quoteGraph(e));
        continue;
      }
      const rapidjson::Value* account = findPath(*r.json, "business_discovery");
      if (!account || !account->IsObject()) continue;
      mapRow(ctx_.table, *account, ctx_.plan.colUsed, map_, row);
      seq = r.seq;
      return true;
    }
    return false;
  }

 private:
  FetchContext& ctx_;
  std::vector<std::string> usernames_;
  size_t index_ = 0;
  std::string fields_;
  MapContext map_;
};

}  // namespace

std::unique_ptr<RowSource> openBusinessDiscovery(FetchContext& ctx) {
  requireFacebookLogin(ctx, "read other accounts through business discovery");
  std::optional<std::vector<std::string>> usernames = ctx.constraints.keys(ctx.column("Username"));
  if (!usernames || usernames->empty()) return emptySource();
  std::optional<std::string> via = viaAccount(ctx);
  if (!via) return emptySource();
  return std::make_unique<DiscoverySource>(ctx, std::move(*usernames), std::move(*via));
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_business_discovery, {"BusinessDiscovery", &openBusinessDiscovery});
