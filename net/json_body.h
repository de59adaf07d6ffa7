// Response bodies to RapidJSON documents. Integers stay integers: IDs such as ig_id
// (~1.78e16, beyond 2^53) arrive as JSON numbers and must never pass through a double.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <string_view>

namespace igodbc::graph {

// Parses `body` as one JSON value (trailing garbage and truncation are errors). Returns null and sets
// `error` to a short description (with the byte offset) on failure. Iterative parsing, so a hostile
// deeply nested body cannot overflow the stack.
std::shared_ptr<rapidjson::Document> parseJsonBody(std::string_view body, std::string& error);

}  // namespace igodbc::graph
