// The one-shot HTTP listener behind CallbackURL: bound to 127.0.0.1 only, it waits for exactly one request
// on the callback path, answers the browser with a short page and closes.
#pragma once

#include <string>

namespace igodbc::oauth {

class LoopbackListener {
 public:
  // Binds now (before the browser opens), so the redirect cannot arrive before anyone listens. Throws
  // AuthError when the port is taken or the URL is not a loopback http(s) URL.
  explicit LoopbackListener(const std::string& callbackUrl);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  // The request target ("/path?code=…&state=…") of the first request on the callback path; other paths get
  // 404 and are ignored. Returns "" when `timeoutSeconds` pass first.
  std::string waitForRedirect(long timeoutSeconds, const std::string& pageHtml);

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace igodbc::oauth
