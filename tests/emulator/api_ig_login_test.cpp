// GET /me by token kind: a Facebook Login token reads the Facebook user, an Instagram Login token the
// professional account it stands for, with the graph.instagram.com fields user_id and
// account_type and nonexisting-field errors for anything the IG user node does not have.
#include <catch2/catch.hpp>
#include <string>

#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

const std::string kIgToken = "IGAAtest-instagram-login-token";

ApiConfig with_instagram_token() {
  ApiConfig config;
  config.accept_token = [](const std::string& t) { return t == kIgToken; };
  config.instagram_token = [](const std::string& t) { return t == kIgToken; };
  return config;
}

std::string ig(const std::string& target) {
  return target + (target.find('?') == std::string::npos ? "?" : "&") + "access_token=" + kIgToken;
}

}  // namespace

TEST_CASE("/me with a Facebook Login token is the Facebook user, without the Instagram host's fields",
          "[api][ig_login]") {
  GraphApi api(data(), with_instagram_token());
  Result r = get(api, "/v24.0/me?fields=id,name&" + kToken);
  CHECK(r.status == 200);
  CHECK(r.body == "{\"id\":\"" + data().user.id + "\",\"name\":" + *data().user.fields.get("name") + "}");
  for (const char* field : {"user_id", "account_type", "username"}) {
    r = get(api, std::string("/v24.0/me?fields=") + field + "&" + kToken);
    CHECK(r.status == 400);
    CHECK(r.error_code() == 100);
    CHECK(r.error_message() ==
          std::string("(#100) Tried accessing nonexisting field (") + field + ") on node type (User)");
  }
  // Nor does the IG user node on graph.facebook.com have them.
  r = get(api, "/v24.0/" + account(0) + "?fields=user_id&" + kToken);
  CHECK(r.status == 400);
  CHECK(r.error_message() == "(#100) Tried accessing nonexisting field (user_id) on node type (IGUser)");
}

TEST_CASE("/me with an Instagram Login token is the professional account, flat", "[api][ig_login]") {
  const ApiConfig config = with_instagram_token();
  GraphApi api(data(), config);
  const AccountRec& own = data().accounts[0];

  Result r = get(api, ig("/v24.0/me?fields=user_id,username,account_type,media_count"));
  REQUIRE(r.status == 200);
  CHECK(r.body == "{\"user_id\":\"" + own.id + "\",\"username\":" + *own.fields.get("username") +
                      ",\"account_type\":\"BUSINESS\",\"media_count\":" + *own.fields.get("media_count") +
                      ",\"id\":\"" + config.ig_login_scoped_id + "\"}");
  // `id` is the Instagram-scoped user id, not the account id that every other path takes.
  CHECK(config.ig_login_scoped_id != own.id);

  r = get(api, ig("/v24.0/me"));  // the IG user's default fields: id only
  CHECK(r.body == "{\"id\":\"" + config.ig_login_scoped_id + "\"}");

  r = get(api, ig("/v24.0/me?fields=id,user_id"));
  CHECK(r.body == "{\"id\":\"" + config.ig_login_scoped_id + "\",\"user_id\":\"" + own.id + "\"}");

  // The account read by its id has the same two fields; its id is the account id.
  r = get(api, ig("/v24.0/" + own.id + "?fields=id,user_id,account_type"));
  CHECK(r.body == "{\"id\":\"" + own.id + "\",\"user_id\":\"" + own.id + "\",\"account_type\":\"BUSINESS\"}");
}

TEST_CASE("/me with an Instagram Login token: Facebook fields and edges do not exist", "[api][ig_login]") {
  GraphApi api(data(), with_instagram_token());
  for (const char* field : {"accounts", "email", "category"}) {
    Result r = get(api, ig(std::string("/v24.0/me?fields=user_id,") + field));
    CHECK(r.status == 400);
    CHECK(r.error_code() == 100);
    CHECK(r.error_message() ==
          std::string("(#100) Tried accessing nonexisting field (") + field + ") on node type (IGUser)");
  }
  Result r = get(api, ig("/v24.0/me?fields=user_id.limit(2)"));
  CHECK(r.status == 400);
  r = get(api, ig("/v24.0/me/accounts"));
  CHECK(r.status == 400);
  r = get(api, ig("/v24.0/me/permissions"));
  CHECK(r.status == 400);
}

TEST_CASE("/me edges with an Instagram Login token list the professional account's objects",
          "[api][ig_login]") {
  GraphApi api(data(), with_instagram_token());
  const AccountRec& own = data().accounts[0];
  Result r = get(api, ig("/v24.0/me/media?limit=2"));
  REQUIRE(r.status == 200);
  REQUIRE(r.json["data"].Size() == 2);
  CHECK(r.json["data"][0]["id"].GetString() == data().media[static_cast<size_t>(own.media[0])].id);
  // Paging URLs name the resolved account, as for every /me edge.
  CHECK(std::string(r.json["paging"]["next"].GetString()).find("/" + own.id + "/media?") !=
        std::string::npos);

  r = get(api, ig("/v24.0/me?fields=username,media.limit(1){id}"));
  REQUIRE(r.status == 200);
  CHECK(r.json["media"]["data"][0]["id"].GetString() == data().media[static_cast<size_t>(own.media[0])].id);
}
