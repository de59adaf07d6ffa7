// The virtual table's side of writes: which scans feed an UPDATE/DELETE, what they fetch, and xUpdate's
// arguments turned into a validated, queued Graph call (sql/writes/write_rules.h, sql/writes/write_queue.h).
#pragma once

#include <sqlite3.h>

#include <cstdint>

#include "schema/schema.h"
#include "sql/engine/engine.h"
#include "sql/engine/value.h"
#include "sql/vtab/plan.h"
#include "sql/writes/write_queue.h"

namespace igodbc::sql {

// True for a scan of the table an UPDATE or DELETE being prepared writes.
bool isWriteScan(const schema::Table& table, const WriteIntent& intent);

// colUsed of such a scan: the key, the updatable columns (to skip an UPDATE to the current value) and the
// columns the statement reads. SQLite itself marks every column used by an UPDATE of a virtual table.
uint64_t writeScanColumns(const schema::Table& table, const WriteIntent& intent);

// False when a DELETE's plan consumes no = / IN on one of the table's delete keys.
bool deleteKeyConsumed(const schema::Table& table, const WriteIntent& intent, const PlanInput& in,
                       const PlanResult& plan);

// xUpdate: validates the row and queues its call. `current`: the row read by the scan (UPDATE, DELETE).
// Throws EngineError.
void queueWrite(Engine& engine, const schema::Table& table, int argc, sqlite3_value** argv,
                const Row* current, sqlite3_int64* rowid);

}  // namespace igodbc::sql
