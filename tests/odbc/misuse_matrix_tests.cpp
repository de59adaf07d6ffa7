// The ODBC misuse matrix: null and wrong-type handles, invalid lengths, calls out of order, unsupported
// options. Every case answers the standard SQLSTATE (whichever of the driver manager and the driver sees it
// first) and nothing crashes; the `asan` label runs this under ASan/UBSan.
#include <catch2/catch.hpp>
#include <string>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

void expectError(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE h, const char* state) {
  INFO("expected " << state << ", got rc " << rc << ": " << diagnostics(type, h));
  CHECK(rc == SQL_ERROR);
  CHECK(sqlState(type, h) == state);
}

}  // namespace

TEST_CASE("misuse: null and wrong-type handles", "[misuse]") {
  Env e;
  CHECK(SQLExecDirect(SQL_NULL_HSTMT, (SQLCHAR*)"SELECT 1", SQL_NTS) == SQL_INVALID_HANDLE);
  CHECK(SQLFetch(SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
  CHECK(SQLGetInfo(SQL_NULL_HDBC, SQL_DRIVER_NAME, nullptr, 0, nullptr) == SQL_INVALID_HANDLE);
  CHECK(SQLFreeHandle(SQL_HANDLE_STMT, SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
  CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, SQL_NULL_HSTMT, 1, nullptr, nullptr, nullptr, 0, nullptr) ==
        SQL_INVALID_HANDLE);
  // A connection handle where a statement is expected.
  CHECK(SQLFetch(static_cast<SQLHSTMT>(e.dbc)) == SQL_INVALID_HANDLE);
  CHECK(SQLAllocHandle(99, e.dbc, nullptr) != SQL_SUCCESS);
}

TEST_CASE("misuse: calls out of order are HY010 or 24000", "[misuse]") {
  Env e;
  SQLHSTMT st = e.statement();
  expectError(SQLExecute(st), SQL_HANDLE_STMT, st, "HY010");  // nothing prepared
  SQLPOINTER token;
  expectError(SQLParamData(st, &token), SQL_HANDLE_STMT, st, "HY010");
  expectError(SQLPutData(st, (SQLPOINTER) "x", 1), SQL_HANDLE_STMT, st, "HY010");
  expectError(SQLCloseCursor(st), SQL_HANDLE_STMT, st, "24000");
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 1", SQL_NTS));
  // A second statement while the cursor is open.
  expectError(SQLExecDirect(st, (SQLCHAR*)"SELECT 2", SQL_NTS), SQL_HANDLE_STMT, st, "24000");
  expectError(SQLTables(st, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0), SQL_HANDLE_STMT, st, "24000");
  // (unixODBC resets its own state after those errors, so start the cursor again.)
  SQLFreeStmt(st, SQL_CLOSE);
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 1", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  CHECK(SQLFetch(st) == SQL_NO_DATA);
  SQLINTEGER v;
  SQLLEN ind;
  CHECK(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind) == SQL_ERROR);  // past the end: no current row
  std::string state = sqlState(SQL_HANDLE_STMT, st);
  CHECK((state == "24000" || state == "HY010"));
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("misuse: column and parameter numbers out of range", "[misuse]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 1 AS a, 'x' AS b", SQL_NTS));
  SQLCHAR name[32];
  SQLSMALLINT len, type, digits, nullable;
  SQLULEN size;
  expectError(SQLDescribeCol(st, 3, name, sizeof name, &len, &type, &size, &digits, &nullable),
              SQL_HANDLE_STMT, st, "07009");
  ODBC_OK(SQLFetch(st));
  SQLINTEGER v;
  SQLLEN ind;
  expectError(SQLGetData(st, 0, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st, "07009");  // no bookmarks
  expectError(SQLGetData(st, 9, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st, "07009");
  expectError(SQLGetData(st, 1, 9999, &v, 0, &ind), SQL_HANDLE_STMT, st, "HY003");
  SQLFreeStmt(st, SQL_CLOSE);
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"SELECT ?", SQL_NTS));
  expectError(SQLExecute(st), SQL_HANDLE_STMT, st, "07002");  // the parameter is not bound
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("misuse: invalid buffer lengths and values", "[misuse]") {
  Env e;
  SQLHSTMT st = e.statement();
  SQLCHAR buf[16];
  expectError(SQLBindCol(st, 1, SQL_C_CHAR, buf, -5, nullptr), SQL_HANDLE_STMT, st, "HY090");
  SQLSMALLINT len;
  expectError(SQLGetInfo(e.dbc, SQL_DRIVER_NAME, buf, -1, &len), SQL_HANDLE_DBC, e.dbc, "HY090");
  expectError(SQLGetInfo(e.dbc, 65000, buf, sizeof buf, &len), SQL_HANDLE_DBC, e.dbc, "HY096");
  expectError(SQLExecDirect(st, nullptr, SQL_NTS), SQL_HANDLE_STMT, st, "HY009");
  expectError(SQLExecDirect(st, (SQLCHAR*)"SELECT 1", -7), SQL_HANDLE_STMT, st, "HY090");
  // A truncated string is 01004 with the full length, never an overrun.
  SQLCHAR tiny[4];
  SQLINTEGER outLen = 0;
  CHECK(SQLNativeSql(e.dbc, (SQLCHAR*)"SELECT 12345", SQL_NTS, tiny, sizeof tiny, &outLen) ==
        SQL_SUCCESS_WITH_INFO);
  CHECK(sqlState(SQL_HANDLE_DBC, e.dbc) == "01004");
  CHECK(outLen == 12);
  // Cursor names: bad lengths, and names no statement may take.
  // unixODBC answers a negative name length with HY009 before the driver sees it; the standard says HY090.
  CHECK(SQLSetCursorName(st, (SQLCHAR*)"c1", -9) == SQL_ERROR);
  const std::string lengthState = sqlState(SQL_HANDLE_STMT, st);
  CHECK((lengthState == "HY090" || lengthState == "HY009"));
  expectError(SQLGetCursorName(st, buf, -1, &len), SQL_HANDLE_STMT, st, "HY090");
  expectError(SQLSetCursorName(st, (SQLCHAR*)"", SQL_NTS), SQL_HANDLE_STMT, st, "34000");
  const std::string longName(129, 'c');
  expectError(SQLSetCursorName(st, (SQLCHAR*)longName.c_str(), SQL_NTS), SQL_HANDLE_STMT, st, "34000");
  expectError(SQLSetCursorName(st, (SQLCHAR*)"sqlcur_mine", SQL_NTS), SQL_HANDLE_STMT, st, "34000");
  // Two statements never share a generated name, and a set name is not mistaken for one of them.
  SQLHSTMT st2 = e.statement();
  SQLCHAR n1[32], n2[32];
  ODBC_OK(SQLGetCursorName(st, n1, sizeof n1, &len));
  ODBC_OK(SQLGetCursorName(st2, n2, sizeof n2, &len));
  CHECK(std::string((char*)n1) != std::string((char*)n2));
  expectError(SQLSetCursorName(st2, n1, SQL_NTS), SQL_HANDLE_STMT, st2, "34000");
  // SQLColumnPrivileges needs a table name; SQLTablePrivileges does not.
  expectError(SQLColumnPrivileges(st2, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0), SQL_HANDLE_STMT, st2,
              "HY009");
  ODBC_OK(SQLTablePrivileges(st2, nullptr, 0, nullptr, 0, nullptr, 0));
  SQLSMALLINT cols = 0;
  ODBC_OK(SQLNumResultCols(st2, &cols));
  CHECK(cols == 7);
  CHECK(SQLFetch(st2) == SQL_NO_DATA);
  SQLFreeHandle(SQL_HANDLE_STMT, st2);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("misuse: unsupported options are refused cleanly", "[misuse]") {
  Env e;
  SQLHSTMT st = e.statement();
  expectError(SQLSetStmtAttr(st, 31337, (SQLPOINTER)1, 0), SQL_HANDLE_STMT, st, "HY092");
  expectError(SQLSetConnectAttr(e.dbc, 31337, (SQLPOINTER)1, 0), SQL_HANDLE_DBC, e.dbc, "HY092");
  SQLRETURN rc = SQLSetStmtAttr(st, SQL_ATTR_ASYNC_ENABLE, (SQLPOINTER)SQL_ASYNC_ENABLE_ON, 0);
  CHECK(rc == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYC00");
  // A cursor type the driver cannot give is downgraded with 01S02, and the attribute says what it got.
  rc = SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_DYNAMIC, 0);
  CHECK(rc == SQL_SUCCESS_WITH_INFO);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "01S02");
  SQLULEN cursor = 0;
  ODBC_OK(SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &cursor, 0, nullptr));
  CHECK(cursor != SQL_CURSOR_DYNAMIC);
  expectError(SQLEndTran(SQL_HANDLE_DBC, e.dbc, 77), SQL_HANDLE_DBC, e.dbc, "HY012");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
