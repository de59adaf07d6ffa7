#include "schema.h"

namespace igemu {
namespace {

FieldDef scalar(std::string_view name) {
  return FieldDef{name, FieldKind::Scalar};
}

FieldDef ref(std::string_view name, NodeType target) {
  return FieldDef{name, FieldKind::NodeRef, target};
}

FieldDef edge(std::string_view name, NodeType target, bool paged, bool time_filtered) {
  FieldDef f{name, FieldKind::Edge, target};
  f.paged = paged;
  f.time_filtered = time_filtered;
  return f;
}

const std::vector<NodeTypeDef>& all_types() {
  static const std::vector<NodeTypeDef> types = {
      // Facebook user behind the token. Unversioned real defaults: /me → name, id.
      {NodeType::User,
       "User",
       {scalar("id"), scalar("name"), edge("accounts", NodeType::Page, true, false)},
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
      {NodeType::IGUser,
       "IGUser",
       {scalar("id"), scalar("username"), scalar("name"), scalar("biography"), scalar("website"),
        scalar("profile_picture_url"), scalar("followers_count"), scalar("follows_count"),
        scalar("media_count"), scalar("ig_id"), scalar("has_profile_pic"), scalar("is_published"),
        edge("media", NodeType::IGMedia, true, true)},
       {"id"},
       {}},
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
        edge("children", NodeType::IGMedia, false, false)},
       {"id"},
       {}},
  };
  return types;
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

}  // namespace igemu
