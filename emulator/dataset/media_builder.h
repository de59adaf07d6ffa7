// Field values for media created after the first release of the generator: stories, other
// accounts' media, and media published through the API at run time. (The original feed media keep
// their own generator table in feed_media_fields.cpp so their values never change.)
#pragma once

#include <cstdint>
#include <string>

#include "dataset/dataset.h"

namespace igemu {

struct MediaSpec {
  std::string caption;   // empty: no caption
  std::string username;  // the owner's username
  std::string owner_ig_id;
  bool own = true;  // own media carry the owner-only counts (saved_count, total_*, …)
  bool likes_hidden = false;
  bool copyright_flagged = false;  // media_url omitted
  bool shared_to_feed = true;      // reels
  bool comments_enabled = true;
  std::string alt_text;
  std::string media_url;  // empty: a generated CDN URL
};

// Fills m.fields from the record (id, kind, timestamp, stats, children) and `spec`; every field
// draws from its own stream keyed by the media id.
void fill_media(Dataset& ds, int media, const MediaSpec& spec);

// A random shortcode in the shape of real ones (11 characters, C or D first).
std::string make_shortcode(uint64_t seed, const std::string& media_id);

}  // namespace igemu
