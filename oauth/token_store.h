// Where tokens live between connections: a 0600 JSON file (OAuthSettingsLocation) or process memory
// ("memory://name"). lock() serializes refreshes: across processes with flock on "<file>.lock", within a
// process with a mutex per location, so concurrent connections refresh once and never tear the file.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "oauth/stored_token.h"

namespace igodbc::oauth {

class TokenStore {
 public:
  virtual ~TokenStore() = default;
  class Lock {
   public:
    virtual ~Lock() = default;
  };
  // Blocks until this process holds the location exclusively. Throws AuthError when it cannot be locked.
  virtual std::unique_ptr<Lock> lock() = 0;
  // nullopt when nothing is stored. Throws AuthError when the file or its folder is unsafe (token_folder.h;
  // a file of another user or readable by group or others, unless allowed) or unreadable; a corrupt file
  // reads as empty.
  virtual std::optional<StoredToken> load() = 0;
  // Atomic: a temp file in the same folder, fsync, rename. Throws AuthError on failure.
  virtual void save(const StoredToken& token) = 0;
  // Where the tokens are, for messages.
  virtual std::string describe() const = 0;
};

// `location` is a path or memory://name. `allowInsecure` accepts a file readable by group/others.
std::unique_ptr<TokenStore> openTokenStore(const std::string& location, bool allowInsecure);

// $XDG_CONFIG_HOME/instagram-odbc/<name>.json, else ~/.config/instagram-odbc/<name>.json; `name` is the DSN
// (or "default") with characters outside [A-Za-z0-9._-] replaced by '_'. Throws AuthError when neither is
// set: there is no shared fallback folder.
std::string defaultSettingsLocation(const std::string& dsn);

}  // namespace igodbc::oauth
