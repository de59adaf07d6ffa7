#include "api/render.h"

#include <algorithm>

#include "api/render_internal.h"
#include "server/errors.h"
#include "server/paging.h"
#include "server/timefmt.h"

namespace igemu {

std::optional<int64_t> parse_time(const std::optional<std::string>& text, const char* name) {
  if (!text) return std::nullopt;
  std::optional<int64_t> t = parse_time_param(*text);
  if (!t) throw errors::invalid_parameter(std::string("Param ") + name + " must be a valid unix timestamp");
  return t;
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

namespace {

// Items seen through another surface keep that surface; edges of own objects keep the parent's.
Scope item_scope(const FieldDef& edge, Scope parent) {
  return edge.item_scope != Scope::Own ? edge.item_scope : parent;
}

std::optional<NodeHandle> resolve_ref(const Dataset& data, NodeHandle node, std::string_view name,
                                      Scope scope) {
  if (node.type == NodeType::Page) {
    const PageRec& p = data.pages[node.index];
    const int account = name == "instagram_business_account" ? p.ig_account : p.connected_account;
    if (account >= 0) return NodeHandle{NodeType::IGUser, account};
  } else if (node.type == NodeType::IGMedia && name == "owner") {
    // Only the owner sees `owner`; album children carry none.
    const MediaRec& m = data.media[node.index];
    if (scope == Scope::Own && m.owner >= 0 && m.parent < 0) return NodeHandle{NodeType::IGUser, m.owner};
  } else if (node.type == NodeType::IGComment) {
    const CommentRec& c = data.comments[node.index];
    if (name == "media") return NodeHandle{NodeType::IGMedia, c.media};
    if (name == "user" && c.author_account >= 0) return NodeHandle{NodeType::IGUser, c.author_account};
  }
  return std::nullopt;
}

Scope ref_scope(const Dataset& data, NodeHandle target, Scope parent) {
  if (target.type == NodeType::IGMedia && data.media[target.index].owner < 0 && parent == Scope::Own)
    return Scope::Mention;  // the media of a comment on someone else's post
  return parent;
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

// Whether a stored or computed scalar is shown in this scope.
bool scalar_visible(const Dataset& data, NodeHandle node, std::string_view name, Scope scope) {
  if (node.type != NodeType::IGMedia || scope == Scope::Own) return true;
  if (name == "view_count") return scope == Scope::Discovery;
  if (!is_public_media_field(name)) return false;  // owner-only counts and flags
  // Hashtag media: no media_url for albums.
  if (scope == Scope::Hashtag && name == "media_url" && data.media[node.index].kind == MediaKind::Album)
    return false;
  return true;
}

void render_field(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldSpec& spec,
                  Scope scope) {
  const FieldDef* def = find_field(node.type, spec.name);
  if (!def) return;  // validated before rendering
  switch (def->kind) {
    case FieldKind::Scalar: {
      if (spec.name == "id") {
        w.key("id").string(ctx.data.id_of(node));
        return;
      }
      if (!scalar_visible(ctx.data, node, spec.name, scope)) return;
      if (std::optional<std::string> v = computed_scalar(ctx, node, spec.name, scope)) {
        w.key(spec.name).raw(*v);
      } else if (const std::string* stored = ctx.data.fields_of(node).get(spec.name)) {
        w.key(spec.name).raw(*stored);
      }
      return;
    }
    case FieldKind::NodeRef: {
      const std::optional<NodeHandle> target = resolve_ref(ctx.data, node, spec.name, scope);
      if (!target) return;
      const Scope target_scope = ref_scope(ctx.data, *target, scope);
      w.key(spec.name);
      if (spec.has_subfields) {
        render_node(w, ctx, *target, &spec.subfields, Listing::Direct, target_scope);
      } else {
        FieldList defaults{FieldSpec{"id", {}, false, {}}};
        for (std::string_view sub : def->default_subfields)
          defaults.push_back(FieldSpec{std::string(sub), {}, false, {}});
        render_node(w, ctx, *target, &defaults, Listing::Direct, target_scope);
      }
      return;
    }
    case FieldKind::Edge: {
      // Comments of other people's media are not readable through discovery, tags or mentions.
      if (node.type == NodeType::IGMedia && scope != Scope::Own && def->name == "comments") return;
      EdgePage page = compute_edge_page(ctx, node, *def, params_from_modifiers(spec));
      if (page.items.empty()) return;  // observed: nested edges without items are left out entirely
      // Other people's objects page with cursors only (tags, business discovery, mentions).
      page.cursors_only = page.cursors_only || scope != Scope::Own;
      w.key(spec.name);
      write_edge_page(
          w, ctx, page, spec.has_subfields ? &spec.subfields : nullptr,
          [&](std::string_view key, std::string_view cursor) {
            return nested_url(ctx, node, spec, *def, key, cursor);
          },
          item_scope(*def, scope));
      return;
    }
    case FieldKind::Special:
      render_special(w, ctx, node, spec);
      return;
  }
}

void check_scope(NodeType type, const FieldSpec& spec, Scope scope) {
  if (type == NodeType::IGMedia) {
    if (spec.name == "view_count" && scope != Scope::Discovery) throw errors::view_count_outside_discovery();
    // Hashtag media expose a short list; username in particular cannot be requested.
    if (scope == Scope::Hashtag && !is_hashtag_media_field(spec.name))
      throw errors::nonexisting_field(spec.name, "IGMedia");
  }
  if ((type == NodeType::IGUser || type == NodeType::ExtUser) && scope == Scope::Discovery &&
      !is_discovery_user_field(spec.name)) {
    throw errors::permission_denied();
  }
}

}  // namespace

void validate_fields(NodeType type, const FieldList& fields, Scope scope) {
  const NodeTypeDef& def = node_type_def(type);
  for (const FieldSpec& spec : fields) {
    const FieldDef* f = find_field(type, spec.name);
    if (!f) throw errors::nonexisting_field(spec.name, std::string(def.graph_name));
    check_scope(type, spec, scope);
    switch (f->kind) {
      case FieldKind::Scalar:
        if (!spec.modifiers.empty() || spec.has_subfields)
          throw errors::unknown_fields(serialize_field(spec));
        break;
      case FieldKind::NodeRef:
        if (!spec.modifiers.empty()) throw errors::unknown_fields(serialize_field(spec));
        if (spec.has_subfields) validate_fields(f->target, spec.subfields, scope);
        break;
      case FieldKind::Edge: {
        const bool own = scope == Scope::Own;
        for (const FieldModifier& m : spec.modifiers) {
          const bool ok = m.name == "limit" || m.name == "after" || m.name == "before" ||
                          (own && f->time_filtered && (m.name == "since" || m.name == "until"));
          if (!ok) throw errors::unknown_fields(serialize_field(spec));
        }
        const EdgeParams p = params_from_modifiers(spec);
        parse_limit(p.limit, *f);
        parse_time(p.since, "since");
        parse_time(p.until, "until");
        if (spec.has_subfields) validate_fields(f->target, spec.subfields, item_scope(*f, scope));
        break;
      }
      case FieldKind::Special:
        validate_special(*f, spec, scope);
        break;
    }
  }
}

void render_node(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldList* fields,
                 Listing how, Scope scope) {
  w.begin_object();
  if (!fields) {
    const NodeTypeDef& def = node_type_def(node.type);
    const auto& names = how == Listing::ViaEdge && !def.edge_default_fields.empty() ? def.edge_default_fields
                                                                                    : def.default_fields;
    for (std::string_view name : names)
      render_field(w, ctx, node, FieldSpec{std::string(name), {}, false, {}}, scope);
  } else {
    bool has_id = false;
    for (const FieldSpec& spec : *fields) {
      render_field(w, ctx, node, spec, scope);
      has_id = has_id || spec.name == "id";
    }
    if (!has_id) w.key("id").string(ctx.data.id_of(node));
  }
  w.end_object();
}

}  // namespace igemu
