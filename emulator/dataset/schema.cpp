#include "dataset/schema.h"

#include <algorithm>

namespace igemu {
namespace {

FieldDef scalar(std::string_view name) {
  return FieldDef{name, FieldKind::Scalar};
}

FieldDef ref(std::string_view name, NodeType target, std::vector<std::string_view> default_subfields = {}) {
  FieldDef f{name, FieldKind::NodeRef, target};
  f.default_subfields = std::move(default_subfields);
  return f;
}

FieldDef special(std::string_view name, NodeType target) {
  return FieldDef{name, FieldKind::Special, target};
}

FieldDef edge(std::string_view name, NodeType target, bool paged, bool time_filtered,
              char cursor_kind = 'M') {
  FieldDef f{name, FieldKind::Edge, target};
  f.paged = paged;
  f.time_filtered = time_filtered;
  f.cursor_kind = cursor_kind;
  return f;
}

FieldDef limits(FieldDef f, int default_limit, int max_limit) {
  f.default_limit = default_limit;
  f.max_limit = max_limit;
  return f;
}

std::vector<FieldDef> ig_user_fields() {
  FieldDef tags = edge("tags", NodeType::IGMedia, true, false, 'T');
  tags.cursors_only = true;  // cursors, never next/previous
  tags.item_scope = Scope::Tagged;
  return {scalar("id"),
          scalar("username"),
          scalar("name"),
          scalar("biography"),
          scalar("website"),
          scalar("profile_picture_url"),
          scalar("followers_count"),
          scalar("follows_count"),
          scalar("media_count"),
          scalar("ig_id"),
          scalar("has_profile_pic"),
          scalar("is_published"),
          edge("media", NodeType::IGMedia, true, true),
          edge("stories", NodeType::IGMedia, true, false, 'S'),
          tags,
          limits(edge("recently_searched_hashtags", NodeType::IGHashtag, true, false, 'Q'), 25, 30),
          special("business_discovery", NodeType::ExtUser),
          special("mentioned_media", NodeType::IGMedia),
          special("mentioned_comment", NodeType::IGComment)};
}

const std::vector<NodeTypeDef>& all_types() {
  static const std::vector<NodeTypeDef> types = {
      // Facebook user behind the token. Unversioned real defaults: /me → name, id.
      {NodeType::User,
       "User",
       {scalar("id"), scalar("name"), edge("accounts", NodeType::Page, true, false, 'P')},
       {"name", "id"},
       {}},
      // Facebook Page. /me/accounts lists Pages with a richer default set than /{page-id}.
      {NodeType::Page,
       "Page",
       {scalar("id"), scalar("name"), scalar("category"), scalar("category_list"), scalar("tasks"),
        scalar("access_token"), ref("instagram_business_account", NodeType::IGUser),
        ref("connected_instagram_account", NodeType::IGUser)},
       {"name", "id"},
       {"access_token", "category", "category_list", "name", "id", "tasks"}},
      // Instagram professional account (graph.facebook.com flavour: no account_type / user_id).
      {NodeType::IGUser, "IGUser", ig_user_fields(), {"id"}, {}},
      // Another professional account, only ever rendered inside business_discovery.
      {NodeType::ExtUser, "IGUser", ig_user_fields(), {"id"}, {}},
      {NodeType::IGMedia,
       "IGMedia",
       {scalar("id"),
        scalar("caption"),
        scalar("media_type"),
        scalar("media_product_type"),
        scalar("media_url"),
        scalar("thumbnail_url"),
        scalar("permalink"),
        scalar("shortcode"),
        scalar("timestamp"),
        scalar("username"),
        ref("owner", NodeType::IGUser),
        scalar("like_count"),
        scalar("comments_count"),
        scalar("is_comment_enabled"),
        scalar("is_shared_to_feed"),
        scalar("alt_text"),
        scalar("ig_id"),
        scalar("shares_count"),
        scalar("reposts_count"),
        scalar("saved_count"),
        scalar("total_like_count"),
        scalar("total_comments_count"),
        scalar("total_views_count"),
        scalar("view_count"),
        edge("children", NodeType::IGMedia, false, false),
        limits(edge("comments", NodeType::IGComment, true, false, 'C'), 25, 50)},
       {"id"},
       {}},
      // Without `fields` comments come back as timestamp, text, id.
      {NodeType::IGComment,
       "IGComment",
       {scalar("id"), scalar("text"), scalar("timestamp"), scalar("username"), scalar("from"),
        ref("user", NodeType::IGUser), scalar("like_count"), scalar("hidden"),
        ref("media", NodeType::IGMedia, {"media_product_type"}), scalar("parent_id"),
        scalar("legacy_instagram_comment_id"),
        limits(edge("replies", NodeType::IGComment, true, false, 'R'), 25, 50)},
       {"timestamp", "text", "id"},
       {}},
      {NodeType::IGHashtag, "IGHashtag", {scalar("id"), scalar("name")}, {"id"}, {}},
      {NodeType::IGContainer,
       "IGContainer",
       {scalar("id"), scalar("status_code"), scalar("status"), scalar("copyright_check_status")},
       {"id"},
       {}},
  };
  return types;
}

bool listed(std::initializer_list<std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

const NodeTypeDef& node_type_def(NodeType type) {
  for (const NodeTypeDef& t : all_types()) {
    if (t.type == type) return t;
  }
  return all_types().front();  // unreachable: every enumerator has an entry
}

const FieldDef* find_field(NodeType type, std::string_view name) {
  for (const FieldDef& f : node_type_def(type).fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool is_public_media_field(std::string_view name) {
  return listed(
      {"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url", "permalink",
       "shortcode", "timestamp", "username", "like_count", "comments_count", "children"},
      name);
}

bool is_hashtag_media_field(std::string_view name) {
  // The returnable fields of hashtag media; username cannot be requested.
  return listed({"id", "caption", "children", "comments_count", "like_count", "media_type", "media_url",
                 "permalink", "timestamp"},
                name);
}

bool is_discovery_user_field(std::string_view name) {
  return listed({"id", "username", "name", "biography", "website", "profile_picture_url", "followers_count",
                 "follows_count", "media_count", "ig_id", "media"},
                name);
}

}  // namespace igemu
