// Random values for one login attempt: the CSRF `state` and the PKCE verifier/challenge (RFC 7636, S256).
#pragma once

#include <string>
#include <string_view>

namespace igodbc::oauth {

// base64url without padding (RFC 4648 section 5).
std::string base64Url(std::string_view bytes);
// `bytes` random bytes from OpenSSL's CSPRNG, base64url-encoded. Throws std::runtime_error on failure.
std::string randomToken(size_t bytes);
// PKCE S256: base64url(SHA-256(verifier)).
std::string codeChallengeS256(const std::string& verifier);
// The PKCE verifier of a headless login (GetOAuthAuthorizationURL, then GetOAuthAccessToken, maybe in another
// connection or process): HMAC-SHA256(app secret, "pkce:" + state) in hex, so only the state has to travel
// between the two calls and the verifier never leaves the process.
std::string pkceVerifierForState(const std::string& appSecret, const std::string& state);

}  // namespace igodbc::oauth
