// Graph calls over HttpSession: URLs with token and appsecret_proof, the request log, JSON bodies to
// Response, error bodies to typed errors, and the one retry after a rejected token.
#include "graph/client.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/appsecret_proof.h"
#include "graph/error_parse.h"
#include "graph/http_session.h"
#include "graph/json_body.h"
#include "graph/redact.h"
#include "graph/url.h"

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

std::optional<int> nonZero(int v) {
  return v != 0 ? std::optional<int>(v) : std::nullopt;
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
      : http(config.timeoutSeconds, config.connectTimeoutSeconds, cancelled) {}

  // One logical call. `build` makes the wire request for the credentials of an attempt.
  Response execute(Client& c, const std::function<HttpRequest(const Auth&)>& build);
  Response exchange(Client& c, const HttpRequest& request, const Auth& auth, int attempt);
  Auth makeAuth(Client& c, std::string token) {
    Auth a{std::move(token), c.tokens_->appSecret(), {}};
    if (!a.appSecret.empty()) a.proof = appSecretProof(a.appSecret, a.token);
    return a;
  }

  HttpSession http;
};

Response Client::Impl::execute(Client& c, const std::function<HttpRequest(const Auth&)>& build) {
  if (c.cancelled_) throw CancelledError(kCancelledMessage);
  if (!c.tokens_) throw oauth::AuthError("No access token: the connection has no token provider");
  Auth a = makeAuth(c, c.tokens_->accessToken());
  for (int attempt = 1;; ++attempt) {
    try {
      return exchange(c, build(a), a, attempt);
    } catch (const GraphError& e) {
      // The single place that decides whether a failed attempt is repeated. Today only a rejected token
      // that the provider could replace is retried, once; the retry-policy issue adds transient codes,
      // HTTP 429 and backoff here.
      if (attempt == 1 && e.code == 190 && c.tokens_->refreshAfterRejection(a.token)) {
        a = makeAuth(c, c.tokens_->accessToken());
        continue;
      }
      throw;
    }
  }
}

Response Client::Impl::exchange(Client& c, const HttpRequest& request, const Auth& auth, int attempt) {
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
    res = http.perform(request, secrets);
  } catch (...) {
    c.log_->finish(seq, std::nullopt, std::nullopt, std::nullopt, elapsedMs(), std::nullopt, "");
    throw;
  }
  const int status = static_cast<int>(res.status);
  const std::string_view body(res.body.data(), res.body.size());
  const int64_t bytes = static_cast<int64_t>(body.size());
  auto finish = [&](std::optional<int> code, std::optional<int> subcode) {
    c.log_->finish(seq, status, code, subcode, elapsedMs(), bytes, res.apiVersion);
  };

  if (status < 200 || status > 299) {
    GraphError e = graphErrorFromResponse(status, body, secrets);
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
    finish(nonZero(e->code), nonZero(e->subcode));
    throw std::move(*e);
  }
  finish(std::nullopt, std::nullopt);
  return Response{std::move(doc), seq};
}

Client::Client(Config config, std::shared_ptr<oauth::TokenProvider> tokens)
    : impl_(std::make_unique<Impl>(config, cancelled_)),
      config_(std::move(config)),
      tokens_(std::move(tokens)),
      log_(std::make_shared<RequestLog>()) {
  validateBaseUrl(config_.baseUrl);
}

Client::~Client() = default;

Response Client::get(std::string_view path, const Params& params) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.url = buildUrl(config_.baseUrl, config_.version, path, concat(params, a.params()));
    return r;
  });
}

Response Client::getUrl(const std::string& absoluteUrl) {
  // Only to the configured host: a retry puts a fresh token into this URL.
  UrlParts target, base;
  if (!parseUrl(absoluteUrl, target) || (target.scheme != "https" && target.scheme != "http"))
    throw NetworkError("The Graph API returned an invalid paging URL: " + redactUrl(absoluteUrl));
  parseUrl(config_.baseUrl, base);
  if (target.host != base.host || (target.scheme == "http" && !isLoopbackHost(target.host)))
    throw NetworkError("Refusing to follow a paging URL to " + urlOrigin(absoluteUrl) + " (GraphURL is " +
                       urlOrigin(config_.baseUrl) + ")");
  return impl_->execute(*this, [&](const Auth& a) {
    // Verbatim unless the URL carries other credentials than this attempt's (after a token refresh).
    HttpRequest r;
    r.url = absoluteUrl;
    if (queryParam(r.url, "access_token") != a.token) r.url = setQueryParam(r.url, "access_token", a.token);
    if (!a.proof.empty() && queryParam(r.url, "appsecret_proof") != a.proof)
      r.url = setQueryParam(r.url, "appsecret_proof", a.proof);
    return r;
  });
}

Response Client::post(std::string_view path, const Params& form) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.method = "POST";
    r.url = buildUrl(config_.baseUrl, config_.version, path, {});
    r.formBody = encodeParams(concat(form, a.params()));
    return r;
  });
}

Response Client::del(std::string_view path) {
  checkRelativePath(path);
  return impl_->execute(*this, [&](const Auth& a) {
    HttpRequest r;
    r.method = "DELETE";
    r.url = buildUrl(config_.baseUrl, config_.version, path, a.params());
    return r;
  });
}

void Client::cancel() {
  cancelled_ = true;
  impl_->http.wakeup();
}

void Client::clearCancel() {
  cancelled_ = false;
}

}  // namespace igodbc::graph
