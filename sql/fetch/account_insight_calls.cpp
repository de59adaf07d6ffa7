#include "sql/fetch/account_insight_calls.h"

#include <algorithm>
#include <optional>

#include "sql/fetch/account_insight_scan.h"
#include "sql/fetch/insight_text.h"
#include "sql/fetch/paged_walk.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace account_insights {

using insight::contains;
using insight::floorDay;
using insight::kDay;
using insight::text;
using insight::upper;

bool inGroup(const schema::AccountMetricRule& r, std::string_view group) {
  std::string_view g = r.groups;
  while (!g.empty()) {
    size_t p = g.find(',');
    if (g.substr(0, p) == group) return true;
    if (p == std::string_view::npos) break;
    g.remove_prefix(p + 1);
  }
  return false;
}

size_t ruleIndex(std::string_view name) {
  const auto& rules = schema::accountMetricRules();
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].name == name) return i;
  return rules.size();
}

void appendSeriesWindows(const Group& g, const std::vector<std::string>& metrics,
                         const std::vector<int64_t>& days, int64_t today, int64_t maxWindowDays,
                         std::vector<Op>& ops) {
  const bool asksFollowers = contains(metrics, "follower_count");
  auto followerDay = [&](int64_t d) { return asksFollowers && d < today && d >= today - 30; };
  size_t i = 0;
  while (i < days.size()) {
    const int64_t top = days[i];
    const bool fc = followerDay(top);
    size_t j = i;
    while (j + 1 < days.size() && days[j + 1] == days[j] - 1 && followerDay(days[j + 1]) == fc &&
           top - days[j + 1] < maxWindowDays)
      ++j;
    Op op{&g, {}, days[j] * kDay, (top + 1) * kDay};
    for (const std::string& m : metrics)
      if (m != "follower_count" || fc) op.metrics.push_back(m);
    if (!op.metrics.empty()) ops.push_back(std::move(op));
    i = j + 1;
  }
}

graph::BatchOp request(const std::string& account, const Op& op) {
  std::string list;
  for (const std::string& m : op.metrics) list += (list.empty() ? "" : ",") + m;
  graph::Params params{{"metric", list},
                       {"period", op.group->period},
                       {"metric_type", op.group->series ? "time_series" : "total_value"}};
  if (*op.group->breakdown) params.emplace_back("breakdown", op.group->breakdown);
  params.emplace_back("since", std::to_string(op.since));
  params.emplace_back("until", std::to_string(op.until));
  return {account + "/insights", std::move(params)};
}

void addRows(const Op& op, const rapidjson::Value& json, int seq, const std::vector<int64_t>& days,
             const RowMaker& makeRow, std::vector<PendingRow>& out) {
  const rapidjson::Value* data = dataArray(json);
  if (!data) return;
  for (const rapidjson::Value& metric : data->GetArray()) {
    if (!metric.IsObject()) continue;
    const std::string name = text(findPath(metric, "name"));
    if (!contains(op.metrics, name)) continue;
    const size_t rule = ruleIndex(name);
    if (op.group->series) {
      const rapidjson::Value* values = findPath(metric, "values");
      if (!values || !values->IsArray()) continue;
      for (const rapidjson::Value& v : values->GetArray()) {
        const rapidjson::Value* value = v.IsObject() ? findPath(v, "value") : nullptr;
        if (!value || !value->IsNumber()) continue;
        std::optional<int64_t> end = parseGraphTimestamp(text(findPath(v, "end_time")));
        if (!end) continue;
        const int64_t day = floorDay(*end - kDay);
        // Keep each day once: a window's values belong to the days it was asked for.
        if (std::find(days.begin(), days.end(), day) == days.end()) continue;
        out.push_back({day, rule, false,
                       makeRow(op, metric, day, formatTimestamp(*end), {}, {}, value->GetDouble()), seq});
      }
      continue;
    }
    const int64_t day = op.since / kDay;
    const std::string endTime = formatTimestamp(op.until);
    if (!*op.group->breakdown) {
      const rapidjson::Value* value = findPath(metric, "total_value.value");
      if (value && value->IsNumber())
        out.push_back({day, rule, false, makeRow(op, metric, day, endTime, {}, {}, value->GetDouble()), seq});
      continue;
    }
    const rapidjson::Value* breakdowns = findPath(metric, "total_value.breakdowns");
    if (!breakdowns || !breakdowns->IsArray() || breakdowns->Empty()) continue;
    const rapidjson::Value* results = findPath((*breakdowns)[0], "results");
    const rapidjson::Value* keys = findPath((*breakdowns)[0], "dimension_keys");
    if (!results || !results->IsArray()) continue;
    for (const rapidjson::Value& r : results->GetArray()) {
      const rapidjson::Value* vals = findPath(r, "dimension_values");
      const rapidjson::Value* value = findPath(r, "value");
      if (!value || !value->IsNumber() || !vals || !vals->IsArray()) continue;
      std::string bk, bv;
      for (rapidjson::SizeType j = 0; j < vals->Size(); ++j) {
        std::string key =
            keys && keys->IsArray() && j < keys->Size() ? text(&(*keys)[j]) : op.group->breakdown;
        if (key == "timeframe") continue;  // ignored with its value
        bk += (bk.empty() ? "" : ",") + key;
        bv += (bv.empty() ? "" : ",") + upper(text(&(*vals)[j]));
      }
      out.push_back({day, rule, true, makeRow(op, metric, day, endTime, bk, bv, value->GetDouble()), seq});
    }
  }
}

}  // namespace account_insights

std::string accountDailyGroup(std::string_view metric, std::string_view breakdown) {
  for (const schema::AccountMetricRule& r : schema::accountMetricRules()) {
    if (r.table != "AccountInsights" || r.name != metric) continue;
    for (const account_insights::Group& g : account_insights::kGroups) {
      if (std::string_view(g.period) != "day" || std::string_view(g.breakdown) != breakdown ||
          !account_insights::inGroup(r, g.name))
        continue;
      return g.name;  // T before V: reach and follower_count totals come from the time series
    }
  }
  return "";
}

}  // namespace igodbc::sql
