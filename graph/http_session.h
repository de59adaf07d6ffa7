// One libcurl connection cache per Client: HTTP exchanges with keep-alive and gzip, bounded bodies, and
// cancellation from another thread within ~100 ms. Knows nothing about the Graph API or tokens.
#pragma once

#include <curl/curl.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace igodbc::graph {

inline constexpr const char* kCancelledMessage = "The statement was cancelled";
inline constexpr size_t kMaxBodyBytes = size_t{256} << 20;  // a hostile server cannot exhaust memory

struct HttpRequest {
  std::string method = "GET";  // GET, POST (form body) or DELETE
  std::string url;
  std::string formBody;  // POST only, application/x-www-form-urlencoded
};

struct HttpResult {
  long status = 0;
  std::vector<char> body;  // after decompression; at most kMaxBodyBytes, and no more capacity than that
  std::string apiVersion;  // facebook-api-version header; empty when absent
};

class HttpSession {
 public:
  // `cancelled` is polled while a transfer runs; it must outlive the session.
  HttpSession(long timeoutSeconds, long connectTimeoutSeconds, const std::atomic<bool>& cancelled);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Any HTTP status is a result. Throws NetworkError / TimeoutError / CancelledError; their texts name the
  // origin only and have every string of `secrets` scrubbed.
  HttpResult perform(const HttpRequest& request, const std::vector<std::string>& secrets);

  // Any thread: makes a running perform() notice the cancel flag now instead of at the next poll.
  void wakeup();

 private:
  CURL* easy_;    // reused for every request
  CURLM* multi_;  // owns the connection cache that keeps connections alive between requests
  const std::atomic<bool>& cancelled_;
};

}  // namespace igodbc::graph
