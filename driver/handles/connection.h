// SQL_HANDLE_DBC: connection properties, the SQL engine (one SQLite connection + Graph client) while
// connected, connection attributes, and the statements and descriptors allocated on it.
#pragma once

#include <sqlext.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "driver/catalog/info.h"
#include "driver/connect/connection_settings.h"
#include "driver/handles/handle.h"

namespace igodbc::sql {
class Engine;
}
namespace igodbc::graph {
class Client;
}

namespace igodbc::driver {

class Environment;
class Statement;
class Descriptor;

class Connection : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::Dbc;
  explicit Connection(std::shared_ptr<Environment> env);
  ~Connection() override;

  std::recursive_mutex& callMutex() override { return mutex_; }
  bool odbc2() const override;
  std::string connectionName() const override { return dsn; }

  bool connected() const { return engine_ != nullptr; }
  sql::Engine& engine();  // throws 08003 when not connected

  // Opens the engine with validated settings. `dsnName` is empty for DRIVER= connections.
  void open(const ConnectionSettings& settings, std::string dsnName);
  // Frees the statements and descriptors on this connection and closes the engine.
  void close();
  // From any thread (SQLCancel): interrupts the running statement, if any.
  void interrupt();

  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER stringLength);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER bufferLength,
                         SQLINTEGER* stringLength, bool wide);
  SQLRETURN endTransaction(SQLSMALLINT completionType);

  InfoContext infoContext() const;

  std::shared_ptr<Environment> env;
  std::string dsn;
  ConnectionSettings settings;

  // Attributes.
  bool autocommit = true;
  SQLUINTEGER accessMode = SQL_MODE_READ_WRITE;
  SQLUINTEGER loginTimeout = 0;
  SQLUINTEGER connectionTimeout = 0;
  SQLUINTEGER packetSize = 0;
  SQLUINTEGER txnIsolation = SQL_TXN_SERIALIZABLE;
  SQLULEN metadataId = SQL_FALSE;
  SQLPOINTER quietMode = nullptr;
  // Statement attributes an ODBC 2 application set on the connection: defaults for new statements.
  SQLULEN defaultQueryTimeout = 0;
  SQLULEN defaultMaxRows = 0;
  SQLULEN defaultNoScan = SQL_NOSCAN_OFF;
  SQLULEN defaultMaxLength = 0;
  SQLULEN defaultRetrieveData = SQL_RD_ON;

  // Numbers the generated cursor names (SQL_CUR1, SQL_CUR2...) of this connection's statements.
  unsigned nextCursorNumber = 1;

  // Children, guarded by the call mutex.
  std::vector<Statement*> statements;
  std::vector<Descriptor*> descriptors;

 private:
  std::recursive_mutex mutex_;
  std::mutex engineMutex_;  // guards engine_ replacement against interrupt() from another thread
  std::shared_ptr<graph::Client> graph_;
  std::unique_ptr<sql::Engine> engine_;
};

// Host part of a URL ("graph.facebook.com"), for SQL_SERVER_NAME.
std::string urlHost(const std::string& url);

}  // namespace igodbc::driver
