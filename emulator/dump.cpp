#include "dump.h"

#include "json.h"
#include "render.h"
#include "schema.h"
#include "timefmt.h"

namespace igemu {
namespace {

// Every field of a node type; edges are expanded only when `with_children` (album children).
FieldList all_fields(NodeType type, bool with_children) {
  FieldList list;
  for (const FieldDef& f : node_type_def(type).fields) {
    if (f.kind == FieldKind::Edge) {
      if (!with_children || f.name != "children") continue;
      list.push_back(FieldSpec{std::string(f.name), {}, true, all_fields(f.target, false)});
    } else {
      list.push_back(FieldSpec{std::string(f.name), {}, false, {}});
    }
  }
  return list;
}

}  // namespace

std::string dump_dataset_json(const Dataset& data) {
  const RenderContext ctx{data, "", "v24.0", ""};
  JsonWriter w;
  w.begin_object();
  w.key("seed").integer(static_cast<int64_t>(data.seed));
  w.key("anchor").string(format_graph_timestamp(Dataset::kAnchor));

  const FieldList user_fields = all_fields(NodeType::User, false);
  w.key("user");
  render_node(w, ctx, NodeHandle{NodeType::User, 0}, &user_fields, Listing::Direct);

  const FieldList page_fields = all_fields(NodeType::Page, false);
  w.key("pages").begin_array();
  for (size_t i = 0; i < data.pages.size(); ++i) {
    render_node(w, ctx, NodeHandle{NodeType::Page, static_cast<int>(i)}, &page_fields, Listing::Direct);
  }
  w.end_array();

  const FieldList account_fields = all_fields(NodeType::IGUser, false);
  w.key("accounts").begin_array();
  for (size_t i = 0; i < data.accounts.size(); ++i) {
    render_node(w, ctx, NodeHandle{NodeType::IGUser, static_cast<int>(i)}, &account_fields, Listing::Direct);
  }
  w.end_array();

  const FieldList media_fields = all_fields(NodeType::IGMedia, true);
  w.key("media").begin_object();
  for (const AccountRec& a : data.accounts) {
    w.key(a.id).begin_array();
    for (int m : a.media)
      render_node(w, ctx, NodeHandle{NodeType::IGMedia, m}, &media_fields, Listing::Direct);
    w.end_array();
  }
  w.end_object();
  w.end_object();
  return w.take();
}

}  // namespace igemu
