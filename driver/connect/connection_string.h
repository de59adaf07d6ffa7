// The ODBC connection-string grammar, nothing else: `key=value;` pairs, `{braced values}` in which `}}`
// stands for `}`, keys compared case-insensitively, the FIRST occurrence of a key wins (ODBC rule),
// whitespace around keys and unbraced values trimmed, braced values kept verbatim. Parsing is linear and
// capped, so a hostile string cannot make a connect slow.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace igodbc::driver {

class ConnectionStringError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b);
// `s` without the blanks (space, tab, CR, LF) around it.
std::string_view trim(std::string_view s);
// A yes/no property: true, 1, yes or on, any case, blanks around ignored. Anything else is false.
bool isTrueValue(std::string_view value);

// Limits of parseConnectionString: far above any real connection string, low enough to stay instant.
inline constexpr size_t kMaxConnectionStringBytes = 64 * 1024;
inline constexpr size_t kMaxConnectionStringKeys = 1024;

struct ConnectionString {
  // In order of first appearance; later duplicates are dropped. A segment without '=' is a key with an
  // empty value. Read-only: add() keeps the index in step.
  std::vector<std::pair<std::string, std::string>> pairs;

  std::optional<std::string> get(std::string_view key) const;  // case-insensitive
  bool has(std::string_view key) const;
  // Appends a pair unless the key is already there (first occurrence wins); returns whether it was added.
  bool add(std::string key, std::string value);

 private:
  std::unordered_map<std::string, size_t> index_;  // lowercased key -> position in pairs
};

// Throws ConnectionStringError for an unterminated brace, text after a closing brace, more than
// kMaxConnectionStringBytes or more than kMaxConnectionStringKeys keys. The message never quotes values
// (they may be secrets).
ConnectionString parseConnectionString(std::string_view text);

// `key=value`, bracing the value when it needs it (';', braces, '=' or surrounding whitespace).
std::string formatPair(std::string_view key, std::string_view value);

}  // namespace igodbc::driver
