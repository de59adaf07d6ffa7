// The first release's feed media (each own account's /media timeline): facts decided per media up
// front (feed_media.cpp), then one generator per field that formats them (feed_media_fields.cpp).
// Their random streams and call order are fixed, so these ids and values never change.
#pragma once

#include <cstdint>

#include "dataset/dataset.h"
#include "dataset/gen_util.h"

namespace igemu {

// Kind, visibility flags and counts of one feed media. The field generators only format these;
// incidental values (URLs, text) come from each field's own random stream.
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

// Video kinds among feed media and album children (stories never reach these generators).
inline bool is_feed_video(MediaKind k) {
  return k == MediaKind::FeedVideo || k == MediaKind::Reel || k == MediaKind::ChildVideo;
}

// Appends `count` top-level media of own account `account` to ds.media, newest first, the newest
// `first_offset` seconds before Dataset::kAnchor; album children follow their album.
void generate_feed_media(Dataset& ds, gen::IdAllocator& ids, uint64_t seed, int account, int count,
                         int64_t first_offset);

// Sets ds.media[index].fields from the record and `facts` (feed_media_fields.cpp).
void fill_feed_media_fields(Dataset& ds, uint64_t seed, int index, const MediaFacts& facts);

}  // namespace igemu
