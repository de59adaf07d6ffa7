#include <catch2/catch.hpp>
#include <stdexcept>

#include "graph/client.h"
#include "graph/errors.h"
#include "net/url.h"
#include "oauth/token_provider.h"

using namespace igodbc::graph;

TEST_CASE("percentEncode keeps unreserved characters and field-expansion punctuation", "[graph][url]") {
  CHECK(percentEncode("AZaz09-._~") == "AZaz09-._~");
  CHECK(percentEncode("id,children.limit(5){id}") == "id,children.limit(5)%7Bid%7D");
  CHECK(percentEncode("a b&c=d?e#f%g+h/i") == "a%20b%26c%3Dd%3Fe%23f%25g%2Bh%2Fi");
  CHECK(percentEncode("line\nbreak") == "line%0Abreak");
  CHECK(percentEncode("caf\xC3\xA9") == "caf%C3%A9");
  CHECK(percentEncode(std::string("\0x", 2)) == "%00x");
  CHECK(percentEncode("") == "");
}

TEST_CASE("percentDecode reverses percentEncode and leaves bad escapes alone", "[graph][url]") {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  CHECK(percentDecode(percentEncode(all)) == all);
  CHECK(percentDecode("%zz%4") == "%zz%4");
  CHECK(percentDecode("a+b") == "a+b");
}

TEST_CASE("buildUrl joins base, version, path and encoded parameters", "[graph][url]") {
  CHECK(buildUrl("https://graph.facebook.com", "v24.0", "me/accounts",
                 {{"fields", "id,name"}, {"limit", "100"}}) ==
        "https://graph.facebook.com/v24.0/me/accounts?fields=id,name&limit=100");
  CHECK(buildUrl("http://127.0.0.1:8080/", "v24.0", "17841405822304914/media", {}) ==
        "http://127.0.0.1:8080/v24.0/17841405822304914/media");
  // ids= calls have an empty path.
  CHECK(buildUrl("https://graph.facebook.com", "v24.0", "", {{"ids", "1,2"}}) ==
        "https://graph.facebook.com/v24.0/?ids=1,2");
}

TEST_CASE("parameter values can never add parameters", "[graph][url]") {
  std::string url = buildUrl("https://h", "v1", "me", {{"after", "x&access_token=evil#frag\n?y=%41"}});
  CHECK(url == "https://h/v1/me?after=x%26access_token%3Devil%23frag%0A%3Fy%3D%2541");
  CHECK(url.find('&') == std::string::npos);
  CHECK(queryParam(url, "after") == "x&access_token=evil#frag\n?y=%41");
  CHECK_FALSE(queryParam(url, "access_token").has_value());
}

TEST_CASE("paths that could escape the path are rejected", "[graph][url]") {
  for (const char* bad : {"/me", "me?x=1", "me#x", "me media", "me\nx", "me\\x", "me\tx"})
    CHECK_THROWS_AS(buildUrl("https://h", "v1", bad, {}), std::invalid_argument);
  CHECK_NOTHROW(checkRelativePath(""));
  CHECK_NOTHROW(checkRelativePath("17841405822304914/insights"));
}

TEST_CASE("parseUrl splits scheme, host and port", "[graph][url]") {
  UrlParts p;
  REQUIRE(parseUrl("HTTPS://Graph.Facebook.com/v24.0/me?x=1", p));
  CHECK(p.scheme == "https");
  CHECK(p.host == "graph.facebook.com");
  CHECK(p.port.empty());
  REQUIRE(parseUrl("http://user:pw@127.0.0.1:8080?x", p));
  CHECK(p.host == "127.0.0.1");
  CHECK(p.port == "8080");
  REQUIRE(parseUrl("http://[::1]:9/", p));
  CHECK(p.host == "::1");
  CHECK(p.port == "9");
  CHECK_FALSE(parseUrl("graph.facebook.com/v24.0", p));
  CHECK_FALSE(parseUrl("https:///path", p));
  CHECK_FALSE(parseUrl("http://[::1", p));
}

TEST_CASE("isLoopbackHost", "[graph][url]") {
  for (const char* h : {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1"})
    CHECK(isLoopbackHost(h));
  for (const char* h : {"127.0.0.1.evil.com", "127.0.0.256", "127.0.0", "128.0.0.1", "localhost.evil.com",
                        "graph.facebook.com", "0.0.0.0", "", "127.0.0.01a"})
    CHECK_FALSE(isLoopbackHost(h));
}

TEST_CASE("urlOrigin names scheme, host and port only", "[graph][url]") {
  CHECK(urlOrigin("http://127.0.0.1:9/v1/me?access_token=secret") == "http://127.0.0.1:9/");
  CHECK(urlOrigin("https://graph.facebook.com") == "https://graph.facebook.com/");
  CHECK(urlOrigin("http://[::1]:8080/x") == "http://[::1]:8080/");
  CHECK(urlOrigin("nonsense") == "(invalid URL)");
}

TEST_CASE("sameOrigin compares scheme, host and port", "[graph][url]") {
  CHECK(sameOrigin("https://graph.facebook.com/v24.0/x?after=1", "https://graph.facebook.com"));
  CHECK(sameOrigin("https://GRAPH.facebook.com:443/v24.0/x", "https://graph.facebook.com/"));
  CHECK(sameOrigin("http://127.0.0.1/x", "http://127.0.0.1:80"));
  CHECK_FALSE(sameOrigin("https://graph.facebook.com:8443/x", "https://graph.facebook.com"));
  CHECK_FALSE(sameOrigin("http://127.0.0.1:9001/x", "http://127.0.0.1:9000"));
  CHECK_FALSE(sameOrigin("http://graph.facebook.com/x", "https://graph.facebook.com"));
  CHECK_FALSE(sameOrigin("https://graph.facebook.com.evil.example/x", "https://graph.facebook.com"));
  CHECK_FALSE(sameOrigin("https://evil.example@graph.facebook.com:444/x", "https://graph.facebook.com"));
  CHECK_FALSE(sameOrigin("nonsense", "https://graph.facebook.com"));
}

TEST_CASE("a paging URL to another port of the same host is refused before any request", "[graph][url]") {
  Config c;
  c.baseUrl = "http://127.0.0.1:9";
  c.maxRetries = 3;
  Client client(c, igodbc::oauth::makeStaticTokenProvider("tok-secret", ""));
  try {
    client.getUrl("http://127.0.0.1:10/v24.0/me/media?after=x&access_token=tok-secret");
    FAIL("the paging URL was followed");
  } catch (const NetworkError& e) {
    const std::string what = e.what();
    CHECK(what.find("Refusing to follow a paging URL to http://127.0.0.1:10/") != std::string::npos);
    CHECK(what.find("tok-secret") == std::string::npos);
  }
  CHECK(client.log().snapshot().empty());
}

TEST_CASE("setQueryParam replaces or appends one parameter", "[graph][url]") {
  CHECK(setQueryParam("https://h/v1/me?limit=2&access_token=OLD&after=c", "access_token", "NEW") ==
        "https://h/v1/me?limit=2&access_token=NEW&after=c");
  CHECK(setQueryParam("https://h/v1/me?limit=2", "appsecret_proof", "ab") ==
        "https://h/v1/me?limit=2&appsecret_proof=ab");
  CHECK(setQueryParam("https://h/v1/me", "access_token", "a b") == "https://h/v1/me?access_token=a%20b");
  CHECK(setQueryParam("https://h/v1/me?x=1#frag", "access_token", "T") ==
        "https://h/v1/me?x=1&access_token=T#frag");
  CHECK(queryParam("https://h/v1/me?access_token=T%2B1&x", "access_token") == "T+1");
  CHECK(queryParam("https://h/v1/me?x", "x") == "");
}
