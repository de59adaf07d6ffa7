// Turns dataset nodes into Graph API JSON for a field selection: requested fields in request
// order, `id` always present (appended last when not requested), fields without a value omitted,
// node references as {"id": …} unless expanded, and edges as {"data": […], "paging": {…}}.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset.h"
#include "dataset/schema.h"
#include "server/field_selection.h"
#include "server/json.h"

namespace igemu {

struct RenderContext {
  const Dataset& data;
  std::string base_url;                // "http://127.0.0.1:8080", from the Host header the client used
  std::string version;                 // "v24.0": paging URLs always carry the version that answered
  std::string access_token;            // echoed in the paging URLs of nested edges
  int64_t now = Dataset::kDefaultNow;  // the emulator clock (live stories, recent hashtag media, …)
};

// Rejects unknown names, misplaced modifiers or sub-fields, bad modifier values and fields the
// scope does not allow (throws GraphError).
void validate_fields(NodeType type, const FieldList& fields, Scope scope = Scope::Own);

// Which default field set applies when the request has no `fields`.
enum class Listing { Direct, ViaEdge };

void render_node(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldList* fields,
                 Listing how, Scope scope = Scope::Own);

// Edge parameters as raw text, from the query string (top level) or from .limit(…) etc. (nested).
struct EdgeParams {
  std::optional<std::string> limit, after, before, since, until;
};

struct EdgePage {
  std::vector<NodeHandle> items;
  bool paged = false;
  bool cursors_only = false;  // no next/previous URLs
  std::string before_cursor, after_cursor;
  bool has_previous = false;
  bool has_next = false;
};

// All items of `edge` on `owner`, before filtering and paging.
std::vector<NodeHandle> edge_items(const RenderContext& ctx, NodeHandle owner, const FieldDef& edge);
EdgePage compute_edge_page(const RenderContext& ctx, NodeHandle owner, const FieldDef& edge,
                           const EdgeParams& params);
// limit: default per edge, clamped into [1, max]; non-numeric or negative values are rejected.
size_t parse_limit(const std::optional<std::string>& text, const FieldDef& edge);

// Builds a paging URL for `key` = "after" or "before".
using PagingUrl = std::function<std::string(std::string_view key, std::string_view cursor)>;

void write_edge_page(JsonWriter& w, const RenderContext& ctx, const EdgePage& page, const FieldList* fields,
                     const PagingUrl& url, Scope scope = Scope::Own);

// Publishing container state, from its facts and the clock.
struct ContainerStatus {
  std::string code;    // IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED
  std::string status;  // human text; for ERROR it names the error subcode
  int error_subcode = 0;
};
ContainerStatus container_status(const Dataset& data, int container, int64_t now);

}  // namespace igemu
