#include "oauth/browser.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace igodbc::oauth {

namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool executable(const std::string& path) {
  return ::access(path.c_str(), X_OK) == 0;
}

// What execvp would run: a path as given, else the first match on $PATH.
bool findable(const std::string& program) {
  if (program.find('/') != std::string::npos) return executable(program);
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string p = path;
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty() && executable(dir + "/" + program)) return true;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return false;
}

}  // namespace

std::optional<std::vector<std::string>> splitCommandLine(const std::string& command) {
  std::vector<std::string> args;
  std::string current;
  bool inWord = false;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (isBlank(c)) {
      if (inWord) args.push_back(std::move(current)), current.clear(), inWord = false;
      continue;
    }
    inWord = true;
    if (c == '\'') {
      size_t end = command.find('\'', i + 1);
      if (end == std::string::npos) return std::nullopt;
      current.append(command, i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= command.size()) return std::nullopt;
        if (command[i] == '"') break;
        if (command[i] == '\\' && i + 1 < command.size() && (command[i + 1] == '"' || command[i + 1] == '\\'))
          ++i;
        current += command[i];
      }
    } else if (c == '\\') {
      if (++i >= command.size()) return std::nullopt;
      current += command[i];
    } else {
      current += c;
    }
  }
  if (inWord) args.push_back(std::move(current));
  return args;
}

bool openBrowser(const std::string& command, const std::string& url) {
  std::string cmd = command;
  if (cmd.empty()) {
    if (const char* b = std::getenv("BROWSER"); b != nullptr && b[0] != '\0') cmd = b;
  }
  if (cmd.empty()) cmd = "xdg-open";
  std::optional<std::vector<std::string>> args = splitCommandLine(cmd);
  if (!args || args->empty() || !findable(args->front())) return false;
  args->push_back(url);
  // Built before fork: the child of a threaded process should only exec.
  std::vector<char*> argv;
  for (std::string& a : *args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // Double fork: the browser outlives nothing of ours and leaves no zombie behind.
  pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    ::setsid();
    pid_t grandchild = ::fork();
    if (grandchild == 0) {
      int devnull = ::open("/dev/null", O_RDWR);
      if (devnull >= 0) {
        ::dup2(devnull, 0);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        if (devnull > 2) ::close(devnull);
      }
      ::execvp(argv[0], argv.data());
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
