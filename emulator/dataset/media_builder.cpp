#include "dataset/media_builder.h"

#include "dataset/gen_util.h"
#include "server/json.h"
#include "server/timefmt.h"

namespace igemu {

using namespace gen;

std::string make_shortcode(uint64_t seed, const std::string& media_id) {
  Rng r = Rng::stream(seed, media_id, "shortcode");
  return std::string(1, r.chance(0.5) ? 'C' : 'D') + b64(r, 10);
}

void fill_media(Dataset& ds, int index, const MediaSpec& spec) {
  MediaRec& m = ds.media[index];
  const bool child = m.parent >= 0;
  const bool story = is_story_kind(m.kind);
  const bool video = is_video_kind(m.kind);
  const bool album = m.kind == MediaKind::Album;
  auto stream = [&](const char* field) { return Rng::stream(ds.seed, m.id, field); };
  FieldValues& f = m.fields;

  if (!child && !spec.caption.empty()) f.set("caption", json_quote(spec.caption));
  f.set("media_type", json_quote(album ? "CAROUSEL_ALBUM" : video ? "VIDEO" : "IMAGE"));
  if (!child) {
    f.set("media_product_type", json_quote(story ? "STORY" : m.kind == MediaKind::Reel ? "REELS" : "FEED"));
  }
  if (!spec.copyright_flagged) {
    if (!spec.media_url.empty()) {
      f.set("media_url", json_quote(spec.media_url));
    } else if (album) {
      if (!m.children.empty()) {
        if (const std::string* first = ds.media[m.children.front()].fields.get("media_url"))
          f.set("media_url", *first);
      }
    } else {
      Rng r = stream("media_url");
      f.set("media_url", json_quote(video ? video_url(r) : image_url(r)));
    }
  }
  if (video) {
    Rng r = stream("thumbnail_url");
    f.set("thumbnail_url", json_quote(image_url(r)));
  }
  if (!child) {
    const std::string code = make_shortcode(ds.seed, m.id);
    if (story) {
      Rng r = stream("permalink");
      f.set("permalink",
            json_quote("https://www.instagram.com/stories/" + spec.username + "/3" + digits(r, 18) + "/"));
    } else {
      const char* kind = m.kind == MediaKind::Reel ? "reel" : "p";
      f.set("permalink", json_quote(std::string("https://www.instagram.com/") + kind + "/" + code + "/"));
    }
    f.set("shortcode", json_quote(code));
  }
  f.set("timestamp", json_quote(format_graph_timestamp(m.timestamp)));
  if (child || story) {
    if (!child) f.set("username", json_quote(spec.username));
    return;  // stories carry no counts; children none of the fields below
  }
  f.set("username", json_quote(spec.username));
  if (!spec.likes_hidden) f.set("like_count", num(m.stats.likes));
  f.set("comments_count", num(m.stats.comments));
  if (!spec.own) return;  // other people's media show only public fields
  f.set("is_comment_enabled", boolean(spec.comments_enabled));
  if (m.kind == MediaKind::Reel) f.set("is_shared_to_feed", boolean(spec.shared_to_feed));
  if (m.kind == MediaKind::Image && !spec.alt_text.empty()) f.set("alt_text", json_quote(spec.alt_text));
  {
    Rng r = stream("ig_id");
    f.set("ig_id", json_quote("3" + digits(r, 18) + "_" + spec.owner_ig_id));
  }
  f.set("shares_count", num(m.stats.shares));
  f.set("reposts_count", num(m.stats.reposts));
  f.set("saved_count", num(m.stats.saved));
  if (!spec.likes_hidden) f.set("total_like_count", num(m.stats.likes + m.stats.boost_likes));
  f.set("total_comments_count", num(m.stats.comments + m.stats.boost_comments));
  if (video) f.set("total_views_count", num(m.stats.views + m.stats.boost_views));
}

}  // namespace igemu
