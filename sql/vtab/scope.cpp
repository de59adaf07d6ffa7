#include "sql/vtab/scope.h"

#include <algorithm>

#include "sql/fetch/paged_walk.h"
#include "sql/vtab/row_mapper.h"

namespace igodbc::sql {

namespace {

constexpr auto kScopeLifetime = std::chrono::minutes(10);

std::vector<std::string> discoverFacebook(graph::Client& graph, int pageSize) {
  PagedWalk walk(graph, "me/accounts",
                 {{"fields", "instagram_business_account"}, {"limit", std::to_string(pageSize)}});
  std::vector<std::string> ids;
  while (const rapidjson::Value* page = walk.next()) {
    Value id = jsonToValue(findPath(*page, "instagram_business_account.id"), schema::SqlType::Varchar, false);
    if (id.type == Value::Type::Text && !inScope(ids, id.s)) ids.push_back(id.s);
  }
  return ids;
}

// A Page token has no /me/accounts: /me is the Page itself.
std::vector<std::string> discoverPage(graph::Client& graph) {
  graph::Response r = graph.get("me", {{"fields", "instagram_business_account"}});
  Value id = jsonToValue(findPath(*r.json, "instagram_business_account.id"), schema::SqlType::Varchar, false);
  if (id.type == Value::Type::Text) return {id.s};
  return {};
}

std::vector<std::string> discoverInstagram(graph::Client& graph) {
  graph::Response r = graph.get("me", {{"fields", "user_id"}});
  const rapidjson::Value* me = r.json.get();
  // The documented sample wraps the answer in data[]; real servers answer flat: accept both.
  if (const rapidjson::Value* data = dataArray(*me)) me = data->Empty() ? nullptr : &(*data)[0];
  std::vector<std::string> ids;
  if (me) {
    Value id = jsonToValue(findPath(*me, "user_id"), schema::SqlType::Varchar, false);
    if (id.isNull()) id = jsonToValue(findPath(*me, "id"), schema::SqlType::Varchar, false);
    if (id.type == Value::Type::Text) ids.push_back(id.s);
  }
  return ids;
}

}  // namespace

bool inScope(const std::vector<std::string>& scope, const std::string& id) {
  return std::find(scope.begin(), scope.end(), id) != scope.end();
}

std::optional<std::vector<std::string>> knownScope(const ModuleState& state) {
  const Settings& s = state.engine.settings();
  if (!s.businessAccountIds.empty()) return s.businessAccountIds;
  if (state.scopeValid && std::chrono::steady_clock::now() - state.scopeAt < kScopeLifetime)
    return state.scope;
  return std::nullopt;
}

void rememberScope(ModuleState& state, std::vector<std::string> ids) {
  state.scope = std::move(ids);
  state.scopeAt = std::chrono::steady_clock::now();
  state.scopeValid = true;
}

std::vector<std::string> accountScope(FetchContext& ctx) {
  if (auto known = knownScope(ctx.state)) return *known;
  std::vector<std::string> ids = discoverScope(ctx.graph(), ctx.facebookLogin(), ctx.pageSize(100),
                                               ctx.state.engine.settings().pageToken);
  rememberScope(ctx.state, ids);
  return ids;
}

std::vector<std::string> discoverScope(graph::Client& graph, bool facebookLogin, int pageSize, bool asPage) {
  if (facebookLogin && asPage) return discoverPage(graph);
  return facebookLogin ? discoverFacebook(graph, pageSize) : discoverInstagram(graph);
}

std::vector<std::string> accountsToScan(FetchContext& ctx, int accountColumn) {
  std::optional<std::vector<std::string>> wanted = ctx.constraints.keys(accountColumn);
  if (wanted && wanted->empty()) return {};  // e.g. AccountId = NULL: nothing can match, no call needed
  std::vector<std::string> scope = accountScope(ctx);
  if (scope.empty()) {
    ctx.warn(emptyScopeWarning());
    return {};
  }
  if (!wanted) return scope;
  for (const std::string& id : *wanted)
    if (!inScope(scope, id)) ctx.warn(outsideScopeWarning(id));
  std::vector<std::string> out;
  for (const std::string& id : scope)
    if (inScope(*wanted, id)) out.push_back(id);
  return out;
}

std::string emptyScopeWarning() {
  return "The token reaches no Instagram professional account (/me/accounts lists no linked account). If "
         "access "
         "comes through Business Manager, grant business_management or set BusinessAccountId.";
}

std::string outsideScopeWarning(const std::string& id) {
  return "Account " + id + " is outside this connection's account scope; set BusinessAccountId to read it";
}

}  // namespace igodbc::sql
