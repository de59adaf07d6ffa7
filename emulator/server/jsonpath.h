// The JSONPath subset batch dependencies use: "$.data.*.id", "$.id", "$.data.0.id",
// "$.paging.cursors.after". Filters and recursive descent are not supported (Graph refuses them too).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace igemu {

// The values at `path` in the JSON text `json`, as strings (numbers in decimal); nullopt when the
// path or the JSON is malformed.
std::optional<std::vector<std::string>> jsonpath_values(const std::string& json, const std::string& path);

}  // namespace igemu
