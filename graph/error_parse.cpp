#include "graph/error_parse.h"

#include <climits>
#include <cmath>
#include <cstdlib>

#include "net/json_body.h"
#include "net/redact.h"

namespace igodbc::graph {

namespace {

constexpr size_t kMaxTextBytes = 1000;  // a hostile server must not blow up diagnostics

// Integers may come as numbers or (seen in the wild) numeric strings.
int intMember(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return 0;
  const rapidjson::Value& v = it->value;
  if (v.IsInt()) return v.GetInt();
  if (v.IsInt64() || v.IsUint64() || v.IsDouble()) {
    double d = v.GetDouble();
    if (std::isfinite(d) && d >= INT_MIN && d <= INT_MAX) return static_cast<int>(d);
    return 0;
  }
  if (v.IsString()) {
    char* end = nullptr;
    long n = std::strtol(v.GetString(), &end, 10);
    if (end != v.GetString() && *end == '\0' && n >= INT_MIN && n <= INT_MAX) return static_cast<int>(n);
  }
  return 0;
}

std::string stringMember(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool boolMember(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return false;
  if (it->value.IsBool()) return it->value.GetBool();
  return it->value.IsString() && std::string_view(it->value.GetString()) == "true";
}

// One line, bounded, without secrets.
std::string clean(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& s : secrets) text = scrubSecret(std::move(text), s);
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  if (text.size() > kMaxTextBytes) {
    size_t cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    text.resize(cut);
    text += "...";
  }
  return text;
}

const char* reasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return nullptr;
  }
}

}  // namespace

std::optional<GraphError> graphErrorFromJson(int httpStatus, const rapidjson::Value& root,
                                             const std::vector<std::string>& secrets) {
  if (!root.IsObject()) return std::nullopt;
  auto it = root.FindMember("error");
  if (it == root.MemberEnd() || !it->value.IsObject()) return std::nullopt;
  const rapidjson::Value& e = it->value;

  int code = intMember(e, "code");
  int subcode = intMember(e, "error_subcode");
  std::string type = clean(stringMember(e, "type"), secrets);
  std::string message = clean(stringMember(e, "message"), secrets);
  std::string fbtrace = clean(stringMember(e, "fbtrace_id"), secrets);
  std::string userTitle = clean(stringMember(e, "error_user_title"), secrets);
  std::string userMsg = clean(stringMember(e, "error_user_msg"), secrets);

  // Graph API error 190/467 (OAuthException): Invalid OAuth access token (fbtrace_id Abc)
  std::string what = "Graph API error " + std::to_string(code);
  if (subcode != 0) what += "/" + std::to_string(subcode);
  if (!type.empty()) what += " (" + type + ")";
  what += ": " + (message.empty() ? std::string("no message") : message);
  // Publishing errors put the actionable text for end users here.
  if (!userMsg.empty() && message.find(userMsg) == std::string::npos)
    what += " - " + (userTitle.empty() ? userMsg : userTitle + ": " + userMsg);
  if (!fbtrace.empty()) what += " (fbtrace_id " + fbtrace + ")";

  return GraphError(what, httpStatus, code, subcode, std::move(type), std::move(message), std::move(fbtrace),
                    boolMember(e, "is_transient"));
}

GraphError graphErrorFromResponse(int httpStatus, std::string_view body,
                                  const std::vector<std::string>& secrets) {
  std::string parseError;
  if (auto doc = parseJsonBody(body, parseError)) {
    if (auto err = graphErrorFromJson(httpStatus, *doc, secrets)) return std::move(*err);
  }
  std::string status = std::to_string(httpStatus);
  if (const char* reason = reasonPhrase(httpStatus)) status += std::string(" (") + reason + ")";
  std::string what = "The Graph API answered HTTP " + status + " without an error description";
  // Overload and gateway answers are worth retrying; the retry policy decides.
  bool transient =
      httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
  return GraphError(what, httpStatus, 0, 0, "", what, "", transient);
}

}  // namespace igodbc::graph
