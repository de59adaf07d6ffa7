// Other professional accounts (business discovery), their public media, and how they point at our
// accounts: media tagging them (/tags) and captions or comments mentioning them (mentions).
#include <algorithm>

#include "dataset/dataset_extras.h"
#include "dataset/media_builder.h"
#include "server/json.h"

namespace igemu {

using namespace gen;

namespace {

struct ExternalPlan {
  const char* username;
  const char* name;
  const char* biography;
  const char* website;  // "" = none
  int64_t followers;
  int media;
};

const std::vector<ExternalPlan>& external_plans() {
  static const std::vector<ExternalPlan> v = {
      {"bluebottle", "Blue Bottle Coffee", "Delicious coffee, delivered \u2615",
       "https://bluebottlecoffee.example/", 267788, 180},
      {"kaffee.kollektiv", "Kaffee Kollektiv Berlin", "Specialty coffee \u00B7 Kreuzberg \u00B7 seit 2015",
       "https://kollektiv.example/", 4210, 70},
      {"matcha.house.kyoto", "\u62B9\u8336\u30CF\u30A6\u30B9\u4EAC\u90FD",
       "\u5B87\u6CBB\u62B9\u8336\u5C02\u9580\u5E97 \U0001F375", "", 980, 30},
      {"the.latte.lab", "The Latte Lab", "Home barista experiments", "", 152, 12},
  };
  return v;
}

MediaKind pick_public_kind(Rng& r) {
  const uint64_t v = r.below(100);
  if (v < 50) return MediaKind::Image;
  if (v < 60) return MediaKind::FeedVideo;
  if (v < 82) return MediaKind::Reel;
  return MediaKind::Album;
}

}  // namespace

// Creates one public media item (and album children) owned by external account `ext` (or nobody,
// -1, for hashtag media of people we know nothing about). Returns its index.
int add_public_media(Dataset& ds, IdAllocator& ids, Rng& r, int ext, int64_t timestamp, int64_t followers,
                     const std::string& username, const std::string& caption) {
  MediaRec m;
  m.id = ids.media_like(r);
  m.kind = pick_public_kind(r);
  m.ext_owner = ext;
  m.timestamp = timestamp;
  m.stats.likes = followers * r.range(5, 80) / 1000 + r.range(0, 20);
  m.stats.comments = m.stats.likes * r.range(1, 8) / 100 + r.range(0, 3);
  m.stats.views = is_video_kind(m.kind) ? m.stats.likes * r.range(8, 40) : 0;
  ds.media.push_back(std::move(m));
  const int index = static_cast<int>(ds.media.size() - 1);
  if (ds.media[index].kind == MediaKind::Album) {
    const int count = static_cast<int>(r.range(2, 6));
    for (int c = 0; c < count; ++c) {
      MediaRec child;
      child.id = ids.media_like(r);
      child.kind = r.chance(0.25) ? MediaKind::ChildVideo : MediaKind::ChildImage;
      child.ext_owner = ext;
      child.parent = index;
      child.timestamp = timestamp;
      ds.media.push_back(std::move(child));
      const int ci = static_cast<int>(ds.media.size() - 1);
      ds.media[index].children.push_back(ci);
      MediaSpec cs;
      cs.own = false;
      fill_media(ds, ci, cs);
    }
  }
  MediaSpec spec;
  spec.own = false;
  spec.username = username;
  spec.caption = caption;
  spec.likes_hidden = r.chance(0.05);
  spec.copyright_flagged = ds.media[index].kind == MediaKind::Reel && r.chance(0.03);
  fill_media(ds, index, spec);
  return index;
}

void generate_externals(Dataset& ds, IdAllocator& ids) {
  const std::vector<ExternalPlan>& plans = external_plans();
  for (size_t e = 0; e < plans.size(); ++e) {
    const ExternalPlan& p = plans[e];
    Rng r = Rng::stream(ds.seed, "external", p.username);
    AccountRec a;
    a.id = ids.unique(r, "178414", 17);
    a.fields.set("username", json_quote(p.username));
    a.fields.set("name", json_quote(p.name));
    a.fields.set("biography", json_quote(p.biography));
    if (*p.website) a.fields.set("website", json_quote(p.website));
    a.fields.set("profile_picture_url",
                 json_quote("https://scontent.cdninstagram.com/v/t51.2885-19/" + digits(r, 9) + "_" +
                            digits(r, 17) + "_n.jpg?stp=dst-jpg_s206x206_tt6&_nc_cat=1&ccb=1-7&oh=00_" +
                            b64(r, 40) + "&oe=" + hex(r, 8)));
    a.fields.set("followers_count", num(p.followers));
    a.fields.set("follows_count", num(r.range(40, 900)));
    a.fields.set("media_count", num(p.media));
    a.fields.set("ig_id", num(r.range(1000000000, 69999999999)));
    ds.externals.push_back(std::move(a));
    int64_t t = Dataset::kAnchor - r.range(3600, 30 * 3600);
    for (int i = 0; i < p.media; ++i) {
      const std::string caption = r.chance(0.9) ? composed_caption(r) : std::string();
      const int m = add_public_media(ds, ids, r, static_cast<int>(e), t, p.followers, p.username, caption);
      ds.externals[e].media.push_back(m);
      t -= r.range(6 * 3600, 5 * 86400);
    }
  }

  // Every external media, newest first, as a pool for tags and mentions.
  std::vector<int> pool;
  for (const AccountRec& e : ds.externals) pool.insert(pool.end(), e.media.begin(), e.media.end());
  std::sort(pool.begin(), pool.end(),
            [&](int x, int y) { return ds.media[x].timestamp > ds.media[y].timestamp; });

  // Tags: A in 62 media (more than a page of 50), B in 7, C in none.
  static const size_t tag_counts[] = {62, 7, 0};
  for (size_t a = 0; a < ds.accounts.size() && a < 3; ++a) {
    Rng r = Rng::stream(ds.seed, "tags", ds.accounts[a].id);
    std::vector<int> chosen;
    for (int m : pool) {
      if (chosen.size() < tag_counts[a] && r.chance(0.4)) chosen.push_back(m);
    }
    ds.accounts[a].tagged = chosen;  // pool order: newest first
  }

  // Mentions: captions and comments naming the account (the API strips '@' from captions the app
  // user did not write; comment text keeps it).
  static const int mention_media[] = {5, 2, 0};
  static const int mention_comments[] = {4, 1, 0};
  for (size_t a = 0; a < ds.accounts.size() && a < 3; ++a) {
    AccountRec& account = ds.accounts[a];
    const std::string username = json_unquote(*account.fields.get("username"));
    Rng r = Rng::stream(ds.seed, "mentions", account.id);
    for (int i = 0; i < mention_media[a]; ++i) {
      const int m = pool[r.below(pool.size())];
      if (std::find(account.mentioned_media.begin(), account.mentioned_media.end(), m) !=
          account.mentioned_media.end())
        continue;
      ds.media[m].fields.set("caption", json_quote("Great beans from " + username + " \u2615 #coffee"));
      account.mentioned_media.push_back(m);
    }
    for (int i = 0; i < mention_comments[a]; ++i) {
      const int m = pool[r.below(pool.size())];
      const std::string& who = r.pick(commenter_usernames());
      const int64_t t = std::min(ds.media[m].timestamp + r.range(60, 86400), Dataset::kAnchor);
      const int c = add_comment(ds, ids, m, -1, "@" + username + " you have to try this \U0001F60D", who,
                                igsid_for(ds.seed, who, ds.externals[ds.media[m].ext_owner].id), -1, t,
                                r.range(0, 9), false);
      ds.media[m].comments.insert(ds.media[m].comments.begin(), c);
      ds.media[m].stats.comments += 1;
      ds.media[m].fields.set("comments_count", num(ds.media[m].stats.comments));
      account.mentioned_comments.push_back(c);
    }
  }
}

}  // namespace igemu
