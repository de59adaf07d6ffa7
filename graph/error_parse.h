// Graph error bodies ({"error": {"code", "error_subcode", "type", "message", "fbtrace_id", "is_transient"}})
// to GraphError. Pure functions, so they are tested without HTTP.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/errors.h"

namespace igodbc::graph {

// The GraphError for a top-level "error" object in `root`; nullopt when there is none. Every string in
// `secrets` is scrubbed from the texts.
std::optional<GraphError> graphErrorFromJson(int httpStatus, const rapidjson::Value& root,
                                             const std::vector<std::string>& secrets);

// A non-2xx answer: the Graph error in `body` when it has one, else a code-0 GraphError naming the status.
GraphError graphErrorFromResponse(int httpStatus, std::string_view body,
                                  const std::vector<std::string>& secrets);

}  // namespace igodbc::graph
