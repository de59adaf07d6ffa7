// Insight values, computed deterministically from the dataset (no storage): media lifetime metrics
// from each media's counts, account metrics per UTC day, demographics and online followers.
// --dump-json writes the same numbers, so tests never re-implement these formulas.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dataset/dataset.h"
#include "dataset/insights_rules.h"

namespace igemu {

using Breakdown = std::vector<std::pair<std::string, int64_t>>;  // value → count, in API order

struct MediaInsights {
  std::map<std::string, double> values;         // every metric the media's kind supports
  std::map<std::string, Breakdown> breakdowns;  // "profile_activity", "navigation"
};

// nullopt for album children and ads (no insights).
std::optional<InsightKind> insight_kind(const MediaRec& m);
MediaInsights media_insights(const Dataset& ds, int media);

// Days are counted from 1970-01-01 (UTC). Values exist for the 730 days up to the clock's day;
// today's are partial (scaled by the share of the day gone).
int64_t day_of(int64_t unix_seconds);
constexpr int64_t kHistoryDays = 729;  // `since` older than today - 729 days is refused

struct AccountDay {
  std::map<std::string, int64_t> values;  // metric → value
  // "metric/breakdown" → results, e.g. "views/media_product_type"
  std::map<std::string, Breakdown> breakdowns;
};

std::optional<AccountDay> account_day(const Dataset& ds, int account, int64_t day, int64_t now);
// Unique-account metrics (reach, accounts_engaged) are not additive across days.
bool is_unique_metric(const std::string& metric);
int64_t combine_days(const std::string& metric, const std::vector<int64_t>& daily);

// Top buckets for a demographic metric and breakdown ("age", "country", "age,gender", …), largest
// first, at most 45.
Breakdown demographics(const Dataset& ds, int account, const std::string& metric,
                       const std::string& timeframe, const std::string& breakdown);
// Followers online per hour ("0".."23") on `day`; an empty map for a day without data.
std::map<int, int64_t> online_followers(const Dataset& ds, int account, int64_t day);

}  // namespace igemu
