// Where access tokens come from. graph/ asks this interface for a token before every request and tells it
// when the Graph API rejected one; oauth/ implements it (a fixed token, or providers that run the browser
// flow, keep tokens on disk and refresh them). Nothing here knows about ODBC or SQL.
#pragma once

#include <stdexcept>
#include <string>

namespace igodbc::graph {

// No usable token: the connection cannot authenticate (maps to SQLSTATE 28000).
class AuthError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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

}  // namespace igodbc::graph
