#include "render.h"

#include <algorithm>

#include "errors.h"
#include "paging.h"
#include "timefmt.h"

namespace igemu {
namespace {

// limit: default per edge, clamped into [1, max] (ref 4.4: an emulator should clamp to the max).
// Non-numeric or negative values are rejected.
size_t parse_limit(const std::optional<std::string>& text, const FieldDef& edge) {
  if (!text || text->empty()) return static_cast<size_t>(edge.default_limit);
  uint64_t v = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') throw errors::invalid_parameter("Param limit must be a non-negative integer");
    v = std::min<uint64_t>(v * 10 + static_cast<uint64_t>(c - '0'), 1u << 30);  // saturate, never overflow
  }
  return static_cast<size_t>(std::clamp<uint64_t>(v, 1, static_cast<uint64_t>(edge.max_limit)));
}

std::optional<int64_t> parse_time(const std::optional<std::string>& text, const char* name) {
  if (!text) return std::nullopt;
  std::optional<int64_t> t = parse_time_param(*text);
  if (!t) throw errors::invalid_parameter(std::string("Param ") + name + " must be a valid unix timestamp");
  return t;
}

char cursor_kind(const FieldDef& edge) {
  return edge.target == NodeType::Page ? 'P' : 'M';
}

std::optional<NodeHandle> resolve_ref(const Dataset& data, NodeHandle node, std::string_view name) {
  if (node.type == NodeType::Page) {
    const PageRec& p = data.pages[node.index];
    const int account = name == "instagram_business_account" ? p.ig_account : p.connected_account;
    if (account >= 0) return NodeHandle{NodeType::IGUser, account};
  } else if (node.type == NodeType::IGMedia && name == "owner") {
    const MediaRec& m = data.media[node.index];
    if (m.parent < 0) return NodeHandle{NodeType::IGUser, m.owner};  // album children carry no owner
  }
  return std::nullopt;
}

EdgeParams params_from_modifiers(const FieldSpec& spec) {
  EdgeParams p;
  for (const FieldModifier& m : spec.modifiers) {
    if (m.name == "limit") p.limit = m.argument;
    if (m.name == "after") p.after = m.argument;
    if (m.name == "before") p.before = m.argument;
    if (m.name == "since") p.since = m.argument;
    if (m.name == "until") p.until = m.argument;
  }
  return p;
}

// Nested edges page through the edge's own endpoint: /{ver}/{node-id}/{edge}?access_token=…&limit=…&fields=…
std::string nested_url(const RenderContext& ctx, NodeHandle node, const FieldSpec& spec, const FieldDef& edge,
                       std::string_view key, std::string_view cursor) {
  const EdgeParams p = params_from_modifiers(spec);
  std::string url = ctx.base_url + "/" + ctx.version + "/" + ctx.data.id_of(node) + "/" +
                    std::string(edge.name) + "?access_token=" + url_encode(ctx.access_token) +
                    "&limit=" + std::to_string(parse_limit(p.limit, edge));
  if (spec.has_subfields) url += "&fields=" + url_encode(serialize_fields(spec.subfields));
  if (p.since) url += "&since=" + url_encode(*p.since);
  if (p.until) url += "&until=" + url_encode(*p.until);
  url += "&" + std::string(key) + "=" + url_encode(cursor);
  return url;
}

void render_field(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldSpec& spec) {
  const FieldDef* def = find_field(node.type, spec.name);
  if (!def) return;  // validated before rendering
  switch (def->kind) {
    case FieldKind::Scalar: {
      if (spec.name == "id") {
        w.key("id").string(ctx.data.id_of(node));
      } else if (const std::string* v = ctx.data.fields_of(node).get(spec.name)) {
        w.key(spec.name).raw(*v);
      }
      return;
    }
    case FieldKind::NodeRef: {
      const std::optional<NodeHandle> target = resolve_ref(ctx.data, node, spec.name);
      if (!target) return;
      w.key(spec.name);
      if (spec.has_subfields) {
        render_node(w, ctx, *target, &spec.subfields, Listing::Direct);
      } else {
        w.begin_object().key("id").string(ctx.data.id_of(*target)).end_object();
      }
      return;
    }
    case FieldKind::Edge: {
      const EdgePage page = compute_edge_page(ctx.data, node, *def, params_from_modifiers(spec));
      if (page.items.empty()) return;  // observed: nested edges without items are left out entirely
      w.key(spec.name);
      write_edge_page(w, ctx, page, spec.has_subfields ? &spec.subfields : nullptr,
                      [&](std::string_view key, std::string_view cursor) {
                        return nested_url(ctx, node, spec, *def, key, cursor);
                      });
      return;
    }
  }
}

}  // namespace

void validate_fields(NodeType type, const FieldList& fields) {
  const NodeTypeDef& def = node_type_def(type);
  for (const FieldSpec& spec : fields) {
    const FieldDef* f = find_field(type, spec.name);
    if (!f) throw errors::nonexisting_field(spec.name, std::string(def.graph_name));
    switch (f->kind) {
      case FieldKind::Scalar:
        if (!spec.modifiers.empty() || spec.has_subfields)
          throw errors::unknown_fields(serialize_field(spec));
        break;
      case FieldKind::NodeRef:
        if (!spec.modifiers.empty()) throw errors::unknown_fields(serialize_field(spec));
        if (spec.has_subfields) validate_fields(f->target, spec.subfields);
        break;
      case FieldKind::Edge: {
        for (const FieldModifier& m : spec.modifiers) {
          const bool ok = m.name == "limit" || m.name == "after" || m.name == "before" ||
                          (f->time_filtered && (m.name == "since" || m.name == "until"));
          if (!ok) throw errors::unknown_fields(serialize_field(spec));
        }
        const EdgeParams p = params_from_modifiers(spec);
        parse_limit(p.limit, *f);
        parse_time(p.since, "since");
        parse_time(p.until, "until");
        if (spec.has_subfields) validate_fields(f->target, spec.subfields);
        break;
      }
    }
  }
}

void render_node(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldList* fields,
                 Listing how) {
  w.begin_object();
  if (!fields) {
    const NodeTypeDef& def = node_type_def(node.type);
    const auto& names = how == Listing::ViaEdge && !def.edge_default_fields.empty() ? def.edge_default_fields
                                                                                    : def.default_fields;
    for (std::string_view name : names)
      render_field(w, ctx, node, FieldSpec{std::string(name), {}, false, {}});
  } else {
    bool has_id = false;
    for (const FieldSpec& spec : *fields) {
      render_field(w, ctx, node, spec);
      has_id = has_id || spec.name == "id";
    }
    if (!has_id) w.key("id").string(ctx.data.id_of(node));
  }
  w.end_object();
}

std::vector<NodeHandle> edge_items(const Dataset& data, NodeHandle owner, const FieldDef& edge) {
  std::vector<NodeHandle> items;
  auto add = [&](const std::vector<int>& indexes, NodeType type) {
    for (int i : indexes) items.push_back(NodeHandle{type, i});
  };
  if (owner.type == NodeType::User && edge.name == "accounts") add(data.user.pages, NodeType::Page);
  if (owner.type == NodeType::IGUser && edge.name == "media")
    add(data.accounts[owner.index].media, NodeType::IGMedia);
  if (owner.type == NodeType::IGMedia && edge.name == "children") {
    add(data.media[owner.index].children, NodeType::IGMedia);
  }
  return items;
}

EdgePage compute_edge_page(const Dataset& data, NodeHandle owner, const FieldDef& edge,
                           const EdgeParams& params) {
  EdgePage page;
  const std::vector<NodeHandle> all = edge_items(data, owner, edge);
  if (!edge.paged) {  // e.g. album children: every item (at most 10), no paging object
    page.items = all;
    return page;
  }
  page.paged = true;
  const size_t limit = parse_limit(params.limit, edge);

  // since inclusive, until exclusive, on the media timestamp.
  const std::optional<int64_t> since = edge.time_filtered ? parse_time(params.since, "since") : std::nullopt;
  const std::optional<int64_t> until = edge.time_filtered ? parse_time(params.until, "until") : std::nullopt;
  std::vector<size_t> positions;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].type == NodeType::IGMedia) {
      const int64_t ts = data.media[all[i].index].timestamp;
      if ((since && ts < *since) || (until && ts >= *until)) continue;
    }
    positions.push_back(i);
  }

  // A cursor must name an item of this very list; anything else is rejected.
  auto cursor_position = [&](const std::optional<std::string>& text,
                             const char* which) -> std::optional<size_t> {
    if (!text) return std::nullopt;
    const std::optional<Cursor> c = decode_cursor(data.seed, *text);
    if (c && c->kind == cursor_kind(edge)) {
      for (size_t i = 0; i < all.size(); ++i) {
        if (data.id_of(all[i]) == c->id) return i;
      }
    }
    throw errors::invalid_parameter(std::string("The ") + which + " Cursor specified is invalid");
  };
  const std::optional<size_t> after = cursor_position(params.after, "After");
  const std::optional<size_t> before = after ? std::nullopt : cursor_position(params.before, "Before");

  const PageWindow win = select_window(positions, after, before, limit);
  for (size_t i = win.begin; i < win.end; ++i) page.items.push_back(all[positions[i]]);
  if (!page.items.empty()) {
    page.before_cursor = encode_cursor(data.seed, {cursor_kind(edge), data.id_of(page.items.front())});
    page.after_cursor = encode_cursor(data.seed, {cursor_kind(edge), data.id_of(page.items.back())});
  }
  page.has_previous = win.has_previous;
  page.has_next = win.has_next;
  return page;
}

void write_edge_page(JsonWriter& w, const RenderContext& ctx, const EdgePage& page, const FieldList* fields,
                     const PagingUrl& url) {
  w.begin_object().key("data").begin_array();
  for (NodeHandle item : page.items) render_node(w, ctx, item, fields, Listing::ViaEdge);
  w.end_array();
  // Empty collections come back as {"data": []} without paging (ref 10.3).
  if (page.paged && !page.items.empty()) {
    w.key("paging").begin_object();
    w.key("cursors")
        .begin_object()
        .key("before")
        .string(page.before_cursor)
        .key("after")
        .string(page.after_cursor);
    w.end_object();
    if (page.has_previous) w.key("previous").string(url("before", page.before_cursor));
    if (page.has_next) w.key("next").string(url("after", page.after_cursor));
    w.end_object();
  }
  w.end_object();
}

}  // namespace igemu
