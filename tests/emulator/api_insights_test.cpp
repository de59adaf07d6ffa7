// Media insights: the metric × media kind × version/date matrix and the media-level refusals.
#include <cctype>

#include "dataset/insights_values.h"
#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

int first_of(int account, MediaKind kind) {
  for (int m : data().accounts[static_cast<size_t>(account)].media) {
    if (data().media[m].kind == kind) return m;
  }
  FAIL("no media of that kind");
  return -1;
}

std::string insights(int media, const std::string& query) {
  return "/v24.0/" + data().media[media].id + "/insights?" + query + "&" + kToken;
}

const std::string kDefaultFeed =
    "metric=views,reach,likes,comments,saved,shares,total_interactions,reposts,follows,profile_visits,"
    "profile_activity,total_likes,total_comments,total_views";

}  // namespace

TEST_CASE("feed image: the default metrics, values from the dataset", "[insights]") {
  GraphApi api(data(), {});
  const int m = first_of(0, MediaKind::Image);
  Result r = get(api, insights(m, kDefaultFeed));
  REQUIRE(r.status == 200);
  const MediaInsights want = media_insights(data(), m);
  REQUIRE(r.json["data"].Size() == 14);
  const auto& first = r.json["data"][0];
  CHECK(std::string(first["name"].GetString()) == "views");
  CHECK(std::string(first["period"].GetString()) == "lifetime");
  CHECK(first["values"][0]["value"].GetInt64() == static_cast<int64_t>(want.values.at("views")));
  CHECK(std::string(first["id"].GetString()) == data().media[m].id + "/insights/views/lifetime");
  CHECK(first.HasMember("title"));
  CHECK(r.json["data"][2]["values"][0]["value"].GetInt64() == data().media[m].stats.likes);
}

TEST_CASE("a metric the product type lacks fails the whole request", "[insights]") {
  GraphApi api(data(), {});
  const int reel = first_of(0, MediaKind::Reel);
  Result r = get(api, insights(reel, "metric=reach,follows"));
  CHECK(r.status == 400);
  CHECK(r.error_message() ==
        "(#100) The Media Insights API does not support the follows metric for this media product type.");
  r = get(
      api,
      insights(reel,
               "metric=views,reach,ig_reels_avg_watch_time,ig_reels_video_view_total_time,reels_skip_rate"));
  REQUIRE(r.status == 200);
  CHECK(r.json["data"][4]["values"][0]["value"].IsDouble());
  const int image = first_of(0, MediaKind::Image);
  CHECK(get(api, insights(image, "metric=navigation")).error_message() ==
        "(#100) The Media Insights API does not support the navigation metric for this media product type.");
}

TEST_CASE("retired and unknown metrics answer with the real errors", "[insights]") {
  GraphApi api(data(), {});
  const int image = first_of(0, MediaKind::Image);
  const int reel = first_of(0, MediaKind::Reel);
  const std::string list =
      "impressions, reach, replies, saved, likes, comments, shares, total_interactions, follows, "
      "profile_visits, "
      "profile_activity, navigation, ig_reels_video_view_total_time, ig_reels_avg_watch_time, views, "
      "reels_skip_rate, reposts, facebook_views, crossposted_views, total_views, total_likes, "
      "total_comments, "
      "link_clicks";
  CHECK(get(api, insights(image, "metric=reach,video_views")).error_message() ==
        "(#100) metric[1] must be one of the following values: " + list);
  CHECK(get(api, insights(image, "metric=engagement")).error_message() ==
        "(#100) metric[0] must be one of the following values: " + list);
  CHECK(get(api, insights(image, "metric=impressions")).error_message() ==
        "(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the "
        "queried media");
  CHECK(get(api, insights(reel, "metric=impressions")).error_message() ==
        "(#100) The Media Insights API does not support the impressions metric for this media product type.");
  // v21 gets the same answers once the removal reached every version.
  CHECK(get(api, "/v21.0/" + data().media[image].id + "/insights?metric=impressions&" + kToken).status ==
        400);
}

TEST_CASE("older clock: v21 still had impressions and plays, no views", "[insights]") {
  ApiConfig early;
  early.now = 1740787200;  // 2025-03-01
  GraphApi api(data(), early);
  int old_image = -1;
  for (int m : data().accounts[0].media) {
    if (data().media[m].kind == MediaKind::Image && data().media[m].timestamp < 1719878400) {
      old_image = m;
      break;
    }
  }
  REQUIRE(old_image >= 0);
  const std::string id = data().media[old_image].id;
  CHECK(get(api, "/v21.0/" + id + "/insights?metric=impressions,reach&" + kToken).status == 200);
  CHECK(get(api, "/v22.0/" + id + "/insights?metric=impressions&" + kToken).status == 400);
  CHECK(get(api, "/v21.0/" + id + "/insights?metric=views&" + kToken)
            .error_message()
            .find("metric[0] must be one of") != std::string::npos);
  CHECK(get(api, "/v22.0/" + id + "/insights?metric=views&" + kToken).status == 200);
  const int reel = first_of(0, MediaKind::Reel);
  CHECK(get(api, "/v21.0/" + data().media[reel].id + "/insights?metric=plays&" + kToken).status == 200);
  CHECK(get(api, "/v22.0/" + data().media[reel].id + "/insights?metric=plays&" + kToken).error_message() ==
        "(#100) plays metric is no longer supported");
  // reposts did not exist yet.
  CHECK(get(api, "/v22.0/" + id + "/insights?metric=reposts&" + kToken).status == 400);
}

TEST_CASE("breakdowns: action_type and story navigation", "[insights]") {
  GraphApi api(data(), {});
  const int image = first_of(0, MediaKind::Image);
  Result r = get(api, insights(image, "metric=profile_activity&breakdown=action_type"));
  REQUIRE(r.status == 200);
  const auto& item = r.json["data"][0];
  CHECK(item.HasMember("values"));
  const auto& b = item["total_value"]["breakdowns"][0];
  CHECK(std::string(b["dimension_keys"][0].GetString()) == "action_type");
  int64_t sum = 0;
  for (const auto& res : b["results"].GetArray()) {
    const std::string v = res["dimension_values"][0].GetString();
    CHECK(std::islower(static_cast<unsigned char>(v[0])));  // lower case, as the API sends it
    sum += res["value"].GetInt64();
  }
  CHECK(sum == item["total_value"]["value"].GetInt64());
  CHECK(get(api, insights(image, "metric=reach,profile_activity&breakdown=action_type")).error_message() ==
        "(#100) Incompatible breakdowns (action_type) for metric (reach)");
  CHECK(get(api, insights(image, "metric=views&breakdown=media_product_type")).error_message() ==
        "(#100) breakdown[0] must be one of the following values: follow_type, surface_type, action_type, "
        "story_navigation_action_type");

  const int story = data().accounts[0].stories[0];
  r = get(api, insights(story, "metric=navigation&breakdown=story_navigation_action_type"));
  REQUIRE(r.status == 200);
  CHECK(std::string(r.json["data"][0]["total_value"]["breakdowns"][0]["results"][0]["dimension_values"][0]
                        .GetString()) == "TAP_FORWARD");
  r = get(api,
          insights(story,
                   "metric=views,reach,shares,total_interactions,follows,profile_visits,profile_activity,"
                   "replies,navigation,link_clicks,total_views"));
  CHECK(r.status == 200);
  CHECK(get(api, insights(story, "metric=likes")).status == 400);
}

TEST_CASE("media-level refusals: children, small stories, expired stories, pre-conversion, opt-in",
          "[insights]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  const int album = first_of(0, MediaKind::Album);
  CHECK(get(api, insights(ds.media[album].children[0], "metric=reach")).error_subcode() == 33);

  Result small = get(api, insights(ds.accounts[2].stories[0], "metric=reach"));
  CHECK(small.status == 400);
  CHECK(small.error_code() == 10);
  CHECK(small.error_message() == "(#10) Not enough viewers for the media to show insights");

  const int expired = ds.accounts[0].stories.back();
  CHECK(get(api, insights(expired, "metric=reach")).body == "{\"data\":[]}");

  const int old = ds.accounts[1].media.back();
  Result pre = get(api, insights(old, "metric=reach"));
  CHECK(pre.error_code() == 100);
  CHECK(pre.error_subcode() == 2108006);
  CHECK(get(api, insights(ds.accounts[1].media[ds.accounts[1].media.size() - 6], "metric=reach")).status ==
        200);

  int plain = -1, reached = -1;
  for (int m : ds.accounts[0].media) {
    if (ds.media[m].kind == MediaKind::Image && !ds.media[m].reached_facebook && plain < 0) plain = m;
    if (ds.media[m].kind == MediaKind::Image && ds.media[m].reached_facebook && reached < 0) reached = m;
  }
  Result fb = get(api, insights(plain, "metric=facebook_views"));
  CHECK(fb.error_code() == -1);
  CHECK(fb.error_subcode() == 2207086);
  CHECK(get(api, insights(reached, "metric=facebook_views")).status == 200);
  CHECK(get(api, insights(plain, "metric=crossposted_views")).error_message() ==
        "(#100) The Media Insights API does not support the crossposted_views metric for this media product "
        "type.");
  CHECK(get(api, insights(plain, "")).error_message() == "(#100) The parameter metric is required");
}
