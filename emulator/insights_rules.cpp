#include "insights_rules.h"

#include <algorithm>

namespace igemu {
namespace {

using K = InsightKind;
const std::vector<K> kAll = {K::FeedImage, K::FeedVideo, K::Carousel, K::Reels, K::Story};
const std::vector<K> kFeedReels = {K::FeedImage, K::FeedVideo, K::Carousel, K::Reels};
const std::vector<K> kFeedStory = {K::FeedImage, K::FeedVideo, K::Carousel, K::Story};
const std::vector<K> kStory = {K::Story};
const std::vector<K> kReels = {K::Reels};

constexpr Rollout kAlways{};
constexpr Rollout kNever{};
constexpr Rollout kDec2025{0, dates::k2025_12_03};
constexpr Rollout kApr2026{0, dates::k2026_04_22};
constexpr Rollout kV22{22, dates::k2025_04_21};
constexpr Rollout kV21{21, dates::k2025_01_08};

std::string join(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

// Order = the order of the real "metric[i] must be one of the following values" list (2025 and 2026
// observations merged); retired names left the list on 2025-12-03 when the new ones arrived.
const std::vector<MediaMetricRule>& media_metric_rules() {
  static const std::vector<MediaMetricRule> rules = {
      {"impressions", kAlways, kNever, kV22, kFeedStory, "", "Impressions",
       "The number of times your media was seen."},
      {"reach", kAlways, kNever, kNever, kAll, "", "Accounts reached",
       "Unique accounts that saw this media at least once."},
      {"replies", kAlways, kNever, kNever, kStory, "", "Replies", "Number of replies to the story."},
      {"saved", kAlways, kNever, kNever, kFeedReels, "", "Saves", "Number of saves."},
      {"video_views",
       kAlways,
       kDec2025,
       kV21,
       {K::FeedVideo},
       "",
       "Video views",
       "Number of times the video was seen."},
      {"likes", kAlways, kNever, kNever, kFeedReels, "", "Likes", "Number of likes."},
      {"comments", kAlways, kNever, kNever, kFeedReels, "", "Comments", "Number of comments."},
      {"shares", kAlways, kNever, kNever, kAll, "", "Shares", "Number of shares."},
      {"plays", kAlways, kDec2025, kV22, kReels, "", "Plays", "Number of times the reel started to play."},
      {"total_interactions", kAlways, kNever, kNever, kAll, "", "Interactions",
       "Likes, saves, comments and shares."},
      {"follows", kAlways, kNever, kNever, kFeedStory, "", "Follows",
       "Number of accounts that started following you from this media."},
      {"profile_visits", kAlways, kNever, kNever, kFeedStory, "", "Profile visits",
       "Number of times your profile was visited from this media."},
      {"profile_activity", kAlways, kNever, kNever, kFeedStory, "action_type", "Profile activity",
       "Number of actions people took on your profile after engaging with this media."},
      {"navigation", kAlways, kNever, kNever, kStory, "story_navigation_action_type", "Navigation",
       "Total forward, back, exit and next-story actions on the story."},
      {"ig_reels_video_view_total_time", kAlways, kNever, kNever, kReels, "", "Total watch time",
       "Total time the reel was played, in milliseconds."},
      {"ig_reels_avg_watch_time", kAlways, kNever, kNever, kReels, "", "Average watch time",
       "Average time the reel was played, in milliseconds."},
      {"clips_replays_count", kAlways, kDec2025, kV22, kReels, "", "Replays",
       "Number of times the reel was replayed."},
      {"ig_reels_aggregated_all_plays_count", kAlways, kDec2025, kV22, kReels, "", "Plays",
       "Number of initial plays and replays of the reel."},
      {"views", kV22, kNever, kNever, kAll, "", "Views",
       "Number of times the media was played or displayed."},
      {"reels_skip_rate", kDec2025, kNever, kNever, kReels, "", "Skip rate",
       "Percentage of plays skipped within the first three seconds."},
      {"reposts", kDec2025, kNever, kNever, kAll, "", "Reposts", "Number of reposts."},
      {"facebook_views", kDec2025, kNever, kNever, kAll, "", "Facebook views",
       "Views of the media on Facebook."},
      {"crossposted_views", kDec2025, kNever, kNever, kReels, "", "Crossposted views",
       "Instagram and Facebook plays of a crossposted reel."},
      {"total_views", kApr2026, kNever, kNever, kAll, "", "Total views", "Views including ads."},
      {"total_likes", kApr2026, kNever, kNever, kFeedReels, "", "Total likes", "Likes including ads."},
      {"total_comments", kApr2026, kNever, kNever, kFeedReels, "", "Total comments",
       "Comments including ads."},
      {"link_clicks", kAlways, kNever, kNever, kStory, "", "Link clicks",
       "Number of taps on the story link."},
  };
  return rules;
}

const MediaMetricRule* find_media_metric(std::string_view name) {
  for (const MediaMetricRule& r : media_metric_rules()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

bool media_metric_listed(const MediaMetricRule& rule, int version, int64_t now) {
  const bool from = rule.listed_from.version == 0 && rule.listed_from.all_versions == 0
                        ? true
                        : rule.listed_from.reached(version, now);
  return from && !rule.listed_until.reached(version, now);
}

std::string media_metric_list(int version, int64_t now) {
  std::vector<std::string_view> names;
  for (const MediaMetricRule& r : media_metric_rules()) {
    if (media_metric_listed(r, version, now)) names.push_back(r.name);
  }
  return join(names);
}

bool supports_kind(const MediaMetricRule& rule, InsightKind kind) {
  return std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
}

const std::vector<std::string_view>& media_breakdowns() {
  static const std::vector<std::string_view> v = {"follow_type", "surface_type", "action_type",
                                                  "story_navigation_action_type"};
  return v;
}

// Order = the 2023 list (with the clicks and impressions) merged with the 2026 one.
const std::vector<AccountMetricRule>& account_metric_rules() {
  using T = TypeRule;
  const std::vector<std::string_view> day = {"day"};
  const std::vector<std::string_view> mpt = {"media_product_type"};
  static const std::vector<AccountMetricRule> rules = {
      {"impressions",
       kAlways,
       Rollout{0, dates::k2025_04_21},
       Rollout{22, 0},
       {"day", "week", "days_28"},
       T::SeriesOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Impressions",
       "Total number of times your content was seen."},
      {"reach",
       kAlways,
       kNever,
       kNever,
       {"day", "week", "days_28"},
       T::Both,
       kNever,
       {"media_product_type", "follow_type"},
       false,
       false,
       true,
       "Accounts reached",
       "The number of unique accounts that have seen your content at least once."},
      {"follower_count",
       kAlways,
       kNever,
       kNever,
       day,
       T::SeriesOnly,
       kNever,
       {},
       false,
       true,
       true,
       "Follower count",
       "The number of new followers each day."},
      {"email_contacts",
       kAlways,
       kV21,
       kNever,
       day,
       T::SeriesOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Email contacts",
       "Taps on the email button."},
      {"phone_call_clicks",
       kAlways,
       kV21,
       kNever,
       day,
       T::SeriesOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Phone call clicks",
       "Taps on the call button."},
      {"text_message_clicks",
       kAlways,
       kV21,
       kNever,
       day,
       T::SeriesOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Text message clicks",
       "Taps on the text button."},
      {"get_directions_clicks",
       kAlways,
       kV21,
       kNever,
       day,
       T::SeriesOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Get directions clicks",
       "Taps on the directions button."},
      {"website_clicks",
       kAlways,
       kNever,
       kNever,
       day,
       T::SeriesOnly,
       kV21,
       {},
       false,
       false,
       false,
       "Website clicks",
       "Taps on the website link."},
      {"profile_views",
       kAlways,
       kNever,
       kNever,
       day,
       T::SeriesOnly,
       kV21,
       {},
       false,
       false,
       true,
       "Profile views",
       "The number of times your profile was visited."},
      {"online_followers",
       kAlways,
       kNever,
       kNever,
       {"lifetime"},
       T::Lifetime,
       kNever,
       {},
       false,
       true,
       true,
       "Online followers",
       "The number of your followers who were online, per hour."},
      {"accounts_engaged",
       kAlways,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Accounts engaged",
       "The number of accounts that have interacted with your content."},
      {"total_interactions", kAlways, kNever, kNever, day, T::TotalOnly, kNever, mpt, false, false, true,
       "Content interactions", "The total number of interactions with your content."},
      {"likes", kAlways, kNever, kNever, day, T::TotalOnly, kNever, mpt, false, false, true, "Likes",
       "The number of likes on your content."},
      {"comments", kAlways, kNever, kNever, day, T::TotalOnly, kNever, mpt, false, false, true, "Comments",
       "The number of comments on your content."},
      {"shares", kAlways, kNever, kNever, day, T::TotalOnly, kNever, mpt, false, false, true, "Shares",
       "The number of shares of your content."},
      {"saves", kAlways, kNever, kNever, day, T::TotalOnly, kNever, mpt, false, false, true, "Saves",
       "The number of saves of your content."},
      {"replies",
       kAlways,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Replies",
       "The number of replies to your stories."},
      {"engaged_audience_demographics",
       kAlways,
       kNever,
       kNever,
       {"lifetime"},
       T::TotalOnly,
       kNever,
       {"age", "city", "country", "gender"},
       true,
       true,
       true,
       "Engaged audience demographics",
       "The demographic characteristics of the engaged audience."},
      {"reached_audience_demographics",
       kAlways,
       kNever,
       kNever,
       {"lifetime"},
       T::TotalOnly,
       kNever,
       {"age", "city", "country", "gender"},
       true,
       true,
       true,
       "Reached audience demographics",
       "The demographic characteristics of the reached audience."},
      {"follower_demographics",
       kAlways,
       kNever,
       kNever,
       {"lifetime"},
       T::TotalOnly,
       kNever,
       {"age", "city", "country", "gender"},
       true,
       true,
       true,
       "Follower demographics",
       "The demographic characteristics of followers."},
      {"follows_and_unfollows",
       kAlways,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {"follow_type"},
       false,
       false,
       true,
       "Follows and unfollows",
       "The number of accounts that followed and unfollowed you."},
      {"profile_links_taps",
       kAlways,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {"contact_button_type"},
       false,
       false,
       true,
       "Profile links taps",
       "The number of taps on your profile's contact buttons."},
      {"views",
       kV22,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {"follow_type", "media_product_type"},
       false,
       false,
       true,
       "Views",
       "The number of times your content was played or displayed."},
      {"threads_likes", kDec2025, kNever, kNever, day, T::TotalOnly, kNever, {}, false, false, false, "", ""},
      {"threads_replies",
       kDec2025,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       false,
       "",
       ""},
      {"reposts",
       kDec2025,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       true,
       "Reposts",
       "The number of reposts of your content."},
      {"quotes", kDec2025, kNever, kNever, day, T::TotalOnly, kNever, {}, false, false, false, "", ""},
      {"threads_followers",
       kDec2025,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       false,
       "",
       ""},
      {"threads_follower_demographics",
       kDec2025,
       kNever,
       kNever,
       {"lifetime"},
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       false,
       "",
       ""},
      {"content_views", kDec2025, kNever, kNever, day, T::TotalOnly, kNever, {}, false, false, false, "", ""},
      {"threads_views", kDec2025, kNever, kNever, day, T::TotalOnly, kNever, {}, false, false, false, "", ""},
      {"threads_clicks",
       kDec2025,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       false,
       "",
       ""},
      {"threads_reposts",
       kDec2025,
       kNever,
       kNever,
       day,
       T::TotalOnly,
       kNever,
       {},
       false,
       false,
       false,
       "",
       ""},
  };
  return rules;
}

const AccountMetricRule* find_account_metric(std::string_view name) {
  for (const AccountMetricRule& r : account_metric_rules()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

bool account_metric_listed(const AccountMetricRule& rule, int version, int64_t now) {
  const bool from = rule.listed_from.version == 0 && rule.listed_from.all_versions == 0
                        ? true
                        : rule.listed_from.reached(version, now);
  return from && !rule.listed_until.reached(version, now);
}

std::string account_metric_list(int version, int64_t now) {
  std::vector<std::string_view> names;
  for (const AccountMetricRule& r : account_metric_rules()) {
    if (account_metric_listed(r, version, now)) names.push_back(r.name);
  }
  return join(names);
}

TypeRule account_type_rule(const AccountMetricRule& rule, int version, int64_t now) {
  // profile_views and website_clicks lost their time series form in v21 (ref 1.3) and are now
  // total_value only.
  if (rule.series_retired.reached(version, now)) return TypeRule::TotalOnly;
  return rule.type;
}

const std::vector<std::string_view>& account_breakdowns() {
  static const std::vector<std::string_view> v = {
      "contact_button_type", "follow_type", "media_product_type", "age", "city", "country", "gender"};
  return v;
}

const std::vector<std::string>& media_product_type_values() {
  static const std::vector<std::string> v = {"AD", "CAROUSEL_CONTAINER", "POST", "REEL", "STORY"};
  return v;
}

const std::vector<std::string>& follow_type_values() {
  static const std::vector<std::string> v = {"FOLLOWER", "NON_FOLLOWER", "UNKNOWN"};
  return v;
}

const std::vector<std::string>& contact_button_values() {
  static const std::vector<std::string> v = {"BOOK_NOW",           "CALL", "DIRECTION", "EMAIL",
                                             "INSTANT_EXPERIENCE", "TEXT", "UNDEFINED"};
  return v;
}

const std::vector<std::string>& action_type_values() {
  // ref 3.2: returned in lower case in the examples (the driver upper-cases breakdown values).
  static const std::vector<std::string> v = {
      "bio_link_clicked", "call", "direction", "email", "other", "text"};
  return v;
}

const std::vector<std::string>& navigation_values() {
  static const std::vector<std::string> v = {"TAP_FORWARD", "TAP_BACK", "TAP_EXIT", "SWIPE_FORWARD"};
  return v;
}

}  // namespace igemu
