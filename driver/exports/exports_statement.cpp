// Entry points: preparing and executing statements, parameters, cancel.
#include "driver/exports/exports.h"
#include "driver/handles/statement.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLPrepare(SQLHSTMT stmt, SQLCHAR* text, SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    st.prepare(inString(text, length));
    return st.diags.success();
  });
}

IGODBC_EXPORT SQLRETURN SQLPrepareW(SQLHSTMT stmt, SQLWCHAR* text, SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    st.prepare(inString(text, length));
    return st.diags.success();
  });
}

IGODBC_EXPORT SQLRETURN SQLExecute(SQLHSTMT stmt) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.execute(); });
}

IGODBC_EXPORT SQLRETURN SQLExecDirect(SQLHSTMT stmt, SQLCHAR* text, SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.execDirect(inString(text, length)); });
}

IGODBC_EXPORT SQLRETURN SQLExecDirectW(SQLHSTMT stmt, SQLWCHAR* text, SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.execDirect(inString(text, length)); });
}

// Runs without the statement's lock, which a fetch in another thread may hold: it only raises the engine's
// interrupt flag. When nothing runs, it ends a pending data-at-execution sequence (ODBC 3 semantics).
IGODBC_EXPORT SQLRETURN SQLCancel(SQLHSTMT stmt) {
  return guarded<Statement>(
      stmt,
      [&](Statement& st) {
        if (st.running) {
          st.conn->interrupt();
          return SQL_SUCCESS;
        }
        std::unique_lock<std::recursive_mutex> lock(st.callMutex(), std::try_to_lock);
        if (lock.owns_lock() && st.state == Statement::State::NeedData) st.cancelNeedData();
        return SQL_SUCCESS;
      },
      CallOptions{false, false});
}

IGODBC_EXPORT SQLRETURN SQLCloseCursor(SQLHSTMT stmt) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    if (!st.cursorOpen()) throw OdbcError("24000", "Invalid cursor state: no cursor is open");
    st.closeCursor();
    return SQL_SUCCESS;
  });
}

IGODBC_EXPORT SQLRETURN SQLNumParams(SQLHSTMT stmt, SQLSMALLINT* count) {
  return guarded<Statement>(stmt, [&](Statement& st) { return numParams(st, count); });
}

IGODBC_EXPORT SQLRETURN SQLBindParameter(SQLHSTMT stmt, SQLUSMALLINT number, SQLSMALLINT ioType,
                                         SQLSMALLINT cType, SQLSMALLINT sqlType, SQLULEN columnSize,
                                         SQLSMALLINT decimalDigits, SQLPOINTER value, SQLLEN bufferLength,
                                         SQLLEN* indicator) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return bindParameter(st, number, ioType, cType, sqlType, columnSize, decimalDigits, value, bufferLength,
                         indicator);
  });
}

IGODBC_EXPORT SQLRETURN SQLDescribeParam(SQLHSTMT stmt, SQLUSMALLINT number, SQLSMALLINT* dataType,
                                         SQLULEN* size, SQLSMALLINT* decimalDigits, SQLSMALLINT* nullable) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return describeParam(st, number, dataType, size, decimalDigits, nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLParamData(SQLHSTMT stmt, SQLPOINTER* value) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.paramData(value); });
}

IGODBC_EXPORT SQLRETURN SQLPutData(SQLHSTMT stmt, SQLPOINTER data, SQLLEN length) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.putData(data, length); });
}

IGODBC_EXPORT SQLRETURN SQLGetCursorName(SQLHSTMT stmt, SQLCHAR* name, SQLSMALLINT capacity,
                                         SQLSMALLINT* nameLength) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return getCursorName(st, chars(name, capacity), nameLength); });
}

IGODBC_EXPORT SQLRETURN SQLGetCursorNameW(SQLHSTMT stmt, SQLWCHAR* name, SQLSMALLINT capacity,
                                          SQLSMALLINT* nameLength) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return getCursorName(st, chars(name, capacity), nameLength); });
}

IGODBC_EXPORT SQLRETURN SQLSetCursorName(SQLHSTMT stmt, SQLCHAR* name, SQLSMALLINT nameLength) {
  return guarded<Statement>(stmt,
                            [&](Statement& st) { return setCursorName(st, inString(name, nameLength)); });
}

IGODBC_EXPORT SQLRETURN SQLSetCursorNameW(SQLHSTMT stmt, SQLWCHAR* name, SQLSMALLINT nameLength) {
  return guarded<Statement>(stmt,
                            [&](Statement& st) { return setCursorName(st, inString(name, nameLength)); });
}
