// Which of the two hosts a request went to, and whether its token belongs there:
// Facebook Login tokens (EAA…) work on graph.facebook.com only, Instagram Login tokens (IGAA…, older IGQW…)
// on graph.instagram.com only. The emulator serves both on one port, so the host is known only when the
// Host header names one of them (graph.instagram.com[:port], or a test alias such as
// graph.instagram.com.localhost); for any other Host nothing is inferred and every token fits.
#pragma once

#include <string>

namespace igemu {

enum class ApiHost { Unknown, Facebook, Instagram };
enum class TokenFamily { Unknown, FacebookLogin, InstagramLogin };

ApiHost api_host_of(const std::string& host_header);

// `issued_for_instagram`: the OAuth endpoints issued it through Instagram Login (whatever it looks like).
TokenFamily token_family_of(const std::string& token, bool issued_for_instagram);

// False when the token's family is known and belongs to the other host.
bool token_fits_host(ApiHost host, TokenFamily family);

}  // namespace igemu
