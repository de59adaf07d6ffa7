// Account insights: periods, metric types, the 30-day window, 2 years of history, time paging,
// breakdowns, demographics and the small-account refusals.
#include "dataset/insights_values.h"
#include "server/timefmt.h"
#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

constexpr int64_t kDay = 86400;

std::string ig_insights(int account_index, const std::string& query) {
  return "/v24.0/" + account(account_index) + "/insights?" + query + "&" + kToken;
}

int64_t midnight(int64_t days_before_today) {
  return (day_of(Dataset::kDefaultNow) - days_before_today) * kDay;
}

}  // namespace

TEST_CASE("reach time series: one value per UTC day, end_time at 07:00 the next day", "[account-insights]") {
  GraphApi api(data(), {});
  const int64_t since = midnight(10), until = midnight(7);
  Result r = get(api, ig_insights(0, "metric=reach&period=day&metric_type=time_series&since=" +
                                         std::to_string(since) + "&until=" + std::to_string(until)));
  REQUIRE(r.status == 200);
  const auto& item = r.json["data"][0];
  CHECK(std::string(item["id"].GetString()) == account(0) + "/insights/reach/day");
  REQUIRE(item["values"].Size() == 3);
  for (int i = 0; i < 3; ++i) {
    const int64_t day = since / kDay + i;
    CHECK(item["values"][i]["value"].GetInt64() ==
          account_day(data(), 0, day, Dataset::kDefaultNow)->values.at("reach"));
    CHECK(std::string(item["values"][i]["end_time"].GetString()) ==
          format_graph_timestamp((day + 1) * kDay + 7 * 3600));
  }
  // Time paging steps by the window.
  const std::string next = r.json["paging"]["next"].GetString();
  const std::string prev = r.json["paging"]["previous"].GetString();
  CHECK(next.find("since=" + std::to_string(until) + "&until=" + std::to_string(until + 3 * kDay)) !=
        std::string::npos);
  CHECK(prev.find("since=" + std::to_string(since - 3 * kDay) + "&until=" + std::to_string(since)) !=
        std::string::npos);
  CHECK(get(api, follow(r.json["paging"]["next"])).json["data"][0]["values"].Size() == 3);
}

TEST_CASE("window rules: 30 days per request, 2 years back", "[account-insights]") {
  GraphApi api(data(), {});
  const std::string base = "metric=reach&period=day&metric_type=time_series";
  Result r = get(api, ig_insights(0, base + "&since=" + std::to_string(midnight(40)) +
                                         "&until=" + std::to_string(midnight(9))));
  CHECK(r.status == 400);
  CHECK(r.error_message() == "(#100) There cannot be more than 30 days (2592000 s) between since and until.");
  CHECK(get(api, ig_insights(0, base + "&since=" + std::to_string(midnight(40)) +
                                    "&until=" + std::to_string(midnight(10))))
            .status == 200);
  CHECK(get(api, ig_insights(0, base + "&since=" + std::to_string(midnight(729)) +
                                    "&until=" + std::to_string(midnight(728))))
            .status == 200);
  r = get(api, ig_insights(0, base + "&since=" + std::to_string(midnight(730)) +
                                  "&until=" + std::to_string(midnight(729))));
  CHECK(r.error_message() ==
        "(#100) since param is not valid. Metrics data is available for the last 2 years");
}

TEST_CASE("metric_type and period rules", "[account-insights]") {
  GraphApi api(data(), {});
  CHECK(get(api, ig_insights(0, "metric=views,likes&period=day")).error_message() ==
        "(#100) The following metrics (views,likes) should be specified with parameter "
        "metric_type=total_value");
  CHECK(
      get(api, ig_insights(0, "metric=follower_count&period=day&metric_type=total_value")).error_message() ==
      "(#100) The following metric (follower_count) is incompatible with the metric type (total_value)");
  CHECK(get(api, ig_insights(0, "metric=profile_views&period=day&metric_type=time_series")).error_message() ==
        "(#100) The following metric (profile_views) is incompatible with the metric type (time_series)");
  CHECK(get(api, ig_insights(0, "metric=online_followers&period=week")).error_message() ==
        "(#100) The following periods (week) are incompatible with the metric (online_followers)");
  CHECK(get(api, ig_insights(0, "metric=reach")).error_message() ==
        "(#100) The parameter period is required");
  const std::string list =
      "reach, follower_count, website_clicks, profile_views, online_followers, accounts_engaged, "
      "total_interactions, "
      "likes, comments, shares, saves, replies, engaged_audience_demographics, "
      "reached_audience_demographics, "
      "follower_demographics, follows_and_unfollows, profile_links_taps, views, threads_likes, "
      "threads_replies, "
      "reposts, quotes, threads_followers, threads_follower_demographics, content_views, threads_views, "
      "threads_clicks, threads_reposts";
  CHECK(get(api, ig_insights(0, "metric=reach,impressions&period=day")).error_message() ==
        "(#100) metric[1] must be one of the following values: " + list);
  CHECK(get(api, ig_insights(0, "metric=profile_activity&period=day")).error_code() == 100);
}

TEST_CASE("impressions on v22 before it left every version", "[account-insights]") {
  ApiConfig feb2025;
  feb2025.now = 1740787200;  // 2025-03-01
  GraphApi api(data(), feb2025);
  CHECK(get(api, "/v22.0/" + account(0) + "/insights?metric=impressions&period=day&" + kToken)
            .error_message() ==
        "(#100) Starting from version 22 and above, the impressions metric is no longer supported for the "
        "queried "
        "user. Please refer to the documentation at "
        "https://developers.facebook.com/docs/instagram-api/reference/"
        "ig-user/insights for a list of supported metrics.");
  CHECK(get(api, "/v21.0/" + account(0) + "/insights?metric=impressions&period=day&" + kToken).status == 200);
}

TEST_CASE("total_value: sums, unique metrics, breakdowns", "[account-insights]") {
  GraphApi api(data(), {});
  const int64_t d0 = midnight(5);
  const std::string window = "&since=" + std::to_string(d0) + "&until=" + std::to_string(d0 + 3 * kDay);
  Result r = get(api, ig_insights(0, "metric=likes,reach&period=day&metric_type=total_value" + window));
  REQUIRE(r.status == 200);
  int64_t likes = 0, reach_sum = 0;
  std::vector<int64_t> reach;
  for (int i = 0; i < 3; ++i) {
    const AccountDay day = *account_day(data(), 0, d0 / kDay + i, Dataset::kDefaultNow);
    likes += day.values.at("likes");
    reach.push_back(day.values.at("reach"));
    reach_sum += day.values.at("reach");
  }
  CHECK(r.json["data"][0]["total_value"]["value"].GetInt64() == likes);
  CHECK(r.json["data"][1]["total_value"]["value"].GetInt64() == combine_days("reach", reach));
  CHECK(r.json["data"][1]["total_value"]["value"].GetInt64() < reach_sum);  // not additive
  CHECK_FALSE(r.json.HasMember("paging"));

  r = get(api, ig_insights(0, "metric=views&period=day&metric_type=total_value&breakdown=media_product_type" +
                                  window));
  REQUIRE(r.status == 200);
  const auto& b = r.json["data"][0]["total_value"]["breakdowns"][0];
  CHECK(std::string(b["dimension_keys"][0].GetString()) == "media_product_type");
  int64_t sum = 0;
  for (const auto& res : b["results"].GetArray()) sum += res["value"].GetInt64();
  CHECK(sum == r.json["data"][0]["total_value"]["value"].GetInt64());

  Result bad = get(
      api,
      ig_insights(
          0, "metric=views,accounts_engaged&period=day&metric_type=total_value&breakdown=media_product_type" +
                 window));
  CHECK(bad.status == 500);
  CHECK(bad.error_code() == 1);
  CHECK(bad.error_message() == "An unknown error has occurred.");
  Result contact = get(
      api,
      ig_insights(
          0, "metric=profile_links_taps&period=day&metric_type=total_value&breakdown=contact_button_type" +
                 window));
  CHECK(contact.status == 200);
}

TEST_CASE("follower_count only for the 30 days before today; online_followers by hour",
          "[account-insights]") {
  GraphApi api(data(), {});
  Result r = get(api, ig_insights(0, "metric=follower_count&period=day&since=" + std::to_string(midnight(3)) +
                                         "&until=" + std::to_string(midnight(-1))));
  REQUIRE(r.status == 200);
  CHECK(r.json["data"][0]["values"].Size() == 3);  // today excluded
  r = get(api, ig_insights(0, "metric=follower_count&period=day&since=" + std::to_string(midnight(60)) +
                                  "&until=" + std::to_string(midnight(45))));
  CHECK(r.body.find("\"data\":[]") != std::string::npos);

  r = get(api, ig_insights(0, "metric=online_followers&period=lifetime&since=" + std::to_string(midnight(5)) +
                                  "&until=" + std::to_string(midnight(3))));
  REQUIRE(r.status == 200);
  const auto& v = r.json["data"][0]["values"];
  REQUIRE(v.Size() == 2);
  if (v[0]["value"].MemberCount() > 0) CHECK(v[0]["value"].HasMember("23"));
}

TEST_CASE("demographics: timeframe, top 45, small accounts refused", "[account-insights]") {
  GraphApi api(data(), {});
  Result r = get(api, ig_insights(0,
                                  "metric=follower_demographics&period=lifetime&metric_type=total_value&"
                                  "timeframe=this_month&breakdown=city"));
  REQUIRE(r.status == 200);
  const auto& b = r.json["data"][0]["total_value"]["breakdowns"][0];
  CHECK(b["results"].Size() == 45);
  CHECK(b["dimension_keys"].Size() == 1);
  r = get(api, ig_insights(0,
                           "metric=engaged_audience_demographics&period=lifetime&metric_type=total_value&"
                           "timeframe=this_week&breakdown=age,gender"));
  REQUIRE(r.status == 200);
  const auto& e = r.json["data"][0]["total_value"]["breakdowns"][0];
  CHECK(std::string(e["dimension_keys"][0].GetString()) == "timeframe");
  CHECK(std::string(e["results"][0]["dimension_values"][0].GetString()) == "THIS_WEEK");
  CHECK(e["results"][0]["dimension_values"].Size() == 3);
  CHECK(get(api, ig_insights(
                     0, "metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=age"))
            .error_message() == "(#100) The parameter timeframe is required");
  CHECK(get(api, ig_insights(0,
                             "metric=reached_audience_demographics&period=lifetime&metric_type=total_value&"
                             "timeframe=last_90_days&breakdown=age"))
            .status == 400);
  CHECK(get(api, ig_insights(0,
                             "metric=follower_demographics&period=lifetime&metric_type=total_value&timeframe="
                             "last_90_days&breakdown=age"))
            .status == 200);

  Result small = get(api, ig_insights(2,
                                      "metric=follower_demographics&period=lifetime&metric_type=total_value&"
                                      "timeframe=this_month&breakdown=country"));
  CHECK(small.status == 400);
  CHECK(small.error_code() == 10);
  CHECK(get(api, ig_insights(2, "metric=online_followers&period=lifetime")).error_code() == 10);
  CHECK(get(api, ig_insights(2, "metric=reach&period=day")).status == 200);
  // follower_count needs 100 followers too: a shared time-series call fails as a whole.
  Result series = get(api, ig_insights(2, "metric=reach,follower_count&period=day&metric_type=time_series"));
  CHECK(series.error_code() == 10);
}
