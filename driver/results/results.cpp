// Result-set functions: SQLNumResultCols, SQLDescribeCol, SQLColAttribute (ODBC 3 SQL_DESC_* and ODBC 2
// SQL_COLUMN_* identifiers), SQLBindCol, SQLRowCount, SQLMoreResults, SQLFetchScroll.
#include "driver/catalog/sql_type_info.h"
#include "driver/convert/convert.h"
#include "driver/exports/api.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

const DescRecord& resultColumn(Statement& st, SQLUSMALLINT column) {
  st.requirePrepared();
  if (st.columnCount() == 0)
    throw OdbcError("07005", "Prepared statement not a cursor-specification: it returns no columns");
  if (column == 0) throw OdbcError("07009", "Column 0 is the bookmark column, and bookmarks are off");
  if (column > st.columnCount())
    throw OdbcError("07009", "Invalid column number " + std::to_string(column) + ": the result has " +
                                 std::to_string(st.columnCount()) + " columns");
  return st.ird->records[static_cast<size_t>(column - 1)];
}

SQLSMALLINT reportedType(const Statement& st, SQLSMALLINT odbc3Type) {
  return st.odbc2() ? odbc2Type(odbc3Type) : odbc3Type;
}

}  // namespace

SQLRETURN numResultCols(Statement& st, SQLSMALLINT* count) {
  st.requirePrepared();
  if (count) *count = static_cast<SQLSMALLINT>(st.columnCount());
  return SQL_SUCCESS;
}

SQLRETURN describeCol(Statement& st, SQLUSMALLINT column, const OutString& name, SQLSMALLINT* nameLength,
                      SQLSMALLINT* dataType, SQLULEN* columnSize, SQLSMALLINT* decimalDigits,
                      SQLSMALLINT* nullable) {
  const DescRecord& r = resultColumn(st, column);
  if (dataType) *dataType = reportedType(st, r.conciseType);
  if (columnSize) *columnSize = r.length;
  if (decimalDigits) *decimalDigits = r.scale;
  if (nullable) *nullable = r.nullable;
  return putString(st, r.name, name, nameLength);
}

SQLRETURN colAttribute(Statement& st, SQLUSMALLINT column, SQLUSMALLINT field, const OutString& text,
                       SQLSMALLINT* textLength, SQLLEN* numeric) {
  auto number = [&](SQLLEN v) {
    if (numeric) *numeric = v;
    return SQL_SUCCESS;
  };
  if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
    st.requirePrepared();
    return number(st.columnCount());
  }
  const DescRecord& r = resultColumn(st, column);
  auto string = [&](const std::string& s) { return putString(st, s, text, textLength); };
  switch (field) {
    case SQL_DESC_AUTO_UNIQUE_VALUE:
      return number(r.autoUnique);
    case SQL_DESC_BASE_COLUMN_NAME:
      return string(r.baseColumnName);
    case SQL_DESC_BASE_TABLE_NAME:
      return string(r.baseTableName);
    case SQL_DESC_CASE_SENSITIVE:
      return number(r.caseSensitive);
    case SQL_DESC_CATALOG_NAME:
      return string(r.catalogName);
    case SQL_DESC_CONCISE_TYPE:
      return number(reportedType(st, r.conciseType));
    case SQL_DESC_DISPLAY_SIZE:
      return number(r.displaySize);
    case SQL_DESC_FIXED_PREC_SCALE:
      return number(r.fixedPrecScale);
    case SQL_DESC_LABEL:
      return string(r.label);
    case SQL_DESC_LENGTH:
      return number(static_cast<SQLLEN>(r.length));
    case SQL_DESC_LITERAL_PREFIX:
      return string(r.literalPrefix);
    case SQL_DESC_LITERAL_SUFFIX:
      return string(r.literalSuffix);
    case SQL_DESC_LOCAL_TYPE_NAME:
      return string(r.localTypeName);
    case SQL_DESC_NAME:
    case SQL_COLUMN_NAME:
      return string(r.name);
    case SQL_DESC_NULLABLE:
    case SQL_COLUMN_NULLABLE:
      return number(r.nullable);
    case SQL_DESC_NUM_PREC_RADIX:
      return number(r.numPrecRadix);
    case SQL_DESC_OCTET_LENGTH:
      return number(r.octetLength);
    case SQL_DESC_PRECISION:
      return number(r.precision);
    case SQL_DESC_SCALE:
    case SQL_COLUMN_SCALE:
      return number(r.scale);
    case SQL_DESC_SCHEMA_NAME:
      return string(r.schemaName);
    case SQL_DESC_SEARCHABLE:
      return number(r.searchable);
    case SQL_DESC_TABLE_NAME:
      return string(r.tableName);
    case SQL_DESC_TYPE:
      return number(st.odbc2() ? odbc2Type(r.conciseType) : r.type);
    case SQL_DESC_TYPE_NAME:
      return string(r.typeName);
    case SQL_DESC_UNNAMED:
      return number(r.unnamed);
    case SQL_DESC_UNSIGNED:
      return number(r.isUnsigned);
    case SQL_DESC_UPDATABLE:
      return number(r.updatable);
    // ODBC 2 meanings: LENGTH is the transfer size in the default C type, PRECISION the column size.
    case SQL_COLUMN_LENGTH:
      return number(r.octetLength);
    case SQL_COLUMN_PRECISION:
      return number(static_cast<SQLLEN>(r.length));
    default:
      throw OdbcError("HY091", "Invalid descriptor field identifier " + std::to_string(field));
  }
}

SQLRETURN bindCol(Statement& st, SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target,
                  SQLLEN bufferLength, SQLLEN* indicator) {
  if (column == 0) throw OdbcError("07009", "Column 0 is the bookmark column, and bookmarks are off");
  if (bufferLength < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(bufferLength));
  Descriptor& ard = *st.ard;
  if (!target && !indicator) {  // unbind
    if (column <= ard.count()) {
      ard.records[static_cast<size_t>(column - 1)] = DescRecord{};
      ard.trimUnbound();
    }
    return SQL_SUCCESS;
  }
  resolveCType(cType, SQL_VARCHAR);  // HY003 for something that is not a C type
  DescRecord& r = ard.record(static_cast<SQLSMALLINT>(column));
  setConciseType(r, cType);
  r.dataPtr = target;
  r.octetLength = bufferLength;
  r.indicatorPtr = indicator;
  r.octetLengthPtr = indicator;
  return SQL_SUCCESS;
}

SQLRETURN rowCount(Statement& st, SQLLEN* count) {
  st.requirePrepared();
  // SELECTs, catalog results and statements not executed yet: -1.
  if (count) *count = st.cursorOpen() ? -1 : st.rowCount;
  return SQL_SUCCESS;
}

SQLRETURN moreResults(Statement& st) {
  // One result per statement, or one per parameter set (param_results.cpp); the current one is discarded.
  const SQLULEN next = st.nextParamSet, sets = st.paramSetCount;
  st.closeCursor();
  if (next >= sets) return SQL_NO_DATA;
  return st.openParamSetResult(next);
}

SQLRETURN fetchScroll(Statement& st, SQLSMALLINT orientation, SQLLEN offset) {
  return st.fetchScroll(orientation, offset);
}

}  // namespace igodbc::driver
