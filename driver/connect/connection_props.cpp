#include "driver/connect/connection_props.h"

#include <ctime>

#include "driver/connect/connection_string.h"
#include "driver/handles/connection.h"
#include "net/utc_time.h"

namespace igodbc::driver {

namespace {

std::string todayUtc() {
  return graph::formatUtc(graph::nowEpochSeconds(), "%Y-%m-%d");
}

// The value a property has when nobody set it; nullopt when it has none.
std::optional<std::string> defaultValue(std::string_view name) {
  static const ConnectionSettings d;
  auto is = [&](const char* n) { return equalsIgnoreCase(name, n); };
  if (is("GraphURL")) return d.graphUrl;
  if (is("Version")) return d.version;
  if (is("PageSize")) return std::to_string(d.pageSize);
  if (is("AuthMode")) return d.authMode;
  if (is("InitiateOAuth")) return d.initiateOAuth;
  if (is("Timeout")) return std::to_string(d.timeoutSeconds);
  if (is("MetricRulesDate")) return todayUtc();
  if (is("CacheSeconds")) return std::to_string(d.cacheSeconds);
  if (is("CDataCompat")) return std::string(d.cdataCompat ? "true" : "false");
  if (is("MaxRetries")) return std::to_string(d.maxRetries);
  if (is("MaxConcurrency")) return std::to_string(d.maxConcurrency);
  if (is("RetryMaxSeconds")) return std::to_string(d.retryMaxSeconds);
  if (is("RateLimitThreshold")) return std::to_string(d.rateLimitThreshold);
  if (is("LoginTimeout")) return std::to_string(d.oauth.loginTimeoutSeconds);
  if (is("Verbosity")) return std::to_string(d.oauth.verbosity);
  if (is("OAuthAllowInsecureFile")) return std::string("false");
  if (is("AllowConnectionStringPaths")) return std::string("false");
  if (is("AllowTokenInResults")) return std::string("false");
  return std::nullopt;
}

}  // namespace

void recordPropertyOrigins(ConnectionSettings& s, const PropertyGiven& given) {
  s.propertyOrigins.clear();
  for (std::string_view name : propertyNames())
    if (auto g = given(name)) s.propertyOrigins.push_back({std::string(name), g->first, g->second});
}

std::vector<sql::ConnectionProp> connectionProps(const ConnectionSettings& s) {
  std::vector<sql::ConnectionProp> out;
  for (std::string_view name : propertyNames()) {
    sql::ConnectionProp p{std::string(name), std::nullopt, "default", isSecretKey(name)};
    for (const PropertyOrigin& o : s.propertyOrigins) {
      if (!equalsIgnoreCase(o.name, name)) continue;
      p.source = o.source;
      p.value = o.text;
    }
    if (p.source == "default") {
      p.value = defaultValue(name);
      // The token came from the token store (InitiateOAuth GETANDREFRESH / REFRESH), not from a property.
      if (equalsIgnoreCase(name, "OAuthAccessToken") && s.initiateOAuth != "OFF")
        p.source = "token store", p.value = std::string(kMaskedSecret);
    }
    if (p.secret && p.value) p.value = std::string(kMaskedSecret);
    out.push_back(std::move(p));
  }
  out.push_back({"Host", urlHost(s.graphUrl), "derived", false});
  // Instagram says when a token expires only through a debug_token call; sys_* tables make no call.
  out.push_back({"TokenExpiresAt", std::nullopt, "derived", false});
  return out;
}

}  // namespace igodbc::driver
