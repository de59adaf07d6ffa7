// Shared by the exports_*.cpp files: the visibility attribute of an ODBC entry point (everything else in
// the library is hidden) and the buffer descriptions the A and W variants pass down.
#pragma once

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "driver/exports/api.h"
#include "driver/exports/args.h"
#include "driver/exports/dispatch.h"

#define IGODBC_EXPORT extern "C" __attribute__((visibility("default")))

namespace igodbc::driver {

// A string buffer whose length argument counts characters (SQLCHAR or SQLWCHAR).
inline OutString chars(SQLCHAR* b, SQLLEN n) {
  return OutString{b, n, false, false};
}
inline OutString chars(SQLWCHAR* b, SQLLEN n) {
  return OutString{b, n, true, false};
}
// A buffer whose length argument counts bytes whatever the character width (SQLGetInfoW,
// SQLColAttributeW...).
inline OutString bytes(SQLPOINTER b, SQLLEN n, bool wide) {
  return OutString{b, n, wide, true};
}

}  // namespace igodbc::driver
