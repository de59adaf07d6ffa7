#include "server/faults.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "server/errors.h"

namespace igemu {

namespace {

const int kThrottleCodes[] = {4, 17, 32, 613, 80001, 80002};

bool parse_kind(const std::string& name, FaultRule& r) {
  static const std::pair<const char*, FaultKind> kinds[] = {
      {"latency", FaultKind::Latency},     {"5xx", FaultKind::ServerError}, {"reset", FaultKind::Reset},
      {"truncated", FaultKind::Truncated}, {"invalid", FaultKind::Invalid}, {"drip", FaultKind::Drip},
      {"expire", FaultKind::Expire},       {"cursor", FaultKind::Cursor},   {"deep", FaultKind::Deep},
      {"long", FaultKind::Long},           {"huge", FaultKind::Huge}};
  for (const auto& [n, k] : kinds)
    if (name == n) {
      r.kind = k;
      return true;
    }
  if (name.rfind("throttle", 0) != 0) return false;
  r.kind = FaultKind::Throttle;
  std::string code = name.substr(8);
  if (code.empty()) return true;
  for (int c : kThrottleCodes)
    if (code == std::to_string(c)) {
      r.throttleCode = c;
      return true;
    }
  return false;
}

bool matches(const std::string& pattern, const std::string& path) {
  if (pattern.empty() || pattern == "*") return true;
  // '*' separated pieces must appear in order
  size_t pos = 0, start = 0;
  while (start <= pattern.size()) {
    size_t star = pattern.find('*', start);
    std::string piece = pattern.substr(start, star == std::string::npos ? std::string::npos : star - start);
    if (!piece.empty()) {
      size_t at = path.find(piece, pos);
      if (at == std::string::npos) return false;
      pos = at + piece.size();
    }
    if (star == std::string::npos) break;
    start = star + 1;
  }
  return true;
}

GraphError throttle_error(int code) {
  switch (code) {
    case 4:
      return errors::app_throttled();
    case 17: {
      GraphError e(403, 17, 0, "OAuthException", "(#17) User request limit reached");
      e.is_transient = true;
      return e;
    }
    case 32:
      return GraphError(403, 32, 0, "OAuthException", "(#32) Page request limit reached");
    case 613:
      return GraphError(400, 613, 0, "OAuthException",
                        "(#613) Calls to this api have exceeded the rate limit.");
    case 80001:
      return GraphError(
          400, 80001, 0, "OAuthException",
          "(#80001) There have been too many calls to this Page account. Wait a bit and try again.");
    default:
      return errors::buc_throttled();
  }
}

// The account a BUC header is keyed by: the first all-digit path segment, else a fixed account.
std::string account_of(const std::string& path) {
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t end = path.find('/', i);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(i, end - i);
    if (seg.size() > 5 && seg.find_first_not_of("0123456789") == std::string::npos) return seg;
    i = end;
  }
  return "17841405822304914";
}

// Grows the human-written strings of `v` (and of everything inside it) by `extra`.
void lengthen(rapidjson::Value& v, const std::string& extra, rapidjson::Document::AllocatorType& alloc) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) lengthen(item, extra, alloc);
  } else if (v.IsObject()) {
    for (auto& m : v.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      const bool text =
          key == "caption" || key == "text" || key == "name" || key == "username" || key == "biography";
      if (text && m.value.IsString()) {
        const std::string grown = std::string(m.value.GetString(), m.value.GetStringLength()) + extra;
        m.value.SetString(grown.c_str(), static_cast<rapidjson::SizeType>(grown.size()), alloc);
      } else {
        lengthen(m.value, extra, alloc);
      }
    }
  }
}

}  // namespace

bool Faults::configure(const std::string& spec, uint64_t seed, std::string& error) {
  rng_.seed(seed);
  rules_.clear();
  size_t start = 0;
  while (start < spec.size()) {
    size_t end = spec.find_first_of(",;", start);
    if (end == std::string::npos) end = spec.size();
    std::string text = spec.substr(start, end - start);
    start = end + 1;
    if (text.empty()) continue;
    FaultRule r;
    size_t at = text.find('@');
    if (at != std::string::npos) {
      r.pattern = text.substr(at + 1);
      text = text.substr(0, at);
      size_t space = r.pattern.find(' ');
      if (space != std::string::npos) {
        r.method = r.pattern.substr(0, space);
        r.pattern = r.pattern.substr(space + 1);
      }
    }
    std::vector<std::string> parts;
    size_t p = 0;
    while (true) {
      size_t colon = text.find(':', p);
      parts.push_back(text.substr(p, colon == std::string::npos ? std::string::npos : colon - p));
      if (colon == std::string::npos) break;
      p = colon + 1;
    }
    if (parts.size() > 3 || !parse_kind(parts[0], r)) {
      error = "bad fault rule '" + text + "'";
      return false;
    }
    char* rest = nullptr;
    if (parts.size() > 1) {
      r.probability = std::strtod(parts[1].c_str(), &rest);
      if (parts[1].empty() || *rest != '\0' || r.probability < 0 || r.probability > 1) {
        error = "bad fault probability in '" + text + "'";
        return false;
      }
    }
    if (parts.size() > 2) {
      long v = std::strtol(parts[2].c_str(), &rest, 10);
      if (parts[2].empty() || *rest != '\0' || v < 0 || v > 600000) {
        error = "bad fault parameter in '" + text + "'";
        return false;
      }
      r.param = static_cast<int>(v);
    }
    rules_.push_back(r);
  }
  return true;
}

FaultAction Faults::pick(const std::string& method, const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++calls_;
  std::uniform_real_distribution<double> uniform(0, 1);
  for (const FaultRule& r : rules_) {
    // Operations inside a batch meet only the rules that name BATCH; every other rule is about HTTP requests.
    if (r.method.empty() ? method == "BATCH" : r.method != method) continue;
    if (!matches(r.pattern, path)) continue;
    if (r.kind == FaultKind::Expire) {
      if (calls_ > static_cast<uint64_t>(r.param < 0 ? 100 : r.param)) return {r.kind, r.param, 0, 0};
      continue;
    }
    if (uniform(rng_) >= r.probability) continue;
    FaultAction a{r.kind, r.param, r.throttleCode, rng_()};
    if (a.kind == FaultKind::Throttle && a.throttleCode == 0) a.throttleCode = kThrottleCodes[a.draw % 6];
    return a;
  }
  return {};
}

bool Faults::before(const FaultAction& a, ApiResponse& out, const std::string& trace_id,
                    const std::string& path) {
  switch (a.kind) {
    case FaultKind::Latency:
      std::this_thread::sleep_for(std::chrono::milliseconds(a.param < 0 ? 200 : a.param));
      return false;
    case FaultKind::ServerError: {
      // Graph's own blips: code 1 (HTTP 500) or code 2 (HTTP 503, transient); sometimes a bare proxy 502.
      if (a.draw % 3 == 2) {
        out.status = 502;
        out.content_type = "text/html";
        out.body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        return true;
      }
      GraphError e = a.draw % 3 == 0
                         ? GraphError(500, 1, 0, "OAuthException", "An unknown error occurred")
                         : GraphError(503, 2, 0, "OAuthException", "Service temporarily unavailable");
      e.is_transient = a.draw % 3 == 1;
      out.status = e.http_status;
      out.body = error_body(e, trace_id);
      return true;
    }
    case FaultKind::Throttle: {
      GraphError e = throttle_error(a.throttleCode);
      out.status = e.http_status;
      out.body = error_body(e, trace_id);
      const int regain = a.param < 0 ? 0 : a.param;
      if (a.throttleCode == 80001 || a.throttleCode == 80002) {
        const char* type = a.throttleCode == 80001 ? "pages" : "instagram";
        out.headers.emplace_back("X-Business-Use-Case-Usage",
                                 "{\"" + account_of(path) + "\":[{\"type\":\"" + type +
                                     "\",\"call_count\":100,\"total_cputime\":12,\"total_time\":25,"
                                     "\"estimated_time_to_regain_access\":" +
                                     std::to_string(regain) + "}]}");
      } else {
        out.headers.emplace_back("X-App-Usage",
                                 "{\"call_count\":100,\"total_cputime\":20,\"total_time\":31}");
      }
      return true;
    }
    case FaultKind::Expire: {
      GraphError e(400, 190, 463, "OAuthException",
                   "Error validating access token: Session has expired on Sunday, 01-Nov-26 12:00:00 PST.");
      e.www_authenticate = "OAuth \"Facebook Platform\" \"invalid_token\" \"Session has expired\"";
      out.status = e.http_status;
      out.headers.emplace_back("WWW-Authenticate", e.www_authenticate);
      out.body = error_body(e, trace_id);
      return true;
    }
    default:
      return false;
  }
}

void Faults::after(const FaultAction& a, ApiResponse& out, const std::string& self_url) {
  if (out.status != 200) return;
  if (a.kind == FaultKind::Truncated && !out.body.empty()) {
    out.body.resize(out.body.size() / 2);  // a complete HTTP answer holding half a document
  } else if (a.kind == FaultKind::Invalid) {
    out.body = a.draw % 2 ? std::string("{\"data\":[{\"id\":\"1\"},]}") : std::string("{\"data\":[]}garbage");
    if (a.draw % 4 == 0) out.body = out.body.substr(0, 1) + '\x01' + out.body.substr(1);
  } else if (a.kind == FaultKind::Deep && !out.body.empty() && out.body[0] == '{') {
    // A member nobody asked for, nested deeper than any recursive parser survives.
    const size_t depth = a.param < 0 ? 100000 : static_cast<size_t>(a.param);
    out.body =
        "{\"igodbc_deep\":" + std::string(depth, '[') + std::string(depth, ']') + "," + out.body.substr(1);
  } else if (a.kind == FaultKind::Long) {
    rapidjson::Document doc;
    doc.Parse(out.body.c_str(), out.body.size());
    if (doc.HasParseError()) return;
    lengthen(doc, std::string(static_cast<size_t>(a.param < 0 ? 1024 : a.param) * 1024, 'x'),
             doc.GetAllocator());
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    out.body.assign(buf.GetString(), buf.GetSize());
  } else if (a.kind == FaultKind::Cursor) {
    rapidjson::Document doc;
    doc.Parse(out.body.c_str(), out.body.size());
    if (doc.HasParseError() || !doc.IsObject()) return;
    auto paging = doc.FindMember("paging");
    if (paging == doc.MemberEnd() || !paging->value.IsObject()) return;
    auto next = paging->value.FindMember("next");
    if (next == paging->value.MemberEnd()) return;
    next->value.SetString(self_url.c_str(), static_cast<rapidjson::SizeType>(self_url.size()),
                          doc.GetAllocator());
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    out.body.assign(buf.GetString(), buf.GetSize());
  }
}

bool Faults::stream(const FaultAction& a, const ApiResponse& out, httplib::Response& res) {
  if (a.kind == FaultKind::Huge && out.status == 200) {
    // Chunked, 1 MiB at a time, so the emulator never holds it: a caption that does not end.
    const size_t total = static_cast<size_t>(a.param < 0 ? 300 : a.param) << 20;
    auto chunk = std::make_shared<std::string>(size_t{1} << 20, 'x');
    res.status = 200;
    for (const auto& [name, value] : out.headers) res.set_header(name, value);
    res.set_chunked_content_provider(
        out.content_type, [chunk, total](size_t offset, httplib::DataSink& sink) {
          static const std::string kStart = "{\"data\":[{\"id\":\"1\",\"caption\":\"";
          if (offset == 0) return sink.write(kStart.data(), kStart.size());
          if (offset >= total) {
            sink.done();
            return true;
          }
          return sink.write(chunk->data(), chunk->size());
        });
    return true;
  }
  if (a.kind != FaultKind::Reset && a.kind != FaultKind::Drip) return false;
  auto body = std::make_shared<std::string>(out.body);
  const bool reset = a.kind == FaultKind::Reset;
  const int total_ms = a.param < 0 ? 300 : a.param;
  res.status = out.status;
  for (const auto& [name, value] : out.headers) res.set_header(name, value);
  res.set_content_provider(
      body->size(), out.content_type,
      [body, reset, total_ms](size_t offset, size_t, httplib::DataSink& sink) {
        if (reset) {
          // Half the promised bytes, then the connection closes: the client sees a short body.
          sink.write(body->data(), body->size() / 2);
          return false;
        }
        const size_t chunks = 10;
        const size_t step = body->size() / chunks + 1;
        size_t n = std::min(step, body->size() - offset);
        std::this_thread::sleep_for(std::chrono::milliseconds(total_ms / static_cast<int>(chunks)));
        sink.write(body->data() + offset, n);
        return true;
      });
  return true;
}

}  // namespace igemu
