#include "net/redact.h"

#include <array>
#include <cctype>

#include "net/url.h"

namespace igodbc::graph {

namespace {

// Keys whose values are credentials: tokens, app secrets and the proof derived from them, OAuth codes and
// PKCE verifiers. Matched case-sensitively, after percent-decoding the key as a server would.
constexpr std::array<std::string_view, 10> kSecretKeys = {
    "access_token", "appsecret_proof", "client_secret", "code",     "fb_exchange_token",
    "input_token",  "refresh_token",   "code_verifier", "id_token", "password",
};

bool isSecretKey(std::string_view encodedKey) {
  std::string key = percentDecode(encodedKey);
  for (std::string_view k : kSecretKeys)
    if (key == k) return true;
  return false;
}

// Redacts the k=v pairs of `params` (separated by '&') and appends the result to `out`.
void redactPairs(std::string_view params, std::string& out) {
  while (true) {
    size_t amp = params.find('&');
    std::string_view pair = params.substr(0, amp);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && eq + 1 < pair.size() && isSecretKey(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1)).append("***");
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) return;
    out += '&';
    params.remove_prefix(amp + 1);
  }
}

// "scheme://..." (or a path starting with '/') is a URL; anything else is a form body.
bool looksLikeUrl(std::string_view s) {
  if (!s.empty() && s.front() == '/') return true;
  size_t i = 0;
  while (i < s.size() &&
         (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
    ++i;
  return i > 0 && std::isalpha(static_cast<unsigned char>(s[0])) && s.substr(i, 3) == "://";
}

}  // namespace

std::string redactUrl(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  if (!looksLikeUrl(url)) {
    redactPairs(url, out);
    return out;
  }
  // The query (between '?' and '#') and the fragment, which the implicit OAuth flow fills with a token.
  size_t q = url.find_first_of("?#");
  out.append(url.substr(0, q));
  if (q == std::string_view::npos) return out;
  std::string_view rest = url.substr(q);
  if (rest.front() == '?') {
    size_t hash = rest.find('#');
    out += '?';
    redactPairs(rest.substr(1, hash == std::string_view::npos ? std::string_view::npos : hash - 1), out);
    if (hash == std::string_view::npos) return out;
    rest.remove_prefix(hash);
  }
  out += '#';
  redactPairs(rest.substr(1), out);
  return out;
}

std::string scrubSecret(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (const std::string& form : {secret, percentEncode(secret)}) {
    for (size_t pos = text.find(form); pos != std::string::npos; pos = text.find(form, pos + 3))
      text.replace(pos, form.size(), "***");
  }
  return text;
}

}  // namespace igodbc::graph
