// Which insight metrics exist, for which media kinds, periods and metric types, as of a Graph
// version and a date, as Meta documents them. The emulator's
// clock supplies the date, the request path the version: every removal reaches newer versions at
// their release and all versions on a later date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace igemu {

// "vNN+ / date": reached on version NN or newer, and on every version from `all_versions`.
struct Rollout {
  int version = 0;           // 0: no version gets it early
  int64_t all_versions = 0;  // 0: never reaches all versions
  bool reached(int version_major, int64_t now) const {
    return (version != 0 && version_major >= version) || (all_versions != 0 && now >= all_versions);
  }
};

namespace dates {
constexpr int64_t k2024_07_02 = 1719878400;  // impressions only for media created before this day
constexpr int64_t k2024_08_19 = 1724025600;
constexpr int64_t k2025_01_08 = 1736294400;
constexpr int64_t k2025_04_21 = 1745193600;
constexpr int64_t k2025_12_03 = 1764720000;
constexpr int64_t k2026_04_22 = 1776816000;
}  // namespace dates

// Media kinds the metric rules tell apart (children and ads have no insights).
enum class InsightKind { FeedImage, FeedVideo, Carousel, Reels, Story };

struct MediaMetricRule {
  std::string_view name;
  Rollout listed_from;   // appears in the valid-name list (default: always)
  Rollout listed_until;  // leaves the list (metric[i] must be one of …)
  Rollout retired;       // still listed, but refused as no longer supported
  std::vector<InsightKind> kinds;
  std::string_view breakdown;  // the one breakdown it takes, if any
  std::string_view title, description;
};

const std::vector<MediaMetricRule>& media_metric_rules();
const MediaMetricRule* find_media_metric(std::string_view name);
bool media_metric_listed(const MediaMetricRule& rule, int version, int64_t now);
// "impressions, reach, replies, …": the names in the error message, in the API's order.
std::string media_metric_list(int version, int64_t now);
bool supports_kind(const MediaMetricRule& rule, InsightKind kind);
// Valid breakdown names for media insights, in the API's order.
const std::vector<std::string_view>& media_breakdowns();

enum class TypeRule { SeriesOnly, TotalOnly, Both, Lifetime };

struct AccountMetricRule {
  std::string_view name;
  Rollout listed_from, listed_until;
  Rollout retired;  // impressions on v22 before it left the list: "no longer supported for the queried user"
  std::vector<std::string_view> periods;
  TypeRule type;
  Rollout series_retired;  // from then on the metric is total_value only (profile_views, website_clicks)
  std::vector<std::string_view> breakdowns;
  bool demographic = false;
  bool needs_100_followers = false;  // answers with the small-account error below 100 followers
  bool has_data = true;              // Threads metrics and retired clicks answer with no data
  std::string_view title, description;
};

const std::vector<AccountMetricRule>& account_metric_rules();
const AccountMetricRule* find_account_metric(std::string_view name);
bool account_metric_listed(const AccountMetricRule& rule, int version, int64_t now);
std::string account_metric_list(int version, int64_t now);
TypeRule account_type_rule(const AccountMetricRule& rule, int version, int64_t now);
const std::vector<std::string_view>& account_breakdowns();

// Breakdown values.
const std::vector<std::string>& media_product_type_values();  // AD, CAROUSEL_CONTAINER, POST, REEL, STORY
const std::vector<std::string>& follow_type_values();         // FOLLOWER, NON_FOLLOWER, UNKNOWN
const std::vector<std::string>& contact_button_values();
const std::vector<std::string>& action_type_values();  // lower case, as the API sends them
const std::vector<std::string>& navigation_values();

}  // namespace igemu
