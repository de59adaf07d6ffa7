#include "oauth/token_session.h"

#include <openssl/rand.h>

#include <ctime>

#include "net/utc_time.h"
#include "oauth/authorization.h"
#include "oauth/page_token.h"
#include "oauth/pkce.h"
#include "oauth/token_exchange.h"
#include "oauth/token_store.h"

namespace igodbc::oauth {

namespace {

// Slack when comparing expiries: the same token seen twice differs only by clock jitter.
constexpr int64_t kSameExpirySlack = 3600;

int64_t now() {
  return static_cast<int64_t>(std::time(nullptr));
}

std::string randomHex(size_t bytes) {
  unsigned char buf[64];
  if (bytes > sizeof buf || RAND_bytes(buf, static_cast<int>(bytes)) != 1)
    throw AuthError("The system random number generator failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes; ++i) {
    out += kHex[buf[i] >> 4];
    out += kHex[buf[i] & 15];
  }
  return out;
}

std::string utcDate(int64_t t) {
  return graph::formatUtc(t, "%Y-%m-%d %H:%M:%S UTC");
}

TokenSession::Granted granted(const IssuedToken& t) {
  TokenSession::Granted g;
  g.accessToken = t.accessToken;
  if (t.expiresIn > 0) {
    g.expiresIn = t.expiresIn;
    g.expiresAt = now() + t.expiresIn;
  }
  return g;
}

}  // namespace

TokenSession::TokenSession(OAuthOptions options, std::shared_ptr<TokenProvider> inner, std::string asPage)
    : options_(std::move(options)), inner_(std::move(inner)), asPage_(std::move(asPage)) {}

void TokenSession::remember(const std::string& secret) const {
  if (options_.logger) options_.logger->addSecret(secret);
}

std::string TokenSession::userTokenLocked() {
  return override_.empty() ? inner_->accessToken() : override_;
}

std::string TokenSession::accessToken() {
  std::lock_guard<std::mutex> g(mutex_);
  std::string user = userTokenLocked();
  if (asPage_.empty()) return user;
  if (pageToken_.empty() || pageUserToken_ != user) {
    pageToken_ = fetchPageToken(options_, user, asPage_);
    pageUserToken_ = user;
    remember(pageToken_);
    if (options_.logger) options_.logger->write(1, "oauth", "using the Page token of " + asPage_);
  }
  return pageToken_;
}

bool TokenSession::refreshAfterRejection(const std::string& rejected) {
  std::lock_guard<std::mutex> g(mutex_);
  try {
    std::string rejectedUser = rejected;
    if (!asPage_.empty() && rejected == pageToken_) {
      // A Page token ends when its user token does, or when the Page's access was revoked: read it again
      // first, and refresh the user token only when that gives the same token.
      std::string user = userTokenLocked();
      std::string fresh = fetchPageToken(options_, user, asPage_);
      if (fresh != rejected) {
        pageToken_ = fresh;
        pageUserToken_ = user;
        remember(fresh);
        return true;
      }
      rejectedUser = user;
    }
    bool changed = inner_->refreshAfterRejection(rejectedUser);
    if (changed && rejectedUser == override_) override_.clear();
    if (!changed) return false;
    if (!asPage_.empty()) {
      pageUserToken_ = userTokenLocked();
      pageToken_ = fetchPageToken(options_, pageUserToken_, asPage_);
      remember(pageToken_);
    }
    return true;
  } catch (const AuthError&) {
    return false;  // the caller reports the original 190
  }
}

TokenSession::Authorization TokenSession::authorizationUrl(const std::optional<std::string>& callbackUrl,
                                                           const std::optional<std::string>& scope,
                                                           const std::optional<std::string>& state) {
  OAuthOptions o = options_;
  if (callbackUrl) o.callbackUrl = *callbackUrl;
  if (scope) o.scope = *scope;
  Authorization a;
  a.state = state ? *state : randomHex(16);
  const bool pkce = o.authMode != "InstagramLogin" && !o.clientSecret.empty();
  a.url = buildAuthorizationUrl(o, a.state,
                                pkce ? codeChallengeS256(pkceVerifierForState(o.clientSecret, a.state)) : "");
  std::lock_guard<std::mutex> g(mutex_);
  lastState_ = a.state;
  return a;
}

void TokenSession::adopt(Granted& g) {
  remember(g.accessToken);
  const int64_t t = now();
  if (!options_.settingsLocation.empty()) {
    std::unique_ptr<TokenStore> store = openTokenStore(options_.settingsLocation, options_.allowInsecureFile);
    auto lock = store->lock();
    StoredToken s;
    s.authMode = options_.authMode;
    s.clientId = options_.clientId;
    s.accessToken = g.accessToken;
    s.issuedAt = t;
    s.expiresAt = g.expiresAt;
    s.userId = g.userId;
    store->save(s);
    g.storedIn = store->describe();
    if (options_.logger) options_.logger->write(1, "oauth", "token stored in " + g.storedIn);
  }
  override_ = g.accessToken;
  overrideIssuedAt_ = t;
  overrideExpiresAt_ = g.expiresAt;
  overrideUserId_ = g.userId;
}

TokenSession::Granted TokenSession::exchangeCode(const std::string& verifier,
                                                 const std::optional<std::string>& callbackUrl,
                                                 const std::optional<std::string>& state, bool longLived) {
  remember(verifier);
  RedirectResult r = parseRedirect(verifier);
  if (!r.error.empty())
    throw AuthError("The login was refused: " + r.errorDescription + " (" + r.error + ")");
  if (state && !r.state.empty() && r.state != *state)
    throw OAuthArgumentError(
        "GetOAuthAccessToken.State: does not match the state in the redirect URL (possible CSRF); start "
        "again with GetOAuthAuthorizationURL");
  if (r.code.empty())
    throw OAuthArgumentError(
        "GetOAuthAccessToken.Verifier: holds no authorization code; pass the code or the whole redirect URL");
  remember(r.code);
  std::lock_guard<std::mutex> lock(mutex_);
  OAuthOptions o = options_;
  if (callbackUrl) o.callbackUrl = *callbackUrl;
  const std::string effectiveState = !r.state.empty() ? r.state : state ? *state : lastState_;
  const bool pkce = o.authMode != "InstagramLogin" && !o.clientSecret.empty() && !effectiveState.empty();
  TokenExchange ex(o);
  IssuedToken shortLived =
      ex.exchangeCode(r.code, pkce ? pkceVerifierForState(o.clientSecret, effectiveState) : "");
  remember(shortLived.accessToken);
  IssuedToken result = longLived ? ex.exchangeLongLived(shortLived.accessToken) : shortLived;
  Granted g = granted(result);
  if (o.authMode == "InstagramLogin") {
    g.userId = !result.userId.empty() ? result.userId : shortLived.userId;
    g.scopes = shortLived.permissions;
  }
  adopt(g);
  return g;
}

TokenSession::Granted TokenSession::refresh(const std::optional<std::string>& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string current = token ? *token : userTokenLocked();
  remember(current);
  int64_t oldExpiry = 0;
  std::string userId;
  if (!override_.empty() && current == override_) {
    oldExpiry = overrideExpiresAt_;
    userId = overrideUserId_;
  } else if (!options_.settingsLocation.empty()) {
    std::unique_ptr<TokenStore> store = openTokenStore(options_.settingsLocation, options_.allowInsecureFile);
    if (std::optional<StoredToken> s = store->load(); s && s->accessToken == current) {
      oldExpiry = s->expiresAt;
      userId = s->userId;
    }
  }
  TokenExchange ex(options_);
  Granted g;
  if (options_.authMode == "InstagramLogin") {
    try {
      g = granted(ex.refreshInstagram(current));
    } catch (const AuthError& e) {
      throw AuthError(std::string(e.what()) +
                      ". Instagram refreshes a token only once it is at least 24 hours old and not yet "
                      "expired; an expired token needs a new login (GetOAuthAuthorizationURL)");
    }
    g.userId = userId;
  } else {
    g = granted(ex.exchangeLongLived(current));
    const bool sameToken = g.accessToken == current;
    if (g.expiresAt != 0 && ((oldExpiry != 0 && g.expiresAt <= oldExpiry + kSameExpirySlack) || sameToken))
      g.warning =
          "Facebook long-lived tokens cannot be extended by a server; run the login flow again before " +
          utcDate(std::max(g.expiresAt, oldExpiry));
  }
  adopt(g);
  return g;
}

TokenInfo TokenSession::info() {
  if (options_.authMode != "InstagramLogin") {
    std::string token = accessToken();
    return debugToken(options_, token);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  TokenInfo i;
  i.kind = "INSTAGRAM";
  i.appId = options_.clientId;
  i.source = "token store";
  std::optional<StoredToken> s;
  if (!override_.empty()) {
    s = StoredToken{options_.authMode, options_.clientId,  override_,
                    overrideIssuedAt_, overrideExpiresAt_, overrideUserId_};
  } else if (!options_.settingsLocation.empty()) {
    s = openTokenStore(options_.settingsLocation, options_.allowInsecureFile)->load();
  }
  if (s) {
    if (!s->clientId.empty()) i.appId = s->clientId;
    i.userId = s->userId;
    i.issuedAt = s->issuedAt;
    i.expiresAt = s->expiresAt;
    i.valid = s->expiresAt == 0 || now() < s->expiresAt;
  }
  return i;
}

}  // namespace igodbc::oauth
