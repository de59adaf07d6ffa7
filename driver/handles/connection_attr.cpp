// SQLSetConnectAttr / SQLGetConnectAttr.
#include <cstdint>

#include "driver/convert/out_string.h"
#include "driver/handles/connection.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

// unixODBC-specific: tells the driver the application is ANSI. Nothing to do with it.
constexpr SQLINTEGER kAttrAnsiApp = 115;
constexpr SQLINTEGER kAttrResetConnection = 116;
constexpr SQLINTEGER kAttrAsyncDbcFunctions = 117;

SQLULEN asULen(SQLPOINTER p) {
  return static_cast<SQLULEN>(reinterpret_cast<uintptr_t>(p));
}
SQLUINTEGER asUInt(SQLPOINTER p) {
  return static_cast<SQLUINTEGER>(asULen(p));
}

SQLRETURN putUInt(SQLPOINTER out, SQLINTEGER* len, SQLUINTEGER v) {
  if (out) *static_cast<SQLUINTEGER*>(out) = v;
  if (len) *len = sizeof(SQLUINTEGER);
  return SQL_SUCCESS;
}

}  // namespace

SQLRETURN Connection::setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  switch (attribute) {
    case SQL_ATTR_AUTOCOMMIT: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_AUTOCOMMIT_ON && v != SQL_AUTOCOMMIT_OFF)
        throw OdbcError("HY024", "SQL_ATTR_AUTOCOMMIT must be SQL_AUTOCOMMIT_ON or SQL_AUTOCOMMIT_OFF");
      autocommit = v == SQL_AUTOCOMMIT_ON;
      if (connected()) engine().setAutocommit(autocommit);
      return SQL_SUCCESS;
    }
    case SQL_ATTR_ACCESS_MODE: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_MODE_READ_ONLY && v != SQL_MODE_READ_WRITE)
        throw OdbcError("HY024", "SQL_ATTR_ACCESS_MODE must be SQL_MODE_READ_ONLY or SQL_MODE_READ_WRITE");
      accessMode = v;
      return SQL_SUCCESS;
    }
    case SQL_ATTR_LOGIN_TIMEOUT:
      loginTimeout = asUInt(value);
      return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
      connectionTimeout = asUInt(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
      packetSize = asUInt(value);
      return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_TXN_READ_UNCOMMITTED && v != SQL_TXN_READ_COMMITTED && v != SQL_TXN_REPEATABLE_READ &&
          v != SQL_TXN_SERIALIZABLE)
        throw OdbcError("HY024", "Invalid SQL_ATTR_TXN_ISOLATION value");
      if (v == SQL_TXN_SERIALIZABLE) return SQL_SUCCESS;
      // SQLite transactions are serializable; a weaker level is satisfied by a stronger one.
      diags.add("01S02", "[instagram-odbc] Option value changed: transactions are always serializable");
      return SQL_SUCCESS_WITH_INFO;
    }
    case SQL_ATTR_CURRENT_CATALOG:
      if (value && *static_cast<const char*>(value) != '\0')
        throw OdbcError("HYC00", "This driver has no catalogs; SQL_ATTR_CURRENT_CATALOG cannot be set");
      return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
      metadataId = asULen(value) ? SQL_TRUE : SQL_FALSE;
      return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
      quietMode = value;
      return SQL_SUCCESS;
    case SQL_ATTR_ODBC_CURSORS:
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
    case kAttrAnsiApp:
    case kAttrResetConnection:
    case SQL_ATTR_DISCONNECT_BEHAVIOR:
      return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
    case kAttrAsyncDbcFunctions:
      if (asULen(value) != SQL_ASYNC_ENABLE_OFF)
        throw OdbcError("HYC00", "Asynchronous execution is not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_DEAD:
    case SQL_ATTR_AUTO_IPD:
      throw OdbcError("HY092", "This connection attribute is read-only");
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
    case SQL_ATTR_ENLIST_IN_DTC:
      throw OdbcError("HYC00", "Optional feature not implemented");
    // Statement attributes set on the connection (ODBC 2 SQLSetConnectOption): defaults for new statements.
    case SQL_ATTR_QUERY_TIMEOUT:
      defaultQueryTimeout = asULen(value);
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
      defaultMaxRows = asULen(value);
      return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
      defaultNoScan = asULen(value);
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH:
      defaultMaxLength = asULen(value);
      return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
      defaultRetrieveData = asULen(value);
      return SQL_SUCCESS;
    default:
      throw OdbcError("HY092", "Unknown connection attribute " + std::to_string(attribute));
  }
}

SQLRETURN Connection::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER bufferLength,
                                   SQLINTEGER* stringLength, bool wide) {
  switch (attribute) {
    case SQL_ATTR_AUTOCOMMIT:
      return putUInt(value, stringLength, autocommit ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF);
    case SQL_ATTR_ACCESS_MODE:
      return putUInt(value, stringLength, accessMode);
    case SQL_ATTR_LOGIN_TIMEOUT:
      return putUInt(value, stringLength, loginTimeout);
    case SQL_ATTR_CONNECTION_TIMEOUT:
      return putUInt(value, stringLength, connectionTimeout);
    case SQL_ATTR_PACKET_SIZE:
      return putUInt(value, stringLength, packetSize);
    case SQL_ATTR_TXN_ISOLATION:
      return putUInt(value, stringLength, SQL_TXN_SERIALIZABLE);
    case SQL_ATTR_ODBC_CURSORS:
      return putUInt(value, stringLength, SQL_CUR_USE_DRIVER);
    case SQL_ATTR_TRACE:
      return putUInt(value, stringLength, SQL_OPT_TRACE_OFF);
    case SQL_ATTR_ASYNC_ENABLE:
      return putUInt(value, stringLength, SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_AUTO_IPD:
      return putUInt(value, stringLength, SQL_FALSE);
    case SQL_ATTR_METADATA_ID:
      return putUInt(value, stringLength, static_cast<SQLUINTEGER>(metadataId));
    case SQL_ATTR_CONNECTION_DEAD:
      return putUInt(value, stringLength, connected() ? SQL_CD_FALSE : SQL_CD_TRUE);
    case SQL_ATTR_QUIET_MODE:
      if (value) *static_cast<SQLPOINTER*>(value) = quietMode;
      if (stringLength) *stringLength = sizeof(SQLPOINTER);
      return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG: {
      if (bufferLength < 0 && bufferLength != SQL_NTS) throw OdbcError("HY090", "Invalid buffer length");
      StringWrite w = writeString("", OutString{value, bufferLength, wide, true});
      storeLength(stringLength, w.length);
      return SQL_SUCCESS;
    }
    case SQL_ATTR_QUERY_TIMEOUT:
      return putUInt(value, stringLength, static_cast<SQLUINTEGER>(defaultQueryTimeout));
    case SQL_ATTR_MAX_ROWS:
      return putUInt(value, stringLength, static_cast<SQLUINTEGER>(defaultMaxRows));
    default:
      throw OdbcError("HY092", "Unknown connection attribute " + std::to_string(attribute));
  }
}

}  // namespace igodbc::driver
