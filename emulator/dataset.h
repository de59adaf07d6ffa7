// The emulator's world, generated deterministically from a seed: one Facebook user managing four
// Pages, three of them linked to Instagram professional accounts with 1,200 / ~150 / ~40 media.
//
// Field values are stored pre-serialized (JSON text) and only for fields that have a value, so a
// missing key in the response is simply a missing entry here (the API omits, never nulls).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "schema.h"

namespace igemu {

class FieldValues {
 public:
  const std::string* get(std::string_view name) const;
  void set(std::string name, std::string json);
  const std::vector<std::pair<std::string, std::string>>& all() const { return values_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;  // in schema order
};

enum class MediaKind { Image, FeedVideo, Reel, Album, ChildImage, ChildVideo };

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

struct AccountRec {
  std::string id;
  FieldValues fields;
  std::vector<int> media;  // top-level media, newest first (the /media order)
  int page = -1;
};

struct MediaRec {
  std::string id;
  FieldValues fields;
  MediaKind kind = MediaKind::Image;
  int owner = -1;   // account index
  int parent = -1;  // album index for carousel children, else -1
  std::vector<int> children;
  int64_t timestamp = 0;  // Unix seconds
};

struct NodeHandle {
  NodeType type;
  int index;  // into pages/accounts/media; 0 for the user
};

class Dataset {
 public:
  static Dataset generate(uint64_t seed);

  // Newest media timestamp; everything else lies before it.
  static constexpr int64_t kAnchor = 1793534400;  // 2026-11-01T12:00:00+0000

  std::optional<NodeHandle> find(std::string_view id) const;
  const std::string& id_of(NodeHandle h) const;
  const FieldValues& fields_of(NodeHandle h) const;
  // The IG account a node belongs to (for BUC rate-limit headers), or -1.
  int account_of(NodeHandle h) const;

  uint64_t seed = 0;
  UserRec user;
  std::vector<PageRec> pages;
  std::vector<AccountRec> accounts;
  std::vector<MediaRec> media;  // top-level media and carousel children

 private:
  void build_index();
  std::unordered_map<std::string, NodeHandle> index_;
};

}  // namespace igemu
