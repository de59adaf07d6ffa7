#include "server/jsonpath.h"

#include <rapidjson/document.h>

namespace igemu {
namespace {

void collect(const rapidjson::Value& v, const std::vector<std::string>& steps, size_t i,
             std::vector<std::string>& out) {
  if (i == steps.size()) {
    if (v.IsString()) {
      out.emplace_back(v.GetString(), v.GetStringLength());
    } else if (v.IsInt64()) {
      out.push_back(std::to_string(v.GetInt64()));
    } else if (v.IsUint64()) {
      out.push_back(std::to_string(v.GetUint64()));
    } else if (v.IsBool()) {
      out.emplace_back(v.GetBool() ? "true" : "false");
    }
    return;
  }
  const std::string& step = steps[i];
  if (step == "*") {
    if (v.IsArray()) {
      for (const auto& item : v.GetArray()) collect(item, steps, i + 1, out);
    } else if (v.IsObject()) {
      for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) collect(it->value, steps, i + 1, out);
    }
    return;
  }
  if (v.IsArray()) {
    size_t index = 0;
    for (char c : step) {
      if (c < '0' || c > '9' || index > 100000) return;
      index = index * 10 + static_cast<size_t>(c - '0');
    }
    if (!step.empty() && index < v.Size())
      collect(v[static_cast<rapidjson::SizeType>(index)], steps, i + 1, out);
    return;
  }
  if (v.IsObject()) {
    auto it = v.FindMember(rapidjson::StringRef(step.c_str(), step.size()));
    if (it != v.MemberEnd()) collect(it->value, steps, i + 1, out);
  }
}

}  // namespace

std::optional<std::vector<std::string>> jsonpath_values(const std::string& json, const std::string& path) {
  if (path.empty() || path[0] != '$') return std::nullopt;
  std::vector<std::string> steps;
  size_t i = 1;
  while (i < path.size()) {
    if (path[i] == '.') {
      const size_t start = ++i;
      while (i < path.size() && path[i] != '.' && path[i] != '[') ++i;
      if (i == start) return std::nullopt;
      steps.push_back(path.substr(start, i - start));
    } else if (path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1) return std::nullopt;
      steps.push_back(path.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      return std::nullopt;
    }
  }
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError()) return std::nullopt;
  std::vector<std::string> out;
  collect(d, steps, 0, out);
  return out;
}

}  // namespace igemu
