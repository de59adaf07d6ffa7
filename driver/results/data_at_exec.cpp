// Data-at-execution parameters (SQLParamData / SQLPutData): values too long to bind up front, as pyodbc
// sends long strings. The pieces are collected per parameter; the statement runs when the last is complete.
#include <cstring>

#include "driver/convert/unicode.h"
#include "driver/handles/statement.h"
#include "driver/results/binding.h"

namespace igodbc::driver {

SQLRETURN Statement::paramData(SQLPOINTER* valuePtr) {
  if (state != State::NeedData)
    throw OdbcError("HY010", "Function sequence error: no data-at-execution parameter is pending");
  size_t next = 0;
  if (currentDataParam != 0) {
    while (next < needDataParams.size() && needDataParams[next] != currentDataParam) ++next;
    ++next;
  }
  if (next >= needDataParams.size()) {
    currentDataParam = 0;
    return runExecution();
  }
  currentDataParam = needDataParams[next];
  const DescRecord& rec = apd->records[static_cast<size_t>(currentDataParam - 1)];
  // The token is the pointer as bound (pyodbc binds an object pointer there and matches it).
  if (valuePtr) *valuePtr = rec.dataPtr;
  return SQL_NEED_DATA;
}

SQLRETURN Statement::putData(SQLPOINTER data, SQLLEN length) {
  if (state != State::NeedData || currentDataParam == 0)
    throw OdbcError("HY010", "Function sequence error: call SQLParamData before SQLPutData");
  std::optional<std::string>& slot = putDataValues[static_cast<size_t>(currentDataParam - 1)];
  if (length == SQL_NULL_DATA) {
    slot.reset();
    return SQL_SUCCESS;
  }
  const DescRecord& rec = apd->records[static_cast<size_t>(currentDataParam - 1)];
  const SQLSMALLINT sqlType = currentDataParam <= ipd->count()
                                  ? ipd->records[static_cast<size_t>(currentDataParam - 1)].conciseType
                                  : SQL_VARCHAR;
  const SQLSMALLINT cType = resolveCType(rec.conciseType, sqlType);
  if (!isVariableCType(cType)) {
    length = static_cast<SQLLEN>(fixedCTypeSize(cType));
  } else if (length == SQL_NTS) {
    if (!data) throw OdbcError("HY009", "SQLPutData: null data pointer");
    if (cType == SQL_C_CHAR)
      length = static_cast<SQLLEN>(std::strlen(static_cast<const char*>(data)));
    else if (cType == SQL_C_WCHAR)
      length = static_cast<SQLLEN>(wideLength(static_cast<const SQLWCHAR*>(data)) * 2);
    else
      throw OdbcError("HY090", "SQLPutData: SQL_NTS is not a length for binary data");
  }
  if (length < 0) throw OdbcError("HY090", "SQLPutData: invalid length " + std::to_string(length));
  if (!data && length > 0) throw OdbcError("HY009", "SQLPutData: null data pointer");
  if (!slot) slot.emplace();
  if (length > 0) slot->append(static_cast<const char*>(data), static_cast<size_t>(length));
  return SQL_SUCCESS;
}

void Statement::cancelNeedData() {
  if (state == State::NeedData) closeCursor();
}

}  // namespace igodbc::driver
