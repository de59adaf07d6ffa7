#include "oauth/loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "net/url.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

void sendAll(int fd, const std::string& text) {
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::send(fd, text.data() + off, text.size() - off, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

std::string response(int status, const std::string& reason, const std::string& html) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
         "Content-Length: " +
         std::to_string(html.size()) + "\r\n\r\n" + html;
}

// One accepted connection, plain or TLS.
class Peer {
 public:
  Peer(int fd, SSL_CTX* tls) : fd_(fd) {
    if (!tls) return;
    // A bounded handshake: a browser that refuses the certificate must not hold the listener.
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ssl_ = SSL_new(tls);
    if (!ssl_ || SSL_set_fd(ssl_, fd_) != 1 || SSL_accept(ssl_) != 1) failed_ = true;
    ERR_clear_error();
  }
  ~Peer() {
    if (ssl_) {
      if (!failed_) SSL_shutdown(ssl_);
      SSL_free(ssl_);
    }
    ::close(fd_);
  }
  Peer(const Peer&) = delete;
  Peer& operator=(const Peer&) = delete;
  bool failed() const { return failed_; }

  // The request head, bounded, with a short per-connection timeout.
  std::string readHead() {
    std::string head;
    char buf[2048];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 16384) {
      if (!ssl_ || SSL_pending(ssl_) == 0) {
        pollfd cp{fd_, POLLIN, 0};
        if (::poll(&cp, 1, 5000) <= 0) break;
      }
      ssize_t n = ssl_ ? SSL_read(ssl_, buf, sizeof buf) : ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    return head;
  }

  void send(const std::string& text) {
    if (ssl_) {
      SSL_write(ssl_, text.data(), static_cast<int>(text.size()));
      return;
    }
    sendAll(fd_, text);
  }

 private:
  int fd_;
  SSL* ssl_ = nullptr;
  bool failed_ = false;
};

SSL_CTX* loadTls(const std::string& cert, const std::string& key) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (!ctx) throw AuthError("Cannot start TLS for the OAuth callback listener");
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert.c_str()) != 1) {
    SSL_CTX_free(ctx);
    ERR_clear_error();
    throw AuthError("CallbackCertificate " + cert + " is not a readable PEM certificate");
  }
  if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(ctx) != 1) {
    SSL_CTX_free(ctx);
    ERR_clear_error();
    throw AuthError("CallbackKey " + key + " is not a readable PEM private key matching CallbackCertificate");
  }
  return ctx;
}

}  // namespace

LoopbackListener::LoopbackListener(const std::string& callbackUrl, const std::string& certificateFile,
                                   const std::string& keyFile) {
  graph::UrlParts parts;
  if (!graph::parseUrl(callbackUrl, parts) || (parts.scheme != "http" && parts.scheme != "https") ||
      !graph::isLoopbackHost(parts.host))
    throw AuthError(
        "CallbackURL must be a loopback URL such as http://localhost:33333/ for the browser login");
  long port = parts.port.empty() ? (parts.scheme == "https" ? 443 : 80)
                                 : std::strtol(parts.port.c_str(), nullptr, 10);
  if (port <= 0 || port > 65535) throw AuthError("CallbackURL has an invalid port");
  if (!certificateFile.empty() || !keyFile.empty()) {
    if (certificateFile.empty() || keyFile.empty())
      throw AuthError("Set both CallbackCertificate and CallbackKey to serve the OAuth callback over HTTPS");
    if (parts.scheme != "https")
      throw AuthError(
          "CallbackCertificate is set but CallbackURL is not https://; use an https:// CallbackURL");
    tls_ = loadTls(certificateFile, keyFile);
  }
  // The path the redirect comes to: everything after the authority, without query or fragment.
  size_t start = callbackUrl.find("://") + 3;
  size_t slash = callbackUrl.find('/', start);
  path_ = slash == std::string::npos
              ? "/"
              : callbackUrl.substr(slash, callbackUrl.find_first_of("?#", slash) - slash);

  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) {
    std::string why = std::strerror(errno);
    if (tls_) SSL_CTX_free(tls_);
    throw AuthError("Cannot open the OAuth callback listener: " + why);
  }
  int one = 1;
  ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 4) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    if (tls_) SSL_CTX_free(tls_);
    throw AuthError("Cannot listen on 127.0.0.1:" + std::to_string(port) + " for the OAuth callback (" + why +
                    "); choose a free port in CallbackURL and register it with the app");
  }
}

LoopbackListener::~LoopbackListener() {
  if (fd_ >= 0) ::close(fd_);
  if (tls_) SSL_CTX_free(tls_);
}

std::string LoopbackListener::waitForRedirect(long timeoutSeconds, const std::string& pageHtml) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  while (true) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return "";
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (r <= 0) continue;
    int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (c < 0) continue;
    Peer peer(c, tls_);
    if (peer.failed()) continue;  // e.g. the browser refused the certificate; it may come again
    std::string head = peer.readHead();
    // "GET /path?query HTTP/1.1"
    size_t sp1 = head.find(' ');
    size_t sp2 = sp1 == std::string::npos ? std::string::npos : head.find(' ', sp1 + 1);
    std::string target = sp2 == std::string::npos ? "" : head.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string path = target.substr(0, target.find('?'));
    if (head.compare(0, 4, "GET ") != 0 || path != path_) {
      peer.send(
          response(404, "Not Found", "<!doctype html><title>Not found</title><p>Not the OAuth callback."));
      continue;
    }
    peer.send(response(200, "OK", pageHtml));
    ::close(fd_);
    fd_ = -1;
    return target;
  }
}

}  // namespace igodbc::oauth
