#include "driver/connect/token_provider_factory.h"

#include <sys/stat.h>

#include "driver/handles/diagnostics.h"
#include "oauth/oauth_token_provider.h"
#include "oauth/token_session.h"
#include "oauth/token_store.h"

namespace igodbc::driver {

graph::NetworkOptions networkOptions(const ConnectionSettings& s) {
  graph::NetworkOptions n;
  const OAuthSettings& o = s.oauth;
  if (!o.sslServerCert.empty()) {
    struct stat st {};
    if (o.sslServerCert.rfind("sha256//", 0) != 0 && ::stat(o.sslServerCert.c_str(), &st) != 0)
      throw SettingsError("08001", "SSLServerCert names " + o.sslServerCert +
                                       ", which does not exist: give a CA file (PEM), a CA folder, or "
                                       "sha256//<base64 public key hash>");
    n.serverCert = o.sslServerCert;
  }
  if (!o.proxyServer.empty())
    n.proxy = o.proxyPort > 0 ? o.proxyServer + ":" + std::to_string(o.proxyPort) : o.proxyServer;
  n.proxyUser = o.proxyUser;
  n.proxyPassword = o.proxyPassword;
  n.noProxy = o.proxyExceptions;
  return n;
}

std::shared_ptr<graph::Logger> makeLogger(const ConnectionSettings& s) {
  if (s.oauth.logFile.empty() || s.oauth.verbosity == 0) return nullptr;
  std::shared_ptr<graph::Logger> logger;
  try {
    logger = std::make_shared<graph::Logger>(s.oauth.logFile, s.oauth.verbosity);
  } catch (const std::runtime_error& e) {
    throw SettingsError("08001", e.what());
  }
  for (const std::string* secret :
       {&s.accessToken, &s.clientSecret, &s.oauth.proxyPassword, &s.oauth.verifier})
    logger->addSecret(*secret);
  return logger;
}

namespace {

oauth::OAuthOptions oauthOptions(const ConnectionSettings& s, const std::string& dsn, long loginTimeoutAttr,
                                 std::shared_ptr<graph::Logger> logger) {
  oauth::OAuthOptions o;
  o.initiate = s.initiateOAuth;
  o.authMode = s.authMode;
  o.clientId = s.clientId;
  o.clientSecret = s.clientSecret;
  if (!s.callbackUrl.empty()) o.callbackUrl = s.callbackUrl;
  o.callbackCertificate = s.oauth.callbackCertificate;
  o.callbackKey = s.oauth.callbackKey;
  o.scope = s.oauth.scope;
  o.verifier = s.oauth.verifier;
  o.initialToken = s.accessToken;
  // InitiateOAuth=OFF keeps no token store unless OAuthSettingsLocation names one (for GetOAuthAccessToken).
  if (s.initiateOAuth != "OFF" || !s.oauth.settingsLocation.empty()) {
    try {
      o.settingsLocation =
          s.oauth.settingsLocation.empty() ? oauth::defaultSettingsLocation(dsn) : s.oauth.settingsLocation;
    } catch (const oauth::AuthError& e) {
      throw SettingsError("08001", e.what());  // a setting is missing, not a credential
    }
  }
  o.allowInsecureFile = s.oauth.allowInsecureFile;
  o.authorizationUrl = s.oauth.authorizationUrl;
  o.accessTokenUrl = s.oauth.accessTokenUrl;
  o.graphUrl = s.graphUrl;
  o.version = s.version;
  o.browserCommand = s.oauth.browserCommand;
  o.allowTokenInResults = s.oauth.allowTokenInResults;
  // The LoginTimeout property wins; else SQL_ATTR_LOGIN_TIMEOUT; else the default.
  o.loginTimeoutSeconds = s.oauth.loginTimeoutSeconds;
  if (loginTimeoutAttr > 0 && s.oauth.loginTimeoutSeconds == OAuthSettings{}.loginTimeoutSeconds)
    o.loginTimeoutSeconds = loginTimeoutAttr;
  o.timeoutSeconds = s.timeoutSeconds;
  o.network = networkOptions(s);
  o.logger = std::move(logger);
  return o;
}

}  // namespace

ConnectedTokens connectTokens(const ConnectionSettings& s, const std::string& dsn, long loginTimeoutAttr,
                              std::shared_ptr<graph::Logger> logger) {
  ConnectedTokens out;
  oauth::OAuthOptions o = oauthOptions(s, dsn, loginTimeoutAttr, std::move(logger));
  try {
    std::shared_ptr<oauth::TokenProvider> inner;
    if (s.initiateOAuth == "OFF") {
      inner = oauth::makeStaticTokenProvider(s.accessToken, s.clientSecret);
    } else {
      auto provider = std::make_shared<oauth::OAuthTokenProvider>(o);
      provider->accessToken();  // log in / refresh now
      out.warning = provider->warning();
      inner = std::move(provider);
    }
    out.session =
        std::make_shared<oauth::TokenSession>(std::move(o), std::move(inner), s.oauth.authenticateAsPage);
    // AuthenticateAsPage: read the Page token now, so a wrong Page name fails the connect.
    if (!s.oauth.authenticateAsPage.empty() && (s.initiateOAuth != "OFF" || !s.accessToken.empty()))
      out.session->accessToken();
    out.provider = out.session;
  } catch (const oauth::LoginTimeoutError& e) {
    throw OdbcError("HYT00", e.what());
  } catch (const oauth::TlsAuthError& e) {
    throw OdbcError("08001", e.what());
  } catch (const oauth::AuthError& e) {
    throw OdbcError("28000", e.what());
  }
  return out;
}

}  // namespace igodbc::driver
