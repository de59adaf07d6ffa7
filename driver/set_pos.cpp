// SQLSetPos: cursors are read-only, so the one operation is SQL_POSITION, which picks the row of the
// current rowset that SQLGetData reads (SQL_GETDATA_EXTENSIONS has SQL_GD_BLOCK). Both cursor kinds can:
// a static cursor keeps its rows, a forward-only one copies the rowset's rows it steps past.
#include "driver/statement.h"

namespace igodbc::driver {

SQLRETURN Statement::setPos(SQLULEN rowNumber, SQLUSMALLINT operation, SQLUSMALLINT lockType) {
  if (state == State::NeedData)
    throw OdbcError("HY010", "Function sequence error: the statement is waiting for SQLParamData/SQLPutData");
  if (state != State::Cursor || !rowValid)
    throw OdbcError("24000",
                    "Invalid cursor state: no rowset has been fetched; call SQLFetch or SQLFetchScroll");
  switch (operation) {
    case SQL_POSITION:
      break;
    case SQL_REFRESH:
    case SQL_UPDATE:
    case SQL_DELETE:
    case SQL_ADD:
      throw OdbcError("HYC00",
                      "Optional feature not implemented: cursors are read-only, so SQLSetPos "
                      "supports SQL_POSITION only");
    default:
      throw OdbcError("HY092", "Invalid SQLSetPos operation " + std::to_string(operation));
  }
  if (lockType != SQL_LOCK_NO_CHANGE)
    throw OdbcError("HYC00", "Optional feature not implemented: only SQL_LOCK_NO_CHANGE is supported");
  if (rowNumber > rowsInRowset)
    throw OdbcError("HY107",
                    "Row value out of range: the rowset holds " + std::to_string(rowsInRowset) + " rows");
  if (rowNumber == 0)
    throw OdbcError("HY109", "Invalid cursor position: SQL_POSITION needs one row of the rowset (1 to " +
                                 std::to_string(rowsInRowset) + ")");
  rowPosition = rowNumber - 1;
  partial = PartialValue{};
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
