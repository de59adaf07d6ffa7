// Converting one result value into the C type an application asked for (SQLGetData, SQLBindCol), following
// ODBC's "Converting Data from SQL to C Data Types" tables. Pure: no handles, no SQLite; the caller turns a
// ConvertError into a diagnostic record.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "driver/convert/number_text.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

// One value of the current row, as SQLite holds it. `bytes` (text/blob) is only valid while the row is.
struct Cell {
  sql::ValueType type = sql::ValueType::Null;
  int64_t i = 0;
  double d = 0;
  std::string_view bytes;
};

class ConvertError : public std::runtime_error {
 public:
  ConvertError(std::string state, const std::string& message)
      : std::runtime_error(message), sqlstate(std::move(state)) {}
  std::string sqlstate;  // 22003, 22018, 22007, 07006, HY003
};

// The C type SQL_C_DEFAULT stands for, given the column's ODBC 3 SQL type.
SQLSMALLINT defaultCType(SQLSMALLINT sqlType);
// SQL_C_DEFAULT resolved, ODBC 2 aliases (SQL_C_LONG, SQL_C_TIMESTAMP...) mapped to their ODBC 3 twins.
// Throws ConvertError(HY003) for a value that is not a C type at all.
SQLSMALLINT resolveCType(SQLSMALLINT cType, SQLSMALLINT sqlType);
// CHAR, WCHAR and BINARY: data that may arrive in several chunks.
bool isVariableCType(SQLSMALLINT resolvedCType);
// SQL_CHAR … SQL_WLONGVARCHAR and SQL_BINARY … SQL_LONGVARBINARY: the SQL types whose values have a length.
inline bool isCharacterOrBinarySqlType(SQLSMALLINT sqlType) {
  switch (sqlType) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
      return true;
    default:
      return false;
  }
}
// Bytes a fixed-size C type occupies (0 for variable types).
size_t fixedCTypeSize(SQLSMALLINT resolvedCType);

// Fixed-size conversion into `target` (fixedCTypeSize bytes). Returns "01S07" when fractional digits or a
// time of day were dropped, else nullptr. Throws ConvertError. `cell` must not be NULL.
const char* convertFixed(const Cell& cell, SQLSMALLINT sqlType, SQLSMALLINT resolvedCType, void* target);

// The whole value in the encoding of a variable C type: UTF-8 for SQL_C_CHAR, native UTF-16 bytes for
// SQL_C_WCHAR, raw bytes for SQL_C_BINARY. `cell` must not be NULL.
std::string encodeVariable(const Cell& cell, SQLSMALLINT sqlType, SQLSMALLINT resolvedCType);

// encodeVariable without copying: a view of the cell's own bytes (text and blobs, or a number's bytes for
// SQL_C_BINARY), of `number` (a number as SQL_C_CHAR), or of `spill` (hex digits, UTF-16). Valid while
// `cell`, `number` and `spill` are. For a number converted to SQL_C_CHAR or SQL_C_WCHAR, `number` holds its
// text afterwards (what the numeric rule below checks); otherwise its size is 0. Formats each value once.
std::string_view encodeVariableInto(const Cell& cell, SQLSMALLINT resolvedCType, NumberText& number,
                                    std::string& spill);

// ODBC's numeric -> character rule: a buffer that cannot hold the whole-number part (sign and the digits
// before the decimal point; the whole text of an exponent form) fails with 22003 instead of truncating with
// 01004. `bufferLength` is in bytes as the application passed it; 0 only asks for the length, so passes.
void requireWholeDigitsFit(const Cell& cell, SQLSMALLINT sqlType, SQLSMALLINT resolvedCType,
                           SQLLEN bufferLength);
// The same rule for a value whose text is already known (`number` from encodeVariableInto).
void requireWholeDigitsFit(const NumberText& number, const Cell& cell, SQLSMALLINT sqlType,
                           SQLSMALLINT resolvedCType, SQLLEN bufferLength);

// SQL_ATTR_MAX_LENGTH: a character or binary column hands out at most `maxLength` bytes (0: no limit), cut
// silently (no 01004) and never inside a UTF-8 sequence or a UTF-16 surrogate pair. Other columns untouched.
void applyMaxLength(std::string& encoded, SQLSMALLINT sqlType, SQLSMALLINT resolvedCType, SQLULEN maxLength);
// The same cut on a view: how many bytes of `encoded` to keep.
size_t maxLengthKeep(std::string_view encoded, SQLSMALLINT sqlType, SQLSMALLINT resolvedCType,
                     SQLULEN maxLength);

// Text form of a double, as SQL_C_CHAR shows it: the fewest digits that read back to the same value
// (formatDoubleTo in number_text.h, which writes it without allocating).
std::string formatDouble(double v);

// SQLGetData's progress through one column of the current row: the encoded value and how much of it has
// been handed out. Reset when the row or the column changes.
struct PartialValue {
  int column = -1;
  SQLSMALLINT cType = 0;
  bool loaded = false;  // `encoded` holds the value
  std::string encoded;
  size_t offset = 0;
  bool finished = false;
  // Back to "nothing handed out" for `column`, keeping the buffer's capacity (one allocation per statement
  // rather than one per long value).
  void reset(int col = -1, SQLSMALLINT type = 0) {
    column = col;
    cType = type;
    loaded = false;
    encoded.clear();
    offset = 0;
    finished = false;
  }
};

enum class ChunkStatus { Complete, Truncated, NoData };
struct Chunk {
  ChunkStatus status = ChunkStatus::Complete;
  SQLLEN indicator = 0;  // bytes remaining from this chunk's start (the full remaining length, ODBC rule)
};

// Hands out the next piece of `pv.encoded` into `buf`. After the piece that completes the value, the next
// call answers NoData.
Chunk nextChunk(PartialValue& pv, void* buf, SQLLEN bufLen);

}  // namespace igodbc::driver
