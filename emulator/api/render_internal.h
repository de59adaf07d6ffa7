// Pieces of the renderer shared between render*.cpp files.
#pragma once

#include <optional>
#include <string>

#include "api/render.h"

namespace igemu {

EdgeParams params_from_modifiers(const FieldSpec& spec);
std::optional<int64_t> parse_time(const std::optional<std::string>& text, const char* name);

// Expansion-only fields with an argument (business_discovery, mentioned_media, mentioned_comment).
void validate_special(const FieldDef& def, const FieldSpec& spec, Scope scope);
void render_special(JsonWriter& w, const RenderContext& ctx, NodeHandle node, const FieldSpec& spec);

// Values computed rather than stored (hashtag name, container status, view_count), as JSON text.
std::optional<std::string> computed_scalar(const RenderContext& ctx, NodeHandle node, std::string_view name,
                                           Scope scope);

}  // namespace igemu
