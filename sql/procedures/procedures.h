// Stored procedures: ONE registry of name -> parameters -> result columns -> handler.
//
// How a call runs:
//   {call P(a, ?)}  --escape.cpp-->  CALL P(a, ?)
//   CALL P(a, ?) / EXEC[UTE] P @X = a, @Y = ?  --rewriteProcedureCall()-->
//   SELECT * FROM main."igodbc_proc_P"(a, ?, NULL, …)     (arguments in declared parameter order)
// Every procedure is a SQLite table-valued function: an eponymous virtual table whose HIDDEN columns are the
// parameters and whose visible columns are the result columns (attachProcedures() registers them). Its
// handler runs once in xFilter and returns all rows. The authorizer refuses those tables outside a rewritten
// call, so a procedure's side effect never repeats inside a join.
//
// Adding a procedure: write a function returning std::vector<Procedure> in its own file (as
// sql/procedures/procedures_publishing.cpp does) and append it in allProcedures() in
// sql/procedures/procedures.cpp. Declarations only here; driver/ reads allProcedures() for
// SQLProcedures/SQLProcedureColumns.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"
#include "sql/engine/value.h"

namespace igodbc::sql {

class Engine;

struct ProcParam {
  std::string_view name;  // without '@'
  schema::SqlType type;
  int size;  // as schema::Column::size
  bool required;
  std::string_view notes = {};
};

struct ProcColumn {
  std::string_view name;
  schema::SqlType type;
  int size;
  bool nullable = true;
};

struct Procedure;

// One call: the arguments in declared parameter order (Null when left out) and the connection's engine.
class ProcCall {
 public:
  ProcCall(Engine& engine, const Procedure& proc, std::vector<Value> args)
      : engine_(engine), proc_(proc), args_(std::move(args)) {}
  Engine& engine() const { return engine_; }
  const Procedure& procedure() const { return proc_; }
  // The argument of a declared parameter (case-insensitive); Null when left out.
  const Value& arg(std::string_view param) const;
  bool given(std::string_view param) const { return !arg(param).isNull(); }
  // The argument as text (numbers rendered), nullopt when left out.
  std::optional<std::string> text(std::string_view param) const;
  // The argument as an integer; nullopt when left out. Throws 22023 when not an integer.
  std::optional<int64_t> integer(std::string_view param) const;
  // A 01000 warning on the statement.
  void warn(const std::string& text) const;

 private:
  Engine& engine_;
  const Procedure& proc_;
  std::vector<Value> args_;
};

// Returns the result rows, one Value per result column. Throws EngineError for every failure.
using ProcHandler = std::function<std::vector<Row>(ProcCall&)>;

struct Procedure {
  std::string_view name;
  std::string_view purpose;  // SQLProcedures REMARKS
  std::vector<ProcParam> params;
  std::vector<ProcColumn> columns;
  ProcHandler handler;
};

// Every procedure, in SQLProcedures order.
const std::vector<Procedure>& allProcedures();
const Procedure* findProcedure(std::string_view name);  // case-insensitive; nullptr if unknown

// Lists contributed by their own files (append new ones in procedures.cpp).
std::vector<Procedure> oauthProcedures();       // sql/procedures/procedures_oauth.cpp
std::vector<Procedure> publishingProcedures();  // sql/procedures/procedures_publishing.cpp

// "CALL P(…)" or "EXEC[UTE] P …" -> the SELECT that runs it; nullopt when `sql` is not a procedure call.
// Throws EngineError 42000 for an unknown procedure or parameter, a missing required one, too many arguments.
std::optional<std::string> rewriteProcedureCall(std::string_view sql);

// The eponymous table name behind a procedure ("igodbc_proc_" + name); and the reverse (nullptr if none).
std::string procedureTableName(std::string_view procedure);
const Procedure* procedureOfTable(std::string_view table);

// Registers one table-valued function per procedure on the engine's SQLite connection.
void attachProcedures(Engine& engine);

// While one is alive on this thread, the procedure tables may be prepared and run (Engine::prepare and
// Statement::step hold one for a rewritten call); the authorizer refuses them everywhere else.
class ProcedureCallGuard {
 public:
  explicit ProcedureCallGuard(bool active);
  ~ProcedureCallGuard();
  ProcedureCallGuard(const ProcedureCallGuard&) = delete;
  ProcedureCallGuard& operator=(const ProcedureCallGuard&) = delete;
  static bool inCall();

 private:
  bool active_;
};

}  // namespace igodbc::sql
