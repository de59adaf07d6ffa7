// Connection strings: the grammar (table-driven, ClickHouse-ODBC style) and property validation.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"

using namespace igodbc::driver;

namespace {

std::string pairsOf(const std::string& text) {
  std::string out;
  for (const auto& [k, v] : parseConnectionString(text).pairs) out += "<" + k + "|" + v + ">";
  return out;
}

PropertyLookup from(std::map<std::string, std::string> values) {
  return [values](std::string_view key) -> std::optional<std::string> {
    for (const auto& [k, v] : values)
      if (equalsIgnoreCase(k, key)) return v;
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("connection string grammar", "[driver][connection_string]") {
  struct Case {
    const char* text;
    const char* pairs;
  };
  const Case cases[] = {
      {"", ""},
      {"DSN=IG", "<DSN|IG>"},
      {"DSN=IG;", "<DSN|IG>"},
      {"  DSN = IG ;  UID= me ", "<DSN|IG><UID|me>"},
      {"DRIVER={Instagram ODBC Driver};PageSize=5", "<DRIVER|Instagram ODBC Driver><PageSize|5>"},
      {"PWD={a;b=c}", "<PWD|a;b=c>"},
      {"PWD={a}}b}", "<PWD|a}b>"},
      {"PWD={}}}", "<PWD|}>"},
      {"PWD={ spaced }", "<PWD| spaced >"},
      {"PWD= {x} ;A=1", "<PWD|x><A|1>"},
      {"A=1;a=2;A=3", "<A|1>"},  // first occurrence wins, keys case-insensitive
      {";;A=1;;;B=2", "<A|1><B|2>"},
      {"=x;A=1", "<A|1>"},
      {"Flag;A=1", "<Flag|><A|1>"},
      {"A=x=y", "<A|x=y>"},
      {"A=", "<A|>"},
      {"A={}", "<A|>"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(pairsOf(c.text) == c.pairs);
  }
}

TEST_CASE("malformed connection strings are reported without values", "[driver][connection_string]") {
  CHECK_THROWS_AS(parseConnectionString("PWD={secret"), ConnectionStringError);
  CHECK_THROWS_AS(parseConnectionString("PWD={secret}x;A=1"), ConnectionStringError);
  try {
    parseConnectionString("OAuthAccessToken={tok-123");
    FAIL("expected an error");
  } catch (const ConnectionStringError& e) {
    CHECK(std::string(e.what()).find("tok-123") == std::string::npos);
    CHECK(std::string(e.what()).find("OAuthAccessToken") != std::string::npos);
  }
}

TEST_CASE("formatPair braces values that need it and round-trips", "[driver][connection_string]") {
  CHECK(formatPair("DSN", "IG") == "DSN=IG");
  CHECK(formatPair("PWD", "a;b") == "PWD={a;b}");
  CHECK(formatPair("PWD", "a}b") == "PWD={a}}b}");
  CHECK(formatPair("PWD", " x") == "PWD={ x}");
  for (const char* v : {"plain", "a;b", "}{", "}}", " lead", "trail ", "=", ""}) {
    INFO(v);
    CHECK(parseConnectionString(formatPair("K", v)).get("k") == std::string(v));
  }
}

TEST_CASE("connection properties: defaults and validation", "[driver][connection_string]") {
  ConnectionSettings s = resolveSettings(from({{"OAuthAccessToken", "tok"}}));
  CHECK(s.graphUrl == "https://graph.facebook.com");
  CHECK(s.version == "v24.0");
  CHECK(s.pageSize == 100);
  CHECK(s.authMode == "FacebookLogin");
  CHECK(s.businessAccountIds.empty());

  s = resolveSettings(from({{"oauthaccesstoken", "tok"},
                            {"GRAPHURL", "http://127.0.0.1:8080/"},
                            {"BusinessAccountId", " 1784 , 99 ,"},
                            {"PageSize", "25"},
                            {"AuthMode", "instagramlogin"},
                            {"Timeout", "5"},
                            {"MetricRulesDate", "2024-05-01"},
                            {"InitiateOAuth", "off"}}));
  CHECK(s.graphUrl == "http://127.0.0.1:8080");
  CHECK(s.businessAccountIds == std::vector<std::string>{"1784", "99"});
  CHECK(s.pageSize == 25);
  CHECK(s.authMode == "InstagramLogin");
  CHECK(s.timeoutSeconds == 5);
  CHECK(s.metricRulesDate == "2024-05-01");

  auto stateOf = [](std::map<std::string, std::string> v) {
    try {
      resolveSettings(from(std::move(v)));
    } catch (const SettingsError& e) {
      CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
      return e.sqlstate;
    }
    return std::string("ok");
  };
  CHECK(stateOf({}) == "08001");  // no token
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"PageSize", "0"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"PageSize", "101"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"PageSize", "ten"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"GraphURL", "http://example.com"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"GraphURL", "ftp://127.0.0.1"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"AuthMode", "Other"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"Version", "24"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"BusinessAccountId", "12a"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"MetricRulesDate", "2024-02-30"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"InitiateOAuth", "GETANDREFRESH"}}) ==
        "ok");  // a known value
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"InitiateOAuth", "SOMETIMES"}}) == "08001");
  CHECK(stateOf({{"OAuthAccessToken", "s3cret"}, {"PageSize", " "}}) == "ok");  // blank = default
}

TEST_CASE("known keys and secrets", "[driver][connection_string]") {
  CHECK(canonicalKey("graphurl") == std::optional<std::string_view>("GraphURL"));
  CHECK(canonicalKey("dsn") == std::optional<std::string_view>("DSN"));
  CHECK_FALSE(canonicalKey("Colour"));
  CHECK(isSecretKey("oauthaccesstoken"));
  CHECK(isSecretKey("PWD"));
  CHECK(isSecretKey("OAuthClientSecret"));
  CHECK_FALSE(isSecretKey("OAuthClientId"));
}

TEST_CASE("OAuth properties: headless first connection, Instagram host, callback TLS pair",
          "[driver][connection_string]") {
  // InitiateOAuth=OFF without a token is allowed when there is an app to log in to (GetOAuthAccessToken).
  ConnectionSettings s = resolveSettings(from({{"OAuthClientId", "123"}}));
  CHECK(s.accessToken.empty());
  CHECK(s.graphUrl == "https://graph.facebook.com");
  s = resolveSettings(from({{"OAuthAccessToken", "tok"}, {"AuthMode", "InstagramLogin"}}));
  CHECK(s.graphUrl == "https://graph.instagram.com");
  s = resolveSettings(
      from({{"OAuthAccessToken", "tok"}, {"CallbackCertificate", "/c.pem"}, {"CallbackKey", "/c.key"}}));
  CHECK(s.oauth.callbackCertificate == "/c.pem");
  CHECK(s.oauth.callbackKey == "/c.key");
  try {
    resolveSettings(from({{"OAuthAccessToken", "tok"}, {"CallbackCertificate", "/c.pem"}}));
    FAIL("a certificate without its key was accepted");
  } catch (const SettingsError& e) {
    CHECK(e.sqlstate == "08001");
  }
  // Page tokens are a Facebook Login thing: an Instagram Login /me has no /me/accounts.
  try {
    resolveSettings(
        from({{"OAuthAccessToken", "tok"}, {"AuthMode", "InstagramLogin"}, {"AuthenticateAsPage", "Acme"}}));
    FAIL("AuthenticateAsPage was accepted with Instagram Login");
  } catch (const SettingsError& e) {
    CHECK(e.sqlstate == "HYC00");
    CHECK(std::string(e.what()).find("AuthMode=FacebookLogin") != std::string::npos);
  }
}

TEST_CASE("the index follows the first occurrence of each key", "[driver][connection_string]") {
  ConnectionString cs = parseConnectionString("a=1;B=2;A=3;b=4;C");
  CHECK(cs.pairs.size() == 3);
  CHECK(cs.get("A") == std::string("1"));
  CHECK(cs.get("b") == std::string("2"));
  CHECK(cs.get("c") == std::string(""));
  CHECK_FALSE(cs.get("D"));
  CHECK(cs.add("d", "5"));
  CHECK_FALSE(cs.add("D", "6"));
  CHECK(cs.get("D") == std::string("5"));
}
