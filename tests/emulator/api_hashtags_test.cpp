// Hashtag search, hashtag media paging and the 30-hashtags-per-7-days quota.
#include <set>

#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

const HashtagRec& hashtag(const std::string& name) {
  return data().hashtags[static_cast<size_t>(data().hashtag_by_name(name))];
}

}  // namespace

TEST_CASE("ig_hashtag_search: global ids, names, errors", "[hashtags]") {
  GraphApi api(data(), {});
  Result r = get(api, "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&q=Coffee&" + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.body == "{\"data\":[{\"id\":\"" + hashtag("coffee").id + "\"}]}");
  CHECK_FALSE(header(r.raw, "X-App-Usage").empty());

  r = get(api, "/v24.0/" + hashtag("coffee").id + "?fields=id,name&" + kToken);
  CHECK(r.body == "{\"id\":\"" + hashtag("coffee").id + "\",\"name\":\"coffee\"}");

  // A tag nobody in the dataset uses still has its global id (the same for every seed).
  r = get(api, "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&q=flatwhite&" + kToken);
  const std::string id = r.json["data"][0]["id"].GetString();
  GraphApi other(Dataset::generate(7), {});
  CHECK(
      get(other, "/v24.0/ig_hashtag_search?user_id=" + other.data().accounts[0].id + "&q=flatwhite&" + kToken)
          .json["data"][0]["id"]
          .GetString() == id);
  CHECK(get(api, "/v24.0/" + id + "/top_media?user_id=" + account(0) + "&" + kToken).body == "{\"data\":[]}");

  CHECK(get(api, "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&q=%E2%98%95&" + kToken).status == 400);
  CHECK(get(api, "/v24.0/ig_hashtag_search?q=coffee&" + kToken).error_message() ==
        "(#100) The parameter user_id is required");
  CHECK(get(api, "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&" + kToken).error_message() ==
        "(#100) The parameter q is required");
}

TEST_CASE("top_media: max 50, after cursor only, constant after the end", "[hashtags]") {
  GraphApi api(data(), {});
  const HashtagRec& h = hashtag("coffee");
  const std::string base =
      "/v24.0/" + h.id + "/top_media?user_id=" + account(0) + "&fields=id,like_count&limit=100&";
  Result r = get(api, base + kToken);
  REQUIRE(r.status == 200);
  CHECK(r.json["data"].Size() == 50);
  CHECK(r.json["paging"]["cursors"].MemberCount() == 1);  // only `after`
  CHECK_FALSE(r.json["paging"].HasMember("next"));
  std::set<std::string> seen;
  std::string after;
  std::vector<size_t> sizes;
  for (int guard = 0; guard < 6; ++guard) {
    Result page = get(api, base + (after.empty() ? "" : "after=" + after + "&") + kToken);
    sizes.push_back(page.json["data"].Size());
    size_t fresh = 0;
    for (const auto& m : page.json["data"].GetArray()) fresh += seen.insert(m["id"].GetString()).second;
    const std::string next = page.json["paging"]["cursors"]["after"].GetString();
    if (fresh == 0) {
      CHECK(next == after);  // the same cursor again: the driver stops on a page of known ids
      break;
    }
    after = next;
  }
  CHECK(sizes == std::vector<size_t>{50, 50, 30, 30});
  CHECK(seen.size() == 130);

  Result bad =
      get(api, "/v24.0/" + h.id + "/top_media?user_id=" + account(0) + "&fields=id,username&" + kToken);
  CHECK(bad.status == 400);
  Result album = get(api, "/v24.0/" + h.id + "/top_media?user_id=" + account(0) +
                              "&fields=media_type,media_url,children{id}&limit=50&" + kToken);
  for (const auto& m : album.json["data"].GetArray()) {
    if (std::string(m["media_type"].GetString()) == "CAROUSEL_ALBUM") CHECK_FALSE(m.HasMember("media_url"));
  }
  CHECK(get(api, "/v24.0/" + h.id + "/top_media?" + kToken).error_message() ==
        "(#100) The parameter user_id is required");
}

TEST_CASE("recent_media: the last 24 hours of the clock", "[hashtags]") {
  GraphApi api(data(), {});
  const HashtagRec& h = hashtag("coffee");
  size_t live = 0;
  for (int m : h.recent_media) live += data().media[m].timestamp > Dataset::kDefaultNow - 86400;
  REQUIRE(live > 50);
  REQUIRE(live < h.recent_media.size());
  const std::string base = "/v24.0/" + h.id + "/recent_media?user_id=" + account(0) + "&limit=50&";
  Result p1 = get(api, base + kToken);
  CHECK(p1.json["data"].Size() == 50);
  Result p2 = get(
      api, base + "after=" + std::string(p1.json["paging"]["cursors"]["after"].GetString()) + "&" + kToken);
  CHECK(p2.json["data"].Size() == live - 50);
  Result p3 = get(
      api, base + "after=" + std::string(p2.json["paging"]["cursors"]["after"].GetString()) + "&" + kToken);
  CHECK(p3.body == "{\"data\":[]}");
}

TEST_CASE("30 unique hashtags per account per 7 days", "[hashtags]") {
  GraphApi api(data(), {});
  const AccountRec& a = data().accounts[0];
  size_t active = 0;
  for (const HashtagSearch& s : a.hashtag_searches)
    active += s.first_searched > Dataset::kDefaultNow - 7 * 86400;
  CHECK(active == 4);
  auto search = [&](const std::string& q) {
    return get(api, "/v24.0/ig_hashtag_search?user_id=" + account(0) + "&q=" + q + "&" + kToken);
  };
  for (size_t i = active; i < 30; ++i) REQUIRE(search("tag" + std::to_string(i)).status == 200);
  Result over = search("onemore");
  CHECK(over.status == 400);
  CHECK(over.error_code() == 18);
  CHECK(search("coffee").status == 200);  // already counted: free
  CHECK(search("tag10").status == 200);
  // recent_media of an uncounted tag counts too, so it is refused as well.
  CHECK(get(api, "/v24.0/" + hashtag("bakery").id + "/recent_media?user_id=" + account(0) + "&" + kToken)
            .error_code() == 18);
  // Other accounts have their own quota.
  CHECK(get(api, "/v24.0/ig_hashtag_search?user_id=" + account(1) + "&q=onemore&" + kToken).status == 200);

  Result listed =
      get(api, "/v24.0/" + account(0) + "/recently_searched_hashtags?fields=id,name&limit=100&" + kToken);
  CHECK(listed.json["data"].Size() == 30);                                              // max 30 per page
  CHECK(std::string(listed.json["data"][0]["name"].GetString()).rfind("tag", 0) == 0);  // most recent first

  // A week later the searches no longer count.
  api.advance_clock(8 * 86400);
  CHECK(search("onemore").status == 200);
  CHECK(get(api, "/v24.0/" + account(0) + "/recently_searched_hashtags?" + kToken).json["data"].Size() == 1);
}
