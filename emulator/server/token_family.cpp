#include "server/token_family.h"

#include <algorithm>
#include <cctype>

namespace igemu {
namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// "graph.instagram.com" itself, or a name under it used to reach the loopback emulator.
bool names_host(const std::string& name, const std::string& host) {
  return name == host || starts_with(name, (host + ".").c_str());
}

}  // namespace

ApiHost api_host_of(const std::string& host_header) {
  std::string name = host_header.substr(0, host_header.find(':'));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (names_host(name, "graph.instagram.com")) return ApiHost::Instagram;
  if (names_host(name, "graph.facebook.com")) return ApiHost::Facebook;
  return ApiHost::Unknown;
}

TokenFamily token_family_of(const std::string& token, bool issued_for_instagram) {
  if (issued_for_instagram || starts_with(token, "IGAA") || starts_with(token, "IGQW"))
    return TokenFamily::InstagramLogin;
  if (starts_with(token, "EAA")) return TokenFamily::FacebookLogin;
  return TokenFamily::Unknown;  // e.g. the app token or a test token such as demo-token
}

bool token_fits_host(ApiHost host, TokenFamily family) {
  if (host == ApiHost::Instagram) return family != TokenFamily::FacebookLogin;
  if (host == ApiHost::Facebook) return family != TokenFamily::InstagramLogin;
  return true;
}

}  // namespace igemu
