// The one HTTP + Graph layer: URL building, token and appsecret_proof, libcurl exchange (keep-alive, gzip),
// error bodies to typed errors, the request log. Thread-compatible: one Client per ODBC connection; cancel()
// may be called from any thread. Read-ahead hints run on the Client's own background lanes.
#pragma once

#include <rapidjson/document.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/errors.h"
#include "graph/request_lanes.h"
#include "graph/request_log.h"
#include "graph/response.h"
#include "graph/response_cache.h"
#include "graph/token_provider.h"
#include "net/http_session.h"
#include "net/logger.h"

namespace igodbc::graph {

struct Config {
  std::string baseUrl = "https://graph.facebook.com";  // GraphURL; plain http only for loopback hosts
  std::string version = "v24.0";                       // Version
  long timeoutSeconds = 60;                            // per request
  long connectTimeoutSeconds = 30;
  NetworkOptions network;              // SSLServerCert and the proxy properties
  std::shared_ptr<Logger> logger;      // LogFile; null when not logging
  int maxRetries = 4;                  // MaxRetries: repeats of a transient failure (retry_policy.h)
  double retryMaxSeconds = 60;         // RetryMaxSeconds: total backoff budget of one call
  double retryBaseSeconds = 0.25;      // first backoff step
  int governorThreshold = 80;          // RateLimitThreshold: usage percent where the governor slows down
  double governorMaxDelaySeconds = 1;  // the governor's wait at 100 % usage
  double cacheSeconds = 0;             // CacheSeconds: reuse of GET answers across statements (0: never)
  bool instagramLogin = false;         // AuthMode=InstagramLogin (advice on rejected tokens only)
  int maxConcurrency = 8;              // MaxConcurrency: requests in flight at once (1: one at a time)
};

using Params = std::vector<std::pair<std::string, std::string>>;

// Throws std::invalid_argument with a user-facing message when the base URL is not acceptable (not http(s),
// or plain http to a host that is not loopback).
void validateBaseUrl(const std::string& baseUrl);

class Client {
 public:
  Client(Config config, std::shared_ptr<TokenProvider> tokens);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // GET {baseUrl}/{version}/{path}?{params}&access_token=…[&appsecret_proof=…]. `path` is relative and
  // already validated by the caller ("me/accounts", "17841405822304914/media", "" for ?ids=); parameter
  // values are URL-encoded here. Throws GraphError / NetworkError / CancelledError / TimeoutError /
  // AuthError. Answered from the response cache when the same GET was made earlier in the statement
  // (or within CacheSeconds); such reuses are logged with FromCache = 1.
  Response get(std::string_view path, const Params& params);
  // As get(), never from the cache and not kept: for what changes while a statement runs (a status polled).
  Response getFresh(std::string_view path, const Params& params);
  // GET an absolute URL taken from paging.next, verbatim (it already carries the token and parameters).
  // Cached like get().
  Response getUrl(const std::string& absoluteUrl);
  // POST {baseUrl}/{version}/{path} with `form` (plus access_token and appsecret_proof) as an
  // application/x-www-form-urlencoded body. For writes; same errors as get(). Clears the response cache.
  Response post(std::string_view path, const Params& form);
  // A POST that only reads (a batch of GETs): retried like a GET.
  Response postRead(std::string_view path, const Params& form);
  // As postRead, with the parameters (and credentials) sent as a flat JSON object of strings: large batch
  // bodies, which some servers cap when form-encoded.
  Response postReadJson(std::string_view path, const Params& fields);
  // DELETE {baseUrl}/{version}/{path}?access_token=…[&appsecret_proof=…]. Same errors as get(). Clears the
  // response cache.
  Response del(std::string_view path);

  // Read-ahead hints: start the GET that get() / getUrl() will be asked for soon on a background lane, so
  // it is in flight while the statement works through what it has. Nothing happens with MaxConcurrency=1,
  // when the answer is cached, or when every lane is spoken for. The later get() / getUrl() of the same
  // request uses the answer (or its error) as if it had made the request then (request_lanes.h).
  void prefetch(std::string_view path, const Params& params);
  void prefetchUrl(const std::string& absoluteUrl);
  int maxConcurrency() const { return config_.maxConcurrency; }

  void cancel();       // any thread: the in-flight transfer (and the next ones) fail with CancelledError
  void clearCancel();  // the driver calls this when a new statement starts
  // A new statement starts: its first request replaces the log; cached answers of earlier statements stay
  // usable only within CacheSeconds.
  void beginStatement();

  RequestLog& log() { return *log_; }
  const Config& config() const { return config_; }

 private:
  struct Impl;
  std::optional<Response> takePrefetched(const std::string& key);
  std::unique_ptr<Impl> impl_;
  Config config_;
  std::shared_ptr<TokenProvider> tokens_;
  std::shared_ptr<RequestLog> log_;
  ResponseCache cache_;
  std::atomic<bool> cancelled_{false};
  std::unique_ptr<RequestLanes> lanes_;  // last: its threads use everything above, and stop first
};

}  // namespace igodbc::graph
