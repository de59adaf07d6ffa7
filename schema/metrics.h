// The insight metric rules of media and of accounts, declared once. The insight
// tables choose their metric= lists from here, sys_metrics lists them, docs are generated from them.
// Pure: no SQLite, no HTTP.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace igodbc::schema {

// Media kinds the rules tell apart. Other: ads and unknown products; no insights are requested for them.
enum class MediaKind { FeedImage, FeedVideo, Carousel, Reels, Story, Other };

std::string_view mediaKindName(MediaKind kind);  // "FEED_IMAGE", ...
// From media_product_type x media_type (an empty product type falls back to media_type).
MediaKind mediaKindOf(std::string_view mediaType, std::string_view productType);

enum class MetricRequest { Default, OptIn, Never };
std::string_view metricRequestName(MetricRequest request);  // "default", "opt-in", "never"

// "vNN+ / date": reached on version NN or newer, and on every version from `allVersionsFrom`
// (YYYY-MM-DD). Both empty: never reached.
struct Rollout {
  int version = 0;
  std::string_view allVersionsFrom = {};
  bool never() const { return version == 0 && allVersionsFrom.empty(); }
  bool reached(int versionMajor, std::string_view date) const;
};

// The connection facts metric availability depends on.
struct RuleContext {
  int versionMajor = 24;
  std::string date;  // MetricRulesDate, YYYY-MM-DD
  bool facebookLogin = true;
};

// Version "v24.0" -> 24; newer than v26 follows v26; unparsable -> 24 (the default Version).
int versionMajor(std::string_view version);

constexpr unsigned kindBit(MediaKind kind) {
  return 1u << static_cast<unsigned>(kind);
}

struct MediaMetricRule {
  std::string_view name;
  unsigned kinds;              // kindBit() set
  std::string_view breakdown;  // the one breakdown it takes ("" when none)
  std::string_view unit;       // count, milliseconds, percent
  Rollout available;           // never() means "always available"
  Rollout retired;             // never() means "not retired"
  bool facebookLoginOnly;
  MetricRequest request;
  bool onlyBefore20240702;       // impressions: only media created before 2024-07-02
  std::string_view replacement;  // e.g. views for impressions
  std::string_view mediaColumn;  // MediaMetrics column ("" when none)
  std::string_view storyColumn;  // StoryMetrics column
};

// In the order of names in metric=.
const std::vector<MediaMetricRule>& mediaMetricRules();
const MediaMetricRule* findMediaMetric(std::string_view name);

// Whether the rule applies to the kind and is live under `ctx` (ignores connection rejections and the
// media's creation time; see mediaMetricLiveFor).
bool mediaMetricLive(const MediaMetricRule& rule, MediaKind kind, const RuleContext& ctx);
// As mediaMetricLive, plus the creation-time condition of impressions (`created` 'YYYY-MM-DD…' or empty).
bool mediaMetricLiveFor(const MediaMetricRule& rule, MediaKind kind, const RuleContext& ctx,
                        std::string_view created);

// Account metric rules (plus audience and online-follower metrics for sys_metrics).
struct AccountMetricRule {
  std::string_view table;  // AccountInsights, AudienceInsights, OnlineFollowers
  std::string_view name;
  std::string_view groups;       // "T,B-mpt,B-follow"
  std::string_view periods;      // "day"
  std::string_view metricTypes;  // "time_series", "total_value", "time_series,total_value"
  std::string_view breakdowns;   // comma list
  Rollout available;
  Rollout retired;
  MetricRequest request;
  std::string_view replacement;
  std::string_view wideColumn;  // AccountDailyMetrics column
};

const std::vector<AccountMetricRule>& accountMetricRules();
bool accountMetricLive(const AccountMetricRule& rule, const RuleContext& ctx);

}  // namespace igodbc::schema
