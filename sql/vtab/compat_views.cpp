#include "sql/vtab/compat_views.h"

#include <sqlite3.h>

#include "schema/views.h"
#include "sql/engine/engine.h"

namespace igodbc::sql {

namespace {

void exec(Engine& engine, const std::string& sql, std::string_view object) {
  char* err = nullptr;
  if (sqlite3_exec(engine.handle(), sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return;
  std::string msg = err ? err : "unknown error";
  sqlite3_free(err);
  throw EngineError({"HY000", 0, prefixed("Cannot create Instagram." + std::string(object) + ": " + msg)});
}

}  // namespace

void attachCompatViews(Engine& engine) {
  const std::string schemaName(schema::kSchemaName);
  for (const schema::Table& v : schema::compatViews()) {
    std::string sql = "CREATE VIEW " + schemaName + ".\"" + std::string(v.name) + "\"(";
    for (size_t i = 0; i < v.columns.size(); ++i)
      sql += (i ? ", \"" : "\"") + std::string(v.columns[i].name) + "\"";
    exec(engine, sql + ") AS " + schema::compatViewSelectSql(v.name), v.name);
    // CData 26.x deletes through IGMedia: same rules as a DELETE on Media.
    if (v.name == "IGMedia")
      exec(engine,
           "CREATE TRIGGER " + schemaName +
               ".\"IGMedia_delete\" INSTEAD OF DELETE ON \"IGMedia\" BEGIN DELETE FROM \"Media\" WHERE "
               "\"Id\" = "
               "old.\"Id\"; END",
           v.name);
  }
}

}  // namespace igodbc::sql
