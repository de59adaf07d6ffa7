// The metric rules of media and account insights (schema/metrics.h), the parsing of metric rejections
// (sql/fetch/insight_memory.h) and the batch response parsing (graph/batch.h).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/batch.h"
#include "net/json_body.h"
#include "schema/metrics.h"
#include "sql/fetch/insight_memory.h"

using namespace igodbc::schema;

namespace {

// The default metric= list for a kind, as the driver sends it (rule order, live default metrics).
std::string defaults(MediaKind kind, int version, const std::string& date, bool fb = true,
                     const std::string& created = "") {
  RuleContext ctx{version, date, fb};
  std::string out;
  for (const MediaMetricRule& r : mediaMetricRules())
    if (r.request == MetricRequest::Default && mediaMetricLiveFor(r, kind, ctx, created))
      out += (out.empty() ? "" : ",") + std::string(r.name);
  return out;
}

}  // namespace

TEST_CASE("media kinds come from media_product_type x media_type", "[metrics]") {
  CHECK(mediaKindOf("IMAGE", "FEED") == MediaKind::FeedImage);
  CHECK(mediaKindOf("VIDEO", "FEED") == MediaKind::FeedVideo);
  CHECK(mediaKindOf("CAROUSEL_ALBUM", "FEED") == MediaKind::Carousel);
  CHECK(mediaKindOf("VIDEO", "REELS") == MediaKind::Reels);
  CHECK(mediaKindOf("IMAGE", "STORY") == MediaKind::Story);
  CHECK(mediaKindOf("VIDEO", "AD") == MediaKind::Other);
  CHECK(mediaKindOf("IMAGE", "") == MediaKind::FeedImage);  // no product type: by media_type
  CHECK(mediaKindName(MediaKind::Reels) == "REELS");
}

TEST_CASE("versions parse and cap at v26", "[metrics]") {
  CHECK(versionMajor("v24.0") == 24);
  CHECK(versionMajor("v18.0") == 18);
  CHECK(versionMajor("v30.0") == 26);
  CHECK(versionMajor("junk") == 24);
}

TEST_CASE("the default list for FEED_IMAGE on 2026-06-01 with Facebook Login", "[metrics]") {
  CHECK(defaults(MediaKind::FeedImage, 24, "2026-06-01") ==
        "views,reach,likes,comments,saved,shares,total_interactions,reposts,follows,profile_visits,"
        "profile_activity,total_likes,total_comments,total_views");
}

TEST_CASE("the 5.2 matrix for every kind today", "[metrics]") {
  const std::string d = "2026-06-01";
  CHECK(defaults(MediaKind::Reels, 24, d) ==
        "views,reach,likes,comments,saved,shares,total_interactions,reposts,ig_reels_avg_watch_time,"
        "ig_reels_video_view_total_time,reels_skip_rate,total_likes,total_comments,total_views");
  CHECK(defaults(MediaKind::Story, 24, d) ==
        "views,reach,shares,total_interactions,reposts,follows,profile_visits,profile_activity,replies,"
        "navigation,link_clicks,total_views");
  // Instagram Login: no F metrics.
  CHECK(defaults(MediaKind::Carousel, 24, d, false) ==
        "views,reach,likes,comments,saved,shares,total_interactions,reposts,follows,profile_visits,"
        "profile_activity");
}

TEST_CASE("earlier rule dates bring back the retired metrics by version", "[metrics]") {
  // v21 before 2025-04-21: no views; impressions for old media; plays & co for reels.
  CHECK(defaults(MediaKind::FeedImage, 21, "2025-02-01", true, "2024-01-01 10:00:00") ==
        "reach,likes,comments,saved,shares,total_interactions,follows,profile_visits,profile_activity,"
        "impressions");
  CHECK(defaults(MediaKind::FeedImage, 21, "2025-02-01", true, "2024-08-01 10:00:00") ==
        "reach,likes,comments,saved,shares,total_interactions,follows,profile_visits,profile_activity");
  CHECK(defaults(MediaKind::Reels, 21, "2025-02-01") ==
        "reach,likes,comments,saved,shares,total_interactions,ig_reels_avg_watch_time,"
        "ig_reels_video_view_total_time,plays,clips_replays_count,ig_reels_aggregated_all_plays_count");
  // v22 from 2025-01-21: views, no impressions.
  CHECK(defaults(MediaKind::FeedImage, 22, "2025-02-01", true, "2024-01-01") ==
        "views,reach,likes,comments,saved,shares,total_interactions,follows,profile_visits,profile_activity");
  // video_views until 2025-01-08 on v18-v20, gone from v21.
  CHECK(defaults(MediaKind::FeedVideo, 20, "2025-01-07").find("video_views") != std::string::npos);
  CHECK(defaults(MediaKind::FeedVideo, 20, "2025-01-08").find("video_views") == std::string::npos);
  CHECK(defaults(MediaKind::FeedVideo, 21, "2024-12-01").find("video_views") == std::string::npos);
}

TEST_CASE("opt-in and never metrics are not defaults", "[metrics]") {
  const MediaMetricRule* fb = findMediaMetric("facebook_views");
  REQUIRE(fb);
  CHECK(fb->request == MetricRequest::OptIn);
  CHECK(mediaMetricLive(*fb, MediaKind::FeedImage, RuleContext{24, "2026-06-01", true}));
  CHECK_FALSE(mediaMetricLive(*fb, MediaKind::FeedImage, RuleContext{24, "2025-06-01", true}));
  const MediaMetricRule* eng = findMediaMetric("engagement");
  REQUIRE(eng);
  CHECK_FALSE(mediaMetricLive(*eng, MediaKind::FeedImage, RuleContext{18, "2023-01-01", true}));
}

TEST_CASE("account rules follow 5.7", "[metrics]") {
  RuleContext today{24, "2026-06-01", true};
  RuleContext old{20, "2024-12-01", true};
  for (const AccountMetricRule& r : accountMetricRules()) {
    if (r.name == "impressions") {
      CHECK_FALSE(accountMetricLive(r, today));
      CHECK(accountMetricLive(r, old));
    }
    if (r.name == "views") {
      CHECK(accountMetricLive(r, today));
      CHECK_FALSE(accountMetricLive(r, old));
    }
    if (r.name == "website_clicks") CHECK_FALSE(accountMetricLive(r, RuleContext{21, "2024-12-01", true}));
  }
}

TEST_CASE("Graph rejection messages name the dropped metrics", "[metrics]") {
  using igodbc::sql::rejectedMetrics;
  const std::vector<std::string> asked{"views", "reach", "impressions"};
  CHECK(rejectedMetrics("The Media Insights API does not support the impressions metric for this media "
                        "product type.",
                        asked) == std::vector<std::string>{"impressions"});
  CHECK(rejectedMetrics("metric[2] must be one of the following values: reach, views, likes", asked) ==
        std::vector<std::string>{"impressions"});
  CHECK(rejectedMetrics("Incompatible breakdowns (action_type) for metric (reach)", asked) ==
        std::vector<std::string>{"reach"});
  CHECK(rejectedMetrics("An unknown error has occurred.", asked).empty());
  CHECK(rejectedMetrics("reachable views_x", asked).empty());  // whole words only
}

TEST_CASE("batch responses become per-operation results", "[batch]") {
  std::string error;
  auto doc = igodbc::graph::parseJsonBody(
      R"([{"code":200,"body":"{\"data\":[]}"},)"
      R"({"code":400,"body":"{\"error\":{\"message\":\"Unsupported\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"x\"}}"},)"
      R"(null])",
      error);
  REQUIRE(doc);
  auto results = igodbc::graph::parseBatchResponse(*doc, 3);
  REQUIRE(results.size() == 3);
  CHECK(results[0].ok());
  CHECK(results[0].status == 200);
  CHECK_FALSE(results[1].ok());
  REQUIRE(results[1].error);
  CHECK(results[1].error->code == 100);
  CHECK(results[1].error->subcode == 33);
  CHECK(results[2].status == 0);  // unanswered: sent again on its own
}

TEST_CASE("batch operations are GETs with encoded relative URLs", "[batch]") {
  std::vector<igodbc::graph::BatchOp> ops{{"123/insights", {{"metric", "reach,views"}}}};
  CHECK(igodbc::graph::relativeUrl(ops[0]) == "123/insights?metric=reach,views");
  CHECK(igodbc::graph::batchJson(ops) ==
        R"([{"method":"GET","relative_url":"123/insights?metric=reach,views"}])");
}
