#include "net/url.h"

#include <cctype>
#include <stdexcept>

namespace igodbc::graph {

namespace {

// RFC 3986 unreserved characters, plus the sub-delimiters of field expansion ("a,b.limit(5)") that cannot
// split a query string: keeping them readable makes sys_requests and logs match the Graph documentation.
bool isUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == ',' || c == '(' ||
         c == ')';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string percentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (isUnreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0, lo = 0;
    if (s[i] == '%' && i + 2 < s.size() && (hi = hexValue(s[i + 1])) >= 0 && (lo = hexValue(s[i + 2])) >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string encodeParams(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out += '&';
    out += percentEncode(key);
    out += '=';
    out += percentEncode(value);
  }
  return out;
}

void checkRelativePath(std::string_view path) {
  bool bad = !path.empty() && path.front() == '/';
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '?' || ch == '#' || ch == '\\' || c <= 0x20 || c == 0x7F) bad = true;
  }
  if (bad) throw std::invalid_argument("Invalid Graph API path: '" + std::string(path) + "'");
}

std::string buildUrl(std::string_view base, std::string_view version, std::string_view path,
                     const QueryParams& params) {
  checkRelativePath(path);
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  std::string url;
  url.reserve(base.size() + version.size() + path.size() + 64);
  url.append(base).append("/").append(version).append("/").append(path);
  if (!params.empty()) url.append("?").append(encodeParams(params));
  return url;
}

bool parseUrl(std::string_view url, UrlParts& out) {
  size_t sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  out.scheme = lower(url.substr(0, sep));
  std::string_view rest = url.substr(sep + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host, port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return false;
      port = after.substr(1);
    }
  } else {
    size_t colon = authority.rfind(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (host.empty()) return false;
  out.host = lower(host);
  out.port = std::string(port);
  return true;
}

bool isLoopbackHost(std::string_view host) {
  std::string h = lower(host);
  if (h == "localhost" || h == "::1") return true;
  // 127.a.b.c with four decimal octets 0-255.
  if (h.compare(0, 4, "127.") != 0) return false;
  int octets = 0;
  size_t i = 0;
  while (i <= h.size()) {
    size_t end = h.find('.', i);
    if (end == std::string::npos) end = h.size();
    std::string_view part(h.data() + i, end - i);
    if (part.empty() || part.size() > 3) return false;
    int v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    if (v > 255) return false;
    ++octets;
    i = end + 1;
  }
  return octets == 4;
}

std::string urlOrigin(std::string_view url) {
  UrlParts parts;
  if (!parseUrl(url, parts)) return "(invalid URL)";
  bool v6 = parts.host.find(':') != std::string::npos;
  std::string out = parts.scheme + "://" + (v6 ? "[" + parts.host + "]" : parts.host);
  if (!parts.port.empty()) out += ":" + parts.port;
  return out + "/";
}

bool sameOrigin(std::string_view url, std::string_view base) {
  UrlParts a, b;
  if (!parseUrl(url, a) || !parseUrl(base, b)) return false;
  auto port = [](const UrlParts& p) -> std::string {
    if (!p.port.empty()) return p.port;
    return p.scheme == "https" ? "443" : p.scheme == "http" ? "80" : "";
  };
  return a.scheme == b.scheme && a.host == b.host && port(a) == port(b);
}

std::optional<std::string> queryParam(std::string_view url, std::string_view key) {
  url = url.substr(0, url.find('#'));
  size_t q = url.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(q + 1);
  while (true) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    size_t eq = pair.find('=');
    if (percentDecode(pair.substr(0, eq)) == key)
      return eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(amp + 1);
  }
}

std::string setQueryParam(std::string_view url, std::string_view key, std::string_view value) {
  size_t hash = url.find('#');
  std::string_view fragment = hash == std::string_view::npos ? std::string_view() : url.substr(hash);
  std::string_view head = url.substr(0, hash);
  size_t q = head.find('?');
  std::string out(head.substr(0, q == std::string_view::npos ? head.size() : q));
  std::string encoded = percentEncode(value);
  bool found = false;
  std::string query;
  if (q != std::string_view::npos) {
    std::string_view rest = head.substr(q + 1);
    for (bool first = true;; first = false) {
      size_t amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      size_t eq = pair.find('=');
      if (!first) query += '&';
      if (percentDecode(pair.substr(0, eq)) == key) {
        found = true;
        query.append(pair.substr(0, eq)).append("=").append(encoded);
      } else {
        query.append(pair);
      }
      if (amp == std::string_view::npos) break;
      rest.remove_prefix(amp + 1);
    }
  }
  if (!found) {
    if (!query.empty()) query += '&';
    query.append(percentEncode(key)).append("=").append(encoded);
  }
  out.append("?").append(query).append(fragment);
  return out;
}

}  // namespace igodbc::graph
