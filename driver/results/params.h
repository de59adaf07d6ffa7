// Input parameters: the application's bound value (APD record, C type) turned into a SQLite binding, guided
// by the parameter's SQL type (IPD record). Dates and timestamps become the canonical text 'YYYY-MM-DD' /
// 'YYYY-MM-DD HH:MM:SS' (UTC).
#pragma once

#include <string>

#include "driver/handles/descriptor.h"

namespace igodbc::sql {
class Statement;
}

namespace igodbc::driver {

bool isDataAtExec(SQLLEN indicator);

// Binds parameter `n` (1-based) from parameter set `row`. Throws OdbcError/ConvertError.
void bindParameter(sql::Statement& st, int n, const Descriptor& apd, const Descriptor& ipd, SQLULEN row);

// Binds parameter `n` from bytes collected by SQLPutData (`value` in the parameter's C type encoding).
void bindPutData(sql::Statement& st, int n, const Descriptor& apd, const Descriptor& ipd,
                 const std::string* value);

// One value in a given C type and length (bytes for CHAR/WCHAR/BINARY) to the engine.
void bindValue(sql::Statement& st, int n, SQLSMALLINT cType, SQLSMALLINT sqlType, const void* data,
               SQLLEN length);

}  // namespace igodbc::driver
