// The emulator's world, generated deterministically from a seed: one Facebook user managing four
// Pages, three of them linked to Instagram professional accounts with 1,200 / ~150 / ~40 media, plus
// everything around them: comments and replies, stories, other professional accounts (business
// discovery, tags, mentions), hashtags with their public media, publishing containers.
//
// Field values are stored pre-serialized (JSON text) and only for fields that have a value, so a
// missing key in the response is simply a missing entry here (the API omits, never nulls).
//
// The dataset is also the emulator's state: GraphApi owns a copy and writes (comments, publishing,
// deletes, hashtag searches) change it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dataset/schema.h"

namespace igemu {

class FieldValues {
 public:
  const std::string* get(std::string_view name) const;
  void set(std::string name, std::string json);
  void erase(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& all() const { return values_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;  // in schema order
};

enum class MediaKind { Image, FeedVideo, Reel, Album, ChildImage, ChildVideo, StoryImage, StoryVideo };

bool is_video_kind(MediaKind k);
bool is_story_kind(MediaKind k);

struct UserRec {
  std::string id;
  FieldValues fields;
  std::vector<int> pages;  // as /me/accounts lists them
};

struct PageRec {
  std::string id;
  FieldValues fields;
  int ig_account = -1;         // instagram_business_account, or -1
  int connected_account = -1;  // connected_instagram_account, or -1
};

// When a hashtag counted against an account's weekly search quota.
struct HashtagSearch {
  int hashtag = -1;
  int64_t first_searched = 0;  // re-searching does not reset it
};

// Our own accounts and, in Dataset::externals, other professional accounts (business discovery).
struct AccountRec {
  std::string id;
  FieldValues fields;
  std::vector<int> media;  // top-level media, newest first (the /media order)
  int page = -1;
  // Own accounts only:
  std::vector<int> stories;             // newest first, live or expired (/stories shows the live ones)
  std::vector<int> tagged;              // other accounts' media tagging this account, newest first
  std::vector<int> mentioned_media;     // other accounts' media whose caption mentions this account
  std::vector<int> mentioned_comments;  // comments on other accounts' media mentioning this account
  std::vector<HashtagSearch> hashtag_searches;
  std::vector<int64_t> publishes;  // when media_publish succeeded (content_publishing_limit)
  std::vector<int64_t> containers_created;
  int64_t business_since = 0;  // media older than this predate the business conversion (2108006)
  std::string igsid;           // the account's Instagram-scoped id, as `from.id` of its own comments
};

// Counts behind the media fields and insights (organic unless named boost_*).
struct MediaStats {
  int64_t likes = 0, comments = 0, shares = 0, reposts = 0, saved = 0, views = 0;
  int64_t boost_likes = 0, boost_comments = 0, boost_views = 0;
};

struct MediaRec {
  std::string id;
  FieldValues fields;
  MediaKind kind = MediaKind::Image;
  int owner = -1;      // own account index, or -1 for other people's media
  int ext_owner = -1;  // index into Dataset::externals for other accounts' media, else -1
  int parent = -1;     // album index for carousel children, else -1
  std::vector<int> children;
  std::vector<int> comments;  // top-level comments, newest first
  int64_t timestamp = 0;      // Unix seconds
  MediaStats stats;
  bool reached_facebook = false;  // facebook_views answers (otherwise the metric fails)
  bool crossposted = false;       // reels: crossposted_views answers
  bool deleted = false;
};

struct CommentRec {
  std::string id;
  FieldValues fields;  // text, timestamp, username, from, like_count, hidden, parent_id, …
  int media = -1;
  int parent = -1;           // top-level comment of a reply, else -1
  int author_account = -1;   // own account that wrote it (renders `user`), else -1
  std::vector<int> replies;  // oldest first
  int64_t timestamp = 0;
  bool deleted = false;
};

struct HashtagRec {
  std::string id;
  std::string name;               // lower case, without '#'
  std::vector<int> top_media;     // most popular first
  std::vector<int> recent_media;  // not chronological; /recent_media keeps the last 24 h
};

// A publishing container. Its status is computed from these facts and the clock.
struct ContainerRec {
  std::string id;
  int account = -1;
  std::string media_type;  // IMAGE, VIDEO (carousel item), REELS, STORIES, CAROUSEL
  bool carousel_item = false;
  std::string image_url, video_url, caption, alt_text;
  std::vector<int> children;  // container indexes (CAROUSEL)
  int64_t created = 0;
  int status_reads = 0;         // video containers finish on the third status read (or after 30 s of clock)
  int error_subcode = 0;        // ERROR when set (e.g. 2207026 unsupported video)
  std::string published_media;  // PUBLISHED when set
};

struct NodeHandle {
  NodeType type;
  int index;  // into the vector of that type; 0 for the user
};

class Dataset {
 public:
  static Dataset generate(uint64_t seed);

  // Newest media timestamp; everything else lies before it.
  static constexpr int64_t kAnchor = 1793534400;  // 2026-11-01T12:00:00+0000
  // The emulator clock's default: one hour after the anchor.
  static constexpr int64_t kDefaultNow = kAnchor + 3600;

  // Directly addressable nodes (GET /{id}); other accounts' objects are not.
  std::optional<NodeHandle> find(std::string_view id) const;
  const std::string& id_of(NodeHandle h) const;
  const FieldValues& fields_of(NodeHandle h) const;
  // The own IG account a node belongs to (for BUC rate-limit headers), or -1.
  int account_of(NodeHandle h) const;
  int account_by_username(std::string_view username) const;   // own accounts, or -1
  int external_by_username(std::string_view username) const;  // other accounts, or -1
  int hashtag_by_name(std::string_view name) const;

  void index_node(const std::string& id, NodeHandle h) { index_[id] = h; }
  // A fresh 17/18-digit id for an object created at run time (comment, container, published
  // media); deterministic: the n-th id of a run is always the same.
  std::string new_runtime_id();
  void unindex(const std::string& id) { index_.erase(id); }

  uint64_t seed = 0;
  UserRec user;
  std::vector<PageRec> pages;
  std::vector<AccountRec> accounts;
  std::vector<AccountRec> externals;  // other professional accounts
  std::vector<MediaRec> media;        // own media, children, stories, other accounts' media
  std::vector<CommentRec> comments;
  std::vector<HashtagRec> hashtags;
  std::vector<ContainerRec> containers;

  void build_index();

 private:
  uint64_t runtime_ids_ = 0;
  std::unordered_map<std::string, NodeHandle> index_;
};

}  // namespace igemu
