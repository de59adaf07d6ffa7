// Cursor paging: opaque cursors, the page window, and the absolute
// `paging.next` / `paging.previous` URLs that echo the caller's query string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igemu {

// ---- Cursors -------------------------------------------------------------------------------
// A cursor names the item it points at (kind + object id) plus a seed-keyed checksum, base64url
// encoded behind the "AQH" prefix real cursors have ("QVFI…"). Garbage, truncated or forged
// cursors fail to decode.
struct Cursor {
  char kind;       // 'M' = media list, 'P' = Page list
  std::string id;  // the object the cursor points at
};

std::string encode_cursor(uint64_t seed, const Cursor& cursor);
std::optional<Cursor> decode_cursor(uint64_t seed, std::string_view text);

std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

// ---- Page window ---------------------------------------------------------------------------
// `positions` are the positions (in the unfiltered list) of the items that pass the filters,
// ascending. `after`/`before` are positions of cursor items; `after` wins when both are given.
struct PageWindow {
  size_t begin = 0;  // indexes into `positions`
  size_t end = 0;
  bool has_previous = false;
  bool has_next = false;
};

PageWindow select_window(const std::vector<size_t>& positions, std::optional<size_t> after,
                         std::optional<size_t> before, size_t limit);

// ---- Query strings -------------------------------------------------------------------------
struct QueryParam {
  std::string raw;    // "key=value" exactly as sent (still percent-encoded)
  std::string key;    // decoded
  std::string value;  // decoded
};

std::vector<QueryParam> parse_query(std::string_view raw_query);
// First value for `key`, as the Graph API takes the first of repeated parameters.
const QueryParam* find_param(const std::vector<QueryParam>& params, std::string_view key);

std::string url_decode(std::string_view s, bool plus_is_space);
std::string url_encode(std::string_view s);  // everything but RFC 3986 unreserved characters

// The caller's query with after/before removed and `cursor_key=cursor` appended; other parameters
// keep their original encoding and order so the URL works when followed verbatim.
std::string query_with_cursor(const std::vector<QueryParam>& params, std::string_view cursor_key,
                              std::string_view cursor);

}  // namespace igemu
