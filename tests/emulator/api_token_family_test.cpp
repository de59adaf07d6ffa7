// Token family against host: Facebook Login tokens (EAA…) only on graph.facebook.com,
// Instagram Login tokens (IGAA…) only on graph.instagram.com, known from the Host header; an Instagram Login
// token reads only its own professional account's objects, anything else is a missing object (100/33).
#include <catch2/catch.hpp>
#include <string>

#include "server/token_family.h"
#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

const std::string kFbToken = "EAAGfacebook-login-token";
const std::string kIgToken = "IGAAinstagram-login-token";
const char* kIgHost = "graph.instagram.com";
const char* kFbHost = "graph.facebook.com";

ApiConfig both_families() {
  ApiConfig config;
  config.access_token = kFbToken;
  config.accept_token = [](const std::string& t) { return t == kIgToken; };
  config.instagram_token = [](const std::string& t) { return t == kIgToken; };
  return config;
}

Result get_on(GraphApi& api, const std::string& host, const std::string& target, const std::string& token) {
  Result r;
  r.raw = api.handle(ApiRequest{"GET", target, host, "Bearer " + token, "", ""});
  r.status = r.raw.status;
  r.body = r.raw.body;
  r.json.Parse(r.body.c_str());
  REQUIRE_FALSE(r.json.HasParseError());
  return r;
}

void check_cannot_parse(const Result& r) {
  CHECK(r.status == 400);
  CHECK(r.error_code() == 190);
  CHECK(r.error_subcode() == 0);
  CHECK(std::string(r.json["error"]["type"].GetString()) == "OAuthException");
  CHECK(r.error_message() == "Invalid OAuth access token - Cannot parse access token");
}

void check_missing_object(const Result& r, const std::string& id) {
  CHECK(r.status == 400);
  CHECK(r.error_code() == 100);
  CHECK(r.error_subcode() == 33);
  CHECK(r.error_message() == "Unsupported get request. Object with ID '" + id +
                                 "' does not exist, cannot be loaded due to missing permissions, or does not "
                                 "support this operation");
}

}  // namespace

TEST_CASE("Host header names the API host; anything else infers nothing", "[api][token_family]") {
  CHECK(api_host_of("graph.instagram.com") == ApiHost::Instagram);
  CHECK(api_host_of("Graph.Instagram.com:443") == ApiHost::Instagram);
  CHECK(api_host_of("graph.instagram.com.localhost:8080") == ApiHost::Instagram);
  CHECK(api_host_of("graph.facebook.com") == ApiHost::Facebook);
  CHECK(api_host_of("graph.facebook.com:8443") == ApiHost::Facebook);
  for (const char* other : {"", "127.0.0.1:9", "localhost", "[::1]:80", "xgraph.instagram.com",
                            "graph.instagram.community", "instagram.com"})
    CHECK(api_host_of(other) == ApiHost::Unknown);
  CHECK(token_family_of("EAAB123", false) == TokenFamily::FacebookLogin);
  CHECK(token_family_of("IGAA123", false) == TokenFamily::InstagramLogin);
  CHECK(token_family_of("IGQW123", false) == TokenFamily::InstagramLogin);
  CHECK(token_family_of("opaque", true) == TokenFamily::InstagramLogin);
  CHECK(token_family_of("demo-token", false) == TokenFamily::Unknown);
}

TEST_CASE("A token of the other login's family cannot be parsed by the host", "[api][token_family]") {
  GraphApi api(data(), both_families());
  check_cannot_parse(get_on(api, kIgHost, "/v24.0/me?fields=id", kFbToken));
  check_cannot_parse(get_on(api, kFbHost, "/v24.0/me?fields=id", kIgToken));
  check_cannot_parse(get_on(api, "graph.instagram.com:443", "/v24.0/" + account(0), kFbToken));
  // The query-string token is checked the same way, and the error names no token.
  Result r = get_on(api, kIgHost, "/v24.0/me?access_token=" + kFbToken, "");
  check_cannot_parse(r);
  CHECK(r.body.find(kFbToken) == std::string::npos);
  // A Page token (EAA…) is a Facebook Login token too.
  const std::string page_token = quoted_text(data().pages[0].fields.get("access_token"));
  REQUIRE(page_token.rfind("EAA", 0) == 0);
  check_cannot_parse(get_on(api, kIgHost, "/v24.0/me", page_token));

  // Each family on its own host, and both where the host is not known (one loopback port).
  CHECK(get_on(api, kFbHost, "/v24.0/me?fields=id", kFbToken).status == 200);
  CHECK(get_on(api, kIgHost, "/v24.0/me?fields=user_id", kIgToken).status == 200);
  CHECK(get_on(api, "127.0.0.1:9", "/v24.0/me?fields=id", kFbToken).status == 200);
  CHECK(get_on(api, "127.0.0.1:9", "/v24.0/me?fields=user_id", kIgToken).status == 200);
  // A token of no known family (a test token) fits both hosts.
  GraphApi plain(data(), ApiConfig{});
  CHECK(get_on(plain, kIgHost, "/v24.0/me?fields=id", "demo-token").status == 200);
  CHECK(get_on(plain, kFbHost, "/v24.0/me?fields=id", "demo-token").status == 200);
}

TEST_CASE("An Instagram Login token reads only its own account's objects", "[api][token_family]") {
  const ApiConfig config = both_families();
  GraphApi api(data(), config);
  REQUIRE(data().accounts.size() >= 2);
  const AccountRec& own = data().accounts[static_cast<size_t>(config.ig_login_account)];
  const AccountRec& other = data().accounts[static_cast<size_t>(config.ig_login_account + 1)];
  REQUIRE_FALSE(own.media.empty());
  REQUIRE_FALSE(other.media.empty());
  const std::string own_media = data().media[static_cast<size_t>(own.media[0])].id;
  const std::string other_media = data().media[static_cast<size_t>(other.media[0])].id;

  CHECK(get_on(api, kIgHost, "/v24.0/" + own.id + "?fields=username", kIgToken).status == 200);
  CHECK(get_on(api, kIgHost, "/v24.0/" + own_media + "?fields=id", kIgToken).status == 200);
  CHECK(get_on(api, kIgHost, "/v24.0/" + own.id + "/media?limit=1", kIgToken).status == 200);

  check_missing_object(get_on(api, kIgHost, "/v24.0/" + other.id + "?fields=username", kIgToken), other.id);
  check_missing_object(get_on(api, kIgHost, "/v24.0/" + other.id + "/media", kIgToken), other.id);
  check_missing_object(get_on(api, kIgHost, "/v24.0/" + other_media, kIgToken), other_media);
  check_missing_object(get_on(api, kIgHost, "/v24.0/" + data().user.id, kIgToken), data().user.id);
  check_missing_object(get_on(api, kIgHost, "/v24.0/" + data().pages[0].id, kIgToken), data().pages[0].id);
  // ids= fails as a whole on the foreign id.
  check_missing_object(get_on(api, kIgHost, "/v24.0/?ids=" + own.id + "," + other.id, kIgToken), other.id);
  // Where the host is not known the rule still holds: it follows the token, not the host.
  check_missing_object(get_on(api, "127.0.0.1:9", "/v24.0/" + other_media, kIgToken), other_media);

  // A Facebook Login token still reads every account the user manages.
  CHECK(get_on(api, kFbHost, "/v24.0/" + other.id + "?fields=username", kFbToken).status == 200);
  CHECK(get_on(api, kFbHost, "/v24.0/" + other_media, kFbToken).status == 200);
}
