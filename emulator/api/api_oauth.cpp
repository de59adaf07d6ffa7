#include "api/api_oauth.h"

#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <random>

#include "server/json.h"
#include "server/paging.h"

namespace igemu {

namespace {

int64_t wall_now() {
  return static_cast<int64_t>(std::time(nullptr));
}

struct Target {
  std::vector<std::string> path;  // components after an optional /vNN.N
  std::string query;              // raw, without '?'
};

Target split_target(const std::string& target) {
  Target t;
  size_t q = target.find('?');
  std::string path = target.substr(0, q);
  if (q != std::string::npos) t.query = target.substr(q + 1);
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) t.path.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  if (!t.path.empty() && t.path[0].size() > 1 && t.path[0][0] == 'v' &&
      std::isdigit(static_cast<unsigned char>(t.path[0][1])))
    t.path.erase(t.path.begin());
  return t;
}

std::string param(const std::string& raw, const char* key) {
  std::vector<QueryParam> ps = parse_query(raw);
  const QueryParam* p = find_param(ps, key);
  return p ? p->value : "";
}

ApiResponse json(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse oauth_error(int status, int code, int subcode, const std::string& message) {
  JsonWriter w;
  w.begin_object().key("error").begin_object().key("message").string(message).key("type").string(
      "OAuthException");
  w.key("code").integer(code);
  if (subcode != 0) w.key("error_subcode").integer(subcode);
  w.key("fbtrace_id").string("AoAuthEmulator0000000000").end_object().end_object();
  return json(status, w.take());
}

ApiResponse token_body(const std::string& token, int64_t expires_in, const std::string& user_id = "") {
  JsonWriter w;
  w.begin_object().key("access_token").string(token).key("token_type").string("bearer");
  w.key("expires_in").integer(expires_in);
  if (!user_id.empty()) w.key("user_id").string(user_id);
  w.end_object();
  return json(200, w.take());
}

std::string pkce_s256(const std::string& verifier) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), d);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(d), sizeof d));
}

std::string random_alnum(size_t n) {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static std::random_device rd;
  std::string s;
  for (size_t i = 0; i < n; ++i) s += kChars[rd() % 62];
  return s;
}

std::string request_token(const ApiRequest& r, const std::string& query) {
  std::string t = param(query, "access_token");
  if (t.empty() && !r.body.empty()) t = param(r.body, "access_token");
  for (const char* scheme : {"Bearer ", "OAuth "}) {
    std::string s = scheme;
    if (t.empty() && r.authorization.compare(0, s.size(), s) == 0) t = r.authorization.substr(s.size());
  }
  return t;
}

}  // namespace

bool is_auth_server_flag(const std::string& f) {
  return f == "--oauth-deny" || f == "--oauth-short-lived" || f == "--oauth-long-lived" ||
         f == "--oauth-refresh-min-age" || f == "--oauth-expire-after-calls" || f == "--tls-cert" ||
         f == "--tls-key";
}

std::string apply_auth_server_flag(AuthServerOptions& o, const std::string& f, const std::string& v) {
  if (f == "--tls-cert") {
    o.tls_cert = v;
    return "";
  }
  if (f == "--tls-key") {
    o.tls_key = v;
    return "";
  }
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 0) return "bad " + f + " " + v;
  if (f == "--oauth-deny") o.deny = n != 0;
  if (f == "--oauth-short-lived") o.short_lived_seconds = n;
  if (f == "--oauth-long-lived") o.long_lived_seconds = n;
  if (f == "--oauth-refresh-min-age") o.refresh_min_age_seconds = n;
  if (f == "--oauth-expire-after-calls") o.expire_after_calls = static_cast<int>(n);
  return "";
}

AuthServer::AuthServer(AuthServerOptions options, const ApiConfig& api)
    : options_(std::move(options)),
      app_id_(api.app_id),
      app_secret_(api.app_secret),
      demo_token_(api.access_token),
      ig_scoped_id_(api.ig_login_scoped_id) {}

bool AuthServer::is_instagram(const std::string& token) {
  std::lock_guard<std::mutex> g(mutex_);
  auto it = tokens_.find(token);
  return it != tokens_.end() && it->second.instagram;
}

bool AuthServer::accepts(const std::string& token) {
  std::lock_guard<std::mutex> g(mutex_);
  auto it = tokens_.find(token);
  return it != tokens_.end() && wall_now() < it->second.expires;
}

std::string AuthServer::issue(bool instagram, int64_t lifetime) {
  std::string token = (instagram ? "IGAA" : "EAAG") + std::to_string(++counter_) + random_alnum(40);
  tokens_[token] = Token{instagram, wall_now(), wall_now() + lifetime, 0};
  return token;
}

std::optional<ApiResponse> AuthServer::handle(const ApiRequest& r) {
  const Target t = split_target(r.target);
  std::lock_guard<std::mutex> g(mutex_);
  const std::vector<std::string>& p = t.path;
  if (r.method == "GET" && p.size() == 2 && p[0] == "dialog" && p[1] == "oauth")
    return dialog(t.query, false);
  if (r.method == "GET" && p.size() == 2 && p[0] == "oauth" && p[1] == "authorize")
    return dialog(t.query, true);
  if (p.size() == 2 && p[0] == "oauth" && p[1] == "access_token") {
    if (r.method == "POST") return exchange_code(r.body, true);
    if (param(t.query, "grant_type") == "fb_exchange_token") return fb_exchange(t.query);
    return exchange_code(t.query, false);
  }
  if (r.method == "GET" && p.size() == 1 && p[0] == "access_token") return ig_exchange(t.query, false);
  if (r.method == "GET" && p.size() == 1 && p[0] == "refresh_access_token") return ig_exchange(t.query, true);
  if (r.method == "GET" && p.size() == 2 && p[0] == "__oauth" && p[1] == "stats") {
    JsonWriter w;
    w.begin_object().key("codes").integer(stats_.codes).key("exchanges").integer(stats_.exchanges);
    w.key("long_lived").integer(stats_.long_lived).key("refreshes").integer(stats_.refreshes).end_object();
    return json(200, w.take());
  }
  if (r.method == "GET" && p.size() == 1 && p[0] == "debug_token") {
    std::string input = param(t.query, "input_token");
    if (tokens_.count(input) != 0) return debug_token(input);
    return std::nullopt;
  }
  // A Graph call: count it against an issued token and refuse the token once it has expired.
  const std::string token = request_token(r, t.query);
  auto it = tokens_.find(token);
  if (it == tokens_.end()) return std::nullopt;
  Token& tok = it->second;
  if (options_.expire_after_calls > 0 && tok.calls >= options_.expire_after_calls && wall_now() < tok.expires)
    tok.expires = wall_now() - 1;
  ++tok.calls;
  if (wall_now() >= tok.expires)
    return oauth_error(
        400, 190, 463,
        "Error validating access token: Session has expired. The current time is later than the "
        "token's expiry time.");
  return std::nullopt;
}

ApiResponse AuthServer::dialog(const std::string& query, bool instagram) {
  const std::string client_id = param(query, "client_id");
  const std::string redirect = param(query, "redirect_uri");
  const std::string state = param(query, "state");
  if (client_id != app_id_ || redirect.empty()) {
    ApiResponse r = json(400, "<!doctype html><p>Invalid App ID or missing redirect_uri.");
    r.content_type = "text/html; charset=utf-8";
    return r;
  }
  std::string location = redirect + (redirect.find('?') == std::string::npos ? "?" : "&");
  if (options_.deny) {
    location += "error_reason=user_denied&error=access_denied&error_description=Permissions+error&state=" +
                url_encode(state);
  } else {
    std::string code = (instagram ? "AQBx" : "AQD") + std::to_string(++counter_) + random_alnum(60);
    std::string challenge = instagram ? "" : param(query, "code_challenge");
    codes_[code] = Code{redirect, challenge, instagram, false, wall_now()};
    ++stats_.codes;
    location += "code=" + url_encode(code) + "&state=" + url_encode(state) + (instagram ? "#_" : "");
  }
  ApiResponse r;
  r.status = 302;
  r.content_type = "text/html; charset=utf-8";
  r.headers.emplace_back("Location", location);
  r.body = "<!doctype html><p>Redirecting…";
  return r;
}

ApiResponse AuthServer::exchange_code(const std::string& params, bool instagram) {
  if (param(params, "client_id") != app_id_)
    return oauth_error(400, 101, 0, "Error validating application. Invalid application ID.");
  if (param(params, "client_secret") != app_secret_)
    return oauth_error(400, 1, 0, "Error validating client secret.");
  auto it = codes_.find(param(params, "code"));
  if (it == codes_.end() || it->second.instagram != instagram)
    return oauth_error(400, 100, 36007, "Invalid verification code format.");
  Code& c = it->second;
  if (c.used) return oauth_error(400, 100, 36009, "This authorization code has been used.");
  c.used = true;  // single use, even when the rest of the exchange fails
  if (param(params, "redirect_uri") != c.redirect_uri)
    return oauth_error(
        400, 100, 36008,
        "Error validating verification code. Please make sure your redirect_uri is identical to the "
        "one you used in the OAuth dialog request");
  if (!c.challenge.empty() && pkce_s256(param(params, "code_verifier")) != c.challenge)
    return oauth_error(400, 100, 0, "Invalid code_verifier.");
  if (instagram && wall_now() - c.issued > 3600)
    return oauth_error(400, 100, 36007, "Authorization code has expired.");
  ++stats_.exchanges;
  if (instagram) {
    std::string token = issue(true, std::min<int64_t>(3600, options_.short_lived_seconds));
    JsonWriter w;
    w.begin_object().key("data").begin_array().begin_object().key("access_token").string(token);
    w.key("user_id").string(ig_scoped_id_).key("permissions").string("instagram_business_basic");
    w.end_object().end_array().end_object();
    return json(200, w.take());
  }
  return token_body(issue(false, options_.short_lived_seconds), options_.short_lived_seconds);
}

ApiResponse AuthServer::fb_exchange(const std::string& query) {
  if (param(query, "client_id") != app_id_ || param(query, "client_secret") != app_secret_)
    return oauth_error(400, 1, 0, "Error validating client secret.");
  const std::string old = param(query, "fb_exchange_token");
  auto it = tokens_.find(old);
  if (it == tokens_.end() || it->second.instagram)
    return oauth_error(400, 190, 467, "Invalid OAuth access token.");
  if (wall_now() >= it->second.expires)
    return oauth_error(400, 190, 463, "Error validating access token: Session has expired.");
  ++stats_.long_lived;
  return token_body(issue(false, options_.long_lived_seconds), options_.long_lived_seconds);
}

ApiResponse AuthServer::ig_exchange(const std::string& query, bool refresh) {
  if (param(query, "grant_type") != (refresh ? "ig_refresh_token" : "ig_exchange_token"))
    return oauth_error(400, 100, 0, "Unsupported grant_type.");
  if (!refresh && param(query, "client_secret") != app_secret_)
    return oauth_error(400, 1, 0, "Error validating client secret.");
  auto it = tokens_.find(param(query, "access_token"));
  if (it == tokens_.end() || !it->second.instagram)
    return oauth_error(400, 190, 467, "Invalid OAuth access token.");
  if (wall_now() >= it->second.expires)
    return oauth_error(400, 190, 463, "Error validating access token: Session has expired.");
  if (refresh && wall_now() - it->second.issued < options_.refresh_min_age_seconds)
    return oauth_error(400, 100, 0,
                       "The access token is too new to be refreshed (it must be at least 24 hours old).");
  ++(refresh ? stats_.refreshes : stats_.long_lived);
  return token_body(issue(true, options_.long_lived_seconds), options_.long_lived_seconds);
}

ApiResponse AuthServer::debug_token(const std::string& input) {
  const Token& t = tokens_[input];
  JsonWriter w;
  w.begin_object().key("data").begin_object();
  w.key("app_id")
      .string(app_id_)
      .key("type")
      .string("USER")
      .key("application")
      .string("instagram-odbc emulator");
  w.key("expires_at").integer(t.expires).key("is_valid").boolean(wall_now() < t.expires);
  w.key("issued_at").integer(t.issued).key("scopes").begin_array().string("instagram_basic").end_array();
  w.end_object().end_object();
  return json(200, w.take());
}

}  // namespace igemu
