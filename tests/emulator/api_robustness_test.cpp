// No input crashes the handler: thousands of requests assembled from valid and hostile pieces
// (every endpoint, method, parameter and body shape), each must answer with parseable JSON.
#include <vector>

#include "server/rng.h"
#include "test_support.h"

using namespace igemu;
using namespace emutest;

TEST_CASE("random requests over every endpoint never escape as a crash", "[robustness]") {
  const Dataset& ds = data();
  GraphApi api(ds, {});
  const std::vector<std::string> ids = {"me",
                                        ds.user.id,
                                        account(0),
                                        account(2),
                                        ds.media[ds.accounts[0].media[1]].id,
                                        ds.media[ds.accounts[0].stories[0]].id,
                                        ds.comments[ds.media[ds.accounts[0].media[1]].comments[0]].id,
                                        ds.hashtags[0].id,
                                        ds.containers[1].id,
                                        "ig_hashtag_search",
                                        "debug_token",
                                        "",
                                        "999",
                                        "%00",
                                        "v24.0"};
  const std::vector<std::string> edges = {"",
                                          "/media",
                                          "/comments",
                                          "/replies",
                                          "/insights",
                                          "/stories",
                                          "/tags",
                                          "/children",
                                          "/top_media",
                                          "/recent_media",
                                          "/media_publish",
                                          "/mentions",
                                          "/content_publishing_limit",
                                          "/permissions",
                                          "/recently_searched_hashtags",
                                          "/x/y"};
  const std::vector<std::string> params = {
      "fields=id,comments.limit(2){id,replies{id}}",
      "fields=business_discovery.username(bluebottle){media{id}}",
      "fields=mentioned_media.media_id(1){id}",
      "fields=view_count",
      "fields={{{",
      "metric=reach,views,navigation",
      "metric=,,,",
      "metric=follower_demographics",
      "period=lifetime",
      "period=day",
      "metric_type=total_value",
      "breakdown=age,gender,city",
      "breakdown=,",
      "timeframe=this_week",
      "since=0",
      "since=-99999999999",
      "until=99999999999",
      "limit=0",
      "limit=99999999999999",
      "after=QVFI",
      "user_id=" + account(0),
      "q=coffee",
      "q=%E2%98%95",
      "message=hi",
      "message=" + std::string(400, 'x'),
      "hide=true",
      "comment_enabled=0",
      "creation_id=" + ds.containers[0].id,
      "image_url=https://a.example/x.jpg",
      "media_type=CAROUSEL",
      "children=,,",
      "media_id=1",
      "input_token=demo-token",
      "ids=" + account(0) + ",1",
      "batch=[{}]",
      "batch=%5B%7B%22relative_url%22%3A%22%7Bresult%3Dx%3A%24.%2A%7D%22%7D%5D",
      "include_headers=false"};
  const std::vector<std::string> methods = {"GET", "POST", "DELETE", "PUT", "HEAD"};
  const std::vector<std::string> bodies = {
      "",
      "message=hello",
      "batch=%5B%5D",
      "{\"image_url\":1}",
      "a=%zz&&=&",
      "batch=%5B%7B%22method%22%3A%22GET%22%2C%22relative_url%22%3A%22me%22%7D%5D"};
  Rng r(20261101);
  for (int i = 0; i < 3000; ++i) {
    std::string target = r.chance(0.8) ? "/v24.0/" : "/";
    target += r.pick(ids) + r.pick(edges) + "?";
    const int n = static_cast<int>(r.range(0, 4));
    for (int k = 0; k < n; ++k) target += r.pick(params) + "&";
    if (r.chance(0.9)) target += kToken;
    const std::string method = r.pick(methods);
    const std::string body = r.pick(bodies);
    const std::string type = r.chance(0.2) ? "application/json" : "application/x-www-form-urlencoded";
    INFO(method << " " << target << " body=" << body);
    const ApiResponse res = api.handle(ApiRequest{method, target, "h", "", body, type});
    CHECK(res.status >= 200);
    rapidjson::Document d;
    d.Parse(res.body.c_str());
    CHECK_FALSE(d.HasParseError());
    if (i % 500 == 0) api.advance_clock(3 * 3600);
  }
}
