#include "dataset/dump.h"

#include "api/render.h"
#include "dataset/dump_internal.h"
#include "dataset/schema.h"
#include "server/json.h"
#include "server/timefmt.h"

namespace igemu {

FieldList dump_fields(NodeType type, Scope scope, bool with_children) {
  FieldList list;
  for (const FieldDef& f : node_type_def(type).fields) {
    if (f.kind == FieldKind::Special) continue;
    if (f.kind == FieldKind::Edge) {
      if (!with_children || f.name != "children") continue;
      list.push_back(FieldSpec{std::string(f.name), {}, true, dump_fields(f.target, scope, false)});
      continue;
    }
    // Fields the scope refuses (view_count outside discovery, hashtag media's short list) are left out.
    if (type == NodeType::IGMedia) {
      if (f.name == "view_count" && scope != Scope::Discovery) continue;
      if (scope == Scope::Hashtag && !is_hashtag_media_field(f.name)) continue;
    }
    if ((type == NodeType::IGUser || type == NodeType::ExtUser) && scope == Scope::Discovery &&
        !is_discovery_user_field(f.name))
      continue;
    list.push_back(FieldSpec{std::string(f.name), {}, false, {}});
  }
  return list;
}

void dump_media_list(JsonWriter& w, const RenderContext& ctx, const std::vector<int>& list, Scope scope) {
  const FieldList fields = dump_fields(NodeType::IGMedia, scope, true);
  w.begin_array();
  for (int m : list) render_node(w, ctx, NodeHandle{NodeType::IGMedia, m}, &fields, Listing::Direct, scope);
  w.end_array();
}

std::string dump_dataset_json(const Dataset& data, int64_t now) {
  const RenderContext ctx{data, "", "v24.0", "", now};
  JsonWriter w;
  w.begin_object();
  w.key("seed").integer(static_cast<int64_t>(data.seed));
  w.key("anchor").string(format_graph_timestamp(Dataset::kAnchor));
  w.key("now").string(format_graph_timestamp(now));

  const FieldList user_fields = dump_fields(NodeType::User, Scope::Own, false);
  w.key("user");
  render_node(w, ctx, NodeHandle{NodeType::User, 0}, &user_fields, Listing::Direct);

  const FieldList page_fields = dump_fields(NodeType::Page, Scope::Own, false);
  w.key("pages").begin_array();
  for (size_t i = 0; i < data.pages.size(); ++i) {
    render_node(w, ctx, NodeHandle{NodeType::Page, static_cast<int>(i)}, &page_fields, Listing::Direct);
  }
  w.end_array();

  const FieldList account_fields = dump_fields(NodeType::IGUser, Scope::Own, false);
  w.key("accounts").begin_array();
  for (size_t i = 0; i < data.accounts.size(); ++i) {
    render_node(w, ctx, NodeHandle{NodeType::IGUser, static_cast<int>(i)}, &account_fields, Listing::Direct);
  }
  w.end_array();

  w.key("media").begin_object();
  for (const AccountRec& a : data.accounts) {
    w.key(a.id);
    dump_media_list(w, ctx, a.media, Scope::Own);
  }
  w.end_object();

  dump_extras(w, ctx);
  w.end_object();
  return w.take();
}

}  // namespace igemu
