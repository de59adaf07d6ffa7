// One SQLite connection per ODBC connection: Instagram tables in the attached "Instagram" schema, scratch
// tables in the main database, renamed "Local" (SQLITE_DBCONFIG_MAINDBNAME) so unqualified CREATE TABLE
// lands there and "Local"."t" names it; "main" keeps working as SQLite's alias.
#include "sql/engine/engine.h"

#include <sqlite3.h>

#include <unordered_set>

#include "graph/client.h"
#include "sql/procedures/procedures.h"
#include "sql/vtab/instagram_tables.h"
#include "sql/writes/write_queue.h"

namespace igodbc::sql {

namespace {
bool contains(const std::string& s, const char* needle) {
  return s.find(needle) != std::string::npos;
}

// True when text after a statement holds more than blanks, semicolons and comments.
bool hasMoreSql(std::string_view rest) {
  return skipBlanksAndComments(rest, 0, true) < rest.size();
}
}  // namespace

Engine::Engine(Settings settings, std::shared_ptr<graph::Client> graph)
    : settings_(std::move(settings)),
      graph_(std::move(graph)),
      writes_(std::make_unique<WriteQueue>()),
      writeIntent_(std::make_unique<WriteIntent>()) {
  const std::string& file = settings_.scratchDatabase;
  // A plain file name only: SQLite would read "file:…?cache=shared" or "?vfs=" as a URI (Debian builds with
  // URIs on), sharing scratch tables with other connections of the process.
  if (file.size() >= 5 && sqlite3_strnicmp(file.c_str(), "file:", 5) == 0)
    throw EngineError(
        {"08001", 0, prefixed("ScratchDatabase must be a file path, not a file: URI; give the path itself")});
  int rc = sqlite3_open_v2(file.empty() ? ":memory:" : file.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                               SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_NOFOLLOW,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw EngineError({file.empty() ? "HY001" : "08001", 0,
                       prefixed("Cannot open the scratch database" + (file.empty() ? "" : " '" + file + "'") +
                                ": " + msg + (file.empty() ? "" : "; check the ScratchDatabase path"))});
  }
  sqlite3_extended_result_codes(db_, 1);
  // The name must outlive the connection: a static string.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_MAINDBNAME, kScratchSchema);
  exec("ATTACH DATABASE ':memory:' AS Instagram");
  if (std::string err = lockDown(db_, settings_.limits); !err.empty()) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw EngineError({"HY000", 0, prefixed("Cannot secure the SQL engine: " + err)});
  }
  try {
    attachInstagramTables(*this);
    startGuard();
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

// The names of the Instagram schema (tables, views, their trigger) and of the procedures: no scratch object
// may take one, so an unqualified name always means Instagram's. A scratch file opened from disk is checked
// for objects that already do.
void Engine::startGuard() {
  std::unordered_set<std::string> names;
  for (const Procedure& p : allProcedures()) {
    names.insert(std::string(p.name));
    names.insert(procedureTableName(p.name));
  }
  std::vector<std::pair<std::string, std::string>> scratch;  // (name, type) in Local and temp
  auto collect = [&](const char* q, bool instagram) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, q, -1, &st, nullptr) != SQLITE_OK)
      throw EngineError(
          {"HY000", 0, prefixed(std::string("Cannot read the schema: ") + sqlite3_errmsg(db_))});
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      if (instagram)
        names.insert(name);
      else
        scratch.emplace_back(name, reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    }
    sqlite3_finalize(st);
  };
  collect("SELECT name, type FROM Instagram.sqlite_schema", true);
  collect("SELECT name, type FROM main.sqlite_schema", false);
  guard_ = std::make_unique<SqlGuard>(std::move(names));
  for (const auto& [name, type] : scratch) {
    if (type == "view") guard_->noteView(name);
    if (type == "trigger") guard_->noteTrigger(name);
    if (guard_->isInstagramName(name))
      throw EngineError(
          {"08001", 0,
           prefixed("The scratch database '" + settings_.scratchDatabase + "' holds a " + type + " named '" +
                    name +
                    "', the name of an Instagram object: rename or drop it (with the sqlite3 tool), or "
                    "point ScratchDatabase at another file")});
  }
}

void Engine::checkStatementSize(size_t bytes) const {
  if (static_cast<int64_t>(bytes) <= settings_.limits.maxStatementBytes) return;
  throw EngineError(
      {"54000", 0,
       prefixed("The statement is " + std::to_string(bytes) + " bytes, more than MaxStatementBytes (" +
                std::to_string(settings_.limits.maxStatementBytes) +
                "): pass long value lists as parameters or a scratch table, or raise "
                "MaxStatementBytes in the DSN")});
}

Engine::~Engine() {
  if (db_) sqlite3_close_v2(db_);
}

void Engine::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw EngineError({"HY000", 0, prefixed(msg)});
  }
}

std::unique_ptr<Statement> Engine::prepare(std::string_view sql) {
  pendingError_.reset();
  warnings_.clear();
  writeIntent_->clear();
  checkStatementSize(sql.size());
  if (guard_)
    if (std::optional<Diagnostic> refused = guard_->checkText(sql)) throw EngineError(std::move(*refused));
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  // CALL/EXEC become a SELECT over the procedure's table-valued function (sql/procedures/procedures.h).
  std::optional<std::string> call = rewriteProcedureCall(sql);
  if (call) sql = *call;
  ProcedureCallGuard guard(call.has_value());
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) throw EngineError(translateSqliteError(rc));
  if (!stmt) throw EngineError({"42000", 0, prefixed("The statement is empty")});
  if (tail && hasMoreSql(std::string_view(tail, static_cast<size_t>(sql.data() + sql.size() - tail)))) {
    sqlite3_finalize(stmt);
    throw EngineError({"42000", 0,
                       prefixed("Only one SQL statement per call is supported: run the statements after the "
                                "first ';' separately")});
  }
  std::unique_ptr<Statement> out(new Statement(*this, stmt));
  out->procedureCall_ = call.has_value();
  return out;
}

void Engine::interrupt() {
  if (graph_) graph_->cancel();
  sqlite3_interrupt(db_);
}

void Engine::beginStatement() {
  pendingError_.reset();
  warnings_.clear();
  writes_->clear();
  ++executionSerial_;
  if (graph_) {
    graph_->clearCancel();
    graph_->beginStatement();
  }
  if (!autocommit_ && !txnOpen_ && sqlite3_get_autocommit(db_)) {
    exec("BEGIN");
    txnOpen_ = true;
  }
}

void Engine::setAutocommit(bool on) {
  if (on && txnOpen_) commit();
  autocommit_ = on;
}

void Engine::commit() {
  if (!sqlite3_get_autocommit(db_)) exec("COMMIT");
  txnOpen_ = false;
  uncommittedWrites_ = 0;
}

void Engine::rollback() {
  if (!sqlite3_get_autocommit(db_)) exec("ROLLBACK");
  txnOpen_ = false;
  uncommittedWrites_ = 0;
}

int64_t Engine::runWrites(bool appendIdentities) {
  WriteOutcome out = writes_->run(graph_.get());
  if (out.inserted) {
    if (!appendIdentities) insertedIds_.clear();
    insertedIds_.insert(insertedIds_.end(), out.created.begin(), out.created.end());
    // last_insert_rowid(): Graph IDs are decimal and fit a signed 64-bit rowid.
    if (!out.created.empty()) {
      const std::string& id = out.created.back().second;
      if (!id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string::npos)
        sqlite3_set_last_insert_rowid(db_, std::stoll(id));
    }
  }
  if (!autocommit_ && out.rows > 0) {
    uncommittedWrites_ += out.rows;
    addWarning(
        {"01000", 0,
         prefixed("Instagram writes are immediate: " + std::to_string(out.rows) +
                  (out.rows == 1 ? " row was" : " rows were") +
                  " written now although autocommit is off; SQLEndTran(SQL_ROLLBACK) cannot undo them")});
  }
  if (out.error) {
    pendingRows_ = out.rows;
    throw EngineError(std::move(*out.error));
  }
  return out.rows;
}

std::vector<std::pair<std::string, std::string>> Engine::scratchTables() {
  std::vector<std::pair<std::string, std::string>> out;
  sqlite3_stmt* stmt = nullptr;
  const char* q =
      "SELECT name, upper(type) FROM main.sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE "
      "'sqlite\\_%' ESCAPE '\\' ORDER BY name";
  if (sqlite3_prepare_v2(db_, q, -1, &stmt, nullptr) != SQLITE_OK) return out;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                     reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
  sqlite3_finalize(stmt);
  return out;
}

void Engine::setPendingError(Diagnostic d) {
  if (!pendingError_) pendingError_ = std::make_unique<Diagnostic>(std::move(d));
}

void Engine::addWarning(Diagnostic d) {
  for (const Diagnostic& w : warnings_)
    if (w.sqlstate == d.sqlstate && w.message == d.message) return;
  warnings_.push_back(std::move(d));
}

Diagnostic Engine::translateSqliteError(int rc) const {
  if (pendingError_) return *pendingError_;
  std::string msg = sqlite3_errmsg(db_);
  int primary = rc & 0xff;
  std::string state = "HY000";
  if (primary == SQLITE_INTERRUPT) {
    return {"HY008", 0, prefixed("The statement was cancelled")};
  } else if (primary == SQLITE_TOOBIG) {
    return {"54000", rc,
            prefixed(msg + ": a value would exceed MaxValueBytes (" +
                     std::to_string(settings_.limits.maxValueBytes) +
                     " bytes); raise MaxValueBytes in the DSN if the data needs it")};
  } else if (primary == SQLITE_FULL) {
    return {"HY000", rc,
            prefixed("The scratch tables are full (MaxScratchMB is " +
                     std::to_string(settings_.limits.maxScratchMB) +
                     "): drop scratch tables you no longer need, or raise MaxScratchMB in the DSN")};
  } else if (primary == SQLITE_AUTH) {
    state = "42000";
  } else if (primary == SQLITE_CONSTRAINT) {
    state = "23000";
  } else if (primary == SQLITE_NOMEM) {
    state = "HY001";
  } else if (contains(msg, "no such table")) {
    state = "42S02";
  } else if (contains(msg, "no such column")) {
    state = "42S22";
  } else if (contains(msg, "already exists")) {
    state = contains(msg, "index") ? "42S11" : "42S01";
  } else if (contains(msg, "syntax error") || contains(msg, "near \"") || contains(msg, "incomplete input") ||
             contains(msg, "no such function") || contains(msg, "wrong number of arguments") ||
             contains(msg, "misuse of aggregate") || contains(msg, "no query solution") ||
             contains(msg, "may not be altered") || contains(msg, "cannot rename columns")) {
    state = "42000";
  } else if (primary == SQLITE_RANGE) {
    state = "07009";
  } else if (primary == SQLITE_READONLY) {
    state = "25000";
  }
  return {state, rc, prefixed(msg)};
}

// ---------------------------------------------------------------------------------------------------------

Statement::Statement(Engine& engine, sqlite3_stmt* stmt) : engine_(engine), stmt_(stmt) {
  int n = sqlite3_column_count(stmt_);
  columns_.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    ResultColumn c;
    auto text = [](const char* s) { return s ? std::string(s) : std::string(); };
    c.label = text(sqlite3_column_name(stmt_, i));
    c.baseColumn = text(sqlite3_column_origin_name(stmt_, i));
    c.baseTable = text(sqlite3_column_table_name(stmt_, i));
    c.schemaName = text(sqlite3_column_database_name(stmt_, i));
    c.declType = text(sqlite3_column_decltype(stmt_, i));
    if (!c.baseTable.empty() && !c.baseColumn.empty()) {
      int notNull = 0;
      if (sqlite3_table_column_metadata(engine_.db_, c.schemaName.c_str(), c.baseTable.c_str(),
                                        c.baseColumn.c_str(), nullptr, nullptr, &notNull, nullptr,
                                        nullptr) == SQLITE_OK)
        c.nullable = notNull == 0;
    }
    columns_.push_back(std::move(c));
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

int Statement::parameterCount() const {
  return sqlite3_bind_parameter_count(stmt_);
}

namespace {
void checkBind(Engine& e, int rc) {
  if (rc != SQLITE_OK)
    throw EngineError({rc == SQLITE_RANGE ? "07009" : "HY000", rc,
                       prefixed(std::string("Cannot bind the parameter: ") + sqlite3_errstr(rc))});
  (void)e;
}
}  // namespace

void Statement::bindNull(int i) {
  checkBind(engine_, sqlite3_bind_null(stmt_, i));
}
void Statement::bindInt64(int i, int64_t v) {
  checkBind(engine_, sqlite3_bind_int64(stmt_, i, v));
}
void Statement::bindDouble(int i, double v) {
  checkBind(engine_, sqlite3_bind_double(stmt_, i, v));
}
void Statement::bindText(int i, std::string_view s) {
  checkBind(engine_, sqlite3_bind_text64(stmt_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}
void Statement::bindBlob(int i, const void* data, size_t size) {
  checkBind(engine_, sqlite3_bind_blob64(stmt_, i, data ? data : "", size, SQLITE_TRANSIENT));
}
void Statement::clearBindings() {
  sqlite3_clear_bindings(stmt_);
}

bool Statement::step() {
  if (!started_) {
    engine_.beginStatement();
    started_ = true;
  }
  ProcedureCallGuard guard(procedureCall_);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    changes_ = sqlite3_changes64(engine_.db_);
    if (!engine_.writes_->empty()) {
      try {
        changes_ = engine_.runWrites(appendIdentities_);
      } catch (...) {
        changes_ = engine_.pendingRows_;
        throw;
      }
    }
    return false;
  }
  engine_.writes_->clear();  // SQLite failed the statement: nothing queued is sent
  changes_ = 0;
  Diagnostic d = engine_.translateSqliteError(rc);
  sqlite3_reset(stmt_);
  engine_.pendingError_.reset();
  throw EngineError(std::move(d));
}

ValueType Statement::type(int col) const {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER:
      return ValueType::Integer;
    case SQLITE_FLOAT:
      return ValueType::Real;
    case SQLITE_TEXT:
      return ValueType::Text;
    case SQLITE_BLOB:
      return ValueType::Blob;
    default:
      return ValueType::Null;
  }
}

int64_t Statement::getInt64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
double Statement::getDouble(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string_view Statement::getText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}

std::string_view Statement::getBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  started_ = false;
  changes_ = 0;
}

std::vector<Diagnostic> Statement::takeWarnings() {
  std::vector<Diagnostic> w;
  w.swap(engine_.warnings_);
  return w;
}

}  // namespace igodbc::sql
