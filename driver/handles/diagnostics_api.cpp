// SQLGetDiagRec / SQLGetDiagField: read a handle's diagnostic area without clearing it. ODBC 2
// applications see ODBC 2 SQLSTATEs.
#include "driver/exports/api.h"
#include "driver/exports/dispatch.h"
#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

template <class Fn>
SQLRETURN onAnyHandle(SQLSMALLINT handleType, SQLHANDLE handle, Fn&& body) {
  const CallOptions readOnly{false, true};
  switch (handleType) {
    case SQL_HANDLE_ENV:
      return guarded<Environment>(handle, body, readOnly);
    case SQL_HANDLE_DBC:
      return guarded<Connection>(handle, body, readOnly);
    case SQL_HANDLE_STMT:
      return guarded<Statement>(handle, body, readOnly);
    case SQL_HANDLE_DESC:
      return guarded<Descriptor>(handle, body, readOnly);
    default:
      return SQL_INVALID_HANDLE;
  }
}

std::string reportedState(const Handle& h, const DiagRecord& r) {
  return h.odbc2() ? odbc2State(r.sqlstate) : r.sqlstate;
}

template <class T>
SQLRETURN put(SQLPOINTER out, SQLSMALLINT* len, T v) {
  if (out) *static_cast<T*>(out) = v;
  if (len) *len = sizeof(T);
  return SQL_SUCCESS;
}

}  // namespace

SQLRETURN getDiagRec(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT recNumber, const OutString& state,
                     SQLINTEGER* native, const OutString& message, SQLSMALLINT* messageLength) {
  return onAnyHandle(handleType, handle, [&](Handle& h) -> SQLRETURN {
    if (recNumber < 1 || message.capacity < 0) return SQL_ERROR;
    const auto& records = h.diags.records();
    if (static_cast<size_t>(recNumber) > records.size()) return SQL_NO_DATA;
    const DiagRecord& r = records[static_cast<size_t>(recNumber - 1)];
    writeString(reportedState(h, r), state);
    if (native) *native = r.native;
    StringWrite w = writeString(r.message, message);
    storeLength(messageLength, w.length);
    return w.truncated && message.buffer ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
  });
}

SQLRETURN getDiagField(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT recNumber, SQLSMALLINT field,
                       SQLPOINTER value, SQLSMALLINT bufferLength, SQLSMALLINT* stringLength, bool wide) {
  return onAnyHandle(handleType, handle, [&](Handle& h) -> SQLRETURN {
    auto text = [&](const std::string& s) -> SQLRETURN {
      if (bufferLength < 0) return SQL_ERROR;
      StringWrite w = writeString(s, OutString{value, bufferLength, wide, true});
      storeLength(stringLength, w.length);
      return w.truncated && value ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
    };
    const Diagnostics& d = h.diags;
    const bool stmt = h.kind() == HandleKind::Stmt;
    switch (field) {  // header fields
      case SQL_DIAG_NUMBER:
        return put<SQLINTEGER>(value, stringLength, static_cast<SQLINTEGER>(d.records().size()));
      case SQL_DIAG_RETURNCODE:
        return put<SQLRETURN>(value, stringLength, d.returnCode);
      case SQL_DIAG_ROW_COUNT:
        if (!stmt) return SQL_ERROR;
        return put<SQLLEN>(value, stringLength, static_cast<Statement&>(h).rowCount);
      case SQL_DIAG_CURSOR_ROW_COUNT:
        if (!stmt) return SQL_ERROR;
        return put<SQLLEN>(value, stringLength, d.cursorRowCount);
      case SQL_DIAG_DYNAMIC_FUNCTION:
        if (!stmt) return SQL_ERROR;
        return text(d.dynamicFunction);
      case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
        if (!stmt) return SQL_ERROR;
        return put<SQLINTEGER>(value, stringLength, d.dynamicFunctionCode);
      default:
        break;
    }
    if (recNumber < 1) return SQL_ERROR;
    if (static_cast<size_t>(recNumber) > d.records().size()) return SQL_NO_DATA;
    const DiagRecord& r = d.records()[static_cast<size_t>(recNumber - 1)];
    switch (field) {
      case SQL_DIAG_SQLSTATE:
        return text(reportedState(h, r));
      case SQL_DIAG_NATIVE:
        return put<SQLINTEGER>(value, stringLength, r.native);
      case SQL_DIAG_MESSAGE_TEXT:
        return text(r.message);
      case SQL_DIAG_CLASS_ORIGIN:
        return text(classOrigin(r.sqlstate));
      case SQL_DIAG_SUBCLASS_ORIGIN:
        return text(subclassOrigin(r.sqlstate));
      case SQL_DIAG_CONNECTION_NAME:
      case SQL_DIAG_SERVER_NAME:
        return text(h.connectionName());
      case SQL_DIAG_ROW_NUMBER:
        if (!stmt) return SQL_ERROR;
        return put<SQLLEN>(value, stringLength, r.rowNumber);
      case SQL_DIAG_COLUMN_NUMBER:
        if (!stmt) return SQL_ERROR;
        return put<SQLINTEGER>(value, stringLength, r.columnNumber);
      default:
        return SQL_ERROR;
    }
  });
}

}  // namespace igodbc::driver
