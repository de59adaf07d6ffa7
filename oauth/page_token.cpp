#include "oauth/page_token.h"

#include <strings.h>

#include <atomic>
#include <vector>

#include "graph/appsecret_proof.h"
#include "graph/errors.h"
#include "graph/http_session.h"
#include "graph/json_body.h"
#include "graph/redact.h"
#include "graph/url.h"
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

}  // namespace

std::string fetchPageToken(const OAuthOptions& o, const std::string& userToken, const std::string& page) {
  std::string base = o.graphUrl;
  while (!base.empty() && base.back() == '/') base.pop_back();
  graph::QueryParams q = {{"fields", "id,name,access_token"}, {"limit", "100"}, {"access_token", userToken}};
  if (!o.clientSecret.empty())
    q.emplace_back("appsecret_proof", graph::appSecretProof(o.clientSecret, userToken));
  std::string url = base + "/" + o.version + "/me/accounts?" + graph::encodeParams(q);
  std::atomic<bool> cancelled{false};
  graph::HttpSession http(o.timeoutSeconds, o.timeoutSeconds, cancelled);
  http.configure(o.network);
  const std::vector<std::string> secrets = {userToken, o.clientSecret};
  // Follow paging.next (it carries the token) until the Page turns up; a user manages few Pages.
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    graph::HttpRequest req;
    req.method = "GET";
    req.url = url;
    if (o.logger) o.logger->write(2, "oauth", "GET " + graph::redactUrl(url));
    graph::HttpResult res;
    try {
      res = http.perform(req, secrets);
    } catch (const graph::TlsError& e) {
      throw TlsAuthError("Reading the Page tokens for AuthenticateAsPage failed: " + std::string(e.what()));
    } catch (const std::exception& e) {
      throw AuthError("Reading the Page tokens for AuthenticateAsPage failed: " + graph::redactUrl(e.what()));
    }
    std::string error;
    auto doc = graph::parseJsonBody(std::string_view(res.body.data(), res.body.size()), error);
    auto data = doc && doc->IsObject() ? doc->FindMember("data") : rapidjson::Value::MemberIterator();
    if (!doc || !doc->IsObject() || res.status / 100 != 2 || data == doc->MemberEnd() ||
        !data->value.IsArray()) {
      std::string message = "HTTP " + std::to_string(res.status);
      if (doc && doc->IsObject())
        if (auto e = doc->FindMember("error"); e != doc->MemberEnd() && e->value.IsObject())
          message = member(e->value, "message");
      for (const std::string& s : secrets) message = graph::scrubSecret(message, s);
      throw AuthError("Reading the Page tokens for AuthenticateAsPage failed: " + message);
    }
    for (const rapidjson::Value& p : data->value.GetArray()) {
      if (!p.IsObject()) continue;
      if (member(p, "id") != page && strcasecmp(member(p, "name").c_str(), page.c_str()) != 0) continue;
      std::string token = member(p, "access_token");
      if (token.empty())
        throw AuthError("Facebook returned no access token for Page " + page +
                        ": the user needs a task on the Page that allows it (MANAGE or CREATE_CONTENT)");
      return token;
    }
    url.clear();
    if (auto paging = doc->FindMember("paging"); paging != doc->MemberEnd() && paging->value.IsObject())
      url = member(paging->value, "next");
    // paging.next carries the user token: follow it only to GraphURL's scheme, host and port.
    if (!url.empty() && !graph::sameOrigin(url, base))
      throw AuthError(
          "Reading the Page tokens for AuthenticateAsPage failed: refusing to follow a paging URL to " +
          graph::urlOrigin(url) + " (only GraphURL's scheme, host and port, " + graph::urlOrigin(base) +
          ", may receive the token)");
  }
  throw AuthError("AuthenticateAsPage names " + page +
                  ", which is not a Page this user manages: give the Page's ID or exact name from the Pages "
                  "table");
}

}  // namespace igodbc::oauth
