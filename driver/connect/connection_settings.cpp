#include "driver/connect/connection_settings.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>

#include "driver/connect/connection_string.h"
#include "driver/convert/datetime.h"
#include "graph/client.h"

namespace igodbc::driver {

namespace {

const std::vector<std::string_view> kProperties = {
    "GraphURL",      "Version",          "BusinessAccountId",  "PageSize",          "AuthMode",
    "InitiateOAuth", "OAuthAccessToken", "OAuthClientId",      "OAuthClientSecret", "CallbackURL",
    "Timeout",       "MetricRulesDate",  "CacheSeconds",       "CDataCompat",       "ScratchDatabase",
    "MaxRetries",    "RetryMaxSeconds",  "RateLimitThreshold", "MaxValueBytes",     "MaxStatementBytes",
    "MaxScratchMB",  "MaxConcurrency"};

const std::vector<std::string_view> kOtherKeys = {"DSN", "DRIVER", "FILEDSN", "SAVEFILE", "UID", "PWD"};

[[noreturn]] void invalid(std::string_view key, const std::string& why) {
  throw SettingsError("08001", "Connection property " + std::string(key) + " " + why);
}

long integerIn(std::string_view key, const std::string& text, long lo, long hi) {
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE || v < lo || v > hi)
    invalid(key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                     " (got '" + text + "')");
  return v;
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool validVersion(std::string_view v) {
  // "v24.0": 'v', digits, '.', digits.
  size_t dot = v.find('.');
  return v.size() >= 4 && v[0] == 'v' && dot != std::string_view::npos && allDigits(v.substr(1, dot - 1)) &&
         allDigits(v.substr(dot + 1));
}

}  // namespace

const std::vector<std::string_view>& propertyNames() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> v = kProperties;
    v.insert(v.end(), oauthPropertyNames().begin(), oauthPropertyNames().end());
    return v;
  }();
  return all;
}

std::optional<std::string_view> canonicalKey(std::string_view key) {
  for (std::string_view k : propertyNames())
    if (equalsIgnoreCase(k, key)) return k;
  for (std::string_view k : kOtherKeys)
    if (equalsIgnoreCase(k, key)) return k;
  return std::nullopt;
}

bool isSecretKey(std::string_view key) {
  return equalsIgnoreCase(key, "OAuthAccessToken") || equalsIgnoreCase(key, "OAuthClientSecret") ||
         equalsIgnoreCase(key, "PWD") || equalsIgnoreCase(key, "ProxyPassword") ||
         equalsIgnoreCase(key, "OAuthVerifier");
}

ConnectionSettings resolveSettings(const PropertyLookup& lookup) {
  ConnectionSettings s;
  auto get = [&](std::string_view key) -> std::optional<std::string> {
    std::optional<std::string> v = lookup(key);
    if (!v) return std::nullopt;
    std::string t(trim(*v));
    if (t.empty()) return std::nullopt;  // an empty property means "use the default"
    return t;
  };

  if (auto v = get("GraphURL")) {
    while (v->size() > 1 && v->back() == '/') v->pop_back();
    try {
      graph::validateBaseUrl(*v);
    } catch (const std::invalid_argument& e) {
      throw SettingsError("08001", e.what());
    }
    s.graphUrl = *v;
  }
  if (auto v = get("Version")) {
    if (!validVersion(*v)) invalid("Version", "must look like v24.0 (got '" + *v + "')");
    s.version = *v;
  }
  if (auto v = get("BusinessAccountId")) {
    size_t start = 0;
    while (start <= v->size()) {
      size_t comma = v->find(',', start);
      if (comma == std::string::npos) comma = v->size();
      std::string id(trim(std::string_view(*v).substr(start, comma - start)));
      if (!id.empty()) {
        if (!allDigits(id))
          invalid("BusinessAccountId", "must be a comma-separated list of numeric IDs (got '" + id + "')");
        s.businessAccountIds.push_back(id);
      }
      start = comma + 1;
    }
  }
  if (auto v = get("PageSize")) s.pageSize = static_cast<int>(integerIn("PageSize", *v, 1, 100));
  if (auto v = get("AuthMode")) {
    if (equalsIgnoreCase(*v, "FacebookLogin"))
      s.authMode = "FacebookLogin";
    else if (equalsIgnoreCase(*v, "InstagramLogin"))
      s.authMode = "InstagramLogin";
    else
      invalid("AuthMode", "must be FacebookLogin or InstagramLogin (got '" + *v + "')");
  }
  if (auto v = get("InitiateOAuth")) {
    if (equalsIgnoreCase(*v, "OFF"))
      s.initiateOAuth = "OFF";
    else if (equalsIgnoreCase(*v, "GETANDREFRESH"))
      s.initiateOAuth = "GETANDREFRESH";
    else if (equalsIgnoreCase(*v, "REFRESH"))
      s.initiateOAuth = "REFRESH";
    else
      invalid("InitiateOAuth", "must be OFF, GETANDREFRESH or REFRESH (got '" + *v + "')");
  }
  if (auto v = get("OAuthAccessToken")) s.accessToken = *v;
  if (auto v = get("OAuthClientId")) s.clientId = *v;
  if (auto v = get("OAuthClientSecret")) s.clientSecret = *v;
  if (auto v = get("CallbackURL")) s.callbackUrl = *v;
  if (auto v = get("Timeout")) s.timeoutSeconds = integerIn("Timeout", *v, 1, 86400);
  if (auto v = get("MetricRulesDate")) {
    SQL_TIMESTAMP_STRUCT ts{};
    if (v->size() != 10 || !parseTimestamp(*v, ts))
      invalid("MetricRulesDate", "must be a date YYYY-MM-DD (got '" + *v + "')");
    s.metricRulesDate = *v;
  }
  if (auto v = get("CacheSeconds")) s.cacheSeconds = integerIn("CacheSeconds", *v, 0, 31536000);
  if (auto v = get("MaxRetries")) s.maxRetries = static_cast<int>(integerIn("MaxRetries", *v, 0, 20));
  if (auto v = get("MaxConcurrency"))
    s.maxConcurrency = static_cast<int>(integerIn("MaxConcurrency", *v, 1, 32));
  if (auto v = get("RetryMaxSeconds")) s.retryMaxSeconds = integerIn("RetryMaxSeconds", *v, 0, 3600);
  if (auto v = get("RateLimitThreshold"))
    s.rateLimitThreshold = static_cast<int>(integerIn("RateLimitThreshold", *v, 0, 100));
  if (auto v = get("CDataCompat")) s.cdataCompat = isTrueValue(*v);
  // SQL ceilings (sql/engine/sql_guard.h): bounded so that no setting lets one statement take the host's
  // memory.
  if (auto v = get("MaxValueBytes"))
    s.limits.maxValueBytes = integerIn("MaxValueBytes", *v, 1000, 1000000000);
  if (auto v = get("MaxStatementBytes"))
    s.limits.maxStatementBytes = integerIn("MaxStatementBytes", *v, 1000, 1000000000);
  if (auto v = get("MaxScratchMB")) s.limits.maxScratchMB = integerIn("MaxScratchMB", *v, 1, 1048576);
  if (auto v = get("ScratchDatabase")) s.scratchDatabase = *v;  // a file for the Local schema

  resolveOAuthSettings(get, s.oauth);
  // Instagram Login tokens work only on graph.instagram.com: that is the default there.
  if (s.authMode == "InstagramLogin" && !get("GraphURL")) s.graphUrl = "https://graph.instagram.com";
  // Page tokens come from /me/accounts, a Facebook user edge; with Instagram Login /me is the
  // professional account, which has no Pages.
  if (s.authMode == "InstagramLogin" && !s.oauth.authenticateAsPage.empty())
    throw SettingsError(
        "HYC00",
        "AuthenticateAsPage needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens "
        "cannot act as a Facebook Page. Remove AuthenticateAsPage or set AuthMode=FacebookLogin");
  // InitiateOAuth=OFF without a token is the headless login's first connection (GetOAuthAuthorizationURL,
  // then GetOAuthAccessToken): allowed when there is an app to log in to.
  if (s.accessToken.empty() && s.initiateOAuth == "OFF" && s.clientId.empty())
    throw SettingsError(
        "08001",
        "OAuthAccessToken is missing: set OAuthAccessToken in the DSN or the connection string "
        "(InitiateOAuth=OFF needs an access token), or pass it as the password of SQLConnect; for the "
        "headless login set OAuthClientId and OAuthClientSecret and call GetOAuthAuthorizationURL");
  return s;
}

}  // namespace igodbc::driver
