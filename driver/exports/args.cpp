#include "driver/exports/args.h"

#include <cstring>

#include "driver/convert/unicode.h"
#include "driver/handles/diagnostics.h"

namespace igodbc::driver {

namespace {

size_t checkedLength(SQLLEN length, size_t ntsLength) {
  if (length == SQL_NTS) return ntsLength;
  if (length < 0) throw OdbcError("HY090", "Invalid string or buffer length " + std::to_string(length));
  return static_cast<size_t>(length);
}

}  // namespace

std::optional<std::string> optString(const SQLCHAR* s, SQLLEN length) {
  if (!s) return std::nullopt;
  const char* p = reinterpret_cast<const char*>(s);
  size_t n = checkedLength(length, 0);
  if (length == SQL_NTS) n = std::strlen(p);
  return std::string(p, n);
}

std::optional<std::string> optString(const SQLWCHAR* s, SQLLEN length) {
  if (!s) return std::nullopt;
  size_t n = checkedLength(length, 0);
  if (length == SQL_NTS) n = wideLength(s);
  return utf16ToUtf8(s, n);
}

std::string inString(const SQLCHAR* s, SQLLEN length) {
  if (!s) {
    if (length == 0) return {};
    throw OdbcError("HY009", "Invalid use of null pointer: a required string argument is missing");
  }
  return *optString(s, length);
}

std::string inString(const SQLWCHAR* s, SQLLEN length) {
  if (!s) {
    if (length == 0) return {};
    throw OdbcError("HY009", "Invalid use of null pointer: a required string argument is missing");
  }
  return *optString(s, length);
}

}  // namespace igodbc::driver
