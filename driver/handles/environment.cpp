#include "driver/handles/environment.h"

#include <sqlext.h>

#include <cstdint>

namespace igodbc::driver {

namespace {

// unixODBC passes these to the driver's environment; they carry nothing the driver needs.
constexpr SQLINTEGER kUnixOdbcSysPath = 65001;
constexpr SQLINTEGER kUnixOdbcVersion = 65002;
constexpr SQLINTEGER kUnixOdbcEnvAttr = 65003;
// ODBC 3.8 SQL_CP_DRIVER_AWARE, missing from unixODBC 2.3.11 headers.
constexpr SQLUINTEGER kCpDriverAware = 3;

SQLUINTEGER asUInt(SQLPOINTER p) {
  return static_cast<SQLUINTEGER>(reinterpret_cast<uintptr_t>(p));
}

}  // namespace

SQLRETURN Environment::setAttribute(SQLINTEGER attribute, SQLPOINTER value) {
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
        throw OdbcError("HY024",
                        "SQL_ATTR_ODBC_VERSION must be SQL_OV_ODBC2, SQL_OV_ODBC3 or SQL_OV_ODBC3_80");
      odbcVersion = static_cast<SQLINTEGER>(v);
      return SQL_SUCCESS;
    }
    case SQL_ATTR_CONNECTION_POOLING: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_CP_OFF && v != SQL_CP_ONE_PER_DRIVER && v != SQL_CP_ONE_PER_HENV && v != kCpDriverAware)
        throw OdbcError("HY024", "Invalid SQL_ATTR_CONNECTION_POOLING value");
      connectionPooling = v;
      return SQL_SUCCESS;
    }
    case SQL_ATTR_CP_MATCH: {
      SQLUINTEGER v = asUInt(value);
      if (v != SQL_CP_STRICT_MATCH && v != SQL_CP_RELAXED_MATCH)
        throw OdbcError("HY024", "Invalid SQL_ATTR_CP_MATCH value");
      cpMatch = v;
      return SQL_SUCCESS;
    }
    case SQL_ATTR_OUTPUT_NTS:
      if (asUInt(value) != SQL_TRUE)
        throw OdbcError("HYC00", "Strings are always NUL-terminated: SQL_ATTR_OUTPUT_NTS must stay SQL_TRUE");
      return SQL_SUCCESS;
    case kUnixOdbcSysPath:
    case kUnixOdbcVersion:
    case kUnixOdbcEnvAttr:
      return SQL_SUCCESS;
    default:
      throw OdbcError("HY092", "Unknown environment attribute " + std::to_string(attribute));
  }
}

SQLRETURN Environment::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER,
                                    SQLINTEGER* stringLength) {
  SQLUINTEGER v;
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION:
      v = static_cast<SQLUINTEGER>(odbcVersion.load());
      break;
    case SQL_ATTR_CONNECTION_POOLING:
      v = connectionPooling;
      break;
    case SQL_ATTR_CP_MATCH:
      v = cpMatch;
      break;
    case SQL_ATTR_OUTPUT_NTS:
      v = SQL_TRUE;
      break;
    default:
      throw OdbcError("HY092", "Unknown environment attribute " + std::to_string(attribute));
  }
  if (value) *static_cast<SQLUINTEGER*>(value) = v;
  if (stringLength) *stringLength = sizeof(SQLUINTEGER);
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
