// The SQL engine of one ODBC connection: one SQLite connection with the Instagram virtual tables attached as
// schema "Instagram" and local scratch tables in the main database, named "Local". driver/ talks to SQLite
// only through this header.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/engine/diagnostic.h"
#include "sql/engine/sql_guard.h"

struct sqlite3;
struct sqlite3_stmt;

namespace igodbc::graph {
class Client;
}
namespace igodbc::oauth {
class TokenSession;
}

namespace igodbc::sql {

// One row of sys_connection_props; secrets arrive here already masked.
struct ConnectionProp {
  std::string name;
  std::optional<std::string> value;  // nullopt: unset
  std::string source;                // "connection string", "DSN", "default", "token store", "derived"
  bool secret = false;
};

// What the Instagram tables need from the connection.
struct Settings {
  std::string authMode = "FacebookLogin";       // or "InstagramLogin"
  std::vector<std::string> businessAccountIds;  // empty: discover through /me/accounts
  int pageSize = 100;                           // upper bound per edge (1..100)
  std::string metricRulesDate;                  // YYYY-MM-DD; empty = today (UTC)
  std::string scratchDatabase;                  // file for the Local schema; empty = in memory
  std::shared_ptr<oauth::TokenSession> tokens;  // the OAuth procedures' view of the token; null in tests
  bool pageToken = false;                       // AuthenticateAsPage: calls carry a Page token
  bool cdataCompat = false;                     // CDataCompat: compatibility views and alias columns (11)
  std::vector<ConnectionProp> connectionProps;  // the connection's properties, for sys_connection_props
  SqlLimits limits;                             // value, statement and scratch-size ceilings
};

// The schema name of scratch tables: SQLite's main database, renamed so that "Local"."t" works.
inline constexpr const char* kScratchSchema = "Local";

enum class ValueType { Null, Integer, Real, Text, Blob };

struct ResultColumn {
  std::string label;       // the column's name in the result (AS alias or expression text)
  std::string baseColumn;  // origin column, empty for expressions
  std::string baseTable;   // origin table, empty for expressions
  std::string schemaName;  // "Instagram" for Instagram objects, "Local" for scratch tables
  std::string declType;    // declared type, e.g. "VARCHAR(32)"; empty for expressions
  bool nullable = true;    // false only when the origin column is NOT NULL
};

class Engine;
class WriteQueue;
struct WriteIntent;

class Statement {
 public:
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  int columnCount() const { return static_cast<int>(columns_.size()); }
  const ResultColumn& column(int i) const { return columns_.at(static_cast<size_t>(i)); }
  int parameterCount() const;
  bool returnsRows() const { return !columns_.empty(); }

  // Parameters are 1-based, as in ODBC and SQLite.
  void bindNull(int i);
  void bindInt64(int i, int64_t v);
  void bindDouble(int i, double v);
  void bindText(int i, std::string_view utf8);
  void bindBlob(int i, const void* data, size_t size);
  void clearBindings();

  // Runs until the next row. Returns true with a row available, false when done. Throws EngineError.
  bool step();
  ValueType type(int col) const;
  int64_t getInt64(int col) const;
  double getDouble(int col) const;
  std::string_view getText(int col) const;  // UTF-8; valid until the next step/reset
  std::string_view getBlob(int col) const;

  // Back to before the first step (bindings are kept). Starts a new execution.
  void reset();
  // Rows changed by the last INSERT/UPDATE/DELETE execution; after a failed write, the rows written before
  // the failure.
  int64_t changes() const { return changes_; }
  // Parameter sets after the first of one SQLExecute: sys_identity keeps the IDs of the earlier sets.
  void continueParameterSets(bool on) { appendIdentities_ = on; }
  // Warnings collected during the last execution (SQL_SUCCESS_WITH_INFO); cleared by the call.
  std::vector<Diagnostic> takeWarnings();

 private:
  friend class Engine;
  Statement(Engine& engine, sqlite3_stmt* stmt);
  Engine& engine_;
  sqlite3_stmt* stmt_;
  std::vector<ResultColumn> columns_;
  bool started_ = false;
  bool procedureCall_ = false;  // a rewritten CALL/EXEC: may run a procedure's table-valued function
  bool appendIdentities_ = false;
  int64_t changes_ = 0;
};

class Engine {
 public:
  // Opens the SQLite connection and attaches the Instagram tables. `graph` may be null (catalog-only tests).
  Engine(Settings settings, std::shared_ptr<graph::Client> graph);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Prepares one SQL statement (ODBC escapes must already be translated). Makes no Graph call.
  // Throws EngineError (42000 syntax, 42S02 unknown table, 42S22 unknown column, 42000 missing filter...).
  std::unique_ptr<Statement> prepare(std::string_view sql);

  // Throws EngineError (54000) when a statement's text is longer than MaxStatementBytes.
  void checkStatementSize(size_t bytes) const;

  // From any thread: stops the running statement and its in-flight HTTP request (SQLCancel).
  void interrupt();

  // Scratch-table transactions (autocommit off in ODBC terms).
  void setAutocommit(bool on);
  bool autocommit() const { return autocommit_; }
  void commit();
  void rollback();

  // Local scratch tables and views: (name, type "TABLE"/"VIEW").
  std::vector<std::pair<std::string, std::string>> scratchTables();

  const Settings& settings() const { return settings_; }
  graph::Client* graph() const { return graph_.get(); }
  sqlite3* handle() const { return db_; }
  // The rules on what SQL may do (sql/engine/sql_guard.h); null while the driver builds its own schema.
  SqlGuard* guard() const { return guard_.get(); }

  // Used by the Instagram virtual tables: a structured error or warnings raised while SQLite runs a step.
  void setPendingError(Diagnostic d);
  void addWarning(Diagnostic d);

  // Writes (sql/writes/write_queue.h): queued by xUpdate, sent when SQLite has finished the statement.
  WriteQueue& writes() { return *writes_; }
  WriteIntent& writeIntent() { return *writeIntent_; }
  // Changes with every execution: rows remembered by a scan for xUpdate belong to one execution only.
  uint64_t executionSerial() const { return executionSerial_; }
  // (table, Id) created by the last INSERT statement (sys_identity).
  const std::vector<std::pair<std::string, std::string>>& insertedIds() const { return insertedIds_; }
  // Instagram rows written since the last commit or rollback while autocommit was off.
  int64_t uncommittedWrites() const { return uncommittedWrites_; }

 private:
  friend class Statement;
  Diagnostic translateSqliteError(int rc) const;
  void exec(const char* sql);
  void startGuard();
  void beginStatement();
  int64_t runWrites(bool appendIdentities);  // throws EngineError after a failed write

  Settings settings_;
  std::shared_ptr<graph::Client> graph_;
  sqlite3* db_ = nullptr;
  bool autocommit_ = true;
  bool txnOpen_ = false;
  std::unique_ptr<Diagnostic> pendingError_;
  std::unique_ptr<SqlGuard> guard_;
  std::vector<Diagnostic> warnings_;
  std::unique_ptr<WriteQueue> writes_;
  std::unique_ptr<WriteIntent> writeIntent_;
  uint64_t executionSerial_ = 0;
  std::vector<std::pair<std::string, std::string>> insertedIds_;
  int64_t uncommittedWrites_ = 0;
  int64_t pendingRows_ = 0;  // rows written by a write statement that then failed
};

// Rewrites ODBC escape sequences ({fn …}, {d …}, {t …}, {ts …}, {oj …}, {escape …}, {call …}, {?= call …})
// into SQLite syntax, leaving quoted text and comments alone. Throws EngineError (42000) when malformed.
std::string translateEscapes(std::string_view odbcSql);

}  // namespace igodbc::sql
