// SQLite's comparison rules, reproduced so the cursor can re-check the constraints it consumed
// and let SQLite omit them. Pure: no SQLite calls.
#pragma once

#include <string>

#include "schema/schema.h"
#include "sql/engine/value.h"

namespace igodbc::sql {

enum class Affinity { Blob, Text, Numeric };  // INTEGER and REAL compare exactly like NUMERIC

// The affinity SQLite derives from a column's declared type ("VARCHAR" -> TEXT, "TIMESTAMP" -> NUMERIC...).
Affinity affinityOf(schema::SqlType type);

enum class Op { Eq, Lt, Le, Gt, Ge, IsNull, IsNotNull };

// The value as SQLite sees it when it is compared with a column of this affinity (the column-versus-literal
// case: the column's affinity applies to both operands).
Value withAffinity(const Value& v, Affinity affinity);

// SQLite's sort order: NULL < INTEGER/REAL (numerically) < TEXT (memcmp, or ASCII NOCASE).
int compareValues(const Value& a, const Value& b, bool nocase);

// Whether `column op rhs` is true. A NULL operand makes every comparison false (SQLite: NULL, filtered out).
bool satisfies(const Value& column, Op op, const Value& rhs, Affinity affinity, bool nocase);

// A REAL rendered as SQLite renders it for TEXT affinity ("%!.15g": 1.0, 0.5, 1.0e+20).
std::string realToText(double r);

}  // namespace igodbc::sql
