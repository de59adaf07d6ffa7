// InitiateOAuth=GETANDREFRESH / REFRESH: tokens from the store, refreshed ahead of expiry and after a 190,
// obtained through the browser (GETANDREFRESH only) or OAuthVerifier when there is none.
//
// Refresh ahead: when less than min(7 days, a quarter of the token's lifetime) is left. Instagram tokens are
// refreshed with ig_refresh_token only once they are 24 h old; Facebook tokens are extended with
// fb_exchange_token, and when that fails the connection warns (01000) with the expiry date.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "oauth/oauth_options.h"
#include "oauth/stored_token.h"
#include "oauth/token_provider.h"
#include "oauth/token_store.h"

namespace igodbc::oauth {

class OAuthTokenProvider final : public TokenProvider {
 public:
  explicit OAuthTokenProvider(OAuthOptions options);
  std::string accessToken() override;
  bool refreshAfterRejection(const std::string& rejected) override;
  std::string appSecret() const override { return options_.clientSecret; }

  // A warning for the user (token about to expire and not extendable); empty when none.
  std::string warning() const;

  // Exposed for the OAuth procedures and tests.
  const OAuthOptions& options() const { return options_; }
  // Runs the whole code → long-lived exchange and stores the result.
  StoredToken completeLogin(const std::string& code, const std::string& codeVerifier);
  // Refreshes what is stored now (under the lock). Throws AuthError when it cannot.
  StoredToken refreshStored();

 private:
  StoredToken obtainLocked(const std::string& rejected);
  StoredToken browserLogin();
  std::optional<StoredToken> tryRefresh(const StoredToken& current, bool force);
  bool needsRefresh(const StoredToken& t, int64_t now) const;
  void log(int level, const std::string& text) const;
  void remember(const StoredToken& t) const;  // registers the token as a secret with the logger

  OAuthOptions options_;
  std::unique_ptr<TokenStore> store_;
  mutable std::mutex mutex_;
  std::optional<StoredToken> cached_;
  std::string warning_;
};

int64_t unixNow();

}  // namespace igodbc::oauth
