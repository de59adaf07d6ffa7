// The token providers of oauth/ implement graph/'s TokenProvider interface; this header names it (and its
// AuthError) in oauth/ and adds the failures only the login flows raise.
#pragma once

#include <memory>
#include <string>

#include "graph/token_provider.h"

namespace igodbc::oauth {

using graph::AuthError;
using graph::TokenProvider;

// The token endpoint's TLS certificate failed verification (graph::TlsError): a network setting, not a
// credential, is wrong (SQLSTATE 08001 while connecting, 08S01 later).
class TlsAuthError : public AuthError {
 public:
  using AuthError::AuthError;
};

// The browser login did not finish within LoginTimeout (maps to SQLSTATE HYT00).
class LoginTimeoutError : public AuthError {
 public:
  using AuthError::AuthError;
};

// InitiateOAuth=OFF: the token is exactly OAuthAccessToken and is never refreshed.
std::shared_ptr<TokenProvider> makeStaticTokenProvider(std::string accessToken, std::string appSecret);

}  // namespace igodbc::oauth
