// Where access tokens come from. graph/ asks this interface for a token before every request and tells it
// when the Graph API rejected one; the OAuth issue adds providers that run the browser flow, keep tokens on
// disk and refresh them. Nothing here knows about ODBC or SQL.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

namespace igodbc::oauth {

// No usable token: the connection cannot authenticate (maps to SQLSTATE 28000).
class AuthError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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

class TokenProvider {
 public:
  virtual ~TokenProvider() = default;
  // The token to send now. Throws AuthError when there is none.
  virtual std::string accessToken() = 0;
  // The Graph API answered 190 for `rejected`. Returns true when a different token is now available, so the
  // failed request may be retried once.
  virtual bool refreshAfterRejection(const std::string& rejected) = 0;
  // The app secret used for appsecret_proof; empty when unknown (then no proof is sent).
  virtual std::string appSecret() const = 0;
};

// InitiateOAuth=OFF: the token is exactly OAuthAccessToken and is never refreshed.
std::shared_ptr<TokenProvider> makeStaticTokenProvider(std::string accessToken, std::string appSecret);

}  // namespace igodbc::oauth
