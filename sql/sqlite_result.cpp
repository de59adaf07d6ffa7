#include "sql/sqlite_result.h"

#include <sqlite3.h>

namespace igodbc::sql {

void resultValue(sqlite3_context* ctx, const Value& v) {
  switch (v.type) {
    case Value::Type::Null:
      sqlite3_result_null(ctx);
      break;
    case Value::Type::Integer:
      sqlite3_result_int64(ctx, v.i);
      break;
    case Value::Type::Real:
      sqlite3_result_double(ctx, v.r);
      break;
    case Value::Type::Text:
      sqlite3_result_text64(ctx, v.s.data(), v.s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
  }
}

}  // namespace igodbc::sql
