// GET /{ig}/insights: after account_insights_request.cpp's checks, the values of
// insights_values.cpp per metric as a time series, a total_value or demographics, with time paging.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/insights_internal.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

using namespace insights;

std::string end_time(int64_t day) {
  // Day buckets end at 07:00 UTC (Pacific midnight) as in the documented examples.
  return format_graph_timestamp((day + 1) * kDay + 7 * 3600);
}

// The UTC days the window touches (at most 400).
std::vector<int64_t> days_of(const Window& win) {
  std::vector<int64_t> days;
  if (win.until <= win.since) return days;
  for (int64_t d = day_of(win.since); d <= day_of(win.until - 1) && days.size() < 400; ++d) days.push_back(d);
  return days;
}

// One day's value of a time series; week and days_28 combine the trailing days.
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

// This request's URL with since/until replaced.
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

// The parts every metric entry shares: name and period first; title, description and id later.
struct MetricEntry {
  JsonWriter& w;
  const AccountMetricRule& rule;
  const std::string& name;
  const std::string& period;
  const std::string& account_id;

  void begin() const { w.begin_object().key("name").string(name).key("period").string(period); }
  void title() const { w.key("title").string(rule.title).key("description").string(rule.description); }
  void end() const {
    w.key("id").string(account_id + "/insights/" + name + "/" + period);
    w.end_object();
  }
};

// The total_value of a demographic metric: the sum over ages, or the buckets of `breakdown`.
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

void write_demographic_metric(const MetricEntry& e, const Call& c, int account,
                              const AccountInsightsRequest& q) {
  e.begin();
  e.title();
  write_demographics(e.w, c, account, e.rule, q.timeframe, q.breakdown);
  e.end();
}

// Hours "0".."23" per day, for the 30 days before today.
void write_online_followers(const MetricEntry& e, const Dataset& d, int account,
                            const std::vector<int64_t>& days, int64_t now) {
  const int64_t today = day_of(now);
  std::vector<int64_t> kept;
  for (int64_t day : days) {
    if (day < today && day >= today - 30) kept.push_back(day);
  }
  if (kept.empty()) return;
  JsonWriter& w = e.w;
  e.begin();
  w.key("values").begin_array();
  for (int64_t day : kept) {
    w.begin_object().key("value").begin_object();
    for (const auto& [hour, v] : online_followers(d, account, day)) w.key(std::to_string(hour)).integer(v);
    w.end_object().key("end_time").string(end_time(day)).end_object();
  }
  w.end_array();
  e.title();
  e.end();
}

// One value per day of the window; days without data are left out, never zeros.
void write_time_series(const MetricEntry& e, const Dataset& d, int account, const std::vector<int64_t>& days,
                       int64_t now) {
  std::vector<std::pair<int64_t, int64_t>> series;
  for (int64_t day : days) {
    if (std::optional<int64_t> v = day_value(d, account, e.name, e.period, day, now))
      series.emplace_back(day, *v);
  }
  if (series.empty()) return;  // missing data: no entry, never zeros
  JsonWriter& w = e.w;
  e.begin();
  w.key("values").begin_array();
  for (const auto& [day, v] : series)
    w.begin_object().key("value").integer(v).key("end_time").string(end_time(day)).end_object();
  w.end_array();
  e.title();
  e.end();
}

// total_value: the window summed into one number (unique metrics are not additive).
void write_total_value(const MetricEntry& e, const Dataset& d, int account, const std::vector<int64_t>& days,
                       int64_t now, const std::string& breakdown) {
  const std::string& name = e.name;
  std::vector<int64_t> daily;
  std::map<std::string, std::vector<int64_t>> bucket_days;
  for (int64_t day : days) {
    const std::optional<AccountDay> ad = account_day(d, account, day, now);
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
  if (daily.empty()) return;
  JsonWriter& w = e.w;
  e.begin();
  e.title();
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
  e.end();
}

// Time-based paging: previous/next step by the request's window.
void write_time_paging(JsonWriter& w, const Call& c, const std::string& account_id, const Window& win) {
  const int64_t span = win.until - win.since;
  w.key("paging").begin_object();
  w.key("previous").string(paging_url(c, account_id, win.since - span, win.since));
  w.key("next").string(paging_url(c, account_id, win.until, win.until + span));
  w.end_object();
}

}  // namespace

std::string account_insights_response(Call& c, NodeHandle node) {
  c.require_permission("instagram_manage_insights");
  const Dataset& d = c.data;
  const int account = node.index;
  const std::string& account_id = d.accounts[account].id;
  const AccountInsightsRequest q = parse_account_insights_request(c, account);

  const std::vector<int64_t> days = days_of(q.win);
  JsonWriter w;
  w.begin_object().key("data").begin_array();
  for (size_t i = 0; i < q.rules.size(); ++i) {
    const AccountMetricRule& rule = *q.rules[i];
    if (!rule.has_data) continue;  // Threads metrics, retired clicks: no data
    const MetricEntry e{w, rule, q.metrics[i], q.period, account_id};
    if (rule.demographic) {
      write_demographic_metric(e, c, account, q);
    } else if (q.metrics[i] == "online_followers") {
      write_online_followers(e, d, account, days, c.now);
    } else if (!q.total) {
      write_time_series(e, d, account, days, c.now);
    } else {
      write_total_value(e, d, account, days, c.now, q.breakdown);
    }
  }
  w.end_array();
  if (!q.total && q.any_windowed && !q.any_demographic && q.win.until > q.win.since)
    write_time_paging(w, c, account_id, q.win);
  w.end_object();
  return w.take();
}

}  // namespace igemu
