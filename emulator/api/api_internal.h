// What one request carries while it is dispatched, and the handlers of the api_*.cpp files.
// Handlers return the response body and report failures by throwing GraphError.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/api.h"
#include "api/render.h"
#include "server/errors.h"
#include "server/field_selection.h"
#include "server/json.h"
#include "server/paging.h"

namespace igemu {

struct Call {
  Dataset& data;
  const ApiConfig& config;
  std::string method;                   // GET, POST, DELETE (HEAD is answered as GET)
  std::vector<QueryParam> query;        // the query string only: paging URLs echo it
  std::vector<QueryParam> params;       // query string, then body parameters (the first one wins)
  std::vector<std::string> components;  // decoded path components after the version
  std::optional<FieldList> fields;      // parsed `fields`, if given
  RenderContext ctx;
  int version_major = 24;
  int64_t now = Dataset::kDefaultNow;
  std::vector<std::string> buc_accounts;  // IG account ids this call is about
  bool platform = false;                  // counted against the app's platform limit
  bool instagram_login = false;  // the token is an Instagram Login token (ApiConfig::instagram_token)

  const std::string* param(std::string_view key) const;
  const std::string& required(std::string_view key) const;  // throws "(#100) The parameter x is required"
  void require_permission(const std::string& permission) const;
  void note_account(NodeHandle node);
  void note_account_index(int account);
  std::optional<NodeHandle> resolve(const std::string& id) const;
  NodeHandle resolve_or_throw(const std::string& id) const;
  const FieldList* field_list() const { return fields ? &*fields : nullptr; }
  EdgeParams edge_params() const;
  const FieldDef& edge_or_throw(NodeHandle node, const std::string& name) const;
  // Top-level edge listing: /{node}/{edge}. `url_path` is where the paging URLs point.
  void write_edge(JsonWriter& w, NodeHandle node, const FieldDef& edge, const std::string& url_path);
  void write_node(JsonWriter& w, NodeHandle node, Scope scope = Scope::Own);
  // Absolute URL on this emulator: base + "/" + version + path + "?" + query.
  std::string url(const std::string& path, const std::string& query_string) const;
};

// "true"/"false" (Graph also takes 1/0); throws "(#100) Param x must be a boolean" otherwise.
bool bool_param(const Call& c, const std::string& name);

// api_comments.cpp: comment moderation and media updates.
std::string post_media_update(Call& c, NodeHandle media);   // POST /{media}?comment_enabled=
std::string delete_media(Call& c, NodeHandle media);        // DELETE /{media}
std::string create_comment(Call& c, NodeHandle media);      // POST /{media}/comments
std::string create_reply(Call& c, NodeHandle comment);      // POST /{comment}/replies
std::string hide_comment(Call& c, NodeHandle comment);      // POST /{comment}?hide=
std::string delete_comment(Call& c, NodeHandle comment);    // DELETE /{comment}
std::string reply_to_mention(Call& c, NodeHandle account);  // POST /{ig}/mentions

// api_media_insights.cpp, api_account_insights.cpp (shared pieces: insights_internal.h)
std::string media_insights_response(Call& c, NodeHandle media);      // GET /{media}/insights
std::string account_insights_response(Call& c, NodeHandle account);  // GET /{ig}/insights

// api_publishing.cpp
std::string create_container(Call& c, NodeHandle account);   // POST /{ig}/media
std::string publish_container(Call& c, NodeHandle account);  // POST /{ig}/media_publish
std::string publishing_limit(Call& c, NodeHandle account);   // GET /{ig}/content_publishing_limit
void count_status_read(Call& c, NodeHandle container);       // GET /{container} polls

// api_hashtags.cpp
std::string hashtag_search(Call& c);                               // GET /ig_hashtag_search
std::string hashtag_media(Call& c, NodeHandle hashtag, bool top);  // GET /{hashtag}/top_media|recent_media

// api_tokens.cpp
std::string permissions_response(Call& c);  // GET /me/permissions
std::string debug_token_response(Call& c);  // GET /debug_token

// api_ig_login.cpp: GET /me (me = true) or GET /{own-ig-user-id} with an Instagram Login token.
std::string ig_login_user(Call& c, NodeHandle node, bool me);

// api_batch.cpp: POST / with batch=[…]; each operation goes through `run` (the full handler).
using RunRequest = std::function<ApiResponse(const ApiRequest&)>;
std::string run_batch(const Call& c, const ApiRequest& outer, const std::string& token,
                      const RunRequest& run);

}  // namespace igemu
