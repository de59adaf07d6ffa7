// Node types served by the emulator and the fields each one has. A name not
// listed here is a "nonexisting field" on that node type, exactly as the real API reports it.
#pragma once

#include <string_view>
#include <vector>

namespace igemu {

// ExtUser: another professional account, seen only through business discovery.
enum class NodeType { User, Page, IGUser, ExtUser, IGMedia, IGComment, IGHashtag, IGContainer };

enum class FieldKind {
  Scalar,   // plain JSON value
  NodeRef,  // {"id": …} by default, expandable with {sub-fields}
  Edge,     // {"data": [...], "paging": {...}}; also reachable as /{id}/{edge}
  Special,  // expansion with an argument: business_discovery.username(x), mentioned_media.media_id(x), …
};

// Whose eyes a node is seen through. Other people's objects show only public fields, and the
// real API has a few per-surface rules (view_count only in business discovery, hashtag media
// without username).
enum class Scope {
  Own,        // the app user's own objects
  Discovery,  // business_discovery
  Tagged,     // /{ig}/tags
  Mention,    // mentioned_media / mentioned_comment
  Hashtag,    // /{hashtag}/top_media, /recent_media
};

struct FieldDef {
  std::string_view name;
  FieldKind kind;
  NodeType target = NodeType::User;  // NodeRef/Edge: type of the referenced nodes
  // Edge only:
  bool paged = false;          // cursor paging (limit/after/before); otherwise all items, no paging
  bool time_filtered = false;  // since/until apply
  bool cursors_only = false;   // paging carries cursors but never next/previous URLs
  int default_limit = 25;
  int max_limit = 100;
  char cursor_kind = 'M';         // tells cursors of different lists apart
  Scope item_scope = Scope::Own;  // Own: items keep the scope of the parent
  // NodeRef only: sub-fields rendered when the reference is not expanded (besides id).
  std::vector<std::string_view> default_subfields = {};
};

struct NodeTypeDef {
  NodeType type;
  std::string_view graph_name;  // as named in "(#100) … on node type (IGMedia)"
  std::vector<FieldDef> fields;
  std::vector<std::string_view> default_fields;       // returned when `fields` is absent
  std::vector<std::string_view> edge_default_fields;  // … when listed through an edge, if different
};

const NodeTypeDef& node_type_def(NodeType type);
const FieldDef* find_field(NodeType type, std::string_view name);

// Fields other people's media show (business discovery, tags, mentions). view_count is added only
// in business discovery; hashtag media have their own, shorter list.
bool is_public_media_field(std::string_view name);
bool is_hashtag_media_field(std::string_view name);
// IG user fields business discovery can read.
bool is_discovery_user_field(std::string_view name);

}  // namespace igemu
