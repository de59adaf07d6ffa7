// xUpdate's arguments to queued writes, and the planner's view of a write's scan.
#include "sql/writes/write_dispatch.h"

#include <strings.h>

#include "sql/engine/sqlite_result.h"

namespace igodbc::sql {

namespace {

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

uint64_t bitOf(int column) {
  return column < 0 ? 0 : uint64_t{1} << (column >= 63 ? 63 : column);
}

}  // namespace

bool isWriteScan(const schema::Table& table, const WriteIntent& intent) {
  return (intent.kind == WriteKind::Update || intent.kind == WriteKind::Delete) &&
         sameName(intent.table, table.name);
}

uint64_t writeScanColumns(const schema::Table& table, const WriteIntent& intent) {
  uint64_t used = 0;
  for (std::string_view k : table.primaryKey) used |= bitOf(schema::columnIndex(table, k));
  if (intent.kind == WriteKind::Update && table.writes)
    for (const schema::UpdatableColumn& u : table.writes->updatable)
      used |= bitOf(schema::columnIndex(table, u.column));
  for (const auto& [t, column] : intent.reads)
    if (sameName(t, table.name)) used |= bitOf(schema::columnIndex(table, column));
  return used;
}

bool deleteKeyConsumed(const schema::Table& table, const WriteIntent& intent, const PlanInput& in,
                       const PlanResult& plan) {
  if (intent.kind != WriteKind::Delete || !table.writes) return true;
  for (size_t i = 0; i < in.constraints.size() && i < plan.usage.size(); ++i) {
    const PlanConstraint& c = in.constraints[i];
    if (c.kind != ConstraintKind::Eq || plan.usage[i].argvIndex <= 0 || c.column < 0) continue;
    for (std::string_view key : table.writes->deleteKeys)
      if (schema::columnIndex(table, key) == c.column) return true;
  }
  return false;
}

void queueWrite(Engine& engine, const schema::Table& table, int argc, sqlite3_value** argv,
                const Row* current, sqlite3_int64* rowid) {
  const size_t columns = table.columns.size();
  if (argc == 1) {  // DELETE
    engine.writes().add(planDelete(table, *current));
    return;
  }
  if (argc < 2 || static_cast<size_t>(argc - 2) < columns)
    throw EngineError({"HY000", 0, prefixed("Internal error: unexpected write arguments")});
  if (!current) {  // INSERT
    Row values;
    values.reserve(columns);
    for (size_t i = 0; i < columns; ++i) values.push_back(valueFrom(argv[2 + i]));
    engine.writes().add(planInsert(table, values, sqlite3_value_type(argv[1]) != SQLITE_NULL));
    *rowid = 0;  // the real ID is known once the call is made: last_insert_rowid() is set then
    return;
  }
  // UPDATE: the columns SQLite reports as unchanged are skipped; any other value is what the row becomes.
  std::vector<std::pair<int, Value>> changes;
  for (size_t i = 0; i < columns; ++i) {
    sqlite3_value* v = argv[2 + i];
    if (sqlite3_value_nochange(v)) continue;
    std::string_view name = table.columns[i].name;
    bool updatable = false;
    if (table.writes)
      for (const schema::UpdatableColumn& u : table.writes->updatable)
        updatable = updatable || u.column == name;
    if (updatable) changes.emplace_back(static_cast<int>(i), valueFrom(v));
  }
  engine.writes().add(planUpdate(table, *current, changes));
}

}  // namespace igodbc::sql
