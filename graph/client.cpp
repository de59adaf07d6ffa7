// Graph calls over HttpSession: URLs with token and appsecret_proof, the request log, JSON bodies to
// Response, error bodies to typed errors, and the one retry after a rejected token.
#include "graph/client.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "graph/appsecret_proof.h"
#include "graph/error_parse.h"
#include "graph/rate_governor.h"
#include "graph/retry_policy.h"
#include "graph/token_family.h"
#include "graph/usage_headers.h"
#include "net/http_session.h"
#include "net/json_body.h"
#include "net/redact.h"
#include "net/url.h"

namespace igodbc::graph {

namespace {

// The credentials of one attempt.
struct Auth {
  std::string token;
  std::string appSecret;
  std::string proof;  // empty when there is no app secret

  Params params() const {
    Params p{{"access_token", token}};
    if (!proof.empty()) p.emplace_back("appsecret_proof", proof);
    return p;
  }
  std::vector<std::string> secrets() const { return {token, appSecret, proof}; }
};

Params concat(Params a, const Params& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Feeds the usage headers of a response to the process-wide store (sys_ratelimit, the governor).
void recordUsage(const HttpResult& res) {
  if (res.appUsage.empty() && res.bucUsage.empty()) return;
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  UsageStore& store = UsageStore::process();
  if (!res.appUsage.empty()) store.record(parseAppUsage(res.appUsage, now));
  if (!res.bucUsage.empty()) store.record(parseBucUsage(res.bucUsage, now));
}

// Retry-After and, for the account the request is about, estimated_time_to_regain_access.
void addWaitHints(GraphError& e, const HttpResult& res, const std::string& url) {
  e.retryAfterSeconds = parseRetryAfter(res.retryAfter);
  for (const UsageRow& r : parseBucUsage(res.bucUsage, 0))
    if (r.regainMinutes && *r.regainMinutes > 0 && url.find(r.objectId) != std::string::npos)
      e.regainAccessMinutes = std::max(e.regainAccessMinutes, *r.regainMinutes);
}

std::optional<int> nonZero(int v) {
  return v != 0 ? std::optional<int>(v) : std::nullopt;
}

// A cached answer to `key`, logged as a reuse (FromCache = 1); nullopt on a miss.
std::optional<Response> reuse(ResponseCache& cache, RequestLog& log, const std::string& key) {
  if (!cacheableGet(key)) return std::nullopt;
  std::optional<CachedResponse> hit = cache.find(key, ResponseCache::Clock::now());
  if (!hit) return std::nullopt;
  RequestRecord r;
  r.method = "GET";
  r.url = hit->url;
  r.status = hit->status;
  r.bytes = hit->bytes;
  r.apiVersion = hit->apiVersion;
  return Response{hit->json, log.reused(r)};
}

void keep(ResponseCache& cache, const RequestLog& log, const std::string& key, const Response& r) {
  if (!cacheableGet(key)) return;
  std::optional<RequestRecord> e = log.entry(r.seq);
  if (!e) return;
  CachedResponse kept{r.json, e->status.value_or(200), e->bytes.value_or(0), e->apiVersion, e->url};
  cache.store(key, std::move(kept), ResponseCache::Clock::now());
}

// A write that left and whose answer was lost: it may have been applied, so it is reported as such and
// never repeated (a retry could post a comment twice).
OutcomeUnknownError outcomeUnknown(const HttpRequest& request, const std::string& why) {
  return OutcomeUnknownError("The Graph API request " + request.method + " " + urlOrigin(request.url) +
                                 " was sent but its answer was lost (" + why + ")",
                             request.method);
}

// The request for a paging URL, with this attempt's credentials.
std::function<HttpRequest(const Auth&)> urlRequest(const std::string& absoluteUrl) {
  return [absoluteUrl](const Auth& a) {
    // Verbatim unless the URL carries other credentials than this attempt's (after a token refresh).
    HttpRequest r;
    r.url = absoluteUrl;
    if (queryParam(r.url, "access_token") != a.token) r.url = setQueryParam(r.url, "access_token", a.token);
    if (!a.proof.empty() && queryParam(r.url, "appsecret_proof") != a.proof)
      r.url = setQueryParam(r.url, "appsecret_proof", a.proof);
    return r;
  };
}

}  // namespace

void validateBaseUrl(const std::string& baseUrl) {
  UrlParts parts;
  if (!parseUrl(baseUrl, parts) || (parts.scheme != "http" && parts.scheme != "https") ||
      baseUrl.find_first_of("?#") != std::string::npos)
    throw std::invalid_argument("GraphURL must be an https:// URL such as https://graph.facebook.com (got '" +
                                redactUrl(baseUrl) + "')");
  if (parts.scheme == "http" && !isLoopbackHost(parts.host))
    throw std::invalid_argument(
        "GraphURL must use https: plain http is only allowed for a loopback host "
        "(localhost, 127.0.0.1, [::1]), not for " +
        urlOrigin(baseUrl));
}

struct Client::Impl {
  Impl(const Config& config, const std::atomic<bool>& cancelled)
      : http(config.timeoutSeconds, config.connectTimeoutSeconds, cancelled) {
    http.configure(config.network);
  }

  // One logical call. `build` makes the wire request for the credentials of an attempt.
  // `session` is the HTTP session to use: the Client's own, or a background lane's.
  Response execute(Client& c, const std::function<HttpRequest(const Auth&)>& build,
                   RequestKind kind = RequestKind::Read);
  Response execute(Client& c, const std::function<HttpRequest(const Auth&)>& build, RequestKind kind,
                   HttpSession& session);
  // Waits out the retry policy's backoff, or rethrows `e` (annotated with why it gave up).
  template <typename E>
  void retryOrThrow(Client& c, const E& e, RequestKind kind, int attempt,
                    std::chrono::steady_clock::time_point started, const HttpSession& session);
  // Sleeps, waking at once on cancel() or when the session's lane is stopped (then throws CancelledError).
  void pause(Client& c, double seconds, const HttpSession& session);
  Response exchange(Client& c, const HttpRequest& request, const Auth& auth, int attempt,
                    HttpSession& session);
  Auth makeAuth(Client& c, std::string token) {
    Auth a{std::move(token), c.tokens_->appSecret(), {}};
    if (!a.appSecret.empty()) a.proof = appSecretProof(a.appSecret, a.token);
    return a;
  }

  HttpSession http;
  std::mutex sleepMutex;  // shared by the lanes: cancel() wakes every pause at once
  std::condition_variable sleepWake;
};

Response Client::Impl::execute(Client& c, const std::function<HttpRequest(const Auth&)>& build,
                               RequestKind kind) {
  return execute(c, build, kind, http);
}

Response Client::Impl::execute(Client& c, const std::function<HttpRequest(const Auth&)>& build,
                               RequestKind kind, HttpSession& session) {
  if (c.cancelled_) throw CancelledError(kCancelledMessage);
  if (!c.tokens_) throw AuthError("No access token: the connection has no token provider");
  Auth a = makeAuth(c, c.tokens_->accessToken());
  const auto started = std::chrono::steady_clock::now();
  bool refreshed = false;
  for (int attempt = 1;; ++attempt) {
    HttpRequest request = build(a);
    // Spaced out with every other governed request of the process, so lanes do not multiply the rate.
    pause(c, governorWaitSeconds(request.url, c.config_.governorThreshold, c.config_.governorMaxDelaySeconds),
          session);
    try {
      return exchange(c, request, a, attempt, session);
    } catch (const GraphError& e) {
      // The single place that decides whether a failed attempt is repeated: a rejected token that the
      // provider could replace, once; then the transient failures of retry_policy.h.
      if (!refreshed && e.code == 190 && c.tokens_->refreshAfterRejection(a.token)) {
        refreshed = true;
        a = makeAuth(c, c.tokens_->accessToken());
        continue;
      }
      GraphError advised = e;
      if (e.code == 190)
        advised.authAdvice = tokenFamilyAdvice(a.token, c.config_.instagramLogin, c.config_.baseUrl);
      retryOrThrow(c, advised, kind, attempt, started, session);
    } catch (const NetworkError& e) {
      if (kind == RequestKind::Write && !e.notSent) throw outcomeUnknown(request, e.what());
      if (!e.retryable) throw;  // as thrown: a TlsError keeps its type and text
      retryOrThrow(c, e, kind, attempt, started, session);
    } catch (const TimeoutError& e) {
      if (kind == RequestKind::Write && !e.notSent) throw outcomeUnknown(request, e.what());
      retryOrThrow(c, e, kind, attempt, started, session);
    }
  }
}

template <typename E>
void Client::Impl::retryOrThrow(Client& c, const E& e, RequestKind kind, int attempt,
                                std::chrono::steady_clock::time_point started, const HttpSession& session) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RetryConfig rc;
  rc.maxRetries = c.config_.maxRetries;
  rc.maxSeconds = c.config_.retryMaxSeconds;
  rc.baseDelaySeconds = c.config_.retryBaseSeconds;
  thread_local std::mt19937_64 rng{std::random_device{}()};  // lanes retry on their own threads
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  RetryDecision d = decideRetry(e, kind, attempt, elapsed, rc, uniform(rng));
  if (!d.retry) {
    if (d.giveUpNote.empty()) throw e;
    E annotated = e;
    static_cast<std::runtime_error&>(annotated) =
        std::runtime_error(std::string(e.what()) + " (" + d.giveUpNote + ")");
    if constexpr (std::is_same_v<E, GraphError>) annotated.retryNote = d.giveUpNote;
    throw annotated;
  }
  pause(c, d.waitSeconds, session);
}

void Client::Impl::pause(Client& c, double seconds, const HttpSession& session) {
  if (seconds <= 0) return;
  std::unique_lock<std::mutex> lock(sleepMutex);
  sleepWake.wait_for(lock, std::chrono::duration<double>(seconds),
                     [&] { return c.cancelled_.load() || session.stopped(); });
  if (c.cancelled_ || session.stopped()) throw CancelledError(kCancelledMessage);
}

Response Client::Impl::exchange(Client& c, const HttpRequest& request, const Auth& auth, int attempt,
                                HttpSession& session) {
  if (c.cancelled_) throw CancelledError(kCancelledMessage);
  const std::vector<std::string> secrets = auth.secrets();
  int seq = c.log_->start(request.method, redactUrl(request.url), attempt);
  auto started = std::chrono::steady_clock::now();
  auto elapsedMs = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
        .count();
  };

  HttpResult res;
  try {
    res = session.perform(request, secrets);
  } catch (...) {
    c.log_->finish(seq, std::nullopt, std::nullopt, std::nullopt, elapsedMs(), std::nullopt, "");
    if (c.config_.logger)
      c.config_.logger->write(1, "http",
                              request.method + " " + redactUrl(request.url) + " failed without a response");
    throw;
  }
  const int status = static_cast<int>(res.status);
  recordUsage(res);
  const std::string_view body(res.body.data(), res.body.size());
  const int64_t bytes = static_cast<int64_t>(body.size());
  auto finish = [&](std::optional<int> code, std::optional<int> subcode) {
    c.log_->finish(seq, status, code, subcode, elapsedMs(), bytes, res.apiVersion);
    if (c.config_.logger)
      c.config_.logger->write(2, "http",
                              request.method + " " + redactUrl(request.url) + " attempt " +
                                  std::to_string(attempt) + " -> " + std::to_string(status) +
                                  (code ? " error " + std::to_string(*code) : "") + " in " +
                                  std::to_string(elapsedMs()) + " ms, " + std::to_string(bytes) + " bytes");
  };

  if (status < 200 || status > 299) {
    GraphError e = graphErrorFromResponse(status, body, secrets);
    addWaitHints(e, res, request.url);
    finish(nonZero(e.code), nonZero(e.subcode));
    throw e;
  }
  std::string parseError;
  std::shared_ptr<rapidjson::Document> doc = parseJsonBody(body, parseError);
  // Reads must be an object or array; writes may answer a bare `true`.
  if (doc == nullptr || (request.method == "GET" && !doc->IsObject() && !doc->IsArray())) {
    finish(std::nullopt, std::nullopt);
    if (doc != nullptr) parseError = "not a JSON object or array";
    throw NetworkError("The Graph API returned an incomplete or invalid response (" + parseError + ") from " +
                       urlOrigin(request.url));
  }
  if (auto e = graphErrorFromJson(status, *doc, secrets)) {
    addWaitHints(*e, res, request.url);
    finish(nonZero(e->code), nonZero(e->subcode));
    throw std::move(*e);
  }
  finish(std::nullopt, std::nullopt);
  return Response{std::move(doc), seq};
}

Client::Client(Config config, std::shared_ptr<TokenProvider> tokens)
    : impl_(std::make_unique<Impl>(config, cancelled_)),
      config_(std::move(config)),
      tokens_(std::move(tokens)),
      log_(std::make_shared<RequestLog>()),
      cache_(config_.cacheSeconds) {
  validateBaseUrl(config_.baseUrl);
  const Config& cfg = config_;
  lanes_ = std::make_unique<RequestLanes>(
      std::max(config_.maxConcurrency - 1, 0),
      [&cfg](const std::atomic<bool>& stop) {
        auto s = std::make_unique<HttpSession>(cfg.timeoutSeconds, cfg.connectTimeoutSeconds, stop);
        s->configure(cfg.network);
        return s;
      },
      [impl = impl_.get()] {
        { std::lock_guard<std::mutex> lock(impl->sleepMutex); }  // a pause between its check and its wait
        impl->sleepWake.notify_all();
      });
}

Client::~Client() {
  lanes_.reset();  // joins the lanes before the log, tokens and session they use go
}

// The GET the statement asked for and a lane already made (or is making): its answer or its error.
std::optional<Response> Client::takePrefetched(const std::string& key) {
  std::optional<std::shared_future<Response>> f = lanes_->take(key);
  if (!f) return std::nullopt;
  Response r;
  try {
    r = f->get();  // rethrows the lane's error, as if this call had failed
  } catch (const CancelledError&) {
    // Stopped because another statement started or a write went out, not by a cancel of this one: the
    // statement makes the request itself.
    if (cancelled_) throw;
    return std::nullopt;
  }
  keep(cache_, *log_, key, r);
  return r;
}

Response Client::get(std::string_view path, const Params& params) {
  checkRelativePath(path);
  if (cancelled_) throw CancelledError(kCancelledMessage);
  const std::string key = buildUrl(config_.baseUrl, config_.version, path, params);
  if (std::optional<Response> hit = reuse(cache_, *log_, key)) return std::move(*hit);
  if (std::optional<Response> early = takePrefetched(key)) return std::move(*early);
  Response r = getFresh(path, params);
  keep(cache_, *log_, key, r);
  return r;
}

Response Client::getFresh(std::string_view path, const Params& params) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.url = buildUrl(config_.baseUrl, config_.version, path, concat(params, a.params()));
    return r;
  });
}

Response Client::getUrl(const std::string& absoluteUrl) {
  // Only to GraphURL's own origin (scheme, host and port): the URL carries the token, and a retry puts a
  // fresh one into it. GraphURL itself was validated (https, or http on loopback).
  UrlParts target;
  if (!parseUrl(absoluteUrl, target) || (target.scheme != "https" && target.scheme != "http"))
    throw NetworkError("The Graph API returned an invalid paging URL: " + redactUrl(absoluteUrl));
  if (!sameOrigin(absoluteUrl, config_.baseUrl)) {
    NetworkError e("Refusing to follow a paging URL to " + urlOrigin(absoluteUrl) +
                   ": it would receive the access token, and only GraphURL's scheme, host and port (" +
                   urlOrigin(config_.baseUrl) + ") may");
    e.retryable = false;
    throw e;
  }
  if (cancelled_) throw CancelledError(kCancelledMessage);
  const std::string key = responseCacheKey(absoluteUrl);
  if (std::optional<Response> hit = reuse(cache_, *log_, key)) return std::move(*hit);
  if (std::optional<Response> early = takePrefetched(key)) return std::move(*early);
  Response r = impl_->execute(*this, urlRequest(absoluteUrl));
  keep(cache_, *log_, key, r);
  return r;
}

void Client::prefetch(std::string_view path, const Params& params) {
  checkRelativePath(path);
  if (lanes_->lanes() == 0 || cancelled_) return;
  std::string key = buildUrl(config_.baseUrl, config_.version, path, params);
  if (cacheableGet(key) && cache_.find(key, ResponseCache::Clock::now())) return;
  std::string base = config_.baseUrl, version = config_.version, route(path);
  lanes_->submit(key, [this, base, version, route, params](HttpSession& session) {
    return impl_->execute(
        *this,
        [&](const Auth& a) {
          HttpRequest r;
          r.url = buildUrl(base, version, route, concat(params, a.params()));
          return r;
        },
        RequestKind::Read, session);
  });
}

void Client::prefetchUrl(const std::string& absoluteUrl) {
  if (lanes_->lanes() == 0 || cancelled_ || !sameOrigin(absoluteUrl, config_.baseUrl)) return;
  std::string key = responseCacheKey(absoluteUrl);
  if (cacheableGet(key) && cache_.find(key, ResponseCache::Clock::now())) return;
  lanes_->submit(key, [this, build = urlRequest(absoluteUrl)](HttpSession& session) {
    return impl_->execute(*this, build, RequestKind::Read, session);
  });
}

Response Client::post(std::string_view path, const Params& form) {
  checkRelativePath(path);
  lanes_->dropAll();  // a read started before the write must not answer for after it
  cache_.clear();     // a write can change what any cached read shows
  return impl_->execute(
      *this,
      [&](const Auth& a) {
        HttpRequest r;
        r.method = "POST";
        r.url = buildUrl(config_.baseUrl, config_.version, path, {});
        r.formBody = encodeParams(concat(form, a.params()));
        return r;
      },
      RequestKind::Write);
}

Response Client::postRead(std::string_view path, const Params& form) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.method = "POST";
    r.url = buildUrl(config_.baseUrl, config_.version, path, {});
    r.formBody = encodeParams(concat(form, a.params()));
    return r;
  });
}

Response Client::postReadJson(std::string_view path, const Params& fields) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.method = "POST";
    r.url = buildUrl(config_.baseUrl, config_.version, path, {});
    r.contentType = "application/json";
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    for (const auto& [key, value] : concat(fields, a.params())) {
      w.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
      w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    }
    w.EndObject();
    r.formBody.assign(buffer.GetString(), buffer.GetSize());
    return r;
  });
}

Response Client::del(std::string_view path) {
  checkRelativePath(path);
  lanes_->dropAll();  // a read started before the write must not answer for after it
  cache_.clear();     // a write can change what any cached read shows
  return impl_->execute(
      *this,
      [&](const Auth& a) {
        HttpRequest r;
        r.method = "DELETE";
        r.url = buildUrl(config_.baseUrl, config_.version, path, a.params());
        return r;
      },
      RequestKind::Write);
}

void Client::cancel() {
  cancelled_ = true;
  impl_->http.wakeup();
  lanes_->stopAll();
  {
    std::lock_guard<std::mutex> lock(impl_->sleepMutex);
  }  // a pause() between its check and its wait sees it
  impl_->sleepWake.notify_all();
}

void Client::clearCancel() {
  lanes_->dropAll();  // what the last statement read ahead is not this one's, and its transfers stop first
  cancelled_ = false;
}

void Client::beginStatement() {
  log_->beginStatement();
  cache_.beginStatement(ResponseCache::Clock::now());
}

}  // namespace igodbc::graph
