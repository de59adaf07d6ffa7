// Stories, tags, mentions and business discovery: other people's objects and the live-story clock.
#include <set>

#include "test_support.h"

using namespace igemu;
using namespace emutest;

TEST_CASE("stories: live ones only, never in /media", "[stories]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  Result r = get(api, "/v24.0/" + account(0) +
                          "/stories?fields=id,media_product_type,timestamp,owner&limit=100&" + kToken);
  REQUIRE(r.status == 200);
  size_t live = 0;
  for (int s : ds.accounts[0].stories) live += ds.media[s].timestamp > Dataset::kDefaultNow - 86400;
  CHECK(live == 5);
  REQUIRE(r.json["data"].Size() == live);
  for (const auto& s : r.json["data"].GetArray()) {
    CHECK(std::string(s["media_product_type"].GetString()) == "STORY");
    CHECK(s["owner"]["id"].GetString() == account(0));
  }
  std::set<std::string> feed;
  for (int m : ds.accounts[0].media) feed.insert(ds.media[m].id);
  for (int s : ds.accounts[0].stories) CHECK_FALSE(feed.count(ds.media[s].id));

  // An expired story is still readable by id.
  const std::string expired = ds.media[ds.accounts[0].stories.back()].id;
  CHECK(get(api, "/v24.0/" + expired + "?fields=media_product_type&" + kToken).status == 200);
  // A day later every story of today has expired.
  api.advance_clock(86400);
  CHECK(get(api, "/v24.0/" + account(0) + "/stories?" + kToken).body == "{\"data\":[]}");
}

TEST_CASE("tags: cursors only, no next/previous; other people's media without owner", "[tags]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/" + account(0) +
                          "/tags?fields=id,username,owner,like_count,saved_count&limit=50&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.json["data"].Size() == 50);
  CHECK(r.json["paging"]["cursors"].HasMember("after"));
  CHECK(r.json["paging"]["cursors"].HasMember("before"));
  CHECK_FALSE(r.json["paging"].HasMember("next"));
  CHECK_FALSE(r.json["paging"].HasMember("previous"));
  for (const auto& m : r.json["data"].GetArray()) {
    CHECK(m.HasMember("username"));
    CHECK_FALSE(m.HasMember("owner"));
    CHECK_FALSE(m.HasMember("saved_count"));
  }
  const std::string after = r.json["paging"]["cursors"]["after"].GetString();
  Result p2 = get(api, "/v24.0/" + account(0) + "/tags?limit=50&after=" + after + "&" + kToken);
  CHECK(p2.json["data"].Size() == 12);
  Result end = get(api, "/v24.0/" + account(0) + "/tags?limit=50&after=" +
                            std::string(p2.json["paging"]["cursors"]["after"].GetString()) + "&" + kToken);
  CHECK(end.body == "{\"data\":[]}");
  CHECK(get(api, "/v24.0/" + account(2) + "/tags?" + kToken).body == "{\"data\":[]}");
  // Other people's media are not readable by id.
  CHECK(
      get(api, "/v24.0/" + std::string(r.json["data"][0]["id"].GetString()) + "?" + kToken).error_subcode() ==
      33);
}

TEST_CASE("mentions: mentioned_media, mentioned_comment, replying", "[mentions]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  const std::string media = ds.media[ds.accounts[0].mentioned_media[0]].id;
  Result r = get(api, "/v24.0/" + account(0) + "?fields=mentioned_media.media_id(" + media +
                          "){caption,media_type,username,owner}&" + kToken);
  REQUIRE(r.status == 200);
  const auto& mm = r.json["mentioned_media"];
  CHECK(mm["id"].GetString() == media);
  const std::string caption = mm["caption"].GetString();
  CHECK(caption.find("acme") != std::string::npos);
  CHECK(caption.find('@') == std::string::npos);  // '@' stripped from other people's captions
  CHECK_FALSE(mm.HasMember("owner"));
  CHECK(std::string(r.json.MemberEnd()[-1].name.GetString()) == "id");

  Result wrong =
      get(api, "/v24.0/" + account(1) + "?fields=mentioned_media.media_id(" + media + "){id}&" + kToken);
  CHECK(wrong.status == 400);
  CHECK(wrong.error_code() == 100);
  CHECK(get(api, "/v24.0/" + account(0) + "?fields=mentioned_media{id}&" + kToken).error_message() ==
        "(#100) The parameter media_id is required");

  const CommentRec& mention = ds.comments[ds.accounts[0].mentioned_comments[0]];
  r = get(api, "/v24.0/" + account(0) + "?fields=mentioned_comment.comment_id(" + mention.id +
                   "){id,text,timestamp,like_count,media{id}}&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(std::string(r.json["mentioned_comment"]["text"].GetString()).find("@") == 0);
  CHECK(r.json["mentioned_comment"]["media"]["id"].GetString() == ds.media[mention.media].id);
  // Found only through mentioned_comment, never by id.
  CHECK(get(api, "/v24.0/" + mention.id + "?" + kToken).error_subcode() == 33);

  Result reply =
      call(api, "POST", "/v24.0/" + account(0) + "/mentions?" + kToken,
           "media_id=" + ds.media[mention.media].id + "&comment_id=" + mention.id + "&message=Thanks%21");
  CHECK(reply.status == 200);
  CHECK(reply.json.HasMember("id"));
  CHECK(call(api, "POST", "/v24.0/" + account(0) + "/mentions?" + kToken, "media_id=" + media + "&message=Hi")
            .status == 200);
  CHECK(call(api, "POST", "/v24.0/" + account(0) + "/mentions?" + kToken, "media_id=123&message=Hi").status ==
        400);
}

TEST_CASE("business discovery", "[discovery]") {
  GraphApi api(data(), {});
  Result r =
      get(api, "/v24.0/" + account(0) +
                   "?fields=business_discovery.username(bluebottle){id,username,followers_count,media_count,"
                   "media.limit(50){id,media_product_type,like_count,view_count,owner}}&" +
                   kToken);
  REQUIRE(r.status == 200);
  const auto& bd = r.json["business_discovery"];
  CHECK(bd["followers_count"].GetInt() == 267788);
  CHECK(bd["media"]["data"].Size() == 50);
  CHECK_FALSE(bd["media"]["paging"].HasMember("next"));  // cursors only
  for (const auto& m : bd["media"]["data"].GetArray()) {
    CHECK(m.HasMember("view_count") == (std::string(m["media_product_type"].GetString()) == "REELS"));
    CHECK_FALSE(m.HasMember("owner"));
  }
  CHECK(header(r.raw, "X-Business-Use-Case-Usage").empty());  // platform limits, not BUC
  CHECK_FALSE(header(r.raw, "X-App-Usage").empty());

  const std::string after = bd["media"]["paging"]["cursors"]["after"].GetString();
  Result p2 =
      get(api, "/v24.0/" + account(0) + "?fields=business_discovery.username(bluebottle){media.after(" +
                   after + ").limit(50){id}}&" + kToken);
  REQUIRE(p2.status == 200);
  CHECK(p2.json["business_discovery"]["media"]["data"][0]["id"] != bd["media"]["data"][0]["id"]);

  // One of our own accounts can be discovered too.
  Result own = get(api, "/v24.0/" + account(0) + "?fields=business_discovery.username(" +
                            quoted_text(data().accounts[1].fields.get("username")) + "){id}&" + kToken);
  CHECK(own.json["business_discovery"]["id"].GetString() == account(1));

  Result missing =
      get(api, "/v24.0/" + account(0) + "?fields=business_discovery.username(nobody.here){id}&" + kToken);
  CHECK(missing.status == 400);
  CHECK(missing.error_message() == "Invalid user id");
  CHECK(missing.error_code() == 110);
  CHECK(missing.error_subcode() == 2207013);
  CHECK(std::string(missing.json["error"]["error_user_msg"].GetString()) ==
        "The user with username: nobody.here cannot be found.");

  Result stories =
      get(api, "/v24.0/" + account(0) + "?fields=business_discovery.username(bluebottle){stories}&" + kToken);
  CHECK(stories.error_code() == 10);
  Result view = get(api, "/v24.0/" + account(0) + "/media?fields=view_count&" + kToken);
  CHECK(view.error_message() ==
        "(#36104) You do not have permission to access this field outside of the Business Discovery API.");
}
