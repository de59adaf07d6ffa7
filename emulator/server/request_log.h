// --request-log: one JSON object per request, appended and flushed line by line so tests can count
// API calls while the emulator runs. The access token is never written out.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace igemu {

// {"method":"GET","path":"/v24.0/1784…/media","query":{"fields":"id,caption","access_token":"***"},"status":200}
// Query values are decoded; for a repeated parameter the first value is kept (the one the API uses).
std::string request_log_line(const std::string& method, const std::string& target, int status);

class RequestLog {
 public:
  RequestLog() = default;
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;
  ~RequestLog();

  bool open(const std::string& path);  // appends; false when the file cannot be opened
  void write(const std::string& method, const std::string& target, int status);

 private:
  std::mutex mutex_;
  std::FILE* file_ = nullptr;
};

}  // namespace igemu
