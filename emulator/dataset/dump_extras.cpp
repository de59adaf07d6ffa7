// The parts of --dump-json added with comments, stories, public content, publishing and insights.
#include <cstdio>
#include <map>
#include <optional>

#include "dataset/dump_internal.h"
#include "dataset/insights_values.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

// Comment fields as the API renders them, plus "replies": [...] (all of them, oldest first).
void dump_comment(JsonWriter& w, const RenderContext& ctx, int index, const FieldList& fields,
                  bool with_replies, Scope scope) {
  const CommentRec& c = ctx.data.comments[index];
  JsonWriter one;
  render_node(one, ctx, NodeHandle{NodeType::IGComment, index}, &fields, Listing::Direct, scope);
  std::string text = one.take();
  if (with_replies && !c.replies.empty()) {
    JsonWriter replies;
    replies.begin_array();
    for (int r : c.replies)
      render_node(replies, ctx, NodeHandle{NodeType::IGComment, r}, &fields, Listing::Direct, scope);
    replies.end_array();
    text.pop_back();  // splice "replies" into the object
    text += ",\"replies\":" + replies.take() + "}";
  }
  w.raw(text);
}

void dump_comments(JsonWriter& w, const RenderContext& ctx) {
  const FieldList fields = dump_fields(NodeType::IGComment, Scope::Own, false);
  w.key("comments").begin_object();
  for (const AccountRec& a : ctx.data.accounts) {
    for (int m : a.media) {
      const MediaRec& rec = ctx.data.media[m];
      if (rec.comments.empty()) continue;
      w.key(rec.id).begin_array();
      for (int c : rec.comments) dump_comment(w, ctx, c, fields, true, Scope::Own);
      w.end_array();
    }
  }
  w.end_object();
}

void dump_public(JsonWriter& w, const RenderContext& ctx) {
  const Dataset& d = ctx.data;
  w.key("stories").begin_object();
  for (const AccountRec& a : d.accounts) {
    w.key(a.id);
    dump_media_list(w, ctx, a.stories, Scope::Own);
  }
  w.end_object();
  w.key("tags").begin_object();
  for (const AccountRec& a : d.accounts) {
    w.key(a.id);
    dump_media_list(w, ctx, a.tagged, Scope::Tagged);
  }
  w.end_object();
  const FieldList comment_fields = dump_fields(NodeType::IGComment, Scope::Mention, false);
  w.key("mentions").begin_object();
  for (const AccountRec& a : d.accounts) {
    w.key(a.id).begin_object().key("media");
    dump_media_list(w, ctx, a.mentioned_media, Scope::Mention);
    w.key("comments").begin_array();
    for (int c : a.mentioned_comments) dump_comment(w, ctx, c, comment_fields, false, Scope::Mention);
    w.end_array().end_object();
  }
  w.end_object();
  const FieldList user_fields = dump_fields(NodeType::ExtUser, Scope::Discovery, false);
  w.key("external_accounts").begin_array();
  for (size_t i = 0; i < d.externals.size(); ++i) {
    render_node(w, ctx, NodeHandle{NodeType::ExtUser, static_cast<int>(i)}, &user_fields, Listing::Direct,
                Scope::Discovery);
  }
  w.end_array();
  w.key("external_media").begin_object();
  for (const AccountRec& e : d.externals) {
    w.key(e.id);
    dump_media_list(w, ctx, e.media, Scope::Discovery);
  }
  w.end_object();
}

void dump_hashtags(JsonWriter& w, const RenderContext& ctx) {
  const Dataset& d = ctx.data;
  w.key("hashtags").begin_array();
  for (const HashtagRec& h : d.hashtags) {
    w.begin_object().key("id").string(h.id).key("name").string(h.name);
    w.key("top_media");
    dump_media_list(w, ctx, h.top_media, Scope::Hashtag);
    // All recent media; /recent_media shows those of the last 24 h of the clock, in this order.
    w.key("recent_media");
    dump_media_list(w, ctx, h.recent_media, Scope::Hashtag);
    w.end_object();
  }
  w.end_array();
  w.key("hashtag_searches").begin_object();
  for (const AccountRec& a : d.accounts) {
    w.key(a.id).begin_array();
    for (const HashtagSearch& s : a.hashtag_searches) {
      w.begin_object()
          .key("id")
          .string(d.hashtags[s.hashtag].id)
          .key("name")
          .string(d.hashtags[s.hashtag].name);
      w.key("first_searched").string(format_graph_timestamp(s.first_searched)).end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void dump_containers(JsonWriter& w, const RenderContext& ctx) {
  const Dataset& d = ctx.data;
  w.key("containers").begin_array();
  for (size_t i = 0; i < d.containers.size(); ++i) {
    const ContainerRec& c = d.containers[i];
    const ContainerStatus s = container_status(d, static_cast<int>(i), ctx.now);
    w.begin_object().key("id").string(c.id).key("account").string(d.accounts[c.account].id);
    w.key("media_type").string(c.media_type).key("status_code").string(s.code).key("status").string(s.status);
    w.key("created").string(format_graph_timestamp(c.created)).end_object();
  }
  w.end_array();
  w.key("account_facts").begin_object();
  for (const AccountRec& a : d.accounts) {
    w.key(a.id).begin_object().key("igsid").string(a.igsid);
    if (a.business_since) w.key("business_since").string(format_graph_timestamp(a.business_since));
    w.end_object();
  }
  w.end_object();
}

void write_number(JsonWriter& w, double v) {
  if (static_cast<double>(static_cast<int64_t>(v)) == v) {
    w.integer(static_cast<int64_t>(v));
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);  // as the API writes fractional metrics (48.4)
    w.raw(buf);
  }
}

std::string date_of(int64_t day) {
  return format_graph_timestamp(day * 86400).substr(0, 10);
}

void dump_account_insights(JsonWriter& w, const RenderContext& ctx, int account) {
  const Dataset& d = ctx.data;
  const int64_t today = day_of(ctx.now);
  const int64_t first = today - kHistoryDays;
  static const char* metrics[] = {"reach",
                                  "follower_count",
                                  "views",
                                  "accounts_engaged",
                                  "likes",
                                  "comments",
                                  "saves",
                                  "shares",
                                  "replies",
                                  "reposts",
                                  "total_interactions",
                                  "profile_links_taps",
                                  "follows_and_unfollows",
                                  "profile_views",
                                  "impressions"};
  std::vector<AccountDay> days;
  for (int64_t day = first; day <= today; ++day) days.push_back(*account_day(d, account, day, ctx.now));
  w.begin_object().key("first_day").string(date_of(first)).key("last_day").string(date_of(today));
  w.key("daily").begin_object();
  for (const char* m : metrics) {
    w.key(m).begin_array();
    for (const AccountDay& ad : days) {
      auto it = ad.values.find(m);
      if (it == ad.values.end()) {
        w.raw("null");
      } else {
        w.integer(it->second);
      }
    }
    w.end_array();
  }
  w.end_object();
  // "metric/breakdown" → value → per-day array (null where absent).
  std::map<std::string, std::map<std::string, std::vector<std::optional<int64_t>>>> series;
  for (size_t i = 0; i < days.size(); ++i) {
    for (const auto& [key, results] : days[i].breakdowns) {
      for (const auto& [value, count] : results) {
        auto& arr = series[key][value];
        arr.resize(days.size());
        arr[i] = count;
      }
    }
  }
  w.key("breakdowns").begin_object();
  for (auto& [key, values] : series) {
    w.key(key).begin_object();
    for (auto& [value, arr] : values) {
      arr.resize(days.size());
      w.key(value).begin_array();
      for (const std::optional<int64_t>& v : arr) {
        if (v) {
          w.integer(*v);
        } else {
          w.raw("null");
        }
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_object();
  const bool small = std::stoll(*d.accounts[account].fields.get("followers_count")) < 100;
  if (!small) {
    w.key("online_followers").begin_object();
    for (int64_t day = today - 30; day < today; ++day) {
      w.key(date_of(day)).begin_object();
      for (const auto& [hour, v] : online_followers(d, account, day)) w.key(std::to_string(hour)).integer(v);
      w.end_object();
    }
    w.end_object();
    w.key("demographics").begin_object();
    for (const char* metric :
         {"follower_demographics", "engaged_audience_demographics", "reached_audience_demographics"}) {
      w.key(metric).begin_object();
      for (const char* tf : {"this_week", "this_month"}) {
        w.key(tf).begin_object();
        for (const char* b : {"age", "city", "country", "gender", "age,gender"}) {
          w.key(b).begin_array();
          for (const auto& [k, v] : demographics(d, account, metric, tf, b))
            w.begin_array().string(k).integer(v).end_array();
          w.end_array();
        }
        w.end_object();
      }
      w.end_object();
    }
    w.end_object();
  }
  w.end_object();
}

void dump_insights(JsonWriter& w, const RenderContext& ctx) {
  const Dataset& d = ctx.data;
  w.key("insights").begin_object().key("media").begin_object();
  for (const AccountRec& a : d.accounts) {
    for (const std::vector<int>* list : {&a.media, &a.stories}) {
      for (int m : *list) {
        const MediaInsights mi = media_insights(d, m);
        w.key(d.media[m].id).begin_object().key("values").begin_object();
        for (const auto& [name, v] : mi.values) {
          w.key(name);
          write_number(w, v);
        }
        w.end_object().key("breakdowns").begin_object();
        for (const auto& [name, results] : mi.breakdowns) {
          w.key(name).begin_object();
          for (const auto& [k, v] : results) w.key(k).integer(v);
          w.end_object();
        }
        w.end_object().end_object();
      }
    }
  }
  w.end_object();
  w.key("accounts").begin_object();
  for (size_t i = 0; i < d.accounts.size(); ++i) {
    w.key(d.accounts[i].id);
    dump_account_insights(w, ctx, static_cast<int>(i));
  }
  w.end_object().end_object();
}

}  // namespace

void dump_extras(JsonWriter& w, const RenderContext& ctx) {
  dump_comments(w, ctx);
  dump_public(w, ctx);
  dump_hashtags(w, ctx);
  dump_containers(w, ctx);
  dump_insights(w, ctx);
}

}  // namespace igemu
