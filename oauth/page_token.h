// AuthenticateAsPage: calls are made with the Page access token of one of the user's Pages, read from
// GET /me/accounts?fields=id,name,access_token with the user token.
#pragma once

#include <string>

#include "oauth/oauth_options.h"

namespace igodbc::oauth {

// `page` is the Page's ID or its name (case-insensitive). Throws AuthError when the user manages no such
// Page or Facebook refuses; the text names no token.
std::string fetchPageToken(const OAuthOptions& options, const std::string& userToken,
                           const std::string& page);

}  // namespace igodbc::oauth
