// Creates one virtual table per schema/ declaration in the attached "Instagram" schema, and checks writes to
// them while the statement is prepared, so the application gets the model's refusals at SQLPrepare time.
#include "sql/vtab/instagram_tables.h"

#include <sqlite3.h>

#include "schema/schema.h"
#include "schema/views.h"
#include "sql/engine/engine.h"
#include "sql/procedures/procedures.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/compat_views.h"
#include "sql/vtab/vtab_module.h"
#include "sql/writes/write_queue.h"

namespace igodbc::sql {

namespace {

// An INSERT/UPDATE/DELETE on an Instagram object: refused at prepare time when the object's declaration does
// not allow it, otherwise remembered for the planner (sql/writes/write_queue.h WriteIntent).
int authorizeWrite(Engine& engine, int action, const char* table, const char* column) {
  const schema::Table* t = table ? schema::findTable(table) : nullptr;
  if (!t) return SQLITE_OK;
  WriteKind kind = action == SQLITE_INSERT   ? WriteKind::Insert
                   : action == SQLITE_UPDATE ? WriteKind::Update
                                             : WriteKind::Delete;
  if (std::optional<Diagnostic> refusal =
          writeRefusal(*t, kind, column ? column : "", instagramLogin(engine.settings()))) {
    engine.setPendingError(std::move(*refusal));
    return SQLITE_DENY;
  }
  WriteIntent& intent = engine.writeIntent();
  intent.kind = kind;
  intent.table = std::string(t->name);
  return SQLITE_OK;
}

// SQLite's authorizer: writes to Instagram tables are checked against their declaration, dropping one is
// denied with the read-only message, and the columns a statement reads are noted so that a
// write's scan fetches only those.
int authorize(void* aux, int action, const char* a1, const char* a2, const char* db, const char* context) {
  try {
    Engine& engine = *static_cast<Engine*>(aux);
    if (SqlGuard* guard = engine.guard())
      if (std::optional<Diagnostic> refused = guard->check(action, a1, a2, db, context)) {
        engine.setPendingError(std::move(*refused));
        return SQLITE_DENY;
      }
  } catch (...) {
    return SQLITE_DENY;
  }
  if (action == SQLITE_READ && a1 && !ProcedureCallGuard::inCall()) {
    if (const Procedure* p = procedureOfTable(a1)) {
      static_cast<Engine*>(aux)->setPendingError(
          {"42000", 0,
           prefixed("Procedure " + std::string(p->name) + " runs only as {call " + std::string(p->name) +
                    "(…)}, CALL " + std::string(p->name) + "(…) or EXEC " + std::string(p->name) +
                    ", never inside another statement")});
      return SQLITE_DENY;
    }
  }
  if (action != SQLITE_INSERT && action != SQLITE_UPDATE && action != SQLITE_DELETE &&
      action != SQLITE_DROP_VTABLE && action != SQLITE_READ)
    return SQLITE_OK;
  if (!isInstagramSchema(db)) return SQLITE_OK;
  try {
    Engine& engine = *static_cast<Engine*>(aux);
    if (action == SQLITE_READ) {
      if (a1 && a2) engine.writeIntent().reads.emplace_back(a1, a2);
      return SQLITE_OK;
    }
    if (action != SQLITE_DROP_VTABLE) return authorizeWrite(engine, action, a1, a2);
    std::string message = readOnlyMessage(a1);
    if (message.empty()) return SQLITE_OK;
    static_cast<Engine*>(aux)->setPendingError({"42000", 0, prefixed(message)});
    return SQLITE_DENY;
  } catch (...) {
    return SQLITE_DENY;
  }
}

}  // namespace

void attachInstagramTables(Engine& engine) {
  registerInstagramModule(engine);
  for (const schema::Table& t : schema::allTables()) {
    std::string name(t.name);
    std::string sql = "CREATE VIRTUAL TABLE " + std::string(schema::kSchemaName) + ".\"" + name +
                      "\" USING instagram(" + name + ")";
    char* err = nullptr;
    if (sqlite3_exec(engine.handle(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw EngineError({"HY000", 0, prefixed("Cannot create Instagram." + name + ": " + msg)});
    }
  }
  attachProcedures(engine);
  if (engine.settings().cdataCompat) attachCompatViews(engine);
  sqlite3_set_authorizer(engine.handle(), authorize, &engine);
}

}  // namespace igodbc::sql
