// The feed media field table: one generator per stored IGMedia field, each formatting the media's
// facts with its own random stream. (Later media use media_builder.cpp instead.)
#include <optional>
#include <string>
#include <vector>

#include "dataset/feed_media.h"
#include "server/json.h"
#include "server/rng.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

using namespace gen;
using Opt = std::optional<std::string>;

// What a field generator reads: the record, its decided facts and its owner.
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
         return json_quote(is_feed_video(in.media.kind) ? "VIDEO" : "IMAGE");
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
         return json_quote(is_feed_video(in.media.kind) ? video_url(r) : image_url(r));
       }},
      {"thumbnail_url",
       [](const MediaGenInput& in, Rng& r) -> Opt {
         if (!is_feed_video(in.media.kind)) return std::nullopt;
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
         if (is_child(in.media) || !is_feed_video(in.media.kind)) return std::nullopt;
         return num(in.facts.views + in.facts.boost_views);
       }},
  };
  return gens;
}

}  // namespace

void fill_feed_media_fields(Dataset& ds, uint64_t seed, int index, const MediaFacts& facts) {
  MediaRec& m = ds.media[index];
  const MediaGenInput in{seed, ds, m, facts, ds.accounts[m.owner]};
  for (const MediaFieldGen& g : media_generators()) {
    Rng r = Rng::stream(seed, m.id, g.name);
    if (Opt v = g.generate(in, r)) m.fields.set(g.name, std::move(*v));
  }
}

}  // namespace igemu
