// SQL_HANDLE_STMT: one prepared SQLite statement and the cursor over its rows. Rows stream one at a time from
// sql::Statement::step; the first row is stepped at execute time so that errors surface there, and held
// until the first fetch.
#pragma once

#include <sqlext.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/connection.h"
#include "driver/convert.h"
#include "driver/descriptor.h"
#include "driver/handle.h"
#include "driver/query_timer.h"

namespace igodbc::sql {
class Statement;
}

namespace igodbc::driver {

// A copy of a value that must outlive the SQLite row it came from (first row of a multi-row rowset).
struct OwnedCell {
  sql::ValueType type = sql::ValueType::Null;
  int64_t i = 0;
  double d = 0;
  std::string bytes;
  Cell view() const { return Cell{type, i, d, bytes}; }
};

class Statement : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::Stmt;
  explicit Statement(std::shared_ptr<Connection> conn);
  ~Statement() override;
  // Creates and registers the implicit descriptors (needs the registry, so not in the constructor).
  void createDescriptors();

  std::recursive_mutex& callMutex() override { return conn->callMutex(); }
  bool odbc2() const override { return conn->odbc2(); }
  std::string connectionName() const override { return conn->dsn; }

  // --- lifecycle (statement.cpp)
  void prepare(std::string_view odbcSql);   // SQLPrepare: escapes translated, no Graph call
  void prepareRaw(const std::string& sql);  // catalog queries: already SQLite syntax
  SQLRETURN execute();                      // SQLExecute
  SQLRETURN execDirect(std::string_view odbcSql);
  SQLRETURN runQuery(const std::string& sql);  // catalog functions
  void closeCursor();
  bool cursorOpen() const { return state == State::Cursor; }
  void requirePrepared() const;  // HY010 when nothing was prepared
  void requireNoCursor() const;  // 24000 when a cursor is open
  // Frees the SQLite statement and the implicit descriptors (SQLFreeHandle, SQLDisconnect).
  void release();

  // --- data at execution (data_at_exec.cpp)
  SQLRETURN paramData(SQLPOINTER* valuePtr);
  SQLRETURN putData(SQLPOINTER data, SQLLEN length);
  void cancelNeedData();

  // --- fetching (fetch.cpp, get_data.cpp)
  SQLRETURN fetch();
  SQLRETURN getData(SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target, SQLLEN bufferLength,
                    SQLLEN* indicator);

  // --- attributes (statement_attr.cpp)
  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER stringLength);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER bufferLength,
                         SQLINTEGER* stringLength);

  int columnCount() const { return ird ? ird->count() : 0; }
  Cell cell(int column0) const;  // a value of the current row

  std::shared_ptr<Connection> conn;
  std::shared_ptr<Descriptor> implicitArd, implicitApd, ird, ipd;
  std::shared_ptr<Descriptor> ard, apd;  // the implicit ones or descriptors the application set

  // Attributes.
  SQLULEN queryTimeout = 0;
  SQLULEN maxRows = 0;
  SQLULEN noScan = SQL_NOSCAN_OFF;
  SQLULEN maxLength = 0;
  SQLULEN retrieveData = SQL_RD_ON;
  SQLULEN metadataId = SQL_FALSE;
  SQLULEN rowsetSize = 1;  // ODBC 2 SQL_ROWSET_SIZE (SQLExtendedFetch), kept for SQLGetStmtAttr
  SQLULEN keysetSize = 0;
  SQLPOINTER fetchBookmarkPtr = nullptr;
  SQLUSMALLINT* rowOperationPtr = nullptr;
  SQLUSMALLINT* paramOperationPtr = nullptr;

  enum class State { Allocated, Prepared, Executed, Cursor, NeedData };
  State state = State::Allocated;
  std::string sqlText;  // as given to SQLite
  std::unique_ptr<sql::Statement> prepared;
  SQLLEN rowCount = -1;

  // Cursor.
  bool pendingRow = false;    // stepped at execute, not handed out yet
  bool rowValid = false;      // a current row exists for SQLGetData
  bool cursorDone = false;    // no more rows
  bool cursorFailed = false;  // a step failed: refetching would restart the query
  SQLULEN rowsSeen = 0;       // rows handed out so far (SQL_ATTR_MAX_ROWS, SQL_ATTR_ROW_NUMBER)
  SQLULEN rowsetFirstRow = 0;
  PartialValue partial;
  std::vector<OwnedCell> savedRow;  // the rowset's first row when the rowset has several
  bool useSavedRow = false;

  // Data at execution.
  std::vector<int> needDataParams;  // 1-based parameter numbers still to be supplied, in order
  int currentDataParam = 0;         // the parameter SQLPutData appends to; 0 before the first SQLParamData
  std::vector<std::optional<std::string>> putDataValues;  // by parameter number - 1; nullopt = NULL

  // Set while a step runs, so SQLCancel from another thread knows there is something to interrupt.
  std::atomic<bool> running{false};
  QueryTimer queryTimer;  // SQL_ATTR_QUERY_TIMEOUT around each step

 private:
  SQLRETURN runExecution();
  SQLRETURN executeOnce(SQLULEN paramRow, bool useDataAtExec);
  void bindParameterSet(SQLULEN paramRow, bool useDataAtExec);
  bool step();
  void collectWarnings();
  bool advance();
  void writeBoundRow(SQLULEN rowIndex, bool& warning, bool& error);
};

}  // namespace igodbc::driver
