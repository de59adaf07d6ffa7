// Request-level tests of the Graph API handler, without sockets.
#include "api/api.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "dataset/dataset.h"
#include "dataset/dump.h"
#include "server/timefmt.h"

using namespace igemu;

namespace {

const Dataset& data() {
  static const Dataset ds = Dataset::generate(42);
  return ds;
}

struct Result {
  int status;
  std::string body;
  rapidjson::Document json;
  ApiResponse raw;
};

Result get(GraphApi& api, const std::string& target, const std::string& method = "GET") {
  Result r;
  r.raw = api.handle(ApiRequest{method, target, "127.0.0.1:9", ""});
  r.status = r.raw.status;
  r.body = r.raw.body;
  r.json.Parse(r.body.c_str());
  REQUIRE_FALSE(r.json.HasParseError());
  return r;
}

std::string header(const ApiResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

const std::string kToken = "access_token=demo-token";
const std::string kBase = "http://127.0.0.1:9";

std::string account(int i) {
  return data().accounts[i].id;
}

}  // namespace

TEST_CASE("dataset shape", "[api]") {
  const Dataset& ds = data();
  REQUIRE(ds.accounts.size() == 3);
  REQUIRE(ds.pages.size() == 4);
  CHECK(ds.accounts[0].media.size() == 1200);
  CHECK(ds.accounts[1].media.size() >= 140);
  CHECK(ds.accounts[1].media.size() <= 160);
  CHECK(ds.accounts[2].media.size() >= 35);
  CHECK(ds.accounts[2].media.size() <= 45);
  for (const AccountRec& a : ds.accounts) {
    CHECK(a.id.size() == 17);
    CHECK(a.id.rfind("1784", 0) == 0);
    for (size_t i = 1; i < a.media.size(); ++i) {
      CHECK(ds.media[a.media[i - 1]].timestamp > ds.media[a.media[i]].timestamp);
    }
  }
  for (const PageRec& p : ds.pages) CHECK((p.id.size() == 15 || p.id.size() == 16));
  CHECK(ds.pages[2].ig_account == -1);
  std::set<std::string> ids;
  for (const MediaRec& m : ds.media) {
    CHECK((m.id.size() == 17 || m.id.size() == 18));
    CHECK((m.id.rfind("17", 0) == 0 || m.id.rfind("18", 0) == 0));
    ids.insert(m.id);
    if (m.kind == MediaKind::Album) {
      CHECK(m.children.size() >= 2);
      CHECK(m.children.size() <= 10);
    }
  }
  CHECK(ids.size() == ds.media.size());
}

TEST_CASE("same seed, same bytes; other seed, other data", "[api]") {
  const Dataset again = Dataset::generate(42);
  CHECK(dump_dataset_json(again) == dump_dataset_json(data()));
  CHECK(dump_dataset_json(Dataset::generate(7)) != dump_dataset_json(data()));
}

TEST_CASE("/me and default fields", "[api]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/me?" + kToken);
  CHECK(r.status == 200);
  CHECK(r.body == "{\"name\":" + *data().user.fields.get("name") + ",\"id\":\"" + data().user.id + "\"}");
  CHECK(header(r.raw, "facebook-api-version") == "v24.0");
  CHECK(r.raw.content_type == "application/json; charset=UTF-8");
  CHECK_FALSE(header(r.raw, "X-App-Usage").empty());

  r = get(api, "/v21.0/me?fields=id&" + kToken);
  CHECK(r.body == "{\"id\":\"" + data().user.id + "\"}");
  CHECK(header(r.raw, "facebook-api-version") == "v21.0");

  r = get(api, "/me?" + kToken);  // unversioned: the default version answers
  CHECK(header(r.raw, "facebook-api-version") == "v24.0");
}

TEST_CASE("/me/accounts lists Pages; one has no linked account", "[api]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/me/accounts?fields=id,name,instagram_business_account{id,username}&" + kToken);
  REQUIRE(r.status == 200);
  const auto& d = r.json["data"];
  REQUIRE(d.Size() == 4);
  CHECK(d[0]["instagram_business_account"]["id"].GetString() == account(0));
  CHECK(d[0]["instagram_business_account"].HasMember("username"));
  CHECK_FALSE(d[2].HasMember("instagram_business_account"));
  CHECK(r.json["paging"]["cursors"].HasMember("after"));
  CHECK_FALSE(r.json["paging"].HasMember("next"));

  r = get(api, "/v24.0/me/accounts?limit=1&" + kToken);  // default Page fields through the edge
  REQUIRE(r.json["data"].Size() == 1);
  CHECK(r.json["data"][0].HasMember("access_token"));
  CHECK(r.json["data"][0].HasMember("tasks"));
  CHECK(std::string(r.json["data"][0]["access_token"].GetString()) != "demo-token");
  const std::string next = r.json["paging"]["next"].GetString();
  CHECK(next.rfind(kBase + "/v24.0/" + data().user.id + "/accounts?limit=1&" + kToken + "&after=", 0) == 0);
}

TEST_CASE("media paging: 1,200 media at limit=100 take exactly 12 requests", "[api]") {
  GraphApi api(data(), {});
  std::string target = "/v24.0/" + account(0) + "/media?fields=id,timestamp&limit=100&" + kToken;
  int requests = 0;
  std::vector<std::string> seen;
  std::string last_timestamp = "9999";
  for (;;) {
    Result r = get(api, target);
    ++requests;
    REQUIRE(r.status == 200);
    for (const auto& m : r.json["data"].GetArray()) {
      seen.push_back(m["id"].GetString());
      const std::string ts = m["timestamp"].GetString();
      CHECK(ts < last_timestamp);  // newest first, strictly
      last_timestamp = ts;
    }
    CHECK(r.json["data"].Size() == 100);
    if (requests > 1) CHECK(r.json["paging"].HasMember("previous"));
    if (!r.json["paging"].HasMember("next")) break;
    const std::string next = r.json["paging"]["next"].GetString();
    REQUIRE(next.rfind(kBase, 0) == 0);  // absolute, from the Host header
    CHECK(next.find("fields=id,timestamp&limit=100&" + kToken + "&after=") != std::string::npos);
    target = next.substr(kBase.size());
    REQUIRE(requests < 20);
  }
  CHECK(requests == 12);
  CHECK(seen.size() == 1200);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 1200);
  CHECK(seen.front() == data().media[data().accounts[0].media.front()].id);
}

TEST_CASE("previous walks back", "[api]") {
  GraphApi api(data(), {});
  Result p1 = get(api, "/v24.0/" + account(0) + "/media?limit=5&" + kToken);
  Result p2 = get(api, std::string(p1.json["paging"]["next"].GetString()).substr(kBase.size()));
  Result back = get(api, std::string(p2.json["paging"]["previous"].GetString()).substr(kBase.size()));
  CHECK(back.json["data"] == p1.json["data"]);
}

TEST_CASE("limit defaults to 25 and clamps to 100", "[api]") {
  GraphApi api(data(), {});
  CHECK(get(api, "/v24.0/" + account(0) + "/media?" + kToken).json["data"].Size() == 25);
  CHECK(
      get(api, "/v24.0/" + account(0) + "/media?limit=100000000000000000000&" + kToken).json["data"].Size() ==
      100);
  CHECK(get(api, "/v24.0/" + account(0) + "/media?limit=0&" + kToken).json["data"].Size() == 1);
  CHECK(get(api, "/v24.0/" + account(0) + "/media?limit=-3&" + kToken).status == 400);
}

TEST_CASE("since is inclusive, until exclusive", "[api]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  const auto& list = ds.accounts[1].media;
  const int64_t newest = ds.media[list[10]].timestamp;  // window: items 10..19
  const int64_t oldest = ds.media[list[19]].timestamp;
  const std::string target = "/v24.0/" + account(1) +
                             "/media?fields=id&limit=100&since=" + std::to_string(oldest) +
                             "&until=" + std::to_string(newest + 1) + "&" + kToken;
  Result r = get(api, target);
  REQUIRE(r.json["data"].Size() == 10);
  CHECK(r.json["data"][0]["id"].GetString() == ds.media[list[10]].id);
  CHECK(r.json["data"][9]["id"].GetString() == ds.media[list[19]].id);
  CHECK_FALSE(r.json["paging"].HasMember("next"));

  r = get(api, "/v24.0/" + account(1) + "/media?limit=4&since=" + std::to_string(oldest) +
                   "&until=" + std::to_string(newest) + "&" + kToken);
  REQUIRE(r.json["data"].Size() == 4);  // item 10 excluded by until
  CHECK(r.json["data"][0]["id"].GetString() == ds.media[list[11]].id);
  const std::string next = r.json["paging"]["next"].GetString();
  CHECK(next.find("since=" + std::to_string(oldest)) != std::string::npos);
  CHECK(next.find("until=" + std::to_string(newest)) != std::string::npos);
  r = get(api, next.substr(kBase.size()));
  CHECK(r.json["data"].Size() == 4);
  r = get(api, std::string(r.json["paging"]["next"].GetString()).substr(kBase.size()));
  CHECK(r.json["data"].Size() == 1);
  CHECK_FALSE(r.json["paging"].HasMember("next"));

  // Nothing in range: empty data, no paging.
  r = get(api, "/v24.0/" + account(1) + "/media?since=1&until=2&" + kToken);
  CHECK(r.body == "{\"data\":[]}");
  CHECK(get(api, "/v24.0/" + account(1) + "/media?since=yesterday-ish&" + kToken).status == 400);
}

TEST_CASE("media nodes: omitted fields, children, owner", "[api]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  int album = -1, image = -1, reel = -1;
  for (int i : ds.accounts[0].media) {
    const MediaRec& m = ds.media[i];
    if (m.kind == MediaKind::Album && album < 0) album = i;
    if (m.kind == MediaKind::Image && image < 0) image = i;
    if (m.kind == MediaKind::Reel && reel < 0) reel = i;
  }
  REQUIRE(album >= 0);
  Result r =
      get(api, "/v24.0/" + ds.media[album].id +
                   "?fields=id,media_type,thumbnail_url,is_shared_to_feed,owner,children{id,media_type,"
                   "permalink,caption,timestamp}&" +
                   kToken);
  REQUIRE(r.status == 200);
  CHECK(std::string(r.json["media_type"].GetString()) == "CAROUSEL_ALBUM");
  CHECK_FALSE(r.json.HasMember("thumbnail_url"));
  CHECK_FALSE(r.json.HasMember("is_shared_to_feed"));
  CHECK(r.json["owner"]["id"].GetString() == account(0));
  const auto& children = r.json["children"]["data"];
  CHECK(children.Size() == ds.media[album].children.size());
  CHECK_FALSE(r.json["children"].HasMember("paging"));
  for (const auto& c : children.GetArray()) {
    CHECK_FALSE(c.HasMember("permalink"));
    CHECK_FALSE(c.HasMember("caption"));
    CHECK(c.HasMember("timestamp"));
  }

  r = get(api, "/v24.0/" + ds.media[album].id + "/children?" + kToken);
  CHECK(r.json["data"].Size() == ds.media[album].children.size());
  CHECK_FALSE(r.json.HasMember("paging"));

  r = get(api, "/v24.0/" + ds.media[image].id + "?fields=children,thumbnail_url&" + kToken);
  CHECK(r.body == "{\"id\":\"" + ds.media[image].id + "\"}");  // no value: omitted, id appended

  r = get(api, "/v24.0/" + ds.media[reel].id + "?fields=is_shared_to_feed,thumbnail_url,media_product_type&" +
                   kToken);
  CHECK(r.json.HasMember("is_shared_to_feed"));
  CHECK(r.json.HasMember("thumbnail_url"));
  CHECK(std::string(r.json["media_product_type"].GetString()) == "REELS");
  CHECK(header(r.raw, "X-Business-Use-Case-Usage").find("\"" + account(0) + "\"") != std::string::npos);
}

TEST_CASE("every account exercises the omission rules on its first page", "[api]") {
  const Dataset& ds = data();
  for (const AccountRec& a : ds.accounts) {
    bool no_caption = false, hidden_likes = false, no_media_url = false, alt_text = false, non_bmp = false;
    for (size_t i = 0; i < 25 && i < a.media.size(); ++i) {
      const FieldValues& f = ds.media[a.media[i]].fields;
      no_caption |= !f.get("caption");
      hidden_likes |= !f.get("like_count");
      no_media_url |= !f.get("media_url");
      alt_text |= f.get("alt_text") != nullptr;
      non_bmp |= f.get("caption") && f.get("caption")->find("\\ud83d") != std::string::npos;
    }
    CHECK(no_caption);
    CHECK(hidden_likes);
    CHECK(no_media_url);
    CHECK(alt_text);
    CHECK(non_bmp);
  }
}

TEST_CASE("IG user with nested media expansion", "[api]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/" + account(2) + "?fields=username,ig_id,media.limit(3){id,caption}&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.json["ig_id"].IsInt64());  // a JSON number, as on the real API
  CHECK(r.json["media"]["data"].Size() == 3);
  const std::string next = r.json["media"]["paging"]["next"].GetString();
  CHECK(next.rfind(
            kBase + "/v24.0/" + account(2) + "/media?" + kToken + "&limit=3&fields=id%2Ccaption&after=", 0) ==
        0);
  Result page2 = get(api, next.substr(kBase.size()));
  CHECK(page2.json["data"].Size() == 3);
  CHECK(page2.json["data"][0]["id"] != r.json["media"]["data"][0]["id"]);
  CHECK(std::string(r.json.MemberEnd()[-1].name.GetString()) == "id");  // id appended last
}

TEST_CASE("ids= reads several objects at once", "[api]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  const std::string m0 = ds.media[ds.accounts[0].media[0]].id;
  const std::string m1 = ds.media[ds.accounts[1].media[0]].id;
  Result r = get(api, "/v24.0/?ids=" + m0 + "," + m1 + "&fields=id,media_type&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.json[m0.c_str()]["id"].GetString() == m0);
  CHECK(r.json[m1.c_str()].HasMember("media_type"));
  const std::string buc = header(r.raw, "X-Business-Use-Case-Usage");
  CHECK(buc.find(account(0)) != std::string::npos);
  CHECK(buc.find(account(1)) != std::string::npos);

  r = get(api, "/v24.0/?ids=" + m0 + ",123&" + kToken);  // one bad id fails all
  CHECK(r.status == 400);
  CHECK(r.json["error"]["code"].GetInt() == 100);
  CHECK(r.json["error"]["error_subcode"].GetInt() == 33);

  std::string many;
  for (int i = 0; i < 51; ++i) many += (i ? "," : "") + ds.media[ds.accounts[0].media[i]].id;
  r = get(api, "/v24.0/?ids=" + many + "&" + kToken);
  CHECK(r.status == 400);
  CHECK(r.json["error"]["code"].GetInt() == 100);

  r = get(api, "/v24.0/media?ids=" + account(1) + "," + account(2) + "&limit=2&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.json[account(1).c_str()]["data"].Size() == 2);
}

TEST_CASE("errors have the Graph shapes", "[api]") {
  GraphApi api(data(), {});
  auto check = [&](const std::string& target, int status, int code, int subcode, const std::string& type,
                   const std::string& message) {
    INFO(target);
    Result r = get(api, target);
    CHECK(r.status == status);
    const auto& e = r.json["error"];
    CHECK(e["code"].GetInt() == code);
    CHECK(e.HasMember("error_subcode") == (subcode != 0));
    if (subcode) CHECK(e["error_subcode"].GetInt() == subcode);
    CHECK(e["type"].GetString() == type);
    CHECK(e["message"].GetString() == message);
    CHECK(std::string(e["fbtrace_id"].GetString()).size() > 10);
    return r;
  };
  check("/v24.0/" + account(0) + "?access_token=nope", 400, 190, 0, "OAuthException",
        "Invalid OAuth access token - Cannot parse access token");
  check("/v24.0/" + account(0), 400, 104, 0, "OAuthException",
        "An access token is required to request this resource.");
  check("/v24.0/999?" + kToken, 400, 100, 33, "GraphMethodException",
        "Unsupported get request. Object with ID '999' does not exist, cannot be loaded due to missing "
        "permissions, "
        "or does not support this operation");
  check("/v24.0/" + account(0) + "?fields=caption&" + kToken, 400, 100, 0, "OAuthException",
        "(#100) Tried accessing nonexisting field (caption) on node type (IGUser)");
  check("/v24.0/" + account(0) + "?fields=account_type&" + kToken, 400, 100, 0, "OAuthException",
        "(#100) Tried accessing nonexisting field (account_type) on node type (IGUser)");
  check("/v24.0/" + account(0) + "/media?fields=id,foo&" + kToken, 400, 100, 0, "OAuthException",
        "(#100) Tried accessing nonexisting field (foo) on node type (IGMedia)");
  check("/v24.0/me?fields=email&" + kToken, 400, 100, 0, "OAuthException",
        "(#100) Tried accessing nonexisting field (email) on node type (User)");
  check("/v24.0/me/accounts?fields=id,id&" + kToken, 400, 2500, 0, "OAuthException",
        "Syntax error \"Field id specified more than once. This is only possible before version 2.1\" at "
        "character "
        "5: id,id");
  check("/v24.0/" + account(0) + "/xyz?" + kToken, 400, 2500, 0, "OAuthException",
        "Unknown path components: /xyz");
  check("/v24.0/" + account(0) + "/media?after=garbage&" + kToken, 400, 100, 0, "OAuthException",
        "(#100) The After Cursor specified is invalid");

  Result r = get(api, "/v24.0/" + account(0) + "?access_token=nope");
  CHECK(header(r.raw, "WWW-Authenticate").find("invalid_token") != std::string::npos);
  r = get(api, "/v24.0/" + account(0) + "?" + kToken, "DELETE");
  CHECK(r.status == 400);
  CHECK(std::string(r.json["error"]["message"].GetString()).rfind("Unsupported delete request.", 0) == 0);
}

TEST_CASE("a cursor from another list is rejected", "[api]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/" + account(1) + "/media?limit=1&" + kToken);
  const std::string after = r.json["paging"]["cursors"]["after"].GetString();
  r = get(api, "/v24.0/" + account(0) + "/media?after=" + after + "&" + kToken);
  CHECK(r.status == 400);
}

TEST_CASE("Authorization: Bearer works too", "[api]") {
  GraphApi api(data(), {});
  ApiResponse r = api.handle(ApiRequest{"GET", "/v24.0/me", "h", "Bearer demo-token"});
  CHECK(r.status == 200);
}

TEST_CASE("hostile input never escapes as an exception", "[api]") {
  GraphApi api(data(), {});
  const std::string junk[] = {
      "",
      "?",
      "/",
      "//",
      "/v24.0",
      "/v24.0/",
      "/v99999999.0/me?" + kToken,
      "/%00%ff?" + kToken,
      "/me?fields=" + std::string(5000, '{') + "&" + kToken,
      "/me?fields=%7B%7D%2C%2C&" + kToken,
      "/me?ids=&" + kToken,
      "/?ids=,,,&" + kToken,
      "/" + account(0) + "/media?limit=99999999999999999999999999&since=-99999999999999999999&" + kToken,
      "/" + account(0) + "/media?before=QVFI&after=&" + kToken,
      "/" + account(0) + "?fields=media.limit(x)&" + kToken,
      "/" + account(0) + "?fields=media.since(zzz)&" + kToken,
      "/" + account(0) + "?fields=media.after(QVFI){id}&" + kToken,
      "/me?access_token=%&access_token=demo-token",
      "/me?&&&=&=&" + kToken,
  };
  for (const std::string& t : junk) {
    INFO(t);
    const ApiResponse r = api.handle(ApiRequest{"GET", t, "", ""});
    CHECK(r.status >= 200);
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    CHECK_FALSE(d.HasParseError());
  }
}
