#include "oauth/oauth_token_provider.h"

#include <cstdio>
#include <ctime>

#include "net/utc_time.h"
#include "oauth/authorization.h"
#include "oauth/browser.h"
#include "oauth/loopback_listener.h"
#include "oauth/pkce.h"
#include "oauth/token_exchange.h"

namespace igodbc::oauth {

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kSameExpirySlack = 3600;  // the same expiry seen twice differs only by clock jitter

std::string utcDate(int64_t t) {
  return graph::formatUtc(t, "%Y-%m-%d %H:%M UTC");
}

constexpr const char* kPage =
    "<!doctype html><meta charset=utf-8><title>instagram-odbc</title>"
    "<p>Login finished. You can close this window and return to your application.";

}  // namespace

int64_t unixNow() {
  return static_cast<int64_t>(std::time(nullptr));
}

OAuthTokenProvider::OAuthTokenProvider(OAuthOptions options)
    : options_(std::move(options)),
      store_(openTokenStore(options_.settingsLocation, options_.allowInsecureFile)) {
  if (options_.logger) {
    options_.logger->addSecret(options_.clientSecret);
    options_.logger->addSecret(options_.initialToken);
    options_.logger->addSecret(options_.verifier);
  }
}

void OAuthTokenProvider::log(int level, const std::string& text) const {
  if (options_.logger) options_.logger->write(level, "oauth", text);
}

void OAuthTokenProvider::remember(const StoredToken& t) const {
  if (options_.logger) options_.logger->addSecret(t.accessToken);
}

bool OAuthTokenProvider::needsRefresh(const StoredToken& t, int64_t now) const {
  if (t.expiresAt == 0) return false;
  int64_t lifetime = t.expiresAt - t.issuedAt;
  int64_t margin = std::min<int64_t>(7 * kDay, lifetime > 0 ? lifetime / 4 : 0);
  return now >= t.expiresAt - margin;
}

std::string OAuthTokenProvider::accessToken() {
  std::lock_guard<std::mutex> g(mutex_);
  if (cached_ && !needsRefresh(*cached_, unixNow())) return cached_->accessToken;
  cached_ = obtainLocked("");
  return cached_->accessToken;
}

bool OAuthTokenProvider::refreshAfterRejection(const std::string& rejected) {
  std::lock_guard<std::mutex> g(mutex_);
  try {
    cached_ = obtainLocked(rejected);
  } catch (const AuthError&) {
    return false;  // the caller reports the original 190
  }
  return cached_->accessToken != rejected;
}

std::string OAuthTokenProvider::warning() const {
  std::lock_guard<std::mutex> g(mutex_);
  return warning_;
}

// Under the store lock: the stored token if good; else refresh, headless code, or browser login. `rejected`
// is a token the Graph API refused (must not be returned again).
StoredToken OAuthTokenProvider::obtainLocked(const std::string& rejected) {
  auto lock = store_->lock();
  std::optional<StoredToken> stored = store_->load();
  if (stored) remember(*stored);
  if (!rejected.empty()) log(1, "the Graph API rejected the token (190); looking for a new one");
  log(3, std::string("token store ") + store_->describe() + (stored ? ": token found" : ": empty"));
  if (stored && (stored->clientId != options_.clientId || stored->authMode != options_.authMode) &&
      !stored->clientId.empty())
    stored.reset();  // another app's token: not ours to use
  const int64_t now = unixNow();
  if (!stored && !options_.initialToken.empty() && options_.initialToken != rejected) {
    StoredToken t;
    t.authMode = options_.authMode;
    t.clientId = options_.clientId;
    t.accessToken = options_.initialToken;
    t.issuedAt = now;
    store_->save(t);
    stored = t;
  }
  if (stored && stored->accessToken != rejected && (stored->expiresAt == 0 || now < stored->expiresAt)) {
    if (!needsRefresh(*stored, now)) return *stored;  // another process may have refreshed already
    if (auto fresh = tryRefresh(*stored, false)) return *fresh;
    return *stored;  // still valid; warning_ says when it ends
  }
  if (stored && !rejected.empty()) {
    if (auto fresh = tryRefresh(*stored, true)) return *fresh;
  }
  if (!options_.verifier.empty()) {
    RedirectResult r = parseRedirect(options_.verifier);
    if (!r.error.empty()) throw AuthError("The login was refused: " + r.errorDescription);
    if (r.code.empty()) throw AuthError("OAuthVerifier holds no authorization code");
    return completeLogin(r.code, "");
  }
  if (options_.initiate != "GETANDREFRESH")
    throw AuthError(
        std::string(stored ? "The stored access token has expired and cannot be refreshed"
                           : "No access token is stored in " + store_->describe()) +
        "; InitiateOAuth=REFRESH never opens a browser: connect once with InitiateOAuth=GETANDREFRESH, "
        "or get a code with GetOAuthAuthorizationURL and pass it as OAuthVerifier");
  return browserLogin();
}

std::optional<StoredToken> OAuthTokenProvider::tryRefresh(const StoredToken& current, bool force) {
  const int64_t now = unixNow();
  TokenExchange ex(options_);
  IssuedToken issued;
  try {
    if (options_.authMode == "InstagramLogin") {
      if (now - current.issuedAt < kDay && !force) return std::nullopt;  // Instagram refuses younger tokens
      issued = ex.refreshInstagram(current.accessToken);
    } else {
      if (options_.clientId.empty() || options_.clientSecret.empty()) throw AuthError("no app credentials");
      issued = ex.exchangeLongLived(current.accessToken);
    }
  } catch (const AuthError& e) {
    log(1, std::string("token refresh failed: ") + e.what());
    if (current.expiresAt != 0 && now < current.expiresAt)
      warning_ =
          "The access token expires on " + utcDate(current.expiresAt) +
          " and could not be extended; connect with InitiateOAuth=GETANDREFRESH to log in again before then";
    return std::nullopt;
  }
  StoredToken t = current;
  t.accessToken = issued.accessToken;
  if (options_.logger) options_.logger->addSecret(issued.accessToken);
  t.issuedAt = now;
  t.expiresAt = issued.expiresIn > 0 ? now + issued.expiresIn : 0;
  if (!issued.userId.empty()) t.userId = issued.userId;
  store_->save(t);
  warning_.clear();
  // Facebook extends a long-lived token only while the user keeps using the app: an exchange that gives no
  // later expiry means a new login is due (a warning says so).
  if (options_.authMode != "InstagramLogin" && t.expiresAt != 0 && current.expiresAt != 0 &&
      t.expiresAt <= current.expiresAt + kSameExpirySlack)
    warning_ = "Facebook long-lived tokens cannot be extended by a server; run the login flow again before " +
               utcDate(std::max(t.expiresAt, current.expiresAt));
  log(1, "token refreshed; expires " + (t.expiresAt ? utcDate(t.expiresAt) : std::string("never")));
  return t;
}

StoredToken OAuthTokenProvider::completeLogin(const std::string& code, const std::string& codeVerifier) {
  if (options_.clientId.empty() || options_.clientSecret.empty())
    throw AuthError(
        "OAuthClientId and OAuthClientSecret are required to log in (the Meta app's ID and secret)");
  TokenExchange ex(options_);
  if (options_.logger) options_.logger->addSecret(code);
  IssuedToken shortLived = ex.exchangeCode(code, codeVerifier);
  if (options_.logger) options_.logger->addSecret(shortLived.accessToken);
  IssuedToken longLived = ex.exchangeLongLived(shortLived.accessToken);
  if (options_.logger) options_.logger->addSecret(longLived.accessToken);
  const int64_t now = unixNow();
  StoredToken t;
  t.authMode = options_.authMode;
  t.clientId = options_.clientId;
  t.accessToken = longLived.accessToken;
  t.issuedAt = now;
  t.expiresAt = longLived.expiresIn > 0 ? now + longLived.expiresIn : 0;
  t.userId = !longLived.userId.empty() ? longLived.userId : shortLived.userId;
  store_->save(t);
  log(1, "logged in; token stored in " + store_->describe() + ", expires " +
             (t.expiresAt ? utcDate(t.expiresAt) : std::string("never")));
  return t;
}

StoredToken OAuthTokenProvider::refreshStored() {
  std::lock_guard<std::mutex> g(mutex_);
  auto lock = store_->lock();
  std::optional<StoredToken> stored = store_->load();
  if (!stored) throw AuthError("No access token is stored in " + store_->describe() + " to refresh");
  std::optional<StoredToken> fresh = tryRefresh(*stored, true);
  if (!fresh)
    throw AuthError("The stored access token could not be refreshed" +
                    (warning_.empty() ? "" : ": " + warning_));
  cached_ = fresh;
  return *fresh;
}

StoredToken OAuthTokenProvider::browserLogin() {
  if (options_.clientId.empty() || options_.clientSecret.empty())
    throw AuthError(
        "No access token yet: set OAuthClientId, OAuthClientSecret and CallbackURL to log in through the "
        "browser "
        "(or OAuthAccessToken with InitiateOAuth=OFF)");
  const std::string state = randomToken(24);
  const std::string verifier = options_.authMode == "InstagramLogin" ? "" : randomToken(48);
  const std::string url =
      buildAuthorizationUrl(options_, state, verifier.empty() ? "" : codeChallengeS256(verifier));
  LoopbackListener listener(options_.callbackUrl, options_.callbackCertificate, options_.callbackKey);
  log(1, "browser login: opening " + url);
  if (!openBrowser(options_.browserCommand, url))
    std::fprintf(stderr, "instagram-odbc: open this URL in a browser to log in:\n%s\n", url.c_str());
  std::string target = listener.waitForRedirect(options_.loginTimeoutSeconds, kPage);
  if (target.empty())
    throw LoginTimeoutError("The browser login did not finish within " +
                            std::to_string(options_.loginTimeoutSeconds) +
                            " seconds (LoginTimeout). Open this URL to log in: " + url);
  RedirectResult r = parseRedirect(target);
  log(2, "browser login: redirect received " + target);
  if (r.state != state)
    throw AuthError("The login was refused: the OAuth state did not match (possible CSRF)");
  if (!r.error.empty())
    throw AuthError("The login was refused: " + r.errorDescription + " (" + r.error + ")");
  if (r.code.empty()) throw AuthError("The login redirect carried no authorization code");
  return completeLogin(r.code, verifier);
}

}  // namespace igodbc::oauth
