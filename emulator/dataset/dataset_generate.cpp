// Dataset::generate: the first release's generator (the user, the three Instagram accounts, the
// four Pages, each account's feed media), then the later generators of generate_extras. The order
// and the random streams are fixed: changing them would move every id and value.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "dataset/dataset.h"
#include "dataset/dataset_extras.h"
#include "dataset/feed_media.h"
#include "dataset/gen_util.h"
#include "server/json.h"
#include "server/rng.h"

namespace igemu {
namespace {

using namespace gen;

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
    for (size_t i = 0; i < plans.size(); ++i)
      generate_feed_media(ds_, ids_, seed_, static_cast<int>(i), plans[i].media, plans[i].first_offset);
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

}  // namespace igemu
