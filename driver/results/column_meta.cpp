#include "driver/results/column_meta.h"

#include "driver/catalog/sql_type_info.h"
#include "driver/connect/connection_string.h"
#include "driver/convert/unicode.h"
#include "schema/schema.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

bool isNumeric(SQLSMALLINT t) {
  switch (t) {
    case SQL_BIGINT:
    case SQL_INTEGER:
    case SQL_SMALLINT:
    case SQL_TINYINT:
    case SQL_DOUBLE:
    case SQL_FLOAT:
    case SQL_REAL:
    case SQL_NUMERIC:
    case SQL_DECIMAL:
      return true;
    default:
      return false;
  }
}

bool isCharacter(SQLSMALLINT t) {
  return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR || t == SQL_WVARCHAR ||
         t == SQL_WLONGVARCHAR;
}

void applyType(DescRecord& r, const SqlTypeInfo& info) {
  r.conciseType = info.sqlType;
  r.type = info.verboseType;
  r.datetimeSubcode = info.subcode;
  r.typeName = info.typeName;
  r.localTypeName = info.typeName;
  r.displaySize = info.displaySize;
  r.octetLength = info.octetLength;
  r.numPrecRadix = info.numPrecRadix;
  r.caseSensitive = info.caseSensitive ? SQL_TRUE : SQL_FALSE;
  r.searchable = info.searchable;
  r.isUnsigned = info.isUnsigned || !isNumeric(info.sqlType) ? SQL_TRUE : SQL_FALSE;
  r.scale = info.decimalDigits;
  // SQL_DESC_LENGTH counts characters; SQL_DESC_PRECISION is digits for numbers and the fractional-second
  // digits for timestamps.
  r.length = info.columnSize;
  r.precision = isNumeric(info.sqlType) ? static_cast<SQLSMALLINT>(info.columnSize) : 0;
  if (info.verboseType == SQL_DATETIME) r.precision = info.decimalDigits;
  const bool quoted = isCharacter(info.sqlType) || info.verboseType == SQL_DATETIME;
  r.literalPrefix = quoted ? "'" : info.sqlType == SQL_VARBINARY ? "X'" : "";
  r.literalSuffix = quoted || info.sqlType == SQL_VARBINARY ? "'" : "";
}

}  // namespace

void describeResult(Descriptor& ird, const sql::Statement& st) {
  ird.records.clear();
  ird.records.resize(static_cast<size_t>(st.columnCount()));
  for (int i = 0; i < st.columnCount(); ++i) {
    const sql::ResultColumn& c = st.column(i);
    DescRecord& r = ird.records[static_cast<size_t>(i)];
    applyType(r, sqlTypeInfo(c.declType));
    r.name = c.label;
    r.label = c.label;
    r.unnamed = c.label.empty() ? SQL_UNNAMED : SQL_NAMED;
    r.baseColumnName = c.baseColumn;
    r.baseTableName = c.baseTable;
    r.tableName = c.baseTable;
    const bool instagram = equalsIgnoreCase(c.schemaName, schema::kSchemaName);
    // Same schema names as the catalog functions: Instagram objects, and "Local" for scratch tables.
    const bool local = equalsIgnoreCase(c.schemaName, sql::kScratchSchema) || c.schemaName == "main";
    r.schemaName = instagram ? std::string(schema::kSchemaName) : local ? sql::kScratchSchema : "";
    r.catalogName.clear();
    r.nullable = c.nullable ? SQL_NULLABLE : SQL_NO_NULLS;
    // Instagram objects change through Graph calls, never through a cursor; scratch tables are local.
    r.updatable = instagram || c.baseTable.empty() ? SQL_ATTR_READONLY : SQL_ATTR_READWRITE_UNKNOWN;
  }
}

void refineFromFirstRow(Descriptor& ird, const sql::Statement& st) {
  for (int i = 0; i < st.columnCount() && i < ird.count(); ++i) {
    if (!st.column(i).declType.empty()) continue;
    DescRecord& r = ird.records[static_cast<size_t>(i)];
    switch (st.type(i)) {
      case sql::ValueType::Integer:
        applyType(r, sqlTypeInfo("BIGINT"));
        break;
      case sql::ValueType::Real:
        applyType(r, sqlTypeInfo("DOUBLE"));
        break;
      case sql::ValueType::Text:
        // Short texts keep a display-friendly size; a longer first value needs the largest one.
        applyType(r, sqlTypeInfo(utf16Length(st.getText(i)) > 255 ? "WVARCHAR(4000)" : "WVARCHAR(255)"));
        break;
      case sql::ValueType::Blob:
        applyType(r, sqlTypeInfo("BLOB"));
        break;
      case sql::ValueType::Null:
        applyType(r, sqlTypeInfo("VARCHAR(255)"));
        break;
    }
  }
}

}  // namespace igodbc::driver
