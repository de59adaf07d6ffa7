// Batch requests: POST / with batch=[{method, relative_url, body, name, …}, …]. Every
// operation runs through the full handler (its own status, headers, rate-limit count); one failing
// operation does not fail the others. Later operations can use earlier results through JSONPath:
// {result=name:$.data.*.id}.
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "api/api_internal.h"
#include "server/jsonpath.h"

namespace igemu {
namespace {

constexpr size_t kMaxBatch = 50;

struct Reference {
  size_t begin, end;  // the whole "{result=…}" in the text
  std::string name, path;
};

// Finds {result=name:path} (also URL-encoded as %7Bresult=…%7D).
std::vector<Reference> find_references(const std::string& text) {
  std::vector<Reference> refs;
  for (size_t pos = 0; pos < text.size();) {
    size_t open = text.find("{result=", pos);
    size_t open_len = 1;
    size_t enc = std::string::npos;
    for (size_t p = text.find("%7", pos); p != std::string::npos; p = text.find("%7", p + 1)) {
      if (p + 11 <= text.size() && (text[p + 2] == 'B' || text[p + 2] == 'b') &&
          text.compare(p + 3, 7, "result=") == 0) {
        enc = p;
        break;
      }
    }
    if (enc != std::string::npos && (open == std::string::npos || enc < open)) {
      open = enc;
      open_len = 3;
    }
    if (open == std::string::npos) break;
    const size_t name_start = open + open_len + 7;
    const size_t colon = text.find(':', name_start);
    if (colon == std::string::npos) break;
    size_t close = text.find('}', colon);
    size_t close_len = 1;
    const size_t close_enc = [&] {
      for (size_t p = text.find("%7", colon); p != std::string::npos; p = text.find("%7", p + 1)) {
        if (p + 2 < text.size() && (text[p + 2] == 'D' || text[p + 2] == 'd')) return p;
      }
      return std::string::npos;
    }();
    if (close_enc != std::string::npos && (close == std::string::npos || close_enc < close)) {
      close = close_enc;
      close_len = 3;
    }
    if (close == std::string::npos) break;
    refs.push_back({open, close + close_len, text.substr(name_start, colon - name_start),
                    url_decode(text.substr(colon + 1, close - colon - 1), false)});
    pos = close + close_len;
  }
  return refs;
}

struct OpResult {
  bool done = false;
  ApiResponse response;
};

// Replaces the references in `text` with the comma-joined values; false when a referenced
// operation is unknown or failed.
bool substitute(std::string& text, const std::map<std::string, OpResult>& results, std::string& failed_name) {
  std::vector<Reference> refs = find_references(text);
  for (auto it = refs.rbegin(); it != refs.rend(); ++it) {
    auto found = results.find(it->name);
    if (found == results.end() || !found->second.done || found->second.response.status != 200) {
      failed_name = it->name;
      return false;
    }
    const std::optional<std::vector<std::string>> values =
        jsonpath_values(found->second.response.body, it->path);
    if (!values) {
      failed_name = it->name;
      return false;
    }
    std::string joined;
    for (const std::string& v : *values) joined += (joined.empty() ? "" : ",") + v;
    text.replace(it->begin, it->end - it->begin, joined);
  }
  return true;
}

bool has_version_prefix(const std::string& path) {
  // "v24.0/…" or "/v24.0/…"
  size_t i = path[0] == '/' ? 1 : 0;
  if (i >= path.size() || path[i] != 'v') return false;
  ++i;
  const size_t digits = i;
  while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
  if (i == digits || i >= path.size() || path[i] != '.') return false;
  ++i;
  const size_t minor = i;
  while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
  return i > minor && (i == path.size() || path[i] == '/' || path[i] == '?');
}

void write_item(JsonWriter& w, const ApiResponse& r, bool include_headers) {
  w.begin_object().key("code").integer(r.status);
  if (include_headers) {
    w.key("headers").begin_array();
    w.begin_object().key("name").string("Content-Type").key("value").string(r.content_type).end_object();
    for (const auto& [name, value] : r.headers)
      w.begin_object().key("name").string(name).key("value").string(value).end_object();
    w.end_array();
  }
  w.key("body").string(r.body);
  w.end_object();
}

}  // namespace

std::string run_batch(const Call& c, const ApiRequest& outer, const std::string& token,
                      const RunRequest& run) {
  rapidjson::Document ops;
  const std::string& text = *c.param("batch");
  ops.Parse(text.c_str(), text.size());
  if (ops.HasParseError() || !ops.IsArray())
    throw errors::invalid_parameter("The parameter batch must be a JSON array");
  if (ops.Size() > kMaxBatch) {
    throw GraphError(400, 1, 0, "GraphBatchException",
                     "Too many requests in batch message. Maximum batch size is 50");
  }
  const std::string* include = c.param("include_headers");
  const bool include_headers = !include || *include != "false";

  // Named operations referenced later answer null on success (unless omit_response_on_success=false).
  std::set<std::string> referenced;
  for (const auto& op : ops.GetArray()) {
    if (!op.IsObject()) continue;
    for (const char* key : {"relative_url", "body"}) {
      auto it = op.FindMember(key);
      if (it != op.MemberEnd() && it->value.IsString()) {
        for (const Reference& r : find_references(it->value.GetString())) referenced.insert(r.name);
      }
    }
  }

  std::map<std::string, OpResult> results;
  JsonWriter w;
  w.begin_array();
  size_t index = 0;
  for (const auto& op : ops.GetArray()) {
    const std::string trace = make_trace_id(c.data.seed, "BATCH", text + "#" + std::to_string(index++));
    ApiResponse res;
    std::string name;
    bool omit_on_success = true;
    auto string_member = [&](const char* key) -> std::optional<std::string> {
      if (!op.IsObject()) return std::nullopt;
      auto it = op.FindMember(key);
      if (it == op.MemberEnd() || !it->value.IsString()) return std::nullopt;
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    if (op.IsObject()) {
      if (auto n = string_member("name")) name = *n;
      auto it = op.FindMember("omit_response_on_success");
      if (it != op.MemberEnd() && it->value.IsBool()) omit_on_success = it->value.GetBool();
    }
    std::optional<std::string> relative_url = string_member("relative_url");
    std::string method = string_member("method").value_or("GET");
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    std::string body = string_member("body").value_or("");
    std::string failed;
    if (!relative_url) {
      res.status = 400;
      res.body = error_body(errors::missing_param("relative_url"), trace);
    } else if (!substitute(*relative_url, results, failed) || !substitute(body, results, failed)) {
      res.status = 400;
      res.body = error_body(
          errors::invalid_parameter("The batch operation named " + failed + " failed or does not exist"),
          trace);
    } else {
      std::string target = *relative_url;
      if (target.empty() || target[0] != '/') target = "/" + target;
      if (!has_version_prefix(target)) target = "/" + c.ctx.version + target;
      // The batch's token unless the operation names its own.
      const bool own_token = target.find("access_token=") != std::string::npos ||
                             body.find("access_token=") != std::string::npos;
      ApiRequest sub{method,     target,
                     outer.host, own_token ? "" : "OAuth " + token,
                     body,       "application/x-www-form-urlencoded"};
      res = run(sub);
    }
    if (!name.empty()) results[name] = OpResult{true, res};
    if (!name.empty() && res.status == 200 && omit_on_success && referenced.count(name)) {
      w.raw("null");
    } else {
      write_item(w, res, include_headers);
    }
  }
  w.end_array();
  return w.take();
}

}  // namespace igemu
