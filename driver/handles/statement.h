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

#include "driver/convert/convert.h"
#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/handle.h"
#include "driver/handles/query_timer.h"

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

  // --- parameter arrays on statements that return rows (param_results.cpp): one result set per parameter
  // set (SQL_PAS_NO_BATCH), the next one opened by SQLMoreResults.
  SQLRETURN openParamSetResult(SQLULEN firstSet);
  bool moreParamSets() const { return nextParamSet < paramSetCount; }
  SQLULEN nextParamSet = 0, paramSetCount = 0;  // closeCursor() discards the pending ones

  // --- data at execution (data_at_exec.cpp)
  SQLRETURN paramData(SQLPOINTER* valuePtr);
  SQLRETURN putData(SQLPOINTER data, SQLLEN length);
  void cancelNeedData();

  // --- fetching (fetch.cpp, scroll_fetch.cpp, set_pos.cpp, get_data.cpp)
  SQLRETURN fetch();
  SQLRETURN fetchScroll(SQLSMALLINT orientation, SQLLEN offset);
  // ODBC 2 SQLExtendedFetch: SQLFetchScroll with SQL_ROWSET_SIZE rows and its own count and status outputs
  // (unixODBC does not map it to SQLFetchScroll; PHP's odbc_* calls it on scrollable cursors).
  SQLRETURN extendedFetch(SQLSMALLINT orientation, SQLLEN offset, SQLULEN* rowCount, SQLUSMALLINT* rowStatus);
  SQLRETURN setPos(SQLULEN rowNumber, SQLUSMALLINT operation, SQLUSMALLINT lockType);
  SQLRETURN getData(SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target, SQLLEN bufferLength,
                    SQLLEN* indicator);

  // --- attributes (statement_attr.cpp)
  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER stringLength);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER bufferLength,
                         SQLINTEGER* stringLength);

  int columnCount() const { return ird ? ird->count() : 0; }
  Cell cell(int column0) const;      // a value of the current row (SQLSetPos(SQL_POSITION) picks it)
  SQLULEN currentRowNumber() const;  // SQL_ATTR_ROW_NUMBER

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
  // SQL_CURSOR_STATIC keeps every row it reads so SQLFetchScroll can move anywhere; the default
  // forward-only cursor streams. Read at execute time.
  SQLULEN cursorType = SQL_CURSOR_FORWARD_ONLY;
  SQLPOINTER fetchBookmarkPtr = nullptr;
  SQLUSMALLINT* rowOperationPtr = nullptr;
  SQLUSMALLINT* paramOperationPtr = nullptr;
  // SQLSetCursorName's name, or empty until SQLGetCursorName generates SQL_CUR<n> (cursor_name.cpp).
  std::string cursorName;

  enum class State { Allocated, Prepared, Executed, Cursor, NeedData };
  State state = State::Allocated;
  std::string sqlText;  // as given to SQLite
  std::unique_ptr<sql::Statement> prepared;
  SQLLEN rowCount = -1;

  // Cursor.
  bool pendingRow = false;     // stepped at execute, not handed out yet
  bool rowValid = false;       // a current row exists for SQLGetData
  bool cursorDone = false;     // no more rows
  bool cursorFailed = false;   // a step failed: refetching would restart the query
  SQLULEN rowsSeen = 0;        // rows read from SQLite so far (SQL_ATTR_MAX_ROWS)
  SQLULEN rowsetFirstRow = 0;  // 1-based result row number of the rowset's first row
  SQLULEN rowsInRowset = 0;    // rows the current rowset holds
  SQLULEN rowPosition = 0;     // 0-based row of the rowset SQLGetData reads (SQLSetPos(SQL_POSITION))
  PartialValue partial;
  std::string conversionSpill;  // hex digits and UTF-16 of the value being converted (reused)
  using OwnedRow = std::vector<OwnedCell>;
  // Forward-only: copies of every row of a multi-row rowset (none for a rowset of one, which SQLGetData reads
  // from SQLite's current row): the first rowsetCopyCount entries. They stay allocated from rowset to rowset
  // and are overwritten in place, so after the first rowset a copy costs no allocation.
  std::vector<OwnedRow> rowsetCopies;
  size_t rowsetCopyCount = 0;
  // Static cursor: every row read so far, and where the current rowset starts (scroll_position.h).
  bool staticCursor = false;
  std::vector<OwnedRow> keptRows;
  // The row status array of the SQLExtendedFetch that fetched the rowset (ODBC 2: SQLSetPos updates that
  // one).
  SQLUSMALLINT* extendedFetchStatus = nullptr;
  SQLLEN scrollStart = 0;
  SQLULEN lastRowsetSize = 0;

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
  bool keepNextRow();                      // static cursor: reads one more row into keptRows
  void copyLiveRow(OwnedRow& into) const;  // SQLite's current row into `into`, reusing its storage
  Cell liveCell(int column0) const;
  Cell rowCell(const OwnedRow* row, int column0) const;  // null row: SQLite's current row
  void writeBoundRow(SQLULEN rowIndex, const OwnedRow* source, bool& warning, bool& error);
  void finishRowset(SQLULEN fetched, SQLULEN rowset);
  const OwnedRow* rowsetRow(SQLULEN index0) const;  // a row of the current rowset; null: SQLite's current row
  SQLRETURN refreshRowset(SQLULEN rowNumber);       // SQLSetPos(SQL_REFRESH), set_pos.cpp
};

}  // namespace igodbc::driver
