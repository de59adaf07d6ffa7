// Account-level facts added after the first release (and the order all extra generators run in):
// Instagram-scoped ids, account C below 100 followers, account B's business conversion date,
// which media reached Facebook, and a few publishing containers in every state.
#include "dataset/dataset_extras.h"
#include "server/json.h"

namespace igemu {

using namespace gen;

void generate_extras(Dataset& ds, IdAllocator& ids, uint64_t seed) {
  ds.seed = seed;
  generate_account_facts(ds, ids);
  generate_comments(ds, ids);
  generate_stories(ds, ids);
  generate_externals(ds, ids);
  generate_hashtags(ds, ids);
  generate_containers(ds, ids);
}

void generate_account_facts(Dataset& ds, IdAllocator& ids) {
  for (AccountRec& a : ds.accounts) {
    Rng r = Rng::stream(ds.seed, a.id, "igsid");
    a.igsid = ids.unique(r, "2", 16);
  }
  // Account C stays under 100 followers so demographics, online_followers and follower_count answer
  // with the small-account error. Only the count changes; its media were generated from the old
  // figure and keep their values.
  if (ds.accounts.size() > 2) {
    Rng r = Rng::stream(ds.seed, "small-account");
    ds.accounts[2].fields.set("followers_count", num(r.range(60, 95)));
  }
  // Account B became a business account after its five oldest posts: those have no insights.
  if (ds.accounts.size() > 1 && ds.accounts[1].media.size() > 6) {
    const std::vector<int>& list = ds.accounts[1].media;
    ds.accounts[1].business_since = ds.media[list[list.size() - 6]].timestamp - 1;
  }
  for (AccountRec& a : ds.accounts) {
    for (int m : a.media) {
      MediaRec& rec = ds.media[m];
      Rng r = Rng::stream(ds.seed, rec.id, "facebook");
      rec.reached_facebook = r.chance(0.15);
      rec.crossposted = rec.kind == MediaKind::Reel && r.chance(0.12);
    }
  }
}

namespace {

int add_container(Dataset& ds, IdAllocator& ids, int account, const std::string& type, const std::string& url,
                  int64_t age_seconds, const std::string& caption) {
  ContainerRec c;
  Rng r = Rng::stream(ds.seed, "container", std::to_string(ds.containers.size()));
  c.id = ids.media_like(r);
  c.account = account;
  c.media_type = type;
  (type == "IMAGE" ? c.image_url : c.video_url) = url;
  c.caption = caption;
  c.created = Dataset::kDefaultNow - age_seconds;
  ds.accounts[account].containers_created.push_back(c.created);
  ds.containers.push_back(std::move(c));
  return static_cast<int>(ds.containers.size() - 1);
}

}  // namespace

void generate_containers(Dataset& ds, IdAllocator& ids) {
  if (ds.accounts.empty()) return;
  // Account A: ready, still processing, failed (unsupported video format) and expired.
  add_container(ds, ids, 0, "IMAGE", "https://acme.example/media/flat-white.jpg", 3600, "Ready to go \u2615");
  add_container(ds, ids, 0, "REELS", "https://acme.example/media/roastery.mp4", 10, "Roast day \U0001F525");
  const int failed = add_container(ds, ids, 0, "REELS", "https://acme.example/media/clip.avi", 1800, "");
  ds.containers[failed].error_subcode = 2207026;
  add_container(ds, ids, 0, "IMAGE", "https://acme.example/media/old.jpg", 25 * 3600, "Too late");
}

}  // namespace igemu
