// The checks of GET /{ig}/insights, in the real API's order and with its error texts: metric names,
// period, metric_type, breakdown, timeframe, the since/until window, the 100-follower minimum.
#include <optional>
#include <string>
#include <vector>

#include "api/insights_internal.h"
#include "server/timefmt.h"

namespace igemu {
namespace insights {
namespace {

constexpr int64_t kMaxWindow = 30 * kDay;

std::string period_list() {
  return "day, week, days_28, month, lifetime, total_over_range";
}

GraphError small_account() {
  return GraphError(400, 10, 0, "OAuthException",
                    "(#10) Not enough followers: this metric needs an account with at least 100 followers");
}

// Every name must be in the version's metric list and not retired there.
std::vector<const AccountMetricRule*> metric_rules(const Call& c, const std::vector<std::string>& metrics) {
  std::vector<const AccountMetricRule*> rules;
  for (size_t i = 0; i < metrics.size(); ++i) {
    const AccountMetricRule* rule = find_account_metric(metrics[i]);
    if (!rule || !account_metric_listed(*rule, c.version_major, c.now)) {
      throw errors::invalid_parameter(
          "metric[" + std::to_string(i) +
          "] must be one of the following values: " + account_metric_list(c.version_major, c.now));
    }
    if (rule->retired.reached(c.version_major, c.now)) {
      throw errors::invalid_parameter(
          "Starting from version 22 and above, the " + metrics[i] +
          " metric is no longer supported for the queried user. Please refer to the "
          "documentation at https://developers.facebook.com/docs/instagram-api/reference/"
          "ig-user/insights for a list of supported metrics.");
    }
    rules.push_back(rule);
  }
  return rules;
}

// `period` is required, known, and taken by every metric.
std::string period_param(const Call& c, const std::vector<const AccountMetricRule*>& rules) {
  const std::string& period = c.required("period");
  static const std::vector<std::string_view> periods = {"day",   "week",     "days_28",
                                                        "month", "lifetime", "total_over_range"};
  if (!contains(periods, period))
    throw errors::invalid_parameter("period must be one of the following values: " + period_list());
  for (const AccountMetricRule* rule : rules) {
    if (!contains(rule->periods, period))
      throw errors::invalid_parameter("The following periods (" + period +
                                      ") are incompatible with the metric (" + std::string(rule->name) + ")");
  }
  return period;
}

// True for metric_type=total_value. Without the parameter, total-only metrics are refused.
bool metric_type_param(const Call& c, const std::vector<std::string>& metrics,
                       const std::vector<const AccountMetricRule*>& rules) {
  const std::string* type_param = c.param("metric_type");
  if (type_param && *type_param != "time_series" && *type_param != "total_value")
    throw errors::invalid_parameter(
        "metric_type must be one of the following values: time_series, total_value");
  const bool total = type_param && *type_param == "total_value";
  if (!type_param) {
    std::string missing;
    for (size_t i = 0; i < rules.size(); ++i) {
      if (account_type_rule(*rules[i], c.version_major, c.now) == TypeRule::TotalOnly)
        missing += (missing.empty() ? "" : ",") + metrics[i];
    }
    if (!missing.empty())
      throw errors::invalid_parameter("The following metrics (" + missing +
                                      ") should be specified with parameter metric_type=total_value");
  } else {
    for (size_t i = 0; i < rules.size(); ++i) {
      const TypeRule t = account_type_rule(*rules[i], c.version_major, c.now);
      const bool bad =
          total ? (t == TypeRule::SeriesOnly || t == TypeRule::Lifetime) : t == TypeRule::TotalOnly;
      if (bad)
        throw errors::invalid_parameter("The following metric (" + metrics[i] +
                                        ") is incompatible with the metric type (" + *type_param + ")");
    }
  }
  return total;
}

// Known names, total_value only, and taken by every metric (several only for demographics).
std::string breakdown_param(const Call& c, const std::vector<const AccountMetricRule*>& rules, bool total) {
  std::string breakdown;
  if (const std::string* b = c.param("breakdown"); b && !b->empty()) {
    breakdown = *b;
    std::string names;
    for (std::string_view n : account_breakdowns()) names += (names.empty() ? "" : ", ") + std::string(n);
    const std::vector<std::string> parts = split_list(breakdown);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!contains(account_breakdowns(), parts[i]))
        throw errors::invalid_parameter("breakdown[" + std::to_string(i) +
                                        "] must be one of the following values: " + names);
    }
    if (!total)
      throw errors::invalid_parameter(
          "The parameter breakdown can only be used with metric_type=total_value");
    // One metric that does not take the breakdown fails the whole call.
    for (const AccountMetricRule* rule : rules) {
      for (const std::string& part : parts) {
        if (!contains(rule->breakdowns, part)) throw errors::unknown_error();
      }
      if (!rule->demographic && parts.size() > 1) throw errors::unknown_error();
    }
  }
  return breakdown;
}

// Demographic metrics need a timeframe; the old ones left the audience metrics.
std::string timeframe_param(const Call& c, const std::vector<const AccountMetricRule*>& rules) {
  const std::string* tf = c.param("timeframe");
  if (!tf || tf->empty()) throw errors::missing_param("timeframe");
  static const std::vector<std::string_view> timeframes = {"last_14_days", "last_30_days", "last_90_days",
                                                           "prev_month",   "this_week",    "this_month"};
  if (!contains(timeframes, *tf))
    throw errors::invalid_parameter(
        "timeframe must be one of the following values: last_14_days, last_30_days, "
        "last_90_days, prev_month, this_week, this_month");
  const bool old = *tf != "this_week" && *tf != "this_month";
  for (const AccountMetricRule* rule : rules) {
    // Withdrawn for the audience metrics: v20+, all versions from 2024-08-19.
    if (old && rule->demographic && rule->name != "follower_demographics" &&
        Rollout{20, dates::k2024_08_19}.reached(c.version_major, c.now))
      throw errors::invalid_parameter("The following timeframe (" + *tf +
                                      ") is not supported for the metric (" + std::string(rule->name) + ")");
  }
  return *tf;
}

// since/until (Unix seconds), by default the last 24 h.
Window window_params(const Call& c) {
  Window win{c.now - kDay, c.now};
  const std::string* since_text = c.param("since");
  const std::string* until_text = c.param("until");
  auto parse = [](const std::string* text, const char* name) -> std::optional<int64_t> {
    if (!text) return std::nullopt;
    const std::optional<int64_t> t = parse_time_param(*text);
    if (!t) throw errors::invalid_parameter(std::string("Param ") + name + " must be a valid unix timestamp");
    return t;
  };
  const std::optional<int64_t> since = parse(since_text, "since");
  const std::optional<int64_t> until = parse(until_text, "until");
  if (since && until) {
    win = {*since, *until};
  } else if (since) {
    win = {*since, c.now};
  } else if (until) {
    win = {*until - kDay, *until};
  }
  return win;
}

// At most 30 days, starting within the 2 years of history.
void check_window(const Call& c, const Window& win) {
  if (win.until - win.since > kMaxWindow)
    throw errors::invalid_parameter("There cannot be more than 30 days (2592000 s) between since and until.");
  if (day_of(win.since) < day_of(c.now) - kHistoryDays)
    throw errors::invalid_parameter(
        "since param is not valid. Metrics data is available for the last 2 years");
}

// Demographics, online_followers and follower_count need 100 followers.
void check_followers(const Dataset& d, int account, const std::vector<const AccountMetricRule*>& rules) {
  const bool small = std::stoll(*d.accounts[account].fields.get("followers_count")) < 100;
  for (const AccountMetricRule* rule : rules) {
    if (small && rule->needs_100_followers) throw small_account();
  }
}

}  // namespace

AccountInsightsRequest parse_account_insights_request(const Call& c, int account) {
  AccountInsightsRequest q;
  q.metrics = split_list(c.required("metric"));
  if (q.metrics.empty()) throw errors::missing_param("metric");
  q.rules = metric_rules(c, q.metrics);
  q.period = period_param(c, q.rules);
  q.total = metric_type_param(c, q.metrics, q.rules);
  q.breakdown = breakdown_param(c, q.rules, q.total);
  for (const AccountMetricRule* rule : q.rules)
    (rule->demographic ? q.any_demographic : q.any_windowed) = true;
  if (q.any_demographic) q.timeframe = timeframe_param(c, q.rules);
  q.win = window_params(c);
  if (q.any_windowed) check_window(c, q.win);
  check_followers(c.data, account, q.rules);
  return q;
}

}  // namespace insights
}  // namespace igemu
