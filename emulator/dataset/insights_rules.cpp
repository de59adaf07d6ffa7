#include "dataset/insights_rules.h"

#include <algorithm>

namespace igemu {
namespace {

using K = InsightKind;
const std::vector<K> kAll = {K::FeedImage, K::FeedVideo, K::Carousel, K::Reels, K::Story};
const std::vector<K> kFeedReels = {K::FeedImage, K::FeedVideo, K::Carousel, K::Reels};
const std::vector<K> kFeedStory = {K::FeedImage, K::FeedVideo, K::Carousel, K::Story};
const std::vector<K> kFeedVideo = {K::FeedVideo};
const std::vector<K> kStory = {K::Story};
const std::vector<K> kReels = {K::Reels};

constexpr Rollout kAlways{};
constexpr Rollout kNever{};
constexpr Rollout kDec2025{0, dates::k2025_12_03};
constexpr Rollout kApr2026{0, dates::k2026_04_22};
constexpr Rollout kV22{22, dates::k2025_04_21};
constexpr Rollout kV21{21, dates::k2025_01_08};

// An account metric as a builder: by default a daily metric listed on every version, with data and no
// breakdown; each row of the table below states only what its metric does differently.
struct AccountRule : AccountMetricRule {
  AccountRule(std::string_view metric, TypeRule form,
              std::vector<std::string_view> metric_periods = {"day"}) {
    name = metric;
    type = form;
    periods = std::move(metric_periods);
  }
  AccountRule& from(Rollout r) {
    listed_from = r;
    return *this;
  }
  AccountRule& until(Rollout r) {
    listed_until = r;
    return *this;
  }
  AccountRule& refused_from(Rollout r) {
    retired = r;
    return *this;
  }
  AccountRule& total_only_from(Rollout r) {
    series_retired = r;
    return *this;
  }
  AccountRule& by(std::vector<std::string_view> b) {
    breakdowns = std::move(b);
    return *this;
  }
  AccountRule& demographics() {
    demographic = true;
    needs_100_followers = true;
    return *this;
  }
  AccountRule& needs_100() {
    needs_100_followers = true;
    return *this;
  }
  AccountRule& no_data() {
    has_data = false;
    return *this;
  }
  AccountRule& text(std::string_view t, std::string_view d) {
    title = t;
    description = d;
    return *this;
  }
};

// Listed on `version` at `now`: the list gains a metric at `from` (always when `from` is unset) and loses
// it at `until`.
bool listed(Rollout from, Rollout until, int version, int64_t now) {
  const bool always = from.version == 0 && from.all_versions == 0;
  return (always || from.reached(version, now)) && !until.reached(version, now);
}

template <typename Rule>
const Rule* find_rule(const std::vector<Rule>& rules, std::string_view name) {
  for (const Rule& r : rules) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

// "a, b, c": the names of the rules listed on `version` at `now`, in the table's order.
template <typename Rule>
std::string listed_names(const std::vector<Rule>& rules, int version, int64_t now) {
  std::string out;
  for (const Rule& r : rules) {
    if (!listed(r.listed_from, r.listed_until, version, now)) continue;
    if (!out.empty()) out += ", ";
    out += r.name;
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
      {"video_views", kAlways, kDec2025, kV21, kFeedVideo, "", "Video views",
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
  return find_rule(media_metric_rules(), name);
}

bool media_metric_listed(const MediaMetricRule& rule, int version, int64_t now) {
  return listed(rule.listed_from, rule.listed_until, version, now);
}

std::string media_metric_list(int version, int64_t now) {
  return listed_names(media_metric_rules(), version, now);
}

bool supports_kind(const MediaMetricRule& rule, InsightKind kind) {
  return std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
}

const std::vector<std::string_view>& media_breakdowns() {
  static const std::vector<std::string_view> v = {"follow_type", "surface_type", "action_type",
                                                  "story_navigation_action_type"};
  return v;
}

// Order = the 2023 list (with the clicks and impressions) merged with the 2026 one. Threads metrics (and
// the retired website_clicks) are listed but answer with no data.
const std::vector<AccountMetricRule>& account_metric_rules() {
  using T = TypeRule;
  using R = AccountRule;
  const std::vector<std::string_view> windows = {"day", "week", "days_28"};
  const std::vector<std::string_view> lifetime = {"lifetime"};
  const std::vector<std::string_view> mpt = {"media_product_type"};
  const std::vector<std::string_view> people = {"age", "city", "country", "gender"};
  static const std::vector<AccountMetricRule> rules = {
      R("impressions", T::SeriesOnly, windows)
          .until({0, dates::k2025_04_21})
          .refused_from({22, 0})
          .text("Impressions", "Total number of times your content was seen."),
      R("reach", T::Both, windows)
          .by({"media_product_type", "follow_type"})
          .text("Accounts reached",
                "The number of unique accounts that have seen your content at least once."),
      R("follower_count", T::SeriesOnly)
          .needs_100()
          .text("Follower count", "The number of new followers each day."),
      R("email_contacts", T::SeriesOnly).until(kV21).text("Email contacts", "Taps on the email button."),
      R("phone_call_clicks", T::SeriesOnly).until(kV21).text("Phone call clicks", "Taps on the call button."),
      R("text_message_clicks", T::SeriesOnly)
          .until(kV21)
          .text("Text message clicks", "Taps on the text button."),
      R("get_directions_clicks", T::SeriesOnly)
          .until(kV21)
          .text("Get directions clicks", "Taps on the directions button."),
      R("website_clicks", T::SeriesOnly)
          .total_only_from(kV21)
          .no_data()
          .text("Website clicks", "Taps on the website link."),
      R("profile_views", T::SeriesOnly)
          .total_only_from(kV21)
          .text("Profile views", "The number of times your profile was visited."),
      R("online_followers", T::Lifetime, lifetime)
          .needs_100()
          .text("Online followers", "The number of your followers who were online, per hour."),
      R("accounts_engaged", T::TotalOnly)
          .text("Accounts engaged", "The number of accounts that have interacted with your content."),
      R("total_interactions", T::TotalOnly)
          .by(mpt)
          .text("Content interactions", "The total number of interactions with your content."),
      R("likes", T::TotalOnly).by(mpt).text("Likes", "The number of likes on your content."),
      R("comments", T::TotalOnly).by(mpt).text("Comments", "The number of comments on your content."),
      R("shares", T::TotalOnly).by(mpt).text("Shares", "The number of shares of your content."),
      R("saves", T::TotalOnly).by(mpt).text("Saves", "The number of saves of your content."),
      R("replies", T::TotalOnly).text("Replies", "The number of replies to your stories."),
      R("engaged_audience_demographics", T::TotalOnly, lifetime)
          .by(people)
          .demographics()
          .text("Engaged audience demographics", "The demographic characteristics of the engaged audience."),
      R("reached_audience_demographics", T::TotalOnly, lifetime)
          .by(people)
          .demographics()
          .text("Reached audience demographics", "The demographic characteristics of the reached audience."),
      R("follower_demographics", T::TotalOnly, lifetime)
          .by(people)
          .demographics()
          .text("Follower demographics", "The demographic characteristics of followers."),
      R("follows_and_unfollows", T::TotalOnly)
          .by({"follow_type"})
          .text("Follows and unfollows", "The number of accounts that followed and unfollowed you."),
      R("profile_links_taps", T::TotalOnly)
          .by({"contact_button_type"})
          .text("Profile links taps", "The number of taps on your profile's contact buttons."),
      R("views", T::TotalOnly)
          .from(kV22)
          .by({"follow_type", "media_product_type"})
          .text("Views", "The number of times your content was played or displayed."),
      R("threads_likes", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_replies", T::TotalOnly).from(kDec2025).no_data(),
      R("reposts", T::TotalOnly).from(kDec2025).text("Reposts", "The number of reposts of your content."),
      R("quotes", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_followers", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_follower_demographics", T::TotalOnly, lifetime).from(kDec2025).no_data(),
      R("content_views", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_views", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_clicks", T::TotalOnly).from(kDec2025).no_data(),
      R("threads_reposts", T::TotalOnly).from(kDec2025).no_data(),
  };
  return rules;
}

const AccountMetricRule* find_account_metric(std::string_view name) {
  return find_rule(account_metric_rules(), name);
}

bool account_metric_listed(const AccountMetricRule& rule, int version, int64_t now) {
  return listed(rule.listed_from, rule.listed_until, version, now);
}

std::string account_metric_list(int version, int64_t now) {
  return listed_names(account_metric_rules(), version, now);
}
TypeRule account_type_rule(const AccountMetricRule& rule, int version, int64_t now) {
  // profile_views and website_clicks lost their time series form in v21 and are now
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
  // Returned in lower case in the examples (the driver upper-cases breakdown values).
  static const std::vector<std::string> v = {
      "bio_link_clicked", "call", "direction", "email", "other", "text"};
  return v;
}

const std::vector<std::string>& navigation_values() {
  static const std::vector<std::string> v = {"TAP_FORWARD", "TAP_BACK", "TAP_EXIT", "SWIPE_FORWARD"};
  return v;
}

}  // namespace igemu
