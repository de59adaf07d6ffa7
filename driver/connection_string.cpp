#include "driver/connection_string.h"

#include <cctype>

namespace igodbc::driver {

namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::optional<std::string> ConnectionString::get(std::string_view key) const {
  for (const auto& [k, v] : pairs)
    if (equalsIgnoreCase(k, key)) return v;
  return std::nullopt;
}

ConnectionString parseConnectionString(std::string_view s) {
  ConnectionString out;
  size_t i = 0;
  while (i < s.size()) {
    size_t keyEnd = i;
    while (keyEnd < s.size() && s[keyEnd] != '=' && s[keyEnd] != ';') ++keyEnd;
    std::string key(trim(s.substr(i, keyEnd - i)));
    std::string value;
    i = keyEnd;
    if (i < s.size() && s[i] == '=') {
      ++i;
      size_t start = i;
      while (i < s.size() && isSpace(s[i])) ++i;
      if (i < s.size() && s[i] == '{') {
        ++i;
        bool closed = false;
        while (i < s.size()) {
          if (s[i] == '}') {
            if (i + 1 < s.size() && s[i + 1] == '}') {
              value += '}';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          value += s[i++];
        }
        if (!closed)
          throw ConnectionStringError("The value of " + key + " opens a brace '{' that is never closed");
        while (i < s.size() && isSpace(s[i])) ++i;
        if (i < s.size() && s[i] != ';')
          throw ConnectionStringError("Unexpected text after the closing brace of " + key +
                                      "; write }} for a literal } inside braces");
      } else {
        size_t end = s.find(';', start);
        if (end == std::string_view::npos) end = s.size();
        value = std::string(trim(s.substr(start, end - start)));
        i = end;
      }
    }
    if (i < s.size() && s[i] == ';') ++i;
    if (key.empty()) continue;  // ";;" or "=value": nothing to keep
    if (!out.has(key)) out.pairs.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::string formatPair(std::string_view key, std::string_view value) {
  bool brace = value.find_first_of(";{}=") != std::string_view::npos ||
               (!value.empty() && (isSpace(value.front()) || isSpace(value.back())));
  std::string out(key);
  out += '=';
  if (!brace) return out + std::string(value);
  out += '{';
  for (char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  out += '}';
  return out;
}

}  // namespace igodbc::driver
