// What the insights handlers share: GET /{media}/insights (api_media_insights.cpp) and
// GET /{ig}/insights, whose parameters account_insights_request.cpp checks and
// api_account_insights.cpp answers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_internal.h"
#include "dataset/insights_rules.h"
#include "dataset/insights_values.h"

namespace igemu {
namespace insights {

constexpr int64_t kDay = 86400;

// insights_shared.cpp

// A comma-separated parameter: items trimmed of spaces, empty items dropped.
std::vector<std::string> split_list(const std::string& text);
// A metric value as JSON: integral values without a fraction, others with 10 significant digits.
std::string number(double v);
bool contains(const std::vector<std::string_view>& list, std::string_view v);
// "breakdowns":[{"dimension_keys":[…],"results":[…]}]; a non-empty `prefix_value` leads every
// result's dimension_values (the timeframe of the audience metrics).
void write_breakdown(JsonWriter& w, const std::vector<std::string>& keys, const Breakdown& results,
                     const std::string& prefix_value = "");

// account_insights_request.cpp

struct Window {
  int64_t since, until;
};

// A GET /{ig}/insights request whose parameters passed every check.
struct AccountInsightsRequest {
  std::vector<std::string> metrics;             // as requested
  std::vector<const AccountMetricRule*> rules;  // one per metric
  std::string period;
  bool total = false;     // metric_type=total_value
  std::string breakdown;  // as given, e.g. "age,gender"
  std::string timeframe;  // set when a demographic metric is asked for
  bool any_demographic = false, any_windowed = false;
  Window win{0, 0};  // since/until, by default the 24 h before the clock
};

// Checks the parameters in the real API's order and throws its error for the first that fails.
AccountInsightsRequest parse_account_insights_request(const Call& c, int account);

}  // namespace insights
}  // namespace igemu
