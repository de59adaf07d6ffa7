#include "driver/catalog/sql_type_info.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace igodbc::driver {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// The length inside "VARCHAR(32)"; `fallback` when absent or absurd.
SQLULEN declaredLength(const std::string& t, SQLULEN fallback) {
  size_t open = t.find('(');
  if (open == std::string::npos) return fallback;
  long n = std::strtol(t.c_str() + open + 1, nullptr, 10);
  return n > 0 && n <= 1000000000L ? static_cast<SQLULEN>(n) : fallback;
}

SqlTypeInfo text(SQLSMALLINT type, const char* name, SQLULEN size, SQLLEN bytesPerChar) {
  return {type,
          type,
          0,
          size,
          0,
          static_cast<SQLLEN>(size),
          static_cast<SQLLEN>(size) * bytesPerChar,
          0,
          false,
          true,
          SQL_SEARCHABLE,
          name};
}

SqlTypeInfo number(SQLSMALLINT type, const char* name, SQLULEN digits, SQLLEN display, SQLLEN bytes) {
  return {type, type, 0, digits, 0, display, bytes, 10, false, false, SQL_PRED_BASIC, name};
}

}  // namespace

SqlTypeInfo sqlTypeInfo(std::string_view declType) {
  const std::string t = upper(declType);
  auto starts = [&](const char* p) { return t.rfind(p, 0) == 0; };
  auto has = [&](const char* p) { return t.find(p) != std::string::npos; };

  if (starts("WVARCHAR") || starts("NVARCHAR") || starts("NCHAR"))
    return text(SQL_WVARCHAR, "WVARCHAR", declaredLength(t, 255), 2);
  if (starts("VARCHAR") || starts("CHAR")) return text(SQL_VARCHAR, "VARCHAR", declaredLength(t, 255), 1);
  if (t == "BIGINT") return number(SQL_BIGINT, "BIGINT", 19, 20, 8);
  if (t == "INTEGER" || t == "INT") return number(SQL_INTEGER, "INTEGER", 10, 11, 4);
  if (t == "SMALLINT" || t == "TINYINT") return number(SQL_SMALLINT, "SMALLINT", 5, 6, 2);
  if (t == "DOUBLE" || t == "REAL" || t == "FLOAT" || starts("DOUBLE"))
    return number(SQL_DOUBLE, "DOUBLE", 15, 24, 8);
  if (t == "BIT" || t == "BOOLEAN") {
    SqlTypeInfo b = number(SQL_BIT, "BIT", 1, 1, 1);
    b.numPrecRadix = 0;
    return b;
  }
  if (t == "TIMESTAMP" || t == "DATETIME")
    return {SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 19, 0, 19, 16, 0, false, false,
            SQL_SEARCHABLE,     "TIMESTAMP"};
  if (t == "DATE")
    return {SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE,  10,    0, 10, 6, 0,
            false,         false,        SQL_SEARCHABLE, "DATE"};
  if (t == "BLOB" || starts("VARBINARY"))
    return {SQL_VARBINARY,
            SQL_VARBINARY,
            0,
            declaredLength(t, 8000),
            0,
            static_cast<SQLLEN>(declaredLength(t, 8000) * 2),
            static_cast<SQLLEN>(declaredLength(t, 8000)),
            0,
            false,
            false,
            SQL_PRED_NONE,
            "VARBINARY"};
  // SQLite affinity rules for whatever else a scratch table declared.
  if (has("INT")) return number(SQL_BIGINT, "BIGINT", 19, 20, 8);
  if (has("CHAR") || has("CLOB") || has("TEXT"))
    return text(SQL_WVARCHAR, "WVARCHAR", declaredLength(t, 4000), 2);
  if (has("REAL") || has("FLOA") || has("DOUB")) return number(SQL_DOUBLE, "DOUBLE", 15, 24, 8);
  if (t.empty()) return text(SQL_WVARCHAR, "WVARCHAR", 255, 2);
  return number(SQL_DOUBLE, "DOUBLE", 15, 24, 8);  // NUMERIC affinity
}

SQLSMALLINT odbc2Type(SQLSMALLINT odbc3Type) {
  switch (odbc3Type) {
    case SQL_TYPE_TIMESTAMP:
      return SQL_TIMESTAMP;
    case SQL_TYPE_DATE:
      return SQL_DATE;
    case SQL_TYPE_TIME:
      return SQL_TIME;
    default:
      return odbc3Type;
  }
}

}  // namespace igodbc::driver
