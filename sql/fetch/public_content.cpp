#include "sql/fetch/public_content.h"

#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

// The quota refusal: code 18 with a message about hashtags (Meta documents no code for it, so the
// message decides as well).
bool isHashtagQuota(const graph::GraphError& e) {
  const std::string& m = e.graphMessage;
  return e.code == graph::codes::kHashtagQuota || m.find("unique hashtag") != std::string::npos;
}

}  // namespace

void requireFacebookLogin(const FetchContext& ctx, const std::string& what) {
  if (ctx.facebookLogin()) return;
  throw EngineError(
      {"HYC00", 0,
       prefixed(std::string(ctx.table.name) +
                " needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens cannot " + what)});
}

std::optional<std::string> viaAccount(FetchContext& ctx) {
  std::optional<std::vector<std::string>> wanted = ctx.constraints.keys(ctx.column("ViaAccountId"));
  if (wanted && wanted->empty()) return std::nullopt;  // ViaAccountId = NULL: nothing can match
  std::vector<std::string> scope = accountScope(ctx);
  if (scope.empty()) {
    ctx.warn(emptyScopeWarning());
    return std::nullopt;
  }
  if (!wanted) return scope.front();
  const std::string& id = wanted->front();
  if (!inScope(scope, id)) {
    ctx.warn(outsideScopeWarning(id));
    return std::nullopt;
  }
  return id;
}

std::string hashtagQuery(const std::string& name) {
  return !name.empty() && name[0] == '#' ? name.substr(1) : name;
}

void rethrowHashtagError(const graph::GraphError& e) {
  if (!isHashtagQuota(e)) throw e;
  Diagnostic d = diagnoseGraphError(e);
  d.message +=
      " Each account may query at most 30 different hashtags in 7 days; SELECT * FROM "
      "RecentlySearchedHashtags "
      "lists the ones that count now, or set ViaAccountId to search through another account.";
  throw EngineError(std::move(d));
}

}  // namespace igodbc::sql
