// putString, shared by every function that returns a string.
#pragma once

#include "driver/handles/handle.h"
#include "sql/engine/diagnostic.h"

namespace igodbc::driver {

template <class L>
SQLRETURN putString(Handle& h, const std::string& utf8, const OutString& out, L* length) {
  if (out.capacity < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(out.capacity));
  StringWrite w = writeString(utf8, out);
  storeLength(length, w.length);
  if (w.truncated && out.buffer) {
    h.diags.add("01004", sql::prefixed("String data, right truncated"));
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
