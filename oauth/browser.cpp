#include "oauth/browser.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace igodbc::oauth {

namespace {

bool onPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string p = path;
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return false;
}

}  // namespace

bool openBrowser(const std::string& command, const std::string& url) {
  std::string cmd = command;
  if (cmd.empty()) {
    if (const char* b = std::getenv("BROWSER"); b != nullptr && b[0] != '\0') cmd = b;
  }
  if (cmd.empty() && onPath("xdg-open")) cmd = "xdg-open";
  if (cmd.empty()) return false;
  // sh -c 'CMD "$1"' sh URL: the command may carry its own arguments; the URL stays one argument.
  const std::string script = cmd + " \"$1\" >/dev/null 2>&1 </dev/null";
  // Double fork: the browser outlives nothing of ours and leaves no zombie behind.
  pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    ::setsid();
    pid_t grandchild = ::fork();
    if (grandchild == 0) {
      ::execl("/bin/sh", "sh", "-c", script.c_str(), "sh", url.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::_exit(grandchild < 0 ? 1 : 0);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace igodbc::oauth
