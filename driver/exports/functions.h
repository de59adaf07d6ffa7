// The ODBC functions this driver exports, by SQL_API_* id: SQLGetFunctions answers from this table, and
// unixODBC disables every function it reports as missing, so it must match the exports exactly (the ctest
// exports_match_functions, tests/exports/exports_test.cpp, compares it with the library's dynamic symbols).
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string_view>
#include <vector>

namespace igodbc::driver {

struct ExportedFunction {
  SQLUSMALLINT id;
  std::string_view name;  // the ANSI name; a W twin is exported when `wide`
  bool wide;
};

const std::vector<ExportedFunction>& exportedFunctions();

}  // namespace igodbc::driver
