// Content publishing: containers, the status state machine, media_publish and the quota.
#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

std::string create(GraphApi& api, const std::string& form, int expect_status = 200) {
  Result r = call(api, "POST", "/v24.0/" + account(0) + "/media?" + kToken, form);
  INFO(r.body);
  REQUIRE(r.status == expect_status);
  return expect_status == 200 ? r.str("id") : r.body;
}

std::string status_code(GraphApi& api, const std::string& container) {
  return get(api, "/v24.0/" + container + "?fields=status_code,status&" + kToken).str("status_code");
}

Result publish(GraphApi& api, const std::string& container) {
  return call(api, "POST", "/v24.0/" + account(0) + "/media_publish?" + kToken, "creation_id=" + container);
}

}  // namespace

TEST_CASE("image: container, publish, the new media leads /media", "[publishing]") {
  GraphApi api(data(), {});
  const int count =
      get(api, "/v24.0/" + account(0) + "?fields=media_count&" + kToken).json["media_count"].GetInt();
  const std::string c =
      create(api, "image_url=https%3A%2F%2Fcdn.example%2Fa.jpg&caption=Hello+%23coffee&alt_text=A+cup");
  CHECK(status_code(api, c) == "FINISHED");
  Result r = publish(api, c);
  REQUIRE(r.status == 200);
  const std::string media = r.str("id");
  Result list = get(
      api, "/v24.0/" + account(0) +
               "/media?fields=id,caption,media_type,media_product_type,permalink,alt_text&limit=1&" + kToken);
  CHECK(list.json["data"][0]["id"].GetString() == media);
  CHECK(std::string(list.json["data"][0]["caption"].GetString()) == "Hello #coffee");
  CHECK(std::string(list.json["data"][0]["media_product_type"].GetString()) == "FEED");
  CHECK(std::string(list.json["data"][0]["alt_text"].GetString()) == "A cup");
  CHECK(get(api, "/v24.0/" + account(0) + "?fields=media_count&" + kToken).json["media_count"].GetInt() ==
        count + 1);
  CHECK(status_code(api, c) == "PUBLISHED");
  CHECK(publish(api, c).error_code() == 24);  // a container publishes once

  Result limit =
      get(api, "/v24.0/" + account(0) + "/content_publishing_limit?fields=quota_usage,config&" + kToken);
  CHECK(limit.body ==
        "{\"data\":[{\"quota_usage\":1,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}");
  CHECK(get(api, "/v24.0/" + account(0) + "/content_publishing_limit?" + kToken).body ==
        "{\"data\":[{\"quota_usage\":1}]}");
  // Media insights of a fresh post answer (with zeros).
  CHECK(get(api, "/v24.0/" + media + "/insights?metric=reach,likes&" + kToken).status == 200);
}

TEST_CASE("video containers process, fail or expire", "[publishing]") {
  GraphApi api(data(), {});
  const std::string reel =
      create(api, "media_type=REELS&video_url=https%3A%2F%2Fcdn.example%2Fr.mp4&share_to_feed=true");
  Result early = publish(api, reel);
  CHECK(early.error_code() == 9007);
  CHECK(early.error_subcode() == 2207027);
  CHECK(status_code(api, reel) == "IN_PROGRESS");
  CHECK(status_code(api, reel) == "IN_PROGRESS");
  CHECK(status_code(api, reel) == "FINISHED");  // after a few polls
  REQUIRE(publish(api, reel).status == 200);

  const std::string bad = create(api, "media_type=REELS&video_url=https%3A%2F%2Fcdn.example%2Fr.avi");
  Result s = get(api, "/v24.0/" + bad + "?fields=status_code,status&" + kToken);
  CHECK(s.str("status_code") == "ERROR");
  CHECK(s.str("status").find("2207026") != std::string::npos);

  Result unreachable = call(api, "POST", "/v24.0/" + account(0) + "/media?" + kToken,
                            "image_url=https%3A%2F%2Fimg.invalid%2Fx.jpg");
  CHECK(unreachable.error_code() == 9004);
  CHECK(unreachable.error_subcode() == 2207052);

  const std::string later = create(api, "image_url=https%3A%2F%2Fcdn.example%2Fb.jpg");
  api.advance_clock(24 * 3600);
  CHECK(status_code(api, later) == "EXPIRED");
  CHECK(publish(api, later).error_subcode() == 2207020);

  // The seeded containers of account A show every state.
  const Dataset& ds = data();
  GraphApi fresh(ds, {});
  CHECK(status_code(fresh, ds.containers[0].id) == "FINISHED");
  CHECK(status_code(fresh, ds.containers[2].id) == "ERROR");
  CHECK(status_code(fresh, ds.containers[3].id) == "EXPIRED");
}

TEST_CASE("carousel, stories, JSON bodies", "[publishing]") {
  GraphApi api(data(), {});
  const std::string a = create(api, "image_url=https%3A%2F%2Fcdn.example%2F1.jpg&is_carousel_item=true");
  const std::string b =
      create(api, "media_type=VIDEO&video_url=https%3A%2F%2Fcdn.example%2F2.mp4&is_carousel_item=true");
  const std::string album = create(api, "media_type=CAROUSEL&children=" + a + "%2C" + b + "&caption=Two");
  for (int i = 0; i < 3; ++i) status_code(api, b);  // the video item finishes after a few polls
  CHECK(status_code(api, album) == "FINISHED");
  Result r = publish(api, album);
  REQUIRE(r.status == 200);
  Result m = get(api, "/v24.0/" + r.str("id") + "?fields=media_type,children{media_type}&" + kToken);
  CHECK(std::string(m.json["media_type"].GetString()) == "CAROUSEL_ALBUM");
  CHECK(m.json["children"]["data"].Size() == 2);
  CHECK(publish(api, a).error_code() == 24);  // items are published through their carousel

  Result json =
      call(api, "POST", "/v24.0/" + account(0) + "/media?" + kToken,
           "{\"image_url\":\"https://cdn.example/s.jpg\",\"media_type\":\"STORIES\"}", "application/json");
  REQUIRE(json.status == 200);
  REQUIRE(publish(api, json.str("id")).status == 200);
  CHECK(get(api, "/v24.0/" + account(0) + "/stories?limit=100&" + kToken).json["data"][0]["id"].GetString() !=
        std::string());

  CHECK(call(api, "POST", "/v24.0/" + account(0) + "/media?" + kToken,
             "video_url=https%3A%2F%2Fcdn.example%2Fv.mp4")
            .error_code() == 100);  // single feed videos are reels now
  CHECK(
      call(api, "POST", "/v24.0/" + account(0) + "/media_publish?" + kToken, "creation_id=1").error_code() ==
      24);
}

TEST_CASE("publishing quota and permissions", "[publishing]") {
  ApiConfig config;
  config.publish_quota = 2;
  GraphApi api(data(), config);
  for (int i = 0; i < 2; ++i)
    REQUIRE(publish(api, create(api, "image_url=https%3A%2F%2Fcdn.example%2Fq.jpg")).status == 200);
  const std::string third = create(api, "image_url=https%3A%2F%2Fcdn.example%2Fq.jpg");
  Result over = publish(api, third);
  CHECK(over.error_code() == 9);
  CHECK(over.error_subcode() == 2207042);
  api.advance_clock(86400);  // the window rolls
  CHECK(status_code(api, third) == "EXPIRED");
  CHECK(publish(api, create(api, "image_url=https%3A%2F%2Fcdn.example%2Fq.jpg")).status == 200);

  ApiConfig none;
  none.permissions = {"instagram_basic"};
  GraphApi denied(data(), none);
  CHECK(call(denied, "POST", "/v24.0/" + account(0) + "/media?" + kToken,
             "image_url=https%3A%2F%2Fcdn.example%2Fq.jpg")
            .error_code() == 10);
}
