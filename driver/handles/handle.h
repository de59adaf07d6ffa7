// What every ODBC handle shares: its kind, a tag that marks a live driver object, and its diagnostic area.
// Handles are owned by the registry (handle_registry.h) through shared_ptr, so a call that has looked a
// handle up keeps it alive even if another thread frees it meanwhile.
#pragma once

#include <sql.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "driver/handles/diagnostics.h"

namespace igodbc::driver {

enum class HandleKind : SQLSMALLINT {
  Env = SQL_HANDLE_ENV,
  Dbc = SQL_HANDLE_DBC,
  Stmt = SQL_HANDLE_STMT,
  Desc = SQL_HANDLE_DESC,
};

class Handle : public std::enable_shared_from_this<Handle> {
 public:
  static constexpr uint32_t kLiveTag = 0x49474442;  // "IGDB"

  explicit Handle(HandleKind kind) : kind_(kind) {}
  virtual ~Handle() { tag_ = 0; }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  HandleKind kind() const { return kind_; }
  bool live() const { return tag_ == kLiveTag && !freed_; }
  void markFreed() { freed_ = true; }

  // The lock a call on this handle holds: the environment's own, or the connection's for connections,
  // statements and descriptors (one SQLite connection must not be used by two threads at once).
  virtual std::recursive_mutex& callMutex() = 0;
  // ODBC 2 applications read S1xxx states.
  virtual bool odbc2() const = 0;
  // SQL_DIAG_CONNECTION_NAME / SQL_DIAG_SERVER_NAME.
  virtual std::string connectionName() const { return {}; }

  Diagnostics diags;

 private:
  uint32_t tag_ = kLiveTag;
  HandleKind kind_;
  std::atomic<bool> freed_{false};
};

}  // namespace igodbc::driver
