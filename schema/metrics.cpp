// The metric rule tables of media and account insights, and their evaluation.
#include "schema/metrics.h"

#include <strings.h>

#include <cstdlib>

namespace igodbc::schema {

namespace {

constexpr unsigned I = kindBit(MediaKind::FeedImage);
constexpr unsigned V = kindBit(MediaKind::FeedVideo);
constexpr unsigned C = kindBit(MediaKind::Carousel);
constexpr unsigned R = kindBit(MediaKind::Reels);
constexpr unsigned S = kindBit(MediaKind::Story);
constexpr unsigned kFeed = I | V | C;
constexpr unsigned kAllFive = kFeed | R | S;

constexpr Rollout kAlways{};
constexpr Rollout kV22{22, "2025-04-21"};  // the April 2025 removals / views
constexpr Rollout kV21{21, "2025-01-08"};  // video_views, the clicks metrics
constexpr Rollout kV18{18, "2023-12-11"};  // the 2023 removals
constexpr Rollout kDec2025{0, "2025-12-03"};
constexpr Rollout kApr2026{0, "2026-04-22"};

constexpr MetricRequest D = MetricRequest::Default;
constexpr MetricRequest O = MetricRequest::OptIn;
constexpr MetricRequest N = MetricRequest::Never;

}  // namespace

std::string_view mediaKindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::FeedImage:
      return "FEED_IMAGE";
    case MediaKind::FeedVideo:
      return "FEED_VIDEO";
    case MediaKind::Carousel:
      return "CAROUSEL";
    case MediaKind::Reels:
      return "REELS";
    case MediaKind::Story:
      return "STORY";
    case MediaKind::Other:
      return "OTHER";
  }
  return "OTHER";
}

MediaKind mediaKindOf(std::string_view mediaType, std::string_view productType) {
  if (productType == "STORY") return MediaKind::Story;
  if (productType == "REELS") return mediaType == "VIDEO" ? MediaKind::Reels : MediaKind::Other;
  if (productType == "FEED" || productType.empty()) {
    if (mediaType == "IMAGE") return MediaKind::FeedImage;
    if (mediaType == "VIDEO") return MediaKind::FeedVideo;
    if (mediaType == "CAROUSEL_ALBUM") return MediaKind::Carousel;
  }
  return MediaKind::Other;
}

std::string_view metricRequestName(MetricRequest request) {
  switch (request) {
    case MetricRequest::Default:
      return "default";
    case MetricRequest::OptIn:
      return "opt-in";
    case MetricRequest::Never:
      return "never";
  }
  return "never";
}

bool Rollout::reached(int major, std::string_view date) const {
  if (version != 0 && major >= version) return true;
  // Dates are canonical YYYY-MM-DD, so text order is date order.
  return !allVersionsFrom.empty() && !date.empty() && date.substr(0, 10) >= allVersionsFrom;
}

int versionMajor(std::string_view version) {
  if (!version.empty() && (version[0] == 'v' || version[0] == 'V')) version.remove_prefix(1);
  int major = 0;
  size_t i = 0;
  for (; i < version.size() && i < 4 && version[i] >= '0' && version[i] <= '9'; ++i)
    major = major * 10 + (version[i] - '0');
  if (i == 0) return 24;
  return major > 26 ? 26 : major;
}

const std::vector<MediaMetricRule>& mediaMetricRules() {
  // name, kinds, breakdown, unit, available, retired, FB only, request, before 2024-07-02, replacement,
  // MediaMetrics column, StoryMetrics column
  static const std::vector<MediaMetricRule> rules = {
      {"views", kAllFive, "", "count", kV22, {}, false, D, false, "", "Views", "Views"},
      {"reach", kAllFive, "", "count", kAlways, {}, false, D, false, "", "Reach", "Reach"},
      {"likes", kFeed | R, "", "count", kAlways, {}, false, D, false, "", "Likes", ""},
      {"comments", kFeed | R, "", "count", kAlways, {}, false, D, false, "", "Comments", ""},
      {"saved", kFeed | R, "", "count", kAlways, {}, false, D, false, "", "Saved", ""},
      {"shares", kAllFive, "", "count", kAlways, {}, false, D, false, "", "Shares", "Shares"},
      {"total_interactions",
       kAllFive,
       "",
       "count",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "TotalInteractions",
       "TotalInteractions"},
      {"reposts", kAllFive, "", "count", kDec2025, {}, false, D, false, "", "Reposts", "Reposts"},
      {"follows", kFeed | S, "", "count", kAlways, {}, false, D, false, "", "Follows", "Follows"},
      {"profile_visits",
       kFeed | S,
       "",
       "count",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "ProfileVisits",
       "ProfileVisits"},
      {"profile_activity",
       kFeed | S,
       "action_type",
       "count",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "ProfileActivity",
       "ProfileActivity"},
      {"replies", S, "", "count", kAlways, {}, false, D, false, "", "", "Replies"},
      {"navigation",
       S,
       "story_navigation_action_type",
       "count",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "",
       "Navigation"},
      {"link_clicks", S, "", "count", kAlways, {}, false, D, false, "", "", "LinkClicks"},
      {"ig_reels_avg_watch_time",
       R,
       "",
       "milliseconds",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "IgReelsAvgWatchTime",
       ""},
      {"ig_reels_video_view_total_time",
       R,
       "",
       "milliseconds",
       kAlways,
       {},
       false,
       D,
       false,
       "",
       "IgReelsVideoViewTotalTime",
       ""},
      {"reels_skip_rate", R, "", "percent", kDec2025, {}, false, D, false, "", "ReelsSkipRate", ""},
      {"total_likes", kFeed | R, "", "count", kApr2026, {}, true, D, false, "", "TotalLikes", ""},
      {"total_comments", kFeed | R, "", "count", kApr2026, {}, true, D, false, "", "TotalComments", ""},
      {"total_views", kAllFive, "", "count", kApr2026, {}, true, D, false, "", "TotalViews", "TotalViews"},
      {"facebook_views",
       kAllFive,
       "",
       "count",
       kDec2025,
       {},
       false,
       O,
       false,
       "",
       "FacebookViews",
       "FacebookViews"},
      {"crossposted_views", R, "", "count", kDec2025, {}, false, O, false, "", "CrosspostedViews", ""},
      {"impressions", kFeed | S, "", "count", kAlways, kV22, false, D, true, "views", "Impressions",
       "Impressions"},
      {"plays", R, "", "count", kAlways, kV22, false, D, false, "views", "Plays", ""},
      {"clips_replays_count", R, "", "count", kAlways, kV22, false, D, false, "views", "", ""},
      {"ig_reels_aggregated_all_plays_count", R, "", "count", kAlways, kV22, false, D, false, "views", "",
       ""},
      {"video_views", V, "", "count", kAlways, kV21, false, D, false, "views", "VideoViews", ""},
      // Retired everywhere before any version the driver accepts: listed for sys_metrics only.
      {"engagement", kFeed, "", "count", kAlways, kV18, false, N, false, "total_interactions", "", ""},
      {"carousel_album_engagement", C, "", "count", kAlways, kV18, false, N, false, "total_interactions", "",
       ""},
      {"carousel_album_impressions", C, "", "count", kAlways, kV18, false, N, false, "views", "", ""},
      {"carousel_album_reach", C, "", "count", kAlways, kV18, false, N, false, "reach", "", ""},
      {"carousel_album_saved", C, "", "count", kAlways, kV18, false, N, false, "saved", "", ""},
      {"carousel_album_video_views", C, "", "count", kAlways, kV18, false, N, false, "views", "", ""},
      {"taps_forward", S, "", "count", kAlways, kV18, false, N, false, "navigation", "", ""},
      {"taps_back", S, "", "count", kAlways, kV18, false, N, false, "navigation", "", ""},
      {"exits", S, "", "count", kAlways, kV18, false, N, false, "navigation", "", ""},
  };
  return rules;
}

const MediaMetricRule* findMediaMetric(std::string_view name) {
  for (const MediaMetricRule& r : mediaMetricRules())
    if (r.name.size() == name.size() && strncasecmp(r.name.data(), name.data(), name.size()) == 0) return &r;
  return nullptr;
}

bool mediaMetricLive(const MediaMetricRule& rule, MediaKind kind, const RuleContext& ctx) {
  if (kind == MediaKind::Other || !(rule.kinds & kindBit(kind))) return false;
  if (rule.request == MetricRequest::Never) return false;
  if (rule.facebookLoginOnly && !ctx.facebookLogin) return false;
  if (!rule.available.never() && !rule.available.reached(ctx.versionMajor, ctx.date)) return false;
  return rule.retired.never() || !rule.retired.reached(ctx.versionMajor, ctx.date);
}

bool mediaMetricLiveFor(const MediaMetricRule& rule, MediaKind kind, const RuleContext& ctx,
                        std::string_view created) {
  if (!mediaMetricLive(rule, kind, ctx)) return false;
  // Unknown creation time: ask, and let the insight scan absorb a refusal.
  if (rule.onlyBefore20240702 && created.size() >= 10) return created.substr(0, 10) < "2024-07-02";
  return true;
}

const std::vector<AccountMetricRule>& accountMetricRules() {
  constexpr std::string_view kAI = "AccountInsights";
  // table, name, groups, periods, metric types, breakdowns, available, retired, request, replacement, column
  static const std::vector<AccountMetricRule> rules = {
      {kAI,
       "reach",
       "T,B-mpt,B-follow,T-week,T-28",
       "day,week,days_28",
       "time_series,total_value",
       "media_product_type,follow_type",
       kAlways,
       {},
       D,
       "",
       "Reach"},
      {kAI, "follower_count", "T", "day", "time_series", "", kAlways, {}, D, "", "FollowerCount"},
      {kAI,
       "views",
       "V,B-mpt,B-follow",
       "day",
       "total_value",
       "follow_type,media_product_type",
       kV22,
       {},
       D,
       "",
       "Views"},
      {kAI, "accounts_engaged", "V", "day", "total_value", "", kAlways, {}, D, "", "AccountsEngaged"},
      {kAI, "likes", "V,B-mpt", "day", "total_value", "media_product_type", kAlways, {}, D, "", "Likes"},
      {kAI,
       "comments",
       "V,B-mpt",
       "day",
       "total_value",
       "media_product_type",
       kAlways,
       {},
       D,
       "",
       "Comments"},
      {kAI, "saves", "V,B-mpt", "day", "total_value", "media_product_type", kAlways, {}, D, "", "Saves"},
      {kAI, "shares", "V,B-mpt", "day", "total_value", "media_product_type", kAlways, {}, D, "", "Shares"},
      {kAI, "replies", "V", "day", "total_value", "", kAlways, {}, D, "", "Replies"},
      {kAI, "reposts", "V", "day", "total_value", "", kDec2025, {}, D, "", "Reposts"},
      {kAI,
       "total_interactions",
       "V,B-mpt",
       "day",
       "total_value",
       "media_product_type",
       kAlways,
       {},
       D,
       "",
       "TotalInteractions"},
      {kAI,
       "profile_links_taps",
       "V,B-contact",
       "day",
       "total_value",
       "contact_button_type",
       kAlways,
       {},
       D,
       "",
       "ProfileLinksTaps"},
      {kAI,
       "follows_and_unfollows",
       "V,B-follow",
       "day",
       "total_value",
       "follow_type",
       kAlways,
       {},
       D,
       "",
       ""},
      {kAI, "profile_views", "V", "day", "total_value", "", kAlways, {}, D, "", "ProfileViews"},
      {kAI, "impressions", "T", "day", "time_series", "", kAlways, kV22, D, "views", "Impressions"},
      {kAI, "website_clicks", "T", "day", "time_series", "", kAlways, kV21, D, "profile_links_taps",
       "WebsiteClicks"},
      {kAI, "email_contacts", "T", "day", "time_series", "", kAlways, kV21, D, "profile_links_taps",
       "EmailContacts"},
      {kAI, "phone_call_clicks", "T", "day", "time_series", "", kAlways, kV21, D, "profile_links_taps",
       "PhoneCallClicks"},
      {kAI, "text_message_clicks", "T", "day", "time_series", "", kAlways, kV21, D, "profile_links_taps",
       "TextMessageClicks"},
      {kAI, "get_direction_clicks", "T", "day", "time_series", "", kAlways, kV21, D, "profile_links_taps",
       "GetDirectionClicks"},
      {"OnlineFollowers", "online_followers", "", "lifetime", "", "", kAlways, {}, D, "", ""},
      {"AudienceInsights",
       "follower_demographics",
       "",
       "lifetime",
       "total_value",
       "age,gender,country,city",
       kAlways,
       {},
       D,
       "",
       ""},
      {"AudienceInsights",
       "engaged_audience_demographics",
       "",
       "lifetime",
       "total_value",
       "age,gender,country,city",
       kAlways,
       {},
       D,
       "",
       ""},
      {"AudienceInsights",
       "reached_audience_demographics",
       "",
       "lifetime",
       "total_value",
       "age,gender,country,city",
       kAlways,
       {},
       D,
       "",
       ""},
  };
  return rules;
}

bool accountMetricLive(const AccountMetricRule& rule, const RuleContext& ctx) {
  if (rule.request == MetricRequest::Never) return false;
  if (!rule.available.never() && !rule.available.reached(ctx.versionMajor, ctx.date)) return false;
  return rule.retired.never() || !rule.retired.reached(ctx.versionMajor, ctx.date);
}

}  // namespace igodbc::schema
