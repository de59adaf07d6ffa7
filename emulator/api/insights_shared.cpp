// Helpers both insights handlers use: list parameters, metric numbers, breakdown objects.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "api/insights_internal.h"

namespace igemu {
namespace insights {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

bool contains(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

void write_breakdown(JsonWriter& w, const std::vector<std::string>& keys, const Breakdown& results,
                     const std::string& prefix_value) {
  w.key("breakdowns").begin_array().begin_object().key("dimension_keys").begin_array();
  for (const std::string& k : keys) w.string(k);
  w.end_array().key("results").begin_array();
  for (const auto& [value, count] : results) {
    w.begin_object().key("dimension_values").begin_array();
    if (!prefix_value.empty()) w.string(prefix_value);
    // Combined breakdowns ("age,gender") carry one value per key.
    size_t start = 0;
    const size_t parts = keys.size() - (prefix_value.empty() ? 0 : 1);
    for (size_t i = 0; i < parts; ++i) {
      size_t end = i + 1 == parts ? std::string::npos : value.find(',', start);
      w.string(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
      start = end == std::string::npos ? value.size() : end + 1;
    }
    w.end_array().key("value").integer(count).end_object();
  }
  w.end_array().end_object().end_array();
}

}  // namespace insights
}  // namespace igemu
