#include "sql/engine/sqlite_result.h"

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

Value valueFrom(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      return Value::integer(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
      return Value::real(sqlite3_value_double(v));
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      const unsigned char* t = sqlite3_value_text(v);
      return Value::text(
          t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_value_bytes(v)))
            : std::string());
    }
    default:
      return Value::null();
  }
}

}  // namespace igodbc::sql
