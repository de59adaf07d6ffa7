#include "oauth/authorization.h"

#include "net/url.h"

namespace igodbc::oauth {

std::string authorizationEndpoint(const OAuthOptions& o) {
  if (!o.authorizationUrl.empty()) return o.authorizationUrl;
  if (o.authMode == "InstagramLogin") return "https://www.instagram.com/oauth/authorize";
  return "https://www.facebook.com/" + o.version + "/dialog/oauth";
}

std::string buildAuthorizationUrl(const OAuthOptions& o, const std::string& state,
                                  const std::string& challenge) {
  const bool instagram = o.authMode == "InstagramLogin";
  const std::string scope = o.scope.empty() ? (instagram ? kInstagramScopes : kFacebookScopes) : o.scope;
  // Parameter order as each login dialog's documented URL shows it.
  graph::QueryParams p = instagram ? graph::QueryParams{{"client_id", o.clientId},
                                                        {"redirect_uri", o.callbackUrl},
                                                        {"response_type", "code"},
                                                        {"scope", scope},
                                                        {"state", state}}
                                   : graph::QueryParams{{"client_id", o.clientId},
                                                        {"redirect_uri", o.callbackUrl},
                                                        {"state", state},
                                                        {"response_type", "code"},
                                                        {"scope", scope}};
  if (!instagram && !challenge.empty()) {
    p.emplace_back("code_challenge", challenge);
    p.emplace_back("code_challenge_method", "S256");
  }
  std::string endpoint = authorizationEndpoint(o);
  return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + graph::encodeParams(p);
}

RedirectResult parseRedirect(const std::string& input) {
  std::string s = input;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "#_") == 0) s.resize(s.size() - 2);
  RedirectResult r;
  if (s.find('?') == std::string::npos && s.find('=') == std::string::npos) {
    r.code = s;  // a bare code
    return r;
  }
  const std::string url = s.find('?') == std::string::npos ? "?" + s : s;
  r.code = graph::queryParam(url, "code").value_or("");
  r.state = graph::queryParam(url, "state").value_or("");
  r.error = graph::queryParam(url, "error").value_or("");
  r.errorDescription = graph::queryParam(url, "error_description").value_or("");
  if (!r.error.empty() && r.errorDescription.empty()) r.errorDescription = r.error;
  for (char& ch : r.errorDescription)
    if (ch == '+') ch = ' ';
  return r;
}

}  // namespace igodbc::oauth
