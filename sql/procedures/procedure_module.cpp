// The table-valued function behind each procedure: an eponymous-only virtual table whose visible columns
// are the result columns and whose HIDDEN columns are the parameters. xFilter runs the handler once and
// serves the rows it returned. No C++ exception crosses into SQLite.
#include <sqlite3.h>

#include <memory>

#include "sql/engine/engine.h"
#include "sql/engine/error_mapping.h"
#include "sql/engine/sqlite_result.h"
#include "sql/procedures/procedures.h"

namespace igodbc::sql {

namespace {

thread_local int gCallDepth = 0;

struct ProcAux {
  Engine& engine;
  const Procedure& proc;
};

struct ProcVtab : sqlite3_vtab {
  ProcAux* aux = nullptr;
};

struct ProcCursor : sqlite3_vtab_cursor {
  ProcVtab* vtab = nullptr;
  std::vector<Row> rows;
  size_t at = 0;
};

std::string createSql(const Procedure& p) {
  std::string sql = "CREATE TABLE x(";
  bool first = true;
  auto add = [&](std::string_view name, schema::SqlType type, int size, bool hidden, bool notNull) {
    schema::Column c{name, type, size, !notNull, schema::Origin::Derived, {}};
    // Parameters are prefixed: a result column may share a parameter's name (PublishMedia.ContainerId).
    // HIDDEN leads the type: after "VARCHAR(n)" SQLite's grammar accepts no further type word.
    sql += (first ? "\"" : ", \"") + std::string(hidden ? "arg_" : "") + std::string(name) + "\" " +
           (hidden ? "HIDDEN " : "") + schema::declaredType(c) + (notNull ? " NOT NULL" : "");
    first = false;
  };
  for (const ProcColumn& c : p.columns) add(c.name, c.type, c.size, false, !c.nullable);
  for (const ProcParam& a : p.params) add(a.name, a.type, a.size, true, false);
  return sql + ")";
}

int fail(sqlite3_vtab* v, Engine& engine, Diagnostic d) {
  sqlite3_free(v->zErrMsg);
  v->zErrMsg = sqlite3_mprintf("%s", d.message.c_str());
  engine.setPendingError(std::move(d));
  return SQLITE_ERROR;
}

int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char** err) {
  try {
    auto* a = static_cast<ProcAux*>(aux);
    int rc = sqlite3_declare_vtab(db, createSql(a->proc).c_str());
    if (rc != SQLITE_OK) {
      *err = sqlite3_mprintf("%s: %s", sqlite3_errmsg(db), createSql(a->proc).c_str());
      return rc;
    }
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);  // never from a view or trigger: procedures act
    auto v = std::make_unique<ProcVtab>();
    v->aux = a;
    *out = v.release();
    return SQLITE_OK;
  } catch (...) {
    *err = sqlite3_mprintf("%s", diagnoseCurrentException().message.c_str());
    return SQLITE_ERROR;
  }
}

int disconnect(sqlite3_vtab* v) {
  sqlite3_free(v->zErrMsg);
  delete static_cast<ProcVtab*>(v);
  return SQLITE_OK;
}

// Every parameter arrives as an = constraint on its hidden column (the rewrite passes all of them).
int bestIndex(sqlite3_vtab* v, sqlite3_index_info* info) {
  const Procedure& p = static_cast<ProcVtab*>(v)->aux->proc;
  int first = static_cast<int>(p.columns.size());
  int nParams = static_cast<int>(p.params.size());
  std::vector<int> slot(static_cast<size_t>(nParams), -1);
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    int param = c.iColumn - first;
    if (param < 0 || param >= nParams || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) return SQLITE_CONSTRAINT;
    slot[static_cast<size_t>(param)] = i;
  }
  int mask = 0;
  int argv = 0;
  for (int k = 0; k < nParams; ++k) {
    int i = slot[static_cast<size_t>(k)];
    if (i < 0) continue;
    info->aConstraintUsage[i].argvIndex = ++argv;
    info->aConstraintUsage[i].omit = 1;
    mask |= 1 << k;
  }
  info->idxNum = mask;
  info->estimatedCost = 1;
  info->estimatedRows = 1;
  return SQLITE_OK;
}

int open(sqlite3_vtab* v, sqlite3_vtab_cursor** out) {
  try {
    auto c = std::make_unique<ProcCursor>();
    c->vtab = static_cast<ProcVtab*>(v);
    *out = c.release();
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

int close(sqlite3_vtab_cursor* cur) {
  delete static_cast<ProcCursor*>(cur);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cur, int idxNum, const char*, int argc, sqlite3_value** argv) {
  auto* c = static_cast<ProcCursor*>(cur);
  ProcAux* aux = c->vtab->aux;
  try {
    c->rows.clear();
    c->at = 0;
    if (!ProcedureCallGuard::inCall())
      throw EngineError({"42000", 0,
                         prefixed("Procedure " + std::string(aux->proc.name) + " runs only as {call " +
                                  std::string(aux->proc.name) + "(…)}, CALL or EXEC")});
    std::vector<Value> args(aux->proc.params.size());
    int k = 0;
    for (size_t p = 0; p < args.size(); ++p)
      if (idxNum & (1 << p)) {
        if (k >= argc) break;
        args[p] = valueFrom(argv[k++]);
      }
    for (size_t p = 0; p < args.size(); ++p)
      if (args[p].isNull() && aux->proc.params[p].required)
        throw EngineError({"42000", 0,
                           prefixed("Procedure " + std::string(aux->proc.name) + " needs parameter @" +
                                    std::string(aux->proc.params[p].name))});
    ProcCall call(aux->engine, aux->proc, std::move(args));
    c->rows = aux->proc.handler(call);
    return SQLITE_OK;
  } catch (...) {
    c->rows.clear();
    return fail(&*c->vtab, aux->engine, diagnoseCurrentException());
  }
}

int next(sqlite3_vtab_cursor* cur) {
  ++static_cast<ProcCursor*>(cur)->at;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cur) {
  auto* c = static_cast<ProcCursor*>(cur);
  return c->at >= c->rows.size() ? 1 : 0;
}

int column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int i) {
  auto* c = static_cast<ProcCursor*>(cur);
  if (c->at >= c->rows.size() || i < 0 || static_cast<size_t>(i) >= c->rows[c->at].size()) {
    sqlite3_result_null(ctx);
    return SQLITE_OK;
  }
  const Value& v = c->rows[c->at][static_cast<size_t>(i)];
  resultValue(ctx, v);
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* out) {
  *out = static_cast<sqlite3_int64>(static_cast<ProcCursor*>(cur)->at);
  return SQLITE_OK;
}

sqlite3_module makeModule() {
  sqlite3_module m{};
  m.iVersion = 1;
  m.xCreate = nullptr;  // eponymous-only: CREATE VIRTUAL TABLE … USING is refused
  m.xConnect = connect;
  m.xBestIndex = bestIndex;
  m.xDisconnect = disconnect;
  m.xDestroy = disconnect;
  m.xOpen = open;
  m.xClose = close;
  m.xFilter = filter;
  m.xNext = next;
  m.xEof = eof;
  m.xColumn = column;
  m.xRowid = rowid;
  return m;
}

const sqlite3_module kProcModule = makeModule();

}  // namespace

ProcedureCallGuard::ProcedureCallGuard(bool active) : active_(active) {
  if (active_) ++gCallDepth;
}
ProcedureCallGuard::~ProcedureCallGuard() {
  if (active_) --gCallDepth;
}
bool ProcedureCallGuard::inCall() {
  return gCallDepth > 0;
}

void attachProcedures(Engine& engine) {
  for (const Procedure& p : allProcedures()) {
    auto* aux = new ProcAux{engine, p};
    int rc = sqlite3_create_module_v2(engine.handle(), procedureTableName(p.name).c_str(), &kProcModule, aux,
                                      [](void* a) { delete static_cast<ProcAux*>(a); });
    if (rc != SQLITE_OK)
      throw EngineError({"HY000", rc, prefixed("Cannot register procedure " + std::string(p.name))});
  }
}

}  // namespace igodbc::sql
