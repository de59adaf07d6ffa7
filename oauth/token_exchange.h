// The token endpoints of both login flavours, over net/'s HttpSession. The one exception to "oauth/ calls
// the Graph API through graph::Client" (graph_calls.h): these requests carry no access token (a code, or the
// token to exchange, travels with the client credentials), Instagram Login's go to other hosts without a
// version in the path (api.instagram.com, graph.instagram.com/access_token), and a token exchange is never
// repeated (a code is good for one exchange).
#pragma once

#include <cstdint>
#include <string>

#include "oauth/oauth_options.h"

namespace igodbc::oauth {

struct IssuedToken {
  std::string accessToken;
  int64_t expiresIn = 0;  // seconds; 0 when the server did not say
  std::string userId;
  std::string permissions;  // Instagram Login's code exchange: the granted scopes, comma-separated
};

class TokenExchange {
 public:
  explicit TokenExchange(const OAuthOptions& options) : o_(options) {}
  // Code → short-lived token (Facebook: GET {graph}/{ver}/oauth/access_token; Instagram: POST
  // api.instagram.com/oauth/access_token). `codeVerifier` is the PKCE verifier, empty when none was used.
  IssuedToken exchangeCode(const std::string& code, const std::string& codeVerifier);
  // Short-lived → long-lived (fb_exchange_token, or ig_exchange_token). Facebook also extends a long-lived
  // token this way.
  IssuedToken exchangeLongLived(const std::string& token);
  // Instagram Login only: ig_refresh_token (the token must be ≥ 24 h old and unexpired).
  IssuedToken refreshInstagram(const std::string& token);

 private:
  IssuedToken call(const std::string& method, const std::string& url, const std::string& form,
                   const std::string& what);
  const OAuthOptions& o_;
};

}  // namespace igodbc::oauth
