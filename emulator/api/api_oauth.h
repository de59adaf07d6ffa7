// The OAuth side of the emulator: the Facebook and Instagram login dialogs (auto-approve,
// or deny), code exchange (single-use codes, redirect_uri compared byte for byte, PKCE S256 when the dialog
// got a challenge), fb_exchange_token, ig_exchange_token, ig_refresh_token (only when >= min age and
// unexpired), debug_token for the tokens it issued, and 190/463 for issued tokens that have expired.
//
// Token lifetimes run on the real wall clock (the driver computes expiry from expires_in with its own
// clock); the flags shorten them for tests. Tokens it did not issue pass through to GraphApi untouched.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "api/api.h"

namespace igemu {

struct AuthServerOptions {
  bool deny = false;                        // --oauth-deny 1: dialogs answer error=access_denied
  int64_t short_lived_seconds = 5110;       // --oauth-short-lived SECONDS (FB; IG uses 3600 unless set)
  int64_t long_lived_seconds = 5184000;     // --oauth-long-lived SECONDS (60 days)
  int64_t refresh_min_age_seconds = 86400;  // --oauth-refresh-min-age SECONDS (ig_refresh_token)
  int expire_after_calls = 0;               // --oauth-expire-after-calls N: a token dies after N Graph calls
  std::string tls_cert;                     // --tls-cert FILE (PEM): serve HTTPS
  std::string tls_key;                      // --tls-key FILE (PEM)
};

// main.cpp: true for the flags above (each takes a value).
bool is_auth_server_flag(const std::string& flag);
// Applies one flag; returns an error text, empty on success.
std::string apply_auth_server_flag(AuthServerOptions& options, const std::string& flag,
                                   const std::string& value);

class AuthServer {
 public:
  AuthServer(AuthServerOptions options, const ApiConfig& api);

  // The whole response for OAuth endpoints, debug_token on issued tokens and calls with an expired issued
  // token; nullopt for everything GraphApi answers.
  std::optional<ApiResponse> handle(const ApiRequest& request);
  // True for a token this server issued that is still valid (GraphApi accepts it like --token).
  bool accepts(const std::string& token);
  // True for a token the Instagram Login endpoints issued (GraphApi answers /me as the IG user for it).
  bool is_instagram(const std::string& token);

  // Counters for tests (GET /__oauth/stats): issued tokens, refreshes, code exchanges.
  struct Stats {
    int codes = 0;
    int exchanges = 0;
    int long_lived = 0;
    int refreshes = 0;
  };

 private:
  struct Code {
    std::string redirect_uri;
    std::string challenge;  // PKCE S256; empty when none
    bool instagram = false;
    bool used = false;
    int64_t issued = 0;
  };
  struct Token {
    bool instagram = false;
    int64_t issued = 0;
    int64_t expires = 0;
    int calls = 0;
  };

  ApiResponse dialog(const std::string& query, bool instagram);
  ApiResponse exchange_code(const std::string& params, bool instagram);
  ApiResponse fb_exchange(const std::string& query);
  ApiResponse ig_exchange(const std::string& query, bool refresh);
  ApiResponse debug_token(const std::string& token);
  std::string issue(bool instagram, int64_t lifetime);

  AuthServerOptions options_;
  std::string app_id_;
  std::string app_secret_;
  std::string demo_token_;
  std::string ig_scoped_id_;  // user_id of the Instagram code exchange, /me's id for its tokens
  std::mutex mutex_;
  std::map<std::string, Code> codes_;
  std::map<std::string, Token> tokens_;
  Stats stats_;
  uint64_t counter_ = 0;
};

}  // namespace igemu
