// SQLGetCursorName / SQLSetCursorName. We support no positioned UPDATE/DELETE (SQL_POSITIONED_STATEMENTS
// is 0), so a name only has to be kept, validated and unique on its connection; applications such as
// Access and DBD::ODBC still set and read names.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "driver/exports/api.h"
#include "driver/handles/connection.h"
#include "driver/handles/diagnostics.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

// SQL_MAX_CURSOR_NAME_LEN reports this (info_values.cpp).
constexpr size_t kMaxCursorName = 128;

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && sameName(s.substr(0, prefix.size()), prefix);
}

// A name another statement of the connection already uses (set or generated).
bool nameTaken(const Statement& st, std::string_view name) {
  for (const Statement* other : st.conn->statements)
    if (other != &st && sameName(other->cursorName, name)) return true;
  return false;
}

}  // namespace

SQLRETURN getCursorName(Statement& st, const OutString& name, SQLSMALLINT* nameLength) {
  if (st.cursorName.empty()) {
    // Generated names use the prefix applications may not set, so they never collide with a set one.
    do {
      st.cursorName = "SQL_CUR" + std::to_string(st.conn->nextCursorNumber++);
    } while (nameTaken(st, st.cursorName));
  }
  return putString(st, st.cursorName, name, nameLength);
}

SQLRETURN setCursorName(Statement& st, const std::string& name) {
  st.requireNoCursor();
  if (name.empty()) throw OdbcError("34000", "Invalid cursor name: the name is empty");
  if (name.size() > kMaxCursorName)
    throw OdbcError("34000", "Invalid cursor name: longer than " + std::to_string(kMaxCursorName) + " bytes");
  if (startsWithNoCase(name, "SQLCUR") || startsWithNoCase(name, "SQL_CUR"))
    throw OdbcError("34000",
                    "Invalid cursor name: names starting with SQLCUR or SQL_CUR are reserved for "
                    "names the driver generates");
  if (nameTaken(st, name))
    throw OdbcError("3C000",
                    "Duplicate cursor name: another statement on this connection uses '" + name + "'");
  st.cursorName = name;
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
