#include "driver/connect/connection_string.h"

#include <cctype>

namespace igodbc::driver {

namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool isTrueValue(std::string_view value) {
  value = trim(value);
  return equalsIgnoreCase(value, "true") || value == "1" || equalsIgnoreCase(value, "yes") ||
         equalsIgnoreCase(value, "on");
}

std::optional<std::string> ConnectionString::get(std::string_view key) const {
  auto it = index_.find(lower(key));
  if (it == index_.end()) return std::nullopt;
  return pairs[it->second].second;
}

bool ConnectionString::has(std::string_view key) const {
  return index_.count(lower(key)) != 0;
}

bool ConnectionString::add(std::string key, std::string value) {
  if (!index_.emplace(lower(key), pairs.size()).second) return false;
  pairs.emplace_back(std::move(key), std::move(value));
  return true;
}

ConnectionString parseConnectionString(std::string_view s) {
  if (s.size() > kMaxConnectionStringBytes)
    throw ConnectionStringError("it is " + std::to_string(s.size()) + " bytes long, more than the " +
                                std::to_string(kMaxConnectionStringBytes) +
                                " this driver accepts; put long values in the DSN (odbc.ini)");
  ConnectionString out;
  size_t keys = 0;
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
    if (++keys > kMaxConnectionStringKeys)
      throw ConnectionStringError(
          "it has more than " + std::to_string(kMaxConnectionStringKeys) +
          " keys; this driver has fewer than 50 properties, so remove the keys it does not use");
    out.add(std::move(key), std::move(value));
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
