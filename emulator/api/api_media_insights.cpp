// GET /{media}/insights: request checks with the real error texts, in the real API's order, then
// the values of insights_values.cpp in the real response shape.
#include <optional>
#include <string>
#include <vector>

#include "api/insights_internal.h"

namespace igemu {
namespace {

using namespace insights;

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

// Every name must be in the version's metric list.
std::vector<const MediaMetricRule*> metric_rules(const Call& c, const std::vector<std::string>& metrics) {
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
  return rules;
}

// The first name of `breakdown`, if given; it must be a media breakdown.
std::string breakdown_param(const Call& c) {
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
  return breakdown;
}

// Any unsupported metric fails the whole request.
void check_supported(const Call& c, const MediaRec& m, InsightKind kind,
                     const std::vector<const MediaMetricRule*>& rules) {
  for (const MediaMetricRule* rule : rules) {
    const std::string name(rule->name);
    if (rule->retired.reached(c.version_major, c.now)) {
      if (name != "impressions") throw errors::invalid_parameter(name + " metric is no longer supported");
      if (kind == InsightKind::FeedVideo || kind == InsightKind::Reels) throw product_type_error(name);
      throw errors::invalid_parameter(
          "Starting from version v22.0 and above, the impressions metric is no longer supported for the "
          "queried media");
    }
    if (!supports_kind(*rule, kind)) throw product_type_error(name);
    // Legacy impressions only for media created before 2024-07-02.
    if (name == "impressions" && m.timestamp >= dates::k2024_07_02) throw product_type_error(name);
  }
}

void check_breakdown_fits(const std::string& breakdown, const std::vector<const MediaMetricRule*>& rules) {
  if (breakdown.empty()) return;
  for (const MediaMetricRule* rule : rules) {
    if (rule->breakdown != breakdown)
      throw errors::invalid_parameter("Incompatible breakdowns (" + breakdown + ") for metric (" +
                                      std::string(rule->name) + ")");
  }
}

// Refusals that depend on the media's data: too few story viewers, media older than the business
// conversion, Facebook metrics of media that never reached Facebook.
void check_values_available(const Dataset& d, const MediaRec& m, bool story, const MediaInsights& values,
                            const std::vector<std::string>& metrics) {
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
}

// {"data":[…]} with one lifetime entry per requested metric that has a value.
std::string insights_body(const MediaRec& m, const std::vector<std::string>& metrics,
                          const std::vector<const MediaMetricRule*>& rules, const std::string& breakdown,
                          const MediaInsights& values) {
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

}  // namespace

std::string media_insights_response(Call& c, NodeHandle media) {
  c.require_permission("instagram_manage_insights");
  const Dataset& d = c.data;
  const MediaRec& m = d.media[media.index];
  const std::optional<InsightKind> kind = insight_kind(m);
  if (!kind) throw errors::object_not_found("get", m.id);  // album children have no insights edge
  const std::vector<std::string> metrics = split_list(c.required("metric"));
  if (metrics.empty()) throw errors::missing_param("metric");
  const std::vector<const MediaMetricRule*> rules = metric_rules(c, metrics);
  const std::string breakdown = breakdown_param(c);
  check_supported(c, m, *kind, rules);
  check_breakdown_fits(breakdown, rules);

  const bool story = *kind == InsightKind::Story;
  // Story insights exist only while the story is live; afterwards there is no data.
  if (story && m.timestamp <= c.now - kDay) return "{\"data\":[]}";
  const MediaInsights values = media_insights(d, media.index);
  check_values_available(d, m, story, values, metrics);
  return insights_body(m, metrics, rules, breakdown, values);
}

}  // namespace igemu
