// Dates and timestamps travel through SQLite as canonical text ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS',
// UTC). These parse that text into ODBC structs and render ODBC structs back into it.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>

namespace igodbc::driver {

// Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS[.fffffffff]' (or 'T' as separator, optional trailing 'Z') and
// 'HH:MM:SS[.f]' when `allowTimeOnly`. False when the text is not one of those or a field is out of range.
bool parseTimestamp(std::string_view text, SQL_TIMESTAMP_STRUCT& out, bool allowTimeOnly = false);

bool validDate(int year, int month, int day);
std::string formatDate(const SQL_DATE_STRUCT& d);
std::string formatTime(const SQL_TIME_STRUCT& t);
// 'YYYY-MM-DD HH:MM:SS', with '.fffffffff' (trailing zeros trimmed) only when the fraction is non-zero.
std::string formatTimestamp(const SQL_TIMESTAMP_STRUCT& ts);

}  // namespace igodbc::driver
