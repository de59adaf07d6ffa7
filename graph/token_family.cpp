#include "graph/token_family.h"

#include "net/url.h"

namespace igodbc::graph {

namespace {

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

std::string tokenFamilyAdvice(const std::string& token, bool instagramLogin, const std::string& baseUrl) {
  UrlParts url;
  const std::string host = parseUrl(baseUrl, url) ? url.host : std::string();
  const bool instagramHost =
      host == "graph.instagram.com" || (instagramLogin && host != "graph.facebook.com");
  const bool facebookToken = startsWith(token, "EAA");
  const bool instagramToken = startsWith(token, "IGAA") || startsWith(token, "IGQW");
  if (facebookToken && instagramHost)
    return "The access token belongs to Facebook Login (it starts with EAA), which graph.instagram.com does "
           "not accept: set AuthMode=FacebookLogin (and GraphURL=https://graph.facebook.com, or leave "
           "GraphURL "
           "unset), or sign in with Instagram Login to get an Instagram token (IGAA...).";
  if (instagramToken && !instagramHost)
    return "The access token belongs to Instagram Login (it starts with IGAA or IGQW), which "
           "graph.facebook.com does not accept: set AuthMode=InstagramLogin (GraphURL then defaults to "
           "https://graph.instagram.com), or sign in with Facebook Login to get a Facebook token (EAA...).";
  return "";
}

}  // namespace igodbc::graph
