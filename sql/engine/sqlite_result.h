// Values across the SQLite boundary, one conversion each way (the Instagram tables, their writes and the
// procedure functions alike).
#pragma once

#include "sql/engine/value.h"

struct sqlite3_context;
struct sqlite3_value;

namespace igodbc::sql {

// NULL, INTEGER, REAL or TEXT (UTF-8, copied).
void resultValue(sqlite3_context* ctx, const Value& v);

// A copy of an argument or a new column value: INTEGER, REAL, TEXT (a BLOB as its bytes) or NULL.
Value valueFrom(sqlite3_value* v);

}  // namespace igodbc::sql
