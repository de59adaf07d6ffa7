// UTF-8 <-> UTF-16 (SQLWCHAR) conversion for the W entry points and SQL_C_WCHAR data. Malformed input
// (overlong or truncated UTF-8, lone surrogates) is replaced by U+FFFD instead of failing: an application
// string is never a reason to crash or to lose the rest of the text.
#pragma once

#include <sqltypes.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace igodbc::driver {

static_assert(sizeof(SQLWCHAR) == 2, "the driver assumes 2-byte SQLWCHAR (unixODBC default)");

std::u16string utf8ToUtf16(std::string_view utf8);
std::string utf16ToUtf8(const char16_t* s, size_t units);
inline std::string utf16ToUtf8(std::u16string_view s) {
  return utf16ToUtf8(s.data(), s.size());
}
std::string utf16ToUtf8(const SQLWCHAR* s, size_t units);

// Number of UTF-16 code units `utf8` converts to.
size_t utf16Length(std::string_view utf8);

// Length of a NUL-terminated SQLWCHAR string.
size_t wideLength(const SQLWCHAR* s);

// The largest prefix length <= `limit` that does not cut a UTF-8 sequence in two.
size_t utf8Boundary(std::string_view utf8, size_t limit);
// The largest prefix length <= `limit` (in units) that does not cut a surrogate pair in two.
size_t utf16Boundary(const char16_t* s, size_t units, size_t limit);

}  // namespace igodbc::driver
