#include "oauth/token_info.h"

#include <memory>
#include <vector>

#include "graph/client.h"
#include "graph/errors.h"
#include "net/redact.h"
#include "oauth/graph_calls.h"
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
  const bool appToken = !o.clientId.empty() && !o.clientSecret.empty();
  // The caller is the app token when the secret is known, else the token itself; no appsecret_proof either
  // way.
  std::unique_ptr<graph::Client> client =
      makeGraphClient(o, appToken ? o.clientId + "|" + o.clientSecret : token, "");
  const std::vector<std::string> secrets = {token, o.clientSecret};
  graph::Response r;
  try {
    r = client->getFresh("debug_token", {{"input_token", token}});
  } catch (const graph::TlsError& e) {
    throw TlsAuthError("Reading the token's details failed: " + std::string(e.what()));
  } catch (const graph::GraphError& e) {
    std::string message = e.code != 0 || !e.type.empty()
                              ? e.graphMessage + " (code " + std::to_string(e.code) + ")"
                              : "HTTP " + std::to_string(e.httpStatus);
    for (const std::string& s : secrets) message = graph::scrubSecret(message, s);
    throw AuthError("Facebook refused to describe the token: " + message);
  } catch (const std::exception& e) {
    std::string message = graph::redactUrl(e.what());
    for (const std::string& s : secrets) message = graph::scrubSecret(message, s);
    throw AuthError("Reading the token's details failed: " + message);
  }
  const rapidjson::Document& doc = *r.json;
  auto data = doc.IsObject() ? doc.FindMember("data") : rapidjson::Value::ConstMemberIterator();
  if (!doc.IsObject() || data == doc.MemberEnd() || !data->value.IsObject())
    throw AuthError("Facebook refused to describe the token: HTTP " +
                    std::to_string(responseStatus(*client, r.seq)));
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
