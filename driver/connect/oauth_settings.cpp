#include "driver/connect/oauth_settings.h"

#include <cerrno>
#include <cstdlib>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"

namespace igodbc::driver {

namespace {

const std::vector<std::string_view> kOAuthProperties = {"OAuthSettingsLocation",
                                                        "OAuthAllowInsecureFile",
                                                        "OAuthVerifier",
                                                        "Scope",
                                                        "AuthenticateAsPage",
                                                        "OAuthAuthorizationURL",
                                                        "OAuthAccessTokenURL",
                                                        "OAuthBrowserCommand",
                                                        "CallbackCertificate",
                                                        "CallbackKey",
                                                        "LoginTimeout",
                                                        "SSLServerCert",
                                                        "ProxyServer",
                                                        "ProxyPort",
                                                        "ProxyUser",
                                                        "ProxyPassword",
                                                        "ProxyExceptions",
                                                        "LogFile",
                                                        "Verbosity",
                                                        "AllowConnectionStringPaths",
                                                        "AllowTokenInResults"};

long wholeNumber(std::string_view key, const std::string& text, long lo, long hi) {
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE || v < lo || v > hi)
    throw SettingsError("08001", "Connection property " + std::string(key) + " must be a whole number from " +
                                     std::to_string(lo) + " to " + std::to_string(hi) + " (got '" + text +
                                     "')");
  return v;
}

}  // namespace

const std::vector<std::string_view>& oauthPropertyNames() {
  return kOAuthProperties;
}

void resolveOAuthSettings(const std::function<std::optional<std::string>(std::string_view)>& get,
                          OAuthSettings& s) {
  if (auto v = get("OAuthSettingsLocation")) s.settingsLocation = *v;
  if (auto v = get("OAuthAllowInsecureFile")) s.allowInsecureFile = isTrueValue(*v);
  if (auto v = get("OAuthVerifier")) s.verifier = *v;
  if (auto v = get("Scope")) s.scope = *v;
  if (auto v = get("AuthenticateAsPage")) s.authenticateAsPage = *v;
  if (auto v = get("OAuthAuthorizationURL")) s.authorizationUrl = *v;
  if (auto v = get("OAuthAccessTokenURL")) s.accessTokenUrl = *v;
  if (auto v = get("OAuthBrowserCommand")) s.browserCommand = *v;
  if (auto v = get("CallbackCertificate")) s.callbackCertificate = *v;
  if (auto v = get("CallbackKey")) s.callbackKey = *v;
  if (s.callbackCertificate.empty() != s.callbackKey.empty())
    throw SettingsError(
        "08001",
        "Set both CallbackCertificate and CallbackKey (PEM files) to serve the OAuth callback "
        "over HTTPS, or neither for plain HTTP");
  if (auto v = get("LoginTimeout")) s.loginTimeoutSeconds = wholeNumber("LoginTimeout", *v, 1, 86400);
  if (auto v = get("SSLServerCert")) s.sslServerCert = *v;
  if (auto v = get("ProxyServer")) s.proxyServer = *v;
  if (auto v = get("ProxyPort")) s.proxyPort = wholeNumber("ProxyPort", *v, 1, 65535);
  if (auto v = get("ProxyUser")) s.proxyUser = *v;
  if (auto v = get("ProxyPassword")) s.proxyPassword = *v;
  if (auto v = get("ProxyExceptions")) s.proxyExceptions = *v;
  if (auto v = get("LogFile")) s.logFile = *v;
  if (auto v = get("Verbosity")) s.verbosity = static_cast<int>(wholeNumber("Verbosity", *v, 0, 5));
  // The caller hands these only from the DSN or odbcinst.ini (connection_trust.h).
  if (auto v = get("AllowTokenInResults")) s.allowTokenInResults = isTrueValue(*v);
}

}  // namespace igodbc::driver
