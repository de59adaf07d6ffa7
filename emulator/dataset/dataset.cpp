// Dataset's records and look-ups: field storage, the id index of the directly addressable nodes,
// and finding accounts and hashtags by name. Generation lives in dataset_generate.cpp.
#include "dataset/dataset.h"

#include "dataset/gen_util.h"
#include "server/json.h"
#include "server/rng.h"

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
