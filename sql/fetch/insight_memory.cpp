#include "sql/fetch/insight_memory.h"

#include <algorithm>

namespace igodbc::sql {

namespace {

bool wordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool mentions(std::string_view text, std::string_view word) {
  for (size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    bool before = pos == 0 || !wordChar(text[pos - 1]);
    size_t end = pos + word.size();
    bool after = end >= text.size() || !wordChar(text[end]);
    if (before && after) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> rejectedMetrics(std::string_view message,
                                         const std::vector<std::string>& requested) {
  std::vector<std::string> out;
  constexpr std::string_view kList = "must be one of the following values:";
  size_t list = message.find(kList);
  if (list != std::string_view::npos && message.substr(0, list).find("metric[") != std::string_view::npos) {
    std::string_view valid = message.substr(list + kList.size());
    for (const std::string& m : requested)
      if (!mentions(valid, m)) out.push_back(m);
    return out;
  }
  for (const std::string& m : requested)
    if (mentions(message, m)) out.push_back(m);
  return out;
}

}  // namespace igodbc::sql
