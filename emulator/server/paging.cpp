#include "server/paging.h"

#include <algorithm>

#include "server/rng.h"

namespace igemu {
namespace {

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kCursorPrefix = "AQH";

int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::string checksum(uint64_t seed, char kind, std::string_view id) {
  uint64_t h = fnv1a64(id, mix64(seed ^ 0x6375727330ULL));
  h = mix64(h ^ static_cast<unsigned char>(kind));
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) out += kHex[(h >> (i * 4)) & 0xF];
  return out;
}

// Cursors are opaque on the real API; masking the payload keeps clients from reading ids out of them.
std::string mask(uint64_t seed, std::string bytes) {
  Rng r(mix64(seed ^ 0x6d61736bULL));
  for (char& c : bytes) c = static_cast<char>(static_cast<unsigned char>(c) ^ (r.next() & 0xFF));
  return bytes;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest == 1) {
    const uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
  } else if (rest == 2) {
    const uint32_t v =
        (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = b64_value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

std::string encode_cursor(uint64_t seed, const Cursor& cursor) {
  std::string payload(1, cursor.kind);
  payload += cursor.id;
  payload += ':';
  payload += checksum(seed, cursor.kind, cursor.id);
  return base64url_encode(std::string(kCursorPrefix) + mask(seed, payload));
}

std::optional<Cursor> decode_cursor(uint64_t seed, std::string_view text) {
  if (text.empty() || text.size() > 256) return std::nullopt;
  const std::optional<std::string> raw = base64url_decode(text);
  if (!raw || raw->size() < kCursorPrefix.size() + 3 ||
      raw->compare(0, kCursorPrefix.size(), kCursorPrefix) != 0) {
    return std::nullopt;
  }
  const std::string payload = mask(seed, raw->substr(kCursorPrefix.size()));
  const size_t colon = payload.rfind(':');
  if (colon == std::string::npos || colon < 2) return std::nullopt;
  Cursor c{payload[0], payload.substr(1, colon - 1)};
  if (payload.substr(colon + 1) != checksum(seed, c.kind, c.id)) return std::nullopt;
  // Re-encoding must give the same text: rejects non-canonical encodings of the same bytes.
  if (encode_cursor(seed, c) != text) return std::nullopt;
  return c;
}

PageWindow select_window(const std::vector<size_t>& positions, std::optional<size_t> after,
                         std::optional<size_t> before, size_t limit) {
  PageWindow w;
  if (after) {
    w.begin =
        static_cast<size_t>(std::upper_bound(positions.begin(), positions.end(), *after) - positions.begin());
    w.end = std::min(positions.size(), w.begin + limit);
  } else if (before) {
    w.end = static_cast<size_t>(std::lower_bound(positions.begin(), positions.end(), *before) -
                                positions.begin());
    w.begin = w.end > limit ? w.end - limit : 0;
  } else {
    w.begin = 0;
    w.end = std::min(positions.size(), limit);
  }
  if (w.begin < w.end) {
    w.has_previous = w.begin > 0;
    w.has_next = w.end < positions.size();
  }
  return w;
}

std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += c;  // malformed escapes pass through unchanged
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (is_unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<QueryParam> parse_query(std::string_view raw_query) {
  std::vector<QueryParam> params;
  size_t start = 0;
  while (start <= raw_query.size()) {
    size_t amp = raw_query.find('&', start);
    if (amp == std::string_view::npos) amp = raw_query.size();
    const std::string_view part = raw_query.substr(start, amp - start);
    if (!part.empty()) {
      const size_t eq = part.find('=');
      QueryParam p;
      p.raw = std::string(part);
      p.key = url_decode(part.substr(0, eq), true);
      p.value = eq == std::string_view::npos ? std::string() : url_decode(part.substr(eq + 1), true);
      params.push_back(std::move(p));
    }
    start = amp + 1;
  }
  return params;
}

const QueryParam* find_param(const std::vector<QueryParam>& params, std::string_view key) {
  for (const QueryParam& p : params) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::string query_with_cursor(const std::vector<QueryParam>& params, std::string_view cursor_key,
                              std::string_view cursor) {
  std::string out;
  for (const QueryParam& p : params) {
    if (p.key == "after" || p.key == "before") continue;
    if (!out.empty()) out += '&';
    out += p.raw;
  }
  if (!out.empty()) out += '&';
  out += cursor_key;
  out += '=';
  out += url_encode(cursor);
  return out;
}

}  // namespace igemu
