// Node types served by the emulator and the fields each one has (reference section 2). A name not
// listed here is a "nonexisting field" on that node type, exactly as the real API reports it.
#pragma once

#include <string_view>
#include <vector>

namespace igemu {

enum class NodeType { User, Page, IGUser, IGMedia };

enum class FieldKind {
  Scalar,   // plain JSON value
  NodeRef,  // {"id": …} by default, expandable with {sub-fields}
  Edge,     // {"data": [...], "paging": {...}}; also reachable as /{id}/{edge}
};

struct FieldDef {
  std::string_view name;
  FieldKind kind;
  NodeType target = NodeType::User;  // NodeRef/Edge: type of the referenced nodes
  // Edge only:
  bool paged = false;          // cursor paging (limit/after/before); otherwise all items, no paging
  bool time_filtered = false;  // since/until apply
  int default_limit = 25;
  int max_limit = 100;
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

}  // namespace igemu
