// Entry points: result metadata and fetching.
#include "driver/exports/exports.h"
#include "driver/handles/statement.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLNumResultCols(SQLHSTMT stmt, SQLSMALLINT* count) {
  return guarded<Statement>(stmt, [&](Statement& st) { return numResultCols(st, count); });
}

IGODBC_EXPORT SQLRETURN SQLDescribeCol(SQLHSTMT stmt, SQLUSMALLINT column, SQLCHAR* name,
                                       SQLSMALLINT capacity, SQLSMALLINT* nameLength, SQLSMALLINT* dataType,
                                       SQLULEN* columnSize, SQLSMALLINT* decimalDigits,
                                       SQLSMALLINT* nullable) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return describeCol(st, column, chars(name, capacity), nameLength, dataType, columnSize, decimalDigits,
                       nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLDescribeColW(SQLHSTMT stmt, SQLUSMALLINT column, SQLWCHAR* name,
                                        SQLSMALLINT capacity, SQLSMALLINT* nameLength, SQLSMALLINT* dataType,
                                        SQLULEN* columnSize, SQLSMALLINT* decimalDigits,
                                        SQLSMALLINT* nullable) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return describeCol(st, column, chars(name, capacity), nameLength, dataType, columnSize, decimalDigits,
                       nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLColAttribute(SQLHSTMT stmt, SQLUSMALLINT column, SQLUSMALLINT field,
                                        SQLPOINTER text, SQLSMALLINT capacity, SQLSMALLINT* textLength,
                                        SQLLEN* numeric) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return colAttribute(st, column, field, bytes(text, capacity, false), textLength, numeric);
  });
}

IGODBC_EXPORT SQLRETURN SQLColAttributeW(SQLHSTMT stmt, SQLUSMALLINT column, SQLUSMALLINT field,
                                         SQLPOINTER text, SQLSMALLINT capacity, SQLSMALLINT* textLength,
                                         SQLLEN* numeric) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return colAttribute(st, column, field, bytes(text, capacity, true), textLength, numeric);
  });
}

IGODBC_EXPORT SQLRETURN SQLBindCol(SQLHSTMT stmt, SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target,
                                   SQLLEN bufferLength, SQLLEN* indicator) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return bindCol(st, column, cType, target, bufferLength, indicator); });
}

IGODBC_EXPORT SQLRETURN SQLFetch(SQLHSTMT stmt) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.fetch(); });
}

IGODBC_EXPORT SQLRETURN SQLFetchScroll(SQLHSTMT stmt, SQLSMALLINT orientation, SQLLEN offset) {
  return guarded<Statement>(stmt, [&](Statement& st) { return fetchScroll(st, orientation, offset); });
}

IGODBC_EXPORT SQLRETURN SQLExtendedFetch(SQLHSTMT stmt, SQLUSMALLINT orientation, SQLLEN offset,
                                         SQLULEN* rowCount, SQLUSMALLINT* rowStatus) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return st.extendedFetch(static_cast<SQLSMALLINT>(orientation), offset, rowCount, rowStatus);
  });
}

IGODBC_EXPORT SQLRETURN SQLSetPos(SQLHSTMT stmt, SQLSETPOSIROW row, SQLUSMALLINT operation,
                                  SQLUSMALLINT lock) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.setPos(row, operation, lock); });
}

IGODBC_EXPORT SQLRETURN SQLGetData(SQLHSTMT stmt, SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target,
                                   SQLLEN bufferLength, SQLLEN* indicator) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return st.getData(column, cType, target, bufferLength, indicator); });
}

IGODBC_EXPORT SQLRETURN SQLRowCount(SQLHSTMT stmt, SQLLEN* count) {
  return guarded<Statement>(stmt, [&](Statement& st) { return rowCount(st, count); });
}

IGODBC_EXPORT SQLRETURN SQLMoreResults(SQLHSTMT stmt) {
  return guarded<Statement>(stmt, [&](Statement& st) { return moreResults(st); });
}
