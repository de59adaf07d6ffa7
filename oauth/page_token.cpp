#include "oauth/page_token.h"

#include <strings.h>

#include <memory>
#include <vector>

#include "graph/client.h"
#include "graph/errors.h"
#include "net/redact.h"
#include "net/url.h"
#include "oauth/graph_calls.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

std::string member(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsUint64()) return std::to_string(it->value.GetUint64());
  return "";
}

constexpr const char* kFailed = "Reading the Page tokens for AuthenticateAsPage failed: ";

}  // namespace

std::string fetchPageToken(const OAuthOptions& o, const std::string& userToken, const std::string& page) {
  std::unique_ptr<graph::Client> client = makeGraphClient(o, userToken, o.clientSecret);
  const std::string& base = client->config().baseUrl;
  const std::vector<std::string> secrets = {userToken, o.clientSecret};
  // Follow paging.next (it carries the token) until the Page turns up; a user manages few Pages.
  std::string next;
  for (int pages = 0; pages < 100; ++pages) {
    graph::Response r;
    try {
      r = next.empty()
              ? client->getFresh("me/accounts", {{"fields", "id,name,access_token"}, {"limit", "100"}})
              : client->getUrl(next);
    } catch (const graph::TlsError& e) {
      throw TlsAuthError(kFailed + std::string(e.what()));
    } catch (const graph::GraphError& e) {
      // The Graph error's message; an answer without an error description is named by its status.
      std::string message =
          e.code != 0 || !e.type.empty() ? e.graphMessage : "HTTP " + std::to_string(e.httpStatus);
      for (const std::string& s : secrets) message = graph::scrubSecret(message, s);
      throw AuthError(kFailed + message);
    } catch (const std::exception& e) {
      throw AuthError(kFailed + graph::redactUrl(e.what()));
    }
    const rapidjson::Document& doc = *r.json;
    auto data = doc.IsObject() ? doc.FindMember("data") : rapidjson::Value::ConstMemberIterator();
    if (!doc.IsObject() || data == doc.MemberEnd() || !data->value.IsArray())
      throw AuthError(kFailed + std::string("HTTP ") + std::to_string(responseStatus(*client, r.seq)));
    for (const rapidjson::Value& p : data->value.GetArray()) {
      if (!p.IsObject()) continue;
      if (member(p, "id") != page && strcasecmp(member(p, "name").c_str(), page.c_str()) != 0) continue;
      std::string token = member(p, "access_token");
      if (token.empty())
        throw AuthError("Facebook returned no access token for Page " + page +
                        ": the user needs a task on the Page that allows it (MANAGE or CREATE_CONTENT)");
      return token;
    }
    next.clear();
    if (auto paging = doc.FindMember("paging"); paging != doc.MemberEnd() && paging->value.IsObject())
      next = member(paging->value, "next");
    if (next.empty()) break;
    // paging.next carries the user token: follow it only to GraphURL's scheme, host and port (Client::getUrl
    // refuses the others too; this says so in AuthenticateAsPage's words).
    if (!graph::sameOrigin(next, base))
      throw AuthError(std::string(kFailed) + "refusing to follow a paging URL to " + graph::urlOrigin(next) +
                      " (only GraphURL's scheme, host and port, " + graph::urlOrigin(base) +
                      ", may receive the token)");
  }
  throw AuthError("AuthenticateAsPage names " + page +
                  ", which is not a Page this user manages: give the Page's ID or exact name from the Pages "
                  "table");
}

}  // namespace igodbc::oauth
