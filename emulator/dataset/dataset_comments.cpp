// Comments and replies on our own feed media. Every media gets exactly as many comments plus
// replies as its comments_count says; one busy media of account A has more than 120 top-level
// comments (paging at 50 matters) and two comments with more than 50 replies each.
#include <algorithm>

#include "dataset/dataset_extras.h"
#include "server/json.h"
#include "server/timefmt.h"

namespace igemu {

using namespace gen;

namespace {

const std::vector<std::string>& comment_fragments() {
  static const std::vector<std::string> v = {
      "Looks amazing!",
      "Best flat white in town \u2615",
      "\U0001F60D\U0001F60D\U0001F60D",
      "\u7F8E\u5473\u3057\u305D\u3046\uFF01",
      "\u8FD9\u4E2A\u770B\u8D77\u6765\u5F88\u597D\u5403",
      "\u0631\u0627\u0626\u0639 \u062C\u062F\u0627",
      "Wow \U0001F525",
      "Where is this? \U0001F4CD",
      "Can't wait for the weekend brunch \U0001F95E",
      "Is this gluten free?",
      "Ich liebe eure Zimtschnecken \U0001F950",
      "Merci pour l'accueil \U0001F64F",
      "\u30AB\u30D5\u30A7\u30E9\u30C6\u6700\u9AD8 \u2615\uFE0F",
      "Need this right now",
      "#coffeelover #latteart",
      "Great shot \U0001F4F8",
      "\"Best\" croissant ever \u2014 no doubt",
      "\uC815\uB9D0 \uB9DB\uC788\uC5B4 \uBCF4\uC5EC\uC694",
      "Line one\nline two of a comment",
      "\U0001F468\u200D\U0001F469\u200D\U0001F467 family day out",
  };
  return v;
}

const std::vector<std::string>& owner_replies() {
  static const std::vector<std::string> v = {
      "Thank you! \U0001F64F",
      "Thanks for visiting! \u2615",
      "\u3042\u308A\u304C\u3068\u3046\u3054\u3056\u3044\u307E\u3059\uFF01",
      "Danke! \U0001F950",
      "See you soon \U0001F60A",
      "Yes, we have oat milk too!",
  };
  return v;
}

std::string comment_text(Rng& r, const std::string& friend_name) {
  std::string s = r.pick(comment_fragments());
  if (r.chance(0.25)) s += " " + r.pick(comment_fragments());
  if (r.chance(0.08)) s = "@" + friend_name + " " + s;
  return s;
}

// How one media's comments are laid out: replies per top-level comment, newest top-level first.
std::vector<int> plan_comments(Rng& r, int64_t total) {
  if (total <= 0) return {};
  const int64_t reply_total = total >= 2 ? total * r.range(0, 30) / 100 : 0;
  const int64_t top = total - reply_total;
  std::vector<int> replies(static_cast<size_t>(top), 0);
  for (int64_t i = 0; i < reply_total; ++i) {
    // Conversations cluster: most replies go to a few comments.
    const size_t pick =
        r.chance(0.6) ? r.below(std::min<uint64_t>(replies.size(), 3)) : r.below(replies.size());
    ++replies[pick];
  }
  return replies;
}

constexpr int kBusyTopLevel = 131;

std::vector<int> busy_plan() {
  std::vector<int> replies(kBusyTopLevel, 0);
  replies[2] = 62;  // > 50: nested replies.limit(50) leaves a continuation
  replies[7] = 51;
  replies[0] = 3;
  replies[10] = 1;
  replies[40] = 2;
  return replies;
}

void set_comment_count(MediaRec& m, int64_t total) {
  m.stats.comments = total;
  m.fields.set("comments_count", num(total));
  m.fields.set("total_comments_count", num(total + m.stats.boost_comments));
}

}  // namespace

const std::vector<std::string>& commenter_usernames() {
  static const std::vector<std::string> v = {
      "jane.doe",      "coffee.nerd",   "kaffee_klatsch",  "tokyo.foodie",  "berlin_brunch",
      "latte.lover",   "sam.oneill",    "m.rossi",         "yuki_t",        "li.wei.eats",
      "amira.cafe",    "noam.bakes",    "the.daily.grind", "croissant_fan", "hanna.k",
      "pierre.dupont", "seoul.sips",    "flatwhite.club",  "ana_lima",      "olek.photo",
      "mehmet.kahve",  "sofia.travels", "nils.b",          "priya.eats",
  };
  return v;
}

std::string igsid_for(uint64_t seed, const std::string& username, const std::string& account_id) {
  Rng r = Rng::stream(seed, "igsid", username + "/" + account_id);
  return "2" + digits(r, 15);
}

int add_comment(Dataset& ds, IdAllocator& ids, int media, int parent, const std::string& text,
                const std::string& username, const std::string& from_id, int author_account,
                int64_t timestamp, int64_t like_count, bool hidden) {
  CommentRec c;
  Rng r = Rng::stream(ds.seed, "comment-id", ds.media[media].id + "/" + std::to_string(ds.comments.size()));
  c.id = ids.media_like(r);
  c.media = media;
  c.parent = parent;
  c.author_account = author_account;
  c.timestamp = timestamp;
  c.fields.set("text", json_quote(text));
  c.fields.set("timestamp", json_quote(format_graph_timestamp(timestamp)));
  c.fields.set("username", json_quote(username));
  JsonWriter from;
  from.begin_object().key("id").string(from_id).key("username").string(username).end_object();
  c.fields.set("from", from.take());
  c.fields.set("like_count", num(like_count));
  c.fields.set("hidden", boolean(hidden));
  if (parent >= 0) c.fields.set("parent_id", json_quote(ds.comments[parent].id));
  c.fields.set("legacy_instagram_comment_id", json_quote("1" + digits(r, 16)));
  ds.comments.push_back(std::move(c));
  return static_cast<int>(ds.comments.size() - 1);
}

void generate_comments(Dataset& ds, IdAllocator& ids) {
  const std::vector<std::string>& people = commenter_usernames();
  // The busy media: account A's second newest post, so it sits on the first /media page.
  const int busy = ds.accounts[0].media.size() > 1 ? ds.accounts[0].media[1] : -1;

  // Some media without any comment on account A's first page.
  {
    const std::vector<int>& list = ds.accounts[0].media;
    bool has_zero = false;
    int smallest = -1;
    for (size_t i = 0; i < list.size() && i < 25; ++i) {
      if (list[i] == busy) continue;
      has_zero |= ds.media[list[i]].stats.comments == 0;
      if (i >= 5 && (smallest < 0 || ds.media[list[i]].stats.comments < ds.media[smallest].stats.comments))
        smallest = list[i];
    }
    if (!has_zero && smallest >= 0) set_comment_count(ds.media[smallest], 0);
  }

  for (size_t a = 0; a < ds.accounts.size(); ++a) {
    const AccountRec& account = ds.accounts[a];
    const std::string owner_name = json_unquote(*account.fields.get("username"));
    for (int mi : account.media) {
      Rng r = Rng::stream(ds.seed, ds.media[mi].id, "comments");
      std::vector<int> plan = mi == busy ? busy_plan() : plan_comments(r, ds.media[mi].stats.comments);
      if (mi == busy) {
        int64_t total = static_cast<int64_t>(plan.size());
        for (int n : plan) total += n;
        set_comment_count(ds.media[mi], total);
      }
      if (plan.empty()) continue;
      const int64_t lower = ds.media[mi].timestamp + 30;
      const int64_t upper = std::max(lower + 600, Dataset::kAnchor + 1800);  // before the default clock
      const int64_t span = std::min<int64_t>(upper - lower, 30LL * 86400);
      // Top-level times, newest first.
      std::vector<int64_t> times;
      for (size_t i = 0; i < plan.size(); ++i) times.push_back(lower + r.range(0, span));
      std::sort(times.rbegin(), times.rend());
      for (size_t i = 0; i < plan.size(); ++i) {
        const bool by_owner = r.chance(0.03);
        const std::string& who = by_owner ? owner_name : r.pick(people);
        const std::string from = by_owner ? account.igsid : igsid_for(ds.seed, who, account.id);
        // One draw per statement: argument evaluation order differs between compilers.
        const std::string text = by_owner ? r.pick(owner_replies()) : comment_text(r, r.pick(people));
        const int64_t likes = r.chance(0.5) ? 0 : r.range(1, 60);
        const bool hidden = !by_owner && r.chance(0.04);
        const int top = add_comment(ds, ids, mi, -1, text, who, from, by_owner ? static_cast<int>(a) : -1,
                                    times[i], likes, hidden);
        ds.media[mi].comments.push_back(top);
        int64_t t = times[i];
        for (int k = 0; k < plan[i]; ++k) {
          t = std::min(t + r.range(20, 4 * 3600), upper);
          const bool owner_reply = r.chance(0.3);
          const std::string& rw = owner_reply ? owner_name : r.pick(people);
          const std::string rf = owner_reply ? account.igsid : igsid_for(ds.seed, rw, account.id);
          const std::string reply_text =
              owner_reply ? "@" + who + " " + r.pick(owner_replies()) : comment_text(r, who);
          const int64_t reply_likes = r.chance(0.6) ? 0 : r.range(1, 12);
          const bool reply_hidden = !owner_reply && r.chance(0.03);
          const int reply = add_comment(ds, ids, mi, top, reply_text, rw, rf,
                                        owner_reply ? static_cast<int>(a) : -1, t, reply_likes, reply_hidden);
          ds.comments[top].replies.push_back(reply);
        }
      }
    }
  }
}

}  // namespace igemu
