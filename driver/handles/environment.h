// SQL_HANDLE_ENV: the ODBC version the application asked for and its connections.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "driver/handles/handle.h"

namespace igodbc::driver {

class Connection;

class Environment : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::Env;
  Environment() : Handle(kKind) {}

  std::recursive_mutex& callMutex() override { return mutex_; }
  bool odbc2() const override { return odbcVersion == SQL_OV_ODBC2; }

  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER bufferLength,
                         SQLINTEGER* stringLength);

  // Read without the environment lock by connections and statements.
  std::atomic<SQLINTEGER> odbcVersion{SQL_OV_ODBC3};
  SQLUINTEGER connectionPooling = SQL_CP_OFF;
  SQLUINTEGER cpMatch = SQL_CP_STRICT_MATCH;

  // Guarded by listMutex (a leaf lock: SQLFreeHandle of a connection takes it while holding the connection).
  std::mutex listMutex;
  std::vector<Connection*> connections;

 private:
  std::recursive_mutex mutex_;
};

}  // namespace igodbc::driver
