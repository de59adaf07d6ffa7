// SQLFetchScroll. A forward-only cursor only moves to the next rowset (fetch.cpp). A static cursor keeps
// every row it reads (rows are read only as far as the requested rowset needs, except for SQL_FETCH_LAST
// and positions counted from the end), so it can move anywhere by the ODBC positioning rules
// (scroll_position.h). Having these cursors is also what keeps unixODBC's cursor library away: the driver
// manager loads it under its default SQL_CUR_USE_IF_NEEDED when SQL_STATIC_CURSOR_ATTRIBUTES1 lacks
// SQL_CA1_ABSOLUTE, and that library crashes on data-at-execution parameters (PHP PDO_ODBC's only kind).
#include "driver/handles/statement.h"
#include "driver/results/scroll_position.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

bool Statement::keepNextRow() {
  if (!advance()) return false;
  keptRows.emplace_back();
  copyLiveRow(keptRows.back());
  return true;
}

SQLRETURN Statement::fetchScroll(SQLSMALLINT orientation, SQLLEN offset) {
  if (state != State::Cursor)
    throw OdbcError("24000", "Invalid cursor state: no result set is open; execute a query first");
  if (!staticCursor) {
    if (orientation != SQL_FETCH_NEXT)
      throw OdbcError("HY106",
                      "Fetch type out of range: this cursor is forward-only (SQL_FETCH_NEXT only); set "
                      "SQL_ATTR_CURSOR_TYPE to SQL_CURSOR_STATIC before executing to scroll");
    return fetch();
  }
  if (cursorFailed)
    throw OdbcError("HY000", "The previous fetch failed; close the cursor and execute the statement again");
  partial.reset();
  extendedFetchStatus = nullptr;
  rowValid = false;
  rowPosition = 0;
  const SQLULEN rowset = ard->arraySize ? ard->arraySize : 1;
  const ResultRows rows{[this](SQLULEN n) {
                          while (keptRows.size() < n && keepNextRow()) {
                          }
                          return keptRows.size() >= n;
                        },
                        [this] {
                          while (keepNextRow()) {
                          }
                          return static_cast<SQLULEN>(keptRows.size());
                        }};
  ScrollTarget target;
  try {
    target = scrollTarget(orientation, offset, scrollStart, rowset, lastRowsetSize, rows);
  } catch (...) {
    finishRowset(0, rowset);
    throw;
  }
  scrollStart = target.start;
  lastRowsetSize = rowset;
  if (target.start <= 0) {
    finishRowset(0, rowset);
    return SQL_NO_DATA;
  }
  if (target.partialAtStart)
    diags.add("01S06", sql::prefixed("Attempt to fetch before the result set returned the first rowset; the "
                                     "rowset starts at row 1"));
  const auto first = static_cast<SQLULEN>(target.start);
  SQLULEN fetched = 0;
  bool anyError = false;
  try {
    for (; fetched < rowset && rows.exists(first + fetched); ++fetched) {
      bool warning = false, error = false;
      if (retrieveData == SQL_RD_ON) writeBoundRow(fetched, &keptRows[first - 1 + fetched], warning, error);
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
  rowsetFirstRow = first;
  rowValid = true;
  if (anyError && rowset == 1) return SQL_ERROR;
  return diags.success();
}

SQLRETURN Statement::extendedFetch(SQLSMALLINT orientation, SQLLEN offset, SQLULEN* rowCount,
                                   SQLUSMALLINT* rowStatus) {
  // The ODBC 3 fields stay the application's: they are swapped in for this call only.
  struct Restore {
    Descriptor& ard;
    Descriptor& ird;
    SQLULEN arraySize;
    SQLULEN* processed;
    SQLUSMALLINT* status;
    ~Restore() {
      ard.arraySize = arraySize;
      ird.rowsProcessedPtr = processed;
      ird.arrayStatusPtr = status;
    }
  } restore{*ard, *ird, ard->arraySize, ird->rowsProcessedPtr, ird->arrayStatusPtr};
  ard->arraySize = rowsetSize ? rowsetSize : 1;
  ird->rowsProcessedPtr = rowCount;
  ird->arrayStatusPtr = rowStatus;
  const SQLRETURN rc = fetchScroll(orientation, offset);
  extendedFetchStatus = rowStatus;
  return rc;
}

}  // namespace igodbc::driver
