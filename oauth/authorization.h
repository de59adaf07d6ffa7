// The login dialog URL and what comes back on the redirect. Pure string work.
#pragma once

#include <optional>
#include <string>

#include "oauth/oauth_options.h"

namespace igodbc::oauth {

// The dialog endpoint for the options (override, or the real Facebook / Instagram one).
std::string authorizationEndpoint(const OAuthOptions& o);
// {endpoint}?client_id&redirect_uri&response_type=code&scope&state[&code_challenge&code_challenge_method]
// (PKCE only for Facebook Login, whose dialog accepts it).
std::string buildAuthorizationUrl(const OAuthOptions& o, const std::string& state,
                                  const std::string& challenge);

struct RedirectResult {
  std::string code;
  std::string state;
  std::string error;             // "access_denied", … ; empty on success
  std::string errorDescription;  // human text from the dialog
};
// Accepts a full redirect URL, a "?code=…&state=…" query, or a bare code. Instagram's trailing "#_" is
// dropped.
RedirectResult parseRedirect(const std::string& urlOrCode);

}  // namespace igodbc::oauth
