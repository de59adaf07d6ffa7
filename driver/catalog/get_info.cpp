// SQLGetInfo: the values come from infoValue() (info.h); this writes each with the width its type
// prescribes, strings through the shared truncation rules.
#include <variant>

#include "driver/catalog/info.h"
#include "driver/exports/api.h"
#include "driver/handles/connection.h"
#include "driver/handles/environment.h"

namespace igodbc::driver {

namespace {

template <class T>
SQLRETURN put(SQLPOINTER out, SQLSMALLINT* len, T v) {
  if (out) *static_cast<T*>(out) = v;
  if (len) *len = sizeof(T);
  return SQL_SUCCESS;
}

}  // namespace

SQLRETURN getInfo(Connection& c, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT bufferLength,
                  SQLSMALLINT* stringLength, bool wide) {
  if (bufferLength < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(bufferLength));
  switch (type) {  // handle-valued answers only this layer knows
    case SQL_DRIVER_HDBC:
      return put<SQLULEN>(value, stringLength, reinterpret_cast<SQLULEN>(static_cast<Handle*>(&c)));
    case SQL_DRIVER_HENV:
      return put<SQLULEN>(value, stringLength, reinterpret_cast<SQLULEN>(static_cast<Handle*>(c.env.get())));
    default:
      break;
  }
  std::optional<InfoValue> v = infoValue(type, c.infoContext());
  if (!v) throw OdbcError("HY096", "Information type " + std::to_string(type) + " is not supported");
  if (const std::string* s = std::get_if<std::string>(&*v))
    return putString(c, *s, OutString{value, bufferLength, wide, true}, stringLength);
  if (const SQLUSMALLINT* u = std::get_if<SQLUSMALLINT>(&*v)) return put(value, stringLength, *u);
  if (const SQLUINTEGER* u = std::get_if<SQLUINTEGER>(&*v)) return put(value, stringLength, *u);
  return put(value, stringLength, std::get<SQLULEN>(*v));
}

}  // namespace igodbc::driver
