// Creates one virtual table per schema/ declaration in the attached "Instagram" schema, and refuses writes to
// them while the statement is prepared, so the application gets the model's message at SQLPrepare time.
#include "sql/instagram_tables.h"

#include <sqlite3.h>
#include <strings.h>

#include "schema/schema.h"
#include "schema/views.h"
#include "sql/engine.h"
#include "sql/procedures.h"
#include "sql/vtab_module.h"

namespace igodbc::sql {

namespace {

// SQLite's authorizer: INSERT/UPDATE/DELETE on an Instagram table, or dropping one, is denied with the
// read-only message of data-model 1.7 (the virtual table's xUpdate says the same if ever reached).
int authorize(void* aux, int action, const char* a1, const char*, const char* db, const char*) {
  if (action == SQLITE_DETACH && a1 && strcasecmp(a1, std::string(schema::kSchemaName).c_str()) == 0) {
    static_cast<Engine*>(aux)->setPendingError(
        {"42000", 0, prefixed("The Instagram schema belongs to the driver and cannot be detached")});
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
      action != SQLITE_DROP_VTABLE)
    return SQLITE_OK;
  if (!db || strcasecmp(db, std::string(schema::kSchemaName).c_str()) != 0) return SQLITE_OK;
  try {
    std::string message = readOnlyMessage(a1);
    if (message.empty()) return SQLITE_OK;
    static_cast<Engine*>(aux)->setPendingError({"42000", 0, prefixed(message)});
    return SQLITE_DENY;
  } catch (...) {
    return SQLITE_DENY;
  }
}

// The wide views (data-model 6) are SQL views over the long tables, with the declared column names.
std::string createViewSql(const schema::Table& t) {
  std::string sql = "CREATE VIEW " + std::string(schema::kSchemaName) + ".\"" + std::string(t.name) + "\"(";
  for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", \"" : "\"") + std::string(t.columns[i].name) + "\"";
  return sql + ") AS " + schema::viewSelectSql(t.name);
}

}  // namespace

void attachInstagramTables(Engine& engine) {
  registerInstagramModule(engine);
  for (const schema::Table& t : schema::allTables()) {
    std::string name(t.name);
    std::string sql = "CREATE VIRTUAL TABLE " + std::string(schema::kSchemaName) + ".\"" + name +
                      "\" USING instagram(" + name + ")";
    if (t.source == schema::Source::View) sql = createViewSql(t);
    char* err = nullptr;
    if (sqlite3_exec(engine.handle(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw EngineError({"HY000", 0, prefixed("Cannot create Instagram." + name + ": " + msg)});
    }
  }
  attachProcedures(engine);
  sqlite3_set_authorizer(engine.handle(), authorize, &engine);
}

}  // namespace igodbc::sql
