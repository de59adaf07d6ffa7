#include "server/request_log.h"

#include <algorithm>
#include <vector>

#include "server/json.h"
#include "server/paging.h"

namespace igemu {

std::string request_log_line(const std::string& method, const std::string& target, int status) {
  const size_t qmark = target.find('?');
  const std::vector<QueryParam> params = parse_query(
      qmark == std::string::npos ? std::string_view() : std::string_view(target).substr(qmark + 1));
  JsonWriter w(false);
  w.begin_object();
  w.key("method").string(method);
  w.key("path").string(url_decode(target.substr(0, qmark), false));
  w.key("query").begin_object();
  std::vector<std::string> seen;
  for (const QueryParam& p : params) {
    if (std::find(seen.begin(), seen.end(), p.key) != seen.end()) continue;
    seen.push_back(p.key);
    w.key(p.key).string(p.key == "access_token" ? "***" : p.value);
  }
  w.end_object();
  w.key("status").integer(status);
  w.end_object();
  return w.take();
}

RequestLog::~RequestLog() {
  if (file_) std::fclose(file_);
}

bool RequestLog::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "a");
  return file_ != nullptr;
}

void RequestLog::write(const std::string& method, const std::string& target, int status) {
  if (!file_) return;
  const std::string line = request_log_line(method, target, status) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

}  // namespace igemu
