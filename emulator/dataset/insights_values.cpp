#include "dataset/insights_values.h"

#include <algorithm>
#include <cmath>

#include "server/rng.h"

namespace igemu {
namespace {

int64_t pct(int64_t v, int64_t percent) {
  return v * percent / 100;
}

// Splits `total` by `weights` into whole numbers that add up to `total`; zero parts are left out.
Breakdown split(int64_t total, const std::vector<std::string>& names, const std::vector<int64_t>& weights) {
  int64_t wsum = 0;
  for (int64_t w : weights) wsum += w;
  Breakdown out;
  if (wsum <= 0 || total <= 0) return out;
  std::vector<int64_t> parts(weights.size());
  int64_t used = 0;
  size_t biggest = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    parts[i] = total * weights[i] / wsum;
    used += parts[i];
    if (weights[i] > weights[biggest]) biggest = i;
  }
  parts[biggest] += total - used;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] > 0) out.emplace_back(names[i], parts[i]);
  }
  return out;
}

int64_t followers_of(const AccountRec& a) {
  const std::string* f = a.fields.get("followers_count");
  return f ? std::stoll(*f) : 0;
}

}  // namespace

std::optional<InsightKind> insight_kind(const MediaRec& m) {
  switch (m.kind) {
    case MediaKind::Image:
      return InsightKind::FeedImage;
    case MediaKind::FeedVideo:
      return InsightKind::FeedVideo;
    case MediaKind::Album:
      return InsightKind::Carousel;
    case MediaKind::Reel:
      return InsightKind::Reels;
    case MediaKind::StoryImage:
    case MediaKind::StoryVideo:
      return InsightKind::Story;
    default:
      return std::nullopt;  // album children
  }
}

MediaInsights media_insights(const Dataset& ds, int index) {
  MediaInsights out;
  const MediaRec& m = ds.media[index];
  const std::optional<InsightKind> kind = insight_kind(m);
  if (!kind) return out;
  // Every draw happens in the same order for every kind, so values never depend on the kind table.
  Rng r = Rng::stream(ds.seed, m.id, "insights");
  const MediaStats& s = m.stats;
  const int64_t image_views = s.likes * r.range(6, 15) + r.range(0, 50);
  const int64_t views = is_video_kind(m.kind) || *kind == InsightKind::Story ? s.views : image_views;
  const int64_t reach = pct(views, r.range(55, 85));
  const int64_t follows = reach * r.range(0, 5) / 1000;
  const int64_t visits = reach * r.range(5, 40) / 1000;
  std::vector<int64_t> action_weights;
  for (size_t i = 0; i < action_type_values().size(); ++i) action_weights.push_back(r.range(0, 30));
  const int64_t activity_total = pct(visits, r.range(10, 60));
  const int64_t replies = pct(reach, r.range(0, 3));
  const int64_t nav_forward = pct(views, r.range(30, 60)), nav_back = pct(views, r.range(2, 10));
  const int64_t nav_exit = pct(views, r.range(5, 20)), nav_swipe = pct(views, r.range(2, 10));
  const int64_t link_clicks = pct(reach, r.range(0, 3));
  const int64_t avg_watch = r.range(2000, 15000);
  const double skip_rate = static_cast<double>(r.range(200, 700)) / 10.0;
  const int64_t facebook = pct(views, r.range(2, 20));
  const int64_t crossposted = views + pct(views, r.range(5, 30));
  const int64_t impressions = pct(views, r.range(105, 140));
  const int64_t replays = pct(views, r.range(5, 25));

  const bool story = *kind == InsightKind::Story;
  const int64_t interactions = story ? s.shares + replies : s.likes + s.saved + s.comments + s.shares;
  const std::map<std::string, double> all = {
      {"views", static_cast<double>(views)},
      {"reach", static_cast<double>(reach)},
      {"likes", static_cast<double>(s.likes)},
      {"comments", static_cast<double>(s.comments)},
      {"saved", static_cast<double>(s.saved)},
      {"shares", static_cast<double>(s.shares)},
      {"total_interactions", static_cast<double>(interactions)},
      {"reposts", static_cast<double>(s.reposts)},
      {"follows", static_cast<double>(follows)},
      {"profile_visits", static_cast<double>(visits)},
      {"replies", static_cast<double>(replies)},
      {"link_clicks", static_cast<double>(link_clicks)},
      {"ig_reels_avg_watch_time", static_cast<double>(avg_watch)},
      {"ig_reels_video_view_total_time", static_cast<double>(avg_watch * views)},
      {"reels_skip_rate", skip_rate},
      {"total_likes", static_cast<double>(s.likes + s.boost_likes)},
      {"total_comments", static_cast<double>(s.comments + s.boost_comments)},
      {"total_views", static_cast<double>(views + s.boost_views)},
      {"impressions", static_cast<double>(impressions)},
      {"video_views", static_cast<double>(views)},
      {"plays", static_cast<double>(views)},
      {"clips_replays_count", static_cast<double>(replays)},
      {"ig_reels_aggregated_all_plays_count", static_cast<double>(views + replays)},
  };
  for (const MediaMetricRule& rule : media_metric_rules()) {
    if (!supports_kind(rule, *kind)) continue;
    auto it = all.find(std::string(rule.name));
    if (it != all.end()) out.values[it->first] = it->second;
  }
  // Opt-in metrics answer only for media that reached Facebook / were crossposted.
  if (m.reached_facebook) out.values["facebook_views"] = static_cast<double>(facebook);
  if (m.crossposted && *kind == InsightKind::Reels)
    out.values["crossposted_views"] = static_cast<double>(crossposted);
  if (supports_kind(*find_media_metric("profile_activity"), *kind)) {
    out.breakdowns["profile_activity"] = split(activity_total, action_type_values(), action_weights);
    int64_t total = 0;
    for (const auto& [name, v] : out.breakdowns["profile_activity"]) total += v;
    out.values["profile_activity"] = static_cast<double>(total);
  }
  if (story) {
    const Breakdown nav = {{"TAP_FORWARD", nav_forward},
                           {"TAP_BACK", nav_back},
                           {"TAP_EXIT", nav_exit},
                           {"SWIPE_FORWARD", nav_swipe}};
    Breakdown kept;
    int64_t total = 0;
    for (const auto& [name, v] : nav) {
      if (v > 0) kept.emplace_back(name, v);
      total += v;
    }
    out.breakdowns["navigation"] = kept;
    out.values["navigation"] = static_cast<double>(total);
  }
  return out;
}

int64_t day_of(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
}

std::optional<AccountDay> account_day(const Dataset& ds, int account, int64_t day, int64_t now) {
  const int64_t today = day_of(now);
  if (day > today || day < today - kHistoryDays) return std::nullopt;
  const AccountRec& a = ds.accounts[account];
  const int64_t followers = followers_of(a);
  Rng r = Rng::stream(ds.seed, a.id, "day/" + std::to_string(day));
  static const int64_t weekday[] = {100, 95, 105, 100, 110, 130, 125};
  const int64_t season = weekday[static_cast<size_t>(((day % 7) + 7) % 7)];
  const int64_t reach = pct(pct(followers, r.range(8, 25)), season) + r.range(0, 5);
  const int64_t views = pct(reach, r.range(150, 320));
  const int64_t engaged = pct(reach, r.range(3, 9));
  const int64_t likes = pct(engaged, r.range(60, 140));
  const int64_t comments = pct(likes, r.range(2, 9));
  const int64_t saves = pct(likes, r.range(3, 15));
  const int64_t shares = pct(likes, r.range(2, 10));
  const int64_t replies = r.range(0, 3 + reach / 500);
  const int64_t reposts = pct(shares, r.range(0, 30));
  const int64_t follows = followers * r.range(0, 12) / 1000 + r.range(0, 3);
  const int64_t unfollows = pct(follows, r.range(10, 60));
  const int64_t unknown_follow = r.range(0, 1);
  const int64_t profile_views = pct(reach, r.range(2, 8));
  std::vector<int64_t> contact_w, mpt_w, follow_w;
  for (size_t i = 0; i < contact_button_values().size(); ++i) contact_w.push_back(r.range(0, 10));
  const int64_t taps = pct(profile_views, r.range(5, 25));
  mpt_w = {r.range(0, 3), r.range(5, 15), r.range(30, 50), r.range(25, 45), r.range(10, 20)};
  follow_w = {r.range(35, 60), r.range(40, 65), r.range(0, 2)};
  const int64_t impressions = pct(views, r.range(110, 140));
  const int64_t legacy_clicks = r.range(0, 4);

  // Today's numbers are still growing.
  const int64_t fraction =
      day == today ? std::clamp<int64_t>((now - today * 86400) * 1000 / 86400, 0, 1000) : 1000;
  auto partial = [&](int64_t v) { return v * fraction / 1000; };

  AccountDay d;
  auto put = [&](const char* name, int64_t v) { d.values[name] = partial(v); };
  put("reach", reach);
  put("views", views);
  put("accounts_engaged", engaged);
  put("likes", likes);
  put("comments", comments);
  put("saves", saves);
  put("shares", shares);
  put("replies", replies);
  put("reposts", reposts);
  put("total_interactions", likes + comments + saves + shares + replies);
  put("profile_views", profile_views);
  put("impressions", impressions);
  put("email_contacts", legacy_clicks);
  put("phone_call_clicks", legacy_clicks / 2);
  put("text_message_clicks", legacy_clicks / 3);
  put("get_directions_clicks", legacy_clicks / 2);
  const bool big = followers >= 100;
  if (big) put("follows_and_unfollows", follows + unfollows + unknown_follow);
  // follower_count covers the 30 days before today only.
  if (big && day < today && day >= today - 30) put("follower_count", follows);

  const std::vector<std::string>& mpt = media_product_type_values();
  auto put_split = [&](const char* metric, const char* breakdown, const std::vector<std::string>& names,
                       const std::vector<int64_t>& w) {
    d.breakdowns[std::string(metric) + "/" + breakdown] = split(d.values[metric], names, w);
  };
  for (const char* metric :
       {"reach", "views", "likes", "comments", "saves", "shares", "total_interactions"}) {
    std::vector<int64_t> w = mpt_w;
    if (std::string(metric) != "reach" && std::string(metric) != "views")
      w[0] = 0;  // ads: reach and views only
    put_split(metric, "media_product_type", mpt, w);
  }
  put_split("reach", "follow_type", follow_type_values(), follow_w);
  put_split("views", "follow_type", follow_type_values(), follow_w);
  {
    int64_t sum = 0;
    Breakdown taps_split = split(partial(taps), contact_button_values(), contact_w);
    for (const auto& [k, v] : taps_split) sum += v;
    d.values["profile_links_taps"] = sum;
    d.breakdowns["profile_links_taps/contact_button_type"] = taps_split;
  }
  if (big) {
    Breakdown f;
    if (partial(follows)) f.emplace_back("FOLLOWER", partial(follows));
    if (partial(unfollows)) f.emplace_back("NON_FOLLOWER", partial(unfollows));
    if (partial(unknown_follow)) f.emplace_back("UNKNOWN", partial(unknown_follow));
    d.breakdowns["follows_and_unfollows/follow_type"] = f;
  }
  return d;
}

bool is_unique_metric(const std::string& metric) {
  return metric == "reach" || metric == "accounts_engaged";
}

int64_t combine_days(const std::string& metric, const std::vector<int64_t>& daily) {
  int64_t sum = 0, max = 0;
  for (int64_t v : daily) {
    sum += v;
    max = std::max(max, v);
  }
  if (!is_unique_metric(metric)) return sum;
  // Unique accounts: people seen on several days count once.
  return max + (sum - max) * 35 / 100;
}

namespace {

const std::vector<std::string>& age_buckets() {
  static const std::vector<std::string> v = {"13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
  return v;
}

const std::vector<std::string>& genders() {
  static const std::vector<std::string> v = {"F", "M", "U"};
  return v;
}

const std::vector<std::string>& countries() {
  static const std::vector<std::string> v = {
      "US", "DE", "JP", "GB", "FR", "IT", "ES", "NL", "BR", "CA", "AU", "KR", "TW", "CN", "IN", "MX", "AT",
      "CH", "SE", "NO", "DK", "FI", "PL", "CZ", "BE", "IE", "PT", "GR", "TR", "IL", "AE", "SA", "EG", "ZA",
      "NG", "AR", "CL", "CO", "PE", "NZ", "SG", "MY", "TH", "VN", "ID", "PH", "HK", "RU", "UA", "RO"};
  return v;
}

const std::vector<std::string>& cities() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out = {"Berlin, Berlin",
                                    "Hamburg, Hamburg",
                                    "M\u00FCnchen, Bayern",
                                    "Tokyo, Tokyo",
                                    "Osaka, Osaka",
                                    "Kyoto, Kyoto",
                                    "New York, New York",
                                    "Los Angeles, California",
                                    "San Francisco, California",
                                    "London, England",
                                    "Paris, \u00CEle-de-France",
                                    "Madrid, Comunidad de Madrid",
                                    "S\u00E3o Paulo, S\u00E3o Paulo",
                                    "Seoul, Seoul",
                                    "Taipei, Taiwan",
                                    "Tel Aviv, Tel Aviv District",
                                    "Dubai, Dubai",
                                    "Cairo, Cairo Governorate"};
    for (int i = 1; out.size() < 60; ++i)
      out.push_back("Town " + std::to_string(i) + ", Region " + std::to_string(i % 9));
    return out;
  }();
  return v;
}

}  // namespace

Breakdown demographics(const Dataset& ds, int account, const std::string& metric,
                       const std::string& timeframe, const std::string& breakdown) {
  const AccountRec& a = ds.accounts[account];
  Rng r = Rng::stream(ds.seed, a.id, "demographics/" + metric + "/" + timeframe + "/" + breakdown);
  const int64_t followers = followers_of(a);
  int64_t audience = pct(followers, r.range(80, 95));  // only users with known demographics count
  if (metric != "follower_demographics")
    audience = pct(audience, timeframe == "this_week" ? r.range(20, 40) : r.range(45, 80));
  std::vector<std::pair<std::string, int64_t>> buckets;
  auto weighted = [&](const std::vector<std::string>& names, int64_t skew) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (size_t i = 0; i < names.size(); ++i)
      out.emplace_back(names[i], r.range(1, 100) * 100 / (1 + static_cast<int64_t>(i) * skew));
    return out;
  };
  if (breakdown == "age") {
    buckets = weighted(age_buckets(), 0);
  } else if (breakdown == "gender") {
    buckets = weighted(genders(), 2);
  } else if (breakdown == "country") {
    buckets = weighted(countries(), 1);
  } else if (breakdown == "city") {
    buckets = weighted(cities(), 1);
  } else {  // a combination, e.g. "age,gender"
    for (const auto& [age, aw] : weighted(age_buckets(), 0)) {
      for (const auto& [g, gw] : weighted(genders(), 2))
        buckets.emplace_back(age + "," + g, aw * gw / 100 + 1);
    }
  }
  std::vector<std::string> names;
  std::vector<int64_t> weights;
  for (const auto& [n, w] : buckets) {
    names.push_back(n);
    weights.push_back(w);
  }
  Breakdown out = split(audience, names, weights);
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (out.size() > 45) out.resize(45);  // only the top 45 values are returned
  return out;
}

std::map<int, int64_t> online_followers(const Dataset& ds, int account, int64_t day) {
  std::map<int, int64_t> out;
  const AccountRec& a = ds.accounts[account];
  Rng r = Rng::stream(ds.seed, a.id, "online/" + std::to_string(day));
  if (r.chance(0.05)) return out;  // some days have no data (an empty value object)
  const int64_t followers = followers_of(a);
  for (int h = 0; h < 24; ++h) {
    const double shape = 0.35 + 0.3 * std::sin((h - 6) * 3.14159265358979 / 12.0);
    out[h] = static_cast<int64_t>(static_cast<double>(followers) * shape *
                                  static_cast<double>(r.range(80, 120)) / 100.0);
  }
  return out;
}

}  // namespace igemu
