// The ODBC connection-string grammar, nothing else: `key=value;` pairs, `{braced values}` in which `}}`
// stands for `}`, keys compared case-insensitively, the FIRST occurrence of a key wins (ODBC rule),
// whitespace around keys and unbraced values trimmed, braced values kept verbatim.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace igodbc::driver {

class ConnectionStringError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b);

struct ConnectionString {
  // In order of first appearance; later duplicates are dropped. A segment without '=' is a key with an
  // empty value.
  std::vector<std::pair<std::string, std::string>> pairs;

  std::optional<std::string> get(std::string_view key) const;  // case-insensitive
  bool has(std::string_view key) const { return get(key).has_value(); }
};

// Throws ConnectionStringError for an unterminated brace or text after a closing brace. The message never
// quotes values (they may be secrets).
ConnectionString parseConnectionString(std::string_view text);

// `key=value`, bracing the value when it needs it (';', braces, '=' or surrounding whitespace).
std::string formatPair(std::string_view key, std::string_view value);

}  // namespace igodbc::driver
