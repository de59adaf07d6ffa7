#include "oauth/token_info.h"

#include <atomic>
#include <vector>

#include "graph/errors.h"
#include "graph/http_session.h"
#include "graph/json_body.h"
#include "graph/redact.h"
#include "graph/url.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

std::string text(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return "";
}

int64_t seconds(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

}  // namespace

TokenInfo debugToken(const OAuthOptions& o, const std::string& token) {
  std::string base = o.graphUrl;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const bool appToken = !o.clientId.empty() && !o.clientSecret.empty();
  const std::string caller = appToken ? o.clientId + "|" + o.clientSecret : token;
  const std::string url = base + "/" + o.version + "/debug_token?" +
                          graph::encodeParams({{"input_token", token}, {"access_token", caller}});
  std::atomic<bool> cancelled{false};
  graph::HttpSession http(o.timeoutSeconds, o.timeoutSeconds, cancelled);
  http.configure(o.network);
  graph::HttpRequest req;
  req.method = "GET";
  req.url = url;
  const std::vector<std::string> secrets = {token, o.clientSecret};
  if (o.logger) o.logger->write(2, "oauth", "GET " + graph::redactUrl(url));
  graph::HttpResult res;
  try {
    res = http.perform(req, secrets);
  } catch (const graph::TlsError& e) {
    throw TlsAuthError("Reading the token's details failed: " + std::string(e.what()));
  } catch (const std::exception& e) {
    throw AuthError("Reading the token's details failed: " + graph::redactUrl(e.what()));
  }
  std::string error;
  auto doc = graph::parseJsonBody(std::string_view(res.body.data(), res.body.size()), error);
  if (!doc || !doc->IsObject())
    throw AuthError("Reading the token's details failed: " + graph::urlOrigin(url) + " answered HTTP " +
                    std::to_string(res.status) + " without a JSON object");
  auto data = doc->FindMember("data");
  if (res.status / 100 != 2 || data == doc->MemberEnd() || !data->value.IsObject()) {
    std::string message = "HTTP " + std::to_string(res.status);
    if (auto e = doc->FindMember("error"); e != doc->MemberEnd() && e->value.IsObject())
      message = text(e->value, "message") + " (code " + text(e->value, "code") + ")";
    for (const std::string& s : secrets) message = graph::scrubSecret(message, s);
    throw AuthError("Facebook refused to describe the token: " + message);
  }
  const rapidjson::Value& d = data->value;
  TokenInfo info;
  info.kind = text(d, "type");
  info.appId = text(d, "app_id");
  info.application = text(d, "application");
  info.userId = text(d, "user_id");
  if (auto v = d.FindMember("is_valid"); v != d.MemberEnd() && v->value.IsBool())
    info.valid = v->value.GetBool();
  info.issuedAt = seconds(d, "issued_at");
  info.expiresAt = seconds(d, "expires_at");
  info.dataAccessExpiresAt = seconds(d, "data_access_expires_at");
  if (auto s = d.FindMember("scopes"); s != d.MemberEnd() && s->value.IsArray())
    for (const rapidjson::Value& v : s->value.GetArray())
      if (v.IsString()) info.scopes += (info.scopes.empty() ? "" : ",") + std::string(v.GetString());
  info.source = "debug_token";
  return info;
}

}  // namespace igodbc::oauth
