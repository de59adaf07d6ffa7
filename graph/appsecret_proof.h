// appsecret_proof = lower-case hex HMAC-SHA256(key = app secret, message = access token).
#pragma once

#include <string>

namespace igodbc::graph {

std::string hmacSha256Hex(const std::string& key, const std::string& message);

inline std::string appSecretProof(const std::string& appSecret, const std::string& accessToken) {
  return hmacSha256Hex(appSecret, accessToken);
}

}  // namespace igodbc::graph
