// What Facebook knows about a token (GET /debug_token), for the GetTokenInfo procedure.
#pragma once

#include <cstdint>
#include <string>

#include "oauth/oauth_options.h"

namespace igodbc::oauth {

struct TokenInfo {
  std::string kind;         // type: USER, PAGE, …; INSTAGRAM with Instagram Login
  std::string appId;        // app_id
  std::string application;  // application
  std::string userId;       // user_id
  bool valid = false;       // is_valid
  int64_t issuedAt = 0;     // Unix seconds; 0 = unknown
  int64_t expiresAt = 0;    // 0 = never
  int64_t dataAccessExpiresAt = 0;
  std::string scopes;  // comma-separated
  std::string source;  // "debug_token" or "token store"
};

// GET {graph}/{version}/debug_token?input_token={token}&access_token={app-id}|{app-secret} when the secret is
// known, else access_token={token}. Throws AuthError (its text names no token) when Facebook refuses.
TokenInfo debugToken(const OAuthOptions& options, const std::string& token);

}  // namespace igodbc::oauth
