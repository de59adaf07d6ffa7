// SQLSetPos. Cursors are read-only (SQL_ATTR_CONCURRENCY is always SQL_CONCUR_READ_ONLY), so the operations
// are SQL_POSITION, which picks the row of the current rowset that SQLGetData reads (SQL_GETDATA_EXTENSIONS
// has SQL_GD_BLOCK), and SQL_REFRESH, which writes the cursor's copy of the row(s) back into the bound
// buffers. Both cursor kinds can: a static cursor keeps its rows, a forward-only one copies the rowset's rows
// it steps past and still has the last one as SQLite's current row.
#include "driver/handles/statement.h"

namespace igodbc::driver {

SQLRETURN Statement::setPos(SQLULEN rowNumber, SQLUSMALLINT operation, SQLUSMALLINT lockType) {
  if (state == State::NeedData)
    throw OdbcError("HY010", "Function sequence error: the statement is waiting for SQLParamData/SQLPutData");
  if (state != State::Cursor || !rowValid)
    throw OdbcError("24000",
                    "Invalid cursor state: no rowset has been fetched; call SQLFetch or SQLFetchScroll");
  switch (operation) {
    case SQL_POSITION:
    case SQL_REFRESH:
      break;
    case SQL_UPDATE:
    case SQL_DELETE:
    case SQL_ADD:
      // The SQLSetPos rule for SQL_ATTR_CONCURRENCY = SQL_CONCUR_READ_ONLY, the only concurrency there is.
      throw OdbcError("HY092",
                      "Invalid attribute/option identifier: cursors are read-only (SQL_CONCUR_READ_ONLY), so "
                      "SQLSetPos cannot update, delete or add rows; use UPDATE, INSERT or DELETE statements");
    default:
      throw OdbcError("HY092", "Invalid SQLSetPos operation " + std::to_string(operation));
  }
  if (lockType != SQL_LOCK_NO_CHANGE)
    throw OdbcError("HYC00", "Optional feature not implemented: only SQL_LOCK_NO_CHANGE is supported");
  if (rowNumber > rowsInRowset)
    throw OdbcError("HY107",
                    "Row value out of range: the rowset holds " + std::to_string(rowsInRowset) + " rows");
  if (operation == SQL_REFRESH) return refreshRowset(rowNumber);
  if (rowNumber == 0)
    throw OdbcError("HY109", "Invalid cursor position: SQL_POSITION needs one row of the rowset (1 to " +
                                 std::to_string(rowsInRowset) + ")");
  rowPosition = rowNumber - 1;
  partial.reset();
  return SQL_SUCCESS;
}

// SQL_REFRESH re-copies rows from the cursor's own copy, never from Instagram: a static cursor is insensitive
// (it does not see changes made after its rows were read), and a forward-only cursor's rowset is what it kept
// for SQLGetData. RowNumber 0 refreshes every row of the rowset except those the row operation array
// (SQL_ATTR_ROW_OPERATION_PTR) marks SQL_ROW_IGNORE; the cursor is then on that row, or on the first row.
SQLRETURN Statement::refreshRowset(SQLULEN rowNumber) {
  partial.reset();
  const SQLULEN first = rowNumber == 0 ? 0 : rowNumber - 1;
  const SQLULEN end = rowNumber == 0 ? rowsInRowset : rowNumber;
  SQLUSMALLINT* status = extendedFetchStatus ? extendedFetchStatus : ird->arrayStatusPtr;
  SQLULEN refreshed = 0, errors = 0;
  for (SQLULEN k = first; k < end; ++k) {
    if (rowNumber == 0 && rowOperationPtr && rowOperationPtr[k] == SQL_ROW_IGNORE) continue;
    bool warning = false, error = false;
    if (retrieveData == SQL_RD_ON) writeBoundRow(k, rowsetRow(k), warning, error);
    ++refreshed;
    if (error) ++errors;
    if (status) status[k] = error ? SQL_ROW_ERROR : warning ? SQL_ROW_SUCCESS_WITH_INFO : SQL_ROW_SUCCESS;
  }
  // The IRD's rows-processed field counts the rows a bulk SQLSetPos operation affected.
  if (rowNumber == 0 && ird->rowsProcessedPtr) *ird->rowsProcessedPtr = refreshed;
  rowPosition = first;
  // An error in some rows of a bulk refresh is a warning; in the only row(s) refreshed, an error.
  if (errors > 0 && errors == refreshed) return SQL_ERROR;
  return diags.success();
}

}  // namespace igodbc::driver
