// ODBC scalar functions ({fn …}) rewritten as SQLite expressions. Internal to escape translation.
#pragma once

#include <string>
#include <string_view>

namespace igodbc::sql {

// `call` is the text inside {fn …} with nested escapes already translated, e.g. "UCASE(Name)". Known ODBC
// functions become SQLite expressions; anything else is returned unchanged (SQLite may know it by name).
std::string translateScalarFunction(std::string_view call);

}  // namespace igodbc::sql
