#include "sql/writes/text_rules.h"

#include <cctype>
#include <cstdio>

#include "sql/engine/diagnostic.h"

namespace igodbc::sql {

size_t codePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

int countTags(std::string_view text, char marker) {
  int n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != marker) continue;
    unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (std::isalnum(next) || next == '_' || next >= 0x80) ++n;
  }
  return n;
}

std::vector<std::string> splitList(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(start, end - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

std::string jsonEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

void checkLength(std::string_view owner, std::string_view column, std::string_view text, size_t max) {
  size_t n = codePoints(text);
  if (n > max)
    throw EngineError({"22001", 0,
                       prefixed(std::string(owner) + "." + std::string(column) + " is " + std::to_string(n) +
                                " characters long; Instagram accepts at most " + std::to_string(max))});
}

void checkCommentText(std::string_view owner, std::string_view column, std::string_view text) {
  checkLength(owner, column, text, 300);
  int tags = countTags(text, '#');
  if (tags > 4)
    throw EngineError({"22023", 0,
                       prefixed(std::string(owner) + "." + std::string(column) + ": " + std::to_string(tags) +
                                " hashtags; Instagram accepts at most 4 per comment")});
}

}  // namespace igodbc::sql
