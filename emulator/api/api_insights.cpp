// GET /{media}/insights and GET /{ig}/insights: request validation with the real error
// texts, then the values of insights_values.cpp in the real response shapes.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "api/api_internal.h"
#include "dataset/insights_rules.h"
#include "dataset/insights_values.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kMaxWindow = 30 * kDay;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

bool contains(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

GraphError product_type_error(const std::string& metric) {
  return errors::invalid_parameter("The Media Insights API does not support the " + metric +
                                   " metric for this media product type.");
}

GraphError fatal() {
  // facebook_views / crossposted_views on media that never reached Facebook (observed: -1 / 2207086).
  return GraphError(400, -1, 2207086, "IGApiException", "Fatal");
}

GraphError pre_conversion() {
  const std::string msg =
      "This media was posted before the most recent time that the user's account was converted from a "
      "personal "
      "account to a business account.";
  GraphError e(400, 100, 2108006, "IGApiException", msg);
  e.user_title = "Media posted before business account conversion";
  e.user_msg = msg;
  return e;
}

GraphError small_account() {
  return GraphError(400, 10, 0, "OAuthException",
                    "(#10) Not enough followers: this metric needs an account with at least 100 followers");
}

void write_breakdown(JsonWriter& w, const std::vector<std::string>& keys, const Breakdown& results,
                     const std::string& prefix_value = "") {
  w.key("breakdowns").begin_array().begin_object().key("dimension_keys").begin_array();
  for (const std::string& k : keys) w.string(k);
  w.end_array().key("results").begin_array();
  for (const auto& [value, count] : results) {
    w.begin_object().key("dimension_values").begin_array();
    if (!prefix_value.empty()) w.string(prefix_value);
    // Combined breakdowns ("age,gender") carry one value per key.
    size_t start = 0;
    const size_t parts = keys.size() - (prefix_value.empty() ? 0 : 1);
    for (size_t i = 0; i < parts; ++i) {
      size_t end = i + 1 == parts ? std::string::npos : value.find(',', start);
      w.string(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
      start = end == std::string::npos ? value.size() : end + 1;
    }
    w.end_array().key("value").integer(count).end_object();
  }
  w.end_array().end_object().end_array();
}

}  // namespace

// ---- Media insights ------------------------------------------------------------------------

std::string media_insights_response(Call& c, NodeHandle media) {
  c.require_permission("instagram_manage_insights");
  const Dataset& d = c.data;
  const MediaRec& m = d.media[media.index];
  const std::optional<InsightKind> kind = insight_kind(m);
  if (!kind) throw errors::object_not_found("get", m.id);  // album children have no insights edge
  const std::vector<std::string> metrics = split_list(c.required("metric"));
  if (metrics.empty()) throw errors::missing_param("metric");

  std::vector<const MediaMetricRule*> rules;
  for (size_t i = 0; i < metrics.size(); ++i) {
    const MediaMetricRule* rule = find_media_metric(metrics[i]);
    if (!rule || !media_metric_listed(*rule, c.version_major, c.now)) {
      throw errors::invalid_parameter(
          "metric[" + std::to_string(i) +
          "] must be one of the following values: " + media_metric_list(c.version_major, c.now));
    }
    rules.push_back(rule);
  }
  std::string breakdown;
  if (const std::string* b = c.param("breakdown"); b && !b->empty()) {
    const std::vector<std::string> list = split_list(*b);
    breakdown = list.empty() ? "" : list.front();
    if (!contains(media_breakdowns(), breakdown)) {
      std::string names;
      for (std::string_view n : media_breakdowns()) names += (names.empty() ? "" : ", ") + std::string(n);
      throw errors::invalid_parameter("breakdown[0] must be one of the following values: " + names);
    }
  }
  // Any unsupported metric fails the whole request.
  for (const MediaMetricRule* rule : rules) {
    const std::string name(rule->name);
    if (rule->retired.reached(c.version_major, c.now)) {
      if (name != "impressions") throw errors::invalid_parameter(name + " metric is no longer supported");
      if (*kind == InsightKind::FeedVideo || *kind == InsightKind::Reels) throw product_type_error(name);
      throw errors::invalid_parameter(
          "Starting from version v22.0 and above, the impressions metric is no longer supported for the "
          "queried media");
    }
    if (!supports_kind(*rule, *kind)) throw product_type_error(name);
    // Legacy impressions only for media created before 2024-07-02.
    if (name == "impressions" && m.timestamp >= dates::k2024_07_02) throw product_type_error(name);
  }
  if (!breakdown.empty()) {
    for (const MediaMetricRule* rule : rules) {
      if (rule->breakdown != breakdown)
        throw errors::invalid_parameter("Incompatible breakdowns (" + breakdown + ") for metric (" +
                                        std::string(rule->name) + ")");
    }
  }
  const bool story = *kind == InsightKind::Story;
  // Story insights exist only while the story is live; afterwards there is no data.
  if (story && m.timestamp <= c.now - kDay) return "{\"data\":[]}";
  const MediaInsights values = media_insights(d, media.index);
  if (story) {
    auto reach = values.values.find("reach");
    if (reach != values.values.end() && reach->second < 5)
      throw GraphError(400, 10, 0, "OAuthException",
                       "(#10) Not enough viewers for the media to show insights");
  }
  if (m.owner >= 0 && m.timestamp < d.accounts[m.owner].business_since) throw pre_conversion();
  for (const std::string& name : metrics) {
    if ((name == "facebook_views" || name == "crossposted_views") && !values.values.count(name))
      throw fatal();
  }

  JsonWriter w;
  w.begin_object().key("data").begin_array();
  for (size_t i = 0; i < metrics.size(); ++i) {
    const MediaMetricRule& rule = *rules[i];
    auto it = values.values.find(metrics[i]);
    if (it == values.values.end()) continue;
    w.begin_object().key("name").string(metrics[i]).key("period").string("lifetime");
    w.key("values")
        .begin_array()
        .begin_object()
        .key("value")
        .raw(number(it->second))
        .end_object()
        .end_array();
    if (!breakdown.empty()) {
      // With a breakdown media insights carry both values and total_value.
      w.key("total_value").begin_object().key("value").raw(number(it->second));
      auto b = values.breakdowns.find(metrics[i]);
      write_breakdown(w, {breakdown}, b == values.breakdowns.end() ? Breakdown{} : b->second);
      w.end_object();
    }
    w.key("title").string(rule.title).key("description").string(rule.description);
    w.key("id").string(m.id + "/insights/" + metrics[i] + "/lifetime");
    w.end_object();
  }
  w.end_array().end_object();
  return w.take();
}

// ---- Account insights ----------------------------------------------------------------------

namespace {

struct Window {
  int64_t since, until;
};

std::string period_list() {
  return "day, week, days_28, month, lifetime, total_over_range";
}

std::string end_time(int64_t day) {
  // Day buckets end at 07:00 UTC (Pacific midnight) as in the documented examples.
  return format_graph_timestamp((day + 1) * kDay + 7 * 3600);
}

std::vector<int64_t> days_of(const Window& win) {
  std::vector<int64_t> days;
  if (win.until <= win.since) return days;
  for (int64_t d = day_of(win.since); d <= day_of(win.until - 1) && days.size() < 400; ++d) days.push_back(d);
  return days;
}

std::optional<int64_t> day_value(const Dataset& ds, int account, const std::string& metric,
                                 const std::string& period, int64_t day, int64_t now) {
  const std::optional<AccountDay> first = account_day(ds, account, day, now);
  if (!first) return std::nullopt;
  auto it = first->values.find(metric);
  if (it == first->values.end()) return std::nullopt;
  const int span = period == "week" ? 7 : period == "days_28" ? 28 : 1;
  if (span == 1) return it->second;
  // week / days_28: unique accounts over the trailing days.
  std::vector<int64_t> daily{it->second};
  for (int k = 1; k < span; ++k) {
    const std::optional<AccountDay> d = account_day(ds, account, day - k, now);
    if (!d) continue;
    auto v = d->values.find(metric);
    if (v != d->values.end()) daily.push_back(v->second);
  }
  return combine_days(metric, daily);
}

std::string paging_url(const Call& c, const std::string& account_id, int64_t since, int64_t until) {
  std::string q;
  for (const QueryParam& p : c.query) {
    if (p.key == "since" || p.key == "until") continue;
    q += (q.empty() ? "" : "&") + p.raw;
  }
  q += (q.empty() ? "" : "&") + std::string("since=") + std::to_string(since) +
       "&until=" + std::to_string(until);
  return c.url("/" + account_id + "/insights", q);
}

void write_demographics(JsonWriter& w, const Call& c, int account, const AccountMetricRule& rule,
                        const std::string& timeframe, const std::string& breakdown) {
  w.key("total_value").begin_object();
  if (breakdown.empty()) {
    int64_t total = 0;
    for (const auto& [k, v] : demographics(c.data, account, std::string(rule.name), timeframe, "age"))
      total += v;
    w.key("value").integer(total);
  } else {
    const Breakdown results = demographics(c.data, account, std::string(rule.name), timeframe, breakdown);
    std::vector<std::string> keys = split_list(breakdown);
    // The documented example of the audience metrics prefixes the timeframe to keys and values.
    const bool with_timeframe = rule.name != "follower_demographics";
    if (with_timeframe) keys.insert(keys.begin(), "timeframe");
    std::string upper = timeframe;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    write_breakdown(w, keys, results, with_timeframe ? upper : "");
  }
  w.end_object();
}

}  // namespace

std::string account_insights_response(Call& c, NodeHandle node) {
  c.require_permission("instagram_manage_insights");
  const Dataset& d = c.data;
  const int account = node.index;
  const std::string& account_id = d.accounts[account].id;
  const std::vector<std::string> metrics = split_list(c.required("metric"));
  if (metrics.empty()) throw errors::missing_param("metric");
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

  bool any_demographic = false, any_windowed = false;
  for (const AccountMetricRule* rule : rules) (rule->demographic ? any_demographic : any_windowed) = true;
  std::string timeframe;
  if (any_demographic) {
    const std::string* tf = c.param("timeframe");
    if (!tf || tf->empty()) throw errors::missing_param("timeframe");
    static const std::vector<std::string_view> timeframes = {"last_14_days", "last_30_days", "last_90_days",
                                                             "prev_month",   "this_week",    "this_month"};
    if (!contains(timeframes, *tf))
      throw errors::invalid_parameter(
          "timeframe must be one of the following values: last_14_days, last_30_days, "
          "last_90_days, prev_month, this_week, this_month");
    timeframe = *tf;
    const bool old = *tf != "this_week" && *tf != "this_month";
    for (const AccountMetricRule* rule : rules) {
      // Withdrawn for the audience metrics: v20+, all versions from 2024-08-19.
      if (old && rule->demographic && rule->name != "follower_demographics" &&
          Rollout{20, dates::k2024_08_19}.reached(c.version_major, c.now))
        throw errors::invalid_parameter("The following timeframe (" + *tf +
                                        ") is not supported for the metric (" + std::string(rule->name) +
                                        ")");
    }
  }

  // The window: since/until (Unix seconds), by default the last 24 h.
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
  if (any_windowed) {
    if (win.until - win.since > kMaxWindow)
      throw errors::invalid_parameter(
          "There cannot be more than 30 days (2592000 s) between since and until.");
    if (day_of(win.since) < day_of(c.now) - kHistoryDays)
      throw errors::invalid_parameter(
          "since param is not valid. Metrics data is available for the last 2 years");
  }

  const bool small = std::stoll(*d.accounts[account].fields.get("followers_count")) < 100;
  for (const AccountMetricRule* rule : rules) {
    // Demographics, online_followers and follower_count need 100 followers.
    if (small && rule->needs_100_followers) throw small_account();
  }

  const std::vector<int64_t> days = days_of(win);
  JsonWriter w;
  w.begin_object().key("data").begin_array();
  for (size_t i = 0; i < rules.size(); ++i) {
    const AccountMetricRule& rule = *rules[i];
    const std::string& name = metrics[i];
    if (!rule.has_data) continue;  // Threads metrics, retired clicks: no data
    auto begin_metric = [&] { w.begin_object().key("name").string(name).key("period").string(period); };
    auto end_metric = [&] {
      w.key("title").string(rule.title).key("description").string(rule.description);
      w.key("id").string(account_id + "/insights/" + name + "/" + period);
      w.end_object();
    };
    if (rule.demographic) {
      begin_metric();
      w.key("title").string(rule.title).key("description").string(rule.description);
      write_demographics(w, c, account, rule, timeframe, breakdown);
      w.key("id").string(account_id + "/insights/" + name + "/" + period);
      w.end_object();
      continue;
    }
    if (name == "online_followers") {
      // Hours "0".."23" per day, for the 30 days before today.
      const int64_t today = day_of(c.now);
      std::vector<int64_t> kept;
      for (int64_t day : days) {
        if (day < today && day >= today - 30) kept.push_back(day);
      }
      if (kept.empty()) continue;
      begin_metric();
      w.key("values").begin_array();
      for (int64_t day : kept) {
        w.begin_object().key("value").begin_object();
        for (const auto& [hour, v] : online_followers(d, account, day))
          w.key(std::to_string(hour)).integer(v);
        w.end_object().key("end_time").string(end_time(day)).end_object();
      }
      w.end_array();
      end_metric();
      continue;
    }
    if (!total) {
      std::vector<std::pair<int64_t, int64_t>> series;
      for (int64_t day : days) {
        if (std::optional<int64_t> v = day_value(d, account, name, period, day, c.now))
          series.emplace_back(day, *v);
      }
      if (series.empty()) continue;  // missing data: no entry, never zeros
      begin_metric();
      w.key("values").begin_array();
      for (const auto& [day, v] : series)
        w.begin_object().key("value").integer(v).key("end_time").string(end_time(day)).end_object();
      w.end_array();
      end_metric();
      continue;
    }
    // total_value: the window summed into one number (unique metrics are not additive).
    std::vector<int64_t> daily;
    std::map<std::string, std::vector<int64_t>> bucket_days;
    for (int64_t day : days) {
      const std::optional<AccountDay> ad = account_day(d, account, day, c.now);
      if (!ad) continue;
      auto it = ad->values.find(name);
      if (it == ad->values.end()) continue;
      daily.push_back(it->second);
      if (!breakdown.empty()) {
        auto b = ad->breakdowns.find(name + "/" + breakdown);
        if (b == ad->breakdowns.end()) continue;
        for (const auto& [k, v] : b->second) bucket_days[k].push_back(v);
      }
    }
    if (daily.empty()) continue;
    begin_metric();
    w.key("title").string(rule.title).key("description").string(rule.description);
    w.key("total_value").begin_object().key("value").integer(combine_days(name, daily));
    if (!breakdown.empty()) {
      // Results in the API's value order.
      const std::vector<std::string>& order = breakdown == "media_product_type" ? media_product_type_values()
                                              : breakdown == "follow_type"      ? follow_type_values()
                                                                                : contact_button_values();
      Breakdown results;
      for (const std::string& k : order) {
        if (bucket_days.count(k)) results.emplace_back(k, combine_days(name, bucket_days[k]));
      }
      write_breakdown(w, {breakdown}, results);
    }
    w.end_object();
    w.key("id").string(account_id + "/insights/" + name + "/" + period);
    w.end_object();
  }
  w.end_array();
  if (!total && any_windowed && !any_demographic && win.until > win.since) {
    // Time-based paging: previous/next step by the request's window.
    const int64_t span = win.until - win.since;
    w.key("paging").begin_object();
    w.key("previous").string(paging_url(c, account_id, win.since - span, win.since));
    w.key("next").string(paging_url(c, account_id, win.until, win.until + span));
    w.end_object();
  }
  w.end_object();
  return w.take();
}

}  // namespace igemu
