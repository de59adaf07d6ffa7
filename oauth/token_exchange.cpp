#include "oauth/token_exchange.h"

#include <atomic>
#include <vector>

#include "graph/errors.h"
#include "net/http_session.h"
#include "net/json_body.h"
#include "net/redact.h"
#include "net/url.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

std::string stringOrNumber(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsUint64()) return std::to_string(it->value.GetUint64());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return "";
}

std::string trimSlash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

IssuedToken TokenExchange::call(const std::string& method, const std::string& url, const std::string& form,
                                const std::string& what) {
  std::atomic<bool> cancelled{false};
  graph::HttpSession http(o_.timeoutSeconds, o_.timeoutSeconds, cancelled);
  http.configure(o_.network);
  graph::HttpRequest req;
  req.method = method;
  req.url = url;
  req.formBody = form;
  const std::vector<std::string> secrets = {o_.clientSecret};
  graph::HttpResult res;
  if (o_.logger) o_.logger->write(2, "oauth", method + " " + graph::redactUrl(url));
  try {
    res = http.perform(req, secrets);
  } catch (const graph::TlsError& e) {
    throw TlsAuthError(what + " failed: " + std::string(e.what()));
  } catch (const std::exception& e) {
    throw AuthError(what + " failed: " + graph::redactUrl(e.what()));
  }
  std::string error;
  std::string_view body(res.body.data(), res.body.size());
  auto doc = graph::parseJsonBody(body, error);
  if (!doc || !doc->IsObject())
    throw AuthError(what + " failed: " + graph::urlOrigin(url) + " answered HTTP " +
                    std::to_string(res.status) + " without a JSON object");
  const rapidjson::Value* obj = doc.get();
  // Instagram's code exchange may wrap the answer in {"data":[{…}]}.
  if (auto d = doc->FindMember("data");
      d != doc->MemberEnd() && d->value.IsArray() && !d->value.Empty() && d->value[0].IsObject())
    obj = &d->value[0];
  auto tok = obj->FindMember("access_token");
  if (res.status / 100 != 2 || tok == obj->MemberEnd() || !tok->value.IsString()) {
    std::string message;
    if (auto e = doc->FindMember("error"); e != doc->MemberEnd() && e->value.IsObject()) {
      message = stringOrNumber(e->value, "message");
      std::string code = stringOrNumber(e->value, "code");
      std::string sub = stringOrNumber(e->value, "error_subcode");
      if (!code.empty()) message += " (code " + code + (sub.empty() ? "" : ", subcode " + sub) + ")";
    } else {
      message = stringOrNumber(*doc, "error_message");  // Instagram's flat error shape
      if (message.empty()) message = stringOrNumber(*doc, "error_description");
    }
    if (message.empty()) message = "HTTP " + std::to_string(res.status);
    throw AuthError(what + " was refused: " + graph::scrubSecret(message, o_.clientSecret));
  }
  IssuedToken t;
  t.accessToken.assign(tok->value.GetString(), tok->value.GetStringLength());
  if (auto e = obj->FindMember("expires_in"); e != obj->MemberEnd() && e->value.IsInt64())
    t.expiresIn = e->value.GetInt64();
  t.userId = stringOrNumber(*obj, "user_id");
  // Instagram sends permissions as a comma-separated string or as an array of strings.
  if (auto p = obj->FindMember("permissions"); p != obj->MemberEnd()) {
    if (p->value.IsString()) t.permissions.assign(p->value.GetString(), p->value.GetStringLength());
    if (p->value.IsArray())
      for (const rapidjson::Value& v : p->value.GetArray())
        if (v.IsString()) t.permissions += (t.permissions.empty() ? "" : ",") + std::string(v.GetString());
  }
  return t;
}

IssuedToken TokenExchange::exchangeCode(const std::string& code, const std::string& codeVerifier) {
  if (o_.authMode == "InstagramLogin") {
    std::string url =
        o_.accessTokenUrl.empty() ? "https://api.instagram.com/oauth/access_token" : o_.accessTokenUrl;
    graph::QueryParams form = {{"client_id", o_.clientId},
                               {"client_secret", o_.clientSecret},
                               {"grant_type", "authorization_code"},
                               {"redirect_uri", o_.callbackUrl},
                               {"code", code}};
    return call("POST", url, graph::encodeParams(form), "Exchanging the authorization code");
  }
  std::string url = o_.accessTokenUrl.empty()
                        ? trimSlash(o_.graphUrl) + "/" + o_.version + "/oauth/access_token"
                        : o_.accessTokenUrl;
  graph::QueryParams q = {{"client_id", o_.clientId},
                          {"redirect_uri", o_.callbackUrl},
                          {"client_secret", o_.clientSecret},
                          {"code", code}};
  if (!codeVerifier.empty()) q.emplace_back("code_verifier", codeVerifier);
  return call("GET", url + (url.find('?') == std::string::npos ? "?" : "&") + graph::encodeParams(q), "",
              "Exchanging the authorization code");
}

IssuedToken TokenExchange::exchangeLongLived(const std::string& token) {
  if (o_.authMode == "InstagramLogin") {
    graph::QueryParams q = {
        {"grant_type", "ig_exchange_token"}, {"client_secret", o_.clientSecret}, {"access_token", token}};
    return call("GET", trimSlash(o_.graphUrl) + "/access_token?" + graph::encodeParams(q), "",
                "Getting a long-lived token");
  }
  graph::QueryParams q = {{"grant_type", "fb_exchange_token"},
                          {"client_id", o_.clientId},
                          {"client_secret", o_.clientSecret},
                          {"fb_exchange_token", token}};
  return call("GET",
              trimSlash(o_.graphUrl) + "/" + o_.version + "/oauth/access_token?" + graph::encodeParams(q), "",
              "Getting a long-lived token");
}

IssuedToken TokenExchange::refreshInstagram(const std::string& token) {
  graph::QueryParams q = {{"grant_type", "ig_refresh_token"}, {"access_token", token}};
  return call("GET", trimSlash(o_.graphUrl) + "/refresh_access_token?" + graph::encodeParams(q), "",
              "Refreshing the token");
}

}  // namespace igodbc::oauth
