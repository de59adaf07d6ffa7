// Result-set metadata (the IRD) from what SQLite knows about each column, through the shared type mapping
// (sql_type_info.h), so SQLDescribeCol, SQLColAttribute and SQLColumns agree.
#pragma once

#include "driver/handles/descriptor.h"

namespace igodbc::sql {
class Statement;
}

namespace igodbc::driver {

// Fills `ird` for a prepared statement (before any execution: expressions are WVARCHAR(255) until then).
void describeResult(Descriptor& ird, const sql::Statement& st);
// After the first row was stepped: columns without a declared type (COUNT(*), 'x' || y) take the type of
// their first value.
void refineFromFirstRow(Descriptor& ird, const sql::Statement& st);

}  // namespace igodbc::driver
