// Advice on a rejected token of the other login's family and its SQLSTATE.
#include <catch2/catch.hpp>

#include "graph/token_family.h"
#include "sql/engine/error_mapping.h"

using igodbc::graph::tokenFamilyAdvice;

TEST_CASE("tokenFamilyAdvice names the AuthMode to set for a token of the other login") {
  const std::string fbOnIg = tokenFamilyAdvice("EAAGsecret", true, "http://127.0.0.1:8080");
  CHECK(fbOnIg.find("belongs to Facebook Login") != std::string::npos);
  CHECK(fbOnIg.find("set AuthMode=FacebookLogin") != std::string::npos);
  CHECK(fbOnIg.find("EAAGsecret") == std::string::npos);
  CHECK(tokenFamilyAdvice("EAAGsecret", false, "https://graph.instagram.com") == fbOnIg);

  const std::string igOnFb = tokenFamilyAdvice("IGAAsecret", false, "https://graph.facebook.com");
  CHECK(igOnFb.find("set AuthMode=InstagramLogin") != std::string::npos);
  CHECK(igOnFb.find("IGAAsecret") == std::string::npos);
  CHECK(tokenFamilyAdvice("IGQWold", true, "https://graph.facebook.com") == igOnFb);

  // Tokens that fit, or whose family is unknown, get no advice.
  CHECK(tokenFamilyAdvice("EAAGsecret", false, "https://graph.facebook.com").empty());
  CHECK(tokenFamilyAdvice("IGAAsecret", true, "https://graph.instagram.com").empty());
  CHECK(tokenFamilyAdvice("IGAAsecret", true, "http://127.0.0.1:8080").empty());
  CHECK(tokenFamilyAdvice("demo-token", true, "https://graph.instagram.com").empty());
  CHECK(tokenFamilyAdvice("", false, "not a url").empty());
}

TEST_CASE("A 190 with token-family advice is 28000 with that advice instead of 'sign in again'") {
  igodbc::graph::GraphError e("x", 400, 190, 0, "OAuthException",
                              "Invalid OAuth access token - Cannot parse access token", "T1", false);
  igodbc::sql::Diagnostic plain = igodbc::sql::diagnoseGraphError(e);
  CHECK(plain.sqlstate == "28000");
  CHECK(plain.message.find("sign in again") != std::string::npos);
  e.authAdvice = tokenFamilyAdvice("EAAG1", true, "https://graph.instagram.com");
  igodbc::sql::Diagnostic advised = igodbc::sql::diagnoseGraphError(e);
  CHECK(advised.sqlstate == "28000");
  CHECK(advised.message.find("Cannot parse access token") != std::string::npos);
  CHECK(advised.message.find("set AuthMode=FacebookLogin") != std::string::npos);
  CHECK(advised.message.find("sign in again") == std::string::npos);
}
