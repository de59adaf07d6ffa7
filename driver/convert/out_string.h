// The one place that owns ODBC's output-buffer rules: how much fits, where the NUL terminator goes and how
// wide it is (1 byte for SQL_C_CHAR, 2 for SQL_C_WCHAR, none for binary), that a UTF-8 sequence or a UTF-16
// surrogate pair is never cut in two, and what length is reported. Every string the driver hands to an
// application (data chunks, names, info strings, messages, connection strings) goes through here.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <climits>
#include <cstddef>
#include <string_view>

namespace igodbc::driver {

enum class Encoding { Utf8, Utf16, Binary };

struct ChunkResult {
  size_t consumed = 0;     // bytes of `encoded` copied into the buffer (terminator not counted)
  bool truncated = false;  // some of `encoded` did not fit
};

// Copies as much of `encoded` (UTF-8 text, native-order UTF-16 bytes or raw bytes) as fits in `bufBytes`
// bytes of `buf`, leaving room for the terminator, and terminates text. `buf` may be null only when
// bufBytes == 0.
// `mustProgress`: for chunked SQLGetData, where a caller loops until SQL_NO_DATA — when not even one whole
// character fits, split it rather than return an empty chunk forever (the reassembled text stays exact).
ChunkResult writeChunk(std::string_view encoded, Encoding encoding, void* buf, size_t bufBytes,
                       bool mustProgress = false);

// An application's buffer for a metadata string (name, info value, message, connection string).
struct OutString {
  void* buffer = nullptr;
  SQLLEN capacity = 0;           // in characters or bytes, see capacityInBytes; never negative here
  bool wide = false;             // SQLWCHAR (W entry point) or SQLCHAR
  bool capacityInBytes = false;  // the W function counts this argument in bytes (SQLGetInfoW, ...)
};

struct StringWrite {
  SQLLEN length = 0;  // full length of the string in the buffer's units, terminator excluded
  bool truncated = false;
};

StringWrite writeString(std::string_view utf8, const OutString& out);

// Stores a length into whatever integer type the API uses for it, saturating instead of wrapping.
template <class T>
void storeLength(T* target, SQLLEN value) {
  if (!target) return;
  if constexpr (sizeof(T) < sizeof(SQLLEN)) {
    constexpr SQLLEN kMax = sizeof(T) == 2 ? SHRT_MAX : INT_MAX;
    if (value > kMax) value = kMax;
  }
  *target = static_cast<T>(value);
}

}  // namespace igodbc::driver
