// Expansion-only fields with an argument, and values computed at read time.
//   business_discovery.username(x){…}   another professional account's public profile and media
//   mentioned_media.media_id(x){…}      a media item whose caption mentions the account
//   mentioned_comment.comment_id(x){…}  a comment that mentions the account
#include <algorithm>
#include <cctype>

#include "api/render_internal.h"
#include "server/errors.h"
#include "server/json.h"

namespace igemu {
namespace {

const char* required_modifier(std::string_view field) {
  if (field == "business_discovery") return "username";
  if (field == "mentioned_media") return "media_id";
  return "comment_id";
}

Scope special_scope(std::string_view field) {
  return field == "business_discovery" ? Scope::Discovery : Scope::Mention;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

void validate_special(const FieldDef& def, const FieldSpec& spec, Scope scope) {
  // Only on our own IG user: nested inside discovery or mentions these do not exist.
  if (scope != Scope::Own) throw errors::permission_denied();
  const char* needed = required_modifier(def.name);
  for (const FieldModifier& m : spec.modifiers) {
    if (m.name != needed) throw errors::unknown_fields(serialize_field(spec));
  }
  if (!spec.modifier(needed)) throw errors::missing_param(needed);
  if (spec.has_subfields) validate_fields(def.target, spec.subfields, special_scope(def.name));
}

void render_special(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldSpec& spec) {
  const Dataset& data = ctx.data;
  if (node.type != NodeType::IGUser) return;
  const AccountRec& account = data.accounts[node.index];
  const FieldModifier* arg = spec.modifier(required_modifier(spec.name));
  if (!arg) return;  // validated before rendering
  const FieldList* sub = spec.has_subfields ? &spec.subfields : nullptr;
  if (spec.name == "business_discovery") {
    const std::string username = lower(arg->argument);
    std::optional<NodeHandle> target;
    if (const int own = data.account_by_username(username); own >= 0)
      target = NodeHandle{NodeType::IGUser, own};
    if (const int ext = data.external_by_username(username); ext >= 0)
      target = NodeHandle{NodeType::ExtUser, ext};
    // Unknown, personal and age-gated accounts all look the same.
    if (!target) throw errors::discovery_user_not_found(arg->argument);
    w.key("business_discovery");
    render_node(w, ctx, *target, sub, Listing::Direct, Scope::Discovery);
    return;
  }
  if (spec.name == "mentioned_media") {
    for (int m : account.mentioned_media) {
      if (data.media[m].id == arg->argument) {
        w.key("mentioned_media");
        render_node(w, ctx, NodeHandle{NodeType::IGMedia, m}, sub, Listing::Direct, Scope::Mention);
        return;
      }
    }
    throw errors::object_not_found("get", arg->argument);
  }
  for (int c : account.mentioned_comments) {
    if (!data.comments[c].deleted && data.comments[c].id == arg->argument) {
      w.key("mentioned_comment");
      render_node(w, ctx, NodeHandle{NodeType::IGComment, c}, sub, Listing::Direct, Scope::Mention);
      return;
    }
  }
  throw errors::object_not_found("get", arg->argument);
}

std::optional<std::string> computed_scalar(const RenderContext& ctx, NodeHandle node, std::string_view name,
                                           Scope scope) {
  const Dataset& data = ctx.data;
  switch (node.type) {
    case NodeType::IGHashtag:
      if (name == "name") return json_quote(data.hashtags[node.index].name);
      return std::nullopt;
    case NodeType::IGContainer: {
      const ContainerRec& c = data.containers[node.index];
      const ContainerStatus s = container_status(data, node.index, ctx.now);
      if (name == "status_code") return json_quote(s.code);
      if (name == "status") return json_quote(s.status);
      if (name == "copyright_check_status" && !c.video_url.empty()) {
        JsonWriter w;
        w.begin_object().key("status").string(s.code == "IN_PROGRESS" ? "in_progress" : "completed");
        w.key("matches_found").boolean(false).end_object();
        return w.take();
      }
      return std::nullopt;
    }
    case NodeType::IGMedia: {
      // view_count: reels only, and only through business discovery.
      const MediaRec& m = data.media[node.index];
      if (name == "view_count" && scope == Scope::Discovery && m.kind == MediaKind::Reel)
        return std::to_string(m.stats.views);
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace igemu
