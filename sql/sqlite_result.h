// Hands a Value to SQLite as a column's value (the Instagram tables and the procedure functions alike).
#pragma once

#include "sql/value.h"

struct sqlite3_context;

namespace igodbc::sql {

// NULL, INTEGER, REAL or TEXT (UTF-8, copied).
void resultValue(sqlite3_context* ctx, const Value& v);

}  // namespace igodbc::sql
