// Arguments from the application to UTF-8: SQLCHAR strings are taken as UTF-8, SQLWCHAR strings as UTF-16.
// Lengths follow ODBC: SQL_NTS, or a count of characters (SQLWCHAR for W functions); anything else
// negative is HY090.
#pragma once

#include <sql.h>

#include <optional>
#include <string>

namespace igodbc::driver {

// A string argument that must be present (null pointer: HY009).
std::string inString(const SQLCHAR* s, SQLLEN length);
std::string inString(const SQLWCHAR* s, SQLLEN length);
// An argument that may be absent (catalog functions: null means "not given").
std::optional<std::string> optString(const SQLCHAR* s, SQLLEN length);
std::optional<std::string> optString(const SQLWCHAR* s, SQLLEN length);

}  // namespace igodbc::driver
