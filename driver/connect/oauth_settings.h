// The OAuth, TLS/proxy and logging connection properties, parsed apart from the core ones so the
// two lists can grow independently. Same rules: text in, validated values out, SettingsError on bad input.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::driver {

struct OAuthSettings {
  std::string settingsLocation;     // OAuthSettingsLocation; empty: per-DSN file under $XDG_CONFIG_HOME
  bool allowInsecureFile = false;   // OAuthAllowInsecureFile
  std::string verifier;             // OAuthVerifier
  std::string scope;                // Scope
  std::string authenticateAsPage;   // AuthenticateAsPage
  std::string authorizationUrl;     // OAuthAuthorizationURL
  std::string accessTokenUrl;       // OAuthAccessTokenURL
  std::string browserCommand;       // OAuthBrowserCommand
  std::string callbackCertificate;  // CallbackCertificate: PEM certificate for an https:// CallbackURL
  std::string callbackKey;          // CallbackKey: its PEM private key
  long loginTimeoutSeconds = 120;   // LoginTimeout
  std::string sslServerCert;        // SSLServerCert
  std::string proxyServer;          // ProxyServer
  long proxyPort = 0;               // ProxyPort
  std::string proxyUser;            // ProxyUser
  std::string proxyPassword;        // ProxyPassword (secret)
  std::string proxyExceptions;      // ProxyExceptions
  std::string logFile;              // LogFile; empty: no log
  int verbosity = 1;                // Verbosity 0-5
  // DSN-only switches (driver/connect/connection_trust.h): connection strings may set path keys;
  // GetOAuthAccessToken returns the token itself.
  bool allowTokenInResults = false;  // AllowTokenInResults
};

// Canonical names, appended to the core list.
const std::vector<std::string_view>& oauthPropertyNames();

// `get` returns the trimmed value of a property when set and non-empty.
void resolveOAuthSettings(const std::function<std::optional<std::string>(std::string_view)>& get,
                          OAuthSettings& out);

}  // namespace igodbc::driver
