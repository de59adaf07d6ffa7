// The ODBC description of a declared column type ("VARCHAR(32)", "TIMESTAMP", ...): one mapping shared by
// SQLDescribeCol, SQLColAttribute, SQLColumns and SQLGetTypeInfo so they can never disagree.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>

namespace igodbc::driver {

struct SqlTypeInfo {
  SQLSMALLINT sqlType;      // ODBC 3 concise type (SQL_TYPE_TIMESTAMP ...)
  SQLSMALLINT verboseType;  // SQL_DATETIME for date/time types, else sqlType
  SQLSMALLINT subcode;      // SQL_CODE_TIMESTAMP / SQL_CODE_DATE, else 0
  SQLULEN columnSize;       // characters, digits or the date/time string length
  SQLSMALLINT decimalDigits;
  SQLLEN displaySize;        // SQL_DESC_DISPLAY_SIZE: what isql sizes its columns from
  SQLLEN octetLength;        // bytes in the default C representation
  SQLSMALLINT numPrecRadix;  // 10 for exact/approximate numbers, 0 otherwise
  bool isUnsigned;
  bool caseSensitive;
  SQLSMALLINT searchable;
  std::string typeName;  // "VARCHAR", "WVARCHAR", ...
};

// `declType` as SQLite reports it (sqlite3_column_decltype): our declared types, or whatever a scratch table
// declared (INT, TEXT, REAL, BLOB, NUMERIC ... resolved with SQLite's affinity rules). Empty = unknown,
// which maps to WVARCHAR(255) — the caller may refine it from the first row's value.
SqlTypeInfo sqlTypeInfo(std::string_view declType);

// ODBC 2 applications see the ODBC 2 date/time codes (SQL_TIMESTAMP, SQL_DATE, SQL_TIME).
SQLSMALLINT odbc2Type(SQLSMALLINT odbc3Type);

}  // namespace igodbc::driver
