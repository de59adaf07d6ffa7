// The generic virtual table: xBestIndex turns SQLite's constraints into a Plan (plan.h) carried in idxStr;
// xFilter binds the constraint values and opens the table's fetch strategy (row_source.h); xNext pulls rows
// from it lazily and re-checks every consumed constraint so SQLite may omit them.
// Every callback catches everything: no C++ exception may cross into SQLite.
#include "sql/vtab/vtab_module.h"

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <unordered_map>

#include "schema/views.h"
#include "sql/engine/error_mapping.h"
#include "sql/engine/sqlite_result.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/writes/write_dispatch.h"

namespace igodbc::sql {

namespace {

struct Vtab : sqlite3_vtab {
  ModuleState* state = nullptr;
  const schema::Table* table = nullptr;
  // The rows an UPDATE/DELETE scan read, by rowid, for xUpdate (which receives only the rowid and the new
  // values); they belong to the engine execution `writeRowsSerial`.
  std::unordered_map<int64_t, Row> writeRows;
  uint64_t writeRowsSerial = 0;
};

// idxStr prefix of a scan whose rows an UPDATE or DELETE writes.
constexpr std::string_view kWriteScan = "write;";
// idxStr of a plan that lacks the table's required filter: the scan fails, the statement does not.
constexpr std::string_view kMissingRequired = "missing-required";
// Its cost: far above any real plan, so SQLite takes every join order that supplies the filter instead.
constexpr double kMissingRequiredCost = 1e18;

Diagnostic missingRequiredFilter(const schema::Table& table) {
  const schema::RequiredFilter* f = schema::requiredFilter(table.name);
  return {"42000", 0,
          prefixed("Table Instagram." + std::string(table.name) + " needs a filter on " +
                   schema::requiredColumnsText(*f) + " (for example: " + std::string(f->example) + "). " +
                   std::string(f->reason))};
}

struct Cursor : sqlite3_vtab_cursor {
  Vtab* vtab = nullptr;
  std::optional<Plan> plan;
  Constraints constraints;
  std::unique_ptr<FetchContext> ctx;
  std::unique_ptr<RowSource> source;
  Row row;
  bool eof = true;
  bool writeScan = false;  // the scan of an UPDATE/DELETE target: rows are remembered for xUpdate
  int seq = 0;             // response of the rows being counted
  int seqRows = 0;         // rows of that response handed to SQLite, not yet added to the request log
};

// Records a failure for the engine (which reports it with its SQLSTATE) and for SQLite's own message.
int fail(sqlite3_vtab* vtab, ModuleState* state, Diagnostic d) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf("%s", d.message.c_str());
  if (state) state->engine.setPendingError(std::move(d));
  return SQLITE_ERROR;
}

// ---- connection ----------------------------------------------------------------------------------------

int connect(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out, char** err) {
  try {
    // Only the driver's own tables in the Instagram schema: a copy elsewhere (a scratch file, say) would
    // escape the checks made on Instagram writes.
    if (argc < 2 || std::string_view(argv[1]) != schema::kSchemaName) {
      *err = sqlite3_mprintf("the instagram module serves only the tables of the Instagram schema");
      return SQLITE_ERROR;
    }
    const schema::Table* table = argc >= 4 ? schema::findTable(argv[3]) : nullptr;
    // CDataCompat=true: the table with CData's alias columns appended.
    if (table && static_cast<ModuleState*>(aux)->engine.settings().cdataCompat)
      if (const schema::Table* extended = schema::compatTable(table->name)) table = extended;
    if (!table) {
      *err = sqlite3_mprintf("instagram: unknown table %s", argc >= 4 ? argv[3] : "(none)");
      return SQLITE_ERROR;
    }
    int rc = sqlite3_declare_vtab(db, schema::createTableSql(*table).c_str());
    if (rc != SQLITE_OK) return rc;
    // Usable from the compatibility views of the Instagram schema; user triggers are kept from these tables
    // by the authorizer (sql/engine/sql_guard.h).
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto vtab = std::make_unique<Vtab>();
    vtab->state = static_cast<ModuleState*>(aux);
    vtab->table = table;
    *out = vtab.release();
    return SQLITE_OK;
  } catch (...) {
    *err = sqlite3_mprintf("%s", diagnoseCurrentException().message.c_str());
    return SQLITE_ERROR;
  }
}

// Distinct from connect so that SQLite does not also expose the module as an eponymous table.
int create(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out, char** err) {
  return connect(db, aux, argc, argv, out, err);
}

int disconnect(sqlite3_vtab* v) {
  sqlite3_free(v->zErrMsg);
  delete static_cast<Vtab*>(v);
  return SQLITE_OK;
}

// ---- planning ------------------------------------------------------------------------------------------

ConstraintKind kindOf(unsigned char op) {
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_EQ:
      return ConstraintKind::Eq;
    case SQLITE_INDEX_CONSTRAINT_LT:
      return ConstraintKind::Lt;
    case SQLITE_INDEX_CONSTRAINT_LE:
      return ConstraintKind::Le;
    case SQLITE_INDEX_CONSTRAINT_GT:
      return ConstraintKind::Gt;
    case SQLITE_INDEX_CONSTRAINT_GE:
      return ConstraintKind::Ge;
    case SQLITE_INDEX_CONSTRAINT_ISNULL:
      return ConstraintKind::IsNull;
    case SQLITE_INDEX_CONSTRAINT_ISNOTNULL:
      return ConstraintKind::IsNotNull;
    case SQLITE_INDEX_CONSTRAINT_LIMIT:
      return ConstraintKind::Limit;
    case SQLITE_INDEX_CONSTRAINT_OFFSET:
      return ConstraintKind::Offset;
    default:
      return ConstraintKind::Other;  // IS, LIKE, GLOB, <>, MATCH...: SQLite evaluates them
  }
}

int bestIndex(sqlite3_vtab* v, sqlite3_index_info* info) {
  Vtab* vtab = static_cast<Vtab*>(v);
  try {
    PlanInput in;
    in.colUsed = static_cast<uint64_t>(info->colUsed);
    const Settings& settings = vtab->state->engine.settings();
    in.accountsHint = static_cast<int>(settings.businessAccountIds.size());
    if (in.accountsHint == 0 && instagramLogin(settings)) in.accountsHint = 1;  // the token's own account
    for (int i = 0; i < info->nConstraint; ++i) {
      const auto& c = info->aConstraint[i];
      PlanConstraint pc;
      pc.kind = kindOf(c.op);
      pc.column = c.iColumn;
      pc.usable = c.usable != 0;
      if (pc.kind != ConstraintKind::Limit && pc.kind != ConstraintKind::Offset) {
        pc.inList = sqlite3_vtab_in(info, i, -1) != 0;
        const char* coll = sqlite3_vtab_collation(info, i);
        pc.collation = coll ? coll : "BINARY";
      }
      in.constraints.push_back(std::move(pc));
    }
    for (int i = 0; i < info->nOrderBy; ++i)
      in.orderBy.push_back({info->aOrderBy[i].iColumn, info->aOrderBy[i].desc != 0});

    const bool writeScan = isWriteScan(*vtab->table, vtab->state->engine.writeIntent());
    if (writeScan) in.colUsed = writeScanColumns(*vtab->table, vtab->state->engine.writeIntent());
    PlanResult r = buildPlan(*vtab->table, in);
    if (r.missingRequired) {
      // Not refused here: a statement that never scans the table (WHERE 1=0, LIMIT 0, a prepare that is
      // only described — how BI tools learn a table's shape) succeeds without a call. SQLite takes any join
      // order that supplies the filter instead; a scan that still lacks it fails in filter().
      info->idxStr = sqlite3_mprintf("%s", std::string(kMissingRequired).c_str());
      if (!info->idxStr) return SQLITE_NOMEM;
      info->needToFreeIdxStr = 1;
      info->estimatedCost = kMissingRequiredCost;
      info->estimatedRows = static_cast<sqlite3_int64>(kMissingRequiredCost);
      return SQLITE_OK;
    }
    for (int i = 0; i < info->nConstraint; ++i) {
      const ConstraintUsage& u = r.usage[static_cast<size_t>(i)];
      info->aConstraintUsage[i].argvIndex = u.argvIndex;
      info->aConstraintUsage[i].omit = u.omit ? 1 : 0;
      if (u.wholeIn) sqlite3_vtab_in(info, i, 1);
    }
    if (writeScan && !deleteKeyConsumed(*vtab->table, vtab->state->engine.writeIntent(), in, r)) {
      // Deleting on Instagram is permanent: a DELETE must name its rows by key.
      vtab->state->engine.setPendingError({"42000", 0, prefixed(deleteNeedsKeyMessage(*vtab->table))});
      return SQLITE_CONSTRAINT;
    }
    std::string idx =
        (writeScan ? std::string(kWriteScan) : std::string()) + encodePlan(*vtab->table, r.plan);
    info->idxStr = sqlite3_mprintf("%s", idx.c_str());
    if (!info->idxStr) return SQLITE_NOMEM;
    info->needToFreeIdxStr = 1;
    info->orderByConsumed = r.orderByConsumed ? 1 : 0;
    info->estimatedCost = r.cost;
    info->estimatedRows = r.rows;
    if (r.unique) info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
    return SQLITE_OK;
  } catch (...) {
    return fail(v, vtab->state, diagnoseCurrentException());
  }
}

// ---- scanning ------------------------------------------------------------------------------------------

std::optional<int64_t> integerArg(sqlite3_value* v) {
  if (sqlite3_value_numeric_type(v) != SQLITE_INTEGER) return std::nullopt;
  return sqlite3_value_int64(v);
}

void flushRows(Cursor* c) {
  if (c->seqRows > 0 && c->seq > 0)
    if (graph::Client* g = c->vtab->state->engine.graph()) g->log().addRows(c->seq, c->seqRows);
  c->seqRows = 0;
}

// Ends the cursor's scan: the source reports what it still has to say, then releases its pages.
void endScan(Cursor* c) {
  if (!c->source) return;
  std::unique_ptr<RowSource> source = std::move(c->source);
  source->finish();
}

// Pulls rows until one passes every consumed constraint, or the source ends.
void advance(Cursor* c) {
  int seq = 0;
  while (c->source && c->source->next(c->row, seq)) {
    if (!c->constraints.matches(c->row)) continue;
    if (seq != c->seq) flushRows(c), c->seq = seq;
    ++c->seqRows;
    if (c->writeScan) {
      Vtab* vt = c->vtab;
      const uint64_t serial = vt->state->engine.executionSerial();
      if (vt->writeRowsSerial != serial) vt->writeRows.clear(), vt->writeRowsSerial = serial;
      vt->writeRows[rowidOf(*vt->table, c->row)] = c->row;
    }
    return;
  }
  flushRows(c);
  c->eof = true;
  endScan(c);  // the last page is released as soon as the scan ends
}

int open(sqlite3_vtab* v, sqlite3_vtab_cursor** out) {
  try {
    auto c = std::make_unique<Cursor>();
    c->vtab = static_cast<Vtab*>(v);
    *out = c.release();
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

int close(sqlite3_vtab_cursor* cur) {
  Cursor* c = static_cast<Cursor*>(cur);
  try {
    flushRows(c);
    endScan(c);
  } catch (...) {  // xClose cannot fail: what the scan had to say is lost, not the application
  }
  delete c;
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cur, int, const char* idxStr, int argc, sqlite3_value** argv) {
  Cursor* c = static_cast<Cursor*>(cur);
  Vtab* vtab = c->vtab;
  try {
    flushRows(c);
    endScan(c);
    c->ctx.reset();
    c->eof = false;
    c->seq = 0;
    std::string_view text = idxStr ? idxStr : "";
    if (text == kMissingRequired) throw EngineError(missingRequiredFilter(*vtab->table));
    c->writeScan = text.substr(0, kWriteScan.size()) == kWriteScan;
    if (c->writeScan) text.remove_prefix(kWriteScan.size());
    c->plan = decodePlan(*vtab->table, text);
    if (!c->plan) throw EngineError({"HY000", 0, prefixed("Internal error: unreadable plan")});
    auto arg = [&](int n) -> sqlite3_value* {
      if (n < 1 || n > argc)
        throw EngineError({"HY000", 0, prefixed("Internal error: plan/argument mismatch")});
      return argv[n - 1];
    };
    std::vector<BoundTerm> terms;
    for (const PlanTerm& t : c->plan->terms) {
      BoundTerm b{t.column, t.op, t.nocase, {}};
      if (t.op == PlanOp::In) {
        sqlite3_value* item = nullptr;
        int rc = sqlite3_vtab_in_first(arg(t.argv), &item);
        for (; rc == SQLITE_OK && item; rc = sqlite3_vtab_in_next(arg(t.argv), &item))
          b.values.push_back(valueFrom(item));
        if (rc != SQLITE_OK && rc != SQLITE_DONE) return rc;
      } else if (t.op != PlanOp::IsNull && t.op != PlanOp::IsNotNull) {
        b.values.push_back(valueFrom(arg(t.argv)));
      }
      terms.push_back(std::move(b));
    }
    std::optional<int64_t> limit, offset;
    if (c->plan->limitArgv) limit = integerArg(arg(c->plan->limitArgv));
    if (c->plan->offsetArgv) offset = integerArg(arg(c->plan->offsetArgv));
    c->constraints = Constraints(vtab->table, std::move(terms), limit, offset);

    const Settings& s = vtab->state->engine.settings();
    FieldOptions options{!instagramLogin(s), s.metricRulesDate};
    c->ctx.reset(new FetchContext{*vtab->state, *vtab->table, *c->plan, c->constraints, options});
    c->source = openSource(*c->ctx);
    advance(c);
    return SQLITE_OK;
  } catch (...) {
    c->source.reset();
    c->eof = true;
    return fail(vtab, vtab->state, diagnoseCurrentException());
  }
}

int next(sqlite3_vtab_cursor* cur) {
  Cursor* c = static_cast<Cursor*>(cur);
  try {
    advance(c);
    return SQLITE_OK;
  } catch (...) {
    c->source.reset();
    c->eof = true;
    return fail(c->vtab, c->vtab->state, diagnoseCurrentException());
  }
}

int eof(sqlite3_vtab_cursor* cur) {
  return static_cast<Cursor*>(cur)->eof ? 1 : 0;
}

int column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int i) {
  Cursor* c = static_cast<Cursor*>(cur);
  // An UPDATE asks for the columns it does not change: they were not fetched, and xUpdate ignores them.
  if (c->writeScan && sqlite3_vtab_nochange(ctx)) return SQLITE_OK;
  if (i < 0 || static_cast<size_t>(i) >= c->row.size()) {
    sqlite3_result_null(ctx);
    return SQLITE_OK;
  }
  const Value& v = c->row[static_cast<size_t>(i)];
  resultValue(ctx, v);
  return SQLITE_OK;
}

// Stable across scans: SQLite's multi-index OR merges the rows of several scans by rowid.
int rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* out) {
  Cursor* c = static_cast<Cursor*>(cur);
  try {
    *out = rowidOf(*c->vtab->table, c->row);
    return SQLITE_OK;
  } catch (...) {
    return fail(c->vtab, c->vtab->state, diagnoseCurrentException());
  }
}

// INSERT, UPDATE and DELETE: each row is validated and its Graph call queued (sql/writes/write_dispatch.h);
// the engine sends the calls when SQLite has finished the statement. UPDATE and DELETE rows come from the
// statement's own scan, remembered by rowid.
int update(sqlite3_vtab* v, int argc, sqlite3_value** argv, sqlite3_int64* rowid) {
  Vtab* vtab = static_cast<Vtab*>(v);
  try {
    const Row* current = nullptr;
    if (argc == 1 || sqlite3_value_type(argv[0]) != SQLITE_NULL) {
      auto it = vtab->writeRows.find(sqlite3_value_int64(argv[0]));
      if (vtab->writeRowsSerial == vtab->state->engine.executionSerial() && it != vtab->writeRows.end())
        current = &it->second;
      if (!current)
        throw EngineError({"HY000", 0,
                           prefixed("Internal error: the row to write on Instagram." +
                                    std::string(vtab->table->name) + " was not read by the statement")});
    }
    queueWrite(vtab->state->engine, *vtab->table, argc, argv, current, rowid);
    return SQLITE_OK;
  } catch (...) {
    return fail(v, vtab->state, diagnoseCurrentException());
  }
}

sqlite3_module makeModule() {
  sqlite3_module m{};
  m.iVersion = 1;
  m.xCreate = create;
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
  m.xUpdate = update;
  return m;
}

const sqlite3_module kModule = makeModule();

}  // namespace

std::string readOnlyMessage(const char* table) {
  const schema::Table* t = table ? schema::findTable(table) : nullptr;
  if (!t) return {};
  return "Instagram." + std::string(t->name) + " is read-only" + std::string(t->readOnlyHint);
}

void registerInstagramModule(Engine& engine) {
  auto* state = new ModuleState(engine);
  int rc = sqlite3_create_module_v2(engine.handle(), "instagram", &kModule, state,
                                    [](void* p) { delete static_cast<ModuleState*>(p); });
  if (rc != SQLITE_OK)  // sqlite3_create_module_v2 has already destroyed `state`
    throw EngineError({"HY000", rc, prefixed("Cannot register the Instagram tables")});
}

}  // namespace igodbc::sql
