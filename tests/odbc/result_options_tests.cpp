// Result options through the driver manager: the numeric -> character truncation rule (22003 vs 01004),
// SQL_ATTR_MAX_LENGTH, and parameter arrays on a SELECT (one result set per parameter set).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

void exec(SQLHSTMT st, const std::string& sql) {
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS);
  INFO(sql << "\n" << diagnostics(SQL_HANDLE_STMT, st));
  REQUIRE(SQL_SUCCEEDED(rc));
  SQLFreeStmt(st, SQL_CLOSE);
}

std::vector<long> column1(SQLHSTMT st) {
  std::vector<long> out;
  SQLRETURN rc;
  while ((rc = SQLFetch(st)) != SQL_NO_DATA) {
    INFO(diagnostics(SQL_HANDLE_STMT, st));
    REQUIRE(SQL_SUCCEEDED(rc));
    SQLINTEGER v = 0;
    ODBC_OK(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, nullptr));
    out.push_back(v);
  }
  return out;
}

}  // namespace

TEST_CASE("numbers into small character buffers: 22003 for whole digits, 01004 for the fraction",
          "[convert]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT CAST(12345 AS INTEGER), CAST(123.25 AS DOUBLE)", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  char buf[8];
  SQLLEN ind = 0;
  CHECK(SQLGetData(st, 1, SQL_C_CHAR, buf, 5, &ind) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "22003");
  CHECK(SQLGetData(st, 2, SQL_C_CHAR, buf, 5, &ind) == SQL_SUCCESS_WITH_INFO);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "01004");
  CHECK(std::string(buf) == "123.");
  SQLFreeStmt(st, SQL_CLOSE);
  // The same rule for a bound column: the row is an error row with 22003.
  SQLCHAR small[3];
  SQLLEN smallInd = 0;
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT CAST(12345 AS INTEGER)", SQL_NTS));
  ODBC_OK(SQLBindCol(st, 1, SQL_C_CHAR, small, sizeof small, &smallInd));
  CHECK(SQLFetch(st) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "22003");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("SQL_ATTR_MAX_LENGTH cuts character data silently, bound or not", "[attributes]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_MAX_LENGTH, (SQLPOINTER)5, 0));
  SQLULEN max = 0;
  ODBC_OK(SQLGetStmtAttr(st, SQL_ATTR_MAX_LENGTH, &max, 0, nullptr));
  CHECK(max == 5);
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT CAST('abcdefghij' AS VARCHAR(10)), 1234567", SQL_NTS));
  char text[32];
  SQLLEN len = 0;
  ODBC_OK(SQLBindCol(st, 1, SQL_C_CHAR, text, sizeof text, &len));
  CHECK(SQLFetch(st) == SQL_SUCCESS);  // no 01004: the cut is what the application asked for
  CHECK(std::string(text) == "abcde");
  CHECK(len == 5);
  char number[32];
  CHECK(SQLGetData(st, 2, SQL_C_CHAR, number, sizeof number, &len) == SQL_SUCCESS);
  CHECK(std::string(number) == "1234567");  // numbers are not character data
  SQLFreeStmt(st, SQL_UNBIND);
  SQLFreeStmt(st, SQL_CLOSE);
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT CAST('abcdefghij' AS VARCHAR(10))", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  CHECK(SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &len) == SQL_SUCCESS);
  CHECK(std::string(text) == "abcde");
  CHECK(SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &len) == SQL_NO_DATA);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("a parameter array on a SELECT gives one result set per parameter set", "[params]") {
  Env e;
  SQLHSTMT st = e.statement();
  exec(st,
       "CREATE TABLE t_paramsel AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
       "i < 10) SELECT i FROM n");
  SQLINTEGER below[4] = {3, 1, 5, 2};
  SQLLEN inds[4] = {0, 0, 0, 0};
  SQLUSMALLINT status[4] = {};
  SQLUSMALLINT operation[4] = {SQL_PARAM_PROCEED, SQL_PARAM_PROCEED, SQL_PARAM_PROCEED, SQL_PARAM_IGNORE};
  SQLULEN processed = 0;
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)4, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, operation, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0));
  ODBC_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, below, 0, inds));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i FROM t_paramsel WHERE i < ? ORDER BY i", SQL_NTS));
  CHECK(processed == 1);
  CHECK(status[0] == SQL_PARAM_SUCCESS);
  CHECK(column1(st) == std::vector<long>{1, 2});
  ODBC_OK(SQLMoreResults(st));
  CHECK(column1(st).empty());
  ODBC_OK(SQLMoreResults(st));
  CHECK(processed == 3);
  CHECK(column1(st) == std::vector<long>{1, 2, 3, 4});
  CHECK(SQLMoreResults(st) == SQL_NO_DATA);  // the fourth set is SQL_PARAM_IGNORE
  CHECK(status[3] == SQL_PARAM_UNUSED);
  // Closing the cursor discards the result sets still pending.
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i FROM t_paramsel WHERE i < ? ORDER BY i", SQL_NTS));
  ODBC_OK(SQLCloseCursor(st));
  CHECK(SQLMoreResults(st) == SQL_NO_DATA);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("output parameters are refused: procedures return result sets", "[params]") {
  Env e;
  SQLHSTMT st = e.statement();
  SQLCHAR out[64];
  SQLLEN len = 0;
  CHECK(SQLBindParameter(st, 1, SQL_PARAM_OUTPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, out, sizeof out, &len) ==
        SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYC00");
  CHECK(SQLExecDirect(st, (SQLCHAR*)"{? = call GetContainerStatus('1')}", SQL_NTS) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "42000");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
