// Rate limits (configurable budgets), permissions and debug_token.
#include "test_support.h"

using namespace igemu;
using namespace emutest;

TEST_CASE("BUC budget: 80002 with a time to regain access, per account", "[limits]") {
  ApiConfig config;
  config.buc_budget = 3;
  GraphApi api(data(), config);
  for (int i = 0; i < 3; ++i) REQUIRE(get(api, "/v24.0/" + account(0) + "?" + kToken).status == 200);
  Result r = get(api, "/v24.0/" + account(0) + "/media?" + kToken);
  CHECK(r.status == 400);
  CHECK(r.error_code() == 80002);
  CHECK(r.error_message() ==
        "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.");
  rapidjson::Document usage;
  usage.Parse(header(r.raw, "X-Business-Use-Case-Usage").c_str());
  const auto& entry = usage[account(0).c_str()][0];
  CHECK(entry["call_count"].GetInt() == 100);
  CHECK(entry["estimated_time_to_regain_access"].GetInt() > 0);
  CHECK(get(api, "/v24.0/" + account(1) + "?" + kToken).status == 200);  // other accounts unaffected
  CHECK(get(api, "/v24.0/me?" + kToken).status == 200);                  // app calls too
  api.advance_clock(86400);
  CHECK(get(api, "/v24.0/" + account(0) + "?" + kToken).status == 200);
}

TEST_CASE("app budget: code 4, HTTP 403, transient", "[limits]") {
  ApiConfig config;
  config.app_budget = 2;
  GraphApi api(data(), config);
  const std::string search = "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&q=coffee&" + kToken;
  CHECK(get(api, search).status == 200);
  CHECK(get(api, "/v24.0/me?" + kToken).status == 200);
  Result r = get(api, search);
  CHECK(r.status == 403);
  CHECK(r.error_code() == 4);
  CHECK(r.json["error"]["is_transient"].GetBool());
  CHECK(r.error_message() == "(#4) Application request limit reached");
  CHECK(get(api, "/v24.0/" + account(0) + "?" + kToken).status == 200);  // BUC calls are separate
  api.advance_clock(3600);
  CHECK(get(api, search).status == 200);
}

TEST_CASE("batch operations count one by one", "[limits]") {
  ApiConfig config;
  config.buc_budget = 2;
  GraphApi api(data(), config);
  const std::string op = "%7B%22method%22%3A%22GET%22%2C%22relative_url%22%3A%22" + account(0) + "%22%7D";
  Result r = call(api, "POST", "/v24.0/",
                  "access_token=demo-token&batch=%5B" + op + "%2C" + op + "%2C" + op + "%5D");
  REQUIRE(r.json.Size() == 3);
  CHECK(r.json[1]["code"].GetInt() == 200);
  CHECK(r.json[2]["code"].GetInt() == 400);
}

TEST_CASE("permissions and debug_token", "[tokens]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/me/permissions?" + kToken);
  REQUIRE(r.status == 200);
  CHECK(std::string(r.json["data"][0]["permission"].GetString()) == "instagram_basic");
  CHECK(std::string(r.json["data"][0]["status"].GetString()) == "granted");

  const std::string app = "access_token=138483919580948%7Cdemo-app-secret";
  r = get(api, "/v24.0/debug_token?input_token=demo-token&" + app);
  REQUIRE(r.status == 200);
  const auto& d = r.json["data"];
  CHECK(std::string(d["app_id"].GetString()) == "138483919580948");
  CHECK(d["is_valid"].GetBool());
  CHECK(d["expires_at"].GetInt64() == Dataset::kDefaultNow + 60 * 86400);
  CHECK(d["user_id"].GetString() == data().user.id);
  bool ig_targets = false;
  for (const auto& g : d["granular_scopes"].GetArray()) {
    if (std::string(g["scope"].GetString()) == "instagram_basic") ig_targets = g["target_ids"].Size() == 3;
    if (std::string(g["scope"].GetString()) == "business_management") CHECK_FALSE(g.HasMember("target_ids"));
  }
  CHECK(ig_targets);
  r = get(api, "/v24.0/debug_token?input_token=garbage&" + app);
  CHECK_FALSE(r.json["data"]["is_valid"].GetBool());
  CHECK(r.json["data"]["error"]["code"].GetInt() == 190);
  CHECK(get(api, "/v24.0/debug_token?input_token=demo-token&" + kToken).status ==
        200);                                               // a developer's own token
  CHECK(get(api, "/v24.0/me?" + app).error_code() == 190);  // app token: debug_token only
}
