// The connection properties this driver understands: their canonical names, defaults and
// validation. Pure: values come in as text from a DSN or a connection string; problems come out as
// SettingsError with an SQLSTATE and a message that never quotes a secret.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "driver/connect/oauth_settings.h"
#include "sql/engine/sql_guard.h"

namespace igodbc::driver {

// Where a property set by the application came from (sys_connection_props): "connection string" or "DSN",
// with its text as given. Properties not listed have their default.
struct PropertyOrigin {
  std::string name;
  std::string source;
  std::string text;
};

struct ConnectionSettings {
  std::string graphUrl = "https://graph.facebook.com";
  std::string version = "v24.0";
  std::vector<std::string> businessAccountIds;
  int pageSize = 100;
  std::string authMode = "FacebookLogin";
  std::string initiateOAuth = "OFF";
  std::string accessToken;
  std::string clientId;
  std::string clientSecret;
  std::string callbackUrl;
  OAuthSettings oauth;  // the OAuth, TLS/proxy properties (oauth_settings.h)
  long timeoutSeconds = 60;
  std::string metricRulesDate;
  long cacheSeconds = 0;
  int maxConcurrency = 8;       // Graph requests in flight at once: read-ahead lanes + the statement's own
  int maxRetries = 4;           // transient Graph failures repeated per call (graph/retry_policy.h)
  long retryMaxSeconds = 60;    // backoff budget per call
  int rateLimitThreshold = 80;  // usage percent where the rate governor slows down (0 = off)
  bool cdataCompat = false;
  std::string scratchDatabase;  // empty: scratch tables in memory
  sql::SqlLimits limits;  // MaxValueBytes, MaxStatementBytes, MaxScratchMB (a connection string only lowers)
  std::vector<PropertyOrigin> propertyOrigins;  // filled by connect.cpp (driver/connect/connection_props.h)
};

class SettingsError : public std::runtime_error {
 public:
  SettingsError(std::string state, const std::string& message)
      : std::runtime_error(message), sqlstate(std::move(state)) {}
  std::string sqlstate;
};

// Property names in canonical spelling, in the order a completed connection string lists them. DSN,
// DRIVER, UID and PWD are not among them (handled by the caller).
const std::vector<std::string_view>& propertyNames();
// The canonical spelling of a property or of DSN/DRIVER/FILEDSN/SAVEFILE/UID/PWD; nullopt if unknown.
std::optional<std::string_view> canonicalKey(std::string_view key);
// OAuthAccessToken, OAuthClientSecret, PWD: never shown in diagnostics or logs.
bool isSecretKey(std::string_view key);

// Reads every property through `lookup` (canonical name -> value when set) and validates it.
using PropertyLookup = std::function<std::optional<std::string>(std::string_view)>;
ConnectionSettings resolveSettings(const PropertyLookup& lookup);

}  // namespace igodbc::driver
