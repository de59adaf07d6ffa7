// Everything the OAuth provider needs from the connection properties, already validated.
#pragma once

#include <memory>
#include <string>

#include "net/http_session.h"
#include "net/logger.h"

namespace igodbc::oauth {

struct OAuthOptions {
  std::string initiate = "GETANDREFRESH";  // GETANDREFRESH | REFRESH
  std::string authMode = "FacebookLogin";  // FacebookLogin | InstagramLogin
  std::string clientId;
  std::string clientSecret;
  std::string callbackUrl = "http://localhost:33333/";
  std::string callbackCertificate;  // CallbackCertificate (PEM): the listener speaks TLS; empty: plain HTTP
  std::string callbackKey;          // CallbackKey (PEM private key of that certificate)
  std::string scope;                // empty: the defaults of the login flavour
  std::string verifier;             // OAuthVerifier: a code or the whole redirect URL (headless)
  std::string initialToken;         // OAuthAccessToken, used when nothing is stored yet
  std::string settingsLocation;
  bool allowInsecureFile = false;
  std::string authorizationUrl;                         // empty: the real dialog of the login flavour
  std::string accessTokenUrl;                           // empty: the real code-exchange endpoint
  std::string graphUrl = "https://graph.facebook.com";  // long-lived exchange and refresh go here
  std::string version = "v24.0";
  std::string browserCommand;        // empty: $BROWSER, then xdg-open
  bool allowTokenInResults = false;  // AllowTokenInResults (DSN only): GetOAuthAccessToken shows the token
  long loginTimeoutSeconds = 120;
  long timeoutSeconds = 60;
  graph::NetworkOptions network;
  std::shared_ptr<graph::Logger> logger;  // LogFile; null when not logging
};

// Scopes the driver asks for by default (instagram_manage_contents needs its own review).
inline constexpr const char* kFacebookScopes =
    "instagram_basic,instagram_manage_comments,instagram_manage_insights,instagram_content_publish,"
    "pages_show_list,pages_read_engagement,business_management";
inline constexpr const char* kInstagramScopes =
    "instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_insights,"
    "instagram_business_content_publish";

}  // namespace igodbc::oauth
