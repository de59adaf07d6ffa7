// SQLGetData: any column, any order, bound or not, also inside a block cursor (it reads the row SQLSetPos
// positioned on, the rowset's first row by default). Character and binary values come out in pieces: each
// piece reports the full remaining length with 01004, and the call after the last piece answers SQL_NO_DATA.
#include "driver/convert/out_string.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

SQLRETURN Statement::getData(SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target, SQLLEN bufferLength,
                             SQLLEN* indicator) {
  if (state != State::Cursor || !rowValid)
    throw OdbcError("24000", "Invalid cursor state: there is no current row; call SQLFetch first");
  if (column == 0) throw OdbcError("07009", "Column 0 is the bookmark column, and bookmarks are off");
  if (column > columnCount())
    throw OdbcError("07009", "Invalid column number " + std::to_string(column) + ": the result has " +
                                 std::to_string(columnCount()) + " columns");
  if (bufferLength < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(bufferLength));
  const int col = column;
  const SQLSMALLINT sqlType = ird->records[static_cast<size_t>(col - 1)].conciseType;
  if (cType == SQL_ARD_TYPE)
    cType = col <= ard->count() ? ard->records[static_cast<size_t>(col - 1)].conciseType : SQL_C_DEFAULT;
  const SQLSMALLINT t = resolveCType(cType, sqlType);
  if (partial.column != col || partial.cType != t) partial.reset(col, t);
  const bool variable = isVariableCType(t);
  const Cell v = cell(col - 1);
  if (v.type == sql::ValueType::Null) {
    if (variable && partial.finished) return SQL_NO_DATA;
    if (!indicator) throw OdbcError("22002", "Indicator variable required but not supplied for a NULL value");
    *indicator = SQL_NULL_DATA;
    partial.finished = variable;
    return SQL_SUCCESS;
  }
  try {
    if (variable) {
      if (!target && bufferLength > 0)
        throw OdbcError("HY009", "Invalid use of null pointer: no target buffer");
      if (!partial.loaded && !partial.finished) {
        // Formatted once, without copying text: a value that fits is written straight into the buffer; only
        // one handed out in pieces is kept (in `partial`) for the calls that follow.
        NumberText number;
        const std::string_view whole = encodeVariableInto(v, t, number, conversionSpill);
        if (target) requireWholeDigitsFit(number, v, sqlType, t, bufferLength);
        const std::string_view encoded = whole.substr(0, maxLengthKeep(whole, sqlType, t, maxLength));
        const size_t terminator = t == SQL_C_CHAR ? 1 : t == SQL_C_WCHAR ? 2 : 0;
        if (target && encoded.size() + terminator <= static_cast<size_t>(bufferLength)) {
          writeChunk(encoded,
                     t == SQL_C_CHAR    ? Encoding::Utf8
                     : t == SQL_C_WCHAR ? Encoding::Utf16
                                        : Encoding::Binary,
                     target, static_cast<size_t>(bufferLength));
          partial.finished = true;
          if (indicator) *indicator = static_cast<SQLLEN>(encoded.size());
          return diags.success();
        }
        partial.encoded.assign(encoded.data(), encoded.size());
        partial.loaded = true;
      }
      Chunk chunk = nextChunk(partial, target, bufferLength);
      if (chunk.status == ChunkStatus::NoData) return SQL_NO_DATA;
      if (indicator) *indicator = chunk.indicator;
      if (chunk.status == ChunkStatus::Truncated) {
        DiagRecord r;
        r.sqlstate = "01004";
        r.message = sql::prefixed("String data, right truncated: call SQLGetData again for the rest");
        r.rowNumber = static_cast<SQLLEN>(rowPosition + 1);
        r.columnNumber = col;
        diags.add(std::move(r));
      }
      return diags.success();
    }
    if (!target) throw OdbcError("HY009", "Invalid use of null pointer: no target buffer");
    const char* warning = convertFixed(v, sqlType, t, target);
    if (indicator) *indicator = static_cast<SQLLEN>(fixedCTypeSize(t));
    if (warning) diags.add(warning, sql::prefixed("Fractional truncation"));
    return diags.success();
  } catch (const ConvertError& e) {
    DiagRecord r;
    r.sqlstate = e.sqlstate;
    r.message = sql::prefixed(e.what());
    r.rowNumber = static_cast<SQLLEN>(rowPosition + 1);
    r.columnNumber = col;
    diags.add(std::move(r));
    return SQL_ERROR;
  }
}

}  // namespace igodbc::driver
