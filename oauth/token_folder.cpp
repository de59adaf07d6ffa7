#include "oauth/token_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {

std::string octal(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// The folders above the token folder: whoever could write one of them could swap the token folder for
// another between our check and our open. Each must belong to this user or root and be writable by no one
// else, unless it is sticky (like /tmp), where others cannot rename or remove what is not theirs.
void checkAncestors(const std::string& dir) {
  char* resolved = ::realpath(dir.c_str(), nullptr);
  if (!resolved) throw AuthError("Cannot resolve the token folder " + dir + ": " + std::strerror(errno));
  std::string path(resolved);
  std::free(resolved);
  while (path.size() > 1) {
    const size_t slash = path.find_last_of('/');
    path = slash == 0 ? "/" : path.substr(0, slash);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      throw AuthError("Cannot inspect the folder " + path +
                      " above the token folder: " + std::strerror(errno));
    const bool ownerOk = st.st_uid == ::geteuid() || st.st_uid == 0;
    const bool othersWrite = (st.st_mode & 022) != 0 && (st.st_mode & S_ISVTX) == 0;
    if (!ownerOk || othersWrite)
      throw AuthError(
          "The folder " + path + " above the token folder " + dir +
          (ownerOk ? " can be written by other users (mode " + octal(st.st_mode) + ")"
                   : " belongs to another user (uid " + std::to_string(st.st_uid) + ")") +
          ", who could swap the token folder; set OAuthSettingsLocation in the DSN to a file under "
          "folders only you (or root) can write");
  }
}

}  // namespace

std::string folderOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

void makeTokenFolders(const std::string& dir) {
  if (dir.empty()) return;
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) return;
  size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0) makeTokenFolders(dir.substr(0, slash));
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw AuthError("Cannot create the token folder " + dir + ": " + std::strerror(errno));
}

void checkTokenFolder(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    throw AuthError("Cannot inspect the token folder " + dir + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) throw AuthError("The token folder " + dir + " is not a folder");
  // Whoever can write the folder can swap the token file or plant a link in place of the lock file.
  if (st.st_uid != ::geteuid())
    throw AuthError("The token folder " + dir + " belongs to another user (uid " + std::to_string(st.st_uid) +
                    "); set OAuthSettingsLocation in the DSN to a file in a folder of your own");
  if ((st.st_mode & 022) != 0)
    throw AuthError("The token folder " + dir + " can be written by other users (mode " + octal(st.st_mode) +
                    "); run chmod 700 on it, or set OAuthSettingsLocation in the DSN to a private folder");
  checkAncestors(dir);
}

}  // namespace igodbc::oauth
