// What the token store keeps, and its file format (one JSON object, version 1):
//   {"version":1,"auth_mode":"FacebookLogin","client_id":"…","access_token":"…",
//    "issued_at":1764300000,"expires_at":1769484000,"user_id":"…"}
// Times are Unix seconds of this machine's clock; expires_at 0 means "no known expiry". Unknown keys are
// ignored so later versions can add fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace igodbc::oauth {

struct StoredToken {
  std::string authMode = "FacebookLogin";  // FacebookLogin | InstagramLogin
  std::string clientId;
  std::string accessToken;
  int64_t issuedAt = 0;
  int64_t expiresAt = 0;  // 0: unknown / never
  std::string userId;
};

std::string serializeToken(const StoredToken& token);
// nullopt with `error` set when the text is not a version-1 token object.
std::optional<StoredToken> parseStoredToken(std::string_view text, std::string& error);

}  // namespace igodbc::oauth
