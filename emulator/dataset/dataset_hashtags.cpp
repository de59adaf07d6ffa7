// Hashtags: the tags our captions use, each with public top and recent media, and the searches
// accounts A and B already made this week (they count against the 30-per-7-days quota).
#include <algorithm>

#include "dataset/dataset_extras.h"
#include "server/json.h"

namespace igemu {

using namespace gen;

std::string hashtag_id_for(const std::string& name) {
  // Global constants: independent of the seed.
  const uint64_t h = mix64(fnv1a64(name, 0x68617368746167ULL));
  std::string digits_part = std::to_string(h % 1000000000000ULL);
  while (digits_part.size() < 12) digits_part = "0" + digits_part;
  return "17843" + digits_part;
}

namespace {

struct HashtagPlan {
  const char* name;
  int top, recent;
};

const std::vector<HashtagPlan>& hashtag_plans() {
  // coffee has more top media than two pages of 50 and recent media beyond one page.
  static const std::vector<HashtagPlan> v = {
      {"coffee", 130, 80},
      {"latteart", 75, 20},
      {"brunch", 40, 6},
      {"bakery", 30, 4},
      {"espresso", 25, 3},
      {"\u5496\u5561", 12, 2},
      {"\u30B3\u30FC\u30D2\u30FC", 10, 2},
      {"caf\u00E9", 8, 1},
      {"reels", 60, 10},
      {"slowliving", 5, 0},
      {"sourdough", 20, 3},
      {"matcha", 0, 0},
  };
  return v;
}

}  // namespace

void generate_hashtags(Dataset& ds, IdAllocator& ids) {
  for (const HashtagPlan& p : hashtag_plans()) {
    HashtagRec h;
    h.name = p.name;
    h.id = hashtag_id_for(h.name);
    ids.reserve(h.id);
    Rng r = Rng::stream(ds.seed, "hashtag", h.name);
    const std::vector<std::string>& people = commenter_usernames();
    for (int i = 0; i < p.top; ++i) {
      const std::string caption = composed_caption(r) + " #" + h.name;
      const int64_t t = Dataset::kAnchor - r.range(3600, 90LL * 86400);
      const int64_t followers = r.range(500, 400000);
      const std::string& who = r.pick(people);
      h.top_media.push_back(add_public_media(ds, ids, r, -1, t, followers, who, caption));
    }
    std::stable_sort(h.top_media.begin(), h.top_media.end(),
                     [&](int x, int y) { return ds.media[x].stats.likes > ds.media[y].stats.likes; });
    // Recent: up to 30 h before the anchor (some fall out of the 24 h window of the default clock).
    for (int i = 0; i < p.recent; ++i) {
      const std::string caption = composed_caption(r) + " #" + h.name;
      const int64_t t = Dataset::kAnchor - r.range(-2400, 30 * 3600);
      const int64_t followers = r.range(200, 20000);
      const std::string& who = r.pick(people);
      h.recent_media.push_back(add_public_media(ds, ids, r, -1, t, followers, who, caption));
    }
    ds.hashtags.push_back(std::move(h));
  }
  // Searches already made (relative to the default clock); those older than 7 days no longer count.
  struct Seed {
    size_t account;
    const char* name;
    int64_t age;
  };
  static const Seed seeds[] = {
      {0, "coffee", 6 * 86400},    {0, "latteart", 3 * 86400}, {0, "brunch", 86400},
      {0, "espresso", 7200},       {0, "bakery", 8 * 86400},   {0, "reels", 10 * 86400},
      {1, "sourdough", 2 * 86400}, {1, "bakery", 5 * 86400},
  };
  for (const Seed& s : seeds) {
    if (s.account >= ds.accounts.size()) continue;
    const int h = ds.hashtag_by_name(s.name);
    if (h >= 0) ds.accounts[s.account].hashtag_searches.push_back({h, Dataset::kDefaultNow - s.age});
  }
}

}  // namespace igemu
