#include "oauth/loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "graph/url.h"
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

}  // namespace

LoopbackListener::LoopbackListener(const std::string& callbackUrl) {
  graph::UrlParts parts;
  if (!graph::parseUrl(callbackUrl, parts) || (parts.scheme != "http" && parts.scheme != "https") ||
      !graph::isLoopbackHost(parts.host))
    throw AuthError(
        "CallbackURL must be a loopback URL such as http://localhost:33333/ for the browser login");
  long port = parts.port.empty() ? (parts.scheme == "https" ? 443 : 80)
                                 : std::strtol(parts.port.c_str(), nullptr, 10);
  if (port <= 0 || port > 65535) throw AuthError("CallbackURL has an invalid port");
  // The path the redirect comes to: everything after the authority, without query or fragment.
  size_t start = callbackUrl.find("://") + 3;
  size_t slash = callbackUrl.find('/', start);
  path_ = slash == std::string::npos
              ? "/"
              : callbackUrl.substr(slash, callbackUrl.find_first_of("?#", slash) - slash);

  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0)
    throw AuthError(std::string("Cannot open the OAuth callback listener: ") + std::strerror(errno));
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
    throw AuthError("Cannot listen on 127.0.0.1:" + std::to_string(port) + " for the OAuth callback (" + why +
                    "); choose a free port in CallbackURL and register it with the app");
  }
}

LoopbackListener::~LoopbackListener() {
  if (fd_ >= 0) ::close(fd_);
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
    // Read the request head (bounded, with a short per-connection timeout).
    std::string head;
    char buf[2048];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 16384) {
      pollfd cp{c, POLLIN, 0};
      if (::poll(&cp, 1, 5000) <= 0) break;
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    // "GET /path?query HTTP/1.1"
    size_t sp1 = head.find(' ');
    size_t sp2 = sp1 == std::string::npos ? std::string::npos : head.find(' ', sp1 + 1);
    std::string target = sp2 == std::string::npos ? "" : head.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string path = target.substr(0, target.find('?'));
    if (head.compare(0, 4, "GET ") != 0 || path != path_) {
      sendAll(
          c, response(404, "Not Found", "<!doctype html><title>Not found</title><p>Not the OAuth callback."));
      ::close(c);
      continue;
    }
    sendAll(c, response(200, "OK", pageHtml));
    ::close(c);
    ::close(fd_);
    fd_ = -1;
    return target;
  }
}

}  // namespace igodbc::oauth
