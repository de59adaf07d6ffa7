// Which keys a connection string may set, and the caps on its size.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"
#include "driver/connect/connection_trust.h"

using namespace igodbc::driver;

namespace {

PropertyLookup dsn(std::map<std::string, std::string> values) {
  return [values](std::string_view key) -> std::optional<std::string> {
    for (const auto& [k, v] : values)
      if (equalsIgnoreCase(k, key)) return v;
    return std::nullopt;
  };
}

// "ok", or the SQLSTATE and message of the refusal.
std::string check(const std::string& cs, std::map<std::string, std::string> trusted = {}) {
  try {
    checkConnectionStringKeys(parseConnectionString(cs), dsn(std::move(trusted)));
  } catch (const SettingsError& e) {
    return e.sqlstate + " " + e.what();
  }
  return "ok";
}

bool refusedNaming(const std::string& result, const std::string& key) {
  return result.rfind("08001 ", 0) == 0 && result.find(key) != std::string::npos;
}

}  // namespace

TEST_CASE("path, command and trust keys are refused in connection strings", "[driver][trust]") {
  for (const char* key : {"OAuthBrowserCommand", "LogFile", "ScratchDatabase", "OAuthSettingsLocation",
                          "OAuthAllowInsecureFile", "CallbackCertificate", "CallbackKey", "SSLServerCert"}) {
    INFO(key);
    CHECK(isTrustedSourceKey(key));
    const std::string r = check(std::string("OAuthAccessToken=t;") + key + "={/tmp/x y; id}");
    CHECK(refusedNaming(r, key));
    CHECK(r.find("AllowConnectionStringPaths=true") != std::string::npos);
    CHECK(r.find("/tmp/x") == std::string::npos);  // values are never quoted
    // Set in the DSN: the connection string does not mention it, so it is fine.
    CHECK(check("OAuthAccessToken=t", {{key, "/tmp/x"}}) == "ok");
    // The DSN opts in.
    CHECK(check(std::string(key) + "=/tmp/x", {{"AllowConnectionStringPaths", "true"}}) == "ok");
    CHECK(refusedNaming(check(std::string(key) + "=/tmp/x", {{"AllowConnectionStringPaths", "false"}}), key));
  }
  CHECK(check("logfile=/tmp/x", {{"AllowConnectionStringPaths", " YES "}}) == "ok");
  // Blank means "use the DSN's", which is not a change.
  CHECK(check("LogFile=;ScratchDatabase={}") == "ok");
  CHECK_FALSE(isTrustedSourceKey("PageSize"));
  CHECK(check("PageSize=5;Verbosity=3;ProxyServer=p") == "ok");
}

TEST_CASE("the opt-in keys are read from the DSN only", "[driver][trust]") {
  for (const char* key : {"AllowConnectionStringPaths", "AllowTokenInResults"}) {
    INFO(key);
    CHECK(isDsnOnlyKey(key));
    CHECK(refusedNaming(check(std::string(key) + "=true;LogFile=/tmp/x"), key));
    // Even when the DSN allows paths, the switches themselves stay in the DSN.
    CHECK(refusedNaming(check(std::string(key) + "=true", {{"AllowConnectionStringPaths", "true"}}), key));
    const ConnectionString cs = parseConnectionString(std::string(key) + "=true");
    CHECK(effectiveValue(cs, dsn({}), key) == std::nullopt);
    CHECK(effectiveValue(cs, dsn({{key, "false"}}), key) == std::string("false"));
  }
}

TEST_CASE("effective values: the connection string wins where it may", "[driver][trust]") {
  const ConnectionString cs = parseConnectionString("PageSize=5;Timeout= ;LogFile=/cs.log");
  const PropertyLookup trusted = dsn({{"PageSize", "50"}, {"Timeout", "9"}, {"Version", "v23.0"}});
  CHECK(effectiveValue(cs, trusted, "pagesize") == std::string("5"));
  CHECK(effectiveValue(cs, trusted, "Timeout") == std::string("9"));  // blank: the DSN's
  CHECK(effectiveValue(cs, trusted, "Version") == std::string("v23.0"));
  CHECK(effectiveValue(cs, trusted, "Scope") == std::nullopt);
}

TEST_CASE("a connection string cannot send the DSN's credentials elsewhere", "[driver][trust]") {
  const std::map<std::string, std::string> withToken = {{"GraphURL", "https://graph.facebook.com"},
                                                        {"OAuthAccessToken", "dsn-token"}};
  // The DSN's token would go to another host.
  CHECK(refusedNaming(check("DSN=x;GraphURL=http://attacker.example", withToken), "GraphURL"));
  CHECK(
      refusedNaming(check("DSN=x;OAuthAccessTokenURL=http://a.example/t", withToken), "OAuthAccessTokenURL"));
  CHECK(refusedNaming(check("DSN=x;OAuthAuthorizationURL=http://a.example/d", withToken),
                      "OAuthAuthorizationURL"));
  CHECK(refusedNaming(check("DSN=x;ProxyServer=a.example", withToken), "ProxyServer"));
  // Same URL, Meta's own hosts, or every credential from the connection string: nothing to steal.
  CHECK(check("DSN=x;GraphURL=https://graph.facebook.com/", withToken) == "ok");
  CHECK(check("DSN=x;GraphURL=https://graph.instagram.com", withToken) == "ok");
  CHECK(check("DSN=x;GraphURL=http://127.0.0.1:9;OAuthAccessToken=mine", withToken) == "ok");
  // The app secret, the proxy password and the token store count as credentials too.
  CHECK(refusedNaming(check("GraphURL=http://a.example;OAuthAccessToken=t", {{"OAuthClientSecret", "s"}}),
                      "GraphURL"));
  CHECK(refusedNaming(check("ProxyServer=a.example;OAuthAccessToken=t", {{"ProxyPassword", "pw"}}),
                      "ProxyServer"));
  CHECK(refusedNaming(check("GraphURL=http://a.example;InitiateOAuth=REFRESH;OAuthClientId=1"), "GraphURL"));
  CHECK(refusedNaming(check("GraphURL=http://a.example", {{"InitiateOAuth", "GETANDREFRESH"}}), "GraphURL"));
  CHECK(refusedNaming(
      check("GraphURL=http://a.example;OAuthAccessToken=t", {{"OAuthSettingsLocation", "/s"}}), "GraphURL"));
  CHECK(check("GraphURL=http://a.example;OAuthAccessToken=t;InitiateOAuth=off") == "ok");
  // The DSN opts in.
  CHECK(check("DSN=x;GraphURL=http://127.0.0.1:9",
              {{"OAuthAccessToken", "dsn-token"}, {"AllowConnectionStringPaths", "1"}}) == "ok");
}

TEST_CASE("connection strings are capped in size and keys", "[driver][connection_string]") {
  auto keys = [](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += "K" + std::to_string(i) + "=v;";
    return s;
  };
  CHECK(parseConnectionString(keys(kMaxConnectionStringKeys)).pairs.size() == kMaxConnectionStringKeys);
  try {
    parseConnectionString(keys(kMaxConnectionStringKeys + 1));
    FAIL("too many keys were accepted");
  } catch (const ConnectionStringError& e) {
    CHECK(std::string(e.what()).find("1024 keys") != std::string::npos);
  }
  // Repeats count: they cost parsing time like any other key.
  std::string repeated;
  for (size_t i = 0; i <= kMaxConnectionStringKeys; ++i) repeated += "A=1;";
  CHECK_THROWS_AS(parseConnectionString(repeated), ConnectionStringError);
  const std::string longValue = "PWD={" + std::string(kMaxConnectionStringBytes, 'x') + "}";
  try {
    parseConnectionString(longValue);
    FAIL("an oversized string was accepted");
  } catch (const ConnectionStringError& e) {
    CHECK(std::string(e.what()).find("65536") != std::string::npos);
    CHECK(std::string(e.what()).find("xxxx") == std::string::npos);
  }
  CHECK(parseConnectionString("PWD={" + std::string(kMaxConnectionStringBytes - 6, 'x') + "}").has("pwd"));
}

TEST_CASE("parsing and lookups stay linear at the cap", "[driver][connection_string]") {
  std::string s;
  for (size_t i = 0; i < kMaxConnectionStringKeys; ++i) s += "Key" + std::to_string(i) + "=value;";
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < 20; ++round) {
    ConnectionString cs = parseConnectionString(s);
    for (size_t i = 0; i < kMaxConnectionStringKeys; ++i) REQUIRE(cs.has("KEY" + std::to_string(i)));
  }
  // 20 x 1024 keys parsed and looked up; quadratic code took seconds here, linear takes milliseconds.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("a connection string may lower the SQL ceilings, never raise them", "[driver][trust]") {
  CHECK(check("MaxValueBytes=1000;MaxStatementBytes=2000;MaxScratchMB=1") == "ok");
  CHECK(refusedNaming(check("MaxValueBytes=1000000000"), "MaxValueBytes"));
  CHECK(refusedNaming(check("MaxStatementBytes=4194305"), "MaxStatementBytes"));
  CHECK(refusedNaming(check("MaxScratchMB=1048576"), "MaxScratchMB"));
  // The DSN's own ceiling is the one to stay under.
  CHECK(check("MaxScratchMB=2000", {{"MaxScratchMB", "4096"}}) == "ok");
  CHECK(refusedNaming(check("MaxScratchMB=5000", {{"MaxScratchMB", "4096"}}), "4096"));
  // The administrator's opt-in lifts the rule; text that is no number is left to the settings' own message.
  CHECK(check("MaxScratchMB=5000", {{"AllowConnectionStringPaths", " TRUE "}}) == "ok");
  CHECK(check("MaxScratchMB=lots") == "ok");
}

TEST_CASE("yes/no properties share one reading", "[driver][connection_string]") {
  for (const char* yes : {"true", "TRUE", " on ", "1", "Yes"}) CHECK(isTrueValue(yes));
  for (const char* no : {"false", "0", "", "no", "off", "truthy"}) CHECK_FALSE(isTrueValue(no));
}
