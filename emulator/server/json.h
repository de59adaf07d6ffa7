// Minimal JSON output with the escaping the Graph API uses on the wire: every non-ASCII character
// becomes \uXXXX (non-BMP as a surrogate pair) and '/' becomes "\/". Clients must cope with both,
// so the emulator produces them too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace igemu {

// Appends `s` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD. With `graph_style` off,
// non-ASCII text and '/' are written as-is (for the request log, which people read).
void append_json_string(std::string& out, std::string_view s, bool graph_style = true);
std::string json_quote(std::string_view s);
// The text of a JSON string literal (as stored in FieldValues), escapes decoded to UTF-8. Anything
// that is not a string literal comes back unchanged.
std::string json_unquote(std::string_view literal);

// Streaming writer that takes care of commas; values may also be spliced in pre-serialized.
class JsonWriter {
 public:
  explicit JsonWriter(bool graph_style = true) : graph_style_(graph_style) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view v);
  JsonWriter& integer(int64_t v);
  JsonWriter& boolean(bool v);
  JsonWriter& raw(std::string_view serialized);  // an already-serialized JSON value

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();

  bool graph_style_;
  std::string out_;
  std::vector<bool> first_;  // one entry per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace igemu
