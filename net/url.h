// URL pieces for Graph calls. Parameter values are always percent-encoded, so no value (a cursor, a caption,
// a hostile string from SQL) can add or change parameters; paths come pre-validated and are never encoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace igodbc::graph {

using QueryParams = std::vector<std::pair<std::string, std::string>>;  // same type as graph::Params

// RFC 3986: unreserved characters (A-Z a-z 0-9 - . _ ~) kept, every other byte as %XX (upper-case hex).
std::string percentEncode(std::string_view s);
// Reverses percentEncode; '+' is kept as is. Invalid escapes are left verbatim.
std::string percentDecode(std::string_view s);
// k1=v1&k2=v2 with keys and values percent-encoded (a query string or a form body).
std::string encodeParams(const QueryParams& params);

// Throws std::invalid_argument when `path` could change the URL beyond the path: a leading '/', '?', '#',
// '\\', whitespace or control characters. "" is allowed (the ?ids= calls).
void checkRelativePath(std::string_view path);
// {base}/{version}/{path}[?{params}]; a trailing '/' on base is dropped.
std::string buildUrl(std::string_view base, std::string_view version, std::string_view path,
                     const QueryParams& params);

struct UrlParts {
  std::string scheme;  // lower-case
  std::string host;    // lower-case, without [] for IPv6
  std::string port;    // as written; empty when absent
};
// Splits scheme://[userinfo@]host[:port][/...]. Returns false when the URL has no scheme or host.
bool parseUrl(std::string_view url, UrlParts& out);
// True for localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(std::string_view host);
// scheme://host[:port]/ — what error messages name instead of the full URL.
std::string urlOrigin(std::string_view url);
// True when both URLs parse and have the same scheme, host and port (an absent port is the scheme's default,
// 443 or 80). Only such a URL may receive the access token of a connection to `base`.
bool sameOrigin(std::string_view url, std::string_view base);

// The percent-decoded value of the first `key` in the query string of `url`; nullopt when absent.
std::optional<std::string> queryParam(std::string_view url, std::string_view key);
// Sets the value of `key` in the query string of `url` (every occurrence), appending it when absent.
// The value is percent-encoded; the fragment, if any, stays at the end.
std::string setQueryParam(std::string_view url, std::string_view key, std::string_view value);

}  // namespace igodbc::graph
