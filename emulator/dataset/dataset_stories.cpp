// Stories: a few per account. Live ones lie within the 24 h before the default clock, some have
// expired already (GET by id still works, /stories and insights do not show them). Account C's
// only story has fewer than 5 viewers (insights: "Not enough viewers").
#include <algorithm>

#include "dataset/dataset_extras.h"
#include "dataset/media_builder.h"
#include "server/json.h"

namespace igemu {

using namespace gen;

void generate_stories(Dataset& ds, IdAllocator& ids) {
  struct Plan {
    int live, expired;
  };
  static const Plan plans[] = {{5, 2}, {3, 1}, {1, 0}};
  static const std::vector<std::string> captions = {"Fresh out of the oven \U0001F950",
                                                    "\u4ECA\u65E5\u306E\u30B9\u30DA\u30B7\u30E3\u30EB \u2615",
                                                    "Swipe up for the menu", "Neue Bohnen! \U0001F525"};
  for (size_t a = 0; a < ds.accounts.size() && a < 3; ++a) {
    const AccountRec& account = ds.accounts[a];
    Rng r = Rng::stream(ds.seed, "stories", account.id);
    const int64_t followers = std::stoll(*account.fields.get("followers_count"));
    std::vector<int64_t> times;
    times.reserve(static_cast<size_t>(plans[a].live) + static_cast<size_t>(plans[a].expired));
    for (int i = 0; i < plans[a].live; ++i) times.push_back(Dataset::kAnchor - r.range(600, 20 * 3600));
    for (int i = 0; i < plans[a].expired; ++i)
      times.push_back(Dataset::kAnchor - r.range(26 * 3600, 40 * 3600));
    std::sort(times.rbegin(), times.rend());
    for (int64_t t : times) {
      MediaRec m;
      m.id = ids.media_like(r);
      m.kind = r.chance(0.35) ? MediaKind::StoryVideo : MediaKind::StoryImage;
      m.owner = static_cast<int>(a);
      m.timestamp = t;
      m.stats.views = a == 2 ? 4 : followers * r.range(5, 30) / 100;
      m.stats.shares = m.stats.views * r.range(0, 3) / 100;
      // Stories shared to Facebook answer facebook_views; an own stream, so no other draw moves.
      m.reached_facebook = Rng::stream(ds.seed, m.id, "facebook").chance(0.4);
      ds.media.push_back(std::move(m));
      const int index = static_cast<int>(ds.media.size() - 1);
      ds.accounts[a].stories.push_back(index);
      MediaSpec spec;
      spec.username = json_unquote(*account.fields.get("username"));
      spec.owner_ig_id = *account.fields.get("ig_id");
      if (r.chance(0.4)) spec.caption = r.pick(captions);
      fill_media(ds, index, spec);
    }
  }
}

}  // namespace igemu
