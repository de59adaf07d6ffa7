// The metric tables: which names the API lists, and when, for media and accounts.
#include "dataset/insights_rules.h"

#include <catch2/catch.hpp>

using namespace igemu;

namespace {

constexpr int64_t k2025_03_01 = 1740787200;
constexpr int64_t k2025_06_01 = 1748736000;
constexpr int64_t k2026_11_01 = 1793491200;

bool listed(const std::string& list, const std::string& name) {
  return (", " + list + ",").find(", " + name + ",") != std::string::npos;
}

}  // namespace

TEST_CASE("media metric list by date and version", "[insights-rules]") {
  // 2025 observation (v21): the old names, views not yet everywhere.
  const std::string v21 = media_metric_list(21, k2025_03_01);
  CHECK(listed(v21, "video_views"));
  CHECK(listed(v21, "plays"));
  CHECK_FALSE(listed(v21, "views"));
  CHECK(listed(media_metric_list(22, k2025_03_01), "views"));
  CHECK(listed(media_metric_list(21, k2025_06_01), "views"));
  // 2026: retired names gone, December 2025 and April 2026 additions present.
  const std::string now = media_metric_list(24, k2026_11_01);
  CHECK_FALSE(listed(now, "video_views"));
  CHECK_FALSE(listed(now, "plays"));
  CHECK(listed(now, "impressions"));  // still listed, refused as no longer supported
  CHECK(listed(now, "reposts"));
  CHECK(listed(now, "total_views"));
  CHECK_FALSE(listed(media_metric_list(24, 1770000000), "total_views"));  // before 2026-04-22
  CHECK(now.rfind("impressions, reach, replies, saved, likes,", 0) == 0);
}

TEST_CASE("media metric kinds", "[insights-rules]") {
  CHECK(supports_kind(*find_media_metric("follows"), InsightKind::FeedImage));
  CHECK_FALSE(supports_kind(*find_media_metric("follows"), InsightKind::Reels));
  CHECK(supports_kind(*find_media_metric("navigation"), InsightKind::Story));
  CHECK_FALSE(supports_kind(*find_media_metric("saved"), InsightKind::Story));
  CHECK(supports_kind(*find_media_metric("reels_skip_rate"), InsightKind::Reels));
  CHECK(find_media_metric("profile_activity")->breakdown == "action_type");
  CHECK(find_media_metric("engagement") == nullptr);
}

TEST_CASE("account metric list and types", "[insights-rules]") {
  const std::string old = account_metric_list(20, k2025_03_01);
  CHECK(listed(old, "impressions"));
  CHECK(listed(old, "email_contacts") == false);  // retired on every version from 2025-01-08
  CHECK(listed(account_metric_list(20, 1735000000), "get_directions_clicks"));
  const std::string now = account_metric_list(24, k2026_11_01);
  CHECK(now.rfind("reach, follower_count, website_clicks, profile_views, online_followers,", 0) == 0);
  CHECK_FALSE(listed(now, "impressions"));
  CHECK(account_type_rule(*find_account_metric("profile_views"), 24, k2026_11_01) == TypeRule::TotalOnly);
  CHECK(account_type_rule(*find_account_metric("profile_views"), 20, 1735000000) == TypeRule::SeriesOnly);
  CHECK(account_type_rule(*find_account_metric("reach"), 24, k2026_11_01) == TypeRule::Both);
  CHECK(account_type_rule(*find_account_metric("follower_count"), 24, k2026_11_01) == TypeRule::SeriesOnly);
}
