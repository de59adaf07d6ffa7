#include "dataset/dataset.h"

#include <algorithm>
#include <array>
#include <set>

#include "dataset/dataset_extras.h"
#include "dataset/gen_util.h"
#include "server/json.h"
#include "server/rng.h"
#include "server/timefmt.h"

namespace igemu {

const std::string* FieldValues::get(std::string_view name) const {
  for (const auto& [k, v] : values_) {
    if (k == name) return &v;
  }
  return nullptr;
}

void FieldValues::set(std::string name, std::string json) {
  for (auto& [k, v] : values_) {
    if (k == name) {
      v = std::move(json);
      return;
    }
  }
  values_.emplace_back(std::move(name), std::move(json));
}

void FieldValues::erase(std::string_view name) {
  for (auto it = values_.begin(); it != values_.end(); ++it) {
    if (it->first == name) {
      values_.erase(it);
      return;
    }
  }
}

bool is_video_kind(MediaKind k) {
  return k == MediaKind::FeedVideo || k == MediaKind::Reel || k == MediaKind::ChildVideo ||
         k == MediaKind::StoryVideo;
}

bool is_story_kind(MediaKind k) {
  return k == MediaKind::StoryImage || k == MediaKind::StoryVideo;
}

namespace {

using namespace gen;
using Opt = std::optional<std::string>;

// ---------------------------------------------------------------------------------------------
// Media facts decided up front (kind, timing, visibility flags, counts); the per-field generators
// below only format them, each with its own random stream for incidental values (URLs, text).

struct MediaFacts {
  bool has_caption = true;
  int special_caption = -1;
  bool likes_hidden = false;
  bool copyright_flagged = false;  // reels only: media_url omitted
  bool has_alt_text = false;
  bool comments_enabled = true;
  bool shared_to_feed = false;
  int64_t likes = 0, comments = 0, shares = 0, reposts = 0, saved = 0, views = 0;
  int64_t boost_likes = 0, boost_comments = 0, boost_views = 0;
};

struct MediaGenInput {
  uint64_t seed;
  const Dataset& ds;
  const MediaRec& media;
  const MediaFacts& facts;
  const AccountRec& owner;
};

// permalink and shortcode must agree, so both derive the code from the same stream.
std::string shortcode_of(const MediaGenInput& in) {
  Rng r = Rng::stream(in.seed, in.media.id, "shortcode");
  return std::string(1, r.chance(0.5) ? 'C' : 'D') + b64(r, 10);
}

bool is_video(MediaKind k) {
  return k == MediaKind::FeedVideo || k == MediaKind::Reel || k == MediaKind::ChildVideo;
}
bool is_child(const MediaRec& m) {
  return m.parent >= 0;
}

struct MediaFieldGen {
  const char* name;
  Opt (*generate)(const MediaGenInput& in, Rng& r);
};

// One entry per stored IGMedia field, in schema order; a generator returns nullopt when the field
// has no value for that media (the API then omits the key). `id`, `owner` and `children` come from
// the record itself. To add a field: add it to schema.cpp and give it a generator here.
const std::vector<MediaFieldGen>& media_generators() {
  static const std::vector<MediaFieldGen> gens = {
      {"caption",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (is_child(in.media) || !in.facts.has_caption) return std::nullopt;
         if (in.facts.special_caption >= 0) return json_quote(special_captions()[in.facts.special_caption]);
         return json_quote(composed_caption(r));
       }},
      {"media_type",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (in.media.kind == MediaKind::Album) return json_quote("CAROUSEL_ALBUM");
         return json_quote(is_video(in.media.kind) ? "VIDEO" : "IMAGE");
       }},
      {"media_product_type",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return json_quote(in.media.kind == MediaKind::Reel ? "REELS" : "FEED");
       }},
      {"media_url",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (in.facts.copyright_flagged) return std::nullopt;
         if (in.media.kind == MediaKind::Album) {  // observed: the album carries its first child's URL
           const std::string* first = in.ds.media[in.media.children.front()].fields.get("media_url");
           return first ? Opt(*first) : std::nullopt;
         }
         return json_quote(is_video(in.media.kind) ? video_url(r) : image_url(r));
       }},
      {"thumbnail_url",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (!is_video(in.media.kind)) return std::nullopt;
         return json_quote(image_url(r));
       }},
      {"permalink",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         const char* kind = in.media.kind == MediaKind::Reel ? "reel" : "p";
         return json_quote(std::string("https://www.instagram.com/") + kind + "/" + shortcode_of(in) + "/");
       }},
      {"shortcode",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return json_quote(shortcode_of(in));
       }},
      {"timestamp",
       [](const MediaGenInput& in, Rng&) -> Opt {
         return json_quote(format_graph_timestamp(in.media.timestamp));
       }},
      {"username",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         const std::string* u = in.owner.fields.get("username");
         return u ? Opt(*u) : std::nullopt;
       }},
      {"like_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media) || in.facts.likes_hidden) return std::nullopt;
         return num(in.facts.likes);
       }},
      {"comments_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return num(in.facts.comments);
       }},
      {"is_comment_enabled",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return boolean(in.facts.comments_enabled);
       }},
      {"is_shared_to_feed",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (in.media.kind != MediaKind::Reel) return std::nullopt;
         return boolean(in.facts.shared_to_feed);
       }},
      {"alt_text",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (in.media.kind != MediaKind::Image || !in.facts.has_alt_text) return std::nullopt;
         static const std::vector<std::string> texts = {
             "A flat white with a fern latte art on a wooden table",
             "Two croissants on a white plate next to a cappuccino",
             "Barista pouring milk into an espresso cup",
             "Storefront with a green awning and a chalkboard sign reading \"Open\"",
             "Close-up of roasted coffee beans",
         };
         return json_quote(r.pick(texts));
       }},
      {"ig_id",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         const std::string* owner_ig_id = in.owner.fields.get("ig_id");
         return json_quote("3" + digits(r, 18) + "_" + (owner_ig_id ? *owner_ig_id : std::string("0")));
       }},
      {"shares_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return num(in.facts.shares);
       }},
      {"reposts_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return num(in.facts.reposts);
       }},
      {"saved_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return num(in.facts.saved);
       }},
      {"total_like_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media) || in.facts.likes_hidden) return std::nullopt;
         return num(in.facts.likes + in.facts.boost_likes);
       }},
      {"total_comments_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media)) return std::nullopt;
         return num(in.facts.comments + in.facts.boost_comments);
       }},
      {"total_views_count",
       [](const MediaGenInput& in, Rng&) -> Opt {
         if (is_child(in.media) || !is_video(in.media.kind)) return std::nullopt;
         return num(in.facts.views + in.facts.boost_views);
       }},
  };
  return gens;
}

// ---------------------------------------------------------------------------------------------
// Accounts, Pages, user.

struct AccountPlan {
  int media;              // real number of top-level media
  int media_count_delta;  // media_count = media - delta (the API can under-report)
  int64_t followers_lo, followers_hi;
  int64_t first_offset;  // seconds before the anchor of the newest media
  std::vector<std::string> usernames;
  std::vector<std::string> names;
  std::string biography;
  std::string website;  // empty: field absent
  bool has_profile_pic;
};

std::vector<AccountPlan> account_plans(uint64_t seed) {
  Rng r = Rng::stream(seed, "plan");
  const int b_media = static_cast<int>(r.range(140, 160));
  const int c_media = static_cast<int>(r.range(35, 45));
  const int b_delta = static_cast<int>(r.range(3, 14));
  return {
      {1200,
       0,
       12000,
       18000,
       0,
       {"acme.coffee", "acme.roasters", "acme_coffee_co"},
       {"Acme Coffee \u2615", "Acme Coffee Roasters"},
       "Small-batch roasters since 2011 \u2615\nOpen daily 7\u201319h \u00B7 \"Best flat white\" 2024",
       "https://acme.example/",
       true},
      {b_media,
       b_delta,
       1500,
       3000,
       3 * 3600 + 17 * 60,
       {"nordlicht.baeckerei", "nordlicht_bakery"},
       {"Nordlicht B\u00E4ckerei", "B\u00E4ckerei Nordlicht"},
       "Sauerteig & Zimtschnecken \U0001F950\nMo\u2013Sa ab 6 Uhr",
       "https://nordlicht.example/shop?ref=ig&lang=de",
       true},
      {c_media,
       0,
       150,
       450,
       26 * 3600,
       {"tokyo.kissa", "kissa_tokyo"},
       {"\u6771\u4EAC\u55AB\u8336 Tokyo Kissa", "Tokyo Kissa \u6771\u4EAC"},
       "\u662D\u548C\u30EC\u30C8\u30ED\u306A\u55AB\u8336\u5E97 \u2615\U0001F35E",
       "",
       false},
  };
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : seed_(seed) {}

  Dataset run() {
    ds_.seed = seed_;
    make_user();
    const std::vector<AccountPlan> plans = account_plans(seed_);
    for (size_t i = 0; i < plans.size(); ++i) make_account(static_cast<int>(i), plans[i]);
    make_pages();
    for (size_t i = 0; i < plans.size(); ++i) make_media(static_cast<int>(i), plans[i]);
    // Everything added after the first release draws from its own streams, after all of the above,
    // so the ids and values above never change.
    generate_extras(ds_, ids_, seed_);
    return std::move(ds_);
  }

 private:
  // IDs are random digit strings with a fixed prefix, unique across the whole dataset.
  std::string unique_id(Rng& r, const std::string& prefix, size_t total_digits) {
    return ids_.unique(r, prefix, total_digits);
  }

  void make_user() {
    Rng r = Rng::stream(seed_, "user");
    ds_.user.id = unique_id(r, "1", 16);
    static const std::vector<std::string> names = {"Dana M\u00FCller", "Am\u00E9lie Laurent", "Kenji Sato",
                                                   "Sam O'Neill"};
    ds_.user.fields.set("name", json_quote(r.pick(names)));
  }

  void make_account(int index, const AccountPlan& plan) {
    Rng r = Rng::stream(seed_, "account", std::to_string(index));
    AccountRec a;
    a.id = unique_id(r, "178414", 17);
    const int64_t followers = r.range(plan.followers_lo, plan.followers_hi);
    a.fields.set("username", json_quote(r.pick(plan.usernames)));
    a.fields.set("name", json_quote(r.pick(plan.names)));
    a.fields.set("biography", json_quote(plan.biography));
    if (!plan.website.empty()) a.fields.set("website", json_quote(plan.website));
    a.fields.set("profile_picture_url",
                 json_quote("https://scontent.cdninstagram.com/v/t51.2885-19/" + digits(r, 9) + "_" +
                            digits(r, 17) + "_" + digits(r, 19) +
                            "_n.jpg?stp=dst-jpg_s206x206_tt6&_nc_cat=1&ccb=1-7&_nc_sid=bf7eb4&oh=00_" +
                            b64(r, 40) + "&oe=" + hex(r, 8)));
    a.fields.set("followers_count", num(followers));
    a.fields.set("follows_count", num(r.range(40, 900)));
    a.fields.set("media_count", num(plan.media - plan.media_count_delta));
    a.fields.set("ig_id", num(r.range(1000000000, 69999999999)));  // a JSON number, as the real API sends it
    a.fields.set("has_profile_pic", boolean(plan.has_profile_pic));
    a.fields.set("is_published", "true");
    ds_.accounts.push_back(std::move(a));
  }

  void make_pages() {
    static const std::vector<std::string> names = {"Acme Coffee", "Nordlicht B\u00E4ckerei",
                                                   "Dana's Side Project", "Tokyo Kissa \u6771\u4EAC"};
    static const std::vector<std::string> categories = {"Coffee Shop", "Bakery", "Food & Beverage",
                                                        "Caf\u00E9"};
    static const std::vector<std::vector<std::string>> tasks = {
        {"ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"},
        {"ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE"},
        {"ANALYZE", "CREATE_CONTENT", "MANAGE"},
        {"ANALYZE", "CREATE_CONTENT", "MODERATE"},
    };
    // Page 2 has no linked Instagram account; it sits mid-list on purpose.
    const std::array<int, 4> linked = {0, 1, -1, 2};
    for (int i = 0; i < 4; ++i) {
      Rng r = Rng::stream(seed_, "page", std::to_string(i));
      PageRec p;
      p.id = unique_id(r, "1", i % 2 ? 15 : 16);
      p.fields.set("name", json_quote(names[i]));
      p.fields.set("category", json_quote(categories[i]));
      JsonWriter cat;
      cat.begin_array()
          .begin_object()
          .key("id")
          .string(unique_id(r, "1", 15))
          .key("name")
          .string(categories[i]);
      cat.end_object().end_array();
      p.fields.set("category_list", cat.take());
      JsonWriter t;
      t.begin_array();
      for (const std::string& task : tasks[i]) t.string(task);
      t.end_array();
      p.fields.set("tasks", t.take());
      // A Page token in the real shape; the emulator accepts it as that Page (/me is the Page).
      p.fields.set("access_token", json_quote("EAAB" + alnum(r, 180)));
      p.ig_account = linked[i];
      p.connected_account = linked[i];
      if (linked[i] >= 0) ds_.accounts[linked[i]].page = i;
      ds_.pages.push_back(std::move(p));
      ds_.user.pages.push_back(i);
    }
  }

  MediaKind pick_kind(Rng& r) {
    const uint64_t v = r.below(100);
    if (v < 45) return MediaKind::Image;
    if (v < 55) return MediaKind::FeedVideo;
    if (v < 80) return MediaKind::Reel;
    return MediaKind::Album;
  }

  // Makes sure `flag` is set on at least one eligible media among the first `window` of an account,
  // so every account (and its first page) exercises each omission rule.
  template <class Eligible, class Has, class Set>
  void ensure(Rng& r, const std::vector<int>& list, std::vector<MediaFacts>& facts, size_t window,
              Eligible eligible, Has has, Set set) {
    window = std::min(window, list.size());
    std::vector<size_t> candidates;
    for (size_t i = 0; i < window; ++i) {
      if (has(i)) return;
      if (eligible(i)) candidates.push_back(i);
    }
    if (!candidates.empty()) set(facts[candidates[r.below(candidates.size())]]);
  }

  void make_media(int account, const AccountPlan& plan) {
    Rng r = Rng::stream(seed_, "timeline", std::to_string(account));
    AccountRec& owner = ds_.accounts[account];
    const int n = plan.media;

    // Kinds: random mix, but the four newest media cover all four kinds.
    std::vector<MediaKind> kinds(n);
    for (int i = 0; i < n; ++i) kinds[i] = pick_kind(r);
    std::array<MediaKind, 4> first = {MediaKind::Image, MediaKind::Album, MediaKind::Reel,
                                      MediaKind::FeedVideo};
    for (int i = 3; i > 0; --i) std::swap(first[i], first[r.below(static_cast<uint64_t>(i) + 1)]);
    for (int i = 0; i < 4 && i < n; ++i) kinds[i] = first[i];

    // Timestamps strictly decreasing by 2 h – 3 days.
    std::vector<int64_t> times(n);
    int64_t t = Dataset::kAnchor - plan.first_offset;
    for (int i = 0; i < n; ++i) {
      times[i] = t;
      t -= r.range(2 * 3600, 72 * 3600);
    }

    const int64_t followers = std::stoll(*owner.fields.get("followers_count"));
    std::vector<MediaFacts> facts(n);
    for (int i = 0; i < n; ++i) {
      Rng fr = Rng::stream(seed_, "facts", std::to_string(account) + "/" + std::to_string(i));
      MediaFacts& f = facts[i];
      f.has_caption = !fr.chance(0.10);
      f.likes_hidden = fr.chance(0.05);
      f.copyright_flagged = kinds[i] == MediaKind::Reel && fr.chance(0.02);
      f.has_alt_text = kinds[i] == MediaKind::Image && fr.chance(0.35);
      f.comments_enabled = !fr.chance(0.08);
      f.shared_to_feed = kinds[i] == MediaKind::Reel && fr.chance(0.7);
      f.likes = followers * fr.range(5, 80) / 1000 + fr.range(0, 20);
      f.comments = f.likes * fr.range(1, 8) / 100 + fr.range(0, 3);
      f.shares = f.likes * fr.range(0, 10) / 100;
      f.reposts = f.likes * fr.range(0, 2) / 100;
      f.saved = f.likes * fr.range(1, 15) / 100;
      f.views = is_video(kinds[i]) ? f.likes * fr.range(8, 40) : 0;
      if (fr.chance(0.10)) {  // boosted: the total_* counts include ad engagement
        f.boost_likes = fr.range(10, 500);
        f.boost_comments = fr.range(0, 30);
        f.boost_views = is_video(kinds[i]) ? fr.range(500, 20000) : 0;
      }
    }
    std::vector<int> positions(n);
    for (int i = 0; i < n; ++i) positions[i] = i;
    ensure(
        r, positions, facts, 10, [](size_t) { return true; }, [&](size_t i) { return !facts[i].has_caption; },
        [](MediaFacts& f) { f.has_caption = false; });
    ensure(
        r, positions, facts, 25, [](size_t) { return true; }, [&](size_t i) { return facts[i].likes_hidden; },
        [](MediaFacts& f) { f.likes_hidden = true; });
    ensure(
        r, positions, facts, 25, [&](size_t i) { return kinds[i] == MediaKind::Reel; },
        [&](size_t i) { return facts[i].copyright_flagged; },
        [](MediaFacts& f) { f.copyright_flagged = true; });
    ensure(
        r, positions, facts, 25, [&](size_t i) { return kinds[i] == MediaKind::Image; },
        [&](size_t i) { return facts[i].has_alt_text; }, [](MediaFacts& f) { f.has_alt_text = true; });
    ensure(
        r, positions, facts, 25, [](size_t) { return true; },
        [&](size_t i) { return !facts[i].comments_enabled; },
        [](MediaFacts& f) { f.comments_enabled = false; });
    int special = 0;
    for (int i = 0; i < n && special < static_cast<int>(special_captions().size()); ++i) {
      if (facts[i].has_caption) facts[i].special_caption = special++;
    }

    for (int i = 0; i < n; ++i) {
      const int index = static_cast<int>(ds_.media.size());
      MediaRec m;
      Rng ir = Rng::stream(seed_, "media-id", std::to_string(account) + "/" + std::to_string(i));
      m.id = new_media_id(ir);
      m.kind = kinds[i];
      m.owner = account;
      m.timestamp = times[i];
      ds_.media.push_back(std::move(m));
      owner.media.push_back(index);
      if (kinds[i] == MediaKind::Album) {
        const int count = static_cast<int>(ir.range(2, 10));
        for (int c = 0; c < count; ++c) {
          MediaRec child;
          child.id = new_media_id(ir);
          child.kind = ir.chance(0.25) ? MediaKind::ChildVideo : MediaKind::ChildImage;
          child.owner = account;
          child.parent = index;
          child.timestamp = times[i];
          const int child_index = static_cast<int>(ds_.media.size());
          ds_.media.push_back(std::move(child));
          ds_.media[index].children.push_back(child_index);
          fill_media_fields(child_index, MediaFacts{});
        }
      }
      ds_.media[index].stats = MediaStats{
          facts[i].likes, facts[i].comments,    facts[i].shares,         facts[i].reposts,    facts[i].saved,
          facts[i].views, facts[i].boost_likes, facts[i].boost_comments, facts[i].boost_views};
      fill_media_fields(index, facts[i]);
    }
  }

  // Mostly 17 digits, some 18; always starting 17 or 18.
  std::string new_media_id(Rng& r) { return ids_.media_like(r); }

  void fill_media_fields(int index, const MediaFacts& facts) {
    MediaRec& m = ds_.media[index];
    const MediaGenInput in{seed_, ds_, m, facts, ds_.accounts[m.owner]};
    for (const MediaFieldGen& g : media_generators()) {
      Rng r = Rng::stream(seed_, m.id, g.name);
      if (Opt v = g.generate(in, r)) m.fields.set(g.name, std::move(*v));
    }
  }

  uint64_t seed_;
  Dataset ds_;
  IdAllocator ids_;
};

}  // namespace

Dataset Dataset::generate(uint64_t seed) {
  Dataset ds = Generator(seed).run();
  ds.build_index();
  return ds;
}

void Dataset::build_index() {
  index_.clear();
  index_.emplace(user.id, NodeHandle{NodeType::User, 0});
  for (size_t i = 0; i < pages.size(); ++i)
    index_.emplace(pages[i].id, NodeHandle{NodeType::Page, static_cast<int>(i)});
  for (size_t i = 0; i < accounts.size(); ++i) {
    index_.emplace(accounts[i].id, NodeHandle{NodeType::IGUser, static_cast<int>(i)});
  }
  // Only our own media, comments on them, hashtags and our containers can be read by id; other
  // accounts' objects are reachable only through tags, mentions, discovery and hashtag edges.
  for (size_t i = 0; i < media.size(); ++i) {
    if (media[i].owner >= 0 && !media[i].deleted)
      index_.emplace(media[i].id, NodeHandle{NodeType::IGMedia, static_cast<int>(i)});
  }
  for (size_t i = 0; i < comments.size(); ++i) {
    const CommentRec& c = comments[i];
    if (!c.deleted && media[c.media].owner >= 0)
      index_.emplace(c.id, NodeHandle{NodeType::IGComment, static_cast<int>(i)});
  }
  for (size_t i = 0; i < hashtags.size(); ++i)
    index_.emplace(hashtags[i].id, NodeHandle{NodeType::IGHashtag, static_cast<int>(i)});
  for (size_t i = 0; i < containers.size(); ++i)
    index_.emplace(containers[i].id, NodeHandle{NodeType::IGContainer, static_cast<int>(i)});
}

std::string Dataset::new_runtime_id() {
  for (;;) {
    Rng r = Rng::stream(seed, "runtime-id", std::to_string(runtime_ids_++));
    const std::string prefix = r.chance(0.5) ? "17" : "18";  // one draw per statement: fixed order
    const size_t rest = r.chance(0.8) ? 15 : 16;
    std::string id = prefix + gen::digits(r, rest);
    if (!find(id)) return id;
  }
}

std::optional<NodeHandle> Dataset::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const std::string& Dataset::id_of(NodeHandle h) const {
  switch (h.type) {
    case NodeType::User:
      return user.id;
    case NodeType::Page:
      return pages[h.index].id;
    case NodeType::IGUser:
      return accounts[h.index].id;
    case NodeType::ExtUser:
      return externals[h.index].id;
    case NodeType::IGMedia:
      return media[h.index].id;
    case NodeType::IGComment:
      return comments[h.index].id;
    case NodeType::IGHashtag:
      return hashtags[h.index].id;
    case NodeType::IGContainer:
      return containers[h.index].id;
  }
  return user.id;
}

const FieldValues& Dataset::fields_of(NodeHandle h) const {
  static const FieldValues kNone;
  switch (h.type) {
    case NodeType::User:
      return user.fields;
    case NodeType::Page:
      return pages[h.index].fields;
    case NodeType::IGUser:
      return accounts[h.index].fields;
    case NodeType::ExtUser:
      return externals[h.index].fields;
    case NodeType::IGMedia:
      return media[h.index].fields;
    case NodeType::IGComment:
      return comments[h.index].fields;
    case NodeType::IGHashtag:
    case NodeType::IGContainer:
      return kNone;  // computed fields, rendered by render.cpp
  }
  return user.fields;
}

int Dataset::account_of(NodeHandle h) const {
  switch (h.type) {
    case NodeType::IGUser:
      return h.index;
    case NodeType::IGMedia:
      return media[h.index].owner;
    case NodeType::IGComment:
      return media[comments[h.index].media].owner;
    case NodeType::IGContainer:
      return containers[h.index].account;
    default:
      return -1;
  }
}

namespace {

int by_username(const std::vector<AccountRec>& list, std::string_view username) {
  const std::string quoted = json_quote(username);
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string* u = list[i].fields.get("username");
    if (u && *u == quoted) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

int Dataset::account_by_username(std::string_view username) const {
  return by_username(accounts, username);
}

int Dataset::external_by_username(std::string_view username) const {
  return by_username(externals, username);
}

int Dataset::hashtag_by_name(std::string_view name) const {
  for (size_t i = 0; i < hashtags.size(); ++i) {
    if (hashtags[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace igemu
