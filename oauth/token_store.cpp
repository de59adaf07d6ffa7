#include "oauth/token_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "oauth/token_folder.h"
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

std::string errnoText() {
  return std::strerror(errno);
}

class FileLock final : public TokenStore::Lock {
 public:
  explicit FileLock(int fd) : fd_(fd) {}
  ~FileLock() override {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }

 private:
  int fd_;
};

class FileTokenStore final : public TokenStore {
 public:
  FileTokenStore(std::string path, bool allowInsecure)
      : path_(std::move(path)), allowInsecure_(allowInsecure) {}

  std::unique_ptr<Lock> lock() override {
    makeTokenFolders(folderOf(path_));
    checkTokenFolder(folderOf(path_));
    std::string lockPath = path_ + ".lock";
    // O_NOFOLLOW: a link planted in place of the lock file must not make us create or lock another file.
    int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == ELOOP)
      throw AuthError("The token lock file " + lockPath +
                      " is a symbolic link; remove it (the driver creates a regular file there)");
    if (fd < 0) throw AuthError("Cannot open the token lock file " + lockPath + ": " + errnoText());
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
      ::close(fd);
      throw AuthError("The token lock file " + lockPath +
                      " is not a regular file of the current user; remove it (the driver creates it)");
    }
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      throw AuthError("Cannot lock " + lockPath + ": " + errnoText());
    }
    return std::make_unique<FileLock>(fd);
  }

  std::optional<StoredToken> load() override {
    checkTokenFolder(folderOf(path_));
    int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      if (errno == ENOENT) return std::nullopt;
      throw AuthError("Cannot read the token file " + path_ + ": " + errnoText());
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      throw AuthError("The token file " + path_ + " is not a regular file");
    }
    if (st.st_uid != ::geteuid()) {
      ::close(fd);
      throw AuthError("The token file " + path_ + " belongs to another user (uid " +
                      std::to_string(st.st_uid) +
                      "); remove it, or set OAuthSettingsLocation in the DSN to a file of your own");
    }
    if ((st.st_mode & 077) != 0 && !allowInsecure_) {
      ::close(fd);
      throw AuthError(
          "The token file " + path_ +
          " is readable by other users; run chmod 600 on it (or set OAuthAllowInsecureFile=1 to accept "
          "it)");
    }
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0 && text.size() < (1u << 20))
      text.append(buf, static_cast<size_t>(n));
    ::close(fd);
    std::string error;
    return parseStoredToken(text, error);  // a corrupt or foreign file reads as "nothing stored"
  }

  void save(const StoredToken& token) override {
    std::string dir = folderOf(path_);
    makeTokenFolders(dir);
    checkTokenFolder(dir);
    std::string tmp = path_ + ".tmp." + std::to_string(::getpid());
    ::unlink(tmp.c_str());  // a leftover of a crashed process with this pid; then create it new, never reuse
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw AuthError("Cannot write the token file " + tmp + ": " + errnoText());
    ::fchmod(fd, 0600);  // whatever the umask
    const std::string text = serializeToken(token);
    size_t off = 0;
    while (off < text.size()) {
      ssize_t w = ::write(fd, text.data() + off, text.size() - off);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        std::string why = errnoText();
        ::close(fd);
        ::unlink(tmp.c_str());
        throw AuthError("Cannot write the token file " + tmp + ": " + why);
      }
      off += static_cast<size_t>(w);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
      std::string why = errnoText();
      ::unlink(tmp.c_str());
      throw AuthError("Cannot write the token file " + tmp + ": " + why);
    }
    if (::rename(tmp.c_str(), path_.c_str()) != 0) {
      std::string why = errnoText();
      ::unlink(tmp.c_str());
      throw AuthError("Cannot replace the token file " + path_ + ": " + why);
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);  // the rename itself survives a crash
      ::close(dfd);
    }
  }

  std::string describe() const override { return path_; }

 private:
  std::string path_;
  bool allowInsecure_;
};

// memory://name: shared by every connection of this process that names it.
struct MemorySlot {
  std::mutex mutex;  // held by Lock
  std::mutex data;   // guards token
  std::optional<StoredToken> token;
};

MemorySlot& memorySlot(const std::string& name) {
  static std::mutex registryMutex;
  static auto* slots = new std::map<std::string, std::unique_ptr<MemorySlot>>();  // never destroyed
  std::lock_guard<std::mutex> g(registryMutex);
  auto& slot = (*slots)[name];
  if (!slot) slot = std::make_unique<MemorySlot>();
  return *slot;
}

class MemoryLock final : public TokenStore::Lock {
 public:
  explicit MemoryLock(std::mutex& m) : lock_(m) {}

 private:
  std::unique_lock<std::mutex> lock_;
};

class MemoryTokenStore final : public TokenStore {
 public:
  explicit MemoryTokenStore(std::string name) : name_(std::move(name)), slot_(memorySlot(name_)) {}
  std::unique_ptr<Lock> lock() override { return std::make_unique<MemoryLock>(slot_.mutex); }
  std::optional<StoredToken> load() override {
    std::lock_guard<std::mutex> g(slot_.data);
    return slot_.token;
  }
  void save(const StoredToken& token) override {
    std::lock_guard<std::mutex> g(slot_.data);
    slot_.token = token;
  }
  std::string describe() const override { return "memory://" + name_; }

 private:
  std::string name_;
  MemorySlot& slot_;
};

}  // namespace

std::unique_ptr<TokenStore> openTokenStore(const std::string& location, bool allowInsecure) {
  constexpr std::string_view kMemory = "memory://";
  if (location.compare(0, kMemory.size(), kMemory) == 0)
    return std::make_unique<MemoryTokenStore>(location.substr(kMemory.size()));
  return std::make_unique<FileTokenStore>(location, allowInsecure);
}

std::string defaultSettingsLocation(const std::string& dsn) {
  std::string name = dsn.empty() ? "default" : dsn;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-') ch = '_';
  if (name[0] == '.') name[0] = '_';
  std::string base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    base = std::string(home) + "/.config";
  } else {
    // Never a shared folder such as /tmp: another user could read or plant the tokens there.
    throw AuthError(
        "No folder for the OAuth token store: HOME is not set; set HOME for the process that loads the "
        "driver, "
        "or set OAuthSettingsLocation in the DSN to a file in a folder only this user can write");
  }
  return base + "/instagram-odbc/" + name + ".json";
}

}  // namespace igodbc::oauth
