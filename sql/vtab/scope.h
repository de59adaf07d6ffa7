// The account scope of a connection: BusinessAccountId, or the accounts discovered through
// /me/accounts (Facebook Login) or /me (Instagram Login), cached 10 minutes per connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql/sources/row_source.h"

namespace igodbc::sql {

// The scope if it is known without a Graph call (BusinessAccountId, or a fresh cached discovery).
std::optional<std::vector<std::string>> knownScope(const ModuleState& state);

// The scope, discovering it when needed. Discovery responses contribute no rows.
std::vector<std::string> accountScope(FetchContext& ctx);

// Discovers the scope with Graph calls, without the per-connection cache (procedures, which run outside a
// scan). `asPage`: the calls carry a Page token (AuthenticateAsPage), so the scope is that Page's account.
std::vector<std::string> discoverScope(graph::Client& graph, bool facebookLogin, int pageSize,
                                       bool asPage = false);

// Records a discovery made by another call (the Accounts listing doubles as the discovery call).
void rememberScope(ModuleState& state, std::vector<std::string> ids);

// The accounts a per-account scan visits: the scope in order, narrowed by =/IN filters on `accountColumn`.
// Warns (01000) about filter values outside the scope and about an empty scope.
std::vector<std::string> accountsToScan(FetchContext& ctx, int accountColumn);

bool inScope(const std::vector<std::string>& scope, const std::string& id);

std::string emptyScopeWarning();
std::string outsideScopeWarning(const std::string& id);

}  // namespace igodbc::sql
