// What the public-content tables share: they need Facebook Login, they make their
// calls through ViaAccountId, and hashtag calls draw on the quota of 30 hashtags per account per 7
// days.
#pragma once

#include <optional>
#include <string>

#include "graph/errors.h"
#include "sql/sources/row_source.h"

namespace igodbc::sql {

// HYC00 "{Table} needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens cannot {what}".
void requireFacebookLogin(const FetchContext& ctx, const std::string& what);

// The account the calls go through: the ViaAccountId = '…' filter when given (it must be in scope), else the
// first account in scope. nullopt, after the warning that the scope is empty, when there is none.
std::optional<std::string> viaAccount(FetchContext& ctx);

// A hashtag name as Instagram's search takes it: without a leading '#'.
std::string hashtagQuery(const std::string& name);

// Rethrows a Graph error of a hashtag call; the weekly-quota refusal gets advice pointing to
// RecentlySearchedHashtags.
[[noreturn]] void rethrowHashtagError(const graph::GraphError& e);

}  // namespace igodbc::sql
