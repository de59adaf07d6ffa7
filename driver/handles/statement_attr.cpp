// SQLSetStmtAttr / SQLGetStmtAttr. The row-array and parameter-array attributes are views of descriptor
// header fields (ODBC's definition), so SQLSetDescField and these can never disagree.
#include <cstdint>

#include "driver/handles/handle_registry.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

SQLULEN asULen(SQLPOINTER p) {
  return static_cast<SQLULEN>(reinterpret_cast<uintptr_t>(p));
}

SQLRETURN putULen(SQLPOINTER out, SQLINTEGER* len, SQLULEN v) {
  if (out) *static_cast<SQLULEN*>(out) = v;
  if (len) *len = sizeof(SQLULEN);
  return SQL_SUCCESS;
}

SQLRETURN putPointer(SQLPOINTER out, SQLINTEGER* len, const void* p) {
  if (out) *static_cast<const void**>(out) = p;
  if (len) *len = sizeof(SQLPOINTER);
  return SQL_SUCCESS;
}

}  // namespace

SQLRETURN Statement::setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  const SQLULEN v = asULen(value);
  // A request this driver cannot honour exactly: keep its own value and say so (01S02).
  auto changed = [&](const char* what) {
    diags.add("01S02", std::string("[instagram-odbc] Option value changed: ") + what);
    return SQL_SUCCESS_WITH_INFO;
  };
  switch (attribute) {
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
      if (v == 0) throw OdbcError("HY024", "The row array size must be at least 1");
      if (attribute == SQL_ROWSET_SIZE) {
        rowsetSize = v;
        return SQL_SUCCESS;
      }
      ard->arraySize = v;
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE:
      ard->bindType = static_cast<SQLINTEGER>(v);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
      ard->bindOffsetPtr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR:
      ird->arrayStatusPtr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR:
      ird->rowsProcessedPtr = static_cast<SQLULEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR:
      rowOperationPtr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAMSET_SIZE:
      if (v == 0) throw OdbcError("HY024", "SQL_ATTR_PARAMSET_SIZE must be at least 1");
      apd->arraySize = v;
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE:
      apd->bindType = static_cast<SQLINTEGER>(v);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
      apd->bindOffsetPtr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR:
      ipd->arrayStatusPtr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
      ipd->rowsProcessedPtr = static_cast<SQLULEN*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR:
      paramOperationPtr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
      maxRows = v;
      return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT:
      queryTimeout = v;
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH:
      maxLength = v;
      return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
      noScan = v == SQL_NOSCAN_ON ? SQL_NOSCAN_ON : SQL_NOSCAN_OFF;
      return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
      metadataId = v ? SQL_TRUE : SQL_FALSE;
      return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
      retrieveData = v == SQL_RD_OFF ? SQL_RD_OFF : SQL_RD_ON;
      return SQL_SUCCESS;
    case SQL_ATTR_KEYSET_SIZE:
      keysetSize = v;
      return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
      fetchBookmarkPtr = value;
      return SQL_SUCCESS;
    // Forward-only (streaming) and static (scroll_fetch.cpp) cursors; the others become static.
    case SQL_ATTR_CURSOR_TYPE:
      requireNoCursor();
      if (v == SQL_CURSOR_FORWARD_ONLY || v == SQL_CURSOR_STATIC) {
        cursorType = v;
        return SQL_SUCCESS;
      }
      cursorType = SQL_CURSOR_STATIC;
      return changed("keyset-driven and dynamic cursors are not supported; the cursor is static");
    case SQL_ATTR_CONCURRENCY:
      return v == SQL_CONCUR_READ_ONLY ? SQL_SUCCESS : changed("cursors are read-only");
    case SQL_ATTR_CURSOR_SCROLLABLE:
      requireNoCursor();
      cursorType = v == SQL_NONSCROLLABLE ? SQL_CURSOR_FORWARD_ONLY : SQL_CURSOR_STATIC;
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
      requireNoCursor();
      if (v == SQL_INSENSITIVE) cursorType = SQL_CURSOR_STATIC;
      return v == SQL_UNSPECIFIED || v == SQL_INSENSITIVE ? SQL_SUCCESS : changed("cursors are insensitive");
    case SQL_ATTR_SIMULATE_CURSOR:
      return v == SQL_SC_NON_UNIQUE ? SQL_SUCCESS : changed("positioned updates are not supported");
    case SQL_ATTR_USE_BOOKMARKS:
      if (v != SQL_UB_OFF) throw OdbcError("HYC00", "Bookmarks are not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
      if (v != SQL_ASYNC_ENABLE_OFF) throw OdbcError("HYC00", "Asynchronous execution is not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
      if (v != SQL_FALSE) throw OdbcError("HYC00", "Automatic population of the IPD is not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_APP_ROW_DESC:
    case SQL_ATTR_APP_PARAM_DESC: {
      const bool row = attribute == SQL_ATTR_APP_ROW_DESC;
      std::shared_ptr<Descriptor>& slot = row ? ard : apd;
      if (!value) {  // SQL_NULL_HDESC: back to the implicit descriptor
        slot = row ? implicitArd : implicitApd;
        return SQL_SUCCESS;
      }
      std::shared_ptr<Descriptor> d = findAs<Descriptor>(value);
      if (!d) throw OdbcError("HY024", "Not a descriptor handle");
      if (d.get() == (row ? implicitArd : implicitApd).get()) {
        slot = d;
        return SQL_SUCCESS;
      }
      if (d->implicit() || d->conn != conn)
        throw OdbcError("HY017", "Invalid use of an automatically allocated descriptor handle");
      slot = d;
      return SQL_SUCCESS;
    }
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
    case SQL_ATTR_ROW_NUMBER:
      throw OdbcError("HY017", "This statement attribute is read-only");
    default:
      throw OdbcError("HY092", "Unknown statement attribute " + std::to_string(attribute));
  }
}

SQLRETURN Statement::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER, SQLINTEGER* len) {
  switch (attribute) {
    case SQL_ATTR_ROW_ARRAY_SIZE:
      return putULen(value, len, ard->arraySize);
    case SQL_ROWSET_SIZE:
      return putULen(value, len, rowsetSize);
    case SQL_ATTR_ROW_BIND_TYPE:
      return putULen(value, len, static_cast<SQLULEN>(ard->bindType));
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
      return putPointer(value, len, ard->bindOffsetPtr);
    case SQL_ATTR_ROW_STATUS_PTR:
      return putPointer(value, len, ird->arrayStatusPtr);
    case SQL_ATTR_ROWS_FETCHED_PTR:
      return putPointer(value, len, ird->rowsProcessedPtr);
    case SQL_ATTR_ROW_OPERATION_PTR:
      return putPointer(value, len, rowOperationPtr);
    case SQL_ATTR_PARAMSET_SIZE:
      return putULen(value, len, apd->arraySize);
    case SQL_ATTR_PARAM_BIND_TYPE:
      return putULen(value, len, static_cast<SQLULEN>(apd->bindType));
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
      return putPointer(value, len, apd->bindOffsetPtr);
    case SQL_ATTR_PARAM_STATUS_PTR:
      return putPointer(value, len, ipd->arrayStatusPtr);
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
      return putPointer(value, len, ipd->rowsProcessedPtr);
    case SQL_ATTR_PARAM_OPERATION_PTR:
      return putPointer(value, len, paramOperationPtr);
    case SQL_ATTR_MAX_ROWS:
      return putULen(value, len, maxRows);
    case SQL_ATTR_QUERY_TIMEOUT:
      return putULen(value, len, queryTimeout);
    case SQL_ATTR_MAX_LENGTH:
      return putULen(value, len, maxLength);
    case SQL_ATTR_NOSCAN:
      return putULen(value, len, noScan);
    case SQL_ATTR_METADATA_ID:
      return putULen(value, len, metadataId);
    case SQL_ATTR_RETRIEVE_DATA:
      return putULen(value, len, retrieveData);
    case SQL_ATTR_KEYSET_SIZE:
      return putULen(value, len, keysetSize);
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
      return putPointer(value, len, fetchBookmarkPtr);
    case SQL_ATTR_CURSOR_TYPE:
      return putULen(value, len, cursorType);
    case SQL_ATTR_CONCURRENCY:
      return putULen(value, len, SQL_CONCUR_READ_ONLY);
    case SQL_ATTR_CURSOR_SCROLLABLE:
      return putULen(value, len, cursorType == SQL_CURSOR_STATIC ? SQL_SCROLLABLE : SQL_NONSCROLLABLE);
    case SQL_ATTR_CURSOR_SENSITIVITY:
      return putULen(value, len, SQL_INSENSITIVE);
    case SQL_ATTR_SIMULATE_CURSOR:
      return putULen(value, len, SQL_SC_NON_UNIQUE);
    case SQL_ATTR_USE_BOOKMARKS:
      return putULen(value, len, SQL_UB_OFF);
    case SQL_ATTR_ASYNC_ENABLE:
      return putULen(value, len, SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_ENABLE_AUTO_IPD:
      return putULen(value, len, SQL_FALSE);
    case SQL_ATTR_ROW_NUMBER:
      if (state != State::Cursor || !rowValid)
        throw OdbcError("24000", "Invalid cursor state: no current row");
      return putULen(value, len, currentRowNumber());
    case SQL_ATTR_APP_ROW_DESC:
      return putPointer(value, len, static_cast<Handle*>(ard.get()));
    case SQL_ATTR_APP_PARAM_DESC:
      return putPointer(value, len, static_cast<Handle*>(apd.get()));
    case SQL_ATTR_IMP_ROW_DESC:
      return putPointer(value, len, static_cast<Handle*>(ird.get()));
    case SQL_ATTR_IMP_PARAM_DESC:
      return putPointer(value, len, static_cast<Handle*>(ipd.get()));
    default:
      throw OdbcError("HY092", "Unknown statement attribute " + std::to_string(attribute));
  }
}

}  // namespace igodbc::driver
