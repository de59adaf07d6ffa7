// Edges: which items an edge lists, the cursor page window, and the {"data", "paging"} object.
#include <algorithm>

#include "api/render.h"
#include "api/render_internal.h"
#include "server/errors.h"
#include "server/paging.h"

namespace igemu {

size_t parse_limit(const std::optional<std::string>& text, const FieldDef& edge) {
  if (!text || text->empty()) return static_cast<size_t>(edge.default_limit);
  uint64_t v = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') throw errors::invalid_parameter("Param limit must be a non-negative integer");
    v = std::min<uint64_t>(v * 10 + static_cast<uint64_t>(c - '0'), 1u << 30);  // saturate, never overflow
  }
  // Behaviour above the max is undocumented; an emulator should clamp to the max.
  return static_cast<size_t>(std::clamp<uint64_t>(v, 1, static_cast<uint64_t>(edge.max_limit)));
}

namespace {

// Hashtags an account searched in the last 7 days, most recent first.
std::vector<int> active_searches(const AccountRec& a, int64_t now) {
  std::vector<HashtagSearch> active;
  for (const HashtagSearch& s : a.hashtag_searches) {
    if (s.first_searched > now - 7 * 86400 && s.first_searched <= now) active.push_back(s);
  }
  std::stable_sort(active.begin(), active.end(), [](const HashtagSearch& x, const HashtagSearch& y) {
    return x.first_searched > y.first_searched;
  });
  std::vector<int> out;
  out.reserve(active.size());
  for (const HashtagSearch& s : active) out.push_back(s.hashtag);
  return out;
}

}  // namespace

std::vector<NodeHandle> edge_items(const RenderContext& ctx, NodeHandle owner, const FieldDef& edge) {
  const Dataset& data = ctx.data;
  std::vector<NodeHandle> items;
  auto add = [&](const std::vector<int>& indexes, NodeType type) {
    for (int i : indexes) items.push_back(NodeHandle{type, i});
  };
  const std::string_view name = edge.name;
  switch (owner.type) {
    case NodeType::User:
      if (name == "accounts") add(data.user.pages, NodeType::Page);
      break;
    case NodeType::IGUser: {
      const AccountRec& a = data.accounts[owner.index];
      if (name == "media") add(a.media, NodeType::IGMedia);
      if (name == "tags") add(a.tagged, NodeType::IGMedia);
      if (name == "recently_searched_hashtags") add(active_searches(a, ctx.now), NodeType::IGHashtag);
      if (name == "stories") {
        // Only live stories: the last 24 h of the clock.
        for (int s : a.stories) {
          const int64_t t = data.media[s].timestamp;
          if (t > ctx.now - 86400 && t <= ctx.now) items.push_back(NodeHandle{NodeType::IGMedia, s});
        }
      }
      break;
    }
    case NodeType::ExtUser:
      if (name == "media") add(data.externals[owner.index].media, NodeType::IGMedia);
      break;
    case NodeType::IGMedia:
      if (name == "children") add(data.media[owner.index].children, NodeType::IGMedia);
      if (name == "comments") add(data.media[owner.index].comments, NodeType::IGComment);
      break;
    case NodeType::IGComment:
      if (name == "replies") add(data.comments[owner.index].replies, NodeType::IGComment);
      break;
    default:
      break;
  }
  return items;
}

EdgePage compute_edge_page(const RenderContext& ctx, NodeHandle owner, const FieldDef& edge,
                           const EdgeParams& params) {
  const Dataset& data = ctx.data;
  EdgePage page;
  page.cursors_only = edge.cursors_only;
  const std::vector<NodeHandle> all = edge_items(ctx, owner, edge);
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
    if (c && c->kind == edge.cursor_kind) {
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
    page.before_cursor = encode_cursor(data.seed, {edge.cursor_kind, data.id_of(page.items.front())});
    page.after_cursor = encode_cursor(data.seed, {edge.cursor_kind, data.id_of(page.items.back())});
  }
  page.has_previous = win.has_previous;
  page.has_next = win.has_next;
  return page;
}

void write_edge_page(JsonWriter& w, const RenderContext& ctx, const EdgePage& page, const FieldList* fields,
                     const PagingUrl& url, Scope scope) {
  w.begin_object().key("data").begin_array();
  for (NodeHandle item : page.items) render_node(w, ctx, item, fields, Listing::ViaEdge, scope);
  w.end_array();
  // Empty collections come back as {"data": []} without paging.
  if (page.paged && !page.items.empty()) {
    w.key("paging").begin_object();
    w.key("cursors")
        .begin_object()
        .key("before")
        .string(page.before_cursor)
        .key("after")
        .string(page.after_cursor);
    w.end_object();
    if (!page.cursors_only) {
      if (page.has_previous) w.key("previous").string(url("before", page.before_cursor));
      if (page.has_next) w.key("next").string(url("after", page.after_cursor));
    }
    w.end_object();
  }
  w.end_object();
}

ContainerStatus container_status(const Dataset& data, int index, int64_t now) {
  const ContainerRec& c = data.containers[index];
  if (!c.published_media.empty())
    return {"PUBLISHED", "Published: Media has been successfully published.", 0};
  if (now >= c.created + 86400) return {"EXPIRED", "Expired: Media was not published within 24 hours.", 0};
  int subcode = c.error_subcode;
  bool in_progress = !c.video_url.empty() && c.status_reads < 3 && now < c.created + 30;
  for (int child : c.children) {
    const ContainerStatus s = container_status(data, child, now);
    if (s.code == "ERROR" && !subcode) subcode = s.error_subcode;
    in_progress = in_progress || s.code == "IN_PROGRESS";
  }
  if (subcode) {
    const char* what = subcode == 2207026 ? "Unsupported video format" : "Media download has failed";
    return {"ERROR", std::string("Error: ") + what + " (error subcode " + std::to_string(subcode) + ").",
            subcode};
  }
  if (in_progress) return {"IN_PROGRESS", "In Progress: Media is still being processed.", 0};
  return {"FINISHED", "Finished: Media has been uploaded and it is ready to be published.", 0};
}

}  // namespace igemu
