// Shared by dump.cpp (the original layout) and dump_extras.cpp (everything added later).
#pragma once

#include <vector>

#include "api/render.h"
#include "server/field_selection.h"
#include "server/json.h"

namespace igemu {

// Every field of a node type that the scope shows; `with_children` expands album children.
FieldList dump_fields(NodeType type, Scope scope, bool with_children);
void dump_media_list(JsonWriter& w, const RenderContext& ctx, const std::vector<int>& list, Scope scope);
// stories, comments, tags, mentions, other accounts, hashtags, containers, insights.
void dump_extras(JsonWriter& w, const RenderContext& ctx);

}  // namespace igemu
