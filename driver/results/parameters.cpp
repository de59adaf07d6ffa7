// SQLBindParameter, SQLDescribeParam, SQLNumParams. Bindings live in the APD (C side) and IPD (SQL side).
#include <algorithm>

#include "driver/convert/convert.h"
#include "driver/exports/api.h"
#include "driver/handles/statement.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

bool knownSqlType(SQLSMALLINT t) {
  switch (t) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
    case SQL_DECIMAL:
    case SQL_NUMERIC:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE:
    case SQL_BIT:
    case SQL_TINYINT:
    case SQL_BIGINT:
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP:
    case SQL_DATE:
    case SQL_TIME:
    case SQL_TIMESTAMP:
    case SQL_GUID:
      return true;
    default:
      return false;
  }
}

}  // namespace

SQLRETURN bindParameter(Statement& st, SQLUSMALLINT number, SQLSMALLINT ioType, SQLSMALLINT cType,
                        SQLSMALLINT sqlType, SQLULEN columnSize, SQLSMALLINT decimalDigits, SQLPOINTER value,
                        SQLLEN bufferLength, SQLLEN* indicator) {
  if (number == 0) throw OdbcError("07009", "Parameter numbers start at 1");
  if (ioType != SQL_PARAM_INPUT) {
    if (ioType == SQL_PARAM_OUTPUT || ioType == SQL_PARAM_INPUT_OUTPUT ||
        ioType == SQL_PARAM_INPUT_OUTPUT_STREAM || ioType == SQL_PARAM_OUTPUT_STREAM)
      throw OdbcError("HYC00", "Only input parameters are supported");
    throw OdbcError("HY105", "Invalid parameter type " + std::to_string(ioType));
  }
  if (bufferLength < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(bufferLength));
  if (!knownSqlType(sqlType)) throw OdbcError("HY004", "Invalid SQL data type " + std::to_string(sqlType));
  resolveCType(cType, sqlType);  // HY003 for something that is not a C type
  if (!value && !indicator)
    throw OdbcError("HY009", "Invalid use of null pointer: no value and no indicator");

  DescRecord& a = st.apd->record(static_cast<SQLSMALLINT>(number));
  setConciseType(a, cType);
  a.dataPtr = value;
  a.octetLength = bufferLength;
  a.indicatorPtr = indicator;
  a.octetLengthPtr = indicator;

  DescRecord& i = st.ipd->record(static_cast<SQLSMALLINT>(number));
  setConciseType(i, sqlType);
  i.parameterType = ioType;
  // The ODBC reference: ColumnSize is LENGTH for character and binary types and PRECISION for numbers;
  // DecimalDigits is SCALE for exact numbers and PRECISION (fractional seconds) for times and timestamps.
  i.length = columnSize;
  i.scale = decimalDigits;
  if (i.conciseType == SQL_TYPE_TIME || i.conciseType == SQL_TYPE_TIMESTAMP)
    i.precision = decimalDigits;
  else if (i.conciseType == SQL_TYPE_DATE || isCharacterOrBinarySqlType(i.conciseType))
    i.precision = 0;
  else
    i.precision = static_cast<SQLSMALLINT>(std::min<SQLULEN>(columnSize, 0x7FFF));
  i.nullable = SQL_NULLABLE;
  return SQL_SUCCESS;
}

SQLRETURN describeParam(Statement& st, SQLUSMALLINT number, SQLSMALLINT* dataType, SQLULEN* size,
                        SQLSMALLINT* decimalDigits, SQLSMALLINT* nullable) {
  st.requirePrepared();
  if (number == 0 || number > st.prepared->parameterCount())
    throw OdbcError("07009", "Invalid parameter number " + std::to_string(number));
  // SQLite does not type parameters: report what the application bound, else VARCHAR(255).
  SQLSMALLINT type = SQL_VARCHAR;
  SQLULEN columnSize = 255;
  SQLSMALLINT digits = 0;
  if (number <= st.ipd->count() && st.ipd->records[number - 1].conciseType != SQL_C_DEFAULT) {
    const DescRecord& r = st.ipd->records[number - 1];
    type = r.conciseType;
    columnSize = r.length;
    digits = r.scale;
  }
  if (dataType)
    *dataType = st.odbc2() && type == SQL_TYPE_TIMESTAMP ? SQL_TIMESTAMP
                : st.odbc2() && type == SQL_TYPE_DATE    ? SQL_DATE
                                                         : type;
  if (size) *size = columnSize;
  if (decimalDigits) *decimalDigits = digits;
  if (nullable) *nullable = SQL_NULLABLE_UNKNOWN;
  return SQL_SUCCESS;
}

SQLRETURN numParams(Statement& st, SQLSMALLINT* count) {
  st.requirePrepared();
  if (count) *count = static_cast<SQLSMALLINT>(st.prepared->parameterCount());
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
