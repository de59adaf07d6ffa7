// SQLFetch / SQLFetchScroll(SQL_FETCH_NEXT) on a forward-only cursor: a rowset of ARD.arraySize rows, one
// SQLite step per row, each written into the bound buffers (column-wise or row-wise) with per-row status.
// The rows of a multi-row rowset are copied (SQLite moves past them), so SQLSetPos + SQLGetData can read any.
#include <algorithm>

#include "driver/convert/out_string.h"
#include "driver/handles/statement.h"
#include "driver/results/binding.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

void addCellDiag(Diagnostics& d, const std::string& state, const std::string& message, SQLULEN row,
                 int column) {
  DiagRecord r;
  r.sqlstate = state;
  r.message = sql::prefixed(message);
  r.rowNumber = static_cast<SQLLEN>(row + 1);
  r.columnNumber = column;
  d.add(std::move(r));
}

}  // namespace

bool Statement::advance() {
  if (cursorDone) return false;
  if (maxRows && rowsSeen >= maxRows) {
    cursorDone = true;
    return false;
  }
  if (pendingRow) {
    pendingRow = false;
  } else {
    bool has;
    try {
      has = step();
    } catch (...) {
      // SQLite has reset the statement: stepping again would silently restart the query.
      cursorFailed = cursorDone = true;
      collectWarnings();
      throw;
    }
    collectWarnings();
    if (!has) {
      cursorDone = true;
      return false;
    }
  }
  ++rowsSeen;
  return true;
}

void Statement::writeBoundRow(SQLULEN row, const OwnedRow* source, bool& warning, bool& error) {
  const int columns = std::min<int>(columnCount(), ard->count());
  NumberText number;
  std::string& spill = conversionSpill;  // hex digits and UTF-16, reused from row to row
  for (int c = 1; c <= columns; ++c) {
    const DescRecord& rec = ard->records[static_cast<size_t>(c - 1)];
    if (!rec.bound()) continue;
    try {
      const SQLSMALLINT sqlType = ird->records[static_cast<size_t>(c - 1)].conciseType;
      const SQLSMALLINT cType = resolveCType(rec.conciseType, sqlType);
      const bool variable = isVariableCType(cType);
      char* data =
          boundData(*ard, rec, row, variable ? static_cast<size_t>(rec.octetLength) : fixedCTypeSize(cType));
      SQLLEN* ind = boundLength(*ard, rec.indicatorPtr, row);
      SQLLEN* len = boundLength(*ard, rec.octetLengthPtr, row);
      const Cell v = rowCell(source, c - 1);
      if (v.type == sql::ValueType::Null) {
        if (!ind)
          throw ConvertError("22002", "Indicator variable required but not supplied for a NULL value");
        storeLengthAt(ind, SQL_NULL_DATA);
        continue;
      }
      SQLLEN length;
      if (variable) {
        // Formatted once, into `number` or `spill`; text goes from SQLite's row (or the copy) to the buffer.
        const std::string_view whole = encodeVariableInto(v, cType, number, spill);
        if (data) requireWholeDigitsFit(number, v, sqlType, cType, rec.octetLength);
        const std::string_view encoded = whole.substr(0, maxLengthKeep(whole, sqlType, cType, maxLength));
        length = static_cast<SQLLEN>(encoded.size());
        if (data) {
          Encoding enc = cType == SQL_C_CHAR    ? Encoding::Utf8
                         : cType == SQL_C_WCHAR ? Encoding::Utf16
                                                : Encoding::Binary;
          if (writeChunk(encoded, enc, data, rec.octetLength > 0 ? static_cast<size_t>(rec.octetLength) : 0)
                  .truncated) {
            addCellDiag(diags, "01004", "String data, right truncated: the bound buffer is too small", row,
                        c);
            warning = true;
          }
        }
      } else {
        length = static_cast<SQLLEN>(fixedCTypeSize(cType));
        if (data) {
          if (const char* w = convertFixed(v, sqlType, cType, data)) {
            addCellDiag(diags, w, "Fractional truncation", row, c);
            warning = true;
          }
        }
      }
      if (len) storeLengthAt(len, length);
      if (ind && ind != len) storeLengthAt(ind, len ? 0 : length);
    } catch (const ConvertError& e) {
      addCellDiag(diags, e.sqlstate, e.what(), row, c);
      error = true;
    }
  }
}

void Statement::finishRowset(SQLULEN fetched, SQLULEN rowset) {
  rowsInRowset = fetched;
  if (ird->rowsProcessedPtr) *ird->rowsProcessedPtr = fetched;
  if (ird->arrayStatusPtr)
    for (SQLULEN k = fetched; k < rowset; ++k) ird->arrayStatusPtr[k] = SQL_ROW_NOROW;
}

SQLRETURN Statement::fetch() {
  if (state != State::Cursor)
    throw OdbcError("24000", "Invalid cursor state: no result set is open; execute a query first");
  if (staticCursor) return fetchScroll(SQL_FETCH_NEXT, 0);
  extendedFetchStatus = nullptr;
  if (cursorFailed)
    throw OdbcError("HY000", "The previous fetch failed; close the cursor and execute the statement again");
  partial.reset();
  rowsetCopyCount = 0;
  rowValid = false;
  rowPosition = 0;
  const SQLULEN rowset = ard->arraySize ? ard->arraySize : 1;
  rowsetFirstRow = rowsSeen + 1;
  SQLULEN fetched = 0;
  bool anyError = false;
  try {
    for (; fetched < rowset; ++fetched) {
      if (!advance()) break;
      // SQLite keeps only its current row, and SQLSetPos + SQLGetData may read any row of the rowset: in a
      // rowset of several rows, each is copied as soon as it is read (into storage reused from rowset to
      // rowset), and the bound buffers are filled from that copy, so SQLite is asked for each value once.
      const OwnedRow* source = nullptr;
      if (rowset > 1) {
        if (rowsetCopies.size() <= rowsetCopyCount) rowsetCopies.emplace_back();
        copyLiveRow(rowsetCopies[rowsetCopyCount]);
        source = &rowsetCopies[rowsetCopyCount++];
      }
      bool warning = false, error = false;
      if (retrieveData == SQL_RD_ON) writeBoundRow(fetched, source, warning, error);
      anyError = anyError || error;
      if (ird->arrayStatusPtr)
        ird->arrayStatusPtr[fetched] = error     ? SQL_ROW_ERROR
                                       : warning ? SQL_ROW_SUCCESS_WITH_INFO
                                                 : SQL_ROW_SUCCESS;
    }
  } catch (...) {
    finishRowset(fetched, rowset);
    throw;
  }
  finishRowset(fetched, rowset);
  if (fetched == 0) return SQL_NO_DATA;
  rowValid = true;
  if (anyError && rowset == 1) return SQL_ERROR;
  return diags.success();
}

}  // namespace igodbc::driver
