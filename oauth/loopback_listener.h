// The one-shot HTTP listener behind CallbackURL: bound to 127.0.0.1 only, it waits for exactly one request
// on the callback path, answers the browser with a short page and closes. It speaks plain HTTP, even for an
// https:// CallbackURL, unless a certificate and key are given (CallbackCertificate / CallbackKey): then it
// speaks TLS (OpenSSL) and a connection that fails the handshake is dropped and the next one awaited.
#pragma once

#include <string>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX

namespace igodbc::oauth {

class LoopbackListener {
 public:
  // Binds now (before the browser opens), so the redirect cannot arrive before anyone listens. Throws
  // AuthError when the port is taken or the URL is not a loopback http(s) URL.
  // AuthError too when the certificate or key cannot be loaded.
  explicit LoopbackListener(const std::string& callbackUrl, const std::string& certificateFile = "",
                            const std::string& keyFile = "");
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  // The request target ("/path?code=…&state=…") of the first request on the callback path; other paths get
  // 404 and are ignored. Returns "" when `timeoutSeconds` pass first.
  std::string waitForRedirect(long timeoutSeconds, const std::string& pageHtml);

 private:
  int fd_ = -1;
  std::string path_;
  ::ssl_ctx_st* tls_ = nullptr;  // SSL_CTX when serving TLS
};

}  // namespace igodbc::oauth
