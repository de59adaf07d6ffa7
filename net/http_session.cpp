#include "net/http_session.h"

#include <strings.h>
#include <sys/stat.h>

#include <algorithm>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "net/errors.h"
#include "net/redact.h"
#include "net/tls_failure.h"
#include "net/url.h"

namespace igodbc::graph {

namespace {

constexpr int kPollMs = 100;  // the longest a cancel waits when curl_multi_wakeup is not reached

// The state the curl callbacks of one transfer write to.
struct Transfer {
  std::vector<char> body;  // not std::string: libstdc++ rounds a string's reserve up to twice its capacity
  HttpResult headers;      // the header fields only
  bool tooLarge = false;
  const std::atomic<bool>* cancelled = nullptr;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->body.size() + n > kMaxBodyBytes) {
    t->tooLarge = true;
    return 0;  // aborts with CURLE_WRITE_ERROR
  }
  // Grow geometrically; the step that would pass half the bound goes straight to the bound, so no
  // reallocation ever copies a nearly full buffer (peak stays at 1.5 x the bound).
  if (t->body.size() + n > t->body.capacity()) {
    size_t want = std::max(t->body.size() + n, 2 * t->body.capacity());
    t->body.reserve(want > kMaxBodyBytes / 2 ? kMaxBodyBytes : want);
  }
  t->body.insert(t->body.end(), data, data + n);
  return n;
}

// The value of header `name` (lower case, with the colon) when `line` is that header, else nullopt.
std::optional<std::string_view> headerValue(std::string_view line, std::string_view name) {
  if (line.size() < name.size() || strncasecmp(line.data(), name.data(), name.size()) != 0)
    return std::nullopt;
  line.remove_prefix(name.size());
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
    line.remove_suffix(1);
  return line;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") t->headers = {};  // a new response (after 100 Continue)
  constexpr size_t kMaxUsageHeader = 16384;           // bounded: a hostile server cannot grow it
  if (auto v = headerValue(line, "facebook-api-version:")) {
    t->headers.apiVersion = std::string(v->substr(0, 32));
  } else if (auto v = headerValue(line, "retry-after:")) {
    t->headers.retryAfter = std::string(v->substr(0, 64));
  } else if (auto v = headerValue(line, "x-app-usage:")) {
    t->headers.appUsage = std::string(v->substr(0, kMaxUsageHeader));
  } else if (auto v = headerValue(line, "x-business-use-case-usage:")) {
    t->headers.bucUsage = std::string(v->substr(0, kMaxUsageHeader));
  }
  return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<Transfer*>(user)->cancelled->load() ? 1 : 0;  // non-zero aborts the transfer
}

void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("curl_global_init failed");
  });
}

// However perform() leaves: detach the easy handle, and drop its pointers to perform()'s locals.
struct TransferGuard {
  CURLM* multi;
  CURL* easy;
  curl_slist* headers = nullptr;
  bool attached = false;
  ~TransferGuard() {
    if (attached) curl_multi_remove_handle(multi, easy);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, nullptr);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, nullptr);
    curl_slist_free_all(headers);
  }
};

std::string scrubAll(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& s : secrets) text = scrubSecret(std::move(text), s);
  return text;
}

}  // namespace

HttpSession::HttpSession(long timeoutSeconds, long connectTimeoutSeconds, const std::atomic<bool>& cancelled)
    : easy_(nullptr), multi_(nullptr), cancelled_(cancelled) {
  globalInit();
  easy_ = curl_easy_init();
  multi_ = curl_multi_init();
  if (easy_ == nullptr || multi_ == nullptr) {
    if (easy_ != nullptr) curl_easy_cleanup(easy_);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
    throw std::bad_alloc();
  }
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode (gzip, ...)
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, "instagram-odbc/0.1");
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT, timeoutSeconds > 0 ? timeoutSeconds : 0L);
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds > 0 ? connectTimeoutSeconds : 0L);
  curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 2L);
  // Tokens ride in URLs: never let a server redirect them elsewhere, nor use another protocol.
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(kMaxBodyBytes));
  curl_easy_setopt(easy_, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy_, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(easy_, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, onHeader);
}

HttpSession::~HttpSession() {
  curl_multi_cleanup(multi_);
  curl_easy_cleanup(easy_);
}

void HttpSession::configure(const NetworkOptions& o) {
  if (!o.serverCert.empty()) {
    struct stat st {};
    if (o.serverCert.rfind("sha256//", 0) == 0) {
      // The pin is the trust decision: libcurl checks it on every handshake whether or not the chain is
      // verified, and only the holder of the pinned key passes. Requiring a chain to the system CAs as well
      // would rule out the private CA or self-signed certificate a pin is for; the host name check is off
      // for the same reason (the pinned key identifies the server better than a name in the certificate).
      curl_easy_setopt(easy_, CURLOPT_PINNEDPUBLICKEY, o.serverCert.c_str());
      curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 0L);
      pinned_ = true;
    } else if (::stat(o.serverCert.c_str(), &st) != 0) {
      throw std::invalid_argument("SSLServerCert names " + o.serverCert +
                                  ", which does not exist: give a CA file, a CA folder or sha256//<pin>");
    } else if (S_ISDIR(st.st_mode)) {
      curl_easy_setopt(easy_, CURLOPT_CAPATH, o.serverCert.c_str());
    } else {
      curl_easy_setopt(easy_, CURLOPT_CAINFO, o.serverCert.c_str());
    }
  }
  if (!o.proxy.empty()) curl_easy_setopt(easy_, CURLOPT_PROXY, o.proxy.c_str());
  if (!o.proxyUser.empty()) curl_easy_setopt(easy_, CURLOPT_PROXYUSERNAME, o.proxyUser.c_str());
  if (!o.proxyPassword.empty()) curl_easy_setopt(easy_, CURLOPT_PROXYPASSWORD, o.proxyPassword.c_str());
  if (!o.noProxy.empty()) curl_easy_setopt(easy_, CURLOPT_NOPROXY, o.noProxy.c_str());
}

void HttpSession::wakeup() {
  curl_multi_wakeup(multi_);
}

HttpResult HttpSession::perform(const HttpRequest& request, const std::vector<std::string>& secrets) {
  if (cancelled_) throw CancelledError(kCancelledMessage);
  Transfer t;
  t.cancelled = &cancelled_;
  char errbuf[CURL_ERROR_SIZE] = {0};
  TransferGuard guard{multi_, easy_};

  curl_easy_setopt(easy_, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(easy_, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, errbuf);
  if (request.method == "POST") {
    curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(easy_, CURLOPT_POST, 1L);
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.formBody.size()));
    curl_easy_setopt(easy_, CURLOPT_COPYPOSTFIELDS, request.formBody.c_str());
    const std::string type =
        "Content-Type: " + (request.contentType.empty() ? std::string("application/x-www-form-urlencoded")
                                                        : request.contentType);
    guard.headers = curl_slist_append(guard.headers, type.c_str());
    guard.headers = curl_slist_append(guard.headers, "Expect:");  // no 100-continue round trip
  } else {
    curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L);  // also undoes an earlier POST
    curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST,
                     request.method == "GET" ? nullptr : request.method.c_str());
  }
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, guard.headers);

  if (curl_multi_add_handle(multi_, easy_) != CURLM_OK) {
    NetworkError e("Could not start the HTTP request");
    e.notSent = true;
    throw e;
  }
  guard.attached = true;
  // Poll in short slices so a cancel is seen promptly even when curl_multi_wakeup was not reached.
  CURLcode result = CURLE_OK;
  int running = 1;
  while (true) {
    CURLMcode mc = curl_multi_perform(multi_, &running);
    if (mc != CURLM_OK) throw NetworkError(std::string("HTTP transfer failed: ") + curl_multi_strerror(mc));
    if (running == 0) break;
    if (cancelled_) throw CancelledError(kCancelledMessage);
    mc = curl_multi_poll(multi_, nullptr, 0, kPollMs, nullptr);
    if (mc != CURLM_OK) throw NetworkError(std::string("HTTP transfer failed: ") + curl_multi_strerror(mc));
  }
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &queued))
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy_) result = msg->data.result;

  if (result == CURLE_OK) {
    HttpResult out;
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &out.status);
    out.body = std::move(t.body);
    out.apiVersion = std::move(t.headers.apiVersion);
    out.retryAfter = std::move(t.headers.retryAfter);
    out.appUsage = std::move(t.headers.appUsage);
    out.bucUsage = std::move(t.headers.bucUsage);
    return out;
  }

  if (result == CURLE_ABORTED_BY_CALLBACK || cancelled_) throw CancelledError(kCancelledMessage);
  std::string origin = urlOrigin(request.url);
  if (t.tooLarge || result == CURLE_FILESIZE_EXCEEDED) {
    NetworkError e("The Graph API response from " + origin + " exceeded " +
                   std::to_string(kMaxBodyBytes >> 20) + " MiB");
    e.retryable = false;
    throw e;
  }
  std::string detail = errbuf[0] != '\0' ? errbuf : curl_easy_strerror(result);
  long verifyResult = 0;
  curl_easy_getinfo(easy_, CURLINFO_SSL_VERIFYRESULT, &verifyResult);
  if (std::optional<std::string> tls = describeTlsFailure(result, verifyResult, origin, detail, pinned_))
    throw TlsError(scrubAll(*tls, secrets));
  // No byte of the request left when the transfer never got past connecting (and the TLS handshake).
  curl_off_t pretransfer = 0;
  long requestBytes = 0;
  curl_easy_getinfo(easy_, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
  curl_easy_getinfo(easy_, CURLINFO_REQUEST_SIZE, &requestBytes);
  const bool notSent = pretransfer == 0 && requestBytes == 0;
  if (result == CURLE_OPERATION_TIMEDOUT) {
    TimeoutError e(scrubAll("Timed out talking to " + origin + ": " + detail, secrets));
    e.notSent = notSent;
    throw e;
  }
  if (result == CURLE_COULDNT_CONNECT) {
    long osErrno = 0;
    curl_easy_getinfo(easy_, CURLINFO_OS_ERRNO, &osErrno);
    if (osErrno != 0) detail = std::error_code(static_cast<int>(osErrno), std::generic_category()).message();
    NetworkError e(scrubAll("Could not connect to " + origin + ": " + detail, secrets));
    e.notSent = true;
    throw e;
  }
  if (result == CURLE_COULDNT_RESOLVE_HOST) {
    NetworkError e(scrubAll("Could not resolve the host of " + origin + ": " + detail, secrets));
    e.notSent = true;
    throw e;
  }
  NetworkError e(scrubAll("Network error talking to " + origin + ": " + detail, secrets));
  e.notSent = notSent;
  throw e;
}

}  // namespace igodbc::graph
