// The connection's token as the OAuth procedures and AuthenticateAsPage see it. It
// wraps the provider InitiateOAuth chose (static, or the refreshing OAuth provider) and is what graph/ asks
// for tokens:
//  - a token obtained or refreshed by a procedure replaces the connection's token from then on;
//  - with AuthenticateAsPage, calls carry that Page's token, read from /me/accounts with the user token.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "oauth/oauth_options.h"
#include "oauth/token_info.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

// A procedure argument that contradicts another one (maps to SQLSTATE 22023).
class OAuthArgumentError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class TokenSession final : public TokenProvider {
 public:
  // `options.settingsLocation` empty: no token store (InitiateOAuth=OFF without OAuthSettingsLocation).
  // `asPage`: AuthenticateAsPage (a Page ID or name); empty for the user token.
  TokenSession(OAuthOptions options, std::shared_ptr<TokenProvider> inner, std::string asPage);

  std::string accessToken() override;
  bool refreshAfterRejection(const std::string& rejected) override;
  std::string appSecret() const override { return options_.clientSecret; }

  const OAuthOptions& options() const { return options_; }

  struct Authorization {
    std::string url;
    std::string state;
  };
  // GetOAuthAuthorizationURL: no call. State defaults to 32 random hex characters; Facebook Login adds PKCE
  // (S256) when the app secret is known, with the verifier derived from the state (pkce.h).
  Authorization authorizationUrl(const std::optional<std::string>& callbackUrl,
                                 const std::optional<std::string>& scope,
                                 const std::optional<std::string>& state);

  struct Granted {
    std::string accessToken;
    int64_t expiresIn = -1;  // -1: no expiry
    int64_t expiresAt = 0;   // Unix seconds; 0: no expiry
    std::string userId;      // Instagram Login only
    std::string scopes;      // Instagram Login only
    std::string warning;     // 01000 text; empty when none
    std::string storedIn;    // the token store's file or memory:// name; empty: this connection only
  };
  // GetOAuthAccessToken: code (or redirect URL) -> token [-> long-lived]; stored when a store is configured
  // and used from now on. Throws AuthError (28000), OAuthArgumentError (22023).
  Granted exchangeCode(const std::string& verifier, const std::optional<std::string>& callbackUrl,
                       const std::optional<std::string>& state, bool longLived);
  // RefreshOAuthAccessToken: ig_refresh_token or fb_exchange_token of `token` (default: the connection's
  // current user token).
  Granted refresh(const std::optional<std::string>& token);
  // GetTokenInfo: debug_token (Facebook Login) or the token store's record (Instagram Login).
  TokenInfo info();

 private:
  std::string userTokenLocked();
  void adopt(Granted& g);  // store (sets g.storedIn) + use from now on (mutex_ held)
  void remember(const std::string& secret) const;

  OAuthOptions options_;
  std::shared_ptr<TokenProvider> inner_;
  std::string asPage_;
  std::mutex mutex_;
  std::string override_;  // a token a procedure obtained; empty: the inner provider's
  int64_t overrideIssuedAt_ = 0;
  int64_t overrideExpiresAt_ = 0;
  std::string overrideUserId_;
  std::string pageUserToken_;  // the user token pageToken_ was read with
  std::string pageToken_;
  std::string lastState_;  // the state of this connection's last authorization URL
};

}  // namespace igodbc::oauth
