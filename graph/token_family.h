// Advice for a rejected token (code 190) that belongs to the other login than the connection uses. The two
// Instagram APIs take different tokens: Facebook Login tokens (EAA…) only on
// graph.facebook.com, Instagram Login tokens (IGAA…, older IGQW…) only on graph.instagram.com; the host
// answers the other family's token with 190 "Cannot parse access token", which alone does not tell the user
// that AuthMode is what to change. The prefixes are observed, not documented, so they only shape the advice.
#pragma once

#include <string>

namespace igodbc::graph {

// What to change, or empty when the token's family is unknown or fits. `instagramLogin`: AuthMode is
// InstagramLogin; `baseUrl`: GraphURL. The text never contains the token.
std::string tokenFamilyAdvice(const std::string& token, bool instagramLogin, const std::string& baseUrl);

}  // namespace igodbc::graph
