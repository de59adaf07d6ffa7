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
// A Graph page is kilobytes, an ids= batch a few MiB; the parsed document takes about three times the body.
inline constexpr size_t kMaxBodyBytes = size_t{32} << 20;  // a hostile server cannot exhaust memory

struct HttpRequest {
  std::string method = "GET";  // GET, POST (form body) or DELETE
  std::string url;
  std::string formBody;     // POST only, application/x-www-form-urlencoded
  std::string contentType;  // POST: empty = application/x-www-form-urlencoded (a JSON body says so here)
};

// TLS trust and proxy settings (SSLServerCert, Proxy*); empty fields keep libcurl's defaults, which honour
// https_proxy / no_proxy from the environment.
struct NetworkOptions {
  std::string serverCert;  // a CA file, a CA folder, or "sha256//<base64>[;sha256//...]" pinned public keys
  std::string proxy;       // host[:port] or scheme://host:port
  std::string proxyUser;
  std::string proxyPassword;  // a secret: never logged
  std::string noProxy;        // comma-separated hosts that bypass the proxy; "*" for all
};

struct HttpResult {
  long status = 0;
  std::vector<char> body;  // after decompression; at most kMaxBodyBytes, and no more capacity than that
  std::string apiVersion;  // facebook-api-version header; empty when absent
  std::string retryAfter;  // Retry-After header; empty when absent
  std::string appUsage;    // X-App-Usage header (JSON); empty when absent
  std::string bucUsage;    // X-Business-Use-Case-Usage header (JSON); empty when absent
};

class HttpSession {
 public:
  // `cancelled` is polled while a transfer runs; it must outlive the session.
  HttpSession(long timeoutSeconds, long connectTimeoutSeconds, const std::atomic<bool>& cancelled);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Applies TLS trust and proxy settings to every later request. Throws std::invalid_argument when
  // serverCert names a path that does not exist. A sha256// pin replaces the CA chain and host name checks:
  // only a server holding the pinned key passes, so a private CA or a self-signed certificate works.
  void configure(const NetworkOptions& options);

  // Any HTTP status is a result. Throws NetworkError (TlsError for a failed verification) / TimeoutError /
  // CancelledError; their texts name the origin only and have every string of `secrets` scrubbed. notSent
  // is set when no byte of the request went out.
  HttpResult perform(const HttpRequest& request, const std::vector<std::string>& secrets);

  // Any thread: makes a running perform() notice the cancel flag now instead of at the next poll.
  void wakeup();
  // The cancel flag this session polls is set.
  bool stopped() const { return cancelled_.load(); }

 private:
  CURL* easy_;    // reused for every request
  CURLM* multi_;  // owns the connection cache that keeps connections alive between requests
  const std::atomic<bool>& cancelled_;
  bool pinned_ = false;  // SSLServerCert is a sha256// pin: the pin, not a CA chain, vouches for the server
};

}  // namespace igodbc::graph
